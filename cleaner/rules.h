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
  std::vector<std::string> fields;

  // "filters/<file>:<line>", used in --explain and in error messages.
  std::string Origin() const;
  // Status::InvalidArgument("filters/<file>:<line>: <message>").
  Status Error(std::string_view message) const;
};

// The default rule files compiled into the library from filters/ (by
// cleaner/embed_filters.cmake), in file-name order.
const std::vector<RuleFile>& DefaultRuleFiles();

// Reads the rule files for a run: the defaults, with each file of `dir`
// (non-recursive, names ending in .txt or .tsv) replacing the default of the
// same name or, if there is none, added. Empty `dir`: the defaults.
// Returns IoError if `dir` cannot be read.
Status LoadRuleFiles(const std::string& dir, std::vector<RuleFile>* out);

// Splits `file` into rule lines, skipping comments and blank lines, and
// trimming a trailing '\r'. Fails with InvalidArgument if the file is not
// valid UTF-8 (naming the line).
Status ParseRuleFile(const RuleFile& file, std::vector<RuleLine>* out);

// Returns the rule files whose name starts with `prefix` (e.g.
// "line_filter_"), in name order. Pointers are into `files`.
std::vector<const RuleFile*> RuleFilesWithPrefix(const std::vector<RuleFile>& files,
                                                 std::string_view prefix);

}  // namespace cleaner

#endif  // CLEANER_RULES_H_
