// cleaner: the command-line tool, a thin shell over cleaner::Cleaner.
// Parses flags, builds the cleaner, and hands the inputs to the driver
// (cli/corpus.h), which reads, cleans, writes, and turns failures into one
// "cleaner: INPUT: reason" line each and an exit code.
#include <csignal>
#include <cstdio>
#include <string>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cleaner/cleaner.h"
#include "cleaner/cli/corpus.h"
#include "cleaner/cli/flags.h"
#include "cleaner/cli/interrupt.h"

namespace cleaner {
namespace {

int Run(int argc, char** argv) {
  Flags flags;
  Status st = ParseFlags(argc, argv, &flags);
  if (!st.ok()) {
    std::fprintf(stderr, "cleaner: %s\nTry 'cleaner --help'.\n", st.message().c_str());
    return kExitUsage;
  }
  if (flags.help) {
    std::string usage = UsageText();
    std::fwrite(usage.data(), 1, usage.size(), stdout);
    return kExitOk;
  }
  if (flags.version) {
    std::printf("cleaner %s\n", Version());
    return kExitOk;
  }
  std::unique_ptr<Cleaner> cleaner;
  st = Cleaner::Create(flags.options, &cleaner);
  if (!st.ok()) {
    std::fprintf(stderr, "cleaner: %s\n", st.message().c_str());
    return kExitUsage;
  }
  return RunCorpus(flags, *cleaner);
}

}  // namespace
}  // namespace cleaner

int main(int argc, char** argv) {
  // A closed pipe (cleaner big.txt | head) must end quietly: see EPIPE on
  // write instead of dying from SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // Past a file-size limit (ulimit -f) a write fails with EFBIG and is
  // reported, instead of the process dying from SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  cleaner::InstallInterruptHandlers();
#ifdef __GLIBC__
  // Every document allocates and frees a few MB (DOM, buffers). With glibc's
  // defaults the freed top of the heap is returned to the kernel and faulted
  // back in for the next document: 4 page faults per KB of input, 15% of the
  // run time in the kernel on a JSON Lines corpus (bench/corpus_throughput.sh).
  // Keeping up to 32 MiB per arena, and serving blocks below 4 MiB from the
  // heap, removes that; memory stays bounded by the documents in flight.
  mallopt(M_TRIM_THRESHOLD, 32 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
  return cleaner::Run(argc, argv);
}
