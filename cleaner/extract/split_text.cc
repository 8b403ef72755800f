// Stage 2b, segment scraped text into paragraphs. See split_text.h.
#include "cleaner/extract/split_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "cleaner/util/deadline.h"
#include "cleaner/util/line_ending.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// True for code points that show nothing: White_Space, and the invisible
// format characters the normalizer deletes.
bool IsBlankCodePoint(char32_t cp) {
  // ESC starts a terminal escape sequence, which the normalizer removes
  // whole: trimmed alone, it would leave `[1;32m` at a line's start.
  if (cp == 0x1B) return false;
  // A C1 control that Windows-1252 gives a character to (U+0084 `„`, U+0085
  // `…`, U+0094 `”`) is text read as Latin-1: the repair stage restores it,
  // so it is no blank to trim (issue 13). 0x81 0x8D 0x8F 0x90 0x9D have none.
  if (cp >= 0x80 && cp < 0xA0) {
    return cp == 0x81 || cp == 0x8D || cp == 0x8F || cp == 0x90 || cp == 0x9D;
  }
  return u_isUWhiteSpace(static_cast<UChar32>(cp)) || cp == 0x200B || cp == 0xFEFF ||
         cp == 0x00AD || cp == 0x2060 || (cp < 0x20) || (cp >= 0x7F && cp < 0xA0);
}

// True for the bytes 0x21..0x7E: visible ASCII, never blank.
bool IsVisibleAsciiByte(char c) {
  return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F;
}

std::string_view TrimBlank(std::string_view s) {
  // Most lines start and end with a visible ASCII character: nothing to
  // trim, and no code point to look up.
  if (!s.empty() && IsVisibleAsciiByte(s.front()) && IsVisibleAsciiByte(s.back())) return s;
  size_t b = 0;
  while (b < s.size()) {
    size_t p = b;
    if (!IsBlankCodePoint(NextCodePoint(s, &p))) break;
    b = p;
  }
  size_t e = s.size();
  while (e > b) {
    size_t p = e;
    const char32_t cp = PrevCodePoint(s, &p);
    if (!IsBlankCodePoint(cp)) break;
    // An undefined C1 control after a non-ASCII character may be the last
    // byte of a misread UTF-8 sequence (`ðŸ‘` + U+008D is `👍` read through
    // lenient Windows-1252): the repair stage reads it, the normalizer
    // deletes it if it stays a control.
    if (cp >= 0x80 && cp < 0xA0 && p > b) {
      size_t q = p;
      const char32_t before = PrevCodePoint(s, &q);
      if (before >= 0x80 && !IsBlankCodePoint(before)) break;
    }
    // So may a no-break space after `Ã` that ends a word (`voilÃ` + U+00A0
    // is `voilà`, C3 A0, at a line's end).
    if (cp == 0xA0 && p > b + 1) {
      size_t q = p;
      const char32_t before = PrevCodePoint(s, &q);
      const char32_t two_before = q > b ? PrevCodePoint(s, &q) : 0;
      if (before == 0xC3 && u_islower(static_cast<UChar32>(two_before))) break;
    }
    e = p;
  }
  return s.substr(b, e - b);
}

size_t FirstWordLength(std::string_view line) {
  size_t pos = 0, n = 0;
  while (pos < line.size()) {
    char32_t cp = NextCodePoint(line, &pos);
    if (IsBlankCodePoint(cp)) break;
    ++n;
  }
  return n;
}

// A line that starts a list item or a heading is never a continuation.
bool StartsNewItem(std::string_view line) {
  if (line.empty()) return true;
  unsigned char c = static_cast<unsigned char>(line[0]);
  if ((c == '-' || c == '*' || c == '+' || c == '#' || c == '>') && line.size() > 1 &&
      line[1] == ' ')
    return true;
  if (line.rfind("\xE2\x80\xA2", 0) == 0) return true;  // U+2022 bullet
  size_t i = 0;
  while (i < line.size() && i < 3 && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

// True if the break after `line` (trimmed, `len` code points) was forced by
// width `width`: the first word of `next` would not have fit.
bool IsForcedBreak(size_t len, std::string_view next, size_t width) {
  // +1 slack: wrappers differ on whether the limit counts the last column.
  return len + 1 + FirstWordLength(next) > width + 1 && len <= width;
}

// Splits on '\n' after turning CR LF, lone CR, U+2028 into '\n' and U+2029
// into a blank line. The text between such marks is copied in one piece:
// CR is found with memchr, and U+2028/U+2029 among the E2 lead bytes, which
// are few (one per curly quote or dash). Returns `in` itself when it has
// none of these marks, else the unified text, kept in *storage.
std::string_view UnifyLineBreaks(std::string_view in, std::string* storage) {
  const size_t n = in.size();
  // The next U+2028/U+2029 at or after `from`, or n.
  auto next_separator = [&](size_t from) {
    for (size_t i = from; i < n; ++i) {
      const void* p = std::memchr(in.data() + i, 0xE2, n - i);
      if (p == nullptr) return n;
      i = static_cast<size_t>(static_cast<const char*>(p) - in.data());
      if (i + 2 < n && in[i + 1] == '\x80' && (in[i + 2] == '\xA8' || in[i + 2] == '\xA9')) {
        return i;
      }
    }
    return n;
  };
  size_t cr = in.find('\r');
  if (cr == std::string_view::npos) cr = n;
  size_t sep = next_separator(0);
  if (cr == n && sep == n) return in;
  std::string& out = *storage;
  out.clear();
  out.reserve(n);
  size_t i = 0;
  while (i < n) {
    if (cr < i) {
      cr = in.find('\r', i);
      if (cr == std::string_view::npos) cr = n;
    }
    if (sep < i) sep = next_separator(i);
    const size_t j = std::min(cr, sep);
    out.append(in.data() + i, j - i);
    if (j == n) break;
    if (j == cr) {
      out.push_back('\n');
      i = j + 1;
      if (i < n && in[i] == '\n') ++i;
    } else {
      out += in[j + 2] == '\xA8' ? "\n" : "\n\n";
      i = j + 3;
    }
  }
  return out;
}

// Calls visit(line) for every line of `text` (split at '\n', trimmed), in
// order, while visit returns true. Lines are read from the text each time
// (a vector of them cost 16 bytes a line: eight times a text of one-letter
// lines).
template <class Visit>
void ForEachLine(std::string_view text, Visit visit) {
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    if (!visit(TrimBlank(text.substr(pos, nl - pos)))) return;
    pos = nl + 1;
  }
}

// The width at which the lines `for_each_line(visit)` gives look
// hard-wrapped, or 0 if they do not: at least two lines continue on the
// next line and most such lines were broken because the next word would
// not have fit within the widest of them. Two passes: the widest
// candidate line, then the breaks it forced.
template <class ForEach>
size_t WrapWidthOf(ForEach for_each_line) {
  // Candidates: non-blank lines followed by a non-blank line.
  // 160: fixed-width wrapping happens at 60-100 columns; wider "lines" are
  // paragraphs that were never wrapped.
  constexpr size_t kMaxWidth = 160;
  size_t width = 0, candidates = 0;
  bool wide = false, started = false;
  std::string_view prev;
  auto is_candidate = [&](std::string_view line) {
    return started && !prev.empty() && !line.empty() && !StartsNewItem(line);
  };
  for_each_line([&](std::string_view line) {
    if (is_candidate(line)) {
      // One candidate wider than kMaxWidth makes `width` so: the answer is 0
      // whatever the other lines are. (A code point has at most four bytes,
      // so a line of more bytes than 4 * kMaxWidth is one, uncounted.)
      const size_t len = prev.size() > 4 * kMaxWidth ? kMaxWidth + 1 : CountCodePoints(prev);
      if (len > kMaxWidth) {
        wide = true;
        return false;
      }
      ++candidates;
      width = std::max(width, len);
    }
    prev = line;
    started = true;
    return true;
  });
  if (wide || candidates < 2 || width < 20) return 0;
  size_t forced = 0;
  started = false;
  for_each_line([&](std::string_view line) {
    if (is_candidate(line)) forced += IsForcedBreak(CountCodePoints(prev), line, width);
    prev = line;
    started = true;
    return true;
  });
  // 0.6: in wrapped prose nearly every continued line is full; in a list of
  // short lines only the longest are.
  return forced * 10 >= candidates * 6 ? width : 0;
}

// A line that starts with a web address (put on a line of its own).
bool IsUrlStart(std::string_view line) {
  const size_t word = line.find(' ');
  const std::string_view first = line.substr(0, word);
  return first.find("://") != std::string_view::npos || first.rfind("www.", 0) == 0;
}

// A line that goes on with a word in lower case, not a web address.
bool GoesOnInLowerCase(std::string_view line) {
  size_t p = 0;
  return u_islower(static_cast<UChar32>(NextCodePoint(line, &p))) && !IsUrlStart(line);
}

// A line that ends a sentence (or announces what follows, with ':').
bool EndsSentence(std::string_view line) {
  const Ending e = EndingOf(line);
  return e == Ending::kTerminal || e == Ending::kQuestion || e == Ending::kColon;
}

// A word hyphenated at the break ("long-" + "term") is joined without a
// space and keeps its hyphen: compounds are common, and dropping a real
// hyphen is worse than keeping a syllable one.
bool HyphenatedAtBreak(std::string_view prev) {
  return prev.size() >= 2 && prev.back() == '-' &&
         std::isalpha(static_cast<unsigned char>(prev[prev.size() - 2]));
}

}  // namespace

int JoinWrappedLines(std::string* text) {
  if (text->find('\n') == std::string::npos) return 0;
  const std::string_view t = *text;
  // A block's few lines say less than a text file's many: the width must
  // be a wrapping width, and half the breaks at least must fall inside a
  // sentence (the next line goes on with a word in lower case). A list's
  // items, a specification's rows and a sentence per line start with a
  // capital; a link on a line of its own is put there.
  constexpr size_t kMinBlockWidth = 40;
  const size_t width = WrapWidthOf([&](auto visit) { ForEachLine(t, visit); });
  if (width < kMinBlockWidth) return 0;
  int breaks = 0, lower = 0;
  ForEachLine(t, [&, started = false](std::string_view line) mutable {
    if (started && !line.empty()) {
      ++breaks;
      lower += GoesOnInLowerCase(line);
    }
    started = true;
    return true;
  });
  if (lower * 2 < breaks) return 0;
  std::string out;
  out.reserve(t.size());
  int joined = 0;
  size_t begin = 0;  // of the current line
  for (size_t nl = t.find('\n'); nl != std::string_view::npos; nl = t.find('\n', begin)) {
    const std::string_view prev = TrimBlank(t.substr(begin, nl - begin));
    const size_t next_end = std::min(t.find('\n', nl + 1), t.size());
    const std::string_view next = TrimBlank(t.substr(nl + 1, next_end - nl - 1));
    out.append(t.data() + begin, nl - begin);
    // A break is joined where the line before is full (within a quarter of
    // the width: the next word did not fit) and no sentence ends there
    // before a capital.
    const size_t len = CountCodePoints(prev);
    if (!prev.empty() && !next.empty() && !StartsNewItem(next) && len * 4 >= width * 3 &&
        IsForcedBreak(len, next, width) && !IsUrlStart(next) &&
        !(EndsSentence(prev) && !GoesOnInLowerCase(next))) {
      ++joined;
      if (!HyphenatedAtBreak(prev)) out.push_back(' ');
    } else {
      out.push_back('\n');
    }
    begin = nl + 1;
  }
  out.append(t.data() + begin, t.size() - begin);
  if (joined > 0) *text = std::move(out);
  return joined;
}

Status SplitText(std::string_view utf8, const DocumentInfo& doc, BlockSink* out) {
  std::string unified;
  const std::string_view text = UnifyLineBreaks(utf8, &unified);
  size_t breaks = 0;
  for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
    ++breaks;
  }
  out->Reserve(breaks + 1);  // every block is one line or more
  const size_t width = WrapWidthOf([&](auto visit) { ForEachLine(text, visit); });
  if (width > 0) {
    ExplainEvent ev;
    ev.stage = "segment";
    ev.action = ExplainEvent::Action::kInfo;
    ev.rule = "hard-wrap";
    ev.after = "lines wrapped at " + std::to_string(width) + " columns are re-joined";
    Explain(doc, ev);
  }
  int index = 0;
  std::string para;
  std::string_view prev;  // the line before, when `para` is not empty
  Status status;
  auto flush = [&]() -> Status {
    if (para.empty()) return Status::OK();
    Block b;
    b.text = std::move(para);
    b.index = index++;
    para.clear();
    ++doc.stats->blocks_in;
    return out->Push(std::move(b));
  };
  ForEachLine(text, [&](std::string_view line) {
    if (DeadlinePassed(doc.deadline)) {
      status = doc.deadline->Error("the segmenter");
      return false;
    }
    if (line.empty()) {
      status = flush();
      return status.ok();
    }
    if (!para.empty()) {
      bool join =
          width > 0 && !StartsNewItem(line) && IsForcedBreak(CountCodePoints(prev), line, width);
      if (!join) {
        status = flush();
        if (!status.ok()) return false;
      } else {
        ++doc.stats->lines_joined;
        if (!HyphenatedAtBreak(prev)) para.push_back(' ');
      }
    }
    para.append(line.data(), line.size());
    prev = line;
    return true;
  });
  CLEANER_RETURN_IF_ERROR(status);
  return flush();
}

}  // namespace cleaner
