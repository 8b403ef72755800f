// Gradient-boosted regression trees read from a model file in filters/, the
// form the learned models share (the line classifier's, the block
// model's): lines "tree", then the tree's nodes in order,
//   node<TAB>FEATURE<TAB>THRESHOLD<TAB>LEFT<TAB>RIGHT<TAB>VALUE
//   leaf<TAB>VALUE
// where x[FEATURE] <= THRESHOLD goes to node LEFT, else RIGHT (numbers of
// later nodes of the same tree), and a leaf's VALUE is added to the score.
// A split node's VALUE is what the score would be there (for --explain's
// reasons); the score is the sum of the leaves reached.
#ifndef CLEANER_UTIL_BOOSTED_TREES_H_
#define CLEANER_UTIL_BOOSTED_TREES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/rules.h"
#include "cleaner/status.h"

namespace cleaner {

class BoostedTrees {
 public:
  // Reads `line` when its kind is "tree", "node" or "leaf" (and returns
  // true, with *st an error if the line is malformed); false for any other
  // kind. `feature_index` maps a feature name to its index, or -1.
  bool ReadLine(const RuleLine& line, const std::function<int(std::string_view)>& feature_index,
                Status* st);
  // Checks that every tree has nodes and every child is within its tree.
  Status Finish(const std::string& file_name) const;

  bool empty() const { return roots_.empty(); }
  // The sum of the leaves `x` reaches; with `pull` (one entry per feature,
  // added to), each feature's share of it along the paths taken: the
  // change of value at each split it decided.
  double Sum(const double* x, std::vector<double>* pull = nullptr) const;

 private:
  struct Node {
    int feature = -1;           // -1: a leaf
    double threshold = 0;       // x <= threshold goes left
    int left = -1, right = -1;  // indices into nodes_
    double value = 0;
  };
  std::vector<Node> nodes_;
  std::vector<int> roots_;  // the first node of each tree
};

}  // namespace cleaner

#endif  // CLEANER_UTIL_BOOSTED_TREES_H_
