// Mojibake reversal. See repair_mojibake.h.
#include "cleaner/repair/repair_mojibake.h"

#include <unicode/uchar.h>

#include <cstring>

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// The byte Windows-1252 (or Latin-1) encodes `c` as, or -1.
int ByteOf(char32_t c) {
  if (c < 0x100) return static_cast<int>(c);
  if (c < 0x152 || c > 0x2122) return -1;  // outside the 27 specials
  for (int b = 0x80; b < 0xA0; ++b) {
    if (Cp1252High(b) == c) return b;
  }
  return -1;
}

bool IsContinuation(int b) { return b >= 0x80 && b <= 0xBF; }

enum class Verdict { kNo, kUncertain, kCertain };

// How sure we are that lead byte `lead` + continuation `cont` (a 2-byte
// sequence decoding to `result`) is mojibake.
Verdict TwoByteVerdict(int lead, char32_t result) {
  switch (lead) {
    case 0xC2:  // Â + U+0080..U+00BF: `Â£` is also real text about encodings
      return Verdict::kUncertain;
    case 0xC3:  // Ã: à..ÿ, À..ß
    case 0xC4:  // Ä: ā ą ć č ď đ ē ę ě ğ ī ı ...
    case 0xC5:  // Å: ł ń ő ś š ű ź ż ž ...
    case 0xCE:  // Î, Ï: Greek
    case 0xCF:
    case 0xD0:  // Ð, Ñ: Cyrillic
    case 0xD1:
    case 0xD7:  // ×: Hebrew
    case 0xD8:  // Ø..Û: Arabic
    case 0xD9:
    case 0xDA:
    case 0xDB:
      return Verdict::kCertain;
    case 0xC8:  // È: only Romanian ș ț (U+0218..U+021B) are common
      return result >= 0x218 && result <= 0x21B ? Verdict::kCertain : Verdict::kNo;
    default:
      // É (IPA letters: `NESTLÉ®`), Ë/Ì/Í (modifiers, combining marks), Æ/Ç
      // (Latin Extended-B) and the rest: the mojibake reading is rarer than
      // real text there.
      return Verdict::kNo;
  }
}

bool IsUsable(char32_t c) {
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t != U_UNASSIGNED && t != U_PRIVATE_USE_CHAR && t != U_SURROGATE && t != U_CONTROL_CHAR &&
         !U_IS_UNICODE_NONCHAR(c);
}

// Blocks a 3- or 4-byte UTF-8 sequence decodes into in real mojibake:
// punctuation, symbols, Indic, Thai, Vietnamese, CJK, Hangul, emoji.
// Elsewhere (e.g. Samaritan U+0800..U+083F, which French `à\u00a0«` would
// decode to) the mojibake reading is less likely than real text.
bool IsPlausibleWide(char32_t r) {
  return (r >= 0x0900 && r <= 0x0DFF) || (r >= 0x0E00 && r <= 0x0E7F) ||
         (r >= 0x10A0 && r <= 0x10FF) || (r >= 0x1E00 && r <= 0x1EFF) ||
         (r >= 0x2000 && r <= 0x2BFF) || (r >= 0x2E80 && r <= 0x9FFF) ||
         (r >= 0xAC00 && r <= 0xD7AF) || (r >= 0xFE30 && r <= 0xFE4F) ||
         (r >= 0xFF00 && r <= 0xFFEF) || (r >= 0x1F000 && r <= 0x1FAFF) ||
         (r >= 0x20000 && r <= 0x2FFFF);
}

// Latin-1 characters that follow a letter in real text (no-break space,
// guillemets, degree, middle dot, ordinal indicators, superscripts): after
// an uppercase lead they are as likely real (`«SØ»`, `Ø\u00a0`) as
// mojibake.
bool FollowsLettersNaturally(int b) {
  switch (b) {
    case 0xA0: case 0xAA: case 0xAB: case 0xB0: case 0xB2: case 0xB3:
    case 0xB7: case 0xB9: case 0xBA: case 0xBB:
      return true;
    default:
      return false;
  }
}

// Windows-1252 punctuation that ends a word in real text: … ‹ ‘ ’ “ ” – — ›.
bool EndsWords(int b) {
  switch (b) {
    case 0x85: case 0x8B: case 0x91: case 0x92: case 0x93: case 0x94: case 0x96:
    case 0x97: case 0x9B:
      return true;
    default:
      return false;
  }
}

struct Found {
  size_t length = 0;  // code points consumed
  char32_t result = 0;
  Verdict verdict = Verdict::kNo;
};

// Looks for mojibake starting at d.cp[i].
Found Match(const CodePoints& d, size_t i) {
  Found f;
  char32_t c = d.cp[i];
  int lead = ByteOf(c);
  if (lead < 0x80) return f;
  if (lead < 0xA0 && c < 0xA0) {
    // A C1 control on its own: Windows-1252 text read as Latin-1.
    if (Cp1252High(lead) != 0) {
      f.length = 1;
      f.result = Cp1252High(lead);
      f.verdict = Verdict::kCertain;
    }
    return f;
  }
  int n = lead >= 0xF0 && lead <= 0xF4 ? 3 : lead >= 0xE0 && lead <= 0xEF ? 2
          : lead >= 0xC2 && lead <= 0xDF ? 1 : 0;
  if (n == 0) return f;
  int bytes[4] = {lead, 0, 0, 0};
  int got = 0;
  for (; got < n && i + 1 + got < d.size(); ++got) {
    int b = ByteOf(d.cp[i + 1 + got]);
    if (!IsContinuation(b)) break;
    bytes[got + 1] = b;
  }
  if (got < n) {
    // `Ã  la` (two spaces): `à`, whose second byte 0xA0 (a no-break space)
    // became a plain space on the way. Real text has `Ã` + two spaces too
    // (a capitalized word's end), so only with evidence.
    if (lead == 0xC3 && got == 0 && d.at(static_cast<long>(i) + 1) == ' ' &&
        IsHSpace(d.at(static_cast<long>(i) + 2))) {
      f.length = 2;
      f.result = 0xE0;
      f.verdict = Verdict::kUncertain;
      return f;
    }
    // `â€` + (lost 0x9D): the right double quote, whose last byte Windows-1252
    // cannot represent. Only this one is common enough to restore.
    if (lead == 0xE2 && got == 1 && bytes[1] == 0x80) {
      f.length = 2;
      f.result = 0x201D;
      f.verdict = Verdict::kCertain;
    }
    return f;
  }
  std::string utf8;
  for (int k = 0; k <= n; ++k) utf8.push_back(static_cast<char>(bytes[k]));
  if (!IsValidUtf8(utf8)) return f;
  size_t pos = 0;
  char32_t r = NextCodePoint(utf8, &pos);
  // `Â` + a C1 control: the C1 control itself, a step of text encoded twice
  // (`Ã¢â‚¬Â\u009d` -> `â€\u009d` -> `”`). A C1 control is never text.
  bool c1 = n == 1 && lead == 0xC2 && bytes[1] <= 0x9F;
  if (!IsUsable(r) && !c1) return f;
  f.length = n + 1;
  f.result = r;
  if (c1) {
    f.verdict = Verdict::kCertain;
  } else if (n == 1) {
    f.verdict = TwoByteVerdict(lead, r);
    if (f.verdict == Verdict::kCertain && FollowsLettersNaturally(bytes[1]) &&
        !(i > 0 && IsLower(d.cp[i - 1]))) {
      // Inside a lowercase word (`sÃ»r`, `voilÃ\u00a0`) it is mojibake;
      // elsewhere only with evidence from the rest of the document.
      f.verdict = Verdict::kUncertain;
    }
    if (f.verdict == Verdict::kCertain && EndsWords(bytes[1]) && i > 0 &&
        IsLetter(d.cp[i - 1]) && !IsLetter(d.at(static_cast<long>(i) + 2))) {
      // `“AMANHÃ”`, `IRMÃ…`: a word ending in Ã (or Ñ, Ä, ...) before a
      // closing quote or an ellipsis is real text as often as `Ô`, `Å`.
      // `Ã–sterreich` (a letter follows) stays certain.
      f.verdict = Verdict::kUncertain;
    }
  } else {
    f.verdict = IsPlausibleWide(r) ? Verdict::kCertain : Verdict::kNo;
  }
  return f;
}

std::string FixOnce(std::string_view text, bool allow_uncertain,
                    std::vector<RepairChange>* changes, bool* changed) {
  const CodePoints& d = DecodeShared(text);
  std::vector<Edit> edits;
  for (size_t i = 0; i < d.size();) {
    if (d.cp[i] < 0x80) {
      ++i;
      continue;
    }
    Found f = Match(d, i);
    if (f.verdict == Verdict::kCertain || (f.verdict == Verdict::kUncertain && allow_uncertain)) {
      Edit e;
      e.begin = d.offset[i];
      e.end = d.offset[i + f.length];
      AppendUtf8(f.result, &e.text);
      e.rule = "mojibake";
      edits.push_back(std::move(e));
      i += f.length;
    } else {
      ++i;
    }
  }
  *changed = !edits.empty();
  return ApplyEdits(text, std::move(edits), changes);
}

}  // namespace

// A fast byte scan that is true for every text with mojibake (and for some
// without): a C1 control (C2 80..9F), or a lead character U+00C2..U+00F4
// (C3 82..B4) directly followed by a character a continuation byte can
// become: U+0080..U+00BF (C2 ..) or a Windows-1252 special (C5 .., C6 92,
// CB .., E2 ..).
bool MayHaveMojibake(std::string_view text) {
  const size_t n = text.size();
  if (n < 2) return false;
  // The first C2 and the first C3 at or after where each was last searched
  // for (n if none), searched again only once passed: one memchr() per
  // match rather than per byte, which rescanned the rest of a text without
  // C2 after each of its é (quadratic), yet memchr() itself is kept, as it
  // costs less on text without either byte than one scan for both.
  auto find = [&](unsigned char b, size_t from) {
    const void* m = std::memchr(text.data() + from, b, n - from);
    return m == nullptr ? n : static_cast<size_t>(static_cast<const char*>(m) - text.data());
  };
  size_t next_c2 = find(0xC2, 0), next_c3 = find(0xC3, 0);
  for (size_t i = 0; i + 1 < n; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0xC2) {
      // Skip ahead to the next byte that can start U+0080..U+00FF.
      if (next_c2 < i) next_c2 = find(0xC2, i);
      if (next_c3 < i) next_c3 = find(0xC3, i);
      i = next_c2 < next_c3 ? next_c2 : next_c3;
      if (i + 1 >= n) return false;
      c = static_cast<unsigned char>(text[i]);
    }
    if (c != 0xC2 && c != 0xC3) continue;
    unsigned char t = static_cast<unsigned char>(text[i + 1]);
    if (c == 0xC2 && t >= 0x80 && t <= 0x9F) return true;
    if (c == 0xC3 && t >= 0x82 && t <= 0xB4 && i + 2 < n) {
      unsigned char u = static_cast<unsigned char>(text[i + 2]);
      if (u == 0xC2 || u == 0xC5 || u == 0xC6 || u == 0xCB || u == 0xE2) return true;
    }
  }
  return false;
}

bool HasCertainMojibake(std::string_view text) {
  if (!MayHaveMojibake(text)) return false;
  const CodePoints& d = DecodeShared(text);
  for (size_t i = 0; i < d.size(); ++i) {
    if (d.cp[i] >= 0x80 && Match(d, i).verdict == Verdict::kCertain) return true;
  }
  return false;
}

std::string FixMojibake(std::string_view text, bool allow_uncertain,
                        std::vector<RepairChange>* changes) {
  if (!MayHaveMojibake(text)) return std::string(text);
  // Certain mojibake in the text itself is evidence too (text encoded
  // twice: `ÃƒÂ©` needs its `Â©` fixed before `Ã©` appears).
  allow_uncertain = allow_uncertain || HasCertainMojibake(text);
  bool changed = false;
  std::string out = FixOnce(text, allow_uncertain, changes, &changed);
  // Each round shortens the text; text encoded three times is the most seen.
  while (changed && MayHaveMojibake(out)) out = FixOnce(out, allow_uncertain, changes, &changed);
  return out;
}

}  // namespace cleaner
