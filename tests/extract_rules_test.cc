// Tests for the extraction rules (cleaner/extract/extract_rules.h): how
// filters/extract_*.txt is checked and compiled into ExtractRules::Rep.
#include "cleaner/extract/extract_rules.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cleaner/rules.h"

namespace cleaner {
namespace {

std::unique_ptr<const ExtractRules> Compiled(const std::string& text) {
  std::vector<RuleFile> files{{"extract_test.txt", text}};
  std::unique_ptr<const ExtractRules> r;
  Status st = ExtractRules::Compile(files, &r);
  REQUIRE(st.ok());
  return r;
}

TEST_CASE("rule files are checked", "[extract][rules]") {
  auto compile = [](const std::string& text) {
    std::vector<RuleFile> files{{"extract_test.txt", text}};
    std::unique_ptr<const ExtractRules> r;
    return ExtractRules::Compile(files, &r);
  };
  CHECK(compile("token\tdrop\tsidebar\n").ok());
  CHECK(compile("token\tpositive\tarticle\t40\n").ok());
  Status bad = compile("# comment\ntoken\tvanish\tsidebar\n");
  CHECK_FALSE(bad.ok());
  CHECK(bad.message().find("filters/extract_test.txt:2") != std::string::npos);
  CHECK_FALSE(compile("tag\tdrop\tnotatag\n").ok());
  CHECK_FALSE(compile("token\tdrop\t*\n").ok());
  CHECK_FALSE(compile("token\tpositive\tx\tmany\n").ok());
  CHECK_FALSE(compile("frobnicate\tdrop\tx\n").ok());
  CHECK(compile("gate\ttext_share\t-1.5\n").ok());
  CHECK_FALSE(compile("gate\tno_such_feature\t1\n").ok());
  CHECK_FALSE(compile("gate\tbias\tlots\n").ok());
  CHECK_FALSE(compile("gate\tbias\t1e9\n").ok());
  // Page-kind scopes: known kinds, on drop and comments verdicts only.
  CHECK(compile("token\tcomments@product\treview*\n").ok());
  CHECK(compile("token\tdrop@article,forum\tcaption\n").ok());
  CHECK_FALSE(compile("token\tdrop@shop\tx\n").ok());
  CHECK_FALSE(compile("token\tdrop@article,\tx\n").ok());
  CHECK_FALSE(compile("token\tpositive@article\tx\n").ok());
}

TEST_CASE("token rules are indexed by whole name - part - prefix and suffix", "[extract][rules]") {
  auto rules = Compiled(
      "token\tdrop\tSidebar*\n"
      "token\tdrop\t*-ad\n"
      "token\tcomments\t=comments\n"
      "token\tpositive\tstory\t40\n"
      "token\tnegative\tpromo\n"
      "tag\tdrop\tnav\n"
      "role\tdrop\tNavigation\n"
      "itemprop\tpositive\tarticleBody\t50\n"
      "token\tbyline\tauthor-line\n"
      "token\tdrop@forum,product\tcaption\n");
  const ExtractRules::Rep& rep = rules->rep();
  // Names are lowered; "X*" and "*X" are prefixes and suffixes.
  REQUIRE(rep.prefixes.size() == 1);
  CHECK(rep.prefixes[0].first == "sidebar");
  CHECK(rep.prefixes[0].second->verdict == kDrop);
  CHECK(rep.prefixes[0].second->origin == "filters/extract_test.txt:1");
  REQUIRE(rep.suffixes.size() == 1);
  CHECK(rep.suffixes[0].first == "-ad");
  // "=X" matches only a whole class or id, not a part of one.
  CHECK(rep.whole.count("comments") == 1);
  CHECK(rep.tokens.count("comments") == 0);
  CHECK(rep.whole.at("comments")->verdict == kComments);
  // Weights: 25 unless given, negative for a negative verdict.
  CHECK(rep.tokens.at("story")->weight == 40);
  CHECK(rep.tokens.at("promo")->weight == -25);
  CHECK(rep.tokens.at("promo")->verdict == kNegative);
  REQUIRE(rep.tags[GUMBO_TAG_NAV] != nullptr);
  CHECK(rep.tags[GUMBO_TAG_NAV]->tag_rule);
  CHECK(rep.tags[GUMBO_TAG_DIV] == nullptr);
  CHECK(rep.roles.count("navigation") == 1);
  // Itemprop values are matched as written.
  CHECK(rep.itemprops.at("articleBody")->weight == 50);
  // A byline is a drop whose text becomes the author.
  CHECK(rep.tokens.at("author-line")->verdict == kDrop);
  CHECK(rep.tokens.at("author-line")->byline);
  // A scoped verdict holds on the kinds it names.
  const uint8_t kinds = rep.tokens.at("caption")->kinds;
  CHECK(kinds == ((1u << static_cast<int>(PageKind::kForum)) |
                  (1u << static_cast<int>(PageKind::kProduct))));
}

TEST_CASE("the verdicts without a rule are drops of their own", "[extract][rules]") {
  using extract_internal::HiddenRule;
  using extract_internal::ModalRule;
  CHECK(HiddenRule().verdict == kDrop);
  CHECK(ModalRule().verdict == kDrop);
  CHECK(HiddenRule().origin == "hidden-element");
  CHECK(ModalRule().origin == "modal-dialog");
  CHECK(&HiddenRule() != &ModalRule());
}

}  // namespace
}  // namespace cleaner
