// The unified diff behind --check --diff: exact output on small cases, and
// on random ones a diff that patches the old text into the new with a
// shortest edit script; bounded on huge unrelated texts.
#include "cleaner/cli/unified_diff.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace cleaner {
namespace {

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string::npos ? s.size() : nl + 1;
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

// Applies a unified diff to `old_text` as patch(1) would; counts the
// '-' and '+' lines in *edits. Fails the test on a context mismatch.
std::string Apply(const std::string& old_text, const std::string& diff, size_t* edits) {
  std::vector<std::string> a = Lines(old_text), d = Lines(diff), out;
  size_t ai = 0;
  *edits = 0;
  for (size_t i = 2; i < d.size(); ++i) {  // past the --- and +++ lines
    const std::string& line = d[i];
    if (line.rfind("@@ -", 0) == 0) {
      long start = std::stol(line.substr(4));
      size_t comma = line.find(',');
      size_t space = line.find(' ', 4);
      long count = comma < space ? std::stol(line.substr(comma + 1)) : 1;
      size_t first = static_cast<size_t>(count == 0 ? start : start - 1);
      REQUIRE(first >= ai);
      while (ai < first) out.push_back(a[ai++]);
      continue;
    }
    if (line.rfind("\\ No newline", 0) == 0) {
      REQUIRE(!out.empty());
      if (d[i - 1][0] != '-' && !out.back().empty() && out.back().back() == '\n') {
        out.back().pop_back();
      }
      continue;
    }
    const std::string body = line.substr(1);
    if (line[0] == ' ' || line[0] == '-') {
      REQUIRE(ai < a.size());
      // The diff's line has a '\n' even when the file's lacks one.
      CHECK((a[ai] == body || a[ai] + "\n" == body));
      if (line[0] == ' ') out.push_back(a[ai]);
      ++ai;
    } else {
      REQUIRE(line[0] == '+');
      out.push_back(body);
    }
    *edits += line[0] != ' ';
  }
  while (ai < a.size()) out.push_back(a[ai++]);
  std::string s;
  for (const std::string& l : out) s += l;
  return s;
}

// The length of a shortest edit script (lines deleted plus inserted).
size_t ShortestEdits(const std::string& x, const std::string& y) {
  std::vector<std::string> a = Lines(x), b = Lines(y);
  std::vector<std::vector<size_t>> lcs(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return a.size() + b.size() - 2 * lcs[0][0];
}

TEST_CASE("equal texts give no diff", "[cli]") {
  CHECK(UnifiedDiff("a\nb\n", "a\nb\n", "x", "y").empty());
  CHECK(UnifiedDiff("", "", "x", "y").empty());
}

TEST_CASE("a changed line is shown with three lines of context - as diff -u does", "[cli]") {
  std::string old_text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  std::string new_text = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  CHECK(UnifiedDiff(old_text, new_text, "a.txt", "b.txt") ==
        "--- a.txt\n+++ b.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  // Insertion into an empty file; deletion of everything.
  CHECK(UnifiedDiff("", "x\n", "a", "b") == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
  CHECK(UnifiedDiff("x\ny\n", "", "a", "b") == "--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n");
  // A last line without its newline is marked.
  CHECK(UnifiedDiff("x\ny", "x\ny\n", "a", "b") ==
        "--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n");
}

TEST_CASE("changes far apart make separate hunks - near ones one hunk", "[cli]") {
  std::string old_text, new_text;
  for (int i = 0; i < 40; ++i) {
    old_text += std::to_string(i) + "\n";
    new_text += (i == 5 || i == 30 || i == 33 ? "changed " : "") + std::to_string(i) + "\n";
  }
  std::string d = UnifiedDiff(old_text, new_text, "a", "b");
  size_t hunks = 0;
  for (size_t at = d.find("@@ -"); at != std::string::npos; at = d.find("@@ -", at + 1)) ++hunks;
  CHECK(hunks == 2);
  CHECK(d.find("@@ -3,7 +3,7 @@") != std::string::npos);
  CHECK(d.find("@@ -28,10 +28,10 @@") != std::string::npos);
}

TEST_CASE("random edits: the diff patches old into new with a shortest script", "[cli]") {
  std::mt19937 rng(15);
  for (int round = 0; round < 300; ++round) {
    std::string x, y;
    int n = static_cast<int>(rng() % 30), m = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) x += std::string(1, static_cast<char>('a' + rng() % 4)) + "\n";
    for (int i = 0; i < m; ++i) y += std::string(1, static_cast<char>('a' + rng() % 4)) + "\n";
    if (rng() % 4 == 0 && !y.empty()) y.pop_back();  // no newline at the end
    INFO("old:\n" << x << "\nnew:\n" << y);
    std::string d = UnifiedDiff(x, y, "a", "b");
    size_t edits = 0;
    CHECK(Apply(x, d, &edits) == y);
    CHECK(edits == ShortestEdits(x, y));
  }
}

TEST_CASE("unrelated huge texts are diffed in bounded time as one hunk", "[cli]") {
  std::string x, y;
  for (int i = 0; i < 200000; ++i) {
    x += "old line " + std::to_string(i) + "\n";
    y += "new line " + std::to_string(i) + "\n";
  }
  std::string d = UnifiedDiff(x, y, "a", "b");
  size_t edits = 0;
  CHECK(Apply(x, d, &edits) == y);
  CHECK(edits == 400000);
  CHECK(d.find("@@ -1,200000 +1,200000 @@") != std::string::npos);
}

}  // namespace
}  // namespace cleaner
