// Stage 2a, extract: the features of a walked page that the selection
// reads (internal to cleaner/extract/): which blocks are prose, each
// element's sums over its subtree, and how much of the text is visible and
// how much hidden. Functions of the page model (html_model.h) alone.
#ifndef CLEANER_EXTRACT_FEATURES_H_
#define CLEANER_EXTRACT_FEATURES_H_

#include <vector>

#include "cleaner/extract/html_model.h"

namespace cleaner::extract_internal {

// Sets RawBlock::prose on every block but headings and tables: a block of
// running text, long enough for a sentence, punctuated, mostly not links,
// and (on a page in a language with a stop-word list) dense in stop words.
void ClassifyProse(std::vector<RawBlock>* blocks);

// Sets each element's chars, link_chars, commas and prose_chars to the sums
// over the blocks in its subtree that are not dropped.
// REQUIRES: `elems` in preorder (a parent before its children), every
// block's owner an index into `elems` or -1.
void SumUp(const std::vector<RawBlock>& blocks, std::vector<Elem>* elems);

// What a reader sees and what is hidden, outside links: the text of blocks
// outside and inside hidden elements.
struct HiddenText {
  std::vector<char> in_hidden;  // per element: it or an ancestor is hidden
  long visible = 0, hidden = 0;
};

// What is hidden is known from the walk (an element whose rule is
// HiddenRule(), or inside one): measured once, for every selection pass.
HiddenText MeasureHidden(const std::vector<Elem>& elems, const std::vector<RawBlock>& blocks);

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_FEATURES_H_
