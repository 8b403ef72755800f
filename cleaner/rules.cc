// Reading and splitting the rule files of filters/.
#include "cleaner/rules.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cleaner/util/utf8.h"

namespace cleaner {

// Defined in the generated embedded_filters.cc.
extern const std::vector<RuleFile>& EmbeddedRuleFiles();

std::string RuleLine::Origin() const {
  // Written into a buffer and copied once: a rule keeps its origin, and
  // there are thousands of rules.
  const std::string_view name = file ? std::string_view(file->name) : std::string_view("?");
  constexpr std::string_view kDir = "filters/";
  char buf[256];
  const size_t number_room = 12;  // ':' and an int
  if (name.size() > sizeof(buf) - kDir.size() - number_room) {
    return std::string(kDir) + std::string(name) + ":" + std::to_string(line);
  }
  char* p = buf;
  std::memcpy(p, kDir.data(), kDir.size());
  p += kDir.size();
  std::memcpy(p, name.data(), name.size());
  p += name.size();
  *p++ = ':';
  p = std::to_chars(p, buf + sizeof(buf), line).ptr;
  return std::string(buf, static_cast<size_t>(p - buf));
}

Status RuleLine::Error(std::string_view message) const {
  return Status::InvalidArgument(Origin() + ": " + std::string(message));
}

const std::vector<RuleFile>& DefaultRuleFiles() { return EmbeddedRuleFiles(); }

Status LoadRuleFiles(const std::string& dir, std::vector<RuleFile>* out) {
  *out = DefaultRuleFiles();
  if (dir.empty()) return Status::OK();
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::IoError(dir + ": not a readable folder of rule files");
  }
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string ext = p.extension().string();
    if ((ext == ".txt" || ext == ".tsv") && it->is_regular_file(ec)) paths.push_back(p);
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError(p.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    RuleFile file{p.filename().string(), ss.str()};
    auto same = std::find_if(out->begin(), out->end(),
                             [&](const RuleFile& f) { return f.name == file.name; });
    if (same != out->end()) {
      *same = std::move(file);
    } else {
      out->push_back(std::move(file));
    }
  }
  std::sort(out->begin(), out->end(),
            [](const RuleFile& a, const RuleFile& b) { return a.name < b.name; });
  return Status::OK();
}

namespace {

// The position of the first TAB or '\n' in `text` from `pos` on, or
// text.size(). Eight bytes at a time: rule lines are short, and a call of
// memchr per field cost more than the scan.
size_t FindTabOrNewline(std::string_view text, size_t pos) {
  const char* const data = text.data();
  const size_t size = text.size();
  if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
    constexpr uint64_t k01 = 0x0101010101010101ULL;
    constexpr uint64_t k7F = 0x7F * k01, k80 = 0x80 * k01;
    while (pos + 8 <= size) {
      uint64_t v;
      std::memcpy(&v, data + pos, 8);
      const uint64_t tab = v ^ ('\t' * k01), nl = v ^ ('\n' * k01);
      // A byte x is zero exactly when the top bit of ((x & 0x7F) + 0x7F) | x
      // is clear (no sum carries into the next byte).
      const uint64_t hit = ~((((tab & k7F) + k7F) | tab) & (((nl & k7F) + k7F) | nl)) & k80;
      if (hit != 0) return pos + static_cast<size_t>(__builtin_ctzll(hit)) / 8;
      pos += 8;
    }
  }
  while (pos < size && data[pos] != '\t' && data[pos] != '\n') ++pos;
  return pos;
}

}  // namespace

RuleLineReader::RuleLineReader(const RuleFile& file) { line_.file = &file; }

bool RuleLineReader::Next(Status* status) {
  const std::string_view text = line_.file->text;
  if (!checked_) {
    checked_ = true;
    // Lines are split at '\n' and lose a trailing '\r', both ASCII, which
    // no multi-byte sequence contains: the file is valid UTF-8 exactly when
    // each of its lines is, so the whole is checked at once and the lines
    // only when it fails, to name the first bad one.
    if (!IsValidUtf8(text)) {
      int line_no = 0;
      for (size_t pos = 0; pos < text.size();) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!IsValidUtf8(line)) {
          line_.line = line_no;
          line_.fields.clear();
          *status = line_.Error("not valid UTF-8");
          pos_ = text.size();
          return false;
        }
      }
    }
  }
  const size_t size = text.size();
  while (pos_ < size) {
    // The fields up to the line's last, found in one scan.
    line_.fields.clear();
    const size_t begin = pos_;
    size_t start = begin;
    size_t at;
    while ((at = FindTabOrNewline(text, start)) < size && text[at] == '\t') {
      line_.fields.push_back(text.substr(start, at - start));
      start = at + 1;
    }
    pos_ = at + 1;
    ++line_.line;
    std::string_view line = text.substr(begin, at - begin);
    std::string_view last = text.substr(start, at - start);  // the end of `line`
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      last.remove_suffix(1);
    }
    size_t first = 0;
    while (first < line.size() && (line[first] == ' ' || line[first] == '\t')) ++first;
    if (first == line.size() || line[first] == '#') continue;
    line_.fields.push_back(last);
    return true;
  }
  return false;
}

std::vector<const RuleFile*> RuleFilesWithPrefix(const std::vector<RuleFile>& files,
                                                 std::string_view prefix) {
  std::vector<const RuleFile*> found;
  for (const RuleFile& f : files) {
    if (f.name.compare(0, prefix.size(), prefix) == 0) found.push_back(&f);
  }
  return found;
}

}  // namespace cleaner
