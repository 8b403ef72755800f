// Stage 2a, extract: text a page declares in its metadata rather than shows:
// a product's JSON-LD description (shops hide it in tabs or render it by
// script); the page's own summary (og:description) is taken by the
// extractor for a forum thread that shows no text (rendered by script).
#ifndef CLEANER_EXTRACT_DECLARED_TEXT_H_
#define CLEANER_EXTRACT_DECLARED_TEXT_H_

#include <string>
#include <string_view>

namespace cleaner {

// The "description" of the JSON-LD object whose "@type" is Product (or one
// of its kinds: ProductGroup, IndividualProduct), tags stripped. "" if the
// page declares none. Scans text, as JsonStringValue: no JSON parse.
std::string ProductDescription(std::string_view json_ld);

// Whether `text`'s opening (its first 80 bytes, white space collapsed) is
// already somewhere in `shown`: the page shows its description.
bool AlreadyShown(std::string_view text, std::string_view shown);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_DECLARED_TEXT_H_
