// Tests for stage 1, decode.
#include "cleaner/decode/decode.h"

#include <catch2/catch.hpp>

#include "tests/test_util.h"

namespace cleaner {
namespace {

std::string DecodeBytes(const std::string& bytes, testing::TestDoc* doc,
                        const std::string& content_type = "") {
  RawDocument raw;
  raw.bytes = bytes;
  raw.content_type = content_type;
  std::string out;
  REQUIRE(Decode(raw, DecodeOptions(), doc->info(), &out).ok());
  return out;
}

TEST_CASE("valid UTF-8 is kept and named", "[decode]") {
  testing::TestDoc doc;
  CHECK(DecodeBytes("caf\xC3\xA9", &doc) == "caf\xC3\xA9");
  CHECK(doc.metadata.charset == "utf-8");
  CHECK(doc.metadata.charset_source == "utf8-valid");
  CHECK(doc.stats.invalid_sequences == 0);
}

TEST_CASE("a UTF-8 BOM is removed", "[decode]") {
  testing::TestDoc doc;
  CHECK(DecodeBytes("\xEF\xBB\xBFhi", &doc) == "hi");
  CHECK(doc.metadata.charset_source == "bom");
}

TEST_CASE("UTF-16 with and without BOM is transcoded", "[decode]") {
  testing::TestDoc a, b;
  CHECK(DecodeBytes(std::string("\xFF\xFEh\0i\0", 6), &a) == "hi");
  CHECK(a.metadata.charset == "utf-16le");
  CHECK(DecodeBytes(std::string("h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22), &b) == "hello world");
  CHECK(b.metadata.charset_source == "utf16-sniffed");
}

TEST_CASE("a document with no valid multi-byte UTF-8 falls back to Windows-1252", "[decode]") {
  testing::TestDoc doc;
  CHECK(DecodeBytes("caf\xE9 \x93quoted\x94", &doc) ==
        "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  CHECK(doc.metadata.charset == "windows-1252");
}

TEST_CASE("stray bytes in UTF-8 text become U+FFFD and are counted", "[decode]") {
  testing::TestDoc doc;
  CHECK(DecodeBytes("caf\xC3\xA9 and \xC3\xBC and a stray \xFF byte", &doc) ==
        "caf\xC3\xA9 and \xC3\xBC and a stray \xEF\xBF\xBD byte");
  CHECK(doc.metadata.charset_source == "utf8-mostly");
  CHECK(doc.stats.invalid_sequences == 1);
}

TEST_CASE("the transport charset and <meta> are honoured", "[decode]") {
  testing::TestDoc a, b;
  CHECK(DecodeBytes("\xE9t\xE9", &a, "text/html; charset=ISO-8859-1") == "\xC3\xA9t\xC3\xA9");
  CHECK(a.metadata.charset_source == "transport");
  CHECK(DecodeBytes("<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>", &b) ==
        "<meta charset=\"koi8-r\"><p>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82</p>");
  CHECK(b.metadata.charset == "koi8-r");
  CHECK(b.metadata.charset_source == "meta");
}

TEST_CASE("charset labels map to WHATWG names", "[decode]") {
  CHECK(CanonicalCharset("ISO-8859-1") == "windows-1252");
  CHECK(CanonicalCharset(" Latin1 ") == "windows-1252");
  CHECK(CanonicalCharset("UTF8") == "utf-8");
  CHECK(CanonicalCharset("GB2312") == "gbk");
  CHECK(CharsetFromContentType("text/html; Charset=\"UTF-8\"") == "utf-8");
  CHECK(CharsetFromContentType("text/html") == "");
}

}  // namespace
}  // namespace cleaner
