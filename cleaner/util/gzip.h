// Streaming byte input with transparent gzip (zlib): the corpus readers
// (WARC, JSON Lines) read through it so that nothing loads a whole file.
#ifndef CLEANER_UTIL_GZIP_H_
#define CLEANER_UTIL_GZIP_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <zlib.h>

#include "cleaner/status.h"

namespace cleaner {

// Reads a file or standard input, inflating gzip when the data starts with
// the gzip magic (1f 8b). Any number of concatenated gzip members are read
// as one stream (a .warc.gz is one member per record). A damaged member is
// not fatal: the reader records an error (TakeError), skips to the next
// gzip member header and goes on, so one bad record costs one record.
// Not thread-safe; one reader per thread.
class ByteReader {
 public:
  // Opens `path` ("-" = standard input). IoError with the errno text if the
  // file cannot be opened.
  static Status Open(const std::string& path, std::unique_ptr<ByteReader>* out);
  // Reads from an in-memory buffer (tests, nested payloads). `data` must
  // outlive the reader.
  static std::unique_ptr<ByteReader> FromString(std::string_view data);
  ~ByteReader();
  ByteReader(const ByteReader&) = delete;
  ByteReader& operator=(const ByteReader&) = delete;

  // The first decompressed bytes (up to `n`) without consuming them.
  std::string_view Peek(size_t n);
  // Appends one line, without its "\n" (and "\r\n" becomes nothing too),
  // to *line (cleared first). A line longer than `max` is cut at `max`
  // bytes and the rest of it is skipped; *too_long says so. Returns false
  // at end of input with nothing read.
  bool ReadLine(std::string* line, size_t max, bool* too_long);
  // Appends up to `n` bytes to *out; returns how many were appended (less
  // than n only at end of input).
  size_t Read(size_t n, std::string* out);
  // Skips up to `n` bytes; returns how many were skipped.
  size_t Skip(size_t n);
  bool AtEnd();
  // Puts `data` back in front of the unread input (a reader that read past
  // a record boundary it recognized late).
  void Unread(std::string_view data);
  // While on, reading stops at the end of the current gzip member as at the
  // end of input (Fill starts no new member): a WARC record, one member of
  // a .warc.gz, then never takes the bytes of the records after it, whatever
  // its header claims. No effect on plain input.
  void set_stop_at_member_end(bool on) { stop_at_member_end_ = on; }
  // True if the input is gzip.
  bool gzip() const { return gzip_; }
  // Bytes read from the file so far (compressed size for gzip).
  uint64_t raw_bytes() const { return raw_bytes_; }
  // Returns and clears the first damage seen since the last call (OK if
  // none): a corrupt or truncated gzip member, a read error.
  Status TakeError();

 private:
  ByteReader();
  // Makes at least one more decompressed byte available in out_; false at
  // end of input.
  bool Fill();
  bool FillRaw();
  void NoteError(Status st);

  FILE* file_ = nullptr;
  bool own_file_ = false;
  std::string_view memory_;  // FromString input
  bool gzip_ = false;
  bool sniffed_ = false;
  bool raw_eof_ = false;
  uint64_t raw_bytes_ = 0;
  // Compressed (or plain) input not yet consumed: in_[in_pos_, in_end_).
  std::unique_ptr<unsigned char[]> in_;
  size_t in_size_ = 0;  // bytes allocated at in_
  size_t in_pos_ = 0, in_end_ = 0;
  // Decompressed output not yet consumed: out_[out_pos_, ...).
  std::string out_;
  size_t out_pos_ = 0;
  z_stream zs_{};
  bool zs_init_ = false;
  bool in_member_ = false;
  bool member_started_ = false;  // a member has been begun since the start
  bool stop_at_member_end_ = false;
  Status error_;
};

// Decompresses a whole gzip, zlib or raw-deflate buffer (as HTTP
// Content-Encoding gzip/deflate send it) into *out. Returns
// ResourceExhausted if the result would exceed `max_out` bytes (a
// decompression bomb), Corruption if the data is not valid.
Status InflateBuffer(std::string_view in, size_t max_out, std::string* out);

}  // namespace cleaner

#endif  // CLEANER_UTIL_GZIP_H_
