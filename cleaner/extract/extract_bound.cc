// Bounding a page's nesting and attributes before parsing. See extract_bound.h.
#include "cleaner/extract/extract_bound.h"

#include "cleaner/util/ascii.h"

#include <vector>

namespace cleaner {

namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool NameIs(std::string_view name, std::string_view lower) {
  if (name.size() != lower.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (AsciiLower(name[i]) != lower[i]) return false;
  }
  return true;
}

bool NameIn(std::string_view name, std::initializer_list<std::string_view> list) {
  for (std::string_view l : list) {
    if (NameIs(name, l)) return true;
  }
  return false;
}

// Elements that never hold children, or whose end tag may be left out (the
// parser closes them implicitly): they do not deepen the estimate.
bool Flat(std::string_view name) {
  return NameIn(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "tr",
                       "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
                       "rb", "rt", "rp", "caption", "html", "head", "body"});
}

// Elements whose content is raw text up to their end tag.
bool RawText(std::string_view name) {
  return NameIn(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                       "noframes", "plaintext"});
}

// Finds "</name" (case-insensitive) from `from`; returns html.size() if none.
size_t FindEndTag(std::string_view html, size_t from, std::string_view name) {
  for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() <= html.size() && NameIs(html.substr(i + 2, name.size()), name)) {
      return i;
    }
  }
  return html.size();
}

// The scanner. With `out` null it only answers whether a bound is exceeded.
bool Scan(std::string_view html, const HtmlBounds& bounds, std::string* out) {
  std::vector<std::string_view> open;  // names of the open elements
  bool exceeded = false;
  size_t copied = 0;  // html[0, copied) has been handled
  auto skip = [&](size_t from, size_t to) {  // leaves html[from, to) out
    if (out != nullptr) {
      out->append(html.data() + copied, from - copied);
      copied = to;
    }
  };
  size_t i = 0;
  const size_t n = html.size();
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    char c = html[lt + 1];
    if (c == '!') {
      if (html.compare(lt, 4, "<!--") == 0) {
        size_t end = html.find("-->", lt + 4);
        i = end == std::string_view::npos ? n : end + 3;
      } else {
        size_t end = html.find('>', lt + 2);
        i = end == std::string_view::npos ? n : end + 1;
      }
      continue;
    }
    if (c == '?') {
      size_t end = html.find('>', lt + 2);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    bool end_tag = c == '/';
    size_t name_start = lt + (end_tag ? 2 : 1);
    if (name_start >= n || !IsAlpha(html[name_start])) {
      i = lt + 1;  // a '<' in text
      continue;
    }
    size_t p = name_start;
    while (p < n && !IsSpace(html[p]) && html[p] != '/' && html[p] != '>') ++p;
    std::string_view name = html.substr(name_start, p - name_start);
    // Attributes, up to the '>' that ends the tag (quotes may hold '>').
    size_t attrs = 0;
    size_t cut = std::string_view::npos;  // where attributes past the bound begin
    bool self_closing = false;
    while (p < n && html[p] != '>') {
      if (IsSpace(html[p])) {
        ++p;
        continue;
      }
      if (html[p] == '/') {
        self_closing = p + 1 < n && html[p + 1] == '>';
        ++p;
        continue;
      }
      if (++attrs > bounds.max_attributes && cut == std::string_view::npos) cut = p;
      while (p < n && !IsSpace(html[p]) && html[p] != '>' && html[p] != '=' && html[p] != '/') ++p;
      while (p < n && IsSpace(html[p])) ++p;
      if (p < n && html[p] == '=') {
        ++p;
        while (p < n && IsSpace(html[p])) ++p;
        if (p < n && (html[p] == '"' || html[p] == '\'')) {
          size_t close = html.find(html[p], p + 1);
          p = close == std::string_view::npos ? n : close + 1;
        } else {
          while (p < n && !IsSpace(html[p]) && html[p] != '>') ++p;
        }
      }
    }
    size_t tag_end = p < n ? p + 1 : n;  // one past '>'
    bool raw = !end_tag && !self_closing && RawText(name);
    bool drop = false;
    if (end_tag) {
      // Pops up to the matching start tag, as the parser closes elements
      // left open inside it; a stray end tag matches nothing and is kept.
      // 1024: how far down to look, so that a stray tag costs O(1).
      size_t limit = open.size() > 1024 ? open.size() - 1024 : 0;
      for (size_t k = open.size(); k > limit; --k) {
        if (EqualsIgnoreCase(open[k - 1], name)) {
          drop = k - 1 >= bounds.max_depth;
          open.resize(k - 1);
          break;
        }
      }
    } else if (!raw && !self_closing && !Flat(name)) {
      open.push_back(name);
      drop = open.size() > bounds.max_depth;
    }
    if (drop) {
      exceeded = true;
      skip(lt, tag_end);
    } else if (cut != std::string_view::npos) {
      exceeded = true;
      skip(cut, p);  // keeps the '>'
    }
    if (raw) {
      size_t close = FindEndTag(html, tag_end, name);
      size_t close_end = html.find('>', close);
      i = close_end == std::string_view::npos ? n : close_end + 1;
      continue;
    }
    i = tag_end;
  }
  if (out != nullptr) out->append(html.data() + copied, n - copied);
  return exceeded;
}

}  // namespace

bool BoundHtml(std::string_view html, const HtmlBounds& bounds, std::string* out) {
  if (!Scan(html, bounds, nullptr)) return false;
  std::string result;
  result.reserve(html.size());
  Scan(html, bounds, &result);
  *out = std::move(result);
  return true;
}

}  // namespace cleaner
