#!/usr/bin/python3
"""The Markdown output read back by a real CommonMark parser (markdown-it-py,
Debian's python3-markdown-it, with GFM tables on).

    markdown_test.py CLEANER TESTDATA_DIR

1. For every HTML page under TESTDATA_DIR/golden and TESTDATA_DIR/sample, the
   Markdown that `cleaner --output-format jsonl --markdown --blocks` writes in
   "text" parses back into exactly the blocks it lists in "blocks": the same
   kinds in the same order, heading levels, list depths, and the same text
   (escaping undone, table rows and cells, code byte for byte).
2. For golden/output/structure.input.html, the Markdown has the structure
   the page has: heading levels, an ordered list with a nested bullet list,
   a table with a header row, code blocks equal to the page's <pre> text
   byte for byte, a block quote; and `--with-metadata` front matter is YAML
   whose values are the JSON Lines metadata.
3. With --links --images every page reads back as the same blocks (links
   and image paragraphs added, nothing else), and
   golden/output/markdown_links.input.html gives exactly its links (made
   absolute) and the images of its content.
"""
import html.parser
import json
import os
import subprocess
import sys

from markdown_it import MarkdownIt

MD = MarkdownIt("commonmark").enable("table")


def run(cleaner, *args):
    out = subprocess.run([cleaner, *args], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def inline_text(token):
    parts = []
    for c in token.children or []:
        if c.type in ("text", "code_inline", "html_inline"):
            parts.append(c.content)
        elif c.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)


def parsed_blocks(markdown):
    """The blocks a CommonMark reader sees: (type, level, text)."""
    tokens = MD.parse(markdown)
    blocks, lists, quote, i = [], 0, 0, 0
    while i < len(tokens):
        t = tokens[i]
        if t.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif t.type == "blockquote_open":
            quote += 1
        elif t.type == "blockquote_close":
            quote -= 1
        elif t.type == "heading_open":
            blocks.append(("heading", int(t.tag[1]), inline_text(tokens[i + 1])))
        elif t.type == "paragraph_open":
            text = inline_text(tokens[i + 1])
            if lists:
                blocks.append(("list_item", lists, text))
            elif quote:
                blocks.append(("quote", 0, text))
            else:
                blocks.append(("paragraph", 0, text))
        elif t.type == "fence":
            blocks.append(("code", 0, t.content[:-1] if t.content.endswith("\n") else t.content))
        elif t.type == "table_open":
            rows, row, j = [], None, i + 1
            while tokens[j].type != "table_close":
                if tokens[j].type == "tr_open":
                    row = []
                elif tokens[j].type == "tr_close":
                    rows.append(row)
                elif tokens[j].type == "inline":
                    row.append(inline_text(tokens[j]))
                j += 1
            blocks.append(("table", 0, rows))
            i = j
        i += 1
    return blocks


def table_rows(text):
    return [row.split("\t") for row in text.split("\n")]


def trimmed(rows):
    out = []
    for r in rows:
        r = list(r)
        while r and r[-1] == "":
            r.pop()
        out.append(r)
    return out


def expected_blocks(blocks):
    out = []
    for b in blocks:
        kind, level, text = b["type"], b["level"], b["text"]
        if kind == "table":
            rows = table_rows(text)
            # A one-cell first row of a wider table is written as its caption.
            if len(rows) > 1 and len(rows[0]) == 1 and max(len(r) for r in rows) > 1:
                out.append(("paragraph", 0, rows[0][0]))
                rows = rows[1:]
            out.append(("table", 0, rows))
        elif kind == "heading":
            out.append((kind, level, text.replace("\n", " ")))
        else:
            out.append((kind, level if kind == "list_item" else 0, text))
    return out


def normalized(blocks):
    return [(k, l, trimmed(t) if k == "table" else t) for k, l, t in blocks]


def check_round_trip(cleaner, page):
    rec = json.loads(run(cleaner, "--output-format", "jsonl", "--markdown", "--blocks", page))
    got = normalized(parsed_blocks(rec["text"]))
    want = normalized(expected_blocks(rec["blocks"]))
    # List depths are relative: a list that starts deeper than 1 (its
    # parent item had no text of its own) is read as depth 1 and so on.
    if len(got) == len(want):
        want = [(k, g[1] if k == "list_item" else l, t) for (k, l, t), g in zip(want, got)]
    if got != want:
        for g, w in zip(got, want):
            if g != w:
                print(f"{page}: first difference\n  markdown reads: {g!r}\n  blocks say:     {w!r}")
                break
        else:
            print(f"{page}: {len(got)} blocks read back, {len(want)} listed")
        return False
    return True


class PreText(html.parser.HTMLParser):
    """The text of every <pre> of a page, as a browser has it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pres, self.depth = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self.depth += 1
            self.pres.append("")
            self.first = True

    def handle_endtag(self, tag):
        if tag == "pre":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            if self.first and data.startswith("\n"):
                data = data[1:]  # HTML drops a newline right after <pre>
            self.first = False
            self.pres[-1] += data


class Expect:
    """expect(cond, what) prints what failed and remembers it in .ok."""

    def __init__(self, page):
        self.page, self.ok = page, True

    def __call__(self, cond, what):
        if not cond:
            print(f"{self.page}: {what}")
            self.ok = False


def check_structure(cleaner, page):
    expect = Expect(page)
    md = run(cleaner, "--output-format", "markdown", page)
    tokens = MD.parse(md)
    types = [t.type for t in tokens]
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    expect(headings == ["h2", "h2", "h3", "h2"], f"heading levels {headings}")
    expect("ordered_list_open" in types, "no ordered list")
    o = types.index("ordered_list_open")
    expect("bullet_list_open" in types[o:types.index("ordered_list_close")],
           "the ordered list has no nested bullet list")
    expect(types.count("bullet_list_open") == 2, "two bullet lists expected")
    expect(types.count("blockquote_open") == 1, "one block quote expected")
    expect(types.count("thead_open") == 1 and types.count("th_open") == 3,
           "a table with a header row of 3 cells expected")
    parser = PreText()
    parser.feed(open(page, encoding="utf-8").read())
    fences = [t.content for t in tokens if t.type == "fence"]
    expect(fences == [p.rstrip("\n") + "\n" for p in parser.pres],
           f"code blocks differ from the page's <pre>:\n{fences!r}\n{parser.pres!r}")
    # Nothing else became structure: the paragraph that looks like a list
    # and a heading stays one paragraph.
    paragraphs = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens)
                  if t.type == "paragraph_open"]
    expect(any(p.startswith("1. This line") and "\n# Nor" in p and "*these*" in p
               for p in paragraphs), "the escaped paragraph did not read back as text")

    # Front matter: YAML between --- lines, the same values as in JSON Lines.
    fm = run(cleaner, "--output-format", "markdown", "--with-metadata", page)
    expect(fm.startswith("---\n") and "\n---\n\n" in fm, "no front matter")
    head, body = fm[4:].split("\n---\n\n", 1)
    expect(body == md, "front matter changed the Markdown after it")
    meta = json.loads(run(cleaner, "--output-format", "jsonl", page))["metadata"]
    for line in head.split("\n"):
        key, value = line.split(": ", 1)
        # A YAML double-quoted scalar written as a JSON string.
        expect(json.loads(value) == meta.get(key, json.loads(value) if key == "url" else None),
               f"front matter {key} = {value}, JSON Lines has {meta.get(key)!r}")
    # What the page declares: og:locale's region, article:section/tag, rel=license.
    expect(meta["language"] == "en-US" and meta["categories"] == ["Python"] and
           meta["tags"] == ["csv", "standard library"] and
           meta["license"] == "https://notes.tidewater.example/license/cc-by-4.0",
           f"declared metadata not read: {meta!r}")
    return expect.ok


def links_and_images(markdown):
    """[(text, href)] of the links and [(alt, src)] of the images, in order."""
    links, images = [], []
    for t in MD.parse(markdown):
        children = t.children or []
        for k, c in enumerate(children):
            if c.type == "link_open":
                text = []
                for d in children[k + 1:]:
                    if d.type == "link_close":
                        break
                    text.append(d.content)
                links.append(("".join(text), c.attrGet("href")))
            elif c.type == "image":
                images.append(("".join(d.content for d in c.children or []), c.attrGet("src")))
    return links, images


def check_links(cleaner, page, want_links=None, want_images=None):
    """--links --images only add links and image paragraphs: the text a
    reader gets is the same blocks as without them."""
    expect = Expect(page)
    plain = run(cleaner, "--output-format", "markdown", page)
    linked = run(cleaner, "--output-format", "markdown", "--links", "--images", page)
    without_images = [b for b in parsed_blocks(linked) if b != ("paragraph", 0, "")]
    expect(without_images == parsed_blocks(plain),
           f"--links --images changed the blocks:\n{without_images!r}\n{parsed_blocks(plain)!r}")
    links, images = links_and_images(linked)
    if want_links is not None:
        expect(links == want_links, f"links {links!r}, want {want_links!r}")
        expect(images == want_images, f"images {images!r}, want {want_images!r}")
    return expect.ok


def main():
    cleaner, testdata = sys.argv[1], sys.argv[2]
    pages = []
    for sub in ("golden", "sample"):
        for root, _, files in os.walk(os.path.join(testdata, sub)):
            pages += [os.path.join(root, f) for f in files if f.endswith(".html")]
    pages.sort()
    failed = [p for p in pages if not check_round_trip(cleaner, p)]
    structure = os.path.join(testdata, "golden", "output", "structure.input.html")
    ok = check_structure(cleaner, structure)
    failed += [p for p in pages if not check_links(cleaner, p)]
    site = "https://harbour-board.example"
    ok = check_links(
        cleaner, os.path.join(testdata, "golden", "output", "markdown_links.input.html"),
        [("radar tide gauge", site + "/equipment/radar-gauge"),
         ("live tide page (beta)", "https://tides.example.org/inner-berth?view=live"),
         ("comparison notes", site + "/notices/notes/comparison.pdf"),
         ("inner berth tides", site + "/tides/inner")],
        [("The gauge on the north wall", site + "/img/gauge.jpg"),
         ("The harbour office (east side)", site + "/img/office.jpg")]) and ok
    print(f"{len(pages) - len(failed)}/{len(pages)} pages read back block for block; "
          f"structure page {'ok' if ok else 'FAILED'}")
    return 0 if not failed and ok else 1


if __name__ == "__main__":
    sys.exit(main())
