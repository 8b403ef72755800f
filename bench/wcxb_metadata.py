#!/usr/bin/env python3
"""Metadata exact-match rates on the WCXB dev split: title, author, date.

    bench/wcxb_metadata.py [CLEANER] [--wcxb DIR] [--show FIELD] [--peer trafilatura]

Runs `CLEANER --input-format jsonl --output-format jsonl` over the pages of
../shared/bench/wcxb/dev/html, each given with its URL as a crawl would
give it ({"id", "url", "html"}), and compares the record's metadata with
the ground truth's `title`, `author` and `publish_date`:

- exact: the value equals the ground truth after trimming white space (the
  date: our ISO date's first 10 characters, "YYYY-MM-DD", against the
  ground truth's, which never carries a time);
- loose: equal after case folding and collapsing white space and
  punctuation (for title and author);
- over pages whose ground truth has a value; for author and date also the
  share of pages WITHOUT one where we found none (a found value there is a
  false positive).

--show FIELD prints every miss of that field (ours | truth). --peer
trafilatura measures the same with trafilatura's metadata extraction when
the Python package is importable (it is not a Debian package; skipped
otherwise).
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys


def loose(s):
    return " ".join(re.findall(r"\w+", (s or "").lower()))


def ours(cleaner, html_dir, truth_urls):
    """Our metadata, the pages given as a crawl gives them: JSON Lines
    records with the page's URL (from the ground truth) and its HTML."""
    lines = []
    for f in sorted(os.listdir(html_dir)):
        if not f.endswith(".html.gz"):
            continue
        fid = f.split(".")[0]
        html = gzip.open(os.path.join(html_dir, f)).read().decode("utf-8", "replace")
        lines.append(json.dumps({"id": fid, "url": truth_urls.get(fid, ""), "html": html}))
    out = subprocess.run([cleaner, "--output-format", "jsonl", "-j", "2", "--input-format", "jsonl"],
                         input="\n".join(lines).encode("utf-8"), capture_output=True, check=False)
    got = {}
    for line in out.stdout.decode("utf-8").split("\n"):
        if not line:
            continue
        rec = json.loads(line)
        m = rec["metadata"]
        got[rec["id"]] = {"title": m.get("title", ""), "author": m.get("author", ""),
                          "date": m.get("date", "")}
    return got


def peer_trafilatura(html_dir):
    try:
        import trafilatura  # noqa: F401
        from trafilatura.metadata import extract_metadata
    except ImportError:
        return None
    got = {}
    for f in sorted(os.listdir(html_dir)):
        if not f.endswith(".html.gz"):
            continue
        html = gzip.open(os.path.join(html_dir, f)).read().decode("utf-8", "replace")
        m = extract_metadata(html)
        got[f.split(".")[0]] = {"title": (m.title if m else "") or "",
                                "author": (m.author if m else "") or "",
                                "date": (m.date if m else "") or ""}
    return got


def score(got, truth, show=None, name="cleaner"):
    rows = {}
    for field, key in (("title", "title"), ("author", "author"), ("date", "publish_date")):
        have = [fid for fid, g in truth.items() if g.get(key)]
        none = [fid for fid, g in truth.items() if not g.get(key)]
        exact = loosely = 0
        for fid in have:
            mine = (got.get(fid, {}).get(field) or "").strip()
            want = truth[fid][key].strip()
            if field == "date":
                ok = mine[:10] == want[:10] and len(mine) >= len(want)
                lok = ok
            else:
                ok = mine == want
                lok = loose(mine) == loose(want) and bool(want)
            exact += ok
            loosely += lok
            if show == field and not ok:
                print(f"{fid}\t{mine}\t|\t{want}")
        empty_right = sum(1 for fid in none if not (got.get(fid, {}).get(field) or "").strip())
        rows[field] = (exact, loosely, len(have), empty_right, len(none))
    print(f"{name}: over {len(truth)} WCXB dev pages")
    for field, (exact, loosely, n, er, nn) in rows.items():
        line = f"  {field:6s} exact {exact}/{n} = {exact / n:.1%}"
        if field != "date":
            line += f", loose {loosely}/{n} = {loosely / n:.1%}"
        if nn:
            line += f"; no value where the truth has none: {er}/{nn} = {er / nn:.1%}"
        print(line)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cleaner", nargs="?", default=os.path.join(here, "..", "build", "cleaner"))
    ap.add_argument("--wcxb", default=os.path.join(here, "..", "..", "shared", "bench", "wcxb", "dev"))
    ap.add_argument("--show", choices=["title", "author", "date"])
    ap.add_argument("--peer", choices=["trafilatura"])
    a = ap.parse_args()
    truth, urls = {}, {}
    gt_dir = os.path.join(a.wcxb, "ground-truth")
    for f in sorted(os.listdir(gt_dir)):
        if f.endswith(".json"):
            d = json.load(open(os.path.join(gt_dir, f), encoding="utf-8"))
            truth[f[:-5]] = d["ground_truth"]
            urls[f[:-5]] = d.get("url", "")
    html_dir = os.path.join(a.wcxb, "html")
    score(ours(a.cleaner, html_dir, urls), truth, a.show)
    if a.peer == "trafilatura":
        got = peer_trafilatura(html_dir)
        if got is None:
            print("trafilatura: not importable, skipped")
        else:
            score(got, truth, None, "trafilatura")
    return 0


if __name__ == "__main__":
    sys.exit(main())
