// The progress line cleaner shows on a terminal (stderr) while a run goes
// on, and the document count it measures against.
#ifndef CLEANER_CLI_PROGRESS_H_
#define CLEANER_CLI_PROGRESS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cleaner/source/source.h"

namespace cleaner {

// The line's text: "cleaner: 120/400 documents (30%), 85 docs/s, 1.2 MB/s,
// ETA 3s" when `total` is known (above 0 and not yet passed), else
// "cleaner: 120 documents, 85 docs/s, 1.2 MB/s". The ETA assumes the rate
// so far holds: "ETA 42s", "ETA 3m07s", "ETA 2h05m".
std::string ProgressLine(uint64_t done, uint64_t total, double seconds, uint64_t bytes);

// The number of documents the run will read, when that is known before
// reading: every input is a file or a folder of files (no stdin, URL, URL
// list) and none is a container of records (by name: .jsonl, .ndjson, .warc,
// .gz, or --input-format jsonl/warc); shards count their own share. 0 when
// it is not known. A WARC file recognized only by its content is counted
// as one document: the line then drops the total once it is passed.
uint64_t KnownDocumentCount(const std::vector<std::string>& inputs,
                            const CorpusReadOptions& options);

}  // namespace cleaner

#endif  // CLEANER_CLI_PROGRESS_H_
