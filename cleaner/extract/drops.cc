// Stage 2a, extract: the rules' drops, for the selection. Elements the rules
// of filters/extract_classes.txt call furniture or comment sections, and
// hidden elements and modal dialogs, are dropped with their blocks, unless
// they hold the page (the veto: a rule hit a wrapper, not furniture).
// Comment sections that hold nearly all of an article page's prose are its
// text. See selection.h.
#include <string>

#include "cleaner/extract/extract_rules.h"
#include "cleaner/extract/selection.h"

namespace cleaner::extract_internal {
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

}  // namespace

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
    comments_explained_ = "comment sections hold " + std::to_string(cm.comment_prose) + " of the " +
                          std::to_string(cm.comment_prose + cm.outside_prose) +
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
    if (v == kComments &&
        (options_.keep_comments || kind == PageKind::kForum || comments_are_page_)) {
      continue;
    }
    // Inline wrappers keep their rule too: inline, their text would not be
    // there at all.
    if (hidden_only_ && rule != &HiddenRule() && rule != &ModalRule() && v != kComments &&
        !e.inline_wrapper) {
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

}  // namespace cleaner::extract_internal
