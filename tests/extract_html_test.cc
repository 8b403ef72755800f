// Tests for stage 2a, extracting the main content of an HTML page.
#include "cleaner/extract/extract_html.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "cleaner/rules.h"
#include "cleaner/extract/extract_text.h"
#include "cleaner/util/deadline.h"
#include "tests/extract_test_util.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

using testing::DefaultExtractRules;
using testing::SelectionExtractRules;

struct Result {
  std::vector<Block> blocks;
  std::vector<std::string> texts;
  Status status;
};

Result Extract(const std::string& html, ExtractOptions options = ExtractOptions(),
               testing::TestDoc* doc = nullptr) {
  testing::TestDoc local;
  if (doc == nullptr) doc = &local;
  testing::CollectingSink sink;
  Result r;
  r.status =
      ExtractHtml(html, SelectionExtractRules(), options, LimitOptions(), doc->info(), &sink);
  r.blocks = sink.blocks;
  r.texts = sink.Texts();
  return r;
}

// All visible text, without main-content selection: for the structure tests.
Result Visible(const std::string& html) {
  ExtractOptions o;
  o.main_content = false;
  return Extract(html, o);
}

using V = std::vector<std::string>;

// A paragraph of running text, long and punctuated enough to count as prose.
std::string Prose(int n) {
  return "<p>This is sentence number " + std::to_string(n) +
         " of the article, and it is written in plain words, with commas, so that "
         "it reads like the text of a real story about the town and its people.</p>";
}

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>A test page</title>" + head +
         "</head><body>" + body + "</body></html>";
}

TEST_CASE("inline elements join without inventing or losing spaces", "[extract]") {
  CHECK(Visible("<p><b>Squ</b>ished</p>").texts == V{"Squished"});
  CHECK(Visible("<p>Squished<a href=x>There</a></p>").texts == V{"SquishedThere"});
  CHECK(Visible("<p>one <i>two</i> three</p>").texts == V{"one two three"});
  CHECK(Visible("<p>  lots \n\t of   space  </p>").texts == V{"lots of space"});
  CHECK(Visible("<p>a</p><p>b</p>").texts == V{"a", "b"});
  CHECK(Visible("<div>a<div>b</div>c</div>").texts == V{"a", "b", "c"});
  CHECK(Visible("<p>caf&eacute; &amp; cr&egrave;me</p>").texts == V{"café & crème"});
}

TEST_CASE("br is a line break - two of them end a paragraph", "[extract]") {
  CHECK(Visible("<p>line one<br>line two</p>").texts == V{"line one\nline two"});
  CHECK(Visible("<div>first<br><br>second</div>").texts == V{"first", "second"});
  CHECK(Visible("<p>trailing<br></p>").texts == V{"trailing"});
}

TEST_CASE("prose hard-wrapped with br is one paragraph - said", "[extract]") {
  const std::string lines[] = {"Gym equipment refers to the various machines, tools, and",
                               "accessories used in a fitness facility to help people",
                               "achieve their goals. These machines are designed to target",
                               "the different muscle groups and improve cardiovascular health."};
  testing::TestDoc doc;
  ExtractOptions o;
  o.main_content = false;
  Result r = Extract("<p>" + lines[0] + "<br>\n" + lines[1] + "<br>\n" + lines[2] + "<br>\n" +
                         lines[3] + "</p>",
                     o, &doc);
  CHECK(r.texts == V{lines[0] + " " + lines[1] + " " + lines[2] + " " + lines[3]});
  CHECK(doc.stats.lines_joined == 3);
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said = said || e.rule == "hard-wrap";
  CHECK(said);
  // Lines that are no wrapping keep their breaks.
  CHECK(Visible("<p>line one<br>line two<br>line three</p>").texts ==
        V{"line one\nline two\nline three"});
}

TEST_CASE("block kinds: headings - list items - quotes - preformatted", "[extract]") {
  Result r = Visible(
      "<h2>Sub <em>head</em></h2><ul><li>one</li><li>two</li></ul>"
      "<blockquote><p>quoted</p></blockquote><pre>  x = 1\n  y = 2\n</pre>");
  REQUIRE(r.blocks.size() == 5);
  CHECK(r.blocks[0].kind == BlockKind::kHeading);
  CHECK(r.blocks[0].level == 2);
  CHECK(r.blocks[0].text == "Sub head");
  CHECK(r.blocks[1].kind == BlockKind::kListItem);
  CHECK(r.blocks[2].text == "two");
  CHECK(r.blocks[3].kind == BlockKind::kQuote);
  CHECK(r.blocks[4].kind == BlockKind::kPreformatted);
  CHECK(r.blocks[4].text == "  x = 1\n  y = 2");
  for (size_t i = 0; i < r.blocks.size(); ++i) CHECK(r.blocks[i].index == static_cast<int>(i));
}

TEST_CASE("a data table is one block - rows on lines - cells separated by tabs", "[extract]") {
  Result r = Visible(
      "<table><caption>People</caption><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr>"
      "<tr><td>Bo<br>Jr.</td><td> 7 </td></tr></table>");
  REQUIRE(r.blocks.size() == 1);
  CHECK(r.blocks[0].kind == BlockKind::kTable);
  CHECK(r.blocks[0].text == "People\nName\tAge\nAnn\t31\nBo Jr.\t7");
}

TEST_CASE("a layout table's cells are containers - not a table", "[extract]") {
  Result r = Visible("<table><tr><td><p>First paragraph.</p><p>Second.</p></td></tr></table>");
  CHECK(r.texts == V{"First paragraph.", "Second."});
  CHECK(r.blocks[0].kind == BlockKind::kParagraph);
}

TEST_CASE("what is never text is dropped", "[extract]") {
  Result r = Visible(
      "<p>kept</p><script>var x = 'no';</script><style>p{}</style>"
      "<template><p>no</p></template>"
      "<p hidden>no</p><p aria-hidden=\"true\">no</p><p style=\"color:red; DISPLAY : none\">no</p>"
      "<div style=\"visibility:hidden\">no</div><form><input value=no><button>no</button>"
      "<select><option>no</option></select><textarea>no</textarea></form>"
      "<svg><text>no</text></svg><iframe>no</iframe><p>also kept</p>");
  CHECK(r.texts == V{"kept", "also kept"});
}

TEST_CASE("noscript markup is read: script-rendered pages put their text there", "[extract]") {
  Result r = Visible("<noscript><div><p>The thread, for readers without scripts.</p></div></noscript>");
  CHECK(r.texts == V{"The thread, for readers without scripts."});
}

TEST_CASE("link density is reported per block", "[extract]") {
  Result r = Visible("<p><a href=a>abcd</a>efgh</p><p>plain</p>");
  REQUIRE(r.blocks.size() == 2);
  CHECK(r.blocks[0].link_density == Approx(0.5));
  CHECK(r.blocks[1].link_density == 0.0f);
}

std::string NewsPage() {
  std::string article;
  for (int i = 1; i <= 6; ++i) article += Prose(i);
  return Page(
      "<header><div class=\"logo\">Daily Paper</div><nav><ul><li><a href=/>Home</a></li>"
      "<li><a href=/w>World</a></li><li><a href=/s>Sports</a></li></ul></nav></header>"
      "<main><article><h1>A test page</h1><div class=\"byline\">By Ann Writer</div>"
      "<div class=\"article-body\">" + article +
      "<div class=\"share-tools\"><a href=fb>Share on Facebook</a></div></div></article>"
      "<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=1>Another story here</a></li>"
      "<li><a href=2>Yet another story</a></li></ul></aside></main>"
      "<section id=\"comments\"><h3>Comments</h3><div class=\"comment\"><p>I disagree with this "
      "piece, and I think the writer missed the point, as usual, sadly.</p></div></section>"
      "<footer><p>Copyright 2024 Daily Paper. All rights reserved.</p></footer>",
      "<meta property=\"og:site_name\" content=\"Daily Paper\">"
      "<meta name=\"author\" content=\"Ann Writer\">"
      "<meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\">"
      "<link rel=\"canonical\" href=\"https://example.com/story\">"
      "<meta name=\"description\" content=\"What happened in town.\">");
}

TEST_CASE("main content: the article - without navigation - sidebar - comments - footer",
          "[extract]") {
  Result r = Extract(NewsPage());
  REQUIRE(r.status.ok());
  REQUIRE(r.texts.size() == 6);
  for (int i = 0; i < 6; ++i) {
    CHECK(r.texts[i].find("sentence number " + std::to_string(i + 1)) != std::string::npos);
  }
}

TEST_CASE("without main-content selection all visible text stays", "[extract]") {
  Result r = Visible(NewsPage());
  std::string all;
  for (const std::string& t : r.texts) all += t + "\n";
  for (const char* s : {"Home", "Most read", "By Ann Writer", "Share on Facebook", "I disagree",
                        "Copyright 2024", "sentence number 6"}) {
    CHECK(all.find(s) != std::string::npos);
  }
}

TEST_CASE("keep_comments keeps the comment section after the article", "[extract]") {
  ExtractOptions o;
  o.keep_comments = true;
  Result r = Extract(NewsPage(), o);
  REQUIRE(!r.texts.empty());
  CHECK(r.texts.back().find("I disagree") != std::string::npos);
  CHECK(r.texts.front().find("sentence number 1") != std::string::npos);
}

TEST_CASE("dropped containers are explained with the rule that dropped them", "[extract]") {
  testing::TestDoc doc;
  Extract(NewsPage(), ExtractOptions(), &doc);
  bool share = false, comments = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.action != ExplainEvent::Action::kDrop) continue;
    CHECK(std::string(e.stage) == "extract");
    CHECK(!e.rule.empty());
    if (e.before.find("Share on Facebook") != std::string::npos) {
      share = true;
      CHECK(e.rule.rfind("filters/extract_classes.txt:", 0) == 0);
    }
    if (e.category == "comments") comments = true;
  }
  CHECK(share);
  CHECK(comments);
}

// The report (--report) places a dropped block among the kept ones by its
// position, and shows the container the selection chose.
TEST_CASE("a dropped block's position counts the kept blocks before it", "[extract]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += Prose(i);
  testing::TestDoc doc;
  Result r = Extract(Page("<nav class=\"menu\"><a href=\"/\">Home</a></nav><div class=\"story\">" +
                          Prose(1) + "<p><a href=\"/a\">Also</a> <a href=\"/b\">read</a></p>" +
                          article.substr(Prose(1).size()) +
                          "</div><div><p>Unrelated short note.</p></div>"),
                     ExtractOptions(), &doc);
  REQUIRE(r.texts.size() == 4);
  int menu = -2, note = -2, links = -2;
  std::string container, links_score;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.before == "Home") menu = e.position;
    if (e.before == "Unrelated short note.") note = e.position;
    if (e.before == "Also read") {
      links = e.position;
      links_score = e.after;
    }
    if (e.rule == "main-content-container") container = e.after;
    if (e.action != ExplainEvent::Action::kDrop) CHECK(e.position == -1);
  }
  CHECK(menu == 0);   // before the first kept block
  CHECK(links == 1);  // after the first paragraph
  CHECK(links_score == "link density 1.00");  // the score behind the heuristic
  CHECK(note == 4);  // after the four kept paragraphs
  CHECK(container.rfind("<div> score=", 0) == 0);
  CHECK(container.find(Prose(1).substr(3, 20)) != std::string::npos);
}

TEST_CASE("metadata is read from the head and reported", "[extract]") {
  testing::TestDoc doc;
  Extract(NewsPage(), ExtractOptions(), &doc);
  const Metadata& m = doc.metadata;
  CHECK(m.title == "A test page");
  CHECK(m.author == "Ann Writer");
  CHECK(m.date == "2024-05-01T10:00:00Z");
  CHECK(m.canonical_url == "https://example.com/story");
  CHECK(m.site_name == "Daily Paper");
  CHECK(m.description == "What happened in town.");
  CHECK(m.language == "en");
  int reported = 0;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.action == ExplainEvent::Action::kMetadata) {
      ++reported;
      if (e.category == "title") CHECK(e.after == "A test page");
    }
  }
  CHECK(m.page_type == "article");
  CHECK(reported == 8);
}

TEST_CASE("the headline that repeats the title is not repeated into the body", "[extract]") {
  std::string body = "<article><h1>A test page</h1>" + Prose(1) + Prose(2) + Prose(3) +
                     "<h2>What came next</h2>" + Prose(4) + "</article>";
  Result r = Extract(Page(body));
  REQUIRE(!r.texts.empty());
  CHECK(r.texts.front().find("sentence number 1") != std::string::npos);
  CHECK(std::find(r.texts.begin(), r.texts.end(), "What came next") != r.texts.end());
}

TEST_CASE("a dropped byline becomes the author when the page names none", "[extract]") {
  testing::TestDoc doc;
  Result r = Extract(Page("<article><div class=\"article-byline\">By Ann Writer</div>" + Prose(1) +
                          Prose(2) + "</article>"),
                     ExtractOptions(), &doc);
  CHECK(r.texts.size() == 2);
  CHECK(doc.metadata.author == "By Ann Writer");
}

TEST_CASE("a headline with a kicker before it is still the title", "[extract]") {
  std::string html =
      "<html><head><title>Neue Radwege für die Innenstadt – Stadtanzeiger</title></head><body>"
      "<article><h1><span>Verkehr:</span> Neue Radwege für die Innenstadt</h1>" +
      Prose(1) + Prose(2) + Prose(3) + "</article></body></html>";
  Result r = Extract(html);
  REQUIRE(!r.texts.empty());
  CHECK(r.texts.front().find("sentence number 1") != std::string::npos);
}

TEST_CASE("links and images are carried on their block only when asked", "[extract]") {
  const std::string page =
      "<html><head><link rel='canonical' href='https://h.example/a/page'></head><body>"
      "<article><p><img src='data:image/gif;base64,x' data-src='/i/one.jpg' alt='One'></p>"
      "<p>Read the <a href='notes.html'>notes</a> and the <a href='javascript:go()'>script"
      "</a> before the long paragraph ends, as every long paragraph of prose does here.</p>"
      "<p>A second paragraph with a picture <img src='two.png' alt='Two'> inside it, also of "
      "enough words to be prose.</p></article></body></html>";
  ExtractOptions o;
  o.main_content = false;
  CHECK(Extract(page, o).blocks[0].links.empty());
  o.links = o.images = true;
  Result r = Extract(page, o);
  REQUIRE(r.blocks.size() == 2);
  const std::vector<InlineLink>& first = r.blocks[0].links;
  REQUIRE(first.size() == 2);
  CHECK(first[0].image);
  CHECK(first[0].leading);  // met before the block's text
  CHECK(first[0].text == "One");
  CHECK(first[0].target == "https://h.example/i/one.jpg");
  CHECK_FALSE(first[1].image);
  CHECK(first[1].text == "notes");
  CHECK(first[1].target == "https://h.example/a/notes.html");
  const std::vector<InlineLink>& second = r.blocks[1].links;
  REQUIRE(second.size() == 1);
  CHECK(second[0].image);
  CHECK_FALSE(second[0].leading);
  CHECK(second[0].target == "https://h.example/a/two.png");
}

TEST_CASE("categories - tags - license and the language's region are read", "[extract]") {
  const std::string page =
      "<html lang='en'><head><meta property='og:locale' content='en_US'>"
      "<meta property='article:section' content='Local News'>"
      "<meta property='article:tag' content='floods'><meta property='article:tag' content='bridges'>"
      "<link rel='license' href='https://creativecommons.org/licenses/by/4.0/'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleSection\":"
      "[\"Weather\"],\"keywords\":\"river, rain\"}</script></head><body><article>"
      "<p>The river rose in the night and closed the old bridge for the first time in forty "
      "years, the council said on Tuesday morning.</p></article>"
      "<footer class='tags'>Filed under <a rel='category tag' href='/c/region'>Region</a>, "
      "<a rel='tag' href='/t/storm'>storm</a></footer></body></html>";
  testing::TestDoc doc;
  Extract(page, ExtractOptions(), &doc);
  const Metadata& m = doc.metadata;
  CHECK(m.language == "en-US");
  CHECK(m.categories == std::vector<std::string>{"Local News", "Region", "Weather"});
  CHECK(m.tags == std::vector<std::string>{"floods", "bridges", "storm", "river", "rain"});
  CHECK(m.license == "https://creativecommons.org/licenses/by/4.0/");
  // Nothing declared: nothing made up.
  testing::TestDoc plain;
  Extract("<html lang='en'><body><p>Just a paragraph of text.</p></body></html>",
          ExtractOptions(), &plain);
  CHECK(plain.metadata.language == "en");
  CHECK(plain.metadata.categories.empty());
  CHECK(plain.metadata.tags.empty());
  CHECK(plain.metadata.license.empty());
}

TEST_CASE("language falls back to detection when the page does not declare it", "[extract]") {
  std::string de =
      "<p>Die Stadt hat am Montag beschlossen, dass die neue Brücke über den Fluss im "
      "nächsten Jahr gebaut wird, und die Bürger sind darüber sehr froh.</p>";
  testing::TestDoc doc;
  Extract("<html><body><article>" + de + de + de + "</article></body></html>", ExtractOptions(),
          &doc);
  CHECK(doc.metadata.language == "de");
}

TEST_CASE("a wrapper named like furniture is not dropped when it holds the article",
          "[extract]") {
  std::string article;
  for (int i = 1; i <= 5; ++i) article += Prose(i);
  Result r = Extract(Page("<div class=\"layout has-sidebar\"><div class=\"post\">" + article +
                          "</div><div class=\"sidebar\"><p>Ads and links.</p></div></div>"));
  REQUIRE(r.texts.size() == 5);
  CHECK(r.texts[4].find("sentence number 5") != std::string::npos);
}

TEST_CASE("a hidden wrapper around the article is shown - a hidden copy is not", "[extract]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += Prose(i);
  Result shown = Extract(Page("<div id=\"page\" style=\"display:none\">" + article + "</div>"));
  CHECK(shown.texts.size() == 4);
  Result copy = Extract(Page("<article>" + article + "</article><div aria-hidden=\"true\">" +
                             article + "</div>"));
  CHECK(copy.texts.size() == 4);
}

// Short sections (a service page), each in a container a class token calls
// furniture: the selection alone keeps nothing.
std::string PromoPage() {
  std::string body = "<header><a href=\"/\">Home</a> <a href=\"/c\">Contact</a></header>";
  for (int i = 1; i <= 5; ++i) {
    body += "<div class=\"promo\"><h2>Service " + std::to_string(i) +
            "</h2><p>We plan, plant and care for gardens of every size, " + std::to_string(i) +
            ".</p></div>";
  }
  return Page(body);
}

TEST_CASE("a selection that keeps almost nothing falls back and says so", "[extract]") {
  testing::TestDoc doc;
  Result r = Extract(PromoPage(), ExtractOptions(), &doc);
  CHECK(r.texts.size() == 10);
  bool fallback = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.rule == "fallback") {
      fallback = true;
      CHECK(e.category == "main-content");
      CHECK(e.after.find("selection without class") != std::string::npos);
    }
  }
  CHECK(fallback);
}

TEST_CASE("a selection that holds the page's prose does not fall back", "[extract]") {
  std::string article, menu;
  for (int i = 1; i <= 2; ++i) article += Prose(i);
  // Long menus: far more text than the short article, none of it prose.
  for (int i = 0; i < 60; ++i) menu += "<li>Section number " + std::to_string(i) + "</li>";
  testing::TestDoc doc;
  Result r = Extract(Page("<div class=\"story\">" + article + "</div><ul>" + menu + "</ul>"),
                     ExtractOptions(), &doc);
  CHECK(r.texts.size() == 2);
  for (const ExplainEvent& e : doc.reporter.events) CHECK(e.rule != "fallback");
}

TEST_CASE("what the selection leaves out is explained", "[extract]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += Prose(i);
  testing::TestDoc doc;
  Extract(Page("<div class=\"story\">" + article + "</div><div><p>Unrelated short note.</p></div>"),
          ExtractOptions(), &doc);
  bool named = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.before == "Unrelated short note.") {
      named = true;
      CHECK(e.category == "outside-main-content");
      CHECK(e.action == ExplainEvent::Action::kDrop);
    }
  }
  CHECK(named);
}

// The text of a Prose() paragraph.
std::string StripP(const std::string& p) { return p.substr(3, p.size() - 7); }

// A thread of `n` posts from one template: the author's linked name, a
// date, a body of prose; later posts quote the first post's paragraph.
std::string Thread(int n) {
  std::string posts;
  for (int i = 1; i <= n; ++i) {
    posts += "<article class=\"message message--post js-post-" + std::to_string(i) +
             (i == 1 ? " is-first" : "") + "\"><div class=\"user\"><a href=\"/u/" +
             std::to_string(i) + "\">poster" + std::to_string(i) +
             "</a></div><div class=\"date\">May " + std::to_string(i) +
             ", 2024</div><div class=\"body\">";
    if (i > 1) {
      posts += "<blockquote>" + Prose(100) + "</blockquote>";
    }
    posts += Prose(100 * i) + "</div></article>";
  }
  return "<html><head><script type=\"application/ld+json\">{\"@type\":"
         "\"DiscussionForumPosting\"}</script></head><body><nav><a href=/>Home</a></nav>"
         "<div class=\"thread\">" + posts + "</div></body></html>";
}

TEST_CASE("on a thread every post is content - with its author and date", "[extract][kind]") {
  testing::TestDoc doc;
  Result r = Extract(Thread(4), ExtractOptions(), &doc);
  CHECK(doc.metadata.page_type == "forum");
  int bodies = 0, authors = 0, dates = 0;
  for (const std::string& t : r.texts) {
    bodies += t.find("of the article, and it is written") != std::string::npos;
    authors += t.rfind("poster", 0) == 0;
    dates += t.rfind("May ", 0) == 0;
  }
  CHECK(bodies == 4);  // the quotes of the first post are not repeated
  CHECK(authors == 4);
  CHECK(dates == 4);
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said |= e.rule == "thread-posts";
  CHECK(said);
}

TEST_CASE("the cards the selection keeps are marked on their blocks for the filter",
          "[extract][cards]") {
  std::string cards;
  for (int i = 1; i <= 6; ++i) {
    const std::string n = std::to_string(i);
    cards += "<div class=\"card\"><a href=\"/shop/chair-" + n + "\"><p>Garden chair number " + n +
             " in teak</p></a><p>Folding, " + n + "0 cm wide, oiled.</p></div>";
  }
  const std::string head =
      "<script type=\"application/ld+json\">{\"@type\":\"CollectionPage\"}</script>";
  Result r = Extract(Page("<nav><a href=\"/\">Home</a></nav><div class=\"grid\">" + cards +
                              "</div>",
                          head));
  REQUIRE(r.blocks.size() >= 12);
  int marked = 0;
  for (const Block& b : r.blocks) marked += b.card;
  CHECK(marked == 12);
  // An article's blocks are no cards.
  Result article = Extract(Page(Prose(1) + Prose(2) + Prose(3)));
  for (const Block& b : article.blocks) CHECK_FALSE(b.card);
}

TEST_CASE("a paragraph the selection already holds is not repeated", "[extract]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += Prose(i);
  testing::TestDoc doc;
  Result r = Extract(Page("<div class=\"story\">" + article + "<div>" + Prose(2) + "</div></div>"),
                     ExtractOptions(), &doc);
  CHECK(r.texts.size() == 4);
  bool named = false;
  for (const ExplainEvent& e : doc.reporter.events) named |= e.rule == "repeated-block";
  CHECK(named);
}

TEST_CASE("a class token weighs against a container - it does not veto the article",
          "[extract][veto]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += Prose(i);
  // A post that has comments is not a comment section, even when a third
  // of the page's prose is outside it.
  Result r = Extract(Page("<div><article class=\"post commented\">" + article +
                          "</article><div class=\"more\">" + Prose(5) + Prose(6) + "</div></div>"));
  CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(1))) == 1);
  // A page left with the class of an open dialog on its wrapper.
  r = Extract(Page("<div class=\"modal-open\"><div class=\"modal\">" + article + "</div></div>"));
  CHECK(r.texts.size() == 4);
  // An inline wrapper around the article's blocks is weighed as a block,
  // and what it drops is explained.
  testing::TestDoc doc;
  r = Extract(Page("<span class=\"promo\">" + article + "</span><span class=\"promo\"><p>"
                   "Subscribe to the newsletter today.</p></span>"),
              ExtractOptions(), &doc);
  CHECK(r.texts.size() == 4);
  bool named = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    named |= e.before == "Subscribe to the newsletter today." && e.category == "boilerplate-container";
  }
  CHECK(named);
}

TEST_CASE("the veto asks for the page's text - not its prose alone", "[extract][veto]") {
  // A page of cards (titles and prices, no prose) and a consent dialog,
  // whose one paragraph is all of the page's prose but a small part of its
  // text: the dialog's class drops it.
  std::string cards;
  for (int i = 0; i < 12; ++i) {
    cards += "<div class=\"item\"><h3>Reading lamp model " + std::to_string(i) +
             " in brushed brass</h3><p>Price: $ 1" + std::to_string(i) + ".00, ships in two days</p></div>";
  }
  const std::string dialog =
      "<div id=\"onetrust-consent-sdk\"><p>We process your data to deliver content and to measure "
      "its delivery, and we share this information with our partners on the basis of consent, "
      "which you may withdraw at any time in the settings.</p></div>";
  Result r = Extract(Page("<div>" + cards + "</div>" + dialog));
  for (const std::string& t : r.texts) CHECK(t.find("We process your data") == std::string::npos);
  // The same with the titles as links: the text outside links is then
  // mostly the dialog's, which is still not most of the page's text.
  std::string linked;
  for (int i = 0; i < 12; ++i) {
    linked += "<div class=\"item\"><h3><a href=\"/p/" + std::to_string(i) +
              "\">Reading lamp model " + std::to_string(i) +
              " in brushed brass</a></h3><p>$ 1" + std::to_string(i) + "</p></div>";
  }
  r = Extract(Page("<div>" + linked + "</div>" + dialog));
  for (const std::string& t : r.texts) CHECK(t.find("We process your data") == std::string::npos);
  // A wrapper holding most of the page's text outside links stays, its
  // furniture word aside, even on a page without prose.
  r = Extract(Page("<div class=\"sidebar-layout\">" + cards + "</div><p><a href=\"/\">Home</a></p>"));
  CHECK(std::count(r.texts.begin(), r.texts.end(), "Reading lamp model 3 in brushed brass") == 1);
}

TEST_CASE("a page builder's widgets are its sections - not furniture", "[extract][veto]") {
  // Each section of a landing page is a "widget" module; none holds most of
  // the page, so a drop rule on the word would have taken them one by one.
  std::string sections;
  for (int i = 0; i < 4; ++i) {
    sections += "<div class=\"widget-span widget-type-cell\"><h2>Feature " + std::to_string(i) +
                "</h2>" + Prose(i) + "</div>";
  }
  Result r = Extract(Page("<nav><a href=\"/\">Home</a> <a href=\"/p\">Pricing</a></nav><main>" +
                          Prose(10) + Prose(11) + sections + "</main>"));
  for (int i = 0; i < 4; ++i) {
    CHECK(std::count(r.texts.begin(), r.texts.end(), "Feature " + std::to_string(i)) == 1);
  }
}

TEST_CASE("a link to a script or to nowhere is text - not a link", "[extract][veto]") {
  Result r = Visible("<p><a href=\" javascript:void(0)\">Show the whole answer</a></p>"
                     "<p><a>An anchor</a></p><p><a href=\"/x\">A link</a></p>");
  REQUIRE(r.blocks.size() == 3);
  CHECK(r.blocks[0].link_density == 0.f);
  CHECK(r.blocks[1].link_density == 0.f);
  CHECK(r.blocks[2].link_density == 1.f);
}

TEST_CASE("a MathML formula reads as its text", "[extract]") {
  CHECK(Visible("<p>So <math><mi>x</mi><mo>=</mo><mn>2</mn></math> holds.</p>").texts ==
        V{"So x = 2 holds."});
  // The alttext, when there is one; an annotation is not read twice.
  CHECK(Visible("<p>Area <math alttext=\"\\pi r^2\"><mi>x</mi></math>.</p>").texts ==
        V{"Area \\pi r^2 ."});
  CHECK(Visible("<p><math><semantics><mi>y</mi><annotation encoding=\"application/x-tex\">y"
                "</annotation></semantics></math></p>").texts == V{"y"});
}

TEST_CASE("a page rendered by script falls back to its JSON-LD articleBody", "[extract]") {
  std::string body;
  for (int i = 1; i <= 5; ++i) {
    body += "Paragraph " + std::to_string(i) +
            " of the story says something long enough to be read as text, \\u00fcber alles.\\n";
  }
  std::string html = Page(
      "<div id=\"app\">Loading...</div>",
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"H\", "
      "\"datePublished\": \"2024-01-02\", \"articleBody\": \"" + body + "\"}</script>");
  testing::TestDoc doc;
  Result r = Extract(html, ExtractOptions(), &doc);
  REQUIRE(r.texts.size() == 5);
  CHECK(r.texts[0].find("Paragraph 1 of the story") == 0);
  CHECK(r.texts[0].find("über alles.") != std::string::npos);
  CHECK(doc.metadata.date == "2024-01-02");
}

TEST_CASE("a product page that hides its description gets the declared one", "[extract][declared]") {
  const std::string desc =
      "A brass lamp made by hand in a small workshop, with a linen shade and a switch on the cord.";
  const std::string head = "<script type=\"application/ld+json\">{\"@type\":\"Product\","
                           "\"name\":\"Lamp\",\"description\":\"" + desc + "\"}</script>";
  testing::TestDoc doc;
  Result r = Extract(Page("<h1>Lamp</h1><p>Price: 10 EUR</p><template><p>" + desc + "</p></template>",
                          head),
                     ExtractOptions(), &doc);
  CHECK(doc.metadata.page_type == "product");
  CHECK(std::count(r.texts.begin(), r.texts.end(), desc) == 1);
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said |= e.rule == "json-ld-product-description";
  CHECK(said);
  // Shown, it is not added again.
  r = Extract(Page("<h1>Lamp</h1><p>" + desc + "</p>", head));
  CHECK(std::count(r.texts.begin(), r.texts.end(), desc) == 1);
}

TEST_CASE("a page that shows no text says so", "[extract]") {
  testing::TestDoc doc;
  Result r = Extract(Page("<div id=\"app\"></div><script>render()</script>"), ExtractOptions(), &doc);
  CHECK(r.texts.empty());
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said |= e.rule == "no-visible-text";
  CHECK(said);
}

TEST_CASE("customer reviews are a product page's comments - a review elsewhere is text",
          "[extract][comments]") {
  const std::string desc =
      "<p>A brass lamp made by hand in a small workshop, with a linen shade and a switch on the "
      "cord, for a desk or a bedside table.</p>";
  const std::string review =
      "<div class=\"product-reviews\"><h2>Reviews</h2><p>I bought this lamp for my study, and it "
      "gives a warm light, though the cord is short for my room.</p></div>";
  const std::string product = "<script type=\"application/ld+json\">{\"@type\":\"Product\","
                              "\"name\":\"Lamp\"}</script>";
  testing::TestDoc doc;
  Result r = Extract(Page("<main><h1>Lamp</h1><p>Price: 10 EUR</p>" + desc + review + "</main>",
                          product),
                     ExtractOptions(), &doc);
  REQUIRE(doc.metadata.page_type == "product");
  CHECK(r.texts.size() >= 2);
  for (const std::string& t : r.texts) CHECK(t.find("warm light") == std::string::npos);
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said |= e.category == "comments";
  CHECK(said);
  ExtractOptions keep;
  keep.keep_comments = true;
  r = Extract(Page("<main><h1>Lamp</h1>" + desc + review + "</main>", product), keep);
  CHECK(std::any_of(r.texts.begin(), r.texts.end(),
                    [](const std::string& t) { return t.find("warm light") != std::string::npos; }));
  // On an article the same class is the text: a review is what it publishes.
  r = Extract(Page("<article><h1>The lamp, reviewed</h1>" + Prose(0) +
                   "<div class=\"review-body\">" + Prose(1) + Prose(2) + "</div></article>"));
  CHECK(r.texts.size() == 4);
}

TEST_CASE("a thread rendered by script gets its declared summary", "[extract][declared]") {
  const std::string summary =
      "Hello all, I am new to astronomy and would like advice on a first telescope for planets "
      "and for the Moon, on a budget.";
  const std::string head = "<meta property=\"og:description\" content=\"" + summary + "\">";
  // The kind comes from the address here: a thread's path.
  testing::TestDoc doc;
  doc.metadata.url = "https://forum.example.org/t/first-telescope/1555";
  Result r = Extract(Page("<div id=\"main-outlet\"></div><script>boot()</script>", head),
              ExtractOptions(), &doc);
  REQUIRE(doc.metadata.page_type == "forum");
  CHECK(r.texts == V{summary});
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said |= e.rule == "declared-description";
  CHECK(said);
  // An article that shows nothing stays empty: its summary is not its text.
  doc = testing::TestDoc();
  r = Extract(Page("<div id=\"app\"></div>", head), ExtractOptions(), &doc);
  CHECK(r.texts.empty());
}

TEST_CASE("a page hidden until a script runs is read - not left empty", "[extract]") {
  // "Loading..." is all it shows; the page is in a hidden wrapper, in parts.
  testing::TestDoc doc;
  // Its hidden cookie notice is still furniture once shown.
  Result r = Extract(Page("<div class=\"spinner\">Loading...</div>"
                          "<div style=\"display:none\"><h1>Art prints</h1>" + Prose(1) + "</div>"
                          "<div style=\"display:none\">" + Prose(2) + Prose(3) + "</div>"
                          "<div style=\"display:none\">" + Prose(4) + Prose(5) + Prose(6) + "</div>"
                          "<div class=\"cookie-notice\" hidden><p>We use cookies to measure the "
                          "use of this site, and you may refuse them in the settings.</p></div>"),
                     ExtractOptions(), &doc);
  CHECK(std::count(r.texts.begin(), r.texts.end(), "Art prints") == 1);
  CHECK(r.texts.size() == 7);
  for (const std::string& t : r.texts) CHECK(t.find("cookies") == std::string::npos);
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    said |= e.rule == "fallback" && e.after.find("hidden elements shown") != std::string::npos;
  }
  CHECK(said);
  // A page that shows its text keeps its hidden parts hidden.
  r = Extract(Page("<main>" + Prose(1) + "</main><div hidden>" + Prose(2) + Prose(3) + Prose(4) +
                   Prose(5) + "</div>"));
  CHECK(r.texts.size() == 1);
}

TEST_CASE("a listing's cards are its content - not its navigation", "[extract]") {
  // Every card is a link around a title and an excerpt.
  std::string cards;
  for (int i = 0; i < 8; ++i) {
    cards += "<a href=\"/story/" + std::to_string(i) + "\"><h3>Story " + std::to_string(i) +
             "</h3><p>What happened on day " + std::to_string(i) + ", in short.</p></a>";
  }
  testing::TestDoc doc;
  Result r = Extract(Page("<nav><a href=/a>Home</a></nav><h1>Latest</h1><div class=\"list\">" +
                          cards + "</div>"),
                     ExtractOptions(), &doc);
  CHECK(std::count(r.texts.begin(), r.texts.end(), "What happened on day 7, in short.") == 1);
  CHECK(std::count(r.texts.begin(), r.texts.end(), "Story 0") == 1);
  CHECK(std::count(r.texts.begin(), r.texts.end(), "Home") == 0);
}

TEST_CASE("on a listing an item's title link is content - a menu's short links are not",
          "[extract]") {
  // Items as a title link and a line of details, in a list: no link around
  // blocks, so no cards; the titles' length tells them from a menu.
  std::string items;
  for (int i = 0; i < 10; ++i) {
    items += "<li><a href=\"/item/" + std::to_string(i) + "\">Engineers wanted for the data team of "
             "startup number " + std::to_string(i) + "</a> (example.com) " + std::to_string(i + 1) +
             " hours ago</li>";
  }
  const std::string menu = "<ul><li><a href=\"/new\">New</a> | <a href=\"/past\">Past</a> | "
                           "<a href=\"/jobs\">Jobs</a> | <a href=\"/ask\">Ask</a></li></ul>";
  const std::string head = "<script type=\"application/ld+json\">{\"@type\":\"ItemList\"}</script>";
  testing::TestDoc doc;
  Result r = Extract(Page(menu + "<ol>" + items + "</ol>", head), ExtractOptions(), &doc);
  REQUIRE(doc.metadata.page_type == "listing");
  CHECK(std::count_if(r.texts.begin(), r.texts.end(), [](const std::string& t) {
          return t.find("Engineers wanted") != std::string::npos;
        }) == 10);
  for (const std::string& t : r.texts) CHECK(t.find("Past") == std::string::npos);
  // Links of a menu entry's length in the same list are still links.
  std::string short_items;
  for (int i = 0; i < 10; ++i) {
    short_items += "<li><a href=\"/tag/" + std::to_string(i) + "\">Topic number " +
                   std::to_string(i) + "</a></li>";
  }
  r = Extract(Page(menu + "<ol>" + items + "</ol><ul>" + short_items + "</ul>", head));
  for (const std::string& t : r.texts) CHECK(t.find("Topic number") == std::string::npos);
  // The same list beside an article is its related stories' links.
  r = Extract(Page("<article><h1>News</h1>" + Prose(1) + Prose(2) + Prose(3) + "</article><ol>" +
                   items + "</ol>"));
  for (const std::string& t : r.texts) CHECK(t.find("Engineers wanted") == std::string::npos);
}

TEST_CASE("the page kind reads whether a date and an author are declared", "[extract][kind]") {
  auto features = [](const std::string& html) {
    testing::TestDoc doc;
    Extract(html, ExtractOptions(), &doc);
    for (const ExplainEvent& e : doc.reporter.events) {
      if (e.rule == "page-kind-features") return e.after;
    }
    return std::string();
  };
  std::string f = features(Page("<p>A short note.</p>"));
  CHECK(f.find("dated=0.0000") != std::string::npos);
  CHECK(f.find("authored=0.0000") != std::string::npos);
  // A <time datetime> and a JSON-LD author given as a Person object.
  f = features(Page("<time datetime=\"2024-05-01\">1 May</time><p>A short note.</p>",
                    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\" : "
                    "{\"@type\":\"Person\",\"name\":\"Ann Writer\"}}</script>"));
  CHECK(f.find("dated=1.0000") != std::string::npos);
  CHECK(f.find("authored=1.0000") != std::string::npos);
  // A meta tag's author; a key that merely contains the word is none.
  f = features(Page("<p>A short note.</p>", "<meta name=\"author\" content=\"Ann Writer\">"));
  CHECK(f.find("authored=1.0000") != std::string::npos);
  f = features(Page("<p>A short note.</p>", "<script type=\"application/ld+json\">"
                                           "{\"authorship\":\"x\",\"text\":\"\\\"author\\\"\"}</script>"));
  CHECK(f.find("authored=0.0000") != std::string::npos);
}

TEST_CASE("JSON string values are found and decoded", "[extract]") {
  CHECK(JsonStringValue(R"({"a": 1, "key" : "v\"al\\ue \u00e9\ud83d\ude00\n"})", "key") ==
        "v\"al\\ue é😀\n");
  CHECK(JsonStringValue(R"({"key": 5})", "key").empty());
  CHECK(JsonStringValue(R"({"other": "x"})", "key").empty());
  CHECK(JsonStringValue(R"({"key": "cut \ud83d"})", "key") == "cut \xEF\xBF\xBD");
}

TEST_CASE("a fragment without prose keeps its text", "[extract]") {
  CHECK(Extract("<p>Inside b.</p>").texts == V{"Inside b."});
  CHECK(Extract("").texts.empty());
}

// Pathological pages: every one must finish quickly and without recursion.
// Measured in CPU time of this process (the extractor is single-threaded),
// so that a loaded machine does not fail the test: quadratic work still does.
double Seconds(const std::string& html) {
  const std::clock_t start = std::clock();
  Result r = Extract(html);
  CHECK(r.status.ok());
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

TEST_CASE("pathological pages take linear time", "[extract][slow]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>bottom</p>";
  CHECK(Seconds(deep) < 10);

  std::string script = "<script>" + std::string(8 << 20, 'x') + "</script>" + Prose(1);
  CHECK(Seconds(script) < 10);

  std::string links = "<ul>";
  for (int i = 0; i < 100000; ++i) links += "<li><a href=\"/" + std::to_string(i) + "\">link</a>";
  links += "</ul>";
  CHECK(Seconds(links) < 10);

  std::string attrs = "<p";
  for (int i = 0; i < 100000; ++i) attrs += " a" + std::to_string(i) + "=\"v\"";
  attrs += " class=\"" + std::string(1 << 20, 'c') + "\">text</p>";
  CHECK(Seconds(attrs) < 10);

  std::string tables;
  for (int i = 0; i < 20000; ++i) tables += "<table><tr><td>";
  tables += "x";
  CHECK(Seconds(tables) < 10);
}

TEST_CASE("the selection gate picks the main content or everything the rules leave",
          "[extract][gate]") {
  // An article with a card grid beside it: the selection keeps the
  // article, the broad side keeps the cards too (not the navigation).
  std::string article, cards;
  for (int i = 1; i <= 3; ++i) article += Prose(i);
  for (int i = 0; i < 6; ++i) {
    cards += "<div class=\"card\"><h3>Card " + std::to_string(i) + "</h3><p>Short text of card " +
             std::to_string(i) + ".</p></div>";
  }
  const std::string page = Page("<nav><a href=/a>Home</a> <a href=/b>About</a></nav><div class=\"story\">" +
                                article + "</div><div class=\"grid\">" + cards + "</div>");
  auto run = [&](const std::string& gate, testing::TestDoc* doc) {
    std::vector<RuleFile> files = DefaultRuleFiles();
    files.push_back({"extract_gate.txt", gate});
    std::unique_ptr<const ExtractRules> rules;
    REQUIRE(ExtractRules::Compile(files, &rules).ok());
    testing::CollectingSink sink;
    REQUIRE(ExtractHtml(page, *rules, ExtractOptions(), LimitOptions(), doc->info(), &sink).ok());
    return sink.Texts();
  };
  testing::TestDoc closed_doc, open_doc;
  V closed = run("gate\tbias\t-1000\n", &closed_doc);
  V open = run("gate\tbias\t1000\n", &open_doc);
  CHECK(closed.size() == 3);
  CHECK(std::count(open.begin(), open.end(), "Card 5") == 1);
  CHECK(std::count(open.begin(), open.end(), "Home About") == 0);
  for (const std::string& t : closed) CHECK(std::count(open.begin(), open.end(), t) == 1);
  // The decision and its features are explained.
  bool said = false;
  for (const ExplainEvent& e : open_doc.reporter.events) {
    if (e.rule != "selection-gate") continue;
    said = true;
    CHECK(e.after.find("text_share=") != std::string::npos);
    CHECK(e.after.find("every block the rules leave") != std::string::npos);
  }
  CHECK(said);
}

TEST_CASE("text in a link around blocks is a card - not link text for the filter", "[extract]") {
  // A listing's cards are links around a title and its details: their
  // text is the page's content, where a menu's links are navigation. The
  // blocks tell the filter the link density of navigation links only, so
  // its link-list heuristic takes menus, not cards.
  std::string cards;
  for (int i = 0; i < 4; ++i) {
    cards += "<li><a href=\"/jobs/" + std::to_string(i) + "\"><div><h3>Engineer " +
             std::to_string(i) + "</h3><p>Remote</p><p>Full-Time</p></div></a></li>";
  }
  Result r = Visible("<nav><ul><li><a href=/a>Home</a></li><li><a href=/b>About</a></li></ul></nav>"
                     "<ul>" + cards + "</ul>");
  REQUIRE(r.status.ok());
  int seen = 0;
  for (const Block& b : r.blocks) {
    if (b.text == "Home" || b.text == "About") CHECK(b.link_density == Approx(1.f));
    if (b.text.rfind("Engineer ", 0) == 0 || b.text == "Remote") {
      CHECK(b.link_density == Approx(0.f));
      ++seen;
    }
  }
  CHECK(seen == 8);
}

// Extracts `page` with the default rules but the declared page kind only
// (no page-kind model) and the selection always (no gate): what the
// selection does on a page of a given kind.
testing::CollectingSink ExtractSelection(const std::string& page, testing::TestDoc* doc) {
  std::vector<RuleFile> files;
  for (const RuleFile& f : DefaultRuleFiles()) {
    if (f.name != "extract_page_kind.txt" && f.name != "extract_gate.txt") files.push_back(f);
  }
  files.push_back({"extract_gate.txt", "gate\tbias\t-1000\n"});  // the selection always
  std::unique_ptr<const ExtractRules> rules;
  REQUIRE(ExtractRules::Compile(files, &rules).ok());
  testing::CollectingSink sink;
  REQUIRE(ExtractHtml(page, *rules, ExtractOptions(), LimitOptions(), doc->info(), &sink).ok());
  return sink;
}

TEST_CASE("on a page of cards a best container under one paragraph's score is no main content",
          "[extract][kind]") {
  // The only text long enough to score is a sign-up sentence in a list
  // (whose tags weigh against it); the cards (short titles and prices in
  // links around blocks) score nothing.
  // On an article the selection keeps its best container all the same; on
  // a collection that container is no content, and every card stays.
  std::string cards;
  for (int i = 0; i < 6; ++i) {
    cards += "<div class=\"item\"><a href=\"/p/" + std::to_string(i) + "\"><h3>Lamp " +
             std::to_string(i) + "</h3><p>$ 1" + std::to_string(i) + ".00</p></a></div>";
  }
  auto run = [&](const std::string& json_ld, testing::TestDoc* doc) {
    const std::string page = "<html><head>" + json_ld + "</head><body><div>" + cards +
                             "</div><ul><li>Sign up for our letter, and we will write to you once a month "
                             "with the news of the shop, the new lamps and the old ones.</li></ul>"
                             "</body></html>";
    return ExtractSelection(page, doc).Texts();
  };
  auto said = [](const testing::TestDoc& doc) {
    for (const ExplainEvent& e : doc.reporter.events) {
      if (e.rule == "no-main-container") return e.after.find("on a collection page") != std::string::npos;
    }
    return false;
  };
  testing::TestDoc article_doc, collection_doc;
  V article = run("", &article_doc);
  V collection = run(
      "<script type=\"application/ld+json\">{\"@type\":\"CollectionPage\"}</script>",
      &collection_doc);
  CHECK(std::count(article.begin(), article.end(), "Lamp 3") == 0);
  CHECK(std::count(collection.begin(), collection.end(), "Lamp 3") == 1);
  CHECK(std::count(collection.begin(), collection.end(), "$ 15.00") == 1);
  CHECK(!said(article_doc));
  CHECK(said(collection_doc));  // the decision is explained
}

TEST_CASE("on a page of cards the cards join the selection - their linked titles too",
          "[extract][kind]") {
  // Each card: a title that is a link on its own (not a link around the
  // card), an author line and a date. Beside them an "about us" box of
  // prose, which Readability's scoring picks as the best container.
  std::string cards;
  for (int i = 0; i < 5; ++i) {
    cards += "<div class=\"story\"><h3><a href=\"/s/" + std::to_string(i) +
             "\">How the river town rebuilt its bridge, part " + std::to_string(i) +
             "</a></h3><p><a href=\"/u/" + std::to_string(i) + "\">by Writer " +
             std::to_string(i) + "</a></p><p>Mar 0" + std::to_string(i + 1) + ", 2026</p></div>";
  }
  const std::string about =
      "<div class=\"about\"><p>We are a small newsroom that has written about the towns along "
      "the river since 2016, with readers who send us tips, photos and, now and then, "
      "corrections.</p></div>";
  auto run = [&](const std::string& json_ld, testing::TestDoc* doc) {
    return ExtractSelection("<html><head>" + json_ld + "</head><body><main><div>" + cards +
                                "</div>" + about + "</main></body></html>",
                            doc);
  };
  auto said = [](const testing::TestDoc& doc) {
    for (const ExplainEvent& e : doc.reporter.events) {
      if (e.rule == "cards") return e.after.find("5 cards") == 0;
    }
    return false;
  };
  testing::TestDoc article_doc, listing_doc;
  testing::CollectingSink article = run("", &article_doc);
  testing::CollectingSink listing = run(
      "<script type=\"application/ld+json\">{\"@type\":\"CollectionPage\"}</script>",
      &listing_doc);
  const std::string title = "How the river town rebuilt its bridge, part 3";
  V a = article.Texts(), l = listing.Texts();
  CHECK(std::count(a.begin(), a.end(), title) == 0);
  CHECK(std::count(l.begin(), l.end(), title) == 1);
  CHECK(std::count(l.begin(), l.end(), "by Writer 3") == 1);
  // The titles reach the filter as card text, not as a list of links.
  for (const Block& b : listing.blocks) {
    if (b.text == title) CHECK(b.link_density == 0.0f);
  }
  CHECK(!said(article_doc));
  CHECK(said(listing_doc));
  // A kept card title is not also reported as a dropped link-dense block.
  for (const ExplainEvent& e : listing_doc.reporter.events) {
    if (e.action == ExplainEvent::Action::kDrop) CHECK(e.before != title);
  }
}

TEST_CASE("a part of the page streamed late by React is shown - other hidden blocks are not",
          "[extract]") {
  // React's streaming server rendering sends a part that was not ready as
  // <div hidden id="S:0"> at the end of the body, with a script that moves
  // it into place: readers see it.
  Result r = Extract("<html><body><main>" + Prose(1) + "<template id=\"B:0\"></template></main>"
                     "<div hidden id=\"S:0\">" + Prose(2) + Prose(3) + "</div>"
                     "<div hidden id=\"menu\"><p>This hidden menu text is long enough to count as a "
                     "paragraph of the page, with commas, and words.</p></div></body></html>");
  REQUIRE(r.status.ok());
  CHECK(r.texts.size() == 3);
  for (const std::string& t : r.texts) CHECK(t.find("hidden menu") == std::string::npos);
}

TEST_CASE("a modal dialog is not the page under it - unless there is no page", "[extract][veto]") {
  // A policy shown in a dialog (aria-modal="true") holds most of the page's
  // text and prose; the page under it, a short product text, is the content.
  std::string policy;
  for (int i = 0; i < 30; ++i) policy += Prose(100 + i);
  const std::string page = "<main><h1>Wool runner shoe</h1><p>A soft shoe of merino wool, light "
                           "and warm, that you can wash in the machine.</p></main>"
                           "<div role=\"dialog\" aria-modal=\"true\"><h2>Privacy policy</h2>" +
                           policy + "</div>";
  testing::TestDoc doc;
  Result r = Extract(Page(page), ExtractOptions(), &doc);
  REQUIRE(r.status.ok());
  CHECK(std::count(r.texts.begin(), r.texts.end(), "Wool runner shoe") == 1);
  for (const std::string& t : r.texts) CHECK(t.find("sentence number 10") == std::string::npos);
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.action == ExplainEvent::Action::kDrop && e.rule == "modal-dialog") said = true;
  }
  CHECK(said);
  // Without a page under it, the dialog is what there is to read: a menu of
  // links is no page, nor is hidden text.
  r = Extract(Page("<div aria-modal=\"true\">" + Prose(1) + Prose(2) + "</div>"));
  CHECK(r.texts.size() == 2);
  r = Extract(Page("<ul><li><a href=\"/a\">Home and garden furniture</a></li><li><a href=\"/b\">"
                   "Lamps, lights and shades</a></li><li><a href=\"/c\">Rugs and carpets for "
                   "every room</a></li></ul><div hidden>" + Prose(7) + "</div>"
                   "<div aria-modal=\"true\">" + Prose(1) + Prose(2) + "</div>"));
  CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(1))) == 1);
}

TEST_CASE("a form around the page's posts is no form to fill - a comment form is",
          "[extract][veto]") {
  // A forum wraps its posts in a moderation form: it holds most of the
  // page's prose, but beside it the page holds more text of its own (a
  // paragraph in a box, a long list of short lines), so the general veto
  // (40 % of the prose and of the text) does not spare the form.
  std::string posts, elsewhere = "<section><div>" + Prose(10) + "</div></section><ul>";
  for (int i = 1; i <= 4; ++i) posts += "<div class=\"post\">" + Prose(i) + "</div>";
  for (int i = 0; i < 60; ++i) elsewhere += "<li>Topic number " + std::to_string(i) + "</li>";
  elsewhere += "</ul>";
  Result r = Extract(Page(elsewhere + "<div><form method=\"post\">" + posts + "</form></div>"));
  REQUIRE(r.status.ok());
  CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(2))) == 1);
  // A sign-up form with paragraphs of fine print, a third of the page's
  // prose, is still a form to fill; so is any form a class rule names.
  std::string article3;
  for (int i = 1; i <= 4; ++i) article3 += Prose(i);
  for (const char* open : {"<form action=\"/subscribe\">", "<form class=\"newsletter\">"}) {
    r = Extract(Page("<article>" + article3 + "</article>" + open + Prose(20) + Prose(21) +
                     "<input type=\"email\"></form>"));
    CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(2))) == 1);
    for (const std::string& t : r.texts) CHECK(t.find("sentence number 20") == std::string::npos);
  }
  // A comment form holds a line of its own words, not paragraphs: it goes.
  std::string article;
  for (int i = 1; i <= 5; ++i) article += Prose(i);
  r = Extract(Page("<article>" + article + "</article><form method=\"post\"><h3>Leave a Reply"
                   "</h3><p>Your email address will not be published.</p><textarea></textarea>"
                   "<input type=\"submit\" value=\"Post Comment\"></form>"));
  for (const std::string& t : r.texts) {
    CHECK(t.find("Leave a Reply") == std::string::npos);
    CHECK(t.find("email address") == std::string::npos);
  }
}

// A link shared for discussion: a title and a link, then the comments.
std::string LinkDiscussion(const std::string& summary) {
  std::string comments;
  for (int i = 1; i <= 4; ++i) {
    comments += "<div class=\"comment\"><div class=\"author\">user" + std::to_string(i) +
                "</div>" + Prose(i) + "</div>";
  }
  return Page("<h1><a href=\"https://example.org/goals\">Project goals for the year</a></h1>" +
                  summary + "<div class=\"comments\">" + comments + "</div>",
              "<meta property=\"og:type\" content=\"article\">");
}

TEST_CASE("comments that are nearly all the page's prose are its text", "[extract][kind]") {
  testing::TestDoc doc;
  Result r = Extract(LinkDiscussion(""), ExtractOptions(), &doc);
  REQUIRE(r.status.ok());
  for (int i = 1; i <= 4; ++i) {
    CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(i))) == 1);
  }
  bool said = false;
  for (const ExplainEvent& e : doc.reporter.events) said |= e.rule == "comments-are-the-page";
  CHECK(said);
  // An article of a few paragraphs with a longer thread under it keeps its
  // comments out: a story's comments are not the story.
  std::string story;
  for (int i = 20; i <= 22; ++i) story += Prose(i);
  r = Extract(LinkDiscussion("<div class=\"story\">" + story + "</div>"));
  CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(21))) == 1);
  for (const std::string& t : r.texts) CHECK(t.find("sentence number 2 ") == std::string::npos);
  // A page's own post marked as an <article>, however short (a photo post's
  // captions), keeps its comments out.
  r = Extract(LinkDiscussion("<article><p>Photos from our trip to the valley last week.</p>"
                             "<img src=\"a.jpg\"><p>The river was high after the storm.</p>"
                             "</article>"));
  for (const std::string& t : r.texts) CHECK(t.find("sentence number 2 ") == std::string::npos);
  // An article in a form that wraps the page (ASP.NET) is the page's own
  // post: its comments stay out.
  std::string nav = "<nav><ul>";
  for (int i = 0; i < 40; ++i) nav += "<li><a href=\"/" + std::to_string(i) + "\">Section</a></li>";
  nav += "</ul></nav>";
  std::string thread;
  for (int i = 1; i <= 4; ++i) thread += "<div class=\"comment\">" + Prose(40 + i) + "</div>";
  r = Extract(Page(nav + "<form method=\"post\"><h1>A test page</h1>" + story + Prose(23) +
                       "</form><div class=\"comments\">" + thread + "</div>",
                   "<meta property=\"og:type\" content=\"article\">"));
  CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(22))) == 1);
  for (const std::string& t : r.texts) CHECK(t.find("sentence number 42") == std::string::npos);
  // A wrapper named for its comments around the article and its thread
  // ("post has-comments") is no comment section: the thread inside it is.
  std::string comments;
  for (int i = 1; i <= 3; ++i) comments += "<li class=\"comment\">" + Prose(30 + i) + "</li>";
  r = Extract(Page("<div class=\"post has-comments\"><h1>A test page</h1>" + story +
                       "<div id=\"comments\"><ol>" + comments + "</ol></div></div>",
                   "<meta property=\"og:type\" content=\"article\">"));
  CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(21))) == 1);
  for (const std::string& t : r.texts) CHECK(t.find("sentence number 32") == std::string::npos);
}

TEST_CASE("a collapsed panel is text a reader opens - a hidden menu stays furniture",
          "[extract][veto]") {
  std::string article;
  for (int i = 1; i <= 4; ++i) article += Prose(i);
  // An accordion: each answer hidden until its button is pressed, named by
  // the button's aria-controls or labelled by it; a tab panel.
  const std::string faq =
      "<h2>Questions</h2><button aria-controls=\"a1\">How long does it take?</button>"
      "<div id=\"a1\" hidden>" + Prose(11) + "</div>"
      "<button id=\"q2\">Can I cancel?</button><div aria-hidden=\"true\" aria-labelledby=\"q2\">" +
      Prose(12) + "</div><div role=\"tabpanel\" style=\"display:none\">" + Prose(13) + "</div>";
  // A menu a button opens is still a menu when shown; other hidden text
  // (a hidden copy, a template) stays out.
  const std::string menu =
      "<button aria-controls=\"m\">Menu</button><div id=\"m\" hidden><nav><ul><li><a href=\"/a\">"
      "Home</a></li><li><a href=\"/b\">About us</a></li></ul></nav></div>"
      "<div hidden>" + Prose(14) + "</div>";
  Result r = Extract(Page(menu + "<main>" + article + faq + "</main>"));
  REQUIRE(r.status.ok());
  for (int i : {11, 12, 13}) {
    CHECK(std::count(r.texts.begin(), r.texts.end(), StripP(Prose(i))) == 1);
  }
  for (const std::string& t : r.texts) {
    CHECK(t.find("About us") == std::string::npos);
    CHECK(t.find("sentence number 14") == std::string::npos);
  }
}

TEST_CASE("stop words are counted per word - ASCII case-insensitively", "[extract]") {
  StopWords sw;
  sw.Add("the");
  sw.Add("und");
  int words = 0, stops = 0;
  sw.Count("The cat and THE dog — und Müller’s hat.", &words, &stops);
  CHECK(words == 9);
  CHECK(stops == 3);
}

TEST_CASE("noframes text and paragraphs in a re-opened link are text", "[extract][hostile]") {
  // Issue 14.12: the frameset page's text (in <noframes>, raw text to the
  // parser) was never read, and the paragraphs after an <a> left open in a
  // <p> (re-opened around each by the parser) were dropped as link text.
  std::string frames = "<html><frameset cols=\"20%,80%\"><frame src=\"a.html\"><noframes><body>" +
                       Prose(1) + Prose(2) + "</body></noframes></frameset></html>";
  Result r = Extract(frames);
  REQUIRE(r.status.ok());
  CHECK(r.texts.size() == 2);
  CHECK(!r.texts.empty());
  if (!r.texts.empty()) CHECK(r.texts[0].find("sentence number 1") != std::string::npos);
  std::string reopened = "<html><body><p><a href=\"/x\">A link left open</p>";
  for (int i = 1; i <= 5; ++i) reopened += Prose(i);
  r = Extract(reopened + "</body></html>");
  REQUIRE(r.status.ok());
  bool found = false;
  for (const Block& b : r.blocks) {
    if (b.text.find("sentence number 3") == std::string::npos) continue;
    found = true;
    CHECK(b.link_density == 0.f);
  }
  CHECK(found);
}

TEST_CASE("an expired time budget stops the bound and the walk", "[extract][limits][hostile]") {
  // Issue 14.6: --max-seconds was checked only between stages.
  Deadline spent(1e-9);
  while (!spent.Now()) {
  }
  testing::TestDoc doc;
  DocumentInfo info = doc.info();
  info.deadline = &spent;
  testing::CollectingSink sink;
  std::string page = "<div>" + Prose(1) + "</div>";
  Status st =
      ExtractHtml(page, DefaultExtractRules(), ExtractOptions(), LimitOptions(), info, &sink);
  CHECK(st.code() == Status::Code::kResourceExhausted);
  CHECK(st.message().find("--max-seconds") != std::string::npos);
  CHECK(sink.blocks.empty());
}

}  // namespace
}  // namespace cleaner
