// The frame of the feature dumps (line_features.cc, block_features.cc):
// reads the cleaner's own flags, lets the dump set its callback in the
// options, prints the header, and cleans every input in order, telling the
// dump which input comes next. Errors go to stderr, named by the program.
#ifndef CLEANER_BENCH_FEATURE_DUMP_H_
#define CLEANER_BENCH_FEATURE_DUMP_H_

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cleaner/cleaner.h"
#include "cleaner/cli/flags.h"
#include "cleaner/source/source.h"

namespace cleaner {

// Returns main()'s exit code: 2 on bad flags or rules, else 0.
inline int RunFeatureDump(const char* name, int argc, char** argv,
                          const std::function<void(Options*)>& set_callback,
                          const std::function<void()>& print_header,
                          const std::function<void(const InputItem&)>& next_input) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Flags flags;
  Status st = ParseFlags(args, &flags);
  if (!st.ok() || flags.inputs.empty()) {
    std::fprintf(stderr, "usage: %s [cleaner flags] INPUT...\n%s\n", name, st.message().c_str());
    return 2;
  }
  set_callback(&flags.options);
  std::unique_ptr<Cleaner> c;
  st = Cleaner::Create(flags.options, &c);
  if (!st.ok()) {
    std::fprintf(stderr, "%s: %s\n", name, st.message().c_str());
    return 2;
  }
  print_header();
  for (const InputItem& item : ExpandInputs(flags.inputs)) {
    next_input(item);
    RawDocument raw;
    st = ReadInput(item, flags.options.limits.max_document_bytes, &raw);
    if (st.ok()) {
      Document doc;
      st = c->Clean(raw, &doc);
    }
    if (!st.ok()) std::fprintf(stderr, "%s: %s\n", name, st.message().c_str());
  }
  return 0;
}

}  // namespace cleaner

#endif  // CLEANER_BENCH_FEATURE_DUMP_H_
