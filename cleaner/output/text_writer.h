// Stage 6, the sink: blocks -> the document's text in the output form.
// Blocks are separated by exactly one blank line and the text ends with one
// '\n'; a document without blocks gives "" (not "\n").
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
    out_->append(block.text);
    out_->push_back('\n');
    return Status::OK();
  }
  Status EndDocument() override { return Status::OK(); }

 private:
  std::string* out_;
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_TEXT_WRITER_H_
