// HTML character references left in text (`&amp;`, `&nbsp;`, `&#8217;`,
// `&#x2019;`): scraped text and text extracted from double-escaped HTML
// carry them. Part of the repair stage (repair.h); a pure function.
#ifndef CLEANER_STAGES_REPAIR_ENTITIES_H_
#define CLEANER_STAGES_REPAIR_ENTITIES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cleaner/repair/repair_text.h"

namespace cleaner {

// Entity name (without '&' and ';') -> code point, from
// filters/repair_entities.tsv.
using EntityTable = std::unordered_map<std::string, char32_t>;

// Returns `text` with every character reference decoded:
// - named references in `names` with their ';' (`&amp;` -> `&`, `&nbsp;` ->
//   U+00A0, which normalization later turns into a space);
// - decimal and hex references with their ';' (`&#8217;`, `&#x2019;`); the
//   numbers 128..159 mean their Windows-1252 characters, as in the HTML
//   standard (§13.2.5.80, "numeric character reference end state"); zero,
//   surrogates and numbers above U+10FFFF are left as written.
// A reference without ';' is left as written: in prose `AT&T`, `R&D` or
// `&copy 2020` are more likely text than a reference, and a wrong decode
// would change content. A chain of double escapes (`&amp;amp;amp;` -> `&`)
// is followed to its end in one pass; a reference that a decoded character
// forms with the text before it (`&&#97;mp;` -> `&amp;` -> `&`) takes
// another pass, at most 4 passes in all, so the cost is linear in the text
// (repeating whole passes until nothing changed took O(n^2) on a chain of
// 640,000 levels) and the function is idempotent on everything but such
// constructions nested more than 3 deep. One RepairChange (rule "entity")
// per decoded reference or chain goes to *changes if not null.
// REQUIRES: `text` is valid UTF-8.
std::string DecodeEntities(std::string_view text, const EntityTable& names,
                           std::vector<RepairChange>* changes);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_ENTITIES_H_
