#!/usr/bin/python3
"""Train the extractor's block model (cleaner/extract/block_model.h).

    /usr/bin/python3 bench/train_blocks.py [--build DIR] [--thresholds="SPEC SPEC..."] [--write]

(a spec starts with '-' more often than not: write --thresholds=..., with the
'='.) Data: every block the extractor judges (all but those the page hides
and comment sections) on the WCXB dev pages (../shared/bench/wcxb/dev,
1,497 pages of 7 kinds) and the AEB pages (../shared/bench/aeb, news), with the
features the extractor computes for it, printed by build/bench/block_features
(the extractor with its selection and gate as they are, before the model).
A block is labelled content when it belongs to the page's ground truth: half
or more of its word pairs (the benchmark's lowercased \\w+ tokens) occur in
the ground truth's, or, for a one-word block, its word does. Each block weighs
its words' share of the page's words, so that every page counts alike (the
benchmark's F1 is a mean over pages).

The model is gradient-boosted shallow trees (sklearn's
HistGradientBoostingClassifier, --trees trees of --depth levels, no early
stopping: deterministic). Figures are CROSS-VALIDATED end to end: 5 folds
grouped by the page's domain (each AEB page its own group); each fold's model
is written to a scratch filters folder and the cleaner itself cleans the
fold's pages with it, and the benchmark's scorer (score.py) scores the text.
Printed per page kind: F1 without the model and with it at each threshold
(log-odds; a block is kept above it), and the first spec shifted as
--favor precision and --favor recall shift it (FAVOR). --write fits on every page and writes
filters/block_model.txt with the first threshold.

Deterministic: trained on one thread, with the bins of features (computed on
a sample of 200,000 blocks) drawn with a fixed seed, a rerun writes the same
file. Needs
python3-sklearn (Debian): run with /usr/bin/python3.
"""
import argparse, collections, importlib.util, json, os, subprocess, tempfile

# One thread: the trees' histograms summed in one order, so that a rerun
# writes the same model byte for byte.
os.environ["OMP_NUM_THREADS"] = "1"

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from bench_data import AEB, ROOT, WCXB, page_id, unpack_wcxb, wcxb_truth

MODEL = os.path.join(ROOT, "filters", "block_model.txt")
# --favor precision and --favor recall: the shift of every threshold
# (log-odds), written to the model file; cross-validated beside the first
# spec as the columns "precision" and "recall".
FAVOR = {"precision": 2.0, "recall": -1.5}


def load_scorer():
    spec = importlib.util.spec_from_file_location("wcxb_score", os.path.join(WCXB, "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def empty_filters(scratch):
    """A filters folder whose block_model.txt holds no model."""
    d = os.path.join(scratch, "no_model")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "block_model.txt"), "w") as f:
        f.write("# no model\n")
    return d


def dump(build, pages, filters):
    """(names, rows): the feature names and (page id, kept, features, text) per block."""
    out = subprocess.run([os.path.join(build, "bench", "block_features"), "--filters", filters,
                          "--input-format", "html", pages],
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "replace")
    lines = out.rstrip("\n").split("\n")
    header = lines[0].split("\t")
    names = header[2:-1]
    rows = []
    for line in lines[1:]:
        parts = line.split("\t", len(names) + 2)
        rows.append((page_id(parts[0]), int(parts[1]),
                     [float(v) for v in parts[2:2 + len(names)]], parts[-1]))
    return names, rows


def label(text, truth, tok):
    """(content?, words) of a block against the page's ground-truth tokens `truth`."""
    words = tok(text)
    if not words:
        return 0, 0
    if len(words) == 1:
        return int(words[0] in truth["set"]), 1
    pairs = list(zip(words, words[1:]))
    found = sum(p in truth["pairs"] for p in pairs)
    return int(2 * found >= len(pairs)), len(words)


def clean(build, filters, pages, page_types=None):
    """page id -> text, the cleaner run over `pages` with `filters`; the
    page_type each page got goes to `page_types`."""
    proc = subprocess.run([os.path.join(build, "cleaner"), "-j", "2", "-q", "--filters", filters,
                           "--input-format", "html", "--output-format", "jsonl", pages],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if proc.returncode == 2:  # a configuration error: a model file the cleaner refuses
        raise SystemExit(proc.stderr.decode("utf-8", "replace"))
    texts = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        texts[page_id(d["id"])] = d.get("text") or ""
        if page_types is not None:
            page_types[page_id(d["id"])] = d["metadata"].get("page_type", "")
    return texts


def spec_lines(spec):
    """The threshold lines of a spec "T[/D[/O]][,KIND=T[/D[/O]]]...": a block
    the selection left is kept above T (a block a rule dropped above O, at
    least T), one it kept is dropped at D or under (D defaults to T);
    KIND= gives one page kind's."""
    out = []
    for item in spec.split(","):
        kind, _, value = item.rpartition("=")
        t, d, o = (value.split("/") + ["", ""])[:3]
        prefix = kind + "\t" if kind else ""
        out.append(f"threshold\t{prefix}{float(t):.4f}")
        if d:
            out.append(f"drop\t{prefix}{float(d):.4f}")
        if o:
            out.append(f"overrule\t{prefix}{float(o):.4f}")
    return out


def shifted(spec, d):
    """The spec with every threshold moved by d (what --favor does)."""
    out = []
    for item in spec.split(","):
        kind, eq, value = item.rpartition("=")
        out.append(kind + eq + "/".join(f"{float(v) + d:g}" for v in value.split("/")))
    return ",".join(out)


def write_model(model, spec, names, path, note):
    out = ["# GENERATED by bench/train_blocks.py --write; rerun it to retrain",
           "# (filters/README.md describes the format). The extractor's block model",
           "# (cleaner/extract/block_model.h): gradient-boosted trees over the features of",
           "# each block the rules leave, fitted on the blocks of the WCXB dev and AEB pages",
           "# labelled by their ground truth. score = base + the leaf value reached in each",
           "# tree (log-odds that the block is content); a block scoring above `threshold`",
           "# is kept. A node: feature, threshold (x <= threshold goes left), left and right",
           "# (node numbers within its tree), value.",
           f"# {note}",
           f"base\t{float(np.ravel(model._baseline_prediction)[0]):.9g}"] + spec_lines(spec) + [
           f"favor\t{lean}\t{d:.4f}" for lean, d in FAVOR.items()]
    rate = model.learning_rate
    for tree in model._predictors:
        out.append("tree")
        for nd in tree[0].nodes:
            if nd["is_leaf"]:
                out.append(f"leaf\t{nd['value']:.9g}")
            else:
                out.append(f"node\t{names[nd['feature_idx']]}\t{nd['num_threshold']:.17g}\t"
                           f"{nd['left']}\t{nd['right']}\t{rate * nd['value']:.9g}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--trees", type=int, default=200)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--thresholds", default="-0.5/-1.5/0,article=0.5/-1.5/0.5,forum=0/0/0,listing=0/0/0,collection=0/-0.5/0.5,documentation=0/-0.5/0.5",
                    help="space-separated threshold specs to cross-validate, each "
                         "T[/D[/O]][,KIND=T[/D[/O]]]... (log-odds; see spec_lines(); the first "
                         "is written)")
    ap.add_argument("--scratch", metavar="DIR",
                    help="keep the unpacked pages and each fold's model and pages in DIR (new)")
    ap.add_argument("--per-page", metavar="TSV", help="write each page's F1 without and with the model")
    ap.add_argument("--write", action="store_true", help="write filters/block_model.txt")
    args = ap.parse_args()
    thresholds = args.thresholds.split()
    thresholds += [shifted(thresholds[0], d) for d in FAVOR.values()]
    label_of = {t: "t=" + t for t in thresholds}
    label_of.update({shifted(thresholds[0], d): lean for lean, d in FAVOR.items()})
    score = load_scorer()

    truth, kinds, groups = {}, {}, {}
    for page, d, group in wcxb_truth():
        truth[page] = (d.get("ground_truth") or {}).get("main_content") or ""
        kinds[page], groups[page] = score.page_type(d), group
    with open(os.path.join(AEB, "ground-truth.json"), encoding="utf-8") as f:
        for page, d in sorted(json.load(f).items()):
            truth[page] = d.get("articleBody") or ""
            kinds[page], groups[page] = "aeb-article", "aeb:" + page
    gt = {}
    for page, text in truth.items():
        t = score.tokens(text)
        gt[page] = {"set": set(t), "pairs": set(zip(t, t[1:]))}

    with tempfile.TemporaryDirectory() as tmp:
        scratch = args.scratch or tmp
        os.makedirs(scratch, exist_ok=scratch == tmp)
        wcxb_pages = unpack_wcxb(os.path.join(scratch, "html"))
        aeb_pages = os.path.join(AEB, "html")
        none = empty_filters(scratch)
        names, rows = dump(args.build, wcxb_pages, none)
        rows += dump(args.build, aeb_pages, none)[1]
        X = np.array([r[2] for r in rows], dtype=np.float32)
        pages = np.array([r[0] for r in rows])
        y, words = zip(*(label(r[3], gt[r[0]], score.tokens) for r in rows))
        y, words = np.array(y), np.array(words, dtype=float)
        page_words = collections.Counter()
        for p, w in zip(pages, words):
            page_words[p] += w
        weight = np.array([w / max(page_words[p], 1) for p, w in zip(pages, words)])
        print(f"{len(rows)} blocks of {len(set(pages))} pages; content {y.mean():.3f}; "
              f"features {len(names)}")

        def fit(idx):
            m = HistGradientBoostingClassifier(max_iter=args.trees, max_depth=args.depth,
                                               learning_rate=args.rate, early_stopping=False,
                                               random_state=0)
            use = idx[weight[idx] > 0]
            m.fit(X[use], y[use], sample_weight=weight[use])
            return m

        # Folds over pages, grouped by domain.
        all_pages = sorted(truth)
        page_group = np.array([groups[p] for p in all_pages])
        base_text, model_text, page_types = {}, {t: {} for t in thresholds}, {}
        for k, (train, test) in enumerate(GroupKFold(n_splits=args.folds).split(
                all_pages, groups=page_group)):
            train_pages = {all_pages[i] for i in train}
            test_pages = [all_pages[i] for i in test]
            m = fit(np.array([i for i, p in enumerate(pages) if p in train_pages]))
            fold_dir = os.path.join(scratch, f"fold{k}")
            os.makedirs(os.path.join(fold_dir, "pages"))
            for p in test_pages:
                src = os.path.join(aeb_pages if kinds[p] == "aeb-article" else wcxb_pages, p + ".html")
                os.symlink(src, os.path.join(fold_dir, "pages", p + ".html"))
            base_text.update(clean(args.build, none, os.path.join(fold_dir, "pages"), page_types))
            for t in thresholds:
                filters = os.path.join(fold_dir, f"t{thresholds.index(t)}")
                os.makedirs(filters)
                write_model(m, t, names, os.path.join(filters, "block_model.txt"), f"fold {k}")
                model_text[t].update(clean(args.build, filters, os.path.join(fold_dir, "pages")))
            print(f"fold {k}: {len(test_pages)} pages", flush=True)

    f_base = {p: score.prf(base_text.get(p, ""), truth[p])[2] for p in all_pages}
    f_model = {t: {p: score.prf(model_text[t].get(p, ""), truth[p])[2] for p in all_pages}
               for t in thresholds}
    print(f"{args.folds} folds grouped by domain; trees {args.trees}, depth {args.depth}, "
          f"rate {args.rate}")
    print(f"{'kind':<14}{'pages':>6}{'no model':>10}" + "".join(f"{label_of[t]:>10}" for t in thresholds))
    order = sorted(set(kinds.values()))
    for kind in order + ["all wcxb"]:
        ps = [p for p in all_pages if (kinds[p] != "aeb-article" if kind == "all wcxb" else kinds[p] == kind)]
        row = f"{kind:<14}{len(ps):>6}{np.mean([f_base[p] for p in ps]):>10.4f}"
        row += "".join(f"{np.mean([f_model[t][p] for p in ps]):>10.4f}" for t in thresholds)
        print(row)
    # By the kind the cleaner gave the page (the model's threshold is per
    # that kind): which threshold suits which kind.
    print(f"{'page_type':<14}{'pages':>6}{'no model':>10}" + "".join(f"{label_of[t]:>10}" for t in thresholds))
    for kind in sorted(set(page_types.values())):
        ps = [p for p in all_pages if page_types.get(p) == kind]
        row = f"{kind:<14}{len(ps):>6}{np.mean([f_base[p] for p in ps]):>10.4f}"
        row += "".join(f"{np.mean([f_model[t][p] for p in ps]):>10.4f}" for t in thresholds)
        print(row)
    if args.per_page:
        with open(args.per_page, "w") as f:
            f.write("page\tkind\tpage_type\tno_model\t" + "\t".join(thresholds) + "\n")
            for p in all_pages:
                f.write(f"{p}\t{kinds[p]}\t{page_types.get(p, '')}\t{f_base[p]:.4f}\t" +
                        "\t".join(f"{f_model[t][p]:.4f}" for t in thresholds) + "\n")
    ps = [p for p in all_pages if kinds[p] != "aeb-article"]
    for t in thresholds:
        prf = np.array([score.prf(model_text[t].get(p, ""), truth[p]) for p in ps])
        print(f"all wcxb {label_of[t]}: precision {prf[:, 0].mean():.4f} recall {prf[:, 1].mean():.4f} "
              f"F1 {prf[:, 2].mean():.4f}")
    empty = {t: sum(1 for p in all_pages if truth[p].strip() and not model_text[t].get(p, "").strip())
             for t in thresholds}
    print("empty outputs with non-empty truth: " + ", ".join(f"t={t}: {n}" for t, n in empty.items()))

    if args.write:
        m = fit(np.arange(len(rows)))
        write_model(m, thresholds[0], names, MODEL,
                    f"Fit on every page; trees {args.trees}, depth {args.depth}, rate {args.rate}.")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
