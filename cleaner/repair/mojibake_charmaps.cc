// Charmaps read from ICU. See mojibake_charmaps.h.
#include "cleaner/repair/mojibake_charmaps.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

namespace cleaner {

namespace {

struct Source {
  const char* icu_name;  // an ICU converter name or alias
  const char* name;      // what --explain calls it
  bool sloppy;           // keep undefined bytes as U+0080..U+00FF
};

// The encodings UTF-8 is most often misread as (ftfy's list): Western,
// Central European, Cyrillic, Greek, Turkish and Baltic Windows code pages,
// Latin-1 and Latin-2, Mac Roman and the DOS code page 437.
constexpr Source kSources[] = {
    {"windows-1252", "windows-1252", true}, {"ISO-8859-1", "latin-1", false},
    {"windows-1251", "windows-1251", true}, {"windows-1250", "windows-1250", true},
    {"ISO-8859-2", "iso-8859-2", false},    {"macintosh", "macroman", false},
    {"windows-1253", "windows-1253", true}, {"windows-1254", "windows-1254", true},
    {"windows-1257", "windows-1257", true}, {"ibm-437", "cp437", false},
};

// Fills m->decode from ICU: each byte converted alone, an error (the byte
// is undefined) leaving 0.
bool Load(const Source& s, Charmap* m) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(s.icu_name, &err);
  if (U_FAILURE(err)) return false;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  for (int b = 0; b < 256; ++b) {
    const char in = static_cast<char>(b);
    UChar out[4];
    err = U_ZERO_ERROR;
    ucnv_reset(conv);
    const int32_t n = ucnv_toUChars(conv, out, 4, &in, 1, &err);
    char32_t c = 0;
    if (U_SUCCESS(err) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A) c = out[0];
    if (b == 0x1A) c = 0x1A;
    if (c == 0 && s.sloppy && b >= 0x80) c = static_cast<char32_t>(b);
    m->decode[b] = c;
    // A character reachable from two bytes (none in these code pages) keeps
    // the first.
    if (c >= 0x80 && c < 0x10000 && m->encode[c] < 0) m->encode[c] = static_cast<int16_t>(b);
  }
  ucnv_close(conv);
  m->name = s.name;
  m->rule = std::string("mojibake: ") + s.name + " -> utf-8";
  return true;
}

Charmaps Build() {
  Charmaps all;
  all.lead.assign(0x10000 / 64, 0);
  all.continuation.assign(0x10000 / 64, 0);
  for (const Source& s : kSources) {
    Charmap m;
    if (!Load(s, &m)) continue;  // an ICU without the converter: not tried
    m.lead.assign(0x10000 / 64, 0);
    m.continuation.assign(0x10000 / 64, 0);
    for (int b = 0x80; b <= 0xF4; ++b) {
      const char32_t c = m.decode[b];
      if (c == 0 || c >= 0x10000) continue;
      const uint64_t bit = uint64_t{1} << (c & 63);
      if (b >= 0xC2) all.lead[c >> 6] |= bit, m.lead[c >> 6] |= bit;
      if (b <= 0xBF) all.continuation[c >> 6] |= bit, m.continuation[c >> 6] |= bit;
    }
    all.maps.push_back(std::move(m));
  }
  return all;
}

}  // namespace

const Charmaps& GetCharmaps() {
  static const Charmaps* maps = new Charmaps(Build());
  return *maps;
}

}  // namespace cleaner
