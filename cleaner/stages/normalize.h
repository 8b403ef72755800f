// Stage 5, normalize: puts every block into the output form of the spec
// (shared/spec/README.md, "Output form"): Unicode NFC (UAX #15); a run of
// horizontal white space (tabs, NBSP and every other space separator
// included) collapsed to one U+0020, a lone NBSP or other typographic space
// kept as it is (as the spec's seeds do);
// zero-width space, word joiner, BOM, soft hyphen and control characters
// removed; ZWJ, ZWNJ and bidi marks kept; no spaces at line edges.
// Guarantees to the writer: block text is NFC, non-empty, has no C0 control
// but '\n', and has '\n' only inside multi-line blocks (tables, <pre>, <br>),
// never two in a row. It is valid UTF-8 even if the block was not.
#ifndef CLEANER_STAGES_NORMALIZE_H_
#define CLEANER_STAGES_NORMALIZE_H_

#include <string>
#include <string_view>

#include "cleaner/block.h"

namespace cleaner {

// Returns `text` in the output form. Line breaks ('\n', and U+2028, U+0085)
// are kept (one at most in a row) when `keep_line_breaks`, else they become
// spaces. With `keep_indentation` (preformatted text: code, poetry kept
// verbatim), the white space that starts each line is kept, a tab as four
// spaces; this is the one exception to "no spaces at line edges".
std::string NormalizeText(std::string_view text, bool keep_line_breaks,
                          bool keep_indentation = false);

// The stage: normalizes each block and drops blocks that end up empty.
class Normalizer : public BlockSink {
 public:
  // `next` must outlive this object.
  explicit Normalizer(BlockSink* next) : next_(next) {}
  Status BeginDocument(const DocumentInfo& doc) override { return next_->BeginDocument(doc); }
  Status Push(Block block) override;
  Status EndDocument() override { return next_->EndDocument(); }

 private:
  BlockSink* next_;
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_NORMALIZE_H_
