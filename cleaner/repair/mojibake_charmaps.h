// The single-byte encodings mojibake goes through (UTF-8 bytes decoded as
// one of them), read from ICU's converters once per process: which byte each
// character encodes to, and which characters can stand for a UTF-8 lead or
// continuation byte in any of them (the fast precheck of repair_mojibake).
// Part of the repair stage; no repair logic here.
#ifndef CLEANER_REPAIR_MOJIBAKE_CHARMAPS_H_
#define CLEANER_REPAIR_MOJIBAKE_CHARMAPS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace cleaner {

// One single-byte encoding: its byte -> character table from ICU and the
// inverse. A "sloppy" encoding (ftfy's term) also maps each byte the
// encoding leaves undefined to the C1 control or Latin-1 character of the
// same value, as browsers and Python's "latin-1 fallback" decoders do, so
// that text through it round-trips.
struct Charmap {
  std::string name;           // "windows-1252", "x-mac-roman", ...
  std::string rule;           // "mojibake: windows-1252 -> utf-8" (for --explain)
  char32_t decode[256] = {};  // 0: the byte is undefined
  // The inverse, indexed by code point below U+10000: the byte, or -1.
  // A flat table: Encode() runs for every character of every candidate
  // reversal, and a hash lookup there was a sixth of the repair stage's time.
  std::vector<int16_t> encode = std::vector<int16_t>(0x10000, -1);

  // Bit c set: c encodes to a UTF-8 lead byte 0xC2..0xF4 (lead) or to a
  // continuation byte 0x80..0xBF (continuation) here. Below U+10000.
  std::vector<uint64_t> lead, continuation;
  // Whether a then b can start a UTF-8 sequence in this encoding.
  bool MayStartSequence(char32_t a, char32_t b) const {
    return a < 0x10000 && b < 0x10000 && (lead[a >> 6] >> (a & 63)) & 1 &&
           (continuation[b >> 6] >> (b & 63)) & 1;
  }

  // Whether a encodes to a UTF-8 lead byte here.
  bool IsLead(char32_t a) const { return a < 0x10000 && (lead[a >> 6] >> (a & 63)) & 1; }

  // The byte `c` encodes to, or -1. ASCII encodes to itself.
  int Encode(char32_t c) const {
    if (c < 0x80) return static_cast<int>(c);
    return c < 0x10000 ? encode[c] : -1;
  }
};

// Every encoding tried, in order of preference (the most common garbling
// first, so that a tie goes to it), and the precheck sets. Built from ICU on
// first use (thread-safe); the reference lives for the process.
struct Charmaps {
  std::vector<Charmap> maps;
  // Bit c set: in some encoding, c encodes to a UTF-8 lead byte 0xC2..0xF4
  // (lead) or to a continuation byte 0x80..0xBF (continuation). Code
  // points >= 0x10000 are in neither.
  std::vector<uint64_t> lead, continuation;
  bool IsLead(char32_t c) const { return c < 0x10000 && (lead[c >> 6] >> (c & 63)) & 1; }
  bool IsContinuation(char32_t c) const {
    return c < 0x10000 && (continuation[c >> 6] >> (c & 63)) & 1;
  }
};
const Charmaps& GetCharmaps();

}  // namespace cleaner

#endif  // CLEANER_REPAIR_MOJIBAKE_CHARMAPS_H_
