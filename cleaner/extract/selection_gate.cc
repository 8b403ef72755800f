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

void SetKindFeatures(PageKind kind, GateVector* f) {
  (*f)[kGateForum] = kind == PageKind::kForum;
  (*f)[kGateProduct] = kind == PageKind::kProduct;
  (*f)[kGateCollection] = kind == PageKind::kCollection;
  (*f)[kGateListing] = kind == PageKind::kListing;
  (*f)[kGateService] = kind == PageKind::kService;
  (*f)[kGateDocumentation] = kind == PageKind::kDocumentation;
}

float GateScore(const GateVector& weights, const GateVector& features) {
  float s = 0;
  for (int i = 0; i < kGateFeatureCount; ++i) s += weights[i] * features[i];
  return s;
}

std::string FormatGateFeatures(const GateVector& features) {
  return FormatFeatures(kNames, features);
}

}  // namespace cleaner
