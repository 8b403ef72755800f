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

// Appends the blocks as a JSON array, written out directly: an
// ordered_json object per block cost about 700 bytes and most of the time
// (ten million one-letter lines with --blocks: 7.6 GB and 60 s).
void AppendBlocksJson(const Document* doc, std::string* out) {
  *out += '[';
  if (doc != nullptr) {
    bool first = true;
    for (const Block& b : doc->blocks) {
      if (!first) *out += ',';
      first = false;
      *out += "{\"type\":\"";
      *out += BlockType(b.kind);
      *out += "\",\"level\":";
      *out += std::to_string(b.level);
      *out += ",\"text\":";
      *out += Json(b.text).dump(-1, ' ', false, Json::error_handler_t::replace);
      *out += '}';
    }
  }
  *out += ']';
}

// Where `line`, the dump of a record whose keys are `head`'s, then "text",
// then "blocks" with the value null, has that null; npos if it is not
// shaped so (it always is). Found by skipping the text's string (its quotes
// are escaped), never by searching: an id taken from the input may hold
// anything.
size_t BlocksPlace(const Json& head, const std::string& line) {
  const std::string h = head.dump(-1, ' ', false, Json::error_handler_t::replace);
  size_t i = h.size() - 1;  // where `line` goes on past `head`'s keys (an id at least)
  constexpr std::string_view text_key = ",\"text\":\"";
  if (line.compare(i, text_key.size(), text_key) != 0) return std::string::npos;
  for (i += text_key.size(); i < line.size() && line[i] != '"'; ++i) {
    if (line[i] == '\\') ++i;
  }
  constexpr std::string_view kPlace = "\",\"blocks\":null";
  if (i >= line.size() || line.compare(i, kPlace.size(), kPlace) != 0) return std::string::npos;
  return i + kPlace.size() - 4;
}

// `line` with the blocks in the place of its "blocks" null (BlocksPlace()).
std::string WithBlocks(const Json& head, const Document* doc, Json* record, std::string line) {
  const size_t at = BlocksPlace(head, line);
  if (at == std::string::npos) {  // never seen; the slow way then
    std::string blocks;
    AppendBlocksJson(doc, &blocks);
    (*record)["blocks"] = Json::parse(blocks);
    return record->dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  size_t size = line.size() + 2;
  if (doc != nullptr) {
    for (const Block& b : doc->blocks) size += b.text.size() + 48;
  }
  std::string out;
  out.reserve(size);
  out.append(line, 0, at);
  AppendBlocksJson(doc, &out);
  out.append(line, at + 4, std::string::npos);
  return out;
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
  const Json head = shape.blocks ? out : Json();  // the keys before the text
  out["text"] = doc != nullptr ? doc->text : std::string();
  if (shape.blocks) out["blocks"] = nullptr;  // its place: see WithBlocks()
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
  if (shape.blocks) line = WithBlocks(head, doc, &out, std::move(line));
  line += '\n';
  return line;
}

}  // namespace cleaner
