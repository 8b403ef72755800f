// Stage 4, repair: fixes what scraping broke in the text without touching
// wording: HTML entities left in text, mojibake (UTF-8 read as Windows-1252
// or Latin-1), spacing around punctuation, doubled punctuation, and quote
// marks (pairing per paragraph, consistency per document). The rules are
// language-aware (French spacing, German and Russian quote marks) and every
// change is reported (an ExplainEvent of stage "repair" per change, named by
// its rule, with a before/after snippet; Stats::repairs counts them).
// Guarantees: idempotent (repairing repaired text changes nothing) and
// deterministic. Runs before normalization, so it treats every Unicode space
// separator as a space and does not rely on NFC.
//
// The rules are pure functions, each with its own file and table test:
// repair_entities.h, repair_mojibake.h, repair_punctuation.h,
// repair_quotes.h. The language is Metadata::language when the extractor
// set it, otherwise CLD2's guess from the text, computed only when it can
// change the result (see repair.cc). Preformatted blocks get mojibake
// repair only.
#ifndef CLEANER_STAGES_REPAIR_H_
#define CLEANER_STAGES_REPAIR_H_

#include <memory>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/options.h"
#include "cleaner/repair/repair_text.h"
#include "cleaner/rules.h"

namespace cleaner {

// Tables the repair stage reads from filters/repair_*.tsv (abbreviations,
// known file/domain suffixes, ...). Immutable and shared once built.
class RepairRules {
 public:
  static Status Compile(const std::vector<RuleFile>& files,
                        std::unique_ptr<const RepairRules>* out);
  ~RepairRules();

  struct Rep;
  const Rep& rep() const { return *rep_; }

 private:
  explicit RepairRules(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The stage. Buffers the document (or a window of a long one: kWindowBlocks):
// quote consistency is decided over all of its blocks before any block is
// forwarded.
class Repairer : public BlockSink {
 public:
  // What the stage repairs: everything, or the encoding only (entities and
  // mojibake). Scraped text has its encoding repaired before the filter, so
  // that the filter judges each line as it will read (`Â© 2025 ...` is a
  // copyright line, `...â€¦` a teaser cut with `…`) and cleaning the output
  // again drops nothing more; the stage after the filter then finds no
  // encoding damage left: it repairs the rest (kMarks: quotes and
  // punctuation, without reading every line for mojibake again).
  enum class Part { kAll, kEncoding, kMarks };
  // `rules` and `next` must outlive this object.
  Repairer(const RepairRules* rules, const RepairOptions& options, BlockSink* next,
           Part part = Part::kAll);
  ~Repairer() override;
  Status BeginDocument(const DocumentInfo& doc) override;
  Status Push(Block block) override;
  void Reserve(size_t blocks) override;
  Status PushAll(std::vector<Block>* blocks) override;
  Status EndDocument() override;
  // Repairs the window's blocks as a document of their own.
  Status EndWindow() override;

 private:
  // Repairs the buffered blocks and pushes them to the next stage.
  Status RepairBuffered();
  // Entities and mojibake, each block's changes in `changes`; *evidence is
  // set when the text holds mojibake that is certain. False when the
  // document's time ran out.
  bool RepairEncoding(std::vector<std::vector<RepairChange>>* changes, bool* evidence);
  // Quotes and punctuation spacing, line by line.
  Status RepairMarks(std::vector<std::vector<RepairChange>>* changes, bool evidence);
  // Counts the changes and, with a reporter, says each one.
  void Report(std::vector<std::vector<RepairChange>>* changes);
  void Settle(std::vector<RepairChange>* changes) const;
  const RepairRules* rules_;
  RepairOptions options_;
  BlockSink* next_;
  Part part_;
  DocumentInfo doc_;
  std::vector<Block> blocks_;
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_H_
