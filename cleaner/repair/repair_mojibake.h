// Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere
// upstream and re-encoded (`cafÃ©` for `café`, `â€™` for `’`, `Ã¼` for
// `ü`), and Windows-1252 text decoded as Latin-1 (a C1 control U+0092 for
// `’`). Part of the repair stage (repair.h); pure functions.
//
// The approach is ftfy's, reduced to what is certain: a run of characters is
// re-encoded to the bytes Windows-1252 (or Latin-1, for C1 controls) gives
// them and decoded as UTF-8, and the result replaces the run only when the
// run is a complete UTF-8 sequence whose mojibake form does not occur in
// real text. Which lead bytes count as certain is decided per block of the
// result (see repair_mojibake.cc): `Ã©` (é), `Å‚` (ł), `Ð¿` (п), `â€œ` (“),
// `ä¸­` (中) are; `NESTLÉ®` (É + ® would be U+026E, an IPA letter) is not.
// `Â` + a Latin-1 symbol (`Â£`, `Â©`, `Â°`) is real text in writing about
// encodings, and is fixed only when the same document has certain mojibake.
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
// - certain sequences always, uncertain ones (`Â` + symbol) only when
//   `allow_uncertain` (the document has certain mojibake elsewhere);
// - `â€` whose last byte was lost (Windows-1252 has no character for 0x9D,
//   so converters drop it or keep it as the C1 control U+009D) becomes `”`;
// - a C1 control alone (U+0080..U+009F) becomes its Windows-1252 character
//   (U+0092 -> `’`).
// Repeats until nothing changes, so text encoded twice (`ÃƒÂ©`) is fixed
// and the function is idempotent. One RepairChange per fix (rule
// "mojibake") goes to *changes if not null. REQUIRES: valid UTF-8.
std::string FixMojibake(std::string_view text, bool allow_uncertain,
                        std::vector<RepairChange>* changes);

// False only for text without mojibake (a fast byte scan, true for some
// clean text): FixMojibake() returns such text unchanged and
// HasCertainMojibake() is false for it.
bool MayHaveMojibake(std::string_view text);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_MOJIBAKE_H_
