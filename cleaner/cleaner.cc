// The public entry points; a thin shell over Pipeline.
#include "cleaner/cleaner.h"

#include "cleaner/pipeline.h"

namespace cleaner {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list-item";
    case BlockKind::kPreformatted: return "preformatted";
    case BlockKind::kTable: return "table";
    case BlockKind::kQuote: return "quote";
  }
  return "paragraph";
}

struct Cleaner::Rep {
  std::unique_ptr<Pipeline> pipeline;
};

Cleaner::Cleaner(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Cleaner::~Cleaner() = default;

Status Cleaner::Create(const Options& options, std::unique_ptr<Cleaner>* out) {
  auto rep = std::make_unique<Rep>();
  CLEANER_RETURN_IF_ERROR(Pipeline::Create(options, &rep->pipeline));
  out->reset(new Cleaner(std::move(rep)));
  return Status::OK();
}

Status Cleaner::Clean(const RawDocument& in, Document* out, Reporter* reporter) const {
  return rep_->pipeline->Run(in, out, reporter, nullptr);
}

Status Cleaner::Clean(RawDocument&& in, Document* out, Reporter* reporter) const {
  return rep_->pipeline->Run(in, out, reporter, &in.bytes);
}

const Options& Cleaner::options() const { return rep_->pipeline->options(); }

std::string CleanString(std::string_view input) {
  static const Cleaner* const kDefault = [] {
    std::unique_ptr<Cleaner> c;
    return Cleaner::Create(Options(), &c).ok() ? c.release() : nullptr;
  }();
  if (kDefault == nullptr) return "";
  RawDocument raw;
  raw.name = "<string>";
  raw.bytes = std::string(input);
  Document doc;
  if (!kDefault->Clean(raw, &doc).ok()) return "";
  return doc.text;
}

const char* Version() { return CLEANER_VERSION; }

}  // namespace cleaner
