// Tests of the repair stage: the pure functions by tables (one row per
// behaviour, INFO names the failing row), then the Repairer stage driven
// with a CollectingSink. Every table is also checked for idempotence.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "cleaner/rules.h"
#include "cleaner/repair/repair.h"
#include "cleaner/repair/mojibake_charmaps.h"
#include "cleaner/repair/repair_entities.h"
#include "cleaner/repair/repair_mojibake.h"
#include "cleaner/repair/repair_punctuation.h"
#include "cleaner/repair/repair_text.h"
#include "cleaner/repair/repair_quotes.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

struct Row {
  const char* in;
  const char* want;
};

const RepairRules& Rules() {
  static const RepairRules* rules = [] {
    std::unique_ptr<const RepairRules> r;
    Status st = RepairRules::Compile(DefaultRuleFiles(), &r);
    if (!st.ok()) FAIL(st.ToString());
    return r.release();
  }();
  return *rules;
}

// Runs the Repairer over `paragraphs` (one block each) and returns the
// blocks joined by '\n'.
std::string RepairDoc(const std::string& paragraphs, const std::string& language = "en",
                      QuoteStyle quotes = QuoteStyle::kAuto, testing::TestDoc* doc = nullptr) {
  testing::TestDoc local;
  if (doc == nullptr) doc = &local;
  doc->metadata.language = language;
  testing::CollectingSink sink;
  RepairOptions options;
  options.quotes = quotes;
  Repairer r(&Rules(), options, &sink);
  REQUIRE(r.BeginDocument(doc->info()).ok());
  size_t start = 0;
  int index = 0;
  while (start <= paragraphs.size()) {
    size_t nl = paragraphs.find('\n', start);
    if (nl == std::string::npos) nl = paragraphs.size();
    Block b;
    b.text = paragraphs.substr(start, nl - start);
    b.index = index++;
    REQUIRE(r.Push(std::move(b)).ok());
    start = nl + 1;
  }
  REQUIRE(r.EndDocument().ok());
  std::string out;
  for (const Block& b : sink.blocks) out += (out.empty() ? "" : "\n") + b.text;
  return out;
}

void CheckTable(const std::vector<Row>& rows, const std::string& language,
                QuoteStyle quotes = QuoteStyle::kAuto) {
  for (const Row& row : rows) {
    INFO("input: " << testing::Visible(row.in));
    std::string got = RepairDoc(row.in, language, quotes);
    CHECK(got == row.want);
    CHECK(RepairDoc(got, language, quotes) == got);  // idempotent
  }
}

TEST_CASE("entities are decoded only with their semicolon", "[repair]") {
  EntityTable names = {{"amp", '&'}, {"nbsp", 0xA0}, {"eacute", 0xE9}, {"quot", '"'}};
  const std::vector<Row> rows = {
      {"Tom &amp; Jerry", "Tom & Jerry"},
      {"a&nbsp;b", "a\u00A0b"},
      {"caf&eacute;", "café"},
      {"&#8217; &#x2019; &#X201C;", "’ ’ “"},
      // Numeric references 128..159 mean Windows-1252, as in HTML.
      {"it&#146;s", "it’s"},
      // Double-escaped text is decoded to the end (idempotence).
      {"&amp;amp; &amp;nbsp;", "& \u00A0"},
      // Not references: no ';', unknown names, invalid numbers.
      {"AT&T, R&D, &copy 2020, &amp", "AT&T, R&D, &copy 2020, &amp"},
      {"&unknown; &#0; &#xD800; &#99999999;", "&unknown; &#0; &#xD800; &#99999999;"},
      {"a & b; c&d;", "a & b; c&d;"},
  };
  for (const Row& row : rows) {
    INFO("input: " << row.in);
    std::vector<RepairChange> changes;
    std::string got = DecodeEntities(row.in, names, &changes);
    CHECK(got == row.want);
    CHECK(changes.empty() == (got == row.in));
    for (const RepairChange& c : changes) CHECK(c.rule == "entity");
  }
}

TEST_CASE("entity chains are followed in one pass - at any length", "[repair][hostile]") {
  // Issue 14.2: `&amp;amp;amp;...` of 1M levels never finished, the decoder
  // repeated whole-text passes, one per level.
  EntityTable names = {{"amp", '&'}, {"nbsp", 0xA0}};
  std::string chain = "<&";
  for (int i = 0; i < 1000000; ++i) chain += "amp;";
  chain += "nbsp;>";
  std::vector<RepairChange> changes;
  CHECK(DecodeEntities(chain, names, &changes) == "<\u00A0>");
  CHECK(changes.size() == 1);  // one chain, one edit (one pass)
  // A reference formed with the text before a decoded character takes a
  // further pass.
  CHECK(DecodeEntities("&&#97;mp;", {{"amp", '&'}}, nullptr) == "&");
  CHECK(DecodeEntities("x&amp;amp;y&amp;z", names, nullptr) == "x&y&z");
}

TEST_CASE("Windows-1252's characters for 0x80..0x9F come from ICU", "[repair]") {
  int defined = 0;
  for (int b = 0x80; b <= 0x9F; ++b) {
    const char32_t c = Cp1252High(b);
    const bool undefined = b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
    CHECK((c == 0) == undefined);
    if (c != 0) {
      ++defined;
      CHECK(c >= 0x100);  // never a C1 control or a Latin-1 character
    }
  }
  CHECK(defined == 27);
  CHECK(Cp1252High(0x80) == 0x20AC);
  CHECK(Cp1252High(0x93) == 0x201C);
  CHECK(Cp1252High(0x9F) == 0x0178);
  CHECK(Cp1252High(0x7F) == 0);
  CHECK(Cp1252High(0xA0) == 0);
}

TEST_CASE("mojibake is reversed only where certain", "[repair]") {
  const std::vector<Row> certain = {
      {"cafÃ©", "café"},
      {"Itâ€™s â€œgoodâ€\u009d", "It’s “good”"},
      // The 0x9D byte lost: `â€` then a space or the end.
      {"â€œquotedâ€ here", "“quoted” here"},
      {"â€“ and â€” and â€¦", "– and — and …"},
      {"ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„", "Zażółć gęślą jaźń"},
      {"ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"},
      {"ä¸­æ–‡", "中文"},
      {"sÃ»r", "sûr"},
      {"Ã–sterreich", "Österreich"},
      // Encoded twice, also with the C1 control of a lost byte kept.
      {"cafÃƒÂ©", "café"},
      {"Ã¢â‚¬Å“twiceÃ¢â‚¬Â\u009d", "“twice”"},
      // Windows-1252 read as Latin-1: a C1 control on its own.
      {"it\u0092s", "it’s"},
  };
  for (const Row& row : certain) {
    INFO("input: " << testing::Visible(row.in));
    CHECK(HasCertainMojibake(row.in));
    std::string got = FixMojibake(row.in, false, nullptr);
    CHECK(got == row.want);
    CHECK(FixMojibake(got, true, nullptr) == got);
  }
  // Real text that only looks like mojibake.
  const std::vector<const char*> negative = {
      "NESTLÉ®", "SÃO PAULO", "¿Qué?", "Â£ is what UTF-8 £ looks like in Latin-1",
      "Ãgua", "ÉTÉ», dit-il", "«SØ» og Ø\u00A0", "à « bientôt »", "à\u00A0«\u00A0oui\u00A0»",
      "Ñoño", "Über Öl und Äpfel", "“AMANHÔ e “IRMÃ…”", "El niño comió piñas", "Straße, Maße",
      "résumé – naïve – façade", "Gdańsk, Łódź", "Ångström", "© 2020 ® ™ ° ± µ",
  };
  for (const char* s : negative) {
    INFO("input: " << testing::Visible(s));
    CHECK_FALSE(HasCertainMojibake(s));
    CHECK(FixMojibake(s, false, nullptr) == s);
  }
  // `Â` + symbol is fixed with evidence from the same document only.
  CHECK(FixMojibake("Â£5", true, nullptr) == "£5");
  CHECK(RepairDoc("Â£ is UTF-8 £ read as Latin-1.") == "Â£ is UTF-8 £ read as Latin-1.");
  CHECK(RepairDoc("Itâ€™s Â£5.\nNo Â£ here.") == "It’s £5.\nNo £ here.");
  CHECK(RepairDoc("Ã©tÃ© Ã  Paris") == "été à Paris");
  CHECK(RepairDoc("SÃO  PAULO, SÃ  Paulo") == "SÃO  PAULO, SÃ  Paulo");
}

TEST_CASE("mojibake through other code pages and garbled twice is reversed", "[repair]") {
  const std::vector<Row> rows = {
      // Windows-1251, Windows-1250, ISO-8859-2, Mac Roman, CP437.
      {"вЂ™ and РџСЂРёРІРµС‚", "’ and Привет"},
      {"PĹ™Ă\u00adliĹˇ ĹľluĹĄouÄŤkĂ˝ kĹŻĹ\u0088", "Příliš žluťoučký kůň"},
      {"Zam√≤ and caf√©", "Zamò and café"},
      {"╨┐╤Ç╨╕╨▓╨╡╤é", "привет"},
      // Windows-1253 (Greek) and Windows-1257 (Baltic).
      {"ΞΊΞ±Ξ»Ξ·ΞΌΞ\u00adΟ\u0081Ξ±", "καλημέρα"},
      {"RÄ«ga, galvaspilsÄ“ta", "Rīga, galvaspilsēta"},
      // Three times through Windows-1252.
      {"cafÃƒÆ’Ã‚Â©", "café"},
      {"Ã¢â€žÂ¢", "™"},
      // An emoji written as CESU-8 (two surrogates), then read as 1252.
      {"smile í\u00a0½í¸€ now", "smile 😀 now"},
      // `Ã` + a lost no-break space.
      {"Ã perturber", "à perturber"},
      // C1 controls that were Windows-1252 characters.
      {"\u0084Handwerk\u0093 \u0085", "„Handwerk“ …"},
  };
  for (const Row& row : rows) {
    INFO("input: " << testing::Visible(row.in));
    std::string got = FixMojibake(row.in, false, nullptr);
    CHECK(got == row.want);
    CHECK(FixMojibake(got, false, nullptr) == got);
  }
}

TEST_CASE("correct text next to symbols is not taken for mojibake", "[repair]") {
  // A Latin-1 letter beside × ™ — … ” £ reads as a UTF-8 lead byte in some
  // code page; in context it is plainly text. See golden/repair_negative/.
  const std::vector<const char*> negative = {
      "“×”",
      "5×£35",
      "Brontë…”",
      "AHÅ™",
      "10 Å—",
      "MÄ£ÄM",
      "CAFÉ™ and RÉSUMÉ®",
      "Он сказал: «Привет» — и ушёл.",
      "Σήμερα · καλή εβδομάδα",
      "x ≤ y, √2 ≈ 1.41",
      "Ça coûte 3 € — ou £2,50 — à peu près.",
      "Iñtërnâtiônàlizætiøn",
      "Þú ert",
  };
  for (const char* s : negative) {
    INFO("input: " << testing::Visible(s));
    CHECK(FixMojibake(s, false, nullptr) == s);
    CHECK(FixMojibake(s, true, nullptr) == s);
  }
}

TEST_CASE("a mojibake repair names its encoding path", "[repair]") {
  std::vector<RepairChange> changes;
  FixMojibake("вЂ™", false, &changes);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].rule == "mojibake: windows-1251 -> utf-8");
}

TEST_CASE("quote and punctuation repair never split a still-garbled sequence", "[repair]") {
  // Left garbled (e.g. with --no-repair of an earlier pass), `Ä«` and `Ђ“`
  // are one misread character each; a space between their halves would
  // make them unrepairable.
  QuoteContext q;
  q.typographic = true;
  PunctuationContext p;
  for (const char* s : {"RÄ«ga is here", "the вЂ“ Broadcast"}) {
    INFO("input: " << testing::Visible(s));
    CHECK(RepairQuotes(s, q, nullptr) == s);
    CHECK(RepairPunctuation(s, p, nullptr) == s);
  }
  // A quote glued to an accented word is still spaced.
  CHECK(RepairQuotes("café“quoted”", q, nullptr) == "café “quoted”");
}

TEST_CASE("no space before punctuation - except French typography", "[repair]") {
  CheckTable(
      {
          {"they failed to make any progress .", "they failed to make any progress."},
          {"one , two ; three : four !", "one, two; three: four!"},
          {"really ?! yes", "really?! yes"},
          {"a\u00A0, b\t. c", "a, b. c"},
          {"word ,next", "word, next"},
          {"He left .She stayed.", "He left. She stayed."},
          // A question or a quote ends the sentence glued to the next.
          {"What now ?The minister left.", "What now? The minister left."},
          {"Stop !Then go.", "Stop! Then go."},
          {"a “scandal” .The vote (today) .He left.", "a “scandal”. The vote (today). He left."},
          {"she said \"no\" , then \"I doubt it\" .", "she said \"no\", then \"I doubt it\"."},
          {"and then . . . nothing, at 10 : 30", "and then . . . nothing, at 10 : 30"},
          {"(see above ) and [ 12 ]", "(see above) and [12]"},
          {"“quoted” , he said", "“quoted”, he said"},
          // Not phrase punctuation: these stay.
          {"the .NET runtime and .5 mm", "the .NET runtime and .5 mm"},
          {"wait ... what", "wait ... what"},
          {"smile :) or :-( now", "smile :) or :-( now"},
          {"use !important here", "use !important here"},
          {"open example.org/search ?Query=tomatoes&Page=2 now",
           "open example.org/search ?Query=tomatoes&Page=2 now"},
          {"a ) b without opener", "a ) b without opener"},
          {"- , at the start", "- , at the start"},
      },
      "en");
  CheckTable(
      {
          {"Il a dit : « Nous allons réussir ! » Puis ; rien ?",
           "Il a dit : « Nous allons réussir ! » Puis ; rien ?"},
          {"C’est l’été , n’est-ce pas ?", "C’est l’été, n’est-ce pas ?"},
          {"Il est parti .", "Il est parti."},
          // French keeps its space before ! ?; the next sentence gets one.
          {"Ils protestent !Les salariés aussi ?Oui.", "Ils protestent ! Les salariés aussi ? Oui."},
      },
      "fr");
  CheckTable({{"¿Qué pasará ahora ?El ministro calla.", "¿Qué pasará ahora? El ministro calla."}},
             "es");
  CheckTable({{"von einem „Skandal“ .Die Abstimmung", "von einem „Skandal“. Die Abstimmung"}},
             "de");
}

TEST_CASE("a space after punctuation glued to the next word - never inside tokens",
          "[repair]") {
  CheckTable(
      {
          {"in separatist territory.Nagorno-Karabakh leader",
           "in separatist territory. Nagorno-Karabakh leader"},
          {"It was late!Then we left?Yes.", "It was late! Then we left? Yes."},
          {"apples,pears;plums:cherries", "apples, pears; plums: cherries"},
          {"(1,2 million).Visit us", "(1,2 million). Visit us"},
          {"It ended in 2020.The next one", "It ended in 2020. The next one"},
          {"потом он ушёл,и никто.Это было", "потом он ушёл, и никто. Это было"},
          // Numbers, abbreviations, initials, domains, URLs, files, times.
          {"20.000 and 3.5 and 1,2 and 10:30", "20.000 and 3.5 and 1,2 and 10:30"},
          {"e.g.The U.S.Army and J.Smith", "e.g.The U.S.Army and J.Smith"},
          {"Dr.Smith and etc.Then", "Dr.Smith and etc.Then"},
          {"Kwork.ru, www.example.org/help and Node.js", "Kwork.ru, www.example.org/help and Node.js"},
          {"ASP.NET, Amazon.Com and Report.PDF", "ASP.NET, Amazon.Com and Report.PDF"},
          {"mailto:someone and http://x.org/a,b and std::vector", "mailto:someone and http://x.org/a,b and std::vector"},
          {"user@example.com,then", "user@example.com,then"},
          {"java.util.List and a,b.c", "java.util.List and a,b.c"},
          {"smile :D now", "smile :D now"},
          {"the TL;DR version, seconds.It’s over", "the TL;DR version, seconds. It’s over"},
          // Scripts without spaces are not touched.
          {"これはテストです.次の文,そして", "これはテストです.次の文,そして"},
      },
      "en");
}

TEST_CASE("doubled punctuation collapses - legitimate sequences stay", "[repair]") {
  CheckTable(
      {
          {"heard in Shusha., he said", "heard in Shusha, he said"},
          {"one,, two and three,. Four", "one, two and three. Four"},
          {"so;; then", "so; then"},
          {"etc., and U.S., and e.g., too", "etc., and U.S., and e.g., too"},
          {"Monroe, La., and San Diego, Calif., said", "Monroe, La., and San Diego, Calif., said"},
          {"today…. Really?! Yes!! and ... and ..", "today…. Really?! Yes!! and ... and .."},
          {"version 1.,2", "version 1.,2"},
      },
      "en");
}

TEST_CASE("quotes are paired per paragraph and spaced by their role", "[repair]") {
  CheckTable(
      {
          // Closing marks used to open, spaces inside the pair.
          {"” Whoever takes Shusha wins Karabakh, ” he said.",
           "“Whoever takes Shusha wins Karabakh,” he said."},
          {"The ministry said, ” Armenia’s losses,” he said.",
           "The ministry said, “Armenia’s losses,” he said."},
          // An opening mark used to close, with doubled punctuation.
          {"“After 28 years, it will be heard in Shusha., “he said.",
           "“After 28 years, it will be heard in Shusha,” he said."},
          {"“Wait and believe in our armed forces, ”Armenian spokesman said.",
           "“Wait and believe in our armed forces,” Armenian spokesman said."},
          {"“Karabakh is ours! ”Aliyev said.", "“Karabakh is ours!” Aliyev said."},
          {"“We must reverse the situation. ”", "“We must reverse the situation.”"},
          {"“They deny this.”he used his statements.",
           "“They deny this.” he used his statements."},
          // Mirrored single pairs (machine-translation damage).
          {"The word origin of the’ Nagorno-Karabakh ‘ region consists of",
           "The word origin of the ‘Nagorno-Karabakh’ region consists of"},
          {"The word’ Nagorny ‘means’ mountainous ‘ (нагорный), in Russian. The words "
           "‘dağliq’ or ‘yuxarı’ mean ‘mountainous’.",
           "The word ‘Nagorny’ means ‘mountainous’ (нагорный), in Russian. The words "
           "‘dağliq’ or ‘yuxarı’ mean ‘mountainous’."},
          {"She said:“Hello” and left.", "She said: “Hello” and left."},
          // Clean text stays.
          {"“Hello,” she said, ‘it’s me.’", "“Hello,” she said, ‘it’s me.’"},
          {"the students’ books and Hans’ car, un po’ di più, the ’90s",
           "the students’ books and Hans’ car, un po’ di più, the ’90s"},
          {"“A quote that goes on in the next paragraph.",
           "“A quote that goes on in the next paragraph."},
          {"rock ’n’ roll and don’t", "rock ’n’ roll and don’t"},
          {"a stray ’ mark", "a stray ’ mark"},
          {"[button link=”http://x.org/” type=”big”] Send us", "[button link=”http://x.org/” type=”big”] Send us"},
          {"the U.K.’s and Takin’ It", "the U.K.’s and Takin’ It"},
          {"the Cleveland Browns ’ Week 11 game", "the Cleveland Browns’ Week 11 game"},
          {"warning that “voters are entitled to it.’’ It has “a role.’’",
           "warning that “voters are entitled to it.’’ It has “a role.’’"},
          {"이냐”고 말했다. 또 “제 여자친구랑 ‘가택침입’이나 ‘데이트 폭력’ 같은",
           "이냐”고 말했다. 또 “제 여자친구랑 ‘가택침입’이나 ‘데이트 폭력’ 같은"},
      },
      "en");
}

TEST_CASE("each language keeps its own quote marks", "[repair]") {
  CheckTable({{"Er sagte: „Wir schaffen das.“ Dann ging er.",
               "Er sagte: „Wir schaffen das.“ Dann ging er."},
              {"Er sagte: „ Wir schaffen das. “ Dann.", "Er sagte: „Wir schaffen das.“ Dann."},
              {"Er meinte »so ist es« und ‚gut‘.", "Er meinte »so ist es« und ‚gut‘."},
              {"He said “Hello” and „Hallo“ too.", "He said “Hello” and „Hallo“ too."},
              {"Er sagte:»Ja«und ging.", "Er sagte:»Ja«und ging."},
              {"Er sagte:„Ja.“ Dann ging er.", "Er sagte: „Ja.“ Dann ging er."},
              {"Er meinte ,,das ist gut‘‘ und ging.", "Er meinte ,,das ist gut‘‘ und ging."}},
             "de");
  CheckTable({{"Powiedział: „Damy radę”.", "Powiedział: „Damy radę”."}}, "pl");
  CheckTable({{"Он сказал: «Мы справимся» . Потом «ушёл ».",
               "Он сказал: «Мы справимся». Потом «ушёл»."},
              {"«Он сказал „нет“»", "«Он сказал „нет“»"},
              {"Он сказал:«Да»и ушёл.", "Он сказал: «Да» и ушёл."}},
             "ru");
  CheckTable({{"Il a dit « oui » et ‹ non ›.", "Il a dit « oui » et ‹ non ›."}}, "fr");
  CheckTable({{"Han sa: ”Vi klarar det” och gick.", "Han sa: ”Vi klarar det” och gick."}}, "sv");
  CheckTable({{"El ministro dijo: «Lo lograremos» . ¿Qué pasará ?",
               "El ministro dijo: «Lo lograremos». ¿Qué pasará?"},
              {"¿ Qué pasará ? ¡ Nada !", "¿Qué pasará? ¡Nada!"}},
             "es");
}

TEST_CASE("a document's quoting is made consistent with its majority", "[repair]") {
  // Mostly typographic: stray straight marks follow their role.
  CHECK(RepairDoc("“I understand – I am not the one,” he said, ‘for you.'”\n"
                  "He said \"fine\" and it's done. “Yes,” she said.") ==
        "“I understand – I am not the one,” he said, ‘for you.’”\n"
        "He said “fine” and it’s done. “Yes,” she said.");
  // Dutch 's (des) is an elision, not an opening quote.
  CHECK(RepairDoc("“Ja,” zei hij, ‘morgen’. Het is 's avonds laat.", "nl") ==
        "“Ja,” zei hij, ‘morgen’. Het is ’s avonds laat.");
  // Mostly straight: stays straight, also next to a stray typographic one.
  const char* ascii =
      "He said \"I can't\" and 'maybe' later.\nShe said \"don't\" and \"won't\". It’s odd.";
  CHECK(RepairDoc(ascii) == ascii);
  // A German document's straight quotes become „…“.
  CHECK(RepairDoc("Er sagte „ja“ und „nein“.\nSie sagte \"vielleicht\".", "de") ==
        "Er sagte „ja“ und „nein“.\nSie sagte „vielleicht“.");
  // --quotes ascii converts every mark.
  CHECK(RepairDoc("“Hello,” she said, ‘it’s me’ «oui» „ja“", "en", QuoteStyle::kAscii) ==
        "\"Hello,\" she said, 'it's me' \"oui\" \"ja\"");
}

TEST_CASE("every repair is explained and counted", "[repair]") {
  testing::TestDoc doc;
  std::string out = RepairDoc("Caf&eacute; progress .\nIt’s fine.", "en", QuoteStyle::kAuto, &doc);
  CHECK(out == "Café progress.\nIt’s fine.");
  REQUIRE(doc.reporter.events.size() == 2);
  CHECK(doc.stats.repairs == 2);
  const ExplainEvent& e = doc.reporter.events[0];
  CHECK(std::string(e.stage) == "repair");
  CHECK(e.action == ExplainEvent::Action::kChange);
  CHECK(e.block == 0);
  CHECK(e.rule == "entity");
  CHECK(e.before == "Caf&eacute; progress .");
  CHECK(e.after == "Café progress .");
  CHECK(doc.reporter.events[1].rule == "space-before-punct");
}

TEST_CASE("repair rule files are checked", "[repair]") {
  std::unique_ptr<const RepairRules> rules;
  std::vector<RuleFile> files = {{"repair_x.tsv", "# c\nquotes\ten\t“\t”\t‘\n"}};
  Status st = RepairRules::Compile(files, &rules);
  CHECK_FALSE(st.ok());
  CHECK(st.ToString().find("filters/repair_x.tsv:2") != std::string::npos);
  files = {{"repair_x.tsv", "bogus\tx\n"}};
  CHECK_FALSE(RepairRules::Compile(files, &rules).ok());
}


// A random paragraph of `tokens`, 1 to 12 of them (fixed seed: the same
// paragraphs on every run).
std::string RandomParagraph(const std::vector<const char*>& tokens, std::mt19937* rng) {
  std::uniform_int_distribution<size_t> len(1, 12), pick(0, tokens.size() - 1);
  std::string p;
  for (size_t k = len(*rng); k > 0; --k) p += tokens[pick(*rng)];
  return p;
}

TEST_CASE("the quote precheck never skips a paragraph the repair would change", "[repair]") {
  // Marks of both families, guillemets, and what stands next to them:
  // words ending in s, digits, spaces (NBSP, U+2009, U+205F), brackets,
  // dashes, sentence marks, `=`, Cyrillic, Hangul and Han letters.
  const std::vector<const char*> tokens = {
      "a", "s", "It", "x", "9", " ", " ", " ", "\t", "\u00A0", "\u2009", "\u205F", ".", ",", "!",
      "?", "(", ")", "-", "\u2014", "\u2026", "=", "'", "\"", "\u201C", "\u201D", "\u2018",
      "\u2019", "\u2019", "\u201E", "\u201A", "\u201F", "\u201B", "\u00AB", "\u00BB", "\u2039",
      "\u203A", "\u00E9", "\u044F", "\uAC00", "\u4E2D"};
  std::mt19937 rng(20261122);
  int skipped = 0;
  for (int k = 0; k < 20000; ++k) {
    const std::string p = RandomParagraph(tokens, &rng);
    for (int flags = 0; flags < 16; ++flags) {
      QuoteContext ctx;
      ctx.typographic = flags & 1;
      ctx.ascii = flags & 2;
      ctx.same_mark_closes = flags & 4;
      ctx.french = flags & 8;
      if (QuotesMayChange(p, ctx)) continue;
      ++skipped;
      std::vector<RepairChange> changes;
      INFO("paragraph: " << testing::Visible(p) << " flags " << flags);
      CHECK(RepairQuotesMayChange(p, ctx, &changes) == p);
      CHECK(changes.empty());
    }
  }
  CHECK(skipped > 20000);  // the precheck is exercised, not only refused
}

TEST_CASE("the punctuation precheck never skips a paragraph the repair would change",
          "[repair]") {
  const std::vector<const char*> tokens = {
      "a", "s", "The", "Ab", "e", "g", "com", "U", "S", "9", "0", " ", " ", "\t", "\u00A0",
      "\u2009", "\u205F", "\u3000", ".", ".", ",", ",", ";", ":", "!", "?", "(", ")", "[", "]",
      "\u00BF", "\u00A1", "-", "%", "/", "\u201D", "\u2019", "\"", "\u00E9", "\u00C9", "\u0440",
      "\u0420", "\u4E2D"};
  std::mt19937 rng(20261123);
  int skipped = 0;
  for (int k = 0; k < 20000; ++k) {
    const std::string p = RandomParagraph(tokens, &rng);
    if (PunctuationMayChange(p)) continue;
    ++skipped;
    for (bool french : {false, true}) {
      // No abbreviation, suffix or scheme tables: the rules fire in more
      // places than with them.
      PunctuationContext ctx;
      ctx.french = french;
      std::vector<RepairChange> changes;
      INFO("paragraph: " << testing::Visible(p) << " french " << french);
      CHECK(RepairPunctuationMayChange(p, ctx, &changes) == p);
      CHECK(changes.empty());
    }
  }
  CHECK(skipped > 1000);
}


// MayHaveMojibake() first looks for the bytes every hit needs (two
// non-ASCII characters side by side, a C1 control, `Ã`), sixteen at a time;
// that scan assumes no lead or continuation character is ASCII.
TEST_CASE("mojibake charmaps: no ASCII character is a lead or a continuation", "[repair]") {
  const Charmaps& maps = GetCharmaps();
  for (char32_t c = 0; c < 0x80; ++c) {
    INFO("U+" << static_cast<unsigned>(c));
    CHECK_FALSE(maps.IsLead(c));
    CHECK_FALSE(maps.IsContinuation(c));
  }
  CHECK_FALSE(maps.IsLead(0xFFFD));
  CHECK_FALSE(maps.IsContinuation(0xFFFD));
}

TEST_CASE("MayHaveMojibake: the byte scan finds a pair at every offset", "[repair]") {
  // Garbled pairs and a C1 control, and clean non-ASCII text, at every
  // offset across the scan's 16-byte steps and its byte-by-byte tail.
  const std::vector<std::string> garbled = {"Ã©", "â€™", "\xC2\x85", "Ã ", "Ä«g"};
  const std::vector<std::string> clean = {"café", "don’t", "“x”", "naïve ü"};
  for (size_t pad = 0; pad < 40; ++pad) {
    const std::string before(pad, 'a'), after(40 - pad, 'b');
    for (const std::string& g : garbled) {
      INFO("pad " << pad << " garbled " << g);
      CHECK(MayHaveMojibake(before + g + after));
    }
    for (const std::string& c : clean) {
      INFO("pad " << pad << " clean " << c);
      CHECK_FALSE(MayHaveMojibake(before + c + after));
    }
  }
}

}  // namespace
}  // namespace cleaner
