#!/usr/bin/env python3
"""The --report page in a real browser (issue 15.4).

Writes the report of testdata/sample/report.html, loads it in Debian's
headless Chromium, and checks that it renders: a screenshot of the
requested size (read from the PNG header), and a DOM that holds the kept
text, the struck-through dropped block with its rule file:line, the page
kind, and the hostile text of the page as text (no <script> element).

Chromium is installed by the README's set-up command; without it this test
fails and says so.

Usage: report_browser_test.py CLEANER TESTDATA_DIR WORK_DIR
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import time

WIDTH, HEIGHT = 1024, 1536
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def chromium(work, *args):
    """Runs headless Chromium on the report; returns its stdout."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        fail("chromium is not installed; the README's set-up command installs it "
             "(apt-get install -y --no-install-recommends chromium)")
    # A profile of its own: parallel runs and a read-only HOME do not matter.
    # --disable-dev-shm-usage: containers often give /dev/shm 64 MiB.
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           "--disable-dev-shm-usage",
           "--user-data-dir=" + os.path.join(work, "profile"), *args,
           "file://" + os.path.join(work, "report.html")]
    # Its temporary files go to WORK too, not to the system's /tmp.
    env = dict(os.environ, TMPDIR=work)
    r = subprocess.run(cmd, capture_output=True, timeout=180, env=env)
    if r.returncode != 0:
        fail("chromium exited %d: %s" % (r.returncode, r.stderr.decode(errors="replace")[-2000:]))
    return r.stdout.decode("utf-8")


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        fail(path + " is not a PNG file")
    return struct.unpack(">II", head[16:24])


class Blocks(html.parser.HTMLParser):
    """Collects each <li class="b ..."> of the report: its classes, its text,
    the text inside <s> and inside <code class="rule">; and the page kind."""

    def __init__(self):
        super().__init__()
        self.blocks, self.page_kind, self.scripts = [], "", 0
        self.stack = []  # open elements inside the current block

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "script":
            self.scripts += 1
        if tag == "li" and cls.split()[:1] == ["b"]:
            self.blocks.append({"class": cls.split(), "text": "", "struck": "", "rules": []})
            self.stack = []
        elif tag not in VOID:
            self.stack.append((tag, cls))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        open_tags = [t for t, _ in self.stack]
        if any(t == "b" and c == "page-kind" for t, c in self.stack):
            self.page_kind += data
        if not self.blocks:
            return
        b = self.blocks[-1]
        b["text"] += data
        if "s" in open_tags:
            b["struck"] += data
        if ("code", "rule") in self.stack:
            b["rules"].append(data)


def main():
    if len(sys.argv) != 4:
        fail("usage: report_browser_test.py CLEANER TESTDATA_DIR WORK_DIR")
    cleaner, testdata, work = sys.argv[1:]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = os.path.join(work, "report.html")
    page = os.path.join(testdata, "sample", "report.html")
    r = subprocess.run([cleaner, "--report", report, page], capture_output=True, timeout=60)
    if r.returncode != 0:
        fail("cleaner exited %d: %s" % (r.returncode, r.stderr.decode(errors="replace")))

    start = time.monotonic()
    shot = os.path.join(work, "report.png")
    chromium(work, "--screenshot=" + shot, "--window-size=%d,%d" % (WIDTH, HEIGHT))
    if not os.path.isfile(shot):
        fail("chromium wrote no screenshot " + shot)
    size = png_size(shot)
    if size != (WIDTH, HEIGHT):
        fail("screenshot is %dx%d, not %dx%d" % (size + (WIDTH, HEIGHT)))

    dom = chromium(work, "--dump-dom")
    seconds = time.monotonic() - start
    p = Blocks()
    p.feed(dom)
    kept = [b for b in p.blocks if "kept" in b["class"]]
    dropped = [b for b in p.blocks if "drop" in b["class"]]
    if not any("The bridge opened again on the first of May" in b["text"] for b in kept):
        fail("the kept paragraph is not in the DOM as a kept block")
    share = [b for b in dropped if b["struck"] == "Share this:"]
    if not share:
        fail("no struck-through dropped block 'Share this:' in the DOM")
    if not any(re.fullmatch(r"filters/line_filter_share\.txt:\d+", t) for t in share[0]["rules"]):
        fail("the dropped block does not name its rule file:line: %r" % share[0]["rules"])
    if not any(re.fullmatch(r"filters/extract_classes\.txt:\d+", t)
               for b in dropped for t in b["rules"]):
        fail("no block dropped by the extractor names its rule file:line")
    if p.page_kind != "article":
        fail("page kind is %r, not 'article'" % p.page_kind)
    # The page's hostile text is text in the report, never an element.
    if p.scripts != 0 or "<img" in dom.split("<body", 1)[1].replace("&lt;img", ""):
        fail("the page's text became markup in the report")
    if not any("<script>alert(1)</script>" in b["text"] for b in kept):
        fail("the page's <script> text is not shown as text")
    print("ok: %d blocks (%d dropped), screenshot %dx%d, chromium %.1f s"
          % (len(p.blocks), len(dropped), WIDTH, HEIGHT, seconds))


if __name__ == "__main__":
    main()
