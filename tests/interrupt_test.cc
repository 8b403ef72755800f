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
  // starts it with SIGINT ignored, which cleaner respects). The signal comes
  // once the first records are out (at most 60 s: a sanitizer build on a
  // loaded machine can take seconds to start), not after a fixed pause.
  std::string cmd = "cd '" + dir + "' && bash -c 'set -m; \"" CLEANER_BINARY "\" -j " +
                    std::to_string(jobs) +
                    " --output-format jsonl big.jsonl > out.jsonl 2> err.txt & pid=$!; "
                    "for i in $(seq 600); do [ -s out.jsonl ] && break; sleep 0.1; done; "
                    "kill -" + signal_name + " $pid; wait $pid; echo $? > rc.txt'";
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

TEST_CASE("SIGINT ends a JSON Lines run with whole lines - a summary and exit 130", "[cli]") {
  CheckInterrupted("INT", 1, 130);
}

TEST_CASE("SIGTERM ends a parallel run with whole lines - a summary and exit 143", "[cli]") {
  CheckInterrupted("TERM", 2, 143);
}

// A reader blocked on an input that gives nothing more (a FIFO whose
// writer stays open) used to keep the run alive after SIGTERM until Slurm's
// SIGKILL, which ended the task as if it had succeeded.
void CheckBlockedInput(int jobs) {
  std::string dir = testing::ScratchDir("interrupt-fifo-" + std::to_string(jobs));
  std::string cmd = "cd '" + dir + "' && bash -c 'mkfifo in.jsonl; "
                    "(printf \"{\\\"id\\\":\\\"a\\\",\\\"text\\\":\\\"hi\\\"}\\n\"; "
                    "sleep 30) > in.jsonl & w=$!; \"" CLEANER_BINARY "\" -j " +
                    std::to_string(jobs) +
                    " --input-format jsonl --output-format jsonl in.jsonl > out.jsonl 2> err.txt & "
                    "pid=$!; sleep 0.5; start=$(date +%s%N); kill -TERM $pid; wait $pid; "
                    "echo $? > rc.txt; echo $(( ($(date +%s%N) - start) / 1000000 )) > ms.txt; "
                    "kill $w'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string err = ReadFile(dir + "/err.txt");
  INFO(err);
  CHECK(std::stoi(ReadFile(dir + "/rc.txt")) == 143);
  CHECK(std::stol(ReadFile(dir + "/ms.txt")) < 3000);
  CHECK(err.find("interrupted by SIGTERM") != std::string::npos);
  CHECK(err.find("summary:") != std::string::npos);
}

TEST_CASE("SIGTERM ends a run whose input blocks - one job", "[cli]") { CheckBlockedInput(1); }

TEST_CASE("SIGTERM ends a run whose input blocks - two jobs", "[cli]") { CheckBlockedInput(2); }

}  // namespace
}  // namespace cleaner
