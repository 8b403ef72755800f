// Text measures for the HTML extractor. See extract_text.h.
#include "cleaner/extract/extract_text.h"

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// Length of the separator at `s[i]` (0 if it is part of a word).
size_t SeparatorLength(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return word ? 0 : 1;
  }
  if (i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (c == 0xC2 && (d == 0xA0 || d == 0xAB || d == 0xBB)) return 2;  // NBSP, guillemets
    if (c == 0xE2 && (d == 0x80 || d == 0x81) && i + 2 < s.size()) return 3;  // U+2000..U+207F
  }
  return 0;
}

}  // namespace

void StopWords::Count(std::string_view utf8, int* words, int* stop_words) const {
  *words = 0;
  *stop_words = 0;
  // 24 bytes: longer than any listed stop word; longer words are counted
  // but not looked up.
  char buf[24];
  size_t i = 0;
  while (i < utf8.size()) {
    size_t sep = SeparatorLength(utf8, i);
    if (sep > 0) {
      i += sep;
      continue;
    }
    size_t start = i, len = 0;
    while (i < utf8.size() && SeparatorLength(utf8, i) == 0) {
      char c = utf8[i];
      if (len < sizeof(buf)) buf[len] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++len;
      ++i;
    }
    (void)start;
    ++*words;
    if (len <= sizeof(buf) && words_.count(std::string_view(buf, len)) > 0) ++*stop_words;
  }
}

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
