// Shapes of a scraped line that tell what it is whatever its language: an
// arrow link, a phone number, a counter, a bare number. Read by the filter
// stage's pass 2 (cleaner/filter/line_filter.cc) on lines no rule matched;
// each is a heuristic named in --explain (filters/README.md, "How
// decisions combine"). The shares quoted are of the lines the rules left on
// the 1,632 page texts bench/train_line_classifier.py builds from the WCXB
// and AEB pages (labelled by their ground truth).
#ifndef CLEANER_FILTER_LINE_SHAPES_H_
#define CLEANER_FILTER_LINE_SHAPES_H_

#include <string_view>

namespace cleaner {
namespace line_filter {

// Words at most of a line read as an arrow link (ArrowAtEdge()), and as a
// phone number, a counter, a rating or a bare number (the others).
constexpr int kArrowLinkWords = 20;
constexpr int kShapeLineWords = 6;

// True if the line points elsewhere by an arrow at its edge: "← Older post
// title", "« Previous", "Read the report →", "Next Post ›" (post
// navigation, pagers, calls to action): noise 183 times, content 12.
// Guillemets are also quotation marks («Zitat», »Zitat«, ‹ › in Swiss and
// French text): one counts only when the line holds no other guillemet.
bool ArrowAtEdge(std::string_view text);

// True if the line is a phone number and nothing else, but for a label of
// one or two words before it: "(503) 585-4417", "Tel.: 0800 334 21 00",
// "Puh. 03 1234 5678", "+49 89 1234567", "Telefon: 08024 / 47 19 30".
// Seven to fifteen digits, grouped by spaces, dashes, dots, brackets or a
// slash between spaces; a slash or a colon between digits makes a date or
// a time. In prose a number is called inside a sentence;
// a line of its own is a contact widget, a header or a footer: noise 432
// times, content 44 (a directory's list of numbers).
bool PhoneLine(std::string_view text);

// True if the line is an e-mail address and nothing else, but for a label
// of two words at most: "E-Mail: info@example.de", "kontakt@example.fi",
// "Email us at hello@example.com" is not (three words). A contact widget,
// a header or a footer: on the training texts noise 243 times, content 17
// (a gallery's or a shop's own address on its contact page).
bool EmailLine(std::string_view text);

// True if the line is a label of one to three words and a count in
// brackets: "Reviews (29)", "Bewertungen (87)", "Hyödyllinen (14)",
// "Members (1,842)" (tabs, facets, helpful-votes): noise 1,416 times,
// content 44 (reviewers' names with their review counts, a changelog's
// section sizes). A count from 1800 to 2099 without a separator is a
// year ("Acer Nitro 16 (2023)", "Year one (2021)"): on the training texts
// content 6 times, noise 14 (an archive's years); on bench/crawled content
// 8 times, noise twice.
bool CounterLine(std::string_view text);

// True if the line is labels each with its count in brackets, three or
// more, or two after a label and a colon: a shop's or a blog's facets and
// tag lists ("Preis: bis 10 € (38) 10–25 € (61)", "Canon (125) Nikon
// (123) Sony (186)", "5 Sterne (61) 4 Sterne (17) 3 Sterne (6)"). Each
// label is at most four words; the counts are numbers ("(10.)", a minute,
// is not). Noise 7 times on the training texts, content never; on
// bench/crawled noise 5 times, content never. CounterLine() is the one
// item alone.
bool CountersLine(std::string_view text);

// True if the line is two to six short parts (one to six words each)
// parted by " › " or " » ", with no final mark: a breadcrumb trail whatever
// its first part says ("Kultur › Bühne", "The Best Fiction Books »
// Science Fiction"; a menu's " > " is also an instruction's "Settings >
// Billing"). A line with « is a quotation. On the training texts noise 66
// times, content never; on bench/crawled noise 127 times.
bool ChevronTrail(std::string_view text);

// True if the line ends with a file's size in brackets, after a format's
// name or not, and names a file format ("PDF", ".webm"): "Pressemitteilung
// als PDF (124 KB)", "Descargar plano (PDF, 1,2 MB)", "AgMapCorn.webm
// (3840x2160) [10.8 MB]": a download link ("Arbeitsspeicher (16 GB)", a
// product's specification, is not one).
// On the training texts noise 13 times, content never; on bench/crawled
// noise 15 times.
bool FileSizeLine(std::string_view text);

// True if the line is a number with a decimal or thousands separator, or a
// percentage, and nothing else: "4.58", "1,842", "82,0", "99.99%" (ratings,
// score and price tables' cells, statistics widgets): noise 1,167 times,
// content 16. A bare integer ("2021", a year heading) is not one, nor a
// price ("$39.99": a product's own price is its page's content). One or
// two integers each with its sign are ("+34 / -2", "+12": a post's votes;
// noise 3 times, content never), and so are five integers or more counting
// up by one ("1 2 3 4 5 6 7", a calendar widget's days or a pager's pages;
// on the training texts noise 17 times, content twice: a code listing's
// line numbers).
bool NumberLine(std::string_view text);

// True if the line is a rating with its number of ratings in brackets:
// stars, a score, or both, then the count and at most two words
// ("★★★★☆ 4,4 (212 opiniones)", "4,6 / 5 (38 arviota)", "★★★★★ (17)"):
// a shop's, a listing's or a review site's rating widget. A score alone
// needs its scale ("/ 5"): "4.4 (212)" could be anything. Noise once on
// the training texts (a fitness listing's "0/5 (0 Reviews)"), content
// never; WCXB's ground truth keeps stars and scores that stand without a
// count (a hotel's "★★★★½" in its card, a critic's "9.5/10"), which are
// not this shape.
bool RatingLine(std::string_view text);

// True if the line is items between separators (as a menu is), three or
// more, half of them or more with a number: facts, not links ("Módulo 3:
// Funciones y bucles · 6 clases · 48 min", "company • 24 models • 3.85k
// followers", "March 15, 2022 · 3 min read"). On scraped text such a line
// is no menu: the line classifier judges it, as a course's modules or a
// recipe's figures stand among its content (from HTML the extractor has
// judged it, and it goes as a menu). On the training texts the
// menu-shaped lines the filter drops are content 31 times in 111 when they
// are facts, 29 in 301 when no item has a number.
bool FactsLine(std::string_view text);

// The places where a word runs on into the next without a space, a lower
// case letter followed by an upper case one ("HomeNewsTeamsSpielplanShopKontakt": 5),
// in a line that holds no mark of code or markup ({ } ( ) [ ] = ; < > $ `
// " _ \ //, a dot between letters), when two words hold such places or
// one holds five; else 0. A crawler that joins a menu's link texts writes
// such a line; in prose a brand ("iPhone", "PowerPoint") makes one or two,
// and an identifier ("FetchFromCacheMiddleware") a few in one word.
int GluedWords(std::string_view text);

// The cells of a line written as a table's row, " | " between them
// ("Modell | Spannung | Akku": 3); 1 when the line holds no " | ".
int PipeCells(std::string_view text);

}  // namespace line_filter
}  // namespace cleaner

#endif  // CLEANER_FILTER_LINE_SHAPES_H_
