// Tests for the block model: its file, its score, and its verdicts in the
// selection (cleaner/extract/block_model.h, block_scoring.cc).
#include "cleaner/extract/block_model.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/extract_test_util.h"

namespace cleaner {
namespace {

using testing::HtmlPage;
using testing::ProseParagraph;
using testing::SelectHtml;

Status Load(const std::string& text, BlockModel* model) {
  *model = BlockModel();
  return LoadBlockModel({RuleFile{"block_model.txt", text}}, model);
}

// One tree: prose scores +1, anything else -1.
const char* kProseModel =
    "base\t0\nthreshold\t0\ntree\nnode\tprose\t0.5\t1\t2\t0\nleaf\t-1\nleaf\t1\n";

TEST_CASE("block features have names that round-trip", "[extract][block_model]") {
  for (int i = 0; i < kBlockFeatureCount; ++i) CHECK(BlockFeatureIndex(BlockFeatureName(i)) == i);
  CHECK(BlockFeatureIndex("nonsense") == -1);
}

TEST_CASE("the block model file is checked line by line", "[extract][block_model]") {
  BlockModel m;
  REQUIRE(
      Load(std::string(kProseModel) + "threshold\tproduct\t0.5\ndrop\t-2\ndrop\tforum\t-1\n", &m)
          .ok());
  CHECK_FALSE(m.empty());
  CHECK(m.threshold(PageKind::kArticle) == 0);
  CHECK(m.threshold(PageKind::kProduct) == 0.5);
  CHECK(m.drop(PageKind::kArticle) == -2);
  CHECK(m.drop(PageKind::kForum) == -1);
  // A drop threshold is never above the kind's threshold; unset, it is it.
  REQUIRE(Load(std::string(kProseModel) + "drop\t3\n", &m).ok());
  CHECK(m.drop(PageKind::kListing) == 0);
  REQUIRE(Load(kProseModel, &m).ok());
  CHECK(m.drop(PageKind::kListing) == 0);

  // --favor's shifts: 0 unless given.
  CHECK(m.shift(Favor::kPrecision) == 0);
  REQUIRE(Load(std::string(kProseModel) + "favor\tprecision\t2\nfavor\trecall\t-1.5\n", &m).ok());
  CHECK(m.shift(Favor::kBalanced) == 0);
  CHECK(m.shift(Favor::kPrecision) == 2);
  CHECK(m.shift(Favor::kRecall) == -1.5);

  Status st = Load(std::string(kProseModel) + "favor\tsome\t1\n", &m);
  CHECK(st.message().find(":7: expected: favor<TAB>precision|recall<TAB>NUMBER") !=
        std::string::npos);
  st = Load("base\t0\ntree\nleaf\t1\n", &m);
  CHECK(st.message().find("needs base, threshold and a tree") != std::string::npos);
  st = Load("base\t0\nthreshold\tshop\t1\ntree\nleaf\t1\n", &m);
  CHECK(st.message().find("block_model.txt:2: expected: base") != std::string::npos);
  st = Load("base\t0\nthreshold\t0\ntree\nnode\tnope\t1\t1\t2\t0\nleaf\t0\nleaf\t0\n", &m);
  CHECK(st.message().find(":4: unknown feature 'nope'") != std::string::npos);
  st = Load("base\t0\nthreshold\t0\ntree\nnode\tprose\t1\t1\t2\t0\nleaf\t0\ntree\nleaf\t0\n", &m);
  CHECK(st.message().find("a node's child is past its tree") != std::string::npos);
  // Thresholds without trees are no model but a broken file.
  st = Load("threshold\tproduct\t1\n", &m);
  CHECK(st.message().find("needs base, threshold and a tree") != std::string::npos);
  // Comments only, or no file: no model.
  REQUIRE(Load("# retrained soon\n", &m).ok());
  CHECK(m.empty());
  m = BlockModel();
  REQUIRE(LoadBlockModel({}, &m).ok());
  CHECK(m.empty());
}

TEST_CASE("the block score is the base and the leaves reached", "[extract][block_model]") {
  BlockModel m;
  REQUIRE(Load(std::string(kProseModel) +
                   "tree\nnode\tlink_density\t0.5\t1\t2\t0\nleaf\t0.25\nleaf\t-3\n",
               &m)
              .ok());
  BlockVector x{};
  x[kBlockProse] = 1;
  CHECK(BlockScore(m, x) == Approx(1.25));
  x[kBlockLinkDensity] = 0.9f;
  CHECK(BlockScore(m, x) == Approx(-2));
  x[kBlockProse] = 0;
  CHECK(BlockScore(m, x) == Approx(-4));
}

// An article of prose with a short line in it that the selection keeps.
std::string Article() {
  return HtmlPage("<article><h1>The story</h1>" + ProseParagraph(1) + ProseParagraph(2) +
                  "<p>Filed under Town</p>" + ProseParagraph(3) + "</article>");
}

TEST_CASE("the block model drops and keeps blocks - every drop explained",
          "[extract][block_model]") {
  const std::string html = Article();
  auto plain = SelectHtml(html);
  auto kept = plain.Kept();
  REQUIRE(std::find(kept.begin(), kept.end(), "Filed under Town") != kept.end());

  BlockModel m;
  REQUIRE(Load(kProseModel, &m).ok());
  auto judged = SelectHtml(html, PageKind::kArticle, "", nullptr, &m);
  kept = judged.Kept();
  CHECK(std::find(kept.begin(), kept.end(), "Filed under Town") == kept.end());
  CHECK(std::find(kept.begin(), kept.end(), "The story") == kept.end());
  CHECK(kept.size() == 3);  // the prose
  const ExplainEvent* e = judged.Event("block-model");
  REQUIRE(e != nullptr);
  CHECK(e->action == ExplainEvent::Action::kDrop);
  CHECK(e->after.find("block model score -1.000") != std::string::npos);

  // A drop threshold under the blocks' scores: the selection's blocks stay.
  REQUIRE(Load(std::string(kProseModel) + "drop\t-2\n", &m).ok());
  CHECK(SelectHtml(html, PageKind::kArticle, "", nullptr, &m).Kept() == plain.Kept());
  // The threshold of another kind is not this page's.
  REQUIRE(Load(std::string(kProseModel) + "drop\tproduct\t-2\n", &m).ok());
  CHECK(SelectHtml(html, PageKind::kProduct, "", nullptr, &m).Kept() == plain.Kept());
  CHECK(SelectHtml(html, PageKind::kArticle, "", nullptr, &m).Kept().size() == 3);

  // --favor recall moves every threshold down by its shift: the blocks
  // scoring -1 are kept.
  REQUIRE(Load(std::string(kProseModel) + "favor\trecall\t-1.5\n", &m).ok());
  ExtractOptions recall;
  recall.favor = Favor::kRecall;
  kept = SelectHtml(html, PageKind::kArticle, "", nullptr, &m, recall).Kept();
  CHECK(std::find(kept.begin(), kept.end(), "Filed under Town") != kept.end());
  CHECK(kept.size() > 3);
  CHECK(SelectHtml(html, PageKind::kArticle, "", nullptr, &m).Kept().size() == 3);
}

TEST_CASE("a rule's drop is the model's evidence - a hidden block is not judged",
          "[extract][block_model]") {
  const std::string html = HtmlPage(
      "<article>" + ProseParagraph(1) + ProseParagraph(2) + "</article><div class=\"related\">" +
      ProseParagraph(3) + "</div><div style=\"display:none\">" + ProseParagraph(4) + "</div>");
  const auto plain = SelectHtml(html).Kept();
  REQUIRE(plain.size() == 2);
  BlockModel m;
  // Prose is content, whatever the rules said.
  REQUIRE(Load(kProseModel, &m).ok());
  auto s = SelectHtml(html, PageKind::kArticle, "", nullptr, &m);
  const auto kept = s.Kept();
  REQUIRE(kept.size() == 3);
  CHECK(kept[2].find("sentence number 3 ") != std::string::npos);
  const auto said = s.Said("block-model-kept");
  REQUIRE(said.size() == 1);
  CHECK(said[0].find("kept against the rules: \"This is sentence number 3") != std::string::npos);
  // The rule's drop stays said, overruled by the line above.
  CHECK(s.Event("filters/extract_classes.txt") == nullptr);
  bool rule_said = false;
  for (const ExplainEvent& e : s.events) {
    rule_said |= e.rule.rfind("filters/extract_classes.txt", 0) == 0 &&
                 e.before.find("sentence number 3") != std::string::npos;
  }
  CHECK(rule_said);
  // Overruling a rule may take a higher score than keeping a block the
  // selection left: above this page kind's overrule threshold only.
  REQUIRE(Load(std::string(kProseModel) + "overrule\t2\n", &m).ok());
  CHECK(m.overrule(PageKind::kArticle) == 2);
  CHECK(SelectHtml(html, PageKind::kArticle, "", nullptr, &m).Kept() == plain);
  REQUIRE(Load(std::string(kProseModel) + "overrule\t2\noverrule\tproduct\t0.5\n", &m).ok());
  CHECK(SelectHtml(html, PageKind::kProduct, "", nullptr, &m).Kept().size() == 3);
  // Never under the threshold: unset, or lower, it is the threshold.
  REQUIRE(Load(std::string(kProseModel) + "overrule\t-3\n", &m).ok());
  CHECK(m.overrule(PageKind::kArticle) == 0);
  REQUIRE(Load(kProseModel, &m).ok());
  CHECK(m.overrule(PageKind::kListing) == 0);
  // A rule's drop with the feature: the model can keep to it.
  REQUIRE(
      Load(std::string(kProseModel) + "tree\nnode\trule_dropped\t0.5\t1\t2\t0\nleaf\t0\nleaf\t-5\n",
           &m)
          .ok());
  CHECK(SelectHtml(html, PageKind::kArticle, "", nullptr, &m).Kept() == plain);
  // A heading alone is not the text: a model that keeps only the heading
  // of a short page leaves the selection too (its heading was longer than
  // an eighth of the page, and the title heading goes later: the page came
  // out empty).
  const std::string topic = HtmlPage(
      "<article><h2>Vehicle rental news and reporting coverage from the newsroom</h2>"
      "<p>Stay up to date with our rental news.</p></article>");
  const auto topic_plain = SelectHtml(topic).Kept();
  REQUIRE(topic_plain.size() == 2);
  REQUIRE(Load("base\t0\nthreshold\t0\ntree\nnode\theading\t0.5\t1\t2\t0\nleaf\t-1\nleaf\t1\n", &m)
              .ok());
  CHECK(SelectHtml(topic, PageKind::kArticle, "", nullptr, &m).Kept() == topic_plain);
}

TEST_CASE("comment sections kept by --keep-comments are not judged", "[extract][block_model]") {
  const std::string html =
      HtmlPage("<article>" + ProseParagraph(1) + ProseParagraph(2) +
               "</article><div class=\"comments\"><p>Great story</p><p>Thanks for it</p></div>");
  ExtractOptions options;
  options.keep_comments = true;
  BlockModel m;
  // Prose only: the short comments would go, were they judged.
  REQUIRE(Load(kProseModel, &m).ok());
  const auto kept = SelectHtml(html, PageKind::kArticle, "", nullptr, &m, options).Kept();
  CHECK(std::find(kept.begin(), kept.end(), "Great story") != kept.end());
  CHECK(std::find(kept.begin(), kept.end(), "Thanks for it") != kept.end());
  CHECK(kept.size() == 4);
}

TEST_CASE("a block model that keeps next to nothing leaves the selection",
          "[extract][block_model]") {
  const std::string html = Article();
  const auto plain = SelectHtml(html).Kept();
  BlockModel m;
  // Nothing scores above 5.
  REQUIRE(
      Load("base\t0\nthreshold\t5\ntree\nnode\tprose\t0.5\t1\t2\t0\nleaf\t-1\nleaf\t1\n", &m).ok());
  auto s = SelectHtml(html, PageKind::kArticle, "", nullptr, &m);
  CHECK(s.Kept() == plain);
  bool said = false;
  for (const std::string& a : s.Said("block-model")) {
    said |= a.find("; the selection stands") != std::string::npos;
  }
  CHECK(said);
  // Only the short line (under a paragraph's worth and an eighth of the
  // selection): the selection stands too.
  REQUIRE(
      Load("base\t0\nthreshold\t0\ntree\nnode\tprose\t0.5\t1\t2\t0\nnode\theading\t0.5\t3\t4\t0\n"
           "leaf\t-1\nleaf\t1\nleaf\t-1\n",
           &m)
          .ok());
  CHECK(SelectHtml(html, PageKind::kArticle, "", nullptr, &m).Kept() == plain);
}

TEST_CASE("a block model that keeps under a line of headings and a date leaves the selection",
          "[extract][block_model]") {
  // A schedule whose selection holds its headings and a date: a model that
  // keeps the date alone (which the filter then drops as a dateline) would
  // leave the page empty.
  const std::string html = HtmlPage(
      "<main><h2>League schedule</h2><h3>Matchup</h3><h3>Result</h3><h3>Passing leader</h3>"
      "<p>Sunday, February 8, 2026</p></main>");
  const auto plain = SelectHtml(html).Kept();
  REQUIRE(plain.size() == 5);
  BlockModel m;
  // Headings score -1, the rest 1.
  REQUIRE(Load("base\t0\nthreshold\t0\ntree\nnode\theading\t0.5\t1\t2\t0\nleaf\t1\nleaf\t-1\n",
               &m)
              .ok());
  auto s = SelectHtml(html, PageKind::kListing, "", nullptr, &m);
  CHECK(s.Kept() == plain);
  bool said = false;
  for (const std::string& a : s.Said("block-model")) {
    said |= a.find("characters the selection kept; the selection stands") != std::string::npos;
  }
  CHECK(said);
}

TEST_CASE("the feature dump sees every block the rules leave once", "[extract][block_model]") {
  const std::string html =
      HtmlPage("<nav><a href=/>Home</a> <a href=/a>About</a></nav><article>" + ProseParagraph(1) +
               ProseParagraph(2) + "</article><div class=sidebar-note><p>Open daily</p></div>");
  ExtractOptions options;
  std::vector<std::string> texts;
  std::vector<bool> kept;
  std::vector<float> prose;
  options.block_feature_dump = [&](std::string_view text, bool k, const float* x, int n) {
    REQUIRE(n == kBlockFeatureCount);
    texts.emplace_back(text);
    kept.push_back(k);
    prose.push_back(x[kBlockProse]);
  };
  auto s = SelectHtml(html, PageKind::kArticle, "", nullptr, nullptr, options);
  REQUIRE(texts.size() >= 2);
  for (size_t i = 0; i < texts.size(); ++i) {
    const auto k = s.Kept();
    CHECK(kept[i] == (std::find(k.begin(), k.end(), texts[i]) != k.end()));
    CHECK(std::count(texts.begin(), texts.end(), texts[i]) == 1);
  }
  CHECK(prose[0] == (texts[0].find("sentence number") != std::string::npos ? 1.f : 0.f));
}

TEST_CASE("the shipped block model loads", "[extract][block_model]") {
  BlockModel m;
  REQUIRE(LoadBlockModel(DefaultRuleFiles(), &m).ok());
}

}  // namespace
}  // namespace cleaner
