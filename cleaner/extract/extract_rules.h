// Stage 2a, extract: the compiled extraction rules (internal to
// cleaner/extract/). ExtractRules::Rep holds what filters/extract_*.txt say:
// the verdicts and weights of class and id tokens (whole, by part, by prefix
// and by suffix), of tags, ARIA roles and itemprops; the stop words that
// tell prose; the weights of the selection gate and of the page-kind model.
// ExtractRules::Compile() (extract_html.h) builds it once; it is read-only
// after, shared by every document and every thread.
#ifndef CLEANER_EXTRACT_EXTRACT_RULES_H_
#define CLEANER_EXTRACT_EXTRACT_RULES_H_

#include <gumbo.h>

#include <array>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cleaner/extract/block_model.h"
#include "cleaner/extract/extract_html.h"
#include "cleaner/extract/html_model.h"
#include "cleaner/extract/page_kind_model.h"
#include "cleaner/extract/selection_gate.h"
#include "cleaner/util/stop_words.h"

namespace cleaner {

struct ExtractRules::Rep {
  // Owns the token strings the maps' string_view keys point into.
  std::deque<std::string> storage;
  std::deque<TokenRule> rules;
  std::unordered_map<std::string_view, const TokenRule*> tokens;  // names and parts
  std::unordered_map<std::string_view, const TokenRule*> whole;   // whole names only
  std::vector<std::pair<std::string, const TokenRule*>> prefixes;
  std::vector<std::pair<std::string, const TokenRule*>> suffixes;
  std::array<const TokenRule*, GUMBO_TAG_LAST + 1> tags{};
  std::unordered_map<std::string_view, const TokenRule*> roles;
  std::unordered_map<std::string_view, const TokenRule*> itemprops;
  StopWords stopwords;
  GateVector gate{};        // the selection gate's weights (selection_gate.h)
  PageKindModel page_kind;  // the page-kind model's weights (page_kind_model.h)
  BlockModel blocks;        // the block model's trees (block_model.h)

  std::string_view Keep(std::string s) {
    storage.push_back(std::move(s));
    return storage.back();
  }
};

namespace extract_internal {

// The verdicts the walk gives without a rule; an element's rule is compared
// with them by address. HiddenRule(): a hidden block (the hidden attribute,
// aria-hidden="true", display:none, visibility:hidden). ModalRule(): a modal
// dialog (aria-modal="true"), an overlay on the page shown by a script, not
// the page under it. Both drop, with the veto (selection's ApplyDrops()).
const TokenRule& HiddenRule();
const TokenRule& ModalRule();

}  // namespace extract_internal
}  // namespace cleaner

#endif  // CLEANER_EXTRACT_EXTRACT_RULES_H_
