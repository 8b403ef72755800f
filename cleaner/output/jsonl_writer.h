// JSON Lines output: one object per input document, in the shape of
// datatrove/Dolma pipelines:
//   {"id": ..., "url": ..., "text": ..., "metadata": {...}, <input fields>}
// metadata holds source, title, author, date, language, charset, format,
// http_status, warc_record_id, warc_date, removed (blocks removed by
// category) and drop_reason; every key is always present ("" or 0 when
// unknown) so that a column store sees one schema. A failed document is
// written the same way with "text": "" and "error": "<reason>".
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
std::string FormatJsonlRecord(const Document* doc, const RawDocument& raw,
                              const nlohmann::ordered_json* input_fields,
                              const std::string& error);

}  // namespace cleaner

#endif  // CLEANER_STAGES_JSONL_WRITER_H_
