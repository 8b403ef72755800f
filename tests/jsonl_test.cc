// Tests for JSON Lines in and out (cleaner/source/jsonl_source.h,
// jsonl_writer.h) and for safe output names.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cleaner/source/jsonl_source.h"
#include "cleaner/output/jsonl_writer.h"
#include "cleaner/source/source.h"

namespace cleaner {
namespace {

using Json = nlohmann::ordered_json;

TEST_CASE("a JSON line gives its text field - id and url - the rest is kept", "[jsonl]") {
  JsonlRecord r;
  REQUIRE(ParseJsonlLine(R"({"id":"a1","url":"http://x.example/","text":"Hello.","n":3,"tags":["x"]})",
                         JsonlFields(), "f:1", &r)
              .ok());
  CHECK(r.raw.name == "a1");
  CHECK(r.has_id);
  CHECK(r.raw.url == "http://x.example/");
  CHECK(r.raw.bytes == "Hello.");
  CHECK(r.raw.content_type == "text/plain");
  CHECK(r.raw.charset == "utf-8");
  CHECK_FALSE(r.fields->contains("text"));
  CHECK((*r.fields)["n"] == 3);
}

TEST_CASE("html field when there is no text field - chosen field names", "[jsonl]") {
  JsonlRecord r;
  REQUIRE(ParseJsonlLine(R"({"html":"<p>x</p>","id":7})", JsonlFields(), "f:2", &r).ok());
  CHECK(r.raw.content_type == "text/html");
  CHECK(r.raw.name == "7");
  JsonlFields f;
  f.text_field = "body";
  f.id_field = "doc";
  REQUIRE(ParseJsonlLine(R"({"body":"B","doc":"d9","text":"other"})", f, "f:3", &r).ok());
  CHECK(r.raw.bytes == "B");
  CHECK(r.raw.name == "d9");
  CHECK((*r.fields)["text"] == "other");
}

TEST_CASE("bad lines are named errors", "[jsonl]") {
  JsonlRecord r;
  CHECK(ParseJsonlLine("{not json", JsonlFields(), "f:4", &r).code() == Status::Code::kCorruption);
  CHECK(r.raw.name == "f:4");
  CHECK(ParseJsonlLine("[1,2]", JsonlFields(), "f:5", &r).code() == Status::Code::kCorruption);
  CHECK(ParseJsonlLine(R"({"text":5})", JsonlFields(), "f:6", &r).code() ==
        Status::Code::kInvalidArgument);
  CHECK(ParseJsonlLine("{\"text\":\"\xff\"}", JsonlFields(), "f:7", &r).code() ==
        Status::Code::kCorruption);
}

TEST_CASE("deep nesting is a named error before parsing - at any depth", "[jsonl][hostile]") {
  // Issue 14.1: 100,000 levels in a passed-through field overflowed the
  // stack in the JSON library's recursive copy (SIGSEGV).
  JsonlRecord r;
  std::string deep = "{\"id\":\"deep\",\"meta\":" + std::string(100000, '[') +
                     std::string(100000, ']') + ",\"text\":\"x\"}";
  Status st = ParseJsonlLine(deep, JsonlFields(), "f:1", &r);
  CHECK(st.code() == Status::Code::kCorruption);
  CHECK(st.message().find("deeper than") != std::string::npos);
  // At the bound the record parses; brackets inside strings do not count.
  std::string at_bound = "{\"m\":" + std::string(kMaxJsonlDepth - 1, '[') +
                         std::string(kMaxJsonlDepth - 1, ']') + ",\"text\":\"[[[{\\\"\"}";
  REQUIRE(ParseJsonlLine(at_bound, JsonlFields(), "f:2", &r).ok());
  CHECK(r.raw.bytes == "[[[{\"");
  std::string in_string = "{\"text\":\"" + std::string(100000, '[') + "\"}";
  CHECK(ParseJsonlLine(in_string, JsonlFields(), "f:3", &r).ok());
}

TEST_CASE("output record: id - url - text - metadata - then the input's fields", "[jsonl]") {
  JsonlRecord r;
  REQUIRE(ParseJsonlLine(R"({"id":5,"text":"t","metadata":{"mine":1},"lang":"de"})",
                         JsonlFields(), "f:1", &r)
              .ok());
  Document doc;
  doc.text = "Clean.\n";
  doc.metadata.source = "jsonl";
  doc.metadata.title = "T";
  doc.metadata.removed_by_category["share"] = 2;
  std::string line = FormatJsonlRecord(&doc, r.raw, r.fields.get(), "");
  REQUIRE(line.back() == '\n');
  REQUIRE(line.find('\n') == line.size() - 1);
  Json j = Json::parse(line);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"id", "url", "text", "metadata", "lang"});
  CHECK(j["id"] == 5);
  CHECK(j["text"] == "Clean.\n");
  CHECK(j["metadata"]["mine"] == 1);
  CHECK(j["metadata"]["title"] == "T");
  CHECK(j["metadata"]["removed"]["share"] == 2);
  CHECK(j["metadata"]["drop_reason"] == "");
  // Lists are arrays, also when empty; every key is there.
  CHECK(j["metadata"]["categories"] == Json::array());
  CHECK(j["metadata"]["tags"] == Json::array());
  CHECK(j["metadata"]["license"] == "");
  CHECK_FALSE(j.contains("error"));

  Json e = Json::parse(FormatJsonlRecord(nullptr, r.raw, r.fields.get(), "it broke"));
  CHECK(e["error"] == "it broke");
  CHECK(e["text"] == "");
  CHECK(e["id"] == 5);
}

TEST_CASE("ids become safe file names", "[jsonl]") {
  for (const char* id : {"../../etc/passwd", "/abs/path", "..", ".", "", "a/b\\c", "x\xff\x01y",
                         "CON", "ok-name_1.txt"}) {
    std::string name = SafeFileName(id);
    INFO(id << " -> " << name);
    CHECK_FALSE(name.empty());
    CHECK(name.find('/') == std::string::npos);
    CHECK(name.find('\\') == std::string::npos);
    CHECK(name[0] != '.');
    CHECK(name.size() <= 140);
    for (char c : name) {
      CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'));
    }
  }
  CHECK(SafeFileName("ok-name_1.txt") == "ok-name_1.txt");
  CHECK(SafeFileName("a/b") != SafeFileName("a_b"));  // changed names keep a hash
  CHECK(SafeFileName(std::string(500, 'x')).size() <= 140);
  CHECK(SafeFileName(std::string(500, 'x')) != SafeFileName(std::string(501, 'x')));
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("with blocks - the record lists its blocks with type - level and text", "[jsonl]") {
  Document doc;
  doc.text = "x\n";
  Block h;
  h.kind = BlockKind::kHeading;
  h.level = 2;
  h.text = "H";
  Block c;
  c.kind = BlockKind::kPreformatted;
  c.text = "a  b";
  doc.blocks = {h, c};
  RawDocument raw;
  raw.name = "n";
  JsonlShape shape;
  shape.blocks = true;
  Json j = Json::parse(FormatJsonlRecord(&doc, raw, nullptr, "", shape));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"id", "url", "text", "blocks", "metadata"});
  CHECK(j["blocks"] == Json::parse(R"([{"type":"heading","level":2,"text":"H"},
                                       {"type":"code","level":0,"text":"a  b"}])"));
  // A failed document still has the key.
  CHECK(Json::parse(FormatJsonlRecord(nullptr, raw, nullptr, "bad", shape))["blocks"] ==
        Json::array());
  // Every metadata key, always.
  for (const char* key : {"date_modified", "site_name", "host", "canonical_url", "description"}) {
    CHECK(j["metadata"].contains(key));
  }
}

TEST_CASE("with blocks - the blocks go in their place whatever the id and the text hold",
          "[jsonl][hostile]") {
  // The blocks are written out directly and put where the record's "blocks"
  // key is (an ordered_json object per block cost 700 bytes: issue 14.5):
  // an id from the input and a text that look like that key must not
  // mislead it, in the Dolma shape (no url) too.
  Document doc;
  doc.text = "say \",\"blocks\":null \\\" and \"blocks\":null\n";
  Block b;
  b.text = "q \"blocks\":null \\";
  doc.blocks = {b, b};
  RawDocument raw;
  raw.name = "n";
  const Json in = Json::parse(R"({"id":{"x":"\",\"blocks\":null","blocks":null},"text":"t"})");
  for (bool dolma : {false, true}) {
    JsonlShape shape;
    shape.blocks = true;
    shape.dolma = dolma;
    const std::string line = FormatJsonlRecord(&doc, raw, &in, "", shape);
    Json j = Json::parse(line);
    CHECK(j["id"] == in["id"]);
    CHECK(j["text"] == doc.text);
    REQUIRE(j["blocks"].size() == 2);
    CHECK(j["blocks"][1]["text"] == b.text);
    CHECK(line.find("null,\"metadata\"") == std::string::npos);
  }
}

TEST_CASE("the dolma record: Dolma's document shape", "[jsonl]") {
  Document doc;
  doc.text = "Body.\n";
  doc.metadata.url = "https://x.example/a";
  doc.metadata.date = "2020-06-16";
  RawDocument raw;
  raw.name = "doc-1";
  JsonlShape shape;
  shape.dolma = true;
  shape.source_name = "my-crawl";
  shape.added = "2024-01-02T03:04:05Z";
  Json j = Json::parse(FormatJsonlRecord(&doc, raw, nullptr, "", shape));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys ==
        std::vector<std::string>{"id", "text", "source", "added", "created", "metadata"});
  CHECK(j["source"] == "my-crawl");
  CHECK(j["added"] == "2024-01-02T03:04:05Z");
  CHECK(j["created"] == "2020-06-16");
  CHECK(j["metadata"]["url"] == "https://x.example/a");
  raw.warc_date = "2019-01-01T00:00:00Z";
  doc.metadata.date.clear();
  CHECK(Json::parse(FormatJsonlRecord(&doc, raw, nullptr, "", shape))["created"] ==
        "2019-01-01T00:00:00Z");
}

}  // namespace
}  // namespace cleaner
