// The filter stage's line classifier. See line_classifier.h; the model file's
// format is in filters/README.md.
#include "cleaner/filter/line_classifier.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

const char* const kNames[kNumLineFeatures] = {
    "log_words",    "log_chars",    "stop_share",    "stop_count_log", "terminal",
    "question",     "colon_end",    "ellipsis",      "starts_upper",   "digit_share",
    "upper_share",  "symbol_share", "title_share",   "number_share",   "separators",
    "url_like",     "bullet_start", "repeated",      "phone_like",     "currency",
    "legal_mark",   "arrow_end",    "prev_dropped",  "next_dropped",
    "content_distance", "content_around", "action_start",
};

// Counts of the characters and white-space separated words of a line.
struct Shape {
  int chars = 0, letters = 0, upper = 0, digits = 0, symbols = 0;
  int words = 0, title_words = 0, number_words = 0;
  int separators = 0;  // "|", "/", "»", "›", "•", "·", ">" standing alone
  bool currency = false, legal = false, bullet = false, arrow_end = false, starts_upper = false;
  int phone_chars = 0;  // digits and + - ( ) . / of the line
};

bool IsSeparatorMark(char32_t c) {
  return c == '|' || c == '/' || c == 0xBB || c == 0x203A || c == 0x2022 || c == 0xB7 ||
         c == '>' || c == 0x2192;
}

bool IsBulletMark(char32_t c) {
  return c == '-' || c == '*' || c == 0x2022 || c == 0xB7 || c == 0x25BA || c == 0x25B6 ||
         c == 0x2013 || c == 0x2192 || c == 0x203A || c == 0xBB || c == 0x25CF || c == 0x25AA;
}

Shape Measure(std::string_view text) {
  Shape s;
  size_t pos = 0;
  bool in_word = false, word_letter = false, word_digit = false, word_first_seen = false;
  char32_t prev = ' ', last_visible = 0;
  auto end_word = [&] {
    if (!in_word) return;
    ++s.words;
    if (word_digit && !word_letter) ++s.number_words;
    in_word = false;
  };
  while (pos < text.size()) {
    const char32_t c = NextCodePoint(text, &pos);
    const bool space = c == ' ' || c == '\t' || c == 0xA0 || u_isUWhiteSpace(c);
    if (space) {
      end_word();
      prev = c;
      continue;
    }
    ++s.chars;
    const char32_t next = pos < text.size() ? static_cast<unsigned char>(text[pos]) : ' ';
    if (IsSeparatorMark(c) && (prev == ' ' || prev == 0xA0) && (next == ' ' || pos >= text.size()))
      ++s.separators;
    if (!in_word) {
      in_word = true;
      word_letter = word_digit = word_first_seen = false;
      if (s.words == 0 && last_visible == 0 && (IsBulletMark(c) || c == 0x25A0)) s.bullet = true;
    }
    if (u_isdigit(c)) {
      ++s.digits;
      word_digit = true;
      ++s.phone_chars;
    } else if (u_isalpha(c)) {
      ++s.letters;
      const bool up = u_isupper(c) || u_istitle(c);
      s.upper += up;
      if (!word_first_seen) {
        word_first_seen = true;
        s.title_words += up;
        if (s.words == 0 && !word_letter) s.starts_upper = up;
      }
      word_letter = true;
    } else {
      ++s.symbols;
      if (c == '+' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/') ++s.phone_chars;
      if (c == '$' || c == 0x20AC || c == 0xA3 || c == 0xA5 || c == 0x20B9 || c == 0x20BD)
        s.currency = true;
      if (c == 0xA9 || c == 0xAE || c == 0x2122) s.legal = true;
    }
    // "1." or "2)" opening a line is a list item's number.
    if (s.words == 0 && last_visible != 0 && (c == '.' || c == ')') && u_isdigit(last_visible) &&
        pos < text.size() && text[pos] == ' ')
      s.bullet = true;
    last_visible = c;
    prev = c;
  }
  end_word();
  s.arrow_end = last_visible == 0xBB || last_visible == 0x203A || last_visible == 0x2192 ||
                last_visible == '>';
  return s;
}

bool UrlLike(std::string_view t) {
  return t.find("http") != std::string_view::npos || t.find("www.") != std::string_view::npos ||
         t.find('@') != std::string_view::npos || t.find(".com") != std::string_view::npos;
}

// A call to action is a short line: a sentence that opens with "read" or
// "add" is content.
constexpr int kMaxActionWords = 6;

// The reach of the context features.
constexpr size_t kMaxDistance = 20;
constexpr size_t kContextLines = 3;

// Lines the rules dropped (a byline, a date) that may stand between a
// heading and its content.
constexpr size_t kHeadingReach = 3;

bool Dropped(const LineFacts& l) {
  return l.rule == LineFacts::Rule::kDropped || l.rule == LineFacts::Rule::kWeakDrop;
}

bool ParseNumber(std::string_view field, double* v) { return ParseRuleNumber(field, -1e6, 1e6, v); }

}  // namespace

const std::vector<std::string>& LineFeatureNames() {
  static const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  return names;
}

const std::vector<std::string>& WindowFeatureNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v(std::begin(kNames), std::end(kNames));
    for (const char* side : {"prev_", "next_"}) {
      for (const char* n : kNames) v.push_back(std::string(side) + n);
    }
    for (const char* n : {"rule_undecided", "rule_content", "rule_dropped", "rule_skipped",
                          "rule_weak", "position", "doc_dropped", "doc_lines"}) {
      v.push_back(n);
    }
    return v;
  }();
  return names;
}

bool Heading(const std::vector<LineFacts>& lines, size_t i) {
  size_t j = i + 1;
  for (size_t skipped = 0; j < lines.size() && Dropped(lines[j]) && skipped < kHeadingReach;
       ++skipped) {
    ++j;
  }
  return j < lines.size() && lines[j].rule == LineFacts::Rule::kContent;
}

double RuleDroppedShare(const std::vector<LineFacts>& lines) {
  size_t judged = 0, dropped = 0;
  for (const LineFacts& l : lines) {
    if (l.rule == LineFacts::Rule::kSkipped) continue;
    ++judged;
    dropped += Dropped(l);
  }
  return judged > 0 ? static_cast<double>(dropped) / static_cast<double>(judged) : 0.0;
}

void WindowFeatures(const std::vector<LineFacts>& lines, size_t i, const float* prev,
                    const float* cur, const float* next, double doc_dropped, double* out) {
  double* f = out;
  for (int k = 0; k < kNumLineFeatures; ++k) *f++ = cur[k];
  for (int k = 0; k < kNumLineFeatures; ++k) *f++ = prev != nullptr ? prev[k] : 0.0f;
  for (int k = 0; k < kNumLineFeatures; ++k) *f++ = next != nullptr ? next[k] : 0.0f;
  const int rule = static_cast<int>(lines[i].rule);
  for (int r = 0; r < 5; ++r) *f++ = rule == r;
  const size_t n = lines.size();
  *f++ = static_cast<double>(i) / static_cast<double>(std::max<size_t>(n - 1, 1));
  *f++ = doc_dropped;
  // The count itself, not its log: the trees split on exact values, and a
  // logarithm may differ in its last bit between C++ and numpy.
  *f++ = static_cast<double>(n);
}

Status LineClassifier::Compile(const std::vector<RuleFile>& files,
                               std::unique_ptr<const LineClassifier>* out) {
  std::unique_ptr<LineClassifier> c(new LineClassifier());
  CLEANER_RETURN_IF_ERROR(c->stop_words_.Load(files));
  CLEANER_RETURN_IF_ERROR(
      c->action_words_.Load(files, "action_words.txt", "action", "action-last"));
  CLEANER_RETURN_IF_ERROR(
      c->action_last_words_.Load(files, "action_words.txt", "action-last", "action"));
  const std::vector<std::string>& names = WindowFeatureNames();
  auto feature_index = [&names](std::string_view name) {
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
  };
  for (const RuleFile& file : files) {
    if (file.name != "line_classifier.txt") continue;
    bool have_base = false, have_gate = false, have_threshold = false;
    RuleLineReader reader(file);
    Status st;
    while (reader.Next(&st)) {
      const RuleLine& line = reader.line();
      const std::vector<std::string_view>& f = line.fields;
      double v = 0;
      Status tree_st;
      if (c->trees_.ReadLine(line, feature_index, &tree_st)) {
        CLEANER_RETURN_IF_ERROR(tree_st);
      } else if (f[0] == "threshold" && f.size() == 3) {
        // threshold<TAB>precision|recall<TAB>V: a lean's (--favor).
        Favor favor = Favor::kBalanced;
        if (!ParseFavor(f[1], &favor) || favor == Favor::kBalanced || !ParseNumber(f[2], &v) ||
            !(v >= 0 && v <= 1)) {
          return line.Error("expected: threshold<TAB>precision|recall<TAB>NUMBER in [0, 1]");
        }
        c->thresholds_[static_cast<int>(favor)] = v;
      } else if (f[0] == "base" || f[0] == "gate" || f[0] == "threshold") {
        if (f.size() != 2 || !ParseNumber(f[1], &v)) return line.Error("expected: KIND<TAB>NUMBER");
        if (f[0] != "base" && !(v >= 0 && v <= 1)) return line.Error("a gate or threshold is in [0, 1]");
        if (f[0] == "base") c->base_ = v, have_base = true;
        if (f[0] == "gate") c->gate_ = v, have_gate = true;
        if (f[0] == "threshold") c->thresholds_[0] = v, have_threshold = true;
      } else {
        return line.Error("unknown kind '" + std::string(f[0]) + "'");
      }
    }
    CLEANER_RETURN_IF_ERROR(st);
    CLEANER_RETURN_IF_ERROR(c->trees_.Finish(file.name));
    // A file of comments only is no model (the training script's stand-in).
    if (!have_base && !have_gate && !have_threshold && c->trees_.empty()) continue;
    if (!have_base || !have_gate || !have_threshold || c->trees_.empty()) {
      return Status::InvalidArgument("filters/" + file.name +
                                     ": needs base, gate, threshold and a tree");
    }
    for (double& t : c->thresholds_) {
      if (t < 0) t = c->thresholds_[0];
    }
  }
  *out = std::move(c);
  return Status::OK();
}

void LineClassifier::Features(const std::vector<LineFacts>& lines, size_t i, float* out) const {
  const LineFacts& l = lines[i];
  const Shape s = Measure(l.text);
  int words = 0, stops = 0;
  stop_words_.Count(l.text, &words, &stops);
  const float chars = static_cast<float>(std::max(s.chars, 1));
  const float ws = static_cast<float>(std::max(s.words, 1));
  const int units = std::max(l.units, s.words);
  float* f = out;
  *f++ = std::log1p(static_cast<float>(units));
  *f++ = std::log1p(static_cast<float>(s.chars));
  *f++ = words > 0 ? static_cast<float>(stops) / static_cast<float>(words) : 0.0f;
  *f++ = std::log1p(static_cast<float>(stops));
  *f++ = l.ending == 1;
  *f++ = l.ending == 2;
  *f++ = l.ending == 4;
  *f++ = l.ending == 3;
  *f++ = s.starts_upper;
  *f++ = static_cast<float>(s.digits) / chars;
  *f++ = s.letters > 0 ? static_cast<float>(s.upper) / static_cast<float>(s.letters) : 0.0f;
  *f++ = static_cast<float>(s.symbols) / chars;
  *f++ = static_cast<float>(s.title_words) / ws;
  *f++ = static_cast<float>(s.number_words) / ws;
  *f++ = static_cast<float>(std::min(s.separators, 3));
  *f++ = UrlLike(l.text);
  *f++ = s.bullet;
  *f++ = std::log1p(static_cast<float>(std::max(l.repeats - 1, 0)));
  *f++ = s.digits >= 7 && s.phone_chars * 2 >= s.chars;
  *f++ = s.currency;
  *f++ = s.legal;
  *f++ = s.arrow_end;
  *f++ = i > 0 && Dropped(lines[i - 1]);
  *f++ = i + 1 < lines.size() && Dropped(lines[i + 1]);
  // Context that removing dropped lines can only move towards content: the
  // distance to the nearest content paragraph, and the share of content
  // paragraphs among the kContextLines lines on each side.
  const size_t n = lines.size();
  size_t distance = kMaxDistance;
  for (size_t d = 1; d < kMaxDistance && distance == kMaxDistance; ++d) {
    if ((i >= d && lines[i - d].rule == LineFacts::Rule::kContent) ||
        (i + d < n && lines[i + d].rule == LineFacts::Rule::kContent))
      distance = d;
  }
  *f++ = std::log1p(static_cast<float>(distance));
  int around = 0;
  for (size_t d = 1; d <= kContextLines; ++d) {
    around += i >= d && lines[i - d].rule == LineFacts::Rule::kContent;
    around += i + d < n && lines[i + d].rule == LineFacts::Rule::kContent;
  }
  *f++ = static_cast<float>(around) / (2 * kContextLines);
  // A short line opening with a call to action's verb ("Write a review",
  // "Kirjaudu sisään", "Claim your listing") or ending with it, as German
  // puts the verb of a command last ("Termin online buchen").
  *f++ = s.words <= kMaxActionWords &&
         (action_words_.FirstWordIn(l.text) || action_last_words_.LastWordIn(l.text));
}

double LineClassifier::Raw(const double* x, std::vector<double>* pull) const {
  return base_ + trees_.Sum(x, pull);
}

double LineClassifier::Score(const double* x) const {
  return 1.0 / (1.0 + std::exp(-Raw(x, nullptr)));
}

void LineClassifier::Window(const std::vector<LineFacts>& lines, size_t i, double doc_dropped,
                            float (*rows)[kNumLineFeatures], size_t* row_of, double* x) const {
  // Each line's features are computed once: the three rows hold lines
  // i-1, i and i+1 in turn.
  auto row = [&](size_t j) -> const float* {
    if (row_of[j % 3] != j) {
      Features(lines, j, rows[j % 3]);
      row_of[j % 3] = j;
    }
    return rows[j % 3];
  };
  const size_t n = lines.size();
  const float* prev = i > 0 ? row(i - 1) : nullptr;
  const float* cur = row(i);
  const float* next = i + 1 < n ? row(i + 1) : nullptr;
  WindowFeatures(lines, i, prev, cur, next, doc_dropped, x);
}

std::string LineClassifier::Reasons(const std::vector<LineFacts>& lines, size_t i,
                                    double doc_dropped) const {
  if (empty() || i >= lines.size()) return "";
  float rows[3][kNumLineFeatures];
  size_t row_of[3] = {lines.size(), lines.size(), lines.size()};
  double x[kNumWindowFeatures];
  Window(lines, i, doc_dropped, rows, row_of, x);
  std::vector<double> pull(kNumWindowFeatures, 0.0);
  Raw(x, &pull);
  std::vector<std::pair<double, int>> order;
  for (int k = 0; k < kNumWindowFeatures; ++k) {
    if (pull[k] < 0) order.emplace_back(pull[k], k);
  }
  std::sort(order.begin(), order.end());
  std::string out;
  char buf[96];
  for (size_t j = 0; j < order.size() && j < 3; ++j) {
    std::snprintf(buf, sizeof(buf), "%s%s=%.2f", j ? " " : "",
                  WindowFeatureNames()[order[j].second].c_str(), x[order[j].second]);
    out += buf;
  }
  return out;
}

void LineClassifier::Decide(const std::vector<LineFacts>& lines, Favor favor,
                            std::vector<LineVerdict>* out) const {
  const double threshold = thresholds_[static_cast<int>(favor)];
  const size_t n = lines.size();
  out->assign(n, LineVerdict());
  if (empty() || n == 0) return;
  const double doc_dropped = RuleDroppedShare(lines);
  if (doc_dropped < gate_) return;
  float rows[3][kNumLineFeatures];
  size_t row_of[3] = {n, n, n};
  double x[kNumWindowFeatures];
  for (size_t i = 0; i < n; ++i) {
    if (lines[i].rule != LineFacts::Rule::kUndecided) continue;
    Window(lines, i, doc_dropped, rows, row_of, x);
    LineVerdict& v = (*out)[i];
    v.judged = true;
    const double score = Score(x);
    v.score = static_cast<float>(score);
    v.drop = score < threshold && !Heading(lines, i);
  }
}

}  // namespace cleaner
