// Stage 2a, extract: small text helpers the HTML extractor's files share.
// See html_text.h.
#include "cleaner/extract/html_text.h"

namespace cleaner::extract_internal {

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (IsSpace(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Snippet(std::string_view s) {
  if (s.size() <= 100) return std::string(s);
  size_t n = 100;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

}  // namespace cleaner::extract_internal
