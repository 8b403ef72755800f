// Tests for the fallbacks (cleaner/extract/fallback.h): a selection that
// holds little of the page, a page hidden until a script runs, the
// selection gate's broad choice, and the text a page declares rather than
// shows.
#include "cleaner/extract/fallback.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/extract_test_util.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

using extract_internal::AddDeclaredText;
using extract_internal::ArticleBodyBlocks;
using extract_internal::MetaCandidates;
using testing::HtmlPage;
using testing::ProseParagraph;

// `body` walked with the default rules and selected, with the selection
// gate's weights `gate` (none: no gate).
testing::SelectedPage Select(const std::string& body, const GateVector* gate = nullptr) {
  return testing::SelectHtml(HtmlPage(body), PageKind::kArticle, "", gate);
}

bool Has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST_CASE("a selection that holds little of the page falls back and the explain names the path",
          "[extract][fallback]") {
  // Short sections (a service page), each in a container a class token
  // calls furniture ("promo*"): the selection alone keeps next to nothing.
  std::string body = "<header><a href=\"/\">Home</a> <a href=\"/c\">Contact</a></header>";
  for (int i = 1; i <= 5; ++i) {
    body += "<div class=\"promo\"><h2>Service " + std::to_string(i) +
            "</h2><p>We plan, plant and care for gardens of every size, " + std::to_string(i) +
            ".</p></div>";
  }
  testing::SelectedPage s = Select(body);
  CHECK(s.Kept().size() == 10);  // each section's heading and paragraph
  const std::vector<std::string> said = s.Said("fallback");
  REQUIRE(said.size() == 1);
  CHECK(Has(said[0], "the main-content selection kept "));
  CHECK(Has(said[0], "the text is from selection without class, id, tag and role rules"));
}

// A gallery of `n` photos, each with a caption of a sentence.
std::string Gallery(int n) {
  std::string out = "<section class=\"gallery\">";
  for (int i = 1; i <= n; ++i) {
    out += "<figure><img src=\"p" + std::to_string(i) + ".jpg\"><figcaption>Photo " +
           std::to_string(i) + ": boats moored by the harbour bridge in the evening light, " +
           "seen from the promenade on the east bank.</figcaption></figure>";
  }
  return out + "</section>";
}

TEST_CASE("an article's photo captions are not text its selection missed", "[extract][fallback]") {
  // Three paragraphs and a 40-photo gallery whose captions hold most of the
  // page's text: the article is the text, the captions stay out, and no
  // fallback is said.
  testing::SelectedPage article =
      Select("<article>" + ProseParagraph(1) + ProseParagraph(2) + ProseParagraph(3) +
             Gallery(40) + "</article>");
  CHECK(article.Said("fallback").empty());
  int prose = 0, captions = 0;
  for (const std::string& t : article.Kept()) {
    prose += t.rfind("This is sentence number", 0) == 0;
    captions += t.rfind("Photo ", 0) == 0;
  }
  CHECK(prose == 3);
  CHECK(captions == 0);
  // A gallery page with a line of its own: the captions are its text.
  testing::SelectedPage gallery = Select("<article><p>Our harbour in pictures.</p>" +
                                         Gallery(40) + "</article>");
  CHECK(gallery.Said("fallback").size() == 1);
  captions = 0;
  for (const std::string& t : gallery.Kept()) captions += t.rfind("Photo ", 0) == 0;
  CHECK(captions == 40);
}

TEST_CASE("a page hidden until a script runs is read with its hidden elements shown",
          "[extract][fallback]") {
  // "Loading..." is all it shows; the page is in hidden parts, none of
  // which holds the page alone (so each is dropped on the first pass).
  std::string body = "<p>Loading...</p>";
  for (int part = 0; part < 3; ++part) {
    body += "<div style=\"display:none\">" + ProseParagraph(2 * part + 1) +
            ProseParagraph(2 * part + 2) + "</div>";
  }
  testing::SelectedPage s = Select(body);
  int prose = 0;
  for (const std::string& t : s.Kept()) prose += t.rfind("This is sentence number", 0) == 0;
  CHECK(prose == 6);
  const std::vector<std::string> said = s.Said("fallback");
  REQUIRE(said.size() == 1);
  CHECK(Has(said[0], "the page shows 10 characters and hides "));
  CHECK(Has(said[0], "with its hidden elements shown"));
}

TEST_CASE("the selection gate keeps the selection or takes every block the rules leave",
          "[extract][fallback][gate]") {
  std::string article;
  for (int i = 1; i <= 3; ++i) article += ProseParagraph(i);
  const std::string body = "<nav><a href=\"/\">Home</a></nav><div class=\"story\">" + article +
                           "</div><div><p>A short note beside the story.</p></div>";
  // All-zero weights score 0: the main-content selection.
  const GateVector zero{};
  testing::SelectedPage selection = Select(body, &zero);
  CHECK(selection.Kept().size() == 3);
  REQUIRE(selection.Said("selection-gate").size() == 1);
  CHECK(Has(selection.Said("selection-gate")[0], "the text is the main-content selection"));
  // A bias alone: every block the rules leave (the note; not the menu).
  GateVector broad{};
  broad[kGateBias] = 5;
  testing::SelectedPage all = Select(body, &broad);
  CHECK(all.Kept().size() == 4);
  CHECK(all.Kept().back() == "A short note beside the story.");
  REQUIRE(all.Said("selection-gate").size() == 1);
  CHECK(Has(all.Said("selection-gate")[0], "score=5.000 "));
  CHECK(Has(all.Said("selection-gate")[0], "the text is every block the rules leave"));
}

// A JSON-LD articleBody of two paragraphs in markup, over 300 bytes.
std::string JsonLdWithBody() {
  std::string body;
  for (int i = 0; i < 4; ++i) body += "Words of the first paragraph, told at length. ";
  body = "<p>" + body + "</p><p>";
  for (int i = 0; i < 4; ++i) body += "Words of the second paragraph, told at length. ";
  return "{\"@type\": \"NewsArticle\", \"articleBody\": \"" + body + "</p>\"}";
}

TEST_CASE("a page whose kept text is tiny takes its JSON-LD articleBody", "[extract][fallback]") {
  testing::TestDoc doc;
  std::vector<RawBlock> blocks(1);
  blocks[0].text = "Loading...";
  std::vector<RawBlock> body = ArticleBodyBlocks(JsonLdWithBody(), blocks, {1}, doc.info());
  REQUIRE(body.size() == 2);
  CHECK(body[0].text.rfind("Words of the first paragraph", 0) == 0);
  CHECK(body[1].text.rfind("Words of the second paragraph", 0) == 0);
  CHECK(body[1].text.back() == '.');  // white space collapsed, none at the end
  REQUIRE(doc.reporter.events.size() == 1);
  CHECK(doc.reporter.events[0].rule == "json-ld-article-body");
  // Kept text of a paragraph's length (300 bytes): the page's own stays.
  blocks[0].text = std::string(300, 'x');
  CHECK(ArticleBodyBlocks(JsonLdWithBody(), blocks, {1}, doc.info()).empty());
  // The same text not kept counts for nothing.
  CHECK(ArticleBodyBlocks(JsonLdWithBody(), blocks, {0}, doc.info()).size() == 2);
}

TEST_CASE("a product page or a thread that shows nothing gets the text it declares",
          "[extract][fallback][declared]") {
  const std::string description =
      "A hand-made oak chair with a woven seat, built to last for generations of readers.";
  MetaCandidates m;
  m.json_ld =
      "{\"@type\": \"Product\", \"name\": \"Chair\", \"description\": \"" + description + "\"}";
  m.og_description =
      "The opening post of the thread, in the words of its first poster, as the page declares it.";
  SECTION("a product page") {
    testing::TestDoc doc;
    std::vector<RawBlock> blocks(1);
    blocks[0].text = "Add to cart";
    std::vector<char> keep{1};
    AddDeclaredText(m, PageKind::kProduct, doc.info(), &blocks, &keep);
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[1].text == description);
    CHECK(keep == std::vector<char>{1, 1});
    REQUIRE(doc.reporter.events.size() == 1);
    CHECK(doc.reporter.events[0].rule == "json-ld-product-description");
  }
  SECTION("a thread") {
    testing::TestDoc doc;
    std::vector<RawBlock> blocks;
    std::vector<char> keep;
    AddDeclaredText(m, PageKind::kForum, doc.info(), &blocks, &keep);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].text == m.og_description);
    REQUIRE(doc.reporter.events.size() == 1);
    CHECK(doc.reporter.events[0].rule == "declared-description");
  }
  SECTION("an article shows what it has, and says when that is nothing") {
    testing::TestDoc doc;
    std::vector<RawBlock> blocks;
    std::vector<char> keep;
    AddDeclaredText(m, PageKind::kArticle, doc.info(), &blocks, &keep);
    CHECK(blocks.empty());
    REQUIRE(doc.reporter.events.size() == 1);
    CHECK(doc.reporter.events[0].rule == "no-visible-text");
  }
}

}  // namespace
}  // namespace cleaner
