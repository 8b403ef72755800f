"""Where the training scripts find the benchmark pages, and how they read them.

Shared by bench/train_gate.py and bench/train_page_kind.py: the WCXB dev pages
(gzipped, unpacked to a scratch folder for the cleaner to read), their ground
truth, and the AEB pages beside them in ../shared/bench.
"""
import gzip, json, os
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WCXB = os.path.join(ROOT, "..", "shared", "bench", "wcxb")
AEB = os.path.join(ROOT, "..", "shared", "bench", "aeb")


def unpack_wcxb(dest):
    """Writes every WCXB dev page as DEST/<id>.html and returns DEST."""
    os.makedirs(dest, exist_ok=True)
    for name in sorted(os.listdir(os.path.join(WCXB, "dev", "html"))):
        with gzip.open(os.path.join(WCXB, "dev", "html", name)) as src, \
             open(os.path.join(dest, name[:-len(".gz")]), "wb") as dst:
            dst.write(src.read())
    return dest


def wcxb_truth():
    """(page id, ground-truth record, domain) for every WCXB dev page, in order."""
    gt_dir = os.path.join(WCXB, "dev", "ground-truth")
    for name in sorted(os.listdir(gt_dir)):
        with open(os.path.join(gt_dir, name), encoding="utf-8") as f:
            d = json.load(f)
        yield name[:-len(".json")], d, urlparse(d.get("url", "")).netloc.lower().removeprefix("www.")


def page_id(path):
    """The page id of a cleaner output record's id ("…/0847.html" -> "0847")."""
    return os.path.basename(path)[:-len(".html")]
