// Tests for the selection gate's features and score.
#include "cleaner/extract/selection_gate.h"

#include <catch2/catch.hpp>

#include <string>

namespace cleaner {
namespace {

TEST_CASE("gate features have names that round-trip", "[extract][gate]") {
  for (int i = 0; i < kGateFeatureCount; ++i) CHECK(GateFeatureIndex(GateFeatureName(i)) == i);
  CHECK(GateFeatureIndex("nonsense") == -1);
  CHECK(std::string(GateFeatureName(kGateFeatureCount)).empty());
}

TEST_CASE("the gate's score is the weighted sum of its features", "[extract][gate]") {
  GateVector w{}, f{};
  CHECK(GateScore(w, f) == 0.f);  // no model: the selection
  w[kGateBias] = 1.f;
  w[kGateTextShare] = -2.f;
  f[kGateBias] = 1.f;
  f[kGateTextShare] = 0.25f;
  CHECK(GateScore(w, f) == Approx(0.5f));
  SetKindFeatures(PageKind::kProduct, &f);
  CHECK(f[kGateProduct] == 1.f);
  CHECK(f[kGateForum] == 0.f);
  SetKindFeatures(PageKind::kArticle, &f);
  CHECK(f[kGateProduct] == 0.f);
  std::string s = FormatGateFeatures(f);
  CHECK(s.rfind("text_share=0.2500 ", 0) == 0);
  CHECK(s.find("bias") == std::string::npos);
}

}  // namespace
}  // namespace cleaner
