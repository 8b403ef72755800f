// Stage 2a, extract: Readability's candidate scoring. See scoring.h.
#include "cleaner/extract/scoring.h"

#include <gumbo.h>

#include <algorithm>

namespace cleaner::extract_internal {
namespace {

// Elements whose own text is one paragraph (Readability's "tags to score"):
// their parent is the first candidate for the main content.
bool IsParagraphLike(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGCAPTION: return true;
    default: return IsHeading(t);
  }
}

// Readability's initial candidate score by element.
int TagInitScore(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_TH: return -5;
    default: return IsHeading(t) ? -5 : 0;
  }
}

}  // namespace

void Score(const std::vector<RawBlock>& blocks, std::vector<Elem>* elems) {
  for (const RawBlock& b : blocks) {
    if (b.dropped || b.owner < 0) continue;
    if (b.kind == BlockKind::kHeading || b.kind == BlockKind::kTable) continue;
    // 25 characters: Readability's floor for a paragraph worth scoring.
    if (b.chars < 25) continue;
    float s = 1.0f + b.commas + std::min(b.chars / 100, 3);
    if (b.prose) s += 1.0f;                         // stop-word and punctuation evidence
    if (b.kind == BlockKind::kListItem) s *= 0.5f;  // lists are often navigation
    const Elem& owner = (*elems)[b.owner];
    int start = (IsParagraphLike(owner.tag) || !owner.has_block_child) ? owner.parent : b.owner;
    int level = 0;
    // Five ancestors, with Readability's dividers 1, 2, 6, 9, 12.
    for (int a = start; a >= 0 && level < 5; a = (*elems)[a].parent, ++level) {
      Elem& e = (*elems)[a];
      if (e.dropped) break;
      if (!e.scored) {
        e.scored = true;
        e.score = static_cast<float>(TagInitScore(e.tag) + e.weight);
      }
      float div = level == 0 ? 1.f : level == 1 ? 2.f : level * 3.f;
      e.score += s / div;
    }
  }
}

int PickTop(std::vector<Elem>* elems) {
  int top = -1;
  float best = 0;
  for (size_t i = 0; i < elems->size(); ++i) {
    Elem& e = (*elems)[i];
    if (!e.scored || e.dropped) continue;
    float ld = e.chars ? static_cast<float>(e.link_chars) / e.chars : 0.f;
    e.score *= (1.f - ld);
    if (top < 0 || e.score > best) {
      top = static_cast<int>(i);
      best = e.score;
    }
  }
  if (top < 0) return -1;
  for (Elem& e : *elems) e.best = e.scored && !e.dropped ? e.score : 0.f;
  for (int i = static_cast<int>(elems->size()) - 1; i > 0; --i) {
    Elem& e = (*elems)[i];
    if (e.parent >= 0) (*elems)[e.parent].best = std::max((*elems)[e.parent].best, e.best);
  }
  // Climb while the parent scores higher than what we have, as Readability
  // does: the article body is often split across sibling containers.
  float last = (*elems)[top].score;
  float threshold = last / 3;
  for (int p = (*elems)[top].parent; p >= 0; p = (*elems)[p].parent) {
    const Elem& e = (*elems)[p];
    if (e.tag == GUMBO_TAG_BODY || e.tag == GUMBO_TAG_HTML) break;
    if (!e.scored) continue;
    if (e.score < threshold) break;
    if (e.score > last) {
      top = p;
      break;
    }
    last = e.score;
  }
  // A single child holds nothing its parent does not: climb to the parent,
  // whose siblings are the better candidates for joining.
  while (true) {
    int p = (*elems)[top].parent;
    if (p < 0 || (*elems)[p].tag == GUMBO_TAG_BODY || (*elems)[p].dropped) break;
    if ((*elems)[p].chars != (*elems)[top].chars) break;
    top = p;
  }
  return top;
}

}  // namespace cleaner::extract_internal
