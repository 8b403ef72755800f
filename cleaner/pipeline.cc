// Stage order. See pipeline.h.
#include "cleaner/pipeline.h"

#include <unicode/normalizer2.h>

#include <algorithm>

#include "cleaner/decode/decode.h"
#include "cleaner/decode/detect_format.h"
#include "cleaner/decode/sniff_binary.h"
#include "cleaner/extract/metadata_normalize.h"
#include "cleaner/extract/split_text.h"
#include "cleaner/output/front_matter.h"
#include "cleaner/output/markdown_writer.h"
#include "cleaner/output/normalize.h"
#include "cleaner/output/text_writer.h"
#include "cleaner/rules.h"
#include "cleaner/util/deadline.h"
#include "cleaner/util/language.h"

namespace cleaner {

namespace {

// Enforces LimitOptions::max_line_bytes on scraped text: a line longer than
// `max_bytes` is broken at its last white space before the limit (or, with
// none in the second half, at the last character boundary), so that every
// later stage works on bounded paragraphs. Returns how many breaks were
// made; leaves *text alone (no copy) when no line is too long.
size_t BreakLongLines(std::string* text, size_t max_bytes) {
  if (max_bytes == 0 || text->size() <= max_bytes) return 0;
  const std::string& t = *text;
  std::string out;
  size_t breaks = 0, line_start = 0, copied = 0;
  for (size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != '\n' && t[i] != '\r') {
      if (i - line_start < max_bytes) continue;
      // The line has reached the limit at i: break it.
      size_t cut = i;
      size_t floor = line_start + max_bytes / 2;
      // Only [floor, i] is searched: a search from i alone would run back
      // over earlier lines when this one has no white space.
      size_t space = std::string_view(t).substr(floor, i - floor + 1).find_last_of(" \t");
      if (space != std::string_view::npos) {
        cut = floor + space;
      } else {
        while (cut > line_start && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        // A limit smaller than one character: cut after it, never before
        // the line's start (which would not make progress).
        while (cut <= line_start ||
               (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)) {
          ++cut;
        }
      }
      if (out.empty()) out.reserve(t.size() + t.size() / max_bytes + 1);
      out.append(t, copied, cut - copied);
      out.push_back('\n');
      copied = (cut < t.size() && (t[cut] == ' ' || t[cut] == '\t')) ? cut + 1 : cut;
      line_start = copied;
      i = copied - 1;  // the loop's ++i looks at the new line's first byte
      ++breaks;
      continue;
    }
    line_start = i + 1;
  }
  if (breaks == 0) return 0;
  out.append(t, copied, std::string::npos);
  text->swap(out);
  return breaks;
}

// Keeps a copy of every block (OutputOptions::keep_blocks) and passes it on.
class BlockRecorder : public BlockSink {
 public:
  BlockRecorder(std::vector<Block>* blocks, BlockSink* next) : blocks_(blocks), next_(next) {}
  Status BeginDocument(const DocumentInfo& doc) override { return next_->BeginDocument(doc); }
  Status Push(Block block) override {
    blocks_->push_back(block);
    return next_->Push(std::move(block));
  }
  Status EndDocument() override { return next_->EndDocument(); }
  Status EndWindow() override { return next_->EndWindow(); }

 private:
  std::vector<Block>* blocks_;
  BlockSink* next_;
};

// The head of the chain: ends a window after every kWindowBlocks blocks
// (see BlockSink::EndWindow), so that the buffering stages hold a window of
// a long document, never the whole of it.
class Windower : public BlockSink {
 public:
  explicit Windower(BlockSink* next) : next_(next) {}
  Status BeginDocument(const DocumentInfo& doc) override {
    count_ = 0;
    return next_->BeginDocument(doc);
  }
  // A window ends when the block after it comes: a document of exactly
  // kWindowBlocks blocks is one window, judged as a whole document.
  Status Push(Block block) override {
    if (count_ > 0 && count_ % kWindowBlocks == 0) CLEANER_RETURN_IF_ERROR(next_->EndWindow());
    ++count_;
    return next_->Push(std::move(block));
  }
  // A window's worth at most: the buffers hold no more.
  void Reserve(size_t blocks) override { next_->Reserve(std::min(blocks, kWindowBlocks)); }
  Status EndDocument() override { return next_->EndDocument(); }

 private:
  BlockSink* next_;
  size_t count_ = 0;
};

}  // namespace

Status Pipeline::Create(const Options& options, std::unique_ptr<Pipeline>* out) {
  std::unique_ptr<Pipeline> p(new Pipeline);
  p->options_ = options;
  // ICU builds its NFC data on first use; doing it here, once, keeps that
  // out of the concurrent Run calls (ThreadSanitizer flagged the race in
  // ICU's lazy initialization).
  UErrorCode icu_err = U_ZERO_ERROR;
  icu::Normalizer2::getNFCInstance(icu_err);
  // Without a folder the rules are the defaults, read where they are
  // (LoadRuleFiles() would copy them, a few hundred kilobytes).
  std::vector<RuleFile> loaded;
  const std::vector<RuleFile>* files = &DefaultRuleFiles();
  if (!options.filters_dir.empty()) {
    CLEANER_RETURN_IF_ERROR(LoadRuleFiles(options.filters_dir, &loaded));
    files = &loaded;
  }
  CLEANER_RETURN_IF_ERROR(ExtractRules::Compile(*files, &p->extract_rules_));
  CLEANER_RETURN_IF_ERROR(LineFilterRules::Compile(*files, &p->filter_rules_));
  CLEANER_RETURN_IF_ERROR(RepairRules::Compile(*files, &p->repair_rules_));
  *out = std::move(p);
  return Status::OK();
}

Status Pipeline::Run(const RawDocument& in, Document* out, Reporter* reporter,
                     std::string* release) const {
  *out = Document();
  Metadata& meta = out->metadata;
  meta.id = in.name;
  meta.source = in.source;
  meta.url = in.url;
  meta.http_status = in.http_status;
  meta.warc_record_id = in.warc_record_id;
  meta.warc_date = in.warc_date;
  out->stats.bytes_in = in.bytes.size();
  if (in.bytes.size() > options_.limits.max_document_bytes) {
    return Status::ResourceExhausted("document is " + std::to_string(in.bytes.size()) +
                                     " bytes, over the limit of " +
                                     std::to_string(options_.limits.max_document_bytes));
  }
  // One budget for the document, checked between stages and inside every
  // loop whose cost grows with the input (see util/deadline.h).
  Deadline deadline(options_.limits.max_document_seconds);
  DocumentInfo doc{&meta, &out->stats, reporter, &deadline};
  auto check_time = [&](const char* next_stage) -> Status {
    return deadline.Now() ? deadline.Error(next_stage) : Status::OK();
  };

  // Binary input is not text: `‰PNG IHDR…` is no page (issue 13).
  if (const char* kind = options_.decode.clean_binary ? nullptr : SniffBinary(in.bytes)) {
    meta.drop_reason = std::string("binary file (") + kind + ")";
    ExplainDocument(doc, "decode", ExplainEvent::Action::kDrop, "binary", "document",
                    meta.drop_reason);
    return Status::OK();
  }
  std::string utf8;
  CLEANER_RETURN_IF_ERROR(Decode(in, options_.decode, doc, &utf8));
  if (release != nullptr) std::string().swap(*release);  // `in` is read no further
  InputFormat format = options_.input_format;
  if (format == InputFormat::kAuto) format = DetectFormat(utf8, in.name, in.content_type);
  meta.format = format == InputFormat::kHtml ? "html" : "text";

  // The chain, built back to front.
  TextWriter text_writer(&out->text);
  MarkdownWriter markdown_writer(&out->text);
  BlockSink* writer = &text_writer;
  if (options_.output.form == TextForm::kMarkdown) writer = &markdown_writer;
  BlockRecorder recorder(&out->blocks, writer);
  if (options_.output.keep_blocks) writer = &recorder;
  Normalizer normalizer(writer);
  BlockSink* head = &normalizer;
  // Scraped text that is filtered has its encoding repaired before the
  // filter (below): after it, quotes and punctuation only.
  const bool encoding_first =
      options_.repair.enabled && options_.filter.enabled && format != InputFormat::kHtml;
  std::unique_ptr<Repairer> repairer;
  if (options_.repair.enabled) {
    repairer =
        std::make_unique<Repairer>(repair_rules_.get(), options_.repair, head,
                                   encoding_first ? Repairer::Part::kMarks : Repairer::Part::kAll);
    head = repairer.get();
  }
  std::unique_ptr<LineFilter> filter;
  if (options_.filter.enabled) {
    filter = std::make_unique<LineFilter>(filter_rules_.get(), options_.filter, head);
    head = filter.get();
  }
  // Scraped text: its encoding repaired before the filter judges its lines
  // (Repairer::Part). An HTML page's text was decoded by the parser.
  std::unique_ptr<Repairer> encoding;
  if (encoding_first) {
    encoding = std::make_unique<Repairer>(repair_rules_.get(), options_.repair, head,
                                          Repairer::Part::kEncoding);
    head = encoding.get();
  }

  Windower windower(head);
  head = &windower;

  CLEANER_RETURN_IF_ERROR(check_time("the decoder"));
  CLEANER_RETURN_IF_ERROR(head->BeginDocument(doc));
  if (format == InputFormat::kHtml) {
    CLEANER_RETURN_IF_ERROR(
        ExtractHtml(utf8, *extract_rules_, options_.extract, options_.limits, doc, head));
  } else {
    if (size_t breaks = BreakLongLines(&utf8, options_.limits.max_line_bytes)) {
      ExplainDocument(doc, "segment", ExplainEvent::Action::kInfo, "limit:max-line-bytes", "limits",
                      std::to_string(breaks) + " breaks made in lines longer than " +
                          std::to_string(options_.limits.max_line_bytes) + " bytes");
    }
    // Cleaned text is rarely longer than its input: room for it at once,
    // rather than growing the output (and copying it) a dozen times.
    out->text.reserve(utf8.size() + utf8.size() / 8);
    CLEANER_RETURN_IF_ERROR(SplitText(utf8, doc, head));
  }
  CLEANER_RETURN_IF_ERROR(check_time("the extractor"));
  // The blocks hold their own text: the decoded document is not needed by
  // the stages that judge and rewrite them (on a document of short lines
  // it was a tenth of the peak).
  std::string().swap(utf8);
  CLEANER_RETURN_IF_ERROR(head->EndDocument());
  CLEANER_RETURN_IF_ERROR(check_time("the filter and repair stages"));
  NormalizeMetadata(doc);
  // The document's language: from the page (<html lang>) when the extractor
  // found one, else from the start of the cleaned text. 1 KiB is enough for
  // CLD2 to be sure (2 KiB gave the same language for every AEB page and
  // body and golden case), and its cost grows with the sample: at 2 KiB it
  // was a fifth of the text path's time (Options says why this can be
  // turned off).
  if (options_.detect_language && meta.language.empty() && !out->text.empty()) {
    LanguageGuess guess = DetectLanguage(out->text, 1024);
    if (guess.reliable) {
      meta.language = guess.code;
      ExplainDocument(doc, "pipeline", ExplainEvent::Action::kMetadata, "cld2", "language",
                      guess.code);
    }
  }
  if (options_.output.front_matter && !out->text.empty()) {
    out->text.insert(0, FormatFrontMatter(meta) + "\n");
  }
  out->stats.bytes_out = out->text.size();
  return Status::OK();
}

}  // namespace cleaner
