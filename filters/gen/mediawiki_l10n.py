#!/usr/bin/python3
"""Generates filters/line_filter_mediawiki.txt from Debian's mediawiki package.

MediaWiki prints the same furniture around every article of every wiki
that runs it (Wikipedia and its many mirrors among them), in the wiki's
language: "[edit]" beside each heading, "Contents" and "hide" over the
table of contents, "Retrieved from ...", "Categories: ...", "This page was
last edited on ...", the tool links ("What links here", "Printable
version", "Permanent link") and the skip links ("Jump to navigation").
A crawler's text extraction writes each on a line of its own. MediaWiki
core and its skins ship these messages translated into some 500 languages
(languages/i18n/*.json, skins/*/i18n/*.json); this script reads the
installed package and writes one rule per translation, each preceded by a
comment with its provenance (language and message key).

    apt-get install --no-install-recommends mediawiki
    /usr/bin/python3 filters/gen/mediawiki_l10n.py            # rewrites the file
    /usr/bin/python3 filters/gen/mediawiki_l10n.py --check    # exit 1 if stale

Run it after filters/gen/wordpress_l10n.py (its keys are left out here).

A generated rule must never match a content sentence, so a translation is
kept only if it is a short, specific UI string:
  - it has at least two words, or four letters of a script written without
    spaces; or it is the one word of four letters or more, in a language
    filters/stopwords.txt has a list for, of a message whose word stands
    alone on a line only as furniture ("[edit]", "Categories: ..."; ONE_WORD
    below). The one word of another language is too often a word of one of
    those ("visa", "let", "uri" are show and hide in Swedish, Anaang and
    Maltese; "Pelle" is Fula for categories), and "Contents"
    heads a documentation page's own table of contents, which the WCXB
    ground truth keeps (31 such lines), so neither is taken;
  - its words are not all stop words (filters/stopwords.txt);
  - its match key is not the key of a line of the AEB clean article bodies
    (../shared/bench/aeb/ground-truth.json, when present), nor, for prefix
    rules, found at the start of one;
  - its key is not already a rule of the other files; a key shared by
    several languages is written once, with every language in its
    provenance.
Messages with wiki markup other than {{PLURAL:...}} (every form is taken)
are left out, and so is a sentence whose placeholder ($1) comes first (a
prefix rule is the text before it).
"""
import json
import re
import sys
from pathlib import Path

from l10n_common import (ROOT, RuleSet, package_version, stopword_languages, strip_markup,
                         tokens, write_or_check)

OUT = ROOT / 'filters' / 'line_filter_mediawiki.txt'
MW = Path('/usr/share/mediawiki')
CATALOGS = [MW / 'languages' / 'i18n', MW / 'skins' / 'Vector' / 'i18n',
            MW / 'skins' / 'MonoBook' / 'i18n', MW / 'skins' / 'Timeless' / 'i18n']

# (message key, rule kind, category, options). `prefix` rules take the text
# before the message's first placeholder.
MESSAGES = [
    # beside headings and over the table of contents
    ('editsection', 'line', 'navigation', ''),
    ('toc', 'line', 'navigation', ''),
    ('hidetoc', 'line', 'navigation', ''),
    ('showtoc', 'line', 'navigation', ''),
    # skip links
    ('jumpto', 'prefix', 'navigation', 'sep'),
    ('vector-jumptonavigation', 'line', 'navigation', ''),
    ('vector-jumptosearch', 'line', 'navigation', ''),
    ('vector-jumptocontent', 'line', 'navigation', ''),
    ('redirectedfrom', 'prefix', 'navigation', ''),
    # under the article
    ('retrievedfrom', 'prefix', 'navigation', 'max_words=40'),  # and the URL's scheme: URL_AFTER
    ('pagecategories', 'prefix', 'navigation', 'sep,max_words=60'),
    ('hidden-categories', 'prefix', 'navigation', 'sep,max_words=60'),
    ('lastmodifiedat', 'prefix', 'legal', 'max_words=30'),
    ('viewcount', 'prefix', 'legal', 'max_words=20'),
    # tabs and the tool box
    ('personaltools', 'line', 'navigation', ''),
    ('notloggedin', 'line', 'account', ''),
    ('createaccount', 'line', 'account', ''),
    ('nav-login-createaccount', 'line', 'account', ''),
    ('viewsource', 'line', 'navigation', ''),
    ('vector-view-history', 'line', 'navigation', ''),
    ('whatlinkshere', 'line', 'navigation', ''),
    ('recentchangeslinked-toolbox', 'line', 'navigation', ''),
    ('recentchanges', 'line', 'navigation', ''),
    ('randompage', 'line', 'navigation', ''),
    ('specialpages', 'line', 'navigation', ''),
    ('upload', 'line', 'navigation', ''),
    ('printableversion', 'line', 'navigation', ''),
    ('permalink', 'line', 'navigation', ''),
    ('pageinfo-toolboxlink', 'line', 'navigation', ''),
    ('otherlanguages', 'line', 'navigation', ''),
    ('mainpage-description', 'line', 'navigation', ''),
]
# Messages whose placeholder is the page's address: the prefix is the text
# before it and the address's scheme ('Retrieved from "https://...'), as the
# text alone starts sentences too ("Retrieved from the river, the boat...").
URL_AFTER = {'retrievedfrom'}
# Messages whose one word stands alone on a line only as a wiki's furniture.
ONE_WORD = {'editsection', 'pagecategories'}


def forms(message):
    """The message's texts: every form of a {{PLURAL:$1|...}}; [] when it holds
    other wiki markup."""
    m = re.search(r'\{\{PLURAL:[^|]*\|([^}]*)\}\}', message)
    if m:
        out = []
        for form in m.group(1).split('|'):
            form = re.sub(r'^\d+=', '', form)  # explicit plural forms "0=none"
            out += forms(message[:m.start()] + form + message[m.end():])
        return list(dict.fromkeys(out))
    if '{{' in message or '[[' in message or '<' in message:
        return []
    return [message]


def rule_texts(msg, kind, message):
    """The rule texts of one form ([] if it cannot be one)."""
    text = strip_markup(message)
    if kind == 'prefix':
        head = text.split('$', 1)[0]
        if not tokens(head):
            return []
        head = head.strip(' "\'„“”«»(')
        if msg in URL_AFTER:
            # The scheme as the rule writes it: a word after the prefix.
            return [head + ' https', head + ' http'] if '$' in text else []
        return [head]
    return [] if '$' in text else [text]


def read_catalogs():
    """language -> {key: message}, over core and the skins."""
    out = {}
    for folder in CATALOGS:
        for path in sorted(folder.glob('*.json')):
            if path.stem == 'qqq':  # documentation of the messages, not a language
                continue
            data = json.loads(path.read_text(encoding='utf-8'))
            out.setdefault(path.stem, {}).update(
                {k: v for k, v in data.items() if isinstance(v, str) and not k.startswith('@')})
    return out


def generate():
    known = stopword_languages()
    rules = RuleSet(OUT.name, ['one word', 'stop words', 'hand-written', 'AEB body line',
                               'unusable'])
    catalogs = read_catalogs()
    if not catalogs:
        sys.exit('mediawiki_l10n.py: no catalogs in %s (apt-get install mediawiki)' % MW)
    for language in sorted(catalogs):
        cat = catalogs[language]
        lang = language.split('-')[0]
        lang = lang if len(lang) == 2 else '*'
        for msg, kind, category, opts in MESSAGES:
            texts = []
            for form in forms(cat.get(msg, '')):
                texts += rule_texts(msg, kind, form) or [None]
            for text in texts:
                if text is None:
                    rules.dropped['unusable'] += 1
                    continue
                words = [w for w in tokens(text) if w != '0']
                one_word = msg in ONE_WORD and lang in known and bool(words) and len(words[0]) >= 4
                rules.add(kind, kind, tokens(text), words, text, category,
                          '%s %s' % (language, msg), lang, one_word=one_word, options=opts)
    return rules, len(catalogs)


def main():
    rules, n = generate()
    text = rules.render([
        '# GENERATED by filters/gen/mediawiki_l10n.py from the Debian package',
        '# mediawiki %s (%d languages; MediaWiki core and skin messages, GPL-2+,'
        % (package_version('mediawiki'), n),
        '# see /usr/share/doc/mediawiki/copyright). Do not edit: change the',
        '# script and run /usr/bin/python3 filters/gen/mediawiki_l10n.py.',
        '# Read by the filter stage (cleaner/filter/line_filter.cc) like every',
        '# line_filter_*.txt file. The comment above each rule is its provenance:',
        '# the languages whose translation it is and the message key (a key most',
        '# languages share names the first twelve).',
    ], most_shown=12)
    return write_or_check(OUT, text, '%d rules from %d languages; left out %s'
                          % (len(rules.rules), n, rules.dropped))


if __name__ == '__main__':
    sys.exit(main())
