// Tests for bounding a page's nesting and attributes before parsing.
#include "cleaner/extract/extract_bound.h"

#include <catch2/catch.hpp>

#include <string>

namespace cleaner {
namespace {

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  while (n-- > 0) out += s;
  return out;
}

TEST_CASE("pages within bounds are left alone", "[extract][bound]") {
  HtmlBounds b;
  std::string out = "untouched";
  CHECK_FALSE(BoundHtml("<html><body><div><p>Hi <b>there</b></div></body></html>", b, &out));
  CHECK(out == "untouched");
  // Elements with optional end tags, void elements and self-closing tags
  // do not deepen the estimate.
  CHECK_FALSE(BoundHtml(Repeat("<p>para<li>item<br><img src=x><path d=\"1\"/>", 5000), b, &out));
  // Unclosed inline elements are closed by their parent's end tag.
  CHECK_FALSE(BoundHtml(Repeat("<div><span>open</div>", 5000), b, &out));
  // Tags inside script, style and comments are not tags.
  CHECK_FALSE(BoundHtml("<script>" + Repeat("<div>", 5000) + "</script><!--" +
                            Repeat("<div>", 5000) + "-->",
                        b, &out));
}

TEST_CASE("nesting past the bound loses its tags - not its text", "[extract][bound]") {
  HtmlBounds b;
  b.max_depth = 3;
  std::string out;
  REQUIRE(BoundHtml("<div><div><div><div><div>deep</div></div></div></div></div>after", b, &out));
  CHECK(out == "<div><div><div>deep</div></div></div>after");
}

TEST_CASE("list items that nest count towards the depth", "[extract][bound][hostile]") {
  // Issue 14.3: '<li><dd>' * 100000 took 91 s to parse, the bound took li
  // and dd for elements that never deepen nesting.
  std::string out;
  REQUIRE(BoundHtml(Repeat("<li><dd>", 100000) + "<p>text</p>", HtmlBounds(), &out));
  CHECK(out == Repeat("<li><dd>", 256) + "<p>text</p>");
  REQUIRE(BoundHtml(Repeat("<optgroup><option>", 1000), HtmlBounds(), &out));
  REQUIRE(BoundHtml(Repeat("<rt>", 1000), HtmlBounds(), &out));
  // Items that close their predecessor, as the parser closes them, stay
  // within bounds however many there are.
  HtmlBounds b;
  CHECK_FALSE(BoundHtml("<ul>" + Repeat("<li><span>item<li><b>x</b>", 5000) + "</ul>", b, &out));
  CHECK_FALSE(BoundHtml("<dl>" + Repeat("<dt>term<dd>def<div>more</div>", 5000) + "</dl>", b, &out));
  CHECK_FALSE(BoundHtml("<select>" + Repeat("<option>a", 5000) + "</select>", b, &out));
  CHECK_FALSE(BoundHtml(Repeat("<ruby>x<rb>a<rt>b<rtc>c<rt>d<rp>e</ruby>", 5000), b, &out));
}

TEST_CASE("tags past the budget are left out - raw text elements whole", "[extract][bound][hostile]") {
  // Issue 14.5: 60 MB of <br> walls took 3 GB in the parse tree.
  HtmlBounds b;
  b.max_tags = 3;
  std::string out;
  REQUIRE(BoundHtml("<p>a<br>b<br>c<br>d</p><script>x<y</script><p>e</p>", b, &out));
  CHECK(out == "<p>a<br>b<br>c d   e ");
  CHECK(TagBudget(1000) == 100000);
  CHECK(TagBudget(64u << 20) == (1u << 19));
  b.max_tags = 0;
  CHECK_FALSE(BoundHtml(Repeat("<p>x</p>", 300000), b, &out));
}

TEST_CASE("attributes past the bound are left out", "[extract][bound]") {
  HtmlBounds b;
  b.max_attributes = 2;
  std::string out;
  REQUIRE(BoundHtml("<p a=1 b='2>' c=\"3\" d>text</p>", b, &out));
  CHECK(out == "<p a=1 b='2>' >text</p>");
}

TEST_CASE("bounding is linear on hostile pages", "[extract][bound]") {
  std::string deep = Repeat("<div>", 1000000);
  std::string out;
  REQUIRE(BoundHtml(deep, HtmlBounds(), &out));
  CHECK(out.size() == 512 * 5);
  std::string stray = Repeat("<div>", 600) + Repeat("</nomatch>", 200000);
  REQUIRE(BoundHtml(stray, HtmlBounds(), &out));
}

}  // namespace
}  // namespace cleaner
