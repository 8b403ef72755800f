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
