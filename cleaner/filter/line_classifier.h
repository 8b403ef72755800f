// The filter stage's line classifier: a learned second opinion on the lines
// of scraped text that the rules leave undecided (neither named by a rule
// nor a content paragraph by shape). A document is judged only when it reads
// as a crawled page (a share of its lines, gate in the model file, dropped by
// the rules); in a clean text, an article's body, it leaves every line as
// the rules did. Each undecided line then gets a score, the probability
// that it is content, from evidence about the line (length, the share of
// function words, sentence shape, digits, capitals and symbols, list-,
// link-, address- and counter-like shapes, repetition), the same about the
// lines above and below it, what the rules said of it and of the lines near
// it, and its place in the document; a line scoring under the model's
// threshold is dropped, unless it stands right above content (Heading()).
// The model is gradient-boosted shallow trees, their
// nodes data in filters/line_classifier.txt, written by
// bench/train_line_classifier.py.
//
// Invariants the filter relies on: the classifier only drops lines, never
// content paragraphs or lines a rule named; it runs once per document (on
// the filter's first judgement); and cleaning the output again drops
// nothing more, as the rules drop nothing more there, so the output is no
// crawled page by the gate.
#ifndef CLEANER_FILTER_LINE_CLASSIFIER_H_
#define CLEANER_FILTER_LINE_CLASSIFIER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/options.h"
#include "cleaner/rules.h"
#include "cleaner/status.h"
#include "cleaner/util/boosted_trees.h"
#include "cleaner/util/stop_words.h"

namespace cleaner {

// What the rules pass knows of a line.
struct LineFacts {
  // kWeakDrop: dropped by a heuristic of the rules pass (position, menu
  // runs, repetition), not by a rule of filters/; for the training data.
  enum class Rule { kUndecided, kContent, kDropped, kSkipped, kWeakDrop };
  std::string_view text;
  Rule rule = Rule::kUndecided;
  int units = 0;  // words (CJK: two characters count as one)
  // How the line ends: 0 none, 1 sentence stop, 2 question, 3 ellipsis,
  // 4 colon.
  int ending = 0;
  int repeats = 1;  // lines of the document with this exact text
};

// The features of a line alone, in the order of LineFeatureNames().
constexpr int kNumLineFeatures = 27;
const std::vector<std::string>& LineFeatureNames();

// The features the model reads for a line, in the order of
// WindowFeatureNames(): the line's own, the previous and the next line's
// (prev_*, next_*; zeros at the document's edges), what the rules said of it
// (rule_undecided, rule_content, rule_dropped, rule_skipped, rule_weak),
// its position (0 first line, 1 last), the share of the document's judged
// lines the rules dropped (doc_dropped) and the number of lines (doc_lines).
constexpr int kNumWindowFeatures = 3 * kNumLineFeatures + 8;
const std::vector<std::string>& WindowFeatureNames();

// Whether lines[i] stands right above content: the next line, past up to
// three lines the rules dropped (a byline, a date), is a content paragraph.
// Such a line is a headline or a section's heading, and the classifier
// keeps it whatever it scores (the pages it learned from often leave the
// title out of their main content; a reader does not).
bool Heading(const std::vector<LineFacts>& lines, size_t i);

// The share of the lines that the rules judged (all but preformatted text
// and tables) that they dropped.
double RuleDroppedShare(const std::vector<LineFacts>& lines);

// Fills `out` (kNumWindowFeatures values) for lines[i] from the line
// features of it and its neighbours (`prev`, `next`: null at the edges).
void WindowFeatures(const std::vector<LineFacts>& lines, size_t i, const float* prev,
                    const float* cur, const float* next, double doc_dropped, double* out);

// The decision about one line (8 bytes: a document of a million short
// lines holds a million).
struct LineVerdict {
  bool judged = false;  // the classifier looked at the line
  bool drop = false;
  float score = 0;      // probability that the line is content
};

class LineClassifier {
 public:
  // Reads filters/line_classifier.txt, filters/stopwords.txt and
  // filters/action_words.txt from
  // `files`. Without a line_classifier.txt the classifier is empty and
  // judges nothing. Returns InvalidArgument "filters/<file>:<line>: ..." for
  // a malformed line (unknown feature, a number out of range, a node whose
  // children are not below it, a missing gate or threshold).
  static Status Compile(const std::vector<RuleFile>& files,
                        std::unique_ptr<const LineClassifier>* out);

  bool empty() const { return trees_.empty(); }

  // Fills `out` (kNumLineFeatures values) with the features of lines[i].
  void Features(const std::vector<LineFacts>& lines, size_t i, float* out) const;

  // The probability that a line with window features `x` is content.
  double Score(const double* x) const;

  // Decides every undecided line of `lines` against the threshold of
  // `favor`; out->size() == lines.size(). Judges nothing in a document
  // under the gate.
  void Decide(const std::vector<LineFacts>& lines, Favor favor,
              std::vector<LineVerdict>* out) const;

  // The strongest evidence against lines[i] being content, for --explain:
  // the three window features whose splits pulled its score furthest
  // towards noise, with their values ("log_chars=2.08 position=1.00 ...").
  // `doc_dropped` is RuleDroppedShare(lines), computed once by the caller.
  std::string Reasons(const std::vector<LineFacts>& lines, size_t i, double doc_dropped) const;

  // RuleDroppedShare() a document needs to be judged.
  double gate() const { return gate_; }

  // The stop words of filters/stopwords.txt.
  const StopWords& stop_words() const { return stop_words_; }

 private:
  LineClassifier() = default;
  // The raw score; with `pull`, each feature's share of it along the paths
  // taken (the change of value at each split it decided).
  double Raw(const double* x, std::vector<double>* pull) const;
  // The window features of lines[i] (`rows` holds three rows of line
  // features, `row_of` the line in each; see Decide()).
  void Window(const std::vector<LineFacts>& lines, size_t i, double doc_dropped,
              float (*rows)[kNumLineFeatures], size_t* row_of, double* x) const;

  StopWords stop_words_;
  // The first words of calls to action ("write", "kirjoita"), from
  // filters/action_words.txt.
  StopWords action_words_;
  // The verbs that end them where a command puts its verb last ("Termin
  // online buchen"): the `action-last` lines of filters/action_words.txt.
  StopWords action_last_words_;
  BoostedTrees trees_;
  double base_ = 0;  // raw score before any tree
  double gate_ = 1;  // RuleDroppedShare() a document needs to be judged
  // A line scoring under its lean's threshold is dropped (by Favor; the
  // balanced one stands in for a lean the file does not give).
  double thresholds_[3] = {0, -1, -1};
};

}  // namespace cleaner

#endif  // CLEANER_FILTER_LINE_CLASSIFIER_H_
