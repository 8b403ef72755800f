// Fuzz target for the WARC reader: framing (WarcReader over plain or gzip
// input), the HTTP response inside each record (WarcRecordToDocument:
// status line, headers, chunked transfer coding, gzip/deflate content
// coding), and cleaning of what comes out. Records are bounded to 1 MiB and
// decompressed bodies to 4 MiB so that a bomb costs a bounded amount.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "cleaner/cleaner.h"
#include "cleaner/source/warc_source.h"
#include "cleaner/util/gzip.h"
#include "cleaner/util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cleaner::Cleaner* const kCleaner = [] {
    std::unique_ptr<cleaner::Cleaner> c;
    if (!cleaner::Cleaner::Create(cleaner::Options(), &c).ok()) std::abort();
    return c.release();
  }();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<cleaner::ByteReader> in = cleaner::ByteReader::FromString(input);
  cleaner::WarcReader reader(in.get(), 1 << 20);
  cleaner::WarcRecord rec;
  int records = 0;
  while (reader.Next(&rec) && ++records < 1000) {
    cleaner::RawDocument raw;
    cleaner::WarcDisposition disposition;
    std::string skip_reason;
    cleaner::Status st =
        cleaner::WarcRecordToDocument(rec, "fuzz.warc", 4 << 20, &raw, &disposition, &skip_reason);
    if (!st.ok() || disposition != cleaner::WarcDisposition::kClean) continue;
    cleaner::Document doc;
    if (kCleaner->Clean(raw, &doc).ok() && !cleaner::IsValidUtf8(doc.text)) std::abort();
  }
  return 0;
}
