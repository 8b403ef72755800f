// Tests for the page-kind model: its features, its prediction and its
// weights file.
#include "cleaner/extract/page_kind_model.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cleaner/extract/extract_html.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

float Feature(const KindFeatures& x, const char* name) {
  const int i = KindFeatureIndex(name);
  REQUIRE(i >= 0);
  return x[i];
}

RawBlock Block(std::string text, int words, BlockKind kind = BlockKind::kParagraph) {
  RawBlock b;
  b.text = std::move(text);
  b.chars = static_cast<int>(b.text.size());
  b.words = words;
  b.kind = kind;
  return b;
}

TEST_CASE("page-kind features have names that round-trip", "[extract][kind]") {
  for (int i = 0; i < kNumKindFeatures; ++i) CHECK(KindFeatureIndex(KindFeatureName(i)) == i);
  CHECK(KindFeatureIndex("nonsense") == -1);
  for (int k = 0; k < kNumPageKinds; ++k) {
    CHECK(PageKindIndex(PageKindName(static_cast<PageKind>(k))) == k);
  }
  CHECK(PageKindIndex("blog") == -1);
}

TEST_CASE("page-kind features read the declared kind, the text and the address",
          "[extract][kind]") {
  std::vector<RawBlock> blocks = {Block("Desk lamp", 2, BlockKind::kHeading),
                                  Block("Price: $ 24.90 with free delivery", 6),
                                  Block("Only 3 left in stock", 5, BlockKind::kListItem)};
  KindFeatures x = ComputeKindFeatures(PageKind::kProduct, "schema.org type product",
                                       "https://shop.example/p/lamp-204518.html?ref=x", blocks, {});
  CHECK(Feature(x, "bias") == 1.f);
  CHECK(Feature(x, "rule_product") == 1.f);
  CHECK(Feature(x, "rule_article") == 0.f);
  CHECK(Feature(x, "declared") == 1.f);
  CHECK(Feature(x, "from_url") == 0.f);
  CHECK(Feature(x, "prices") == Approx(0.1f));
  CHECK(Feature(x, "heading_share") == Approx(1.f / 3));
  CHECK(Feature(x, "url_numeric_id") == 1.f);
  CHECK(Feature(x, "url_query") == 1.f);
  CHECK(Feature(x, "url_file") == 1.f);
  CHECK(Feature(x, "url_year") == 0.f);
  CHECK(Feature(x, "url_root") == 0.f);
  CHECK(Feature(x, "dated") == 0.f);
  CHECK(Feature(x, "authored") == 0.f);
  // What the metadata declares: a publication date, an author.
  KindSignals signals;
  signals.dated = true;
  x = ComputeKindFeatures(PageKind::kArticle, "", "", blocks, {}, signals);
  CHECK(Feature(x, "dated") == 1.f);
  CHECK(Feature(x, "authored") == 0.f);
  signals.authored = true;
  x = ComputeKindFeatures(PageKind::kArticle, "", "", blocks, {}, signals);
  CHECK(Feature(x, "authored") == 1.f);
  // An article by no evidence is no verdict: no rule feature is set.
  x = ComputeKindFeatures(PageKind::kArticle, "no evidence", "https://news.example/2024/05/story",
                          blocks, {});
  for (const char* rule : {"rule_article", "rule_forum", "rule_product", "rule_collection",
                           "rule_listing", "rule_service", "rule_documentation"}) {
    CHECK(Feature(x, rule) == 0.f);
  }
  CHECK(Feature(x, "url_year") == 1.f);
  CHECK(Feature(x, "url_depth") == Approx(3.f / 6));
  CHECK(Feature(x, "url_known") == 1.f);
  x = ComputeKindFeatures(PageKind::kService, "url is a site's home page", "https://acme.example/",
                          {}, {});
  CHECK(Feature(x, "url_root") == 1.f);
  CHECK(Feature(x, "from_url") == 1.f);
  CHECK(Feature(x, "log_text") == 0.f);
  // A number is no price without a currency sign next to it.
  x = ComputeKindFeatures(PageKind::kArticle, "", "", {Block("In 2024 we sold 300 lamps", 6)}, {});
  CHECK(Feature(x, "prices") == 0.f);
  CHECK(Feature(x, "url_known") == 0.f);
  // Text under an element with the comments verdict, or under its
  // descendants, is comment text.
  std::vector<Elem> elems(3);
  elems[0].verdict = kComments;
  elems[1].parent = 0;
  elems[2].parent = -1;
  std::vector<RawBlock> thread = {Block("First reply to the story", 4), Block("Second reply", 2),
                                  Block("The story itself, told at some length here", 8)};
  thread[0].owner = 0;
  thread[1].owner = 1;
  thread[2].owner = 2;
  x = ComputeKindFeatures(PageKind::kArticle, "", "", thread, elems);
  const float replies = static_cast<float>(thread[0].chars + thread[1].chars);
  CHECK(Feature(x, "comment_share") == Approx(replies / (replies + thread[2].chars)));
}

TEST_CASE("the page-kind model picks the kind with the highest score", "[extract][kind]") {
  PageKindModel m;
  KindFeatures x{};
  x[0] = 1;
  x[KindFeatureIndex("card_share")] = 0.8f;
  m.weights[static_cast<int>(PageKind::kArticle)][0] = 1.f;
  m.weights[static_cast<int>(PageKind::kListing)][KindFeatureIndex("card_share")] = 5.f;
  float p = 0;
  CHECK(PredictKind(m, x, &p) == PageKind::kListing);
  CHECK(p > 0.5f);
  CHECK(p < 1.f);
  x[KindFeatureIndex("card_share")] = 0.f;
  CHECK(PredictKind(m, x, &p) == PageKind::kArticle);
  std::string s = FormatKindFeatures(x);
  CHECK(s.rfind("rule_article=0.0000 ", 0) == 0);
  CHECK(s.find("bias") == std::string::npos);
}

TEST_CASE("page-kind weights are read from filters and named in --explain", "[extract][kind]") {
  auto compile = [](const std::string& text, std::unique_ptr<const ExtractRules>* rules) {
    // The shipped model replaced by `text`.
    std::vector<RuleFile> files;
    for (const RuleFile& f : DefaultRuleFiles()) {
      if (f.name != "extract_page_kind.txt") files.push_back(f);
    }
    files.push_back({"extract_page_kind.txt", text});
    return ExtractRules::Compile(files, rules);
  };
  std::unique_ptr<const ExtractRules> rules;
  Status st = compile("kind\tblog\tbias\t1\n", &rules);
  CHECK(!st.ok());
  CHECK(st.message().find("extract_page_kind.txt:1: unknown page kind 'blog'") != std::string::npos);
  CHECK(!compile("kind\tlisting\tcolour\t1\n", &rules).ok());
  CHECK(!compile("kind\tlisting\tbias\tlots\n", &rules).ok());
  CHECK(!compile("kind\tlisting\tbias\n", &rules).ok());
  // A model that calls every page a listing: the page declares nothing,
  // the model decides, and the explain line says so.
  REQUIRE(compile("kind\tlisting\tbias\t3\n", &rules).ok());
  const std::string page =
      "<html><body><h1>Lamps</h1><p>A lamp for every desk in the house, in brass and in steel, "
      "with a long cord and a soft light.</p></body></html>";
  testing::TestDoc doc;
  testing::CollectingSink sink;
  REQUIRE(ExtractHtml(page, *rules, ExtractOptions(), LimitOptions(), doc.info(), &sink).ok());
  CHECK(doc.metadata.page_type == "listing");
  bool model = false, features = false;
  for (const ExplainEvent& e : doc.reporter.events) {
    if (e.category == "page_type" && e.rule.rfind("page-kind model p=", 0) == 0) {
      model = true;
      CHECK(e.rule.find("declared: article, no evidence") != std::string::npos);
    }
    if (e.rule == "page-kind-features") features = e.after.find("prose_share=") != std::string::npos;
  }
  CHECK(model);
  CHECK(features);
  // An empty file: the declared kind stands.
  REQUIRE(compile("", &rules).ok());
  testing::TestDoc plain;
  REQUIRE(ExtractHtml(page, *rules, ExtractOptions(), LimitOptions(), plain.info(), &sink).ok());
  CHECK(plain.metadata.page_type == "article");
}

}  // namespace
}  // namespace cleaner
