// Stage 2a, extract: the block model. The selection keeps a container and
// its siblings, or (as the selection gate decides) every block the rules
// leave; on a product, listing or collection page neither is what a reader
// calls the content. This model judges each block (but hidden ones and
// comment sections; what the rules dropped too, their drop a feature), from
// the block's text (length, links, cards, prose, stop words), its place
// (its container's tags and class weights, how often its container's shape
// repeats, whether the selections kept it and its neighbours) and the
// page's kind: gradient-boosted shallow trees whose nodes are data
// (filters/block_model.txt), trained by bench/train_blocks.py. Without
// trees the selection stands.
#ifndef CLEANER_EXTRACT_BLOCK_MODEL_H_
#define CLEANER_EXTRACT_BLOCK_MODEL_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/extract/page_kind.h"
#include "cleaner/options.h"
#include "cleaner/rules.h"
#include "cleaner/status.h"
#include "cleaner/util/boosted_trees.h"

namespace cleaner {

// The features, in the order of BlockFeatureName().
enum BlockFeature {
  kBlockBias,
  kBlockNarrow,       // kept by the main-content selection
  kBlockChosen,       // kept by the selection the gate chose
  kBlockGateScore,    // the gate's score / 5, in [-1, 1]
  kBlockBroad,        // the gate chose every block the rules leave
  kBlockLogChars,     // log10(1 + characters) / 4
  kBlockLinkDensity,  // link text / text
  kBlockNavLinks,     // link text outside cards / text
  kBlockCardShare,    // cards' link text / text
  kBlockCard,         // part of the cards the selection kept
  kBlockProse,        // running text (ClassifyProse())
  kBlockStopShare,    // stop words / words
  kBlockPunct,        // sentence punctuation per word, at most 1
  kBlockDigits,       // digits / characters
  kBlockHeading,      // the block's kind, one-hot (paragraph: none)
  kBlockListItem,
  kBlockTable,
  kBlockCode,
  kBlockQuote,
  kBlockLevel,         // heading level or list depth / 6
  kBlockPosition,      // index / blocks
  kBlockBeforeChosen,  // before the first block the chosen selection kept
  kBlockAfterChosen,   // after its last
  kBlockPrevChosen,    // the judged block before is kept
  kBlockNextChosen,    // the block after is kept
  kBlockWeight,        // class and id weights of its elements / 100, in [-1, 1]
  kBlockInNav,         // an element around it is <nav>, <header>, ...
  kBlockInHeader,
  kBlockInFooter,
  kBlockInAside,
  kBlockInArticle,
  kBlockInMain,
  kBlockInListItem,
  kBlockInForm,
  kBlockDepth,           // elements around it / 32, at most 1
  kBlockRepeated,        // log2(1 + siblings of the same shape) / 6 (the most of its 4 nearest)
  kBlockContainer,       // its parent container's text / the text the rules leave
  kBlockContainerLinks,  // its parent container's link text / its text
  kBlockContainerProse,  // its parent container's prose / its text
  kBlockPrevLinks,       // the link density (outside cards) of the block before
  kBlockNextLinks,       // of the block after
  kBlockRuleDropped,     // dropped by a class, id, tag or role rule
  kBlockDistance,        // blocks to the nearest one the selection kept / 20, at most 1
  kBlockComments,        // inside a comment section
  kBlockPageText,        // log10(1 + the text the rules leave) / 6
  kBlockChosenShare,     // of the text the rules leave, the share the selection keeps
  kBlockForum,           // page kinds (article: none)
  kBlockProduct,
  kBlockCollection,
  kBlockListing,
  kBlockService,
  kBlockDocumentation,
  kBlockFeatureCount,
};

using BlockVector = std::array<float, kBlockFeatureCount>;

// "bias", "narrow", ...
const char* BlockFeatureName(int feature);
// The feature index named `name`, or -1.
int BlockFeatureIndex(std::string_view name);

// The trees and what their score is read against: a block the selection
// left is kept when base + the trees' sum > its page kind's threshold, and
// a block the selection kept is dropped when the score <= its kind's drop
// threshold (at most the former: the model overrules the selection on
// stronger evidence).
struct BlockModel {
  BoostedTrees trees;
  double base = 0;
  std::array<double, 7> thresholds{};  // by PageKind
  std::array<double, 7> drops{};
  // A block a rule dropped is kept above this (at least the threshold):
  // overruling a rule takes stronger evidence.
  std::array<double, 7> overrules{};
  // Added to every threshold under --favor precision and --favor recall
  // (by Favor; balanced adds 0).
  std::array<double, 3> shifts{};
  bool empty() const { return trees.empty(); }
  double shift(Favor favor) const { return shifts[static_cast<int>(favor)]; }
  double threshold(PageKind kind) const { return thresholds[static_cast<int>(kind)]; }
  double drop(PageKind kind) const { return drops[static_cast<int>(kind)]; }
  double overrule(PageKind kind) const { return overrules[static_cast<int>(kind)]; }
};

// Reads filters/block_model.txt, if `files` hold it: lines "base<TAB>V",
// "threshold[<TAB>KIND]<TAB>V", "drop[<TAB>KIND]<TAB>V" and
// "overrule[<TAB>KIND]<TAB>V" (without KIND: every kind's; the drop
// threshold is the threshold unless given, the overrule threshold is at
// least the threshold), "favor<TAB>precision|recall<TAB>V" (the shift of
// every threshold under that --favor; 0 unless given) and trees
// (util/boosted_trees.h) over the features named above. A file of comments
// only is no model.
Status LoadBlockModel(const std::vector<RuleFile>& files, BlockModel* model);

// The model's score (log-odds that the block is content).
double BlockScore(const BlockModel& model, const BlockVector& x);

// "narrow=1.0000 chosen=1.0000 ..." for --explain.
std::string FormatBlockFeatures(const BlockVector& x);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_BLOCK_MODEL_H_
