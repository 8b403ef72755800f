// Stage 2a, extract. See extract_html.h.
//
// How it works, in linear passes over the page:
//  0. Tags nested too deep and attributes past a bound are left out
//     (extract_bound.h): Gumbo's tree construction is quadratic in both.
//  1. Gumbo parses the page. One iterative walk (an explicit stack, so that
//     deep nesting cannot overflow the call stack) turns the DOM into raw
//     blocks with correct inline spacing, skipping what is never text
//     (script, style, forms' controls, hidden elements), and records every
//     block-level element in preorder with the verdict of the rules in
//     filters/extract_classes.txt (tag, role, itemprop, class and id tokens)
//     and its range of blocks. Metadata is read on the way.
//  2. Bottom-up sums give each element its text, link text and "prose" (long,
//     punctuated, stop-word-dense, few links) amounts.
//  3. Elements the rules call boilerplate are dropped, unless they hold most
//     of the page's prose (then the rule hit a wrapper, not furniture).
//  4. Readability's candidate scoring picks the main-content element (each
//     paragraph scores its ancestors; commas, length, class weight and link
//     density count), then its siblings that score close to it.
//  5. Inside the selection, link-heavy containers and blocks are removed and
//     a heading that repeats the title is dropped. A page where nothing
//     scores (a fragment) keeps every block the rules kept; a page whose DOM
//     holds almost no text uses its JSON-LD articleBody.
#include "cleaner/extract/extract_html.h"
#include "cleaner/util/ascii.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cleaner/extract/declared_text.h"
#include "cleaner/extract/extract_bound.h"
#include "cleaner/extract/extract_rules.h"
#include "cleaner/extract/features.h"
#include "cleaner/extract/extract_text.h"
#include "cleaner/extract/html_controls.h"
#include "cleaner/extract/html_model.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/math_text.h"
#include "cleaner/extract/metadata_normalize.h"
#include "cleaner/extract/page_kind.h"
#include "cleaner/extract/repeated.h"
#include "cleaner/extract/scoring.h"
#include "cleaner/extract/page_kind_model.h"
#include "cleaner/extract/selection_gate.h"
#include "cleaner/extract/walk.h"
#include "cleaner/util/language.h"

namespace cleaner {

using extract_internal::AsciiLowerInto;
using extract_internal::ClassifyProse;
using extract_internal::Collapse;
using extract_internal::DeclaredAuthor;
using extract_internal::DeclaredDate;
using extract_internal::FillMetadata;
using extract_internal::HiddenRule;
using extract_internal::HiddenText;
using extract_internal::IsSpace;
using extract_internal::MeasureHidden;
using extract_internal::MetaCandidates;
using extract_internal::ModalRule;
using extract_internal::PickTop;
using extract_internal::Score;
using extract_internal::Snippet;
using extract_internal::SumUp;
using extract_internal::Walker;

namespace {

// Prose in a form that makes it the page's wrapper rather than a form to
// fill: a few paragraphs (a comment form's own words are one line).
constexpr int kFormProseChars = 400;
// Prose outside comment sections under which a page is a discussion of a
// link or a title, not an article with comments (a summary of a paragraph).
constexpr int kArticleProseChars = 400;
// Text outside links, comments and furniture under which a page holds no
// post of its own (a title link and "submitted by ... 47 comments" are
// links and a line; a photo post's captions are more).
constexpr int kArticleTextChars = 300;
// Text outside links in an <article> outside the comment sections: the
// page marks a post of its own (a photo post's captions), whose comments
// are comments.
constexpr int kArticleMarkedChars = 60;

// Text with ASCII letters lowercased and everything but letters and digits
// removed, for comparing a heading with the title.
std::string Fold(std::string_view s) { return FoldAlnum(s); }

// Markup inside a JSON-LD articleBody: tags removed, a block tag's end
// becomes a line break (one paragraph per line).
std::string StripTags(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<') {
      out += s[i++];
      continue;
    }
    size_t end = s.find('>', i);
    if (end == std::string_view::npos) break;
    std::string_view tag = s.substr(i, end - i);
    if (tag.rfind("</p", 0) == 0 || tag.rfind("<br", 0) == 0 || tag.rfind("</h", 0) == 0 ||
        tag.rfind("</li", 0) == 0 || tag.rfind("</div", 0) == 0) {
      out += '\n';
    }
    i = end + 1;
  }
  return out;
}

class Selector {
 public:
  Selector(std::vector<Elem>* elems, std::vector<RawBlock>* blocks, const ExtractOptions& options,
           const DocumentInfo& doc)
      : elems_(*elems), blocks_(*blocks), options_(options), doc_(doc) {}

  // Marks blocks to keep in `keep`.
  void Run(std::vector<char>* keep);
  std::string title;   // for the heading-repeats-title check
  PageKind kind = PageKind::kArticle;
  const GateVector* gate = nullptr;  // the selection gate's weights
  std::string byline;  // the text of the first byline dropped, if any

 private:
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
  void Emit(int top, std::vector<char>* keep);
  void KeepClean(int c, bool post, std::vector<char>* keep);
  void KeepThread(std::vector<char>* keep);
  void DropRepeats(std::vector<char>* keep);
  void Gate(std::vector<char>* keep);
  void DropTitleHeading(std::vector<char>* keep);
  // `link_density`, when not negative, is the score behind the drop.
  void Report(const char* rule, const std::string& category, int block,
              float link_density = -1.f);
  void Select(std::vector<char>* keep);
  void ResetSelection();
  void Fallback(std::vector<char>* keep);
  void KeepCards(std::vector<char>* keep);
  // The blocks' card_chars: KeepCards() makes a selection's cards card text,
  // and a selection put back brings its cards back with it.
  std::vector<int> CardState() const;
  void SetCardState(const std::vector<int>& state);
  void ReportLeftOut(const std::vector<char>& keep);

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
  bool cards_explained_ = false;  // KeepCards() runs with every selection pass; it says so once
  std::vector<int> walked_card_chars_;  // blocks' card_chars as walked, before KeepCards()
  // Explain events of the current pass, reported once its result is used.
  std::vector<ExplainEvent> pending_;
  std::vector<char> explained_;  // blocks named by an event of pending_
};

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

Verdict Selector::EffectiveVerdict(const Elem& e, const TokenRule** rule_out) const {
  Verdict v = e.verdict;
  const TokenRule* rule = e.rule;
  // A page read with its hidden elements shown: a hidden element has the
  // rule it has when shown (a cookie notice's class, a dialog's).
  if (show_hidden_ && rule == &HiddenRule()) {
    rule = e.shown_rule;
    v = rule == nullptr ? kNone : rule->kinds != 0 ? kScoped : rule->verdict;
  }
  // A rule scoped to some page kinds: its verdict there, none elsewhere.
  if (v == kScoped) v = (rule->kinds >> static_cast<int>(kind)) & 1u ? rule->verdict : kNone;
  *rule_out = rule;
  return v;
}

bool Selector::FormWraps(const Elem& e, const TokenRule* rule) const {
  return e.tag == GUMBO_TAG_FORM && rule != nullptr && rule->tag_rule &&
         e.raw_prose >= kFormProseChars && e.raw_prose * 2 >= total_prose_;
}

bool Selector::HoldsThePage(const Elem& e) const {
  return (total_prose_ > 0 && e.raw_prose * 5 >= total_prose_ * 2 &&
          static_cast<long>(e.chars) * 5 >= total_chars_ * 2) ||
         static_cast<long>(e.chars) * 2 > total_chars_;
}

bool Selector::HasNestedComments(size_t i) const {
  for (int k = static_cast<int>(i) + 1; k < elems_[i].end; ++k) {
    const TokenRule* rule = nullptr;
    if (EffectiveVerdict(elems_[k], &rule) == kComments) return true;
  }
  return false;
}

Selector::CommentMeasure Selector::MeasureComments() const {
  // Per element: 0 outside, 1 in a comment section, 2 in furniture (an
  // element a drop rule names). Parents come before their children.
  std::vector<char> where(elems_.size(), 0);
  std::vector<char> in_article(elems_.size(), 0);  // it or an ancestor is an <article>
  CommentMeasure m;
  for (size_t i = 0; i < elems_.size(); ++i) {
    const Elem& e = elems_[i];
    in_article[i] = e.tag == GUMBO_TAG_ARTICLE || (e.parent >= 0 && in_article[e.parent]);
    char w = e.parent >= 0 ? where[e.parent] : 0;
    if (w == 0) {
      const TokenRule* rule = nullptr;
      const Verdict v = EffectiveVerdict(e, &rule);
      // A comment-named wrapper around the article and its comments ("post
      // has-comments": 85 % of the prose, sections inside) is no comment
      // section; the sections inside it are. Scoped rules (reviews on a
      // product) do not count.
      if (v == kComments && rule != nullptr && rule->kinds == 0 &&
          !(e.raw_prose * 20 >= total_prose_ * 17L && HasNestedComments(i))) {
        w = 1;
        m.comment_prose += e.raw_prose;
      } else if (v == kDrop && !HoldsThePage(e) && !FormWraps(e, rule)) {
        w = 2;
      }
    }
    where[i] = static_cast<char>(w);
  }
  for (const RawBlock& b : blocks_) {
    if (b.owner >= 0 && where[b.owner] != 0) continue;
    if (b.prose) m.outside_prose += b.chars;
    m.outside_text += b.chars - b.link_chars;
    if (b.owner >= 0 && in_article[b.owner]) m.article_text += b.chars - b.link_chars;
  }
  return m;
}

void Selector::ApplyDrops() {
  total_prose_ = 0;
  total_chars_ = 0;
  for (const RawBlock& b : blocks_) {
    if (b.prose) total_prose_ += b.chars;
    total_chars_ += b.chars;
  }
  for (Elem& e : elems_) e.raw_prose = e.prose_chars;
  // Comment sections holding 85% of the prose outside furniture (as a
  // comment section's own veto below), less than a paragraph or two of
  // prose and a few lines of text outside them, and no post of the page's
  // own marked as an <article>: a discussion of a link (old Reddit,
  // Lobsters) that declares itself an article.
  // Only an article page is asked: the measure is not taken on the others.
  const CommentMeasure cm = kind == PageKind::kArticle ? MeasureComments() : CommentMeasure();
  comments_are_page_ = kind == PageKind::kArticle && cm.comment_prose > 0 &&
                       cm.comment_prose * 20 >= (cm.comment_prose + cm.outside_prose) * 17L &&
                       cm.outside_prose < kArticleProseChars &&
                       cm.outside_text < kArticleTextChars && cm.article_text < kArticleMarkedChars;
  if (comments_are_page_ && comments_explained_.empty()) {
    comments_explained_ = "comment sections hold " + std::to_string(cm.comment_prose) +
                          " of the " + std::to_string(cm.comment_prose + cm.outside_prose) +
                          " characters of prose outside furniture, and " +
                          std::to_string(cm.outside_text) +
                          " characters of text stand outside them and outside furniture and "
                          "links; they are kept as the page's text";
  }
  for (size_t i = 0; i < elems_.size(); ++i) {
    Elem& e = elems_[i];
    const Elem* parent = e.parent >= 0 ? &elems_[e.parent] : nullptr;
    e.dropped = parent != nullptr && parent->dropped;
    const TokenRule* rule = nullptr;
    const Verdict v = EffectiveVerdict(e, &rule);
    e.comments = (parent != nullptr && parent->comments) || v == kComments;
    if (e.dropped || v == kNone) continue;
    // On a forum thread the replies are the content.
    if (v == kComments && (options_.keep_comments || kind == PageKind::kForum || comments_are_page_)) {
      continue;
    }
    // Inline wrappers keep their rule too: inline, their text would not be
    // there at all.
    if (hidden_only_ && rule != &HiddenRule() && rule != &ModalRule() &&
        v != kComments && !e.inline_wrapper) {
      continue;
    }
    // The veto: an element holding 40% of the page's prose and 40% of its
    // text is a wrapper that happens to carry a furniture word
    // ("elementor-widget-wrap", "page-with-sidebar"), not furniture; so is
    // one holding most of the page's text. (Prose alone misled on pages of
    // cards, which have little: a consent dialog or an "about us" box held
    // most of it.) A comment section is only spared
    // when nearly all prose (85%) is inside it ("post has-comments"): a
    // real thread leaves the article's prose outside, however long it is.
    // The same holds for a hidden block: a page hides its whole wrapper
    // until a script shows it, but a hidden copy of the article (microdata
    // duplicates) leaves the visible one outside.
    int outside = total_prose_ - e.raw_prose;
    bool strict = v == kComments || rule == &HiddenRule();
    bool veto = false;
    if (rule == &ModalRule()) {
      // A dialog over the page is the content only when there is no page
      // under it: less visible text outside it and outside links than one
      // paragraph of prose.
      long inside = 0;
      for (int b = e.first_block; b < e.end_block; ++b) {
        const RawBlock& x = blocks_[b];
        if (x.owner < 0 || !hidden_.in_hidden[x.owner]) inside += x.chars - x.link_chars;
      }
      veto = hidden_.visible - inside < 60;
    } else if (strict) {
      veto = total_prose_ > 0 && outside * 20 < total_prose_ * 3;
    } else {
      veto = HoldsThePage(e);
    }
    // A form holding paragraphs of prose wraps the page (ASP.NET's one form,
    // a forum's moderation form around its posts): it is not a form to fill.
    if (!veto && v == kDrop) veto = FormWraps(e, rule);
    if (veto) continue;
    e.dropped = true;
    if (rule != nullptr && rule->byline && byline.empty() && e.first_block < e.end_block &&
        blocks_[e.first_block].text.size() <= 200) {
      byline = blocks_[e.first_block].text;  // 200 bytes: a name and a date, not a bio
    }
    if (doc_.reporter != nullptr && e.first_block < e.end_block) {
      Report(rule != nullptr ? rule->origin.c_str() : "",
             v == kComments ? "comments" : "boilerplate-container", e.first_block);
      for (int b = e.first_block; b < e.end_block; ++b) explained_[b] = 1;
    }
  }
  for (RawBlock& b : blocks_) {
    if (b.owner >= 0 && elems_[b.owner].dropped) b.dropped = true;
  }
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
    ExplainEvent e;
    e.stage = "extract";
    e.rule = "main-content-container";
    e.category = "main-content";
    e.after = std::move(what);
    pending_.push_back(std::move(e));
  }
}

// Keeps the blocks of element `c` but its link-heavy containers and blocks.
// In a thread's post (`post`), a short linked line stays: the author's name.
void Selector::KeepClean(int c, bool post, std::vector<char>* keep) {
  const Elem& e = elems_[c];
  // Containers inside the selection that are mostly links (related-
  // article lists, tag clouds) go, as Readability's conditional cleaning.
  std::vector<char> bad(e.end - c, 0);
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
      if (x.first_block < x.end_block) Report("link-dense-container", "links", x.first_block, ld);
    }
  }
  for (int b = e.first_block; b < e.end_block; ++b) {
    RawBlock& rb = blocks_[b];
    if (rb.dropped) continue;
    if (rb.owner >= c && rb.owner < e.end && bad[rb.owner - c]) continue;
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
    if (rb.LinkDensity() > 0.5f && !sentences && !author) {
      Report("link-dense-block", "links", b, rb.LinkDensity());
      continue;
    }
    // A bare address (print headers, share targets) is no sentence.
    if (rb.text.find(' ') == std::string::npos &&
        (rb.text.rfind("http://", 0) == 0 || rb.text.rfind("https://", 0) == 0)) {
      Report("bare-url", "links", b);
      continue;
    }
    (*keep)[b] = 1;
  }
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
  if (walked_card_chars_.empty()) {
    walked_card_chars_.reserve(blocks_.size());
    for (const RawBlock& b : blocks_) walked_card_chars_.push_back(b.card_chars);
  }
  int kept = 0;
  std::vector<char> joined(blocks_.size(), 0);
  for (int m : g.members) {
    for (int b = elems_[m].first_block; b < elems_[m].end_block; ++b) {
      if (blocks_[b].dropped) continue;
      blocks_[b].card_chars = blocks_[b].link_chars;
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
// Under one paragraph's worth of text shown (a prose block has 60
// characters), with a few paragraphs' worth hidden: a page hidden until a
// script has run.
constexpr long kShownMinChars = 60;
constexpr long kHiddenPageChars = 500;

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

std::vector<int> Selector::CardState() const {
  std::vector<int> state;
  state.reserve(blocks_.size());
  for (const RawBlock& b : blocks_) state.push_back(b.card_chars);
  return state;
}

void Selector::SetCardState(const std::vector<int>& state) {
  for (size_t i = 0; i < state.size() && i < blocks_.size(); ++i) blocks_[i].card_chars = state[i];
}

void Selector::ResetSelection() {
  for (Elem& e : elems_) {
    e.dropped = false;
    e.scored = false;
    e.score = e.best = 0;
  }
  for (RawBlock& b : blocks_) b.dropped = false;
  // What a discarded pass's KeepCards() made card text is link text again.
  if (!walked_card_chars_.empty()) SetCardState(walked_card_chars_);
  pending_.clear();
  explained_.assign(blocks_.size(), 0);
}

namespace {

// Characters of text outside links in the kept blocks (all blocks if `keep`
// is null) that are not mostly links: what a reader sees as text.
long TextChars(const std::vector<RawBlock>& blocks, const std::vector<char>* keep,
               bool prose_only = false, bool cards_are_text = false) {
  long n = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const RawBlock& b = blocks[i];
    float ld = cards_are_text ? b.NavLinkDensity() : b.LinkDensity();
    if ((keep != nullptr && !(*keep)[i]) || b.dropped || ld > 0.5f) continue;
    if (prose_only && !b.prose) continue;
    n += b.chars - b.link_chars + (cards_are_text ? b.card_chars : 0);
  }
  return n;
}

}  // namespace

// Never silently empty: when the selection holds little next to the page's
// visible text (comment sections aside: they are kept by --keep-comments),
// select again with only hidden elements and comments dropped (a class or
// id token weighs against a container, it does not veto the page's text);
// when that is tiny too, every visible block goes on to the line filter.
void Selector::Fallback(std::vector<char>* keep) {
  // A listing's cards (links around a title and an excerpt) count as text.
  const long chosen = TextChars(blocks_, keep, false, true);
  const long chosen_prose = TextChars(blocks_, keep, true);
  std::vector<char> first = *keep;
  std::vector<ExplainEvent> first_events = std::move(pending_);
  std::vector<char> first_explained = std::move(explained_);
  const std::vector<int> first_cards = CardState();
  ResetSelection();
  SetCardState(first_cards);  // the cards found are visible text
  hidden_only_ = true;
  SumUp(blocks_, &elems_);
  ApplyDrops();  // hidden elements only: what remains is the visible text
  const long visible = TextChars(blocks_, nullptr, false, true);
  const long visible_prose = TextChars(blocks_, nullptr, true);
  // Less than a line shown ("Loading...") and a page's worth hidden: the
  // page hides its text until a script has run, and that text is what a
  // reader sees.
  if (visible < kShownMinChars && hidden_.hidden >= kHiddenPageChars) {
    show_hidden_ = true;
    hidden_only_ = false;
    ResetSelection();
    SetCardState(first_cards);
    Select(keep);
    ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "fallback", "main-content",
                    "the page shows " + std::to_string(visible) + " characters and hides " +
                        std::to_string(hidden_.hidden) +
                        "; the text is from selection with its hidden elements shown");
    return;
  }
  // Less than 1/8 of the visible text and less than half its prose: the
  // selection missed the content (a furniture word on its wrapper, a page
  // of many short items). A short article beside long menus holds the
  // page's prose, and stays.
  if (visible == 0 ||
      (chosen > 0 && (chosen * 8 >= visible || chosen_prose * 2 >= visible_prose))) {
    *keep = std::move(first);
    pending_ = std::move(first_events);
    explained_ = std::move(first_explained);
    hidden_only_ = false;
    return;
  }
  ResetSelection();
  Select(keep);
  const char* path = "selection without class, id, tag and role rules";
  if (TextChars(blocks_, keep, false, true) * 8 < visible) {
    path = "every visible block (to the line filter)";
    const std::vector<int> cards = CardState();
    ResetSelection();
    SetCardState(cards);
    SumUp(blocks_, &elems_);
    ApplyDrops();
    for (size_t i = 0; i < blocks_.size(); ++i) {
      (*keep)[i] = !blocks_[i].dropped && blocks_[i].NavLinkDensity() <= 0.5f;
      if (!(*keep)[i] && !blocks_[i].dropped) {
        Report("link-dense-block", "links", static_cast<int>(i), blocks_[i].NavLinkDensity());
      }
    }
  }
  ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "fallback", "main-content",
                  std::string("the main-content selection kept ") + std::to_string(chosen) +
                      " of " + std::to_string(visible) + " visible characters; the text is from " +
                      path);
  hidden_only_ = false;
}

// The selection gate (selection_gate.h): the main-content selection, or
// every block the rules leave (hidden elements and furniture containers,
// under the veto, and link-dense blocks out), as the model decides from
// how much of that the selection holds, its prose, its repeated
// structures and the page's kind.
void Selector::Gate(std::vector<char>* keep) {
  const long sel_text = TextChars(blocks_, keep, false, true);
  const long sel_prose = TextChars(blocks_, keep, true);
  std::vector<ExplainEvent> sel_events = std::move(pending_);
  std::vector<char> sel_explained = std::move(explained_);
  const bool was_hidden_only = hidden_only_;
  const std::vector<int> sel_cards = CardState();
  ResetSelection();
  SetCardState(sel_cards);  // the selection's cards are text in the broad choice too
  hidden_only_ = false;
  SumUp(blocks_, &elems_);
  ApplyDrops();
  SumUp(blocks_, &elems_);
  std::vector<char> broad(blocks_.size(), 0);
  long chars = 0, links = 0, headings = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) {
    const RawBlock& b = blocks_[i];
    if (b.dropped) continue;
    chars += b.chars;
    links += b.link_chars;
    broad[i] = b.NavLinkDensity() <= 0.5f;
    if (broad[i] && b.kind == BlockKind::kHeading) ++headings;
  }
  const long text = TextChars(blocks_, &broad, false, true);
  const long prose = TextChars(blocks_, &broad, true, true);
  auto share = [](long part, long whole) {
    return whole > 0 ? std::min(1.f, static_cast<float>(part) / whole) : 1.f;
  };
  GateVector f{};
  f[kGateBias] = 1;
  f[kGateTextShare] = share(sel_text, text);
  f[kGateProseShare] = share(sel_prose, prose);
  f[kGateProseDensity] = share(prose, text);
  f[kGateLogText] = static_cast<float>(std::log10(1.0 + text) / 5);
  f[kGateRepeatedShare] = share(FindRepeatedGroup(elems_, 3).prose, prose);
  f[kGateHeadings] = std::min(1.f, headings / 20.f);
  f[kGateLinkDensity] = share(links, chars);
  f[kGateLogChosenProse] = static_cast<float>(std::log10(1.0 + sel_prose) / 5);
  SetKindFeatures(kind, &f);
  const float score = gate != nullptr ? GateScore(*gate, f) : 0.f;
  const bool use_broad = score > 0 && text > 0;
  if (doc_.reporter != nullptr) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "score=%.3f ", score);
    ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "selection-gate",
                    "main-content",
                    std::string(buf) + FormatGateFeatures(f) + (use_broad
                        ? "; the text is every block the rules leave"
                        : "; the text is the main-content selection"));
  }
  if (!use_broad) {
    pending_ = std::move(sel_events);
    explained_ = std::move(sel_explained);
    hidden_only_ = was_hidden_only;
    return;
  }
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (!blocks_[i].dropped && !broad[i]) {
      Report("link-dense-block", "links", static_cast<int>(i), blocks_[i].NavLinkDensity());
    }
  }
  *keep = std::move(broad);
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
  DropTitleHeading(keep);
  DropRepeats(keep);
  ReportLeftOut(*keep);
  // A dropped block's position: how many kept blocks came before it.
  std::vector<int> kept_before(blocks_.size() + 1, 0);
  for (size_t i = 0; i < blocks_.size(); ++i) kept_before[i + 1] = kept_before[i] + (*keep)[i];
  for (ExplainEvent& e : pending_) {
    if (e.position >= 0) e.position = kept_before[e.position];
    Explain(doc_, e);
  }
}

// Text the page declares rather than shows (declared_text.h): a product
// page that shows next to nothing (under 300 bytes: its description is in
// tabs or scripts) gets the JSON-LD description, a thread that shows no
// text its declared summary (the opening post's first lines). Any other
// page that shows no text says so: its text is not in the page (rendered
// by script).
void AddDeclaredText(const MetaCandidates& m, PageKind kind, const DocumentInfo& doc,
                     std::vector<RawBlock>* blocks, std::vector<char>* keep) {
  std::string shown;
  for (size_t i = 0; i < blocks->size(); ++i) {
    if ((*keep)[i]) shown.append((*blocks)[i].text).append("\n");
  }
  std::string text;
  const char* rule = "json-ld-product-description";
  std::string why = "the page hides its product description; the JSON-LD's: ";
  if (kind == PageKind::kProduct && shown.size() < 300) {
    text = ProductDescription(m.json_ld);
    // 80 bytes: a sentence about the product, not a slogan.
    if (text.size() < 80 || AlreadyShown(text, shown)) text.clear();
  } else if (kind == PageKind::kForum && shown.empty()) {
    // A thread rendered by script (Discourse without its <noscript> copy):
    // its declared summary is the opening post's first lines, the one
    // part of the thread the page holds.
    text = !m.og_description.empty() ? m.og_description : m.description;
    if (text.size() < 80) text.clear();
    rule = "declared-description";
    why = "the page shows no text (a script renders the thread); its declared summary: ";
  }
  if (text.empty()) {
    if (shown.empty()) {
      ExplainDocument(doc, "extract", ExplainEvent::Action::kInfo, "no-visible-text",
                      "main-content",
                      "the page shows no text outside hidden elements, scripts and furniture "
                      "(a script renders it?)");
    }
    return;
  }
  ExplainDocument(doc, "extract", ExplainEvent::Action::kInfo, rule, "main-content",
                  why + Snippet(text));
  RawBlock b;
  b.text = std::move(text);
  blocks->push_back(std::move(b));
  keep->push_back(1);
}

// The page's kind: what it declares (ClassifyPage()), weighed by the
// page-kind model with the shape of its walked text when the rules give the
// model weights. Sets doc.metadata->page_type and explains both.
PageKind DecidePageKind(const Walker& w, const PageKindModel& kind_model,
                        const DocumentInfo& doc) {
  const MetaCandidates& m = w.meta;
  std::string kind_reason;
  PageEvidence evidence;
  evidence.json_ld = m.json_ld;
  evidence.itemtypes = m.itemtypes;
  evidence.og_type = m.og_type;
  evidence.url = !doc.metadata->url.empty() ? std::string_view(doc.metadata->url)
                 : !m.canonical.empty()     ? std::string_view(m.canonical)
                                            : std::string_view(m.og_url);
  PageKind kind = ClassifyPage(evidence, &kind_reason);
  if (!kind_model.empty || doc.reporter != nullptr) {
    KindSignals signals;
    signals.dated = !DeclaredDate(m).empty();
    signals.authored = !DeclaredAuthor(m).empty() || JsonHasKey(m.json_ld, "author");
    const KindFeatures x =
        ComputeKindFeatures(kind, kind_reason, evidence.url, w.blocks, w.elems, signals);
    if (!kind_model.empty) {
      float p = 0;
      const PageKind declared = kind;
      kind = PredictKind(kind_model, x, &p);
      char buf[64];
      std::snprintf(buf, sizeof buf, "page-kind model p=%.2f", p);
      kind_reason = std::string(buf) + " (declared: " + PageKindName(declared) + ", " +
                    kind_reason + ")";
    }
    ExplainDocument(doc, "extract", ExplainEvent::Action::kInfo, "page-kind-features",
                    "page_type", FormatKindFeatures(x));
  }
  doc.metadata->page_type = PageKindName(kind);
  ExplainDocument(doc, "extract", ExplainEvent::Action::kMetadata, kind_reason, "page_type",
                  PageKindName(kind));
  return kind;
}

// A page whose DOM holds almost no text (rendered by a script) often
// carries the article in its JSON-LD: the paragraphs of its articleBody
// when the kept `blocks` hold less than one real paragraph and the body is
// longer; else none.
std::vector<RawBlock> ArticleBodyBlocks(const std::string& json_ld,
                                        const std::vector<RawBlock>& blocks,
                                        const std::vector<char>& keep, const DocumentInfo& doc) {
  std::vector<RawBlock> from_json;
  size_t kept_chars = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (keep[i]) kept_chars += blocks[i].text.size();
  }
  // 300 bytes: less than one real paragraph was found.
  if (kept_chars < 300) {
    std::string body = JsonStringValue(json_ld, "articleBody");
    if (body.find("</") != std::string::npos) body = StripTags(body);
    if (body.size() >= 300 && body.size() > 2 * kept_chars) {
      ExplainDocument(doc, "extract", ExplainEvent::Action::kInfo, "json-ld-article-body", "",
                      "the page's text is its JSON-LD articleBody");
      size_t start = 0;
      while (start < body.size()) {
        size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string para = Collapse(std::string_view(body).substr(start, end - start));
        if (!para.empty()) {
          RawBlock b;
          b.text = std::move(para);
          from_json.push_back(std::move(b));
        }
        start = end + 1;
      }
    }
  }
  return from_json;
}

// Pushes the kept `blocks` to `out` as Blocks indexed from 0, their links
// made absolute against the page's URL (else its canonical URL). Returns
// the first error of out->Push().
Status PushKept(std::vector<RawBlock>* blocks, const std::vector<char>& keep,
                const std::string& canonical, const DocumentInfo& doc, BlockSink* out) {
  out->Reserve(static_cast<size_t>(std::count(keep.begin(), keep.end(), 1)));
  int index = 0;
  for (size_t i = 0; i < blocks->size(); ++i) {
    if (!keep[i]) continue;
    RawBlock& rb = (*blocks)[i];
    Block b;
    b.text = std::move(rb.text);
    b.kind = rb.kind;
    b.level = rb.level;
    b.ordered = rb.ordered;
    b.index = index++;
    b.link_density = rb.NavLinkDensity();
    b.links = std::move(rb.links);
    for (InlineLink& l : b.links) {
      std::string abs = ResolveUrl(l.target, doc.metadata->url.empty() ? std::string_view(canonical)
                                                                       : std::string_view(doc.metadata->url));
      if (!abs.empty()) l.target = std::move(abs);
    }
    ++doc.stats->blocks_in;
    CLEANER_RETURN_IF_ERROR(out->Push(std::move(b)));
  }
  return Status::OK();
}

}  // namespace

Status ExtractHtml(std::string_view html, const ExtractRules& rules,
                   const ExtractOptions& options, const LimitOptions& limits,
                   const DocumentInfo& doc, BlockSink* out) {
  // Gumbo reads every control as U+FFFD: C1 controls that Windows-1252
  // names become its characters, for the repair stage, and terminal escape
  // sequences go (html_controls.h).
  std::string controls;
  if (C1AsWindows1252(html, &controls)) html = controls;
  GumboOptions gopts = kGumboDefaultOptions;
  // Parse errors are of no use here; not recording them saves time.
  gopts.max_errors = 0;
  // Gumbo is quadratic in nesting depth and in attributes per tag: bound
  // both first (a linear scan; pages within bounds are parsed as they are).
  HtmlBounds bounds;
  if (limits.max_html_depth > 0) bounds.max_depth = limits.max_html_depth;
  if (limits.max_html_attributes > 0) bounds.max_attributes = limits.max_html_attributes;
  bounds.max_tags = TagBudget(html.size());
  std::string bounded;
  if (BoundHtml(html, bounds, &bounded, doc.deadline)) {
    if (DeadlinePassed(doc.deadline)) return doc.deadline->Error("the pre-parse bound");
    ExplainDocument(doc, "extract", ExplainEvent::Action::kChange, "html-bounds", "limits",
                    "tags nested deeper than " + std::to_string(bounds.max_depth) +
                        ", attributes past " + std::to_string(bounds.max_attributes) +
                        " per tag or tags past the page's budget of " +
                        std::to_string(bounds.max_tags) + " were left out (their text stays)");
    html = bounded;
  }
  GumboOutput* output = gumbo_parse_with_options(&gopts, html.data(), html.size());
  Walker w(rules.rep(), options.main_content);
  w.keep_links = options.links;
  w.keep_images = options.images;
  if (limits.max_html_elements > 0) w.max_elements = limits.max_html_elements;
  w.deadline = doc.deadline;
  w.Walk(output->document);
  gumbo_destroy_output(&gopts, output);
  if (DeadlinePassed(doc.deadline)) return doc.deadline->Error("the HTML walk");
  if (w.elements_capped) {
    ExplainDocument(doc, "extract", ExplainEvent::Action::kInfo, "limit:max-html-elements",
                    "limits",
                    "more than " + std::to_string(w.max_elements) +
                        " block elements; the rest were read as inline text, unscored");
  }

  std::vector<char> keep;
  std::string byline;
  const MetaCandidates& m = w.meta;
  std::string title = !m.og_title.empty() ? m.og_title : m.title_tag;
  const PageKind kind = DecidePageKind(w, rules.rep().page_kind, doc);
  if (options.main_content) {
    Selector sel(&w.elems, &w.blocks, options, doc);
    sel.kind = kind;
    sel.gate = &rules.rep().gate;
    sel.title = title;
    if (!m.title_tag.empty() && m.title_tag != title) sel.title += " " + m.title_tag;
    sel.Run(&keep);
    byline = sel.byline;
  } else {
    keep.assign(w.blocks.size(), 1);
  }

  // A page whose DOM holds almost no text (rendered by a script) often
  // carries the article in its JSON-LD: use that instead.
  std::vector<RawBlock> from_json;
  if (options.main_content && !m.json_ld.empty()) {
    from_json = ArticleBodyBlocks(m.json_ld, w.blocks, keep, doc);
  }
  if (!from_json.empty()) {
    w.blocks = std::move(from_json);
    keep.assign(w.blocks.size(), 1);
  }
  if (options.main_content && from_json.empty()) AddDeclaredText(m, kind, doc, &w.blocks, &keep);
  if (title.empty()) title = Collapse(JsonStringValue(m.json_ld, "headline"));

  FillMetadata(m, title, byline, w.blocks, keep, doc);

  return PushKept(&w.blocks, keep, m.canonical, doc, out);
}

}  // namespace cleaner
