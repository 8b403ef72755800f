#!/usr/bin/python3
"""Mojibake of every kind the repair stage should undo, made here from clean
sentences in twenty languages, and the clean sentences themselves.

  /usr/bin/python3 bench/mojibake_kinds.py [--bin build/cleaner] [--show]

Each sentence is garbled through each of ten code pages (UTF-8 bytes
decoded as Windows-1252, Latin-1, Mac Roman, Windows-1250/1251/1253/1254/
1257, ISO-8859-2, CP437; bytes a code page leaves undefined kept as the C1
control or Latin-1 character of that value, as lenient decoders do), twice
and three times through Windows-1252, with its no-break spaces turned into
spaces, with the bytes Windows-1252 leaves undefined lost to U+FFFD (the
expected text then has one U+FFFD per lost character), and with one word
garbled in otherwise clean text. Every case is one document of
`cleaner --input-format jsonl --no-filter`; a case passes when the output is
the expected text exactly. Prints the share per kind; --show lists the
failures. (The repair's own no-harm and injected-defect figures are
bench/repair_bench.py's.)
"""
import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from repair_bench import garble  # noqa: E402  (lenient byte-by-byte decoding)

SENTENCES = [
    "Le café était fermé à cause de la grève.",
    "Él dijo: “¿Dónde está la estación?”",
    "Über die Brücke fährt ein Zug nach Köln.",
    "A reunião começa às três horas em São Paulo.",
    "Zażółć gęślą jaźń — to zdanie testowe.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Çok güzel bir gün, değil mi? Işık şöyle.",
    "Привет, как дела? Всё хорошо.",
    "Καλημέρα, τι κάνεις σήμερα;",
    "Rīga un Vilnius ir Baltijas galvaspilsētas.",
    "It’s a “quoted” word… and an em—dash.",
    "Naïve résumé of the coöperative’s façade.",
    "Grüße aus Zürich – 20 °C und Sonne.",
    "I ❤ this! 😂 So funny 👍",
    "Price: 5 € or £4.50 ±0.10 µg.",
    "Árvíztűrő tükörfúrógép.",
    "Æble, øl og Århus.",
    "Hyvää päivää, mitä kuuluu?",
    "日本語のテキストです。",
    "中文文本测试。",
    "Ça va? Œuvre complète, cœur.",
    "señor Núñez, año 2020.",
    "Đây là tiếng Việt có dấu.",
    "Šiaulių ąžuolas ėjo į miestą.",
    "Ελληνικά: αβγδ ΩΣΔ.",
    "Он сказал: «Нет».",
    "Tschüß, bis später!",
    "Crème brûlée à la française.",
]
CODE_PAGES = ['cp1252', 'latin-1', 'mac_roman', 'cp1250', 'cp1251', 'cp1253', 'cp1254',
              'cp1257', 'iso8859-2', 'cp437']
UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def cases():
    for s in SENTENCES:
        yield 'clean', s, s
        for cp in CODE_PAGES:
            g = garble(s, cp)
            if g != s:
                yield cp, g, s
        twice = garble(s, 'cp1252', 2)
        yield 'twice', twice, s
        yield 'three-times', garble(s, 'cp1252', 3), s
        g = garble(s, 'cp1252')
        if '\xa0' in g:
            yield 'lost-nbsp', g.replace('\xa0', ' '), s
        lost = ''.join(bytes([b]).decode('cp1252', errors='replace') for b in s.encode('utf-8'))
        if '\ufffd' in lost:
            want = ''.join('\ufffd' if any(b in UNDEFINED_1252 for b in ch.encode('utf-8'))
                           else ch for ch in s)
            yield 'lost-bytes', lost, want
        words = s.split(' ')
        for i, w in enumerate(words):
            if garble(w, 'cp1252') != w:
                yield 'one-word', ' '.join(words[:i] + [garble(w, 'cp1252')] + words[i + 1:]), s
                break


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--bin', default=str(ROOT / 'build' / 'cleaner'))
    ap.add_argument('--show', action='store_true', help='list the failures')
    args = ap.parse_args()
    all_cases = list(cases())
    payload = ''.join(json.dumps({'id': str(i), 'text': g}, ensure_ascii=False) + '\n'
                      for i, (_, g, _) in enumerate(all_cases))
    out = subprocess.run([args.bin, '-q', '--input-format', 'jsonl', '--output-format', 'jsonl',
                          '--no-filter'], input=payload.encode('utf-8'),
                         stdout=subprocess.PIPE, check=True).stdout.decode('utf-8')
    got = {}
    for line in out.splitlines():
        r = json.loads(line)
        got[r['id']] = r.get('text', '').strip()
    passed, total = Counter(), Counter()
    for i, (kind, g, want) in enumerate(all_cases):
        total[kind] += 1
        if got.get(str(i)) == want:
            passed[kind] += 1
        elif args.show:
            print(f'[{kind}]\n  in:   {g}\n  got:  {got.get(str(i))}\n  want: {want}')
    for kind in total:
        print(f'{kind:12s} {passed[kind]:4d} / {total[kind]:4d}')
    n, p = sum(total.values()), sum(passed.values())
    print(f'all          {p:4d} / {n:4d}  {100.0 * p / n:.1f} %  '
          f'(clean text changed: {total["clean"] - passed["clean"]})')


if __name__ == '__main__':
    sys.exit(main())
