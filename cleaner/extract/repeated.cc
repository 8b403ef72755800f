// Stage 2a, extract: repeated sibling structures. See repeated.h.
#include "cleaner/extract/repeated.h"

#include <algorithm>
#include <utility>

namespace cleaner {

namespace {

// Scores the same-shape runs among `kids` (shape, element) and keeps the
// best in `best`.
void ScoreRuns(const std::vector<Elem>& elems, int parent, std::vector<std::pair<uint32_t, int>>* kids,
               int min_members, RepeatedGroup* best) {
  std::stable_sort(kids->begin(), kids->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t i = 0;
  while (i < kids->size()) {
    size_t j = i;
    long prose = 0, top = 0;
    int with_prose = 0;
    while (j < kids->size() && (*kids)[j].first == (*kids)[i].first) {
      const Elem& e = elems[(*kids)[j].second];
      prose += e.prose_chars;
      top = std::max<long>(top, e.prose_chars);
      with_prose += e.prose_chars > 0;
      ++j;
    }
    if (static_cast<int>(j - i) >= min_members && with_prose >= 2 && top * 4 <= prose * 3 &&
        prose > best->prose) {
      best->parent = parent;
      best->prose = prose;
      best->members.clear();
      for (size_t k = i; k < j; ++k) best->members.push_back((*kids)[k].second);
      std::sort(best->members.begin(), best->members.end());
    }
    i = j;
  }
}

}  // namespace

RepeatedGroup FindRepeatedGroup(const std::vector<Elem>& elems, int min_members) {
  RepeatedGroup best;
  std::vector<std::pair<uint32_t, int>> kids;
  for (int p = 0; p < static_cast<int>(elems.size()); ++p) {
    const Elem& parent = elems[p];
    if (parent.dropped || !parent.has_block_child || parent.prose_chars <= best.prose) continue;
    kids.clear();
    for (int c = p + 1; c < parent.end; c = std::max(elems[c].end, c + 1)) {
      const Elem& e = elems[c];
      if (e.shape != 0 && !e.dropped && e.chars > 0) kids.emplace_back(e.shape, c);
    }
    if (static_cast<int>(kids.size()) >= min_members) ScoreRuns(elems, p, &kids, min_members, &best);
  }
  return best;
}

}  // namespace cleaner
