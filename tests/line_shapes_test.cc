// Tests for the language-free line shapes of the filter stage
// (cleaner/filter/line_shapes.*): what each one is, and the look-alikes it
// must leave (quotations, dates, times, years, prices, prose).
#include "cleaner/filter/line_shapes.h"

#include <catch2/catch.hpp>
#include <string>

namespace cleaner {
namespace line_filter {
namespace {

TEST_CASE("an arrow at a line's edge is a link elsewhere", "[line_shapes]") {
  for (const std::string line :
       {"← Truing a wheel without a stand", "Cleaning up old Brooks saddles →", "« Older Entries",
        "Read More »", "‹ Vorheriger Beitrag: Rückblick", "Nächster Beitrag ›", "◄ Back to all jobs",
        "Sign up for free ⇒"}) {
    INFO(line);
    CHECK(ArrowAtEdge(line));
  }
  // Guillemets that quote (French, Russian, German, Swiss), arrows inside
  // a sentence, and nothing at all.
  for (const std::string line :
       {"« Bonjour », dit-il.", "«Я лично ненавижу, когда вижу»", "»Das ist gut«, sagte er.",
        "Er sagte: «Nein»", "‹Grüezi› heisst hallo", "Click File → Save to keep it.", "",
        "Plain line"}) {
    INFO(line);
    CHECK_FALSE(ArrowAtEdge(line));
  }
}

TEST_CASE("a phone number on a line of its own is a contact line", "[line_shapes]") {
  for (const std::string line : {"(503) 585-4417", "Tel.: 0800 334 21 00", "Puh. 03 1234 5678",
                                 "+49 89 1234567", "Phone: 619-644-7010", "844.204.5619",
                                 "Téléphone : 01 23 45 67 89", "0612345678",
                                 "Telefon: 08024 / 47 19 30"}) {
    INFO(line);
    CHECK(PhoneLine(line));
  }
  // Dates, times, years, short numbers, a price, a code glued to letters,
  // a number in a sentence.
  for (const std::string line :
       {"09/25/2025", "12.6.2025 14:32", "Published: 2020-11-08", "12.6.2025", "2021", "1 842", "$3,665.00", "RO4993426-1125",
        "Call us at 503 585 4417 today", "Mo–Fr 9–18 Uhr", "199019911992199319941995199619",
        "12/06/2025 08:30", "3 / 128"}) {
    INFO(line);
    CHECK_FALSE(PhoneLine(line));
  }
}

TEST_CASE("an address with at most a short label is an e-mail line", "[line_shapes]") {
  for (const std::string line : {"E-Mail: info@schreinerei-example.de", "kirjasto@example.fi",
                                 "Email: hello@example.co.uk.", "Correo (info@ejemplo.es)"}) {
    INFO(line);
    CHECK(EmailLine(line));
  }
  // A sentence with an address, two addresses, a handle with no domain, a
  // number beside it, an address with no top-level domain.
  for (const std::string line :
       {"Write to us at hello@example.com and we answer within a day.",
        "a@example.com, b@example.com", "@example_user", "Fax 0800 12 34 info@example.de",
        "user@localhost", "me@example.c"}) {
    INFO(line);
    CHECK_FALSE(EmailLine(line));
  }
}

TEST_CASE("a label with a count in brackets is a counter", "[line_shapes]") {
  for (const std::string line : {"Reviews (29)", "Bewertungen (87)", "Hyödyllinen (14)",
                                 "Members (1,842)", "Upcoming events (4)", "Q&A (3)",
                                 "Pros & Cons (12)", "Comments ( 5 )"}) {
    INFO(line);
    CHECK(CounterLine(line));
  }
  for (const std::string line :
       {"(29)", "Was this review helpful? Yes (4) No", "Top 10 lists (2024)",
        "The survey covered four regions (3,200 people)", "Spectrum Access System (SAS)",
        "Route 66 (1926)", "Reviews (29) Write a review", "Year one (2021)",
        "Brunnenhaus am Dorfplatz (1819)"}) {
    INFO(line);
    CHECK_FALSE(CounterLine(line));
  }
}

TEST_CASE("labels each with a count in brackets are a facet line", "[line_shapes]") {
  for (const std::string line :
       {"Preis: bis 10 \u20ac (38) 10\u201325 \u20ac (61) 25\u201350 \u20ac (29)",
        "Einband: Hardcover (97) Taschenbuch (45)", "Canon (125)Fujifilm (101)Nikon (123)",
        "5 Sterne (61) 4 Sterne (17) 3 Sterne (6) 2 Sterne (2) 1 Stern (1)",
        "Avocet (19), godwits (24), gulls (17)", "News (1,620) \u00b7 Events (242) \u00b7 AI (382)"}) {
    INFO(line);
    CHECK(CountersLine(line));
  }
  // A match's score by minute, two items without a label, prose with
  // numbers in brackets, a sentence whose item is too long to be a label.
  for (const std::string line :
       {"Spielverlauf: 3:7 (10.), 9:10 (20.), 14:15 (30.)", "Hardcover (97) Taschenbuch (45)",
        "We sold three (3) cars and two (2) bikes (1).", "Reviews (29)",
        "Canon (125) Nikon (123) and the best camera you can buy this year (12)",
        "Links: (a) (b) (c)"}) {
    INFO(line);
    CHECK_FALSE(CountersLine(line));
  }
}

TEST_CASE("short parts parted by a chevron are a breadcrumb trail", "[line_shapes]") {
  for (const std::string line :
       {"Kultur \u203a B\u00fchne", "The Best Fiction Books \u00bb Science Fiction",
        "shop \u203a white speckle mug", "Keskustelut \u203a Kissat \u203a Terveys ja hoito"}) {
    INFO(line);
    CHECK(ChevronTrail(line));
  }
  // An instruction's " > ", a French quotation, a sentence, one part, a
  // part too long for a trail.
  for (const std::string line :
       {"Go to Settings > Billing", "\u00ab Bonjour \u00bb dit-il", "Home \u203a News.",
        "Startseite", "Home \u203a Why we decided to close the old market hall after forty years"}) {
    INFO(line);
    CHECK_FALSE(ChevronTrail(line));
  }
}

TEST_CASE("a file's size in brackets at a line's end is a download link", "[line_shapes]") {
  for (const std::string line :
       {"Pressemitteilung als PDF (124 KB)", "Descargar plano de desv\u00edos (PDF, 1,2 MB)",
        "AgMapCorn.webm (3840x2160) [10.8 MB]", "Download PDF (214 KB) ", "Liite (PDF, 84 kt)"}) {
    INFO(line);
    CHECK(FileSizeLine(line));
  }
  // A size in a sentence, a count, a unit that is no size, a long note.
  for (const std::string line :
       {"The file is small (124 KB).", "Reviews (29)", "Der Akku wiegt (1,2 kg)",
        "Speicher (8 GB RAM)", "Kapazit\u00e4t (MB)", "Arbeitsspeicher (16 GB)"}) {
    INFO(line);
    CHECK_FALSE(FileSizeLine(line));
  }
}

TEST_CASE("a bare number with a separator or a percent sign is a number line",
          "[line_shapes]") {
  for (const std::string line :
       {"4.58", "1,842", "82,0", "99.99%", "100 %", "4,999,000", "1 818 598", "1,234.5"}) {
    INFO(line);
    CHECK(NumberLine(line));
  }
  // A year heading, an integer, a date, a version, a price, a score, text.
  for (const std::string line : {"2021", "208", "12.06.2025", "1.2.3", "$39.99", "39,90 €",
                                 "3:1", "4.5 stars", "1,842 members", "", "%"}) {
    INFO(line);
    CHECK_FALSE(NumberLine(line));
  }
}

TEST_CASE("a post's votes are a number line", "[line_shapes]") {
  for (const std::string line : {"+34 / -2", "+12", "-3", "\u2212" "7", "+ 5 | - 1"}) {
    INFO(line);
    CHECK(NumberLine(line));
  }
  // Three numbers, a sign alone, a sign after the number, a date range,
  // words.
  for (const std::string line : {"+1 +2 +3", "+", "12+", "2019-2021", "+34 votes", "-3 °C"}) {
    INFO(line);
    CHECK_FALSE(NumberLine(line));
  }
}

TEST_CASE("integers counting up by one are a number line", "[line_shapes]") {
  for (const std::string line :
       {"1 2 3 4 5", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30",
        "8  9 10 11 12 13 14", "\t3 4 5 6 7"}) {
    INFO(line);
    CHECK(NumberLine(line));
  }
  // Four numbers, a gap in the count, a count down, a word or a mark among
  // them.
  for (const std::string line :
       {"1 2 3 4", "1 2 3 5 6", "5 4 3 2 1", "1 2 3 4 5 Next", "1 2 3 4 5 …", "1, 2, 3, 4, 5",
        "2021 2022 2023 2024 20250"}) {
    INFO(line);
    CHECK_FALSE(NumberLine(line));
  }
}

TEST_CASE("a rating with its count in brackets is a rating line", "[line_shapes]") {
  for (const std::string line :
       {"★★★★☆ 4,4 (212 opiniones)", "4,6 / 5 (38 arviota)", "★★★★½ (17)",
        "★★★★☆ 4,3 (27 Bewertungen)", "9.1/10 (1,204 reviews)", "⭐⭐⭐⭐ 4.0 (3)"}) {
    INFO(line);
    CHECK(RatingLine(line));
  }
  // A score without a scale or stars, stars without a count (a hotel's
  // class in its card), a count that is a sentence, a heading with a year.
  for (const std::string line :
       {"4.4 (212)", "★★★★½", "Hotel Riu ★★★★ (12)", "★★★★ (see the reviews below for more)",
        "Chapter 4 (1998)", "4/5", ""}) {
    INFO(line);
    CHECK_FALSE(RatingLine(line));
  }
}

TEST_CASE("items between separators half of them numbered are facts", "[line_shapes]") {
  for (const std::string line :
       {"Módulo 3: Funciones y bucles · 6 clases · 48 min", "company • 24 models • 3.85k followers",
        "March 15, 2022 · 3 min read · By Ann Lee", "45 min | 4 annosta | Helppo"}) {
    INFO(line);
    CHECK(FactsLine(line));
  }
  // A menu, a breadcrumb, two items, numbers glued to a word, no spaces
  // around the marks.
  for (const std::string line :
       {"Home · News · Sport · Weather", "Desarrollo › Lenguajes de programación › Python",
        "Page 2 · Next", "mp3·320kbps·stereo", "1/2/3", ""}) {
    INFO(line);
    CHECK_FALSE(FactsLine(line));
  }
}

TEST_CASE("link texts a crawler ran together are counted where they join", "[line_shapes]") {
  CHECK(GluedWords("HomeNewsTeamsSpielplanShopKontakt") == 5);
  CHECK(GluedWords("InicioLíneas y horariosTarifasTarjeta busPlanificador") == 4);
  CHECK(GluedWords("Über unsÖffnungszeitenKontakt ImpressumDatenschutz") == 3);
  // Brands make one or two; an identifier in one word, code: none.
  CHECK(GluedWords("My iPhone and PowerPoint") == 2);
  for (const std::string line :
       {"FetchFromCacheMiddleware", "const userName = getUserName()",
        "onFilterTextChange,", "see docs.getThingsDone for more", ""}) {
    INFO(line);
    CHECK(GluedWords(line) == 0);
  }
}

TEST_CASE("a row of a table written with \" | \" has its cells counted", "[line_shapes]") {
  CHECK(PipeCells("Modalidad | Horas | Precio") == 3);
  CHECK(PipeCells("Intensivo presencial | 90 h | 690 €") == 3);
  CHECK(PipeCells("Kirjasto | Hyllypaikka | Tila | ") == 4);
  // No mark, or marks without spaces around them: one cell.
  CHECK(PipeCells("Home") == 1);
  CHECK(PipeCells("a|b|c") == 1);
  CHECK(PipeCells("") == 1);
}

}  // namespace
}  // namespace line_filter
}  // namespace cleaner
