#!/usr/bin/python3
"""Line-labelled check of the filter stage on whole-page text.

Common Crawl's WET text is every visible line of a page, menus and all. This
script makes text of that kind from the 181 AEB pages
(shared/bench/aeb/html): the visible text of each page, one line per block
element (script, style and template contents left out). A line is labelled
clean when its letters and digits occur in the page's hand-made article body
(ground-truth.json), noise otherwise. Each page's text is run through the
cleaner's text path (--input-format text), and a line counts as kept when it
comes out. Prints recall of clean lines, recall of noise lines (the share
removed) and balanced accuracy, the mean of the two.

    /usr/bin/python3 bench/filter_linelabel.py [path/to/cleaner] [--flag ...]

With --show N it lists N noise lines kept and N clean lines dropped. The
labels are approximate (a headline repeated in a teaser is "clean"), so the
figure is for comparing versions, not an absolute score.
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / 'shared'

BLOCK = {'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'tr', 'td', 'th',
         'table', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'form',
         'blockquote', 'pre', 'figure', 'figcaption', 'dd', 'dt', 'dl', 'option', 'button',
         'title', 'label', 'address', 'hr', 'body', 'html', 'select', 'textarea', 'iframe'}
SKIP = {'script', 'style', 'noscript', 'template', 'svg', 'head', 'select', 'textarea'}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.skip = [], [], 0

    def flush(self):
        line = re.sub(r'\s+', ' ', ''.join(self.cur)).strip()
        if line:
            self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        if tag in BLOCK:
            self.flush()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
        if tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def key(line):
    return re.sub(r'[\W_]+', '', unicodedata.normalize('NFKC', line).lower())


def main():
    args = sys.argv[1:]
    show = 0
    if '--show' in args:
        at = args.index('--show')
        show = int(args[at + 1])
        del args[at:at + 2]
    binary = str(ROOT / 'build' / 'cleaner')
    if args and not args[0].startswith('-'):
        binary = args.pop(0)
    truth = json.load(open(SHARED / 'bench' / 'aeb' / 'ground-truth.json', encoding='utf-8'))
    pages = {}
    for doc_id in sorted(truth):
        p = Text()
        p.feed((SHARED / 'bench' / 'aeb' / 'html' / (doc_id + '.html')).read_text(
            encoding='utf-8', errors='replace'))
        p.flush()
        body = key(truth[doc_id]['articleBody'])
        body_lines = {key(l) for l in truth[doc_id]['articleBody'].split('\n')}

        # A long line is clean when it occurs in the body; a short one only
        # when it is a whole line of the body ("News" occurs in any body).
        def clean(line):
            k = key(line)
            return k in body_lines or (len(k) >= 25 and k in body)

        # Three letters or digits at least: lines of bare punctuation or a
        # single character carry no label worth scoring.
        pages[doc_id] = [(l, clean(l)) for l in p.lines if len(key(l)) >= 3]
    tp = fn = tn = fp = 0
    noise_kept, clean_dropped = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, lines in pages.items():
            Path(tmp, doc_id + '.txt').write_text('\n'.join(l for l, _ in lines) + '\n',
                                                  encoding='utf-8')
        out_dir = Path(tmp, 'out')
        cmd = [binary, '--input-format', 'text', '-j', '1', '-o', str(out_dir)] + args + \
              [str(Path(tmp, i + '.txt')) for i in pages]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit('cleaner failed: ' + proc.stderr)
        for doc_id, lines in pages.items():
            out_path = out_dir / (doc_id + '.txt')
            out = out_path.read_text(encoding='utf-8') if out_path.exists() else ''
            out_keys = {key(l) for l in out.split('\n')}
            for line, clean in lines:
                kept = key(line) in out_keys
                if clean:
                    tp += kept
                    fn += not kept
                    if not kept:
                        clean_dropped.append((doc_id, line))
                else:
                    fp += kept
                    tn += not kept
                    if kept:
                        noise_kept.append((doc_id, line))
    clean_recall = tp / max(tp + fn, 1)
    noise_recall = tn / max(tn + fp, 1)
    print(f'lines: {tp + fn} clean, {tn + fp} noise')
    print(f'clean kept {100 * clean_recall:.1f} %  noise removed {100 * noise_recall:.1f} %  '
          f'balanced accuracy {(clean_recall + noise_recall) / 2:.3f}')
    for doc_id, line in noise_kept[:show]:
        print(f'  noise kept   {doc_id[:8]}: {line[:140]}')
    for doc_id, line in clean_dropped[:show]:
        print(f'  clean dropped {doc_id[:8]}: {line[:140]}')


if __name__ == '__main__':
    main()
