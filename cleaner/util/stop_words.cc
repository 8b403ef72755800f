// Stop words. See stop_words.h.
#include "cleaner/util/stop_words.h"

#include <cstring>

#include "cleaner/util/ascii.h"

namespace cleaner {

void StopWords::Add(std::string_view word) {
  std::string w = AsciiLower(word);
  if (words_.count(w) > 0) return;
  storage_.push_back(std::move(w));
  words_.insert(storage_.back());
}

Status StopWords::Load(const std::vector<RuleFile>& files) {
  return Load(files, "stopwords.txt", "stopwords");
}

Status StopWords::Load(const std::vector<RuleFile>& files, std::string_view file_name,
                       std::string_view kind, std::string_view other_kind) {
  for (const RuleFile& file : files) {
    if (file.name != file_name) continue;
    RuleLineReader reader(file);
    Status st;
    while (reader.Next(&st)) {
      const RuleLine& line = reader.line();
      if (line.fields.size() == 3 && !other_kind.empty() && line.fields[0] == other_kind) {
        continue;
      }
      if (line.fields.size() != 3 || line.fields[0] != kind) {
        std::string expected = std::string(kind);
        if (!other_kind.empty()) expected += " or " + std::string(other_kind);
        return line.Error("expected: " + expected + "<TAB>LANG<TAB>WORDS");
      }
      std::string_view words = line.fields[2];
      size_t i = 0;
      while (i < words.size()) {
        size_t j = words.find(' ', i);
        if (j == std::string_view::npos) j = words.size();
        if (j > i) Add(words.substr(i, j - i));
        i = j + 1;
      }
    }
    CLEANER_RETURN_IF_ERROR(st);
  }
  return Status::OK();
}

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

// Reads the word at or after `*i` (past separators) into `buf` (lower-cased
// ASCII, at most kMaxWord bytes kept), moving `*i` past it; its length in
// bytes, 0 at the end of the text.
constexpr size_t kMaxWord = 24;  // longer than any listed word: not looked up

size_t NextWord(std::string_view utf8, size_t* i, char* buf) {
  while (*i < utf8.size()) {
    const size_t sep = SeparatorLength(utf8, *i);
    if (sep == 0) break;
    *i += sep;
  }
  size_t len = 0;
  for (; *i < utf8.size() && SeparatorLength(utf8, *i) == 0; ++*i, ++len) {
    const char c = utf8[*i];
    if (len < kMaxWord) buf[len] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return len;
}

}  // namespace

bool StopWords::FirstWordIn(std::string_view utf8) const {
  char buf[kMaxWord];
  size_t i = 0;
  const size_t len = NextWord(utf8, &i, buf);
  return len > 0 && len <= kMaxWord && words_.count(std::string_view(buf, len)) > 0;
}

bool StopWords::LastWordIn(std::string_view utf8) const {
  char buf[kMaxWord], last[kMaxWord];
  size_t i = 0, last_len = 0;
  while (size_t len = NextWord(utf8, &i, buf)) {
    last_len = len;
    if (len <= kMaxWord) std::memcpy(last, buf, len);
  }
  return last_len > 0 && last_len <= kMaxWord &&
         words_.count(std::string_view(last, last_len)) > 0;
}

void StopWords::Count(std::string_view utf8, int* words, int* stop_words) const {
  *words = 0;
  *stop_words = 0;
  char buf[kMaxWord];
  size_t i = 0;
  while (size_t len = NextWord(utf8, &i, buf)) {
    ++*words;
    if (len <= kMaxWord && words_.count(std::string_view(buf, len)) > 0) ++*stop_words;
  }
}

}  // namespace cleaner
