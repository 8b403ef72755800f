// Stage 2a, extract: the block model's verdict on each visible block
// (block_model.h): its features, from the block, its elements, the rules
// and the selections, and the keep or drop it decides, each drop of a block
// the selection kept and each rule's drop overruled named in --explain
// with its score.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "cleaner/extract/html_text.h"
#include "cleaner/extract/selection.h"
#include "cleaner/util/deadline.h"

namespace cleaner::extract_internal {
namespace {

// A paragraph's worth of text (characters): what the model must keep of a
// page whose selection held text, unless it keeps an eighth of it.
constexpr long kMinModelChars = 200;
// A line's worth (characters, headings counted): less than this from the
// model is no page's text while the selection kept more.
constexpr long kMinModelLine = 80;

static_assert(kBlockDocumentation == kBlockForum + 5, "the kinds' features in PageKind's order");

// How many elements share each element's parent and shape (tag and
// classes): a card among cards, a post among posts.
std::vector<int> SameShapeSiblings(const std::vector<Elem>& elems) {
  std::unordered_map<uint64_t, int> count;
  auto key = [](const Elem& e) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(e.parent)) << 32) | e.shape;
  };
  for (const Elem& e : elems) ++count[key(e)];
  std::vector<int> out(elems.size());
  for (size_t i = 0; i < elems.size(); ++i) out[i] = count[key(elems[i])];
  return out;
}

// A block's characters of text for the never-empty guard: a heading alone
// says what the text is about, it is not the text.
long TextChars(const RawBlock& b) { return b.kind == BlockKind::kHeading ? 0 : b.chars; }

int Digits(const std::string& s) {
  int n = 0;
  for (char c : s) n += c >= '0' && c <= '9';
  return n;
}

// The features of the block's elements: tags around it, their class and id
// weights, depth, repeated shapes, and the share of the page's text its
// parent container holds.
void SetPlaceFeatures(const std::vector<Elem>& elems, const std::vector<int>& same_shape, int owner,
                      long page_chars, BlockVector* x) {
  BlockVector& f = *x;
  if (owner < 0) return;
  int depth = 0, weight = 0, repeated = 1;
  for (int e = owner; e >= 0; e = elems[e].parent, ++depth) {
    const Elem& el = elems[e];
    weight += el.weight;
    if (depth < 4) repeated = std::max(repeated, same_shape[e]);
    switch (el.tag) {
      case GUMBO_TAG_NAV: f[kBlockInNav] = 1; break;
      case GUMBO_TAG_HEADER: f[kBlockInHeader] = 1; break;
      case GUMBO_TAG_FOOTER: f[kBlockInFooter] = 1; break;
      case GUMBO_TAG_ASIDE: f[kBlockInAside] = 1; break;
      case GUMBO_TAG_ARTICLE: f[kBlockInArticle] = 1; break;
      case GUMBO_TAG_MAIN: f[kBlockInMain] = 1; break;
      case GUMBO_TAG_LI: f[kBlockInListItem] = 1; break;
      case GUMBO_TAG_FORM: f[kBlockInForm] = 1; break;
      default: break;
    }
  }
  f[kBlockWeight] = std::clamp(weight / 100.f, -1.f, 1.f);
  f[kBlockDepth] = std::min(1.f, depth / 32.f);
  f[kBlockRepeated] = static_cast<float>(std::log2(1.0 + (repeated - 1)) / 6);
  const int container = elems[owner].parent >= 0 ? elems[owner].parent : owner;
  const Elem& c = elems[container];
  f[kBlockContainer] = page_chars > 0 ? std::min(1.f, c.chars / static_cast<float>(page_chars)) : 0;
  f[kBlockContainerLinks] =
      c.chars > 0 ? std::min(1.f, c.link_chars / static_cast<float>(c.chars)) : 0;
  f[kBlockContainerProse] =
      c.chars > 0 ? std::min(1.f, c.prose_chars / static_cast<float>(c.chars)) : 0;
  f[kBlockComments] = elems[owner].comments;
}

void SetTextFeatures(const RawBlock& b, BlockVector* x) {
  BlockVector& f = *x;
  const float chars = static_cast<float>(std::max(1, b.chars));
  f[kBlockLogChars] = static_cast<float>(std::log10(1.0 + b.chars) / 4);
  f[kBlockLinkDensity] = b.LinkDensity();
  f[kBlockNavLinks] = b.NavLinkDensity();
  f[kBlockCardShare] = b.card_chars / chars;
  f[kBlockCard] = b.card;
  f[kBlockProse] = b.prose;
  f[kBlockStopShare] = b.words > 0 ? static_cast<float>(b.stop_words) / b.words : 0;
  f[kBlockPunct] = b.words > 0 ? std::min(1.f, static_cast<float>(b.stops) / b.words) : 0;
  f[kBlockDigits] = std::min(1.f, Digits(b.text) / chars);
  f[kBlockHeading] = b.kind == BlockKind::kHeading;
  f[kBlockListItem] = b.kind == BlockKind::kListItem;
  f[kBlockTable] = b.kind == BlockKind::kTable;
  f[kBlockCode] = b.kind == BlockKind::kPreformatted;
  f[kBlockQuote] = b.kind == BlockKind::kQuote;
  f[kBlockLevel] = std::min(1.f, b.level / 6.f);
}

}  // namespace

bool Selector::JudgesBlocks() const {
  return (block_model != nullptr && !block_model->empty()) || options_.block_feature_dump;
}

void Selector::ScoreBlocks(std::vector<char>* keep) {
  if (!JudgesBlocks()) return;
  const bool model = block_model != nullptr && !block_model->empty();
  const bool comments_kept = options_.keep_comments || comments_are_page_;
  // The blocks judged: every visible one, but comment sections. The page's
  // text and the selection's share are measured over what the rules leave.
  std::vector<int> judged;
  long page_chars = 0, chosen_chars = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const RawBlock& b = blocks_[i];
    const bool comments = b.owner >= 0 && elems_[b.owner].comments;
    if (comments && (comments_kept || b.dropped)) continue;
    // A rule's drop is evidence, not a verdict: the model weighs it. What a
    // reader does not see (hidden elements) is not judged.
    if (b.dropped && (b.owner < 0 || (hidden_.in_hidden[b.owner] && !show_hidden_))) continue;
    judged.push_back(static_cast<int>(i));
    if (b.dropped) continue;
    page_chars += b.chars;
    if ((*keep)[i]) chosen_chars += b.chars;
  }
  if (judged.empty()) return;
  int first = -1, last = -1;
  for (int i : judged) {
    if (!(*keep)[i]) continue;
    if (first < 0) first = i;
    last = i;
  }
  const std::vector<int> same_shape = SameShapeSiblings(elems_);
  BlockVector page{};
  page[kBlockBias] = 1;
  page[kBlockGateScore] = std::clamp(gate_score_ / 5, -1.f, 1.f);
  page[kBlockBroad] = broad_;
  page[kBlockPageText] = static_cast<float>(std::log10(1.0 + page_chars) / 6);
  page[kBlockChosenShare] = page_chars > 0 ? static_cast<float>(chosen_chars) / page_chars : 0;
  SetKindOneHot(kind, kBlockForum, &page);
  // Each judged block's distance, in judged blocks, to the nearest kept one.
  const int far = static_cast<int>(judged.size());
  std::vector<int> distance(judged.size(), far);
  for (int pass = 0; pass < 2; ++pass) {
    int d = far;
    for (size_t n = 0; n < judged.size(); ++n) {
      const size_t j = pass == 0 ? n : judged.size() - 1 - n;
      d = (*keep)[judged[j]] ? 0 : std::min(far, d + 1);
      distance[j] = std::min(distance[j], d);
    }
  }
  std::vector<double> scores(judged.size());
  for (size_t j = 0; j < judged.size(); ++j) {
    // A page of millions of blocks costs seconds here: the time budget is
    // checked, and a spent one leaves the selection (the document then
    // fails with the budget's error).
    if (DeadlinePassed(doc_.deadline)) return;
    const int i = judged[j];
    const RawBlock& b = blocks_[i];
    BlockVector x = page;
    SetTextFeatures(b, &x);
    SetPlaceFeatures(elems_, same_shape, b.owner, page_chars, &x);
    x[kBlockNarrow] = narrow_.size() == blocks_.size() && narrow_[i];
    x[kBlockChosen] = (*keep)[i];
    x[kBlockPosition] = static_cast<float>(i) / blocks_.size();
    x[kBlockBeforeChosen] = first < 0 || i < first;
    x[kBlockAfterChosen] = first < 0 || i > last;
    x[kBlockPrevChosen] = j > 0 && (*keep)[judged[j - 1]];
    x[kBlockNextChosen] = j + 1 < judged.size() && (*keep)[judged[j + 1]];
    x[kBlockRuleDropped] = b.dropped;
    x[kBlockDistance] = std::min(1.f, distance[j] / 20.f);
    x[kBlockPrevLinks] = j > 0 ? blocks_[judged[j - 1]].NavLinkDensity() : 1.f;
    x[kBlockNextLinks] = j + 1 < judged.size() ? blocks_[judged[j + 1]].NavLinkDensity() : 1.f;
    if (options_.block_feature_dump) {
      options_.block_feature_dump(b.text, (*keep)[i], x.data(), kBlockFeatureCount);
    }
    scores[j] = model ? BlockScore(*block_model, x) : 0.0;
  }
  if (!model) return;
  // What the selection keeps, whatever the rules said of it and comment
  // sections included (the fallback's text may be under a furniture word),
  // headings aside (TextChars()).
  long kept_chars = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) kept_chars += (*keep)[i] ? TextChars(blocks_[i]) : 0;
  ApplyBlockModel(judged, scores, kept_chars, keep);
}

void Selector::ApplyBlockModel(const std::vector<int>& judged, const std::vector<double>& scores,
                               long chosen_chars, std::vector<char>* keep) {
  const double shift = block_model->shift(options_.favor);
  const double threshold = block_model->threshold(kind) + shift;
  const double drop = block_model->drop(kind) + shift;
  const double overrule = block_model->overrule(kind) + shift;
  std::vector<char> verdict(judged.size());
  long model_chars = 0, model_all = 0, chosen_all = 0;  // *_all: headings too
  size_t best = 0;
  for (size_t j = 0; j < judged.size(); ++j) {
    const int i = judged[j];
    verdict[j] = scores[j] > ((*keep)[i] ? drop : blocks_[i].dropped ? overrule : threshold);
    if (verdict[j]) model_chars += TextChars(blocks_[i]);
    if (verdict[j]) model_all += blocks_[i].chars;
    if ((*keep)[i]) chosen_all += blocks_[i].chars;
    if (scores[j] > scores[best]) best = j;
  }
  // Under a line's worth, headings counted, the model's text is no page's
  // text (a schedule's date above the table the selection missed, which
  // the filter then drops as a dateline): the selection stands when it
  // kept more.
  if (model_all < kMinModelLine && chosen_all > model_all) {
    QueueInfo("block-model", "the block model keeps " + std::to_string(model_all) + " of the " +
                                 std::to_string(chosen_all) +
                                 " characters the selection kept; the selection stands");
    return;
  }
  // Never silently empty: when the model keeps under an eighth of the
  // selection's text and under a paragraph's worth, the selection stands
  // (the page is not the kind of page the model knows); when the selection
  // kept nothing either, the block the model scores highest is kept.
  if (chosen_chars > 0 && model_chars * 8 < chosen_chars && model_chars < kMinModelChars) {
    QueueInfo("block-model", "the block model keeps " + std::to_string(model_chars) + " of the " +
                                 std::to_string(chosen_chars) +
                                 " characters the selection kept (headings aside); the "
                                 "selection stands");
    return;
  }
  if (model_chars == 0 && chosen_chars == 0) {
    verdict[best] = 1;
    QueueInfo("block-model", "the block model keeps no block; the one it scores highest stays");
  }
  int added = 0, dropped = 0;
  std::vector<char> readded(blocks_.size(), 0);
  for (size_t j = 0; j < judged.size(); ++j) {
    const int i = judged[j];
    const bool content = verdict[j];
    if (content == static_cast<bool>((*keep)[i])) continue;
    (*keep)[i] = content;
    if (content) {
      ++added;
      readded[i] = !blocks_[i].dropped;  // a rule's drop stays said, overruled below
      // A link the model keeps is an item's title (a headline on a topic
      // page), content for the filter, not a menu entry.
      if (blocks_[i].NavLinkDensity() > 0.5f) MakeCardText(i);
      explained_[i] = 0;
      if (blocks_[i].dropped && doc_.reporter != nullptr) {
        // A rule's drop overruled: said with the block and its score.
        char buf[48];
        std::snprintf(buf, sizeof buf, ", score %.3f, threshold %.3f", scores[j], overrule);
        QueueInfo("block-model-kept",
                  "kept against the rules: \"" + Snippet(blocks_[i].text) + "\"" + buf);
      }
      continue;
    }
    ++dropped;
    if (doc_.reporter != nullptr) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "block model score %.3f, drop threshold %.3f", scores[j],
                    drop);
      Report("block-model", "block-model", i);
      pending_.back().after = buf;
    }
  }
  // A block the model keeps is no longer dropped: the selection's drop
  // events about it go (a rule's stay, with the overrule said).
  if (added > 0) {
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [&](const ExplainEvent& e) {
                                    return e.action == ExplainEvent::Action::kDrop &&
                                           e.position >= 0 &&
                                           e.position < static_cast<int>(readded.size()) &&
                                           readded[e.position];
                                  }),
                   pending_.end());
  }
  if (added + dropped > 0) {
    QueueInfo("block-model", "the block model kept " + std::to_string(added) +
                                 " blocks the selection left and dropped " +
                                 std::to_string(dropped) + " it kept");
  }
}

}  // namespace cleaner::extract_internal
