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

// Prose pasted into a page with a <br> at every 60-odd columns.
const char kWrappedBlock[] =
    "Gym equipment refers to the various machines, tools, and long-\n"
    "lasting accessories used in a fitness facility to help people\n"
    "achieve their goals. These machines are designed to target the\n"
    "different muscle groups, improve cardiovascular health, and\n"
    "enhance overall physical fitness for beginners and experts.";

TEST_CASE("an HTML block's hard-wrapped lines are re-joined", "[segment]") {
  std::string text = kWrappedBlock;
  CHECK(JoinWrappedLines(&text) == 4);
  CHECK(text ==
        "Gym equipment refers to the various machines, tools, and long-lasting accessories "
        "used in a fitness facility to help people achieve their goals. These machines are "
        "designed to target the different muscle groups, improve cardiovascular health, and "
        "enhance overall physical fitness for beginners and experts.");
  CHECK(JoinWrappedLines(&text) == 0);  // nothing left to join
}

TEST_CASE("an HTML block's lines that are not wrapping stay", "[segment]") {
  for (std::string text : {
           // A list's items, each on its line, starting with a capital.
           std::string("Long assembly process for the desk frame and its legs\n"
                       "Small keyboard space for people with a wide keyboard\n"
                       "Poor return policy when the box has been opened"),
           // A sentence per line.
           std::string("Synchronization should be explicit and easy to reason about.\n"
                       "Conflicts should be deterministic and easy to reproduce here.\n"
                       "Failure should be local, never global, and visible at once."),
           // Links on lines of their own.
           std::string("These are the pages with the standings of the competitions\n"
                       "https://www.example.org/championsleague/standings/\n"
                       "https://www.example.org/europaleague/standings/\n"
                       "https://www.example.org/conferenceleague/standings/"),
           // A poem's short lines.
           std::string("the fog comes\non little cat feet\nit sits looking\nover harbor and city"),
       }) {
    const std::string before = text;
    CHECK(JoinWrappedLines(&text) == 0);
    CHECK(text == before);
  }
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
