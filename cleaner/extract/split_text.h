// Stage 2b, segment: scraped text -> paragraph blocks. Reads both common
// shapes of scraped text, one paragraph per line and blank-line separated
// paragraphs, and re-joins hard-wrapped prose (lines broken at a fixed
// width). Guarantees to the next stage: one Block per paragraph, kind
// kParagraph, no '\n' inside, never empty or all white space, indexed from 0
// in document order.
#ifndef CLEANER_STAGES_SPLIT_TEXT_H_
#define CLEANER_STAGES_SPLIT_TEXT_H_

#include <string_view>
#include <vector>

#include "cleaner/block.h"

namespace cleaner {

// Pushes the paragraphs of `utf8` into `out` (Push only; the caller drives
// BeginDocument/EndDocument). Counts joined lines in doc.stats->lines_joined
// and reports each join decision's width once. REQUIRES: `utf8` is valid
// UTF-8.
Status SplitText(std::string_view utf8, const DocumentInfo& doc, BlockSink* out);

// The width at which `lines` look hard-wrapped, or 0 if they do not. Exposed
// for tests. A text is hard-wrapped when at least two lines continue on the
// next line and most such lines were broken because the next word would not
// have fit within the widest of them.
size_t DetectWrapWidth(const std::vector<std::string_view>& lines);

}  // namespace cleaner

#endif  // CLEANER_STAGES_SPLIT_TEXT_H_
