// Stage 2a, extract: what an element's attributes say, for the walk: hidden
// (the hidden attribute, aria-hidden, display:none, visibility:hidden) or
// shown as an opened panel, a modal dialog, and the verdict and weight of
// the rules of filters/extract_classes.txt on its class and id tokens, role
// and itemprop. See walk.h.
#include <string>
#include <string_view>

#include "cleaner/extract/extract_rules.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/walk.h"
#include "cleaner/util/ascii.h"

namespace cleaner::extract_internal {
namespace {

std::string_view Attr(const GumboAttribute* a) { return a->value; }

// Finds `key` (lower case) in `s` case-insensitively, then ':' and `value`
// (lower case) after optional spaces: "display: none".
bool StyleHas(std::string_view s, std::string_view key, std::string_view value) {
  for (size_t i = 0; i + key.size() <= s.size(); ++i) {
    if (!EqualsIgnoreCase(s.substr(i, key.size()), key)) continue;
    size_t j = i + key.size();
    while (j < s.size() && s[j] == ' ') ++j;
    if (j >= s.size() || s[j] != ':') continue;
    ++j;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j + value.size() <= s.size() && EqualsIgnoreCase(s.substr(j, value.size()), value)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void Walker::Apply(const TokenRule* r, AttrInfo* info) {
  if (r == nullptr) return;
  if (r->verdict == kKeep) {
    info->keep = true;
  } else if (r->kinds != 0) {
    if (info->verdict == kNone) {
      info->verdict = kScoped;
      info->rule = r;
    }
  } else if (r->verdict == kDrop || r->verdict == kComments) {
    // The first drop or comments rule wins; a comments rule outranks a drop
    // so that --keep-comments can keep a comment section named both ways.
    // Both outrank a rule scoped to some page kinds.
    if (info->verdict == kNone || info->verdict == kScoped ||
        (r->verdict == kComments && info->verdict == kDrop)) {
      info->verdict = r->verdict;
      info->rule = r;
    }
  } else {
    info->weight += r->weight;
  }
}

void Walker::MatchName(std::string_view name, AttrInfo* info) {
  if (name.empty() || name.size() > 64) return;  // generated hashes are no words
  AsciiLowerInto(name, &scratch_);
  std::string_view n = scratch_;
  auto hit = [&](std::string_view part, bool whole) {
    if (whole) {
      auto w = rules_.whole.find(part);
      if (w != rules_.whole.end()) Apply(w->second, info);
    }
    auto t = rules_.tokens.find(part);
    if (t != rules_.tokens.end()) Apply(t->second, info);
    for (const auto& [prefix, rule] : rules_.prefixes) {
      if (part.size() >= prefix.size() && part.compare(0, prefix.size(), prefix) == 0) {
        Apply(rule, info);
      }
    }
    for (const auto& [suffix, rule] : rules_.suffixes) {
      if (part.size() >= suffix.size() &&
          part.compare(part.size() - suffix.size(), suffix.size(), suffix) == 0) {
        Apply(rule, info);
      }
    }
  };
  hit(n, true);
  if (n.find_first_of("-_:") == std::string_view::npos) return;
  size_t i = 0;
  while (i <= n.size()) {
    size_t j = n.find_first_of("-_:", i);
    if (j == std::string_view::npos) j = n.size();
    if (j > i) hit(n.substr(i, j - i), false);
    i = j + 1;
  }
}

void Walker::MatchClassList(std::string_view list, AttrInfo* info) {
  size_t i = 0;
  int names = 0;
  while (i < list.size() && names < 32) {  // 32: huge class lists are generated
    while (i < list.size() && IsSpace(static_cast<unsigned char>(list[i]))) ++i;
    size_t j = i;
    while (j < list.size() && !IsSpace(static_cast<unsigned char>(list[j]))) ++j;
    if (j > i) {
      MatchName(list.substr(i, j - i), info);
      ++names;
    }
    i = j;
  }
}

void Walker::ReadAttributes(const GumboElement& e, AttrInfo* info) {
  const GumboVector& attrs = e.attributes;
  bool hidden_attribute = false;
  bool panel = false;  // a tab panel, or labelled by the control that opens it
  std::string_view id;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    std::string_view name = a->name;  // Gumbo lowercases attribute names
    std::string_view value = Attr(a);
    if (name == "id") id = value;
    if (name == "aria-controls") {
      NoteControlled(value);
    } else if (name == "aria-labelledby" ||
               (name == "role" && EqualsIgnoreCase(value, "tabpanel"))) {
      panel = true;
    }
    if (name == "hidden") {
      hidden_attribute = true;
    } else if (name == "aria-hidden") {
      if (EqualsIgnoreCase(value, "true")) info->hidden = true;
    } else if (name == "aria-modal") {
      if (EqualsIgnoreCase(value, "true")) info->modal = true;
    } else if (name == "style") {
      if (StyleHas(value, "display", "none") || StyleHas(value, "visibility", "hidden")) {
        info->hidden = true;
      }
    } else if (name == "itemtype") {
      if (meta.itemtypes.size() < 4096) meta.itemtypes.append(value).append(" ");
    } else if (!apply_rules_) {
      continue;
    } else if (name == "class") {
      MatchClassList(value, info);
    } else if (name == "id") {
      MatchName(value, info);
    } else if (name == "role") {
      AsciiLowerInto(value, &scratch_);
      auto it = rules_.roles.find(scratch_);
      if (it != rules_.roles.end()) Apply(it->second, info);
    } else if (name == "itemprop") {
      auto it = rules_.itemprops.find(value);
      if (it != rules_.itemprops.end()) Apply(it->second, info);
      if (value == "author") info->author = true;
    } else if (name == "rel") {
      if (value == "author") info->author = true;
    }
  }
  // React's streaming server rendering sends a part of the page that was
  // not ready as <div hidden id="S:…"> at the end of the body, and its
  // inline script moves it into place at once: that part is shown.
  if (hidden_attribute && !(e.tag == GUMBO_TAG_DIV && id.rfind("S:", 0) == 0)) {
    info->hidden = true;
  }
  // A collapsed panel (an accordion's answer, a tab's specifications) is
  // text a reader opens with a click, not furniture: it is read with the
  // rules it has when shown (a menu or a dialog so opened stays furniture).
  if (info->hidden && (panel || (!id.empty() && controlled_.count(std::string(id)) > 0))) {
    info->hidden = false;
  }
}

void Walker::NoteControlled(std::string_view ids) {
  // A bounded set (kMaxControlled ids of kMaxControlledId bytes at most):
  // a page of a million controls keeps the first ones.
  while (!ids.empty() && controlled_.size() < kMaxControlled) {
    const size_t space = ids.find(' ');
    std::string_view one = ids.substr(0, space);
    // An id longer than kMaxControlledId is no id a page's script uses.
    if (!one.empty() && one.size() <= kMaxControlledId) controlled_.emplace(one);
    if (space == std::string_view::npos) break;
    ids.remove_prefix(space + 1);
  }
}

}  // namespace cleaner::extract_internal
