// Stage 2b, segment: scraped text -> paragraph blocks. Reads both common
// shapes of scraped text, one paragraph per line and blank-line separated
// paragraphs, and re-joins hard-wrapped prose (lines broken at a fixed
// width). Guarantees to the next stage: one Block per paragraph, kind
// kParagraph, no '\n' inside, never empty or all white space, indexed from 0
// in document order.
#ifndef CLEANER_STAGES_SPLIT_TEXT_H_
#define CLEANER_STAGES_SPLIT_TEXT_H_

#include <string_view>

#include "cleaner/block.h"

namespace cleaner {

// Pushes the paragraphs of `utf8` into `out` (Push only; the caller drives
// BeginDocument/EndDocument). Counts joined lines in doc.stats->lines_joined
// and reports each join decision's width once. REQUIRES: `utf8` is valid
// UTF-8.
Status SplitText(std::string_view utf8, const DocumentInfo& doc, BlockSink* out);

// One HTML block's lines (its text split at '\n', the page's <br>) joined
// where they are hard-wrapped prose, as SplitText() joins scraped text:
// prose pasted with a break at every 70 columns ("used in a<br>fitness
// facility") reads as one paragraph; a poem's, an address's or a list's
// lines stay. Returns the number of breaks joined (0: `text` untouched).
int JoinWrappedLines(std::string* text);

}  // namespace cleaner

#endif  // CLEANER_STAGES_SPLIT_TEXT_H_
