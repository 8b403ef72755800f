// Stage 2a pre-pass: bound element nesting. See depth_guard.h.
#include "cleaner/stages/depth_guard.h"

#include <cctype>
#include <vector>

namespace cleaner {

namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

std::string LowerName(std::string_view html, size_t begin, size_t end) {
  std::string name(html.substr(begin, end - begin));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

// Elements that never have content, and elements whose end tag may be
// omitted (HTML spec §13.1.2.4): neither makes the parser's stack grow
// without bound.
bool DoesNotNest(const std::string& n) {
  static const char* const kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound",
      "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
      "optgroup", "rb", "rt", "rp", "rtc", "colgroup", "caption", "html", "head", "body"};
  for (const char* k : kNames) {
    if (n == k) return true;
  }
  return false;
}

bool IsRawText(const std::string& n) {
  return n == "script" || n == "style" || n == "textarea" || n == "title" || n == "xmp" ||
         n == "iframe" || n == "noembed" || n == "noframes" || n == "noscript";
}

// Returns the position just after the '>' that ends the tag starting at
// html[pos] == '<', skipping quoted attribute values, or npos.
size_t TagEnd(std::string_view html, size_t pos) {
  char quote = 0;
  for (size_t i = pos + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only delimit values after '='; elsewhere they are junk.
      size_t j = i;
      while (j > pos && (html[j - 1] == ' ' || html[j - 1] == '\t' || html[j - 1] == '\n')) --j;
      if (j > pos && html[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Finds the end tag of raw-text element `name` at or after `pos`
// (case-insensitive); returns its '<' or html.size().
size_t FindRawTextEnd(std::string_view html, size_t pos, const std::string& name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    size_t n = pos + 2, e = n;
    while (e < html.size() && IsNameChar(html[e])) ++e;
    if (LowerName(html, n, e) == name) return pos;
    pos += 2;
  }
  return html.size();
}

}  // namespace

bool LimitNesting(std::string_view html, size_t max_depth, std::string* out, size_t* removed) {
  // First pass decides whether anything must go; most pages stop here
  // without allocating.
  std::vector<std::pair<size_t, size_t>> cut;  // [begin, end) of tags to remove
  size_t depth = 0, pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      size_t e = html.find("-->", pos + 4);
      pos = e == std::string_view::npos ? html.size() : e + 3;
      continue;
    }
    bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    size_t n = pos + (closing ? 2 : 1), e = n;
    if (n >= html.size() || !std::isalpha(static_cast<unsigned char>(html[n]))) {
      // "<!DOCTYPE", "<?xml", or a literal '<' in text.
      size_t end = (html[n < html.size() ? n : pos] == '!' || (n < html.size() && html[n] == '?'))
                       ? TagEnd(html, pos)
                       : pos + 1;
      pos = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    while (e < html.size() && IsNameChar(html[e])) ++e;
    std::string name = LowerName(html, n, e);
    size_t end = TagEnd(html, pos);
    if (end == std::string_view::npos) break;
    bool self_closing = html[end - 2] == '/';
    if (!closing && IsRawText(name)) {
      pos = FindRawTextEnd(html, end, name);
      continue;
    }
    if (!DoesNotNest(name) && !self_closing) {
      if (closing) {
        if (depth > max_depth) cut.emplace_back(pos, end);
        if (depth > 0) --depth;
      } else {
        ++depth;
        if (depth > max_depth) cut.emplace_back(pos, end);
      }
    }
    pos = end;
  }
  if (cut.empty()) return false;
  out->clear();
  out->reserve(html.size());
  size_t from = 0;
  for (const auto& [b, e] : cut) {
    out->append(html.data() + from, b - from);
    from = e;
  }
  out->append(html.data() + from, html.size() - from);
  *removed = cut.size();
  return true;
}

}  // namespace cleaner
