// Stage 2a, extract: named feature vectors, shared by the extractor's small
// models (selection_gate.h, page_kind_model.h): a model file names its
// features, --explain prints them by name.
#ifndef CLEANER_EXTRACT_FEATURE_NAMES_H_
#define CLEANER_EXTRACT_FEATURE_NAMES_H_

#include <array>
#include <cstdio>
#include <string>
#include <string_view>

namespace cleaner {

// names[i], or "" when i is out of range.
template <size_t N>
const char* NameAt(const std::array<const char*, N>& names, int i) {
  return i >= 0 && i < static_cast<int>(N) ? names[i] : "";
}

// The index of `name` in `names`, or -1.
template <size_t N>
int IndexOfName(const std::array<const char*, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i) {
    if (name == names[i]) return static_cast<int>(i);
  }
  return -1;
}

// "name1=0.1200 name2=0.3000 ...": every feature but the first (the bias,
// always 1).
template <size_t N>
std::string FormatFeatures(const std::array<const char*, N>& names, const std::array<float, N>& x) {
  std::string out;
  char buf[64];
  for (size_t i = 1; i < N; ++i) {
    std::snprintf(buf, sizeof buf, "%s%s=%.4f", i > 1 ? " " : "", names[i], x[i]);
    out += buf;
  }
  return out;
}

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_FEATURE_NAMES_H_
