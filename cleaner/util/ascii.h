// ASCII helpers for protocol text (charset labels, HTTP and WARC header
// names, tag and attribute names, file name extensions), where Unicode case
// folding would be wrong. No stage logic here.
#ifndef CLEANER_UTIL_ASCII_H_
#define CLEANER_UTIL_ASCII_H_

#include <string>
#include <string_view>
#include <vector>

namespace cleaner {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// `s` with A-Z lowered; other bytes (UTF-8 included) unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// True iff `a` and `b` are equal ignoring ASCII case.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// True iff `s` ends with `suffix` (bytes compared as they are).
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `s` with ASCII letters lower-cased and everything but letters and digits
// removed (bytes >= 0x80 kept), for comparing names: "BBC News" and
// "bbc-news" both give "bbcnews".
inline std::string FoldAlnum(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out += static_cast<char>(c);
  }
  return out;
}

// The length of the terminal escape sequence at text[pos], an ESC (0x1B),
// as ECMA-48 shapes them (colours and titles in captured logs): a CSI,
// `ESC [` parameter bytes 0x30..0x3F, intermediate bytes 0x20..0x2F and a
// final byte 0x40..0x7E (`ESC [1;32m`); a control string, `ESC ]` (or P, X,
// ^, _) up to BEL or `ESC \` (`ESC ]0;title BEL`; unterminated within 4096
// bytes: not one); intermediate bytes 0x21..0x2F and a final byte
// 0x30..0x7E (`ESC ( B`); or one byte 0x30..0x3F (`ESC =`, `ESC 7`). 1
// otherwise: the ESC alone, so that a stray ESC before a word keeps its
// first letter.
inline size_t TerminalEscapeLength(std::string_view text, size_t pos) {
  const size_t n = text.size();
  size_t i = pos + 1;
  if (i >= n) return 1;
  const char c = text[i];
  if (c == '[') {
    ++i;
    while (i < n && text[i] >= 0x30 && text[i] <= 0x3F) ++i;
    while (i < n && text[i] >= 0x20 && text[i] <= 0x2F) ++i;
    return i < n && text[i] >= 0x40 && text[i] <= 0x7E ? i + 1 - pos : 1;
  }
  if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
    for (size_t k = i + 1; k < n && k < pos + 4096; ++k) {
      if (text[k] == 0x07) return k + 1 - pos;
      if (text[k] == 0x1B) return k + 1 < n && text[k + 1] == '\\' ? k + 2 - pos : 1;
    }
    return 1;
  }
  if (c >= 0x21 && c <= 0x2F) {
    while (i < n && text[i] >= 0x21 && text[i] <= 0x2F) ++i;
    return i < n && text[i] >= 0x30 && text[i] <= 0x7E ? i + 1 - pos : 1;
  }
  return c >= 0x30 && c <= 0x3F ? 2 : 1;
}

// The non-empty pieces of `s` between `sep` bytes: "a//b/" -> {"a", "b"}.
inline std::vector<std::string> SplitNonEmpty(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) out.emplace_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

}  // namespace cleaner

#endif  // CLEANER_UTIL_ASCII_H_
