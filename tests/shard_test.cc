// --shard I/N --shard-by file: which files a shard gets (FilesOfShard), and
// the built cleaner giving each shard whole files and opening no others.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cleaner/source/source.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

using testing::ReadFile;
using testing::RunCleaner;
using testing::WriteFile;

TEST_CASE("FilesOfShard: sorted paths dealt round-robin - whatever the input order", "[shard]") {
  std::vector<std::string> paths = {"d/c.jsonl", "d/a.jsonl", "d/j.jsonl", "d/b.jsonl",
                                    "d/e.jsonl", "d/i.jsonl", "d/d.jsonl", "d/h.jsonl",
                                    "d/g.jsonl", "d/f.jsonl"};
  std::vector<std::string> sorted = paths;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::string> reversed(paths.rbegin(), paths.rend());
  std::multiset<std::string> seen;
  for (uint32_t i = 0; i < 4; ++i) {
    std::vector<size_t> mine = FilesOfShard(paths, i, 4);
    CHECK(std::is_sorted(mine.begin(), mine.end()));  // read in input order
    CHECK(mine.size() == (i < 2 ? 3u : 2u));          // shares differ by one file at most
    std::set<std::string> got, want, got_reversed;
    for (size_t k : mine) got.insert(paths[k]);
    for (size_t rank = i; rank < sorted.size(); rank += 4) want.insert(sorted[rank]);
    for (size_t k : FilesOfShard(reversed, i, 4)) got_reversed.insert(reversed[k]);
    CHECK(got == want);
    CHECK(got_reversed == want);
    seen.insert(got.begin(), got.end());
  }
  CHECK(seen == std::multiset<std::string>(paths.begin(), paths.end()));  // each exactly once
  CHECK(FilesOfShard(paths, 0, 1).size() == paths.size());
  CHECK(FilesOfShard(paths, 11, 12).empty());  // more shards than files: some get none
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_CASE("shard by file: whole files per shard - no other file opened", "[shard][cli]") {
  std::string dir = testing::ScratchDir("shard-by-file");
  // Six files of 5 records; each record's id names its file.
  const char* names[] = {"f5", "f0", "f3", "f1", "f4", "f2"};
  for (const char* name : names) {
    std::string body;
    for (int r = 0; r < 5; ++r) {
      nlohmann::json j;
      j["id"] = std::string(name) + "-" + std::to_string(r);
      j["text"] = "Record " + std::to_string(r) + " of file " + name +
                  " says the harbour wall will be repaired in spring.";
      body += j.dump() + "\n";
    }
    WriteFile(dir + "/in/" + name + ".jsonl", body);
  }
  // Sorted: f0 f1 f2 f3 f4 f5 -> shard 0 of 3 gets f0 and f3, 1 f1 f4, 2 f2 f5.
  auto whole = RunCleaner({"--output-format", "jsonl", "-j", "1", "in"}, "", dir);
  REQUIRE(whole.exit_code == 0);
  std::vector<std::string> all = Lines(whole.out), parts;
  REQUIRE(all.size() == 30);
  for (int i = 0; i < 3; ++i) {
    auto r = RunCleaner({"--shard", std::to_string(i) + "/3", "--shard-by", "file",
                         "--output-format", "jsonl", "-j", "2", "in"},
                        "", dir);
    CHECK(r.exit_code == 0);
    std::vector<std::string> p = Lines(r.out);
    CHECK(p.size() == 10);
    std::set<std::string> files;
    for (const std::string& line : p) {
      files.insert(nlohmann::json::parse(line)["id"].get<std::string>().substr(0, 2));
    }
    CHECK(files == std::set<std::string>{"f" + std::to_string(i), "f" + std::to_string(i + 3)});
    CHECK(r.err.find("summary: 10 in") != std::string::npos);  // read nothing else
    parts.insert(parts.end(), p.begin(), p.end());
  }
  std::sort(all.begin(), all.end());
  std::sort(parts.begin(), parts.end());
  CHECK(parts == all);

  // A damaged file, g1 (sorted rank 6, so shard 0), fails shard 0 only:
  // the other shards never open it.
  WriteFile(dir + "/in/g1.jsonl.gz", "\x1f\x8b damaged");
  for (int i = 0; i < 3; ++i) {
    auto r = RunCleaner({"--shard", std::to_string(i) + "/3", "--shard-by", "file",
                         "--output-format", "jsonl", "in"},
                        "", dir);
    INFO("shard " << i << ": " << r.err);
    CHECK(r.exit_code == (i == 0 ? 1 : 0));
    CHECK((r.err.find("g1.jsonl.gz") != std::string::npos) == (i == 0));
  }
}

TEST_CASE("shard by: --shard-by is validated - record or file - and file needs files", "[shard][cli]") {
  std::string dir = testing::ScratchDir("shard-by-flags");
  WriteFile(dir + "/a.txt", "Some text.\n");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--shard-by", "line", "a.txt"},
        {"--shard", "0/2", "--shard-by", "file"},
        {"--shard", "0/2", "--shard-by", "file", "-"},
        {"--shard", "0/2", "--shard-by", "file", "a.txt", "https://example.org/"},
        {"--shard", "0/2", "--shard-by", "file", "--urls", "a.txt", "a.txt"}}) {
    auto r = RunCleaner(args, "", dir);
    INFO(args[1] << " " << args.back() << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--shard-by") != std::string::npos);
  }
  auto r = RunCleaner({"--shard", "0/2", "--shard-by", "record", "a.txt"}, "", dir);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Some text.\n");
  CHECK(RunCleaner({"--help"}).out.find("--shard-by file") != std::string::npos);
}

}  // namespace
}  // namespace cleaner
