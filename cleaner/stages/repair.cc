// Stage 4, repair. See repair.h.
// PLACEHOLDER: passes every block through until the repair rules land.
#include "cleaner/stages/repair.h"

namespace cleaner {

struct RepairRules::Rep {};

RepairRules::RepairRules(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
RepairRules::~RepairRules() = default;

Status RepairRules::Compile(const std::vector<RuleFile>&, std::unique_ptr<const RepairRules>* out) {
  out->reset(new RepairRules(std::make_unique<Rep>()));
  return Status::OK();
}

Repairer::Repairer(const RepairRules* rules, const RepairOptions& options, BlockSink* next)
    : rules_(rules), options_(options), next_(next) {}
Repairer::~Repairer() = default;

Status Repairer::BeginDocument(const DocumentInfo& doc) {
  doc_ = doc;
  blocks_.clear();
  return next_->BeginDocument(doc);
}

Status Repairer::Push(Block block) {
  blocks_.push_back(std::move(block));
  return Status::OK();
}

Status Repairer::EndDocument() {
  for (Block& b : blocks_) CLEANER_RETURN_IF_ERROR(next_->Push(std::move(b)));
  blocks_.clear();
  return next_->EndDocument();
}

}  // namespace cleaner
