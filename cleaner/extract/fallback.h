// Stage 2a, extract: the fallbacks (internal to cleaner/extract/), for a
// page whose main-content selection is not its text. Inside the selection
// (Selector::Fallback() and Selector::Gate(), declared in selection.h): a
// selection that holds little of the visible text is made again without
// class, id, tag and role rules, or is every visible block; a page that
// hides its text until a script runs is read with its hidden elements
// shown; the selection gate's model may prefer every block the rules leave.
// After the selection: a page whose DOM holds almost no text takes its
// JSON-LD articleBody, and a product page or a thread that shows next to
// nothing the text it declares.
#ifndef CLEANER_EXTRACT_FALLBACK_H_
#define CLEANER_EXTRACT_FALLBACK_H_

#include <string>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/extract/html_model.h"
#include "cleaner/extract/metadata.h"
#include "cleaner/extract/page_kind.h"

namespace cleaner::extract_internal {

// A page whose DOM holds almost no text (rendered by a script) often
// carries the article in its JSON-LD: the paragraphs of its articleBody
// (one a line, tags stripped, white space collapsed) when the kept `blocks`
// hold less than one real paragraph (300 bytes) and the body is longer (300
// bytes, and twice theirs); else none. Explains the choice.
// REQUIRES: `keep` has an entry for every block.
std::vector<RawBlock> ArticleBodyBlocks(const std::string& json_ld,
                                        const std::vector<RawBlock>& blocks,
                                        const std::vector<char>& keep, const DocumentInfo& doc);

// Text the page declares rather than shows (declared_text.h): a product
// page that shows next to nothing (under 300 bytes: its description is in
// tabs or scripts) gets the JSON-LD description, a thread that shows no
// text its declared summary (the opening post's first lines). Any other
// page that shows no text says so: its text is not in the page (rendered
// by script). The declared text is appended to `blocks` as one kept block
// (an entry 1 appended to `keep`), and explained.
void AddDeclaredText(const MetaCandidates& m, PageKind kind, const DocumentInfo& doc,
                     std::vector<RawBlock>* blocks, std::vector<char>* keep);

}  // namespace cleaner::extract_internal

#endif  // CLEANER_EXTRACT_FALLBACK_H_
