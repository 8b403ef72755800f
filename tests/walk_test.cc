// Tests for the walk (cleaner/extract/walk.h): Gumbo's DOM into raw blocks
// and block-level element records, with the rules' verdicts and the
// metadata read on the way.
#include "cleaner/extract/walk.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cleaner/extract/extract_rules.h"
#include "tests/extract_test_util.h"

namespace cleaner {
namespace {

using extract_internal::HiddenRule;
using extract_internal::Walker;
using testing::WalkHtml;

std::vector<std::string> Texts(const Walker& w) {
  std::vector<std::string> texts;
  for (const RawBlock& b : w.blocks) texts.push_back(b.text);
  return texts;
}

// The index of the first recorded element with tag `tag`, or -1.
int FindTag(const Walker& w, GumboTag tag, int from = 0) {
  for (int i = from; i < static_cast<int>(w.elems.size()); ++i) {
    if (w.elems[i].tag == tag) return i;
  }
  return -1;
}

using V = std::vector<std::string>;

TEST_CASE("the walk joins inline text and records block elements with their blocks",
          "[extract][walk]") {
  auto w = WalkHtml(
      "<html><head><title>T</title><style>p { color: red }</style></head><body><div>"
      "<p>one <b>two</b><span>three</span></p><script>var x = 1;</script>"
      "<p>four<br>five</p></div></body></html>");
  CHECK(Texts(*w) == V{"one twothree", "four\nfive"});
  // html, body, div, p, p in preorder; the head and the script are not elements of the page.
  REQUIRE(w->elems.size() == 5);
  const int div = FindTag(*w, GUMBO_TAG_DIV);
  const int p1 = FindTag(*w, GUMBO_TAG_P);
  const int p2 = FindTag(*w, GUMBO_TAG_P, p1 + 1);
  REQUIRE(div == 2);
  CHECK(w->elems[div].parent == FindTag(*w, GUMBO_TAG_BODY));
  CHECK(w->elems[div].end == 5);  // its descendants are the two paragraphs
  CHECK(w->elems[div].has_block_child);
  CHECK(w->elems[div].first_block == 0);
  CHECK(w->elems[div].end_block == 2);
  CHECK(w->elems[p1].parent == div);
  CHECK(w->elems[p1].first_block == 0);
  CHECK(w->elems[p1].end_block == 1);
  CHECK(w->elems[p2].first_block == 1);
  CHECK(w->elems[p2].end_block == 2);
  CHECK(w->blocks[0].owner == p1);
  CHECK(w->blocks[1].owner == p2);
}

TEST_CASE("a hidden block is recorded with the hidden rule - hidden inline text is gone",
          "[extract][walk]") {
  const std::string html =
      "<div><p>shown <span hidden>secret</span> text</p>"
      "<p style=\"display: none\">hidden paragraph</p></div>";
  auto w = WalkHtml(html);
  // The hidden block is walked: the selection decides (a page may hide its
  // wrapper until a script shows it).
  CHECK(Texts(*w) == V{"shown text", "hidden paragraph"});
  const int hidden = w->blocks[1].owner;
  REQUIRE(hidden >= 0);
  CHECK(w->elems[hidden].rule == &HiddenRule());
  CHECK(w->elems[hidden].verdict == kDrop);
  CHECK(w->elems[w->blocks[0].owner].rule == nullptr);
  // Without rules (all visible text) a hidden block goes at once.
  auto visible = WalkHtml(html, /*apply_rules=*/false);
  CHECK(Texts(*visible) == V{"shown text"});
}

TEST_CASE("a data table is one block and records no rows or cells", "[extract][walk]") {
  auto w =
      WalkHtml("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>41</td></tr></table>");
  REQUIRE(w->blocks.size() == 1);
  CHECK(w->blocks[0].text == "Name\tAge\nAnn\t41");
  CHECK(w->blocks[0].kind == BlockKind::kTable);
  CHECK(FindTag(*w, GUMBO_TAG_TABLE) >= 0);
  CHECK(FindTag(*w, GUMBO_TAG_TR) == -1);
  CHECK(FindTag(*w, GUMBO_TAG_TD) == -1);
}

TEST_CASE("a block counts its characters - link text - commas and sentence stops",
          "[extract][walk]") {
  auto w = WalkHtml("<p>Hello, <a href=\"/x\">world</a>. Again!</p>");
  REQUIRE(w->blocks.size() == 1);
  const RawBlock& b = w->blocks[0];
  CHECK(b.text == "Hello, world. Again!");
  CHECK(b.chars == 18);  // characters other than spaces
  CHECK(b.link_chars == 5);
  CHECK(b.commas == 1);
  CHECK(b.stops == 2);
  // A link to a script is no link: its text is text.
  auto script = WalkHtml("<p>Hello, <a href=\"javascript:go()\">world</a>.</p>");
  CHECK(script->blocks[0].link_chars == 0);
}

TEST_CASE("the walk records the rules' verdicts and weights on elements", "[extract][walk]") {
  auto w = WalkHtml(
      "<div class=\"sidebar-left\"><p>x</p></div><nav><p>y</p></nav>"
      "<div class=\"story\"><p>z</p></div>");
  REQUIRE(w->blocks.size() == 3);
  const int sidebar = w->elems[w->blocks[0].owner].parent;
  const int nav = FindTag(*w, GUMBO_TAG_NAV);
  const int story = w->elems[w->blocks[2].owner].parent;
  REQUIRE(sidebar >= 0);
  REQUIRE(nav >= 0);
  REQUIRE(story >= 0);
  // "sidebar*": a prefix rule on the class token.
  CHECK(w->elems[sidebar].verdict == kDrop);
  REQUIRE(w->elems[sidebar].rule != nullptr);
  CHECK(w->elems[sidebar].rule->origin.find("extract_classes.txt:") != std::string::npos);
  CHECK_FALSE(w->elems[sidebar].rule->tag_rule);
  // "tag drop nav": a rule of the element's name.
  CHECK(w->elems[nav].verdict == kDrop);
  REQUIRE(w->elems[nav].rule != nullptr);
  CHECK(w->elems[nav].rule->tag_rule);
  // "token positive story 25": a weight, no verdict.
  CHECK(w->elems[story].verdict == kNone);
  CHECK(w->elems[story].weight == 25);
  // Without rules, no element has a verdict.
  auto plain = WalkHtml("<div class=\"sidebar-left\"><p>x</p></div>", /*apply_rules=*/false);
  for (const Elem& e : plain->elems) CHECK(e.verdict == kNone);
}

TEST_CASE("the walk reads the page's metadata", "[extract][walk]") {
  auto w = WalkHtml(
      "<html lang=\"de\"><head><title>  A \n Title </title>"
      "<meta property=\"og:title\" content=\"The OG title\">"
      "<meta name=\"author\" content=\"Ann Writer\">"
      "<link rel=\"canonical\" href=\"https://example.org/a\">"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script></head>"
      "<body><p>Text <time datetime=\"2024-05-01\">May 1</time></p>"
      "<p><a rel=\"tag\" href=\"/t/gardens\">gardens</a></p></body></html>");
  CHECK(w->meta.title_tag == "A Title");
  CHECK(w->meta.og_title == "The OG title");
  CHECK(w->meta.author == "Ann Writer");
  CHECK(w->meta.canonical == "https://example.org/a");
  CHECK(w->meta.lang == "de");
  CHECK(w->meta.time_datetime == "2024-05-01");
  CHECK(w->meta.json_ld.find("NewsArticle") != std::string::npos);
  CHECK(w->meta.tags == V{"gardens"});
}

}  // namespace
}  // namespace cleaner
