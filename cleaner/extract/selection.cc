// Stage 2a, extract: the main-content selection. See selection.h.
#include "cleaner/extract/selection.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "cleaner/extract/html_text.h"
#include "cleaner/extract/repeated.h"
#include "cleaner/extract/scoring.h"
#include "cleaner/util/ascii.h"
#include "cleaner/util/utf8.h"

namespace cleaner::extract_internal {
namespace {

// Text with ASCII letters lowercased and everything but letters and digits
// removed, for comparing a heading with the title.
std::string Fold(std::string_view s) { return FoldAlnum(s); }

}  // namespace

void Selector::Report(const char* rule, const std::string& category, int block,
                      float link_density) {
  if (doc_.reporter == nullptr) return;
  ExplainEvent e;
  e.stage = "extract";
  e.action = ExplainEvent::Action::kDrop;
  e.rule = rule;
  e.category = category;
  if (link_density >= 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "link density %.2f", link_density);
    e.after = buf;
  }
  if (block >= 0 && block < static_cast<int>(blocks_.size())) {
    e.before = Snippet(blocks_[block].text);
    explained_[block] = 1;
    e.position = block;  // the page's block for now; Run() makes it a place among kept ones
  }
  pending_.push_back(std::move(e));
}

void Selector::Emit(int top, std::vector<char>* keep) {
  const Elem& t = elems_[top];
  std::vector<int> chosen;
  int parent = t.parent;
  if (parent < 0) {
    chosen.push_back(top);
  } else {
    // Siblings that score near the top candidate join it (Readability).
    float threshold = std::max(10.f, t.score * 0.2f);
    const Elem& p = elems_[parent];
    for (int j = parent + 1; j < p.end; j = elems_[j].end) {
      const Elem& s = elems_[j];
      if (j == top) {
        chosen.push_back(j);
        continue;
      }
      if (s.dropped) continue;
      // A sibling joins when it, or a container deep inside it (an article
      // split into sections), scores near the top candidate.
      // 0.3 of the best score under the top candidate: a section of the
      // same article scores like its sections; a sidebar's teasers score
      // far lower. A sibling whose own class weight makes it negative
      // ("more-stories") stays out.
      // In the fallback and on a thread, a sibling made from the top
      // candidate's template (the next post, card or section) joins it.
      bool join = ((hidden_only_ || kind == PageKind::kForum) && t.shape != 0 &&
                   s.shape == t.shape && s.chars > 0) ||
                  (s.scored && s.score >= threshold) ||
                  (!(s.scored && s.score < 0) && s.best >= std::max(threshold, 0.3f * t.best));
      if (!join && (s.tag == GUMBO_TAG_P || !s.has_block_child)) {
        float ld = s.chars ? static_cast<float>(s.link_chars) / s.chars : 1.f;
        // Readability's rule for loose paragraphs beside the candidate.
        join = (s.chars > 80 && ld < 0.25f) || (s.prose_chars > 0 && ld == 0.f);
      }
      if (join) chosen.push_back(j);
    }
  }
  for (int c : chosen) KeepClean(c, false, keep);
  if (doc_.reporter != nullptr) {
    // The chosen container, for --explain and --report: its tag, score and
    // the text it starts with (elements keep no class or id).
    char buf[64];
    std::snprintf(buf, sizeof buf, "> score=%.1f", t.score);
    std::string what = std::string("<") + gumbo_normalized_tagname(t.tag) + buf;
    if (chosen.size() > 1) what += " with " + std::to_string(chosen.size() - 1) + " sibling(s)";
    if (t.first_block < t.end_block) what += ": " + Snippet(blocks_[t.first_block].text);
    QueueInfo("main-content-container", std::move(what));
  }
}

void Selector::QueueInfo(const char* rule, std::string what) {
  ExplainEvent e;
  e.stage = "extract";
  e.rule = rule;
  e.category = "main-content";
  e.after = std::move(what);
  pending_.push_back(std::move(e));
}

// Keeps the blocks of element `c` but its link-heavy containers and blocks.
// In a thread's post (`post`), a short linked line stays: the author's name.
void Selector::KeepClean(int c, bool post, std::vector<char>* keep) {
  const Elem& e = elems_[c];
  // Containers inside the selection that are mostly links (related-
  // article lists, tag clouds) go, as Readability's conditional cleaning.
  std::vector<char> bad(e.end - c, 0);
  long bad_chars = 0;  // of the outermost ones
  for (int k = c + 1; k < e.end; ++k) {
    const Elem& x = elems_[k];
    if (x.parent > c && bad[x.parent - c]) {
      bad[k - c] = 1;
      continue;
    }
    if (x.chars == 0 || (x.prose_chars > 0 && x.commas >= 10)) continue;
    float ld = static_cast<float>(x.link_chars) / x.chars;
    bool container = x.has_block_child || x.tag == GUMBO_TAG_UL || x.tag == GUMBO_TAG_OL ||
                     x.tag == GUMBO_TAG_TABLE || x.tag == GUMBO_TAG_DL;
    // 0.5: more link text than other text; 0.33 with no prose and no
    // positive class: a block of teasers (linked headline, excerpt).
    if (container && (ld > 0.5f || (x.weight <= 0 && ld > 0.33f && x.prose_chars == 0))) {
      bad[k - c] = 1;
      bad_chars += x.chars;
    }
  }
  // An index: the link lists are most of the selection (60 %), its prose a
  // fifth at most (an introduction, where an article with a related list
  // is its paragraphs), and the selection a large part of the page (40 % of
  // its text, as a drop rule's veto counts). A list of articles, languages
  // or places is the page's content, not furniture beside it: the lists'
  // blocks stay, their links card text for the filter (as KeepCards() makes
  // a card's title).
  const bool index = !post && e.chars > 0 && bad_chars * 10 >= static_cast<long>(e.chars) * 6 &&
                     e.prose_chars * 5 <= e.chars &&
                     static_cast<long>(e.chars) * 5 >= total_chars_ * 2;
  if (index && doc_.reporter != nullptr) {
    QueueInfo("link-index", "link lists hold " + std::to_string(bad_chars) + " of the " +
                                std::to_string(e.chars) + " characters of the selection (" +
                                std::to_string(total_chars_) +
                                " on the page): an index, its links are content");
  }
  for (int k = c + 1; k < e.end && !index;
       k = bad[k - c] ? std::max(elems_[k].end, k + 1) : k + 1) {
    const Elem& x = elems_[k];
    if (bad[k - c] && x.first_block < x.end_block) {
      Report("link-dense-container", "links", x.first_block,
             static_cast<float>(x.link_chars) / x.chars);
    }
  }
  for (int b = e.first_block; b < e.end_block; ++b) {
    RawBlock& rb = blocks_[b];
    if (rb.dropped) continue;
    // In a link list: dropped with it, or in an index, content.
    const bool in_list = rb.owner >= c && rb.owner < e.end && bad[rb.owner - c];
    if (in_list && !index) continue;
    // A block that is mostly links is navigation even inside the article,
    // unless it is written in sentences (a deals post links every phrase).
    // Sentences: 12 words, a full stop, and prose's share of stop words
    // (headlines linked as "Read more: ..." have few); 0.9: a block that
    // is all link is a teaser however it reads.
    bool sentences = (rb.kind == BlockKind::kParagraph || rb.kind == BlockKind::kListItem) &&
                     rb.words >= 12 && rb.stops >= 1 && rb.stop_words * 4 >= rb.words &&
                     rb.LinkDensity() < 0.9f;
    // A post's author line is a short link (4 words, 40 characters).
    bool author = post && rb.words <= 4 && rb.chars <= 40;
    if (rb.LinkDensity() > 0.5f && !sentences && !author && !in_list) {
      Report("link-dense-block", "links", b, rb.LinkDensity());
      continue;
    }
    // A bare address (print headers, share targets) is no sentence.
    if (rb.text.find(' ') == std::string::npos &&
        (rb.text.rfind("http://", 0) == 0 || rb.text.rfind("https://", 0) == 0)) {
      Report("bare-url", "links", b);
      continue;
    }
    if (in_list) MakeCardText(b);
    (*keep)[b] = 1;
  }
}

void Selector::MakeCardText(int b) {
  if (walked_cards_.empty()) walked_cards_ = CardState();
  blocks_[b].card_chars = blocks_[b].link_chars;
  blocks_[b].card = true;
}

// On a page of cards (a product, collection, listing or service page), the
// group of cards (FindCardGroup()) is content, whatever its link density
// and wherever the best container is: a card's title is a link, a listing
// whose titles hold only their link read as a menu, and the container
// Readability's scoring picks on such a page is often a box beside the
// cards. Their links count as card text for the filter too.
void Selector::KeepCards(std::vector<char>* keep) {
  RepeatedGroup g = FindCardGroup(elems_, 4);
  if (g.members.empty()) return;
  int kept = 0;
  std::vector<char> joined(blocks_.size(), 0);
  for (int m : g.members) {
    for (int b = elems_[m].first_block; b < elems_[m].end_block; ++b) {
      if (blocks_[b].dropped) continue;
      MakeCardText(b);
      joined[b] = 1;
      if (!(*keep)[b]) {
        (*keep)[b] = 1;
        ++kept;
      }
    }
  }
  // A linked title the selection's cleaning reported as link-dense is kept
  // after all: that report goes.
  pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                [&](const ExplainEvent& e) {
                                  return e.rule == "link-dense-block" && e.position >= 0 &&
                                         e.position < static_cast<int>(joined.size()) &&
                                         joined[e.position];
                                }),
                 pending_.end());
  if (cards_explained_) return;
  cards_explained_ = true;
  ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "cards", "main-content",
                  std::to_string(g.members.size()) + " cards of the page joined the selection (" +
                      std::to_string(kept) + " blocks it did not hold)");
}

// On a thread every post is content: the repeated group of posts (or
// answers) with the most prose joins the selection, each post cleaned as
// the selection is.
void Selector::KeepThread(std::vector<char>* keep) {
  RepeatedGroup g = FindRepeatedGroup(elems_, 2);
  if (g.members.empty()) return;
  for (int m : g.members) KeepClean(m, true, keep);
  ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "thread-posts", "main-content",
                  std::to_string(g.members.size()) + " posts of the thread joined the selection");
}

// A paragraph the selection already holds is not repeated: a thread quotes
// its posts, a page shows a teaser of its own text again. 40 characters: a
// sentence, not a repeated label ("Reply", a date). Documentation repeats
// on purpose (a summary of the sections, a parameter's description), and
// keeps its repeats.
void Selector::DropRepeats(std::vector<char>* keep) {
  if (kind == PageKind::kDocumentation) return;
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const RawBlock& b = blocks_[i];
    // Code and tables repeat lines on purpose.
    if (!(*keep)[i] || b.chars < 40 || b.kind == BlockKind::kPreformatted ||
        b.kind == BlockKind::kTable) {
      continue;
    }
    if (!seen.insert(blocks_[i].text).second) {
      (*keep)[i] = 0;
      Report("repeated-block", "duplicate", static_cast<int>(i));
    }
  }
}

// A short link that the selection holds three times or more with the same
// words is a control of the page's template, not content: "Read more" under
// every teaser, "+ More" on every card, "Reply" on every post. Left in, a
// listing's cards read as a menu to the line filter (a run of short lines).
// Only links (nine tenths of the block's characters in a link): a repeated
// value in plain text ("Full-Time", "Wide", "Cap Type:") is data of its
// card, and so is the same words in plain text elsewhere. Three words and
// under 40 characters (DropRepeats()'s sentence) at most, no digit of any
// script ("Save $20" is an offer), no heading; documentation keeps its
// repeats.
constexpr int kMinLabelRepeats = 3;
constexpr int kMaxLabelWords = 3;
constexpr int kMaxLabelChars = 40;

namespace {

bool IsLinkLabel(const RawBlock& b) {
  return b.chars < kMaxLabelChars && b.words <= kMaxLabelWords && b.kind != BlockKind::kHeading &&
         b.kind != BlockKind::kPreformatted && b.kind != BlockKind::kTable &&
         b.link_chars * 10 >= b.chars * 9 && !HasDigit(b.text);
}

}  // namespace

void Selector::DropRepeatedLabels(std::vector<char>* keep) {
  if (kind == PageKind::kDocumentation) return;
  std::vector<int> labels;
  std::unordered_map<std::string_view, int> count;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!(*keep)[i] || !IsLinkLabel(blocks_[i])) continue;
    labels.push_back(static_cast<int>(i));
    ++count[blocks_[i].text];
  }
  for (int i : labels) {
    if (count[blocks_[i].text] < kMinLabelRepeats) continue;
    (*keep)[i] = 0;
    Report("repeated-link-label", "links", i);
  }
}

void Selector::DropTitleHeading(std::vector<char>* keep) {
  if (title.empty()) return;
  std::string t = Fold(title);
  // The title's longest part between site-name separators.
  std::string main_title;
  {
    std::string_view rest = title;
    while (!rest.empty()) {
      size_t cut = std::string_view::npos, len = 0;
      for (std::string_view sep : {" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 "}) {
        size_t at = rest.find(sep);
        if (at < cut) {
          cut = at;
          len = sep.size();
        }
      }
      std::string part = Fold(rest.substr(0, cut));
      if (part.size() > main_title.size()) main_title = part;
      if (cut == std::string_view::npos) break;
      rest = rest.substr(cut + len);
    }
  }
  // Only the first kept heading before any prose can be the headline.
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!(*keep)[i]) continue;
    const RawBlock& b = blocks_[i];
    if (b.prose) return;
    if (b.kind != BlockKind::kHeading) continue;
    std::string h = Fold(b.text);
    // 8 characters: shorter headings ("News") match titles by accident.
    // The heading is part of the title ("Headline | Site"), or holds the
    // title's longest part with a little more (a kicker before it: "Verkehr:
    // Headline"; 40 bytes is a kicker, not a paragraph).
    bool in_title = h.size() >= 8 && t.find(h) != std::string::npos;
    bool holds_title = main_title.size() >= 8 && h.size() <= main_title.size() + 40 &&
                       h.find(main_title) != std::string::npos;
    if (in_title || holds_title) {
      (*keep)[i] = 0;
      Report("title-heading", "title", static_cast<int>(i));
    }
    return;
  }
}

// A 25-character paragraph adds at least 1 to its container's score.
constexpr float kMinTopScore = 1.0f;

// One selection pass: drops, scores, the top candidate and its siblings.
void Selector::Select(std::vector<char>* keep) {
  keep->assign(blocks_.size(), 0);
  SumUp(blocks_, &elems_);
  ApplyDrops();
  SumUp(blocks_, &elems_);
  Score(blocks_, &elems_);
  int top = PickTop(&elems_);
  // On a page of cards (a product, a collection, a listing, a service
  // page), a best score under one short paragraph's worth is no main
  // content either: a newsletter box, a footer line among the cards. (An
  // article's container can score that low under a class rule's weight.)
  const bool cards = kind == PageKind::kProduct || kind == PageKind::kCollection ||
                     kind == PageKind::kListing || kind == PageKind::kService;
  if (top >= 0 && (!cards || elems_[top].score >= kMinTopScore)) {
    Emit(top, keep);
  } else if (top >= 0 && doc_.reporter != nullptr) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "the best container scores %.1f (under %.0f) on a %s page",
                  elems_[top].score, kMinTopScore, PageKindName(kind));
    ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "no-main-container",
                    "main-content", std::string(buf) + "; every block the rules keep stays");
  }
  if (std::find(keep->begin(), keep->end(), 1) == keep->end()) {
    // Nothing scored (a fragment, a page of short lines or of cards):
    // there is no main content to choose, so everything the rules kept
    // stays, but menus.
    for (size_t i = 0; i < blocks_.size(); ++i) {
      if (!blocks_[i].dropped && blocks_[i].NavLinkDensity() <= 0.5f) (*keep)[i] = 1;
    }
  }
  // On a page of cards the cards are content, in the container or not.
  if (cards) KeepCards(keep);
}

std::vector<CardMark> Selector::CardState() const {
  std::vector<CardMark> state;
  state.reserve(blocks_.size());
  for (const RawBlock& b : blocks_) state.push_back({b.card_chars, b.card});
  return state;
}

void Selector::SetCardState(const std::vector<CardMark>& state) {
  for (size_t i = 0; i < state.size() && i < blocks_.size(); ++i) {
    blocks_[i].card_chars = state[i].chars;
    blocks_[i].card = state[i].card;
  }
}

void Selector::ResetSelection() {
  for (Elem& e : elems_) {
    e.dropped = false;
    e.scored = false;
    e.score = e.best = 0;
  }
  for (RawBlock& b : blocks_) b.dropped = false;
  // What a discarded pass's KeepCards() made card text is link text again.
  if (!walked_cards_.empty()) SetCardState(walked_cards_);
  pending_.clear();
  explained_.assign(blocks_.size(), 0);
}

// What the selection left out that no rule named: blocks outside the chosen
// container and its siblings.
void Selector::ReportLeftOut(const std::vector<char>& keep) {
  if (doc_.reporter == nullptr) return;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!keep[i] && !explained_[i] && !blocks_[i].dropped) {
      Report("not-selected", "outside-main-content", static_cast<int>(i));
    }
  }
}

void Selector::Run(std::vector<char>* keep) {
  explained_.assign(blocks_.size(), 0);
  hidden_ = MeasureHidden(elems_, blocks_);
  // On a page that lists items (a listing, a collection) an item's title
  // is a link of a title's length, content as a card's is. (Not on other
  // kinds: beside an article such links are its related stories.)
  if (kind == PageKind::kListing || kind == PageKind::kCollection) {
    for (RawBlock& b : blocks_) b.card_chars = std::min(b.link_chars, b.card_chars + b.title_chars);
  }
  ClassifyProse(&blocks_);
  Select(keep);
  if (kind == PageKind::kForum) KeepThread(keep);
  if (JudgesBlocks()) narrow_ = *keep;  // a feature of the block model
  Fallback(keep);
  Gate(keep);
  if (comments_are_page_ && !options_.keep_comments) {
    ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "comments-are-the-page",
                    "main-content", comments_explained_);
  }
  if (options_.keep_comments || comments_are_page_) {
    // The comment section follows the article in document order.
    for (size_t i = 0; i < blocks_.size(); ++i) {
      const RawBlock& b = blocks_[i];
      if (b.owner >= 0 && elems_[b.owner].comments && !b.dropped && b.LinkDensity() <= 0.5f) {
        (*keep)[i] = 1;
      }
    }
  }
  ScoreBlocks(keep);
  DropTitleHeading(keep);
  DropRepeats(keep);
  DropRepeatedLabels(keep);
  ReportLeftOut(*keep);
  // A dropped block's position: how many kept blocks came before it.
  std::vector<int> kept_before(blocks_.size() + 1, 0);
  for (size_t i = 0; i < blocks_.size(); ++i) kept_before[i + 1] = kept_before[i] + (*keep)[i];
  for (ExplainEvent& e : pending_) {
    if (e.position >= 0) e.position = kept_before[e.position];
    Explain(doc_, e);
  }
}

}  // namespace cleaner::extract_internal
