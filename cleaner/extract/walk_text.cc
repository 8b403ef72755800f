// Stage 2a, extract: the text of the walk's blocks: inline text joined with
// correct spacing (HTML white space collapsed, none invented between inline
// elements), line breaks, data-table cells and rows, and the flush that
// ends a block with its counts (characters, link text, commas, sentence
// stops, stop words) and, with --links and --images, its links and images.
// See walk.h.
#include <algorithm>
#include <string>
#include <utility>

#include "cleaner/extract/extract_rules.h"
#include "cleaner/extract/html_text.h"
#include "cleaner/extract/walk.h"

namespace cleaner::extract_internal {

void Walker::AppendText(std::string_view text) {
  for (unsigned char c : text) {
    if (IsSpace(c)) {
      if (!cur_.empty() && cur_.back() != '\n' && !cell_start_) pending_space_ = true;
      continue;
    }
    cell_start_ = false;
    if (pending_space_) {
      cur_ += ' ';
      pending_space_ = false;
    }
    cur_ += static_cast<char>(c);
    if ((c & 0xC0) != 0x80) {  // count characters, not bytes
      ++cur_chars_;
      if (link_depth_ > 0) ++cur_links_;
      if (card_depth_ > 0) ++cur_cards_;
      cjk_lead_ = c == 0xE3 || c == 0xEF;
      if (c == ',')
        ++cur_commas_;
      else if (c == '.' || c == '!' || c == '?' || c == ';')
        ++cur_stops_;
    } else if (cjk_lead_) {
      // CJK punctuation: U+3001 、 U+3002 。 and fullwidth U+FF0C ， U+FF01 ！
      // U+FF1F ？ (the last byte decides; lead bytes E3 80 / EF BC).
      unsigned char p = static_cast<unsigned char>(cur_[cur_.size() - 2]);
      if (p == 0x80 && c == 0x81)
        ++cur_commas_;
      else if (p == 0x80 && c == 0x82)
        ++cur_stops_;
      else if (p == 0xBC && c == 0x8C)
        ++cur_commas_;
      else if (p == 0xBC && (c == 0x81 || c == 0x9F))
        ++cur_stops_;
      if (p != 0xE3 && p != 0xEF) cjk_lead_ = false;
    }
  }
}

void Walker::AppendRaw(std::string_view text) {
  for (unsigned char c : text) {
    if (c == '\r') continue;
    cur_ += static_cast<char>(c);
    if (!IsSpace(c) && (c & 0xC0) != 0x80) {
      ++cur_chars_;
      if (link_depth_ > 0) ++cur_links_;
      if (card_depth_ > 0) ++cur_cards_;
    }
  }
  pending_space_ = false;
}

void Walker::Break() {
  if (table_depth_ > 0) {
    if (!cur_.empty()) pending_space_ = true;
    return;
  }
  if (pre_depth_ > 0) {
    cur_ += '\n';
    return;
  }
  while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
  pending_space_ = false;
  if (cur_.empty()) return;
  if (cur_.back() == '\n') {
    // <br><br>: the page's way of separating paragraphs.
    cur_.pop_back();
    Flush();
    return;
  }
  cur_ += '\n';
}

void Walker::CellSeparator() {
  while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
  pending_space_ = false;
  if (cells_in_row_ > 0) cur_ += '\t';
  ++cells_in_row_;
  cell_start_ = true;
}

void Walker::Flush() {
  pending_space_ = false;
  if (cur_chars_ == 0) {
    cur_.clear();
    cur_links_ = cur_cards_ = cur_commas_ = cur_stops_ = cur_titles_ = 0;
    if (link_open_at_ > 0) link_open_at_ = 0;
    // An image without text around it (a figure) goes with the next block.
    cur_inline_.erase(std::remove_if(cur_inline_.begin(), cur_inline_.end(),
                                     [](const InlineLink& l) { return !l.image; }),
                      cur_inline_.end());
    for (InlineLink& l : cur_inline_) l.leading = true;
    for (OpenAnchor& a : anchors_) a.at = 0;
    return;
  }
  if (pre_depth_ == 0) {
    while (!cur_.empty() && (cur_.back() == ' ' || cur_.back() == '\n')) cur_.pop_back();
  } else {
    while (!cur_.empty() && IsSpace(static_cast<unsigned char>(cur_.back()))) cur_.pop_back();
    size_t start = 0;
    while (start < cur_.size() && cur_[start] == '\n') ++start;
    cur_.erase(0, start);
  }
  RawBlock b;
  b.owner = Owner();
  if (table_depth_ > 0) {
    b.kind = BlockKind::kTable;
  } else if (pre_depth_ > 0) {
    b.kind = BlockKind::kPreformatted;
  } else if (heading_ > 0) {
    b.kind = BlockKind::kHeading;
    b.level = heading_;
  } else if (list_depth_ > 0) {
    b.kind = BlockKind::kListItem;
    b.level = list_depth_;
    b.ordered = !list_ordered_.empty() && list_ordered_.back();
  } else if (quote_depth_ > 0) {
    b.kind = BlockKind::kQuote;
  }
  b.chars = cur_chars_;
  b.link_chars = cur_links_;
  b.card_chars = std::min(cur_cards_, cur_links_);
  b.title_chars = std::min(cur_titles_, cur_links_);
  b.commas = cur_commas_;
  b.stops = cur_stops_;
  rules_.stopwords.Count(cur_, &b.words, &b.stop_words);
  b.text = std::move(cur_);
  b.links = std::move(cur_inline_);
  cur_inline_.clear();
  for (OpenAnchor& a : anchors_) a.at = 0;
  cur_ = std::string();
  cur_chars_ = cur_links_ = cur_cards_ = cur_commas_ = cur_stops_ = cur_titles_ = 0;
  if (link_open_at_ > 0) link_open_at_ = 0;
  blocks.push_back(std::move(b));
}

void Walker::OpenLink(const GumboElement& a) {
  const GumboAttribute* href = gumbo_get_attribute(&a.attributes, "href");
  anchors_.push_back({cur_.size(), blocks.size(), href != nullptr ? Collapse(href->value) : ""});
}

void Walker::CloseLink() {
  if (anchors_.empty()) return;
  OpenAnchor a = std::move(anchors_.back());
  anchors_.pop_back();
  if (a.blocks != blocks.size() || a.at > cur_.size() || a.href.empty()) return;
  std::string text = Collapse(std::string_view(cur_).substr(a.at));
  if (!text.empty()) cur_inline_.push_back({std::move(text), std::move(a.href), false, false});
}

void Walker::ReadImage(const GumboElement& img) {
  std::string src;
  // Lazy-loading pages put the address in data-src and a placeholder in src.
  for (const char* name : {"src", "data-src"}) {
    const GumboAttribute* a = gumbo_get_attribute(&img.attributes, name);
    if (a != nullptr && src.empty()) src = Collapse(a->value);
    if (src.rfind("data:", 0) == 0) src.clear();
  }
  if (src.empty()) return;
  const GumboAttribute* alt = gumbo_get_attribute(&img.attributes, "alt");
  cur_inline_.push_back(
      {alt != nullptr ? Collapse(alt->value) : "", std::move(src), true, cur_chars_ == 0});
}

}  // namespace cleaner::extract_internal
