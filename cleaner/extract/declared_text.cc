// Stage 2a, extract: text a page declares rather than shows. See
// declared_text.h.
#include "cleaner/extract/declared_text.h"

#include "cleaner/extract/extract_text.h"

namespace cleaner {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// White space runs collapsed to one space, tags (<p>, <br/>) removed.
std::string Plain(std::string_view s) {
  std::string out;
  bool space = false, tag = false;
  for (char c : s) {
    if (tag) {
      if (c == '>') {
        tag = false;
        space = true;
      }
      continue;
    }
    if (c == '<') {
      tag = true;
      continue;
    }
    if (IsBlank(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::string ProductDescription(std::string_view json_ld) {
  size_t at = 0;
  while ((at = json_ld.find("\"@type\"", at)) != std::string_view::npos) {
    size_t colon = json_ld.find_first_not_of(" \t\r\n:", at + 7);
    if (colon == std::string_view::npos) break;
    std::string_view rest = json_ld.substr(colon);
    at += 7;
    // "Product", "ProductGroup", "IndividualProduct", "http://schema.org/Product".
    bool product = rest.rfind("\"Product", 0) == 0 || rest.rfind("\"IndividualProduct", 0) == 0 ||
                   rest.rfind("\"http://schema.org/Product", 0) == 0 ||
                   rest.rfind("\"https://schema.org/Product", 0) == 0 ||
                   (rest.rfind("[", 0) == 0 &&
                    rest.substr(0, rest.find(']')).find("\"Product\"") != std::string_view::npos);
    if (!product) continue;
    // The object's own keys: from its opening brace (type usually first).
    size_t open = json_ld.rfind('{', at);
    std::string d = JsonStringValue(json_ld.substr(open == std::string_view::npos ? 0 : open),
                                    "description");
    if (!d.empty()) return Plain(d);
  }
  return "";
}

bool AlreadyShown(std::string_view text, std::string_view shown) {
  std::string opening = Plain(text.substr(0, 200));
  if (opening.size() > 80) {
    size_t n = 80;
    while (n > 0 && (static_cast<unsigned char>(opening[n]) & 0xC0) == 0x80) --n;
    opening.resize(n);
  }
  return !opening.empty() && Plain(shown).find(opening) != std::string::npos;
}

}  // namespace cleaner
