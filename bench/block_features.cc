// block_features: prints the extractor's block model features of every
// block the rules leave on every input page, for bench/train_blocks.py.
// Accepts the cleaner's own flags (the pages are read as HTML).
//
//   build/bench/block_features --input-format html pages/ > blocks.tsv
//
// Output: a header line "doc<TAB>kept<TAB>FEATURE...<TAB>text", then one
// line per block: the page's path, whether the selection kept it (before
// the block model), the features, and the block's text (TABs and line
// breaks as spaces).
#include <cstdio>
#include <string>

#include "bench/feature_dump.h"
#include "cleaner/extract/block_model.h"

int main(int argc, char** argv) {
  using namespace cleaner;
  std::string doc_name, text;
  return RunFeatureDump(
      "block_features", argc, argv,
      [&](Options* options) {
        options->extract.block_feature_dump = [&](std::string_view block, bool kept, const float* x,
                                                  int k) {
          std::printf("%s\t%d", doc_name.c_str(), kept ? 1 : 0);
          for (int j = 0; j < k; ++j) std::printf("\t%.9g", x[j]);
          text.assign(block.data(), block.size());
          for (char& c : text) c = c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
          std::printf("\t%s\n", text.c_str());
        };
      },
      [] {
        std::printf("doc\tkept");
        for (int j = 0; j < kBlockFeatureCount; ++j) std::printf("\t%s", BlockFeatureName(j));
        std::printf("\ttext\n");
      },
      [&](const InputItem& item) { doc_name = item.path; });
}
