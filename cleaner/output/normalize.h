// Stage 5, normalize: puts every block into the output form of the spec
// (shared/spec/README.md, "Output form"): Unicode NFC (UAX #15); a run of
// horizontal white space (tabs, NBSP and every other space separator
// included, and a lone one too) collapsed to one U+0020;
// zero-width space, word joiner, BOM, soft hyphen and control characters
// removed; ZWJ, ZWNJ and bidi marks kept; no spaces at line edges.
// Guarantees to the writer: block text is NFC, non-empty, has no C0 control
// but '\n' (and '\t' in tables and <pre>), and has '\n' only inside
// multi-line blocks (tables, <pre>, <br>), never two in a row except in
// <pre>. It is valid UTF-8 even if the block was not.
#ifndef CLEANER_STAGES_NORMALIZE_H_
#define CLEANER_STAGES_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "cleaner/block.h"

namespace cleaner {

// Returns `text` in the output form. Line breaks ('\n', and U+2028, U+0085)
// are kept (one at most in a row) when `keep_line_breaks`, else they become
// spaces. With `keep_indentation` (preformatted text: code, poetry kept
// verbatim), the white space that starts each line is kept, a tab as four
// spaces; this is the one exception to "no spaces at line edges".
std::string NormalizeText(std::string_view text, bool keep_line_breaks,
                          bool keep_indentation = false);

// Preformatted text (<pre>: code, poetry) kept byte for byte: spaces and
// tabs where they are, blank lines kept; only what no reader wants goes
// (control and invisible characters, '\r', white space at line ends,
// blank lines at the start and end), and the result is NFC.
std::string NormalizePreformatted(std::string_view text);

// A table: rows separated by '\n', cells by '\t'. Each cell is normalized
// as one line (NormalizeText without line breaks); empty rows go.
std::string NormalizeTable(std::string_view text);

namespace normalize_internal {

// Two-byte lead bytes (0xC2..0xDF) whose 64 code points all have
// NFC_Quick_Check=Yes and canonical combining class 0, as a mask indexed by
// lead - 0xC0: C2..CB (U+0080..U+02FF), CF, D0, D1, D3, D4, D5 (Greek,
// Cyrillic, Armenian), DA, DE (Arabic, Thaana letters). By UAX #15's quick
// check, a text made only of such characters (and of other ones that are
// NFC_QC=Yes with class 0) is in NFC, so the normalizer need not ask ICU.
// tests/normalize_test.cc checks the mask against ICU's data.
inline constexpr uint32_t kNfcStableLeads =
    0x0FFCu /* C2..CB */ | (1u << 0x0F) | (1u << 0x10) | (1u << 0x11) | (1u << 0x13) |
    (1u << 0x14) | (1u << 0x15) | (1u << 0x1A) | (1u << 0x1E);

// True if `lead` (0xC0..0xDF) is in kNfcStableLeads.
inline bool NfcStableLead(unsigned char lead) {
  return ((kNfcStableLeads >> (lead - 0xC0)) & 1) != 0;
}

// The same for the 64-code-point blocks of U+0000..U+FFFF: bit (cp >> 6)
// is set iff every code point of the block has NFC_Quick_Check=Yes and
// combining class 0 (surrogates are in no block). Computed from ICU 72's
// data; tests/normalize_test.cc checks every set bit against the ICU the
// program is linked with.
inline constexpr uint64_t kNfcStableBlocks[16] = {
    0x00400000443B8FFFULL, 0x1F7600EB6FFFDF1AULL, 0xFF57F7FFFFFFEFE6ULL, 0xFFFFFFFFFFFFFFFAULL,
    0xFFFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL,
    0xFFFFFFFFFFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL, 0xFFFF7306F1FFFFFFULL, 0xFFFFFFFFFFFFFFFFULL,
    0xFFFFFFFFFFFFFFFFULL, 0x00000000FFFFFFFFULL, 0xFFFFFFFFFFFFFFFFULL, 0xFEFFC00FFFFFFFFFULL};

// True if `cp` is in a block of kNfcStableBlocks.
inline bool NfcStableBlock(char32_t cp) {
  return cp < 0x10000 && ((kNfcStableBlocks[cp >> 12] >> ((cp >> 6) & 63)) & 1) != 0;
}

}  // namespace normalize_internal

// The stage: normalizes each block and drops blocks that end up empty.
class Normalizer : public BlockSink {
 public:
  // `next` must outlive this object.
  explicit Normalizer(BlockSink* next) : next_(next) {}
  Status BeginDocument(const DocumentInfo& doc) override { return next_->BeginDocument(doc); }
  Status Push(Block block) override;
  Status EndDocument() override { return next_->EndDocument(); }
  Status EndWindow() override { return next_->EndWindow(); }

 private:
  BlockSink* next_;
};

}  // namespace cleaner

#endif  // CLEANER_STAGES_NORMALIZE_H_
