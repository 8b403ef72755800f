// Tests for the CLI's flag parsing (cleaner/cli/flags.cc).
#include "cleaner/cli/flags.h"

#include <catch2/catch.hpp>

namespace cleaner {
namespace {

TEST_CASE("flags set options and inputs", "[cli]") {
  Flags f;
  REQUIRE(ParseFlags({"-o", "out", "--quotes=ascii", "--input-format", "html", "a.html", "-",
                      "--no-extract", "--", "--weird-name"},
                     &f)
              .ok());
  CHECK(f.output_dir == "out");
  CHECK(f.options.repair.quotes == QuoteStyle::kAscii);
  CHECK(f.options.input_format == InputFormat::kHtml);
  CHECK_FALSE(f.options.extract.main_content);
  CHECK(f.inputs == std::vector<std::string>{"a.html", "-", "--weird-name"});
  CHECK(f.options.extract.favor == Favor::kBalanced);
  // --favor sets both learned models' lean.
  Flags p;
  REQUIRE(ParseFlags({"--favor", "precision"}, &p).ok());
  CHECK(p.options.extract.favor == Favor::kPrecision);
  CHECK(p.options.filter.favor == Favor::kPrecision);
  REQUIRE(ParseFlags({"--favor=recall"}, &p).ok());
  CHECK(p.options.filter.favor == Favor::kRecall);
}

TEST_CASE("limits are set from flags", "[cli]") {
  Flags f;
  REQUIRE(ParseFlags({"--max-seconds", "2.5", "--max-bytes", "1000", "--max-line-bytes=5000",
                      "--max-html-depth", "64", "--max-html-attributes", "8",
                      "--max-html-elements", "1000"},
                     &f)
              .ok());
  CHECK(f.options.limits.max_line_bytes == 5000);
  CHECK(f.options.limits.max_html_depth == 64);
  CHECK(f.options.limits.max_html_attributes == 8);
  CHECK(f.options.limits.max_html_elements == 1000);
  CHECK(f.options.limits.max_document_seconds == 2.5);
  CHECK(f.options.limits.max_document_bytes == 1000);
}

TEST_CASE("bad flags are rejected with a reason", "[cli]") {
  const std::vector<std::vector<std::string>> bad = {
      {"--no-such-flag"}, {"-o"}, {"--quotes", "fancy"}, {"--input-format=pdf"},
      {"--check"},        {"--max-bytes", "-5"}, {"--explain=yes"}, {"-x"},
      {"--max-seconds", "soon"}, {"--max-html-depth", "0"}, {"--favor", "both"},
  };
  for (const auto& args : bad) {
    Flags f;
    Status st = ParseFlags(args, &f);
    INFO(args[0]);
    CHECK(st.code() == Status::Code::kInvalidArgument);
    CHECK_FALSE(st.message().empty());
  }
}

TEST_CASE("help text lists every flag", "[cli]") {
  std::string usage = UsageText();
  for (const char* name : {"--output", "--check", "--input-format", "--no-extract",
                           "--keep-comments", "--filters", "--quotes", "--explain", "--version",
                           "--favor"}) {
    INFO(name);
    CHECK(usage.find(name) != std::string::npos);
  }
}

TEST_CASE("the links and images flags are for Markdown", "[cli]") {
  Flags md;
  REQUIRE(ParseFlags({"--output-format", "markdown", "--links", "--images"}, &md).ok());
  CHECK(md.options.extract.links);
  CHECK(md.options.extract.images);
  Flags jsonl;
  CHECK(ParseFlags({"--output-format", "jsonl", "--markdown", "--links"}, &jsonl).ok());
  Flags text;
  Status st = ParseFlags({"--links"}, &text);
  CHECK(st.code() == Status::Code::kInvalidArgument);
  CHECK(st.message().find("--links is for Markdown") != std::string::npos);
  Flags text2;
  CHECK_FALSE(ParseFlags({"--images", "--output-format", "text"}, &text2).ok());
}

TEST_CASE("separator escapes become bytes", "[cli]") {
  std::string out;
  REQUIRE(UnescapeSeparator("a\\nb\\t\\0\\\\\\x1e", &out).ok());
  CHECK(out == std::string("a\nb\t\0\\\x1e", 7));
  CHECK_FALSE(UnescapeSeparator("\\x1", &out).ok());
  CHECK_FALSE(UnescapeSeparator("\\", &out).ok());
}

}  // namespace
}  // namespace cleaner
