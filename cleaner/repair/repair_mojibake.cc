// Mojibake reversal. See repair_mojibake.h.
//
// The decision is measured, not listed: a stretch of non-ASCII characters
// that could be UTF-8 bytes misread (a character that some code page maps to
// a lead byte, followed by one that maps to a continuation byte) is encoded
// back to bytes through each code page of mojibake_charmaps.h, the valid
// UTF-8 sequences in those bytes are decoded, and the reversal that is the
// most plausible (mojibake_score.h) replaces the stretch when it is clearly
// more plausible than the stretch itself. Repeated for text garbled more
// than once. The idea is ftfy's (fix_encoding, badness); the code and the
// scores are ours.
#include "cleaner/repair/repair_mojibake.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cleaner/repair/mojibake_charmaps.h"
#include "cleaner/repair/mojibake_score.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// A reversal must lower the implausibility by this much: one accented
// capital glued to a symbol (`Ã©`, 3). Less (1: `IRMÃ…`, `10 Å—`) is as
// often real text.
constexpr int kMargin = 3;

// With evidence of mojibake in the text or document, a reversal must still
// lower the implausibility by this much: 1 is a symbol beside a capital
// (`“×”`, `AHÅ™`), as often real.
constexpr int kEvidenceMargin = 1;

// Text garbled three times is the most seen; a fourth round only confirms.
constexpr int kMaxRounds = 4;

constexpr const char* kC1Rule = "mojibake: latin-1 -> windows-1252";
constexpr const char* kNbspRule = "mojibake: windows-1252 -> utf-8 (lost no-break space)";

bool IsC1(char32_t c) { return c >= 0x80 && c <= 0x9F; }

bool IsCont(int b) { return b >= 0x80 && b <= 0xBF; }

// Decodes the UTF-8 sequence at bytes[k] (with CESU-8: a surrogate pair
// written as two three-byte sequences). Returns its length in bytes (0 if
// none) and the code point in *out.
// The bytes of the UTF-8 sequence lead byte `b0` announces, or 0.
int SequenceLength(int b0) {
  return b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
}

int DecodeSequence(const std::vector<int>& bytes, size_t k, char32_t* out) {
  const int b0 = bytes[k];
  const size_t n = bytes.size();
  auto at = [&](size_t i) { return i < n ? bytes[i] : -1; };
  const int len = SequenceLength(b0);
  if (len == 0) return 0;
  for (int i = 1; i < len; ++i) {
    if (!IsCont(at(k + i))) return 0;
  }
  const int b1 = at(k + 1);
  if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F)) {
    return 0;
  }
  char32_t c = static_cast<char32_t>(b0 & (0x7F >> len));
  for (int i = 1; i < len; ++i) c = (c << 6) | static_cast<char32_t>(at(k + i) & 0x3F);
  if (b0 == 0xED && b1 >= 0xA0) {
    // A surrogate: only a high one followed by a low one (CESU-8) is text.
    if (b1 > 0xAF || at(k + 3) != 0xED || at(k + 4) < 0xB0 || at(k + 4) > 0xBF ||
        !IsCont(at(k + 5))) {
      return 0;
    }
    const char32_t lo = 0xD000 | static_cast<char32_t>((at(k + 4) & 0x3F) << 6) |
                        static_cast<char32_t>(at(k + 5) & 0x3F);
    *out = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
    return 6;
  }
  const int8_t t = u_charType(static_cast<UChar32>(c));
  // A C1 control is kept: it is a step of text garbled twice (`Â\u009d`).
  if ((t == U_CONTROL_CHAR && !IsC1(c)) || t == U_UNASSIGNED || t == U_PRIVATE_USE_CHAR ||
      U_IS_UNICODE_NONCHAR(c)) {
    return 0;
  }
  *out = c;
  return len;
}

struct Reversal {
  std::vector<char32_t> text;  // the run reversed
  int sequences = 0;           // UTF-8 sequences decoded
  size_t consumed = 0;         // characters of the run they took
  bool complete = false;       // consumed == the run's length
  bool uncertain = true;       // all of them `Â` + a Latin-1 symbol
  int lossy = 0;               // characters merged into a U+FFFD beyond the first
};

// The length of the sequence at bytes[k] whose lost continuation bytes
// were replaced by U+FFFD on the way (`Ä�` for `č`, C4 8D, 8D undefined in
// Windows-1252; `ã�®` for `の`), or 0. Such a sequence cannot be restored;
// it becomes one U+FFFD, where the reader sees that something was lost,
// instead of a letter and a symbol that were never there.
int LossySequence(const std::vector<int>& bytes, const char32_t* run, size_t k) {
  const int len = SequenceLength(bytes[k]);
  if (len == 0 || k + static_cast<size_t>(len) > bytes.size()) return 0;
  bool lost = false;
  for (int i = 1; i < len; ++i) {
    const size_t j = k + static_cast<size_t>(i);
    if (run[j] == 0xFFFD) {
      lost = true;
    } else if (!IsCont(bytes[j])) {
      return 0;
    }
  }
  return lost ? len : 0;
}

// The run[0..n) encoded through `m` and its UTF-8 sequences decoded.
// Characters `m` cannot encode, and bytes that are no sequence, stay.
// `lossy`: whether a sequence that lost bytes to U+FFFD becomes U+FFFD
// (only in the text as given: once some of it is restored, a restored
// letter before a U+FFFD, `В�`, would read as a lead byte again).
Reversal Reverse(const char32_t* run, size_t n, const Charmap& m, bool cp1252, bool lossy) {
  // Scratch reused across calls: Reverse runs for every candidate of every
  // round, and allocating here was a third of the stage's time on long
  // garbled text.
  thread_local std::vector<int> bytes;
  bytes.resize(n);
  for (size_t i = 0; i < n; ++i) bytes[i] = m.Encode(run[i]);
  Reversal r;
  r.text.reserve(n);
  for (size_t k = 0; k < bytes.size();) {
    char32_t c = 0;
    int len = bytes[k] >= 0xC2 ? DecodeSequence(bytes, k, &c) : 0;
    if (len == 0 && cp1252 && bytes[k] == 0xE2 && k + 1 < bytes.size() && bytes[k + 1] == 0x80 &&
        (k + 2 >= bytes.size() || !IsCont(bytes[k + 2]))) {
      // `â€` whose third byte is gone: Windows-1252 has no character for
      // 0x9D, the last byte of `”`, and converters drop it (or leave U+FFFD).
      c = 0x201D;
      len = k + 2 < bytes.size() && run[k + 2] == 0xFFFD ? 3 : 2;
    }
    if (len == 0 && lossy && bytes[k] >= 0xC2) {
      len = LossySequence(bytes, run, k);
      if (len > 0) {
        c = 0xFFFD;
        r.lossy += len - 1;
      }
    }
    if (len == 0) {
      r.text.push_back(run[k]);
      ++k;
      continue;
    }
    r.text.push_back(c);
    ++r.sequences;
    r.consumed += static_cast<size_t>(len);
    if (!(run[k] == 0xC2 && c >= 0xA0) && c != 0xFFFD) r.uncertain = false;
    k += static_cast<size_t>(len);
  }
  r.complete = r.consumed == bytes.size();
  return r;
}

// How many further reversals a candidate is judged by: the first step of
// text garbled twice (`thatРІР‚в„ўs` -> `thatвЂ™s`) is no more plausible
// than the input; the second (`that’s`) is.
constexpr int kLookahead = 2;

int ScoreInContext(const CodePoints& d, size_t a, size_t b, const char32_t* middle, size_t n);

// The implausibility of `middle` in place of d.cp[a..b), or of the best
// text up to `depth` further complete reversals of it reach.
int LookaheadCost(const CodePoints& d, size_t a, size_t b, const std::vector<char32_t>& middle,
                  int depth) {
  int best = ScoreInContext(d, a, b, middle.data(), middle.size());
  if (depth == 0 || best == 0) return best;
  const Charmaps& maps = GetCharmaps();
  // Only text that still holds a possible sequence can be reversed again.
  bool pair = false;
  for (size_t i = 0; i + 1 < middle.size() && !pair; ++i) {
    pair = maps.IsLead(middle[i]) && (maps.IsContinuation(middle[i + 1]) || IsC1(middle[i + 1]));
  }
  if (!pair) return best;
  for (size_t m = 0; m < maps.maps.size(); ++m) {
    Reversal r = Reverse(middle.data(), middle.size(), maps.maps[m], m == 0, false);
    if (r.sequences == 0 || !r.complete) continue;
    best = std::min(best, LookaheadCost(d, a, b, r.text, depth - 1));
  }
  return best;
}

// The implausibility of `middle` between the two characters before and
// after d.cp[a..b).
int ScoreInContext(const CodePoints& d, size_t a, size_t b, const char32_t* middle, size_t n) {
  thread_local std::vector<char32_t> s;  // scratch, as in Reverse
  s.clear();
  for (size_t i = a >= 2 ? a - 2 : 0; i < a; ++i) s.push_back(d.cp[i]);
  s.insert(s.end(), middle, middle + n);
  for (size_t i = b; i < b + 2 && i < d.size(); ++i) s.push_back(d.cp[i]);
  return Implausibility(s.data(), s.size());
}

// Whether c0 c1 c2 c3 start a whole UTF-8 sequence in some code page (a
// lead byte and as many continuation bytes as it announces), or `â€` with
// its last byte lost. REQUIRES: maps.IsLead(c0), maps.IsContinuation(c1).
// Russian `сё` (1251: F1 B8, a four-byte lead and one continuation) is
// thus told from mojibake before any reversal is tried.
bool WholeSequence(const Charmaps& maps, char32_t c0, char32_t c1, char32_t c2, char32_t c3) {
  if (c0 == 0xE2 && c1 == 0x20AC) return true;  // `â€`
  for (const Charmap& m : maps.maps) {
    if (!m.MayStartSequence(c0, c1)) continue;
    const int b0 = m.Encode(c0);
    const int n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
    if (n >= 3 && !IsCont(m.Encode(c2))) continue;
    if (n == 4 && !IsCont(m.Encode(c3))) continue;
    return true;
  }
  return false;
}

// Whether d.cp[i] can start a misread UTF-8 sequence here: the fast test of
// each position.
bool MaySequence(const Charmaps& maps, const CodePoints& d, size_t i) {
  const char32_t c = d.cp[i];
  if (IsC1(c)) return true;
  if (!maps.IsLead(c)) return false;
  const long j = static_cast<long>(i);
  const char32_t next = d.at(j + 1);
  if (IsC1(next) || next == 0xFFFD || (c == 0xC3 && next == ' ')) return true;
  // A no-break space lost between two garbled runs (AcrossSpace).
  if (next == ' ' && (maps.IsContinuation(d.at(j + 2)) ||
                      (maps.IsLead(d.at(j + 2)) && maps.IsContinuation(d.at(j + 3))))) {
    return true;
  }
  return maps.IsContinuation(next) && WholeSequence(maps, c, next, d.at(j + 2), d.at(j + 3));
}

// `Ã` + space, where the space was the no-break space 0xA0 of `à`
// (C3 A0) lost on the way (`voilÃ  la`, `Ã perturber`), or `Ã` + that
// no-break space itself (`Ã\u00a0 ses amis`), which the normalizer would
// otherwise turn into the first form. Portuguese capitals (`IRMÃ E`) stay:
// it needs a lowercase letter before it, or a lowercase word after it
// standing alone. Returns the bytes to replace, or 0.
size_t LostNbsp(const CodePoints& d, size_t i, size_t* end) {
  const char32_t next = d.at(static_cast<long>(i) + 1);
  if (d.cp[i] != 0xC3 || (next != ' ' && next != 0xA0)) return 0;
  const char32_t before = d.at(static_cast<long>(i) - 1);
  const char32_t after = d.at(static_cast<long>(i) + 2);
  const bool lower_before = before != 0 && u_islower(static_cast<UChar32>(before));
  const bool starts_word = before == 0 || before == ' ' || before == '(';
  // Alone before a lowercase word (`Ã perturber`), or before a second
  // space (`Ã  Paris`: the no-break space became a space).
  const bool alone =
      starts_word && after != 0 && (after == ' ' || u_islower(static_cast<UChar32>(after)));
  if (!lower_before && !alone) return 0;
  if (next == 0xA0) {
    *end = i + 2;  // the no-break space is the second byte of `à`
    return 1;
  }
  // Two spaces: the first was the no-break space. One: it went missing,
  // or it was the no-break space itself in Portuguese `às`, `àquele`,
  // `àquela`, `àquilo` (`à` glued to the word: `Ã s três`, `Ã quele`; not
  // French `Ã s'inscrire`, `Ã quelle heure`).
  const long j = static_cast<long>(i) + 2;
  const char32_t s1 = d.at(j + 1);
  const bool glued =
      starts_word &&
      ((after == 's' && (s1 == 0 || s1 == ' ')) ||
       (after == 'q' && d.at(j + 1) == 'u' &&
        ((d.at(j + 2) == 'e' && d.at(j + 3) == 'l' && (d.at(j + 4) == 'e' || d.at(j + 4) == 'a')) ||
         (d.at(j + 2) == 'i' && d.at(j + 3) == 'l' && d.at(j + 4) == 'o'))));
  *end = after == ' ' || glued ? i + 2 : i + 1;
  return 1;
}

// A run and its reversals through each code page that lowered its
// implausibility.
struct Candidate {
  size_t begin = 0, end = 0;  // bytes of the run
  struct Option {
    size_t map = 0;
    int gain = 0;  // implausibility removed
    Reversal reversal;
  };
  std::vector<Option> options;
  // Complete reversals that leave the implausibility as it is (gain 0):
  // `–û–Ω` is `Он` through Mac Roman, but neither scores as odd. Taken
  // only beside certain reversals (NeutralFits).
  std::vector<Option> neutral;
  // Whether some reversal takes every character of the run: then only
  // those are chosen from (one text garbled one way, as ftfy decodes a whole
  // segment), as a half-undone intermediate step (`ÃƒÂ©`) can look less
  // plausible than a partial reading through the wrong code page.
  bool AnyComplete() const {
    for (const Option& o : options) {
      if (o.reversal.complete) return true;
    }
    return false;
  }
  const Option* Best() const {
    const bool complete = AnyComplete();
    const Option* best = nullptr;
    for (const Option& o : options) {
      if (complete && !o.reversal.complete) continue;
      // A tie goes to the reversal that explains more of the run.
      if (best == nullptr || o.gain > best->gain ||
          (o.gain == best->gain && o.reversal.consumed > best->reversal.consumed)) {
        best = &o;
      }
    }
    return best;
  }
  int BestGain() const {
    const Option* o = Best();
    return o == nullptr ? 0 : o->gain;
  }
  const Option* Through(size_t map) const {
    const bool complete = AnyComplete();
    for (const Option& o : options) {
      if (o.map == map && (o.reversal.complete || !complete)) return &o;
    }
    return nullptr;
  }
};

// The code page that explains the most of the text (the largest sum of
// gains): one text was garbled one way, so its weaker runs follow it
// (`ĂŠ` is `é` in ISO-8859-2, `Ă` + `Š` in Windows-1250). A tie goes to the
// code page through which more runs reverse whole, neutral ones included
// (`â‚¬` is `€` through Windows-1252 and 1250 alike; `ÂŁ` only through 1250).
size_t PreferredMap(const std::vector<Candidate>& candidates,
                    const std::vector<Candidate>& neutrals, size_t n_maps) {
  std::vector<int> total(n_maps, 0), whole(n_maps, 0);
  for (const Candidate& c : candidates) {
    for (const Candidate::Option& o : c.options) {
      total[o.map] += o.gain;
      whole[o.map] += o.reversal.complete;
    }
  }
  for (const Candidate& c : neutrals) {
    for (const Candidate::Option& o : c.neutral) ++whole[o.map];
  }
  size_t best = 0;
  for (size_t m = 1; m < n_maps; ++m) {
    if (total[m] > total[best] || (total[m] == total[best] && whole[m] > whole[best])) best = m;
  }
  return best;
}

// The reversals of run[0..n), which stands in place of d.cp[a..b), that
// lower its implausibility by more than `penalty`.
Candidate Consider(const CodePoints& d, size_t a, size_t b, const char32_t* run, size_t n,
                   bool first_round, int penalty, bool* certain) {
  const Charmaps& maps = GetCharmaps();
  const int original = ScoreInContext(d, a, b, d.cp.data() + a, b - a);
  Candidate c;
  c.begin = d.offset[a];
  c.end = d.offset[b];
  for (size_t m = 0; m < maps.maps.size(); ++m) {
    // A code page in which no two neighbours of the run can start a
    // sequence gives nothing (the lost-byte `â€` of Windows-1252 aside):
    // the common case, tested without reversing.
    bool may = m == 0;
    for (size_t k = 0; k + 1 < n && !may; ++k) {
      may = maps.maps[m].MayStartSequence(run[k], run[k + 1]) ||
            (run[k + 1] == 0xFFFD && maps.maps[m].IsLead(run[k]));
    }
    if (!may) continue;
    Reversal r = Reverse(run, n, maps.maps[m], m == 0, first_round);
    if (r.sequences == 0 || (penalty > 0 && !r.complete)) continue;
    // The characters a lost sequence merges are garbage removed, though
    // the scores of `Ã�` and `�` are alike.
    const int gain = original - LookaheadCost(d, a, b, r.text, kLookahead) + r.lossy - penalty;
    if (gain == 0 && penalty == 0 && r.complete) c.neutral.push_back({m, 0, std::move(r)});
    if (gain <= 0) continue;
    if (gain >= kMargin && !r.uncertain) *certain = true;
    c.options.push_back({m, gain, std::move(r)});
  }
  return c;
}

// A space between two runs where a lead byte's no-break space 0xA0 became
// a space (`Ð Ð°Ð±Ð¾Ñ‚Ð°` is `Работа`, Р being D0 A0): the run d.cp[a..b),
// 0xA0 and the run after the space, reversed whole. ftfy restores byte A0
// the same way and charges the change; so does `kNbspPenalty`.
constexpr int kNbspPenalty = 2;

Candidate AcrossSpace(const CodePoints& d, size_t a, size_t b, bool first_round, size_t* end,
                      bool* certain) {
  const Charmaps& maps = GetCharmaps();
  if (b + 1 >= d.size() || d.cp[b] != ' ' || d.cp[b + 1] < 0x80 ||
      !(maps.IsLead(d.cp[b - 1]) || (b - a >= 2 && maps.IsLead(d.cp[b - 2])))) {
    return Candidate();
  }
  size_t e = b + 1;
  while (e < d.size() && d.cp[e] >= 0x80 && d.cp[e] != 0xA0) ++e;
  thread_local std::vector<char32_t> run;
  run.assign(d.cp.begin() + static_cast<long>(a), d.cp.begin() + static_cast<long>(e));
  run[b - a] = 0xA0;
  Candidate c = Consider(d, a, e, run.data(), run.size(), first_round, kNbspPenalty, certain);
  *end = e;
  return c;
}

Edit EditFor(const Candidate& c, const Candidate::Option& o) {
  Edit e;
  e.begin = c.begin;
  e.end = c.end;
  for (char32_t ch : o.reversal.text) AppendUtf8(ch, &e.text);
  e.rule = GetCharmaps().maps[o.map].rule.c_str();
  return e;
}

// Adds the scripts of the non-ASCII letters of `text` to `scripts`.
void AddScripts(const std::vector<char32_t>& text, std::vector<int>* scripts) {
  for (char32_t ch : text) {
    if (ch < 0x80 || !u_isalpha(static_cast<UChar32>(ch))) continue;
    UErrorCode err = U_ZERO_ERROR;
    const int s = uscript_getScript(static_cast<UChar32>(ch), &err);
    if (std::find(scripts->begin(), scripts->end(), s) == scripts->end()) scripts->push_back(s);
  }
}

// Whether a reversal that leaves the implausibility as it is (through the
// code page the text's certain reversals went) reads as they do: its
// letters are of the scripts they restored, Latin only when that code page
// is not Windows-1252 or Latin-1 (`ÄŻ` is `į` in a Lithuanian text garbled
// through Windows-1250; `AHÅ™` stays, so does `5×£35` though `ף` is
// Hebrew, and Russian `Её`, `Ÿ` through Windows-1251, beside a restored
// `’`), and any other character is a symbol or a mark of punctuation
// (`‚ù§` is `❤` through Mac Roman; `ÂŁ` is `£` through Windows-1250).
bool NeutralFits(const Reversal& r, const std::vector<int>& scripts, bool latin_ok) {
  bool restored = false;
  for (char32_t ch : r.text) {
    if (ch < 0x80) continue;
    restored = true;
    if (!u_isalpha(static_cast<UChar32>(ch))) continue;
    if (r.uncertain) return false;
    UErrorCode err = U_ZERO_ERROR;
    const int s = uscript_getScript(static_cast<UChar32>(ch), &err);
    if (s == USCRIPT_LATIN && !latin_ok) return false;
    if (std::find(scripts.begin(), scripts.end(), s) == scripts.end()) return false;
  }
  return restored;
}

// Bit c - 0xA0 set: the Latin-1 symbol c (U+00A0..U+00BF) stands in the
// text without `Â` before it.
uint32_t AloneSymbols(const CodePoints& d) {
  uint32_t bits = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    const char32_t c = d.cp[i];
    if (c >= 0xA0 && c <= 0xBF && (i == 0 || d.cp[i - 1] != 0xC2)) bits |= 1u << (c - 0xA0);
  }
  return bits;
}

// Whether a reversal of `Â` + symbols restores a symbol that the text also
// shows on its own: a text about mojibake (`Â£ is UTF-8 £ read as
// Latin-1`), not mojibake. Otherwise `Â©2020`, `Â°C`, `Â½` are read as
// `©`, `°`, `½` by their score alone: no text writes them.
bool Discussed(const std::vector<char32_t>& text, uint32_t alone) {
  for (char32_t c : text) {
    if (c >= 0xA0 && c <= 0xBF && ((alone >> (c - 0xA0)) & 1) != 0) return true;
  }
  return false;
}

// One round over the text. Returns the edits. `first_round`: the text as
// given (see Reverse's `lossy`).
std::vector<Edit> FindEdits(const CodePoints& d, bool first_round, bool allow_uncertain,
                            bool* certain) {
  const Charmaps& maps = GetCharmaps();
  std::vector<Edit> edits;
  std::vector<Candidate> candidates, neutrals;
  size_t done = 0;  // code points before this are decided
  for (size_t i = 0; i < d.size(); ++i) {
    if (d.cp[i] < 0x80 || i < done || !MaySequence(maps, d, i)) continue;
    size_t a = i, b = i;
    while (a > done && d.cp[a - 1] >= 0x80 && d.cp[a - 1] != 0xA0) --a;
    while (b < d.size() && d.cp[b] >= 0x80) ++b;
    Candidate c = Consider(d, a, b, d.cp.data() + a, b - a, first_round, 0, certain);
    size_t across = 0;
    bool certain_across = false;
    Candidate wide = AcrossSpace(d, a, b, first_round, &across, &certain_across);
    if (wide.BestGain() > c.BestGain()) {
      c = std::move(wide);
      b = across;
      *certain = *certain || certain_across;
    }
    done = b;
    // `Ã` + U+00A0 is read by its context whatever its score; `Ã` + a space
    // only when no reversal took it.
    size_t end = 0;
    const bool nbsp_run = b == i + 2 && d.cp[i + 1] == 0xA0;
    const bool lost_nbsp =
        (nbsp_run || (b == i + 1 && c.options.empty())) && LostNbsp(d, i, &end);
    if (!c.options.empty() && !lost_nbsp) {
      candidates.push_back(std::move(c));
      continue;
    }
    if (lost_nbsp) {
      Edit e;
      e.begin = d.offset[i];
      e.end = d.offset[end];
      e.text = "\xC3\xA0";
      e.rule = kNbspRule;
      edits.push_back(std::move(e));
      *certain = true;
      done = end;
      continue;
    }
    // C1 controls left: Windows-1252 text read as Latin-1 (U+0092 for ’).
    bool c1 = false;
    for (size_t k = a; k < b; ++k) {
      if (!IsC1(d.cp[k]) || Cp1252High(static_cast<int>(d.cp[k])) == 0) continue;
      c1 = true;
      Edit e;
      e.begin = d.offset[k];
      e.end = d.offset[k + 1];
      AppendUtf8(Cp1252High(static_cast<int>(d.cp[k])), &e.text);
      e.rule = kC1Rule;
      edits.push_back(std::move(e));
      *certain = true;
    }
    if (!c1 && !c.neutral.empty()) neutrals.push_back(std::move(c));
  }
  // With evidence (a certain reversal in this text or its document), any
  // gain is enough: `SÃ£o` next to `Ã©`, `Â£` in a garbled document.
  const bool evidence = allow_uncertain || *certain;
  const size_t preferred = PreferredMap(candidates, neutrals, maps.maps.size());
  std::vector<int> scripts;  // of the letters restored with certainty
  uint32_t alone = 0;        // AloneSymbols(d), once needed
  bool alone_known = false;
  for (const Candidate& c : candidates) {
    const Candidate::Option* o = c.Through(preferred);
    if (o == nullptr) o = c.Best();
    bool clear = o->gain >= kMargin && !o->reversal.uncertain;
    if (!clear && o->gain >= kMargin && o->reversal.lossy == 0) {
      if (!alone_known) alone = AloneSymbols(d), alone_known = true;
      clear = !Discussed(o->reversal.text, alone);
    }
    if (clear || (evidence && o->gain >= kEvidenceMargin)) {
      edits.push_back(EditFor(c, *o));
      if (o->gain >= kMargin && o->map == preferred) AddScripts(o->reversal.text, &scripts);
    }
  }
  if (!evidence) return edits;
  const std::string& name = maps.maps[preferred].name;
  const bool western = name == "windows-1252" || name == "ISO-8859-1";
  for (const Candidate& c : neutrals) {
    for (const Candidate::Option& o : c.neutral) {
      if (o.map == preferred && NeutralFits(o.reversal, scripts, !western)) {
        edits.push_back(EditFor(c, o));
      }
    }
  }
  return edits;
}

}  // namespace

// A fast scan that is true for every text with mojibake (and for some
// without): a character that maps to a UTF-8 lead byte in some code page
// followed by one that maps to a continuation byte, a C1 control, or `Ã`
// before a space. ASCII is skipped sixteen bytes at a time.
namespace {

// The bytes that every hit of MayHaveMojibake() below needs: a byte C0..FF
// right after a byte 80..FF (two non-ASCII characters side by side, as
// garbling makes of every character: each byte of it becomes one), C2
// before 80..9F (a C1 control) or C3 83 (`Ã`). Lead and continuation
// characters are never ASCII (tests/repair_test.cc checks the charmaps),
// and U+FFFD, what an ill-formed byte reads as, is neither. In prose of
// Latin scripts a non-ASCII character mostly stands between ASCII ones:
// this scan, sixteen bytes a step, spares the character-by-character look
// at the charmaps, which was a tenth of the text path's time.
bool MojibakeBytesPresent(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t j = 1;  // p[j - 1], p[j] are the pair looked at
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  const __m128i below_c0 = _mm_set1_epi8(static_cast<char>(0xBF));  // -65
  const __m128i below_a0 = _mm_set1_epi8(static_cast<char>(0xA0));  // -96
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i c3 = _mm_set1_epi8(static_cast<char>(0xC3));
  const __m128i x83 = _mm_set1_epi8(static_cast<char>(0x83));
  for (; j + 16 <= n; j += 16) {
    const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
    const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j - 1));
    const unsigned high_prev = static_cast<unsigned>(_mm_movemask_epi8(prev));
    if (high_prev == 0) continue;  // all ASCII before: no pair ends here
    // As signed bytes C0..FF are -64..-1 and 80..9F are -128..-97.
    const __m128i lead = _mm_and_si128(_mm_cmpgt_epi8(cur, below_c0), _mm_cmplt_epi8(cur, zero));
    const __m128i c1 = _mm_and_si128(_mm_cmpeq_epi8(prev, c2), _mm_cmplt_epi8(cur, below_a0));
    const __m128i atilde = _mm_and_si128(_mm_cmpeq_epi8(prev, c3), _mm_cmpeq_epi8(cur, x83));
    const unsigned hits = (static_cast<unsigned>(_mm_movemask_epi8(lead)) & high_prev) |
                          static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(c1, atilde)));
    if (hits != 0) return true;
  }
#endif
  for (; j < n; ++j) {
    const unsigned a = p[j - 1], b = p[j];
    if ((a >= 0x80 && b >= 0xC0) || (a == 0xC2 && b >= 0x80 && b < 0xA0) ||
        (a == 0xC3 && b == 0x83)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool MayHaveMojibake(std::string_view text) {
  if (!MojibakeBytesPresent(text)) return false;
  const Charmaps& maps = GetCharmaps();
  size_t pos = SkipAscii(text, 0);
  char32_t prev = 0;
  size_t prev_end = std::string_view::npos;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t c = NextCodePoint(text, &pos);
    if (IsC1(c)) return true;
    if (prev_end == start && maps.IsLead(prev) && maps.IsContinuation(c)) {
      size_t p = pos;
      const char32_t c2 = p < text.size() ? NextCodePoint(text, &p) : 0;
      const char32_t c3 = p < text.size() ? NextCodePoint(text, &p) : 0;
      if (WholeSequence(maps, prev, c, c2, c3)) return true;
    }
    if (prev_end == start && maps.IsLead(prev) && (IsC1(c) || c == 0xFFFD)) return true;
    if (c == 0xC3 && pos < text.size() && text[pos] == ' ') return true;
    prev = c;
    prev_end = pos;
    if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {
      pos = SkipAscii(text, pos);
    }
  }
  return false;
}

bool MayBeGarbledPair(char32_t a, char32_t b) {
  if (a < 0x80 || b < 0x80) return false;
  const Charmaps& maps = GetCharmaps();
  return (maps.IsLead(a) || maps.IsContinuation(a) || IsC1(a)) &&
         (maps.IsContinuation(b) || IsC1(b));
}

namespace {

// Whether d.cp[k - 1] and d.cp[k] may be a garbled pair and the text around
// them looks garbled (`Ä«g`, `вЂ“`; not `é“`, a glued quote after a word).
bool GarbledAt(const CodePoints& d, long k) {
  if (!MayBeGarbledPair(d.at(k - 1), d.at(k))) return false;
  const long from = k >= 2 ? k - 2 : 0;
  const long to = std::min<long>(k + 2, static_cast<long>(d.size()));
  return Implausibility(d.cp.data() + from, static_cast<size_t>(to - from)) >= kMargin;
}

}  // namespace

bool SplitsGarbledPair(const CodePoints& d, long begin, long end) {
  return GarbledAt(d, begin) || GarbledAt(d, end);
}

bool HasCertainMojibake(std::string_view text) {
  if (!MayHaveMojibake(text)) return false;
  bool certain = false;
  FindEdits(DecodeShared(text), true, false, &certain);
  return certain;
}

std::string FixMojibake(std::string_view text, bool allow_uncertain,
                        std::vector<RepairChange>* changes) {
  if (!MayHaveMojibake(text)) return std::string(text);
  std::string out(text);
  bool certain = false;
  for (int round = 0; round < kMaxRounds; ++round) {
    // Certain mojibake in the text itself is evidence too (text encoded
    // twice: `ÃƒÂ©` needs its `Â©` fixed before `Ã©` appears).
    std::vector<Edit> edits =
        FindEdits(DecodeShared(out), round == 0, allow_uncertain || certain, &certain);
    if (edits.empty()) break;
    out = ApplyEdits(out, std::move(edits), changes);
    if (!MayHaveMojibake(out)) break;
  }
  return out;
}

}  // namespace cleaner
