// JSON Lines records out.
#include "cleaner/output/jsonl_writer.h"

#include <nlohmann/json.hpp>

namespace cleaner {

std::string FormatJsonlRecord(const Document* doc, const RawDocument& raw,
                              const nlohmann::ordered_json* input_fields,
                              const std::string& error) {
  using Json = nlohmann::ordered_json;
  static const Metadata kEmpty;
  const Metadata& m = doc != nullptr ? doc->metadata : kEmpty;
  Json out = Json::object();
  auto in_id = input_fields != nullptr ? input_fields->find("id") : Json::const_iterator();
  if (input_fields != nullptr && in_id != input_fields->end() && !in_id->is_null()) {
    out["id"] = *in_id;
  } else {
    out["id"] = raw.name;
  }
  out["url"] = !m.url.empty() ? m.url : raw.url;
  out["text"] = doc != nullptr ? doc->text : std::string();
  Json meta = Json::object();
  if (input_fields != nullptr) {
    auto in_meta = input_fields->find("metadata");
    if (in_meta != input_fields->end() && in_meta->is_object()) meta = *in_meta;
  }
  meta["source"] = !m.source.empty() ? m.source : raw.source;
  meta["title"] = m.title;
  meta["author"] = m.author;
  meta["date"] = m.date;
  meta["language"] = m.language;
  meta["page_type"] = m.page_type;
  meta["charset"] = m.charset;
  meta["format"] = m.format;
  meta["http_status"] = m.http_status != 0 ? m.http_status : raw.http_status;
  meta["warc_record_id"] = !m.warc_record_id.empty() ? m.warc_record_id : raw.warc_record_id;
  meta["warc_date"] = !m.warc_date.empty() ? m.warc_date : raw.warc_date;
  Json removed = Json::object();
  for (const auto& [category, n] : m.removed_by_category) removed[category] = n;
  meta["removed"] = std::move(removed);
  meta["drop_reason"] = m.drop_reason;
  out["metadata"] = std::move(meta);
  if (!error.empty()) out["error"] = error;
  if (input_fields != nullptr) {
    for (auto it = input_fields->begin(); it != input_fields->end(); ++it) {
      if (!out.contains(it.key())) out[it.key()] = it.value();
    }
  }
  // Invalid UTF-8 can only come from ids and URLs taken from the input:
  // replace it rather than fail the record.
  std::string line = out.dump(-1, ' ', false, Json::error_handler_t::replace);
  line += '\n';
  return line;
}

}  // namespace cleaner
