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
// would change content. Decoding repeats until nothing is left to decode
// (`&amp;amp;` -> `&`), so the function is idempotent. One RepairChange
// (rule "entity") per decoded reference goes to *changes if not null.
// REQUIRES: `text` is valid UTF-8.
std::string DecodeEntities(std::string_view text, const EntityTable& names,
                           std::vector<RepairChange>* changes);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_ENTITIES_H_
