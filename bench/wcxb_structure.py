#!/usr/bin/python3
"""Structure F1 of the Markdown output on the WCXB dev split.

    bench/wcxb_structure.py [CLEANER] [--wcxb DIR] [--per-type]

Runs `CLEANER --input-format jsonl --output-format jsonl --markdown` over the
pages of ../shared/bench/wcxb/dev/html (each with its URL) and reads both our
Markdown and the ground truth's `main_content_markdown` with a CommonMark
parser (markdown-it-py, Debian's python3-markdown-it, GFM tables on). Per
kind of block it collects the elements of each page:

    heading     the heading's text (any level; a level-matched count too)
    list_item   each list item's text
    table       each table, as the text of all its cells
    code        each fenced or indented code block's text

and matches ours against the truth's as multisets of normalized texts
(lower-cased \\w+ tokens). Printed per kind: elements found (ours / truth),
matched, precision, recall, F1 summed over all pages (micro), and the
overall structure F1 over the four kinds together. Needs /usr/bin/python3
(where python3-markdown-it is).
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys

from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable("table")
KINDS = ("heading", "list_item", "table", "code")


def norm(s):
    return " ".join(re.findall(r"\w+", (s or "").lower()))


def inline_text(tok):
    return "".join(c.content if c.type != "hardbreak" and c.type != "softbreak" else " "
                   for c in (tok.children or []))


def elements(markdown):
    """{kind: Counter of normalized texts}, and heading levels."""
    out = {k: collections.Counter() for k in KINDS}
    levels = collections.Counter()
    toks = MD.parse(markdown or "")
    depth_li = 0
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.type == "heading_open":
            text = norm(inline_text(toks[i + 1]))
            if text:
                out["heading"][text] += 1
                levels[(t.tag, text)] += 1
        elif t.type == "list_item_open":
            depth_li += 1
            # The item's own text: its first paragraph.
            j = i + 1
            while j < len(toks) and toks[j].type not in ("inline", "list_item_close"):
                j += 1
            if j < len(toks) and toks[j].type == "inline":
                text = norm(inline_text(toks[j]))
                if text:
                    out["list_item"][text] += 1
        elif t.type == "list_item_close":
            depth_li -= 1
        elif t.type in ("fence", "code_block"):
            text = norm(t.content)
            if text:
                out["code"][text] += 1
        elif t.type == "table_open":
            cells = []
            j = i + 1
            while toks[j].type != "table_close":
                if toks[j].type == "inline":
                    cells.append(inline_text(toks[j]))
                j += 1
            text = norm(" ".join(cells))
            if text:
                out["table"][text] += 1
            i = j
        i += 1
    return out, levels


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cleaner", nargs="?", default=os.path.join(here, "..", "build", "cleaner"))
    ap.add_argument("--wcxb", default=os.path.join(here, "..", "..", "shared", "bench", "wcxb", "dev"))
    ap.add_argument("--per-type", action="store_true", help="also per page type")
    a = ap.parse_args()
    gt_dir, html_dir = os.path.join(a.wcxb, "ground-truth"), os.path.join(a.wcxb, "html")
    truth, types, lines = {}, {}, []
    for f in sorted(os.listdir(gt_dir)):
        if not f.endswith(".json"):
            continue
        fid = f[:-5]
        d = json.load(open(os.path.join(gt_dir, f), encoding="utf-8"))
        truth[fid] = d["ground_truth"].get("main_content_markdown") or ""
        pt = ((d.get("_internal") or {}).get("page_type") or {})
        types[fid] = pt.get("primary", "article") if isinstance(pt, dict) else "article"
        path = os.path.join(html_dir, fid + ".html.gz")
        if os.path.exists(path):
            html = gzip.open(path).read().decode("utf-8", "replace")
            lines.append(json.dumps({"id": fid, "url": d.get("url", ""), "html": html}))
    run = subprocess.run([a.cleaner, "--input-format", "jsonl", "--output-format", "jsonl",
                          "--markdown", "-j", "2"], input="\n".join(lines).encode("utf-8"),
                         capture_output=True, check=False)
    ours = {}
    for line in run.stdout.decode("utf-8").split("\n"):
        if line:
            rec = json.loads(line)
            ours[rec["id"]] = rec["text"]

    def tally(fids):
        found = {k: [0, 0, 0] for k in KINDS}  # ours, truth, matched
        level_match = 0
        for fid in fids:
            o, ol = elements(ours.get(fid, ""))
            t, tl = elements(truth[fid])
            for k in KINDS:
                found[k][0] += sum(o[k].values())
                found[k][1] += sum(t[k].values())
                found[k][2] += sum((o[k] & t[k]).values())
            level_match += sum((ol & tl).values())
        return found, level_match

    def show(name, fids):
        found, level_match = tally(fids)
        print(f"{name}: {len(fids)} pages")
        tot = [0, 0, 0]
        for k in KINDS:
            n_o, n_t, m = found[k]
            p = m / n_o if n_o else 0.0
            r = m / n_t if n_t else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"  {k:9s} ours {n_o:6d}  truth {n_t:6d}  matched {m:6d}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
            tot = [x + y for x, y in zip(tot, found[k])]
        p = tot[2] / tot[0] if tot[0] else 0.0
        r = tot[2] / tot[1] if tot[1] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  structure F1 {f:.3f} (P {p:.3f}, R {r:.3f}); headings matched with their level: "
              f"{level_match} of {found['heading'][2]}")

    fids = sorted(truth)
    show("all", fids)
    if a.per_type:
        for pt in sorted(set(types.values())):
            show(pt, [f for f in fids if types[f] == pt])
    return 0


if __name__ == "__main__":
    sys.exit(main())
