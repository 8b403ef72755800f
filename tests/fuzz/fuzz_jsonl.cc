// Fuzz target for the JSON Lines reader and writer: each input line is
// parsed as a record (nlohmann-json), a record with a text or html field is
// cleaned, and its output record is written (with the blocks and in the
// Dolma shape by turns) and must parse as JSON with every block in it.
// Lines are capped at 64 KiB.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cleaner/cleaner.h"
#include "cleaner/output/jsonl_writer.h"
#include "cleaner/source/jsonl_source.h"
#include "cleaner/util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cleaner::Cleaner* const kCleaner = [] {
    std::unique_ptr<cleaner::Cleaner> c;
    cleaner::Options o;
    o.output.keep_blocks = true;
    if (!cleaner::Cleaner::Create(o, &c).ok()) std::abort();
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
    const cleaner::Status cleaned = kCleaner->Clean(rec.raw, &doc);
    if (cleaned.ok() && !cleaner::IsValidUtf8(doc.text)) std::abort();
    cleaner::JsonlShape shape;
    shape.blocks = (line_no & 1) != 0;
    shape.dolma = (line_no & 2) != 0;
    const std::string out = cleaner::FormatJsonlRecord(cleaned.ok() ? &doc : nullptr, rec.raw,
                                                       rec.fields.get(), cleaned.message(), shape);
    const auto json = nlohmann::ordered_json::parse(out, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object()) std::abort();
    if (shape.blocks && cleaned.ok() &&
        (!json["blocks"].is_array() || json["blocks"].size() != doc.blocks.size())) {
      std::abort();
    }
  }
  return 0;
}
