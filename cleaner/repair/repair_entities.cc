// HTML character references in text. See repair_entities.h.
#include "cleaner/repair/repair_entities.h"

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// Longest entity name in the table is 31 characters (CounterClockwise...);
// 32 bounds the look-ahead for ';' so that a lone '&' costs nothing.
constexpr size_t kMaxNameLength = 32;

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// If a reference starts at text[amp] ('&'), sets *end past its ';' and
// *cp to its code point and returns true.
bool ParseReference(std::string_view text, size_t amp, const EntityTable& names,
                    size_t* end, char32_t* cp) {
  size_t i = amp + 1;
  if (i >= text.size()) return false;
  if (text[i] == '#') {
    ++i;
    bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    size_t start = i;
    uint32_t value = 0;
    while (i < text.size() && i - start < 8) {
      char c = text[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        d = (c | 0x20) - 'a' + 10;
      } else {
        break;
      }
      value = value * (hex ? 16 : 10) + d;
      ++i;
    }
    if (i == start || i >= text.size() || text[i] != ';') return false;
    if (value >= 0x80 && value <= 0x9F && Cp1252High(static_cast<int>(value)) != 0) {
      value = Cp1252High(static_cast<int>(value));
    }
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
    *cp = value;
    *end = i + 1;
    return true;
  }
  size_t start = i;
  while (i < text.size() && i - start <= kMaxNameLength && IsAsciiAlnum(text[i])) ++i;
  if (i == start || i >= text.size() || text[i] != ';') return false;
  auto it = names.find(std::string(text.substr(start, i - start)));
  if (it == names.end()) return false;
  *cp = it->second;
  *end = i + 1;
  return true;
}

// 4 passes: the first follows every chain (`&amp;amp;...;`) to its end, so
// the next ones only meet references that a decoded character forms with
// the text before it (`&&#97;mp;`), which real text never needs twice.
// Bounding the passes keeps the cost linear in the text.
constexpr int kMaxPasses = 4;

// One left-to-right pass. A reference that decodes to '&' is followed at
// once: the '&' and the text after it may form the next reference of a
// chain (`&amp;amp;` -> `&amp;` -> `&`), which becomes one edit, so a chain
// of any length costs one pass.
std::string DecodeOnce(std::string_view text, const EntityTable& names,
                       std::vector<RepairChange>* changes, bool* changed) {
  std::vector<Edit> edits;
  for (size_t amp = text.find('&'); amp != std::string_view::npos;
       amp = text.find('&', amp + 1)) {
    size_t end;
    char32_t cp;
    if (!ParseReference(text, amp, names, &end, &cp)) continue;
    // ParseReference reads from the character after the given position,
    // so the decoded '&' can stand at the ';' that ended the reference.
    size_t next_end;
    char32_t next_cp;
    while (cp == '&' && ParseReference(text, end - 1, names, &next_end, &next_cp)) {
      end = next_end;
      cp = next_cp;
    }
    Edit e;
    e.begin = amp;
    e.end = end;
    AppendUtf8(cp, &e.text);
    e.rule = "entity";
    edits.push_back(std::move(e));
    amp = end - 1;
  }
  *changed = !edits.empty();
  return ApplyEdits(text, std::move(edits), changes);
}

}  // namespace

std::string DecodeEntities(std::string_view text, const EntityTable& names,
                           std::vector<RepairChange>* changes) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  bool changed = false;
  std::string out = DecodeOnce(text, names, changes, &changed);
  for (int pass = 1; changed && pass < kMaxPasses && out.find('&') != std::string::npos; ++pass) {
    out = DecodeOnce(out, names, changes, &changed);
  }
  return out;
}

}  // namespace cleaner
