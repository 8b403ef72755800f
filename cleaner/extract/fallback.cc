// Stage 2a, extract: the fallbacks, for a page whose main-content selection
// is not its text. See fallback.h.
#include "cleaner/extract/fallback.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <utility>

#include "cleaner/extract/declared_text.h"
#include "cleaner/extract/extract_text.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/repeated.h"
#include "cleaner/extract/selection.h"
#include "cleaner/extract/selection_gate.h"

namespace cleaner::extract_internal {
namespace {

// Under one paragraph's worth of text shown (a prose block has 60
// characters), with a few paragraphs' worth hidden: a page hidden until a
// script has run.
constexpr long kShownMinChars = 60;
constexpr long kHiddenPageChars = 500;
// Prose of its own (a few paragraphs) that makes a selection an article
// whose photos' captions do not count as text it missed.
constexpr long kArticleProseChars = 300;

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

// Characters of the visible blocks inside a <figcaption> (*all) and of
// those that are prose (*prose): a photo's caption, which the tag rule
// drops on purpose. An article with a gallery of captions under it has not
// lost its text.
void CaptionChars(const std::vector<RawBlock>& blocks, const std::vector<Elem>& elems, long* all,
                  long* prose) {
  *all = *prose = 0;
  for (const RawBlock& b : blocks) {
    if (b.dropped || b.LinkDensity() > 0.5f) continue;
    for (int e = b.owner, depth = 0; e >= 0 && depth < 4; e = elems[e].parent, ++depth) {
      if (elems[e].tag == GUMBO_TAG_FIGCAPTION) {
        *all += b.chars - b.link_chars;
        if (b.prose) *prose += b.chars - b.link_chars;
        break;
      }
    }
  }
}

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
  const std::vector<CardMark> first_cards = CardState();
  ResetSelection();
  SetCardState(first_cards);  // the cards found are visible text
  hidden_only_ = true;
  SumUp(blocks_, &elems_);
  ApplyDrops();  // hidden elements only: what remains is the visible text
  const long visible = TextChars(blocks_, nullptr, false, true);
  const long visible_prose = TextChars(blocks_, nullptr, true);
  // An article with a gallery under it: the captions the tag rule drops
  // are not text the selection missed (a gallery page's few words are no
  // article, and its captions count).
  long captions = 0, caption_prose = 0;
  if (chosen_prose >= kArticleProseChars) CaptionChars(blocks_, elems_, &captions, &caption_prose);
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
  if (visible == 0 || (chosen > 0 && (chosen * 8 >= visible - captions ||
                                      chosen_prose * 2 >= visible_prose - caption_prose))) {
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
    const std::vector<CardMark> cards = CardState();
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
  const std::vector<CardMark> sel_cards = CardState();
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
  gate_score_ = score;
  broad_ = use_broad;
  if (doc_.reporter != nullptr) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "score=%.3f ", score);
    ExplainDocument(doc_, "extract", ExplainEvent::Action::kInfo, "selection-gate", "main-content",
                    std::string(buf) + FormatGateFeatures(f) +
                        (use_broad ? "; the text is every block the rules leave"
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

}  // namespace cleaner::extract_internal
