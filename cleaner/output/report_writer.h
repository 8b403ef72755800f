// The visual explain report (--report FILE.html): the decisions of
// --explain drawn over the document they were made on. One self-contained
// HTML page (inline CSS, no script, nothing fetched) holds a section per
// document, in input order, that shows every block in document order: kept
// blocks plain, dropped blocks struck through and coloured by category with
// the rule (`filters/<file>:<line>`) or heuristic that dropped them, the
// repairs made to a block (before and after), and the page's kind, the
// chosen main-content container and the other whole-document decisions.
//
//   out = ReportHeader("cleaner report");
//   for each document: out += FormatReportSection(name, &doc, events, "", limits);
//   out += ReportFooter(n);
//
// Every piece of input (text, names, rules, metadata) is HTML-escaped, so a
// hostile page cannot inject markup into the report. A section is bounded
// by ReportLimits and says so when it was cut. The output depends only on
// the arguments (no time, no addresses): the same run gives the same bytes.
#ifndef CLEANER_OUTPUT_REPORT_WRITER_H_
#define CLEANER_OUTPUT_REPORT_WRITER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/block.h"
#include "cleaner/cleaner.h"

namespace cleaner {

// Bounds on one document's section.
struct ReportLimits {
  // 1 MiB of HTML: a long article with its furniture fits many times over;
  // a corpus of pages stays readable in a browser.
  size_t max_section_bytes = 1 << 20;
  // 4 KiB of one block's text: a table or a code block longer than that is
  // cut, with the number of bytes left out.
  size_t max_block_bytes = 4096;
};

// Collects the explain events of one document, in the order they come.
// Not thread-safe: one per document, as every Reporter.
class ReportCollector : public Reporter {
 public:
  void Report(const ExplainEvent& event) override { events_.push_back(event); }
  const std::vector<ExplainEvent>& events() const { return events_; }

 private:
  std::vector<ExplainEvent> events_;
};

// Escapes `s` for HTML text and double- or single-quoted attribute values:
// & < > " ' become character references; bytes that are not valid UTF-8
// and control characters other than tab and line feed become U+FFFD.
std::string HtmlEscape(std::string_view s);

// The page's start: doctype, <head> with the style sheet, and a heading
// naming `title` (escaped).
std::string ReportHeader(std::string_view title);

// One document's <section>. `name` names the document (a path, URL or
// record). `doc` is the cleaned document, or null when it failed; then
// `error` says why. The kept blocks' text comes from doc->blocks, so the
// document must have been cleaned with OutputOptions::keep_blocks (without
// it the kept blocks are not shown, only what was dropped). `events` are
// the document's explain events (from a ReportCollector); blocks are placed
// by ExplainEvent::block and ExplainEvent::position.
std::string FormatReportSection(std::string_view name, const Document* doc,
                                const std::vector<ExplainEvent>& events, std::string_view error,
                                const ReportLimits& limits);

// The page's end, with the number of documents shown.
std::string ReportFooter(size_t documents);

}  // namespace cleaner

#endif  // CLEANER_OUTPUT_REPORT_WRITER_H_
