// JSON Lines records out.
#include "cleaner/output/jsonl_writer.h"

#include <cstdlib>
#include <ctime>

#include <nlohmann/json.hpp>

namespace cleaner {

namespace {

using Json = nlohmann::ordered_json;

// The block kinds by the names corpus tools use.
const char* BlockType(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kPreformatted: return "code";
    case BlockKind::kTable: return "table";
    case BlockKind::kQuote: return "quote";
  }
  return "paragraph";
}

Json Blocks(const Document* doc) {
  Json blocks = Json::array();
  if (doc == nullptr) return blocks;
  for (const Block& b : doc->blocks) {
    Json o = Json::object();
    o["type"] = BlockType(b.kind);
    o["level"] = b.level;
    o["text"] = b.text;
    blocks.push_back(std::move(o));
  }
  return blocks;
}

// Whether an input metadata value says nothing: null, "", {} or [].
bool IsBlank(const Json& v) {
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
         (v.is_structured() && v.empty());
}

// Our metadata keys, merged into `meta` (the input's metadata object, or
// empty). The clash policy (README, "JSON Lines records"): a value the input
// gave is kept; ours fills every key the input lacks or left blank, so every
// key is always present and nothing the input said is overwritten.
void AddMetadata(const Metadata& m, const RawDocument& raw, Json* meta) {
  Json& o = *meta;
  auto set = [&o](const char* key, Json value) {
    auto it = o.find(key);
    if (it == o.end() || IsBlank(*it)) o[key] = std::move(value);
  };
  set("source", !m.source.empty() ? m.source : raw.source);
  set("title", m.title);
  set("author", m.author);
  set("date", m.date);
  set("date_modified", m.date_modified);
  set("site_name", m.site_name);
  set("host", m.host);
  set("canonical_url", m.canonical_url);
  set("description", m.description);
  set("language", m.language);
  set("categories", Json(m.categories));
  set("tags", Json(m.tags));
  set("license", m.license);
  set("page_type", m.page_type);
  set("charset", m.charset);
  set("format", m.format);
  set("http_status", m.http_status != 0 ? m.http_status : raw.http_status);
  set("warc_record_id", !m.warc_record_id.empty() ? m.warc_record_id : raw.warc_record_id);
  set("warc_date", !m.warc_date.empty() ? m.warc_date : raw.warc_date);
  Json removed = Json::object();
  for (const auto& [category, n] : m.removed_by_category) removed[category] = n;
  set("removed", std::move(removed));
  set("drop_reason", m.drop_reason);
}

}  // namespace

std::string RunTimestamp() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long v = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
  }
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string FormatJsonlRecord(const Document* doc, const RawDocument& raw,
                              const nlohmann::ordered_json* input_fields,
                              const std::string& error, const JsonlShape& shape) {
  static const Metadata kEmpty;
  const Metadata& m = doc != nullptr ? doc->metadata : kEmpty;
  Json out = Json::object();
  auto in_id = input_fields != nullptr ? input_fields->find("id") : Json::const_iterator();
  if (input_fields != nullptr && in_id != input_fields->end() && !in_id->is_null()) {
    out["id"] = *in_id;
  } else {
    out["id"] = raw.name;
  }
  const std::string& url = !m.url.empty() ? m.url : raw.url;
  if (!shape.dolma) out["url"] = url;
  out["text"] = doc != nullptr ? doc->text : std::string();
  if (shape.blocks) out["blocks"] = Blocks(doc);
  Json meta = Json::object();
  if (input_fields != nullptr) {
    auto in_meta = input_fields->find("metadata");
    if (in_meta != input_fields->end() && in_meta->is_object()) meta = *in_meta;
  }
  if (shape.dolma) {
    out["source"] = shape.source_name;
    out["added"] = !shape.added.empty() ? shape.added : RunTimestamp();
    const std::string& warc_date = !m.warc_date.empty() ? m.warc_date : raw.warc_date;
    out["created"] = !m.date.empty() ? m.date : warc_date;
    meta["url"] = url;
  }
  AddMetadata(m, raw, &meta);
  out["metadata"] = std::move(meta);
  if (!error.empty()) out["error"] = error;
  if (input_fields != nullptr) {
    for (auto it = input_fields->begin(); it != input_fields->end(); ++it) {
      // Dolma keeps the URL in metadata only.
      if (!out.contains(it.key()) && !(shape.dolma && it.key() == "url")) {
        out[it.key()] = it.value();
      }
    }
  }
  // Invalid UTF-8 can only come from ids and URLs taken from the input:
  // replace it rather than fail the record.
  std::string line = out.dump(-1, ' ', false, Json::error_handler_t::replace);
  line += '\n';
  return line;
}

}  // namespace cleaner
