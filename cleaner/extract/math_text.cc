// Stage 2a, extract: the text of a MathML formula. See math_text.h.
#include "cleaner/extract/math_text.h"

#include <string_view>
#include <utility>
#include <vector>

#include "cleaner/util/ascii.h"

namespace cleaner {

namespace {

bool IsAnnotation(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_ANNOTATION_XML) return true;
  if (e.tag != GUMBO_TAG_UNKNOWN) return false;
  GumboStringPiece name = e.original_tag;
  gumbo_tag_from_original_text(&name);
  return EqualsIgnoreCase(std::string_view(name.data, name.length), "annotation");
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void AppendToken(std::string_view text, std::string* out) {
  size_t b = 0, e = text.size();
  while (b < e && IsBlank(text[b])) ++b;
  while (e > b && IsBlank(text[e - 1])) --e;
  if (b == e) return;
  if (!out->empty()) *out += ' ';
  out->append(text.substr(b, e - b));
}

}  // namespace

std::string MathText(const GumboElement& math, size_t max_bytes) {
  std::string out;
  if (const GumboAttribute* alt = gumbo_get_attribute(&math.attributes, "alttext")) {
    AppendToken(alt->value, &out);
  }
  return !out.empty() ? out : TokenText(math, max_bytes);
}

std::string TokenText(const GumboElement& e, size_t max_bytes) {
  std::string out;
  std::vector<std::pair<const GumboVector*, unsigned>> stack{{&e.children, 0}};
  while (!stack.empty() && out.size() < max_bytes) {
    auto& [kids, i] = stack.back();
    if (i >= kids->length) {
      stack.pop_back();
      continue;
    }
    const auto* n = static_cast<const GumboNode*>(kids->data[i++]);
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
      AppendToken(n->v.text.text, &out);
    } else if (n->type == GUMBO_NODE_ELEMENT && !IsAnnotation(n->v.element)) {
      stack.emplace_back(&n->v.element.children, 0);
    }
  }
  if (out.size() > max_bytes) {
    size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
    out.resize(n);
  }
  return out;
}

}  // namespace cleaner
