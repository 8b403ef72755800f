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

TEST_CASE("a JSON line gives its text field, id and url; the rest is kept", "[jsonl]") {
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

TEST_CASE("html field when there is no text field; chosen field names", "[jsonl]") {
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

TEST_CASE("deep nesting is a named error before parsing, at any depth", "[jsonl][hostile]") {
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

TEST_CASE("output record: id, url, text, metadata, then the input's fields", "[jsonl]") {
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
