// Tests for cleaner/util/utf8.
#include "cleaner/util/utf8.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

namespace cleaner {
namespace {

TEST_CASE("well-formed and ill-formed UTF-8 are told apart", "[utf8]") {
  struct Row {
    const char* input;
    bool valid;
  };
  const Row rows[] = {
      {"", true},
      {"plain ASCII", true},
      {"caf\xC3\xA9", true},
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D", true},
      {"\xF0\x9F\x98\x80", true},            // U+1F600
      {"\xC0\xAF", false},                   // overlong '/'
      {"\xED\xA0\x80", false},               // surrogate
      {"\xF4\x90\x80\x80", false},           // above U+10FFFF
      {"caf\xE9", false},                    // Latin-1 byte
      {"\xE2\x80", false},                   // truncated
  };
  for (const Row& r : rows) {
    INFO(r.input);
    CHECK(IsValidUtf8(r.input) == r.valid);
  }
}

// IsValidUtf8() skips ASCII sixteen bytes at a time and checks two-byte
// sequences inline; NextCodePoint() is the reference (an ill-formed
// sequence gives U+FFFD without being EF BF BD). The pieces put every kind
// of sequence, whole or cut, at every offset of a 16-byte word.
TEST_CASE("the fast validity check and code point count agree with decoding", "[utf8]") {
  const char* pieces[] = {"a", "bcdefgh", "ijklmnopqrstuvw", "\xC3\xA9", "\xD0\xB6", "\xC2",
                          "\xDF\xBF", "\xC1\xBF", "\x80", "\xBF", "\xE2\x80\x9C", "\xE2\x80",
                          "\xED\xA0\x80", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80",
                          "\xFF"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<size_t> piece(0, sizeof pieces / sizeof pieces[0] - 1);
  std::uniform_int_distribution<int> count(0, 30);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    // Mostly well-formed strings: a piece that is a cut or bad sequence
    // is taken only once in a while.
    for (int k = count(rng); k > 0; --k) {
      size_t i = piece(rng);
      if (i >= 5 && i != 6 && i != 10 && i != 13 && i != 14 && rng() % 8 != 0) i = 0;
      s += pieces[i];
    }
    bool valid = true;
    size_t code_points = 0;
    for (size_t pos = 0; pos < s.size(); ++code_points) {
      const size_t start = pos;
      if (NextCodePoint(s, &pos) == 0xFFFD && s.compare(start, pos - start, "\xEF\xBF\xBD") != 0) {
        valid = false;
      }
    }
    INFO(s);
    CHECK(IsValidUtf8(s) == valid);
    if (valid) CHECK(CountCodePoints(s) == code_points);
  }
}

TEST_CASE("ill-formed sequences become one U+FFFD per maximal subpart", "[utf8]") {
  uint64_t n = 0;
  CHECK(SanitizeUtf8("a\xE2\x80z", &n) == "a\xEF\xBF\xBDz");
  CHECK(n == 1);
  n = 0;
  CHECK(SanitizeUtf8("\xFF\xFE", &n) == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(n == 2);
}

TEST_CASE("code points round-trip through Next - Prev and Append", "[utf8]") {
  const std::string s = "a\xC3\xA9\xE2\x80\x9C\xF0\x9F\x98\x80";
  size_t pos = 0;
  std::string rebuilt;
  while (pos < s.size()) AppendUtf8(NextCodePoint(s, &pos), &rebuilt);
  CHECK(rebuilt == s);
  pos = s.size();
  CHECK(PrevCodePoint(s, &pos) == 0x1F600);
  CHECK(PrevCodePoint(s, &pos) == 0x201C);
  CHECK(PrevCodePoint(s, &pos) == 0xE9);
  CHECK(PrevCodePoint(s, &pos) == 'a');
  CHECK(pos == 0);
  CHECK(CountCodePoints(s) == 4);
}

}  // namespace
}  // namespace cleaner
