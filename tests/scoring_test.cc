// Tests for Readability's candidate scoring (cleaner/extract/scoring.h) on
// small walked pages.
#include "cleaner/extract/scoring.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "cleaner/extract/features.h"
#include "tests/extract_test_util.h"

namespace cleaner {
namespace {

using extract_internal::ClassifyProse;
using extract_internal::PickTop;
using extract_internal::Score;
using extract_internal::SumUp;
using extract_internal::Walker;
using testing::HtmlPage;
using testing::ProseParagraph;

// `body` walked, its blocks classified, its elements summed and scored.
std::unique_ptr<Walker> Scored(const std::string& body) {
  auto w = testing::WalkHtml(HtmlPage(body));
  ClassifyProse(&w->blocks);
  SumUp(w->blocks, &w->elems);
  Score(w->blocks, &w->elems);
  return w;
}

int FindTag(const Walker& w, GumboTag tag) {
  for (size_t i = 0; i < w.elems.size(); ++i) {
    if (w.elems[i].tag == tag) return static_cast<int>(i);
  }
  return -1;
}

TEST_CASE(
    "a paragraph scores its container and the ancestors above it with Readability's "
    "dividers",
    "[extract][scoring]") {
  auto w = Scored("<section><div>" + ProseParagraph(1) + "</div></section>");
  REQUIRE(w->blocks.size() == 1);
  const RawBlock& b = w->blocks[0];
  REQUIRE(b.prose);
  const float s = 1.f + b.commas + std::min(b.chars / 100, 3) + 1.f;
  // The <p> is a paragraph: its parent is the first candidate.
  const int div = FindTag(*w, GUMBO_TAG_DIV), section = FindTag(*w, GUMBO_TAG_SECTION);
  const int body = FindTag(*w, GUMBO_TAG_BODY), html = FindTag(*w, GUMBO_TAG_HTML);
  CHECK_FALSE(w->elems[FindTag(*w, GUMBO_TAG_P)].scored);
  CHECK(w->elems[div].score == Approx(5 + s));          // <div> starts at 5
  CHECK(w->elems[section].score == Approx(5 + s / 2));  // <section> starts at 5
  CHECK(w->elems[body].score == Approx(s / 6));
  CHECK(w->elems[html].score == Approx(s / 9));
}

TEST_CASE("headings - tables and short lines score nothing", "[extract][scoring]") {
  auto w = Scored(
      "<div><h1>A heading that is long enough to be scored</h1><p>Short line.</p>"
      "<table><tr><td>a cell of a data table, long enough</td><td>b</td></tr></table></div>");
  for (const Elem& e : w->elems) CHECK_FALSE(e.scored);
  CHECK(PickTop(&w->elems) == -1);
}

TEST_CASE("the paragraph-rich container wins over a link-heavy sidebar", "[extract][scoring]") {
  std::string article, links;
  for (int i = 1; i <= 4; ++i) article += ProseParagraph(i);
  for (int i = 1; i <= 8; ++i) {
    links += "<li><a href=\"/n/" + std::to_string(i) +
             "\">A related story headline about the town, number " + std::to_string(i) +
             "</a></li>";
  }
  auto w = Scored("<div><ul>" + links + "</ul></div><div>" + article + "</div>");
  const int top = PickTop(&w->elems);
  REQUIRE(top >= 0);
  CHECK(w->elems[top].tag == GUMBO_TAG_DIV);
  REQUIRE(w->elems[top].first_block < w->elems[top].end_block);
  CHECK(w->blocks[w->elems[top].first_block].text.rfind("This is sentence number 1", 0) == 0);
  CHECK(w->elems[top].end_block - w->elems[top].first_block == 4);
  // The list scored (its items are long enough) but its link density
  // discounted it to nothing.
  const int ul = FindTag(*w, GUMBO_TAG_UL);
  CHECK(w->elems[ul].scored);
  CHECK(w->elems[ul].score == Approx(0));
}

TEST_CASE("a container that holds nothing more than its only child gives way to its parent",
          "[extract][scoring]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += ProseParagraph(i);
  auto w = Scored("<div class=\"outer\"><div class=\"inner\">" + article + "</div></div>");
  const int outer = FindTag(*w, GUMBO_TAG_DIV);
  const int inner = outer + 1;
  REQUIRE(w->elems[inner].parent == outer);
  // The inner container scores best ...
  CHECK(w->elems[inner].score > w->elems[outer].score);
  // ... but its parent holds the same text, and its siblings (none here)
  // are the better candidates for joining.
  CHECK(PickTop(&w->elems) == outer);
}

}  // namespace
}  // namespace cleaner
