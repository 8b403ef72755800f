// Tests for finding repeated sibling structures (posts, cards).
#include "cleaner/extract/repeated.h"

#include <catch2/catch.hpp>

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

}  // namespace
}  // namespace cleaner
