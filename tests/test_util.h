// Test doubles and helpers shared by the tests.
#ifndef CLEANER_TESTS_TEST_UTIL_H_
#define CLEANER_TESTS_TEST_UTIL_H_

#include <string>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/cleaner.h"

namespace cleaner {
namespace testing {

// A sink that keeps every block it receives.
class CollectingSink : public BlockSink {
 public:
  Status BeginDocument(const DocumentInfo&) override {
    ++begun;
    return Status::OK();
  }
  Status Push(Block block) override {
    blocks.push_back(std::move(block));
    return Status::OK();
  }
  Status EndDocument() override {
    ++ended;
    return Status::OK();
  }
  std::vector<std::string> Texts() const;

  std::vector<Block> blocks;
  int begun = 0, ended = 0;
};

// A reporter that keeps every event.
class CollectingReporter : public Reporter {
 public:
  void Report(const ExplainEvent& e) override { events.push_back(e); }
  std::vector<ExplainEvent> events;
};

// A DocumentInfo with its own metadata and stats, for driving one stage.
struct TestDoc {
  Metadata metadata;
  Stats stats;
  CollectingReporter reporter;
  DocumentInfo info() { return DocumentInfo{&metadata, &stats, &reporter}; }
};

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& data);

// Makes tabs, CR, NBSP and other invisible characters visible, for failure
// messages.
std::string Visible(const std::string& s);

// "line N differs:\n  expected: ...\n  got:      ..." for the first
// differing line, or "" if equal.
std::string ShowDiff(const std::string& expected, const std::string& got);

// Cleans `input` with `options` (default: defaults); REQUIREs success.
std::string Clean(const std::string& input, const Options& options = Options(),
                  const std::string& name = "test");

// Result of running the built cleaner binary.
struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs CLEANER_BINARY with `args` (shell-quoted here) in `cwd` (default: a
// scratch folder), with stdin from `stdin_path` (default /dev/null).
RunResult RunCleaner(const std::vector<std::string>& args, const std::string& stdin_path = "",
                     const std::string& cwd = "");

// A fresh empty folder under the build tree, named after `name`.
std::string ScratchDir(const std::string& name);

}  // namespace testing
}  // namespace cleaner

#endif  // CLEANER_TESTS_TEST_UTIL_H_
