// The output shapes from the command line: the README's Dolma example
// (section "Dolma records") is run and must give the output the README
// shows, byte for byte; Markdown files under -o are named .md; the output
// flags refuse the combinations that mean nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "tests/test_util.h"

namespace cleaner {
namespace {

TEST_CASE("the README's Dolma example gives the output it shows", "[jsonl][cli]") {
  std::string readme = testing::ReadFile(std::string(CLEANER_SOURCE_DIR) + "/README.md");
  size_t section = readme.find("\n### Dolma records\n");
  REQUIRE(section != std::string::npos);
  size_t sh = readme.find("```sh\n", section);
  REQUIRE(sh != std::string::npos);
  sh += 6;
  std::string command = readme.substr(sh, readme.find('\n', sh) - sh);
  size_t json = readme.find("```json\n", sh);
  REQUIRE(json != std::string::npos);
  json += 8;
  std::string shown = readme.substr(json, readme.find("```\n", json) - json);
  REQUIRE(command.find("build/cleaner") != std::string::npos);
  command.replace(command.find("build/cleaner"), 13, CLEANER_BINARY);
  std::string dir = testing::ScratchDir("dolma_example");
  std::string cmd = "cd '" + std::string(CLEANER_SOURCE_DIR) + "' && " + command + " > '" + dir +
                    "/out' 2> /dev/null";
  INFO(cmd);
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string got = testing::ReadFile(dir + "/out");
  INFO(testing::ShowDiff(shown, got));
  CHECK(got == shown);
}

TEST_CASE("markdown under -o writes .md files", "[cli]") {
  std::string dir = testing::ScratchDir("markdown_out");
  testing::RunResult r = testing::RunCleaner(
      {"--output-format", "markdown", "-o", dir,
       std::string(CLEANER_TESTDATA_DIR) + "/golden/output/structure.input.html"});
  REQUIRE(r.exit_code == 0);
  std::string md = testing::ReadFile(dir + "/structure.input.md");
  CHECK(md.find("\n## Before you start\n") != std::string::npos);
  CHECK(md.find("| Dialect | Delimiter | Quote |\n| --- | --- | --- |\n") != std::string::npos);
}

TEST_CASE("output flags that mean nothing together are usage errors", "[cli]") {
  const std::vector<std::vector<std::string>> bad = {
      {"--blocks"},
      {"--record", "dolma"},
      {"--output-format", "jsonl", "--with-metadata"},
      {"--output-format", "jsonl", "--source-name", "x"},
      {"--output-format", "jsonl", "--record", "parquet"},
      {"--output-format", "html"},
  };
  for (const auto& args : bad) {
    testing::RunResult r = testing::RunCleaner(args);
    INFO(args[0] << " " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("cleaner: ") == 0);
  }
}

}  // namespace
}  // namespace cleaner
