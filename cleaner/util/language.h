// Language identification of text, with Debian's CLD2 (Compact Language
// Detector 2): well-kept, 80+ languages, no model download. Its cost grows
// with the text (a few hundred instructions a byte), so callers give it a
// sample.
// Used by the extractor (metadata), the filter (a line in another language
// than the body) and the repair stage (French spacing, quote marks).
#ifndef CLEANER_UTIL_LANGUAGE_H_
#define CLEANER_UTIL_LANGUAGE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace cleaner {

struct LanguageGuess {
  std::string code;       // ISO 639-1 where one exists ("en", "de", "zh"), or "" if unknown
  bool reliable = false;  // CLD2's own verdict
  int percent = 0;        // share of the text's letters in that language
};

// Guesses the main language of the first `max_bytes` of `utf8` (plain
// text), cut at a character boundary. Short texts (under ~30 letters) are
// usually unknown or unreliable. Thread-safe. REQUIRES: `utf8` is valid
// UTF-8.
LanguageGuess DetectLanguage(std::string_view utf8, size_t max_bytes = size_t{1} << 16);

}  // namespace cleaner

#endif  // CLEANER_UTIL_LANGUAGE_H_
