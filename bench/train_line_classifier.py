#!/usr/bin/python3
"""Trains the filter stage's line classifier (filters/line_classifier.txt).

Training data, built here from what ../shared/bench holds (nothing is
downloaded): the visible text of the WCXB development pages (wcxb/dev, 1,497
pages of 7 kinds: article, service, product, collection, forum, listing,
documentation) and of the 181 AEB pages, one block per line as a crawler's
text extraction writes it (bench/filter_linelabel.py's HTML-to-text pass).
A line is labelled clean when it belongs to the page's ground-truth main
content (a whole line of it, or, from 25 letters on, a part of it), noise
otherwise.

The features are the cleaner's own: build/bench/line_features runs each
page's text through the text path and prints, for every line, what the
rules said of it and the classifier's features (cleaner/filter/
line_classifier.cc computes them; nothing is recomputed here, so training
and inference cannot disagree). The classifier judges only the lines the
rules leave undecided: a logistic regression is fitted on those, then two
thresholds are chosen: under drop_below a line is noise by itself, from
keep_above content by itself, and a line in between takes the side of the
nearest certain lines (the context pass, simulated here as the C++ does
it). The thresholds maximise balanced accuracy over all lines while the
classifier loses at most MAX_LOSS of the clean lines the rules keep.

Figures are CROSS-VALIDATED: 5 folds grouped by domain (GroupKFold), the
model and thresholds of each fold fitted on the other four.

    /usr/bin/python3 bench/train_line_classifier.py [--build DIR] [--write]

--write fits on all the data and writes filters/line_classifier.txt.
"""
import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from filter_linelabel import Text, key  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / 'shared' / 'bench'
MAX_LOSS = 0.015  # of the clean lines the rules keep
# Of the lines of the pages' ground-truth main content, run as text alone
# (clean text, every line content), the share the classifier may remove
# on top of the rules. At 0.3 % no threshold pair helps on any fold (the
# classifier stays out of the way), which is why it is off by default
# (--line-classifier turns it on at this 1 % operating point).
MAX_BODY_LOSS = 0.01
# The neighbour features must pull towards noise only (see line_classifier.h:
# a kept line stays kept once the dropped lines are gone).
NEGATIVE_ONLY = ('prev_dropped', 'next_dropped', 'content_distance')
POSITIVE_ONLY = ('content_around',)
UNDECIDED, CONTENT, DROPPED, SKIPPED, WEAK = 0, 1, 2, 3, 4
HEADING_REACH = 1  # lines between a heading and its content (kHeadingReach)


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


def bodies():
    """The ground-truth main content of every WCXB page that pages() reads,
    in the same order, as [(line, True)]: clean text, every line content."""
    out = []
    for gt in sorted((SHARED / 'wcxb' / 'dev' / 'ground-truth').glob('*.json')):
        d = json.loads(gt.read_text(encoding='utf-8'))
        main = (d.get('ground_truth') or {}).get('main_content')
        if main:
            out.append(('', '', [(l.strip(), True) for l in main.split('\n')
                                 if len(key(l)) >= 3]))
    return out


def features(build, docs):
    """Per page: (names, rule states, feature matrix, labels) from line_features."""
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, (_, _, lines) in enumerate(docs):
            name = Path(tmp, '%05d.txt' % i)
            name.write_text('\n'.join(l for l, _ in lines) + '\n', encoding='utf-8')
            names.append(str(name))
        run = subprocess.run([str(Path(build, 'bench', 'line_features')), '--input-format', 'text',
                              '--no-repair'] + names, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit('line_features failed: ' + run.stderr[-2000:])
        out = run.stdout.split('\n')
    header = out[0].split('\t')
    feat_names = header[2:-1]
    rows = defaultdict(list)
    for row in out[1:]:
        if row:
            f = row.split('\t')
            rows[int(f[0])].append((int(f[1]), [float(v) for v in f[2:-1]], f[-1]))
    per_doc = []
    for i, (_, _, lines) in enumerate(docs):
        label = {key(l): c for l, c in lines}
        rs = rows.get(i, [])
        # A line the text path joined has no label of its own: noise.
        y = [label.get(key(t), False) for _, _, t in rs]
        per_doc.append((np.array([r for r, _, _ in rs], dtype=int),
                        np.array([x for _, x, _ in rs], dtype=float).reshape(len(rs), len(feat_names)),
                        np.array(y, dtype=bool)))
    return feat_names, per_doc


def decide(rule, score, drop_below, keep_above, doc_of=None):
    """Kept lines, as cleaner/filter/line_classifier.cc decides them. The
    arrays may hold many documents one after the other: doc_of gives each
    line's document number (increasing)."""
    n = len(rule)
    if doc_of is None:
        doc_of = np.zeros(n, dtype=int)
    side = np.where((rule == DROPPED) | (rule == WEAK), -1, 1)
    und = rule == UNDECIDED
    side[und] = np.where(score[und] < drop_below, -1, np.where(score[und] >= keep_above, 1, 0))
    keep = side >= 0
    if n == 0:
        return keep
    idx = np.arange(n)
    starts = np.r_[0, np.flatnonzero(np.diff(doc_of)) + 1]
    start_of = starts[np.searchsorted(starts, idx, side='right') - 1]
    ends = np.r_[starts[1:], n]
    end_of = ends[np.searchsorted(starts, idx, side='right') - 1]
    certain = side != 0
    # The nearest certain line above (in the same document), or none.
    last = np.where(certain, idx, -1)
    last = np.maximum.accumulate(last)
    prev = np.r_[-1, last[:-1]]
    above = np.where(prev >= start_of, side[np.maximum(prev, 0)], -1)
    nxt = np.where(certain, idx, n)
    nxt = np.minimum.accumulate(nxt[::-1])[::-1]
    after = np.r_[nxt[1:], n]
    below = np.where(after < end_of, side[np.minimum(after, n - 1)], -1)
    content = np.add.reduceat((side > 0).astype(int), starts) > 0
    has_content = np.repeat(content, ends - starts)
    heading = np.zeros(n, dtype=bool)
    for d in range(1, HEADING_REACH + 2):
        k = idx + d
        ok = k < end_of
        heading |= ok & (side[np.minimum(k, n - 1)] > 0)
    keep |= und & (side < 0) & heading
    keep &= ~(und & (side == 0) & (above < 0) & (below < 0) & has_content & ~heading)
    return keep


def fit(X, y, feat_names):
    mu, sd = X.mean(0), X.std(0) + 1e-9
    m = LogisticRegression(max_iter=3000, C=1.0, class_weight='balanced')
    m.fit((X - mu) / sd, y)
    w = m.coef_[0].copy()
    for j, n in enumerate(feat_names):
        if (n in NEGATIVE_ONLY and w[j] > 0) or (n in POSITIVE_ONLY and w[j] < 0):
            w[j] = 0.0
    return w, m.intercept_[0], mu, sd


def scores(X, model):
    w, b, mu, sd = model
    return 1 / (1 + np.exp(-(b + ((X - mu) / sd) @ w)))


def balanced(keep, y):
    ck = keep[y].mean() if y.any() else 1.0
    nr = (~keep[~y]).mean() if (~y).any() else 1.0
    return (ck + nr) / 2, ck, nr


def body_loss(body_docs, model, lo, hi):
    """Share of the bodies' lines the rules keep that the classifier drops."""
    if not body_docs:
        return 0.0
    rule = np.concatenate([d[0] for d in body_docs])
    X = np.concatenate([d[1] for d in body_docs])
    doc_of = np.concatenate([np.full(len(d[0]), i) for i, d in enumerate(body_docs)])
    keep = decide(rule, scores(X, model), lo, hi, doc_of)
    ruled = (rule != DROPPED) & (rule != WEAK)
    return 1 - keep[ruled].mean()


def choose(docs, model, body_docs=()):
    """drop_below, keep_above maximising balanced accuracy while
    the classifier loses at most MAX_LOSS of the clean lines the rules keep."""
    rule = np.concatenate([d[0] for d in docs])
    X = np.concatenate([d[1] for d in docs])
    y = np.concatenate([d[2] for d in docs])
    doc_of = np.concatenate([np.full(len(d[0]), i) for i, d in enumerate(docs)])
    sc = scores(X, model)
    base_clean = (((rule != DROPPED) & (rule != WEAK)) & y).sum()
    best = (0.0, 0.0, -1.0)
    for lo in [0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]:
        for hi in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]:
            if hi < lo:
                continue
            keep = decide(rule, sc, lo, hi, doc_of)
            if (keep & y).sum() < (1 - MAX_LOSS) * base_clean:
                continue
            b = balanced(keep, y)[0]
            if b > best[2] and body_loss(body_docs, model, lo, hi) <= MAX_BODY_LOSS:
                best = (lo, hi, b)
    return best[:2]


def undecided_xy(docs):
    """The lines the classifier judges: those the rules left undecided."""
    X = np.concatenate([X[r == UNDECIDED] for r, X, _ in docs])
    y = np.concatenate([y[r == UNDECIDED] for r, _, y in docs])
    return X, y


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=str(ROOT / 'build'))
    ap.add_argument('--write', action='store_true')
    a = ap.parse_args()
    cache = Path(tempfile.gettempdir()) / 'train_line_classifier.pages.json'
    if cache.exists():
        docs = json.loads(cache.read_text(encoding='utf-8'))
    else:
        docs = pages()
        cache.write_text(json.dumps(docs), encoding='utf-8')
    feat_names, per_doc = features(a.build, docs)
    _, body_docs = features(a.build, bodies())
    groups = np.array([d[0] for d in docs])
    kinds = [d[1] for d in docs]
    y_all = np.concatenate([d[2] for d in per_doc])
    print(f'{len(docs)} pages, {len(set(groups))} domains, {len(y_all)} lines '
          f'({y_all.sum()} clean, {(~y_all).sum()} noise); '
          f'{sum((d[0] == UNDECIDED).sum() for d in per_doc)} undecided by the rules')
    rules_keep = [(d[0] != DROPPED) & (d[0] != WEAK) for d in per_doc]
    b, ck, nr = balanced(np.concatenate(rules_keep), y_all)
    print(f'rules only:            balanced accuracy {b:.3f}  clean kept {ck:.3f}  noise removed {nr:.3f}')
    kept = [None] * len(docs)
    fold_models, fold_tests = [], []
    for tr, te in GroupKFold(n_splits=5).split(np.zeros(len(docs)), groups=groups):
        train = [per_doc[i] for i in tr]
        model = fit(*undecided_xy(train), feat_names)
        lo, hi = choose(train, model, [body_docs[i] for i in tr if i < len(body_docs)])
        print(f'  fold: drop_below {lo}  keep_above {hi}')
        fold_models.append((model, (lo, hi)))
        fold_tests.append(te)
        for i in te:
            r, X, _ = per_doc[i]
            kept[i] = decide(r, scores(X, model), lo, hi) if len(X) else np.zeros(0, bool)
    loss = [body_loss([body_docs[i] for i in te if i < len(body_docs)], fold_models[k][0],
                      *fold_models[k][1]) for k, te in enumerate(fold_tests)]
    print(f'  held-out main content of the WCXB pages, lines the classifier drops: '
          + ' '.join(f'{100 * l:.2f} %' for l in loss))
    b, ck, nr = balanced(np.concatenate(kept), y_all)
    print(f'rules + classifier, 5-fold GroupKFold by domain: balanced accuracy {b:.3f}  '
          f'clean kept {ck:.3f}  noise removed {nr:.3f}')
    for kind in sorted(set(kinds)):
        idx = [i for i, k in enumerate(kinds) if k == kind]
        y = np.concatenate([per_doc[i][2] for i in idx])
        b0 = balanced(np.concatenate([rules_keep[i] for i in idx]), y)
        b1 = balanced(np.concatenate([kept[i] for i in idx]), y)
        print(f'  {kind:14s} lines {len(y):6d}  rules {b0[0]:.3f} ({b0[1]:.3f} kept, {b0[2]:.3f} '
              f'removed)  with classifier {b1[0]:.3f} ({b1[1]:.3f} kept, {b1[2]:.3f} removed)')
    if a.write:
        model = fit(*undecided_xy(per_doc), feat_names)
        lo, hi = choose(per_doc, model, body_docs)
        w, bias, mu, sd = model
        out = ['# GENERATED by bench/train_line_classifier.py --write; rerun it to retrain',
               '# (filters/README.md describes the format). A logistic regression over the',
               '# features of cleaner/filter/line_classifier.cc, fitted on the lines the rules',
               '# leave undecided in the visible text of the WCXB dev and AEB pages:',
               '# score = 1 / (1 + exp(-(bias + sum of weight * (value - mean) / scale))),',
               '# the probability that the line is content.',
               f'bias\t{bias:.6f}', f'drop_below\t{lo:.4f}', f'keep_above\t{hi:.4f}']
        for n, wj, m, s in zip(feat_names, w, mu, sd):
            out.append(f'feature\t{n}\t{wj:.6f}\t{m:.6f}\t{s:.6f}')
        (ROOT / 'filters' / 'line_classifier.txt').write_text('\n'.join(out) + '\n')
        print(f'wrote filters/line_classifier.txt (drop_below {lo}, keep_above {hi})')


if __name__ == '__main__':
    main()
