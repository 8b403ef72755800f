// Tests for the filter stage's line classifier (cleaner/filter/
// line_classifier.*): the model file's format, the features, the window the
// trees read, the gate, and the stage (explain, idempotence,
// --no-line-classifier, clean text left alone).
#include "cleaner/filter/line_classifier.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "cleaner/cleaner.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

Status CompileModel(const std::string& text, std::unique_ptr<const LineClassifier>* out) {
  std::vector<RuleFile> files{{"stopwords.txt", "stopwords\ten\tthe of and to a in is that\n"},
                              {"action_words.txt", "action\ten\twrite claim\naction\tfi\tkirjoita\n"
                               "action-last\tde\tbuchen anzeigen\n"},
                              {"line_classifier.txt", text}};
  return LineClassifier::Compile(files, out);
}

// A model of one tree that reads only the number of words: a line of one
// word scores 0.12 (noise), of two or more 0.88; documents with a fifth of
// their lines dropped by the rules are judged.
const char kWordsModel[] =
    "gate\t0.2\n"
    "threshold\t0.5\n"
    "base\t0\n"
    "tree\n"
    "node\tlog_words\t1.0\t1\t2\t0\n"
    "leaf\t-2\n"
    "leaf\t2\n";

int Index(const char* name) {
  const std::vector<std::string>& names = LineFeatureNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  FAIL("no feature " << name);
  return -1;
}

std::vector<float> FeaturesOf(const LineClassifier& c, const std::string& text) {
  std::vector<LineFacts> lines(1);
  lines[0].text = text;
  std::vector<float> x(kNumLineFeatures);
  c.Features(lines, 0, x.data());
  return x;
}

TEST_CASE("the model file is checked line by line", "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(CompileModel(kWordsModel, &c).ok());
  CHECK_FALSE(c->empty());

  const std::string head = "gate\t0.2\nthreshold\t0.5\nbase\t0\ntree\n";
  Status st = CompileModel(head + "node\tnope\t1\t1\t2\t0\nleaf\t0\nleaf\t0\n", &c);
  CHECK(st.message().find("filters/line_classifier.txt:5: unknown feature 'nope'") !=
        std::string::npos);
  st = CompileModel("threshold\t0.5\nbase\t0\ntree\nleaf\t1\n", &c);
  CHECK(st.message().find("needs base, gate, threshold and a tree") != std::string::npos);
  st = CompileModel("gate\t1.5\nthreshold\t0.5\nbase\t0\ntree\nleaf\t1\n", &c);
  CHECK(st.message().find("a gate or threshold is in [0, 1]") != std::string::npos);
  // Children come after their node, within its tree.
  st = CompileModel(head + "node\tlog_words\t1\t0\t2\t0\nleaf\t0\nleaf\t0\n", &c);
  CHECK(st.message().find(":5: threshold and value are numbers") != std::string::npos);
  st = CompileModel(head + "node\tlog_words\t1\t1\t2\t0\nleaf\t0\ntree\nleaf\t0\n", &c);
  CHECK(st.message().find("a node's child is past its tree") != std::string::npos);
  st = CompileModel("leaf\t1\n", &c);
  CHECK(st.message().find("a node before the first tree") != std::string::npos);
  st = CompileModel(head + "leaf\tx\n", &c);
  CHECK(st.message().find(":5: expected: leaf<TAB>VALUE") != std::string::npos);

  // Without a model file, or with one of comments only, the classifier is
  // empty and judges nothing.
  std::vector<RuleFile> none{{"stopwords.txt", "stopwords\ten\tthe\n"}};
  REQUIRE(LineClassifier::Compile(none, &c).ok());
  CHECK(c->empty());
  REQUIRE(CompileModel("# retrained soon\n", &c).ok());
  CHECK(c->empty());
  std::vector<LineFacts> lines(1);
  lines[0].text = "x";
  std::vector<LineVerdict> v;
  c->Decide(lines, Favor::kBalanced, &v);
  CHECK_FALSE(v[0].drop);
}

TEST_CASE("line features measure words - function words and shapes", "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(CompileModel(kWordsModel, &c).ok());
  std::vector<float> x = FeaturesOf(*c, "The end of the road is in sight");
  CHECK(x[Index("stop_share")] == Approx(5.0 / 8));
  CHECK(x[Index("starts_upper")] == 1);
  CHECK(x[Index("digit_share")] == 0);

  x = FeaturesOf(*c, "Public Group 10,197 members");
  CHECK(x[Index("stop_share")] == 0);
  CHECK(x[Index("title_share")] == Approx(0.5));
  CHECK(x[Index("number_share")] == Approx(0.25));

  CHECK(FeaturesOf(*c, "+49 (30) 1234-5678")[Index("phone_like")] == 1);
  CHECK(FeaturesOf(*c, "Call us on Monday")[Index("phone_like")] == 0);
  CHECK(FeaturesOf(*c, "• Free shipping")[Index("bullet_start")] == 1);
  CHECK(FeaturesOf(*c, "2. Preheat the oven")[Index("bullet_start")] == 1);
  CHECK(FeaturesOf(*c, "2.5 kg of flour")[Index("bullet_start")] == 0);
  CHECK(FeaturesOf(*c, "Home | News | Sport")[Index("separators")] == 2);
  CHECK(FeaturesOf(*c, "Price: €25")[Index("currency")] == 1);
  CHECK(FeaturesOf(*c, "© 2024 Example Ltd")[Index("legal_mark")] == 1);
  CHECK(FeaturesOf(*c, "Read more »")[Index("arrow_end")] == 1);
  CHECK(FeaturesOf(*c, "mail info@example.org")[Index("url_like")] == 1);
  // A short line opening with a call to action's verb, in any listed
  // language, whatever its case; not a sentence, nor another first word.
  CHECK(FeaturesOf(*c, "Write a review")[Index("action_start")] == 1);
  CHECK(FeaturesOf(*c, "» CLAIM your listing")[Index("action_start")] == 1);
  CHECK(FeaturesOf(*c, "Kirjoita arvostelu")[Index("action_start")] == 1);
  CHECK(FeaturesOf(*c, "Write to your member of parliament before the vote next week")
            [Index("action_start")] == 0);
  CHECK(FeaturesOf(*c, "Writers claim the prize")[Index("action_start")] == 0);
  CHECK(FeaturesOf(*c, "The claim")[Index("action_start")] == 0);
  // Or ending with it, as a German command does.
  CHECK(FeaturesOf(*c, "Termin online buchen")[Index("action_start")] == 1);
  CHECK(FeaturesOf(*c, "Alle 14 Angebote anzeigen")[Index("action_start")] == 1);
  CHECK(FeaturesOf(*c, "Termin am Montag")[Index("action_start")] == 0);
}

TEST_CASE("the action word list is checked", "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  const Status st = LineClassifier::Compile(
      {{"action_words.txt", "action\ten\twrite\nverbs\tde\tkaufen\n"}}, &c);
  CHECK(st.message().find(
            "filters/action_words.txt:2: expected: action or action-last<TAB>LANG<TAB>WORDS") !=
        std::string::npos);
}

TEST_CASE("context features see content and dropped lines nearby", "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(CompileModel(kWordsModel, &c).ok());
  std::vector<LineFacts> lines(5);
  for (LineFacts& l : lines) l.text = "Menu";
  lines[0].rule = LineFacts::Rule::kContent;
  lines[3].rule = LineFacts::Rule::kDropped;
  std::vector<float> x(kNumLineFeatures);
  c->Features(lines, 2, x.data());
  CHECK(x[Index("prev_dropped")] == 0);
  CHECK(x[Index("next_dropped")] == 1);
  CHECK(x[Index("content_distance")] == Approx(std::log1p(2.0)));
  CHECK(x[Index("content_around")] == Approx(1.0 / 6));
}

std::vector<LineFacts> Facts(const std::vector<std::pair<const char*, LineFacts::Rule>>& spec) {
  std::vector<LineFacts> lines;
  for (const auto& [text, rule] : spec) {
    LineFacts l;
    l.text = text;
    l.rule = rule;
    lines.push_back(l);
  }
  return lines;
}

int WindowIndex(const std::string& name) {
  const std::vector<std::string>& names = WindowFeatureNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<int>(i);
  }
  FAIL("no window feature " << name);
  return -1;
}

TEST_CASE("the window holds the line - its neighbours - the rules and the document",
          "[line_classifier]") {
  REQUIRE(WindowFeatureNames().size() == static_cast<size_t>(kNumWindowFeatures));
  using R = LineFacts::Rule;
  std::vector<LineFacts> lines = Facts({{"Sign in", R::kDropped},
                                        {"Menu", R::kUndecided},
                                        {"Code", R::kSkipped},
                                        {"A paragraph of content here.", R::kContent}});
  CHECK(RuleDroppedShare(lines) == Approx(1.0 / 3));
  float prev[kNumLineFeatures], cur[kNumLineFeatures];
  for (int k = 0; k < kNumLineFeatures; ++k) prev[k] = 10.f + k, cur[k] = 20.f + k;
  std::vector<double> x(kNumWindowFeatures);
  WindowFeatures(lines, 1, prev, cur, nullptr, 0.25, x.data());
  CHECK(x[WindowIndex("log_words")] == 20);
  CHECK(x[WindowIndex("prev_log_words")] == 10);
  CHECK(x[WindowIndex("next_log_words")] == 0);  // no next row given: zeros
  CHECK(x[WindowIndex("rule_undecided")] == 1);
  CHECK(x[WindowIndex("rule_dropped")] == 0);
  CHECK(x[WindowIndex("position")] == Approx(1.0 / 3));
  CHECK(x[WindowIndex("doc_dropped")] == 0.25);
  CHECK(x[WindowIndex("doc_lines")] == 4);
}

TEST_CASE("a crawled page's undecided lines are scored - a clean text is not judged",
          "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(CompileModel(kWordsModel, &c).ok());
  using R = LineFacts::Rule;
  // Two of five lines dropped by the rules: over the gate. One-word lines
  // score 0.12; only undecided ones go.
  std::vector<LineFacts> lines = Facts({{"Home", R::kDropped},
                                        {"Alone", R::kUndecided},
                                        {"two words", R::kUndecided},
                                        {"Footer", R::kDropped},
                                        {"Short", R::kContent}});
  std::vector<LineVerdict> v;
  c->Decide(lines, Favor::kBalanced, &v);
  CHECK(v[1].judged);
  CHECK(v[1].drop);
  CHECK(v[1].score == Approx(1 / (1 + std::exp(2.0))));
  CHECK(c->Reasons(lines, 1, RuleDroppedShare(lines)).find("log_words=0.69") != std::string::npos);
  CHECK_FALSE(v[2].drop);
  CHECK(v[2].judged);
  CHECK_FALSE(v[0].judged);  // the rules decided these
  CHECK_FALSE(v[4].judged);
  // Under the gate (one line of six dropped): nothing is judged.
  lines = Facts({{"Home", R::kDropped},
                 {"Alone", R::kUndecided},
                 {"Para one.", R::kContent},
                 {"Para two.", R::kContent},
                 {"Para three.", R::kContent},
                 {"Para four.", R::kContent}});
  c->Decide(lines, Favor::kBalanced, &v);
  CHECK_FALSE(v[1].judged);
  CHECK_FALSE(v[1].drop);
}

TEST_CASE("each lean of --favor has its threshold - the balanced one stands in", "[line_classifier]") {
  using R = LineFacts::Rule;
  // One-word lines score 0.12, two-word ones 0.88 (no content below: no
  // line is kept as a heading).
  const std::vector<LineFacts> lines = Facts({{"Home", R::kDropped},
                                              {"Alone", R::kUndecided},
                                              {"two words", R::kUndecided},
                                              {"Footer", R::kDropped},
                                              {"Imprint", R::kDropped}});
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(CompileModel(std::string(kWordsModel) + "threshold\trecall\t0.1\n" +
                           "threshold\tprecision\t0.9\n",
                       &c)
              .ok());
  std::vector<LineVerdict> v;
  c->Decide(lines, Favor::kBalanced, &v);
  CHECK(v[1].drop);
  CHECK_FALSE(v[2].drop);
  c->Decide(lines, Favor::kRecall, &v);
  CHECK_FALSE(v[1].drop);
  CHECK_FALSE(v[2].drop);
  c->Decide(lines, Favor::kPrecision, &v);
  CHECK(v[1].drop);
  CHECK(v[2].drop);
  // A file without a lean's threshold: the balanced one.
  REQUIRE(CompileModel(kWordsModel, &c).ok());
  c->Decide(lines, Favor::kPrecision, &v);
  CHECK(v[1].drop);
  CHECK_FALSE(v[2].drop);
  Status st = CompileModel(std::string(kWordsModel) + "threshold\tsome\t0.1\n", &c);
  CHECK(st.message().find("expected: threshold<TAB>precision|recall<TAB>NUMBER") !=
        std::string::npos);
}

// Crawled text of a forum page: the posts, and the furniture around them,
// a quarter of it dropped by the rules (a crawled page by the gate).
const char kCrawled[] =
    "Log in\n"
    "Forum index\n"
    "Similar Questions\n"
    "Public Group 10,197 members\n"
    "+1 (555) 010-7788\n"
    "Has anyone tried growing tomatoes on a north-facing balcony in a cold climate?\n"
    "I tried it last year and the plants grew tall but gave very little fruit, so I would "
    "choose a sunnier spot if you have one, or pick a variety bred for short summers.\n"
    "Thanks, that is really helpful advice and I will look for such a variety this spring.\n"
    "Claim Your Listing\n"
    "754 reviews\n"
    "Customer Service\n"
    "Shipping 4.95\n"
    "Returns 30 days\n"
    "Privacy Policy\n"
    "Terms of Service\n"
    "Subscribe\n";

// The stage with a model of our own in a --filters folder: a line of no
// function words scores 0.27 (noise), prose 0.8 and more. What is tested is
// the machinery, not the shipped model's trees.
Options WithStopWordModel() {
  const std::string dir = testing::ScratchDir("line_classifier_model");
  testing::WriteFile(dir + "/line_classifier.txt",
                     "gate\t0.2\nthreshold\t0.5\nbase\t0\ntree\n"
                     "node\tstop_share\t0.05\t1\t2\t0\nleaf\t-1\nleaf\t1.5\n");
  Options opt;
  opt.input_format = InputFormat::kText;
  opt.filters_dir = dir;
  return opt;
}

TEST_CASE("on a crawled page the furniture the rules leave goes - explained",
          "[line_classifier]") {
  Options opt = WithStopWordModel();
  Options rules = opt;
  rules.filter.line_classifier = false;  // --no-line-classifier
  const std::string rules_only = testing::Clean(kCrawled, rules);
  const std::string with = testing::Clean(kCrawled, opt);
  REQUIRE(opt.filter.line_classifier);  // the default
  // The posts stay either way; the classifier takes the furniture the
  // rules leave ("Claim Your Listing", "Customer Service", ...; "Similar
  // Questions" and the counter under it go by the rules, a lead heading,
  // and so do the phone number, by its shape, and "754 reviews", a line of
  // counts). A short line right above
  // the posts would be kept as their heading (Heading()).
  for (const char* post : {"Has anyone tried growing", "I tried it last year",
                           "Thanks, that is really"}) {
    CHECK(rules_only.find(post) != std::string::npos);
    CHECK(with.find(post) != std::string::npos);
  }
  CHECK(rules_only.find("Similar Questions") == std::string::npos);
  CHECK(rules_only.find("010-7788") == std::string::npos);
  CHECK(rules_only.find("754 reviews") == std::string::npos);
  for (const char* noise : {"Claim Your Listing", "Customer Service", "Returns 30 days"}) {
    CHECK(rules_only.find(noise) != std::string::npos);
    CHECK(with.find(noise) == std::string::npos);
  }
  // Cleaning the output again drops nothing more: the rules drop nothing
  // there, so it is no crawled page.
  CHECK(testing::Clean(with, opt) == with);

  // Each line it drops is explained with its score and strongest reasons.
  std::unique_ptr<Cleaner> cleaner;
  REQUIRE(Cleaner::Create(opt, &cleaner).ok());
  RawDocument raw;
  raw.name = "crawled";
  raw.bytes = kCrawled;
  Document doc;
  testing::CollectingReporter reporter;
  REQUIRE(cleaner->Clean(raw, &doc, &reporter).ok());
  int explained = 0;
  for (const ExplainEvent& e : reporter.events) {
    if (e.rule.rfind("classifier", 0) != 0) continue;
    ++explained;
    CHECK(e.category == "low-content");
    CHECK(e.rule.find("score=0.") != std::string::npos);
    CHECK(e.rule.find("stop_share=0.00") != std::string::npos);
    CHECK(with.find(e.before) == std::string::npos);
  }
  CHECK(explained >= 4);

  // A clean text, whose lines the rules keep, is not judged: its short
  // lines without function words stay.
  const std::string clean =
      "Harvest notes\n"
      "The first tomatoes ripened in the second week of August, later than last year.\n"
      "Yield per plant\n"
      "We picked about four kilograms from each plant, and the cherry kinds gave more.\n";
  CHECK(testing::Clean(clean, opt) == testing::Clean(clean, rules));
  CHECK(testing::Clean(clean, opt).find("Yield per plant") != std::string::npos);

  // HTML input is left to the extractor: the classifier does not run.
  Options html = opt, html_rules = rules;
  html.input_format = html_rules.input_format = InputFormat::kHtml;
  std::string page = "<html><body>";
  for (const char* p = kCrawled; *p != '\0';) {
    const char* end = std::strchr(p, '\n');
    page += "<p>" + std::string(p, end) + "</p>";
    p = end + 1;
  }
  page += "</body></html>";
  CHECK(testing::Clean(page, html) == testing::Clean(page, html_rules));
}

TEST_CASE("the shipped model loads", "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(LineClassifier::Compile(DefaultRuleFiles(), &c).ok());
  CHECK_FALSE(c->empty());
}

TEST_CASE("the feature dump sees every line once - with what the rules said",
          "[line_classifier]") {
  Options opt;
  opt.input_format = InputFormat::kText;
  int lines = 0, content = 0, dropped = 0, weak = 0;
  opt.filter.line_feature_dump = [&](std::string_view, int rule, const float*, int k) {
    ++lines;
    content += rule == 1;
    dropped += rule == 2;
    weak += rule == 4;
    CHECK(k == kNumLineFeatures);
  };
  testing::Clean(kCrawled, opt);
  CHECK(lines == 16);
  CHECK(content == 3);  // the posts
  CHECK(dropped == 4);
  lines = dropped = 0;
  testing::Clean(std::string("Share this article\n") + kCrawled, opt);
  // The rule's line, and the lines its header-block heuristic takes.
  CHECK(lines == 17);
  CHECK(dropped == 5);
  CHECK(weak >= 1);
}

}  // namespace
}  // namespace cleaner
