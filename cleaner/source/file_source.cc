// Files, folders and standard input as document sources.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <algorithm>

#include "cleaner/source/source.h"

namespace cleaner {

namespace fs = std::filesystem;

namespace {

std::string WithTxtExtension(const fs::path& rel) {
  fs::path p = rel;
  p.replace_extension(".txt");
  return p.generic_string();
}

}  // namespace

std::vector<InputItem> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<InputItem> items;
  for (const std::string& arg : args) {
    if (arg == "-") {
      items.push_back({"-", "stdin.txt", Status::OK()});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      items.push_back({arg, "", Status::IoError("no such file or folder")});
      continue;
    }
    if (!fs::is_directory(st)) {
      items.push_back({arg, WithTxtExtension(fs::path(arg).filename()), Status::OK()});
      continue;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec), end;
    if (ec) {
      items.push_back({arg, "", Status::IoError("cannot read folder: " + ec.message())});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      std::string name = p.filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_symlink(ec) && it->is_directory(ec)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(p);
    }
    if (ec) {
      items.push_back({arg, "", Status::IoError("cannot read folder: " + ec.message())});
      continue;
    }
    if (files.empty()) {
      // Said, not silently nothing (issue 14.13): a wrong path in a script
      // must not look like a clean run.
      items.push_back({arg, "", Status::IoError("folder holds no file to clean")});
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      items.push_back({p.string(), WithTxtExtension(p.lexically_relative(arg)), Status::OK()});
    }
  }
  return items;
}

Status ReadInput(const InputItem& item, size_t max_bytes, RawDocument* doc) {
  if (!item.error.ok()) return item.error;
  doc->name = item.path == "-" ? "<stdin>" : item.path;
  doc->source = item.path == "-" ? "stdin" : "file";
  doc->bytes.clear();
  FILE* f = item.path == "-" ? stdin : std::fopen(item.path.c_str(), "rb");
  if (f == nullptr) return Status::IoError(std::strerror(errno));
  char buf[1 << 16];
  Status st;
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    doc->bytes.append(buf, n);
    if (doc->bytes.size() > max_bytes) {
      st = Status::ResourceExhausted("document larger than " + std::to_string(max_bytes) +
                                     " bytes (--max-bytes)");
      break;
    }
    if (n < sizeof buf) {
      if (std::ferror(f)) st = Status::IoError(std::strerror(errno));
      break;
    }
  }
  if (f != stdin) std::fclose(f);
  return st;
}

}  // namespace cleaner
