#!/usr/bin/python3
"""A jusText-like baseline on the line classifier's training data, for calibration.

The line classifier (bench/train_line_classifier.py) is judged on line-labelled
page text built from the WCXB dev and AEB pages. How hard is that text next to
the line-labelled Common Crawl text peers report on? jusText's published score
there is a balanced accuracy of 0.747; this script runs jusText's algorithm
(Pomikalek 2011: blocks classified by length and stop-word density, then short
and near-good blocks take their neighbours' side) over the same lines and labels,
so that its figure here can be set beside that one. Written for this project
from the algorithm's description; its stop words are filters/stopwords.txt (every
language at once, the most frequent function words only: jusText's own lists are
longer, so the density thresholds are given on the command line).

    /usr/bin/python3 bench/justext_baseline.py [--short 70] [--long 200] \\
        [--low 0.30] [--high 0.32]

Reads the pages' lines from the training script's cache, building it first if
needed (same pages, same labels). Needs python3-numpy.
"""
import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_line_classifier as T  # noqa: E402

WORD = re.compile(r'\w+')


def stop_words():
    words = set()
    path = Path(__file__).resolve().parent.parent / 'filters' / 'stopwords.txt'
    for line in path.read_text(encoding='utf-8').splitlines():
        if line.startswith('stopwords\t'):
            words.update(line.split('\t')[2].split())
    return words


def classify(lines, words, a):
    """jusText's context-free classes, then its context pass; True = kept."""
    cls = []
    for line in lines:
        toks = WORD.findall(line.lower())
        density = sum(t in words for t in toks) / len(toks) if toks else 0.0
        if len(line) < a.short:
            cls.append('short')
        elif density >= a.high:
            cls.append('good' if len(line) > a.long else 'neargood')
        else:
            cls.append('neargood' if density >= a.low else 'bad')
    n = len(cls)

    def neighbour(i, step, ignore_neargood):
        j = i + step
        while 0 <= j < n:
            if cls[j] in ('good', 'bad') or (cls[j] == 'neargood' and not ignore_neargood):
                return cls[j]
            j += step
        return 'bad'  # the document's edges count as boilerplate

    out = list(cls)
    for i, c in enumerate(cls):
        if c != 'short':
            continue
        prev, nxt = neighbour(i, -1, True), neighbour(i, 1, True)
        if prev == nxt:
            out[i] = prev
        elif (prev == 'bad' and neighbour(i, -1, False) == 'neargood') or \
                (nxt == 'bad' and neighbour(i, 1, False) == 'neargood'):
            out[i] = 'good'
        else:
            out[i] = 'bad'
    for i, c in enumerate(cls):
        if c == 'neargood':
            both_bad = neighbour(i, -1, True) == 'bad' and neighbour(i, 1, True) == 'bad'
            out[i] = 'bad' if both_bad else 'good'
    return [c == 'good' for c in out]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--short', type=int, default=70, help='characters under which a block is short')
    ap.add_argument('--long', type=int, default=200, help='characters over which a block can be good')
    ap.add_argument('--low', type=float, default=0.30, help='stop-word density of near-good')
    ap.add_argument('--high', type=float, default=0.32, help='stop-word density of good')
    a = ap.parse_args()
    cache = Path(tempfile.gettempdir()) / 'train_line_classifier.pages.json'
    if cache.exists():
        docs = json.loads(cache.read_text(encoding='utf-8'))
    else:
        docs = T.pages()
        cache.write_text(json.dumps(docs), encoding='utf-8')
    words = stop_words()
    per_kind = {}
    for _, kind, lines in docs:
        kept = classify([l for l, _ in lines], words, a)
        k, y = per_kind.setdefault(kind, ([], []))
        k.extend(kept)
        y.extend(c for _, c in lines)
    keep = np.concatenate([np.array(k, dtype=bool) for k, _ in per_kind.values()])
    y = np.concatenate([np.array(y, dtype=bool) for _, y in per_kind.values()])
    b, ck, nr = T.balanced(keep, y)
    print(f'jusText-like (short {a.short}, long {a.long}, stop words {a.low}/{a.high}): '
          f'balanced accuracy {b:.3f}  clean kept {ck:.3f}  noise removed {nr:.3f}')
    for kind, (k, yk) in sorted(per_kind.items()):
        print(f'  {kind:14s} {T.balanced(np.array(k, dtype=bool), np.array(yk, dtype=bool))[0]:.3f}')


if __name__ == '__main__':
    main()
