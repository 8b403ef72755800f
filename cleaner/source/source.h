// Stage 0, source: turns the command line's inputs (files, folders, "-")
// into RawDocuments. Later sources (URLs, WARC, JSON Lines) yield the same
// RawDocument so that the rest of the pipeline does not know where bytes
// came from.
#ifndef CLEANER_STAGES_SOURCE_H_
#define CLEANER_STAGES_SOURCE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cleaner/cleaner.h"
#include "cleaner/source/url_source.h"
#include "cleaner/source/warc_source.h"
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

// ---------------------------------------------------------------------------
// Corpus reading: every input (files, folders, URLs, WARC records, JSON
// Lines) as one ordered stream of records. Reading is sequential and cheap;
// parsing a JSON line or the HTTP response in a WARC record is left to the
// consumer so that it can run on worker threads.

// One unit of input, in input order.
struct SourceRecord {
  enum class Kind {
    kDocument,    // `raw` is ready to clean (a file, stdin, a fetched page)
    kJsonLine,    // `line` is one JSON Lines record; see ParseJsonlLine
    kWarcRecord,  // `warc` is one framed record; see WarcRecordToDocument
    kError,       // the input could not be read; `error` says why
  };
  Kind kind = Kind::kDocument;
  RawDocument raw;  // kDocument: complete; otherwise name/source/url as known
  std::string line;
  WarcRecord warc;
  Status error;
  // The file the record came from ("" for a plain file, a URL or stdin).
  std::string container;
  // Where -o DIR output goes, relative to DIR, always a safe relative path:
  // for a file, as InputItem::output_relpath; for a URL,
  // "<SafeFileName(url)>.txt"; for a record of a WARC or JSON Lines file,
  // the folder "<file's relpath without extension>/" (the consumer adds the
  // record's SafeFileName once it knows its id).
  std::string output_relpath;
  uint64_t ordinal = 0;     // position over all records of all inputs, from 0
  uint64_t bytes_read = 0;  // the record's bytes as read (after gzip), for the summary
  int line_number = 0;      // kJsonLine: 1-based line in its file
};

enum class ContainerHint {
  kAuto,   // WARC by content; JSON Lines by extension (.jsonl, .ndjson, .gz); else one document
  kJsonl,  // every file is JSON Lines
  kWarc,   // every file is WARC (also without the magic: garbage is skipped)
};

struct CorpusReadOptions {
  ContainerHint container = ContainerHint::kAuto;
  size_t max_document_bytes = 64u << 20;
  FetchOptions fetch;
  std::vector<std::string> url_files;  // read after the arguments, in order
  // --shard I/N: only records whose ordinal % shard_count == shard_index
  // are emitted (the others are read past, never fetched or parsed).
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
  // --shard-by file: the shard is whole files instead, those FilesOfShard
  // picks from the expanded arguments; no other file is opened. The
  // arguments must all be files or folders (no URLs, "-" or url_files).
  bool shard_by_file = false;
};

// --shard-by file: the positions in `paths` (input order) of the files of
// shard `index` of `count`. Path k of the byte-wise sorted list belongs to
// shard k % count, as datatrove's ranks take files[rank::world_size]: every
// task that is given the same set of paths, in any order, agrees.
std::vector<size_t> FilesOfShard(const std::vector<std::string>& paths, uint32_t index,
                                 uint32_t count);

// Reads `args` (files, folders, "-", URLs; then options.url_files) in order
// and calls `emit` for every record of this shard, in order. A failure to
// open or read an input is a kError record, not a return value; returns
// non-OK only for a failure that stops everything (e.g. URL input without
// libcurl). Stops early, returning OK, when `emit` returns false.
Status ReadCorpus(const std::vector<std::string>& args, const CorpusReadOptions& options,
                  const std::function<bool(SourceRecord&&)>& emit);

// A file name made from an id, URL or record id that is safe under any
// folder: only [A-Za-z0-9._-], never starting with '.', at most 120 bytes;
// when anything had to change, a hash of the original is appended so that
// distinct ids stay distinct. Never empty, never contains '/'.
std::string SafeFileName(std::string_view id);

// The -o DIR path, without extension, of a WARC record's page: its
// http(s) URL as "host/segment/.../name", every part a SafeFileName (so the
// path never leaves DIR), the query joined to the last name
// ("page?id=3" -> "page_id_3-<hash>"), a folder's page ("/", "/news/")
// named "index", a last name's ".html"/".htm" left out, at most 16 levels
// (deeper segments join the last name). "" for a URL that is not
// http(s) or has no host.
std::string UrlRelativePath(std::string_view url);

}  // namespace cleaner

#endif  // CLEANER_STAGES_SOURCE_H_
