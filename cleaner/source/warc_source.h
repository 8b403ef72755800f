// WARC input (ISO 28500: WARC/1.0 and 1.1, and the WARC/0.18 drafts that
// early Common Crawl and Heritrix files use), plain or gzip with one member
// per record. Reading is split in two so that the expensive half runs on
// the worker threads: WarcReader frames records sequentially (streaming,
// never holding more than one record), and WarcRecordToDocument parses the
// HTTP response inside a record into a RawDocument.
#ifndef CLEANER_STAGES_WARC_SOURCE_H_
#define CLEANER_STAGES_WARC_SOURCE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cleaner/cleaner.h"
#include "cleaner/status.h"
#include "cleaner/util/gzip.h"

namespace cleaner {

// True if `head` (the first decompressed bytes of a file) is a WARC file:
// it starts with "WARC/" after optional blank lines.
bool LooksLikeWarc(std::string_view head);

// One framed record.
struct WarcRecord {
  std::string version;  // "1.0", "1.1", "0.18", ...
  // Header fields in file order; names as written (compare case-insensitively).
  std::vector<std::pair<std::string, std::string>> headers;
  std::string block;  // the record's content block (Content-Length bytes)
  // Set when the record is damaged (corrupt gzip member, truncated block,
  // over the size limit): the record then stands for that failure.
  Status error;
  uint64_t ordinal = 0;  // 0-based position of the record in its file

  // The value of the first header named `name` (case-insensitive), or "".
  std::string Header(std::string_view name) const;
};

// Frames the records of a WARC stream. Tolerates real-world quirks: LF-only
// line ends, missing or extra blank lines between records, garbage between
// records (skipped to the next "WARC/" line), a Content-Length that runs
// past the end of the file (the record is kept, marked truncated).
// A wrong Content-Length never costs the records after it: a block is read
// within its gzip member (one record per member in a .warc.gz; every member
// is read whatever a header claims); a length that is not a number (`-1`)
// leaves the block to be skipped to the next record; a block over the limit
// is skipped line by line to the next "WARC/" line after a blank line; a
// block that runs into the next record (a plain WARC, or records sharing a
// member) gives that record back. Each such record comes back with an error
// naming the damage.
class WarcReader {
 public:
  // `in` must outlive the reader. A record whose block is larger than
  // `max_record_bytes` is skipped (streamed past, up to the next record) and
  // returned with an error.
  WarcReader(ByteReader* in, size_t max_record_bytes);

  // Reads the next record into *rec; false at the end of the stream.
  bool Next(WarcRecord* rec);

 private:
  // If the block holds the start of a record (and, with `check_end`, the
  // input after it is not the next record or the end), puts that back into
  // the input, cuts the block there and returns true.
  bool GiveBackNextRecord(WarcRecord* rec, bool check_end);
  // Skips an oversized block up to the next record's version line.
  void SkipBlock();

  ByteReader* in_;
  size_t max_record_bytes_;
  uint64_t ordinal_ = 0;
  std::string pending_line_;  // a "WARC/" line found while resynchronizing
  bool has_pending_ = false;
};

// What to do with a record.
enum class WarcDisposition {
  kClean,  // *raw is ready to clean
  kSkip,   // not a page to clean; *skip_reason says what it is
};

// Turns a framed record into a RawDocument. `response` (and `resource` and
// `conversion` records of an http(s) URI; others, such as wget's
// metadata://.../wget.log, are kSkip "warc-resource-not-page:metadata")
// records whose payload is HTML become kClean with the HTTP status, the
// content type and charset, WARC-Target-URI, WARC-Record-ID and WARC-Date
// filled in; chunked transfer coding and gzip/deflate content coding are
// undone (bounded by `max_bytes` after decompression). Other record types
// ("request", "metadata", "warcinfo", "revisit") and non-HTML payloads are
// kSkip with a reason such as "warc-request" or "non-html:image/jpeg".
// Returns an error for a damaged record (rec.error, an unparsable HTTP
// head, a bad compressed body).
Status WarcRecordToDocument(const WarcRecord& rec, const std::string& file_name, size_t max_bytes,
                            RawDocument* raw, WarcDisposition* disposition,
                            std::string* skip_reason);

// HTTP/1.x response head parsed from the start of `message`.
struct HttpHead {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  size_t body_offset = 0;  // where the body starts in `message`
  std::string Header(std::string_view name) const;
};

// Parses "HTTP/1.1 200 OK" and the header lines up to the blank line
// (CRLF or LF). Returns Corruption if `message` does not start with a
// status line.
Status ParseHttpHead(std::string_view message, HttpHead* head);

// Undoes "Transfer-Encoding: chunked". Tolerant: a body that is not validly
// chunked is returned as is (some archives store the dechunked body but keep
// the header); returns false in that case.
bool Dechunk(std::string_view body, std::string* out);

}  // namespace cleaner

#endif  // CLEANER_STAGES_WARC_SOURCE_H_
