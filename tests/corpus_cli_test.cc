// Tests that run the built cleaner on corpora: JSON Lines in and out,
// --jobs (same bytes, input order), --shard under GNU parallel, -o DIR with
// hostile ids, every record accounted for, a closed pipe.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCleaner;
using testing::WriteFile;
using Json = nlohmann::ordered_json;

// `n` records: scraped text with boilerplate, HTML pages, a few broken lines.
std::string MakeCorpus(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    Json j;
    j["id"] = "doc-" + std::to_string(i);
    if (i % 50 == 7) {
      out += "{\"id\": \"broken-" + std::to_string(i) + "\", \"text\": \n";
      continue;
    }
    std::string para = "Paragraph " + std::to_string(i) +
                       " tells of a town council that met on a wet Tuesday to discuss the "
                       "harbour, the library and the state of the coastal railway.";
    if (i % 3 == 0) {
      j["html"] = "<html><head><title>Page " + std::to_string(i) +
                  "</title></head><body><nav><a href='/'>Home</a></nav><article><p>" + para +
                  "</p><p>" + para + " Again.</p></article><footer>Share on Facebook</footer>" +
                  "</body></html>";
    } else {
      j["text"] = para + "\n\nShare this article\n\n" + para + " Once more.";
    }
    j["source_shard"] = i % 4;
    out += j.dump() + "\n";
  }
  return out;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

TEST_CASE("JSONL: every record out - in order - the same bytes for every --jobs", "[corpus][cli]") {
  std::string dir = testing::ScratchDir("jobs");
  WriteFile(dir + "/in.jsonl", MakeCorpus(400));
  auto one = RunCleaner({"--output-format", "jsonl", "-j", "1", "in.jsonl"}, "", dir);
  auto two = RunCleaner({"--output-format", "jsonl", "-j", "2", "in.jsonl"}, "", dir);
  auto five = RunCleaner({"--output-format", "jsonl", "--jobs=5", "in.jsonl"}, "", dir);
  CHECK(one.exit_code == 1);  // the broken lines
  CHECK(one.out == two.out);
  CHECK(one.out == five.out);
  // stderr is the same too, but for the timing in the summary.
  CHECK(one.err.substr(0, one.err.find("; ")) == two.err.substr(0, two.err.find("; ")));
  std::vector<std::string> lines = Lines(one.out);
  REQUIRE(lines.size() == 400);
  int errors = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    Json j = Json::parse(lines[i]);
    if (j.contains("error")) {
      ++errors;
      CHECK(j["id"] == "in.jsonl:" + std::to_string(i + 1));
      CHECK(one.err.find("cleaner: in.jsonl:" + std::to_string(i + 1) + ": ") != std::string::npos);
    } else {
      CHECK(j["id"] == "doc-" + std::to_string(i));
      CHECK(j["source_shard"] == static_cast<int>(i % 4));
      CHECK(j["text"].get<std::string>().find("Paragraph " + std::to_string(i)) == 0);
    }
  }
  CHECK(errors == 8);
  CHECK(one.err.find("cleaner: summary: 400 in, 392 written, 0 dropped, 0 skipped, 8 failed") !=
        std::string::npos);
}

TEST_CASE("JSONL from stdin - and .jsonl.gz recognized by name", "[corpus][cli]") {
  std::string dir = testing::ScratchDir("stdin");
  WriteFile(dir + "/in.jsonl", MakeCorpus(20));
  auto file = RunCleaner({"--output-format", "jsonl", "in.jsonl"}, "", dir);
  REQUIRE(std::system(("gzip -k '" + dir + "/in.jsonl'").c_str()) == 0);
  auto gz = RunCleaner({"--output-format", "jsonl", "in.jsonl.gz"}, "", dir);
  auto in = RunCleaner({"--input-format", "jsonl", "--output-format", "jsonl"}, dir + "/in.jsonl");
  CHECK(Lines(gz.out).size() == 20);
  CHECK(Lines(in.out).size() == 20);
  // Same records; only the error records' ids name the file differently.
  for (size_t i = 0; i < 20; ++i) {
    if (Lines(file.out)[i].find("\"error\"") != std::string::npos) continue;
    CHECK(Lines(gz.out)[i] == Lines(file.out)[i]);
    CHECK(Lines(in.out)[i] == Lines(file.out)[i]);
  }
  auto text = RunCleaner({"in.jsonl"}, "", dir);
  CHECK(text.out.find("Paragraph 1 tells") != std::string::npos);
  CHECK(text.out.find("{\"") == std::string::npos);
}

TEST_CASE("shards under GNU parallel (--shard): the union is the single-process output", "[corpus][cli]") {
  if (!fs::exists("/usr/bin/parallel")) {
    WARN("GNU parallel is not installed: shard test not run");
    return;
  }
  std::string dir = testing::ScratchDir("shard");
  WriteFile(dir + "/in.jsonl", MakeCorpus(300));
  std::string cmd = "cd '" + dir + "' && /usr/bin/parallel --will-cite -j 3 '\"" CLEANER_BINARY
                    "\" --shard {}/3 -j 1 --output-format jsonl in.jsonl > part-{}.jsonl "
                    "2> err-{}.txt' ::: 0 1 2";
  int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);  // GNU parallel: number of failed jobs; each saw a broken line
  auto whole = RunCleaner({"--output-format", "jsonl", "in.jsonl"}, "", dir);
  std::vector<std::string> all = Lines(whole.out), parts;
  for (int i = 0; i < 3; ++i) {
    std::vector<std::string> p = Lines(ReadFile(dir + "/part-" + std::to_string(i) + ".jsonl"));
    CHECK(p.size() == 100);  // ordinal sharding: equal shares
    parts.insert(parts.end(), p.begin(), p.end());
  }
  std::sort(all.begin(), all.end());
  std::sort(parts.begin(), parts.end());
  CHECK(all.size() == 300);
  CHECK(parts == all);
}

TEST_CASE("output folder: one file per record - never outside DIR whatever the id", "[corpus][cli]") {
  std::string dir = testing::ScratchDir("safe");
  std::string in;
  for (const char* id : {"../../escape", "/etc/evil", "..", "a/../../b", "ok", "sp ace\xff"}) {
    Json j;
    j["id"] = id;
    j["text"] = std::string("Some text for the record named ") + "by an odd id, long enough.";
    in += j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  WriteFile(dir + "/work/in.jsonl", in);
  auto r = RunCleaner({"-o", "out", "in.jsonl"}, "", dir + "/work");
  CHECK(r.exit_code == 0);
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string p = e.path().string();
    if (p == dir + "/work/in.jsonl") continue;
    ++files;
    CHECK(p.rfind(dir + "/work/out/in/", 0) == 0);
  }
  CHECK(files == 6);
  CHECK(ReadFile(dir + "/work/out/in/ok.txt").find("Some text") == 0);
}

TEST_CASE("a closed stdout ends a parallel JSONL run quietly", "[corpus][cli]") {
  std::string dir = testing::ScratchDir("jsonl-pipe");
  WriteFile(dir + "/in.jsonl", MakeCorpus(2000));
  std::string cmd = "cd '" + dir + "' && bash -c 'set -o pipefail; \"" CLEANER_BINARY
                    "\" -j 2 --output-format jsonl in.jsonl 2> err.txt | head -c 10 > /dev/null'";
  int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(ReadFile(dir + "/err.txt").find("summary") == std::string::npos);
}

TEST_CASE("corpus flags are validated", "[corpus][cli]") {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--shard", "3/3"}, {"--shard", "1"}, {"--shard", "-1/2"},
        {"--jobs", "0"}, {"--output-format", "xml"}, {"--timeout", "0"}, {"--delay", "x"},
        {"--output-format", "jsonl", "-o", "dir"}}) {
    auto r = RunCleaner(args);
    INFO(args[0] << " " << args[1]);
    CHECK(r.exit_code == 2);
  }
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("help lists every corpus option", "[corpus][cli]") {
  auto h = RunCleaner({"--help"});
  for (const char* name : {"--output-format", "--text-field", "--html-field", "--id-field", "--urls",
                           "--jobs", "--shard", "--stats", "--concurrency", "--delay",
                           "--connect-timeout", "--timeout", "--retries", "--max-redirects",
                           "--user-agent", "--allow-file-urls", "jsonl", "warc"}) {
    INFO(name);
    CHECK(h.out.find(name) != std::string::npos);
  }
  CHECK(h.out.find("--shard 3/16") != std::string::npos);  // with an example
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("input metadata is kept - ours only fills what the input lacks or left blank",
          "[corpus]") {
  // Issue 14.10: source "cc-2024", title and date came out as "jsonl", "", "".
  std::string dir = testing::ScratchDir("meta-merge");
  WriteFile(dir + "/m.jsonl",
            "{\"id\":\"a\",\"text\":\"A paragraph about the harbour and its boats, kept.\","
            "\"metadata\":{\"source\":\"cc-2024\",\"title\":\"Orig title\",\"date\":\"2020-01-01\","
            "\"author\":\"\",\"custom\":7}}\n");
  auto r = testing::RunCleaner({"--output-format", "jsonl", dir + "/m.jsonl"});
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  const auto& m = j["metadata"];
  CHECK(m["source"] == "cc-2024");
  CHECK(m["title"] == "Orig title");
  CHECK(m["date"] == "2020-01-01");
  CHECK(m["custom"] == 7);
  CHECK(m["author"] == "");           // blank in the input, nothing of ours to add
  CHECK(m["format"] == "text");       // ours, the input had no such key
  CHECK(m.contains("removed"));       // every key still present
}

}  // namespace
}  // namespace cleaner
