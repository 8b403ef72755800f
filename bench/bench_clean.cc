// bench_clean: cleans every input document with the library on one thread
// and prints documents/s and MB/s (input bytes). Accepts the cleaner's own
// flags, so one stage can be isolated by turning the others off:
//
//   build/bench/bench_clean --repeat 5 --input-format text corpus/
//   build/bench/bench_clean --repeat 5 --no-filter --no-repair corpus/
//
// Prints one line: "docs N  bytes B  seconds S  docs/s D  MB/s M".
//
// One untimed pass over the documents comes first (--warmup 0 drops it):
// the first documents pay for what is built once per process and thread
// (ICU's data, the code point and charset tables, CLD2's tables paged in),
// which a corpus run of millions of documents does not feel; timed, it
// made a ten-round run of 900 KB read 15 % slower than its own rounds 2-10.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cleaner/cleaner.h"
#include "cleaner/cli/flags.h"
#include "cleaner/source/source.h"

int main(int argc, char** argv) {
  using namespace cleaner;
  std::vector<std::string> args(argv + 1, argv + argc);
  int repeat = 1, warmup = 1;
  for (size_t i = 0; i + 1 < args.size();) {
    if (args[i] == "--repeat" || args[i] == "--warmup") {
      (args[i] == "--repeat" ? repeat : warmup) = std::max(0, std::atoi(args[i + 1].c_str()));
      args.erase(args.begin() + i, args.begin() + i + 2);
    } else {
      ++i;
    }
  }
  repeat = std::max(1, repeat);
  Flags flags;
  Status st = ParseFlags(args, &flags);
  if (!st.ok() || flags.inputs.empty()) {
    std::fprintf(stderr, "usage: bench_clean [--repeat N] [--warmup N] [cleaner flags] INPUT...\n%s\n",
                 st.message().c_str());
    return 2;
  }
  std::unique_ptr<Cleaner> c;
  st = Cleaner::Create(flags.options, &c);
  if (!st.ok()) {
    std::fprintf(stderr, "bench_clean: %s\n", st.message().c_str());
    return 2;
  }
  std::vector<RawDocument> docs;
  size_t bytes = 0;
  for (const InputItem& item : ExpandInputs(flags.inputs)) {
    RawDocument raw;
    if (!ReadInput(item, flags.options.limits.max_document_bytes, &raw).ok()) continue;
    bytes += raw.bytes.size();
    docs.push_back(std::move(raw));
  }
  for (int r = 0; r < warmup; ++r) {
    for (const RawDocument& raw : docs) {
      Document doc;
      (void)c->Clean(raw, &doc);
    }
  }
  size_t out_bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const RawDocument& raw : docs) {
      Document doc;
      if (c->Clean(raw, &doc).ok()) out_bytes += doc.text.size();
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double n = static_cast<double>(docs.size()) * repeat;
  std::printf("docs %.0f  bytes %.0f  seconds %.3f  docs/s %.1f  MB/s %.2f  (out %zu bytes)\n", n,
              static_cast<double>(bytes) * repeat, secs, n / secs,
              static_cast<double>(bytes) * repeat / secs / 1e6, out_bytes);
  return 0;
}
