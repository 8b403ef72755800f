// Shared pieces of the repair stage's pure functions (repair_entities,
// repair_mojibake, repair_quotes, repair_punctuation): an edit list applied
// to a UTF-8 string, the change record each edit leaves for --explain, and
// the character classes the rules are written in (ICU properties, so that
// the rules hold for every script, not only ASCII).
#ifndef CLEANER_STAGES_REPAIR_TEXT_H_
#define CLEANER_STAGES_REPAIR_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace cleaner {

// One change made by a repair function, for --explain and the benchmarks.
struct RepairChange {
  std::string rule;    // "entity", "mojibake", "quote-pairing", ...
  std::string before;  // ~30 characters around the change, before it
  std::string after;   // the same stretch after it
};

// One replacement of the bytes [begin, end) of the input by `text`.
struct Edit {
  size_t begin = 0;
  size_t end = 0;
  std::string text;
  const char* rule = "";
};

// Returns `in` with `edits` applied. Edits may come in any order; an edit
// that overlaps one that starts earlier is ignored (the rules that produce
// edits never need two on the same bytes). Appends one RepairChange per
// applied edit to *changes if it is not null.
// REQUIRES: every edit's offsets lie on code point boundaries of `in`.
std::string ApplyEdits(std::string_view in, std::vector<Edit> edits,
                       std::vector<RepairChange>* changes);

// A paragraph decoded to code points, with the byte offset of each, so that
// rules can look around a position and emit edits in bytes.
// INVARIANT: offset.size() == cp.size() + 1; offset.back() == text size.
struct CodePoints {
  std::vector<char32_t> cp;
  std::vector<size_t> offset;
  char32_t at(long i) const {  // 0 outside the text
    return i < 0 || i >= static_cast<long>(cp.size()) ? 0 : cp[i];
  }
  size_t size() const { return cp.size(); }
};
CodePoints Decode(std::string_view text);
// The same into *out, reusing its buffers (the repair functions keep one per
// thread, so that a paragraph costs no allocation).
void Decode(std::string_view text, CodePoints* out);
// The same into a per-thread buffer that remembers the text it holds: a
// second call with the same bytes (quote repair, then punctuation repair of
// a line whose quotes were left as they were) does not decode again. The
// result is exactly Decode(text). The reference stays valid until this
// thread's next call of DecodeShared(); callers must not keep it across one.
const CodePoints& DecodeShared(std::string_view text);

// The index of the first byte of `s` at or after `from` that equals one of
// a, b, c, d, or s.size(). Reads sixteen bytes at a time with SSE2 (every
// x86-64 CPU has it), else eight with plain 64-bit arithmetic: the repair
// rules look for a few trigger bytes (quote marks, lead bytes) in mostly
// plain text.
inline size_t FindAnyOf4(std::string_view s, size_t from, unsigned char a, unsigned char b,
                         unsigned char c, unsigned char d) {
  const size_t n = s.size();
  size_t i = from;
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(static_cast<char>(a)), vb = _mm_set1_epi8(static_cast<char>(b));
  const __m128i vc = _mm_set1_epi8(static_cast<char>(c)), vd = _mm_set1_epi8(static_cast<char>(d));
  for (; i + 16 <= n; i += 16) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, va), _mm_cmpeq_epi8(w, vb)),
                                   _mm_or_si128(_mm_cmpeq_epi8(w, vc), _mm_cmpeq_epi8(w, vd)));
    const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m));
    if (bits != 0) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
#else
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t va = a * kOnes, vb = b * kOnes, vc = c * kOnes, vd = d * kOnes;
  auto zero_bytes = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    // Exact in its lowest set bit (little-endian: the first matching byte);
    // bits above it may be spurious, and are not used.
    uint64_t m = zero_bytes(w ^ va) | zero_bytes(w ^ vb) | zero_bytes(w ^ vc) | zero_bytes(w ^ vd);
    if (m != 0) {
      if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
        return i + static_cast<size_t>(__builtin_ctzll(m) / 8);
      } else {
        break;  // found in this word: the byte loop below finds which
      }
    }
  }
#endif
  for (; i < n; ++i) {
    unsigned char x = static_cast<unsigned char>(s[i]);
    if (x == a || x == b || x == c || x == d) return i;
  }
  return n;
}

// Character classes. All take a code point; 0 (outside the text) is in none.
bool IsHSpace(char32_t c);  // tab or any Unicode space separator (Zs)
bool IsLetter(char32_t c);  // u_isalpha
bool IsDigit(char32_t c);   // general category Nd
bool IsWord(char32_t c);    // letter, digit or combining mark
bool IsUpper(char32_t c);   // uppercase or titlecase letter
bool IsLower(char32_t c);
// Scripts written without spaces between words (Han, Hiragana, Katakana,
// Thai, Lao, Khmer, Myanmar, Tibetan): rules that reason about spaces stay
// away from them.
bool IsNoSpaceScript(char32_t c);
// Dash punctuation (Pd): hyphens, en and em dashes.
bool IsDash(char32_t c);

// The Windows-1252 character of byte `b` in 0x80..0x9F (read from ICU's
// converter), or 0 for the five bytes Windows-1252 leaves undefined (0x81
// 0x8D 0x8F 0x90 0x9D); 0 outside that range.
char32_t Cp1252High(int b);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_TEXT_H_
