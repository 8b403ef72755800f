#!/usr/bin/python3
"""Generates filters/line_filter_wordpress.txt from Debian's wordpress-l10n.

WordPress core ships its user-facing strings translated into many locales;
Debian packages those catalogs (.mo files) in `wordpress-l10n`. The comment
form ("Leave a Reply", "Your email address will not be published."), post
navigation ("Previous Post", "Older Comments"), login/registration ("Lost
your password?", "Remember Me") and similar lines are printed by WordPress
itself on millions of sites, in the site's language: this script reads the
installed package and writes one rule per translation, each preceded by a
comment with its provenance (locale and English msgid).

    apt-get install wordpress-l10n
    /usr/bin/python3 filters/gen/wordpress_l10n.py            # rewrites the file
    /usr/bin/python3 filters/gen/wordpress_l10n.py --check    # exit 1 if stale

A generated rule must never match a content sentence, so a translation is
kept only if it is a short, specific UI string:
  - it has at least two words (one-word labels like "Antworten", "Anmelden",
    "Register" are common words of prose too), or four letters of a script
    written without spaces;
  - its words are not all stop words (filters/stopwords.txt);
  - it is not the untranslated English of a non-English locale;
  - its match key is not the key of a line of the AEB clean article bodies
    (../shared/bench/aeb/ground-truth.json, when present), nor, for prefix
    and contains rules, found at the start of / inside one;
  - its key is not already a rule of the hand-written files (the compiler
    refuses the same text twice); a key shared by several locales is
    written once, with every locale in its provenance.
"""
import re
import struct
import sys
from pathlib import Path

from l10n_common import ROOT, RuleSet, package_version, strip_markup, tokens, write_or_check

OUT = ROOT / 'filters' / 'line_filter_wordpress.txt'
LANG_DIR = Path('/usr/share/wordpress/wp-content/languages')

# (English msgid, rule kind, category). Only strings WordPress core prints
# on the public side of a site, around or under a post.
MSGIDS = [
    # comment form
    ('Leave a Reply', 'header', 'comment-form'),
    ('Leave a Comment', 'header', 'comment-form'),
    ('Leave a comment', 'header', 'comment-form'),
    ('Cancel reply', 'line', 'comment-form'),
    ('Click here to cancel reply.', 'line', 'comment-form'),
    ('Post Comment', 'line', 'comment-form'),
    ('Submit Comment', 'line', 'comment-form'),
    ('Your Comment', 'line', 'comment-form'),
    ('No Comments', 'line', 'comment-form'),
    ('1 Comment', 'line', 'comment-form'),
    ('% Comments', 'line', 'comment-form'),
    ('Comments are closed.', 'line', 'comment-form'),
    ('Log in to Reply', 'line', 'comment-form'),
    ('Log in to leave a Comment', 'line', 'comment-form'),
    ('Sorry, you must be logged in to post a comment.', 'line', 'comment-form'),
    ('You must be <a href="%s">logged in</a> to post a comment.', 'line', 'comment-form'),
    ('Mail (will not be published)', 'line', 'comment-form'),
    ('Your email address will not be published.', 'contains', 'comment-form'),
    ('Required fields are marked %s', 'prefix', 'comment-form'),
    # the line over each comment: its author's name and "says:" (on the
    # training texts lines of a name and a "says:" word were noise 379
    # times, content 3: code and "Cribbage or dice", no {name})
    ('%s <span class="says">says:</span>', 'pattern', 'comment-form'),
    ('<cite class="fn">%s</cite> <span class="says">says:</span>', 'pattern', 'comment-form'),
    # post and comment navigation
    ('Previous Post', 'line', 'navigation'),
    ('Next Post', 'line', 'navigation'),
    ('Previous page', 'line', 'navigation'),
    ('Next page', 'line', 'navigation'),
    ('&laquo; Previous Page', 'line', 'navigation'),
    ('Next Page &raquo;', 'line', 'navigation'),
    ('&laquo; Older Comments', 'line', 'navigation'),
    ('Newer Comments &raquo;', 'line', 'navigation'),
    ('Older posts', 'line', 'navigation'),
    ('Newer posts', 'line', 'navigation'),
    ('Post navigation', 'line', 'navigation'),
    ('Posts navigation', 'line', 'navigation'),
    ('Comment navigation', 'line', 'navigation'),
    ('Skip to content', 'line', 'navigation'),
    # login and registration
    ('Lost your password?', 'line', 'account'),
    ('Remember Me', 'line', 'account'),
    ('Register For This Site', 'line', 'account'),
    ('Username or E-mail:', 'line', 'account'),
    ('Username or Email Address', 'line', 'account'),
    ('Log out of this account', 'line', 'account'),
    ('Log out &raquo;', 'line', 'account'),
    ('Powered by WordPress', 'line', 'legal'),
    ('Proudly powered by %s', 'prefix', 'legal'),
    # "posted on ... by ..." bylines: WordPress core prints these through
    # its themes, whose catalogs the package does not ship; any that a
    # future package version has are taken (pattern rules).
    ('Posted on %s', 'pattern', 'byline'),
    ('Posted on %1$s by %2$s', 'pattern', 'byline'),
    ('Posted on %s by %s', 'pattern', 'byline'),
]
PLACEHOLDER_FOR = {'prefix': '', 'line': '{n}', 'header': '{n}', 'contains': ''}
PATTERN_SLOTS = {'Posted on %s': ['{date}'], 'Posted on %1$s by %2$s': ['{date}', '{name}'],
                 'Posted on %s by %s': ['{date}', '{name}'],
                 '%s <span class="says">says:</span>': ['{name}'],
                 '<cite class="fn">%s</cite> <span class="says">says:</span>': ['{name}']}


def read_mo(path):
    """The catalog of a GNU .mo file as {msgid: msgstr} (plural forms: the first)."""
    data = path.read_bytes()
    order = '<' if struct.unpack('<I', data[:4])[0] == 0x950412DE else '>'
    _, _, count, ids, strs = struct.unpack(order + '5I', data[:20])
    out = {}
    for i in range(count):
        n, at = struct.unpack(order + '2I', data[ids + 8 * i:ids + 8 * i + 8])
        key = data[at:at + n].split(b'\0')[0].decode('utf-8', 'replace')
        n, at = struct.unpack(order + '2I', data[strs + 8 * i:strs + 8 * i + 8])
        out[key] = data[at:at + n].split(b'\0')[0].decode('utf-8', 'replace')
    return out


def rule_text(msgid, kind, msgstr):
    """The rule text of one translation, or None if it cannot be one."""
    text = strip_markup(msgstr)
    if kind == 'pattern':
        slots = PATTERN_SLOTS[msgid]
        found = re.findall(r'%(?:\d\$)?s', text)
        if len(found) != len(slots):
            return None
        for i, ph in enumerate(found):
            num = re.match(r'%(\d)\$s', ph)
            slot = slots[int(num.group(1)) - 1] if num else slots[i]
            text = text.replace(ph, slot, 1)
        return text
    if kind == 'prefix':
        # Only a placeholder at the end can be left out of a prefix.
        if re.search(r'%(?:\d\$)?[sd]\S*$', text):
            text = re.sub(r'\s*%(?:\d\$)?[sd]\S*$', '', text)
        if '%' in text:
            return None
        return text
    text = re.sub(r'%(?:\d\$)?[sd]|(?<!\w)%(?!\w)', ' {n} ', text) if '%' in text else text
    text = re.sub(r'\s+', ' ', text).strip()
    return None if '%' in text else text


def generate():
    rules = RuleSet(OUT.name, ['one word', 'stop words', 'untranslated', 'hand-written',
                               'AEB body line', 'unusable'])
    catalogs = sorted(p for p in LANG_DIR.glob('*.mo')
                      if not p.name.startswith(('admin', 'continents')))
    if not catalogs:
        sys.exit('wordpress_l10n.py: no catalogs in %s (apt-get install wordpress-l10n)' % LANG_DIR)
    family = {'line': 'line', 'header': 'line', 'prefix': 'prefix', 'contains': 'contains',
              'pattern': 'pattern'}
    for path in catalogs:
        locale = path.stem
        cat = read_mo(path)
        lang = locale.split('_')[0]
        lang = lang if len(lang) == 2 else '*'
        for msgid, kind, category in MSGIDS:
            msgstr = cat.get(msgid)
            if not msgstr:
                continue
            if msgstr == msgid and lang != 'en':
                rules.dropped['untranslated'] += 1
                continue
            text = rule_text(msgid, kind, msgstr)
            if not text:
                rules.dropped['unusable'] += 1
                continue
            plain = re.sub(r'\{\w+\}', ' ', text)
            key = tokens(text.replace('{n}', ' 0 ')) if kind != 'pattern' else tokens(plain)
            words = [w for w in tokens(plain) if w != '0']
            rules.add(kind, family[kind], key, words, text, category,
                      '%s "%s"' % (locale, msgid.replace('\n', ' ')), lang,
                      one_word=kind == 'pattern', harm_check=kind != 'pattern',
                      options='max_words=12' if kind == 'contains' else '')
    return rules, len(catalogs)


def main():
    rules, n = generate()
    text = rules.render([
        '# GENERATED by filters/gen/wordpress_l10n.py from the Debian package',
        '# wordpress-l10n %s (%d locales; WordPress core translations, GPL-2+,'
        % (package_version('wordpress-l10n'), n),
        '# see /usr/share/doc/wordpress-l10n/copyright). Do not edit: change the',
        '# script and run /usr/bin/python3 filters/gen/wordpress_l10n.py.',
        '# Read by the filter stage (cleaner/filter/line_filter.cc) like every',
        '# line_filter_*.txt file. The comment above each rule is its provenance:',
        '# the locales whose translation it is and the English msgid.',
    ])
    return write_or_check(OUT, text, '%d rules from %d locales; left out %s'
                          % (len(rules.rules), n, rules.dropped))


if __name__ == '__main__':
    sys.exit(main())
