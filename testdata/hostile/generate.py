#!/usr/bin/python3
"""Writes the hostile corpus into OUT_DIR (default: ./generated).

Each case is an input that web crawls really contain or that an attacker
can craft: random bytes, broken encodings, absurd sizes and nesting, gzip
bombs, malformed archives and JSON. The inputs are generated (seeded, so
every run writes the same bytes) rather than committed, because several are
tens of megabytes. cases.tsv beside this file says how `cleaner` must
behave on each; tests/hostile_test.py checks it under time and memory caps.

Usage: generate.py OUT_DIR
"""
import gzip
import json
import os
import random
import sys
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "generated")
os.makedirs(OUT, exist_ok=True)
rnd = random.Random(20261122)


def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


PARA = ("The volunteers met every Saturday and rebuilt the wheel from oak "
        "donated by a local farm. ")

# --- bytes and encodings -------------------------------------------------
put("random_bytes.bin", bytes(rnd.getrandbits(8) for _ in range(1 << 20)))
put("nul_bytes.txt", b"\0" * 100000)
put("nul_in_text.txt", (PARA.encode() + b"\0\0") * 200)
put("invalid_utf8.txt", b"".join(PARA.encode() + bytes([b]) for b in range(0x80, 0x100)))
put("overlong_utf8.txt", (b"\xc0\xaf\xe0\x80\xaf\xf0\x80\x80\xaf " + PARA.encode()) * 50)
put("surrogates_utf8.txt", (b"\xed\xa0\x80\xed\xbf\xbf " + PARA.encode()) * 50)
put("utf16le_nobom.txt", (PARA * 50).encode("utf-16-le"))
put("utf16be_nobom.txt", (PARA * 50).encode("utf-16-be"))
put("bom_only.txt", b"\xef\xbb\xbf")
put("bom_utf16_odd_length.txt", b"\xff\xfe" + (PARA * 10).encode("utf-16-le") + b"\x41")
put("empty.txt", b"")
put("all_spaces.txt", b" \t \xc2\xa0 \n" * 10000)
put("only_newlines.txt", b"\n" * 100000)
put("control_chars.txt", bytes(range(0, 32)) * 1000 + PARA.encode())
put("bidi_overrides.txt", ("\u202e" + PARA + "\u202c\u2066x\u2069\n") * 100)
put("combining_marks.txt", "e" + "\u0301" * 200000 + "\n" + PARA)
put("single_line_20mb.txt", (PARA * ((20 << 20) // len(PARA))).encode())
# A line of megabytes without a space but with punctuation between letters
# (minified code, a data blob read as text): the punctuation repair must
# not look along the whole run at every mark.
put("no_space_line_8mb.txt", ("Alpha.Beta,gamma;Delta:epsilon!Zeta?" * ((8 << 20) // 36)).encode())
put("one_word_4mb.txt", b"a" * (4 << 20))
put("cr_only.txt", (PARA + "\r").encode() * 2000)
put("mixed_line_endings.txt", (PARA + "\r\n" + PARA + "\r" + PARA + "\n\u2028\u2029").encode() * 500)
put("bogus_meta_charset.html", '<meta charset="x-no-such-charset"><p>' + PARA + "</p>")
put("meta_utf16_lie.html", '<meta charset="utf-16"><p>' + PARA + "</p>")

# --- HTML shapes ---------------------------------------------------------
put("nested_200k_divs.html", "<div>" * 200000 + PARA + "</div>" * 200000)
put("nested_100k_unclosed.html", "<p><b><i><span>" * 25000 + PARA)
put("attributes_300k.html",
    "<div " + " ".join(f'a{i}="{i}"' for i in range(300000)) + ">" + PARA + "</div>")
put("links_200k.html", "<ul>" + "".join(f'<li><a href="/p{i}">Link {i}</a></li>' for i in range(200000))
    + "</ul><p>" + PARA + "</p>")
put("inline_script_8mb.html", "<p>" + PARA + "</p><script>" + "var x=1;" * (1 << 20) + "</script>")
put("unclosed_comment.html", "<p>" + PARA + "</p><!-- " + "x" * (1 << 20))
put("nested_tables_5k.html", "<table><tr><td>" * 5000 + PARA + "</td></tr></table>" * 5000)
put("huge_entities.html", "<p>" + "&#99999999999999999999;&#x110000;&#0;&amp" * 20000 + "</p>")
put("many_br.html", "<p>" + "word<br>" * 500000 + "</p>")
put("text_mentions_tags.txt", "Use <p> for paragraphs and <div> for blocks.\n" + PARA)

# --- WARC ----------------------------------------------------------------
def warc_record(rtype, uri, payload, extra=""):
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Record-ID: <urn:uuid:{rnd.getrandbits(64):016x}>\r\n"
            f"WARC-Date: 2024-05-14T00:00:00Z\r\n{extra}"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def http(body, headers=""):
    return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{headers}"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


good = warc_record("response", "http://example.org/good",
                   http(("<html><body><p>" + PARA + "</p></body></html>").encode()))
# A gzip-encoded HTTP body that inflates to 1 GiB of zeros (about 1 MB).
bomb_body = zlib.compressobj(9, zlib.DEFLATED, 31)
bomb = bomb_body.compress(b"\0" * (1 << 30)) + bomb_body.flush()
put("warc_gzip_bomb.warc", good + warc_record(
    "response", "http://example.org/bomb", http(bomb, "Content-Encoding: gzip\r\n")) + good)
# The same bomb as the record's own gzip member.
put("warc_member_bomb.warc.gz", gzip.compress(good) + gzip.compress(
    warc_record("response", "http://example.org/zeros", http(b"\0" * (1 << 30)))) + gzip.compress(good))
full = gzip.compress(good) + gzip.compress(good)
put("warc_truncated_gzip.warc.gz", full[: len(full) - 40])
put("warc_bad_length.warc", good.replace(b"Content-Length: ", b"Content-Length: -", 1) + good)
put("warc_length_past_eof.warc", good[:-200] + b"Content-Length: 999999999\r\n")
put("warc_garbage_headers.warc", b"WARC/1.0\r\n" + b"\xff\xfe: \x00\r\n" * 1000 + b"\r\n" + good)
put("warc_huge_header_line.warc", b"WARC/1.0\r\nX: " + b"a" * (8 << 20) + b"\r\n\r\n" + good)

# --- JSON Lines ----------------------------------------------------------
lines = [json.dumps({"id": "ok1", "text": PARA}),
         '{"id": "bad", "text": ',
         "not json at all",
         json.dumps({"id": "notext", "other": 1}),
         json.dumps({"id": 5, "text": ["not", "a", "string"]}),
         json.dumps({"id": "../../etc/passwd", "text": PARA}),
         "\xff\xfe garbage bytes",
         json.dumps({"id": "ok2", "html": "<p>" + PARA + "</p>"})]
put("malformed.jsonl", "\n".join(lines) + "\n")
put("oversized_line.jsonl", json.dumps({"id": "big", "text": "x" * (80 << 20)}) + "\n"
    + json.dumps({"id": "after", "text": PARA}) + "\n")
put("deep_json.jsonl", "[" * 100000 + "]" * 100000 + "\n" + json.dumps({"id": "after", "text": PARA}) + "\n")

# --- issue 14: defects found by a second hostile corpus ------------------
# 14.1: nesting in a passed-through field; the record after it must come out.
put("deep_json_field.jsonl", '{"id":"deep","meta":' + "[" * 100000 + "]" * 100000
    + ',"text":"x"}\n' + json.dumps({"id": "after", "text": PARA}) + "\n")
put("deep_json_object.jsonl", '{"id":"deep","text":"x","m":' + '{"a":' * 100000 + "1"
    + "}" * 100000 + "}\n" + json.dumps({"id": "after", "text": PARA}) + "\n")
# 14.2: a chain of double escapes (1M levels; 4 MB).
put("entity_chain_1m.html", "<p>&amp;" + "amp;" * 1000000 + "</p><p>" + PARA + "</p>")
# 14.3: elements with optional end tags that nest all the same.
put("li_dd_100k.html", "<li><dd>" * 100000 + "<p>" + PARA + "</p>")
put("optgroup_option_100k.html", "<optgroup><option>" * 100000 + "<p>" + PARA + "</p>")
put("rt_100k.html", "<rt>" * 100000 + "<p>" + PARA + "</p>")
# 14.5: a 60 MB wall of <br> in list items: 7M elements (3 GB, 68 s before the tag budget).
unit = "<li>" + "word <br>" * 100 + "</li>\n"
put("br_walls_60mb.html", "<ul>" + unit * ((60 << 20) // len(unit)) + "</ul><p>" + PARA + "</p>")
# 14.5: many tiny blocks, where the per-block state of the stages, not the
# text, is what costs memory: a million tiny paragraphs (21 MB) and a
# million short lines of scraped text (20 MB).
put("tiny_paragraphs_20mb.html", "<html><body>" + "<p>tiny paragraph</p>" * 1000000 + "</body></html>")
put("short_lines_20mb.txt", "".join(f"short line {i:08d}\n" for i in range(1000000)))
# The shortest lines and paragraphs there are: one letter and a line break
# (20 MB: ten million lines; 74 times its size before the filter and the
# repair stage judged long documents in windows), and a page of unclosed
# one-letter paragraphs (20 MB: five million <p>).
put("one_letter_lines_20mb.txt", "a\n" * 10000000)
put("open_paragraphs_20mb.html", "<html><body>" + "<p>a" * 5000000)
# Header rules ("Share this:", "Leave a Reply") and the short lines they take,
# a million of them: each header read on past every boilerplate line after
# it (quadratic: 200k lines took 6 s).
headers = ["Share this:", "Leave a Reply", "Related", "Facebook", "Twitter", "Name", "Email"]
put("header_lines_1m.txt", "".join(headers[(i * 7919) % 7] + "\n" for i in range(1000000)) +
    PARA + "\n")
# A crawled page of 600k furniture lines, a tenth or more dropped by the
# rules, so the line classifier judges it; with --explain its reasons were
# computed from the whole document for every dropped line (14 s).
furniture = ["Log in", "Copyright 2024 Example Inc.", "EN | FR | DE", "Page 1 of 5",
             "1 2 3 … 12", "Filter by"]
put("crawled_lines_600k.txt", "".join(furniture[(i * 7919) % 6] + (f" {i}" if i % 2 else "") + "\n"
                                      for i in range(600000)))
# 14.5: 60 MB of three-layer mojibake (3.8 GB before: every repair kept its context snippets).
moj = "café résumé naïve "
for _ in range(3):
    moj = moj.encode("utf-8").decode("cp1252", errors="replace")
unit = ("<p>" + moj * 20 + "</p>\n").encode()
put("mojibake_layers_60mb.html", b"<html><body>" + unit * ((60 << 20) // len(unit)) + b"</body></html>")
# 14.12: frameset pages keep their text in <noframes>; an <a> left open
# across paragraphs is re-opened by the parser around each one.
put("noframes_page.html", '<html><head><title>Old site</title></head><frameset cols="20%,80%">'
    '<frame src="menu.html"><frame src="main.html"><noframes><body><p>' + PARA
    + "</p><p>Noframes text stays in the corpus.</p></body></noframes></frameset></html>")
put("reopened_link.html", '<html><body><p><a href="/x">A link left open</p>'
    + "".join("<p>" + PARA + f" Paragraph {i} of the reopened link page.</p>" for i in range(6))
    + "</body></html>")

# 14.4: a wrong Content-Length never takes the good records after it.
after = warc_record("response", "http://example.org/after",
                    http(("<html><body><p>" + PARA + " The after page.</p></body></html>").encode()))
def bad_length(record, value):
    head, sep, rest = record.partition(b"Content-Length: ")
    return head + sep + value + rest[rest.index(b"\r\n"):]
put("warc_negative_length.warc", bad_length(good, b"-1") + after)
put("warc_negative_length.warc.gz", gzip.compress(bad_length(good, b"-1")) + gzip.compress(after))
put("warc_length_over_limit.warc", bad_length(good, b"99999999999") + after)
put("warc_length_over_limit.warc.gz", gzip.compress(bad_length(good, b"99999999999"))
    + gzip.compress(after))
put("warc_length_too_long.warc", bad_length(good, str(len(good) + 5000).encode()) + after)
put("warc_length_too_long.warc.gz", gzip.compress(bad_length(good, str(len(good) + 5000).encode()))
    + gzip.compress(after))
put("warc_length_too_long_one_member.warc.gz",
    gzip.compress(bad_length(good, str(len(good) + 5000).encode()) + after))
wget_log = b"Opening WARC file 'site.warc.gz'.\n--2024-05-14--  http://example.org/\nwget log line\n"
put("warc_wget_log.warc", warc_record(
    "resource", "metadata://gnu.org/software/wget/warc/wget.log", wget_log,
    "Content-Type: text/plain\r\n") + after)

# --- URL lists -----------------------------------------------------------
put("bad_schemes.urls", "ftp://example.org/x\nfile:///etc/passwd\njavascript:alert(1)\n"
    "gopher://x\nhttp://\n\nnot a url\n")
print(f"wrote {len(os.listdir(OUT))} files to {OUT}")
