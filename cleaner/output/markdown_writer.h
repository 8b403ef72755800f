// Stage 6, the sink, in Markdown: blocks -> CommonMark (with GFM tables).
//
//   heading     "## Text" (its level)
//   paragraph   the text; a line break inside it (<br>) is a hard break ("\" at the line's end)
//   list item   "- Text" or "1. Text", nested by Block::level (a child is indented to its
//               parent's text); consecutive items form one tight list
//   table       a GFM table whose first row is the header: "| a | b |", "| --- | --- |", ...
//               (a first row of one cell in a wider table is its caption: a paragraph before)
//   code        a fenced block (``` or longer than any run of backticks inside) that keeps the
//               <pre> text byte for byte
//   quote       "> Text"
//   link        "[text](url)" inside a heading, paragraph, list item or quote, when the block
//               carries it (Block::links: --links); a link whose text the later stages changed
//               is left as text
//   image       "![alt](src)" as a paragraph of its own, before the block it was met ahead of
//               (a figure's image before its caption), else after it (--images)
//
// Text is escaped so that it reads back as the same text: characters that
// would start emphasis, code, links, HTML or entities (\ ` * [ ] < and _ or
// ~ where they could pair, & before a name) get a backslash, and so does a
// line start that would open a block (#, >, -, +, 1., =, ~). Blocks are
// separated by one blank line (list items of one list by a line break); the
// text ends with one '\n'; a document without blocks gives "".
#ifndef CLEANER_OUTPUT_MARKDOWN_WRITER_H_
#define CLEANER_OUTPUT_MARKDOWN_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/block.h"

namespace cleaner {

class MarkdownWriter : public BlockSink {
 public:
  // Appends to *out, which must outlive this object.
  explicit MarkdownWriter(std::string* out) : out_(out) {}
  Status BeginDocument(const DocumentInfo&) override;
  Status Push(Block block) override;
  Status EndDocument() override { return Status::OK(); }

 private:
  struct OpenList {
    int level;         // Block::level of its items
    bool ordered;
    int count;         // items so far
    size_t indent;     // columns before its markers
    size_t content;    // columns before its items' text
  };
  void WriteListItem(const Block& block);
  void WriteTable(const Block& block);
  void WriteCode(const Block& block);
  // The block's text escaped, with its links as [text](url).
  std::string InlineText(const Block& block, bool line_start) const;
  void WriteImages(const Block& block, bool leading);

  std::string* out_;
  std::vector<OpenList> lists_;  // open lists, outermost first
  bool in_list_ = false;         // the last block was a list item
  bool in_list_before_ = false;  // the one before this one was
};

// `text` escaped for Markdown inline content (see above). `line_start`
// escapes block markers at the start of each line; `table_cell` also
// escapes '|'.
// `at_start`: `text` begins a line (false for a piece after a link).
std::string EscapeMarkdown(std::string_view text, bool line_start, bool table_cell = false,
                           bool at_start = true);

// A link destination that needs no angle brackets: bytes that would end or
// break it (space, parentheses, '<', '>', '\\', controls) percent-encoded.
std::string MarkdownDestination(std::string_view url);

}  // namespace cleaner

#endif  // CLEANER_OUTPUT_MARKDOWN_WRITER_H_
