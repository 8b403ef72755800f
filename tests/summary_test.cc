// The run summary tells the truth (issue 14.13): every record is accounted
// for, input bytes are counted once whatever the container, --check says
// nothing was written, and mistakes in the command line are usage errors
// said once.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include "tests/test_util.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCleaner;
using testing::WriteFile;

struct Summary {
  long in = -1, written = -1, dropped = -1, skipped = -1, failed = -1;
  double mb = -1;
};

Summary ParseSummary(const std::string& err) {
  Summary s;
  std::smatch m;
  static const std::regex re(
      R"(summary: (\d+) in, (\d+) (?:written|checked)[^,]*, (\d+) dropped[^,]*(?:, [^,]*)*?, )"
      R"((\d+) skipped.*?, (\d+) failed.*?; ([0-9.]+) MB in)");
  if (std::regex_search(err, m, re)) {
    s.in = std::stol(m[1]);
    s.written = std::stol(m[2]);
    s.dropped = std::stol(m[3]);
    s.skipped = std::stol(m[4]);
    s.failed = std::stol(m[5]);
    s.mb = std::stod(m[6]);
  }
  return s;
}

// About 2 MB of JSON Lines.
std::string BigJsonl() {
  std::string out;
  for (int i = 0; out.size() < 2000000; ++i) {
    out += "{\"id\": \"r" + std::to_string(i) +
           "\", \"text\": \"A paragraph about the harbour and the railway, number " +
           std::to_string(i) + ", long enough to be kept by the filter.\"}\n";
  }
  return out;
}

TEST_CASE("the summary counts JSON Lines input bytes once - plain or gzipped", "[summary]") {
  std::string dir = testing::ScratchDir("summary-bytes");
  std::string data = BigJsonl();
  WriteFile(dir + "/c.jsonl", data);
  REQUIRE(std::system(("gzip -k '" + dir + "/c.jsonl'").c_str()) == 0);
  const double mb = static_cast<double>(data.size()) / 1e6;
  for (const char* name : {"/c.jsonl", "/c.jsonl.gz"}) {
    auto r = RunCleaner({"--output-format", "jsonl", dir + name});
    Summary s = ParseSummary(r.err);
    INFO(name << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(s.mb >= mb - 0.1);
    CHECK(s.mb <= mb + 0.1);  // was about twice the file's size
  }
}

TEST_CASE("the summary counts WARC input bytes", "[summary]") {
  std::string dir = testing::ScratchDir("summary-warc");
  std::string one = ReadFile(std::string(CLEANER_TESTDATA_DIR) + "/warc/basic.warc");
  std::string many;
  while (many.size() < 1500000) many += one;
  WriteFile(dir + "/m.warc", many);
  REQUIRE(std::system(("gzip -k '" + dir + "/m.warc'").c_str()) == 0);
  for (const char* name : {"/m.warc", "/m.warc.gz"}) {
    auto r = RunCleaner({"--output-format", "jsonl", dir + name});
    Summary s = ParseSummary(r.err);
    INFO(name << ": " << r.err);
    CHECK(s.mb >= static_cast<double>(many.size()) / 1e6 * 0.9);  // was 0.0 MB
    CHECK(s.in == s.written + s.dropped + s.skipped + s.failed);
  }
}

TEST_CASE("every record is accounted for in a mixed corpus", "[summary]") {
  std::string dir = testing::ScratchDir("summary-mixed");
  fs::create_directories(dir + "/in");
  WriteFile(dir + "/in/a.jsonl",
            "{\"id\": \"ok\", \"text\": \"A paragraph about the harbour, kept by the filter.\"}\n"
            "{\"id\": \"broken\", \"text\": \n"
            "{\"id\": \"empty\", \"text\": \"\"}\n");
  std::system(("cp '" + std::string(CLEANER_TESTDATA_DIR) + "/warc/basic.warc.gz' '" + dir +
               "/in/b.warc.gz'").c_str());
  WriteFile(dir + "/in/c.html", "<html><body><p>A page about the library and its readers.</p>");
  WriteFile(dir + "/in/d.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto r = RunCleaner({"--output-format", "jsonl", dir + "/in"});
  Summary s = ParseSummary(r.err);
  INFO(r.err);
  REQUIRE(s.in > 0);
  CHECK(s.in == s.written + s.dropped + s.skipped + s.failed);
  CHECK(s.failed >= 1);   // the broken line
  CHECK(s.skipped >= 1);  // the PNG, WARC requests and metadata
  // One output line per record in, the failed ones with their "error".
  long lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines == s.in - (s.skipped - 1));  // WARC non-page records write no line
}

TEST_CASE("check mode with --stats says what was checked - not written", "[summary]") {
  std::string dir = testing::ScratchDir("summary-check");
  WriteFile(dir + "/p.txt", "A paragraph about the harbour.\n");
  auto r = RunCleaner({"--check", "--stats", "-o", dir + "/out", dir + "/p.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("written") == std::string::npos);
  CHECK(r.err.find("1 checked (1 would change, 0 stale)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/out/p.txt"));
}

TEST_CASE("an empty input folder is said - not a silent success", "[summary]") {
  std::string dir = testing::ScratchDir("summary-empty");
  fs::create_directories(dir + "/nothing");
  auto r = RunCleaner({dir + "/nothing"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("nothing: folder holds no file to clean") != std::string::npos);
}

TEST_CASE("an unknown --charset and an -o that is a file are usage errors - said once", "[summary]") {
  std::string dir = testing::ScratchDir("summary-usage");
  WriteFile(dir + "/a.txt", "First.\n");
  WriteFile(dir + "/b.txt", "Second.\n");
  auto r = RunCleaner({"--charset", "nosuchcs", dir + "/a.txt", dir + "/b.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nosuchcs") == r.err.rfind("nosuchcs"));  // once, not per file
  CHECK(RunCleaner({"--charset", "latin1", dir + "/a.txt"}).exit_code == 0);
  r = RunCleaner({"-o", dir + "/a.txt", dir + "/b.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not a folder") != std::string::npos);
}

}  // namespace
}  // namespace cleaner
