// Stage 2a, extract: the selection gate. The main-content selection picks
// one container and its siblings, which is what a reader calls the content
// of an article; on a product, listing or service page the content is most
// of what the page's rules leave (every card, every section). A small
// logistic model over page features decides which of the two selections a
// page gets. Its weights are data (filters/extract_gate.txt, lines
// "gate<TAB>FEATURE<TAB>WEIGHT"), trained by bench/train_gate.py.
#ifndef CLEANER_EXTRACT_SELECTION_GATE_H_
#define CLEANER_EXTRACT_SELECTION_GATE_H_

#include <array>
#include <string>
#include <string_view>

#include "cleaner/extract/page_kind.h"

namespace cleaner {

// The features, in the order of GateFeatureNames().
enum GateFeature {
  kGateBias,
  kGateTextShare,      // chosen text / text the rules leave
  kGateProseShare,     // chosen prose / prose the rules leave
  kGateProseDensity,   // prose / text, over what the rules leave
  kGateLogText,        // log10(1 + text the rules leave) / 5
  kGateRepeatedShare,  // prose of the largest repeated group / prose the rules leave
  kGateHeadings,       // headings the rules leave, / 20, at most 1
  kGateLinkDensity,    // link text / text, over what the rules leave
  kGateLogChosenProse, // log10(1 + chosen prose) / 5
  kGateForum,          // page kinds (article is none of these)
  kGateProduct,
  kGateCollection,
  kGateListing,
  kGateService,
  kGateDocumentation,
  kGateFeatureCount,
};

using GateVector = std::array<float, kGateFeatureCount>;

// "bias", "text_share", ...
const char* GateFeatureName(int feature);

// The feature index named `name`, or -1.
int GateFeatureIndex(std::string_view name);

// Sets the page-kind features of `f` from `kind`.
void SetKindFeatures(PageKind kind, GateVector* f);

// The model's score (log-odds that the broad selection reads better);
// all-zero weights score 0, which keeps the main-content selection.
float GateScore(const GateVector& weights, const GateVector& features);

// "text_share=0.12 prose_share=0.30 ..." for --explain and training.
std::string FormatGateFeatures(const GateVector& features);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_SELECTION_GATE_H_
