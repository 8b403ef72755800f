// Stage 3, filter: drops boilerplate blocks (navigation, ads, share prompts,
// comment forms, newsletter and cookie notices, related-content blocks,
// copyright lines) and moves bylines and date stamps into the metadata.
// Rules come from filters/line_filter_*.txt (format and decision logic in
// filters/README.md). Guarantees to the next stage: the kept blocks,
// unedited except for a byline/date prefix cut from the first content
// paragraph, in their original order, each removal reported to the
// Reporter and counted in Metadata::removed_by_category and
// Stats::blocks_dropped. A document judged an error page or a cookie wall
// keeps no block and gets Metadata::drop_reason. Filtering the output again
// removes nothing more.
#ifndef CLEANER_STAGES_LINE_FILTER_H_
#define CLEANER_STAGES_LINE_FILTER_H_

#include <memory>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/options.h"
#include "cleaner/rules.h"

namespace cleaner {

// The compiled rules of filters/line_filter_*.txt. Immutable once built and
// shared by every document and thread.
class LineFilterRules {
 public:
  // Compiles the line_filter_* files among `files`. Returns InvalidArgument
  // "filters/<file>:<line>: message" for a malformed rule.
  static Status Compile(const std::vector<RuleFile>& files,
                        std::unique_ptr<const LineFilterRules>* out);
  ~LineFilterRules();

  struct Rep;
  const Rep& rep() const { return *rep_; }

 private:
  explicit LineFilterRules(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The stage. Buffers the whole document, or a window of a long one
// (kWindowBlocks; decisions depend on position, neighbours and repetition),
// and pushes the kept blocks at EndDocument() or EndWindow().
class LineFilter : public BlockSink {
 public:
  // `rules` and `next` must outlive this object.
  LineFilter(const LineFilterRules* rules, const FilterOptions& options, BlockSink* next);
  ~LineFilter() override;
  Status BeginDocument(const DocumentInfo& doc) override;
  Status Push(Block block) override;
  void Reserve(size_t blocks) override;
  Status PushAll(std::vector<Block>* blocks) override;
  Status EndDocument() override;
  // Judges the window's blocks as a document of their own, without the
  // whole-document drop (an error page is no document of 16,384 blocks).
  Status EndWindow() override;

 private:
  // Judges the buffered blocks and pushes those kept to the next stage.
  Status JudgeBuffered();
  // Decides which of blocks_ stay; removes the others, reporting each.
  // Returns true if the kept blocks should be judged again: something was
  // removed (the zones, runs and neighbours of the others may have moved).
  bool Judge();

  const LineFilterRules* rules_;
  FilterOptions options_;
  BlockSink* next_;
  DocumentInfo doc_;
  std::vector<Block> blocks_;
  bool first_judgement_ = true;  // of the current document or window
  bool windowed_ = false;        // the document is judged in windows
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_LINE_FILTER_H_
