// Stage 2a, extract: the page-kind model. See page_kind_model.h.
#include "cleaner/extract/page_kind_model.h"

#include <algorithm>
#include <cmath>

#include "cleaner/extract/feature_names.h"
#include "cleaner/util/ascii.h"

namespace cleaner {

namespace {

constexpr std::array<const char*, kNumKindFeatures> kNames = {
    "bias",           "rule_article",  "rule_forum",    "rule_product",  "rule_collection",
    "rule_listing",   "rule_service",  "rule_documentation", "declared", "from_url",
    "log_text",       "link_share",    "card_share",    "list_share",    "heading_share",
    "code_share",     "table_share",   "prose_share",   "stop_share",    "block_words",
    "prices",         "short_share",   "question_share", "url_depth",    "url_numeric_id",
    "url_year",       "url_query",     "url_root",      "url_file",      "url_known",
    "comment_share",  "dated",         "authored",
};

constexpr std::array<const char*, kNumPageKinds> kKindNames = {
    "article", "forum", "product", "collection", "listing", "service", "documentation"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A price: a currency sign with a digit right before or after it.
bool HasPrice(std::string_view t) {
  static constexpr std::string_view kSigns[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5",
                                                "\xE2\x82\xB9"};
  for (std::string_view sign : kSigns) {
    for (size_t at = t.find(sign); at != std::string_view::npos; at = t.find(sign, at + 1)) {
      size_t next = at + sign.size();
      if (next < t.size() && t[next] == ' ') ++next;  // "$ 24.90"
      if ((next < t.size() && IsDigit(t[next])) || (at > 0 && IsDigit(t[at - 1])) ||
          (at > 1 && t[at - 1] == ' ' && IsDigit(t[at - 2]))) {
        return true;
      }
    }
  }
  return false;
}

// The path of `url` ("/a/b?x"), lower case; empty when there is none.
std::string PathOf(std::string_view url) {
  std::string u = AsciiLower(url);
  const size_t scheme = u.find("://");
  if (scheme == std::string::npos) return u;
  const size_t slash = u.find('/', scheme + 3);
  return slash == std::string::npos ? "/" : u.substr(slash);
}

void UrlFeatures(std::string_view url, KindFeatures* f) {
  if (url.empty()) return;
  KindFeatures& x = *f;
  x[kKindUrlKnown] = 1;
  std::string path = PathOf(url);
  const size_t q = path.find_first_of("?#");
  x[kKindUrlQuery] = q != std::string::npos && path[q] == '?';
  if (q != std::string::npos) path.resize(q);
  x[kKindUrlRoot] = path.empty() || path == "/";
  int segments = 0;
  std::string_view last;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    const size_t j = std::min(path.find('/', i), path.size());
    if (j > i) {
      std::string_view seg(path.data() + i, j - i);
      ++segments;
      last = seg;
      if (seg.size() == 4 && (seg[0] == '1' || seg[0] == '2') &&
          std::all_of(seg.begin(), seg.end(), IsDigit)) {
        x[kKindUrlYear] = 1;
      }
    }
    i = j;
  }
  x[kKindUrlDepth] = std::min(1.f, segments / 6.f);
  int run = 0, best = 0;
  for (char c : last) {
    run = IsDigit(c) ? run + 1 : 0;
    best = std::max(best, run);
  }
  x[kKindUrlNumericId] = best >= 4;
  auto ends_with = [&](std::string_view s) {
    return last.size() >= s.size() && last.substr(last.size() - s.size()) == s;
  };
  x[kKindUrlFile] = ends_with(".html") || ends_with(".htm") || ends_with(".php") || ends_with(".aspx");
}

}  // namespace

const char* KindFeatureName(int feature) { return NameAt(kNames, feature); }

int KindFeatureIndex(std::string_view name) { return IndexOfName(kNames, name); }

int PageKindIndex(std::string_view name) { return IndexOfName(kKindNames, name); }

KindFeatures ComputeKindFeatures(PageKind rule, std::string_view reason, std::string_view url,
                                 const std::vector<RawBlock>& blocks,
                                 const std::vector<Elem>& elems, KindSignals signals) {
  // Inside a comment section: the element or an ancestor has the rules'
  // comments verdict (parents come before their children).
  std::vector<char> in_comments(elems.size(), 0);
  for (size_t i = 0; i < elems.size(); ++i) {
    const int p = elems[i].parent;
    in_comments[i] = elems[i].verdict == kComments || (p >= 0 && in_comments[p]);
  }
  long comment_chars = 0;
  KindFeatures x{};
  x[kKindBias] = 1;
  const bool declared = reason.rfind("schema.org", 0) == 0 || reason.rfind("og:type", 0) == 0;
  const bool from_url = reason.rfind("url", 0) == 0;
  // An article by no evidence is no verdict at all: only a declared or
  // addressed article counts as one.
  if (rule != PageKind::kArticle || declared || from_url) x[kKindRuleArticle + static_cast<int>(rule)] = 1;
  x[kKindDeclared] = declared;
  x[kKindFromUrl] = from_url;
  long chars = 0, links = 0, cards = 0, list = 0, code = 0, table = 0, prose = 0;
  long words = 0, stops = 0;
  int n = 0, headings = 0, prices = 0, shorts = 0, questions = 0;
  for (const RawBlock& b : blocks) {
    if (b.chars == 0) continue;
    ++n;
    chars += b.chars;
    links += b.link_chars;
    cards += b.card_chars;
    words += b.words;
    stops += b.stop_words;
    if (b.kind == BlockKind::kListItem) list += b.chars;
    if (b.kind == BlockKind::kPreformatted) code += b.chars;
    if (b.kind == BlockKind::kTable) table += b.chars;
    if (b.kind == BlockKind::kHeading) ++headings;
    if (b.words >= 25) prose += b.chars;
    if (b.words <= 3) ++shorts;
    if (!b.text.empty() && b.text.back() == '?') ++questions;
    if (prices < 10 && HasPrice(b.text)) ++prices;
    if (b.owner >= 0 && static_cast<size_t>(b.owner) < elems.size() && in_comments[b.owner]) {
      comment_chars += b.chars;
    }
  }
  auto share = [](long part, long whole) {
    return whole > 0 ? std::min(1.f, static_cast<float>(part) / whole) : 0.f;
  };
  x[kKindLogText] = static_cast<float>(std::log10(1.0 + chars) / 5);
  x[kKindLinkShare] = share(links, chars);
  x[kKindCardShare] = share(cards, chars);
  x[kKindListShare] = share(list, chars);
  x[kKindHeadingShare] = share(headings, n);
  x[kKindCodeShare] = share(code, chars);
  x[kKindTableShare] = share(table, chars);
  x[kKindProseShare] = share(prose, chars);
  x[kKindStopShare] = share(stops, words);
  x[kKindBlockWords] = n > 0 ? std::min(1.f, static_cast<float>(words) / n / 40) : 0.f;
  x[kKindPrices] = prices / 10.f;
  x[kKindShortShare] = share(shorts, n);
  x[kKindQuestionShare] = share(questions, n);
  UrlFeatures(url, &x);
  x[kKindCommentShare] = share(comment_chars, chars);
  x[kKindDated] = signals.dated ? 1.f : 0.f;
  x[kKindAuthored] = signals.authored ? 1.f : 0.f;
  return x;
}

PageKind PredictKind(const PageKindModel& model, const KindFeatures& x, float* probability) {
  std::array<double, kNumPageKinds> score{};
  double top = -1e30;
  int best = 0;
  for (int k = 0; k < kNumPageKinds; ++k) {
    for (int i = 0; i < kNumKindFeatures; ++i) score[k] += model.weights[k][i] * x[i];
    if (score[k] > top) {
      top = score[k];
      best = k;
    }
  }
  double sum = 0;
  for (double s : score) sum += std::exp(s - top);
  *probability = static_cast<float>(1.0 / sum);
  return static_cast<PageKind>(best);
}

std::string FormatKindFeatures(const KindFeatures& x) { return FormatFeatures(kNames, x); }

}  // namespace cleaner
