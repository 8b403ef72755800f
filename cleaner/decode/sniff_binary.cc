// Binary sniffing. See sniff_binary.h.
#include "cleaner/decode/sniff_binary.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cstddef>

namespace cleaner {

namespace {

struct Magic {
  size_t offset;         // where the signature starts
  std::string_view sig;  // its bytes
  const char* name;
};

using namespace std::literals;

// Signatures from the formats' specifications (the same ones file(1) and
// the WHATWG MIME Sniffing Standard §6 use). Only signatures of four bytes
// or more, or at an offset, so that no text can start with one by chance;
// `MZ` and `BM` are checked with their headers below.
constexpr Magic kMagic[] = {
    {0, "\x89PNG\r\n\x1A\n"sv, "PNG image"},
    {0, "\xFF\xD8\xFF"sv, "JPEG image"},
    {0, "GIF87a"sv, "GIF image"},
    {0, "GIF89a"sv, "GIF image"},
    {0, "II*\0"sv, "TIFF image"},
    {0, "MM\0*"sv, "TIFF image"},
    {0, "\0\0\1\0"sv, "ICO image"},
    {0, "8BPS"sv, "Photoshop image"},
    {0, "%PDF-"sv, "PDF document"},
    {0, "PK\x03\x04"sv, "zip archive"},
    {0, "PK\x05\x06"sv, "zip archive"},
    {0, "\x1F\x8B\x08"sv, "gzip archive"},
    {4, "1AY&SY"sv, "bzip2 archive"},
    {0,
     "\xFD"
     "7zXZ\0"sv,
     "xz archive"},
    {0, "7z\xBC\xAF\x27\x1C"sv, "7z archive"},
    {0, "Rar!\x1A\x07"sv, "RAR archive"},
    {0, "\x28\xB5\x2F\xFD"sv, "zstd archive"},
    {257, "ustar"sv, "tar archive"},
    {0,
     "\x7F"
     "ELF"sv,
     "ELF executable"},
    {0, "\xFE\xED\xFA\xCE"sv, "Mach-O executable"},
    {0, "\xFE\xED\xFA\xCF"sv, "Mach-O executable"},
    {0, "\xCE\xFA\xED\xFE"sv, "Mach-O executable"},
    {0, "\xCF\xFA\xED\xFE"sv, "Mach-O executable"},
    {0, "\xCA\xFE\xBA\xBE"sv, "Mach-O or Java class file"},
    {0, "\0asm"sv, "WebAssembly module"},
    {0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "OLE2 document (MS Office)"},
    {0, "SQLite format 3\0"sv, "SQLite database"},
    {0, "wOFF"sv, "WOFF font"},
    {0, "wOF2"sv, "WOFF2 font"},
    {0, "\0\1\0\0\0"sv, "TrueType font"},
    {0, "OTTO"sv, "OpenType font"},
    {0, "ttcf"sv, "TrueType font collection"},
    {0, "ID3\x03"sv, "MP3 audio"},
    {0, "ID3\x04"sv, "MP3 audio"},
    {0, "fLaC"sv, "FLAC audio"},
    {0, "OggS\0"sv, "Ogg audio/video"},
    {0, "\x1A\x45\xDF\xA3"sv, "Matroska/WebM video"},
    {0, "FLV\x01"sv, "FLV video"},
    {0, "\0\0\1\xBA"sv, "MPEG video"},
    {0, "\0\0\1\xB3"sv, "MPEG video"},
    {4, "ftyp"sv, "MP4/QuickTime video"},
    {0, "MThd"sv, "MIDI audio"},
};

bool StartsWithAt(std::string_view s, size_t offset, std::string_view sig) {
  return s.size() >= offset + sig.size() && s.substr(offset, sig.size()) == sig;
}

// RIFF containers name their kind at offset 8.
const char* Riff(std::string_view s) {
  if (!StartsWithAt(s, 0, "RIFF"sv) || s.size() < 12) return nullptr;
  const std::string_view kind = s.substr(8, 4);
  if (kind == "WEBP"sv) return "WebP image";
  if (kind == "WAVE"sv) return "WAV audio";
  if (kind == "AVI "sv) return "AVI video";
  return "RIFF container";
}

// A PE executable: `MZ`, and the PE header where e_lfanew (offset 0x3C)
// points.
bool IsPe(std::string_view s) {
  if (!StartsWithAt(s, 0, "MZ"sv) || s.size() < 0x40) return false;
  const auto u = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(s[i])); };
  const size_t pe = u(0x3C) | u(0x3D) << 8 | u(0x3E) << 16 | u(0x3F) << 24;
  return StartsWithAt(s, pe, "PE\0\0"sv);
}

// Whether `s` holds a run of 64 bytes of text (printable ASCII, white space
// or bytes >= 0x80) with at least one space and one letter: text with
// control garbage around it (testdata/hostile control_chars.txt) is cleaned,
// and the controls go.
bool HasTextRun(std::string_view s) {
  size_t run = 0;
  bool space = false, letter = false;
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      ++run;
      space = space || c == ' ';
      letter = letter || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
      if (run >= 64 && space && letter) return true;
    } else {
      run = 0;
      space = letter = false;
    }
  }
  return false;
}

bool IsControl(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B;
}

// The number of C0 controls other than TAB, LF, FF, CR and ESC among the
// first `n` bytes of `s`: sixteen bytes a step, as text has almost none
// (a byte loop here cost as much as the whole filter stage per page).
size_t CountControls(std::string_view s, size_t n) {
  size_t control = 0, i = 0;
#ifdef __SSE2__
  const __m128i k1f = _mm_set1_epi8(0x1F);
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, k1f), v);  // v <= 0x1F
    if (_mm_movemask_epi8(low) == 0) continue;
    const __m128i allowed = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8(0x1B))));
    control += static_cast<size_t>(__builtin_popcount(_mm_movemask_epi8(_mm_andnot_si128(allowed, low))));
  }
#endif
  for (; i < n; ++i) control += IsControl(static_cast<unsigned char>(s[i]));
  return control;
}

// The share of the first 4 KiB that is NUL or a C0 control other than
// TAB, LF, FF, CR and ESC, ignoring UTF-16 (every other byte NUL, in one
// parity) which is text.
bool MostlyControl(std::string_view s) {
  const size_t n = s.size() < 4096 ? s.size() : 4096;
  if (n < 16) return false;
  // 10 %: text in any single-byte or multibyte charset has almost none;
  // binary formats have far more.
  const size_t control = CountControls(s, n);
  if (control * 10 < n) return false;
  size_t nul_even = 0, nul_odd = 0;
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == 0) ++(i % 2 == 0 ? nul_even : nul_odd);
  }
  // UTF-16: NUL bytes nearly all on one side (Latin text has one NUL per
  // character).
  const size_t nul = nul_even + nul_odd;
  if (nul * 4 >= n && (nul_even * 20 <= nul || nul_odd * 20 <= nul)) return false;
  return !HasTextRun(s);
}

}  // namespace

const char* SniffBinary(std::string_view bytes) {
  for (const Magic& m : kMagic) {
    if (StartsWithAt(bytes, m.offset, m.sig)) return m.name;
  }
  if (const char* riff = Riff(bytes)) return riff;
  if (IsPe(bytes)) return "PE executable";
  if (MostlyControl(bytes)) return "mostly NUL and control bytes";
  return nullptr;
}

}  // namespace cleaner
