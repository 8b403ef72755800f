// Small UTF-8 helpers shared by the stages. No stage logic here.
#ifndef CLEANER_UTIL_UTF8_H_
#define CLEANER_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cleaner {

// Returns the index of the first byte >= 0x80 at or after `pos`, or s.size().
size_t SkipAscii(std::string_view s, size_t pos);

// Returns true iff `s` is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// True if `text` (valid UTF-8) holds a digit of any script (ICU's
// u_isdigit).
bool HasDigit(std::string_view text);

// Decodes the code point starting at s[*pos] and advances *pos past it.
// An ill-formed sequence yields U+FFFD and advances by the maximal subpart
// (Unicode §3.9, "U+FFFD substitution of maximal subparts").
// REQUIRES: *pos < s.size().
// ASCII and well-formed two- and three-byte sequences (all but E0 and ED
// leads, whose second byte has a narrower range) are decoded inline; the
// rest goes to NextCodePointSlow(), which handles every case.
inline char32_t NextCodePoint(std::string_view s, size_t* pos);
char32_t NextCodePointSlow(std::string_view s, size_t* pos);

// Decodes the code point that ends just before s[*pos] and moves *pos to its
// first byte. Returns U+FFFD for a byte that is not part of a valid sequence.
// REQUIRES: *pos > 0 and s is valid UTF-8 up to *pos.
char32_t PrevCodePoint(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to *out (U+FFFD for invalid scalars).
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in valid UTF-8 `s`.
size_t CountCodePoints(std::string_view s);

// Returns `s` with every ill-formed sequence replaced by U+FFFD; adds the
// number of replacements to *replaced if not null.
std::string SanitizeUtf8(std::string_view s, uint64_t* replaced = nullptr);

inline char32_t NextCodePoint(std::string_view s, size_t* pos) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data()) + *pos;
  const size_t avail = s.size() - *pos;
  const unsigned char c = p[0];
  if (c < 0x80) {
    *pos += 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF && avail >= 2 && (p[1] & 0xC0) == 0x80) {
    *pos += 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (c >= 0xE1 && c <= 0xEF && c != 0xED && avail >= 3 && (p[1] & 0xC0) == 0x80 &&
      (p[2] & 0xC0) == 0x80) {
    *pos += 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) |
           (p[2] & 0x3F);
  }
  return NextCodePointSlow(s, pos);
}

}  // namespace cleaner

#endif  // CLEANER_UTIL_UTF8_H_
