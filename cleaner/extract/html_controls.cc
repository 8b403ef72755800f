// C1 controls in HTML text. See html_controls.h.
#include "cleaner/extract/html_controls.h"

#include <cstring>

#include "cleaner/repair/repair_text.h"
#include "cleaner/util/ascii.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

bool C1AsWindows1252(std::string_view html, std::string* out) {
  // A C1 control is C2 80..9F in UTF-8: found with memchr, as is ESC; pages
  // without either (nearly all) are not copied.
  size_t first = std::string_view::npos;
  for (size_t pos = 0; pos < html.size();) {
    const void* hit = std::memchr(html.data() + pos, 0xC2, html.size() - pos);
    if (hit == nullptr) break;
    const size_t at = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    if (at + 1 < html.size() && Cp1252High(static_cast<unsigned char>(html[at + 1])) != 0) {
      first = at;
      break;
    }
    pos = at + 1;
  }
  const size_t esc = html.find('\x1B');
  if (esc < first) first = esc;
  if (first == std::string_view::npos) return false;
  out->clear();
  out->reserve(html.size() + html.size() / 16);
  out->append(html.data(), first);
  for (size_t i = first; i < html.size();) {
    if (html[i] == '\x1B') {
      i += TerminalEscapeLength(html, i);
      continue;
    }
    const char32_t c = static_cast<unsigned char>(html[i]) == 0xC2 && i + 1 < html.size()
                           ? Cp1252High(static_cast<unsigned char>(html[i + 1]))
                           : 0;
    if (c != 0) {
      AppendUtf8(c, out);
      i += 2;
    } else {
      out->push_back(html[i]);
      ++i;
    }
  }
  return true;
}

}  // namespace cleaner
