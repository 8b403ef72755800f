// UTF-8 decoding per Unicode §3.9 (Table 3-7, well-formed byte sequences).
#include "cleaner/util/utf8.h"

#include <cstring>

#include <unicode/uchar.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace cleaner {

namespace {

// Returns the length of the well-formed sequence at s[pos], or 0 if the
// bytes there do not start one. *maximal_subpart receives how many bytes an
// ill-formed sequence spans (at least 1).
size_t SequenceLength(std::string_view s, size_t pos, size_t* maximal_subpart) {
  auto b = [&](size_t i) -> unsigned { return static_cast<unsigned char>(s[pos + i]); };
  const size_t avail = s.size() - pos;
  const unsigned c = b(0);
  *maximal_subpart = 1;
  if (c < 0x80) return 1;
  size_t len;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (size_t i = 1; i < len; ++i) {
    if (i >= avail) return 0;
    unsigned t = b(i);
    unsigned tlo = i == 1 ? lo : 0x80, thi = i == 1 ? hi : 0xBF;
    if (t < tlo || t > thi) return 0;
    *maximal_subpart = i + 1;
  }
  return len;
}

}  // namespace

// Returns the index of the first non-ASCII byte at or after `pos`, reading
// eight bytes at a time: most web text is mostly ASCII.
size_t SkipAscii(std::string_view s, size_t pos) {
  while (pos + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + pos, 8);
    if (w & 0x8080808080808080ULL) break;
    pos += 8;
  }
  while (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
  return pos;
}

namespace {

// True if p[pos..] starts a three-byte sequence led by E1..EC or EE..EF,
// whose continuation bytes are any two of 80..BF (Table 3-7: only E0 and
// ED restrict the second byte): quotes, dashes, CJK, Hangul.
bool IsPlainThreeByte(const unsigned char* p, size_t pos, size_t n) {
  const unsigned c = p[pos];
  return c >= 0xE1 && c <= 0xEF && c != 0xED && pos + 2 < n && (p[pos + 1] & 0xC0) == 0x80 &&
         (p[pos + 2] & 0xC0) == 0x80;
}

}  // namespace

// One loop over the text; the last 15 bytes or fewer (or all of it without
// SSE2): ASCII skipped, then the characters of a non-ASCII run checked
// until the next ASCII byte, two-byte ones (Latin, Greek, Cyrillic)
// inline. C2..DF followed by 80..BF is exactly Table 3-7's two-byte row;
// anything else goes to SequenceLength(), as before.
bool IsValidUtf8(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t pos = 0, sub;
  while (true) {
#ifdef __SSE2__
    // Sixteen bytes a step over ASCII and two-byte sequences (C2..DF then
    // 80..BF, each byte of a pair tested against the other in the same
    // step); at the first other byte, one character by SequenceLength().
    // A step never ends inside a pair (a lead at the last byte is not
    // taken), so a continuation byte at pos follows a whole character and
    // is ill-formed, which SequenceLength() says.
    while (pos + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (high == 0) {
        pos += 16;
        continue;
      }
      // Signed: C2..DF is -62..-33, 80..BF is -128..-65.
      const unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
          _mm_cmpgt_epi8(v, _mm_set1_epi8(-63)), _mm_cmplt_epi8(v, _mm_set1_epi8(-32)))));
      const unsigned conts =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
      const unsigned ok = (~high & 0xFFFF) | (leads & (conts >> 1)) | (conts & (leads << 1));
      if (ok == 0xFFFF) {
        pos += 16;
        continue;
      }
      pos += static_cast<size_t>(__builtin_ctz(~ok));
      if (IsPlainThreeByte(p, pos, n)) {
        pos += 3;
        continue;
      }
      const size_t len = SequenceLength(s, pos, &sub);
      if (len == 0) return false;
      pos += len;
    }
#endif
    while (pos < n && p[pos] < 0x80) ++pos;
    if (pos >= n) return true;
    do {
      const unsigned c = p[pos];
      if (c >= 0xC2 && c <= 0xDF && pos + 1 < n && (p[pos + 1] & 0xC0) == 0x80) {
        pos += 2;
        continue;
      }
      const size_t len = SequenceLength(s, pos, &sub);
      if (len == 0) return false;
      pos += len;
    } while (pos < n && p[pos] >= 0x80);
  }
}

char32_t NextCodePointSlow(std::string_view s, size_t* pos) {
  size_t sub;
  size_t len = SequenceLength(s, *pos, &sub);
  if (len == 0) {
    *pos += sub;
    return 0xFFFD;
  }
  auto b = [&](size_t i) -> char32_t { return static_cast<unsigned char>(s[*pos + i]); };
  char32_t cp;
  switch (len) {
    case 1: cp = b(0); break;
    case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
    case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
    default:
      cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
  *pos += len;
  return cp;
}

char32_t PrevCodePoint(std::string_view s, size_t* pos) {
  size_t start = *pos - 1;
  size_t limit = *pos >= 4 ? *pos - 4 : 0;
  while (start > limit && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t p = start;
  char32_t cp = NextCodePoint(s, &p);
  if (p != *pos) {
    *pos -= 1;
    return 0xFFFD;
  }
  *pos = start;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0, i = 0;
#ifdef __SSE2__
  // Sixteen bytes a step: all but the continuation bytes (80..BF, signed
  // -128..-65) start a code point.
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const unsigned cont =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
    n += 16 - static_cast<size_t>(__builtin_popcount(cont));
  }
#endif
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

std::string SanitizeUtf8(std::string_view s, uint64_t* replaced) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t pos = 0, sub;
  while (pos < s.size()) {
    size_t len = SequenceLength(s, pos, &sub);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      if (replaced) ++*replaced;
      pos += sub;
    } else {
      out.append(s.data() + pos, len);
      pos += len;
    }
  }
  return out;
}

bool HasDigit(std::string_view text) {
  for (size_t p = 0; p < text.size();) {
    if (u_isdigit(static_cast<UChar32>(NextCodePoint(text, &p)))) return true;
  }
  return false;
}

}  // namespace cleaner
