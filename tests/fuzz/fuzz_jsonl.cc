// Fuzz target for the JSON Lines reader: each input line is parsed as a
// record (nlohmann-json), and a record with a text or html field is
// cleaned. Lines are capped at 64 KiB.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "cleaner/cleaner.h"
#include "cleaner/source/jsonl_source.h"
#include "cleaner/util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cleaner::Cleaner* const kCleaner = [] {
    std::unique_ptr<cleaner::Cleaner> c;
    if (!cleaner::Cleaner::Create(cleaner::Options(), &c).ok()) std::abort();
    return c.release();
  }();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  cleaner::JsonlFields fields;
  size_t pos = 0;
  int line_no = 0;
  while (pos < input.size() && line_no < 1000) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    std::string_view line = input.substr(pos, std::min<size_t>(nl - pos, 64 * 1024));
    pos = nl + 1;
    cleaner::JsonlRecord rec;
    cleaner::Status st =
        cleaner::ParseJsonlLine(line, fields, "fuzz:" + std::to_string(++line_no), &rec);
    if (!st.ok()) continue;
    if (rec.fields == nullptr) std::abort();
    cleaner::Document doc;
    if (kCleaner->Clean(rec.raw, &doc).ok() && !cleaner::IsValidUtf8(doc.text)) std::abort();
  }
  return 0;
}
