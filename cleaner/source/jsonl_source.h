// JSON Lines input: one JSON object per line, the document's text or HTML
// in a chosen field, every other field kept for the output record
// (datatrove/Dolma-style pipelines). Parsing uses nlohmann-json.
#ifndef CLEANER_STAGES_JSONL_SOURCE_H_
#define CLEANER_STAGES_JSONL_SOURCE_H_

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "cleaner/cleaner.h"
#include "cleaner/status.h"

namespace cleaner {

// Which fields of a record mean what.
struct JsonlFields {
  std::string text_field = "text";  // scraped text (cleaned as text)
  std::string html_field = "html";  // a raw page (cleaned as HTML); used when text_field is absent
  std::string id_field = "id";      // the record's id; "<file>:<line>" when absent
  std::string url_field = "url";
};

// One parsed input line.
struct JsonlRecord {
  RawDocument raw;  // name = id as text, bytes = the content field, source "jsonl"
  // The input object without the consumed content field, in input order;
  // never null after a successful parse.
  std::shared_ptr<nlohmann::ordered_json> fields;
  bool has_id = false;  // the input had an id field (then fields holds it)
};

// True if `path` names a JSON Lines file by its extension (.jsonl, .ndjson,
// also followed by .gz).
bool HasJsonlExtension(std::string_view path);

// 256 levels of arrays and objects: real records nest a handful (metadata
// objects, lists of annotations); every copy and destruction of a parsed
// value recurses once per level, so depth must be bounded before parsing.
constexpr size_t kMaxJsonlDepth = 256;

// Parses one line. `fallback_id` names the record when it has no id field.
// Returns Corruption for a line that is not a JSON object or nests deeper
// than kMaxJsonlDepth (checked in one pass before parsing), InvalidArgument
// for an object with neither content field (or a non-string one). On error,
// out->raw.name is still set so that the error can be named.
Status ParseJsonlLine(std::string_view line, const JsonlFields& fields,
                      const std::string& fallback_id, JsonlRecord* out);

}  // namespace cleaner

#endif  // CLEANER_STAGES_JSONL_SOURCE_H_
