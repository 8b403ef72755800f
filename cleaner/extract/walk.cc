// Stage 2a, extract: the walk, from Gumbo's DOM to raw blocks and element
// records. See walk.h.
#include "cleaner/extract/walk.h"

#include <algorithm>
#include <array>
#include <utility>

#include "cleaner/extract/extract_bound.h"
#include "cleaner/extract/extract_rules.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/math_text.h"
#include "cleaner/util/ascii.h"
#include "cleaner/util/deadline.h"

namespace cleaner::extract_internal {
namespace {

enum TagClass : uint8_t {
  kInline = 0,  // text flows through (a, span, b, em, unknown elements)
  kBlock,       // starts and ends a block
  kSkip,        // never text: the subtree is not walked
  kBreak,       // <br>
};

struct TagTable {
  std::array<TagClass, GUMBO_TAG_LAST + 1> cls{};
  TagTable() {
    for (GumboTag t :
         {GUMBO_TAG_ADDRESS,  GUMBO_TAG_ARTICLE,    GUMBO_TAG_ASIDE,   GUMBO_TAG_BLOCKQUOTE,
          GUMBO_TAG_BODY,     GUMBO_TAG_CENTER,     GUMBO_TAG_DD,      GUMBO_TAG_DETAILS,
          GUMBO_TAG_DIR,      GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,
          GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,  GUMBO_TAG_FOOTER,
          GUMBO_TAG_FORM,     GUMBO_TAG_H1,         GUMBO_TAG_H2,      GUMBO_TAG_H3,
          GUMBO_TAG_H4,       GUMBO_TAG_H5,         GUMBO_TAG_H6,      GUMBO_TAG_HEADER,
          GUMBO_TAG_HGROUP,   GUMBO_TAG_HR,         GUMBO_TAG_HTML,    GUMBO_TAG_LI,
          GUMBO_TAG_MAIN,     GUMBO_TAG_MENU,       GUMBO_TAG_NAV,     GUMBO_TAG_OL,
          GUMBO_TAG_P,        GUMBO_TAG_PRE,        GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY,
          GUMBO_TAG_TABLE,    GUMBO_TAG_TBODY,      GUMBO_TAG_THEAD,   GUMBO_TAG_TFOOT,
          GUMBO_TAG_TR,       GUMBO_TAG_TD,         GUMBO_TAG_TH,      GUMBO_TAG_CAPTION,
          GUMBO_TAG_UL,       GUMBO_TAG_LEGEND,     GUMBO_TAG_LISTING, GUMBO_TAG_PLAINTEXT,
          GUMBO_TAG_XMP}) {
      cls[t] = kBlock;
    }
    // <noscript> is read: Gumbo parses it as markup (scripting off), and
    // script-rendered pages (Discourse, many shops) put their text there for
    // readers without scripts.
    cls[GUMBO_TAG_NOSCRIPT] = kBlock;
    for (GumboTag t :
         {GUMBO_TAG_HEAD,     GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_TEMPLATE,
          GUMBO_TAG_SVG,      GUMBO_TAG_MATH,     GUMBO_TAG_IFRAME,   GUMBO_TAG_OBJECT,
          GUMBO_TAG_EMBED,    GUMBO_TAG_CANVAS,   GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO,
          GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON,   GUMBO_TAG_SELECT,   GUMBO_TAG_TEXTAREA,
          GUMBO_TAG_OPTION,   GUMBO_TAG_OPTGROUP, GUMBO_TAG_DATALIST, GUMBO_TAG_MAP,
          GUMBO_TAG_FRAME,    GUMBO_TAG_FRAMESET, GUMBO_TAG_APPLET,   GUMBO_TAG_NOEMBED,
          GUMBO_TAG_NOFRAMES, GUMBO_TAG_KEYGEN,   GUMBO_TAG_PROGRESS, GUMBO_TAG_METER,
          GUMBO_TAG_SOURCE,   GUMBO_TAG_TRACK,    GUMBO_TAG_PARAM,    GUMBO_TAG_TITLE,
          GUMBO_TAG_META,     GUMBO_TAG_LINK,     GUMBO_TAG_BASE,     GUMBO_TAG_OUTPUT}) {
      cls[t] = kSkip;
    }
    cls[GUMBO_TAG_BR] = kBreak;
  }
};

const TagTable& Tags() {
  static const TagTable table;
  return table;
}

// The tag and first class token of an element, digits left out, hashed
// (FNV-1a): siblings made from one template (posts, cards, sections) share
// it, whatever state classes or numbered ids ("post-1234", "is-unread")
// follow. 0: no class.
uint32_t Shape(const GumboElement& e) {
  const GumboAttribute* cls = gumbo_get_attribute(&e.attributes, "class");
  if (cls == nullptr) return 0;
  const char* c = cls->value;
  while (IsSpace(static_cast<unsigned char>(*c))) ++c;
  if (*c == '\0') return 0;
  uint32_t h = 2166136261u ^ static_cast<uint32_t>(e.tag);
  for (; *c != '\0' && !IsSpace(static_cast<unsigned char>(*c)); ++c) {
    if (*c >= '0' && *c <= '9') continue;
    h = (h ^ static_cast<unsigned char>(*c)) * 16777619u;
  }
  return h | 1;
}

// Whether a direct child of `e` is a block-level element.
bool WrapsBlocks(const GumboElement& e) {
  for (unsigned i = 0; i < e.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && Tags().cls[c->v.element.tag] == kBlock) return true;
  }
  return false;
}

// Whether an <a> links to an address: it has an href that is not a script.
bool IsAddressLink(const GumboElement& a) {
  const GumboAttribute* href = gumbo_get_attribute(&a.attributes, "href");
  if (href == nullptr) return false;
  std::string_view v = href->value;
  while (!v.empty() && IsSpace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  return !(v.size() >= 11 && EqualsIgnoreCase(v.substr(0, 11), "javascript:"));
}

// The elements and the text nodes under `root`: bounds on the elements
// recorded and the blocks flushed, so that their vectors are sized once
// (growing them cost more than the walk on a page of a million tiny
// paragraphs; capacity never filled is never touched).
void CountNodes(const GumboNode* root, size_t* elements, size_t* texts) {
  std::vector<const GumboNode*> todo{root};
  while (!todo.empty()) {
    const GumboNode* node = todo.back();
    todo.pop_back();
    const GumboVector& kids =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
      if (kid->type == GUMBO_NODE_ELEMENT) {
        ++*elements;
        todo.push_back(kid);
      } else if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_CDATA) {
        ++*texts;
      }
    }
  }
}

}  // namespace

// A table of data (rows and cells: one kTable block) as opposed to a layout
// table (cells hold paragraphs: its cells are containers). Looks ahead at
// most until the first nested table or block element, so that every node is
// scanned by at most its innermost enclosing table: linear overall.
bool Walker::IsDataTable(const GumboNode* table) const {
  std::vector<std::pair<const GumboNode*, unsigned>> stack{{table, 0}};
  int max_cells = 0, cells = 0, rows = 0;
  size_t cell_text = 0;
  while (!stack.empty()) {
    auto& [node, child] = stack.back();
    const GumboVector& kids = node->v.element.children;
    if (child >= kids.length) {
      if (node->v.element.tag == GUMBO_TAG_TR) {
        max_cells = std::max(max_cells, cells);
        cells = 0;
        ++rows;
      }
      stack.pop_back();
      continue;
    }
    const auto* next = static_cast<const GumboNode*>(kids.data[child++]);
    if (next->type == GUMBO_NODE_TEXT) {
      // 200 bytes of text in one cell: a paragraph, not a datum; the table
      // lays out a page.
      cell_text += next->v.text.original_text.length;
      if (cell_text > 200) return false;
      continue;
    }
    if (next->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag t = next->v.element.tag;
    switch (t) {
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_P:
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_BLOCKQUOTE:
      case GUMBO_TAG_PRE:
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_FORM: return false;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        ++cells;
        cell_text = 0;
        break;
      default: break;
    }
    if (Tags().cls[t] == kSkip) continue;
    stack.emplace_back(next, 0);
  }
  // Two columns at least: a one-column table is a layout box.
  return max_cells >= 2 && rows >= 1;
}

void Walker::WalkNoframes(const GumboElement& e) {
  std::string html;
  for (unsigned i = 0; i < e.children.length; ++i) {
    const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
    if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) html += c->v.text.text;
  }
  std::string bounded;
  if (BoundHtml(html, HtmlBounds(), &bounded, deadline)) html.swap(bounded);
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&gopts, html.data(), html.size());
  in_noframes_ = true;
  Walk(output->document);
  in_noframes_ = false;
  gumbo_destroy_output(&gopts, output);
}

void Walker::Walk(const GumboNode* root) {
  size_t elements = 0, texts = 0;
  CountNodes(root, &elements, &texts);
  elems.reserve(std::min(elements, max_elements) + 1);
  blocks.reserve(texts + 1);
  std::vector<Frame> stack;
  stack.push_back({root, 0, -1, 0, -1});
  while (!stack.empty() && !DeadlinePassed(deadline)) {
    Frame& f = stack.back();
    const GumboNode* node = f.node;
    const GumboVector* kids =
        node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
    if (f.child >= kids->length) {
      // All children done: leave the element.
      Leave(f);
      stack.pop_back();
      continue;
    }
    const auto* next = static_cast<const GumboNode*>(kids->data[f.child++]);
    switch (next->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (pre_depth_ > 0)
          AppendRaw(next->v.text.text);
        else
          AppendText(next->v.text.text);
        continue;
      case GUMBO_NODE_ELEMENT: break;
      default:  // comments, templates
        continue;
    }
    Frame nf{next, 0, -1, 0, -1};
    if (Enter(next, &nf)) stack.push_back(nf);
  }
  Flush();
}

bool Walker::Enter(const GumboNode* node, Frame* nf) {
  const GumboElement& e = node->v.element;
  TagClass cls = Tags().cls[e.tag];
  if (e.tag == GUMBO_TAG_HTML) {
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      if (std::string_view(a->name) == "lang" && meta.lang.empty()) meta.lang = a->value;
    }
  }
  if (e.tag == GUMBO_TAG_IMG && keep_images) ReadImage(e);
  if (cls == kSkip) return EnterSkipped(e);
  if (cls == kBreak) {
    Break();
    return false;
  }
  if (e.tag == GUMBO_TAG_TIME) ReadMeta(e);
  if (e.tag == GUMBO_TAG_A) ReadRelLink(e);
  AttrInfo info;
  ReadAttributes(e, &info);
  // An inline element around blocks (<span class="widget-wrap"><p>...)
  // is a container: its drop rule weighs as a block's, under the veto,
  // and is explained.
  if (cls == kInline && apply_rules_ && table_depth_ == 0 && e.tag != GUMBO_TAG_A &&
      e.tag != GUMBO_TAG_UNKNOWN && !info.hidden &&
      (info.verdict == kDrop || info.verdict == kComments) && WrapsBlocks(e)) {
    cls = kBlock;
    info.inline_wrapper = true;
  }
  // Hidden inline elements go at once. A hidden block is a drop
  // verdict, subject to the veto: pages hide their whole wrapper until
  // a script reveals it (or while a modal is open), and that wrapper
  // holds the article.
  if (info.hidden && (cls != kBlock || !apply_rules_ || table_depth_ > 0)) return false;
  if (cls == kBlock && table_depth_ == 0) {
    EnterBlock(node, &info, nf);
  } else if (cls == kBlock) {
    // Inside a data table: rows and cells are structure, not blocks.
    if (e.tag == GUMBO_TAG_TR || e.tag == GUMBO_TAG_CAPTION) {
      nf->marks |= kMarkRow;
      cells_in_row_ = 0;
    } else if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) {
      CellSeparator();
    }
  } else if (!EnterInline(node, info, nf)) {
    return false;
  }
  if (info.author && meta.itemprop_author.empty()) nf->capture = static_cast<int>(cur_.size());
  return true;
}

bool Walker::EnterSkipped(const GumboElement& e) {
  // A button is never text, but the panel it opens may be.
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    if (std::string_view(a->name) == "aria-controls") NoteControlled(a->value);
  }
  if (e.tag == GUMBO_TAG_META || e.tag == GUMBO_TAG_LINK) {
    ReadMeta(e);
  } else if (e.tag == GUMBO_TAG_SCRIPT) {
    ReadJsonLd(e);
  } else if (e.tag == GUMBO_TAG_TITLE && meta.title_tag.empty()) {
    for (unsigned i = 0; i < e.children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
      if (c->type == GUMBO_NODE_TEXT) meta.title_tag += c->v.text.text;
    }
    meta.title_tag = Collapse(meta.title_tag);
  } else if (e.tag == GUMBO_TAG_MATH) {
    // A formula reads as its text, not as nothing.
    AppendText(" " + MathText(e) + " ");
  } else if (e.tag == GUMBO_TAG_HEAD || e.tag == GUMBO_TAG_FRAMESET) {
    // The head holds no text, only metadata: read its meta/link/title.
    // A frameset holds frames and, in <noframes>, the page's text.
    return true;
  } else if (e.tag == GUMBO_TAG_NOFRAMES && !in_noframes_) {
    WalkNoframes(e);
  }
  return false;
}

void Walker::EnterBlock(const GumboNode* node, AttrInfo* info, Frame* nf) {
  const GumboElement& e = node->v.element;
  Apply(apply_rules_ ? rules_.tags[e.tag] : nullptr, info);
  if (info->modal) {
    info->verdict = kDrop;
    info->rule = &ModalRule();
  }
  const TokenRule* shown_rule = info->rule;
  if (info->hidden) {
    info->verdict = kDrop;
    info->rule = &HiddenRule();
  }
  if (e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_BODY || info->keep) info->verdict = kNone;
  Flush();
  if (elems.size() >= max_elements) {
    elements_capped = true;
  } else {
    Elem el;
    el.parent = Owner();
    el.tag = e.tag;
    el.verdict = info->verdict;
    el.rule = info->rule;
    if (info->hidden) el.shown_rule = shown_rule;
    el.weight = info->weight;
    el.shape = Shape(e);
    el.inline_wrapper = info->inline_wrapper;
    el.first_block = static_cast<int>(blocks.size());
    if (el.parent >= 0) elems[el.parent].has_block_child = true;
    nf->elem = static_cast<int>(elems.size());
    elems.push_back(el);
    owner_stack_.push_back(nf->elem);
    nf->marks |= kMarkBlock;
  }
  if (IsHeading(e.tag)) {
    heading_ = e.tag - GUMBO_TAG_H1 + 1;
    nf->marks |= kMarkHeading;
  } else if (e.tag == GUMBO_TAG_LI || e.tag == GUMBO_TAG_DT || e.tag == GUMBO_TAG_DD) {
    if (e.tag == GUMBO_TAG_LI) {
      ++list_depth_;
      nf->marks |= kMarkList;
    }
  } else if (e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_LISTING || e.tag == GUMBO_TAG_XMP ||
             e.tag == GUMBO_TAG_PLAINTEXT) {
    ++pre_depth_;
    nf->marks |= kMarkPre;
  } else if (e.tag == GUMBO_TAG_OL || e.tag == GUMBO_TAG_UL) {
    list_ordered_.push_back(e.tag == GUMBO_TAG_OL);
    nf->marks |= kMarkListKind;
  } else if (e.tag == GUMBO_TAG_BLOCKQUOTE) {
    ++quote_depth_;
    nf->marks |= kMarkQuote;
  } else if (e.tag == GUMBO_TAG_TABLE && IsDataTable(node)) {
    ++table_depth_;
    cells_in_row_ = 0;
    nf->marks |= kMarkTable;
  }
}

bool Walker::EnterInline(const GumboNode* node, const AttrInfo& info, Frame* nf) {
  const GumboElement& e = node->v.element;
  // A drop rule removes it at once (no veto: an inline element holds a
  // phrase, not an article).
  if (apply_rules_ && !info.keep &&
      (info.verdict == kDrop || (info.verdict == kComments && e.tag != GUMBO_TAG_A))) {
    if (e.tag != GUMBO_TAG_UNKNOWN) return false;
  }
  // An <a> the parser re-opened around the blocks after a misnested
  // one (reconstructed formatting) is not a link the page made.
  // Nor is one without an address or with a script for one
  // (href="javascript:..."): a button or an anchor, its text is text.
  if (e.tag == GUMBO_TAG_A && IsAddressLink(e) &&
      !(node->parse_flags & GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT)) {
    if (link_depth_++ == 0) link_open_at_ = cur_links_;
    nf->marks |= kMarkLink;
    if (keep_links) OpenLink(e);
    if (WrapsBlocks(e)) {
      ++card_depth_;
      nf->marks |= kMarkCard;
    }
  }
  return true;
}

void Walker::Leave(const Frame& f) {
  const uint16_t marks = f.marks;
  const int elem = f.elem;
  const int capture = f.capture;
  if (capture >= 0 && capture <= static_cast<int>(cur_.size()) && meta.itemprop_author.empty()) {
    meta.itemprop_author = Collapse(std::string_view(cur_).substr(capture, 200));
  }
  if (marks & kMarkRow) {
    while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
    pending_space_ = false;
    if (!cur_.empty() && cur_.back() != '\n') cur_ += '\n';
    cells_in_row_ = 0;
  }
  if (marks & kMarkBlock) Flush();
  if (marks & kMarkLink) {
    if (--link_depth_ == 0 && link_open_at_ >= 0) {
      if (cur_links_ - link_open_at_ >= kTitleLinkChars) cur_titles_ += cur_links_ - link_open_at_;
      link_open_at_ = -1;
    }
    if (keep_links) CloseLink();
  }
  if (marks & kMarkCard) --card_depth_;
  if (marks & kMarkPre) --pre_depth_;
  if (marks & kMarkQuote) --quote_depth_;
  if (marks & kMarkList) --list_depth_;
  if (marks & kMarkListKind) list_ordered_.pop_back();
  if (marks & kMarkHeading) heading_ = 0;
  if (marks & kMarkTable) {
    --table_depth_;
    if (table_depth_ == 0) Flush();
  }
  if (elem >= 0) {
    elems[elem].end = static_cast<int>(elems.size());
    elems[elem].end_block = static_cast<int>(blocks.size());
    owner_stack_.pop_back();
  }
}

}  // namespace cleaner::extract_internal
