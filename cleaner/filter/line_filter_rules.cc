// Match keys and compiled rules of the filter stage. See line_filter_rules.h.
#include "cleaner/filter/line_filter_rules.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "cleaner/util/utf8.h"

namespace cleaner {
namespace line_filter {
namespace {

uint64_t Mix(uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A word's hash, eight bytes at a time (words are short: one or two
// rounds).
uint64_t BytesHash(std::string_view w) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ w.size();
  size_t i = 0;
  for (; i + 8 <= w.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, w.data() + i, 8);
    h = Mix(h ^ v);
  }
  if (i < w.size()) {
    uint64_t v = 0;
    if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
      // What the memcpy below gives, without a call for a few bytes.
      for (size_t k = 0; i + k < w.size(); ++k) {
        v |= static_cast<uint64_t>(static_cast<unsigned char>(w[i + k])) << (8 * k);
      }
    } else {
      std::memcpy(&v, w.data() + i, w.size() - i);
    }
    h = Mix(h ^ v);
  }
  return h;
}

// BytesHash(std::string_view(p, len)), reading whole words: the last one
// is loaded in full and masked. REQUIRES: the 8 bytes from p + len / 8 * 8
// are readable.
inline uint64_t BytesHashPadded(const char* p, size_t len) {
  if constexpr (__BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__) {
    return BytesHash(std::string_view(p, len));
  }
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    h = Mix(h ^ v);
  }
  if (i < len) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    v &= (1ULL << (8 * (len - i))) - 1;  // the bytes past the end are zero in BytesHash
    h = Mix(h ^ v);
  }
  return h;
}

// BytesHashPadded() of a word of 1 to 7 bytes held, little-endian, in
// `word`, the bytes past it zero: one round, that of the last word above.
inline uint64_t ShortWordHash(uint64_t word, size_t len) {
  return Mix((0x9E3779B97F4A7C15ULL ^ len) ^ word);
}

const uint64_t kNumberHash = BytesHash("#");

// A pattern's {name} is this many tokens at most (words and particles).
constexpr size_t kMaxNameTokens = 6;

// Files the pattern rule `index` (its first element `first`) under its
// first word, or with those that open with a placeholder.
void IndexPattern(int index, const PatternElem& first, HashIndex<std::vector<int>>* by_word,
                  std::vector<int>* other) {
  if (first.type == PatternElem::kWord) {
    (*by_word)[first.hash].push_back(index);
  } else {
    other->push_back(index);
  }
}

uint64_t Combine(uint64_t h, uint64_t w) { return Mix(h * 31 + w); }

// The bit filters of Rep: 1024 words, 65536 bits, addressed by the hash.
void SetBit(std::vector<uint64_t>* filter, uint64_t h) {
  (*filter)[(h >> 6) & 1023] |= 1ULL << (h & 63);
}
bool TestBit(const std::vector<uint64_t>& filter, uint64_t h) {
  return (filter[(h >> 6) & 1023] & (1ULL << (h & 63))) != 0;
}

Script ScriptOf(char32_t cp) {
  if (cp < 0x250) return kLatin;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
  switch (sc) {
    case USCRIPT_LATIN: return kLatin;
    case USCRIPT_CYRILLIC: return kCyrillic;
    case USCRIPT_GREEK: return kGreek;
    case USCRIPT_ARABIC: return kArabic;
    case USCRIPT_HEBREW: return kHebrew;
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL: return kCjk;
    default: return kOther;
  }
}

}  // namespace

bool IsSeparatorCodePoint(char32_t cp) {
  switch (cp) {
    case '|':
    case '/':
    case '>':
    case '\\':
    case 0x00BB:  // »
    case 0x203A:  // ›
    case 0x2022:  // •
    case 0x00B7:  // ·
    case 0x2219:  // ∙
    case 0x25BA:
    case 0x25B8:
    case 0x25B6:  // ► ▸ ▶
    case 0x2192:  // →
    case 0x2023:  // ‣
    case 0x2044:  // ⁄
      return true;
    default: return false;
  }
}

namespace {

// Writes the UTF-8 encoding of `cp` to `out` as AppendUtf8() would (U+FFFD
// for an invalid scalar) and returns its length. REQUIRES: 4 bytes of room.
size_t EncodeUtf8(char32_t cp, char* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Byte classes of ASCII for the tokenizer's fast path.
enum : uint8_t { kOtherByte, kLetterByte, kDigitByte, kSpaceByte, kSepByte };

struct AsciiClasses {
  uint8_t c[256];  // bytes from 0x80 up are kOtherByte: the slow path decides
  AsciiClasses() : c() {
    for (int i = 'a'; i <= 'z'; ++i) c[i] = c[i - 32] = kLetterByte;
    for (int i = '0'; i <= '9'; ++i) c[i] = kDigitByte;
    for (unsigned char ch : {' ', '\t', '\n', '\r', '\f', '\v'}) c[ch] = kSpaceByte;
    for (unsigned char ch : {'|', '/', '>', '\\'}) c[ch] = kSepByte;
  }
};
const AsciiClasses kAscii;

// The ASCII letters among the 8 bytes of `v` (loaded little-endian): 0x80
// in each byte that is A-Z or a-z, 0 in every other. The bytes are lower-
// cased (| 0x20) and stripped of their top bit first, so no per-byte sum
// below carries into the next byte (0x7F + 0x1F < 0x100); `~v` then drops
// the bytes from 0x80 up. A byte b | 0x20 lies in 'a'..'z' exactly when b is
// an ASCII letter, as kAscii says.
inline uint64_t AsciiLetterMask(uint64_t v) {
  constexpr uint64_t k01 = 0x0101010101010101ULL;
  constexpr uint64_t k80 = 0x80 * k01;
  const uint64_t x = (v | 0x20 * k01) & (0x7F * k01);
  const uint64_t at_least_a = x + (0x80 - 'a') * k01;   // top bit: x >= 'a'
  const uint64_t above_z = x + (0x80 - 'z' - 1) * k01;  // top bit: x > 'z'
  return at_least_a & ~above_z & ~v & k80;
}

constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;

// A letter or a combining mark: what continues a word.
bool IsWordCodePoint(UChar32 u) { return u_isalpha(u) || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0; }

// What Tokenize() asks ICU about a code point, asked once for those that
// text mostly holds beyond ASCII: U+0080..U+07FF (Latin, Greek, Cyrillic,
// Hebrew, Arabic: the two-byte UTF-8 range) and General Punctuation
// U+2000..U+207F (quotes, dashes). Each entry is made by the very calls the
// tokenizer makes for the other code points, so a look-up answers the same;
// asking ICU per character cost more than all the rest of tokenizing it.
struct CodePointInfo {
  char folded[4];  // EncodeUtf8(u_foldCase(cp)), zero padded
  uint8_t folded_len;
  uint8_t flags;  // kWordChar, kLowerChar, kDigitChar, kWhiteChar
  uint8_t script;
};
enum : uint8_t { kWordChar = 1, kLowerChar = 2, kDigitChar = 4, kWhiteChar = 8 };

class CodePointTable {
 public:
  CodePointTable() {
    for (char32_t cp = 0; cp < kLowEnd; ++cp) Fill(cp, &low_[cp]);
    for (char32_t cp = 0; cp < kPunctSize; ++cp) Fill(kPunctBegin + cp, &punct_[cp]);
  }
  // The entry of `cp`, or null when the table does not hold it.
  // The entry of `cp`: from the table, or else from a small per-thread
  // cache of the code points met beyond it (a CJK or Indic text repeats its
  // characters), filled by the same calls.
  const CodePointInfo* Find(char32_t cp) const {
    if (cp < kLowEnd) return &low_[cp];
    if (cp - kPunctBegin < kPunctSize) return &punct_[cp - kPunctBegin];
    // Trivially constructed (no guard on each use): a slot holds cp + 1, 0
    // when empty (code points are at most 0x10FFFF).
    static thread_local char32_t cached[kCacheSize];
    static thread_local CodePointInfo cache[kCacheSize];
    const size_t slot = (cp ^ (cp >> 7)) & (kCacheSize - 1);
    if (cached[slot] != cp + 1) {
      Fill(cp, &cache[slot]);
      cached[slot] = cp + 1;
    }
    return &cache[slot];
  }

 private:
  static constexpr char32_t kLowEnd = 0x800, kPunctBegin = 0x2000, kPunctSize = 0x80;
  static constexpr size_t kCacheSize = 256;
  static void Fill(char32_t cp, CodePointInfo* e) {
    const UChar32 u = static_cast<UChar32>(cp);
    std::memset(e->folded, 0, sizeof(e->folded));
    e->folded_len = static_cast<uint8_t>(
        EncodeUtf8(static_cast<char32_t>(u_foldCase(u, U_FOLD_CASE_DEFAULT)), e->folded));
    e->flags = (IsWordCodePoint(u) ? kWordChar : 0) | (u_islower(u) ? kLowerChar : 0) |
               (u_isdigit(u) ? kDigitChar : 0) | (u_isUWhiteSpace(u) ? kWhiteChar : 0);
    e->script = ScriptOf(cp);
  }
  CodePointInfo low_[kLowEnd];
  CodePointInfo punct_[kPunctSize];
};

// Built on first use (ICU is not asked during static initialization).
const CodePointTable& CodePoints() {
  static const CodePointTable* const table = new CodePointTable();
  return *table;
}

// Tokenize()'s helpers are inlined at every use: called out of line, they
// kept the tokenizer's state in memory and cost more than the work itself.
#if defined(__GNUC__)
#define CLEANER_INLINE __attribute__((always_inline))
#else
#define CLEANER_INLINE
#endif

// The state of one Tokenize() call, and its steps. Every member function is
// inlined into Run(), so that the state stays in registers as local
// variables would (called out of line, the steps kept it in memory and cost
// more than the work itself).
class Tokenizer {
 public:
  Tokenizer(std::string_view text, LineKey* key)
      : key_(key), tokens_(key->tokens), data_(text.data()), size_(text.size()) {
    // Case folding never makes a character more than one and a half times
    // longer in UTF-8, so twice the input is room enough; writing through
    // an index is cheaper than append. The 16 spare bytes let
    // BytesHashPadded() load a word's last 8 bytes and the letter loop store
    // 8 bytes at a time (see there). The buffer only grows: filling it anew
    // with zeros for every line cost more than tokenizing short lines, and
    // Word() reads only the spans of the tokens.
    const size_t room = size_ * 2 + 16;
    if (key->folded.size() < room) key->folded.resize(room);
    buf_ = &key->folded[0];
    tokens_.clear();
    key->separators = 0;
    key->max_segment_words = 0;
    key->first_segment_tokens = -1;
    key->cjk_letters = 0;
    std::fill(std::begin(key->script_letters), std::end(key->script_letters), 0);
  }

  void Run() {
    while (pos_ < size_) {
      const uint32_t at = static_cast<uint32_t>(pos_);
      const unsigned char c = static_cast<unsigned char>(data_[pos_]);
      if (c >= 0x80) {
        NonAscii(at);
        continue;
      }
      ++pos_;
      const uint8_t cls = kAscii.c[c];
      // Letters first: most rounds start a word (the space after one is
      // taken with it).
      if (__builtin_expect(cls == kLetterByte, 1)) {
        if (!ShortAsciiWord(at, c)) AsciiLetters(at, c);
      } else if (cls == kDigitByte) {
        if (state_ != kNum) Start(at, true);
        buf_[w_++] = static_cast<char>(c);
        prev_space_ = false;
      } else if (cls == kSpaceByte) {
        if (state_ != kNone) Finish(at);
        prev_space_ = true;
      } else if (!GroupMark(c)) {
        Finish(at);
        if (cls == kSepByte && prev_space_ && (pos_ >= size_ || data_[pos_] == ' ')) Separator();
        prev_space_ = false;
      }
    }
    Finish(static_cast<uint32_t>(size_));
    key_->letters = letters_ + ascii_letters_;
    key_->script_letters[kLatin] += ascii_letters_;
    key_->max_segment_words = std::max(key_->max_segment_words, segment_words_);
    if (key_->first_segment_tokens < 0)
      key_->first_segment_tokens = static_cast<int>(tokens_.size());
  }

 private:
  // Closes the open token (state_ != kNone) at byte `end`.
  CLEANER_INLINE void Finish(uint32_t end) {
    if (state_ == kNone) return;
    Token& t = tokens_.emplace_back();
    t.begin = cur_begin_;
    t.end = end;
    t.key_off = cur_off_;
    t.key_len = static_cast<uint32_t>(w_) - cur_off_;
    t.number = state_ == kNum;
    t.upper = cur_upper_;
    // The key buffer has room past the word (see above), so its hash may
    // read whole words.
    t.hash = t.number ? kNumberHash : BytesHashPadded(buf_ + t.key_off, t.key_len);
    ++segment_words_;
    state_ = kNone;
  }

  CLEANER_INLINE void Start(uint32_t at, bool number) {
    Finish(at);
    state_ = number ? kNum : kWord;
    cur_begin_ = at;
    cur_off_ = static_cast<uint32_t>(w_);
    cur_upper_ = false;
  }

  // A separator (| / > \ or a dash between spaces) ends a segment.
  CLEANER_INLINE void Separator() {
    ++key_->separators;
    if (key_->first_segment_tokens < 0) key_->first_segment_tokens = segment_words_;
    key_->max_segment_words = std::max(key_->max_segment_words, segment_words_);
    segment_words_ = 0;
  }

  // The common word: it starts at `at`, has fewer than 8 letters, and an
  // ASCII byte ends it. One load finds, folds and hashes it; the token is
  // what Start(), AsciiLetters() and Finish() would make (Finish(at) first
  // closes a number before it, as Start() does). False when the word is
  // not such a one (nothing done then).
  CLEANER_INLINE bool ShortAsciiWord(uint32_t at, unsigned char c) {
    if constexpr (!kLittleEndian) return false;
    if (state_ == kWord || at + 8 > size_) return false;
    uint64_t v;
    std::memcpy(&v, data_ + at, 8);
    const uint64_t is_letter = AsciiLetterMask(v);
    const uint64_t stop = ~is_letter & 0x8080808080808080ULL;
    const size_t run = static_cast<size_t>(__builtin_ctzll(stop | (1ULL << 63))) / 8;
    const unsigned char next = static_cast<unsigned char>(data_[at + run]);
    if (stop == 0 || next >= 0x80) return false;  // run < 8, and run >= 1: data_[at] is a letter
    Finish(at);
    const uint64_t lower = v | (is_letter >> 2);
    std::memcpy(buf_ + w_, &lower, 8);  // room as in AsciiLetters()
    const uint64_t word = lower & ((1ULL << (8 * run)) - 1);
    const uint32_t len = static_cast<uint32_t>(run);
    tokens_.push_back(Token{at, at + len, static_cast<uint32_t>(w_), len, ShortWordHash(word, run),
                            false, c <= 'Z'});
    ++segment_words_;
    w_ += run;
    ascii_letters_ += static_cast<int>(run);
    pos_ = at + run;
    prev_space_ = next == ' ';  // the space after it, taken at once
    pos_ += prev_space_;
    return true;
  }

  // A run of ASCII letters from `at` (its first letter `c`): a word, or the
  // rest of one.
  CLEANER_INLINE void AsciiLetters(uint32_t at, unsigned char c) {
    if (state_ != kWord) {
      Start(at, false);
      cur_upper_ = c <= 'Z';
    }
    // The whole run at once, lowercased as it is read: this loop is where a
    // document's bytes mostly go. Eight bytes at a time while eight are
    // left: the word is stored lowercased, with the bytes after the run
    // copied as they are (they lie past the token, where the next write or
    // nothing reads them: BytesHashPadded() masks past a word's end). The
    // store ends by w_ + (end - at) + 8 <= 1.5 * end + 8 <= room. After the
    // first byte that is no letter, the byte loop below stops at once.
    size_t end = at;
    if constexpr (kLittleEndian) {
      while (end + 8 <= size_) {
        uint64_t v;
        std::memcpy(&v, data_ + end, 8);
        const uint64_t is_letter = AsciiLetterMask(v);
        const uint64_t lower = v | (is_letter >> 2);  // 0x80 >> 2 == 0x20
        std::memcpy(buf_ + w_ + (end - at), &lower, 8);
        const uint64_t stop = ~is_letter & 0x8080808080808080ULL;
        if (stop != 0) {
          end += static_cast<size_t>(__builtin_ctzll(stop)) / 8;
          break;
        }
        end += 8;
      }
    }
    while (end < size_ && kAscii.c[static_cast<unsigned char>(data_[end])] == kLetterByte) {
      buf_[w_ + (end - at)] = static_cast<char>(data_[end] | 0x20);
      ++end;
    }
    const size_t run = end - at;
    w_ += run;
    ascii_letters_ += static_cast<int>(run);
    pos_ = end;
    prev_space_ = false;
    // Only a non-ASCII letter or mark continues the word; whatever ASCII
    // byte follows (or the end) closes it at `end`, as the next round would
    // (every ASCII case calls Finish(at) first, or Start(), which does; the
    // group mark joins numbers only).
    if (end == size_ || static_cast<unsigned char>(data_[end]) < 0x80) Finish(static_cast<uint32_t>(end));
    // The space after a word, as its own round would take it.
    if (end < size_ && data_[end] == ' ') {
      prev_space_ = true;
      pos_ = end + 1;
    }
  }

  // "1,234" and "20.000" are one number: a group mark `c` (just read)
  // followed by exactly three digits continues it (08.11.2020 is not
  // grouped). True when it did.
  CLEANER_INLINE bool GroupMark(unsigned char c) {
    if (state_ != kNum || (c != ',' && c != '.' && c != '\'') || pos_ + 3 > size_) return false;
    const auto digit = [&](size_t i) { return std::isdigit(static_cast<unsigned char>(data_[i])) != 0; };
    if (kAscii.c[static_cast<unsigned char>(data_[pos_])] != kDigitByte || !digit(pos_ + 1) ||
        !digit(pos_ + 2) || (pos_ + 3 < size_ && digit(pos_ + 3)))
      return false;
    std::memcpy(buf_ + w_, data_ + pos_, 3);
    w_ += 3;
    pos_ += 3;
    return true;
  }

  // One code point from U+0080 up, at `at`.
  CLEANER_INLINE void NonAscii(uint32_t at) {
    const char32_t cp = NextCodePoint(std::string_view(data_, size_), &pos_);
    const CodePointInfo* const known = CodePoints().Find(cp);
    if ((known->flags & kWordChar) != 0) {
      if (state_ != kWord) {
        Start(at, false);
        cur_upper_ = (known->flags & kLowerChar) == 0;
      }
      std::memcpy(buf_ + w_, known->folded, 4);  // room as for EncodeUtf8()
      w_ += known->folded_len;
      ++letters_;
      const Script sc = static_cast<Script>(known->script);
      ++key_->script_letters[sc];
      if (sc == kCjk) ++key_->cjk_letters;
      prev_space_ = false;
      return;
    }
    if ((known->flags & kDigitChar) != 0) {
      if (state_ != kNum) Start(at, true);
      buf_[w_++] = '0';
      prev_space_ = false;
      return;
    }
    Finish(at);
    if (cp == 0x00A9) {  // © is a word: "© 2020 Example"
      Start(at, false);
      cur_upper_ = true;
      buf_[w_++] = '\xC2';
      buf_[w_++] = '\xA9';
      Finish(static_cast<uint32_t>(pos_));
      prev_space_ = false;
      return;
    }
    const bool space = cp == 0xA0 || (known->flags & kWhiteChar) != 0;
    if (IsSeparatorCodePoint(cp) && prev_space_ &&
        (pos_ >= size_ || data_[pos_] == ' ' ||
         (static_cast<unsigned char>(data_[pos_]) == 0xC2 && pos_ + 1 < size_ &&
          static_cast<unsigned char>(data_[pos_ + 1]) == 0xA0)))
      Separator();
    prev_space_ = space;
  }

  LineKey* const key_;
  std::vector<Token>& tokens_;
  const char* const data_;
  const size_t size_;
  char* buf_ = nullptr;
  size_t w_ = 0;    // bytes written to buf_
  size_t pos_ = 0;  // the next byte of the text
  int letters_ = 0;        // all letters beyond ASCII
  int ascii_letters_ = 0;  // ASCII (Latin) letters, counted apart and added at the end
  enum { kNone, kWord, kNum } state_ = kNone;
  // The open token (state_ != kNone): its start, folded offset and flags.
  uint32_t cur_begin_ = 0, cur_off_ = 0;
  bool cur_upper_ = false;
  int segment_words_ = 0;
  bool prev_space_ = true;  // the previous code point was white space (or the start)
};

}  // namespace

void Tokenize(std::string_view text, LineKey* key) { Tokenizer(text, key).Run(); }

uint64_t SequenceHash(const LineKey& key, size_t b, size_t e) {
  uint64_t h = 0;
  for (size_t i = b; i < e; ++i) h = Combine(h, key.tokens[i].hash);
  return h;
}

}  // namespace line_filter

using line_filter::Capture;
using line_filter::LineKey;
using line_filter::PatternElem;
using line_filter::Rule;
using line_filter::RuleKind;

namespace {

// Categories a rule may name (filters/README.md lists what each is for).
constexpr std::string_view kCategories[] = {"navigation", "ad",         "share",   "comment-form",
                                            "newsletter", "cookie",     "related", "legal",
                                            "byline",     "error-page", "account", "media",
                                            "contact",    "low-content"};

bool KnownCategory(std::string_view c) {
  return std::find(std::begin(kCategories), std::end(kCategories), c) != std::end(kCategories);
}

bool ValidLang(std::string_view l) {
  return l == "*" || (l.size() == 2 && std::islower(static_cast<unsigned char>(l[0])) &&
                      std::islower(static_cast<unsigned char>(l[1])));
}

// What compiling one rule needs besides the rule, kept from rule to rule:
// a fresh key and string per rule were most of the tokenizing's cost.
struct Scratch {
  LineKey key;
  std::string plain;
  std::vector<uint64_t> words;
};

// The token hashes of plain rule text ({n} stands for any number).
Status RuleWords(const RuleLine& line, std::string_view text, Scratch* scratch,
                 std::vector<uint64_t>* out) {
  if (text.find('{') != std::string_view::npos) {
    // Each "{n}" becomes " 0 " (which holds no brace, so the text left of
    // `at` has no "{n}" left); any other brace is an error.
    std::string& plain = scratch->plain;
    plain.assign(text.data(), text.size());
    for (size_t at; (at = plain.find("{n}")) != std::string::npos;) plain.replace(at, 3, " 0 ");
    if (plain.find('{') != std::string::npos) {
      return line.Error("placeholders other than {n} are only allowed in pattern rules");
    }
    text = plain;
  }
  LineKey& key = scratch->key;
  line_filter::Tokenize(text, &key);
  if (key.Empty()) return line.Error("rule text has no words");
  // Every number is equal to every other ({n}), so a rule of numbers only
  // ("404") would match any year heading or counter.
  if (std::all_of(key.tokens.begin(), key.tokens.end(), [](const auto& t) { return t.number; }))
    return line.Error("rule text has only numbers, which match every number; add a word");
  out->resize(key.tokens.size());
  for (size_t i = 0; i < key.tokens.size(); ++i) (*out)[i] = key.tokens[i].hash;
  return Status::OK();
}

Status ParsePattern(const RuleLine& line, std::string_view text, Scratch* scratch, Rule* rule) {
  rule->pattern.reserve(8);  // room for most patterns: "by {name} on {date}" is 5
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    std::string_view literal =
        text.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos);
    LineKey& key = scratch->key;
    line_filter::Tokenize(literal, &key);
    for (const auto& t : key.tokens) {
      PatternElem e;
      e.type = t.number ? PatternElem::kNumber : PatternElem::kWord;
      e.hash = t.hash;
      rule->pattern.push_back(e);
    }
    if (open == std::string_view::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) return line.Error("unclosed '{' in pattern");
    std::string_view name = text.substr(open + 1, close - open - 1);
    PatternElem e;
    if (name == "n") {
      e.type = PatternElem::kNumber;
    } else if (name == "date") {
      e.type = PatternElem::kDate;
    } else if (name == "time") {
      e.type = PatternElem::kTime;
    } else if (name == "name") {
      e.type = PatternElem::kName;
    } else if (name == "*") {
      e.type = PatternElem::kRest;
      if (close + 1 < text.size() &&
          text.find_first_not_of(' ', close + 1) != std::string_view::npos) {
        return line.Error("{*} must end the pattern");
      }
    } else {
      return line.Error("unknown placeholder {" + std::string(name) +
                        "} (known: {n} {date} {time} {name} {*})");
    }
    rule->pattern.push_back(e);
    pos = close + 1;
  }
  if (rule->pattern.empty()) return line.Error("pattern has no elements");
  return Status::OK();
}

// The value of `digits` if it is 1 to 3 ASCII digits, else -1.
int SmallNumber(std::string_view digits) {
  if (digits.empty() || digits.size() > 3) return -1;
  int n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

Status ParseOptions(const RuleLine& line, std::string_view field, Rule* rule) {
  size_t pos = 0;
  while (pos < field.size()) {
    const size_t end = std::min({field.find(',', pos), field.find(' ', pos), field.size()});
    const std::string_view opt = field.substr(pos, end - pos);
    pos = end + 1;
    if (opt.empty()) continue;
    if (opt.substr(0, 10) == "max_words=") {
      // Plain digits are read here; anything else (signs, spaces, a NUL)
      // as strtol reads the option up to a NUL, as it always was.
      long n = SmallNumber(opt.substr(10));
      if (n < 0) {
        const std::string copy(opt);
        char* stop = nullptr;
        n = std::strtol(copy.c_str() + 10, &stop, 10);
        if (*stop != '\0') n = 0;
      }
      if (n < 1 || n > 200) return line.Error("bad max_words in \"" + std::string(opt) + "\"");
      rule->max_words = static_cast<int>(n);
    } else if (opt == "zone=edge") {
      rule->zone = line_filter::Zone::kEdge;
    } else if (opt == "zone=any") {
      rule->zone = line_filter::Zone::kAny;
    } else if (opt == "sep") {
      if (rule->kind != RuleKind::kPrefix) return line.Error("option sep is for prefix rules");
      rule->sep = true;
    } else if (opt == "num") {
      if (rule->kind != RuleKind::kPrefix) return line.Error("option num is for prefix rules");
      rule->num = true;
    } else if (opt == "glued") {
      if (rule->kind != RuleKind::kPattern) return line.Error("option glued is for pattern rules");
      rule->glued = true;
    } else if (opt == "weak") {
      rule->weak = true;
    } else if (opt == "toc") {
      if (rule->kind != RuleKind::kHeader) return line.Error("option toc is for header rules");
      rule->toc = true;
    } else {
      return line.Error("unknown option \"" + std::string(opt) +
                        "\" (known: max_words=N zone=edge|any sep num glued weak toc)");
    }
  }
  return Status::OK();
}

// Tokenizes `list` (space separated words) into scratch->key; fails if it
// has no words.
Status ListWords(const RuleLine& line, std::string_view list, Scratch* scratch) {
  line_filter::Tokenize(list, &scratch->key);
  if (scratch->key.Empty()) return line.Error("word list is empty");
  return Status::OK();
}

}  // namespace

Status LineFilterRules::Compile(const std::vector<RuleFile>& files,
                                std::unique_ptr<const LineFilterRules>* out) {
  auto rep = std::make_unique<Rep>();
  CLEANER_RETURN_IF_ERROR(LineClassifier::Compile(files, &rep->classifier));
  rep->contains_first.assign(1024, 0);  // 65536-bit filter
  rep->contains_keys.assign(1024, 0);   // the same size: a few thousand phrases
  rep->contains_prefixes.assign(1024, 0);
  rep->suffix_first.assign(1024, 0);
  rep->prefix_keys.assign(1024, 0);
  rep->prefix_heads.assign(1024, 0);
  rep->furniture_name_next.assign(1024, 0);
  const std::vector<const RuleFile*> rule_files = RuleFilesWithPrefix(files, "line_filter_");
  // Room for the rules at once: moving thousands of rules as the vector
  // grew cost more than their parsing. Rule lines are rarely shorter than
  // 32 bytes (those of filters/ average 45), so this is room enough for
  // the defaults; for other files the vector grows as it would have.
  size_t bytes = 0;
  for (const RuleFile* file : rule_files) bytes += file->text.size();
  const size_t expected_rules = bytes / 32 + 1;
  rep->rules.reserve(expected_rules);
  // Most rules are line/header rules: a table sized for them at once is
  // not rehashed ten times on the way.
  rep->line_rules.reserve(expected_rules);
  Scratch scratch;
  for (const RuleFile* file : rule_files) {
    RuleLineReader reader(*file);
    Status st;
    while (reader.Next(&st)) {
      const RuleLine& line = reader.line();
      const auto& f = line.fields;
      const std::string_view kind = f[0];
      if (f.size() < 4)
        return line.Error(
            "expected at least 4 TAB-separated fields: kind, category, language, text");
      if (!KnownCategory(f[1])) return line.Error("unknown category \"" + std::string(f[1]) + "\"");
      if (!ValidLang(f[2]))
        return line.Error("language must be a two-letter code or *, not \"" + std::string(f[2]) +
                          "\"");
      if (kind == "month") {
        if (f.size() != 5)
          return line.Error("month rules are: month, category, language, number, names");
        int n = std::atoi(std::string(f[3]).c_str());
        if (n < 1 || n > 12) return line.Error("month number must be 1..12");
        CLEANER_RETURN_IF_ERROR(ListWords(line, f[4], &scratch));
        for (const auto& t : scratch.key.tokens) rep->months[t.hash] = n;
        continue;
      }
      if (kind == "weekday" || kind == "date-word" || kind == "name-particle") {
        if (f.size() != 4) return line.Error(std::string(kind) + " rules have 4 fields");
        auto* set = kind == "weekday"     ? &rep->weekdays
                    : kind == "date-word" ? &rep->date_words
                                          : &rep->name_particles;
        CLEANER_RETURN_IF_ERROR(ListWords(line, f[3], &scratch));
        for (const auto& t : scratch.key.tokens) set->insert(t.hash);
        continue;
      }
      if (kind == "lead" || kind == "count") {
        // Word lists of one rule each, named by --explain: a `lead` word
        // makes a related header, a `count` word a line of counts.
        const bool lead = kind == "lead";
        if (f.size() != 4) return line.Error(std::string(kind) + " rules have 4 fields");
        if (lead && f[1] != "related") {
          return line.Error("lead rules are of the category related");
        }
        CLEANER_RETURN_IF_ERROR(ListWords(line, f[3], &scratch));
        Rule& list = rep->rules.emplace_back();
        list.kind = lead ? RuleKind::kHeader : RuleKind::kLine;
        list.lead = lead;
        list.weak = !lead;
        list.origin = line.Origin();
        list.category = std::string(f[1]);
        list.lang = std::string(f[2]);
        const int index = static_cast<int>(rep->rules.size()) - 1;
        for (const auto& t : scratch.key.tokens) {
          if (!lead && t.number) return line.Error("a count word list holds no numbers");
          (lead ? rep->lead_words : rep->count_words).emplace(t.hash, index);
        }
        continue;
      }
      // Built in place: moving each rule in cost a copy of its short
      // strings. (The reference is taken after the vector has grown.)
      Rule& rule = rep->rules.emplace_back();
      const int index = static_cast<int>(rep->rules.size()) - 1;
      if (kind == "line") {
        rule.kind = RuleKind::kLine;
      } else if (kind == "header") {
        rule.kind = RuleKind::kHeader;
      } else if (kind == "prefix") {
        rule.kind = RuleKind::kPrefix;
        rule.max_words = 12;  // a prefix rule is about short lines unless told
        if (!f[3].empty() && (f[3][0] == '(' || f[3][0] == '[')) rule.lead_bracket = f[3][0];
      } else if (kind == "suffix") {
        rule.kind = RuleKind::kSuffix;
        rule.max_words = 20;
      } else if (kind == "contains") {
        rule.kind = RuleKind::kContains;
        rule.max_words = 25;
      } else if (kind == "pattern") {
        rule.kind = RuleKind::kPattern;
      } else {
        return line.Error(
            "unknown rule kind \"" + std::string(kind) +
            "\" (known: line header prefix suffix contains pattern month weekday date-word "
            "name-particle lead count)");
      }
      if (f.size() > 5) return line.Error("too many fields (a TAB inside the text?)");
      rule.origin = line.Origin();
      rule.category = std::string(f[1]);
      rule.lang = std::string(f[2]);
      if (f.size() == 5) CLEANER_RETURN_IF_ERROR(ParseOptions(line, f[4], &rule));
      if (rule.kind == RuleKind::kPattern) {
        CLEANER_RETURN_IF_ERROR(ParsePattern(line, f[3], &scratch, &rule));
        scratch.words.clear();
      } else {
        CLEANER_RETURN_IF_ERROR(RuleWords(line, f[3], &scratch, &scratch.words));
      }
      // The hashes of the rule text's tokens (none for a pattern) go into
      // the tables below; the rule does not keep them.
      const std::vector<uint64_t>& words = scratch.words;
      uint64_t h = 0;
      for (uint64_t w : words) h = line_filter::Combine(h, w);
      HashIndex<int>* map = nullptr;
      switch (rule.kind) {
        case RuleKind::kLine:
        case RuleKind::kHeader:
          map = &rep->line_rules;
          rep->max_line_words = std::max(rep->max_line_words, words.size());
          break;
        case RuleKind::kPrefix:
          map = &rep->prefix_rules;
          rule.words = static_cast<int>(words.size());
          rep->max_prefix_words = std::max(rep->max_prefix_words, words.size());
          line_filter::SetBit(&rep->prefix_keys, h);
          {
            uint64_t head = 0;
            for (uint64_t w : words) {
              head = line_filter::Combine(head, w);
              line_filter::SetBit(&rep->prefix_heads, head);
            }
          }
          break;
        case RuleKind::kSuffix:
          map = &rep->suffix_rules;
          rep->max_suffix_words = std::max(rep->max_suffix_words, words.size());
          rep->suffix_line_words = std::max(rep->suffix_line_words, rule.max_words);
          line_filter::SetBit(&rep->suffix_first, words[0]);
          break;
        case RuleKind::kContains:
          map = &rep->contains_rules;
          rep->max_contains_words = std::max(rep->max_contains_words, words.size());
          rep->contains_line_words = std::max(rep->contains_line_words, rule.max_words);
          line_filter::SetBit(&rep->contains_first, words[0]);
          line_filter::SetBit(&rep->contains_keys, h);
          {
            uint64_t prefix = 0;
            for (uint64_t w : words) {
              prefix = line_filter::Combine(prefix, w);
              line_filter::SetBit(&rep->contains_prefixes, prefix);
            }
          }
          break;
        case RuleKind::kPattern: {
          const PatternElem& first = rule.pattern[0];
          // Bylines are read where they stand (MatchPattern(), at the
          // edges and in chains of parts); the other patterns wherever
          // they stand, with the other rule kinds (MatchFurniturePattern()).
          if (rule.category == "byline") {
            line_filter::IndexPattern(index, first, &rep->patterns_by_word, &rep->patterns_other);
          } else if (first.type == PatternElem::kName && rule.pattern.size() > 1 &&
                     rule.pattern[1].type == PatternElem::kWord) {
            rep->furniture_name_patterns_by_next[rule.pattern[1].hash].push_back(index);
            line_filter::SetBit(&rep->furniture_name_next, rule.pattern[1].hash);
          } else {
            line_filter::IndexPattern(index, first, &rep->furniture_patterns_by_word,
                         &rep->furniture_patterns_other);
          }
          break;
        }
      }
      if (map != nullptr) {
        auto [it, inserted] = map->emplace(h, index);
        if (!inserted) {
          return line.Error("same text as " + rep->rules[it->second].origin +
                            " (write a phrase once, with language * if it is shared)");
        }
      }
    }
    CLEANER_RETURN_IF_ERROR(st);
  }
  out->reset(new LineFilterRules(std::move(rep)));
  return Status::OK();
}

int LineFilterRules::Rep::MatchLine(const LineKey& key) const {
  if (key.Empty() || line_rules.empty() || key.tokens.size() > max_line_words) return -1;
  auto it = line_rules.find(line_filter::SequenceHash(key, 0, key.tokens.size()));
  return it == line_rules.end() ? -1 : it->second;
}

int LineFilterRules::Rep::RuleItemAt(const LineKey& key, size_t i, size_t* len) const {
  // Two words first: "Me gusta" is one item, though "me" alone is a
  // rule's line too (in some language).
  const size_t n = key.tokens.size();
  if (i + 1 < n && !key.tokens[i + 1].number) {
    auto it = line_rules.find(line_filter::SequenceHash(key, i, i + 2));
    if (it != line_rules.end()) {
      *len = 2;
      return it->second;
    }
  }
  auto it = line_rules.find(line_filter::SequenceHash(key, i, i + 1));
  *len = 1;
  return it == line_rules.end() ? -1 : it->second;
}

int LineFilterRules::Rep::MatchButtonRow(const LineKey& key) const {
  const size_t n = key.tokens.size();
  if (n < 2 || n > kButtonRowWords || line_rules.empty() || key.tokens[0].number) return -1;
  int first = -1, buttons = 0, counts = 0;
  bool pairs = false;
  for (size_t i = 0, len = 1; i < n; i += len) {
    len = 1;
    if (key.tokens[i].number) {
      ++counts;
      continue;
    }
    const int r = RuleItemAt(key, i, &len);
    if (r < 0) return -1;
    if (first < 0) first = r;
    pairs = pairs || len == 2;
    ++buttons;
  }
  // With a button of two words, three buttons: "More" and "Top Stories"
  // make a heading.
  return buttons >= (pairs ? 3 : 2) && counts < buttons ? first : -1;
}

int LineFilterRules::Rep::MatchGluedMenu(std::string_view text, const LineKey& key) const {
  const size_t n = key.tokens.size();
  if (n < 4 || n > kGluedMenuWords || line_rules.empty() || classifier == nullptr ||
      text.find(',') != std::string_view::npos) {
    return -1;
  }
  size_t upper = 0;
  for (const auto& t : key.tokens) {
    if (t.number) return -1;
    upper += t.upper;
  }
  if (upper * 5 < n * 3) return -1;
  int first = -1, known = 0;
  for (size_t i = 0, len = 1; i < n; i += len) {
    const int r = RuleItemAt(key, i, &len);
    if (r < 0) continue;
    if (first < 0) first = r;
    ++known;
  }
  if (known < 2) return -1;
  return FewStopWords(text) ? first : -1;
}

bool LineFilterRules::Rep::FewStopWords(std::string_view text, int joined) const {
  if (classifier == nullptr) return false;
  int words = 0, stop = 0;
  classifier->stop_words().Count(text, &words, &stop);
  return stop * 5 <= words + joined;
}

int LineFilterRules::Rep::MatchCountLine(std::string_view text, const LineKey& key) const {
  const size_t n = key.tokens.size();
  if (n < 2 || n > kCountLineTokens || count_words.empty()) return -1;
  int first = -1;
  bool after_number = false;  // the token before is a number (with its multiplier)
  for (size_t i = 0; i < n; ++i) {
    const line_filter::Token& t = key.tokens[i];
    if (t.number) {
      after_number = true;
      continue;
    }
    // "7.6k posts", "20M downloads": a multiplier glued to its number.
    if (i > 0 && key.tokens[i - 1].number && key.tokens[i - 1].end == t.begin && t.key_len == 1 &&
        (key.Word(i) == "k" || key.Word(i) == "m")) {
      continue;
    }
    const bool counted = after_number;
    after_number = false;
    auto it = count_words.find(t.hash);
    if (it == count_words.end()) return -1;
    // The word's number: before it ("754 arvostelua"), or after it and a
    // colon ("Mensajes: 12"; not "Tema 3", a syllabus's heading), alone:
    // "Valoración: ★★★★☆ (4/5)" and "Rating: 4.5" are a critic's score.
    const bool labelled =
        i + 1 < n && key.tokens[i + 1].number && (i + 2 == n || !key.tokens[i + 2].number) &&
        text.substr(t.end, key.tokens[i + 1].begin - t.end).find(':') != std::string_view::npos;
    if (!counted && !labelled) return -1;
    if (first < 0) first = it->second;
  }
  return first;
}

int LineFilterRules::Rep::MatchLead(const LineKey& key) const {
  const size_t n = key.tokens.size();
  if (n < 2 || n > 4 || lead_words.empty()) return -1;
  for (const auto& t : key.tokens) {
    if (t.number) return -1;
  }
  // The word qualifies the noun: first ("Similar Questions", "Weitere
  // Veranstaltungen") or last ("Productos relacionados"), never inside
  // ("Medical-Related Modifications", "TDP / Recommended PSU").
  for (const size_t i : {size_t{0}, n - 1}) {
    auto it = lead_words.find(key.tokens[i].hash);
    if (it != lead_words.end()) return it->second;
  }
  return -1;
}

namespace {

// The first byte at or after `at` that is no blank (space or tab).
size_t SkipBlanks(std::string_view text, size_t at) {
  while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
  return at;
}

// True if `text` starts with `mark`, spaces aside.
bool StartsWithMark(std::string_view text, char mark) {
  const size_t at = SkipBlanks(text, 0);
  return at < text.size() && text[at] == mark;
}

// True if the text after byte `at` starts with a separator mark (: | - – —
// » › > ·) or is the end of the line, ignoring spaces.
bool SeparatorFollows(std::string_view text, size_t at) {
  at = SkipBlanks(text, at);
  if (at >= text.size()) return true;
  size_t p = at;
  char32_t cp = NextCodePoint(text, &p);
  switch (cp) {
    case ':':
    case '|':
    case '-':
    case '>':
    case 0x2013:
    case 0x2014:
    case 0x00BB:
    case 0x203A:
    case 0x00B7:  // ·
    case 0xFF1A:  // fullwidth colon
    case 0x2026:  // …
      return true;
    case '.': return p < text.size() && text[p] == '.';
    default: return false;
  }
}

// True if the token after key.tokens[i] is a number with only blanks, or
// an opening bracket, before it: "Joined 2019", "Viestejä 214", "Helpful
// (27)".
bool NumberFollows(std::string_view text, const LineKey& key, size_t i) {
  if (i + 1 >= key.tokens.size() || !key.tokens[i + 1].number) return false;
  size_t at = SkipBlanks(text, key.tokens[i].end);
  if (at < text.size() && text[at] == '(') ++at;
  return at == key.tokens[i + 1].begin;
}

}  // namespace

int LineFilterRules::Rep::MatchPrefix(std::string_view text, const LineKey& key,
                                      size_t words) const {
  if (prefix_rules.empty()) return -1;
  if (words == 0) words = key.tokens.size();
  uint64_t h = 0;
  const size_t n = std::min(key.tokens.size(), max_prefix_words);
  for (size_t i = 0; i < n; ++i) {
    h = line_filter::Combine(h, key.tokens[i].hash);
    // Words [0, i] that start no rule: no longer run does. A clear key bit
    // spares the table look-up. (Filters have no false negatives.)
    if (!line_filter::TestBit(prefix_heads, h)) break;
    if (!line_filter::TestBit(prefix_keys, h)) continue;
    auto it = prefix_rules.find(h);
    if (it == prefix_rules.end()) continue;
    const Rule& r = rules[it->second];
    if (static_cast<int>(words) > r.max_words) continue;
    if (r.sep && !SeparatorFollows(text, key.tokens[i].end) &&
        !(r.num && NumberFollows(text, key, i))) {
      continue;
    }
    if (r.lead_bracket != 0 && !StartsWithMark(text, r.lead_bracket)) continue;
    return it->second;
  }
  return -1;
}

int LineFilterRules::Rep::MatchSuffix(const LineKey& key, size_t words) const {
  const size_t n = key.tokens.size();
  if (words == 0) words = n;
  if (suffix_rules.empty() || static_cast<int>(words) > suffix_line_words) return -1;
  for (size_t k = 1; k <= std::min(n, max_suffix_words); ++k) {
    // A run whose first word starts no suffix rule is none (the filter has
    // no false negatives): its hash is not computed.
    if (!line_filter::TestBit(suffix_first, key.tokens[n - k].hash)) continue;
    auto it = suffix_rules.find(line_filter::SequenceHash(key, n - k, n));
    if (it != suffix_rules.end() && static_cast<int>(words) <= rules[it->second].max_words) {
      return it->second;
    }
  }
  return -1;
}

namespace {

// True if the token starting at byte `at` starts a sentence: nothing but
// opening quotes and spaces stand between it and the line's start or a
// sentence mark (. ! ? : ; | • – —).
bool StartsSentence(std::string_view text, size_t at) {
  while (at > 0) {
    size_t p = at;
    char32_t cp = PrevCodePoint(text, &p);
    switch (cp) {
      case ' ':
      case '\t':
      case 0xA0:
      case '"':
      case '\'':
      case '(':
      case '[':
      case '*':
      case 0x201C:
      case 0x201E:
      case 0x2018:
      case 0x00AB:
      case 0x2039: at = p; continue;
      case '.':
      case '!':
      case '?':
      case ':':
      case ';':
      case '|':
      case 0x2022:
      case 0x00B7:
      case 0x2013:
      case 0x2014:
      case 0x2026:
      case 0x00BB:
      case '-':
      case 0x3002: return true;
      default: return false;
    }
  }
  return true;
}

}  // namespace

int LineFilterRules::Rep::MatchContains(std::string_view text, const LineKey& key,
                                        size_t words) const {
  const size_t n = words > 0 ? words : key.tokens.size();
  const size_t tokens = key.tokens.size();
  if (contains_rules.empty() || tokens == 0 || static_cast<int>(n) > contains_line_words) {
    return -1;
  }
  for (size_t i = 0; i < tokens; ++i) {
    const uint64_t w = key.tokens[i].hash;
    if (!line_filter::TestBit(contains_first, w)) continue;
    uint64_t h = 0;
    for (size_t j = i; j < tokens && j - i < max_contains_words; ++j) {
      h = line_filter::Combine(h, key.tokens[j].hash);
      // Words [i, j] that start no phrase: no longer run from i is one.
      if (!line_filter::TestBit(contains_prefixes, h)) break;
      // A hash whose bit is clear is no key: the table (whose buckets miss
      // the cache) is asked only about the others.
      if (!line_filter::TestBit(contains_keys, h)) continue;
      auto it = contains_rules.find(h);
      // 8 words: in a longer line a prompt stands as a sentence of its
      // own ("... interested? Share this story!"), while content mentions
      // the phrase mid-sentence ("Readers who share this story ...").
      if (it != contains_rules.end() && static_cast<int>(n) <= rules[it->second].max_words &&
          (n <= 8 || StartsSentence(text, key.tokens[i].begin))) {
        return it->second;
      }
    }
  }
  return -1;
}

bool LineFilterRules::Rep::IsNameWord(const LineKey& key, size_t tok) const {
  const auto& t = key.tokens[tok];
  if (t.number || !t.upper) return false;
  if (months.count(t.hash) || weekdays.count(t.hash)) return false;
  return true;
}

namespace {

std::string Two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string Iso(int y, int m, int d) {
  if (y < 100) y += y < 70 ? 2000 : 1900;
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return "";
  return std::to_string(y) + "-" + Two(m) + "-" + Two(d);
}

int NumberValue(const LineKey& key, size_t tok) {
  std::string_view w = key.Word(tok);
  if (w.size() > 4) return -1;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

bool LineFilterRules::Rep::MatchDate(std::string_view text, const LineKey& key, size_t tok,
                                     size_t* end, std::string* iso) const {
  const auto& toks = key.tokens;
  const size_t n = toks.size();
  size_t i = tok;
  iso->clear();
  auto gap = [&](size_t a) {  // the text between token a and a+1
    return text.substr(toks[a].end, toks[a + 1].begin - toks[a].end);
  };
  while (i < n && weekdays.count(toks[i].hash)) ++i;  // "Sunday, ..."
  bool found = false;
  // Numeric: 2020-11-08, 08.11.2020, 11/08/2020, 8.11.20.
  if (i + 2 < n && toks[i].number && toks[i + 1].number && toks[i + 2].number) {
    std::string_view g1 = gap(i), g2 = gap(i + 1);
    if (g1.size() == 1 && g1 == g2 && (g1 == "-" || g1 == "." || g1 == "/")) {
      int a = NumberValue(key, i), b = NumberValue(key, i + 1), c = NumberValue(key, i + 2);
      size_t la = toks[i].key_len, lc = toks[i + 2].key_len;
      auto year_ok = [](int y, size_t len) {
        return len == 2 || (len == 4 && y >= 1900 && y <= 2100);
      };
      if (a >= 0 && b >= 0 && c >= 0) {
        if (la == 4 && year_ok(a, la) && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
          *iso = Iso(a, b, c);
          found = true;
        } else if (la <= 2 && year_ok(c, lc) && a >= 1 && a <= 31 && b >= 1 && b <= 31 &&
                   (a <= 12 || b <= 12)) {
          found = true;
          if ((g1 == "." || g1 == "-" || a > 12) && b <= 12) {
            *iso = Iso(c, b, a);
          } else if (b > 12) {
            *iso = Iso(c, a, b);
          }
        }
      }
      if (found) i += 3;
    }
  }
  if (!found) {
    // Month-name forms: "8 November 2020", "8. November 2020", "November 8,
    // 2020", "8 de noviembre de 2020", "8 ноября 2020 г.", "November 2020".
    int day = -1, month = -1, year = -1;
    size_t j = i;
    auto skip_fill = [&]() {
      while (j < n && date_words.count(toks[j].hash) && !toks[j].number) ++j;
    };
    if (j < n && toks[j].number) {
      int v = NumberValue(key, j);
      if (v >= 1 && v <= 31) {
        day = v;
        ++j;
        skip_fill();
      }
    }
    if (j < n) {
      auto m = months.find(toks[j].hash);
      if (m != months.end() && !toks[j].number) {
        month = m->second;
        ++j;
        skip_fill();
        if (day < 0 && j < n && toks[j].number) {
          int v = NumberValue(key, j);
          if (v >= 1 && v <= 31 && toks[j].key_len <= 2) {
            day = v;
            ++j;
            skip_fill();
          }
        }
        if (j < n && toks[j].number && toks[j].key_len == 4) {
          year = NumberValue(key, j);
          ++j;
          skip_fill();
        }
        if (day > 0 || year > 0) {
          found = true;
          i = j;
          if (year > 0 && day > 0) *iso = Iso(year, month, day);
        }
      }
    }
  }
  if (!found) return false;
  // An optional time: "14:32", "10:32 AM", "at 14:32", "um 14.32 Uhr".
  size_t j = i;
  while (j < n && date_words.count(toks[j].hash) && !toks[j].number) ++j;
  if (j + 1 < n && toks[j].number && toks[j + 1].number && toks[j].key_len <= 2 &&
      toks[j + 1].key_len == 2) {
    std::string_view g = gap(j);
    if (g == ":" || g == "." || g == "h") {
      j += 2;
      while (j < n && date_words.count(toks[j].hash) && !toks[j].number) ++j;
      i = j;
    }
  }
  if (iso->empty()) {
    iso->assign(text.substr(toks[tok].begin, toks[i - 1].end - toks[tok].begin));
  }
  *end = i;
  return true;
}

bool LineFilterRules::Rep::MatchFrom(const Rule& r, size_t elem, std::string_view text,
                                     const LineKey& key, size_t tok, bool prefix,
                                     Capture* cap) const {
  const size_t n = key.tokens.size();
  if (elem == r.pattern.size()) {
    if (!prefix && tok != n) return false;
    cap->end_token = tok;
    return true;
  }
  const PatternElem& e = r.pattern[elem];
  switch (e.type) {
    case PatternElem::kWord:
      return tok < n && !key.tokens[tok].number && key.tokens[tok].hash == e.hash &&
             MatchFrom(r, elem + 1, text, key, tok + 1, prefix, cap);
    case PatternElem::kNumber:
      return tok < n && key.tokens[tok].number &&
             MatchFrom(r, elem + 1, text, key, tok + 1, prefix, cap);
    case PatternElem::kRest:
      if (tok >= n) return false;
      cap->end_token = n;
      return true;
    case PatternElem::kDate: {
      size_t end = 0;
      std::string iso;
      if (!MatchDate(text, key, tok, &end, &iso)) return false;
      if (!MatchFrom(r, elem + 1, text, key, end, prefix, cap)) return false;
      cap->date = iso;
      return true;
    }
    case PatternElem::kTime: {
      // "10:32", "10:32 am", "14.32 Uhr"
      if (tok + 1 >= n || !key.tokens[tok].number || !key.tokens[tok + 1].number ||
          NumberValue(key, tok) < 0 || NumberValue(key, tok) > 23 ||
          key.tokens[tok + 1].key_len != 2 || NumberValue(key, tok + 1) > 59) {
        return false;
      }
      std::string_view g =
          text.substr(key.tokens[tok].end, key.tokens[tok + 1].begin - key.tokens[tok].end);
      if (g != ":" && g != ".") return false;
      size_t j = tok + 2;
      while (j < n && date_words.count(key.tokens[j].hash)) ++j;
      return MatchFrom(r, elem + 1, text, key, j, prefix, cap) ||
             MatchFrom(r, elem + 1, text, key, tok + 2, prefix, cap);
    }
    case PatternElem::kName: {
      // One to five words, each capitalized, with particles (van, de, ...)
      // between them; longest first.
      // (An array, not a vector: this is tried on every capitalized line
      // and allocating cost more than the matching.)
      size_t j = tok;
      size_t ends[line_filter::kMaxNameTokens];
      size_t num_ends = 0;
      while (j < n && j - tok < line_filter::kMaxNameTokens) {
        if (j > tok && MarkBefore(text, key, j)) break;  // "Jane Doe | Staff Writer"
        const bool particle = name_particles.count(key.tokens[j].hash) > 0 && j > tok;
        if (!particle && !IsNameWord(key, j)) break;
        ++j;
        if (!particle) ends[num_ends++] = j;
      }
      while (num_ends > 0) {
        const size_t end = ends[--num_ends];
        if (MatchFrom(r, elem + 1, text, key, end, prefix, cap)) {
          cap->name_begin = key.tokens[tok].begin;
          cap->name_end = key.tokens[end - 1].end;
          return true;
        }
      }
      return false;
    }
  }
  return false;
}

template <typename F>
int LineFilterRules::Rep::ForPatternsIn(const HashIndex<std::vector<int>>& by_word,
                                        const std::vector<int>& other, const LineKey& key,
                                        size_t tok, F try_rule) const {
  const line_filter::Token& first = key.tokens[tok];
  auto it = by_word.find(first.hash);
  if (it != by_word.end()) {
    for (int index : it->second) {
      if (try_rule(index)) return index;
    }
  }
  // Patterns that open with a placeholder are tried only when the first
  // token could start it: a number, a month or weekday, or a capital.
  const bool datelike = first.number || months.count(first.hash) || weekdays.count(first.hash);
  for (int index : other) {
    const PatternElem::Type type = rules[index].pattern[0].type;
    if ((type == PatternElem::kDate && !datelike) ||
        ((type == PatternElem::kNumber || type == PatternElem::kTime) && !first.number) ||
        (type == PatternElem::kName && (!first.upper || first.number))) {
      continue;
    }
    if (try_rule(index)) return index;
  }
  return -1;
}

int LineFilterRules::Rep::MatchPattern(std::string_view text, const LineKey& key, bool glued_only,
                                       Capture* cap) const {
  if (key.Empty()) return -1;
  const int r = ForPatternsAt(key, 0, [&](int index) {
    const Rule& rule = rules[index];
    if (glued_only && !rule.glued) return false;
    *cap = Capture();
    return MatchFrom(rule, 0, text, key, 0, glued_only, cap);
  });
  if (r >= 0 || glued_only) return r;
  *cap = Capture();
  return MatchChain(text, key, 0, kMaxPatternChain, cap, nullptr);
}

int LineFilterRules::Rep::MatchFurniturePattern(std::string_view text, const LineKey& key) const {
  if (key.Empty() || (furniture_patterns_other.empty() && furniture_patterns_by_word.empty() &&
                       furniture_name_patterns_by_next.empty())) {
    return -1;
  }
  Capture cap;
  auto try_rule = [&](int index) {
    cap = Capture();
    return MatchFrom(rules[index], 0, text, key, 0, /*glued_only=*/false, &cap);
  };
  const int r = ForPatternsIn(furniture_patterns_by_word, furniture_patterns_other, key, 0, try_rule);
  const line_filter::Token& first = key.tokens[0];
  if (r >= 0 || furniture_name_patterns_by_next.empty() || !first.upper || first.number) return r;
  // The word after a {name} stands within its longest reach.
  const size_t last = std::min(key.tokens.size(), line_filter::kMaxNameTokens + 1);
  for (size_t k = 1; k < last; ++k) {
    if (!line_filter::TestBit(furniture_name_next, key.tokens[k].hash)) continue;
    const auto* it = furniture_name_patterns_by_next.find(key.tokens[k].hash);
    if (it == nullptr) continue;
    for (int index : it->second) {
      if (try_rule(index)) return index;
    }
  }
  return -1;
}

namespace {

// A pattern of words, not only of placeholders for dates, times and
// numbers: a chain of such alone is an archive menu ("March 2024 |
// February 2024"), not a byline.
bool HasWord(const Rule& r) {
  return std::any_of(r.pattern.begin(), r.pattern.end(), [](const PatternElem& e) {
    return e.type == PatternElem::kWord || e.type == PatternElem::kName;
  });
}

}  // namespace

bool LineFilterRules::Rep::MarkBefore(std::string_view text, const LineKey& key, size_t tok) {
  if (tok == 0 || tok >= key.tokens.size()) return false;
  const std::string_view gap =
      text.substr(key.tokens[tok - 1].end, key.tokens[tok].begin - key.tokens[tok - 1].end);
  // | / , and the dots, bullets and dashes pages join parts with; a
  // hyphen only with spaces around it (Jean-Pierre is one name).
  for (std::string_view mark : {"|", "/", ",", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x80\x93",
                                "\xE2\x80\x94", " - "}) {
    if (gap.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

int LineFilterRules::Rep::MatchChain(std::string_view text, const LineKey& key, size_t tok,
                                     int parts, Capture* cap, bool* worded) const {
  const size_t n = key.tokens.size();
  if (parts < 2 || tok >= n) return -1;
  return ForPatternsAt(key, tok, [&](int index) {
    // A byline pattern ending at a mark before the line ends (a {*} takes
    // the rest: no part can follow it), then the rest: one byline pattern
    // or a chain; one part at least of words.
    Capture head;
    if (rules[index].category != "byline" ||
        !MatchFrom(rules[index], 0, text, key, tok, /*prefix=*/true, &head) ||
        head.end_token <= tok || head.end_token >= n || !MarkBefore(text, key, head.end_token)) {
      return false;
    }
    Capture rest;
    const size_t next = head.end_token;
    bool rest_worded = false;
    const bool whole = ForPatternsAt(key, next, [&](int j) {
                         rest = Capture();
                         rest_worded = HasWord(rules[j]);
                         return rules[j].category == "byline" &&
                                MatchFrom(rules[j], 0, text, key, next, false, &rest);
                       }) >= 0;
    if (!whole) {
      rest = Capture();
      rest_worded = false;
      if (MatchChain(text, key, next, parts - 1, &rest, &rest_worded) < 0) return false;
    }
    const bool any_word = HasWord(rules[index]) || rest_worded;
    if (worded != nullptr) {
      *worded = any_word;
    } else if (!any_word) {
      return false;
    }
    *cap = head;
    cap->end_token = n;
    if (cap->date.empty()) cap->date = rest.date;
    if (cap->name_end == cap->name_begin) {
      cap->name_begin = rest.name_begin;
      cap->name_end = rest.name_end;
    }
    return true;
  });
}

}  // namespace cleaner
