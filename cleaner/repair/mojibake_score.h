// How implausible a stretch of text is as real writing: the measure the
// mojibake repair compares a garbled-looking stretch and its reversal with.
// Mojibake leaves characters side by side that real text in any language
// rarely puts together: an accented capital glued to a symbol (`Ã©`), a
// lowercase letter followed by an accented capital inside a word (`cafÃ`),
// letters of two scripts touching (`Рї` after Latin), C1 controls, box
// drawing or math symbols inside words (`Zam√≤`), letters of rare blocks
// (IPA, Samaritan) standing where a common letter would. Part of the
// repair stage; pure functions.
#ifndef CLEANER_REPAIR_MOJIBAKE_SCORE_H_
#define CLEANER_REPAIR_MOJIBAKE_SCORE_H_

#include <cstddef>

namespace cleaner {

// The implausibility of cp[0..n): the sum of a cost per character and per
// pair of neighbours (0 for ordinary text of any script). Characters are
// judged with their neighbours, so callers pass one character of context on
// each side of the stretch they compare.
int Implausibility(const char32_t* cp, size_t n);

}  // namespace cleaner

#endif  // CLEANER_REPAIR_MOJIBAKE_SCORE_H_
