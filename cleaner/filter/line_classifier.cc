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
    "content_distance", "content_around",
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

// The reach of the context features.
constexpr size_t kMaxDistance = 20;
constexpr size_t kContextLines = 3;

// How many lines may stand between a heading and the content under it.
constexpr size_t kHeadingReach = 1;

bool Dropped(const LineFacts& l) {
  return l.rule == LineFacts::Rule::kDropped || l.rule == LineFacts::Rule::kWeakDrop;
}

bool ParseNumber(std::string_view field, double* v) { return ParseRuleNumber(field, -1e6, 1e6, v); }

}  // namespace

const std::vector<std::string>& LineFeatureNames() {
  static const std::vector<std::string> names(std::begin(kNames), std::end(kNames));
  return names;
}

Status LineClassifier::Compile(const std::vector<RuleFile>& files,
                               std::unique_ptr<const LineClassifier>* out) {
  std::unique_ptr<LineClassifier> c(new LineClassifier());
  CLEANER_RETURN_IF_ERROR(c->stop_words_.Load(files));
  for (const RuleFile& file : files) {
    if (file.name != "line_classifier.txt") continue;
    std::vector<double> w(kNumLineFeatures, 0.0), mean(kNumLineFeatures, 0.0),
        scale(kNumLineFeatures, 1.0);
    bool have_bias = false, have_drop = false, have_keep = false;
    RuleLineReader reader(file);
    Status st;
    while (reader.Next(&st)) {
      const RuleLine& line = reader.line();
      const std::vector<std::string_view>& f = line.fields;
      double v = 0;
      if (f[0] == "feature") {
        if (f.size() != 5) return line.Error("expected: feature<TAB>NAME<TAB>WEIGHT<TAB>MEAN<TAB>SCALE");
        const auto* it = std::find(std::begin(kNames), std::end(kNames), f[1]);
        if (it == std::end(kNames)) return line.Error("unknown feature '" + std::string(f[1]) + "'");
        const size_t k = static_cast<size_t>(it - std::begin(kNames));
        double m = 0, s = 0;
        if (!ParseNumber(f[2], &v) || !ParseNumber(f[3], &m) || !ParseNumber(f[4], &s) || s <= 0)
          return line.Error("weight, mean and scale must be numbers (scale > 0)");
        w[k] = v;
        mean[k] = m;
        scale[k] = s;
      } else if (f[0] == "bias" || f[0] == "drop_below" || f[0] == "keep_above") {
        if (f.size() != 2 || !ParseNumber(f[1], &v)) return line.Error("expected: KIND<TAB>NUMBER");
        if (f[0] != "bias" && !(v >= 0 && v <= 1)) return line.Error("a threshold is in [0, 1]");
        if (f[0] == "bias") c->bias_ = v, have_bias = true;
        if (f[0] == "drop_below") c->drop_below_ = v, have_drop = true;
        if (f[0] == "keep_above") c->keep_above_ = v, have_keep = true;
      } else {
        return line.Error("unknown kind '" + std::string(f[0]) + "'");
      }
    }
    CLEANER_RETURN_IF_ERROR(st);
    if (!have_bias || !have_drop || !have_keep || c->drop_below_ > c->keep_above_) {
      return Status::InvalidArgument("filters/" + file.name +
                                     ": needs bias, drop_below and keep_above "
                                     "(drop_below <= keep_above)");
    }
    c->weights_ = std::move(w);
    c->means_ = std::move(mean);
    c->scales_ = std::move(scale);
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
}

double LineClassifier::Score(const float* x) const {
  double z = bias_;
  for (int k = 0; k < kNumLineFeatures; ++k) z += weights_[k] * (x[k] - means_[k]) / scales_[k];
  return 1.0 / (1.0 + std::exp(-z));
}

std::string LineClassifier::Reasons(const float* x) const {
  // The three features that pull the score furthest towards noise.
  std::vector<std::pair<double, int>> pull;
  for (int k = 0; k < kNumLineFeatures; ++k) {
    const double c = weights_[k] * (x[k] - means_[k]) / scales_[k];
    if (c < 0) pull.emplace_back(c, k);
  }
  std::sort(pull.begin(), pull.end());
  std::string out;
  char buf[64];
  for (size_t j = 0; j < pull.size() && j < 3; ++j) {
    std::snprintf(buf, sizeof(buf), "%s%s=%.2f", j ? " " : "", kNames[pull[j].second],
                  x[pull[j].second]);
    out += buf;
  }
  return out;
}

void LineClassifier::Decide(const std::vector<LineFacts>& lines,
                            std::vector<LineVerdict>* out) const {
  const size_t n = lines.size();
  out->assign(n, LineVerdict());
  if (empty()) return;
  // Sides: +1 content, -1 noise, 0 uncertain.
  std::vector<int> side(n, 1);
  bool any_content = false;
  float x[kNumLineFeatures];
  for (size_t i = 0; i < n; ++i) {
    const LineFacts& l = lines[i];
    if (Dropped(l)) side[i] = -1;
    if (l.rule != LineFacts::Rule::kUndecided) {
      any_content |= side[i] > 0;
      continue;
    }
    LineVerdict& v = (*out)[i];
    Features(lines, i, x);
    v.judged = true;
    v.score = Score(x);
    side[i] = v.score < drop_below_ ? -1 : v.score >= keep_above_ ? 1 : 0;
    any_content |= side[i] > 0;
    if (side[i] < 0) {
      v.drop = true;
      v.reasons = Reasons(x);
    }
  }
  // A heading: a line with certain content at most kHeadingReach lines
  // below it stays, whatever it scores (a headline over a byline and its
  // article). Removing lines only brings the content nearer.
  auto heading = [&](size_t i) {
    for (size_t k = i + 1; k < n && k <= i + 1 + kHeadingReach; ++k) {
      if (side[k] > 0) return true;
    }
    return false;
  };
  // Context: an uncertain line goes when the nearest certain line on each
  // side is noise (the document's edges count as noise), and stays when
  // either is content. A document with no certain content keeps them all.
  std::vector<int> above(n, -1);  // side of the nearest certain line above
  for (size_t i = 1; i < n; ++i) above[i] = side[i - 1] != 0 ? side[i - 1] : above[i - 1];
  int below = -1;
  for (size_t i = n; i-- > 0;) {
    LineVerdict& v = (*out)[i];
    if (v.judged && side[i] < 0 && heading(i)) {
      v.drop = false;
    } else if (v.judged && side[i] == 0 && any_content && above[i] < 0 && below < 0 &&
               !heading(i)) {
      v.drop = true;
      v.by_context = true;
      Features(lines, i, x);
      v.reasons = Reasons(x);
    }
    if (side[i] != 0) below = side[i];
  }
}

}  // namespace cleaner
