// Stage 2a, extract: the features of a walked page. See features.h.
#include "cleaner/extract/features.h"

#include "cleaner/extract/extract_rules.h"

namespace cleaner::extract_internal {

void ClassifyProse(std::vector<RawBlock>* blocks) {
  int words = 0, stops = 0;
  for (const RawBlock& b : *blocks) {
    words += b.words;
    stops += b.stop_words;
  }
  // 5%: prose in a listed language runs at 30-50%; below 5% overall the page
  // is in a language without a list (Japanese, Korean, ...).
  const bool use_stopwords = words > 0 && stops * 20 >= words;
  for (RawBlock& b : *blocks) {
    if (b.kind == BlockKind::kHeading || b.kind == BlockKind::kTable) continue;
    // 60 characters: one short sentence; 0.35: prose links a few phrases,
    // menus and teasers are mostly links.
    bool prose = b.chars >= 60 && b.LinkDensity() < 0.35f && (b.stops + b.commas) >= 1;
    // 0.2: jusText's lower stop-word density for good paragraphs is 0.3;
    // 0.2 keeps short technical sentences.
    if (prose && use_stopwords && b.words >= 5) prose = b.stop_words * 5 >= b.words;
    b.prose = prose;
  }
}

void SumUp(const std::vector<RawBlock>& blocks, std::vector<Elem>* elems) {
  for (Elem& e : *elems) {
    e.chars = e.link_chars = e.prose_chars = e.commas = 0;
  }
  for (const RawBlock& b : blocks) {
    if (b.owner < 0 || b.dropped) continue;
    Elem& e = (*elems)[b.owner];
    e.chars += b.chars;
    e.link_chars += b.link_chars;
    e.commas += b.commas;
    if (b.prose) e.prose_chars += b.chars;
  }
  for (int i = static_cast<int>(elems->size()) - 1; i >= 0; --i) {
    Elem& e = (*elems)[i];
    if (e.parent < 0) continue;
    Elem& p = (*elems)[e.parent];
    p.chars += e.chars;
    p.link_chars += e.link_chars;
    p.commas += e.commas;
    p.prose_chars += e.prose_chars;
  }
}

HiddenText MeasureHidden(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks) {
  HiddenText h;
  h.in_hidden.assign(elems.size(), 0);
  for (size_t i = 0; i < elems.size(); ++i) {
    const int p = elems[i].parent;
    h.in_hidden[i] = elems[i].rule == &HiddenRule() || (p >= 0 && h.in_hidden[p]);
  }
  for (const RawBlock& b : blocks) {
    const bool hidden = b.owner >= 0 && h.in_hidden[b.owner];
    (hidden ? h.hidden : h.visible) += b.chars - b.link_chars;
  }
  return h;
}

}  // namespace cleaner::extract_internal
