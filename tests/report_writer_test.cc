// Tests for cleaner/output/report_writer.h: escaping, block order,
// truncation, determinism. The page in a real browser: report_browser_test.py.
#include "cleaner/output/report_writer.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace cleaner {
namespace {

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

Block Kept(int index, std::string text) {
  Block b;
  b.index = index;
  b.text = std::move(text);
  return b;
}

ExplainEvent Drop(const char* stage, int block, int position, std::string rule,
                  std::string category, std::string text) {
  ExplainEvent e;
  e.stage = stage;
  e.action = ExplainEvent::Action::kDrop;
  e.block = block;
  e.position = position;
  e.rule = std::move(rule);
  e.category = std::move(category);
  e.before = std::move(text);
  return e;
}

TEST_CASE("HtmlEscape leaves no markup and no invalid UTF-8", "[report]") {
  struct {
    std::string in, want;
  } rows[] = {
      // Markup characters, in text and in attribute values.
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a & b", "a &amp; b"},
      {"\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"},
      {"&lt;", "&amp;lt;"},
      // Text as it is: letters, tabs and line breaks.
      {"café – naïve\tx\ny", "café – naïve\tx\ny"},
      // Bytes that are not UTF-8, NUL and other controls become U+FFFD.
      {std::string("a\xFF"
                   "b"),
       "a\xEF\xBF\xBD"
       "b"},
      {std::string("a\0b", 3),
       "a\xEF\xBF\xBD"
       "b"},
      {"a\x1b[31mb", "a\xEF\xBF\xBD[31mb"},
      {"\xC2\x85", "\xEF\xBF\xBD"},  // U+0085, a C1 control
      {"\xC3", "\xEF\xBF\xBD"},      // a cut sequence
  };
  for (const auto& row : rows) {
    INFO(testing::Visible(row.in));
    CHECK(HtmlEscape(row.in) == row.want);
  }
}

TEST_CASE("hostile text - names - rules and metadata cannot inject markup", "[report]") {
  const std::string evil = "</s></div><script>alert(1)</script><img src=x onerror=alert(2)>";
  Document doc;
  doc.blocks.push_back(Kept(0, "kept " + evil));
  doc.metadata.title = evil;
  doc.metadata.drop_reason = evil;
  std::vector<ExplainEvent> events;
  events.push_back(Drop("extract", -1, 0, "rule" + evil, "cat\" onclick=\"x" + evil, evil));
  events.push_back(Drop("filter", 1, -1, evil, evil, "dropped " + evil));
  ExplainEvent change;
  change.stage = "repair";
  change.action = ExplainEvent::Action::kChange;
  change.block = 0;
  change.rule = evil;
  change.before = evil;
  change.after = evil;
  events.push_back(change);
  ExplainEvent kind;
  kind.stage = "extract";
  kind.action = ExplainEvent::Action::kMetadata;
  kind.category = "page_type";
  kind.rule = evil;
  kind.after = evil;
  events.push_back(kind);
  std::string html =
      ReportHeader(evil) + FormatReportSection(evil, &doc, events, "", ReportLimits()) +
      FormatReportSection(evil, nullptr, events, evil, ReportLimits()) + ReportFooter(2);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("onclick=\"") == std::string::npos);
  CHECK(html.find("&lt;/s&gt;&lt;/div&gt;&lt;script&gt;") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  // The page's own markup is intact: one <s> per dropped block (two per
  // section), every element that opens is closed.
  CHECK(Count(html, "<s>") == 4);
  CHECK(Count(html, "</s>") == 4);
  CHECK(Count(html, "<section") == Count(html, "</section>"));
  CHECK(Count(html, "<li") == Count(html, "</li>"));
  CHECK(html.rfind("</html>\n") == html.size() - 8);
}

TEST_CASE("blocks appear in document order - drops placed among the kept ones", "[report]") {
  // The extractor passed on blocks #0..#3; the filter dropped #1; the
  // extractor dropped a menu before #0, an aside between #2 and #3, and
  // a footer after #3.
  Document doc;
  doc.blocks = {Kept(0, "K0"), Kept(2, "K2"), Kept(3, "K3")};
  std::vector<ExplainEvent> events = {
      Drop("extract", -1, 4, "filters/extract_classes.txt:83", "boilerplate-container", "FOOTER"),
      Drop("filter", 1, -1, "filters/line_filter_share.txt:3", "share", "F1"),
      Drop("extract", -1, 0, "filters/extract_classes.txt:77", "boilerplate-container", "MENU"),
      Drop("extract", -1, 3, "not-selected", "outside-main-content", "ASIDE"),
  };
  std::string html = FormatReportSection("page", &doc, events, "", ReportLimits());
  const char* order[] = {"MENU", "K0", "F1", "K2", "ASIDE", "K3", "FOOTER"};
  size_t last = 0;
  for (const char* text : order) {
    INFO(text);
    size_t at = html.find(std::string(">") + text + "<");
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
  CHECK(html.find("<s>F1</s>") != std::string::npos);
  CHECK(html.find("filters/line_filter_share.txt:3") != std::string::npos);
  CHECK(html.find("3 kept, 4 dropped") != std::string::npos);
}

TEST_CASE("repairs are shown on their block with before and after", "[report]") {
  Document doc;
  doc.blocks = {Kept(0, "closed in March, after")};
  ExplainEvent e;
  e.stage = "repair";
  e.action = ExplainEvent::Action::kChange;
  e.block = 0;
  e.rule = "space-before-punct";
  e.before = "March , after";
  e.after = "March, after";
  std::string html = FormatReportSection("page", &doc, {e}, "", ReportLimits());
  CHECK(html.find("<code class=\"rule\">space-before-punct</code> <del>March , after</del> → "
                  "<ins>March, after</ins>") != std::string::npos);
  CHECK(html.find("0 dropped, 1 repairs") != std::string::npos);
}

TEST_CASE("a section is bounded and says when it was cut", "[report]") {
  Document doc;
  for (int i = 0; i < 1000; ++i) doc.blocks.push_back(Kept(i, "block number " + std::to_string(i)));
  ReportLimits limits;
  limits.max_section_bytes = 8192;
  std::string html = FormatReportSection("page", &doc, {}, "", limits);
  CHECK(html.size() < 8192 + 2048);
  CHECK(html.find("block number 0<") != std::string::npos);
  CHECK(html.find("block number 999<") == std::string::npos);
  CHECK(html.find("blocks not shown (the report holds 8 KiB per document)") != std::string::npos);
  CHECK(html.rfind("</section>\n") == html.size() - 11);

  // One long block is cut at a character boundary, with what was left out.
  Document one;
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "é";  // 200 bytes
  one.blocks.push_back(Kept(0, long_text));
  limits = ReportLimits();
  limits.max_block_bytes = 51;  // inside the 26th "é"
  html = FormatReportSection("page", &one, {}, "", limits);
  std::string kept;
  for (int i = 0; i < 25; ++i) kept += "é";
  CHECK(html.find(">" + kept + "<span class=\"truncated\"> [cut: 150 more bytes]") !=
        std::string::npos);
}

TEST_CASE("the report is deterministic and colours a category the same everywhere", "[report]") {
  Document doc;
  doc.blocks = {Kept(1, "text")};
  std::vector<ExplainEvent> events = {
      Drop("filter", 0, -1, "filters/line_filter_share.txt:3", "share", "Share this:"),
      Drop("filter", 2, -1, "filters/line_filter_share.txt:4", "share", "Share this article")};
  std::string a = FormatReportSection("p", &doc, events, "", ReportLimits());
  CHECK(a == FormatReportSection("p", &doc, events, "", ReportLimits()));
  size_t first = a.find("<li class=\"b drop c");
  size_t second = a.find("<li class=\"b drop c", first + 1);
  REQUIRE(second != std::string::npos);
  CHECK(a.substr(first, 21) == a.substr(second, 21));
  CHECK(a.find("share 2</span>") != std::string::npos);  // the legend
}

TEST_CASE("a failed document shows its error", "[report]") {
  std::string html = FormatReportSection(
      "big.html", nullptr, {}, "document is 9 bytes, over the limit of 8", ReportLimits());
  CHECK(html.find("<p class=\"error\">failed: document is 9 bytes, over the limit of 8</p>") !=
        std::string::npos);
}

}  // namespace
}  // namespace cleaner
