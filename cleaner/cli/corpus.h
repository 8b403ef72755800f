// The CLI's driver: reads every input as one ordered stream of records
// (source/source.h), cleans them on --jobs worker threads, and writes the
// results in input order (stdout text, -o DIR files, or JSON Lines), with a
// line on stderr for every failure and a closing summary.
//
//   reader thread ──> bounded queue ──> N workers ──> reorder buffer ──> writer
//
// The reader may run ahead of the writer by at most a fixed window of
// records, so memory is bounded by the documents in flight, never by the
// corpus. With --jobs 1 everything runs on the calling thread. The output
// bytes do not depend on --jobs.
#ifndef CLEANER_CLI_CORPUS_H_
#define CLEANER_CLI_CORPUS_H_

#include "cleaner/cleaner.h"
#include "cleaner/cli/flags.h"

namespace cleaner {

// Runs the whole job described by `flags` with `cleaner`; returns the exit
// code (kExitOk, kExitFailed). Inputs default to standard input.
int RunCorpus(const Flags& flags, const Cleaner& cleaner);

}  // namespace cleaner

#endif  // CLEANER_CLI_CORPUS_H_
