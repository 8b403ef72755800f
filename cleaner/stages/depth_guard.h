// Stage 2a, pre-pass: bounds the element nesting of an HTML document before
// Gumbo parses it. Gumbo's tree construction scans the stack of open
// elements for every start tag (HTML spec §13.2.4.2, "has an element in
// scope"), so n nested elements cost O(n²): 40,000 nested <div>s take 2 s,
// 200,000 take minutes. Real pages nest a few hundred levels at most.
// Guarantees to the extractor: no element is nested deeper than the limit;
// all text is kept (only tags beyond the limit are removed).
#ifndef CLEANER_STAGES_DEPTH_GUARD_H_
#define CLEANER_STAGES_DEPTH_GUARD_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace cleaner {

// Returns true if `html` nests elements deeper than `max_depth` and then
// writes into *out a copy without the start and end tags beyond that depth;
// *removed receives the number of tags removed. Returns false (and leaves
// *out alone) when nothing needs removing. Runs in linear time.
//
// Depth is counted with a small tokenizer, not a full parser: comments,
// <!DOCTYPE>, and the contents of raw-text elements (script, style,
// textarea, title, ...) are skipped; void elements (br, img, ...),
// self-closing tags, and elements whose end tag is optional (p, li, td, tr,
// option, ...) do not count, because pages routinely leave them open and the
// parser closes them implicitly.
bool LimitNesting(std::string_view html, size_t max_depth, std::string* out, size_t* removed);

}  // namespace cleaner

#endif  // CLEANER_STAGES_DEPTH_GUARD_H_
