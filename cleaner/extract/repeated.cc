// Stage 2a, extract: repeated sibling structures. See repeated.h.
#include "cleaner/extract/repeated.h"

#include <algorithm>
#include <utility>

namespace cleaner {

namespace {

using Kids = std::vector<std::pair<uint32_t, int>>;  // (shape, element)

// The groups of `kids` that share a shape, as [i, j) runs after sorting by
// shape (document order kept within a run).
template <typename F>
void ForEachRun(Kids* kids, F f) {
  std::stable_sort(kids->begin(), kids->end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < kids->size();) {
    size_t j = i;
    while (j < kids->size() && (*kids)[j].first == (*kids)[i].first) ++j;
    f(i, j);
    i = j;
  }
}

void Record(int parent, const Kids& kids, size_t i, size_t j, RepeatedGroup* best) {
  best->parent = parent;
  best->members.clear();
  for (size_t k = i; k < j; ++k) best->members.push_back(kids[k].second);
  std::sort(best->members.begin(), best->members.end());
}

// Posts: the same-shape run with the most prose (see repeated.h).
void ScoreRuns(const std::vector<Elem>& elems, int parent, Kids* kids, int min_members,
               RepeatedGroup* best) {
  ForEachRun(kids, [&](size_t i, size_t j) {
    long prose = 0, top = 0;
    int with_prose = 0;
    for (size_t k = i; k < j; ++k) {
      const Elem& e = elems[(*kids)[k].second];
      prose += e.prose_chars;
      top = std::max<long>(top, e.prose_chars);
      with_prose += e.prose_chars > 0;
    }
    if (static_cast<int>(j - i) >= min_members && with_prose >= 2 && top * 4 <= prose * 3 &&
        prose > best->prose) {
      best->prose = prose;
      Record(parent, *kids, i, j, best);
    }
  });
}

// The blocks under element `c` that no dropped element holds.
long VisibleBlocks(const std::vector<Elem>& elems, int c) {
  long n = elems[c].end_block - elems[c].first_block;
  for (int k = c + 1; k < elems[c].end;) {
    if (elems[k].dropped) {
      n -= elems[k].end_block - elems[k].first_block;
      k = std::max(elems[k].end, k + 1);
    } else {
      ++k;
    }
  }
  return n;
}

// Cards: the same-shape run with the most text (see repeated.h).
void ScoreCardRuns(const std::vector<Elem>& elems, int parent, Kids* kids, int min_members,
                   RepeatedGroup* best) {
  ForEachRun(kids, [&](size_t i, size_t j) {
    long chars = 0, top = 0, blocks = 0;
    for (size_t k = i; k < j; ++k) {
      const Elem& e = elems[(*kids)[k].second];
      chars += e.chars;
      top = std::max<long>(top, e.chars);
      blocks += VisibleBlocks(elems, (*kids)[k].second);
    }
    const long n = static_cast<long>(j - i);
    if (n >= min_members && blocks >= 2 * n && chars >= 24 * n && top * 2 <= chars &&
        chars > best->chars) {
      best->chars = chars;
      Record(parent, *kids, i, j, best);
    }
  });
}

// Scores the children of every element that could beat `best` (its
// `measure` above the best group's `best_of`) with `score`.
template <typename Score>
RepeatedGroup FindGroup(const std::vector<Elem>& elems, int min_members, int Elem::*measure,
                        long RepeatedGroup::*best_of, Score score) {
  RepeatedGroup best;
  Kids kids;
  for (int p = 0; p < static_cast<int>(elems.size()); ++p) {
    const Elem& parent = elems[p];
    if (parent.dropped || !parent.has_block_child || parent.*measure <= best.*best_of) continue;
    kids.clear();
    for (int c = p + 1; c < parent.end; c = std::max(elems[c].end, c + 1)) {
      const Elem& e = elems[c];
      if (e.shape != 0 && !e.dropped && e.chars > 0) kids.emplace_back(e.shape, c);
    }
    if (static_cast<int>(kids.size()) >= min_members) score(elems, p, &kids, min_members, &best);
  }
  return best;
}

}  // namespace

RepeatedGroup FindRepeatedGroup(const std::vector<Elem>& elems, int min_members) {
  return FindGroup(elems, min_members, &Elem::prose_chars, &RepeatedGroup::prose, ScoreRuns);
}

RepeatedGroup FindCardGroup(const std::vector<Elem>& elems, int min_members) {
  return FindGroup(elems, min_members, &Elem::chars, &RepeatedGroup::chars, ScoreCardRuns);
}

}  // namespace cleaner
