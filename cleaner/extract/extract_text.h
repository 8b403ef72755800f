// Text measures the HTML extractor uses to tell running text from page
// furniture; kept apart from extract_html.cc so that they are testable
// without Gumbo.
#ifndef CLEANER_STAGES_EXTRACT_TEXT_H_
#define CLEANER_STAGES_EXTRACT_TEXT_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace cleaner {

// A set of stop words (the most frequent function words of some languages,
// from filters/extract_stopwords.txt). The views added must outlive the set.
class StopWords {
 public:
  // Adds `word`, which must be lower case (ASCII letters at least).
  void Add(std::string_view word) { words_.insert(word); }
  bool empty() const { return words_.empty(); }

  // Counts the words of `utf8` and how many of them are stop words. A word
  // is a run of ASCII letters and digits and non-ASCII characters other than
  // the General Punctuation block (dashes, curly quotes) and no-break space;
  // ASCII letters are compared lower-cased. Linear in the text; allocates
  // nothing.
  void Count(std::string_view utf8, int* words, int* stop_words) const;

 private:
  std::unordered_set<std::string_view> words_;
};

// Finds the first `"key": "value"` pair in `json` (JSON-LD text, scanned
// as text, not parsed: pages' JSON-LD is often invalid) and returns the
// decoded value (escapes, including \uXXXX surrogate pairs, turned into
// UTF-8; an invalid escape ends the value). Returns "" if there is none or
// the value is not a string. Linear in `json`.
std::string JsonStringValue(std::string_view json, std::string_view key);

// Like JsonStringValue, for a value that may also be an array of strings
// (JSON-LD "keywords", "articleSection"): the string, or the array's
// strings up to the first item that is not one, at most `max_items`.
// Empty if there is no such key.
std::vector<std::string> JsonStringList(std::string_view json, std::string_view key,
                                        size_t max_items = 64);

}  // namespace cleaner

#endif  // CLEANER_STAGES_EXTRACT_TEXT_H_
