// Mojibake: UTF-8 text that was decoded as a single-byte code page
// somewhere upstream (`cafÃ©` for `café` through Windows-1252, `вЂ™` for `’`
// through Windows-1251, `Zam√≤` through Mac Roman, `╨┐╤Ç` through CP437),
// possibly more than once, and Windows-1252 text decoded as Latin-1 (a C1
// control U+0092 for `’`). Part of the repair stage (repair.h); pure
// functions.
//
// The decision is measured (see repair_mojibake.cc and mojibake_score.h):
// each run of non-ASCII characters that could be misread UTF-8 is reversed
// through every code page of mojibake_charmaps.h (tables from ICU), and the
// reversal replaces the run only when its bytes decode as UTF-8 (CESU-8
// surrogate pairs included) and the result is clearly more plausible text.
// Runs are judged one by one, so one garbled phrase in a clean paragraph is
// fixed and the rest left as it is. `Â` + a Latin-1 symbol (`Â£`, `Â©`) is
// real text in writing about encodings, and is fixed only when the same
// document has certain mojibake; so is any weaker reversal.
#ifndef CLEANER_STAGES_REPAIR_MOJIBAKE_H_
#define CLEANER_STAGES_REPAIR_MOJIBAKE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/repair/repair_text.h"

namespace cleaner {

// Returns true iff `text` holds at least one certain mojibake sequence: the
// evidence that lets FixMojibake() also fix the uncertain ones in the same
// document. REQUIRES: `text` is valid UTF-8.
bool HasCertainMojibake(std::string_view text);

// Returns `text` with mojibake reversed:
// - certain reversals always; uncertain ones (`Â` + symbol, or a small gain
//   in plausibility) only when `allow_uncertain` (the document has certain
//   mojibake elsewhere) or the same text has a certain one;
// - `â€` whose last byte was lost (Windows-1252 has no character for 0x9D,
//   so converters drop it or keep it as U+FFFD) becomes `”`;
// - `Ã` + space, where the space was the no-break space of `à` (C3 A0),
//   becomes `à` (`voilÃ  la`, `Ã perturber`);
// - a C1 control left (U+0080..U+009F) becomes its Windows-1252 character
//   (U+0092 -> `’`).
// Repeats until nothing changes, so text encoded two or three times
// (`ÃƒÂ©`) is fixed and the function is idempotent. One RepairChange per
// fix goes to *changes if not null, its rule naming the encoding path
// ("mojibake: windows-1251 -> utf-8"). REQUIRES: valid UTF-8.
std::string FixMojibake(std::string_view text, bool allow_uncertain,
                        std::vector<RepairChange>* changes);

// False only for text without mojibake (a fast byte scan, true for some
// clean text): FixMojibake() returns such text unchanged and
// HasCertainMojibake() is false for it.
bool MayHaveMojibake(std::string_view text);

// True iff `a` directly followed by `b` can be two bytes of one misread
// UTF-8 sequence (a lead or continuation byte, then a continuation byte, in
// some code page of mojibake_charmaps.h): the quote and punctuation repairs,
// which run after FixMojibake(), never put a space between such a pair or
// change either (`RÄ«ga` must not become `RÄ «ga`), so that text the
// mojibake repair left does not become harder to repair later.
bool MayBeGarbledPair(char32_t a, char32_t b);

// True iff the edit that replaces d.cp[begin..end) would cut into or change
// such a pair at either end.
bool SplitsGarbledPair(const CodePoints& d, long begin, long end);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_MOJIBAKE_H_
