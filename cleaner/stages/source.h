// Stage 0, source: turns the command line's inputs (files, folders, "-")
// into RawDocuments. Later sources (URLs, WARC, JSON Lines) yield the same
// RawDocument so that the rest of the pipeline does not know where bytes
// came from.
#ifndef CLEANER_STAGES_SOURCE_H_
#define CLEANER_STAGES_SOURCE_H_

#include <string>
#include <vector>

#include "cleaner/cleaner.h"
#include "cleaner/status.h"

namespace cleaner {

// One document to read, found by expanding the command line's inputs.
struct InputItem {
  std::string path;      // file path, or "-" for standard input
  // Path of its output relative to -o DIR, extension replaced by ".txt":
  // the path relative to the folder given, or the file name for a file
  // given, or "stdin.txt" for "-".
  std::string output_relpath;
  // Set when the argument could not be expanded (missing file, unreadable
  // folder): the item then stands for that failure and `path` is the
  // argument as given.
  Status error;
};

// Expands `args` in order: a file is itself; a folder is every regular file
// below it whose name does not start with '.', in sorted path order (symbolic
// links to folders are not followed, so a loop cannot hang the walk); "-" is
// standard input. A missing or unreadable argument becomes an item with
// `error` set, so that the caller reports it and goes on with the others.
std::vector<InputItem> ExpandInputs(const std::vector<std::string>& args);

// Reads the whole of `item` into *doc (name, bytes, source). Reads at most
// `max_bytes` + 1 bytes and returns ResourceExhausted if there are more.
// Returns IoError naming the reason (errno text) if the file cannot be read.
Status ReadInput(const InputItem& item, size_t max_bytes, RawDocument* doc);

}  // namespace cleaner

#endif  // CLEANER_STAGES_SOURCE_H_
