// Tests for cleaner/pipeline.cc: stage order and document-level limits.
#include "cleaner/pipeline.h"

#include <catch2/catch.hpp>

#include <chrono>

#include "cleaner/util/deadline.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

TEST_CASE("a document over its time budget is a named error", "[limits]") {
  Options o;
  o.limits.max_document_seconds = 1e-9;  // spent before extraction starts
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(o, &c).ok());
  RawDocument raw;
  raw.name = "slow.txt";
  raw.bytes = std::string(1 << 20, 'a');
  Document doc;
  Status st = c->Clean(raw, &doc);
  CHECK(st.code() == Status::Code::kResourceExhausted);
  CHECK(st.message().find("time budget") != std::string::npos);
}

TEST_CASE("the time budget is read every 1024 checks and stays spent", "[limits][hostile]") {
  Deadline never;
  Deadline none(0);
  for (int i = 0; i < 5000; ++i) {
    REQUIRE_FALSE(never.Expired());
    REQUIRE_FALSE(none.Expired());
  }
  Deadline soon(1e-6);
  auto t0 = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(2)) {
  }
  int calls = 0;
  while (!soon.Expired()) ++calls;
  CHECK(calls < 1024);
  CHECK(soon.Expired());
  CHECK(soon.Error("repair").message().find("spent in repair") != std::string::npos);
}

TEST_CASE("a stage that overruns the budget stops inside - not after", "[limits][hostile]") {
  // Issue 14.6: a 30 MB page of tiny paragraphs ran its whole extraction
  // (and filter, and repair) before the budget was looked at.
  Options o;
  o.limits.max_document_seconds = 0.3;
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(o, &c).ok());
  RawDocument raw;
  raw.name = "many.html";
  raw.bytes = "<html><body>";
  while (raw.bytes.size() < (30u << 20)) raw.bytes += "<p>A tiny paragraph &amp;amp; more.</p>";
  Document doc;
  Status st = c->Clean(raw, &doc);
  CHECK(st.code() == Status::Code::kResourceExhausted);
  // Gumbo's parse cannot be interrupted; the walk after it, the bound
  // before it, the filter and repair check inside their loops. Under the
  // sanitizers decoding 30 MB alone can take 0.3 s; the check right after
  // the decoder then ends it, still before any later stage ran.
  INFO(st.message());
  CHECK((st.message().find("spent in the HTML walk") != std::string::npos ||
         st.message().find("spent in the decoder") != std::string::npos ||
         st.message().find("spent in the pre-parse bound") != std::string::npos ||
         st.message().find("spent in the filter") != std::string::npos ||
         st.message().find("spent in the repair stage") != std::string::npos));
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("every document's metadata names its language", "[pipeline]") {
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(Options(), &c).ok());
  RawDocument raw;
  raw.name = "de.txt";
  raw.bytes =
      "Die Freiwilligen trafen sich jeden Samstag und bauten das Rad aus Eichenholz wieder "
      "auf, das ein Bauer aus der Gegend gespendet hatte.\n";
  Document doc;
  REQUIRE(c->Clean(raw, &doc).ok());
  CHECK(doc.metadata.language == "de");
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("a line over max_line_bytes is broken at white space - nothing lost", "[limits]") {
  Options o;
  // Over 160 bytes, so that the pieces do not look hard-wrapped and are not
  // joined again by the segmenter.
  o.limits.max_line_bytes = 200;
  o.filter.enabled = false;
  o.repair.enabled = false;
  std::string line;
  for (int i = 0; i < 100; ++i) line += "word" + std::to_string(i) + " ";
  std::string out = testing::Clean(line + "\nshort line\n", o, "long.txt");
  std::string joined;
  for (char c : out) joined += c == '\n' ? ' ' : c;
  // Every word survives, in order, and no output line is over the limit.
  for (int i = 0; i < 100; ++i) {
    CHECK(joined.find("word" + std::to_string(i) + " ") != std::string::npos);
  }
  size_t start = 0;
  while (start < out.size()) {
    size_t nl = out.find('\n', start);
    CHECK(nl - start <= 200);
    start = nl + 1;
  }
  // A line without spaces is cut at character boundaries; tiny limits end.
  o.limits.max_line_bytes = 1;
  std::string cjk = testing::Clean("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", o, "cjk.txt");
  CHECK(cjk == "\xE6\x97\xA5\n\n\xE6\x9C\xAC\n\n\xE8\xAA\x9E\n");
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("past max_html_elements the text is kept and the cap reported", "[limits]") {
  Options o;
  o.limits.max_html_elements = 3;
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(o, &c).ok());
  RawDocument raw;
  raw.name = "many.html";
  for (int i = 0; i < 10; ++i) {
    raw.bytes += "<div><p>Paragraph number " + std::to_string(i) +
                 " tells a complete sentence about the mill, the river and the town.</p></div>";
  }
  Document doc;
  testing::CollectingReporter reporter;
  REQUIRE(c->Clean(raw, &doc, &reporter).ok());
  CHECK(doc.text.find("Paragraph number 9") != std::string::npos);
  bool reported = false;
  for (const ExplainEvent& e : reporter.events) reported |= e.rule == "limit:max-html-elements";
  CHECK(reported);
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("a long document is judged in windows - every block, in order, each repaired",
          "[pipeline][limits][hostile]") {
  // Issue 14.5: ten million one-letter lines held 74 times their size while
  // the filter and the repair stage judged the whole document at once; they
  // now take kWindowBlocks blocks at a time. No block may be lost, doubled
  // or reordered at a window's edge, and every window goes through every
  // stage (the last line's entity and mojibake are repaired).
  const size_t n = 3 * kWindowBlocks + 7;
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    // Blank-line separated: lines of one width would read as hard-wrapped.
    text += "Volunteers met on day " + std::to_string(i) + " and rebuilt part of the old wheel.\n\n";
  }
  text += "Tom &amp; Jerry ate a crÃ¨me brÃ»lÃ©e.\n";
  std::string out = testing::Clean(text, Options(), "long.txt");
  size_t pos = 0, found = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string line = "Volunteers met on day " + std::to_string(i) + " and";
    const size_t at = out.find(line, pos);
    if (at == std::string::npos) break;
    pos = at + line.size();
    ++found;
  }
  CHECK(found == n);
  CHECK(out.find("Tom & Jerry ate a crème brûlée.") != std::string::npos);
  CHECK(std::count(out.begin(), out.end(), '\n') == static_cast<long>(2 * (n + 1) - 1));
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("a document of exactly one window is judged whole - an error page still goes",
          "[pipeline][limits]") {
  // The window ends when the block after it comes (found by the review: a
  // page of exactly kWindowBlocks blocks was judged as a window, without
  // the whole-document drop).
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(Options(), &c).ok());
  for (size_t n : {kWindowBlocks - 1, kWindowBlocks}) {
    RawDocument raw;
    raw.name = "error.txt";
    raw.bytes = "Page not found\n\nGo back to the home page\n";
    for (size_t i = 2; i < n; ++i) raw.bytes += "\nLog in\n";
    Document doc;
    REQUIRE(c->Clean(raw, &doc).ok());
    INFO(n);
    CHECK(doc.text.empty());
    CHECK(doc.metadata.drop_reason.rfind("error-page", 0) == 0);
  }
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("scraped text's encoding is repaired before the filter - cleaning again drops nothing",
          "[pipeline][idempotence]") {
  const std::string para =
      "The council approved the new budget on Tuesday after a long debate about the roads.";
  // U+0095 is Windows-1252's bullet read as Latin-1: the filter must see
  // the menu `• Home • News • Sport` the output will hold, or a second
  // pass drops it.
  const std::string c1 = "\xC2\x95";
  std::string text = c1 + " Home " + c1 + " News " + c1 + " Sport\n" + para + "\n" + c1 +
                     " Weather\n" + para + " Again.\nPrices " + "\xC2\x96" + " from 5\n";
  // By the rules alone: the line classifier may take a made-up page's last
  // short line, and the point here is what the filter sees.
  Options rules_only;
  rules_only.filter.line_classifier = false;
  std::string once = testing::Clean(text, rules_only, "c1.txt");
  CHECK(once.find("Home") == std::string::npos);
  CHECK(once.find("\xE2\x80\xA2 Weather") != std::string::npos);        // •
  CHECK(once.find("Prices \xE2\x80\x93 from 5") != std::string::npos);  // –
  CHECK(testing::Clean(once, rules_only, "c1.txt") == once);
  CHECK(testing::Clean(testing::Clean(text, Options(), "c1.txt"), Options(), "c1.txt") ==
        testing::Clean(text, Options(), "c1.txt"));
  // UTF-8 read as Windows-1252: `Â©` is `©`, a copyright line at the end.
  text = para + "\n" + para + " Again.\n\xC3\x82\xC2\xA9 Example Brands LLC 2025.\n";
  once = testing::Clean(text, Options(), "mojibake.txt");
  CHECK(once.find("Example Brands") == std::string::npos);
  CHECK(testing::Clean(once, Options(), "mojibake.txt") == once);
  // The first judgement's drops move the zones: a date dropped as a byline
  // leaves the three lines above the headline a menu run at the head,
  // which a second judgement drops (from a crawled events page).
  text =
      "Get Listed\nMSP\nEvents\nTop IT Conferences in the United States 2026\n"
      "List of Upcoming Events and Tech Conferences of special interest to MSPs across the "
      "United States.\nMarch 16, 2026\nFABCON\nAtlanta, United States\n"
      "Locations and dates may be subject to change.\n"
      "Clicking on the name will take you directly to the website where you can check the "
      "latest news on each event.\nFind more events in:\n";
  once = testing::Clean(text, Options(), "events.txt");
  CHECK(testing::Clean(once, Options(), "events.txt") == once);
  // A garbled sequence is read whole: `â` U+0080 U+0094 is `—`.
  CHECK(testing::Clean("It was \xC3\xA2\xC2\x80\xC2\x94 the end of a long day for all.\n",
                       Options(),
                       "m.txt") == "It was \xE2\x80\x94 the end of a long day for all.\n");
}

}  // namespace
}  // namespace cleaner
