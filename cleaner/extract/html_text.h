// Stage 2a, extract: small text helpers the HTML extractor's files share
// (internal to cleaner/extract/): HTML white space and collapsing it, ASCII
// lowering into a reused buffer, and the snippet an explain event quotes.
#ifndef CLEANER_EXTRACT_HTML_TEXT_H_
#define CLEANER_EXTRACT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace cleaner::extract_internal {

// Whether `c` is HTML white space: space, tab, line feed, carriage return
// or form feed.
inline bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Sets `*out` to `in` with A-Z lowered and every other byte as it is,
// reusing `*out`'s buffer (no allocation once it has grown).
inline void AsciiLowerInto(std::string_view in, std::string* out) {
  out->assign(in.data(), in.size());
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

// `s` with every run of white space (IsSpace()) made one space, and none
// left at either end.
std::string Collapse(std::string_view s);

// `s` itself when it is 100 bytes or shorter; else its first 100 bytes, cut
// back to a UTF-8 character boundary, and "...": the text an explain event
// quotes.
std::string Snippet(std::string_view s);

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_HTML_TEXT_H_
