// Stage 2a, extract: the block model. See block_model.h.
#include "cleaner/extract/block_model.h"

#include <algorithm>

#include "cleaner/extract/feature_names.h"
#include "cleaner/extract/page_kind_model.h"
#include "cleaner/rules.h"

namespace cleaner {

namespace {

constexpr std::array<const char*, kBlockFeatureCount> kNames = {
    "bias",
    "narrow",
    "chosen",
    "gate_score",
    "broad",
    "log_chars",
    "link_density",
    "nav_links",
    "card_share",
    "card",
    "prose",
    "stop_share",
    "punct",
    "digits",
    "heading",
    "list_item",
    "table",
    "code",
    "quote",
    "level",
    "position",
    "before_chosen",
    "after_chosen",
    "prev_chosen",
    "next_chosen",
    "weight",
    "in_nav",
    "in_header",
    "in_footer",
    "in_aside",
    "in_article",
    "in_main",
    "in_li",
    "in_form",
    "depth",
    "repeated",
    "container",
    "container_links",
    "container_prose",
    "prev_links",
    "next_links",
    "rule_dropped",
    "distance",
    "comments",
    "page_text",
    "chosen_share",
    "kind_forum",
    "kind_product",
    "kind_collection",
    "kind_listing",
    "kind_service",
    "kind_documentation",
};

}  // namespace

const char* BlockFeatureName(int feature) { return NameAt(kNames, feature); }

int BlockFeatureIndex(std::string_view name) { return IndexOfName(kNames, name); }

Status LoadBlockModel(const std::vector<RuleFile>& files, BlockModel* model) {
  for (const RuleFile& file : files) {
    if (file.name != "block_model.txt") continue;
    bool have_base = false;
    // [0]: every kind's, [1 + k]: kind k's; kUnset: not given.
    constexpr double kUnset = -1e300;
    std::array<double, 8> threshold, drop, overrule;
    threshold.fill(kUnset);
    drop.fill(kUnset);
    overrule.fill(kUnset);
    RuleLineReader reader(file);
    Status st;
    while (reader.Next(&st)) {
      const RuleLine& line = reader.line();
      const std::vector<std::string_view>& f = line.fields;
      Status tree_st;
      if (model->trees.ReadLine(line, BlockFeatureIndex, &tree_st)) {
        CLEANER_RETURN_IF_ERROR(tree_st);
        continue;
      }
      double v = 0;
      if (f[0] == "favor") {
        Favor favor = Favor::kBalanced;
        if (f.size() != 3 || !ParseFavor(f[1], &favor) || favor == Favor::kBalanced ||
            !ParseRuleNumber(f.back(), -100, 100, &v)) {
          return line.Error("expected: favor<TAB>precision|recall<TAB>NUMBER");
        }
        model->shifts[static_cast<int>(favor)] = v;
        continue;
      }
      const bool by_kind = f[0] != "base" && f.size() == 3;
      const int kind = by_kind ? PageKindIndex(f[1]) : -1;
      if ((f[0] != "base" && f[0] != "threshold" && f[0] != "drop" && f[0] != "overrule") ||
          f.size() != (by_kind ? 3u : 2u) || (by_kind && kind < 0) ||
          !ParseRuleNumber(f.back(), -1e4, 1e4, &v)) {
        return line.Error(
            "expected: base<TAB>NUMBER, threshold[<TAB>KIND]<TAB>NUMBER, "
            "drop[<TAB>KIND]<TAB>NUMBER, overrule[<TAB>KIND]<TAB>NUMBER, "
            "favor<TAB>precision|recall<TAB>NUMBER, tree, node or leaf");
      }
      if (f[0] == "base") {
        model->base = v;
        have_base = true;
      } else {
        (f[0] == "threshold" ? threshold : f[0] == "drop" ? drop : overrule)[kind + 1] = v;
      }
    }
    CLEANER_RETURN_IF_ERROR(st);
    CLEANER_RETURN_IF_ERROR(model->trees.Finish(file.name));
    const bool any_threshold =
        std::any_of(threshold.begin(), threshold.end(), [](double t) { return t != kUnset; }) ||
        std::any_of(drop.begin(), drop.end(), [](double t) { return t != kUnset; }) ||
        std::any_of(overrule.begin(), overrule.end(), [](double t) { return t != kUnset; });
    if (model->trees.empty() && !have_base && !any_threshold) continue;
    if (model->trees.empty() || !have_base || threshold[0] == kUnset) {
      return Status::InvalidArgument("filters/" + file.name + ": needs base, threshold and a tree");
    }
    for (int k = 0; k < 7; ++k) {
      model->thresholds[k] = threshold[k + 1] != kUnset ? threshold[k + 1] : threshold[0];
      const double d = drop[k + 1] != kUnset ? drop[k + 1] : drop[0];
      model->drops[k] = d != kUnset ? std::min(d, model->thresholds[k]) : model->thresholds[k];
      const double o = overrule[k + 1] != kUnset ? overrule[k + 1] : overrule[0];
      model->overrules[k] = o != kUnset ? std::max(o, model->thresholds[k]) : model->thresholds[k];
    }
  }
  return Status::OK();
}

double BlockScore(const BlockModel& model, const BlockVector& x) {
  double d[kBlockFeatureCount];
  for (int i = 0; i < kBlockFeatureCount; ++i) d[i] = x[i];
  return model.base + model.trees.Sum(d);
}

std::string FormatBlockFeatures(const BlockVector& x) { return FormatFeatures(kNames, x); }

}  // namespace cleaner
