// Tests for finding repeated sibling structures (posts, cards).
#include "cleaner/extract/repeated.h"

#include <catch2/catch.hpp>

#include <tuple>
#include <vector>

namespace cleaner {
namespace {

// A flat page model: element 0 holds `kids`, each (shape, prose) a leaf.
std::vector<Elem> Siblings(const std::vector<std::pair<uint32_t, int>>& kids) {
  std::vector<Elem> elems(1);
  elems[0].has_block_child = true;
  for (const auto& [shape, prose] : kids) {
    Elem e;
    e.parent = 0;
    e.shape = shape;
    e.chars = prose + 10;
    e.prose_chars = prose;
    elems.push_back(e);
    elems.back().end = static_cast<int>(elems.size());
    elems[0].chars += e.chars;
    elems[0].prose_chars += prose;
  }
  elems[0].end = static_cast<int>(elems.size());
  return elems;
}

TEST_CASE("the repeated group with the most prose is found", "[extract][repeated]") {
  // Three posts (shape 7) between a header and a footer of other shapes,
  // and two short cards (shape 9).
  std::vector<Elem> elems =
      Siblings({{3, 0}, {7, 300}, {9, 50}, {7, 200}, {9, 60}, {7, 250}, {5, 0}});
  RepeatedGroup g = FindRepeatedGroup(elems, 2);
  CHECK(g.parent == 0);
  CHECK(g.members == std::vector<int>{2, 4, 6});
  CHECK(g.prose == 750);
}

TEST_CASE("one big container beside small siblings is no repetition", "[extract][repeated]") {
  std::vector<Elem> elems = Siblings({{7, 2000}, {7, 100}, {7, 0}});
  CHECK(FindRepeatedGroup(elems, 2).members.empty());
  // Unclassed siblings (shape 0), dropped ones and a single prose member
  // make no group either.
  elems = Siblings({{0, 300}, {0, 300}, {4, 300}, {4, 0}, {6, 300}, {6, 300}});
  elems[5].dropped = true;
  CHECK(FindRepeatedGroup(elems, 2).members.empty());
  // Past the minimum size, the same siblings are a group.
  elems = Siblings({{6, 300}, {6, 300}, {6, 200}});
  CHECK(FindRepeatedGroup(elems, 3).members.size() == 3);
  CHECK(FindRepeatedGroup(elems, 4).members.empty());
}

// Cards: element 0 holds `kids`, each (shape, chars, blocks) a leaf with no
// prose (a linked title and its details).
std::vector<Elem> Cards(const std::vector<std::tuple<uint32_t, int, int>>& kids) {
  std::vector<Elem> elems(1);
  elems[0].has_block_child = true;
  int block = 0;
  for (const auto& [shape, chars, blocks] : kids) {
    Elem e;
    e.parent = 0;
    e.shape = shape;
    e.chars = chars;
    e.first_block = block;
    block += blocks;
    e.end_block = block;
    elems.push_back(e);
    elems.back().end = static_cast<int>(elems.size());
    elems[0].chars += chars;
  }
  elems[0].end = static_cast<int>(elems.size());
  elems[0].end_block = block;
  return elems;
}

TEST_CASE("the card group with the most text is found", "[extract][repeated]") {
  // Four cards of two blocks (shape 7) and a menu of one-link items
  // (shape 9) with more text in all.
  std::vector<Elem> elems = Cards({{9, 30, 1}, {7, 60, 2}, {9, 30, 1}, {7, 80, 3}, {9, 30, 1},
                                   {7, 70, 2}, {9, 30, 1}, {7, 50, 2}, {9, 30, 1}, {9, 30, 1},
                                   {9, 30, 1}, {9, 30, 1}});
  RepeatedGroup g = FindCardGroup(elems, 4);
  CHECK(g.parent == 0);
  CHECK(g.members == std::vector<int>{2, 4, 6, 8});
  CHECK(g.chars == 260);
  // No prose: no repeated group of posts.
  CHECK(FindRepeatedGroup(elems, 2).members.empty());
}

TEST_CASE("tiny items, one big card or too few make no card group", "[extract][repeated]") {
  // Under 24 characters a card on average: tags or pagination.
  CHECK(FindCardGroup(Cards({{7, 10, 2}, {7, 12, 2}, {7, 9, 2}, {7, 11, 2}}), 4).members.empty());
  // One member with more than half the text.
  CHECK(FindCardGroup(Cards({{7, 500, 2}, {7, 40, 2}, {7, 40, 2}, {7, 40, 2}}), 4).members.empty());
  // Three members.
  CHECK(FindCardGroup(Cards({{7, 60, 2}, {7, 60, 2}, {7, 60, 2}}), 4).members.empty());
  // Past those bounds, a group.
  CHECK(FindCardGroup(Cards({{7, 60, 2}, {7, 60, 2}, {7, 60, 2}, {7, 60, 2}}), 4).members.size() ==
        4);
}

}  // namespace
}  // namespace cleaner
