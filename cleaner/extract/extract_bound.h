// Bounds an HTML page before Gumbo parses it. Gumbo's tree construction is
// quadratic in two places that hostile or broken pages reach: the depth of
// open elements (scope checks walk the whole stack of open elements, so
// 100k nested <div>s take minutes) and the number of attributes on one tag
// (each attribute is compared with all earlier ones). This pass scans the
// page once, like a simplified WHATWG tokenizer, and returns a copy without
// the start and end tags nested deeper than `max_depth` (their text stays),
// without the attributes of a tag past the first `max_attributes` and, past
// `max_tags` start tags, without any further tag (memory: see max_tags).
#ifndef CLEANER_STAGES_EXTRACT_BOUND_H_
#define CLEANER_STAGES_EXTRACT_BOUND_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "cleaner/util/deadline.h"

namespace cleaner {

struct HtmlBounds {
  // 512 open elements: real pages stay under ~100; old pages with unclosed
  // <font> or <b> tags reach a few hundred.
  size_t max_depth = 512;
  // 256 attributes on one element: real tags have a handful; data-* heavy
  // frameworks a few dozen.
  size_t max_attributes = 256;
  // Start tags (elements) in the page; 0 = no limit. Every element costs
  // the parser about 400 bytes and the walk more; `<br>` is 4 bytes, so a
  // page of tag walls takes 100 times its size in memory. Past this
  // budget tags are left out (their text stays). See TagBudget().
  size_t max_tags = 0;
};

// The tag budget for a page of `bytes`: 100,000 elements (the largest of
// WCXB's 1,497 pages has 16,000), or one per 128 bytes of page for larger
// pages. An element costs about 580 bytes, the parser's node and text node
// and the walker's state, so the budget keeps them within 5 times the
// page's size (README, "Limits on hostile input").
inline size_t TagBudget(size_t bytes) {
  size_t per_size = bytes / 128;
  return per_size > 100000 ? per_size : 100000;
}

// Returns true and fills `*out` if `html` exceeds a bound; returns false
// (leaving `*out` untouched) if the page is within bounds and can be parsed
// as it is. The depth is estimated from start and end tags, never below
// the parser's: void elements and the optional-end-tag elements that cannot
// nest by themselves (p, td, tr, ...) do not count; li, dd, dt, option and
// the ruby parts count, and their start tags close what the parser's would
// (so `<li><dd>` repeated deepens, `<li><li>` does not); the contents of
// script, style, textarea, title and comments are skipped. Linear time. `*out` is valid UTF-8 if `html` is.
// With a `deadline` that expires during the scan, the scan stops and
// returns true with the page cut there: the caller must check
// deadline->Expired() and give up on the document.
bool BoundHtml(std::string_view html, const HtmlBounds& bounds, std::string* out,
               Deadline* deadline = nullptr);

}  // namespace cleaner

#endif  // CLEANER_STAGES_EXTRACT_BOUND_H_
