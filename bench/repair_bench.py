#!/usr/bin/python3
"""Benchmarks of the repair stage over the 181 clean AEB article bodies.

  /usr/bin/python3 bench/repair_bench.py noharm  [--bin B] [--list] [--corpus aeb|wordpress]
  /usr/bin/python3 bench/repair_bench.py corrupt [--bin B] [--seed N] [--show K]
  /usr/bin/python3 bench/repair_bench.py speed   [--bin B] [--repeat N]

noharm: repairs the clean bodies (field articleBody of
  ../shared/bench/aeb/ground-truth.json) and counts every character the stage
  changes, by rule; --list prints every change (before -> after).
  --corpus wordpress: the translated strings of Debian's wordpress-l10n
  instead (correct text in about 70 locales): the mojibake rules should
  change none of them.
corrupt: injects each defect class of the contract into the clean bodies at
  known places (seeded, reproducible; mojibake through ten code pages:
  Windows-1250/1251/1252/1253/1254/1257, Latin-1, ISO-8859-2, Mac Roman,
  CP437, once, twice or three times), repairs, and reports per class the
  share repaired exactly (output == repair(clean body)) and the number of
  cases where a change appeared away from the injected defect (introduced).
speed: times the stage alone (bench_repair --speed) on the bodies.

B is the bench_repair binary (default: build/bench/bench_repair of this
checkout). Every line of a body is one block, as the text segmenter makes it.
"""
import argparse
import difflib
import json
import random
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / 'shared'
GROUND_TRUTH = SHARED / 'bench' / 'aeb' / 'ground-truth.json'


def load_bodies():
    data = json.loads(GROUND_TRUTH.read_text(encoding='utf-8'))
    return [(k, v['articleBody']) for k, v in sorted(data.items())]


def run_repair(binary, docs, extra=()):
    """docs: list of (id, text). Returns list of (text, changes)."""
    payload = ''.join(json.dumps({'id': i, 'text': t}, ensure_ascii=False) + '\n'
                      for i, t in docs)
    out = subprocess.run([binary, *extra], input=payload.encode('utf-8'),
                         stdout=subprocess.PIPE, check=True).stdout.decode('utf-8')
    rows = [json.loads(line) for line in out.split('\n') if line]
    return [(r['text'], r['changes']) for r in rows]


def changed_chars(a, b):
    """Characters changed between a and b (line by line, then difflib)."""
    n = 0
    la, lb = a.split('\n'), b.split('\n')
    if len(la) != len(lb):
        la, lb = [a], [b]
    for x, y in zip(la, lb):
        if x == y:
            continue
        sm = difflib.SequenceMatcher(None, x, y, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != 'equal':
                n += max(i2 - i1, j2 - j1)
    return n


WORDPRESS_L10N = Path('/usr/share/wordpress/wp-content/languages')


def load_wordpress():
    """The translated strings of Debian's wordpress-l10n (WordPress core's
    own translations, about 70 locales and a dozen scripts): correct text
    in many languages, as one document per locale and 100 strings, one
    string per line. Read with the standard library's .mo reader."""
    import gettext
    docs = []
    for mo in sorted(WORDPRESS_L10N.glob('*.mo')):
        with open(mo, 'rb') as f:
            catalog = gettext.GNUTranslations(f)._catalog
        # (The catalog's header, msgid '', is metadata, not text.)
        strings = sorted(v.replace('\n', ' ').strip() for k, v in catalog.items()
                         if k and isinstance(v, str) and v.strip())
        for i in range(0, len(strings), 100):
            docs.append((f'{mo.stem}#{i}', '\n'.join(strings[i:i + 100])))
    if not docs:
        sys.exit(f'no .mo files under {WORDPRESS_L10N}: apt install wordpress-l10n')
    return docs


def cmd_noharm(args):
    bodies = load_wordpress() if args.corpus == 'wordpress' else load_bodies()
    results = run_repair(args.bin, bodies)
    total = sum(len(t) for _, t in bodies)
    changed = 0
    by_rule = Counter()
    listing = defaultdict(list)
    docs_changed = 0
    for (doc_id, text), (out, changes) in zip(bodies, results):
        c = changed_chars(text, out)
        changed += c
        docs_changed += c > 0
        for ch in changes:
            by_rule[ch['rule']] += 1
            listing[ch['rule']].append((doc_id[:8], ch['before'], ch['after']))
    print(f'no-harm ({args.corpus}): {len(bodies)} clean documents, {total} characters')
    print(f'characters changed: {changed} ({100.0 * changed / total:.4f} %), '
          f'in {docs_changed} documents')
    for rule, n in by_rule.most_common():
        print(f'  {rule:20s} {n:5d} changes')
    if args.list:
        for rule, items in sorted(listing.items()):
            print(f'\n[{rule}]')
            for doc, before, after in items:
                print(f'  {doc}  {before!r}\n            -> {after!r}')


# ---------------------------------------------------------------------------
# Defect injection. Each class finds the places in a clean line where the
# defect can be made, and returns the corrupted line. One defect per
# document and class: the place is chosen with the seeded generator.

WORD_END = r'(?<=[^\W\d_]{2})'   # after at least two letters


def sites(pattern, line):
    return [m for m in re.finditer(pattern, line)]


def inj_space_before(line, rng):
    ms = sites(WORD_END + r'([,.;:!?])(?= |$)', line)
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.start(1)] + ' ' + line[m.start(1):]


ABBREV = {'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'ltd', 'co',
          'corp', 'gen', 'gov', 'sen', 'rep', 'rev', 'mt', 'etc', 'al', 'jan', 'feb',
          'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'prof'}


def inj_glued_sentence(line, rng):
    ms = [m for m in sites(r'(?<=[a-z]{2})([.!?]) (?=[A-Z][a-z])', line)
          if not re.search(r'(\b\w+)$', line[:m.start(1)]) or
          re.search(r'(\w+)$', line[:m.start(1)]).group(1).lower() not in ABBREV]
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.end(1)] + line[m.end(1) + 1:]


def inj_glued_comma(line, rng):
    ms = sites(r'(?<=[^\W\d_]{2})([,;]) (?=[^\W\d_]{2})', line)
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.end(1)] + line[m.end(1) + 1:]


def inj_doubled(line, rng):
    ms = [m for m in sites(r'(?<=[^\W\d_]{2})(,)(?= )', line)
          if re.search(r'(\w+)$', line[:m.start(1)]).group(1).lower() not in ABBREV]
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.start(1)] + '.' + line[m.start(1):]


def spaced_letter(ch):
    """A letter of a script that separates words with spaces: after a closing
    quote glued to Korean or CJK text (a particle) no space is missing."""
    o = ord(ch)
    cjk = (0x1100 <= o <= 0x11FF or 0x2E80 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF or
           0x0E00 <= o <= 0x0EFF or 0xFF00 <= o <= 0xFFEF)
    return ch.isalpha() and not cjk


def pairs(line, op, cl):
    """Quote pairs op...cl inside a line: opener after start/space, closer
    before end/space/punctuation, no other mark of the family between."""
    found = []
    for m in re.finditer('(?:^|(?<= ))' + op + r'([^' + op + cl + r']{2,200}?)' + cl +
                         r'(?=$|[ ,.;:!?)])', line):
        found.append(m)
    return found


def inj_open_flipped(line, rng):
    # `“Whoever` -> `” Whoever` (closing glyph, space inside)
    ms = [m for m in pairs(line, '“', '”') if m.group(1)[0].isalpha()]
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.start()] + '” ' + line[m.start() + 1:]


def inj_close_spaced(line, rng):
    # `Karabakh,” he` -> `Karabakh, ” he`
    ms = [m for m in pairs(line, '“', '”') if m.end() < len(line) and line[m.end()] == ' ']
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.end() - 1] + ' ' + line[m.end() - 1:]


def closer_before_word(line, rng):
    """A “…” pair whose closer is followed by a space and a word, or None."""
    ms = [m for m in pairs(line, '“', '”')
          if m.end() + 1 < len(line) and line[m.end()] == ' ' and spaced_letter(line[m.end() + 1])]
    return rng.choice(ms) if ms else None


def inj_close_shifted(line, rng):
    # `forces,” Armenian` -> `forces, ”Armenian`
    m = closer_before_word(line, rng)
    return None if m is None else line[:m.end() - 1] + ' ”' + line[m.end() + 1:]


def inj_close_glued(line, rng):
    # `this.” he` -> `this.”he`
    m = closer_before_word(line, rng)
    return None if m is None else line[:m.end()] + line[m.end() + 1:]


def inj_close_as_open(line, rng):
    # `Shusha,” he` -> `Shusha, “he`
    m = closer_before_word(line, rng)
    return None if m is None else line[:m.end() - 1] + ' “' + line[m.end() + 1:]


def inj_single_mirrored(line, rng):
    # `the ‘Nagorno-Karabakh’ region` -> `the’ Nagorno-Karabakh ‘ region`
    ms = [m for m in pairs(line, '‘', '’')
          if m.start() > 0 and line[m.start() - 1] == ' ' and m.end() < len(line) and
          line[m.end()] == ' ' and m.group(1)[0].isalpha() and m.group(1)[-1].isalpha()]
    if not ms:
        return None
    m = rng.choice(ms)
    return (line[:m.start() - 1] + '’ ' + m.group(1) + ' ‘' + line[m.end():])


def inj_straight_apostrophe(line, rng):
    # `it’s` -> `it's` in a typographic document
    ms = sites(r'(?<=[^\W\d_])’(?=[^\W\d_])', line)
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.start()] + "'" + line[m.end():]


def inj_straight_pair(line, rng):
    # `“word …”` -> `"word …"` in a typographic document
    ms = pairs(line, '“', '”')
    if not ms:
        return None
    m = rng.choice(ms)
    return line[:m.start()] + '"' + m.group(1) + '"' + line[m.end():]


ENTITY = {'&': '&amp;', '’': '&rsquo;', '“': '&#8220;', '”': '&#x201D;', '—': '&mdash;',
          '–': '&ndash;', 'é': '&eacute;', '\u00a0': '&nbsp;', '…': '&hellip;'}


def inj_entity(line, rng):
    ms = [i for i, ch in enumerate(line) if ch in ENTITY]
    if not ms:
        return None
    i = rng.choice(ms)
    return line[:i] + ENTITY[line[i]] + line[i + 1:]


def mojibake(ch):
    return ch.encode('utf-8').decode('cp1252', errors='strict')


def inj_mojibake(line, rng):
    # A non-ASCII character as UTF-8 bytes read as Windows-1252.
    ms = []
    for i, ch in enumerate(line):
        if ord(ch) < 0x80:
            continue
        try:
            mojibake(ch)
        except UnicodeDecodeError:
            continue
        ms.append(i)
    if not ms:
        return None
    i = rng.choice(ms)
    return line[:i] + mojibake(line[i]) + line[i + 1:]


def inj_mojibake_c1(line, rng):
    # `”` as Latin-1 read bytes: `â€\x9d` (the C1 control kept), or the lost
    # byte: `â€` alone.
    ms = [i for i, ch in enumerate(line) if ch == '”']
    if not ms:
        return None
    i = rng.choice(ms)
    form = rng.choice(['â€\u009d', 'â€'])
    if form == 'â€' and i + 1 < len(line) and line[i + 1] not in ' ,.;:!?':
        form = 'â€\u009d'
    return line[:i] + form + line[i + 1:]


# The code pages UTF-8 is misread through, as Python names them.
CODEPAGES = ['cp1252', 'latin-1', 'mac_roman', 'cp1250', 'cp1251', 'cp1253', 'cp1254',
             'cp1257', 'iso-8859-2', 'cp437']


def sloppy_decode(data, codepage):
    """`data` decoded byte by byte, a byte the code page leaves undefined
    kept as the character of the same value (what browsers do for
    Windows-125x)."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(b))
    return ''.join(out)


def garble(text, codepage, times=1):
    for _ in range(times):
        text = sloppy_decode(text.encode('utf-8'), codepage)
    return text


def phrase_around(line, i, rng):
    """The words around line[i]: from a space 10-40 characters before to
    one 10-40 characters after (or the line's ends)."""
    a = line.rfind(' ', 0, max(0, i - rng.randint(10, 40)))
    b = line.find(' ', min(len(line), i + rng.randint(10, 40)))
    return (a + 1 if a >= 0 else 0), (b if b >= 0 else len(line))


def inj_mojibake_phrase(line, rng):
    # A phrase with a non-ASCII character in it, garbled once through one of
    # the ten code pages.
    ms = [i for i, ch in enumerate(line) if ord(ch) >= 0x80]
    if not ms:
        return None
    i = rng.choice(ms)
    a, b = phrase_around(line, i, rng)
    return line[:a] + garble(line[a:b], rng.choice(CODEPAGES)) + line[b:]


def inj_mojibake_twice(line, rng):
    # A non-ASCII character garbled twice (or three times) through the same
    # Windows code page.
    ms = [i for i, ch in enumerate(line) if ord(ch) >= 0x80]
    if not ms:
        return None
    i = rng.choice(ms)
    cp = rng.choice(['cp1252', 'cp1251', 'cp1250'])
    return line[:i] + garble(line[i], cp, rng.choice([2, 2, 3])) + line[i + 1:]


CLASSES = [
    ('space-before-punct', inj_space_before),
    ('glued-sentence', inj_glued_sentence),
    ('glued-comma', inj_glued_comma),
    ('doubled-punct', inj_doubled),
    ('open-quote-flipped', inj_open_flipped),
    ('close-quote-spaced', inj_close_spaced),
    ('close-quote-shifted', inj_close_shifted),
    ('close-quote-glued', inj_close_glued),
    ('close-as-open-glyph', inj_close_as_open),
    ('single-pair-mirrored', inj_single_mirrored),
    ('straight-apostrophe', inj_straight_apostrophe),
    ('straight-quote-pair', inj_straight_pair),
    ('entity', inj_entity),
    ('mojibake', inj_mojibake),
    ('mojibake-c1-or-lost', inj_mojibake_c1),
    ('mojibake-phrase', inj_mojibake_phrase),
    ('mojibake-twice', inj_mojibake_twice),
]


def typographic(text):
    t = sum(text.count(c) for c in '“”‘’„«»')
    a = text.count('"') + text.count("'")
    return t > a + 4  # still mostly typographic after the injection


def inject(text, fn, rng):
    """Returns (corrupted text, line index) or None."""
    lines = text.split('\n')
    order = list(range(len(lines)))
    rng.shuffle(order)
    for k in order:
        bad = fn(lines[k], rng)
        if bad is not None and bad != lines[k]:
            out = lines[:]
            out[k] = bad
            return '\n'.join(out), k
    return None


def cmd_corrupt(args):
    bodies = load_bodies()
    clean_out = dict(zip([i for i, _ in bodies],
                         [t for t, _ in run_repair(args.bin, bodies)]))
    cases = []  # (class, doc id, line index, corrupted, clean)
    for name, fn in CLASSES:
        rng = random.Random(f'{args.seed}:{name}')
        for doc_id, text in bodies:
            if name.startswith('straight') and not typographic(text):
                continue  # the defect exists only in typographic documents
            r = inject(text, fn, rng)
            if r is None:
                continue
            cases.append((name, doc_id, r[1], r[0], text))
    outs = run_repair(args.bin, [(f'{c[0]}|{c[1]}', c[3]) for c in cases])
    stats = defaultdict(lambda: [0, 0, 0])  # cases, fixed, introduced
    shown = Counter()
    for (name, doc_id, k, bad, clean), (out, _) in zip(cases, outs):
        want = clean_out[doc_id]
        s = stats[name]
        s[0] += 1
        if out == want:
            s[1] += 1
            continue
        ol, wl = out.split('\n'), want.split('\n')
        introduced = len(ol) != len(wl) or any(
            a != b for j, (a, b) in enumerate(zip(ol, wl)) if j != k)
        s[2] += introduced
        if shown[name] < args.show:
            shown[name] += 1
            sm = difflib.SequenceMatcher(None, wl[k], ol[k], autojunk=False)
            for op, i1, i2, j1, j2 in sm.get_opcodes():
                if op != 'equal':
                    print(f'[{name}] want {wl[k][max(0, i1 - 25):i2 + 25]!r}\n'
                          f'{" " * len(name)}    got  {ol[k][max(0, j1 - 25):j2 + 25]!r}')
                    break
    print(f'corruption benchmark, seed {args.seed}: one defect per document and class')
    print(f'{"class":22s} {"cases":>6s} {"fixed":>6s} {"share":>8s} {"introduced":>10s}')
    for name, _ in CLASSES:
        c, f, i = stats[name]
        share = 100.0 * f / c if c else 0.0
        print(f'{name:22s} {c:6d} {f:6d} {share:7.1f}% {i:10d}')
    c = sum(s[0] for s in stats.values())
    f = sum(s[1] for s in stats.values())
    i = sum(s[2] for s in stats.values())
    print(f'{"all":22s} {c:6d} {f:6d} {100.0 * f / c:7.1f}% {i:10d}')


def cmd_speed(args):
    bodies = load_bodies()
    payload = ''.join(json.dumps({'id': i, 'text': t}, ensure_ascii=False) + '\n'
                      for i, t in bodies)
    out = subprocess.run([args.bin, '--speed', str(args.repeat)],
                         input=payload.encode('utf-8'), stdout=subprocess.PIPE, check=True)
    print(out.stdout.decode().strip())


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('command', choices=['noharm', 'corrupt', 'speed'])
    ap.add_argument('--bin', default=str(ROOT / 'build' / 'bench' / 'bench_repair'))
    ap.add_argument('--list', action='store_true', help='noharm: print every change')
    ap.add_argument('--corpus', choices=['aeb', 'wordpress'], default='aeb',
                    help='noharm: the AEB article bodies, or the translations of '
                         'wordpress-l10n (correct text in about 70 locales)')
    ap.add_argument('--seed', type=int, default=1, help='corrupt: random seed')
    ap.add_argument('--show', type=int, default=0, help='corrupt: failures shown per class')
    ap.add_argument('--repeat', type=int, default=20, help='speed: timed passes')
    args = ap.parse_args()
    {'noharm': cmd_noharm, 'corrupt': cmd_corrupt, 'speed': cmd_speed}[args.command](args)


if __name__ == '__main__':
    sys.exit(main())
