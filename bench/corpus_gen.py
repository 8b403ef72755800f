#!/usr/bin/env python3
"""Writes N synthetic JSON Lines records (a corpus dump) to stdout, for the
corpus benchmarks (bench/corpus_throughput.sh, bench/corpus_memory.sh).

Usage: corpus_gen.py N [SEED] [--warc]

With --warc, writes a .warc.gz instead (binary, to stdout): for every record a
request and a response record (the HTML or text as the HTTP body, half of the
HTML bodies gzip content-encoded, text as text/plain so that it is skipped),
one gzip member per WARC record, as Common Crawl does.

Deterministic for a given N and SEED. Two thirds of the records are HTML pages
(navigation, an article of 3-8 paragraphs, share links, a footer) in "html",
one third scraped text with boilerplate lines in "text"; every record has an
id, a url and a passthrough field. Sizes vary from about 1 to 6 KB.
"""
import gzip
import json
import random
import sys
import uuid

WORDS = ("the council harbour library railway market morning evening winter summer "
         "people said would could after before during because while report water road "
         "bridge school children teachers families visitors weekend plans repairs storm "
         "wall quay boats walkers months throughout temporary entrance survey staff "
         "volunteers reading room timetable passengers engineers track section spring "
         "landslide coastal service station town city river park garden museum").split()


def sentence(rng):
    n = rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def warc_record(rtype, uri, block, ctype, rng):
    rid = uuid.UUID(int=rng.getrandbits(128))
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n", 1, mtime=0)


def write_warc(records, rng):
    out = sys.stdout.buffer
    for i, rec in enumerate(records):
        uri = rec["url"]
        req = f"GET /news/{i} HTTP/1.1\r\nHost: example\r\n\r\n".encode()
        out.write(warc_record("request", uri, req, "application/http; msgtype=request", rng))
        if "html" in rec:
            body = rec["html"].encode()
            extra = ""
            if i % 2:
                body = gzip.compress(body, 1, mtime=0)
                extra = "Content-Encoding: gzip\r\n"
            http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}"
                    f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        else:
            body = rec["text"].encode()
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + body
        out.write(warc_record("response", uri, http, "application/http; msgtype=response", rng))


def records(n, rng):
    for i in range(n):
        paras = [paragraph(rng) for _ in range(rng.randint(3, 8))]
        rec = {"id": f"doc-{i:07d}", "url": f"https://site{i % 97}.example/news/{i}"}
        if i % 3:
            body = "".join(f"<p>{p}</p>\n" for p in paras)
            rec["html"] = (
                "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
                + sentence(rng) + "</title></head><body>\n"
                "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
                "<li><a href='/sport'>Sport</a></li><li><a href='/contact'>Contact</a></li></ul></nav>\n"
                "<article><h1>" + sentence(rng) + "</h1>\n" + body + "</article>\n"
                "<div class='share'><a href='#'>Share on Facebook</a> <a href='#'>Tweet</a></div>\n"
                "<footer>Copyright 2024 Example Media. All rights reserved.</footer>\n"
                "</body></html>")
        else:
            rec["text"] = ("Home | News | Sport | Contact\n\n" + "\n\n".join(paras)
                           + "\n\nShare this article\n\nCopyright 2024 Example Media.")
        rec["crawl"] = "synthetic-2024"
        yield rec


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0])
    rng = random.Random(int(args[1]) if len(args) > 1 else 1)
    if "--warc" in sys.argv:
        write_warc(records(n, rng), random.Random(7))
        return
    for rec in records(n, rng):
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
