#!/usr/bin/python3
"""Line-labelled check of the text path on hand-written crawled pages.

bench/crawled/*.txt are pages as a crawler's text extraction writes them
(every visible block of the page on its own line: menus, footers and all),
written by hand in several languages after the kinds of page and noise
issue 12 describes (a Q&A page, a business listing, a blog with pingbacks,
a club's event page, a shop's product page, forum threads, news, a recipe,
a restaurant's reviews, a wiki article, property listings, a download page,
a league report with its standings). The line classifier is trained on
them too (bench/train_line_classifier.py, which prints their
cross-validated figures), so a new batch is scored here with --pages
before it is trained on. Each line starts with its label and a TAB: `C` clean (the
content a reader came for), `N` noise, `?` not scored.

Each page's text, labels taken off, goes through the cleaner's text path
(--input-format text --no-repair, so that a kept line comes out as it went
in); a line counts as kept when it comes out. Prints, per page and over
all, the share of clean lines kept, of noise lines removed, and balanced
accuracy (their mean).

    /usr/bin/python3 bench/crawled_lines.py [path/to/cleaner] [--show] [--pages A,B] [--flag ...]

Extra flags go to the cleaner (e.g. --no-line-classifier, --favor recall).
--show lists, per page, the noise lines kept (+) and the clean lines
dropped (-). --pages scores only the pages named (file names without
.txt, comma separated): a batch written after the rules it is to check.
"""
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / 'bench' / 'crawled'


def key(line):
    return re.sub(r'[\W_]+', '', unicodedata.normalize('NFKC', line).lower())


def read_page(path):
    """[(text, label)] of a labelled page; a line without a label is an error."""
    lines = []
    for n, raw in enumerate(path.read_text(encoding='utf-8').splitlines(), 1):
        if not raw.strip():
            continue
        label, tab, text = raw.partition('\t')
        if not tab or label not in ('C', 'N', '?'):
            sys.exit(f'{path}:{n}: a line starts with C, N or ? and a TAB')
        lines.append((text.strip(), label))
    return lines


def main():
    args = sys.argv[1:]
    show = '--show' in args
    args = [a for a in args if a != '--show']
    only = None
    if '--pages' in args:
        at = args.index('--pages')
        only = set(args[at + 1].split(',')) if at + 1 < len(args) else set()
        del args[at:at + 2]
    binary = str(ROOT / 'build' / 'cleaner')
    if args and not args[0].startswith('-'):
        binary = args.pop(0)
    pages = {p.stem: read_page(p) for p in sorted(PAGES.glob('*.txt'))
             if only is None or p.stem in only}
    if not pages:
        sys.exit(f'no pages in {PAGES}')
    totals = [0, 0, 0, 0]  # clean kept, clean, noise removed, noise
    with tempfile.TemporaryDirectory() as tmp:
        for name, lines in pages.items():
            Path(tmp, name + '.txt').write_text('\n'.join(t for t, _ in lines) + '\n',
                                                encoding='utf-8')
        out_dir = Path(tmp, 'out')
        cmd = [binary, '--input-format', 'text', '--no-repair', '-j', '1', '-q',
               '-o', str(out_dir)] + args + [str(Path(tmp, n + '.txt')) for n in pages]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit('cleaner failed: ' + proc.stderr)
        print(f'{"page":<16}{"clean":>7}{"kept":>8}{"noise":>7}{"removed":>9}{"BA":>7}')
        for name, lines in pages.items():
            out_path = out_dir / (name + '.txt')
            out = out_path.read_text(encoding='utf-8') if out_path.exists() else ''
            out_keys = {key(l) for l in out.split('\n')}
            ck = c = nr = n = 0
            for text, label in lines:
                kept = key(text) in out_keys
                if label == 'C':
                    c += 1
                    ck += kept
                    if show and not kept:
                        print(f'  - {name}: {text[:120]}')
                elif label == 'N':
                    n += 1
                    nr += not kept
                    if show and kept:
                        print(f'  + {name}: {text[:120]}')
            for i, v in enumerate((ck, c, nr, n)):
                totals[i] += v
            kr, rr = ck / max(c, 1), nr / max(n, 1)
            print(f'{name:<16}{c:>7}{100 * kr:>7.1f}%{n:>7}{100 * rr:>8.1f}%{(kr + rr) / 2:>7.3f}')
    kr, rr = totals[0] / max(totals[1], 1), totals[2] / max(totals[3], 1)
    print(f'{"all lines":<16}{totals[1]:>7}{100 * kr:>7.1f}%{totals[3]:>7}{100 * rr:>8.1f}%'
          f'{(kr + rr) / 2:>7.3f}')


if __name__ == '__main__':
    main()
