// Tests for stage 5, normalize: the output form of shared/spec/README.md.
#include "cleaner/output/normalize.h"
#include "tests/test_util.h"

#include <catch2/catch.hpp>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <random>
#include <string>

namespace cleaner {
namespace {

TEST_CASE("normalization gives the spec's output form", "[normalize]") {
  struct Row {
    const char* input;
    const char* want;
  };
  const Row rows[] = {
      // Horizontal white space, NBSP and other space separators collapse.
      {"  a \t b\xC2\xA0\xC2\xA0 c\xE2\x80\x83 d\xE3\x80\x80\t" "e  ", "a b c d e"},
      // A lone NBSP, narrow NBSP or thin space is one U+0020 too (the spec:
      // "5", U+00A0, "%" becomes "5 %")...
      {"oui\xE2\x80\xAF!", "oui !"},
      {"10\xC2\xA0km", "10 km"},
      {"5\xC2\xA0%", "5 %"},
      {"1\xE2\x80\x89" "000", "1 000"},
      // ...and so is a run of them with other white space.
      {"10 \xC2\xA0km\xC2\xA0\xC2\xA0x\t\xC2\xA0y", "10 km x y"},
      // Zero-width space, word joiner, BOM and soft hyphen go.
      {"zero\xE2\x80\x8Bwidth\xE2\x81\xA0" "joined\xEF\xBB\xBF" "bom co\xC2\xAD" "operate",
       "zerowidthjoinedbom cooperate"},
      // Control characters go (C0 and C1).
      {"bell\x07 and\x1B esc\xC2\x85", "bell and esc"},
      // ZWJ, ZWNJ and bidi marks stay.
      {"\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xD9\x85\xE2\x80\x8C\xD9\x8A \xE2\x80\x8F" "x",
       "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB \xD9\x85\xE2\x80\x8C\xD9\x8A \xE2\x80\x8F" "x"},
      // NFC: e + combining acute becomes U+00E9.
      {"cafe\xCC\x81", "caf\xC3\xA9"},
  };
  for (const Row& r : rows) {
    INFO(r.input);
    CHECK(NormalizeText(r.input, false) == r.want);
  }
}

TEST_CASE("line breaks are kept once - without edge spaces - when asked", "[normalize]") {
  CHECK(NormalizeText("a  \n\n\n  b\xE2\x80\xA8 c", true) == "a\nb\nc");
  CHECK(NormalizeText("a  \n\n\n  b", false) == "a b");
  CHECK(NormalizeText(" \n \t \n", true) == "");
}

TEST_CASE("preformatted text keeps its indentation", "[normalize]") {
  CHECK(NormalizeText("  x = 1\n\ty = 2  \n\n    \n  end", true, true) == "  x = 1\n    y = 2\n  end");
  CHECK(NormalizeText("  x  =  1", true, false) == "x = 1");
}

TEST_CASE("normalization is idempotent", "[normalize]") {
  const char* inputs[] = {"  x\xC2\xA0y \n z ", "cafe\xCC\x81 \xE2\x80\x8B!", "\t\t"};
  for (const char* in : inputs) {
    std::string once = NormalizeText(in, true);
    CHECK(NormalizeText(once, true) == once);
  }
}

// The normalizer skips ICU for text made of two-byte characters whose lead
// is in kNfcStableLeads: each of their code points must be NFC_QC=Yes with
// combining class 0 (UAX #15's quick check is then a definite Yes).
TEST_CASE("the NFC-stable two-byte leads agree with ICU's data", "[normalize]") {
  for (unsigned lead = 0xC2; lead <= 0xDF; ++lead) {
    bool stable = true;
    for (UChar32 c = static_cast<UChar32>((lead & 0x1F) << 6); c < static_cast<UChar32>(((lead & 0x1F) + 1) << 6); ++c) {
      stable = stable && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
               u_getCombiningClass(c) == 0;
    }
    INFO(lead);
    // Only the stable leads are claimed; CE is one that is not (U+0387).
    if (normalize_internal::NfcStableLead(static_cast<unsigned char>(lead))) CHECK(stable);
  }
  for (UChar32 block = 0; block < 1024; ++block) {
    if (!normalize_internal::NfcStableBlock(static_cast<char32_t>(block << 6))) continue;
    INFO(block);
    CHECK((block < 0xD800 >> 6 || block >= 0xE000 >> 6));  // no surrogates
    for (UChar32 c = block << 6; c < (block + 1) << 6; ++c) {
      CHECK(u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES);
      CHECK(u_getCombiningClass(c) == 0);
    }
  }
  CHECK(normalize_internal::NfcStableBlock(0x4E00));   // CJK
  CHECK(normalize_internal::NfcStableBlock(0xAC00));   // Hangul
  CHECK(!normalize_internal::NfcStableBlock(0x3099));  // kana voicing mark
  CHECK(normalize_internal::NfcStableLead(0xD0));
  CHECK(normalize_internal::NfcStableLead(0xD1));
  CHECK(!normalize_internal::NfcStableLead(0xCC));
}

// NormalizeText() returns text that is already in the output form without
// rebuilding it, after a scan that reads 8 or 16 bytes at a time (two-byte
// sequences too). A leading
// control character (deleted) forces the character-by-character path, so
// both paths must agree on every string. The pieces make runs of ASCII
// that end at every offset of a 16-byte word.
TEST_CASE("the already-normal scan agrees with the full normalization", "[normalize]") {
  const char* pieces[] = {"a",  "bc", "defghij", "klmnopqrstu", " ",  "  ",     "\t",
                          "\n", ".",  "\xC2\xA0", "\xE2\x80\x99", "\xC3\xA9", "e\xCC\x81", "\xD0\xB6",
                          "\xE2\x80\xAF", "\x7F", "\xE2\x80\x8B", "\xE4\xB8\xAD",
                          // Halves of two-byte sequences, alone or paired
                          // across a 16-byte boundary, and a C2 character.
                          "\xD0", "\xB6", "\xDF", "\xC2\xAB", "\xD1\x8F\xD1\x8F\xD1\x8F"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> piece(0, sizeof pieces / sizeof pieces[0] - 1);
  std::uniform_int_distribution<int> count(0, 40);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (int k = count(rng); k > 0; --k) s += pieces[piece(rng)];
    INFO(s);
    CHECK(NormalizeText(s, false) == NormalizeText("\x01" + s, false));
    CHECK(NormalizeText(s, true) == NormalizeText("\x01" + s, true));
  }
}

}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

TEST_CASE("<pre> keeps its spaces - tabs and blank lines", "[normalize]") {
  CHECK(NormalizePreformatted("\n\nfor i in x:\r\n    print(i)   # two\t tabs  \n\n\n\tend\n\n") ==
        "for i in x:\n    print(i)   # two\t tabs\n\n\n\tend");
  CHECK(NormalizePreformatted("a\x01\u200Bb") == "ab");
  CHECK(NormalizePreformatted("e\u0301") == "\u00e9");  // NFC
  CHECK(NormalizePreformatted(" \n \t\n") == "");
}

TEST_CASE("a table keeps its rows and tab-separated cells - each normalized", "[normalize]") {
  CHECK(NormalizeTable(" Name \t  Age\u00a0 \n\n Ann  B\t31\n\t\n") == "Name\tAge\nAnn B\t31");
  CHECK(NormalizeTable("a\t\tc") == "a\t\tc");  // an empty cell stays a cell
}

TEST_CASE("the normalizer stage: pre and table blocks keep their form", "[normalize]") {
  testing::CollectingSink sink;
  Normalizer n(&sink);
  testing::TestDoc d;
  REQUIRE(n.BeginDocument(d.info()).ok());
  Block pre;
  pre.kind = BlockKind::kPreformatted;
  pre.text = "x  =  1\n\ny = 2";
  Block table;
  table.kind = BlockKind::kTable;
  table.text = "a  b\tc";
  Block para;
  para.text = "a \t b";
  REQUIRE(n.Push(pre).ok());
  REQUIRE(n.Push(table).ok());
  REQUIRE(n.Push(para).ok());
  REQUIRE(sink.blocks.size() == 3);
  CHECK(sink.blocks[0].text == "x  =  1\n\ny = 2");
  CHECK(sink.blocks[1].text == "a b\tc");
  CHECK(sink.blocks[2].text == "a b");
}

}  // namespace
}  // namespace cleaner
