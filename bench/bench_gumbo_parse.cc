// bench_gumbo_parse: the speed floor for HTML extraction. Parses every input
// file with Gumbo (the same options the extractor uses: parse errors not
// recorded) and frees the tree, nothing else, on one thread. bench/aeb.sh
// compares the cleaner's throughput with this in the same run.
//
//   build/bench/bench_gumbo_parse [--repeat N] [--warmup N] FILE_OR_DIR...
//
// One untimed pass comes first (--warmup 0 drops it), as in bench_clean,
// so that the two are compared alike.
//
// Prints one line: "docs N  bytes B  seconds S  docs/s D  MB/s M".
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  int repeat = 1, warmup = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    if (a == "--warmup" && i + 1 < argc) {
      warmup = std::max(0, std::atoi(argv[++i]));
      continue;
    }
    std::filesystem::path p(a);
    if (std::filesystem::is_directory(p)) {
      for (const auto& e : std::filesystem::directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path().string());
      }
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: bench_gumbo_parse [--repeat N] [--warmup N] FILE_OR_DIR...\n");
    return 2;
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> docs;
  size_t bytes = 0;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
    bytes += docs.back().size();
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  size_t nodes = 0;
  for (int r = 0; r < warmup; ++r) {
    for (const std::string& d : docs) {
      GumboOutput* out = gumbo_parse_with_options(&options, d.data(), d.size());
      nodes += out->root->v.element.children.length;
      gumbo_destroy_output(&options, out);
    }
  }
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& d : docs) {
      GumboOutput* out = gumbo_parse_with_options(&options, d.data(), d.size());
      nodes += out->root->v.element.children.length;  // keeps the parse observable
      gumbo_destroy_output(&options, out);
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double n = static_cast<double>(docs.size()) * repeat;
  std::printf("docs %.0f  bytes %zu  seconds %.3f  docs/s %.1f  MB/s %.2f\n", n,
              bytes * static_cast<size_t>(repeat), secs, n / secs,
              static_cast<double>(bytes) * repeat / secs / 1e6);
  return nodes == 0 ? 1 : 0;
}
