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

namespace {

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The position of the value of the first `"key":` in `json`, past white
// space; npos if there is none.
size_t FindJsonValue(std::string_view json, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  for (size_t at = json.find(quoted); at != std::string_view::npos;
       at = json.find(quoted, at + 1)) {
    size_t i = at + quoted.size();
    while (i < json.size() && IsJsonSpace(json[i])) ++i;
    if (i < json.size() && json[i] == ':') {
      ++i;
      while (i < json.size() && IsJsonSpace(json[i])) ++i;
      return i;
    }
  }
  return std::string_view::npos;
}

// Decodes the JSON string that opens at json[*i] ('"') into *out; leaves
// *i past its closing quote. An invalid escape ends the string.
void ReadJsonString(std::string_view json, size_t* i, std::string* out) {
  size_t k = *i + 1;
  for (; k < json.size() && json[k] != '"'; ++k) {
    char c = json[k];
    if (c != '\\') {
      *out += c;
      continue;
    }
    if (++k >= json.size()) break;
    switch (json[k]) {
      case 'n': *out += '\n'; break;
      case 't': *out += '\t'; break;
      case 'r': *out += '\r'; break;
      case 'b': case 'f': *out += ' '; break;
      case 'u': {
        long cp = Hex4(json, k + 1);
        if (cp < 0) {
          *i = json.size();
          return;
        }
        k += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && k + 2 < json.size() && json[k + 1] == '\\' &&
            json[k + 2] == 'u') {
          long lo = Hex4(json, k + 3);
          if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            k += 6;
          }
        }
        AppendUtf8(static_cast<char32_t>(cp), out);  // a lone surrogate: U+FFFD
        break;
      }
      default: *out += json[k]; break;  // \" \\ \/
    }
  }
  *i = k + 1;
}

}  // namespace

bool JsonHasKey(std::string_view json, std::string_view key) {
  return FindJsonValue(json, key) != std::string_view::npos;
}

std::string JsonStringValue(std::string_view json, std::string_view key) {
  size_t i = FindJsonValue(json, key);
  std::string out;
  if (i < json.size() && json[i] == '"') ReadJsonString(json, &i, &out);
  return out;
}

std::vector<std::string> JsonStringList(std::string_view json, std::string_view key,
                                        size_t max_items) {
  std::vector<std::string> out;
  size_t i = FindJsonValue(json, key);
  if (i >= json.size()) return out;
  if (json[i] == '"') {
    out.emplace_back();
    ReadJsonString(json, &i, &out.back());
    return out;
  }
  if (json[i] != '[') return out;
  for (++i; i < json.size() && out.size() < max_items;) {
    if (IsJsonSpace(json[i]) || json[i] == ',') {
      ++i;
    } else if (json[i] == '"') {
      out.emplace_back();
      ReadJsonString(json, &i, &out.back());
    } else {
      break;  // ']' or an item that is not a string
    }
  }
  return out;
}

}  // namespace cleaner
