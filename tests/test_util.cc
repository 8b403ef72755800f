// Test helpers. See test_util.h.
#include "tests/test_util.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace cleaner {
namespace testing {

namespace fs = std::filesystem;

std::vector<std::string> CollectingSink::Texts() const {
  std::vector<std::string> t;
  for (const Block& b : blocks) t.push_back(b.text);
  return t;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteFile(const std::string& path, const std::string& data) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string Visible(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\t') {
      out += "<TAB>";
    } else if (c == '\r') {
      out += "<CR>";
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out += "<NBSP>";
      ++i;
    } else if (c < 0x20 && c != '\n') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "<%02X>", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string ShowDiff(const std::string& expected, const std::string& got) {
  if (expected == got) return "";
  std::istringstream a(expected), b(got);
  std::string la, lb;
  int n = 0;
  while (true) {
    ++n;
    bool ha = static_cast<bool>(std::getline(a, la));
    bool hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "texts differ only in the final newline";
    if (!ha || !hb || la != lb) {
      return "line " + std::to_string(n) + " differs:\n  expected: " +
             (ha ? Visible(la) : std::string("<end of text>")) +
             "\n  got:      " + (hb ? Visible(lb) : std::string("<end of text>"));
    }
  }
}

std::string Clean(const std::string& input, const Options& options, const std::string& name) {
  std::unique_ptr<Cleaner> c;
  Status st = Cleaner::Create(options, &c);
  REQUIRE(st.ok());
  RawDocument raw;
  raw.name = name;
  raw.bytes = input;
  Document doc;
  st = c->Clean(raw, &doc);
  INFO(st.ToString());
  REQUIRE(st.ok());
  return doc.text;
}

namespace {

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

// This process's scratch root, removed when the process exits (every ctest
// run used to leave ~70 cleaner_test_* folders behind, issue 14.14).
// The path is a plain static string (no destructor runs before the atexit
// handler that uses it).
const char* ScratchRoot() {
  static char root[4096] = "";
  if (root[0] == '\0') {
    std::snprintf(root, sizeof root, "%s/cleaner_test_%d",
                  fs::temp_directory_path().c_str(), static_cast<int>(::getpid()));
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(ScratchRoot(), ec);
    });
  }
  return root;
}

std::string ScratchDir(const std::string& name) {
  fs::path p = fs::path(ScratchRoot()) / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

RunResult RunCleaner(const std::vector<std::string>& args, const std::string& stdin_path,
                     const std::string& cwd) {
  std::string dir = ScratchDir("run");
  std::string cmd = "cd " + ShellQuote(cwd.empty() ? dir : cwd) + " && " + ShellQuote(CLEANER_BINARY);
  for (const std::string& a : args) cmd += " " + ShellQuote(a);
  cmd += " < " + ShellQuote(stdin_path.empty() ? "/dev/null" : stdin_path);
  cmd += " > " + ShellQuote(dir + "/.out") + " 2> " + ShellQuote(dir + "/.err");
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir + "/.out");
  r.err = ReadFile(dir + "/.err");
  return r;
}

}  // namespace testing
}  // namespace cleaner
