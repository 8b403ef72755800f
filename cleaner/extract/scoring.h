// Stage 2a, extract: Readability's candidate scoring (internal to
// cleaner/extract/). Each paragraph scores its ancestors (commas, length,
// prose, the tag and the class weight count), link density discounts a
// candidate, and the best one, climbed to the ancestor an article split into
// sibling containers shares, is the main content's container. Functions of
// the page model (html_model.h) alone.
#ifndef CLEANER_EXTRACT_SCORING_H_
#define CLEANER_EXTRACT_SCORING_H_

#include <vector>

#include "cleaner/extract/html_model.h"

namespace cleaner::extract_internal {

// Adds each block's score (blocks of 25 characters or more that are not
// headings, tables or dropped) to its container, or its paragraph's parent,
// and up to four more ancestors that are not dropped, with Readability's
// dividers. An element scored for the first time (Elem::scored) starts at
// its tag's score plus its class weight.
// REQUIRES: the elements unscored (Elem::scored false, Elem::score 0), and
// ClassifyProse() run on `blocks`.
void Score(const std::vector<RawBlock>& blocks, std::vector<Elem>* elems);

// The main content's container: the scored element, not dropped, with the
// best score once its link density has discounted it (Elem::score is
// discounted in place; Elem::best gets the best score in each subtree),
// climbed to a parent that scores higher, and past parents that hold
// nothing more. -1 if no element is scored.
// REQUIRES: Score() and SumUp() have run on `elems`.
int PickTop(std::vector<Elem>* elems);

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_SCORING_H_
