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
#include <vector>

#include "cleaner/cleaner.h"
#include "cleaner/cli/flags.h"
#include "cleaner/filter/line_classifier.h"
#include "cleaner/source/source.h"

int main(int argc, char** argv) {
  using namespace cleaner;
  std::vector<std::string> args(argv + 1, argv + argc);
  Flags flags;
  Status st = ParseFlags(args, &flags);
  if (!st.ok() || flags.inputs.empty()) {
    std::fprintf(stderr, "usage: line_features [cleaner flags] INPUT...\n%s\n",
                 st.message().c_str());
    return 2;
  }
  size_t doc_number = 0;
  std::string text;
  flags.options.filter.line_feature_dump = [&](std::string_view line, int rule, const float* x,
                                               int k) {
    std::printf("%zu\t%d", doc_number, rule);
    for (int j = 0; j < k; ++j) std::printf("\t%.9g", x[j]);
    text.assign(line.data(), line.size());
    for (char& c : text) c = c == '\t' ? ' ' : c;
    std::printf("\t%s\n", text.c_str());
  };
  std::unique_ptr<Cleaner> c;
  st = Cleaner::Create(flags.options, &c);
  if (!st.ok()) {
    std::fprintf(stderr, "line_features: %s\n", st.message().c_str());
    return 2;
  }
  std::printf("doc\trule");
  for (const std::string& name : LineFeatureNames()) std::printf("\t%s", name.c_str());
  std::printf("\ttext\n");
  for (const InputItem& item : ExpandInputs(flags.inputs)) {
    RawDocument raw;
    st = ReadInput(item, flags.options.limits.max_document_bytes, &raw);
    if (st.ok()) {
      Document doc;
      st = c->Clean(raw, &doc);
    }
    if (!st.ok()) std::fprintf(stderr, "line_features: %s\n", st.message().c_str());
    ++doc_number;
  }
  return 0;
}
