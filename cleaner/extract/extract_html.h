// Stage 2a, extract: UTF-8 HTML -> structured blocks of the main content.
// Parses with Gumbo (only cleaner/extract/ includes gumbo.h), turns the DOM into
// blocks (headings, paragraphs, list items, tables, preformatted text, block
// quotes) with correct inline spacing, selects the main content, and fills
// the metadata (title, author, date, canonical URL, site name, language,
// description). Guarantees to the next stage: blocks in document order,
// indexed from 0, each with valid UTF-8 text.
#ifndef CLEANER_STAGES_EXTRACT_HTML_H_
#define CLEANER_STAGES_EXTRACT_HTML_H_

#include <memory>
#include <string_view>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/options.h"
#include "cleaner/rules.h"

namespace cleaner {

// Class/id token lists and element rules from filters/extract_*.txt.
// Immutable and shared once built.
class ExtractRules {
 public:
  static Status Compile(const std::vector<RuleFile>& files,
                        std::unique_ptr<const ExtractRules>* out);
  ~ExtractRules();

  struct Rep;
  const Rep& rep() const { return *rep_; }

 private:
  explicit ExtractRules(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// Extracts `html` into `out` (Push only; the caller drives BeginDocument and
// EndDocument). Returns ResourceExhausted if a limit of `limits` is hit.
// REQUIRES: `html` is valid UTF-8.
Status ExtractHtml(std::string_view html, const ExtractRules& rules,
                   const ExtractOptions& options, const LimitOptions& limits,
                   const DocumentInfo& doc, BlockSink* out);

}  // namespace cleaner

#endif  // CLEANER_STAGES_EXTRACT_HTML_H_
