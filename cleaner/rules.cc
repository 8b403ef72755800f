// Reading and splitting the rule files of filters/.
#include "cleaner/rules.h"

#include <algorithm>
#include <charconv>
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
  while (pos_ < text.size()) {
    size_t nl = text.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    ++line_.line;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    line_.fields.clear();
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      line_.fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
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
