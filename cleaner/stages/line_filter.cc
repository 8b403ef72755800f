// Stage 3, filter. See line_filter.h.
// PLACEHOLDER: passes every block through until the rule engine lands.
#include "cleaner/stages/line_filter.h"

namespace cleaner {

struct LineFilterRules::Rep {};

LineFilterRules::LineFilterRules(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
LineFilterRules::~LineFilterRules() = default;

Status LineFilterRules::Compile(const std::vector<RuleFile>&,
                                std::unique_ptr<const LineFilterRules>* out) {
  out->reset(new LineFilterRules(std::make_unique<Rep>()));
  return Status::OK();
}

LineFilter::LineFilter(const LineFilterRules* rules, const FilterOptions& options,
                       BlockSink* next)
    : rules_(rules), options_(options), next_(next) {}
LineFilter::~LineFilter() = default;

Status LineFilter::BeginDocument(const DocumentInfo& doc) {
  doc_ = doc;
  blocks_.clear();
  return next_->BeginDocument(doc);
}

Status LineFilter::Push(Block block) {
  blocks_.push_back(std::move(block));
  return Status::OK();
}

Status LineFilter::EndDocument() {
  for (Block& b : blocks_) CLEANER_RETURN_IF_ERROR(next_->Push(std::move(b)));
  blocks_.clear();
  return next_->EndDocument();
}

}  // namespace cleaner
