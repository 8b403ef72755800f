#!/usr/bin/python3
"""Train the extractor's selection gate (cleaner/extract/selection_gate.h).

    /usr/bin/python3 bench/train_gate.py [--build DIR] [--folds 5] [--write]

Runs the built cleaner twice over the WCXB dev pages (../shared/bench/wcxb/dev)
and the AEB pages (../shared/bench/aeb, news articles: the gate must not cost them),
once with the gate closed (every page gets the main-content selection) and once
open (every page gets every block the rules leave), reading the gate's features
from --explain. Per page, the label is which of the two scores the better F1
(the benchmark's metric, from score.py); a logistic regression (scikit-learn,
class-weighted by the F1 difference) learns it. Prints the F1 per page kind of
both selections, of the per-page best (the ceiling), and of the gate
cross-validated with folds grouped by the page's domain (no domain is in both
the training and the test part of a fold). --margin raises the score the broad
selection needs on pages of the article kind only (whose selection is what a
reader calls the text: AEB's news must not pay for the other kinds). With --write, fits on every page
and writes filters/extract_gate.txt.

Needs python3-sklearn (Debian): run with /usr/bin/python3.
"""
import argparse, importlib.util, json, os, re, subprocess, tempfile

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from bench_data import AEB, ROOT, WCXB, page_id, unpack_wcxb, wcxb_truth
FEATURES = ["text_share", "prose_share", "prose_density", "log_text", "repeated_share",
            "headings", "link_density", "log_chosen_prose", "kind_forum", "kind_product", "kind_collection",
            "kind_listing", "kind_service", "kind_documentation"]
GATE_LINE = re.compile(r"explain: (.*?): extract: info \[main-content\] \(selection-gate\): \"score=\S+ (.*?);")


def load_scorer():
    spec = importlib.util.spec_from_file_location("wcxb_score", os.path.join(WCXB, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run(build, pages, bias, scratch):
    """Texts and gate features per page id, with the gate's bias set to `bias`."""
    filters = os.path.join(scratch, f"gate{bias}")
    os.makedirs(filters, exist_ok=True)
    with open(os.path.join(filters, "extract_gate.txt"), "w") as f:
        f.write(f"gate\tbias\t{bias}\n")
    # The block model judges after the gate: the gate's labels are the
    # selections' own F1, without it.
    with open(os.path.join(filters, "block_model.txt"), "w") as f:
        f.write("# no block model\n")
    proc = subprocess.run(
        [os.path.join(build, "cleaner"), "-j", "2", "--filters", filters, "--input-format", "html",
         "--output-format", "jsonl", "--explain", pages],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    texts = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        texts[page_id(d["id"])] = d.get("text") or ""
    feats = {}
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        m = GATE_LINE.search(line)
        if m:
            page = page_id(m.group(1))
            kv = dict(x.split("=") for x in m.group(2).split())
            feats[page] = [float(kv[n]) for n in FEATURES]
    return texts, feats


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--margin", type=float, default=0.0,
                    help="on pages of the article kind the broad selection needs a score above "
                         "this (written as the bias, and added back to every other kind's weight)")
    ap.add_argument("--write", action="store_true", help="write filters/extract_gate.txt")
    args = ap.parse_args()
    score = load_scorer()

    with tempfile.TemporaryDirectory() as scratch:
        pages = unpack_wcxb(os.path.join(scratch, "html"))
        closed, feats = run(args.build, pages, -1000, scratch)
        opened, _ = run(args.build, pages, 1000, scratch)
        aeb_closed, aeb_feats = run(args.build, os.path.join(AEB, "html"), -1000, scratch)
        aeb_opened, _ = run(args.build, os.path.join(AEB, "html"), 1000, scratch)

    ids, X, kinds, groups, f_sel, f_broad = [], [], [], [], [], []

    def add(page, kind, group, truth, feat, sel, broad):
        ids.append(page)
        X.append(feat or [0.0] * len(FEATURES))
        kinds.append(kind)
        groups.append(group)
        f_sel.append(score.prf(sel, truth)[2])
        f_broad.append(score.prf(broad, truth)[2])

    for page, d, group in wcxb_truth():
        truth = (d.get("ground_truth") or {}).get("main_content") or ""
        add(page, score.page_type(d), group, truth, feats.get(page), closed.get(page, ""),
            opened.get(page, ""))
    # AEB: news articles; its pages name no URL, so each is its own group.
    with open(os.path.join(AEB, "ground-truth.json"), encoding="utf-8") as f:
        aeb = json.load(f)
    for page, d in sorted(aeb.items()):
        add(page, "aeb-article", "aeb:" + page, d.get("articleBody") or "", aeb_feats.get(page),
            aeb_closed.get(page, ""), aeb_opened.get(page, ""))
    X, f_sel, f_broad = np.array(X), np.array(f_sel), np.array(f_broad)
    kinds, groups = np.array(kinds), np.array(groups)
    y = (f_broad > f_sel).astype(int)
    w = np.abs(f_broad - f_sel)

    def fit(idx):
        m = LogisticRegression(C=args.C, max_iter=2000)
        use = idx[w[idx] > 0]
        m.fit(X[use], y[use], sample_weight=w[use])
        return m

    decision = np.zeros(len(ids))
    for train, test in GroupKFold(n_splits=args.folds).split(X, y, groups):
        decision[test] = fit(train).decision_function(X[test])
    # The margin guards articles, whose selection is the reader's text (AEB's
    # news); a page of another kind (a kind feature is 1) gets the model's own
    # decision.
    article = X[:, [i for i, n in enumerate(FEATURES) if n.startswith("kind_")]].sum(1) == 0
    choose = decision > np.where(article, args.margin, 0.0)
    f_gate = np.where(choose, f_broad, f_sel)

    print(f"{len(ids)} pages, {len(set(groups))} domains; {args.folds} folds grouped by domain; "
          f"margin {args.margin}")
    print(f"{'kind':<14}{'pages':>6}{'selection':>10}{'broad':>8}{'best':>8}{'gate(CV)':>10}{'broad%':>8}")
    wcxb = kinds != "aeb-article"
    for k in sorted(set(kinds)) + ["all wcxb"]:
        s = wcxb if k == "all wcxb" else kinds == k
        print(f"{k:<14}{s.sum():>6}{f_sel[s].mean():>10.3f}{f_broad[s].mean():>8.3f}"
              f"{np.maximum(f_sel, f_broad)[s].mean():>8.3f}{f_gate[s].mean():>10.3f}"
              f"{100 * choose[s].mean():>7.0f}%")

    if args.write:
        m = fit(np.arange(len(ids)))
        path = os.path.join(ROOT, "filters", "extract_gate.txt")
        with open(path, "w") as f:
            f.write("# Read by the HTML extractor (cleaner/extract/selection_gate.h): the selection\n"
                    "# gate, a logistic model that decides whether a page gets the main-content\n"
                    "# selection (score <= 0) or every block the rules leave (score > 0).\n"
                    "# Format: gate<TAB>FEATURE<TAB>WEIGHT. All weights 0: the selection always.\n"
                    "# Written by bench/train_gate.py --write (fit on every WCXB dev and AEB page; its\n"
                    "# cross-validated figures, folds grouped by domain, are what it prints).\n"
                    f"# Margin {args.margin}: on article pages the broad selection needs a model\n"
                    "# score above it (in the bias); each other kind's weight has it added back.\n")
            f.write(f"gate\tbias\t{m.intercept_[0] - args.margin:.6f}\n")
            for n, c in zip(FEATURES, m.coef_[0]):
                # The margin is for articles only: each other kind gets it back.
                c += args.margin if n.startswith("kind_") else 0.0
                f.write(f"gate\t{n}\t{c:.6f}\n")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
