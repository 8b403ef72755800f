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

// Decodes the code point starting at s[*pos] and advances *pos past it.
// An ill-formed sequence yields U+FFFD and advances by the maximal subpart
// (Unicode §3.9, "U+FFFD substitution of maximal subparts").
// REQUIRES: *pos < s.size().
char32_t NextCodePoint(std::string_view s, size_t* pos);

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

}  // namespace cleaner

#endif  // CLEANER_UTIL_UTF8_H_
