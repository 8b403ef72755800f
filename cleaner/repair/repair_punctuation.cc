// Punctuation spacing and doubled punctuation. See repair_punctuation.h.
#include "cleaner/repair/repair_punctuation.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "cleaner/repair/repair_mojibake.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

bool IsClosingQuote(char32_t c) {
  return c == U'\u201D' || c == U'\u2019' || c == U'\u00BB' || c == U'\u203A' ||
         c == U'\u201C';  // “ closes German „…“
}

bool IsAnyQuote(char32_t c) {
  return c == '"' || c == '\'' || (c >= U'\u2018' && c <= U'\u201F') || c == U'\u00AB' ||
         c == U'\u00BB' || c == U'\u2039' || c == U'\u203A';
}

bool IsEnd(char32_t c) { return c == 0 || IsHSpace(c); }

// Characters that only occur in technical tokens (URLs, paths, e-mail
// addresses, code, leftover markup); a token holding one is never re-spaced.
bool IsTechnical(char32_t c) {
  switch (c) {
    case '/': case '\\': case '@': case '_': case '=': case '&': case '#': case '<':
    case '>': case '{': case '}': case '|': case '~': case '$': case '^': case '*':
    case '+':
      return true;
    default:
      return false;
  }
}

// A run of non-spaces longer than this either way of a position is no word
// of running text (minified code, a data blob): looked at no further, it is
// technical. Bounds the work per punctuation mark, so a line of megabytes
// without spaces costs linear time.
constexpr long kMaxTokenReach = 256;

struct Token {
  long begin, end;  // [begin, end): the run of non-spaces around a position
  bool overlong;    // the run reaches past kMaxTokenReach on a side
};

Token TokenAt(const CodePoints& d, long i) {
  Token t{i, i, false};
  const long lo = std::max(0L, i - kMaxTokenReach);
  const long hi = std::min(static_cast<long>(d.size()), i + kMaxTokenReach);
  while (t.begin > lo && !IsHSpace(d.cp[t.begin - 1])) --t.begin;
  while (t.end < hi && !IsHSpace(d.cp[t.end])) ++t.end;
  t.overlong = (t.begin == lo && lo > 0 && !IsHSpace(d.cp[lo - 1])) ||
               (t.end == hi && hi < static_cast<long>(d.size()) && !IsHSpace(d.cp[hi]));
  return t;
}

bool HasTechnical(const CodePoints& d, Token t) {
  if (t.overlong) return true;
  for (long k = t.begin; k < t.end; ++k) {
    if (IsTechnical(d.cp[k])) return true;
  }
  return false;
}

// True iff a period inside [t.begin, t.end) is followed by a letter or
// digit: a dotted name or number (`Node.js`, `20.000`), not a sentence end.
bool HasInnerDot(const CodePoints& d, Token t) {
  for (long k = t.begin; k + 1 < t.end; ++k) {
    if (d.cp[k] == '.' && IsWord(d.cp[k + 1])) return true;
  }
  return false;
}

bool Contains(const CodePoints& d, long from, long to, char32_t c) {
  for (long k = from; k < to; ++k) {
    if (d.cp[k] == c) return true;
  }
  return false;
}

char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

// The letters ending just before `i`, lowercased; *begin gets their start.
std::string WordBefore(const CodePoints& d, long i, long* begin) {
  long b = i;
  while (i - b < kMaxTokenReach && IsLetter(d.at(b - 1))) --b;
  std::string w;
  for (long k = b; k < i; ++k) AppendUtf8(Lower(d.cp[k]), &w);
  if (begin != nullptr) *begin = b;
  return w;
}

// The letters starting at `i`, lowercased; *end gets one past them.
std::string WordAfter(const CodePoints& d, long i, long* end) {
  long e = i;
  while (e - i < kMaxTokenReach && IsLetter(d.at(e))) ++e;
  std::string w;
  for (long k = i; k < e; ++k) AppendUtf8(Lower(d.cp[k]), &w);
  if (end != nullptr) *end = e;
  return w;
}

bool In(const std::unordered_set<std::string>* set, const std::string& w) {
  return set != nullptr && set->count(w) > 0;
}

// True iff the period at `i` ends an abbreviation or an initial (`e.g.`,
// `etc.`, `U.S.`, `J.`): the word before it is listed, is one letter, or
// its token has another period before it.
bool AfterAbbreviation(const CodePoints& d, long i, const PunctuationContext& ctx) {
  long wb;
  std::string w = WordBefore(d, i, &wb);
  if (w.empty()) return true;  // `3.,` `).,`: not a word; leave it
  if (CountCodePoints(w) == 1) return true;
  if (In(ctx.abbreviations, w)) return true;
  Token t = TokenAt(d, i);
  return Contains(d, t.begin, i, '.');
}

class Rules {
 public:
  // `match` is scratch space, reused from one paragraph to the next.
  Rules(const CodePoints& d, const PunctuationContext& ctx, std::vector<long>* match,
        std::vector<Edit>* edits)
      : d_(d), ctx_(ctx), edits_(edits), match_(*match) {}

  void Run() {
    MatchBrackets();
    for (long i = 0; i < static_cast<long>(d_.size()); ++i) {
      char32_t c = d_.cp[i];
      switch (c) {
        case ',': case '.': case ';': case ':': case '!': case '?':
          SpaceBefore(i);
          Doubled(i);
          SpaceAfter(i);
          break;
        case ')': case ']':
          SpaceBefore(i);
          break;
        case '(': case '[': case U'\u00BF': case U'\u00A1':
          SpaceInsideOpening(i);
          break;
        default:
          break;
      }
    }
  }

 private:
  void Add(long begin, long end, std::string text, const char* rule) {
    if (SplitsGarbledPair(d_, begin, end)) return;  // see MayBeGarbledPair()
    Edit e;
    e.begin = d_.offset[begin];
    e.end = d_.offset[end];
    e.text = std::move(text);
    e.rule = rule;
    edits_->push_back(std::move(e));
  }

  // Pairs each ) ] with the ( [ it closes, by nesting.
  void MatchBrackets() {
    match_.assign(d_.size(), -1);
    std::vector<long> stack;
    long inverted = -1;  // an open Spanish ¿ or ¡, closed by ? or !
    for (long i = 0; i < static_cast<long>(d_.size()); ++i) {
      char32_t c = d_.cp[i];
      if (c == U'\u00BF' || c == U'\u00A1') {
        inverted = i;
      } else if (inverted >= 0 && (c == '?' || c == '!') &&
                 (d_.cp[inverted] == U'\u00BF') == (c == '?')) {
        match_[inverted] = i;
        inverted = -1;
      }
      if (c == '(' || c == '[') {
        stack.push_back(i);
      } else if (c == ')' || c == ']') {
        char32_t want = c == ')' ? '(' : '[';
        if (!stack.empty() && d_.cp[stack.back()] == want) {
          match_[i] = stack.back();
          match_[stack.back()] = i;
          stack.pop_back();
        }
      }
    }
  }

  void SpaceBefore(long i) {
    if (!IsHSpace(d_.at(i - 1))) return;
    long j = i;
    while (IsHSpace(d_.at(j - 1))) --j;
    if (j == 0) return;
    char32_t c = d_.cp[i], p = d_.cp[j - 1], n = d_.at(i + 1);
    // A straight quote glued to the word before it closes a quotation
    // (`"I doubt it" .`).
    const bool straight_closing = (p == '"' || p == '\'') && IsWord(d_.at(j - 2));
    bool prev_ok = IsWord(p) || IsClosingQuote(p) || straight_closing || p == ')' || p == ']' ||
                   p == '%';
    if (!prev_ok || IsNoSpaceScript(p) || IsNoSpaceScript(n)) return;
    // The mark ends a sentence glued to the next (`left .She`, `“Scandal” .The`,
    // `now ?The`): a word, a closing quote or bracket before it, a
    // capitalized word after.
    const bool glued_sentence = IsUpper(n) && IsLower(d_.at(i + 2)) &&
                                (IsLower(p) || IsClosingQuote(p) || straight_closing ||
                                 p == ')' || p == ']');
    bool move = false;  // the space goes after the mark instead
    switch (c) {
      case '.':
        // ` .` ends a phrase before a space, the end or a closing mark, and
        // before a capitalized word (`left .She` -> `left. She`); ` .NET`,
        // ` .5`, ` ...`, ` .com` are something else.
        if (glued_sentence) {
          long we;
          if (In(ctx_.suffixes, WordAfter(d_, i + 1, &we))) return;
          move = true;
          break;
        }
        if (!(IsEnd(n) || IsClosingQuote(n) || n == ')' || n == '"')) return;
        if (n == ' ' && d_.at(i + 2) == '.') return;  // `word . . .`: a spaced ellipsis
        break;
      case ',':
        if (IsDigit(n)) return;  // `1 ,5`: a number typed oddly, not damage
        move = IsLetter(n);
        if (!(move || IsEnd(n) || IsAnyQuote(n))) return;
        break;
      case ';': case ':':
        if (ctx_.french) return;
        // ` :)` ` :-(` ` :D`: emoticons; ` :30`: a time typed oddly.
        if (n == ')' || n == '(' || n == '-' || n == '/' || IsDigit(n)) return;
        if (IsLetter(n) && !IsLetter(d_.at(i + 2))) return;
        // `10 : 30`, `2 : 1`: a time or a score typed with spaces.
        if (c == ':' && IsDigit(p) && IsHSpace(n) && IsDigit(d_.at(i + 2))) return;
        move = IsLetter(n);
        if (!(move || IsEnd(n) || IsAnyQuote(n))) return;
        break;
      case '!': case '?':
        // `search ?Query=x&Page=2`: a query string, not a sentence.
        if (glued_sentence && !HasTechnical(d_, TokenAt(d_, i + 1))) {
          // French keeps its space before the mark; the next sentence
          // gets its own (`protestent !Les` -> `protestent ! Les`).
          if (ctx_.french) {
            Add(i + 1, i + 1, " ", "space-after-punct");
            return;
          }
          move = true;
          break;
        }
        if (ctx_.french) return;
        // ` !important`, ` ?q=`: not sentence punctuation.
        if (!(IsEnd(n) || IsAnyQuote(n) || n == ')' || n == '!' || n == '?' || n == '.')) return;
        break;
      case ')': case ']':
        if (match_[i] < 0 || match_[i] >= j) return;
        break;
    }
    std::string text;
    AppendUtf8(c, &text);
    if (move) text.push_back(' ');
    Add(j, i + 1, std::move(text), "space-before-punct");
  }

  void SpaceInsideOpening(long i) {
    long m = match_[i];
    if (m < 0 || !IsHSpace(d_.at(i + 1))) return;
    long k = i + 1;
    while (IsHSpace(d_.at(k))) ++k;
    if (k >= m) return;  // `( )`: nothing inside
    char32_t n = d_.cp[k];
    if (!(IsWord(n) || IsAnyQuote(n)) || IsNoSpaceScript(n)) return;
    // A combining mark sits on the space before it (`( ͡° ͜ʖ ͡°)`).
    const int8_t type = u_charType(static_cast<UChar32>(n));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) return;
    std::string text;
    AppendUtf8(d_.cp[i], &text);
    Add(i, k, std::move(text), "space-before-punct");
  }

  void Doubled(long i) {
    char32_t c = d_.cp[i], n = d_.at(i + 1), n2 = d_.at(i + 2), p = d_.at(i - 1);
    bool prev_ok = IsLetter(p) || IsClosingQuote(p) || p == ')';
    if (!prev_ok || IsNoSpaceScript(p)) return;
    // What follows the pair must end it: `.,5` or `,.net` are not damage.
    if (!(IsEnd(n2) || IsAnyQuote(n2))) return;
    if (c == '.' && (n == ',' || n == ';' || n == ':')) {
      if (AfterAbbreviation(d_, i, ctx_)) return;
      Add(i, i + 1, "", "doubled-punct");
    } else if ((c == ',' && (n == ',' || n == '.')) || (c == ';' && n == ';')) {
      Add(i, i + 1, "", "doubled-punct");
    }
  }

  void SpaceAfter(long i) {
    char32_t c = d_.cp[i], p = d_.at(i - 1), n = d_.at(i + 1);
    // `(1,2 million).Visit`, `“quoted”.Next`: a bracket or quote closes
    // the sentence's last word.
    const bool closed = (p == ')' || IsClosingQuote(p)) && (c == '.' || c == '!' || c == '?');
    if (closed) p = 'a';
    if (IsDigit(p) && c == '.') p = '0';
    if (!(IsLetter(p) || p == '0') || !IsLetter(n) || IsNoSpaceScript(p) || IsNoSpaceScript(n)) {
      return;
    }
    Token t = TokenAt(d_, i);
    if (HasTechnical(d_, t)) return;
    if (c == '.' || c == '!' || c == '?') {
      // A sentence glued to the next: a lowercase word end, then a
      // capitalized word (`territory.Nagorno`). `Node.js`, `Kwork.ru` and
      // `ASP.NET` do not match; `e.g.The`, `U.S.Army` and `J.Smith` are
      // abbreviations and initials.
      // A number may end the sentence too (`in 2020.The`, `Nr. 5.Das`).
      if (!(IsLower(p) || IsDigit(p)) || !IsUpper(n) || !IsLower(d_.at(i + 2))) return;
      if (Contains(d_, t.begin, i, '.')) return;
      if (c == '.' && !closed && IsLetter(d_.at(i - 1)) && AfterAbbreviation(d_, i, ctx_)) return;
      long we;
      std::string after = WordAfter(d_, i + 1, &we);
      if (In(ctx_.suffixes, after)) return;  // `Amazon.Com`
      // `Example.Com.au`, `Foo.Bar.baz`: a dotted name.
      if (Contains(d_, we, t.end, '.') && IsLetter(d_.at(we + 1))) return;
    } else {
      // `TL;DR`: capitals on both sides of ; or : are an acronym.
      if (c != ',' && IsUpper(p) && IsUpper(n)) return;
      if (c == ':') {
        // `std::vector`, IPv6 and `mailto:x` keep their colons; so do the
        // emoticons `:D` `:P`.
        if (Contains(d_, t.begin, i, ':') || Contains(d_, i + 1, t.end, ':')) return;
        if (In(ctx_.schemes, WordBefore(d_, i, nullptr))) return;
        if (!IsLetter(d_.at(i + 2))) return;
      }
      // `a,b.c` with a dotted name or number in it is data, not prose.
      if (HasInnerDot(d_, t)) return;
    }
    Add(i + 1, i + 1, " ", "space-after-punct");
  }

  const CodePoints& d_;
  const PunctuationContext& ctx_;
  std::vector<Edit>* edits_;
  std::vector<long>& match_;
};

// True iff a space separator of MayNeedRepairAt() ends just before s[i]:
// NBSP (C2 A0), U+1680 (E1 9A 80), U+2000..U+200A (E2 80 80..8A), U+202F
// (E2 80 AF), U+205F (E2 81 9F) or U+3000 (E3 80 80): the space separators
// of IsHSpace() other than ' ' and TAB.
bool EndsWithWideSpace(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  if (i < 2) return false;
  const unsigned char p = at(i - 1), p2 = at(i - 2);
  if (p == 0xA0) return p2 == 0xC2;
  if (i < 3) return false;
  const unsigned char p3 = at(i - 3);
  if ((p >= 0x80 && p <= 0x8A) || p == 0xAF) {
    if (p2 == 0x80 && p3 == 0xE2) return true;  // U+2000..U+200A, U+202F
  }
  if (p == 0x9F && p2 == 0x81 && p3 == 0xE2) return true;  // U+205F
  return p == 0x80 && ((p2 == 0x9A && p3 == 0xE1) || (p2 == 0x80 && p3 == 0xE3));
}

// True iff a tab or a space separator (Zs) starts at s[i]: exactly the
// code points IsHSpace() accepts.
bool StartsWithSpace(std::string_view s, size_t i) {
  const size_t n = s.size();
  auto at = [&](size_t k) { return k < n ? static_cast<unsigned char>(s[k]) : 0; };
  const unsigned char c = at(i), c1 = at(i + 1), c2 = at(i + 2);
  switch (c) {
    case ' ':
    case '\t': return true;
    case 0xC2: return c1 == 0xA0;
    case 0xE1: return c1 == 0x9A && c2 == 0x80;
    case 0xE2:
      return (c1 == 0x80 && ((c2 >= 0x80 && c2 <= 0x8A) || c2 == 0xAF)) ||
             (c1 == 0x81 && c2 == 0x9F);
    case 0xE3: return c1 == 0x80 && c2 == 0x80;
    default: return false;
  }
}

// True iff byte s[i] alone shows that some rule may apply (see below).
// False only where no rule of Rules::Run() can edit the code point at s[i]
// (each refinement below says why), and never where the earlier, coarser
// scan was false (so the same paragraphs are repaired).
bool MayNeedRepairAt(std::string_view s, size_t i) {
  auto is_mark = [](unsigned char c) {
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
  };
  // The bytes worth a closer look, as a table.
  static const auto kCandidate = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view(",.;:!?()[]")) t[c] = true;
    t[0xC2] = true;  // ¿ ¡ are C2 BF, C2 A1
    return t;
  }();
  const size_t n = s.size();
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (!kCandidate[c]) return false;
  if (c == 0xC2) {
    unsigned char t = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : 0;
    return (t == 0xBF || t == 0xA1) && StartsWithSpace(s, i + 2);
  }
  bool mark = is_mark(c);
  unsigned char prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : 0;
  unsigned char next = i + 1 < n ? static_cast<unsigned char>(s[i + 1]) : 0;
  // SpaceInsideOpening() needs IsHSpace() after the bracket (the scan once
  // took any non-ASCII byte there: `(“`, `(£`).
  if (c == '(' || c == '[') return StartsWithSpace(s, i + 1);
  // SpaceBefore() needs a space before the mark. (A byte A0, 80..8A or AF
  // that ends no space separator is most often the end of a letter:
  // Cyrillic `р,` is D1 80 2C.)
  if (prev == ' ' || prev == '\t' || EndsWithWideSpace(s, i)) return true;
  // ) ] after no space: only SpaceBefore() looks at them.
  if (!mark) return false;
  // A letter after the mark: ASCII, or a non-ASCII lead byte other than
  // E2 (U+2000..U+2FFF: quotes, dashes, symbols, which are not letters).
  if (next >= 0xC0 && next != 0xE2) return true;
  if ((next | 0x20) >= 'a' && (next | 0x20) <= 'z') {
    if (c != '.' && c != '!' && c != '?') return true;
    if (prev >= 0x80) return true;
    // . ! ? before an ASCII letter, after an ASCII byte that is no space:
    // SpaceBefore() has no space, Doubled() no second mark, and
    // SpaceAfter() edits only when the character before is a lowercase
    // letter, a digit or a closing bracket or quote (the closing quotes
    // are not ASCII), the letter after is a capital, and the character
    // after that is lowercase (ASCII a-z, or any non-ASCII byte here).
    // `example.com`, `e.g.`, `U.S.`, `a.m.` fail one of these.
    const unsigned char next2 = i + 2 < n ? static_cast<unsigned char>(s[i + 2]) : 0;
    const bool prev_ok =
        (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9') || prev == ')';
    return prev_ok && next >= 'A' && next <= 'Z' &&
           ((next2 >= 'a' && next2 <= 'z') || next2 >= 0x80);
  }
  if (!is_mark(next)) return false;
  // Two marks in a row. After a non-ASCII byte (which may end U+205F, a
  // space for SpaceBefore()), as before. After an ASCII byte that is no
  // space, only Doubled() can edit here (SpaceAfter() needs a letter
  // after), and only these pairs: `...`, `!!`, `?!`, `!.` stay.
  if (prev >= 0x80) return true;
  return (c == '.' && (next == ',' || next == ';' || next == ':')) ||
         (c == ',' && (next == ',' || next == '.')) || (c == ';' && next == ';');
}

// True for the commonest candidate by far, `,` or `.` between an ASCII
// letter or digit and a space, where MayNeedRepairAt() is false (no space
// before the mark, no letter or mark after it); a cheap test done first.
inline bool PlainSentenceMark(std::string_view s, size_t j) {
  if (j == 0 || j + 1 >= s.size() || s[j + 1] != ' ') return false;
  const unsigned char c = static_cast<unsigned char>(s[j]);
  const unsigned char p = static_cast<unsigned char>(s[j - 1]);
  return (c == ',' || c == '.') &&
         (((p | 0x20) >= 'a' && (p | 0x20) <= 'z') || (p >= '0' && p <= '9'));
}

// A fast byte scan that is true for every paragraph some rule could change
// (and for some others): a mark after a space or a non-ASCII byte (which
// may end a space separator), a mark before a letter or a non-ASCII byte,
// an opening bracket before a space, or two marks in a row (as refined in
// MayNeedRepairAt()). Sixteen bytes a step with SSE2; else eight: only
// bytes 0x21..0x3F, [ ] and C2 can be candidates, and each word gives their
// exact positions.
bool MayNeedRepair(std::string_view s) {
  const size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes a step: the exact candidates , . ; : ! ? ( ) [ ] and C2
  // (`x | 2 == '.'` is , or .; `x | 1 == ';'` is : or ;; `x | 1 == ')'` is
  // ( or )).
  const __m128i dot = _mm_set1_epi8('.'), semicolon = _mm_set1_epi8(';');
  const __m128i close = _mm_set1_epi8(')'), one = _mm_set1_epi8(1), two = _mm_set1_epi8(2);
  const __m128i open_sq = _mm_set1_epi8('['), close_sq = _mm_set1_epi8(']');
  const __m128i bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  auto candidates = [&](__m128i w) {
    const __m128i w1 = _mm_or_si128(w, one);
    __m128i m =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(w, two), dot), _mm_cmpeq_epi8(w1, semicolon));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(w1, close), _mm_cmpeq_epi8(w, open_sq)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(w, close_sq), _mm_cmpeq_epi8(w, bang)));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(w, question), _mm_cmpeq_epi8(w, c2)));
    return static_cast<unsigned>(_mm_movemask_epi8(m));
  };
  auto any_at = [&](size_t base, unsigned bits) {
    for (; bits != 0; bits &= bits - 1) {
      const size_t j = base + static_cast<size_t>(__builtin_ctz(bits));
      if (!PlainSentenceMark(s, j) && MayNeedRepairAt(s, j)) return true;
    }
    return false;
  };
  for (; i + 16 <= n; i += 16) {
    if (any_at(i, candidates(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i))))) {
      return true;
    }
  }
  if (i == n) return false;
  // The last 1..15 bytes, copied into a zeroed block (0 is no candidate).
  alignas(16) char tail[16] = {};
  std::memcpy(tail, s.data() + i, n - i);
  return any_at(i, candidates(_mm_load_si128(reinterpret_cast<const __m128i*>(tail))));
#else
  if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
    // A high bit in each byte of `x` that is zero (exact per byte).
    auto zero_bytes = [](uint64_t x) { return ~(((x & kLow7) + kLow7) | x) & kHigh; };
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      // Bytes 0x21..0x3F are those whose XOR with 0x20 lies in 1..0x1F
      // (bit hacks' hasbetween(x, 0, 0x20), exact per byte).
      const uint64_t x = w ^ (0x20 * kOnes);
      const uint64_t low = ((kOnes * (127 + 0x20)) - (x & kLow7)) & ~x & ((x & kLow7) + kLow7) & kHigh;
      uint64_t m = low | zero_bytes(w ^ (0x5B * kOnes)) | zero_bytes(w ^ (0x5D * kOnes)) |
                   zero_bytes(w ^ (0xC2 * kOnes));
      for (; m != 0; m &= m - 1) {
        if (MayNeedRepairAt(s, i + static_cast<size_t>(__builtin_ctzll(m)) / 8)) return true;
      }
    }
  }
  for (; i < n; ++i) {
    if (MayNeedRepairAt(s, i)) return true;
  }
  return false;
#endif
}

}  // namespace

std::string RepairPunctuation(std::string_view paragraph, const PunctuationContext& ctx,
                              std::vector<RepairChange>* changes) {
  if (!MayNeedRepair(paragraph)) return std::string(paragraph);
  return RepairPunctuationMayChange(paragraph, ctx, changes);
}

std::string RepairPunctuationMayChange(std::string_view paragraph, const PunctuationContext& ctx,
                                       std::vector<RepairChange>* changes) {
  // Per-thread buffers: a paragraph costs no allocation to decode.
  // (The decoding is shared with quote repair, which has often just
  // decoded the same line and left it as it was.)
  const CodePoints& d = DecodeShared(paragraph);
  static thread_local std::vector<long> match;
  std::vector<Edit> edits;
  Rules(d, ctx, &match, &edits).Run();
  return ApplyEdits(paragraph, std::move(edits), changes);
}

bool PunctuationMayChange(std::string_view paragraph) { return MayNeedRepair(paragraph); }

}  // namespace cleaner
