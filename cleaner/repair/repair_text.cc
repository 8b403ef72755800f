// Shared pieces of the repair functions. See repair_text.h.
#include "cleaner/repair/repair_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>

#include "cleaner/repair/mojibake_charmaps.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// Code points of context shown on each side of a change: with the change
// itself this gives the ~30-character snippet --explain promises.
constexpr int kContext = 15;

size_t BackCodePoints(std::string_view s, size_t pos, int n) {
  while (n-- > 0 && pos > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) --pos;
  }
  return pos;
}

size_t ForwardCodePoints(std::string_view s, size_t pos, int n) {
  while (n-- > 0 && pos < s.size()) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

}  // namespace

std::string ApplyEdits(std::string_view in, std::vector<Edit> edits,
                       std::vector<RepairChange>* changes) {
  if (edits.empty()) return std::string(in);
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(in.size() + 16);
  struct Placed {
    const Edit* edit;
  };
  std::vector<Placed> placed;
  size_t pos = 0;
  for (const Edit& e : edits) {
    if (e.begin < pos || e.end < e.begin || e.end > in.size()) continue;  // overlap
    out.append(in.data() + pos, e.begin - pos);
    out.append(e.text);
    placed.push_back({&e});
    pos = e.end;
  }
  out.append(in.data() + pos, in.size() - pos);
  if (changes != nullptr) {
    for (const Placed& p : placed) {
      const Edit& e = *p.edit;
      size_t b = BackCodePoints(in, e.begin, kContext);
      size_t f = ForwardCodePoints(in, e.end, kContext);
      // The after snippet shows this edit alone, so that each change reads
      // on its own even when neighbouring edits touch the same stretch.
      std::string after(in.substr(b, e.begin - b));
      after += e.text;
      after.append(in.substr(e.end, f - e.end));
      changes->push_back({e.rule, std::string(in.substr(b, f - b)), std::move(after)});
    }
  }
  return out;
}

CodePoints Decode(std::string_view text) {
  CodePoints d;
  Decode(text, &d);
  return d;
}

const CodePoints& DecodeShared(std::string_view text) {
  static thread_local CodePoints d;
  static thread_local std::string decoded;  // the bytes `d` holds, decoded
  static thread_local bool valid = false;
  if (!valid || text != decoded) {
    decoded.assign(text.data(), text.size());
    Decode(text, &d);
    valid = true;
  }
  return d;
}

void Decode(std::string_view text, CodePoints* out) {
  // Written through pointers into buffers sized for the worst case (one
  // code point a byte), then cut to size.
  const size_t size = text.size();
  out->cp.resize(size);
  out->offset.resize(size + 1);
  char32_t* cp = out->cp.data();
  size_t* offset = out->offset.data();
  const unsigned char* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = 0, pos = 0;
  while (pos < size) {
    // Eight ASCII bytes at a time (the compiler vectorizes the copy).
    while (pos + 8 <= size) {
      uint64_t w;
      std::memcpy(&w, s + pos, 8);
      if (w & 0x8080808080808080ULL) break;
      for (size_t k = 0; k < 8; ++k) {
        offset[n + k] = pos + k;
        cp[n + k] = s[pos + k];
      }
      n += 8;
      pos += 8;
    }
    if (pos >= size) break;
    // NextCodePoint() decodes ASCII and well-formed two- and three-byte
    // sequences inline.
    offset[n] = pos;
    cp[n++] = NextCodePoint(text, &pos);
  }
  offset[n] = size;
  out->cp.resize(n);
  out->offset.resize(n + 1);
}

bool IsHSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t';
  return u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return c != 0 && u_isalpha(static_cast<UChar32>(c));
}

bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

bool IsWord(char32_t c) {
  if (c < 0x80) return IsLetter(c) || IsDigit(c);
  if (IsLetter(c) || IsDigit(c)) return true;
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_UPPERCASE_LETTER || t == U_TITLECASE_LETTER;
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_charType(static_cast<UChar32>(c)) == U_LOWERCASE_LETTER;
}

bool IsNoSpaceScript(char32_t c) {
  if (c < 0x0E00) return false;  // everything below Thai writes spaces
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &err);
  if (U_FAILURE(err)) return false;
  switch (s) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
      return true;
    default:
      // CJK punctuation and fullwidth forms are script Common but belong to
      // text without spaces.
      return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
  }
}

char32_t Cp1252High(int b) {
  // From ICU's windows-1252 converter (mojibake_charmaps), not typed in:
  // the lenient map there gives an undefined byte its own value.
  static const Charmap* const m = [] {
    for (const Charmap& c : GetCharmaps().maps) {
      if (c.name == "windows-1252") return &c;
    }
    return static_cast<const Charmap*>(nullptr);
  }();
  if (m == nullptr || b < 0x80 || b > 0x9F) return 0;
  const char32_t c = m->decode[b];
  return c == static_cast<char32_t>(b) ? 0 : c;
}

bool IsDash(char32_t c) {
  if (c < 0x80) return c == '-';
  return u_charType(static_cast<UChar32>(c)) == U_DASH_PUNCTUATION;
}

}  // namespace cleaner
