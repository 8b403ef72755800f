// Tests for the main-content selection (cleaner/extract/selection.h): the
// rules' drops under the veto, the chosen container and its cleaning, and
// the explain events, on small walked pages.
#include "cleaner/extract/selection.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/extract_test_util.h"

namespace cleaner {
namespace {

using testing::HtmlPage;
using testing::ProseParagraph;

// `body` walked with the default rules and selected (no selection gate).
testing::SelectedPage Select(const std::string& body, PageKind kind = PageKind::kArticle,
                             const std::string& title = "") {
  testing::SelectedPage s = testing::SelectHtml(HtmlPage(body), kind, title);
  REQUIRE(s.keep.size() == s.w->blocks.size());
  return s;
}

std::string Article(int paragraphs) {
  std::string article;
  for (int i = 1; i <= paragraphs; ++i) article += ProseParagraph(i);
  return article;
}

bool StartsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

TEST_CASE("a boilerplate-class element holding most of the page's prose is not dropped",
          "[extract][selection][veto]") {
  // "sidebar*" is a drop rule, but this element wraps the article.
  testing::SelectedPage s = Select(
      "<nav><a href=\"/\">Home</a></nav><div class=\"sidebar-layout\">" + Article(5) + "</div>");
  REQUIRE(s.Kept().size() == 5);
  CHECK(StartsWith(s.Kept()[4], "This is sentence number 5"));
  const int wrapper = s.w->elems[s.w->blocks[1].owner].parent;
  CHECK_FALSE(s.w->elems[wrapper].dropped);
  // The one drop is the navigation's.
  int drops = 0;
  for (const ExplainEvent& e : s.events) {
    if (e.category != "boilerplate-container") continue;
    ++drops;
    CHECK(e.before == "Home");
  }
  CHECK(drops == 1);
}

TEST_CASE("a boilerplate-class element beside the article is dropped and explained",
          "[extract][selection][veto]") {
  testing::SelectedPage s =
      Select("<div class=\"story\">" + Article(4) +
             "</div><div class=\"sidebar-left\"><p>Ads and links of the site, to its "
             "other pages.</p></div>");
  CHECK(s.Kept().size() == 4);
  const ExplainEvent* e = nullptr;
  for (const ExplainEvent& x : s.events) {
    if (x.category == "boilerplate-container") e = &x;
  }
  REQUIRE(e != nullptr);
  CHECK(e->rule.find("extract_classes.txt:") != std::string::npos);
  CHECK(e->before == "Ads and links of the site, to its other pages.");
  CHECK(e->action == ExplainEvent::Action::kDrop);
  CHECK(s.w->elems[s.w->blocks[4].owner].dropped);
}

TEST_CASE("inside the chosen container a list of links goes", "[extract][selection]") {
  std::string related;
  for (int i = 1; i <= 5; ++i) {
    related += "<li><a href=\"/r/" + std::to_string(i) + "\">Related story " + std::to_string(i) +
               "</a></li>";
  }
  testing::SelectedPage s = Select("<div>" + Article(4) + "<ul>" + related + "</ul></div>");
  CHECK(s.Kept().size() == 4);
  const ExplainEvent* e = s.Event("link-dense-container");
  REQUIRE(e != nullptr);
  CHECK(e->category == "links");
  CHECK(e->before == "Related story 1");
  CHECK(e->after == "link density 1.00");
}

// Lists of links under letters: the body of an index page.
std::string LetterLists() {
  std::string lists;
  for (char letter : std::string("ABCD")) {
    lists += std::string("<h2>") + letter + "</h2><ul>";
    for (int i = 1; i <= 8; ++i) {
      lists += std::string("<li><a href=\"/wiki/") + letter + std::to_string(i) + "\">" + letter +
               "-language number " + std::to_string(i) + "</a></li>";
    }
    lists += "</ul>";
  }
  return lists;
}

TEST_CASE("an index - link lists that are most of a large selection - keeps its links",
          "[extract][selection][index]") {
  // A list page: an introduction, then the lists, the lists most of the
  // container's text and the container most of the page's.
  testing::SelectedPage s =
      Select("<nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav><div>" +
             ProseParagraph(1) + LetterLists() + "</div>");
  const std::vector<std::string> kept = s.Kept();
  // The introduction, four letters and 32 items.
  CHECK(kept.size() == 1 + 4 + 32);
  CHECK(std::count(kept.begin(), kept.end(), "D-language number 8") == 1);
  CHECK(s.Event("link-dense-container") == nullptr);
  CHECK(s.Event("link-dense-block") == nullptr);
  const ExplainEvent* e = s.Event("link-index");
  REQUIRE(e != nullptr);
  CHECK(e->after.find("an index, its links are content") != std::string::npos);
  // The items' links are card text: the filter does not read them as a menu.
  for (const RawBlock& b : s.w->blocks) {
    if (b.text.find("-language number") != std::string::npos) CHECK(b.card_chars == b.link_chars);
  }
}

TEST_CASE("link lists in a small part of the page are no index", "[extract][selection][index]") {
  // The same lists, with asides (each a small part, together most of the
  // page's text) around them.
  std::string footer;
  for (int a = 0; a < 6; ++a) {
    footer += "<aside>";
    for (int i = 0; i < 8; ++i) {
      footer += "<p>Office " + std::to_string(i) + ": open on weekdays, closed in August</p>";
    }
    footer += "</aside>";
  }
  testing::SelectedPage s = Select("<div>" + ProseParagraph(1) + LetterLists() + "</div>" + footer);
  CHECK(s.Event("link-index") == nullptr);
  const std::vector<std::string> kept = s.Kept();
  CHECK(std::count(kept.begin(), kept.end(), "D-language number 8") == 0);
}

TEST_CASE("a related list above an article's paragraphs is no index",
          "[extract][selection][index]") {
  // The links are most of the container, but its prose is more than an
  // introduction: an article with a list of headlines, not a list page.
  std::string related = "<ul>";
  for (int i = 1; i <= 16; ++i) {
    related += "<li><a href=\"/s/" + std::to_string(i) + "\">Headline of another story, number " +
               std::to_string(i) + "</a></li>";
  }
  related += "</ul>";
  testing::SelectedPage s = Select("<div>" + related + Article(2) + "</div>");
  CHECK(s.Event("link-index") == nullptr);
  CHECK(s.Kept().size() == 2);
}

TEST_CASE("link lists under 60 % of the selection stay furniture", "[extract][selection][index]") {
  std::string lists = "<ul>";
  for (int i = 1; i <= 6; ++i) {
    lists += "<li><a href=\"/r/" + std::to_string(i) + "\">Another story " + std::to_string(i) +
             "</a></li>";
  }
  lists += "</ul>";
  testing::SelectedPage s = Select("<div>" + Article(3) + lists + "</div>");
  CHECK(s.Kept().size() == 3);
  CHECK(s.Event("link-index") == nullptr);
  CHECK(s.Event("link-dense-container") != nullptr);
}

TEST_CASE("a heading that repeats the title goes - a later heading stays", "[extract][selection]") {
  testing::SelectedPage s =
      Select("<div><h1>The Garden Show Opens in Town</h1>" + Article(3) +
                 "<h2>What comes next</h2>" + ProseParagraph(4) + "</div>",
             PageKind::kArticle, "The Garden Show Opens in Town | Example News");
  const std::vector<std::string> kept = s.Kept();
  REQUIRE(kept.size() == 5);
  CHECK(StartsWith(kept[0], "This is sentence number 1"));
  CHECK(kept[3] == "What comes next");
  const ExplainEvent* e = s.Event("title-heading");
  REQUIRE(e != nullptr);
  CHECK(e->before == "The Garden Show Opens in Town");
}

TEST_CASE("a paragraph kept twice is kept once - at its first place", "[extract][selection]") {
  testing::SelectedPage s = Select("<div>" + ProseParagraph(1) + ProseParagraph(2) +
                                   ProseParagraph(1) + ProseParagraph(3) + "</div>");
  CHECK(s.Kept().size() == 3);
  for (const auto& b : s.w->blocks) CHECK_FALSE(b.card);  // an article has no cards
  const ExplainEvent* e = s.Event("repeated-block");
  REQUIRE(e != nullptr);
  CHECK(e->category == "duplicate");
  // Its position: the kept blocks before it.
  CHECK(e->position == 2);
}

// A collection's cards: a linked name, a line of text of its own, `label`
// as a link of the card and `value` as plain text.
std::string Cards(int n, const std::string& label, const std::string& value) {
  std::string cards;
  for (int i = 1; i <= n; ++i) {
    const std::string href = "/shop/item-" + std::to_string(i);
    cards += "<div class=\"card\"><a href=\"" + href + "\"><p>Garden chair model " +
             std::string(1, static_cast<char>('A' + i)) + "</p></a><p>Teak wood, folding, " +
             std::to_string(40 + i) + " cm wide.</p><p>" + value + "</p><p><a href=\"" + href +
             "\">" + label + "</a></p></div>";
  }
  return "<div class=\"grid\">" + cards + "</div>";
}

int Count(const std::vector<std::string>& texts, const std::string& text) {
  return static_cast<int>(std::count(texts.begin(), texts.end(), text));
}

TEST_CASE("a short link repeated on every card is the template's, not content",
          "[extract][selection][labels]") {
  testing::SelectedPage s = Select(Cards(5, "Quick view", "In stock"), PageKind::kCollection);
  CHECK(Count(s.Kept(), "Quick view") == 0);
  CHECK(Count(s.Kept(), "Garden chair model C") == 1);
  const ExplainEvent* e = s.Event("repeated-link-label");
  REQUIRE(e != nullptr);
  CHECK(e->before == "Quick view");
  CHECK(e->category == "links");
  CHECK(s.Said("repeated-link-label").size() == 5);
  // A value repeated in plain text is its card's data.
  CHECK(Count(s.Kept(), "In stock") == 5);
  // The same words in plain text are no link label: they stay.
  std::string page = Cards(5, "Quick view", "In stock");
  page.replace(page.find("<p>In stock</p>"), 15, "<p>In stock</p><p>Quick view</p>");
  testing::SelectedPage plain = Select(page, PageKind::kCollection);
  CHECK(Count(plain.Kept(), "Quick view") == 1);
  CHECK(plain.Said("repeated-link-label").size() == 5);
  // The kept cards are marked for the line filter (Block::card).
  for (size_t i = 0; i < s.keep.size(); ++i) {
    if (s.keep[i]) CHECK(s.w->blocks[i].card);
  }
}

TEST_CASE("a link label twice, with a number or of four words stays",
          "[extract][selection][labels]") {
  CHECK(Count(Select(Cards(2, "Quick view", "In stock"), PageKind::kCollection).Kept(),
              "Quick view") == 2);
  // Digits of any script: "Save ２０" (full-width), "٣ reviews" (Arabic-Indic).
  for (const std::string label : {"Save 20 dollars", "Compare with other chairs",
                                  "Save \uFF12\uFF10 now", "\u0663 reviews"}) {
    testing::SelectedPage s = Select(Cards(5, label, "In stock"), PageKind::kCollection);
    CHECK(Count(s.Kept(), label) == 5);
    CHECK(s.Event("repeated-link-label") == nullptr);
  }
}

TEST_CASE("what the selection leaves out is explained with its place among the kept blocks",
          "[extract][selection]") {
  testing::SelectedPage s = Select("<div class=\"story\">" + Article(4) +
                                   "</div><div><p>Unrelated short note.</p></div>");
  CHECK(s.Kept().size() == 4);
  const ExplainEvent* e = s.Event("not-selected");
  REQUIRE(e != nullptr);
  CHECK(e->before == "Unrelated short note.");
  CHECK(e->category == "outside-main-content");
  CHECK(e->position == 4);
  const ExplainEvent* chosen = s.Event("main-content-container");
  REQUIRE(chosen != nullptr);
  CHECK(StartsWith(chosen->after, "<div> score="));
}

TEST_CASE("on a thread every post joins the selection", "[extract][selection][kind]") {
  std::string posts;
  for (int i = 1; i <= 4; ++i) {
    posts += "<div class=\"post-" + std::to_string(i) + " reply\"><p><a href=\"/u/" +
             std::to_string(i) + "\">poster" + std::to_string(i) + "</a></p>" + ProseParagraph(i) +
             "</div>";
  }
  testing::SelectedPage thread =
      Select("<div class=\"thread\">" + posts + "</div>", PageKind::kForum);
  int bodies = 0;
  for (const std::string& t : thread.Kept()) bodies += StartsWith(t, "This is sentence number");
  CHECK(bodies == 4);
  CHECK(thread.Event("thread-posts") != nullptr);
}

}  // namespace
}  // namespace cleaner
