// Tests for the filter stage (cleaner/filter/line_filter.*): the rule
// format, the match key, and how rule hits combine with shape, zone, block,
// repetition, script and the whole document.
#include "cleaner/filter/line_filter.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "cleaner/filter/line_filter_rules.h"
#include "cleaner/util/utf8.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

using testing::CollectingSink;
using testing::TestDoc;

const LineFilterRules& DefaultRules() {
  static const LineFilterRules* rules = [] {
    std::unique_ptr<const LineFilterRules> r;
    Status st = LineFilterRules::Compile(DefaultRuleFiles(), &r);
    INFO(st.message());
    REQUIRE(st.ok());
    return r.release();
  }();
  return *rules;
}

// Runs the stage over `lines` (one block each) and returns the kept texts.
// The lines whose number is in `cards` are marked as cards the HTML
// extractor kept (Block::card).
std::vector<std::string> Filter(const std::vector<std::string>& lines, TestDoc* doc,
                                const std::vector<size_t>& cards = {},
                                const FilterOptions& options = FilterOptions()) {
  CollectingSink sink;
  LineFilter filter(&DefaultRules(), options, &sink);
  REQUIRE(filter.BeginDocument(doc->info()).ok());
  for (size_t i = 0; i < lines.size(); ++i) {
    Block b;
    b.text = lines[i];
    b.index = static_cast<int>(i);
    b.card = std::find(cards.begin(), cards.end(), i) != cards.end();
    REQUIRE(filter.Push(std::move(b)).ok());
  }
  REQUIRE(filter.EndDocument().ok());
  return sink.Texts();
}

std::vector<std::string> Filter(const std::vector<std::string>& lines) {
  TestDoc doc;
  return Filter(lines, &doc);
}

std::vector<std::string> FilterCards(const std::vector<std::string>& lines,
                                     const std::vector<size_t>& cards) {
  TestDoc doc;
  return Filter(lines, &doc, cards);
}

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Checks that every line of `lines` is among the `kept` ones.
void CheckKeptAll(const std::vector<std::string>& kept, const std::vector<std::string>& lines) {
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(Has(kept, line));
  }
}

Status CompileText(const std::string& text) {
  std::vector<RuleFile> files{{"line_filter_test.txt", text}};
  std::unique_ptr<const LineFilterRules> r;
  return LineFilterRules::Compile(files, &r);
}

// Paragraphs long enough to be content, to stand around the lines tested.
const std::string kPara1 =
    "The city council approved the new budget on Tuesday after a long debate about the cost of "
    "public transport and the repair of several bridges in the old town.";
const std::string kPara2 =
    "Opposition members said the plan relied on optimistic forecasts, but the mayor argued that "
    "delaying the repairs would only make them more expensive in the coming years.";
const std::string kPara3 =
    "A final vote on the details is expected next month, when the council will also discuss a "
    "proposal to extend the opening hours of the central library during the winter.";

TEST_CASE("blocks handed on as a whole vector come out as pushed one by one", "[filter]") {
  const std::vector<std::string> lines = {
      "Home", "News", "Share this article",
      "The council approved the new budget on Tuesday after a long debate.",
      "Residents can comment on the plan until the end of the month.", "Leave a Reply"};
  auto blocks_of = [&](size_t from, size_t to) {
    std::vector<Block> v;
    for (size_t i = from; i < to; ++i) {
      Block b;
      b.text = lines[i];
      b.index = static_cast<int>(i);
      v.push_back(std::move(b));
    }
    return v;
  };
  for (size_t split : {size_t{0}, size_t{2}}) {
    TestDoc doc;
    CollectingSink sink;
    LineFilter filter(&DefaultRules(), FilterOptions(), &sink);
    REQUIRE(filter.BeginDocument(doc.info()).ok());
    filter.Reserve(lines.size());
    // Pushed first, then the rest as a vector: the filter holds blocks
    // already, so the vector's are appended after them.
    for (Block& b : blocks_of(0, split)) REQUIRE(filter.Push(std::move(b)).ok());
    std::vector<Block> rest = blocks_of(split, lines.size());
    REQUIRE(filter.PushAll(&rest).ok());
    CHECK(rest.empty());
    REQUIRE(filter.EndDocument().ok());
    TestDoc one_by_one;
    CHECK(sink.Texts() == Filter(lines, &one_by_one));
    CHECK(sink.Texts().size() == 2);
  }
}

TEST_CASE("malformed rules are reported as file:line: message", "[filter]") {
  struct Row {
    std::string text, want;
  };
  const Row rows[] = {
      {"line\tshare\ten\tShare\n", ""},
      {"# comment\n\nfrob\tshare\ten\tShare\n", "line_filter_test.txt:3: unknown rule kind"},
      {"line\tnonsense\ten\tShare\n", "line_filter_test.txt:1: unknown category"},
      {"line\tshare\tenglish\tShare\n", "line_filter_test.txt:1: language must be"},
      {"line\tshare\ten\n", "line_filter_test.txt:1: expected at least 4"},
      {"prefix\tshare\ten\tShare\tmax_words=0\n", "bad max_words"},
      {"prefix\tshare\ten\tShare\tloud\n", "unknown option"},
      {"line\tshare\ten\tShare\tglued\n", "option glued is for pattern rules"},
      {"line\tshare\ten\tShare\tnum\n", "option num is for prefix rules"},
      {"line\tshare\ten\t{date}\n", "only allowed in pattern rules"},
      {"pattern\tbyline\ten\tby {nom}\n", "unknown placeholder {nom}"},
      {"pattern\tbyline\ten\tby {*} now\n", "{*} must end the pattern"},
      {"line\tshare\ten\t!!!\n", "rule text has no words"},
      {"line\tshare\ten\tShare this\nline\tshare\tde\tSHARE  this!\n",
       "line_filter_test.txt:2: same text as filters/line_filter_test.txt:1"},
      {"month\tbyline\ten\t13\tSmarch\n", "month number must be 1..12"},
  };
  for (const Row& row : rows) {
    INFO(row.text);
    Status st = CompileText(row.text);
    if (row.want.empty()) {
      CHECK(st.ok());
    } else {
      CHECK(st.code() == Status::Code::kInvalidArgument);
      CHECK(st.message().find(row.want) != std::string::npos);
      CHECK(st.message().rfind("filters/line_filter_test.txt:", 0) == 0);
    }
  }
}

TEST_CASE("rule lines: comments and blanks skipped - CR trimmed - fields split at TABs",
          "[filter][rules]") {
  RuleFile file{"line_filter_test.txt",
                "# comment\r\n\n  \t\nline\tshare\ten\tShare\r\n  # indented\nprefix\t\tx"};
  RuleLineReader reader(file);
  Status st;
  REQUIRE(reader.Next(&st));
  CHECK(reader.line().line == 4);
  CHECK(reader.line().Origin() == "filters/line_filter_test.txt:4");
  CHECK(reader.line().fields == std::vector<std::string_view>{"line", "share", "en", "Share"});
  REQUIRE(reader.Next(&st));
  CHECK(reader.line().line == 6);
  CHECK(reader.line().fields == std::vector<std::string_view>{"prefix", "", "x"});
  CHECK_FALSE(reader.Next(&st));
  CHECK(st.ok());
}

TEST_CASE("invalid UTF-8 is reported before errors in earlier lines", "[filter][rules]") {
  // The whole file is checked first, as before lines were read one by one.
  Status st = CompileText("frob\tshare\ten\tShare\n# \xC3\nline\tshare\ten\tok\n");
  CHECK(st.message() == "filters/line_filter_test.txt:2: not valid UTF-8");
  st = CompileText("line\tshare\ten\tok\nline\tshare\ten\tok \xE2\x80\r\n");
  CHECK(st.message() == "filters/line_filter_test.txt:2: not valid UTF-8");
}

TEST_CASE("rule files are checked as valid UTF-8 exactly as IsValidUtf8 does", "[rules]") {
  // The reader checks UTF-8 with its own inlined loop: it must agree with
  // IsValidUtf8() on every lead byte, second byte, boundary values of the
  // third, sequences cut by the end of the text, and ASCII runs of every
  // length before them (the loop reads 8 ASCII bytes at a time).
  const unsigned char thirds[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  int checked = 0, disagreements = 0;
  for (int lead = 0x80; lead <= 0xFF; ++lead) {
    for (int second = 0; second <= 0xFF; ++second) {
      for (unsigned char third : thirds) {
        for (int cut = 2; cut <= 4; ++cut) {
          std::string text = "#" + std::string(static_cast<size_t>(checked % 10), 'a');
          const unsigned char seq[] = {static_cast<unsigned char>(lead),
                                       static_cast<unsigned char>(second), third, 0x80};
          text.append(reinterpret_cast<const char*>(seq), static_cast<size_t>(cut));
          RuleFile file{"line_filter_test.txt", text};
          RuleLineReader reader(file);
          Status st;
          // A comment line: no rule line either way.
          if (reader.Next(&st) || st.ok() != IsValidUtf8(text)) ++disagreements;
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 128 * 256 * 10 * 3);
  CHECK(disagreements == 0);
}

TEST_CASE("a malformed rule file given with --filters exits 2 naming file and line",
          "[filter][cli]") {
  std::string dir = testing::ScratchDir("filter_bad_rules");
  testing::WriteFile(dir + "/line_filter_mine.txt", "# mine\nline\tshare\ten\n");
  testing::WriteFile(dir + "/in.txt", "Hello.\n");
  testing::RunResult r = testing::RunCleaner({"--filters", dir, dir + "/in.txt"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("filters/line_filter_mine.txt:2:") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("the match key folds case and drops punctuation - numbers match {n}", "[filter]") {
  line_filter::LineKey a, b, c;
  line_filter::Tokenize("  SHARE this   story!!! ", &a);
  line_filter::Tokenize("share — This, story", &b);
  REQUIRE(a.tokens.size() == 3);
  CHECK(line_filter::SequenceHash(a, 0, 3) == line_filter::SequenceHash(b, 0, 3));
  line_filter::Tokenize("12 Comments", &a);
  line_filter::Tokenize("1,234 comments", &b);
  CHECK(line_filter::SequenceHash(a, 0, 2) == line_filter::SequenceHash(b, 0, 2));
  line_filter::Tokenize("Home / World > Europe", &c);
  CHECK(c.separators == 2);
  CHECK(c.first_segment_tokens == 1);
  line_filter::Tokenize("© 2020 ÜBER", &c);
  REQUIRE(c.tokens.size() == 3);
  CHECK(c.Word(0) == "©");
  CHECK(c.tokens[1].number);
  CHECK(c.Word(2) == "über");
}

TEST_CASE("the match key reads letters eight at a time and reuses its buffer", "[filter]") {
  // Words across 8-byte boundaries, next to the bytes that sit beside the
  // letters in ASCII (@ [ ` {), and running on into non-ASCII letters; the
  // key is reused from a longer line, so stale bytes lie past the words.
  line_filter::LineKey key, fresh;
  line_filter::Tokenize(std::string(300, 'Q'), &key);
  line_filter::Tokenize("Internationalization@ABCDEFGHij[klm`NOP{qrs straßE ÜBERall x", &key);
  const std::vector<std::string> words = {
      "internationalization", "abcdefghij", "klm", "nop", "qrs", "straße", "überall", "x"};
  REQUIRE(key.tokens.size() == words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    INFO(words[i]);
    CHECK(key.Word(i) == words[i]);
    line_filter::Tokenize(words[i], &fresh);
    REQUIRE(fresh.tokens.size() == 1);
    CHECK(key.tokens[i].hash == fresh.tokens[0].hash);
  }
  CHECK(key.tokens[0].upper);
  CHECK(!key.tokens[4].upper);
  CHECK(key.tokens[1].begin == 21);
  CHECK(key.tokens[1].end == 31);
  CHECK(key.letters == 53);
  CHECK(key.script_letters[line_filter::kLatin] == 53);
  // Short words with eight bytes to read (one load each), after a number,
  // of seven and eight letters, before punctuation and non-ASCII.
  line_filter::Tokenize("12abcdefg Abcdefgh abcdefg, 5th xyzé and so on", &key);
  const std::vector<std::string> more = {"12", "abcdefg", "abcdefgh", "abcdefg", "5",
                                         "th", "xyzé",    "and",      "so",      "on"};
  REQUIRE(key.tokens.size() == more.size());
  for (size_t i = 0; i < more.size(); ++i) {
    INFO(more[i]);
    CHECK(key.Word(i) == more[i]);
    line_filter::Tokenize(more[i], &fresh);
    REQUIRE(fresh.tokens.size() == 1);
    CHECK(key.tokens[i].hash == fresh.tokens[0].hash);
  }
  CHECK(key.tokens[0].number);
  CHECK(key.tokens[1].begin == 2);
  CHECK(key.tokens[1].end == 9);
  CHECK(key.tokens[2].upper);
  CHECK(key.tokens[5].begin == 29);
}

TEST_CASE("a sentence that merely contains a boilerplate phrase stays", "[filter]") {
  const std::vector<std::string> traps = {
      "He did not leave a reply to the letter.",
      "Leave a reply, she told him, and he never did.",
      "Copyright law was reformed in 2019, giving publishers new rights over snippets.",
      "The court ruled that all rights reserved by the author remain valid in the new edition.",
      "Readers who share this story with friends often comment on the photos.",
      "Bakers say we use cookies in the recipe, but only the chocolate kind, not the oat ones.",
      "By Sunday, the troops had reached the outskirts of the city.",
      "Browsers let you enable JavaScript per site, and some readers do so only for banks.",
      "How to enable JavaScript in Chrome",
  };
  for (const std::string& trap : traps) {
    INFO(trap);
    auto kept = Filter({kPara1, trap, kPara2});
    CHECK(Has(kept, trap));
  }
}

TEST_CASE("a prefix rule written with a bracket needs the bracket", "[filter]") {
  // "(c) {n}": the key drops marks, so "C1 Advanced" reads "c 1 advanced".
  for (const std::string level : {"C1 Advanced (CAE) – nivel avanzado", "C2 Proficiency"}) {
    INFO(level);
    CHECK(Has(Filter({kPara1, level, kPara2}), level));
  }
  for (const std::string notice : {"(c) 2024 Example Ltd", " (C) 2020 Foo GmbH"}) {
    INFO(notice);
    CHECK_FALSE(Has(Filter({kPara1, kPara2, notice}), notice));
  }
}

TEST_CASE("a browser-requirement notice goes", "[filter]") {
  // What <noscript> tells a reader without scripts, in a few languages.
  for (const std::string notice :
       {"You need to enable JavaScript to run this app.", "Please enable JavaScript in your browser.",
        "JavaScript is required to combat spammers.", "Bitte aktivieren Sie JavaScript.",
        "Veuillez activer JavaScript pour continuer.", "JavaScriptを有効にしてください。"}) {
    INFO(notice);
    auto kept = Filter({kPara1, notice, kPara2});
    CHECK_FALSE(Has(kept, notice));
  }
}

TEST_CASE("short content lines between paragraphs stay", "[filter]") {
  const std::vector<std::string> lines = {kPara1,
                                          "What happens next?",
                                          "Three things matter:",
                                          "Bridges",
                                          "Buses",
                                          "The library",
                                          kPara2,
                                          "Background",
                                          kPara3};
  auto kept = Filter(lines);
  CHECK(kept == lines);
}

TEST_CASE("a document of short lines only is left alone", "[filter]") {
  const std::vector<std::string> poem = {"Roses are red", "Violets are blue", "Sugar is sweet",
                                         "And so are you"};
  CHECK(Filter(poem) == poem);
  const std::vector<std::string> list = {"Eggs", "Milk", "Bread", "Butter", "Cheese"};
  CHECK(Filter(list) == list);
}

TEST_CASE("comment form header takes its prompts - related header its teasers", "[filter]") {
  TestDoc doc;
  auto kept = Filter({kPara1, kPara2, "Check Also", "Mayor resigns after budget row",
                      "The mayor stepped down on Friday, saying the council had …", "Leave a Reply",
                      "Cancel reply", "Name *", "Email *", "Website",
                      "Save my name, email, and website in this browser for the next time I "
                      "comment.",
                      "Post Comment"},
                     &doc);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
  CHECK(doc.metadata.removed_by_category["related"] == 3);
  CHECK(doc.metadata.removed_by_category["comment-form"] == 7);
  CHECK(doc.stats.blocks_dropped == 10);
}

TEST_CASE("a kicker that is also a comment header keeps the title under it", "[filter]") {
  auto kept = Filter(
      {"Kommentar", "Die Regierung macht es sich zu leicht", "Von Max Mustermann", kPara1, kPara2});
  CHECK(kept == std::vector<std::string>{"Die Regierung macht es sich zu leicht", kPara1, kPara2});
}

TEST_CASE("a related header in the middle stops at the next paragraph", "[filter]") {
  auto kept = Filter({kPara1, "Read more:", "Bridge repairs to start in spring",
                      "Council debates library hours", kPara2, kPara3});
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
}

// Scraped text: Filter() over a document read as text (the `lead`
// headings are read there only).
std::vector<std::string> FilterText(const std::vector<std::string>& lines, TestDoc* doc) {
  doc->metadata.format = "text";
  return Filter(lines, doc);
}

// As FilterText(), by the rules alone: for what the zones and blocks do on
// scraped text, whatever the line classifier (retrained as its data grows)
// makes of a made-up page's short lines.
std::vector<std::string> FilterTextByRules(const std::vector<std::string>& lines, TestDoc* doc) {
  doc->metadata.format = "text";
  FilterOptions options;
  options.line_classifier = false;
  return Filter(lines, doc, {}, options);
}

TEST_CASE("the line under a breadcrumb is the page's title", "[filter]") {
  // A recipe: its short title right under the breadcrumb, then strong
  // lines and a run of short ones before the text.
  auto page = [](const std::string& crumb, const std::string& title) {
    std::vector<std::string> lines = {"Siirry sisältöön", "Reseptit", "Kirjaudu", crumb, title,
                                      "Tallenna suosikkeihin", "Tulosta resepti", "Jaa"};
    for (const char* item : {"Ainekset", "600 g lohta", "1 sipuli", "4 perunaa", "2 dl kermaa"}) {
      lines.push_back(item);
    }
    lines.push_back(kPara1);
    lines.push_back(kPara2);
    return lines;
  };
  const std::string title = "Kermainen lohikeitto tillillä";
  TestDoc doc;
  CHECK(Has(FilterText(page("Etusivu › Reseptit › Keitot", title), &doc), title));
  // Under a menu of | or under nothing it is a short head line, and a date
  // under a breadcrumb is no title.
  TestDoc menu;
  CHECK_FALSE(Has(FilterText(page("Etusivu | Reseptit | Keitot", title), &menu), title));
  TestDoc date;
  CHECK_FALSE(Has(FilterText(page("Etusivu › Reseptit › Keitot", "12.05.2024 klo 14"), &date),
                  "12.05.2024 klo 14"));
}

TEST_CASE("under a title under a breadcrumb the head of a crawled page has ended", "[filter]") {
  // A recipe portal: menus, the breadcrumb, the title, buttons, the times
  // and ingredients, an ad label, then the method.
  // (A word right under the share button goes as its item.)
  const std::vector<std::string> facts = {"ca. 25 Minuten", "Zutaten", "250 g Weizenmehl",
                                          "125 ml Wasser", "3 EL Rapsöl"};
  std::vector<std::string> lines = {"Rezepte",     "Backen",
                                    "Magazin",     "Anmelden",
                                    "Startseite › Rezepte › Flammkuchen",
                                    "Flammkuchen mit Birne und Walnüssen",
                                    "Drucken",     "Teilen",
                                    "Arbeitszeit"};
  lines.insert(lines.end(), facts.begin(), facts.end());
  for (const std::string& l : {std::string("Anzeige"), kPara1, kPara2, kPara3}) lines.push_back(l);
  TestDoc doc;
  auto kept = FilterTextByRules(lines, &doc);
  CheckKeptAll(kept, facts);
  CHECK_FALSE(Has(kept, "Magazin"));
  CHECK_FALSE(Has(kept, "Anzeige"));
}

TEST_CASE("a trail parted by chevrons is a breadcrumb, its parts numbered or not", "[filter]") {
  // A trail whose first part no rule names, and a trail of numbered parts
  // (a line of facts by its shape) above an article, a chevron's look-alikes
  // in it.
  for (const std::string crumb :
       {"Kultur \u203a B\u00fchne", "Startseite \u203a Fu\u00dfball \u203a 2. Liga \u203a 27. Spieltag"}) {
    INFO(crumb);
    TestDoc doc;
    const std::string steps = "\u00d6ffnen Sie Einstellungen > Sicherung";
    auto kept = FilterText({crumb, kPara1, steps, kPara2}, &doc);
    CHECK_FALSE(Has(kept, crumb));
    CHECK(Has(kept, steps));
    CHECK(Has(kept, kPara1));
  }
}

TEST_CASE("a wiki section's [edit] link does not end the head of a crawled page", "[filter]") {
  // A town's article: the wiki's menus, its short lead and infobox rows,
  // then each section's heading with its edit link.
  const std::string lead =
      "Pellham Ford is a city in Caddis County, Oregon, on the north bank of the Little Sorrel "
      "River. The population was 1,184 at the 2020 census.";
  const std::vector<std::string> facts = {"County: Caddis", "Incorporated: 1894",
                                          "Mayor: Linda Okafor", "ZIP code: 97498",
                                          "Area code: 541"};
  std::vector<std::string> lines = {"Jump to content", "Main menu", "Log in", "Pellham Ford",
                                    lead};
  lines.insert(lines.end(), facts.begin(), facts.end());
  for (const std::string& l : {std::string("History"), std::string("[edit]"), kPara1,
                               std::string("Geography"), std::string("[edit]"), kPara2}) {
    lines.push_back(l);
  }
  TestDoc doc;
  auto kept = FilterTextByRules(lines, &doc);
  CHECK(Has(kept, lead));
  CheckKeptAll(kept, facts);
  CHECK_FALSE(Has(kept, "[edit]"));
  CHECK_FALSE(Has(kept, "Log in"));
  // A crawler that writes the link glued to its heading: the heading stays
  // with it; a menu glued the same way goes.
  const std::string heading = "Geschichte[Bearbeiten | Quelltext bearbeiten]";
  TestDoc glued;
  kept = FilterText({kPara1, heading, kPara2, kPara3}, &glued);
  CHECK(Has(kept, heading));
  TestDoc menu;
  kept = FilterText({kPara1, "Startseite[Anmelden | Konto erstellen | Datenschutz] Suche", kPara2,
                     kPara3},
                    &menu);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
}

TEST_CASE("a table of contents takes the entries that stand again below", "[filter]") {
  // A report: its lead, its table of contents (one entry numbered as its
  // heading is not), then the sections, and a list that is no entry.
  const std::vector<std::string> lines = {
      kPara1, "Table of contents", "1. The budget at a glance", "What the opposition says",
      "Our verdict", "The budget at a glance", kPara2, "What the opposition says", kPara3,
      "Our verdict", "Bridges", "Buses"};
  TestDoc doc;
  auto kept = FilterTextByRules(lines, &doc);
  CHECK_FALSE(Has(kept, "Table of contents"));
  CHECK_FALSE(Has(kept, "1. The budget at a glance"));
  // Each heading once, below; the list under the last one stays.
  CHECK(std::count(kept.begin(), kept.end(), "What the opposition says") == 1);
  CHECK(std::count(kept.begin(), kept.end(), "Our verdict") == 1);
  CHECK(Has(kept, "The budget at a glance"));
  CheckKeptAll(kept, {"Bridges", "Buses"});
}

TEST_CASE("a line of facts does not end the head of a crawled page", "[filter]") {
  // A course page: what it teaches, then its modules, each a line of facts
  // between separators (a menu's shape), then the description.
  const std::vector<std::string> learn = {
      "Instalar Python y preparar un entorno de trabajo con un editor de código",
      "Trabajar con variables, tipos de datos y operadores",
      "Escribir funciones reutilizables y organizar tu código en módulos"};
  std::vector<std::string> page = {"Ir al contenido principal", "Iniciar sesión",
                                   "Desarrollo › Programación › Python", "Lo que aprenderás"};
  page.insert(page.end(), learn.begin(), learn.end());
  for (int m = 1; m <= 9; ++m) {
    page.push_back("Módulo " + std::to_string(m) + ": Proyecto " + std::to_string(m) + " · " +
                   std::to_string(m + 4) + " clases · " + std::to_string(30 + m) + " min");
  }
  page.push_back("Requisitos");
  page.push_back("Un ordenador con conexión a internet");
  page.push_back("Ganas de practicar");
  page.push_back(kPara1);
  page.push_back(kPara2);
  TestDoc doc;
  auto kept = FilterText(page, &doc);
  for (const std::string& line : learn) {
    INFO(line);
    CHECK(Has(kept, line));
  }
  // A menu of links there still ends the head: what stands above it goes
  // (but for a title under a breadcrumb: the page's content begins there).
  page[15] = "Cursos · Empresas · Precios · Blog";
  TestDoc crumb;
  CHECK(Has(FilterText(page, &crumb), learn[0]));
  page[2] = "Desarrollo | Programación | Python";
  TestDoc menu;
  CHECK_FALSE(Has(FilterText(page, &menu), learn[0]));
}

TEST_CASE("zones around the text take at most half of an HTML page's text", "[filter]") {
  // A product page as the extractor leaves it: its name and specifications
  // are short lines, a share prompt a strong line below them, and its one
  // sentence a newsletter prompt at the bottom.
  std::vector<std::string> specs = {"Faux leather jacket - black",
                                    "Outer fabric material: 100% polyester",
                                    "Lining: 100% polyester", "Fastening: zip", "Fit: regular"};
  for (int size = 34; size <= 50; size += 2) {
    specs.push_back("Size " + std::to_string(size) + ": in stock");
  }
  std::vector<std::string> page = specs;
  page.push_back("Follow us on Instagram");
  page.push_back(
      "Enjoy discounts, find fashion inspiration and discover fresh arrivals with our curated "
      "newsletters, sent every week to your inbox with the newest styles, the best offers of the "
      "season and ideas from our stylists for every occasion.");
  TestDoc html;
  auto kept = Filter(page, &html);
  CheckKeptAll(kept, specs);
  // Crawled text holds its own menus and footers: there the zones stand.
  TestDoc text;
  CHECK_FALSE(Has(FilterText(page, &text), specs[1]));
  // A title and a menu above an article's text: the menu goes.
  TestDoc article;
  kept = Filter({"Home", "News", "Sport", "Weather", "Culture", "Skip to content", kPara1, kPara2,
                 kPara3},
                &article);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
}

TEST_CASE("a related block stops at a post longer than an excerpt", "[filter]") {
  // A group page: "Read more" under its about text, then posts under their
  // headlines. A teaser's excerpt is short; a post of 38 words is text.
  const std::string post =
      "Heads up, there was a big rattler stretched across the trail about a half mile past the "
      "second gate around eight this morning. It moved off when we stopped, but please watch "
      "your footing and keep dogs leashed on that section.";
  const std::string excerpt = "The council voted to extend the library's opening hours.";
  TestDoc doc;
  auto kept = FilterText({kPara1, kPara2, "Read more", "Rattlesnake on the trail this morning",
                          post, "Mike Oyelaran"},
                         &doc);
  CHECK(Has(kept, post));
  TestDoc teasers;
  kept = FilterText({kPara1, kPara2, "Read more", "Library opens longer on weekends", excerpt,
                     "Bridge repairs to start in spring"},
                    &teasers);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
}

TEST_CASE("a lead heading of scraped text heads the teasers under it", "[filter]") {
  // English, German, Spanish and Finnish headings none of the header rules
  // names, of two to four words; the related word first or last.
  for (const std::string heading : {"Similar Questions", "Weitere Veranstaltungen",
                                    "Productos relacionados", "Muita uutisia",
                                    "More from Home & Kitchen"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, kPara2, heading, "How to replace a bathroom sink drain",
                            "Why is my water heater making so much noise",
                            "Best way to unclog a shower drain"},
                           &doc);
    INFO(heading);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2});
    CHECK(doc.metadata.removed_by_category["related"] == 4);
    bool header_said = false;
    for (const ExplainEvent& e : doc.reporter.events) {
      if (e.before != heading) continue;
      header_said = e.rule.rfind("heuristic:related-header after filters/line_filter_related.txt:",
                                 0) == 0;
    }
    CHECK(header_said);
  }
}

TEST_CASE("a lead heading with no teaser under it stays", "[filter]") {
  // Above a paragraph it heads the text.
  TestDoc doc;
  auto kept = FilterText({kPara1, "Other Considerations", kPara2, kPara3}, &doc);
  CHECK(kept == std::vector<std::string>{kPara1, "Other Considerations", kPara2, kPara3});
  // The related word inside the heading, or a number in it: no lead.
  for (const std::string heading : {"Medical-Related Modifications", "Top 10 Similar Tools"}) {
    TestDoc d;
    auto k = FilterText({kPara1, kPara2, heading, "How to replace a bathroom sink drain",
                         "Why is my water heater making so much noise", kPara3},
                        &d);
    INFO(heading);
    CHECK(Has(k, "How to replace a bathroom sink drain"));
    CHECK(d.metadata.removed_by_category["related"] == 0);
  }
  // Above one-word items it heads nothing; the menu run that takes it and
  // them names its own evidence, not the lead line.
  TestDoc menu;
  FilterText({kPara1, kPara2, "Similar Places", "Savoy", "Olo", "Kappeli", "Sea Horse"}, &menu);
  bool said = false;
  for (const ExplainEvent& e : menu.reporter.events) {
    if (e.before != "Similar Places") continue;
    said = true;
    CHECK(e.rule.find("line_filter_related") == std::string::npos);
  }
  CHECK(said);
}

TEST_CASE("a lead heading is not read from HTML", "[filter]") {
  // An HTML page's structure and the block model have judged its blocks:
  // a listing's "More top stories" are its content.
  TestDoc doc;
  doc.metadata.format = "html";
  auto kept = Filter({kPara1, kPara2, "More top stories", "Mayor resigns after budget row",
                      "Council debates library hours"},
                     &doc);
  CHECK(kept.size() == 5);
}

TEST_CASE("lead rules: their format", "[filter]") {
  CHECK(CompileText("lead\trelated\ten\tsimilar related\n").ok());
  Status st = CompileText("lead\tshare\ten\tsimilar\n");
  CHECK(!st.ok());
  CHECK(st.message().find("lead rules are of the category related") != std::string::npos);
  CHECK(!CompileText("lead\trelated\ten\tsimilar\tmax_words=3\n").ok());
}

// The heuristic that dropped `line`, or "" when none did.
std::string DroppedBy(const TestDoc& doc, const std::string& line) {
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.action == ExplainEvent::Action::kDrop && e.before == line) return e.rule;
  }
  return "";
}

TEST_CASE("shapes of scraped lines go in any language and are named", "[filter]") {
  // Between paragraphs, where no zone would take them: post navigation,
  // a contact line, tab counters, a rating.
  const std::vector<std::pair<std::string, std::string>> shapes = {
      {"← Truing a wheel without a stand", "heuristic:arrow-link"},
      {"Frühjahrskonzert im Stadtpark ›", "heuristic:arrow-link"},
      {"Puh. 03 1234 5678", "heuristic:phone-line"},
      {"E-Mail: info@example.de", "heuristic:email-line"},
      {"Bewertungen (87)", "heuristic:counter"},
      {"Kuvat (14)", "heuristic:counter"},
      {"4,6", "heuristic:number"},
      {"---", "heuristic:no-words"},
      {"~~~", "heuristic:no-words"}};
  for (const auto& [line, heuristic] : shapes) {
    TestDoc doc;
    auto kept = FilterText({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line) == heuristic);
  }
  // Their look-alikes stay: a year heading, a quotation in guillemets, a
  // price; a date stamp is no number (the byline rules read it).
  for (const std::string line : {"2021", "« Je pense, donc je suis. »", "$39.99"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(Has(kept, line));
  }
  for (const std::string line : {"12.06.2025", "2020-11-08"}) {
    TestDoc doc;
    FilterText({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(DroppedBy(doc, line).rfind("heuristic:number", 0) != 0);
    CHECK(DroppedBy(doc, line).rfind("heuristic:phone", 0) != 0);
  }
}

TEST_CASE("a row of buttons goes when each of its words is a rule's line", "[filter]") {
  // Under each post of a thread, in two languages; the rule of the first
  // button is named after the shape.
  for (const std::string row : {"Reply Share Report Save", "Antworten Zitieren Melden",
                                "Responder Citar 3 Me gusta"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, row, kPara2, row, kPara3}, &doc);
    INFO(row);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, row).rfind("heuristic:button-row after filters/", 0) == 0);
  }
  // One word no rule drops alone keeps the line: a heading, a title, a
  // sentence that starts with a button's word.
  for (const std::string line : {"Share Your Report", "Reply to the council", "Save 12"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(Has(kept, line));
  }
}

TEST_CASE("a line of counts goes: a count word of filters/ with its number", "[filter]") {
  // A forum's, a shop's and a listing's counters in four languages, with
  // grouped numbers, a multiplier, a rating beside and a labelled count.
  for (const std::string line :
       {"754 arvostelua", "10 vastausta · 2 418 lukukertaa", "3 Antworten · 1.482 Zugriffe",
        "7.6k posts", "4,6 / 5 – 127 arvostelua",
        "4,7 ★★★★★ (3.214 valoraciones) · 18.946 estudiantes", "34 productos",
        "Respuestas: 14 · Visitas: 2.417"}) {
    TestDoc doc;
    auto kept = FilterTextByRules({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line).rfind("heuristic:count-line after filters/line_filter_counts.txt:",
                                     0) == 0);
  }
  // A word the list does not hold, a word before its number without a
  // colon (a syllabus's heading), a critic's score after its label, and a
  // sentence stay.
  for (const std::string line : {"3 bedrooms", "Tema 3", "Valoración: ★★★★☆ (4/5)", "Rating: 4.5",
                                 "We now have 754 reviews", "Public Group"}) {
    TestDoc doc;
    auto kept = FilterTextByRules({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(Has(kept, line));
  }
}

TEST_CASE("what a main-content extractor leaves of a blog's furniture goes", "[filter]") {
  // Between paragraphs, where no zone takes them: a post's neighbour with
  // its title, an author box on one line, an affiliate disclosure, a
  // shop's shipping threshold, a help page's feedback widget with its
  // answers.
  const std::vector<std::string> noise = {
      "Edellinen artikkeli: Kylvöt alkoivat – näin esikasvatan tomaatit",
      "Previous post: The Best Father's Day Gift Guide",
      "Sobre la autora: Elena Sastre es periodista de viajes y lleva diez años recorriendo la "
      "España rural.",
      "Este artículo contiene enlaces de afiliado. Si reservas a través de ellos, recibimos una "
      "pequeña comisión.",
      "Ilmainen toimitus yli 79 euron tilauksiin.",
      "Tagit: perennat, varjo, puutarha"};
  for (const std::string& line : noise) {
    TestDoc doc;
    auto kept = FilterTextByRules({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line).rfind("filters/line_filter_", 0) == 0);
  }
  TestDoc doc;
  auto kept = FilterTextByRules(
      {kPara1, kPara2, "War dieser Artikel hilfreich?", "Ja", "Nein", kPara3}, &doc);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
  // Their words inside a sentence stay.
  for (const std::string line : {"The previous post explained how to prune roses in spring.",
                                 "Free shipping costs shops more than they admit, says Jane."}) {
    TestDoc d;
    auto k = FilterTextByRules({kPara1, line, kPara2, kPara3}, &d);
    INFO(line);
    CHECK(Has(k, line));
  }
}

TEST_CASE("a table's rows written with \" | \" are no menu on scraped text", "[filter]") {
  // Three rows and more of the same number of cells: the rules leave them
  // (to the line classifier), as they do a line of facts.
  const std::vector<std::string> table = {"Modalidad | Horas | Precio",
                                          "Intensivo presencial | 90 h | 690 €",
                                          "Clases particulares | bono de 10 h | 320 €"};
  std::vector<std::string> lines = {kPara1};
  lines.insert(lines.end(), table.begin(), table.end());
  lines.insert(lines.end(), {kPara2, kPara3});
  TestDoc doc;
  auto kept = FilterTextByRules(lines, &doc);
  for (const std::string& row : table) {
    INFO(row);
    CHECK(Has(kept, row));
  }
  // A timetable's rows under the day's heading: two rows a day are rows
  // still, the heading between them skipped.
  const std::vector<std::string> week = {"Samstag", "09:00 – 10:30 | Vinyasa | alle Level | Jana",
                                         "11:00 – 12:00 | Kinderyoga | Saal West | Sophie",
                                         "Sonntag", "10:00 – 11:30 | Slow Flow | alle Level | Tobias",
                                         "18:00 – 19:15 | Yin Yoga | alle Level | Ingrid"};
  lines = {kPara1};
  lines.insert(lines.end(), week.begin(), week.end());
  lines.insert(lines.end(), {kPara2, kPara3});
  TestDoc timetable;
  kept = FilterTextByRules(lines, &timetable);
  for (const std::string& row : week) {
    INFO(row);
    CHECK(Has(kept, row));
  }
  // A menu bar is one line, and a footer's two bars are not three rows.
  for (const std::vector<std::string>& menus :
       {std::vector<std::string>{"Home | About | Contact"},
        std::vector<std::string>{"Home | About | Contact", "Privacy | Terms | Imprint"}}) {
    std::vector<std::string> page = {kPara1, kPara2};
    page.insert(page.begin() + 1, menus.begin(), menus.end());
    page.push_back(kPara3);
    TestDoc d;
    auto k = FilterTextByRules(page, &d);
    for (const std::string& menu : menus) {
      INFO(menu);
      CHECK_FALSE(Has(k, menu));
      CHECK(DroppedBy(d, menu) == "heuristic:menu");
    }
  }
}

TEST_CASE("a menu whose links a crawler ran together goes on scraped text", "[filter]") {
  for (const std::string line :
       {"HomeNewsTeamsSpielplanHallenSponsorenShopKontakt",
        "InicioLíneas y horariosTarifasTarjeta busPlanificador de rutasAvisosContacto"}) {
    TestDoc doc;
    auto kept = FilterTextByRules({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line) == "heuristic:glued-links");
  }
  // A sentence that names identifiers, a brand: they stay.
  for (const std::string line : {"To configure CoreDNS modify the CoreDNS ConfigMap entry",
                                 "My new iPhone runs PowerPoint"}) {
    TestDoc doc;
    auto kept = FilterTextByRules({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(Has(kept, line));
  }
}

TEST_CASE("a song above the comments is no head of the comments", "[filter]") {
  // A lyrics page: menus, the verses (short lines, no sentence), then the
  // comment section, whose posts are the only paragraphs.
  const std::vector<std::string> verse = {
      "My father kept a ladder by the kitchen door",
      "For the gutters and the shingles and the broken screen",
      "He would hum a song he swore he learned in school",
      "And I would hand him every nail when I was seventeen",
      "So light the paper lanterns and let them drift across the bay",
      "Every one a little promise that we never got to say"};
  std::vector<std::string> lines = {"Skip to main content", "Home", "Lyrics", "Artists", "Albums",
                                    "Charts", "Log in", "Share"};
  lines.insert(lines.end(), verse.begin(), verse.end());
  // The artist's other songs: more lines than a title's reach (kTitleReach).
  for (const char* l : {"More from this artist", "Northbound", "Ballast", "Ferry Boat Waltz",
                        "Salt in the Engine", "Cold Porch", "Harbor Lights", "Someone Else",
                        "Top Songs This Week", "Wildfire Season", "Paper Moon", "Low Tide",
                        "See full chart", "Comments (3)"}) {
    lines.push_back(l);
  }
  for (const std::string& p : {kPara1, kPara2, kPara3}) lines.push_back(p);
  TestDoc doc;
  auto kept = FilterText(lines, &doc);
  CheckKeptAll(kept, verse);
  CHECK_FALSE(Has(kept, "Skip to main content"));
  CHECK_FALSE(Has(kept, "Comments (3)"));
  // A comment count in the page's head is no comment section: the menus
  // above the text still go as its head.
  TestDoc head;
  kept = FilterText({"Home", "Lyrics", "Artists", "Albums", "Charts", "Comments (3)", kPara1,
                     kPara2, kPara3, "Northbound", "Ballast"},
                    &head);
  CHECK(kept.front() == kPara1);
}

TEST_CASE("relative times and a gallery's counter go in their languages", "[filter]") {
  for (const std::string line : {"2 years ago", "a year ago", "vor 3 Monaten", "hace 2 semanas",
                                 "5 vuotta sitten", "Bild 1 von 8", "Image 3 of 12", "2 of 5"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line).rfind("filters/line_filter_", 0) == 0);
  }
  // A heading that only starts like one stays.
  TestDoc doc;
  CHECK(Has(FilterText({kPara1, "2 years ago, in a small town", kPara2, kPara3}, &doc),
            "2 years ago, in a small town"));
}

TEST_CASE("a Q&A engine's post menu, stamps and counters go between the posts", "[filter]") {
  for (const std::string line : {"Share Improve this answer Follow", "asked Nov 4, 2021 at 16:47",
                                 "Viewed 18k times", "Modified 1 year ago"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
  }
  // "Asked" in a sentence is prose.
  TestDoc doc;
  auto kept = FilterText(
      {kPara1, kPara2, "Asked about the budget, the mayor said nothing.", kPara3}, &doc);
  CHECK(Has(kept, "Asked about the budget, the mayor said nothing."));
}

TEST_CASE("a share header reads past share lines only", "[filter]") {
  // A classified ad: the share header, a report button and a gallery's
  // counter (boilerplate of other kinds), then the ad's facts.
  const std::vector<std::string> facts = {"Details", "Art: Herren", "Rahmenhöhe: 56 cm",
                                          "Laufradgröße: 28 Zoll"};
  std::vector<std::string> lines = {kPara1, "Teilen", "Melden", "Bild 1 von 8"};
  lines.insert(lines.end(), facts.begin(), facts.end());
  lines.push_back(kPara2);
  lines.push_back(kPara3);
  TestDoc doc;
  auto kept = FilterText(lines, &doc);
  CheckKeptAll(kept, facts);
  // A recipe's times under its share button: a network's name holds no
  // digit, and a line ending with ':' heads a list.
  const std::vector<std::string> times = {"Arbeitszeit", "ca. 25 Minuten", "Ruhezeit",
                                          "ca. 1 Stunde", "Für den Teig:", "Mehl"};
  lines = {kPara1, "Teilen"};
  lines.insert(lines.end(), times.begin(), times.end());
  lines.push_back(kPara2);
  lines.push_back(kPara3);
  TestDoc recipe;
  kept = FilterText(lines, &recipe);
  CheckKeptAll(kept, {"ca. 25 Minuten", "ca. 1 Stunde", "Für den Teig:", "Mehl"});
  // Under share lines of its own kind it still takes the networks.
  TestDoc share;
  kept = FilterText({kPara1, "Teilen", "Facebook", "Twitter", "Pinterest", "Flipboard", kPara2},
                    &share);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
}

TEST_CASE("a menu glued on one line goes on scraped text", "[filter]") {
  for (const std::string menu : {"Startseite Praxis Team Leistungen Sprechzeiten Aktuelles Kontakt",
                                 "Inicio Destinos Rutas Consejos Sobre mí Contacto",
                                 "Über uns Impressum Datenschutz Mediadaten Jobs Brakenfelde Kontakt"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, menu, kPara2, kPara3}, &doc);
    INFO(menu);
    CHECK_FALSE(Has(kept, menu));
    CHECK(DroppedBy(doc, menu).rfind("heuristic:glued-menu after filters/", 0) == 0);
  }
  // A headline in title case with a menu's word, a sentence that lost its
  // stop, a list in a sentence, a heading with a number.
  for (const std::string line :
       {"Creating a Home Away from Home", "Die Praxis bleibt im August geschlossen",
        "Home, Kontakt, Impressum und Datenschutz", "Top 10 Home Office Kontakt Tipps"}) {
    TestDoc doc;
    INFO(line);
    CHECK(Has(FilterText({kPara1, line, kPara2, kPara3}, &doc), line));
  }
}

TEST_CASE("a time stamp between paragraphs of scraped text goes but a date stays", "[filter]") {
  for (const std::string stamp : {"March 8, 2018 at 7:11 am", "12.6.2025 14:32"}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, kPara2, stamp, kPara3}, &doc);
    INFO(stamp);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, stamp) == "heuristic:timestamp");
  }
  // A date alone may head an entry; a time in a sentence is prose.
  TestDoc doc;
  auto kept = FilterText({kPara1, kPara2, "March 8, 2018", kPara3, "Doors open at 7:30 pm.", kPara1},
                         &doc);
  CHECK(Has(kept, "March 8, 2018"));
  CHECK(Has(kept, "Doors open at 7:30 pm."));
  // A reading time between a standfirst and the text goes the same way,
  // in any language the byline patterns know.
  for (const std::string line : {"7 min read", "Lukuaika 6 min", "Lesezeit 4 Minuten"}) {
    TestDoc d;
    auto k = FilterTextByRules({kPara1, line, kPara2, kPara3}, &d);
    INFO(line);
    CHECK_FALSE(Has(k, line));
    CHECK(DroppedBy(d, line) == "heuristic:reading-time");
  }
}

TEST_CASE("a related block takes a list of questions but not a FAQ's", "[filter]") {
  const std::string q1 = "What is the molarity of a solution made by dissolving 20 g of NaOH?";
  const std::string q2 = "How many grams of KCl are needed to make 2.0 L of a 0.15 M solution?";
  TestDoc doc;
  auto kept = FilterText({kPara1, kPara2, "Similar Questions", q1, q2,
                          "Difference between molarity and molality"},
                         &doc);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
  // A question a paragraph answers is the text.
  TestDoc faq;
  kept = FilterText({kPara1, kPara2, "Similar Questions", q1, kPara3}, &faq);
  CHECK(Has(kept, q1));
  CHECK(Has(kept, "Similar Questions"));
}

TEST_CASE("a blog's pingbacks and post meta and a thread's buttons and stats go by the rules",
          "[filter]") {
  for (const std::string line :
       {"Pingback: Weekend links #41 | Chainline Digest", "Trackback: Notes from the workshop",
        "This entry was posted in Restorations and tagged Raleigh, three-speed. Bookmark the "
        "permalink.",
        "Zitieren", "Melden", "Lainaa", "Quote", "Report", "Posts: 1,077", "Beiträge: 5.930",
        "Mensajes: 12", "Registriert: 11.02.2011", "Joined: Mar 2012", "Joined 2019 · Posts 214",
        "Liittynyt 2011 · Viestejä 9 807", "Miembro desde 2021 · 86 mensajes",
        "Thread starter simmerdown_kate · Start date Jan 9, 2025",
        "Reactions: simmerdown_kate, Pam_in_Tulsa and 4 others", "Reaction score",
        "You must log in or register to reply here.", "Hilfreich (3) · Melden",
        "Útil", "6 of 6 people found this answer helpful", "Joined: Wed Jan 15, 2025 9:03 pm",
        "Top", "Board index ‹ Freshwater ‹ Community Tanks & Stocking",
        "Anybody can ask a question", "Asked 2 years, 3 months ago", "Buy Tickets",
        "Listen to this article · 6:12 min",
        "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte zu "
        "personalisieren."}) {
    TestDoc doc;
    auto kept = FilterText({kPara1, kPara2, line, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line).find("filters/line_filter_") == 0);
  }
  // A sentence about them is prose.
  for (const std::string prose :
       {"Pingback is how one blog tells another that it linked to a post.",
        "Posts about gardening are welcome here, and so are photos.",
        // A word after the label, not a number: no stats line.
        "Joined the club in 2019", "Helpful tutors for struggling students",
        "Reactions to the new timetable were mixed, and the council listened."}) {
    TestDoc doc;
    CHECK(Has(FilterText({kPara1, prose, kPara2}, &doc), prose));
  }
}

TEST_CASE("a wiki's furniture goes by the rules made from MediaWiki's own messages", "[filter]") {
  // filters/line_filter_mediawiki.txt, generated from Debian's mediawiki
  // package: each line of a crawled wiki page goes, named by that file;
  // Wikipedia's own tagline and footer lines are hand-written.
  const std::string generated = "filters/line_filter_mediawiki.txt:";
  const std::string by_hand = "filters/line_filter_navigation.txt:";
  const std::vector<std::pair<std::string, std::string>> furniture = {
      {"[edit]", generated},
      {"Bearbeiten", generated},
      {"muokkaa", generated},
      {"Jump to navigation", generated},
      {"What links here", generated},
      {"Printable version", generated},
      {"Tulostettava versio", generated},
      {"Links auf diese Seite", generated},
      {"Retrieved from \"https://wiki.example.org/index.php?title=Tennant%27s_Crossing\"",
       generated},
      {"This page was last edited on 3 March 2024, at 17:42 (UTC).", generated},
      {"Diese Seite wurde zuletzt am 3. März 2024 um 17:42 Uhr bearbeitet.", generated},
      {"Esta página se editó por última vez el 3 mar 2024 a las 17:42.", generated},
      {"Hidden categories: Articles with short description | Coordinates on Wikidata", generated},
      {"Luokat: Suomen lossit | Joet", generated},
      {"Aus Wikipedia, der freien Enzyklopädie", by_hand},
      {"Text is available under the Creative Commons Attribution-ShareAlike License; additional "
       "terms may apply.",
       by_hand},
      {"Wikipedia® ist eine eingetragene Marke der Wikimedia Foundation Inc.", by_hand}};
  for (const auto& [line, file] : furniture) {
    TestDoc doc;
    auto kept = FilterText({kPara1, kPara2, line, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line).find(file) == 0);
  }
  // A table of contents' title is a documentation page's content on WCXB,
  // and prose that starts like the furniture is prose.
  for (const std::string prose :
       {"Contents", "Retrieved from the river after three days, the boat was found to be intact.",
        "This page was last edited by the archive's volunteers before the move."}) {
    TestDoc doc;
    CHECK(Has(FilterText({kPara1, prose, kPara2}, &doc), prose));
  }
}

TEST_CASE("a news page's title and standfirst above its share buttons stay", "[filter]") {
  const std::string title = "Market hall to close for six months while its roof is repaired";
  const std::string standfirst =
      "The 22 stalls move to a tent on the main square from February";
  TestDoc doc;
  auto kept = FilterText({"News", "Sport", "Culture", "Skip to content", title, standfirst,
                          "Share", "Facebook", "WhatsApp", kPara1, kPara2},
                         &doc);
  CHECK(kept == std::vector<std::string>{title, standfirst, kPara1, kPara2});
  // With a title under the strong lines already, a long line above them is
  // no title: it goes with the head.
  const std::string promo = "Get our weekly newsletter with the best stories of the week";
  TestDoc below;
  kept = FilterText({promo, "Skip to content", title, kPara1, kPara2}, &below);
  CHECK(kept == std::vector<std::string>{title, kPara1, kPara2});
  // Far above the text it is no title either: twelve lines that stay stand
  // between (lines the rules remove do not count towards the reach).
  std::vector<std::string> far = {title, "Share"};
  for (int i = 0; i < 12; ++i) {
    far.push_back("Stall " + std::string(1, static_cast<char>('A' + i)) + " sells cheese and bread");
  }
  far.push_back("Skip to content");
  far.push_back(kPara1);
  far.push_back(kPara2);
  TestDoc far_doc;
  CHECK_FALSE(Has(FilterTextByRules(far, &far_doc), title));
  // Lines the rules drop do not count towards that reach: a byline, a
  // reading time, share buttons and an affiliate notice under a how-to's
  // title.
  std::vector<std::string> dropped = {"Skip to content", title,
                                      "By Marcus Delaney | Updated March 14, 2024", "6 min read"};
  for (const char* network : {"Facebook", "Pinterest", "Twitter", "LinkedIn", "WhatsApp",
                              "Reddit", "Email", "Print", "Share", "Comments"}) {
    dropped.push_back(network);
  }
  dropped.push_back(kPara1);
  dropped.push_back(kPara2);
  TestDoc dropped_doc;
  CHECK(Has(FilterText(dropped, &dropped_doc), title));
}

TEST_CASE("a shop's buy box goes without ending the head: the product's name stays",
          "[filter]") {
  const std::string name = "Bergmann Mahlwerk Pro 60";
  for (const std::string button : {"In den Warenkorb", "Add to cart", "Lisää ostoskoriin"}) {
    TestDoc doc;
    auto kept = FilterText({"Skip to content", name, button, "inkl. 19 % MwSt., zzgl. Versandkosten",
                            kPara1, kPara2},
                           &doc);
    INFO(button);
    CHECK(kept == std::vector<std::string>{name, kPara1, kPara2});
  }
  // A strong line there ends the head, and the name above it goes.
  TestDoc doc;
  auto kept = FilterText({"Skip to content", name, "Share this:", kPara1, kPara2}, &doc);
  CHECK_FALSE(Has(kept, name));
  // The option is known; an unknown one names the known ones.
  CHECK(CompileText("line\taccount\ten\tBuy it now\tweak\n").ok());
  Status st = CompileText("line\taccount\ten\tBuy it now\tfeeble\n");
  CHECK(st.message().find("weak") != std::string::npos);
}

TEST_CASE("counters and bare numbers are left to the extractor in HTML", "[filter]") {
  // A category page's facet counts and a table's figures are content
  // there; an arrow link and a phone line are read alike.
  for (const std::string line : {"Road Bike Helmets (26)", "4.58"}) {
    TestDoc doc;
    doc.metadata.format = "html";
    auto kept = Filter({kPara1, line, kPara2, kPara3}, &doc);
    INFO(line);
    CHECK(Has(kept, line));
  }
  TestDoc doc;
  doc.metadata.format = "html";
  auto kept = Filter({kPara1, "Read the full report →", kPara2, kPara3}, &doc);
  CHECK_FALSE(Has(kept, "Read the full report →"));
}

TEST_CASE("every removal is explained with its rule and category", "[filter]") {
  TestDoc doc;
  Filter({"Skip to content", kPara1, kPara2, "Spread the love", "Share this story!"}, &doc);
  int drops = 0;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.action != ExplainEvent::Action::kDrop) continue;
    ++drops;
    CHECK(std::string(e.stage) == "filter");
    CHECK(e.rule.rfind("filters/line_filter_", 0) == 0);
    CHECK(e.rule.find(".txt:") != std::string::npos);
    CHECK(!e.category.empty());
    CHECK(!e.before.empty());
    CHECK(e.block >= 0);
  }
  CHECK(drops == 3);
  CHECK(doc.metadata.removed_by_category["navigation"] == 1);
  CHECK(doc.metadata.removed_by_category["share"] == 2);
}

TEST_CASE("bylines and date stamps at the head go to the metadata", "[filter]") {
  struct Row {
    std::vector<std::string> head;
    std::string author, date;
  };
  const Row rows[] = {
      {{"Posted on November 8, 2020 by Jane Doe"}, "Jane Doe", "2020-11-08"},
      {{"By Jane Doe", "8 November 2020"}, "Jane Doe", "2020-11-08"},
      {{"Publié le 8 novembre 2020 par Jean Dupont"}, "Jean Dupont", "2020-11-08"},
      {{"Von Max Mustermann", "08.11.2020, 14:32 Uhr"}, "Max Mustermann", "2020-11-08"},
      {{"Veröffentlicht am 8. November 2020 von Max Mustermann"}, "Max Mustermann", "2020-11-08"},
      // A byline of parts, each a pattern, between marks.
      {{"By Jane Doe | November 8, 2020 | 5 min read"}, "Jane Doe", "2020-11-08"},
      {{"Von Max Mustermann | 08.11.2020, 14:32 Uhr | Lesezeit: 3 Minuten"}, "Max Mustermann",
       "2020-11-08"},
      {{"Par Jean Dupont - 8 novembre 2020"}, "Jean Dupont", "2020-11-08"},
      {{"von Max Mustermann \u00b7 8. November 2020 \u00b7 18 Kommentare"}, "Max Mustermann",
       "2020-11-08"},
      {{"By Jane Doe | November 8, 2020 | 12 comments"}, "Jane Doe", "2020-11-08"},
      {{"8 November 2020 | 14:32 | By Jane Doe"}, "Jane Doe", "2020-11-08"},
      {{"Por María López", "8 de noviembre de 2020"}, "María López", "2020-11-08"},
      {{"Автор: Иван Петров", "8 ноября 2020 г."}, "Иван Петров", "2020-11-08"},
      {{"Published: 2020-11-08"}, "", "2020-11-08"},
  };
  for (const Row& row : rows) {
    INFO(row.head[0]);
    TestDoc doc;
    std::vector<std::string> lines = row.head;
    lines.push_back(kPara1);
    lines.push_back(kPara2);
    auto kept = Filter(lines, &doc);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2});
    CHECK(doc.metadata.author == row.author);
    CHECK(doc.metadata.date == row.date);
    CHECK(doc.metadata.removed_by_category["byline"] == static_cast<int>(row.head.size()));
    bool event = false;
    for (const ExplainEvent& e : doc.reporter.events) {
      event |= e.action == ExplainEvent::Action::kMetadata && e.after == row.date;
    }
    CHECK(event);
  }
}

TEST_CASE("a chain of byline parts needs marks and words - elsewhere it is a menu", "[filter]") {
  // Between paragraphs, a menu-shaped line a pattern matches is a menu.
  TestDoc doc;
  auto kept = Filter({kPara1, "Posted by admin | News | Sport | Weather", kPara2}, &doc);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
  CHECK(doc.metadata.author.empty());
  // An archive menu of dates is no byline: no date from it.
  TestDoc archive;
  kept = Filter({kPara1, kPara2, "March 2024 | February 2024 | January 2024 | December 2023"},
                &archive);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
  CHECK(archive.metadata.date.empty());
  // A name stops at a mark: "Staff Writer" is no part of it.
  TestDoc staff;
  Filter({"By Jane Doe | Staff Writer | March 3, 2024", kPara1, kPara2}, &staff);
  CHECK(staff.metadata.author != "Jane Doe Staff Writer");
  // Parts without a mark between them are no chain.
  TestDoc glued;
  kept = Filter({"By Jane Doe March 3, 2024 5 min read", kPara1, kPara2}, &glued);
  CHECK(glued.metadata.author.empty());
}

TEST_CASE("a date stamp glued to the first paragraph is cut off - the rest kept", "[filter]") {
  TestDoc doc;
  auto kept = Filter({" date 2020-11-08 Baku / Yerevan (dpa) – " + kPara1, kPara2}, &doc);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0] == "Baku / Yerevan (dpa) – " + kPara1);
  CHECK(doc.metadata.date == "2020-11-08");
  CHECK(doc.stats.blocks_dropped == 0);
  // A dateline that is part of the story stays.
  kept = Filter({"November 8, 2020 – " + kPara1, kPara2});
  CHECK(kept[0] == "November 8, 2020 – " + kPara1);
}

TEST_CASE("a list's bare dates and times at the edges stay - a post's stamp goes", "[filter]") {
  // A week of events above the page's text: four dates or times alone or
  // more are the list's data.
  const std::vector<std::string> week = {
      "Monday, March 10",  "7:00 PM",  "City Council Work Session",   "Tuesday, March 11",
      "10:30 AM",          "Toddler Story Time", "Wednesday, March 12", "6:30 PM",
      "Parks Advisory Board"};
  std::vector<std::string> lines = week;
  lines.insert(lines.end(), {kPara1, kPara2});
  TestDoc doc;
  auto kept = FilterText(lines, &doc);
  CheckKeptAll(kept, week);
  // One date over a post is its stamp: it goes to the metadata.
  TestDoc post;
  kept = FilterText({"Monday, March 10, 2025", kPara1, kPara2}, &post);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2});
}

TEST_CASE("a comment count above the text heads no block - below it a section", "[filter]") {
  // A review's head: the count beside the byline, then its score.
  TestDoc head;
  auto kept = FilterText({"Review: the sensible SUV finally gets the basics right", "37 comments",
                          "8/10", kPara1, kPara2, kPara3},
                         &head);
  CHECK(Has(kept, "8/10"));
  CHECK_FALSE(Has(kept, "37 comments"));
  // Under the text the count opens the comments: their short lines go.
  TestDoc tail;
  kept = FilterText({kPara1, kPara2, kPara3, "37 comments", "Name *", "Email *"}, &tail);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
}

TEST_CASE("a template's placeholder text goes - a sentence about it stays", "[filter]") {
  const std::string lorem =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
      "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud.";
  TestDoc doc;
  auto kept = FilterText({kPara1, lorem, kPara2, kPara3}, &doc);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
  CHECK(DroppedBy(doc, lorem).find("filters/line_filter_placeholder.txt:") == 0);
  const std::string about = "Designers fill a page with lorem ipsum until the real text arrives.";
  kept = Filter({kPara1, about, kPara2});
  CHECK(Has(kept, about));
}

TEST_CASE("a side box's label alone draws no zone - the products under it stay", "[filter]") {
  // A shop's category on scraped text: its one paragraph, then the facets'
  // heading, then the products. "Kategorie" goes by its rule, but it is
  // no strong line: the tail zone does not start there.
  const std::vector<std::string> products = {"Hortiva Gärtnerspaten, Stahlblatt, 117 cm",
                                             "24,99 €", "Schmiedewerk Auer Pflanzkelle, Edelstahl",
                                             "18,50 €"};
  std::vector<std::string> lines = {kPara1, kPara2, "Kategorie"};
  lines.insert(lines.end(), products.begin(), products.end());
  TestDoc doc;
  auto kept = FilterTextByRules(lines, &doc);
  CHECK_FALSE(Has(kept, "Kategorie"));
  for (const std::string& p : products) {
    INFO(p);
    CHECK(Has(kept, p));
  }
  // With its value the line is a post's meta, a strong line: what follows
  // the text's last paragraph there is the page's tail.
  lines[2] = "Kategorie: Garten, Werkzeug";
  TestDoc meta;
  kept = FilterTextByRules(lines, &meta);
  CHECK_FALSE(Has(kept, products[0]));
}

TEST_CASE("navigation: breadcrumbs - menus and menu runs go - a title stays", "[filter]") {
  auto kept = Filter({"Home / WORLD / Budget approved after long debate", "News | Sport | Weather",
                      "Politics", "Economy", "Culture", "Opinion",
                      "Budget approved after long debate", kPara1, kPara2});
  CHECK(kept == std::vector<std::string>{"Budget approved after long debate", kPara1, kPara2});
}

TEST_CASE("cards the extractor kept stay after boilerplate and in a run of short lines",
          "[filter][cards]") {
  // After a rule's hit in the tail, short lines go (after-content) ...
  const std::vector<std::string> tail = {kPara1,       kPara2,          "Advertisement",
                                         "Garden chair", "Teak table",  "Folding stool",
                                         "Park bench", "Hammock"};
  CHECK(Filter(tail) == std::vector<std::string>{kPara1, kPara2});
  // ... unless they are the extractor's cards; the rule's hit still goes.
  CHECK(FilterCards(tail, {3, 4, 5, 6, 7}) ==
        std::vector<std::string>{kPara1, kPara2, "Garden chair", "Teak table", "Folding stool",
                                 "Park bench", "Hammock"});
  // A run of short lines above the content is a menu (menu-run) ...
  const std::vector<std::string> run = {"Politics", "Economy", "Culture", "Opinion", kPara1,
                                        kPara2};
  CHECK(Filter(run) == std::vector<std::string>{kPara1, kPara2});
  // ... unless its lines are cards.
  CHECK(FilterCards(run, {0, 1, 2, 3}) == run);
}

TEST_CASE("an ad line repeated in another script goes - a quote in it stays", "[filter]") {
  const std::string ad = "Kwork.ru - услуги фрилансеров от 500 руб.";
  auto kept = Filter({ad, kPara1, ad, kPara2, kPara3});
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
  const std::string quote = "«Мы будем бороться до конца», — сказал он журналистам.";
  kept = Filter({kPara1, quote, kPara2});
  CHECK(Has(kept, quote));
}

TEST_CASE("a short line repeated between paragraphs is no ad for that alone", "[filter]") {
  // A comparison's labels, each over its own paragraph: content.
  const std::string label = "Who It's For";
  const std::vector<std::string> doc = {kPara1, label, kPara2, label, kPara3, label, kPara1};
  CHECK(Filter(doc) == doc);
  const std::string sentence = "The vote was close.";
  auto kept = Filter({kPara1, sentence, kPara2, sentence, kPara3, sentence});
  CHECK(std::count(kept.begin(), kept.end(), sentence) == 3);
}

TEST_CASE("rules generated from WordPress translations drop its UI lines only", "[filter]") {
  // filters/line_filter_wordpress.txt, made by filters/gen/wordpress_l10n.py.
  auto kept = Filter({kPara1, kPara2, "Vorherige Seite", "Nächste Seite",
                      "Kommentointi on suljettu.", kPara3});
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
  // The line over each comment, a name and WordPress's "says:" (%s
  // <span class="says">says:</span>) in the locale's words.
  for (const std::string line : {"Linda P. says:", "Raquel dice:", "Markus sanoo:", "Jonas sagt:"}) {
    TestDoc doc;
    kept = FilterText({kPara1, kPara2, line, kPara3}, &doc);
    INFO(line);
    CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
    CHECK(DroppedBy(doc, line).find("filters/line_filter_wordpress.txt:") == 0);
  }
  // Not a sentence that says what someone said.
  const std::string says = "Linda says the council will vote on the new library in March.";
  kept = Filter({kPara1, says, kPara2});
  CHECK(Has(kept, says));
  // The same words inside a sentence of content stay.
  const std::string sentence =
      "Auf der vorherigen Seite haben wir gezeigt, warum die nächste Seite des Berichts fehlt.";
  kept = Filter({kPara1, sentence, kPara2});
  CHECK(Has(kept, sentence));
}

TEST_CASE("a page of prose with year headings is never an error page", "[filter]") {
  // From a real crawl: a rule "404" matched every number, so the years
  // made this page an error page and it was emptied.
  const std::vector<std::string> page{
      "Our research team", "2021",
      "We published three papers on retrieval and two on parsing this year, with our partners.",
      "2020", "We started the group and hired four people to work on data."};
  TestDoc doc;
  auto kept = Filter(page, &doc);
  CHECK(kept == page);
  CHECK(doc.metadata.drop_reason.empty());
  // Even with a real error phrase on it, two sentences of prose stay.
  TestDoc doc2;
  kept = Filter({"Page not found", page[2], page[4]}, &doc2);
  CHECK(Has(kept, page[2]));
  CHECK(Has(kept, page[4]));
  CHECK(doc2.metadata.drop_reason.empty());
}

TEST_CASE("a rule of numbers only is refused", "[filter]") {
  Status st = CompileText("line\terror-page\t*\t404\n");
  CHECK_FALSE(st.ok());
  CHECK(st.message().find("line_filter_test.txt:1") != std::string::npos);
  CHECK(st.message().find("only numbers") != std::string::npos);
  CHECK(CompileText("line\terror-page\t*\tError 404\n").ok());
}

TEST_CASE("an error page or a cookie wall gives no output - with the reason", "[filter]") {
  TestDoc doc;
  auto kept = Filter(
      {"Home", "404", "Page not found",
       "Sorry, the page you are looking for does not exist or has been moved.", "Back to home"},
      &doc);
  CHECK(kept.empty());
  CHECK(doc.metadata.drop_reason.rfind("error-page", 0) == 0);
  TestDoc doc2;
  kept = Filter({"We value your privacy",
                 "We use cookies to improve your experience on our site and to show you "
                 "personalised advertising. By continuing to use this site you agree.",
                 "Accept all", "Manage preferences"},
                &doc2);
  CHECK(kept.empty());
  CHECK(doc2.metadata.drop_reason.rfind("cookie-wall", 0) == 0);
  // A real article that carries a cookie notice keeps its text.
  TestDoc doc3;
  kept = Filter({"This website uses cookies. Accept all cookies", kPara1, kPara2, kPara3}, &doc3);
  CHECK(kept == std::vector<std::string>{kPara1, kPara2, kPara3});
  CHECK(doc3.metadata.drop_reason.empty());
  // A short page (a schedule) with a footer's "Cookie Policy" link is no
  // cookie wall: a notice says what the site does with cookies.
  TestDoc doc4;
  const std::vector<std::string> schedule = {"MATCHUP", "Seattle v New England", "SEA 29, NE 13",
                                             "Super Bowl LX", "Cookie Policy"};
  kept = Filter(schedule, &doc4);
  CHECK(doc4.metadata.drop_reason.empty());
  CHECK(Has(kept, "SEA 29, NE 13"));
}

TEST_CASE("boilerplate in other languages goes", "[filter]") {
  const std::vector<std::string> noise = {
      "Anzeige",
      "Mehr zum Thema",
      "Alle Rechte vorbehalten.",
      "Teilen",
      "Laisser un commentaire",
      "Tous droits réservés",
      "À lire aussi :",
      "Deja una respuesta",
      "Todos los derechos reservados.",
      "Читайте также:",
      "Все права защищены.",
      "Lascia un commento",
      "Deixe um comentário",
      "Geef een reactie",
      "Dodaj komentarz",
      "Bir yanıt yazın",
      "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
      "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
  };
  for (const std::string& line : noise) {
    INFO(line);
    auto kept = Filter({kPara1, kPara2, line});
    CHECK(kept == std::vector<std::string>{kPara1, kPara2});
  }
}

TEST_CASE("filtering the output again removes nothing more", "[filter]") {
  const std::vector<std::string> doc = {"Skip to content",
                                        "Home",
                                        "News",
                                        "Sport",
                                        "Weather",
                                        "Menu",
                                        "Budget approved after long debate",
                                        "By Jane Doe",
                                        "November 8, 2020",
                                        kPara1,
                                        "Advertisement",
                                        "What happens next?",
                                        kPara2,
                                        "Background",
                                        kPara3,
                                        "Tags: budget, council",
                                        "Share this:",
                                        "Facebook",
                                        "Twitter",
                                        "Related Posts",
                                        "Mayor resigns after budget row",
                                        "Council debates library hours",
                                        "Leave a Reply",
                                        "Name *",
                                        "Email *",
                                        "© 2020 Example News. All rights reserved.",
                                        "Privacy Policy"};
  auto once = Filter(doc);
  TestDoc again;
  auto twice = Filter(once, &again);
  CHECK(twice == once);
  CHECK(again.stats.blocks_dropped == 0);
  CHECK(once == std::vector<std::string>{"Budget approved after long debate", kPara1,
                                         "What happens next?", kPara2, "Background", kPara3});
}

TEST_CASE("a disabled filter (--no-filter) keeps every block", "[filter]") {
  CollectingSink sink;
  FilterOptions off;
  off.enabled = false;
  LineFilter filter(&DefaultRules(), off, &sink);
  TestDoc doc;
  REQUIRE(filter.BeginDocument(doc.info()).ok());
  for (const char* t : {"Skip to content", "Leave a Reply"}) {
    Block b;
    b.text = t;
    REQUIRE(filter.Push(std::move(b)).ok());
  }
  REQUIRE(filter.EndDocument().ok());
  CHECK(sink.blocks.size() == 2);
}

}  // namespace
}  // namespace cleaner
