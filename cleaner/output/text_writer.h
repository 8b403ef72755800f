// Stage 6, the sink: blocks -> the document's text in the output form.
// Blocks are separated by exactly one blank line and the text ends with one
// '\n'; a document without blocks gives "" (not "\n"). A table is one row a
// line, cells separated by '\t'; <pre> keeps its inner spaces, but its blank
// lines go (a blank line separates blocks in this form).
#ifndef CLEANER_STAGES_TEXT_WRITER_H_
#define CLEANER_STAGES_TEXT_WRITER_H_

#include <string>

#include "cleaner/block.h"

namespace cleaner {

class TextWriter : public BlockSink {
 public:
  // Appends to *out, which must outlive this object.
  explicit TextWriter(std::string* out) : out_(out) {}
  Status BeginDocument(const DocumentInfo&) override { return Status::OK(); }
  Status Push(Block block) override {
    if (!out_->empty()) out_->push_back('\n');
    if (block.kind == BlockKind::kPreformatted) {
      for (char c : block.text) {
        if (c != '\n' || out_->back() != '\n') out_->push_back(c);
      }
    } else {
      out_->append(block.text);
    }
    out_->push_back('\n');
    return Status::OK();
  }
  Status EndDocument() override { return Status::OK(); }

 private:
  std::string* out_;
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_TEXT_WRITER_H_
