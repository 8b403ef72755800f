// Stage 2a, extract: the model of a page the HTML walk builds and the
// selection works on (internal to cleaner/extract/): block-level elements in
// preorder with the rules' verdicts and subtree sums, and the raw text
// blocks they own.
#ifndef CLEANER_EXTRACT_HTML_MODEL_H_
#define CLEANER_EXTRACT_HTML_MODEL_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <vector>

#include "cleaner/block.h"

namespace cleaner {

// kScoped: a drop or comments rule that holds on some kinds of page only
// (TokenRule::kinds; its verdict is the rule's), read once the page's kind
// is known.
enum Verdict : uint8_t { kNone = 0, kDrop, kComments, kNegative, kPositive, kKeep, kScoped };

struct TokenRule {
  Verdict verdict = kNone;
  int weight = 0;
  std::string origin;
  bool byline = false;    // a drop whose text is the byline (kept as metadata)
  bool tag_rule = false;  // a rule of an element's name ("tag drop form")
  // A drop or comments verdict scoped to some page kinds
  // ("drop@article,forum"): bit k set for PageKind k; 0 for every kind.
  uint8_t kinds = 0;
};

// Whether `t` is a heading, h1 to h6.
inline bool IsHeading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

// A link whose text has this many characters (not counting spaces) or more
// reads as a title (an item's name in a list of items), not a menu entry.
constexpr int kTitleLinkChars = 25;

// A block-level element, recorded in preorder.
struct Elem {
  int parent = -1;  // nearest recorded block-level ancestor
  int end = 0;      // one past the last descendant's index
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  Verdict verdict = kNone;  // drop or comments, from the rules
  bool has_block_child = false;
  bool dropped = false;             // effective: itself or an ancestor
  bool comments = false;            // inside a comment section
  bool inline_wrapper = false;      // an inline element around blocks, walked as one
  int weight = 0;                   // sum of positive/negative rule weights
  const TokenRule* rule = nullptr;  // the rule behind `verdict`
  // Of a hidden element (`rule` the hidden-element rule): the rule it has
  // when shown (a class rule, a modal dialog's), or null.
  const TokenRule* shown_rule = nullptr;
  uint32_t shape = 0;  // hash of the tag and class list: repeated siblings share it
  int first_block = 0, end_block = 0;
  // Subtree sums over the blocks that are kept.
  int chars = 0, link_chars = 0, prose_chars = 0, commas = 0, raw_prose = 0;
  float score = 0;
  float best = 0;  // the highest score in the subtree
  bool scored = false;
};

struct RawBlock {
  std::string text;
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;
  bool ordered = false;
  int owner = -1;       // innermost block-level element
  int chars = 0;        // letters and other non-space characters
  int link_chars = 0;   // of which inside links
  int card_chars = 0;   // of those, inside links around blocks (cards)
  int title_chars = 0;  // of those, in links of a title's length (kTitleLinkChars)
  int commas = 0;
  int stops = 0;  // sentence punctuation
  int words = 0, stop_words = 0;
  bool prose = false;
  bool dropped = false;
  // Part of the cards (or an index's lists) the selection kept as content.
  bool card = false;
  std::vector<InlineLink> links;  // with ExtractOptions::links / ::images
  float LinkDensity() const { return chars ? static_cast<float>(link_chars) / chars : 0.f; }
  // Link density without cards' links: a listing's cards (a link around a
  // title and an excerpt) are its content, not its navigation.
  float NavLinkDensity() const {
    return chars ? static_cast<float>(link_chars - card_chars) / chars : 0.f;
  }
};

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_HTML_MODEL_H_
