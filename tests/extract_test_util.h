// Helpers for the tests of the HTML extractor's parts (tests/walk_test.cc,
// features_test.cc, scoring_test.cc, selection_test.cc, fallback_test.cc):
// the default rules, a page walked by the Walker and selected by the
// Selector, and paragraphs of prose.
#ifndef CLEANER_TESTS_EXTRACT_TEST_UTIL_H_
#define CLEANER_TESTS_EXTRACT_TEST_UTIL_H_

#include <gumbo.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "cleaner/extract/extract_html.h"
#include "cleaner/extract/selection.h"
#include "cleaner/extract/walk.h"
#include "cleaner/rules.h"
#include "tests/test_util.h"

namespace cleaner::testing {

// The rules compiled from the default filters/ (those built into the
// library), compiled once and kept for the whole test run.
inline const ExtractRules& DefaultExtractRules() {
  static const ExtractRules* rules = [] {
    std::unique_ptr<const ExtractRules> r;
    Status st = ExtractRules::Compile(DefaultRuleFiles(), &r);
    if (!st.ok()) FAIL(st.message());
    return r.release();
  }();
  return *rules;
}

// The default rules and models but the block model (a file of comments
// only): what the rules and the selection decide, for the tests of the
// selection's parts through the whole extractor. The block model has its
// own tests (block_model_test.cc); the golden files see everything.
inline const ExtractRules& SelectionExtractRules() {
  static const ExtractRules* rules = [] {
    std::vector<RuleFile> files;
    for (const RuleFile& f : DefaultRuleFiles()) {
      files.push_back(f.name == "block_model.txt" ? RuleFile{f.name, "# none\n"} : f);
    }
    std::unique_ptr<const ExtractRules> r;
    Status st = ExtractRules::Compile(files, &r);
    if (!st.ok()) FAIL(st.message());
    return r.release();
  }();
  return *rules;
}

// `html` parsed by Gumbo and walked with the default rules (with none of
// the class, id, tag, role and itemprop rules when `apply_rules` is false).
// The Walker holds the page model (elems, blocks, meta).
inline std::unique_ptr<extract_internal::Walker> WalkHtml(const std::string& html,
                                                          bool apply_rules = true) {
  auto w = std::make_unique<extract_internal::Walker>(DefaultExtractRules().rep(), apply_rules);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  w->Walk(output->document);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return w;
}

// A walked page and what the selection kept of it.
struct SelectedPage {
  std::unique_ptr<extract_internal::Walker> w;
  std::vector<char> keep;            // Selector::Run()'s
  std::vector<ExplainEvent> events;  // what the selection reported

  // The text of the kept blocks, in order.
  std::vector<std::string> Kept() const {
    std::vector<std::string> texts;
    for (size_t i = 0; i < keep.size(); ++i) {
      if (keep[i]) texts.push_back(w->blocks[i].text);
    }
    return texts;
  }
  // The first event of rule `rule`, or null.
  const ExplainEvent* Event(const std::string& rule) const {
    for (const ExplainEvent& e : events) {
      if (e.rule == rule) return &e;
    }
    return nullptr;
  }
  // The `after` of every event of rule `rule`, in order.
  std::vector<std::string> Said(const std::string& rule) const {
    std::vector<std::string> said;
    for (const ExplainEvent& e : events) {
      if (e.rule == rule) said.push_back(e.after);
    }
    return said;
  }
};

// `html` walked with the default rules and selected as a page of kind
// `kind` titled `title`, with the selection gate's weights `gate` (null: no
// gate, the selection stands), the block model `blocks` (null: none), and
// `options` (default ExtractOptions).
inline SelectedPage SelectHtml(const std::string& html, PageKind kind = PageKind::kArticle,
                               const std::string& title = "", const GateVector* gate = nullptr,
                               const BlockModel* blocks = nullptr,
                               const ExtractOptions& options = ExtractOptions()) {
  SelectedPage s;
  s.w = WalkHtml(html);
  TestDoc doc;
  const DocumentInfo info = doc.info();
  extract_internal::Selector sel(&s.w->elems, &s.w->blocks, options, info);
  sel.kind = kind;
  sel.title = title;
  sel.gate = gate;
  sel.block_model = blocks;
  sel.Run(&s.keep);
  s.events = doc.reporter.events;
  return s;
}

// A <p> of running text, long and punctuated enough to count as prose;
// `n` makes it differ from the others.
inline std::string ProseParagraph(int n) {
  return "<p>This is sentence number " + std::to_string(n) +
         " of the article, and it is written in plain words, with commas, so that "
         "it reads like the text of a real story about the town and its people.</p>";
}

// `body` in a page with a title.
inline std::string HtmlPage(const std::string& body) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>A test page</title></head><body>" + body +
         "</body></html>";
}

}  // namespace cleaner::testing

#endif  // CLEANER_TESTS_EXTRACT_TEST_UTIL_H_
