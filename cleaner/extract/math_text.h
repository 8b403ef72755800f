// Stage 2a, extract: the text of a MathML formula (<math>), so that a
// formula in a page reads as something rather than vanishing.
#ifndef CLEANER_EXTRACT_MATH_TEXT_H_
#define CLEANER_EXTRACT_MATH_TEXT_H_

#include <gumbo.h>

#include <string>

namespace cleaner {

// The formula's alttext attribute when it has one (often its TeX source),
// else the text of its token elements (mi, mn, mo, mtext, ...) joined by
// spaces: "x = 2". Annotations (a TeX or other encoding of the same
// formula) are not read twice. Iterative: deep formulas cannot overflow the
// stack. At most `max_bytes` bytes.
std::string MathText(const GumboElement& math, size_t max_bytes = 4096);

// The text tokens of `e`'s subtree joined by single spaces (MathML
// annotations left out), at most `max_bytes` (cut at a UTF-8 boundary).
std::string TokenText(const GumboElement& e, size_t max_bytes);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_MATH_TEXT_H_
