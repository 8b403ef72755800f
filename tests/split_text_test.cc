// Tests for stage 2b, segmenting scraped text.
#include "cleaner/extract/split_text.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace cleaner {
namespace {

std::vector<std::string> Split(const std::string& text, testing::TestDoc* doc = nullptr) {
  testing::TestDoc local;
  if (doc == nullptr) doc = &local;
  testing::CollectingSink sink;
  REQUIRE(SplitText(text, doc->info(), &sink).ok());
  return sink.Texts();
}

using V = std::vector<std::string>;

TEST_CASE("one paragraph per line", "[segment]") {
  CHECK(Split("First paragraph.\nSecond one.\nThird.") == V{"First paragraph.", "Second one.", "Third."});
}

TEST_CASE("blank-line separated paragraphs - any line ending", "[segment]") {
  CHECK(Split("One.\r\n\r\n\r\nTwo.\r\rThree.\n") == V{"One.", "Two.", "Three."});
}

TEST_CASE("hard-wrapped prose is re-joined", "[segment]") {
  const std::string wrapped =
      "The quick brown fox jumps over the lazy dog and keeps on running\n"
      "through the fields until the evening comes and the light fades\n"
      "over the hills.\n"
      "\n"
      "A second paragraph that is also wrapped at the same width, as\n"
      "plain text e-mails and old archives are, so the lines must be\n"
      "joined again.\n";
  testing::TestDoc doc;
  CHECK(Split(wrapped, &doc) ==
        V{"The quick brown fox jumps over the lazy dog and keeps on running through the fields "
          "until the evening comes and the light fades over the hills.",
          "A second paragraph that is also wrapped at the same width, as plain text e-mails and "
          "old archives are, so the lines must be joined again."});
  CHECK(doc.stats.lines_joined == 4);
}

TEST_CASE("short lines and lists are not joined", "[segment]") {
  CHECK(Split("Leave a Reply\nYour email address will not be published.\n") ==
        V{"Leave a Reply", "Your email address will not be published."});
  CHECK(Split("Ingredients for the cake we are going to bake today:\n- flour\n- sugar\n- eggs\n") ==
        V{"Ingredients for the cake we are going to bake today:", "- flour", "- sugar", "- eggs"});
}

TEST_CASE("lines of varied length are paragraphs - not wrapping", "[segment]") {
  const std::string text =
      "A long first paragraph that goes on for quite a while before it ends here.\n"
      "Short.\n"
      "Another line of medium length.\n"
      "And one more that is a little longer than the last one was.\n";
  CHECK(Split(text).size() == 4);
}

TEST_CASE("blank lines made of invisible characters separate paragraphs", "[segment]") {
  CHECK(Split("One.\n\xC2\xA0\t\xE2\x80\x8B\nTwo.") == V{"One.", "Two."});
}

}  // namespace
}  // namespace cleaner
