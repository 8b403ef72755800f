// Tests for the Markdown sink (cleaner/output/markdown_writer.h) and the
// YAML front matter (front_matter.h). tests/markdown_test.py reads the
// output back with a CommonMark parser; these pin the exact form.
#include <catch2/catch.hpp>

#include <vector>

#include "cleaner/output/front_matter.h"
#include "cleaner/output/markdown_writer.h"

namespace cleaner {
namespace {

Block B(BlockKind kind, std::string text, int level = 0, bool ordered = false) {
  Block b;
  b.kind = kind;
  b.text = std::move(text);
  b.level = level;
  b.ordered = ordered;
  return b;
}

std::string Write(std::vector<Block> blocks) {
  std::string out;
  MarkdownWriter w(&out);
  Metadata m;
  Stats s;
  DocumentInfo doc{&m, &s, nullptr};
  REQUIRE(w.BeginDocument(doc).ok());
  for (Block& b : blocks) REQUIRE(w.Push(std::move(b)).ok());
  REQUIRE(w.EndDocument().ok());
  return out;
}

TEST_CASE("headings - paragraphs and quotes - one blank line between blocks", "[markdown]") {
  CHECK(Write({}) == "");
  CHECK(Write({B(BlockKind::kHeading, "Title", 2), B(BlockKind::kParagraph, "One.\nTwo."),
               B(BlockKind::kQuote, "Said\nonce.")}) ==
        "## Title\n\nOne.\\\nTwo.\n\n> Said\\\n> once.\n");
}

TEST_CASE("lists nest by depth - number per list - and stay tight", "[markdown]") {
  std::string md = Write({B(BlockKind::kListItem, "a", 1), B(BlockKind::kListItem, "b", 1),
                          B(BlockKind::kListItem, "b1", 2, true),
                          B(BlockKind::kListItem, "b2", 2, true),
                          B(BlockKind::kListItem, "b2x", 3), B(BlockKind::kListItem, "c", 1),
                          B(BlockKind::kParagraph, "after"),
                          B(BlockKind::kListItem, "new", 2, true)});
  CHECK(md ==
        "- a\n- b\n  1. b1\n  2. b2\n     - b2x\n- c\n\nafter\n\n1. new\n");
  // Ten items: the children of the tenth are indented past "10. ".
  std::vector<Block> ten;
  for (int i = 0; i < 10; ++i) ten.push_back(B(BlockKind::kListItem, "x", 1, true));
  ten.push_back(B(BlockKind::kListItem, "child", 2));
  CHECK(Write(std::move(ten)).find("10. x\n    - child\n") != std::string::npos);
  // A bullet list right after a numbered one at the left edge: a new list.
  CHECK(Write({B(BlockKind::kListItem, "n", 1, true), B(BlockKind::kListItem, "b", 1)}) ==
        "1. n\n\n- b\n");
}

TEST_CASE("a table: header row - padded rows - escaped pipes - caption", "[markdown]") {
  CHECK(Write({B(BlockKind::kTable, "Name\tAge\nAnn|B\t31\nBo")}) ==
        "| Name | Age |\n| --- | --- |\n| Ann\\|B | 31 |\n| Bo |  |\n");
  CHECK(Write({B(BlockKind::kTable, "People\nName\tAge\nAnn\t31")}) ==
        "People\n\n| Name | Age |\n| --- | --- |\n| Ann | 31 |\n");
}

TEST_CASE("code is fenced and kept byte for byte", "[markdown]") {
  CHECK(Write({B(BlockKind::kPreformatted, "if x:\n\ty  =  1\n\n# done")}) ==
        "```\nif x:\n\ty  =  1\n\n# done\n```\n");
  CHECK(Write({B(BlockKind::kPreformatted, "a ```` b")}) == "`````\na ```` b\n`````\n");
}

TEST_CASE("text that would be markup is escaped", "[markdown]") {
  CHECK(EscapeMarkdown("*a* _b_ snake_case [c] <d> `e` \\ &amp; & x", true) ==
        "\\*a\\* \\_b\\_ snake_case \\[c\\] \\<d> \\`e\\` \\\\ \\&amp; & x");
  CHECK(EscapeMarkdown("# h", true) == "\\# h");
  CHECK(EscapeMarkdown("- a\n+ b\n> c\n1. d\n2) e\n===\n~~~ f ~~g~~", true) ==
        "\\- a\n\\+ b\n\\> c\n1\\. d\n2\\) e\n\\===\n\\~\\~\\~ f \\~\\~g\\~\\~");
  CHECK(EscapeMarkdown("1999. A year", true) == "1999\\. A year");
  CHECK(EscapeMarkdown("1.5 million", true) == "1.5 million");
  CHECK(EscapeMarkdown("C# and F #", false) == "C# and F \\#");
  CHECK(EscapeMarkdown("a | b", false) == "a | b");
  CHECK(EscapeMarkdown("a | b", false, true) == "a \\| b");
}

TEST_CASE("links are written where their text is - images as paragraphs of their own",
          "[markdown]") {
  Block p = B(BlockKind::kParagraph, "See the *new* table or the old one.");
  p.links = {{"*new* table", "https://h.example/t (1)", false, false},
             {"gone text", "https://h.example/x", false, false},  // repaired away: plain
             {"old one", "https://h.example/o", false, false},
             {"A gauge", "https://h.example/g.jpg", true, true},
             {"Office [east]", "https://h.example/o.jpg", true, false}};
  CHECK(Write({std::move(p)}) ==
        "![A gauge](https://h.example/g.jpg)\n\n"
        "See the [\\*new\\* table](https://h.example/t%20%281%29) or the "
        "[old one](https://h.example/o).\n\n"
        "![Office \\[east\\]](https://h.example/o.jpg)\n");
  // A link that opens the text, and one in a heading and a list item.
  Block h = B(BlockKind::kHeading, "Tides today", 2);
  h.links = {{"Tides", "/t", false, false}};
  Block li = B(BlockKind::kListItem, "1. Read the table", 1);
  li.links = {{"1. Read", "/r", false, false}, {"x", "/img.png", true, true}};
  CHECK(Write({std::move(h), std::move(li)}) == "## [Tides](/t) today\n\n- [1\\. Read](/r) the table\n");
  CHECK(MarkdownDestination("https://a.example/a b(c)<d>\\e") ==
        "https://a.example/a%20b%28c%29%3Cd%3E%5Ce");
}

TEST_CASE("front matter: every key - JSON-quoted values", "[markdown]") {
  Metadata m;
  m.title = "A \"quoted\" title: yes";
  m.date = "2020-06-16";
  std::string fm = FormatFrontMatter(m);
  CHECK(fm.rfind("---\ntitle: \"A \\\"quoted\\\" title: yes\"\nauthor: \"\"\ndate: \"2020-06-16\"\n",
                 0) == 0);
  for (const char* key : {"date_modified:", "site_name:", "host:", "url:", "canonical_url:",
                          "description:", "language:", "license:"}) {
    CHECK(fm.find(std::string("\n") + key + " \"\"\n") != std::string::npos);
  }
  CHECK(fm.find("\ncategories: []\ntags: []\n") != std::string::npos);
  m.tags = {"floods", "a \"quoted\" tag"};
  CHECK(FormatFrontMatter(m).find("\ntags: [\"floods\",\"a \\\"quoted\\\" tag\"]\n") !=
        std::string::npos);
  CHECK(fm.size() > 8);
  CHECK(fm.substr(fm.size() - 4) == "---\n");
}

}  // namespace
}  // namespace cleaner
