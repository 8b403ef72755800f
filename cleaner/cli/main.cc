// cleaner: the command-line tool, a thin shell over cleaner::Cleaner.
// Reads inputs, cleans each, writes to stdout or -o DIR, turns failures into
// one "cleaner: INPUT: reason" line each and an exit code.
#include <csignal>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "cleaner/cleaner.h"
#include "cleaner/cli/flags.h"
#include "cleaner/stages/source.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

// Prints explain events on stderr, one line each, prefixed with the document.
class StderrReporter : public Reporter {
 public:
  explicit StderrReporter(std::string doc) : doc_(std::move(doc)) {}
  void Report(const ExplainEvent& e) override {
    std::string line = "cleaner: explain: " + doc_ + ": " + e.stage + ": ";
    switch (e.action) {
      case ExplainEvent::Action::kDrop: line += "drop"; break;
      case ExplainEvent::Action::kChange: line += "change"; break;
      case ExplainEvent::Action::kMetadata: line += "metadata"; break;
      case ExplainEvent::Action::kInfo: line += "info"; break;
    }
    if (e.block >= 0) line += " block " + std::to_string(e.block);
    if (!e.category.empty()) line += " [" + e.category + "]";
    if (!e.rule.empty()) line += " (" + e.rule + ")";
    if (!e.before.empty()) line += ": " + Quote(e.before);
    if (!e.after.empty()) line += (e.before.empty() ? ": " : " -> ") + Quote(e.after);
    line += "\n";
    std::fputs(line.c_str(), stderr);
  }

 private:
  static std::string Quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '"') {
        out += "\\\"";
      } else {
        out += c;
      }
    }
    return out + "\"";
  }
  std::string doc_;
};

void Fail(const std::string& input, const std::string& reason) {
  std::fprintf(stderr, "cleaner: %s: %s\n", input.c_str(), reason.c_str());
}

// Writes to stdout; returns false if the reader has gone (EPIPE), in which
// case the caller stops quietly with exit 0, as Unix filters do.
bool WriteStdout(const std::string& s) {
  if (s.empty()) return true;
  if (std::fwrite(s.data(), 1, s.size(), stdout) != s.size() || std::fflush(stdout) != 0) {
    return false;
  }
  return true;
}

Status ReadWholeFile(const fs::path& p, std::string* out, bool* exists) {
  std::error_code ec;
  *exists = fs::exists(p, ec);
  if (!*exists) return Status::OK();
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::OK();
}

// Writes `data` to `path` atomically (temporary file, then rename), creating
// parent folders.
Status WriteFileAtomically(const fs::path& path, const std::string& data) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) return Status::IoError("cannot create " + path.parent_path().string() + ": " + ec.message());
  fs::path tmp = path;
  tmp += ".tmp-cleaner";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IoError("cannot write " + tmp.string() + ": " + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  fs::rename(tmp, path, ec);
  if (ec) return Status::IoError("cannot rename to " + path.string() + ": " + ec.message());
  return Status::OK();
}

int Run(int argc, char** argv) {
  Flags flags;
  Status st = ParseFlags(argc, argv, &flags);
  if (!st.ok()) {
    std::fprintf(stderr, "cleaner: %s\nTry 'cleaner --help'.\n", st.message().c_str());
    return kExitUsage;
  }
  if (flags.help) {
    WriteStdout(UsageText());
    return kExitOk;
  }
  if (flags.version) {
    WriteStdout(std::string("cleaner ") + Version() + "\n");
    return kExitOk;
  }
  std::unique_ptr<Cleaner> cleaner;
  st = Cleaner::Create(flags.options, &cleaner);
  if (!st.ok()) {
    std::fprintf(stderr, "cleaner: %s\n", st.message().c_str());
    return kExitUsage;
  }
  if (flags.inputs.empty()) flags.inputs.push_back("-");
  std::vector<InputItem> items = ExpandInputs(flags.inputs);

  bool failed = false, changed = false, wrote_any = false;
  std::map<std::string, std::string> claimed;  // output path -> input that wrote it
  for (const InputItem& item : items) {
    if (!item.error.ok()) {
      Fail(item.path, item.error.message());
      failed = true;
      continue;
    }
    fs::path out_path;
    if (!flags.output_dir.empty()) {
      out_path = fs::path(flags.output_dir) / item.output_relpath;
      std::string key = out_path.lexically_normal().string();
      auto [it, fresh] = claimed.emplace(key, item.path);
      if (!fresh) {
        Fail(item.path, "would write " + key + ", already written for " + it->second +
                            "; give the inputs in separate runs or folders");
        failed = true;
        continue;
      }
    }
    RawDocument raw;
    st = ReadInput(item, flags.options.limits.max_document_bytes, &raw);
    if (!st.ok()) {
      Fail(item.path, st.message());
      failed = true;
      continue;
    }
    Document doc;
    StderrReporter reporter(raw.name);
    st = cleaner->Clean(raw, &doc, flags.explain ? &reporter : nullptr);
    if (!st.ok()) {
      Fail(raw.name, st.message());
      failed = true;
      continue;
    }
    if (flags.output_dir.empty()) {
      if (wrote_any && !doc.text.empty() && !WriteStdout("\n")) return kExitOk;
      if (!WriteStdout(doc.text)) return kExitOk;
      wrote_any = wrote_any || !doc.text.empty();
    } else if (flags.check) {
      std::string old;
      bool exists = false;
      st = ReadWholeFile(out_path, &old, &exists);
      if (!st.ok()) {
        Fail(item.path, st.message());
        failed = true;
      } else if (!exists || old != doc.text) {
        changed = true;
        if (!WriteStdout((exists ? "would change: " : "missing: ") + out_path.string() + "\n"))
          return kExitOk;
      }
    } else {
      st = WriteFileAtomically(out_path, doc.text);
      if (!st.ok()) {
        Fail(item.path, st.message());
        failed = true;
      }
    }
  }
  return failed || changed ? kExitFailed : kExitOk;
}

}  // namespace
}  // namespace cleaner

int main(int argc, char** argv) {
  // A closed pipe (cleaner big.txt | head) must end quietly: see EPIPE on
  // write instead of dying from SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  return cleaner::Run(argc, argv);
}
