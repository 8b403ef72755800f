// The filter stage's line classifier: a learned second opinion on the lines
// of scraped text that the rules leave undecided (neither named by a rule
// nor a content paragraph by shape). Each such line gets a score, the
// probability that it is content, from evidence about the line and its
// neighbours (length, the share of function words, sentence shape, digits,
// capitals and symbols, list-, link-, address- and counter-like shapes,
// repetition, what the rules said of the lines beside it); a context pass
// then lets uncertain lines take the side of the nearest certain lines
// (jusText's idea). The weights and thresholds are data,
// filters/line_classifier.txt, written by bench/train_line_classifier.py.
//
// Invariant the filter relies on: the classifier only drops lines, never
// content paragraphs or lines a rule named, and a kept line stays kept when
// the dropped lines are gone (its own features do not change, and its
// neighbour features only move towards content), so cleaning the output
// again drops nothing more.
#ifndef CLEANER_FILTER_LINE_CLASSIFIER_H_
#define CLEANER_FILTER_LINE_CLASSIFIER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cleaner/rules.h"
#include "cleaner/status.h"
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

// The features, in the order of LineFeatureNames().
constexpr int kNumLineFeatures = 26;
const std::vector<std::string>& LineFeatureNames();

// The decision about one undecided line.
struct LineVerdict {
  bool judged = false;  // the classifier looked at the line
  bool drop = false;
  bool by_context = false;  // uncertain alone; its neighbours decided
  double score = 0;         // probability that the line is content
  std::string reasons;      // the strongest evidence, for --explain
};

class LineClassifier {
 public:
  // Reads filters/line_classifier.txt and filters/stopwords.txt from
  // `files`. Without a line_classifier.txt the classifier is empty and
  // judges nothing. Returns InvalidArgument "filters/<file>:<line>: ..." for
  // a malformed line (unknown feature, a number out of range, a missing
  // threshold).
  static Status Compile(const std::vector<RuleFile>& files,
                        std::unique_ptr<const LineClassifier>* out);

  bool empty() const { return weights_.empty(); }

  // Fills `out` (kNumLineFeatures values) with the features of lines[i].
  void Features(const std::vector<LineFacts>& lines, size_t i, float* out) const;

  // Decides every undecided line of `lines`; out->size() == lines.size().
  void Decide(const std::vector<LineFacts>& lines, std::vector<LineVerdict>* out) const;

 private:
  LineClassifier() = default;
  double Score(const float* features) const;
  std::string Reasons(const float* features) const;

  StopWords stop_words_;
  std::vector<double> weights_, means_, scales_;  // per feature
  double bias_ = 0;
  double drop_below_ = 0;  // a line scoring under this is noise by itself
  double keep_above_ = 1;  // ... over this, content by itself
};

}  // namespace cleaner

#endif  // CLEANER_FILTER_LINE_CLASSIFIER_H_
