// How a line of text ends: a sentence mark, a question, an ellipsis, a
// colon, or none, read through closing quotes and brackets. Shared by the
// filter stage (a paragraph's shape) and the segmenter (whether a break
// ends a sentence). Inline: the filter asks it of every line.
#ifndef CLEANER_UTIL_LINE_ENDING_H_
#define CLEANER_UTIL_LINE_ENDING_H_

#include <cstdint>
#include <string_view>

#include "cleaner/util/utf8.h"

namespace cleaner {

enum class Ending : uint8_t { kNone, kTerminal, kQuestion, kEllipsis, kColon };

// How the line ends, looking through closing quotes and brackets.
inline Ending EndingOf(std::string_view s) {
  size_t pos = s.size();
  while (pos > 0) {
    size_t p = pos;
    // An ASCII byte is a whole character (PrevCodePoint() would say so at
    // the cost of a call).
    const unsigned char last = static_cast<unsigned char>(s[pos - 1]);
    char32_t cp = last < 0x80 ? (--p, last) : PrevCodePoint(s, &p);
    switch (cp) {
      case ' ':
      case '\t':
      case 0xA0:
      case '"':
      case '\'':
      case ')':
      case ']':
      case '*':
      case 0x201D:
      case 0x2019:
      case 0x00BB:
      case 0x203A:
      case 0x300D:
      case 0xFF09:
      case 0x201C:  // a wrongly turned closing quote
        pos = p;
        continue;
      case '.': {
        size_t q = p;
        if (q >= 2 && s[q - 1] == '.' && s[q - 2] == '.') return Ending::kEllipsis;
        return Ending::kTerminal;
      }
      case '!':
      case 0x3002:
      case 0xFF01:
      case 0x0964: return Ending::kTerminal;
      case '?':
      case 0xFF1F:
      case 0x061F: return Ending::kQuestion;
      case 0x2026: return Ending::kEllipsis;
      case ':':
      case 0xFF1A: return Ending::kColon;
      default: return Ending::kNone;
    }
  }
  return Ending::kNone;
}

}  // namespace cleaner

#endif  // CLEANER_UTIL_LINE_ENDING_H_
