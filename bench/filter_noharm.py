#!/usr/bin/python3
"""No-harm check of the filter stage on clean article bodies.

Runs the 181 hand-cleaned article bodies of the Article Extraction
Benchmark (shared/bench/aeb/ground-truth.json, field articleBody) through
the text path of the cleaner and counts the lines that come out. A line of
the input is kept when a line with the same letters and digits (case,
spacing and punctuation aside, which normalization and repair may change)
is in the output. Prints the share kept, then every dropped line with its
document, so that a wrong rule can be found and fixed.

    /usr/bin/python3 bench/filter_noharm.py [path/to/cleaner] [--flag ...]

The default binary is build/cleaner (the README's build folder); extra
arguments are passed to the cleaner. Exit status 1 if under 99.5 %.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / 'shared'
GOAL = 99.5  # percent of lines kept; the bar


def key(line):
    line = unicodedata.normalize('NFKC', line).lower()
    return re.sub(r'[\W_]+', '', line)


def main():
    args = sys.argv[1:]
    binary = str(ROOT / 'build' / 'cleaner')
    if args and not args[0].startswith('-'):
        binary = args.pop(0)
    truth = json.load(open(SHARED / 'bench' / 'aeb' / 'ground-truth.json', encoding='utf-8'))
    total = kept = 0
    dropped = []
    with tempfile.TemporaryDirectory() as tmp:
        ids = sorted(truth)
        for doc_id in ids:
            Path(tmp, doc_id + '.txt').write_text(truth[doc_id]['articleBody'], encoding='utf-8')
        out_dir = Path(tmp, 'out')
        out_dir.mkdir()
        cmd = [binary, '--input-format', 'text', '-j', '1', '-o', str(out_dir)] + args + \
              [str(Path(tmp, i + '.txt')) for i in ids]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit('cleaner failed: ' + proc.stderr)
        for doc_id in ids:
            out_path = out_dir / (doc_id + '.txt')
            out = out_path.read_text(encoding='utf-8') if out_path.exists() else ''
            out_keys = {key(l) for l in out.split('\n')}
            out_all = key(out)
            for line in truth[doc_id]['articleBody'].split('\n'):
                k = key(line)
                if not k:
                    continue
                total += 1
                # A line may have been joined to its neighbour (hard-wrap
                # repair) rather than dropped: look for it in the whole text.
                if k in out_keys or k in out_all:
                    kept += 1
                else:
                    dropped.append((doc_id, line))
    share = 100.0 * kept / max(total, 1)
    print(f'no-harm: {kept} of {total} lines kept = {share:.2f} % (goal >= {GOAL} %)')
    for doc_id, line in dropped:
        print(f'  dropped {doc_id[:12]}: {line[:160]}')
    return 0 if share >= GOAL else 1


if __name__ == '__main__':
    sys.exit(main())
