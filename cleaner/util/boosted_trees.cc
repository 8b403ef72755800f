// Gradient-boosted regression trees from a model file. See boosted_trees.h.
#include "cleaner/util/boosted_trees.h"

namespace cleaner {
namespace {

bool ParseNumber(std::string_view field, double* v) { return ParseRuleNumber(field, -1e6, 1e6, v); }

}  // namespace

bool BoostedTrees::ReadLine(const RuleLine& line,
                            const std::function<int(std::string_view)>& feature_index, Status* st) {
  const std::vector<std::string_view>& f = line.fields;
  if (f[0] == "tree") {
    if (f.size() != 1) *st = line.Error("expected: tree");
    roots_.push_back(static_cast<int>(nodes_.size()));
    return true;
  }
  if (f[0] != "node" && f[0] != "leaf") return false;
  if (roots_.empty()) {
    *st = line.Error("a node before the first tree");
    return true;
  }
  const int tree_start = roots_.back();
  const int self = static_cast<int>(nodes_.size()) - tree_start;
  Node nd;
  if (f[0] == "leaf") {
    if (f.size() != 2 || !ParseNumber(f[1], &nd.value)) {
      *st = line.Error("expected: leaf<TAB>VALUE");
      return true;
    }
  } else {
    if (f.size() != 6) {
      *st = line.Error("expected: node<TAB>FEATURE<TAB>THRESHOLD<TAB>LEFT<TAB>RIGHT<TAB>VALUE");
      return true;
    }
    nd.feature = feature_index(f[1]);
    if (nd.feature < 0) {
      *st = line.Error("unknown feature '" + std::string(f[1]) + "'");
      return true;
    }
    double left = 0, right = 0;
    if (!ParseNumber(f[2], &nd.threshold) || !ParseNumber(f[3], &left) ||
        !ParseNumber(f[4], &right) || !ParseNumber(f[5], &nd.value) || left <= self ||
        right <= self || left != static_cast<int>(left) || right != static_cast<int>(right)) {
      *st = line.Error(
          "threshold and value are numbers; LEFT and RIGHT the numbers of "
          "later nodes of the same tree");
      return true;
    }
    nd.left = tree_start + static_cast<int>(left);
    nd.right = tree_start + static_cast<int>(right);
  }
  nodes_.push_back(nd);
  return true;
}

Status BoostedTrees::Finish(const std::string& file_name) const {
  // A tree ends where the next begins.
  for (size_t t = 0; t < roots_.size(); ++t) {
    const int end = t + 1 < roots_.size() ? roots_[t + 1] : static_cast<int>(nodes_.size());
    if (end == roots_[t])
      return Status::InvalidArgument("filters/" + file_name + ": an empty tree");
    for (int k = roots_[t]; k < end; ++k) {
      if (nodes_[k].feature >= 0 && (nodes_[k].left >= end || nodes_[k].right >= end)) {
        return Status::InvalidArgument("filters/" + file_name +
                                       ": a node's child is past its tree");
      }
    }
  }
  return Status::OK();
}

double BoostedTrees::Sum(const double* x, std::vector<double>* pull) const {
  double z = 0;
  for (int root : roots_) {
    int k = root;
    while (nodes_[k].feature >= 0) {
      const Node& nd = nodes_[k];
      const int next = x[nd.feature] <= nd.threshold ? nd.left : nd.right;
      if (pull != nullptr) (*pull)[nd.feature] += nodes_[next].value - nd.value;
      k = next;
    }
    z += nodes_[k].value;
  }
  return z;
}

}  // namespace cleaner
