#!/usr/bin/python3
"""Trains the filter stage's line classifier (filters/line_classifier.txt).

Training data, built here from what ../shared/bench holds (nothing is
downloaded): the visible text of the WCXB development pages (wcxb/dev, 1,497
pages of 7 kinds: article, service, product, collection, forum, listing,
documentation) and of the 181 AEB pages, one block per line as a crawler's
text extraction writes it (bench/filter_linelabel.py's HTML-to-text pass).
A line is labelled clean when it belongs to the page's ground-truth main
content (a whole line of it, or, from 25 letters on, a part of it), noise
otherwise. The page's title (the first line that is its first <h1>'s text)
is clean too: the cleaner's output keeps a page's title (the seeds of
../shared/spec do), where WCXB's and AEB's ground truths of an article
leave it out (on WCXB the <h1> is in the ground truth of 109 article pages
of 744).

With them, the pages of bench/crawled: text written by hand as a
crawler writes it (menus and footers glued on one line, buttons glued to
counts), every line labelled by hand, `?` lines neither trained on nor
scored. They are few (a couple of hundred pages against 1,632) and they
are the kind of text the classifier is for, so a line of theirs weighs
CRAWLED_WEIGHT (--crawled-weight) in
training; their figures are printed apart (kind `crawled`), each page
judged by the fold model that did not see it (a page is its own group).
--no-crawled trains without them, --crawled-weight 0 scores them without
training on them, --crawled-pages A,B trains on those pages only (a new
batch, scored by bench/crawled_lines.py before it is trained on).

The features are the cleaner's own: build/bench/line_features runs each
page's text through the text path and prints, for every line, what the
rules said of it and its line features (cleaner/filter/line_classifier.cc
computes them). The window a line is judged by (its features, its
neighbours', what the rules said, its place, the share of the document the
rules dropped) is assembled here exactly as WindowFeatures() does in C++.

The model judges only documents that read as crawled pages: at least GATE of
their lines dropped by the rules (a clean article body has next to none), and
in them only the lines the rules leave undecided. It is gradient-boosted
shallow trees (sklearn's HistGradientBoostingClassifier, TREES trees of
depth DEPTH), fitted on the lines the rules keep in such documents; the
threshold under which a line is dropped maximises balanced accuracy over
all lines while the classifier removes at most MAX_LOSS of the clean lines
the rules keep, measured on scores of pages the model was not fitted on
(4 inner folds by domain). --favor precision and --favor recall have their
thresholds, chosen alike with the losses of LEANS. A line right above content (past up to HEADING_REACH lines
the rules dropped) is kept whatever it scores, as Heading() keeps it: a
headline or a section's heading.

Figures are CROSS-VALIDATED: 5 folds grouped by domain (GroupKFold), the
model and threshold of each fold fitted on the other four; the overall
figures are the WCXB and AEB pages', bench/crawled's are printed apart. No harm is
measured on the 181 AEB article bodies as text (lines of clean text the
fold models drop).

The rule lists were written with these pages in view, and crawled text
from elsewhere holds noise they do not know. --held-out-rules FILE,...
measures that case: the fold models (trained with every rule file) judge
the test pages as the text path reads them with those rule files emptied
(the gate then sees fewer lines dropped, and the model less of what the
rules said). The default set holds out navigation, related, share,
account, newsletter and ads.

    /usr/bin/python3 bench/train_line_classifier.py [--build DIR] [--write]
        [--held-out-rules [FILE,...]] [--no-crawled | --crawled-weight W]
        [--crawled-pages A,B,...]

--write fits on all the data and writes filters/line_classifier.txt.
"""
import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from html import unescape
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from filter_linelabel import Text, key  # noqa: E402
from crawled_lines import PAGES, read_page  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / 'shared' / 'bench'
MAX_LOSS = 0.03  # of the clean lines the rules keep, the classifier may remove
LEANS = {'precision': 0.06, 'recall': 0.01}  # MAX_LOSS under --favor
GATE = 0.1       # share of a document's lines the rules drop: a crawled page
TREES, DEPTH, RATE = 100, 4, 0.1
CRAWLED_WEIGHT = 30.0  # a bench/crawled line's weight in training, against a WCXB/AEB line's 1
HELD_OUT = ','.join('line_filter_%s.txt' % n for n in
                    ('navigation', 'related', 'share', 'account', 'newsletter', 'ads'))
HEADING_REACH = 3  # dropped lines between a heading and its content (kHeadingReach)
UNDECIDED, CONTENT, DROPPED, SKIPPED, WEAK = 0, 1, 2, 3, 4


def visible_lines(html):
    p = Text()
    p.feed(html)
    p.flush()
    return [l for l in p.lines if len(key(l)) >= 3]


def title_of(html):
    """The text of the page's first <h1>, or ''."""
    m = re.search(r'<h1[^>]*>(.*?)</h1>', html, re.S | re.I)
    return unescape(re.sub(r'<[^>]+>', ' ', m.group(1))) if m else ''


def labelled(lines, main, title=''):
    body = key(main)
    body_lines = {key(l) for l in main.split('\n')}
    out = [(l, key(l) in body_lines or (len(key(l)) >= 25 and key(l) in body)) for l in lines]
    t = key(title)
    for i, (l, _) in enumerate(out):
        if len(t) >= 3 and key(l) == t:
            out[i] = (l, True)
            break
    return out


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
        out.append((dom, kind, labelled(visible_lines(html), d['ground_truth']['main_content'],
                                        title_of(html))))
    truth = json.loads((SHARED / 'aeb' / 'ground-truth.json').read_text(encoding='utf-8'))
    for doc_id in sorted(truth):
        html = (SHARED / 'aeb' / 'html' / (doc_id + '.html')).read_text(encoding='utf-8',
                                                                        errors='replace')
        dom = urlparse(truth[doc_id].get('url', '')).netloc.lower().removeprefix('www.')
        out.append((dom or doc_id, 'aeb', labelled(visible_lines(html), truth[doc_id]['articleBody'],
                                                   title_of(html))))
    return [p for p in out if p[2]]


def crawled_pages(only=None):
    """(group, 'crawled', [(line, clean)]) for every page of bench/crawled (or
    the pages named in `only`): text written by hand as a crawler writes it,
    every line labelled by hand; a line labelled `?` is in the text (its
    neighbours see it) but neither trained on nor scored (clean None)."""
    clean = {'C': True, 'N': False, '?': None}
    return [('crawled:' + path.stem, 'crawled',
             [(text, clean[label]) for text, label in read_page(path) if key(text)])
            for path in sorted(PAGES.glob('*.txt')) if only is None or path.stem in only]


def features(build, docs, emptied=(), crawled_weight=CRAWLED_WEIGHT):
    """Per page: (names, rule states, feature matrix, labels, training
    weights, scored) from line_features, with the rule files named in
    `emptied` replaced by empty ones. A line without a label is neither
    trained on (weight 0) nor scored; a labelled line weighs `crawled_weight`
    on a page of bench/crawled, 1 elsewhere."""
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, (_, _, lines) in enumerate(docs):
            name = Path(tmp, '%05d.txt' % i)
            name.write_text('\n'.join(l for l, _ in lines) + '\n', encoding='utf-8')
            names.append(str(name))
        # An empty model file in place of the shipped one: the features do
        # not depend on it, and a model being retrained may not load.
        Path(tmp, 'filters').mkdir()
        Path(tmp, 'filters', 'line_classifier.txt').write_text('# empty\n')
        for rule_file in emptied:
            Path(tmp, 'filters', rule_file).write_text('# held out\n')
        run = subprocess.run([str(Path(build, 'bench', 'line_features')), '--input-format', 'text',
                              '--no-repair', '--filters', str(Path(tmp, 'filters'))] + names,
                             capture_output=True, text=True)
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
    for i, (_, kind, lines) in enumerate(docs):
        label = {key(l): c for l, c in lines}
        rs = rows.get(i, [])
        # A line the text path joined has no label of its own: noise.
        y = [label.get(key(t), False) for _, _, t in rs]
        scale = crawled_weight if kind == 'crawled' else 1.0
        w = np.array([0.0 if c is None else scale for c in y])
        scored = np.array([c is not None for c in y], dtype=bool)
        per_doc.append((np.array([r for r, _, _ in rs], dtype=int),
                        # The C++ features are floats: their exact values, as C++ compares them.
                        np.array([x for _, x, _ in rs], dtype=np.float32).astype(float)
                        .reshape(len(rs), len(feat_names)),
                        np.array([bool(c) for c in y], dtype=bool), w, scored))
    return feat_names, per_doc


def dropped_share(rule):
    """RuleDroppedShare(): of the lines the rules judged, the share dropped."""
    judged = rule != SKIPPED
    return float(((rule == DROPPED) | (rule == WEAK))[judged].mean()) if judged.any() else 0.0


def window(rule, X):
    """WindowFeatures() for every line of a document: the line's features,
    the previous and the next line's (zeros at the edges), the rules' verdict
    one-hot, position, the rules' dropped share and the number of lines.
    Every value is one C++ computes bit for bit (a float feature, a quotient
    of integers, an integer): the trees split on exact values."""
    n, k = X.shape
    if n == 0:
        return np.zeros((0, 3 * k + 8))
    pad = np.zeros((1, k))
    prev, nxt = np.vstack([pad, X[:-1]]), np.vstack([X[1:], pad])
    onehot = np.stack([rule == r for r in range(5)], 1).astype(float)
    pos = np.arange(n) / max(n - 1, 1)
    return np.hstack([X, prev, nxt, onehot, pos[:, None], np.full((n, 1), dropped_share(rule)),
                      np.full((n, 1), float(n))])


def window_names(feat_names):
    return (feat_names + ['prev_' + n for n in feat_names] + ['next_' + n for n in feat_names] +
            ['rule_undecided', 'rule_content', 'rule_dropped', 'rule_skipped', 'rule_weak',
             'position', 'doc_dropped', 'doc_lines'])


def fit(docs):
    """Trees on the lines the rules keep in the gated documents."""
    gated = [d for d in docs if dropped_share(d[0]) >= GATE]
    X = np.concatenate([window(r, X) for r, X, _, _, _ in gated])
    y = np.concatenate([d[2] for d in gated])
    w = np.concatenate([d[3] for d in gated])
    rule = np.concatenate([d[0] for d in gated])
    use = (rule != DROPPED) & (rule != WEAK) & (rule != SKIPPED) & (w > 0)
    m = HistGradientBoostingClassifier(max_depth=DEPTH, max_iter=TREES, learning_rate=RATE,
                                       early_stopping=False, random_state=0)
    m.fit(X[use], y[use], sample_weight=w[use])
    return m


def heading(rule):
    """Heading() for every line: the next line, past up to HEADING_REACH
    lines the rules dropped, is a content paragraph."""
    n = len(rule)
    out = np.zeros(n, dtype=bool)
    for i in range(n):
        j, skipped = i + 1, 0
        while j < n and rule[j] in (DROPPED, WEAK) and skipped < HEADING_REACH:
            j, skipped = j + 1, skipped + 1
        out[i] = j < n and rule[j] == CONTENT
    return out


def scores(model, docs):
    """Per document, the model's probability of content for every line (1
    where it does not judge: the rules' verdict stands)."""
    out = []
    for r, X, _, _, _ in docs:
        p = np.ones(len(r))
        judged = r == UNDECIDED
        if judged.any() and dropped_share(r) >= GATE:
            p[judged] = model.predict_proba(window(r, X)[judged])[:, 1]
            p[heading(r)] = 1.0  # kept whatever it scores
        out.append(p)
    return out


def rules_keep(r):
    return (r != DROPPED) & (r != WEAK)


def balanced(keep, y, scored=None):
    """Balanced accuracy, clean kept, noise removed (over the scored lines)."""
    if scored is not None:
        keep, y = keep[scored], y[scored]
    ck = keep[y].mean() if y.any() else 1.0
    nr = (~keep[~y]).mean() if (~y).any() else 1.0
    return (ck + nr) / 2, ck, nr


def choose(docs, probs, max_loss=MAX_LOSS):
    """The threshold maximising balanced accuracy while the classifier
    removes at most `max_loss` of the clean lines the rules keep."""
    rk = np.concatenate([rules_keep(d[0]) for d in docs])
    y = np.concatenate([d[2] for d in docs])
    m = np.concatenate([d[4] for d in docs])
    rk, y, p = rk[m], y[m], np.concatenate(probs)[m]
    best = (0.0, -1.0)
    for t in np.arange(0.01, 0.61, 0.01):
        keep = rk & (p >= t)
        if (keep & y).sum() < (1 - max_loss) * (rk & y).sum():
            continue
        b = balanced(keep, y)[0]
        if b > best[1]:
            best = (round(float(t), 2), b)
    return best[0]


def held_out_scores(docs, groups):
    """Every document's scores from a model fitted without its domain (4
    folds grouped by domain): the threshold is chosen on scores like those
    of pages the model has not seen, so that it removes MAX_LOSS of their
    clean lines, not of the lines it was fitted on."""
    out = [None] * len(docs)
    for tr, te in GroupKFold(n_splits=4).split(np.zeros(len(docs)), groups=groups):
        model = fit([docs[i] for i in tr])
        for i, p in zip(te, scores(model, [docs[i] for i in te])):
            out[i] = p
    return out


def aeb_bodies():
    truth = json.loads((SHARED / 'aeb' / 'ground-truth.json').read_text(encoding='utf-8'))
    return [('', '', [(l.strip(), True) for l in truth[k]['articleBody'].split('\n')
                      if len(key(l)) >= 3]) for k in sorted(truth)]


def body_loss(model, threshold, body_docs):
    """Lines of the clean AEB bodies the rules keep and the classifier drops."""
    lost = 0
    for (r, _, _, _, _), p in zip(body_docs, scores(model, body_docs)):
        lost += int((rules_keep(r) & (p < threshold)).sum())
    return lost


def write(model, threshold, leans, names):
    out = ['# GENERATED by bench/train_line_classifier.py --write; rerun it to retrain',
           '# (filters/README.md describes the format). Gradient-boosted trees over the',
           '# window features of cleaner/filter/line_classifier.cc, fitted on the lines',
           '# the rules keep in the visible text of the WCXB dev and AEB pages and on',
           '# the hand-labelled pages of bench/crawled:',
           '# score = 1 / (1 + exp(-(base + the leaf value reached in each tree))),',
           '# the probability that the line is content. A document is judged when the',
           '# rules dropped `gate` of its lines; an undecided line scoring under',
           '# `threshold` is dropped (under --favor precision or recall, under that',
           '# lean\'s threshold). A node: feature, threshold (x <= threshold goes',
           '# left), left and right (node numbers within its tree), value.',
           f'gate\t{GATE:.4f}', f'threshold\t{threshold:.4f}'] + [
           f'threshold\t{lean}\t{t:.4f}' for lean, t in leans.items()] + [
           f'base\t{float(np.ravel(model._baseline_prediction)[0]):.9g}']
    for tree in model._predictors:
        nodes = tree[0].nodes
        out.append('tree')
        for nd in nodes:
            if nd['is_leaf']:
                out.append(f"leaf\t{nd['value']:.9g}")
            else:
                # sklearn keeps a split node's value unshrunk and its leaves'
                # shrunk by the learning rate: scaled here alike, so that the
                # change of value along a path (--explain's reasons) adds up.
                out.append(f"node\t{names[nd['feature_idx']]}\t{nd['num_threshold']:.17g}\t"
                           f"{nd['left']}\t{nd['right']}\t{RATE * nd['value']:.9g}")
    (ROOT / 'filters' / 'line_classifier.txt').write_text('\n'.join(out) + '\n')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--build', default=str(ROOT / 'build'))
    ap.add_argument('--write', action='store_true')
    ap.add_argument('--rules-only', action='store_true',
                    help='print what the rules alone do, and stop (no training)')
    ap.add_argument('--held-out-rules', nargs='?', const=HELD_OUT, default='',
                    help='judge the test folds with these rule files emptied')
    ap.add_argument('--no-crawled', action='store_true',
                    help='train on the WCXB and AEB pages alone, without bench/crawled')
    ap.add_argument('--crawled-weight', type=float, default=CRAWLED_WEIGHT,
                    help='a bench/crawled line\'s training weight (0: scored, not trained on)')
    ap.add_argument('--crawled-pages', default='',
                    help='train on these pages of bench/crawled only (names, comma-separated)')
    a = ap.parse_args()
    cache = Path(tempfile.gettempdir()) / 'train_line_classifier.pages.v2.json'  # v2: titles
    if cache.exists():
        docs = json.loads(cache.read_text(encoding='utf-8'))
    else:
        docs = pages()
        cache.write_text(json.dumps(docs), encoding='utf-8')
    if not a.no_crawled:
        docs += crawled_pages(set(a.crawled_pages.split(',')) if a.crawled_pages else None)
    feat_names, per_doc = features(a.build, docs, crawled_weight=a.crawled_weight)
    held_out = [f for f in a.held_out_rules.split(',') if f]
    per_doc_test = (features(a.build, docs, held_out, a.crawled_weight)[1] if held_out
                    else per_doc)
    if held_out:
        print('test folds read with these rule files held out: ' + ', '.join(held_out))
    names = window_names(feat_names)
    _, body_docs = features(a.build, aeb_bodies())
    groups = np.array([d[0] for d in docs])
    kinds = [d[1] for d in docs]
    # The figures are over the WCXB and AEB pages, bench/crawled's apart.
    base = np.array([k != 'crawled' for k in kinds])
    def over_base(arrays):
        """The WCXB and AEB pages' arrays, end to end."""
        return np.concatenate([x for x, b in zip(arrays, base) if b])

    y_all = over_base([d[2] for d in per_doc_test])
    gated = sum(dropped_share(d[0]) >= GATE for d in per_doc_test)
    gated_bodies = sum(dropped_share(d[0]) >= GATE for d in body_docs)
    print(f'{int(base.sum())} pages, {len(set(groups[base]))} domains, {len(y_all)} lines '
          f'({y_all.sum()} clean, {(~y_all).sum()} noise); {gated} pages and {gated_bodies} of '
          f'{len(body_docs)} AEB bodies have {GATE:.0%} of their lines dropped by the rules; '
          f'{len(docs) - int(base.sum())} pages of bench/crawled (weight {a.crawled_weight})')
    keep_rules = [rules_keep(d[0]) for d in per_doc_test]
    b, ck, nr = balanced(over_base(keep_rules), y_all)
    print(f'rules only:            balanced accuracy {b:.3f}  clean kept {ck:.3f}  noise removed {nr:.3f}')
    def by_kind(keep):
        """Per page kind: (kind, scored lines, balanced(keep)) over the scored lines."""
        for kind in sorted(set(kinds)):
            idx = [i for i, k in enumerate(kinds) if k == kind]
            y = np.concatenate([per_doc_test[i][2] for i in idx])
            scored = np.concatenate([per_doc_test[i][4] for i in idx])
            yield kind, len(y), balanced(np.concatenate([keep[i] for i in idx]), y, scored)

    if a.rules_only:
        for kind, lines, b0 in by_kind(keep_rules):
            print(f'  {kind:14s} lines {lines:6d}  rules {b0[0]:.3f} ({b0[1]:.3f} kept, '
                  f'{b0[2]:.3f} removed)')
        return
    kept = [None] * len(docs)
    lean_kept = {lean: [None] * len(docs) for lean in LEANS}
    losses = []
    for tr, te in GroupKFold(n_splits=5).split(np.zeros(len(docs)), groups=groups):
        train = [per_doc[i] for i in tr]
        model = fit(train)
        held = held_out_scores(train, groups[tr])
        threshold = choose(train, held)
        leans = {lean: choose(train, held, loss) for lean, loss in LEANS.items()}
        losses.append(body_loss(model, threshold, body_docs))
        print(f'  fold: threshold {threshold} ' +
              ' '.join(f'{lean} {t}' for lean, t in leans.items()))
        test = [per_doc_test[i] for i in te]
        for i, p in zip(te, scores(model, test)):
            kept[i] = keep_rules[i] & (p >= threshold)
            for lean, t in leans.items():
                lean_kept[lean][i] = keep_rules[i] & (p >= t)
    body_lines = sum(int(rules_keep(d[0]).sum()) for d in body_docs)
    print('  no harm: lines of the 181 clean AEB bodies (of ' + str(body_lines) +
          ' the rules keep) each fold\'s model drops: ' + ' '.join(str(l) for l in losses))
    b, ck, nr = balanced(over_base(kept), y_all)
    print(f'rules + classifier, 5-fold GroupKFold by domain: balanced accuracy {b:.3f}  '
          f'clean kept {ck:.3f}  noise removed {nr:.3f}')
    for lean, k in lean_kept.items():
        b, ck, nr = balanced(over_base(k), y_all)
        print(f'  --favor {lean:9s} (loss {LEANS[lean]}): balanced accuracy {b:.3f}  '
              f'clean kept {ck:.3f}  noise removed {nr:.3f}')
    for (kind, lines, b0), (_, _, b1) in zip(by_kind(keep_rules), by_kind(kept)):
        print(f'  {kind:14s} lines {lines:6d}  rules {b0[0]:.3f} ({b0[1]:.3f} kept, {b0[2]:.3f} '
              f'removed)  with classifier {b1[0]:.3f} ({b1[1]:.3f} kept, {b1[2]:.3f} removed)')
    if a.write:
        model = fit(per_doc)
        held = held_out_scores(per_doc, groups)
        threshold = choose(per_doc, held)
        write(model, threshold, {lean: choose(per_doc, held, loss) for lean, loss in LEANS.items()},
              names)
        print(f'wrote filters/line_classifier.txt (threshold {threshold}, {TREES} trees of depth '
              f'{DEPTH}; AEB body lines dropped: {body_loss(model, threshold, body_docs)})')


if __name__ == '__main__':
    main()
