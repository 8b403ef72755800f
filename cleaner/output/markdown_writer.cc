// Blocks -> CommonMark. See markdown_writer.h for the mapping.
#include "cleaner/output/markdown_writer.h"

#include <algorithm>

namespace cleaner {

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The lines of `text` joined by `sep` (a hard break and the next line's
// prefix).
std::string JoinLines(std::string_view text, std::string_view sep) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    out.append(text.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (nl == std::string_view::npos) break;
    out.append(sep);
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::string EscapeMarkdown(std::string_view text, bool line_start, bool table_cell,
                           bool at_start) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  bool at_line_start = at_start;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char prev = i > 0 ? static_cast<unsigned char>(text[i - 1]) : ' ';
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : ' ';
    if (line_start && at_line_start) {
      at_line_start = false;
      if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == '~') {
        out.push_back('\\');
        out.push_back(static_cast<char>(c));
        continue;
      }
      // "1. " or "1) " would open an ordered list.
      size_t d = i;
      while (d < text.size() && d - i < 10 && text[d] >= '0' && text[d] <= '9') ++d;
      if (d > i && d < text.size() && (text[d] == '.' || text[d] == ')') &&
          (d + 1 == text.size() || text[d + 1] == ' ' || text[d + 1] == '\n')) {
        out.append(text.substr(i, d - i));
        out.push_back('\\');
        out.push_back(text[d]);
        i = d;
        continue;
      }
    }
    bool escape = false;
    switch (c) {
      case '\\': case '`': case '*': case '[': case ']': case '<':
        escape = true;
        break;
      case '_':  // intraword "snake_case" cannot open emphasis
        escape = !IsAsciiAlnum(prev) || !IsAsciiAlnum(next);
        break;
      case '~':  // "~~" is GFM strikethrough
        escape = prev == '~' || next == '~';
        break;
      case '&':  // "&amp;" would be read as an entity
        escape = IsAsciiAlnum(next) || next == '#';
        break;
      case '#':  // a closing sequence of an ATX heading
        escape = prev == ' ';
        break;
      case '|':
        escape = table_cell;
        break;
      case '\n':
        at_line_start = true;
        break;
      default:
        break;
    }
    if (escape) out.push_back('\\');
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string MarkdownDestination(std::string_view url) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : url) {
    if (c <= ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\\' || c == 0x7F) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string MarkdownWriter::InlineText(const Block& block, bool line_start) const {
  std::string out;
  std::string_view text = block.text;
  size_t pos = 0;
  for (const InlineLink& link : block.links) {
    if (link.image || link.text.empty()) continue;
    const size_t at = text.find(link.text, pos);
    if (at == std::string_view::npos) continue;
    const bool starts_line = at == 0 || text[at - 1] == '\n';
    out += EscapeMarkdown(text.substr(pos, at - pos), line_start, false,
                          pos == 0 || text[pos - 1] == '\n');
    out += "[";
    out += EscapeMarkdown(link.text, line_start && starts_line, false, starts_line);
    out += "](" + MarkdownDestination(link.target) + ")";
    pos = at + link.text.size();
  }
  out += EscapeMarkdown(text.substr(pos), line_start, false, pos == 0 || text[pos - 1] == '\n');
  return out;
}

void MarkdownWriter::WriteImages(const Block& block, bool leading) {
  for (const InlineLink& image : block.links) {
    if (!image.image || image.leading != leading) continue;
    std::string alt = image.text;
    std::replace(alt.begin(), alt.end(), '\n', ' ');
    if (leading) {
      out_->append("![" + EscapeMarkdown(alt, false) + "](" + MarkdownDestination(image.target) +
                   ")\n\n");
    } else {
      out_->append("\n\n![" + EscapeMarkdown(alt, false) + "](" +
                   MarkdownDestination(image.target) + ")");
    }
  }
}

Status MarkdownWriter::BeginDocument(const DocumentInfo&) {
  lists_.clear();
  in_list_ = in_list_before_ = false;
  return Status::OK();
}

Status MarkdownWriter::Push(Block block) {
  const bool list_item = block.kind == BlockKind::kListItem;
  if (!out_->empty() && !(list_item && in_list_)) out_->push_back('\n');
  if (!list_item) lists_.clear();
  in_list_before_ = in_list_;
  in_list_ = list_item;
  // Images inside list items and tables would break the list or the
  // table: only blocks of their own take them.
  const bool images = !list_item && block.kind != BlockKind::kTable;
  if (images) WriteImages(block, true);
  switch (block.kind) {
    case BlockKind::kHeading: {
      std::replace(block.text.begin(), block.text.end(), '\n', ' ');
      for (InlineLink& l : block.links) std::replace(l.text.begin(), l.text.end(), '\n', ' ');
      out_->append(static_cast<size_t>(std::clamp(block.level, 1, 6)), '#');
      out_->push_back(' ');
      out_->append(InlineText(block, false));
      break;
    }
    case BlockKind::kListItem:
      WriteListItem(block);
      break;
    case BlockKind::kTable:
      WriteTable(block);
      break;
    case BlockKind::kPreformatted:
      WriteCode(block);
      break;
    case BlockKind::kQuote:
      out_->append("> ");
      out_->append(JoinLines(InlineText(block, true), "\\\n> "));
      break;
    case BlockKind::kParagraph:
      out_->append(JoinLines(InlineText(block, true), "\\\n"));
      break;
  }
  if (images) WriteImages(block, false);
  out_->push_back('\n');
  return Status::OK();
}

void MarkdownWriter::WriteListItem(const Block& block) {
  const int level = std::max(block.level, 1);
  while (!lists_.empty() && lists_.back().level > level) lists_.pop_back();
  if (!lists_.empty() && lists_.back().level == level && lists_.back().ordered != block.ordered) {
    lists_.pop_back();  // a list of the other kind at the same depth: a new list
  }
  if (lists_.empty() || lists_.back().level < level) {
    // A new list at the left edge after another list: a blank line between.
    if (lists_.empty() && in_list_before_) out_->push_back('\n');
    size_t indent = lists_.empty() ? 0 : lists_.back().content;
    lists_.push_back({level, block.ordered, 0, indent, indent});
  }
  OpenList& list = lists_.back();
  ++list.count;
  std::string marker = list.ordered ? std::to_string(list.count) + ". " : "- ";
  list.content = list.indent + marker.size();
  out_->append(list.indent, ' ');
  out_->append(marker);
  std::string sep = "\\\n" + std::string(list.content, ' ');
  out_->append(JoinLines(InlineText(block, true), sep));
}

void MarkdownWriter::WriteTable(const Block& block) {
  std::vector<std::vector<std::string_view>> rows;
  size_t columns = 1;
  size_t start = 0;
  std::string_view text = block.text;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::vector<std::string_view> row;
    size_t cell = start;
    while (true) {
      size_t tab = text.find('\t', cell);
      if (tab == std::string_view::npos || tab > nl) tab = nl;
      row.push_back(text.substr(cell, tab - cell));
      if (tab == nl) break;
      cell = tab + 1;
    }
    columns = std::max(columns, row.size());
    rows.push_back(std::move(row));
    start = nl + 1;
  }
  size_t first = 0;
  if (rows.size() > 1 && rows[0].size() == 1 && columns > 1) {
    // A one-cell first row is the caption: a line of its own, so that the
    // header row has every column (GFM cuts rows to the header's width).
    out_->append(EscapeMarkdown(rows[0][0], true));
    out_->append("\n\n");
    first = 1;
  }
  for (size_t r = first; r < rows.size(); ++r) {
    if (r > first) out_->push_back('\n');
    for (size_t c = 0; c < columns; ++c) {
      out_->append(c == 0 ? "| " : " | ");
      if (c < rows[r].size()) out_->append(EscapeMarkdown(rows[r][c], false, true));
    }
    out_->append(" |");
    if (r == first) {
      out_->push_back('\n');
      for (size_t c = 0; c < columns; ++c) out_->append(c == 0 ? "| --- |" : " --- |");
    }
  }
}

void MarkdownWriter::WriteCode(const Block& block) {
  // The fence is longer than any run of backticks in the code.
  size_t longest = 0, run = 0;
  for (char c : block.text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  out_->append(fence);
  out_->push_back('\n');
  out_->append(block.text);
  out_->push_back('\n');
  out_->append(fence);
}

}  // namespace cleaner
