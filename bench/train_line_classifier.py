#!/usr/bin/python3
"""Trains the line classifier of the filter stage on line-labelled page text.

Training data, built here from what ../shared/bench holds (nothing is
downloaded): the visible text of the WCXB development pages (wcxb/dev, 1,497
pages of 7 kinds: article, service, product, collection, forum, listing,
documentation) and of the 181 AEB pages, one block per line as a crawler's
text extraction writes it (bench/filter_linelabel.py's HTML-to-text pass).
A line is labelled clean when it belongs to the page's ground-truth main
content (a whole line of it, or, from 25 letters on, a part of it), noise
otherwise.

Each page's text goes once through the cleaner's text path with
--explain, which gives the rules' verdict on every line (the strongest
evidence, kept as a feature). The other features are cheap shape
features of the line and its two neighbours (see FEATURES). A logistic
regression is fitted; figures are CROSS-VALIDATED with folds grouped by
domain (GroupKFold, 5 folds), and the threshold of each fold is chosen on
its training folds for KEEP (95.5 %) of clean lines kept.

    /usr/bin/python3 bench/train_line_classifier.py [path/to/cleaner] [--trees] [--write FILE]

--trees also cross-validates gradient-boosted trees (sklearn's
HistGradientBoostingClassifier) on the same features, for comparison.
--write FILE stores the logistic weights, the feature scaling and the
threshold (fitted on all the data) in FILE. The cleaner does not read such
a file yet: the C++ inference is not written (issue 12, points 1 and 6).
"""
import gzip
import json
import math
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from filter_linelabel import Text, key  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / 'shared' / 'bench'
KEEP = 0.955

STOP = {}
for row in (Path(__file__).resolve().parent / 'line_classifier_stopwords.tsv').read_text(encoding='utf-8').splitlines():
    if row and not row.startswith('#'):
        lang, words = row.split('\t')
        STOP[lang] = set(words.split())
ALL_STOP = set().union(*STOP.values())
WORD = re.compile(r'\w+', re.UNICODE)


def visible_lines(html):
    p = Text()
    p.feed(html)
    p.flush()
    return [l for l in p.lines if len(key(l)) >= 3]


def labelled(lines, main):
    body = key(main)
    body_lines = {key(l) for l in main.split('\n')}
    return [(l, key(l) in body_lines or (len(key(l)) >= 25 and key(l) in body)) for l in lines]


def pages():
    """(group, page kind, [(line, clean)]) for every page."""
    out = []
    wc = SHARED / 'wcxb' / 'dev'
    for gt in sorted((wc / 'ground-truth').glob('*.json')):
        d = json.loads(gt.read_text(encoding='utf-8'))
        if not (d.get('ground_truth') or {}).get('main_content'):
            continue
        html = gzip.open(wc / 'html' / (gt.stem + '.html.gz')).read().decode('utf-8', 'replace')
        dom = urlparse(d.get('url', '')).netloc.lower().removeprefix('www.') or gt.stem
        kind = d.get('_internal', {}).get('page_type', {}).get('primary', '?')
        out.append((dom, kind, labelled(visible_lines(html), d['ground_truth']['main_content'])))
    truth = json.loads((SHARED / 'aeb' / 'ground-truth.json').read_text(encoding='utf-8'))
    for doc_id in sorted(truth):
        html = (SHARED / 'aeb' / 'html' / (doc_id + '.html')).read_text(encoding='utf-8',
                                                                        errors='replace')
        dom = urlparse(truth[doc_id].get('url', '')).netloc.lower().removeprefix('www.')
        out.append((dom or doc_id, 'aeb', labelled(visible_lines(html), truth[doc_id]['articleBody'])))
    return [p for p in out if p[2]]


def rule_verdicts(binary, docs):
    """For each page, the set of line keys the cleaner's filter keeps."""
    kept = []
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, (_, _, lines) in enumerate(docs):
            name = Path(tmp, '%05d.txt' % i)
            name.write_text('\n'.join(l for l, _ in lines) + '\n', encoding='utf-8')
            names.append(name)
        out_dir = Path(tmp, 'out')
        subprocess.run([binary, '--input-format', 'text', '-j', '1', '-o',
                        str(out_dir)] + [str(n) for n in names], capture_output=True)
        for n in names:
            o = out_dir / n.name
            kept.append({key(l) for l in o.read_text(encoding='utf-8').split('\n')}
                        if o.exists() else set())
    return kept


FEATURES = ['rule_kept', 'log_words', 'stop_share', 'stop_count_log', 'terminal', 'question',
            'colon_end', 'starts_upper', 'digit_share', 'upper_share', 'symbol_share',
            'separators', 'has_url', 'log_chars', 'repeated', 'position',
            'prev_stop_share', 'next_stop_share', 'prev_log_words', 'next_log_words',
            'prev_rule_kept', 'next_rule_kept']


def line_shape(line):
    words = WORD.findall(line.lower())
    n = len(words)
    stops = sum(w in ALL_STOP for w in words)
    chars = max(len(line), 1)
    letters = sum(c.isalpha() for c in line)
    return {
        'log_words': math.log1p(n),
        'stop_share': stops / n if n else 0.0,
        'stop_count_log': math.log1p(stops),
        'terminal': float(line.rstrip('"\'”’)»').endswith(('.', '!', '。'))),
        'question': float(line.rstrip().endswith('?')),
        'colon_end': float(line.rstrip().endswith(':')),
        'starts_upper': float(line[:1].isupper()),
        'digit_share': sum(c.isdigit() for c in line) / chars,
        'upper_share': sum(c.isupper() for c in line) / max(letters, 1),
        'symbol_share': sum(not c.isalnum() and not c.isspace() for c in line) / chars,
        'separators': float(len(re.findall(r' [|/»›•·>-] ', line)) > 0),
        'has_url': float('http' in line or 'www.' in line or '@' in line),
        'log_chars': math.log1p(len(line)),
    }


def features(lines, kept):
    counts = Counter(key(l) for l, _ in lines)
    shapes = [line_shape(l) for l, _ in lines]
    rows = []
    n = len(lines)
    for i, (l, _) in enumerate(lines):
        s = dict(shapes[i])
        s['rule_kept'] = float(key(l) in kept)
        s['repeated'] = float(counts[key(l)] > 1)
        s['position'] = i / max(n - 1, 1)
        p = shapes[i - 1] if i > 0 else None
        q = shapes[i + 1] if i + 1 < n else None
        s['prev_stop_share'] = p['stop_share'] if p else 0.0
        s['next_stop_share'] = q['stop_share'] if q else 0.0
        s['prev_log_words'] = p['log_words'] if p else 0.0
        s['next_log_words'] = q['log_words'] if q else 0.0
        s['prev_rule_kept'] = float(i > 0 and key(lines[i - 1][0]) in kept)
        s['next_rule_kept'] = float(i + 1 < n and key(lines[i + 1][0]) in kept)
        rows.append([s[f] for f in FEATURES])
    return rows


def threshold_for(scores, y, keep):
    clean = np.sort(scores[y == 1])
    return clean[int((1 - keep) * len(clean))] if len(clean) else 0.5


def bal(pred, y):
    return ((pred[y == 1].mean() + (1 - pred[y == 0]).mean()) / 2, pred[y == 1].mean(),
            1 - pred[y == 0].mean())


def main():
    args = sys.argv[1:]
    write = None
    if '--write' in args:
        at = args.index('--write')
        write = args[at + 1]
        del args[at:at + 2]
    trees = '--trees' in args
    args = [a for a in args if a != '--trees']
    binary = args[0] if args else str(ROOT / 'build' / 'cleaner')
    cache = Path(tempfile.gettempdir()) / 'train_line_classifier.pages.json'
    if cache.exists():
        docs = json.loads(cache.read_text(encoding='utf-8'))
    else:
        docs = pages()
        cache.write_text(json.dumps(docs), encoding='utf-8')
    kept = rule_verdicts(binary, docs)
    X, y, g, kinds = [], [], [], []
    for (dom, kind, lines), k in zip(docs, kept):
        X += features(lines, k)
        y += [int(c) for _, c in lines]
        g += [dom] * len(lines)
        kinds += [kind] * len(lines)
    X, y, g, kinds = np.array(X), np.array(y), np.array(g), np.array(kinds)
    print(f'{len(docs)} pages, {len(set(g))} domains, {len(y)} lines '
          f'({y.sum()} clean, {len(y) - y.sum()} noise)')
    rules = X[:, 0]
    b, ck, nr = bal(rules, y)
    print(f'rules only (the filter as it is):  balanced accuracy {b:.3f}  clean kept {ck:.3f}  '
          f'noise removed {nr:.3f}')
    pred = np.zeros(len(y))
    for tr, te in GroupKFold(n_splits=5).split(X, y, g):
        mu, sd = X[tr].mean(0), X[tr].std(0) + 1e-9
        m = LogisticRegression(max_iter=2000, C=1.0, class_weight='balanced')
        m.fit((X[tr] - mu) / sd, y[tr])
        t = threshold_for(m.decision_function((X[tr] - mu) / sd), y[tr], KEEP)
        pred[te] = m.decision_function((X[te] - mu) / sd) >= t
    b, ck, nr = bal(pred, y)
    print(f'classifier, 5-fold GroupKFold by domain:  balanced accuracy {b:.3f}  '
          f'clean kept {ck:.3f}  noise removed {nr:.3f}')
    for kind in sorted(set(kinds)):
        s = kinds == kind
        b, ck, nr = bal(pred[s], y[s])
        print(f'  {kind:14s} lines {s.sum():6d}  balanced {b:.3f}  clean kept {ck:.3f}  '
              f'noise removed {nr:.3f}')
    if trees:
        from sklearn.ensemble import HistGradientBoostingClassifier
        pred = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(X, y, g):
            m = HistGradientBoostingClassifier(max_iter=200, class_weight='balanced')
            m.fit(X[tr], y[tr])
            t = threshold_for(m.predict_proba(X[tr])[:, 1], y[tr], KEEP)
            pred[te] = m.predict_proba(X[te])[:, 1] >= t
        b, ck, nr = bal(pred, y)
        print(f'trees, 5-fold GroupKFold by domain:  balanced accuracy {b:.3f}  '
              f'clean kept {ck:.3f}  noise removed {nr:.3f}')
    if write:
        mu, sd = X.mean(0), X.std(0) + 1e-9
        m = LogisticRegression(max_iter=2000, C=1.0, class_weight='balanced')
        m.fit((X - mu) / sd, y)
        t = threshold_for(m.decision_function((X - mu) / sd), y, KEEP)
        out = ['# GENERATED by',
               '# bench/train_line_classifier.py (logistic regression over the line',
               '# features named here; rerun it to retrain). score = bias + sum of',
               '# weight * (value - mean) / scale; a line scoring under the threshold is noise.',
               f'threshold\t{t:.6f}', f'bias\t{m.intercept_[0]:.6f}']
        for f, w, a, s in zip(FEATURES, m.coef_[0], mu, sd):
            out.append(f'feature\t{f}\t{w:.6f}\t{a:.6f}\t{s:.6f}')
        Path(write).write_text('\n'.join(out) + '\n')
        print('wrote', write)


if __name__ == '__main__':
    main()
