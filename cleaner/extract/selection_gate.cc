// Stage 2a, extract: the selection gate. See selection_gate.h.
#include "cleaner/extract/selection_gate.h"

#include "cleaner/extract/feature_names.h"

namespace cleaner {

namespace {

constexpr std::array<const char*, kGateFeatureCount> kNames = {
    "bias",          "text_share", "prose_share", "prose_density", "log_text",
    "repeated_share", "headings",  "link_density", "log_chosen_prose", "kind_forum",   "kind_product",
    "kind_collection", "kind_listing", "kind_service", "kind_documentation",
};

}  // namespace

const char* GateFeatureName(int feature) { return NameAt(kNames, feature); }

int GateFeatureIndex(std::string_view name) { return IndexOfName(kNames, name); }

static_assert(kGateDocumentation == kGateForum + 5, "the kinds' features in PageKind's order");

void SetKindFeatures(PageKind kind, GateVector* f) { SetKindOneHot(kind, kGateForum, f); }

float GateScore(const GateVector& weights, const GateVector& features) {
  float s = 0;
  for (int i = 0; i < kGateFeatureCount; ++i) s += weights[i] * features[i];
  return s;
}

std::string FormatGateFeatures(const GateVector& features) {
  return FormatFeatures(kNames, features);
}

}  // namespace cleaner
