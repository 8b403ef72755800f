// Stage 5, normalize. See normalize.h.
#include "cleaner/output/normalize.h"

#include <algorithm>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "cleaner/util/ascii.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

enum class Kind { kKeep, kDelete, kSpace, kBreak, kLigature };

// The Latin typographic ligatures U+FB00..U+FB06 (what PDF and OCR text
// extraction leave: `ﬁnal`, `ﬂag`) as the letters they join, so that a
// word is spelled one way (NFKC does this and much more; NFC does not).
constexpr const char* kLigatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

bool IsVisibleAscii(char c) {
  return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F;
}

Kind Classify(char32_t cp) {
  if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x0085 || cp == 0x0B || cp == 0x0C)
    return Kind::kBreak;
  if (cp == '\t') return Kind::kSpace;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return Kind::kDelete;  // C0, DEL, C1
  // Invisible characters that carry no meaning in plain text. ZWJ (U+200D),
  // ZWNJ (U+200C) and bidi marks change rendering and stay.
  if (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD) return Kind::kDelete;
  if (cp < 0x80) return cp == ' ' ? Kind::kSpace : Kind::kKeep;
  // Below U+1680 the only space separator is U+00A0, and U+200B..U+2027
  // (dashes, quotes, bullets) holds none: no ICU call for the common cases.
  if (cp < 0x1680) return cp == 0xA0 ? Kind::kSpace : Kind::kKeep;
  if (cp >= 0x200B && cp <= 0x2027) return Kind::kKeep;
  if (cp >= 0xFB00 && cp <= 0xFB06) return Kind::kLigature;
  if (u_charType(static_cast<UChar32>(cp)) == U_SPACE_SEPARATOR) return Kind::kSpace;
  return Kind::kKeep;
}

using normalize_internal::NfcStableBlock;
using normalize_internal::NfcStableLead;

// True unless `s` is made only of code points below U+0300, of the ones
// NfcStableLead() and NfcStableBlock() vouch for (Cyrillic, Greek, CJK,
// Hangul, ...) and of
// U+2002..U+203F (E2 80 82..BF: spaces, dashes, quotes, bullets). Each of
// those is its own NFC form, has combining class 0 and is never the second
// character of a canonical composition (checked against Unicode 14 data),
// so a string of them is NFC and ICU need not look at it.
bool MayNeedNfc(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = SkipAscii(s, 0); i < n; ++i) {
    const unsigned char b = p[i];
    if (b < 0xCC) continue;  // ASCII, a continuation byte or a lead of U+0080..U+02FF
    // (A lead followed by no continuation byte is not seen here: the text
    // is well-formed, see the callers.)
    if (b < 0xE0 && NfcStableLead(b)) continue;
    // A three-byte character (E0..EF, then 80..BF twice) of a stable block:
    // its lead and first continuation byte give the block.
    if (b >= 0xE0 && b <= 0xEF && i + 1 < n &&
        NfcStableBlock(static_cast<char32_t>(((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6)))) {
      continue;
    }
    if (b == 0xE2 && i + 2 < n && p[i + 1] == 0x80 && p[i + 2] >= 0x82) {
      i += 2;
      continue;
    }
    return true;
  }
  return false;
}

std::string ToNfc(std::string text) {
  if (!MayNeedNfc(text)) return text;  // ASCII and most Latin text is NFC
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return text;
  if (nfc->isNormalizedUTF8(text, err) && U_SUCCESS(err)) return text;
  err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString n = nfc->normalize(u, err);
  if (U_FAILURE(err)) return text;
  std::string out;
  n.toUTF8String(out);
  return out;
}

#ifdef __SSE2__
// The bytes of `v` that, if they lead a two-byte sequence, make MayNeedNfc()
// true, and a few more: CC..DF (signed -52..-33) but D0 and D1 (Cyrillic
// U+0400..U+047F, the commonest; NfcStableLead() holds for both).
inline __m128i MayNeedNfcLead(__m128i v) {
  const __m128i cyrillic =
      _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8(static_cast<char>(0xD1)));
  return _mm_andnot_si128(cyrillic, _mm_cmpgt_epi8(v, _mm_set1_epi8(-53)));
}

// Bit masks over the sixteen bytes of `v`, for WhiteSpaceIsNormal().
struct ChunkMasks {
  unsigned ok;      // 0x20..0x7E, or one half of a pair C3..DF 80..BF
  unsigned spaces;  // 0x20
  unsigned nfc;     // a lead of such a pair for which MayNeedNfcLead() holds
};

inline ChunkMasks Classify(__m128i v) {
  // Signed compares: bytes 0x80..0xFF are -128..-1.
  ChunkMasks m;
  m.spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x20))));
  m.ok = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)))));
  m.nfc = 0;
  if (_mm_movemask_epi8(v) != 0) {
    // C3..DF is -61..-33; 80..BF is -128..-65.
    const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(-62)),
                                       _mm_cmplt_epi8(v, _mm_set1_epi8(-32)));
    const unsigned leads = static_cast<unsigned>(_mm_movemask_epi8(lead));
    const unsigned conts =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))));
    m.ok |= (leads & (conts >> 1)) | (conts & (leads << 1));
    m.nfc = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(lead, MayNeedNfcLead(v))));
  }
  return m;
}
#endif

// True iff NormalizeText() would give `text` back before its NFC step:
// every character is kept as it is (visible ASCII, or a well-formed
// non-ASCII character of Kind::kKeep), and every space is a single U+0020
// between two such characters. Most paragraphs of clean text are like
// this; they are checked sixteen bytes at a time and not rebuilt. When
// true, *may_need_nfc is false only where MayNeedNfc(text) is (the
// characters are well-formed, so the test can be made on their code
// points; it may be true where MayNeedNfc() is not, which costs only that
// call).
bool WhiteSpaceIsNormal(std::string_view text, bool* may_need_nfc) {
  *may_need_nfc = false;
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const size_t n = text.size();
  size_t pos = 0;
  bool prev_space = true;  // a space at the start is not normal
  while (pos < n) {
#ifdef __SSE2__
    // Sixteen bytes at a time (the last sixteen of the text when fewer are
    // left, of which the ones before pos are ignored): the bytes before the
    // first one that is not printable ASCII (0x21..0x7E), a space, or one
    // half of a two-byte sequence C3..DF 80..BF, with no two spaces together
    // and none after a space. Such a sequence is what the byte path below
    // accepts; the prefix taken never ends between its two bytes (a lead is
    // taken only with the continuation after it), so pos stays at a
    // character boundary, and the byte before pos, being the last byte of
    // a character, is never such a lead: it cannot pair with a
    // continuation at pos.
    if (n >= 16) {
      // Takes the first k (1..16) bytes of a chunk whose masks are
      // `spaces` and `nfc`; false if they hold two spaces together or one
      // after a space.
      auto take = [&](unsigned k, unsigned spaces, unsigned nfc) {
        const unsigned taken = (1u << k) - 1;
        spaces &= taken;
        if ((spaces & (spaces << 1)) != 0 || (prev_space && (spaces & 1) != 0)) return false;
        prev_space = ((spaces >> (k - 1)) & 1) != 0;  // the last of the k bytes
        if ((nfc & taken) != 0) *may_need_nfc = true;
        pos += k;
        return true;
      };
      // First whole chunks of sixteen such bytes (most of the text), with
      // the two-byte sequences tested only where a byte is not ASCII.
      bool stopped = false;  // at a byte the chunks do not take
      while (pos + 16 <= n) {
        const ChunkMasks m =
            Classify(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos)));
        if (m.ok != 0xFFFF) {
          // The bytes before the first other one; then the byte path takes
          // that one.
          const unsigned k = static_cast<unsigned>(__builtin_ctz(~m.ok));
          if (k > 0 && !take(k, m.spaces, m.nfc)) return false;
          stopped = true;
          break;
        }
        if (!take(16, m.spaces, m.nfc)) return false;
      }
      if (!stopped) {
        if (pos >= n) break;
        // Then the bytes up to the first other one, or to the end.
        const size_t base = pos + 16 <= n ? pos : n - 16;
        const unsigned skip = static_cast<unsigned>(pos - base);
        const ChunkMasks m =
            Classify(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + base)));
        const unsigned left = 16 - skip;
        const unsigned k = std::min(
            left, static_cast<unsigned>(__builtin_ctz(~(m.ok >> skip))));  // ~ has bit 16 up set
        if (k > 0) {
          if (!take(k, m.spaces >> skip, m.nfc >> skip)) return false;
          if (k == left) continue;
        }
      }
      // text[pos] is none of those: the byte path below takes it (the
      // eight-byte path cannot take it either).
    } else
#endif
    if constexpr (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) {
      // (Not at a non-ASCII byte: in other scripts the word test would
      // fail at nearly every character.)
      if (pos + 8 <= n && static_cast<unsigned char>(text[pos]) < 0x80) {
        uint64_t w;
        std::memcpy(&w, text.data() + pos, 8);
        // Bytes below 0x20 or above 0x7E (hasless | hasmore: the lowest
        // set bit is exact, the first such byte).
        const uint64_t outside = ((w - 0x20 * kOnes) & ~w & kHigh) | (((w + kOnes) | w) & kHigh);
        // The spaces, exactly: a high bit in each byte that is 0x20.
        const uint64_t t = w ^ (0x20 * kOnes);
        uint64_t spaces = ~(((t & kLow7) + kLow7) | t) & kHigh;
        // The bytes before the first one outside are printable ASCII.
        const size_t k = outside == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(outside)) / 8;
        if (k > 0) {
          if (k < 8) spaces &= (1ULL << (8 * k)) - 1;
          if ((spaces & (spaces << 8)) != 0 || (prev_space && (spaces & 0x80) != 0)) return false;
          prev_space = ((spaces >> (8 * k - 1)) & 1) != 0;  // the last of the k bytes
          pos += k;
          if (k == 8) continue;
        }
        // text[pos] is not printable ASCII: the byte path below takes it.
      }
    }
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (IsVisibleAscii(static_cast<char>(c))) {
      ++pos;
      prev_space = false;
      continue;
    }
    if (c == ' ') {
      if (prev_space) return false;
      prev_space = true;
      ++pos;
      continue;
    }
    if (c < 0x80) return false;
    // A well-formed two-byte sequence led by C3..DF is U+00C0..U+07FF:
    // letters and marks that Classify() keeps (the C1 controls, U+00A0 and
    // U+00AD are all led by C2), and U+0300 or above from lead CC on. Most
    // non-ASCII letters of Latin, Greek and Cyrillic text take this path.
    if (c >= 0xC3 && c <= 0xDF && pos + 1 < n &&
        (static_cast<unsigned char>(text[pos + 1]) & 0xC0) == 0x80) {
      if (!NfcStableLead(c)) *may_need_nfc = true;
      pos += 2;
      prev_space = false;
      continue;
    }
    // E2 80 90..A7 and E2 80 B0..BF are U+2010..U+2027 and U+2030..U+203F
    // (dashes, quotes, bullets, per mille, primes, guillemets): characters
    // Classify() keeps, inside MayNeedNfc()'s exempt range. The typographic
    // marks of most text take this path.
    if (c == 0xE2 && pos + 2 < n && static_cast<unsigned char>(text[pos + 1]) == 0x80) {
      const unsigned char t = static_cast<unsigned char>(text[pos + 2]);
      if ((t >= 0x90 && t <= 0xA7) || (t >= 0xB0 && t <= 0xBF)) {
        pos += 3;
        prev_space = false;
        continue;
      }
    }
    const char32_t cp = NextCodePoint(text, &pos);
    // U+FFFD may stand for an ill-formed sequence, which is rewritten.
    if (cp == 0xFFFD || Classify(cp) != Kind::kKeep) return false;
    if (cp >= 0x300 && (cp < 0x2002 || cp > 0x203F) && !NfcStableBlock(cp)) *may_need_nfc = true;
    prev_space = false;
  }
  return !prev_space || n == 0;
}

}  // namespace

std::string NormalizeText(std::string_view text, bool keep_line_breaks, bool keep_indentation) {
  bool may_need_nfc;
  if (WhiteSpaceIsNormal(text, &may_need_nfc)) return ToNfc(std::string(text));
  std::string out;
  out.reserve(text.size());
  // Pending separator between the last kept character and the next one:
  // 0 none, 1 space, 2 line break. A run of horizontal white space becomes
  // one U+0020, and so does a lone no-break or other typographic space
  // (U+00A0, U+202F, U+2009, ...), as shared/spec/README.md says.
  int pending = 0;
  // With keep_indentation, the white space that starts a line (a tab as
  // four spaces): code in <pre> means something by it.
  std::string indent;
  auto flush = [&]() {
    if (out.empty() || pending == 2) {
      if (!out.empty()) out.push_back('\n');
      out += indent;
    } else if (pending != 0) {
      out.push_back(' ');
    }
    pending = 0;
    indent.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    // Fast path: a run of visible ASCII is copied as it is.
    size_t run = pos;
    while (run < text.size() && IsVisibleAscii(text[run])) ++run;
    if (run > pos) {
      flush();
      // A single ' ' between two such runs is written as it is, which is
      // what the space branch below and flush() would do: the runs of a
      // line of prose are copied with one append.
      const size_t size = text.size();
      while (run + 1 < size && text[run] == ' ' && IsVisibleAscii(text[run + 1])) {
        run += 2;
        while (run < size && IsVisibleAscii(text[run])) ++run;
      }
      out.append(text.data() + pos, run - pos);
      pos = run;
      continue;
    }
    size_t start = pos;
    char32_t cp = static_cast<unsigned char>(text[pos]) < 0x80
                      ? static_cast<char32_t>(text[pos++])
                      : NextCodePoint(text, &pos);
    Kind k = Classify(cp);
    if (k == Kind::kBreak && !keep_line_breaks) k = Kind::kSpace;
    switch (k) {
      case Kind::kDelete:
        if (cp == 0x1B) pos = start + TerminalEscapeLength(text, start);  // whole
        break;
      case Kind::kLigature:
        flush();
        out += kLigatures[cp - 0xFB00];
        break;
      case Kind::kSpace:
        if (keep_indentation && (out.empty() || pending == 2)) {
          indent += cp == '\t' ? "    " : " ";
          break;
        }
        if (pending == 0) pending = 1;
        break;
      case Kind::kBreak:
        pending = 2;
        indent.clear();  // a blank line's spaces indent nothing
        break;
      case Kind::kKeep:
        flush();
        // An ill-formed sequence (NextCodePoint gave U+FFFD) is written as
        // U+FFFD, not copied: the output is valid UTF-8 whatever a stage
        // before let through. See testdata/golden/regressions/fuzz_*.
        if (cp == 0xFFFD) {
          AppendUtf8(cp, &out);
        } else {
          out.append(text.data() + start, pos - start);
        }
        break;
    }
  }
  // NFC can turn a sequence into a space separator? No: no canonical
  // decomposition or composition yields White_Space, so order is safe.
  return ToNfc(std::move(out));
}

std::string NormalizePreformatted(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  size_t line_end = 0;  // out's size after the line's last visible character
  bool any = false;     // a visible character written
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = static_cast<unsigned char>(text[pos]) < 0x80
                      ? static_cast<char32_t>(text[pos++])
                      : NextCodePoint(text, &pos);
    Kind k = cp == '\r' ? Kind::kDelete : Classify(cp);
    if (k == Kind::kLigature) k = Kind::kKeep;  // code keeps its characters
    if (k == Kind::kBreak) {
      out.resize(line_end);  // no white space at a line's end
      if (any) out.push_back('\n');
      line_end = out.size();
    } else if (k == Kind::kKeep || k == Kind::kSpace) {
      if (cp == 0xFFFD && k == Kind::kKeep) {
        AppendUtf8(cp, &out);  // an ill-formed sequence, see NormalizeText
      } else {
        out.append(text.data() + start, pos - start);
      }
      if (k == Kind::kKeep) {
        line_end = out.size();
        any = true;
      }
    }
  }
  out.resize(line_end);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return ToNfc(std::move(out));
}

std::string NormalizeTable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t row_start = 0;
  while (row_start <= text.size()) {
    size_t row_end = text.find('\n', row_start);
    if (row_end == std::string_view::npos) row_end = text.size();
    std::string row;
    bool any = false;
    size_t cell_start = row_start;
    while (cell_start <= row_end) {
      size_t cell_end = text.find('\t', cell_start);
      if (cell_end == std::string_view::npos || cell_end > row_end) cell_end = row_end;
      if (cell_start > row_start) row.push_back('\t');
      std::string cell = NormalizeText(text.substr(cell_start, cell_end - cell_start), false);
      any = any || !cell.empty();
      row += cell;
      cell_start = cell_end + 1;
    }
    if (any) {
      if (!out.empty()) out.push_back('\n');
      out += row;
    }
    row_start = row_end + 1;
  }
  return out;
}

Status Normalizer::Push(Block block) {
  bool may_need_nfc;
  if (block.kind == BlockKind::kPreformatted) {
    block.text = NormalizePreformatted(block.text);
  } else if (block.kind == BlockKind::kTable) {
    block.text = NormalizeTable(block.text);
  } else if (WhiteSpaceIsNormal(block.text, &may_need_nfc)) {
    // NormalizeText() would give the text back before its NFC step.
    // (Whatever keep_line_breaks it were given: the text has no '\n'.)
    if (may_need_nfc) block.text = ToNfc(std::move(block.text));
  } else {
    block.text = NormalizeText(block.text, block.text.find('\n') != std::string::npos);
  }
  if (block.text.empty()) return Status::OK();
  return next_->Push(std::move(block));
}

}  // namespace cleaner
