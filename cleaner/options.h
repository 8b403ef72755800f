// Options: every knob of the library, one struct per stage, with its default
// and the reason for it. The CLI (cleaner/cli/flags.cc) maps flags onto these.
#ifndef CLEANER_OPTIONS_H_
#define CLEANER_OPTIONS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace cleaner {

// How the input bytes are read.
enum class InputFormat {
  kAuto,  // decided from the content (and the file extension when known)
  kText,  // scraped text: one paragraph per line or blank-line separated
  kHtml,  // a raw HTML page
};

struct DecodeOptions {
  // Charset to assume when neither a BOM nor the transport names one.
  // Empty: sniff (valid UTF-8, then <meta> prescan, then statistics, then
  // the Windows-1252 fallback that WHATWG prescribes for unknown Western text).
  std::string default_charset;
  // Clean a document whose bytes are a binary format (decode/sniff_binary.h)
  // as if it were text (--binary clean). Off: it is dropped with
  // drop_reason "binary file (KIND)", and the CLI counts it as skipped.
  bool clean_binary = false;
};

// Which way the learned models lean on what they are unsure of (--favor):
// precision drops more of what may be boilerplate, recall keeps more of
// what may be content. The thresholds of each are data in
// filters/block_model.txt (HTML) and filters/line_classifier.txt (scraped
// text); the rules decide as they always do.
enum class Favor { kBalanced, kPrecision, kRecall };

// "balanced", "precision" or "recall" (the --favor values, the leans of the
// model files): true and *out set, or false.
inline bool ParseFavor(std::string_view name, Favor* out) {
  if (name == "balanced") return *out = Favor::kBalanced, true;
  if (name == "precision") return *out = Favor::kPrecision, true;
  if (name == "recall") return *out = Favor::kRecall, true;
  return false;
}

struct ExtractOptions {
  // false: keep all visible text of an HTML page (--no-extract); the floor
  // against which main-content selection is measured, and a debugging aid.
  bool main_content = true;
  // Keep user comments below an article (--keep-comments). Off by default:
  // corpus builders want the article, not the thread.
  bool keep_comments = false;
  // Keep the targets of links (<a href>) and the images (<img src alt>) of
  // each block in Block::links, for Markdown's [text](url) and ![alt](src)
  // (--links, --images). Off: the text is all that is kept.
  bool links = false;
  bool images = false;
  // The block model's lean (filters/block_model.txt's `favor` shifts).
  Favor favor = Favor::kBalanced;
  // For training and inspecting the block model (bench/block_features):
  // when set, called for every block the block model judges on an HTML
  // page (all but hidden ones and comment sections), with
  // its text, whether the selection kept it, and its features
  // (BlockFeatureName() in cleaner/extract/block_model.h), before the
  // model judges it.
  std::function<void(std::string_view text, bool kept, const float* features, int num_features)>
      block_feature_dump;
};

struct FilterOptions {
  // Drop boilerplate blocks (navigation, share prompts, comment forms, ...).
  // false passes every block through (--no-filter).
  bool enabled = true;
  // Let the learned line classifier (filters/line_classifier.txt) drop the
  // lines of scraped text that the rules leave undecided, in documents that
  // read as crawled pages (see cleaner/filter/line_classifier.h); false with
  // --no-line-classifier. Text input only: on HTML the extractor has already
  // judged the page's structure.
  bool line_classifier = true;
  // The line classifier's lean (its threshold for each in
  // filters/line_classifier.txt).
  Favor favor = Favor::kBalanced;
  // For training and inspecting the classifier (bench/line_features): when
  // set, called for every line of a text document on the filter's first
  // judgement, with what the rules said of it (0 undecided, 1 content,
  // 2 dropped by a rule, 3 not judged: preformatted or table, 4 dropped by
  // a heuristic of the rules pass) and its features (LineFeatureNames() in
  // cleaner/filter/line_classifier.h).
  std::function<void(std::string_view line, int rule_state, const float* features,
                     int num_features)>
      line_feature_dump;
};

enum class QuoteStyle {
  kAuto,   // make the document consistent with its own majority style
  kAscii,  // convert every quote and apostrophe to ' and " (--quotes ascii)
};

struct RepairOptions {
  // Repair punctuation, quoting, entities and mojibake. false leaves the
  // text as extracted (--no-repair); normalization still runs.
  bool enabled = true;
  QuoteStyle quotes = QuoteStyle::kAuto;
};

// Upper bounds that keep hostile input from taking the machine. Exceeding
// one gives the document a named error (or a result marked truncated).
struct LimitOptions {
  // 64 MiB: larger than any real page, small enough for --jobs on 2 GiB.
  size_t max_document_bytes = 64u << 20;
  // 1 MiB: no real paragraph is longer. A longer line of scraped text is
  // broken at the last white space (or character) before the limit, so each
  // piece is a paragraph of its own; reported by --explain.
  size_t max_line_bytes = 1u << 20;
  // 512: real pages nest a few hundred elements at most, and the HTML
  // parser's cost grows with the square of the depth (see
  // extract/extract_bound.h). Tags nested deeper are removed; text is kept.
  size_t max_html_depth = 512;
  // 256: real tags have a handful of attributes, data-* heavy frameworks a
  // few dozen; the parser compares each with all earlier ones. Attributes
  // past this are left out.
  size_t max_html_attributes = 256;
  // 4M: block elements the extractor scores (about 70 bytes each); a large
  // real page has ~20k. Past it, elements are walked as inline: their text
  // is kept, unscored. Bounds memory at the 64 MiB document limit.
  size_t max_html_elements = 4u << 20;
  // 10 s: a real page cleans in milliseconds; a document still running
  // after this is pathological. Checked between stages and inside every
  // loop whose cost grows with the input (the pre-parse bound, the HTML
  // walk, the filter, the repair passes; util/deadline.h), so a document
  // overruns it by one HTML parse at most (Gumbo cannot be interrupted; the
  // depth and attribute bounds keep that parse near-linear). 0 = none.
  double max_document_seconds = 10.0;
};

// The form of Document::text and what comes with it.
enum class TextForm {
  kText,      // the text contract (shared/spec/README.md)
  kMarkdown,  // CommonMark with GFM tables (output/markdown_writer.h)
};

struct OutputOptions {
  TextForm form = TextForm::kText;
  // Fill Document::blocks with the blocks as written (kind, level, text).
  bool keep_blocks = false;
  // Start a non-empty Document::text with YAML front matter holding the
  // metadata (output/front_matter.h).
  bool front_matter = false;
};

struct Options {
  InputFormat input_format = InputFormat::kAuto;
  OutputOptions output;
  DecodeOptions decode;
  ExtractOptions extract;
  FilterOptions filter;
  RepairOptions repair;
  LimitOptions limits;
  // Name the language of every document in Metadata::language: when no
  // stage found it (only the extractor does: <html lang> or its own guess;
  // the repair stage's guess is not kept), CLD2 reads the start of the
  // cleaned text (its first 1 KiB). For a typical 5 KB text document
  // that costs about as much as the rest of the text path, so the CLI turns
  // this on only where metadata is shown (--output-format jsonl, --explain).
  bool detect_language = true;
  // Folder whose rule files replace (same file name) or extend the default
  // rules compiled into the library. Empty: the defaults only.
  std::string filters_dir;
};

}  // namespace cleaner

#endif  // CLEANER_OPTIONS_H_
