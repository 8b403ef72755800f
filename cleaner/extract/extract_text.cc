// Text measures for the HTML extractor. See extract_text.h.
#include "cleaner/extract/extract_text.h"

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// Reads 4 hex digits at s[i]; returns -1 if they are not.
long Hex4(std::string_view s, size_t i) {
  if (i + 4 > s.size()) return -1;
  long v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    char c = s[k];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace

std::string JsonStringValue(std::string_view json, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t at = json.find(quoted);
  while (at != std::string_view::npos) {
    size_t i = at + quoted.size();
    while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) ++i;
    if (i < json.size() && json[i] == ':') {
      ++i;
      while (i < json.size() && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) ++i;
      if (i >= json.size() || json[i] != '"') return "";
      std::string out;
      for (++i; i < json.size() && json[i] != '"'; ++i) {
        char c = json[i];
        if (c != '\\') {
          out += c;
          continue;
        }
        if (++i >= json.size()) break;
        switch (json[i]) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': case 'f': out += ' '; break;
          case 'u': {
            long cp = Hex4(json, i + 1);
            if (cp < 0) return out;
            i += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < json.size() && json[i + 1] == '\\' &&
                json[i + 2] == 'u') {
              long lo = Hex4(json, i + 3);
              if (lo >= 0xDC00 && lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
              }
            }
            AppendUtf8(static_cast<char32_t>(cp), &out);  // a lone surrogate: U+FFFD
            break;
          }
          default: out += json[i]; break;  // \" \\ \/
        }
      }
      return out;
    }
    at = json.find(quoted, at + 1);
  }
  return "";
}

}  // namespace cleaner
