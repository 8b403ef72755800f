// Tests for cleaner/pipeline.cc: stage order and document-level limits.
#include "cleaner/pipeline.h"

#include <catch2/catch.hpp>

namespace cleaner {
namespace {

TEST_CASE("a document over its time budget is a named error", "[limits]") {
  Options o;
  o.limits.max_document_seconds = 1e-9;  // spent before extraction starts
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(o, &c).ok());
  RawDocument raw;
  raw.name = "slow.txt";
  raw.bytes = std::string(1 << 20, 'a');
  Document doc;
  Status st = c->Clean(raw, &doc);
  CHECK(st.code() == Status::Code::kResourceExhausted);
  CHECK(st.message().find("time budget") != std::string::npos);
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("every document's metadata names its language", "[pipeline]") {
  std::unique_ptr<Cleaner> c;
  REQUIRE(Cleaner::Create(Options(), &c).ok());
  RawDocument raw;
  raw.name = "de.txt";
  raw.bytes =
      "Die Freiwilligen trafen sich jeden Samstag und bauten das Rad aus Eichenholz wieder "
      "auf, das ein Bauer aus der Gegend gespendet hatte.\n";
  Document doc;
  REQUIRE(c->Clean(raw, &doc).ok());
  CHECK(doc.metadata.language == "de");
}

}  // namespace
}  // namespace cleaner
