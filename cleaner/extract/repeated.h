// Stage 2a, extract: repeated sibling structures, the posts of a thread or
// the cards of a listing: siblings made from one template (same tag, same
// first class token) that each hold text.
#ifndef CLEANER_EXTRACT_REPEATED_H_
#define CLEANER_EXTRACT_REPEATED_H_

#include <vector>

#include "cleaner/extract/html_model.h"

namespace cleaner {

struct RepeatedGroup {
  int parent = -1;
  std::vector<int> members;  // element indices, in document order
  long prose = 0;            // prose characters summed over the members
  long chars = 0;            // FindCardGroup(): characters summed over the members
};

// Of every set of at least `min_members` same-shape siblings that are not
// dropped, the one with the most prose, where at least two members hold
// prose and no member holds more than 3/4 of it (one container beside its
// small siblings is no repetition). Empty `members` when there is none.
// Reads the subtree sums of `elems` (chars, prose_chars, dropped).
RepeatedGroup FindRepeatedGroup(const std::vector<Elem>& elems, int min_members);

// Cards: of every set of at least `min_members` same-shape siblings that
// are not dropped, the one with the most text, link text included (a
// card's title is a link), where the members hold two visible blocks or
// more on average (a title and its details, where a menu item is one link)
// and 24 characters or more on average, and none holds more than half the
// text.
RepeatedGroup FindCardGroup(const std::vector<Elem>& elems, int min_members);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_REPEATED_H_
