// Rule files: the boilerplate knowledge kept as data in filters/. This file
// reads them; each stage compiles the rule kinds it owns from them.
//
// Format (filters/README.md has the full description): UTF-8 text, one rule a
// line, fields separated by TABs, the first field being the rule kind; '#'
// starts a comment line; blank lines are ignored. Errors are reported as
// "filters/<file>:<line>: message" so that editors can jump to them.
#ifndef CLEANER_RULES_H_
#define CLEANER_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/status.h"

namespace cleaner {

// The contents of one rule file.
struct RuleFile {
  std::string name;  // file name only, e.g. "line_filter_boilerplate.txt"
  std::string text;
};

// One non-comment line of a rule file, split at TABs.
struct RuleLine {
  const RuleFile* file = nullptr;  // REQUIRES: outlives the RuleLine
  int line = 0;                    // 1-based
  // Views into file->text (no copies: reading the rule files was mostly
  // allocating these when they were strings).
  std::vector<std::string_view> fields;

  // "filters/<file>:<line>", used in --explain and in error messages.
  std::string Origin() const;
  // Status::InvalidArgument("filters/<file>:<line>: <message>").
  Status Error(std::string_view message) const;
};

// Reads a number field of a rule line (weights, thresholds of the learned
// models in filters/): true iff all of `field` is a decimal number in
// [lo, hi] (not NaN or infinite).
bool ParseRuleNumber(std::string_view field, double lo, double hi, double* out);

// Reads the rule lines of one file in order: comment lines and blank lines
// are skipped, and a trailing '\r' is trimmed. The whole file is checked to
// be valid UTF-8 before the first line is returned, so an invalid line is
// reported (naming it) before any error a caller finds in an earlier line.
//
//   RuleLineReader reader(file);
//   Status st;
//   while (reader.Next(&st)) Use(reader.line());
//   CLEANER_RETURN_IF_ERROR(st);
class RuleLineReader {
 public:
  // REQUIRES: `file` outlives the reader and the lines it returns.
  explicit RuleLineReader(const RuleFile& file);

  // Moves to the next rule line and returns true; returns false at the end
  // of the file (leaving *status as it is) or, having set *status to
  // InvalidArgument "filters/<file>:<line>: not valid UTF-8", if the file is
  // not valid UTF-8.
  bool Next(Status* status);

  // The current line; valid until the next call of Next().
  const RuleLine& line() const { return line_; }

 private:
  RuleLine line_;
  size_t pos_ = 0;        // where the next line starts in file->text
  bool checked_ = false;  // the file's UTF-8 has been checked
};

// The default rule files compiled into the library from filters/ (by
// cleaner/embed_filters.cmake), in file-name order.
const std::vector<RuleFile>& DefaultRuleFiles();

// Reads the rule files for a run: the defaults, with each file of `dir`
// (non-recursive, names ending in .txt or .tsv) replacing the default of the
// same name or, if there is none, added. Empty `dir`: the defaults.
// Returns IoError if `dir` cannot be read.
Status LoadRuleFiles(const std::string& dir, std::vector<RuleFile>* out);

// Returns the rule files whose name starts with `prefix` (e.g.
// "line_filter_"), in name order. Pointers are into `files`.
std::vector<const RuleFile*> RuleFilesWithPrefix(const std::vector<RuleFile>& files,
                                                 std::string_view prefix);

}  // namespace cleaner

#endif  // CLEANER_RULES_H_
