// Stage 2a, extract: the main-content selection (internal to
// cleaner/extract/). On the page model the walk built (html_model.h): the
// elements the rules call furniture are dropped, unless they hold the page
// (drops.cc); Readability's scoring picks the main content's container
// (scoring.h), which is kept with its siblings that score close to it,
// cleaned of link-heavy containers and blocks; on a thread every post, on a
// page of cards every card joins it; a heading that repeats the title and a
// repeated paragraph go. When the selection holds too little of the page,
// or the selection gate judges every block the rules leave a better
// reading, a broader selection replaces it (fallback.cc). Every decision is
// reported to the document's Reporter, if any.
#ifndef CLEANER_EXTRACT_SELECTION_H_
#define CLEANER_EXTRACT_SELECTION_H_

#include <string>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/extract/block_model.h"
#include "cleaner/extract/features.h"
#include "cleaner/extract/html_model.h"
#include "cleaner/extract/page_kind.h"
#include "cleaner/extract/selection_gate.h"
#include "cleaner/options.h"

namespace cleaner::extract_internal {

// A block's card state (RawBlock::card_chars and RawBlock::card).
struct CardMark {
  int chars = 0;
  bool card = false;
};

// Selects the main content of one walked page. `elems` and `blocks` are the
// walk's, in its order; the Selector writes their sums, scores, drops and
// card text, and keeps pointers to them and to `options` and `doc`, which
// must outlive it. Set the public fields, then call Run() once. One
// Selector per page; not thread-safe.
class Selector {
 public:
  Selector(std::vector<Elem>* elems, std::vector<RawBlock>* blocks, const ExtractOptions& options,
           const DocumentInfo& doc)
      : elems_(*elems), blocks_(*blocks), options_(options), doc_(doc) {}

  // Sets `*keep` to an entry per block, 1 for a block of the main content,
  // and reports the drops and choices behind it to doc.reporter (a dropped
  // block with its position among the kept ones). Call once, after setting
  // the fields below.
  void Run(std::vector<char>* keep);
  std::string title;  // for the heading-repeats-title check
  PageKind kind = PageKind::kArticle;
  const GateVector* gate = nullptr;         // the selection gate's weights; null: no gate
  const BlockModel* block_model = nullptr;  // the block model; null or empty: none
  // Set by Run(): the text of the first byline dropped, if any.
  std::string byline;

 private:
  // drops.cc: the rules' drops, under the veto.
  void ApplyDrops();
  // The rules' verdict on an element on this page: its rule, read as shown
  // on a page whose hidden elements are shown, and a scoped rule's verdict
  // only on its kinds.
  Verdict EffectiveVerdict(const Elem& e, const TokenRule** rule) const;
  // The prose in comment sections, and the prose and the text outside links
  // outside them and outside furniture (elements a drop rule names).
  struct CommentMeasure {
    long comment_prose = 0, outside_prose = 0, outside_text = 0;
    long article_text = 0;  // of the text outside, in an <article>: the page's own post
  };
  CommentMeasure MeasureComments() const;
  bool HasNestedComments(size_t i) const;  // an element inside elems_[i] has the comments verdict
  // The veto of a drop rule: `e` holds 40 % of the page's prose and 40 % of
  // its text, or most of its text (see ApplyDrops()).
  bool HoldsThePage(const Elem& e) const;
  // A form the `form` tag rule names that holds most of the page's prose
  // (400 characters or more): it wraps the page (ASP.NET's one form, a
  // forum's moderation form around its posts), and is no form to fill.
  bool FormWraps(const Elem& e, const TokenRule* rule) const;

  // selection.cc: a selection pass and what it keeps.
  void Select(std::vector<char>* keep);
  void Emit(int top, std::vector<char>* keep);
  void KeepClean(int c, bool post, std::vector<char>* keep);
  void KeepThread(std::vector<char>* keep);
  void KeepCards(std::vector<char>* keep);
  // Block `b`'s links become card text (content the filter does not read as
  // a menu), its walked state saved first for ResetSelection().
  void MakeCardText(int b);
  void DropRepeats(std::vector<char>* keep);
  void DropRepeatedLabels(std::vector<char>* keep);
  void DropTitleHeading(std::vector<char>* keep);
  void ResetSelection();
  // The blocks' card_chars and card marks: KeepCards() makes a selection's
  // cards card text (and KeepClean() an index's links), and a selection put
  // back brings its cards back with it.
  std::vector<CardMark> CardState() const;
  void SetCardState(const std::vector<CardMark>& state);
  // Queues an info event (category main-content) of this pass: said only
  // when the pass's result is used.
  void QueueInfo(const char* rule, std::string what);
  // `link_density`, when not negative, is the score behind the drop.
  void Report(const char* rule, const std::string& category, int block, float link_density = -1.f);
  void ReportLeftOut(const std::vector<char>& keep);

  // fallback.cc: broader selections, when this one is not the page's text.
  void Fallback(std::vector<char>* keep);
  void Gate(std::vector<char>* keep);

  // block_scoring.cc: the block model's verdict on every block but those
  // the page hides (HiddenRule()) and comment sections the rules drop or
  // --keep-comments keeps (block_model.h), with the rules' and the
  // selections' verdicts as evidence.
  void ScoreBlocks(std::vector<char>* keep);
  // Whether ScoreBlocks() has work: a block model, or a feature dump.
  bool JudgesBlocks() const;
  // The model's verdicts on the `judged` blocks, with their `scores`, where
  // the selection kept `chosen_chars` characters (in every block it kept).
  void ApplyBlockModel(const std::vector<int>& judged, const std::vector<double>& scores,
                       long chosen_chars, std::vector<char>* keep);

  std::vector<Elem>& elems_;
  std::vector<RawBlock>& blocks_;
  const ExtractOptions& options_;
  const DocumentInfo& doc_;
  int total_prose_ = 0;
  long total_chars_ = 0;  // the page's text, link text included
  // The fallback's pass: only hidden elements and comment sections are
  // dropped, no other class, id, tag or role rule (they weigh against a
  // container, never veto the text).
  bool hidden_only_ = false;
  // A page that shows next to nothing and hides its text until a script
  // runs: its hidden elements are read (see Fallback()).
  bool show_hidden_ = false;
  HiddenText hidden_;  // what a reader sees and what is hidden (MeasureHidden())
  // The comment sections hold nearly all the page's prose (a discussion
  // page that declares itself an article): they are the page's text.
  bool comments_are_page_ = false;
  std::string comments_explained_;  // the evidence, said once the text is chosen
  bool cards_explained_ = false;    // KeepCards() runs with every selection pass; it says so once
  std::vector<CardMark> walked_cards_;  // the blocks' card state as walked, before KeepCards()
  std::vector<char> narrow_;  // the main-content selection's keep, before the fallbacks and gate
  float gate_score_ = 0;      // the gate's score (Gate())
  bool broad_ = false;        // the gate chose every block the rules leave
  // Explain events of the current pass, reported once its result is used.
  std::vector<ExplainEvent> pending_;
  std::vector<char> explained_;  // blocks named by an event of pending_
};

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_SELECTION_H_
