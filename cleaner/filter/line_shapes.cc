// Shapes of a scraped line (see line_shapes.h).
#include "cleaner/filter/line_shapes.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "cleaner/filter/line_filter_rules.h"
#include "cleaner/util/ascii.h"
#include "cleaner/util/utf8.h"

namespace cleaner {
namespace line_filter {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `s` without the spaces at its ends.
std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// A byte of a word: an ASCII letter, or any byte of a multi-byte character
// ("Téléphone", "Hyödyllinen").
bool IsWordByte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return static_cast<unsigned>((u | 0x20) - 'a') < 26u || u >= 0x80;
}

bool IsGuillemet(char32_t c) { return c == 0xAB || c == 0xBB || c == 0x2039 || c == 0x203A; }

// True if `text` holds no guillemet outside [skip_from, skip_to).
bool NoOtherGuillemet(std::string_view text, size_t skip_from, size_t skip_to) {
  size_t p = 0;
  while (p < text.size()) {
    const size_t at = p;
    if (IsGuillemet(NextCodePoint(text, &p)) && (at < skip_from || at >= skip_to)) return false;
  }
  return true;
}

// Digits with `,` `.` or space between groups of three after the first
// (one to three), and optionally a decimal part after the last `,` or `.`:
// "4,999,000", "1 842", "10.5", "82,0". Sets *separated, when given, to
// whether there is a separator.
bool GroupedNumber(std::string_view s, bool* separated = nullptr) {
  bool unused;
  if (separated == nullptr) separated = &unused;
  size_t p = 0;
  while (p < s.size() && IsDigit(s[p])) ++p;
  const size_t first = p;
  if (first == 0) return false;
  *separated = false;
  while (p < s.size()) {
    const char sep = s[p];
    if (sep != ',' && sep != '.' && sep != ' ') return false;
    size_t q = p + 1;
    while (q < s.size() && IsDigit(s[q])) ++q;
    const size_t len = q - p - 1;
    if (len == 0) return false;
    *separated = true;
    const bool thousands = len == 3 && first <= 3;
    if (q == s.size() && sep != ' ' && !thousands) return true;  // the decimal part
    if (!thousands) return false;
    p = q;
  }
  return true;
}

// Splits "LABEL (COUNT)" at its last opening bracket: true with *label and
// *count (spaces around it trimmed) when the line ends with a bracket and
// something stands before it.
bool TrailingBrackets(std::string_view text, std::string_view* label, std::string_view* count) {
  if (text.size() < 4 || text.back() != ')') return false;
  const size_t open = text.rfind('(');
  if (open == std::string_view::npos || open == 0) return false;
  *label = text.substr(0, open);
  *count = TrimSpaces(text.substr(open + 1, text.size() - open - 2));
  return true;
}

bool IsStar(char32_t c) {
  return c == 0x2605 || c == 0x2606 || c == 0x2729 || c == 0x272D || c == 0x272E || c == 0x2B50 ||
         c == 0xBD;  // ★ ☆ ✩ ✭ ✮ ⭐, and ½ of a half star
}

// A score: one or two digits, a decimal part after `.` or `,`, and out of
// what after a slash ("4,6 / 5", "9.1/10", "4.5"). Sets *slash.
bool Score(std::string_view s, bool* slash) {
  size_t p = 0;
  while (p < s.size() && IsDigit(s[p])) ++p;
  if (p == 0 || p > 2) return false;
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
    const size_t q = ++p;
    while (p < s.size() && IsDigit(s[p])) ++p;
    if (p == q) return false;
  }
  while (p < s.size() && s[p] == ' ') ++p;
  *slash = p < s.size() && s[p] == '/';
  if (!*slash) return p == s.size();
  ++p;
  while (p < s.size() && s[p] == ' ') ++p;
  return p < s.size() && GroupedNumber(s.substr(p));
}

}  // namespace

bool FactsLine(std::string_view text) {
  int segments = 0, numbered = 0;
  bool words = false, digits = false, after_space = false;
  auto close = [&] {
    segments += words || digits;
    numbered += digits;
    words = digits = false;
  };
  size_t p = 0;
  while (p < text.size()) {
    const char32_t c = NextCodePoint(text, &p);
    if (after_space && IsSeparatorCodePoint(c) && (p == text.size() || text[p] == ' ')) {
      close();
    } else if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c != ' ') {
      words = true;
    }
    after_space = c == ' ';
  }
  close();
  return segments >= 3 && numbered * 2 >= segments;
}

bool RatingLine(std::string_view text) {
  std::string_view rating, count;
  if (!TrailingBrackets(text, &rating, &count)) return false;
  // The count: a number, then up to two words ("212 opiniones", "27").
  size_t q = 0;
  while (q < count.size() && (IsDigit(count[q]) || count[q] == '.' || count[q] == ',')) ++q;
  if (q == 0 || !IsDigit(count[0])) return false;
  int words = 0;
  bool in_word = false;
  for (; q < count.size(); ++q) {
    if (IsWordByte(count[q])) {
      words += !in_word;
      in_word = true;
    } else if (count[q] == ' ') {
      in_word = false;
    } else {
      return false;
    }
  }
  if (words > 2) return false;
  // The rating: stars, then a score; stars or a score out of something.
  int stars = 0;
  size_t p = 0;
  while (p < rating.size()) {
    size_t next = p;
    const char32_t c = NextCodePoint(rating, &next);
    if (!IsStar(c) && c != ' ') break;
    stars += c != ' ';
    p = next;
  }
  rating.remove_prefix(p);
  while (!rating.empty() && rating.back() == ' ') rating.remove_suffix(1);
  if (rating.empty()) return stars > 0;
  bool slash = false;
  return Score(rating, &slash) && (stars > 0 || slash);
}

bool ArrowAtEdge(std::string_view text) {
  if (text.empty()) return false;
  size_t p = 0;
  const char32_t first = NextCodePoint(text, &p);
  if (first == 0x2190 || first == 0x27F5 || first == 0x25C4 || first == 0x25C0 || first == 0x21D0) {
    return true;
  }
  if ((first == 0xAB || first == 0x2039) && NoOtherGuillemet(text, 0, p)) return true;
  size_t q = text.size();
  const char32_t last = PrevCodePoint(text, &q);
  if (last == 0x2192 || last == 0x27F6 || last == 0x25BA || last == 0x25B6 || last == 0x21D2) {
    return true;
  }
  return (last == 0xBB || last == 0x203A) && NoOtherGuillemet(text, q, text.size());
}

bool PhoneLine(std::string_view text) {
  size_t p = 0;
  // The label: words of letters, each ended by a space, a full stop or a
  // colon.
  for (int words = 0; words < 2 && p < text.size(); ++words) {
    size_t q = p;
    while (q < text.size() && IsWordByte(text[q])) ++q;
    if (q == p || q == text.size() || (text[q] != ' ' && text[q] != '.' && text[q] != ':')) break;
    while (q < text.size() && (text[q] == ' ' || text[q] == '.' || text[q] == ':')) ++q;
    p = q;
  }
  if (p < text.size() && text[p] == '+') ++p;
  int digits = 0, groups = 0;
  int len[3] = {0, 0, 0};  // the digits of the first three groups
  bool in_digits = false;
  for (; p < text.size(); ++p) {
    const char c = text[p];
    if (IsDigit(c)) {
      ++digits;
      groups += !in_digits;
      in_digits = true;
      if (groups <= 3) ++len[groups - 1];
    } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
      in_digits = false;
    } else if (c == '/' && p > 0 && text[p - 1] == ' ' && p + 1 < text.size() &&
               text[p + 1] == ' ') {
      in_digits = false;  // the area code apart: "08024 / 47 19 30"
    } else {
      return false;
    }
  }
  // Three groups, a year of four digits first or last and one or two
  // digits in the others: a date ("2020-11-08", "12.6.2025").
  const bool date = groups == 3 && len[1] <= 2 &&
                    ((len[0] == 4 && len[2] <= 2) || (len[2] == 4 && len[0] <= 2));
  return digits >= 7 && digits <= 15 && (groups >= 2 || digits >= 9) && !date;
}

bool EmailLine(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  // The address: the run of non-space bytes around the '@', trailing
  // marks aside; a local part, and a domain with a dot and a name of two
  // letters or more after it.
  size_t b = at, e = at + 1;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != ':' && text[b - 1] != '(') --b;
  while (e < text.size() && text[e] != ' ' && text[e] != ')') ++e;
  while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == ',' || text[e - 1] == ';')) --e;
  const std::string_view domain = text.substr(at + 1, e - at - 1);
  const size_t dot = domain.rfind('.');
  if (b == at || dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) {
    return false;
  }
  for (size_t k = dot + 1; k < domain.size(); ++k) {
    if (!IsWordByte(domain[k])) return false;
  }
  // The rest: a label of two words at most ("E-Mail:", "Email us"), no
  // digit.
  int words = 0;
  for (const std::string_view rest : {text.substr(0, b), text.substr(e)}) {
    bool in_word = false;
    for (const char c : rest) {
      if (IsDigit(c)) return false;
      const bool word = IsWordByte(c) || (in_word && c == '-');
      words += word && !in_word;
      in_word = word;
    }
  }
  return words <= 2;
}

bool CounterLine(std::string_view text) {
  std::string_view label, count;
  if (!TrailingBrackets(text, &label, &count) || count.empty() || !GroupedNumber(count)) {
    return false;
  }
  // Four digits from 1800 to 2099 read as a year: "Acer Nitro 16 (2023)",
  // "Brunnenhaus am Dorfplatz (1819)".
  if (count.size() == 4 && (count.compare(0, 2, "18") == 0 || count.compare(0, 2, "19") == 0 ||
                            count.compare(0, 2, "20") == 0)) {
    return false;
  }
  // The label: one to three words of letters, joined by spaces, hyphens
  // or "&".
  int words = 0;
  bool in_word = false;
  for (const char c : label) {
    if (IsWordByte(c)) {
      words += !in_word;
      in_word = true;
    } else if (c == ' ' || c == '-' || c == '&') {
      in_word = false;
    } else {
      return false;
    }
  }
  return words >= 1 && words <= 3;
}

namespace {

// The words of `s` (runs parted by spaces).
int SpacedWords(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (const char c : s) {
    n += c != ' ' && !in_word;
    in_word = c != ' ';
  }
  return n;
}

// Skips spaces and the separators between a facet's items: , | / and the
// middle dot and bullet.
size_t SkipItemSeparators(std::string_view s, size_t p) {
  while (p < s.size()) {
    if (s[p] == ' ' || s[p] == ',' || s[p] == '|' || s[p] == '/') {
      ++p;
    } else if (s.compare(p, 2, "\xC2\xB7") == 0) {
      p += 2;
    } else if (s.compare(p, 3, "\xE2\x80\xA2") == 0) {
      p += 3;
    } else {
      break;
    }
  }
  return p;
}

}  // namespace

bool CountersLine(std::string_view text) {
  if (text.size() < 9 || text.back() != ')') return false;
  size_t p = 0;
  bool head = false;
  const size_t colon = text.find(':');
  if (colon != std::string_view::npos && colon < 40) {
    const std::string_view label = text.substr(0, colon);
    const int words = SpacedWords(label);
    if (words >= 1 && words <= 3 && label.find('(') == std::string_view::npos) {
      head = true;
      p = colon + 1;
    }
  }
  int items = 0;
  for (p = SkipItemSeparators(text, p); p < text.size(); p = SkipItemSeparators(text, p)) {
    const size_t open = text.find('(', p);
    if (open == std::string_view::npos) return false;
    const std::string_view label = text.substr(p, open - p);
    if (SpacedWords(label) > 4 || label.find(')') != std::string_view::npos) return false;
    const size_t close = text.find(')', open);
    if (close == std::string_view::npos) return false;
    if (!GroupedNumber(TrimSpaces(text.substr(open + 1, close - open - 1)))) return false;
    ++items;
    p = close + 1;
  }
  return items >= 3 || (head && items >= 2);
}

bool ChevronTrail(std::string_view text) {
  static constexpr std::string_view kMarks[] = {" \u203A ", " \u00BB "};  // › »
  // Their last bytes, rare in text: a scan with memchr first.
  if (text.find('\xBA') == std::string_view::npos && text.find('\xBB') == std::string_view::npos) {
    return false;
  }
  if (text.find("\u00AB") != std::string_view::npos) return false;  // « a quotation »
  if (!text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?' ||
                        text.back() == ';' || text.back() == ':')) {
    return false;
  }
  int segments = 1;
  size_t from = 0;
  while (from <= text.size()) {
    size_t next = std::string_view::npos, mark = 0;
    for (std::string_view m : kMarks) {
      const size_t at = text.find(m, from);
      if (at < next) {
        next = at;
        mark = m.size();
      }
    }
    const std::string_view segment = text.substr(from, next - from);
    const int words = SpacedWords(segment);
    if (words < 1 || words > 6) return false;
    if (next == std::string_view::npos) break;
    ++segments;
    from = next + mark;
  }
  return segments >= 2 && segments <= 6;
}

namespace {

// Whether `text` names a file format as a word or an extension ("PDF",
// "plan.docx"), case aside.
bool NamesFileFormat(std::string_view text) {
  static constexpr std::string_view kFormats[] = {
      "pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods", "ppt", "pptx",
      "jpg", "jpeg", "png", "gif", "tif", "mp3", "mp4", "webm", "mov", "zip", "epub", "dwg"};
  for (size_t p = 0; p < text.size();) {
    while (p < text.size() && !IsAsciiAlpha(text[p]) && !IsDigit(text[p])) ++p;
    const size_t start = p;
    while (p < text.size() && (IsAsciiAlpha(text[p]) || IsDigit(text[p]))) ++p;
    const std::string_view word = text.substr(start, p - start);
    if (word.size() < 3 || word.size() > 4) continue;
    for (std::string_view f : kFormats) {
      if (EqualsIgnoreCase(f, word)) return true;
    }
  }
  return false;
}

}  // namespace

bool FileSizeLine(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() < 6 || (text.back() != ')' && text.back() != ']')) return false;
  const size_t open = text.find_last_of(text.back() == ')' ? '(' : '[');
  if (open == std::string_view::npos || open == 0) return false;
  std::string_view inside = text.substr(open + 1, text.size() - open - 2);
  while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
  // The unit: letters at the end, after the number.
  size_t u = inside.size();
  while (u > 0 && IsAsciiAlpha(inside[u - 1])) --u;
  static constexpr std::string_view kUnits[] = {"B",  "KB",  "kB", "MB", "GB", "KiB",
                                                "MiB", "GiB", "Ko", "Mo", "kt", "Mt"};
  const std::string_view unit = inside.substr(u);
  bool is_unit = false;
  for (std::string_view k : kUnits) is_unit = is_unit || unit == k;
  if (!is_unit) return false;
  size_t d = u;
  while (d > 0 && inside[d - 1] == ' ') --d;
  const size_t end = d;
  while (d > 0 && (IsDigit(inside[d - 1]) || inside[d - 1] == '.' || inside[d - 1] == ',')) --d;
  if (d == end || !IsDigit(inside[d])) return false;
  // Before the number: nothing, or a format's name and a comma ("PDF, ").
  std::string_view format = inside.substr(0, d);
  while (!format.empty() && (format.back() == ' ' || format.back() == ',')) format.remove_suffix(1);
  for (const char c : format) {
    if (!IsAsciiAlpha(c) && !IsDigit(c)) return false;
  }
  return format.size() <= 5 && NamesFileFormat(text);
}

// One or two integers, each with its sign, and nothing else: "+34 / -2",
// "+12", "−3" (a post's votes).
bool SignedIntegers(std::string_view text) {
  size_t p = 0;
  int numbers = 0;
  while (p < text.size()) {
    if (numbers > 0) {  // between the two: spaces and a slash or a bar
      while (p < text.size() && (text[p] == ' ' || text[p] == '/' || text[p] == '|')) ++p;
    }
    size_t next = p;
    const char32_t sign = p < text.size() ? NextCodePoint(text, &next) : 0;
    if (sign != '+' && sign != '-' && sign != 0x2212) return false;  // − minus sign
    p = next;
    while (p < text.size() && text[p] == ' ') ++p;
    const size_t digits = p;
    while (p < text.size() && IsDigit(text[p])) ++p;
    if (p == digits || ++numbers > 2) return false;
  }
  return numbers > 0;
}

// True if `text` is five integers or more, each one more than the one
// before, parted by blanks: a calendar widget's days ("1 2 3 ... 30") or a
// pager's pages ("1 2 3 4 5").
bool CountingRun(std::string_view text) {
  size_t p = 0;
  long prev = -1;
  int numbers = 0;
  while (p < text.size()) {
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p == text.size()) break;
    long n = 0;
    const size_t digits = p;
    while (p < text.size() && IsDigit(text[p]) && p - digits < 4) n = n * 10 + (text[p++] - '0');
    if (p == digits || (p < text.size() && text[p] != ' ' && text[p] != '\t')) return false;
    if (prev >= 0 && n != prev + 1) return false;
    prev = n;
    ++numbers;
  }
  return numbers >= 5;
}

bool NumberLine(std::string_view text) {
  if (SignedIntegers(text) || CountingRun(text)) return true;
  bool percent = false;
  if (!text.empty() && text.back() == '%') {
    percent = true;
    text.remove_suffix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  }
  bool separated;
  return !text.empty() && GroupedNumber(text, &separated) && (separated || percent);
}

int GluedWords(std::string_view text) {
  // Most lines have no ASCII joint at all ("oL" in "InicioLíneas"): one
  // pass over the bytes, before any code point is decoded. (A line whose
  // every joint is of non-ASCII letters, "ÁreasÖffnung", is not read.)
  bool any = false;
  for (size_t i = 1; i < text.size() && !any; ++i) {
    any = text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z';
  }
  if (!any) return 0;
  int glued = 0;
  int joined_words = 0, in_word = 0, most_in_word = 0;  // joints per word
  bool lower = false;  // the previous code point is a lower case letter
  char32_t before = 0;
  for (size_t p = 0; p < text.size();) {
    const char32_t c = NextCodePoint(text, &p);
    switch (c) {
      case '{': case '}': case '(': case ')': case '[': case ']': case '=': case ';':
      case '<': case '>': case '$': case '`': case '"': case '_': case '\\':
        return 0;
      case '/':
        if (before == '/') return 0;
        break;
      case '.':
        // "docs.getThings": a dot between letters (an ASCII one after it).
        if (lower && p < text.size() && IsWordByte(text[p]) &&
            static_cast<unsigned char>(text[p]) < 0x80) {
          return 0;
        }
        break;
      case ' ':
        joined_words += in_word > 0;
        most_in_word = std::max(most_in_word, in_word);
        in_word = 0;
        break;
      default: break;
    }
    const bool ascii = c < 0x80;
    if (lower && (ascii ? c >= 'A' && c <= 'Z' : u_isupper(static_cast<UChar32>(c)))) {
      ++glued;
      ++in_word;
    }
    lower = ascii ? c >= 'a' && c <= 'z' : u_islower(static_cast<UChar32>(c));
    before = c;
  }
  joined_words += in_word > 0;
  most_in_word = std::max(most_in_word, in_word);
  // One word with a few joints is an identifier ("FetchFromCacheMiddleware",
  // "LoaderDevicePartUUID"); a menu runs on across words, or long.
  return joined_words >= 2 || most_in_word >= 5 ? glued : 0;
}

int PipeCells(std::string_view text) {
  int cells = 1;
  for (size_t at = text.find(" | "); at != std::string_view::npos;
       at = text.find(" | ", at + 2)) {
    ++cells;
  }
  return cells;
}

}  // namespace line_filter
}  // namespace cleaner
