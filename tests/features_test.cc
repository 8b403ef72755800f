// Tests for the features of a walked page (cleaner/extract/features.h):
// which blocks are prose, the elements' sums, and the hidden text.
#include "cleaner/extract/features.h"

#include <catch2/catch.hpp>
#include <vector>

#include "cleaner/extract/extract_rules.h"

namespace cleaner {
namespace {

using extract_internal::ClassifyProse;
using extract_internal::HiddenRule;
using extract_internal::HiddenText;
using extract_internal::MeasureHidden;
using extract_internal::SumUp;

RawBlock Counted(int chars, int link_chars, int stops, int commas, int words, int stop_words,
                 BlockKind kind = BlockKind::kParagraph) {
  RawBlock b;
  b.kind = kind;
  b.chars = chars;
  b.link_chars = link_chars;
  b.stops = stops;
  b.commas = commas;
  b.words = words;
  b.stop_words = stop_words;
  return b;
}

TEST_CASE("a block is prose when long - punctuated - not links - and dense in stop words",
          "[extract][features]") {
  struct Row {
    const char* what;
    RawBlock block;
    bool prose;
  };
  const Row rows[] = {
      {"a sentence", Counted(80, 0, 1, 0, 15, 5), true},
      {"commas count as punctuation", Counted(80, 0, 0, 2, 15, 5), true},
      {"too short for a sentence", Counted(59, 0, 1, 0, 10, 4), false},
      {"no punctuation", Counted(80, 0, 0, 0, 15, 5), false},
      {"mostly links", Counted(80, 30, 1, 0, 15, 5), false},
      {"few stop words", Counted(80, 0, 1, 0, 15, 2), false},
      {"a heading", Counted(80, 0, 1, 0, 15, 5, BlockKind::kHeading), false},
      {"a table", Counted(80, 0, 1, 0, 15, 5, BlockKind::kTable), false},
  };
  for (const Row& row : rows) {
    INFO(row.what);
    // One block that makes the page a page of a language with stop words,
    // then the block under test.
    std::vector<RawBlock> blocks{Counted(10, 0, 0, 0, 20, 10), row.block};
    ClassifyProse(&blocks);
    CHECK(blocks[1].prose == row.prose);
  }
}

TEST_CASE("a page without stop words is judged without them", "[extract][features]") {
  // Under 5 % stop words over the page: a language without a list.
  std::vector<RawBlock> blocks{Counted(80, 0, 1, 0, 40, 1), Counted(80, 0, 1, 0, 40, 0)};
  ClassifyProse(&blocks);
  CHECK(blocks[0].prose);
  CHECK(blocks[1].prose);
}

// 0 <- 1 <- 2, and 0 <- 3: a root with a nested pair and a leaf.
std::vector<Elem> SmallTree() {
  std::vector<Elem> elems(4);
  elems[0].end = 4;
  elems[1].parent = 0;
  elems[1].end = 3;
  elems[2].parent = 1;
  elems[2].end = 3;
  elems[3].parent = 0;
  elems[3].end = 4;
  return elems;
}

TEST_CASE("element sums add up the blocks of the subtree that are not dropped",
          "[extract][features]") {
  std::vector<Elem> elems = SmallTree();
  std::vector<RawBlock> blocks(3);
  blocks[0].owner = 2;
  blocks[0].chars = 100;
  blocks[0].link_chars = 10;
  blocks[0].commas = 3;
  blocks[0].prose = true;
  blocks[1].owner = 1;
  blocks[1].chars = 20;
  blocks[1].link_chars = 20;
  blocks[2].owner = 3;
  blocks[2].chars = 50;
  blocks[2].prose = true;
  blocks[2].dropped = true;
  // Twice: the sums start again from zero.
  for (int pass = 0; pass < 2; ++pass) {
    SumUp(blocks, &elems);
    CHECK(elems[2].chars == 100);
    CHECK(elems[1].chars == 120);
    CHECK(elems[1].link_chars == 30);
    CHECK(elems[1].prose_chars == 100);
    CHECK(elems[0].chars == 120);
    CHECK(elems[0].commas == 3);
    CHECK(elems[3].chars == 0);
  }
}

TEST_CASE("hidden text is the text inside hidden elements - outside links", "[extract][features]") {
  std::vector<Elem> elems = SmallTree();
  elems[1].rule = &HiddenRule();
  std::vector<RawBlock> blocks(3);
  blocks[0].owner = 2;  // inside the hidden element 1
  blocks[0].chars = 100;
  blocks[1].owner = 3;
  blocks[1].chars = 30;
  blocks[1].link_chars = 10;
  blocks[2].owner = -1;  // outside every element
  blocks[2].chars = 5;
  const HiddenText h = MeasureHidden(elems, blocks);
  CHECK(h.in_hidden == std::vector<char>{0, 1, 1, 0});
  CHECK(h.hidden == 100);
  CHECK(h.visible == 25);
}

}  // namespace
}  // namespace cleaner
