// JSON Lines output: one object per input document, in the shape of
// datatrove/Dolma pipelines:
//   {"id": ..., "url": ..., "text": ..., "metadata": {...}, <input fields>}
// metadata holds source, title, author, date (published), date_modified,
// site_name, host, canonical_url, description, language, charset, format,
// http_status, warc_record_id, warc_date, removed (blocks removed by
// category) and drop_reason; every key is always present ("" or 0 when
// unknown) so that a column store sees one schema. A failed document is
// written the same way with "text": "" and "error": "<reason>".
//
// With JsonlShape::blocks, "blocks": [{"type", "level", "text"}] follows
// "text" (type heading, paragraph, list_item, table, code or quote; level
// is the heading level or list depth, else 0). With JsonlShape::dolma the
// record has Dolma's shape instead:
//   {"id", "text", "source": <dataset name>, "added": <time of the run>,
//    "created": <date published, else the WARC date, else "">,
//    "metadata": {"url", ...the metadata above}, <input fields>}
#ifndef CLEANER_STAGES_JSONL_WRITER_H_
#define CLEANER_STAGES_JSONL_WRITER_H_

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cleaner/cleaner.h"

namespace cleaner {

// Returns one line (ending in '\n'). `doc` is the cleaned document, or null
// when cleaning failed; `raw` supplies id, url and transport facts then.
// `input_fields` (may be null) are the other fields of a JSONL input record:
// they follow ours unchanged; an input "metadata" object is kept and ours
// are merged into it. `error` is empty for a success.
struct JsonlShape {
  bool blocks = false;
  bool dolma = false;
  std::string source_name = "cleaner";  // Dolma's "source"
  std::string added;                    // Dolma's "added" (ISO 8601), the same for the run
};

// The time for Dolma's "added": $SOURCE_DATE_EPOCH when set (reproducible
// runs), else now; as "YYYY-MM-DDTHH:MM:SSZ".
std::string RunTimestamp();

std::string FormatJsonlRecord(const Document* doc, const RawDocument& raw,
                              const nlohmann::ordered_json* input_fields,
                              const std::string& error, const JsonlShape& shape = JsonlShape());

}  // namespace cleaner

#endif  // CLEANER_STAGES_JSONL_WRITER_H_
