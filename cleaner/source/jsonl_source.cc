// JSON Lines records in.
#include "cleaner/source/jsonl_source.h"

#include <nlohmann/json.hpp>

#include "cleaner/util/ascii.h"

namespace cleaner {

namespace {

// Returns true if arrays and objects in `line` nest deeper than `max_depth`.
// Brackets inside strings do not count. One pass, no allocation: it runs
// before the parser, whose copies and destructors of a value recurse once
// per level (a line of 100,000 '[' overflowed the stack).
bool NestsDeeperThan(std::string_view line, size_t max_depth) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

bool HasJsonlExtension(std::string_view path) {
  if (EndsWith(path, ".gz")) path.remove_suffix(3);
  return EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson");
}

Status ParseJsonlLine(std::string_view line, const JsonlFields& fields,
                      const std::string& fallback_id, JsonlRecord* out) {
  out->raw = RawDocument();
  out->raw.source = "jsonl";
  out->raw.name = fallback_id;
  out->has_id = false;
  if (NestsDeeperThan(line, kMaxJsonlDepth)) {
    return Status::Corruption("line nests arrays or objects deeper than " +
                              std::to_string(kMaxJsonlDepth) + " levels");
  }
  auto obj = std::make_shared<nlohmann::ordered_json>(
      nlohmann::ordered_json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false));
  if (obj->is_discarded()) return Status::Corruption("line is not valid JSON");
  if (!obj->is_object()) return Status::Corruption("line is not a JSON object");
  auto id = obj->find(fields.id_field);
  if (id != obj->end() && !id->is_null()) {
    out->has_id = true;
    out->raw.name = id->is_string() ? id->get<std::string>() : id->dump();
  }
  auto url = obj->find(fields.url_field);
  if (url != obj->end() && url->is_string()) out->raw.url = url->get<std::string>();
  out->fields = obj;
  auto text = obj->find(fields.text_field);
  bool use_text = text != obj->end() && text->is_string();
  auto html = obj->find(fields.html_field);
  if (!use_text && (html == obj->end() || !html->is_string())) {
    return Status::InvalidArgument("record has no string field '" + fields.text_field + "' or '" +
                                   fields.html_field + "'");
  }
  auto content = use_text ? text : html;
  out->raw.bytes = content->get<std::string>();
  // JSON text is UTF-8 by definition (RFC 8259); the content type tells the
  // format detector which field it came from.
  out->raw.charset = "utf-8";
  out->raw.content_type = use_text ? "text/plain" : "text/html";
  obj->erase(content);
  return Status::OK();
}

}  // namespace cleaner
