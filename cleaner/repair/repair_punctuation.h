// Spacing around punctuation and doubled punctuation left by scraping:
// `progress .` -> `progress.`, `territory.Nagorno` -> `territory. Nagorno`,
// `said,and` -> `said, and`, `Shusha.,` -> `Shusha,`. Part of the repair
// stage (repair.h); a pure function.
#ifndef CLEANER_STAGES_REPAIR_PUNCTUATION_H_
#define CLEANER_STAGES_REPAIR_PUNCTUATION_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cleaner/repair/repair_text.h"

namespace cleaner {

// What the rules need to know besides the text. The sets hold lowercase
// words and must outlive the call.
struct PunctuationContext {
  // French typography: a space before ; : ! ? is kept.
  bool french = false;
  // Abbreviations without their final period (`e.g`, `dr`, `usw`): a period
  // after one is not a sentence end (filters/repair_abbreviations.tsv).
  const std::unordered_set<std::string>* abbreviations = nullptr;
  // Domain and file-name suffixes (`com`, `ru`, `js`, `pdf`): `Amazon.Com`
  // is a name, not two sentences (filters/repair_suffixes.tsv).
  const std::unordered_set<std::string>* suffixes = nullptr;
  // URI schemes (`http`, `mailto`): `mailto:x` keeps its colon glued.
  const std::unordered_set<std::string>* schemes = nullptr;
};

// Returns `paragraph` with these rules applied (each change named by its
// rule in *changes if not null):
// - "space-before-punct": spaces before , . ; : ! ? ) ] go when a word or a
//   closing mark precedes them and the mark ends a phrase (` .` before a
//   space or the end; not ` .NET`, ` ...`, ` :)`); French keeps them before
//   ; : ! ?. A `)` or `]` loses the space before it only when it closes a
//   bracket opened in the paragraph, and the space just inside that opening
//   bracket goes too.
// - "space-after-punct": a space is added after . ! ? glued to a capitalized
//   word (`territory.Nagorno`) and after , ; : glued to a letter, never
//   inside numbers (`20.000`, `1,2`, `10:30`), abbreviations and initials
//   (`e.g.`, `U.S.`), domains, URLs, e-mail addresses, paths and file names
//   (`Kwork.ru`, `www.example.org/help`, `Node.js`, `ASP.NET`).
// - "doubled-punct": `.,` `.;` `.:` (not after an abbreviation or initials:
//   `etc.,` `U.S.,` stay), `,,` `,.` `;;` collapse to their last mark;
//   ellipses, `?!`, `!!` stay.
// Text in scripts written without spaces (CJK, Thai) is not touched.
// REQUIRES: valid UTF-8 without '\n'.
std::string RepairPunctuation(std::string_view paragraph, const PunctuationContext& ctx,
                              std::vector<RepairChange>* changes);

// False only for a paragraph RepairPunctuation() returns unchanged whatever
// the context (a cheap byte scan; true for some it leaves alone), so that
// callers can skip it and its copy.
bool PunctuationMayChange(std::string_view paragraph);

// RepairPunctuation() without its first scan, for a caller that has seen
// PunctuationMayChange(paragraph) return true.
std::string RepairPunctuationMayChange(std::string_view paragraph, const PunctuationContext& ctx,
                                       std::vector<RepairChange>* changes);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_PUNCTUATION_H_
