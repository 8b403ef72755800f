"""What the rule generators of filters/gen/ share: the match key of a rule
text as the filter stage makes it, the stop words, the keys of the rules
already written, and the harm check against the clean AEB article bodies.

A generated rule file is made after the hand-written ones and after the
generated files listed before it in GENERATED (a key the compiler already
has is left out: it refuses the same text twice).
"""
import html
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AEB = ROOT.parent / 'shared' / 'bench' / 'aeb' / 'ground-truth.json'
# In the order they are generated: each reads the keys of those before it.
GENERATED = ['line_filter_wordpress.txt', 'line_filter_mediawiki.txt']


def later_files(name):
    """The generated files made after `name`, and `name` itself."""
    return set(GENERATED[GENERATED.index(name):])


def strip_markup(s):
    s = re.sub(r'<[^>]*>', '', s)
    s = html.unescape(s)
    s = re.sub(r'[«»←→‹›…\u00a0]', ' ', s)
    return re.sub(r'\s+', ' ', s).strip()


def tokens(text):
    """The match key's words, as cleaner/filter/line_filter_rules.cc makes them:
    runs of letters and marks, case folded; a run of digits is the word "0"."""
    out, cur, kind = [], [], None
    for ch in unicodedata.normalize('NFC', text):
        cat = unicodedata.category(ch)
        k = 'w' if cat[0] in 'LM' else 'n' if cat == 'Nd' else None
        if k != kind and cur:
            out.append(''.join(cur).casefold() if kind == 'w' else '0')
            cur = []
        kind = k
        if k:
            cur.append(ch)
    if cur:
        out.append(''.join(cur).casefold() if kind == 'w' else '0')
    return tuple(out)


def unspaced(text):
    return sum(1 for ch in text if unicodedata.category(ch)[0] == 'L' and ord(ch) >= 0x0E00)


def load_stopwords():
    words = set()
    path = ROOT / 'filters' / 'stopwords.txt'
    for line in path.read_text(encoding='utf-8').splitlines():
        f = line.split('\t')
        if len(f) == 3 and f[0] == 'stopwords':
            words.update(w.casefold() for w in f[2].split())
    return words


def stopword_languages():
    """The languages filters/stopwords.txt has a list for."""
    path = ROOT / 'filters' / 'stopwords.txt'
    return {f[1] for f in (line.split('\t') for line in path.read_text(encoding='utf-8').splitlines())
            if len(f) == 3 and f[0] == 'stopwords'}


def existing_keys(skip=()):
    """Keys of the rules of every line_filter_*.txt file but those in `skip`
    (the generator's own output, and generated files that are made after
    it), per table (line and header share one)."""
    family = {'line': 'line', 'header': 'line', 'prefix': 'prefix', 'suffix': 'suffix',
              'contains': 'contains', 'pattern': 'pattern'}
    keys = set()
    for path in sorted((ROOT / 'filters').glob('line_filter_*.txt')):
        if path.name in skip:
            continue
        for line in path.read_text(encoding='utf-8').splitlines():
            f = line.split('\t')
            if len(f) >= 4 and f[0] == 'pattern':
                # A pattern's words without its placeholders, as a
                # generator keys its own ("by {name}" and a translation's
                # "by {name}:" are one).
                keys.add(('pattern', tokens(re.sub(r'\{\w+\}', ' ', f[3]))))
            elif len(f) >= 4 and f[0] in family:
                keys.add((family[f[0]], tokens(f[3].replace('{n}', ' 0 '))))
    return keys


def aeb_lines():
    if not AEB.exists():
        return None
    bodies = json.loads(AEB.read_text(encoding='utf-8'))
    return [tokens(l) for v in bodies.values() for l in v['articleBody'].splitlines() if l.strip()]


def harms(kind, key, lines):
    if lines is None:
        return False
    n = len(key)
    for line in lines:
        if kind in ('line', 'header') and line == key:
            return True
        if kind == 'prefix' and line[:n] == key:
            return True
        if kind == 'contains' and any(line[i:i + n] == key for i in range(len(line) - n + 1)):
            return True
    return False


class RuleSet:
    """The rules a generator collects, each checked as the module's docstring
    says and merged with the others of its key (their provenances and
    languages joined), and the counts of what was left out and why."""

    def __init__(self, out_name, reasons):
        self.stop = load_stopwords()
        self.have = existing_keys(later_files(out_name))
        self.lines = aeb_lines()
        self.rules = {}  # (family, key) -> [kind, category, text, [provenance], [langs], options]
        self.dropped = {r: 0 for r in reasons}

    def add(self, kind, family, key, words, text, category, prov, lang, one_word=False,
            options='', harm_check=True):
        """Adds the rule `text` (match key `key`, its words `words` without
        numbers), unless a check leaves it out. `one_word`: a rule of one
        word may be kept."""
        plain = re.sub(r'\{\w+\}', ' ', text)
        if not words:
            self.dropped['unusable'] += 1
            return
        if len(words) < 2 and unspaced(plain) < 4 and not one_word:
            self.dropped['one word'] += 1
            return
        if all(w in self.stop for w in words):
            self.dropped['stop words'] += 1
            return
        if (family, key) in self.have:
            self.dropped['hand-written'] += 1
            return
        if harm_check and harms(kind, key, self.lines):
            self.dropped['AEB body line'] += 1
            return
        r = self.rules.get((family, key))
        if r is None:
            self.rules[(family, key)] = [kind, category, text, [prov], [lang], options]
            return
        if prov not in r[3]:
            r[3].append(prov)
        if lang not in r[4]:
            r[4].append(lang)

    def render(self, header, most_shown=None):
        """The file: `header` (comment lines), what was left out, then each
        rule under its provenance (the first `most_shown` of it), by
        category, kind and text."""
        out = header + ['# Left out: ' + ', '.join('%s %d' % kv for kv in self.dropped.items()) + '.',
                        '']
        for kind, category, text, prov, langs, options in sorted(
                self.rules.values(), key=lambda r: (r[1], r[0], r[2].casefold(), r[2])):
            lang = langs[0] if len(langs) == 1 else '*'
            shown = prov
            if most_shown is not None and len(prov) > most_shown:
                shown = prov[:most_shown] + ['and %d more' % (len(prov) - most_shown)]
            out.append('# ' + '; '.join(shown))
            out.append('%s\t%s\t%s\t%s%s' % (kind, category, lang, text,
                                             '\t' + options if options else ''))
        return '\n'.join(out) + '\n'


def package_version(package):
    return subprocess.run(['dpkg-query', '-W', '-f=${Version}', package],
                          capture_output=True, text=True).stdout.strip() or 'unknown'


def write_or_check(out, text, summary):
    """With --check, 0 if `out` holds `text` (else 1); without, writes it and
    prints `summary`."""
    if '--check' in sys.argv[1:]:
        same = out.exists() and out.read_text(encoding='utf-8') == text
        print('up to date' if same else 'stale: %s' % out)
        return 0 if same else 1
    out.write_text(text, encoding='utf-8')
    print('%s: %s' % (out.relative_to(ROOT), summary))
    return 0
