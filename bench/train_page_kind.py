#!/usr/bin/python3
"""Train the extractor's page-kind model (cleaner/extract/page_kind_model.h).

    /usr/bin/python3 bench/train_page_kind.py [--build DIR] [--folds 5] [--C 1.0] [--write]

Runs the built cleaner over the WCXB dev pages (../shared/bench/wcxb/dev, seven
kinds, each page's kind in its ground truth) and the AEB pages
(../shared/bench/aeb, news articles), with the model switched off, reading each
page's features (the declared verdict of ClassifyPage() and the shape of the
page's text and address) from --explain. A multinomial logistic regression
(scikit-learn) learns the kind. Prints how often the declared verdict and the
model, cross-validated with folds grouped by the page's domain (no domain is in
both the training and the test part of a fold), name the right kind, per kind
and in all, and the model's confusion table. With --write, fits on every page
and writes filters/extract_page_kind.txt.

Needs python3-sklearn (Debian): run with /usr/bin/python3.
"""
import argparse, collections, json, os, re, subprocess, tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from bench_data import AEB, ROOT, page_id, unpack_wcxb, wcxb_truth
KINDS = ["article", "forum", "product", "collection", "listing", "service", "documentation"]
FEATURE_LINE = re.compile(r"explain: (.*?): extract: info \[page_type\] \(page-kind-features\): \"(.*)\"")


def run(build, pages, scratch):
    """Features and declared kind per page id, with the model switched off."""
    filters = os.path.join(scratch, "no-model")
    os.makedirs(filters, exist_ok=True)
    open(os.path.join(filters, "extract_page_kind.txt"), "w").close()
    proc = subprocess.run(
        [os.path.join(build, "cleaner"), "-j", "2", "--filters", filters, "--input-format", "html",
         "--output-format", "jsonl", "--explain", pages],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    declared = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        declared[page_id(d["id"])] = d["metadata"].get("page_type", "")
    feats, names = {}, None
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        m = FEATURE_LINE.search(line)
        if m:
            kv = [x.split("=") for x in m.group(2).split()]
            names = [k for k, _ in kv]
            feats[page_id(m.group(1))] = [float(v) for _, v in kv]
    return feats, declared, names


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--write", action="store_true", help="write filters/extract_page_kind.txt")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        pages = unpack_wcxb(os.path.join(scratch, "html"))
        feats, declared, names = run(args.build, pages, scratch)
        aeb_feats, aeb_declared, _ = run(args.build, os.path.join(AEB, "html"), scratch)

    X, y, groups, rule, source = [], [], [], [], []
    for page, d, group in wcxb_truth():
        kind = ((d.get("_internal") or {}).get("page_type") or {}).get("primary")
        if kind not in KINDS or page not in feats:
            continue
        X.append(feats[page])
        y.append(KINDS.index(kind))
        groups.append(group)
        rule.append(KINDS.index(declared.get(page) or "article"))
        source.append("wcxb")
    # AEB: news articles; its pages name no URL, so each is its own group.
    for page in sorted(aeb_feats):
        X.append(aeb_feats[page])
        y.append(0)
        groups.append("aeb:" + page)
        rule.append(KINDS.index(aeb_declared.get(page) or "article"))
        source.append("aeb")
    X = np.hstack([np.ones((len(X), 1)), np.array(X)])  # the bias as a feature
    names = ["bias"] + names
    y, rule, groups, source = np.array(y), np.array(rule), np.array(groups), np.array(source)

    def fit(idx):
        m = LogisticRegression(C=args.C, max_iter=5000, fit_intercept=False)
        m.fit(X[idx], y[idx])
        return m

    pred = np.zeros(len(y), dtype=int)
    for train, test in GroupKFold(n_splits=args.folds).split(X, y, groups):
        pred[test] = fit(train).predict(X[test])

    print(f"{len(y)} pages, {len(set(groups))} domains; {args.folds} folds grouped by domain; C={args.C}")
    print(f"{'kind':<14}{'pages':>6}{'declared':>10}{'model(CV)':>11}")
    wcxb = source == "wcxb"
    for k, kind in enumerate(KINDS):
        s = wcxb & (y == k)
        print(f"{kind:<14}{s.sum():>6}{(rule[s] == k).mean():>10.3f}{(pred[s] == k).mean():>11.3f}")
    print(f"{'all wcxb':<14}{wcxb.sum():>6}{(rule[wcxb] == y[wcxb]).mean():>10.3f}"
          f"{(pred[wcxb] == y[wcxb]).mean():>11.3f}")
    aeb = source == "aeb"
    print(f"{'aeb-article':<14}{aeb.sum():>6}{(rule[aeb] == 0).mean():>10.3f}{(pred[aeb] == 0).mean():>11.3f}")
    print("\nmodel (CV) on WCXB, rows: truth, columns: predicted")
    print(" " * 14 + "".join(f"{k[:6]:>7}" for k in KINDS))
    conf = collections.Counter(zip(y[wcxb], pred[wcxb]))
    for a, kind in enumerate(KINDS):
        print(f"{kind:<14}" + "".join(f"{conf[a, b]:>7}" for b in range(len(KINDS))))

    if args.write:
        m = fit(np.arange(len(y)))
        path = os.path.join(ROOT, "filters", "extract_page_kind.txt")
        with open(path, "w") as f:
            f.write("# Read by the HTML extractor (cleaner/extract/page_kind_model.h): the page-kind\n"
                    "# model, a multinomial logistic model over the page's declared kind and the\n"
                    "# shape of its text and address; the kind with the highest score wins.\n"
                    "# Format: kind<TAB>KIND<TAB>FEATURE<TAB>WEIGHT. No lines: the declared kind\n"
                    "# (schema.org types, og:type, URL patterns) stands.\n"
                    "# Written by bench/train_page_kind.py --write (fit on every WCXB dev and AEB\n"
                    "# page; its cross-validated figures, folds grouped by domain, are what it prints).\n")
            for k, kind in enumerate(m.classes_):
                for n, c in zip(names, m.coef_[k]):
                    f.write(f"kind\t{KINDS[kind]}\t{n}\t{c:.6f}\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
