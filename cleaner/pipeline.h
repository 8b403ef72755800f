// The one place where stage order is decided.
//
//   Source -RawDocument-> Decode -UTF-8-> DetectFormat -> ExtractHtml | SplitText
//     -Block-> LineFilter -> Repairer -> Normalizer -> TextWriter
//
// Decode and extract/segment are functions of the whole document (Gumbo
// parses whole buffers); the stages after them are BlockSinks driven in push
// model, one chain built per document from the shared compiled rules.
#ifndef CLEANER_PIPELINE_H_
#define CLEANER_PIPELINE_H_

#include <memory>

#include "cleaner/cleaner.h"
#include "cleaner/extract/extract_html.h"
#include "cleaner/filter/line_filter.h"
#include "cleaner/repair/repair.h"

namespace cleaner {

// Compiled rules and options for all stages; immutable after Create and
// shared by concurrent Run calls.
class Pipeline {
 public:
  static Status Create(const Options& options, std::unique_ptr<Pipeline>* out);

  // Runs every stage over `in` and fills *out. Thread-safe.
  // `release`, if not null, is in.bytes, emptied once decoded.
  Status Run(const RawDocument& in, Document* out, Reporter* reporter,
             std::string* release) const;

  const Options& options() const { return options_; }

 private:
  Options options_;
  std::unique_ptr<const ExtractRules> extract_rules_;
  std::unique_ptr<const LineFilterRules> filter_rules_;
  std::unique_ptr<const RepairRules> repair_rules_;
};

}  // namespace cleaner

#endif  // CLEANER_PIPELINE_H_
