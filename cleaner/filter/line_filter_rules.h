// Internal to the filter stage: the match key of a line (its tokens, case
// folded, punctuation and white space dropped) and the compiled rules of
// filters/line_filter_*.txt. filters/README.md describes the rule format.
//
// Matching never loops over rules: `line` and `header` rules are one hash
// look-up of the whole key, `prefix` rules one look-up per leading word
// count, `contains` rules one look-up per word n-gram of short lines (behind
// a bit filter on the first word), and `pattern` rules are indexed by their
// first literal word.
#ifndef CLEANER_STAGES_LINE_FILTER_RULES_H_
#define CLEANER_STAGES_LINE_FILTER_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/rules.h"
#include "cleaner/filter/line_classifier.h"
#include "cleaner/filter/line_filter.h"
#include "cleaner/util/hash_index.h"

namespace cleaner {
namespace line_filter {

// One word or number of a line.
struct Token {
  uint32_t begin = 0, end = 0;        // byte span in the original text
  uint32_t key_off = 0, key_len = 0;  // case-folded text in LineKey::folded
  uint64_t hash = 0;                  // hash of the folded text; every number hashes as "#"
  bool number = false;
  bool upper = false;  // the first letter is upper case, or the script has no case
};

// Writing systems told apart for the "line in another script" heuristic.
enum Script : uint8_t { kLatin, kCyrillic, kGreek, kArabic, kHebrew, kCjk, kOther, kNumScripts };

// The match key and the shape of one line. Filled by Tokenize().
struct LineKey {
  // The case-folded words, each at its token's span [key_off, key_off +
  // key_len); the bytes outside the spans are unspecified (the buffer is
  // reused from line to line and only grows). Read a word with Word().
  std::string folded;
  std::vector<Token> tokens;
  // Shape.
  int separators = 0;            // stand-alone | / > » › • · characters
  int max_segment_words = 0;     // most tokens between two separators
  int first_segment_tokens = 0;  // tokens before the first separator
  int letters = 0;
  int cjk_letters = 0;
  int script_letters[kNumScripts] = {};
  bool Empty() const { return tokens.empty(); }
  std::string_view Word(size_t i) const {
    return std::string_view(folded).substr(tokens[i].key_off, tokens[i].key_len);
  }
};

// True if `cp` parts a menu's or a byline's items when it stands between
// spaces: | / > \\ » › • · ∙ ► ▸ ▶ → ‣ ⁄.
bool IsSeparatorCodePoint(char32_t cp);

// Splits `text` into tokens. Letters (with combining marks) make words,
// digits make numbers ("1,234" is one number), "©" is a word of its own, and
// everything else separates tokens. Words are Unicode case folded.
void Tokenize(std::string_view text, LineKey* key);

// The hash of the words [b, e) of `key` as one sequence.
uint64_t SequenceHash(const LineKey& key, size_t b, size_t e);

enum class RuleKind { kLine, kHeader, kPrefix, kSuffix, kContains, kPattern };
enum class Zone { kAny, kEdge };

// One element of a `pattern` rule.
struct PatternElem {
  enum Type { kWord, kNumber, kDate, kTime, kName, kRest } type = kWord;
  uint64_t hash = 0;  // kWord
};

// A compiled rule. The hashes of a plain rule's words are keys of Rep's
// tables and bit filters; the rule keeps only what matching reads.
struct Rule {
  RuleKind kind = RuleKind::kLine;
  std::string origin;    // "filters/<file>:<line>"
  std::string category;  // "share", "comment-form", ...
  std::string lang;      // "en", "de", ..., or "*"
  std::vector<PatternElem> pattern;
  int max_words = 0;  // prefix/contains: only lines with at most this many tokens
  Zone zone = Zone::kAny;
  bool sep = false;    // prefix: a separator or the end must follow the prefix
  bool num = false;    // prefix with sep: a number may follow in the separator's place
  int words = 0;       // prefix: the words of its text
  bool glued = false;  // pattern: may be cut from the start of the first paragraph
  // prefix: the opening bracket the rule's text starts with, which the
  // line must start with too (the key drops marks: "(c) 2020" and "C1
  // Advanced" share theirs); 0 if none.
  char lead_bracket = 0;
  // The line goes, but the zones are not drawn by it (a shop's buy box
  // between a product's name and its description).
  bool weak = false;
  // A `lead` word list (kind kHeader): a line of two to four words, one of
  // them listed, heads a related block when it has teasers under it.
  bool lead = false;
  // header: a table of contents' heading; it takes the lines under it that
  // stand again further down (the headings it lists).
  bool toc = false;
};

// What a pattern match captured.
struct Capture {
  size_t end_token = 0;                   // tokens [0, end_token) matched
  std::string date;                       // ISO 8601 when certain, else the text as written
  uint32_t name_begin = 0, name_end = 0;  // byte span of {name}; empty if none
};

}  // namespace line_filter

struct LineFilterRules::Rep {
  std::vector<line_filter::Rule> rules;
  HashIndex<int> line_rules;  // kLine and kHeader
  HashIndex<int> prefix_rules;
  HashIndex<int> suffix_rules;
  HashIndex<int> contains_rules;
  size_t max_line_words = 0, max_prefix_words = 0, max_suffix_words = 0, max_contains_words = 0;
  int suffix_line_words = 0;             // the largest max_words of any suffix rule
  int contains_line_words = 0;           // the largest max_words of any contains rule
  std::vector<uint64_t> contains_first;  // bit filter on first-word hashes
  std::vector<uint64_t> contains_keys;   // bit filter on the keys of contains_rules
  // Bit filter on the hashes of every leading run of words of a contains
  // phrase ("share", "share this", "share this story"): a run whose bit is
  // clear starts no phrase, and neither does any longer one.
  std::vector<uint64_t> contains_prefixes;
  std::vector<uint64_t> suffix_first;  // bit filter on the first-word hashes of suffix rules
  // Bit filters on the keys of prefix_rules and on the hashes of every
  // leading run of words of a prefix rule (as contains_prefixes).
  std::vector<uint64_t> prefix_keys, prefix_heads;
  // The byline patterns by their first word, and those that start with a
  // placeholder.
  HashIndex<std::vector<int>> patterns_by_word;
  std::vector<int> patterns_other;
  // The same for the patterns of every other category, which match
  // anywhere (MatchFurniturePattern()).
  HashIndex<std::vector<int>> furniture_patterns_by_word;
  std::vector<int> furniture_patterns_other;
  // Of those, the ones that open with {name} and a word ("{name} says"),
  // by that word: tried only on a line that holds the word near its start.
  HashIndex<std::vector<int>> furniture_name_patterns_by_next;
  std::vector<uint64_t> furniture_name_next;  // bit filter on the keys of that index
  HashIndex<int> months;  // word hash -> 1..12
  HashIndex<bool> weekdays, date_words, name_particles;
  HashIndex<int> lead_words;  // word hash -> its `lead` rule
  HashIndex<int> count_words;  // word hash -> its `count` rule
  // The learned second opinion on undecided lines (filters/line_classifier.txt).
  std::unique_ptr<const LineClassifier> classifier;

  // The first rule of kind kLine/kHeader matching the whole key, or -1.
  int MatchLine(const line_filter::LineKey& key) const;
  // The `lead` rule of a line of two to four words, no number among
  // them, whose first or last word a `lead` rule lists ("Similar
  // Questions", "Productos relacionados"), or -1.
  int MatchLead(const line_filter::LineKey& key) const;
  // A line of counts and nothing else: two to kCountLineTokens words and
  // numbers, every word a `count` rule's with its number before it ("754
  // arvostelua", "3 Antworten · 1.482 Zugriffe", "7.6k posts") or after
  // it and a colon ("Mensajes: 12"); a rating's score may stand beside
  // ("4,6 / 5 – 127 arvostelua"). The first word's rule, or -1.
  int MatchCountLine(std::string_view text, const line_filter::LineKey& key) const;
  static constexpr size_t kCountLineTokens = 8;
  // A row of buttons: two to kButtonRowWords words, each of which (or
  // each two of which) a `line` or `header` rule drops when it stands
  // alone ("Reply Share Report Save", "Antworten Zitieren Melden",
  // "Responder Citar Me gusta"; three buttons when one is of two words),
  // with fewer counts among them than buttons, none first ("Responder
  // Citar 3 Me gusta"). The first button's rule, or -1.
  int MatchButtonRow(const line_filter::LineKey& key) const;
  static constexpr size_t kButtonRowWords = 8;
  // A menu glued on one line, as a crawler writes a bar of inline links
  // ("Startseite Praxis Team Leistungen Sprechzeiten Aktuelles Kontakt",
  // "Inicio Destinos Rutas Consejos Sobre mí Contacto"): four to
  // kGluedMenuWords words, no number, no comma, no final mark; three in
  // five of them or more capitalized; a fifth of them at most stop words;
  // and two or more of them items that a `line` or `header` rule drops
  // alone (one word, or two: "Sobre mí", "Privacy Policy"). The first such
  // item's rule, or -1.
  int MatchGluedMenu(std::string_view text, const line_filter::LineKey& key) const;
  // A fifth of the line's words at most are stop words of
  // filters/stopwords.txt, counting `joined` more words (those a crawler
  // ran together); false without a classifier to hold them.
  bool FewStopWords(std::string_view text, int joined = 0) const;
  static constexpr size_t kGluedMenuWords = 20;
  // The `line` or `header` rule of the item of two words (tried first) or
  // one word at token `i`, or -1; *len is the item's words (1 if none).
  int RuleItemAt(const line_filter::LineKey& key, size_t i, size_t* len) const;
  // The first prefix rule matching `key` (with its word limit), or -1.
  // `words` is the line's word count when `key` covers only its start
  // (0: the key's own count).
  int MatchPrefix(std::string_view text, const line_filter::LineKey& key, size_t words = 0) const;
  // The first suffix rule matching `key` (with its word limit), or -1.
  int MatchSuffix(const line_filter::LineKey& key, size_t words = 0) const;
  // A contains rule matching `key`, or -1. In a line of more than 8
  // words the phrase must start a sentence.
  int MatchContains(std::string_view text, const line_filter::LineKey& key, size_t words = 0) const;
  // A byline pattern rule matching all of `key` (or, with `glued_only`, a
  // glued pattern matching a prefix of it); fills *cap. Without `glued_only`, a
  // line of up to kMaxPatternChain byline patterns one after the other,
  // joined by marks ("By Jane Doe | March 3, 2024 | 5 min read"; the marks
  // are no tokens), one at least of words, matches too: the first
  // pattern's rule is returned, *cap holds the first name and the first
  // date the parts captured.
  int MatchPattern(std::string_view text, const line_filter::LineKey& key, bool glued_only,
                   line_filter::Capture* cap) const;
  static constexpr int kMaxPatternChain = 4;
  // A pattern rule of a category other than byline matching all of `key`,
  // or -1: a comment's "Jonas sagt:" over each comment, a review's "6 of 6
  // people found this helpful" go wherever they stand, as the other rule
  // kinds do; bylines are read at the edges only (pass 4).
  int MatchFurniturePattern(std::string_view text, const line_filter::LineKey& key) const;
  // True if tokens from `tok` on start a date; sets *end to the token after it.
  bool MatchDate(std::string_view text, const line_filter::LineKey& key, size_t tok, size_t* end,
                 std::string* iso) const;
  // True if token `tok` can be a word of a {name}: capitalized, not a
  // number, a month or a weekday.
  bool IsNameWord(const line_filter::LineKey& key, size_t tok) const;

 private:
  bool MatchFrom(const line_filter::Rule& r, size_t elem, std::string_view text,
                 const line_filter::LineKey& key, size_t tok, bool prefix,
                 line_filter::Capture* cap) const;
  // Calls `try_rule` with each pattern rule that may open at token `tok`
  // (by its first word, or a placeholder the token can start) until it
  // returns true; returns that rule or -1.
  template <typename F>
  int ForPatternsAt(const line_filter::LineKey& key, size_t tok, F try_rule) const {
    return ForPatternsIn(patterns_by_word, patterns_other, key, tok, try_rule);
  }
  template <typename F>
  int ForPatternsIn(const HashIndex<std::vector<int>>& by_word, const std::vector<int>& other,
                    const line_filter::LineKey& key, size_t tok, F try_rule) const;
  // Byline patterns one after the other from token `tok` to the end of
  // `key` (`parts` at most), a mark between each two, one of them at least
  // of words (`worded`: whether one is, for the caller to require; null:
  // required here); the first part's rule or -1.
  int MatchChain(std::string_view text, const line_filter::LineKey& key, size_t tok, int parts,
                 line_filter::Capture* cap, bool* worded) const;
  // Whether a mark that joins a line's parts (| / , · • – —, or a hyphen
  // between spaces) stands between tokens `tok` - 1 and `tok`.
  static bool MarkBefore(std::string_view text, const line_filter::LineKey& key, size_t tok);
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_LINE_FILTER_RULES_H_
