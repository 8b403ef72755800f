// line_features: prints the filter stage's line classifier features of every
// line of every input document, for bench/train_line_classifier.py. Accepts
// the cleaner's own flags (the documents are read as text).
//
//   build/bench/line_features --input-format text pages/*.txt > features.tsv
//
// Output: a header line "doc<TAB>rule<TAB>FEATURE...<TAB>text", then one
// line per line of a document: the document's number (from 0, in input
// order), what the rules said (0 undecided, 1 content, 2 dropped by a rule,
// 3 not judged, 4 dropped by a heuristic), the features, and the line's
// text (TABs as spaces).
#include <cstdio>
#include <string>

#include "bench/feature_dump.h"
#include "cleaner/filter/line_classifier.h"

int main(int argc, char** argv) {
  using namespace cleaner;
  long doc_number = -1;
  std::string text;
  return RunFeatureDump(
      "line_features", argc, argv,
      [&](Options* options) {
        options->filter.line_feature_dump = [&](std::string_view line, int rule, const float* x,
                                                int k) {
          std::printf("%ld\t%d", doc_number, rule);
          for (int j = 0; j < k; ++j) std::printf("\t%.9g", x[j]);
          text.assign(line.data(), line.size());
          for (char& c : text) c = c == '\t' ? ' ' : c;
          std::printf("\t%s\n", text.c_str());
        };
      },
      [] {
        std::printf("doc\trule");
        for (const std::string& name : LineFeatureNames()) std::printf("\t%s", name.c_str());
        std::printf("\ttext\n");
      },
      [&](const InputItem&) { ++doc_number; });
}
