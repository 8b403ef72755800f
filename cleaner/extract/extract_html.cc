// Stage 2a, extract: the entry, ExtractHtml(). See extract_html.h.
//
// How it works, in linear passes over the page, one job per file:
//  0. Tags nested too deep and attributes past a bound are left out
//     (extract_bound.h): Gumbo's tree construction is quadratic in both.
//  1. Gumbo parses the page. One iterative walk (walk.h, walk.cc; an
//     explicit stack, so that deep nesting cannot overflow the call stack)
//     turns the DOM into raw blocks with correct inline spacing
//     (walk_text.cc), skipping what is never text (script, style, forms'
//     controls, hidden elements), and records every block-level element in
//     preorder with the verdict of the rules in filters/extract_classes.txt
//     (walk_attributes.cc, extract_rules.h: tag, role, itemprop, class and id
//     tokens) and its range of blocks: the page model of html_model.h.
//     Metadata is read on the way (metadata.h).
//  2. The page's kind (page_kind.h, page_kind_model.h) says what its main
//     content is: on a thread the replies, on a listing its cards.
//  3. Bottom-up sums give each element its text, link text and "prose" (long,
//     punctuated, stop-word-dense, few links) amounts (features.h).
//  4. Elements the rules call boilerplate are dropped, unless they hold most
//     of the page's prose (then the rule hit a wrapper, not furniture)
//     (drops.cc).
//  5. Readability's candidate scoring picks the main-content element (each
//     paragraph scores its ancestors; commas, length, class weight and link
//     density count; scoring.h), then its siblings that score close to it.
//  6. Inside the selection, link-heavy containers and blocks are removed and
//     a heading that repeats the title is dropped (selection.h). A page
//     where nothing scores (a fragment) keeps every block the rules kept.
//  7. A selection that holds little of the page falls back to broader ones,
//     the selection gate may prefer every block the rules leave, a page
//     whose DOM holds almost no text uses its JSON-LD articleBody, and a
//     product page or a thread that shows next to nothing the text it
//     declares (fallback.h).
//  8. The metadata is filled (metadata.h) and the kept blocks are pushed.
#include "cleaner/extract/extract_html.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cleaner/extract/extract_bound.h"
#include "cleaner/extract/extract_rules.h"
#include "cleaner/extract/extract_text.h"
#include "cleaner/extract/fallback.h"
#include "cleaner/extract/html_controls.h"
#include "cleaner/extract/html_model.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/metadata.h"
#include "cleaner/extract/metadata_normalize.h"
#include "cleaner/extract/page_kind.h"
#include "cleaner/extract/page_kind_model.h"
#include "cleaner/extract/selection.h"
#include "cleaner/extract/split_text.h"
#include "cleaner/extract/walk.h"
#include "cleaner/util/deadline.h"

namespace cleaner {

using extract_internal::AddDeclaredText;
using extract_internal::ArticleBodyBlocks;
using extract_internal::Collapse;
using extract_internal::DeclaredAuthor;
using extract_internal::DeclaredDate;
using extract_internal::FillMetadata;
using extract_internal::MetaCandidates;
using extract_internal::Selector;
using extract_internal::Walker;

namespace {

// The page's kind: what it declares (ClassifyPage()), weighed by the
// page-kind model with the shape of its walked text when the rules give the
// model weights. Sets doc.metadata->page_type and explains both.
PageKind DecidePageKind(const Walker& w, const PageKindModel& kind_model, const DocumentInfo& doc) {
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
      kind_reason =
          std::string(buf) + " (declared: " + PageKindName(declared) + ", " + kind_reason + ")";
    }
    ExplainDocument(doc, "extract", ExplainEvent::Action::kInfo, "page-kind-features", "page_type",
                    FormatKindFeatures(x));
  }
  doc.metadata->page_type = PageKindName(kind);
  ExplainDocument(doc, "extract", ExplainEvent::Action::kMetadata, kind_reason, "page_type",
                  PageKindName(kind));
  return kind;
}

// Prose hard-wrapped with <br> (a text pasted with its line breaks) is
// re-joined, as scraped text is (split_text.h), and said.
void JoinBreaks(const DocumentInfo& doc, Block* b) {
  const int joined = JoinWrappedLines(&b->text);
  if (joined == 0) return;
  doc.stats->lines_joined += static_cast<uint64_t>(joined);
  // A link's text read across a joined break reads as the block now does.
  for (InlineLink& l : b->links) std::replace(l.text.begin(), l.text.end(), '\n', ' ');
  ExplainEvent ev;
  ev.stage = "segment";
  ev.action = ExplainEvent::Action::kInfo;
  ev.block = b->index;
  ev.rule = "hard-wrap";
  ev.after = std::to_string(joined) + " line breaks of hard-wrapped prose are re-joined";
  Explain(doc, ev);
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
    b.card = rb.card;
    b.index = index++;
    b.link_density = rb.NavLinkDensity();
    b.links = std::move(rb.links);
    if (b.kind == BlockKind::kParagraph || b.kind == BlockKind::kQuote ||
        b.kind == BlockKind::kListItem) {
      JoinBreaks(doc, &b);
    }
    for (InlineLink& l : b.links) {
      std::string abs =
          ResolveUrl(l.target, doc.metadata->url.empty() ? std::string_view(canonical)
                                                         : std::string_view(doc.metadata->url));
      if (!abs.empty()) l.target = std::move(abs);
    }
    ++doc.stats->blocks_in;
    CLEANER_RETURN_IF_ERROR(out->Push(std::move(b)));
  }
  return Status::OK();
}

}  // namespace

Status ExtractHtml(std::string_view html, const ExtractRules& rules, const ExtractOptions& options,
                   const LimitOptions& limits, const DocumentInfo& doc, BlockSink* out) {
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
    sel.block_model = &rules.rep().blocks;
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
