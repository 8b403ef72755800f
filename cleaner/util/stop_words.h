// Stop words: the most frequent function words of some languages, read from
// filters/stopwords.txt. The share of them among a text's words tells
// running text from page furniture (jusText's stop-word density); the HTML
// extractor and the filter stage's line classifier both use it.
#ifndef CLEANER_UTIL_STOP_WORDS_H_
#define CLEANER_UTIL_STOP_WORDS_H_

#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cleaner/rules.h"
#include "cleaner/status.h"

namespace cleaner {

// A set of stop words. Immutable once loaded; Count() may be called from
// several threads at once.
class StopWords {
 public:
  StopWords() = default;
  StopWords(const StopWords&) = delete;
  StopWords& operator=(const StopWords&) = delete;

  // Adds `word` (ASCII letters are lower-cased).
  void Add(std::string_view word);
  bool empty() const { return words_.empty(); }

  // Adds the words of every `stopwords<TAB>LANG<TAB>WORDS` line of the
  // file named "stopwords.txt" among `files` (none if there is no such
  // file). Returns InvalidArgument "filters/stopwords.txt:<line>: ..." for a
  // line of another shape.
  Status Load(const std::vector<RuleFile>& files);
  // The same from the file `file_name`, whose lines are
  // `KIND<TAB>LANG<TAB>WORDS` (a list of other words of the same form);
  // lines of `other_kind` (when not empty) are another set's and skipped.
  Status Load(const std::vector<RuleFile>& files, std::string_view file_name,
              std::string_view kind, std::string_view other_kind = {});

  // Counts the words of `utf8` and how many of them are stop words. A word
  // is a run of ASCII letters and digits and non-ASCII characters other than
  // the General Punctuation block (dashes, curly quotes), guillemets and
  // no-break space; ASCII letters are compared lower-cased. Linear in the
  // text; allocates nothing.
  void Count(std::string_view utf8, int* words, int* stop_words) const;

  // Whether the first word of `utf8` (as Count() reads words) is in the set.
  bool FirstWordIn(std::string_view utf8) const;
  // Whether the last word of `utf8` is in the set. Linear in the text.
  bool LastWordIn(std::string_view utf8) const;

 private:
  std::deque<std::string> storage_;  // the words; views below point here
  std::unordered_set<std::string_view> words_;
};

}  // namespace cleaner

#endif  // CLEANER_UTIL_STOP_WORDS_H_
