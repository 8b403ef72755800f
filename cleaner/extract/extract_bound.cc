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

// Elements that never hold children, or whose end tag may be left out and
// that cannot nest without an element between that does count (p is closed
// by the next p or block; table parts need a new <table> to nest; html,
// head and body are merged): they do not deepen the estimate.
bool Flat(std::string_view name) {
  return NameIn(name, {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr", "keygen", "p", "tr", "td", "th",
                       "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body"});
}

// Elements whose end tag may be left out but that do nest: <li><dd><li>...
// puts each li inside a dd inside an li, since a start tag closes an open
// one of its kind only when no other element stands between (HTML standard
// §13.2.6.4.7). They count, and a start tag closes what the parser closes.
bool ImpliedEnd(std::string_view name) {
  return NameIn(name, {"li", "dt", "dd", "option", "optgroup", "rb", "rt", "rtc", "rp"});
}

// Elements that an <li>, <dd> or <dt> start tag looks past when it searches
// for an open one to close: the standard's non-"special" elements (inline
// formatting, spans, links) and address, div and p. Anything else stops the
// search, and the new element nests.
bool TransparentToListItems(std::string_view name) {
  return NameIn(name, {"a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
                       "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s",
                       "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
                       "u", "var", "address", "div", "p"});
}

// How many open elements (from the top) the start tag `name` closes, as
// the parser would; 0 when it closes none. Looks at most 1024 elements
// down, so that a tag costs O(1); looking less only overestimates depth.
size_t ClosedBy(std::string_view name, const std::vector<std::string_view>& open) {
  size_t n = open.size();
  if (n == 0) return 0;
  std::string_view top = open.back();
  if (NameIs(name, "li") || NameIs(name, "dd") || NameIs(name, "dt")) {
    bool li = NameIs(name, "li");
    size_t limit = n > 1024 ? n - 1024 : 0;
    for (size_t k = n; k > limit; --k) {
      std::string_view e = open[k - 1];
      if (li ? NameIs(e, "li") : (NameIs(e, "dd") || NameIs(e, "dt"))) return n - (k - 1);
      if (!TransparentToListItems(e)) return 0;
    }
    return 0;
  }
  if (NameIs(name, "option") || NameIs(name, "optgroup")) {
    // Outside <select> an <optgroup> closes only an <option>, so
    // <optgroup><option><optgroup> nests.
    return NameIs(top, "option") ? 1 : 0;
  }
  // rb, rt, rtc, rp: directly inside <ruby> (or an <rtc> in it) they close
  // the open ruby parts, rt and rp all but an <rtc>; elsewhere they nest
  // like any element.
  bool keeps_rtc = NameIs(name, "rt") || NameIs(name, "rp");
  size_t parts = 0;
  while (parts < n && parts < 1024 &&
         NameIn(open[n - 1 - parts], {"rb", "rt", "rp"})) {
    ++parts;
  }
  size_t closed = parts;
  if (parts < n && NameIs(open[n - 1 - parts], "rtc")) {
    ++parts;
    if (!keeps_rtc) closed = parts;
  }
  return parts < n && NameIs(open[n - 1 - parts], "ruby") ? closed : 0;
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
bool Scan(std::string_view html, const HtmlBounds& bounds, std::string* out, Deadline* deadline) {
  std::vector<std::string_view> open;  // names of the open elements
  size_t start_tags = 0;
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
    if (DeadlinePassed(deadline)) return true;  // the caller gives up
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
    if (bounds.max_tags > 0 && !end_tag && ++start_tags > bounds.max_tags) {
      // Past the tag budget every tag goes; a raw-text element goes whole
      // (its content is code or style, not text).
      exceeded = true;
      size_t to = tag_end;
      if (raw) {
        size_t close_end = html.find('>', FindEndTag(html, tag_end, name));
        to = close_end == std::string_view::npos ? n : close_end + 1;
      }
      skip(lt, to);
      if (out != nullptr) out->push_back(' ');  // words on either side stay apart
      i = to;
      continue;
    }
    if (start_tags > bounds.max_tags && bounds.max_tags > 0) {  // an end tag past the budget
      skip(lt, tag_end);
      if (out != nullptr) out->push_back(' ');
      i = tag_end;
      continue;
    }
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
      if (ImpliedEnd(name)) open.resize(open.size() - ClosedBy(name, open));
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

bool BoundHtml(std::string_view html, const HtmlBounds& bounds, std::string* out,
               Deadline* deadline) {
  if (!Scan(html, bounds, nullptr, deadline)) return false;
  if (DeadlinePassed(deadline)) return true;
  std::string result;
  result.reserve(html.size());
  Scan(html, bounds, &result, deadline);
  *out = std::move(result);
  return true;
}

}  // namespace cleaner
