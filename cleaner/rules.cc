// Reading and splitting the rule files of filters/.
#include "cleaner/rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cleaner/util/utf8.h"

namespace cleaner {

// Defined in the generated embedded_filters.cc.
extern const std::vector<RuleFile>& EmbeddedRuleFiles();

std::string RuleLine::Origin() const {
  return "filters/" + (file ? file->name : std::string("?")) + ":" + std::to_string(line);
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

Status ParseRuleFile(const RuleFile& file, std::vector<RuleLine>* out) {
  out->clear();
  std::string_view text = file.text;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    RuleLine rule;
    rule.file = &file;
    rule.line = line_no;
    if (!IsValidUtf8(line)) return rule.Error("not valid UTF-8");
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      rule.fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    out->push_back(std::move(rule));
  }
  return Status::OK();
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
