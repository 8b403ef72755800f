// Quote marks and apostrophes: pairing per paragraph, consistency per
// document, and the --quotes ascii conversion. Part of the repair stage
// (repair.h); pure functions.
//
// The model. Each paragraph's double marks (“ ” " „ ‟) and single marks
// (‘ ’ ' ‚ ‛) are two families, paired independently (one level of each,
// so single quotes nest inside double ones and vice versa). Every mark of a
// family gets one role: opener, closer, or neither (an apostrophe, an inch
// sign, a stray mark, an opener whose closer is in the next paragraph). The
// roles are chosen together, by dynamic programming over the marks, as the
// cheapest well-nested assignment, where the cost of a role at a mark sums
// the evidence against it:
//   - its glyph (a closing glyph used to open, `” Whoever`);
//   - its spacing (a space just inside the pair, `the’ Nagorno`; no space
//     outside it, `this.”he`);
//   - for "neither": how plausible the mark is as an apostrophe (inside a
//     word: `it’s`; after a plural or a short elided word: `students’`,
//     `po’`; before a year: `’90s`) or as an unpaired mark.
// A paragraph in which some mark of a family stands between two spaces has
// machine-translation damage, where whole pairs are mirrored (`The word’
// Nagorny ‘means’ mountainous ‘`); there a mirrored pair costs less than
// its two marks do alone. Each mark is then written in its role's form: the
// glyph turned the right way, spaces inside the pair removed, a space added
// outside it where a word was glued to it.
//
// Each language's marks are kept: a paragraph with „ or ‚ uses them as
// openers and “ ” ‘ ’ as closers (German, Polish, Czech); in Swedish and
// Finnish ” and ’ both open and close, so glyphs are never turned there.
// Guillemets « » ‹ › are unambiguous and are not paired; outside French,
// spaces just inside a « » pair are removed (French typography keeps them).
#ifndef CLEANER_STAGES_REPAIR_QUOTES_H_
#define CLEANER_STAGES_REPAIR_QUOTES_H_

#include <string>
#include <string_view>
#include <vector>

#include "cleaner/repair/repair_text.h"

namespace cleaner {

// Document-level decisions the paragraph repair follows.
struct QuoteContext {
  // The document mostly uses typographic marks: straight ' and " are
  // turned into the marks below according to their role.
  bool typographic = false;
  // --quotes ascii: every quote mark and apostrophe becomes ' or ".
  bool ascii = false;
  // ” and ’ open as well as close (Swedish, Finnish): glyphs are kept.
  bool same_mark_closes = false;
  // French: spaces inside « » are typography, not damage.
  bool french = false;
  // The marks straight quotes become in a typographic document.
  char32_t double_open = U'\u201C', double_close = U'\u201D';
  char32_t single_open = U'\u2018', single_close = U'\u2019';
};

// Counts of marks in a document, from which the QuoteContext is decided.
struct QuoteCounts {
  int ascii = 0;        // ' and "
  int typographic = 0;  // every other quote mark and ’
  int open_english = 0, open_low = 0, open_guillemet = 0;  // “ „ «
  int close_high_after_low = 0;  // ” (Polish „…”) as opposed to “ (German)
  int single_low = 0;            // ‚
  int guillemets = 0;            // « and »
  int close_english = 0;         // ”
  // Counts the marks of `text`. Returns false iff `text` has no byte that
  // can start a quote mark (' " E2 C2): then QuotesMayChange() is false for
  // every part of it. REQUIRES: valid UTF-8
  bool Add(std::string_view text);
};

// A language's own quote marks (filters/repair_quotes.tsv).
struct LanguageQuotes {
  char32_t double_open = 0, double_close = 0, single_open = 0, single_close = 0;
  bool french_spacing = false;  // a space before ; : ! ? and inside « »
};

// Fills *ctx from the document's `counts` and its language's marks (`lang`
// may be null: unknown language). Sets ctx->typographic when typographic
// marks outnumber straight ones (ties stay straight). Straight marks become
// the document's own majority opener („ « or “) and its closer; a document
// whose only typographic marks are apostrophes takes its language's marks.
void DecideQuoteStyle(const QuoteCounts& counts, const LanguageQuotes* lang,
                      QuoteContext* ctx);

// Returns `paragraph` with its quote marks repaired as described above. One
// RepairChange per changed mark goes to *changes if not null; rules are
// "quote-pairing" (glyph turned), "quote-spacing" (spaces moved),
// "quote-consistency" (a straight mark made typographic), "apostrophe" and
// "quote-ascii". REQUIRES: valid UTF-8 without '\n'.
std::string RepairQuotes(std::string_view paragraph, const QuoteContext& ctx,
                         std::vector<RepairChange>* changes);

// False only for a paragraph RepairQuotes() returns unchanged under `ctx`
// (no mark, or only marks the repair provably leaves as they are: see
// repair_quotes.cc), so that callers can skip it and its copy.
bool QuotesMayChange(std::string_view paragraph, const QuoteContext& ctx);

// RepairQuotes() without its first test, for a caller that has seen
// QuotesMayChange(paragraph, ctx) return true.
std::string RepairQuotesMayChange(std::string_view paragraph, const QuoteContext& ctx,
                                  std::vector<RepairChange>* changes);

}  // namespace cleaner

#endif  // CLEANER_STAGES_REPAIR_QUOTES_H_
