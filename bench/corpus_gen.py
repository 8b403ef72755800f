#!/usr/bin/env python3
"""Writes N synthetic JSON Lines records (a corpus dump) to stdout, for the
corpus benchmarks (bench/corpus_throughput.sh, bench/corpus_memory.sh).

Usage: corpus_gen.py N [SEED]

Deterministic for a given N and SEED. Two thirds of the records are HTML pages
(navigation, an article of 3-8 paragraphs, share links, a footer) in "html",
one third scraped text with boilerplate lines in "text"; every record has an
id, a url and a passthrough field. Sizes vary from about 1 to 6 KB.
"""
import json
import random
import sys

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


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = sys.stdout
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
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
