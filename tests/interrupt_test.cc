// SIGINT and SIGTERM end a run cleanly (issue 14.11): whole JSON lines
// only, the summary printed, exit 130 / 143. Used to leave the last line cut
// in half and no summary.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace cleaner {
namespace {

using testing::ReadFile;
using testing::WriteFile;

void CheckInterrupted(const std::string& signal_name, int jobs, int want_exit) {
  std::string dir = testing::ScratchDir("interrupt-" + signal_name);
  std::string corpus;
  for (int i = 0; i < 200000; ++i) {
    corpus += "{\"id\": \"" + std::to_string(i) + "\", \"text\": \"Paragraph " +
              std::to_string(i) + " tells of a council that met to discuss the harbour.\"}\n";
  }
  WriteFile(dir + "/big.jsonl", corpus);
  // set -m: a background job keeps SIGINT (without job control the shell
  // starts it with SIGINT ignored, which cleaner respects).
  std::string cmd = "cd '" + dir + "' && bash -c 'set -m; \"" CLEANER_BINARY "\" -j " +
                    std::to_string(jobs) +
                    " --output-format jsonl big.jsonl > out.jsonl 2> err.txt & pid=$!; "
                    "sleep 0.5; kill -" + signal_name + " $pid; wait $pid; echo $? > rc.txt'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(std::stoi(ReadFile(dir + "/rc.txt")) == want_exit);
  std::string out = ReadFile(dir + "/out.jsonl");
  std::string err = ReadFile(dir + "/err.txt");
  INFO(err);
  REQUIRE_FALSE(out.empty());
  CHECK(out.back() == '\n');  // no line cut in half
  long lines = 0;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line); ++lines) {
    CHECK_NOTHROW(nlohmann::json::parse(line));
  }
  CHECK(lines < 200000);  // it was interrupted, not finished
  std::smatch m;
  REQUIRE(std::regex_search(err, m, std::regex(R"(summary: (\d+) in, (\d+) written)")));
  CHECK(std::stol(m[1]) == lines);
  CHECK(std::stol(m[2]) == lines);
  CHECK(err.find("interrupted by SIG" + signal_name) != std::string::npos);
}

TEST_CASE("SIGINT ends a JSON Lines run with whole lines, a summary and exit 130", "[cli]") {
  CheckInterrupted("INT", 1, 130);
}

TEST_CASE("SIGTERM ends a parallel run with whole lines, a summary and exit 143", "[cli]") {
  CheckInterrupted("TERM", 2, 143);
}

}  // namespace
}  // namespace cleaner
