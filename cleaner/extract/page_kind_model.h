// Stage 2a, extract: the page-kind model. ClassifyPage() (page_kind.h)
// reads what a page declares (schema.org types, og:type, URL patterns);
// most pages declare nothing, or only "article". This model weighs that
// verdict together with the shape of the page's text (how much of it is
// prose, cards, list items, headings, code, prices, links) and of its
// address, and picks one of the seven kinds: a multinomial logistic model
// whose weights are data (filters/extract_page_kind.txt, lines
// "kind<TAB>KIND<TAB>FEATURE<TAB>WEIGHT"), trained by
// bench/train_page_kind.py. Without weights the declared verdict stands.
#ifndef CLEANER_EXTRACT_PAGE_KIND_MODEL_H_
#define CLEANER_EXTRACT_PAGE_KIND_MODEL_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/extract/html_model.h"
#include "cleaner/extract/page_kind.h"

namespace cleaner {

constexpr int kNumPageKinds = 7;  // PageKind's values, in order

// The features, in the order of KindFeatureName().
enum KindFeature {
  kKindBias,
  kKindRuleArticle,  // the declared kind, one-hot in PageKind's order (no
  kKindRuleForum,    // evidence: none set)
  kKindRuleProduct,
  kKindRuleCollection,
  kKindRuleListing,
  kKindRuleService,
  kKindRuleDocumentation,
  kKindDeclared,  // declared by schema.org type or og:type
  kKindFromUrl,   // read from the URL
  kKindLogText,
  kKindLinkShare,
  kKindCardShare,
  kKindListShare,
  kKindHeadingShare,
  kKindCodeShare,
  kKindTableShare,
  kKindProseShare,
  kKindStopShare,
  kKindBlockWords,
  kKindPrices,
  kKindShortShare,
  kKindQuestionShare,
  kKindUrlDepth,
  kKindUrlNumericId,
  kKindUrlYear,
  kKindUrlQuery,
  kKindUrlRoot,
  kKindUrlFile,
  kKindUrlKnown,
  kKindCommentShare,
  kKindDated,     // the page declares when it was published
  kKindAuthored,  // the page declares who wrote it
  kNumKindFeatures,
};

using KindFeatures = std::array<float, kNumKindFeatures>;

struct PageKindModel {
  std::array<KindFeatures, kNumPageKinds> weights{};
  bool empty = true;  // no weights given: ClassifyPage()'s verdict stands
};

// "bias", "rule_forum", ..., the feature names in order.
const char* KindFeatureName(int feature);
// The feature index named `name`, or -1.
int KindFeatureIndex(std::string_view name);
// The kind named `name` ("article", ...), or -1.
int PageKindIndex(std::string_view name);

// The features of a page: the declared verdict `rule` and its `reason`
// (ClassifyPage()'s), the address `url`, and the walked blocks and elements
// (for the share of text in comment sections: on a discussion page the
// comments are most of the text).
// `dated` and `authored`: whether the page's metadata declares a
// publication date and an author (articles and posts do; shops and landing
// pages seldom).
struct KindSignals {
  bool dated = false, authored = false;
};
KindFeatures ComputeKindFeatures(PageKind rule, std::string_view reason, std::string_view url,
                                 const std::vector<RawBlock>& blocks,
                                 const std::vector<Elem>& elems, KindSignals signals = {});

// The most likely kind, and its probability in *probability.
PageKind PredictKind(const PageKindModel& model, const KindFeatures& x, float* probability);

// "rule_forum=0 declared=1 ... log_text=0.61" for --explain and training.
std::string FormatKindFeatures(const KindFeatures& x);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_PAGE_KIND_MODEL_H_
