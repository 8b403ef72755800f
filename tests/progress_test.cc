// The terminal progress line: total, percent and ETA when the number of
// documents is known before reading, and when it is known.
#include "cleaner/cli/progress.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace cleaner {
namespace {

TEST_CASE("the progress line shows total - percent and ETA when the total is known", "[cli]") {
  CHECK(ProgressLine(120, 400, 2.0, 3000000) ==
        "cleaner: 120/400 documents (30%), 60 docs/s, 1.5 MB/s, ETA 5s");
  CHECK(ProgressLine(10, 10000, 1.0, 0) ==
        "cleaner: 10/10000 documents (0%), 10 docs/s, 0.0 MB/s, ETA 16m39s");
  CHECK(ProgressLine(1, 100000, 1.0, 0).find("ETA 27h46m") != std::string::npos);
  // Unknown, or passed (a WARC file counted as one document): no total.
  CHECK(ProgressLine(120, 0, 2.0, 3000000) == "cleaner: 120 documents, 60 docs/s, 1.5 MB/s");
  CHECK(ProgressLine(12, 10, 1.0, 0) == "cleaner: 12 documents, 12 docs/s, 0.0 MB/s");
}

TEST_CASE("the document count is known for files and folders - per shard", "[cli]") {
  std::string dir = testing::ScratchDir("progress-count");
  for (int i = 0; i < 5; ++i) testing::WriteFile(dir + "/p/" + std::to_string(i) + ".txt", "x");
  testing::WriteFile(dir + "/one.html", "<p>x</p>");
  testing::WriteFile(dir + "/d.jsonl", "{}\n");
  CorpusReadOptions ro;
  CHECK(KnownDocumentCount({dir + "/p", dir + "/one.html"}, ro) == 6);
  // Records of containers, stdin and URLs are not known in advance.
  CHECK(KnownDocumentCount({dir + "/p", dir + "/d.jsonl"}, ro) == 0);
  CHECK(KnownDocumentCount({"-"}, ro) == 0);
  CHECK(KnownDocumentCount({"https://example.org/"}, ro) == 0);
  ro.shard_count = 4;
  ro.shard_index = 1;  // ordinals 1 and 5 of 0..5
  CHECK(KnownDocumentCount({dir + "/p", dir + "/one.html"}, ro) == 2);
  ro.shard_index = 3;
  CHECK(KnownDocumentCount({dir + "/p", dir + "/one.html"}, ro) == 1);
}

}  // namespace
}  // namespace cleaner
