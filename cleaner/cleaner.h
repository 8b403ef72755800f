// Start here. cleaner turns raw web pages (HTML) and scraped text into clean,
// normalized UTF-8 text: it decodes, extracts the main content, drops
// boilerplate, repairs punctuation and quoting, and normalizes.
//
//   std::unique_ptr<cleaner::Cleaner> c;
//   cleaner::Status s = cleaner::Cleaner::Create(cleaner::Options(), &c);
//   cleaner::RawDocument raw;  raw.bytes = page_html;  raw.name = "page.html";
//   cleaner::Document doc;
//   s = c->Clean(raw, &doc);   // doc.text is the cleaned text
//
// Or, for a one-off string: std::string text = cleaner::CleanString(html);
#ifndef CLEANER_CLEANER_H_
#define CLEANER_CLEANER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/options.h"
#include "cleaner/stats.h"
#include "cleaner/status.h"

namespace cleaner {

// One input document as read by a source: bytes plus what the transport said
// about them.
struct RawDocument {
  std::string name;          // path, URL or record id; names it in errors
  std::string bytes;         // the undecoded content
  std::string content_type;  // e.g. "text/html; charset=iso-8859-1", or empty
  std::string charset;       // transport charset (HTTP header, WARC), or empty
  std::string source;        // "file", "stdin", "url", "warc", "jsonl"
  std::string url;           // where it came from, if known (final URL after redirects)
  int http_status = 0;          // HTTP status of a fetched page or WARC response, 0 if none
  std::string warc_record_id;   // WARC-Record-ID, for records read from a WARC file
  std::string warc_date;        // WARC-Date (capture time), likewise
};

// The result of cleaning one document.
struct Document {
  // The cleaned text in the output form of the spec: NFC, LF, paragraphs
  // separated by one blank line, ending in one '\n'; empty when nothing
  // survived (then metadata.drop_reason may say why).
  std::string text;
  // With OutputOptions::keep_blocks: the blocks behind `text`, in order,
  // after every stage (their text in the text form, not Markdown).
  std::vector<Block> blocks;
  Metadata metadata;
  Stats stats;
};

class Cleaner {
 public:
  // Builds a cleaner: compiles the default rules (and those in
  // options.filters_dir). Returns InvalidArgument with "file:line: message"
  // for a malformed rule file, IoError for an unreadable filters folder.
  static Status Create(const Options& options, std::unique_ptr<Cleaner>* out);

  ~Cleaner();
  Cleaner(const Cleaner&) = delete;
  Cleaner& operator=(const Cleaner&) = delete;

  // Cleans one document into *out (overwritten). Damaged input (invalid
  // bytes, broken markup) is repaired and counted, not an error. Returns
  // ResourceExhausted when a limit in options().limits is exceeded.
  // `reporter`, if not null, receives every decision (--explain).
  // Thread-safe: one Cleaner may clean many documents concurrently.
  Status Clean(const RawDocument& in, Document* out, Reporter* reporter = nullptr) const;
  // The same, and in.bytes is released as soon as it is decoded, so that a
  // document's input is not held beside its blocks (peak memory on a
  // document of many short lines); the other fields of `in` stay.
  Status Clean(RawDocument&& in, Document* out, Reporter* reporter = nullptr) const;

  const Options& options() const;

 private:
  struct Rep;
  explicit Cleaner(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// Convenience: cleans `input` (HTML or text, detected) with default options
// and returns the text. Never fails: on an internal error returns "".
std::string CleanString(std::string_view input);

// The library version, "MAJOR.MINOR.PATCH".
const char* Version();

}  // namespace cleaner

#endif  // CLEANER_CLEANER_H_
