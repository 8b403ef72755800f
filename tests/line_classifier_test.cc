// Tests for the filter stage's line classifier (cleaner/filter/
// line_classifier.*): the model file's format, the features, the context
// pass, and the stage with --line-classifier (explain, idempotence, off by
// default).
#include "cleaner/filter/line_classifier.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>

#include "cleaner/cleaner.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

Status CompileModel(const std::string& text, std::unique_ptr<const LineClassifier>* out) {
  std::vector<RuleFile> files{{"stopwords.txt", "stopwords\ten\tthe of and to a in is that\n"},
                              {"line_classifier.txt", text}};
  return LineClassifier::Compile(files, out);
}

// A model that reads only the number of words: a line of one word scores
// about 0.12, of two about 0.5, of three or more over 0.8.
const char kWordsModel[] =
    "bias\t0\n"
    "drop_below\t0.3\n"
    "keep_above\t0.7\n"
    "feature\tlog_words\t4\t1.1\t0.5\n";

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

  Status st = CompileModel("bias\t0\ndrop_below\t0.3\nkeep_above\t0.7\nfeature\tnope\t1\t0\t1\n", &c);
  CHECK(st.message().find("filters/line_classifier.txt:4: unknown feature 'nope'") !=
        std::string::npos);
  st = CompileModel("bias\t0\ndrop_below\t0.3\nfeature\tlog_words\t1\t0\t1\n", &c);
  CHECK(st.message().find("needs bias, drop_below and keep_above") != std::string::npos);
  st = CompileModel("bias\t0\ndrop_below\t0.9\nkeep_above\t0.2\n", &c);
  CHECK_FALSE(st.ok());
  st = CompileModel("bias\t0\ndrop_below\t1.5\nkeep_above\t2\n", &c);
  CHECK(st.message().find("a threshold is in [0, 1]") != std::string::npos);
  st = CompileModel("bias\t0\ndrop_below\t0.1\nkeep_above\t0.2\nfeature\tlog_words\tx\t0\t1\n", &c);
  CHECK(st.message().find(":4: weight, mean and scale must be numbers") != std::string::npos);

  // Without a model file the classifier judges nothing.
  std::vector<RuleFile> none{{"stopwords.txt", "stopwords\ten\tthe\n"}};
  REQUIRE(LineClassifier::Compile(none, &c).ok());
  CHECK(c->empty());
  std::vector<LineFacts> lines(1);
  lines[0].text = "x";
  std::vector<LineVerdict> v;
  c->Decide(lines, &v);
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

TEST_CASE("uncertain lines take the side of the nearest certain lines", "[line_classifier]") {
  std::unique_ptr<const LineClassifier> c;
  REQUIRE(CompileModel(kWordsModel, &c).ok());
  using R = LineFacts::Rule;
  // "two words" scores 0.5: uncertain. Between dropped lines it goes; next
  // to content it stays; a one-word line goes by itself.
  std::vector<LineFacts> lines = Facts({{"Content paragraph", R::kContent},
                                        {"Sign in", R::kDropped},
                                        {"two words", R::kUndecided},
                                        {"More links", R::kDropped},
                                        {"Alone", R::kUndecided},
                                        {"Footer", R::kDropped},
                                        {"Imprint", R::kDropped},
                                        {"many words in this line", R::kUndecided},
                                        {"both sides", R::kUndecided},
                                        {"Content again", R::kContent}});
  std::vector<LineVerdict> v;
  c->Decide(lines, &v);
  CHECK(v[2].drop);
  CHECK(v[2].by_context);
  CHECK(v[2].reasons.find("prev_dropped") == std::string::npos);  // not in this model
  CHECK(v[4].drop);
  CHECK_FALSE(v[4].by_context);
  CHECK(v[4].score < 0.3);
  CHECK(v[4].reasons.find("log_words=") != std::string::npos);
  CHECK_FALSE(v[7].drop);
  CHECK_FALSE(v[8].drop);
  CHECK_FALSE(v[0].judged);
  CHECK_FALSE(v[1].judged);

  // A short line with content right under it (a byline may stand between)
  // is a heading and stays.
  lines = Facts({{"Menu", R::kDropped},
                 {"Headline", R::kUndecided},
                 {"By the reporter", R::kDropped},
                 {"The article starts here.", R::kContent}});
  c->Decide(lines, &v);
  CHECK_FALSE(v[1].drop);

  // A document without certain content keeps its uncertain lines.
  lines = Facts({{"Sign in", R::kDropped}, {"two words", R::kUndecided}});
  c->Decide(lines, &v);
  CHECK_FALSE(v[1].drop);
}

// Crawled text of a forum page: the posts, and the furniture around them.
const char kCrawled[] =
    "Forum index\n"
    "Similar Questions\n"
    "Public Group 10,197 members\n"
    "754 reviews\n"
    "+1 (555) 010-7788\n"
    "Has anyone tried growing tomatoes on a north-facing balcony in a cold climate?\n"
    "I tried it last year and the plants grew tall but gave very little fruit, so I would "
    "choose a sunnier spot if you have one, or pick a variety bred for short summers.\n"
    "Thanks, that is really helpful advice and I will look for such a variety this spring.\n"
    "Claim Your Listing\n"
    "Customer Service\n"
    "Shipping 4.95\n"
    "Returns 30 days\n";

// The stage with a model of our own in a --filters folder: a line with no
// function words scores 0.23 (noise), prose 0.75 and more (content). What
// is tested is the machinery, not the shipped model's weights.
Options WithStopWordModel() {
  const std::string dir = testing::ScratchDir("line_classifier_model");
  testing::WriteFile(dir + "/line_classifier.txt",
                     "bias\t0\ndrop_below\t0.3\nkeep_above\t0.7\n"
                     "feature\tstop_share\t8\t0.15\t1\n");
  Options opt;
  opt.input_format = InputFormat::kText;
  opt.filters_dir = dir;
  opt.filter.line_classifier = true;
  return opt;
}

TEST_CASE("with --line-classifier the crawled furniture the rules leave goes - explained",
          "[line_classifier]") {
  Options opt = WithStopWordModel();
  Options rules = opt;
  rules.filter.line_classifier = false;
  const std::string rules_only = testing::Clean(kCrawled, rules);
  const std::string with = testing::Clean(kCrawled, opt);
  // The posts stay either way; the classifier takes the furniture the
  // rules leave ("Similar Questions", "Claim Your Listing", ...), except
  // the line right above the posts, which could be their heading.
  for (const char* post : {"Has anyone tried growing", "I tried it last year",
                           "Thanks, that is really"}) {
    CHECK(rules_only.find(post) != std::string::npos);
    CHECK(with.find(post) != std::string::npos);
  }
  for (const char* noise : {"Similar Questions", "Claim Your Listing", "Customer Service",
                            "Returns 30 days"}) {
    CHECK(rules_only.find(noise) != std::string::npos);
    CHECK(with.find(noise) == std::string::npos);
  }
  CHECK(with.find("+1 (555) 010-7788") != std::string::npos);
  // Off by default.
  Options defaults;
  defaults.input_format = InputFormat::kText;
  defaults.filters_dir = opt.filters_dir;
  CHECK(testing::Clean(kCrawled, defaults) == rules_only);
  // Cleaning the output again drops nothing more.
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
  CHECK(lines == 12);
  CHECK(content == 3);  // the posts
  lines = 0;
  testing::Clean(std::string("Share this article\n") + kCrawled, opt);
  // The rule's line, and the lines its header-block heuristic takes.
  CHECK(lines == 13);
  CHECK(dropped == 1);
  CHECK(weak >= 1);
}

}  // namespace
}  // namespace cleaner
