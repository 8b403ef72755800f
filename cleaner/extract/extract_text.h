// Text measures the HTML extractor uses to tell running text from page
// furniture; kept apart from the walk and the selection so that they are
// testable without Gumbo.
#ifndef CLEANER_STAGES_EXTRACT_TEXT_H_
#define CLEANER_STAGES_EXTRACT_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/util/stop_words.h"

namespace cleaner {

// Finds the first `"key": "value"` pair in `json` (JSON-LD text, scanned
// as text, not parsed: pages' JSON-LD is often invalid) and returns the
// decoded value (escapes, including \uXXXX surrogate pairs, turned into
// UTF-8; an invalid escape ends the value). Returns "" if there is none or
// the value is not a string. Linear in `json`.
std::string JsonStringValue(std::string_view json, std::string_view key);

// Whether `json` has the key `"key":`, whatever its value's form
// ("author": {"@type": "Person", ...} too). Scanned as JsonStringValue.
bool JsonHasKey(std::string_view json, std::string_view key);

// Like JsonStringValue, for a value that may also be an array of strings
// (JSON-LD "keywords", "articleSection"): the string, or the array's
// strings up to the first item that is not one, at most `max_items`.
// Empty if there is no such key.
std::vector<std::string> JsonStringList(std::string_view json, std::string_view key,
                                        size_t max_items = 64);

}  // namespace cleaner

#endif  // CLEANER_STAGES_EXTRACT_TEXT_H_
