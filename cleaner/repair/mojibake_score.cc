// Implausibility of text. See mojibake_score.h.
#include "cleaner/repair/mojibake_score.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace cleaner {

namespace {

enum class Kind : unsigned char {
  kSpace,    // white space, NBSP
  kLetter,   // letters (case and script asked separately)
  kDigit,    // digits
  kPunct,    // ASCII and typographic punctuation: . , “ ” – — … « »
  kSymbol,   // symbols of ordinary text: £ € © ® ™ ° ± × µ ½ ² ª
  kOdd,      // symbols seen in text almost only as mojibake: ¤ ¦ ¨ ¯ ´ ¸ ¬
             // ƒ ˆ ˜ † ‡ ‰ ◊ ⁄ √ ∂ ≈ ≤ ﬁ and the other math operators
  kBox,      // box drawing and block elements (CP437)
  kFormat,   // soft hyphen and other invisible format characters
  kMark,     // combining marks
  kControl,  // C0 (but TAB/LF) and C1 controls
  kBad,      // unassigned, private use, noncharacters, U+FFFD
};

bool IsOddSymbol(char32_t c) {
  switch (c) {
    case 0xA4:
    case 0xA6:
    case 0xA8:
    case 0xAF:
    case 0xB4:
    case 0xB8:
    case 0xAC:
    case 0x192:
    case 0x2C6:
    case 0x2C7:
    case 0x2D8:
    case 0x2D9:
    case 0x2DA:
    case 0x2DB:
    case 0x2DC:
    case 0x2DD:
    case 0x2020:
    case 0x2021:
    case 0x2030:
    case 0x25CA:
    case 0x2044:
    case 0xFB01:
    case 0xFB02:
    case 0x20A7:
    case 0x2310:
    case 0x2320:
    case 0x2321:
    case 0x2126: return true;
    default: return c >= 0x2200 && c <= 0x22FF;  // mathematical operators
  }
}

Kind KindOf(char32_t c) {
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return Kind::kSpace;
    if (c < 0x20 || c == 0x7F) return Kind::kControl;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return Kind::kLetter;
    if (c >= '0' && c <= '9') return Kind::kDigit;
    return Kind::kPunct;
  }
  if (c < 0xA0) return Kind::kControl;
  if (c == 0xA0) return Kind::kSpace;
  if (c == 0xFFFD) return Kind::kBad;
  // Ordinal indicators and the micro sign are letters to Unicode, symbols
  // to a reader.
  if (c == 0xAA || c == 0xBA || c == 0xB5) return Kind::kSymbol;
  if (IsOddSymbol(c)) return Kind::kOdd;
  if (c >= 0x2500 && c <= 0x259F) return Kind::kBox;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return Kind::kLetter;
    case U_DECIMAL_DIGIT_NUMBER: return Kind::kDigit;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK: return Kind::kMark;
    case U_FORMAT_CHAR: return Kind::kFormat;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR: return Kind::kSpace;
    case U_UNASSIGNED:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE: return Kind::kBad;
    case U_CONTROL_CHAR: return Kind::kControl;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION: return Kind::kPunct;
    default: return Kind::kSymbol;
  }
}

// Letters of blocks that a UTF-8 sequence misread decodes to far more often
// than real text contains them: Latin Extended-B (but Romanian ș ț, pinyin
// ǎ ǐ ǒ ǔ, Vietnamese ơ ư), IPA, historic Cyrillic and Cyrillic Supplement,
// Syriac, Thaana, NKo, Samaritan, Mandaic.
bool IsRareLetter(char32_t c) {
  if (c >= 0x180 && c <= 0x24F) {
    return !((c >= 0x218 && c <= 0x21B) || (c >= 0x1CD && c <= 0x1DC) || c == 0x1A0 || c == 0x1A1 ||
             c == 0x1AF || c == 0x1B0);
  }
  return (c >= 0x250 && c <= 0x2AF) || (c >= 0x460 && c <= 0x489) || (c >= 0x500 && c <= 0x52F) ||
         (c >= 0x700 && c <= 0x8FF);
}

// The writing system of a letter, coarse: Han, kana and Hangul are one (a
// Japanese or Korean text mixes them).
int ScriptGroup(char32_t c) {
  if (c < 0x80) return USCRIPT_LATIN;
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &err);
  switch (s) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_BOPOMOFO: return USCRIPT_HAN;
    default: return s;
  }
}

bool IsUpperLetter(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool IsLowerLetter(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

// Latin Extended-A letters that few orthographies use (Latvian ŗ, the
// Greenlandic kra, Esperanto's circumflexed consonants, Welsh ŵ ŷ, ...): a
// reversal that yields one alone (`10 Å—` -> `10 ŗ`) is not more plausible.
bool IsUncommonLetter(char32_t c) {
  switch (c) {
    case 0x156:
    case 0x157:
    case 0x138:
    case 0x149:
    case 0x13F:
    case 0x140:
    case 0x166:
    case 0x167:
    case 0x14A:
    case 0x14B:
    case 0x17F:
    case 0x132:
    case 0x133:
    case 0x15C:
    case 0x15D:
    case 0x11C:
    case 0x11D:
    case 0x124:
    case 0x125:
    case 0x134:
    case 0x135:
    case 0x16C:
    case 0x16D:
    case 0x14E:
    case 0x14F:
    case 0x114:
    case 0x115:
    case 0x12C:
    case 0x12D:
    case 0x176:
    case 0x177:
    case 0x174:
    case 0x175:
    case 0x128:
    case 0x129:
    case 0x168:
    case 0x169: return true;
    default: return false;
  }
}

int CharCost(char32_t c, Kind k) {
  switch (k) {
    case Kind::kControl: return 10;
    case Kind::kBad: return c == 0xFFFD ? 6 : 10;
    case Kind::kOdd:
    case Kind::kBox:
    case Kind::kFormat: return 2;
    case Kind::kLetter: return IsRareLetter(c) ? 3 : IsUncommonLetter(c) ? 1 : 0;
    default: return 0;
  }
}

// The cost of x directly followed by y (w before x, z after y; 0 outside).
int PairCost(char32_t w, char32_t x, Kind kx, char32_t y, Kind ky, char32_t z) {
  int cost = 0;
  if (kx == Kind::kLetter && ky == Kind::kLetter) {
    const int sx = ScriptGroup(x), sy = ScriptGroup(y);
    if (sx != sy && sx != USCRIPT_COMMON && sy != USCRIPT_COMMON && sx != USCRIPT_INHERITED &&
        sy != USCRIPT_INHERITED) {
      return 4;  // two scripts glued together
    }
    // A capital inside a word after a lowercase letter: `cafÃ`, `siÄ`,
    // `їС`. (ASCII camel case, `iPhone`, is left alone.)
    if (y >= 0x80 && IsLowerLetter(x) && IsUpperLetter(y)) cost += 3;
    // An accented capital before an accented lowercase letter (`Ãœ`, `Ăś`,
    // `Äô`, `Ĺľ`): no orthography writes these, but Polish `Łó` (and
    // Icelandic `Þó`, whose Þ is no accented capital).
    const bool accented_capital =
        (x >= 0xC0 && x <= 0xDD && x != 0xD7) || (x >= 0x100 && x <= 0x17F && x != 0x141);
    if (accented_capital && IsUpperLetter(x) && IsLowerLetter(y) && y >= 0xDF) {
      cost += 3;
    }
    // Two accented capitals, then lowercase: `SĂŁo`.
    if (x >= 0x80 && y >= 0x80 && IsUpperLetter(x) && IsUpperLetter(y) && z != 0 &&
        IsLowerLetter(z)) {
      cost += 2;
    }
    return cost;
  }
  if (kx == Kind::kLetter && x >= 0x80 && IsUpperLetter(x)) {
    // An accented capital glued to a symbol: `Ã©`, `Ð¿`, `Â\u00a0`. After
    // another capital (an all-caps name: `NESTLÉ®`, `AHÅ™`) it is a brand
    // mark as often.
    const bool caps = w != 0 && IsUpperLetter(w) && !(z != 0 && IsLowerLetter(z));
    if (y == 0xA0) {
      // `10Â km`: glued to the word before. A one-letter word before a
      // no-break space (`Ø `, Norwegian) is real.
      cost += w != 0 && (KindOf(w) == Kind::kLetter || KindOf(w) == Kind::kDigit) ? 3 : 1;
    } else if (ky == Kind::kSymbol || ky == Kind::kOdd || ky == Kind::kFormat ||
               ky == Kind::kControl) {
      const bool brand = y == 0x2122 || y == 0xAE || y == 0xA9;  // ™ ® ©
      cost += caps ? (brand ? 0 : 1) : 3;
    } else if (ky == Kind::kPunct && y >= 0x80 && !(x == 0xC7 && y == 0x2019)) {
      // `Ã–sterreich`, `Ã‘A`, `Å’uvre`: a letter follows. `IRMÃ…`,
      // `AMANHÃ”` at the end of a word are real Portuguese as often. `Ç’`
      // is an elision (Albanian `Ç’ka`, French `Ç’a`), not pinyin `ǒ`.
      const bool letter_after = z != 0 && KindOf(z) == Kind::kLetter;
      // A word in another script may end in a capital before its closing
      // mark (Russian `«ОК»`); what garbling makes of Latin letters is Latin.
      const bool latin = x < 0x250;
      cost += letter_after ? 3 : latin ? 1 : 0;
    }
    return cost;
  }
  if (kx == Kind::kLetter && x >= 0x80 && (ky == Kind::kSymbol || ky == Kind::kOdd) && y != 0xB0 &&
      y != 0xAE && y != 0x2122 && y != 0xA9) {
    // `â€`, `ä¸`: a lowercase accented letter glued to a symbol; to the euro
    // sign (`â€™`, the start of every misread General Punctuation mark) most
    // of all.
    cost += y == 0x20AC ? 3 : 2;
  }
  if ((kx == Kind::kLetter && ky == Kind::kOdd) || (kx == Kind::kOdd && ky == Kind::kLetter)) {
    cost += 2;  // `Zam√≤`
  }
  if (kx == Kind::kOdd && (ky == Kind::kOdd || ky == Kind::kSymbol)) cost += 2;  // `√©`
  // A low opening quote glued to the letter before it, or to a symbol after
  // it (`â„¢`): German opens with „ after a space.
  if ((y == 0x201E || y == 0x201A) && kx == Kind::kLetter && x >= 0x80) cost += 2;
  if ((x == 0x201E || x == 0x201A) && (ky == Kind::kSymbol || ky == Kind::kOdd)) cost += 2;
  if ((x == 0x2013 || x == 0x2014) && (ky == Kind::kSymbol || ky == Kind::kOdd)) {
    cost += 1;  // `–¥`
  }
  if ((kx == Kind::kBox) != (ky == Kind::kBox) && (kx == Kind::kLetter || ky == Kind::kLetter)) {
    cost += 2;  // `╤Ç`
  }
  if (ky == Kind::kMark && kx != Kind::kLetter && kx != Kind::kMark) cost += 3;
  return cost;
}

}  // namespace

int Implausibility(const char32_t* cp, size_t n) {
  int cost = 0;
  Kind prev = Kind::kSpace;
  for (size_t i = 0; i < n; ++i) {
    const Kind k = KindOf(cp[i]);
    cost += CharCost(cp[i], k);
    if (i > 0) {
      cost +=
          PairCost(i >= 2 ? cp[i - 2] : 0, cp[i - 1], prev, cp[i], k, i + 1 < n ? cp[i + 1] : 0);
    }
    prev = k;
  }
  return cost;
}

}  // namespace cleaner
