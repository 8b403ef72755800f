// Stage 3, filter. See line_filter.h; filters/README.md describes the rules
// and how the evidence combines.
//
// A document is judged in passes over its buffered blocks:
//   1. shape of every block (length, ending, separators, script);
//   2. evidence that holds wherever a block stands: rule hits, menus,
//      breadcrumbs, repeated short lines, repeated lines in another script
//      or language;
//   3. blocks opened by a header rule ("Check Also", "Leave a Reply") take
//      the teasers or form prompts under them;
//   4. the head zone (before the first content paragraph) and the tail zone
//      (after the last) are settled: edge-only rules, bylines and date
//      stamps (moved to the metadata), lines in another script, and the
//      short lines left there;
//   5. the whole document: an error page or a cookie wall gives no output.
// Every pass decides from things that removal does not change (content
// paragraphs are never removed by passes 4-5, and the zones are defined by
// them), so cleaning the output again removes nothing more; the one
// decision that hangs on neighbours (a repeated line standing alone) is
// settled by judging the kept blocks again (EndDocument).
#include "cleaner/filter/line_filter.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "cleaner/filter/line_filter_rules.h"
#include "cleaner/filter/line_shapes.h"
#include "cleaner/util/deadline.h"
#include "cleaner/util/language.h"
#include "cleaner/util/line_ending.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

using line_filter::Capture;
using line_filter::LineKey;
using line_filter::Rule;
using line_filter::RuleKind;
using line_filter::Script;

LineFilterRules::LineFilterRules(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
LineFilterRules::~LineFilterRules() = default;

namespace {

// Lines of more words than this (counted by spaces, which is cheap) are
// paragraphs by shape, and only their edges can carry what a rule looks
// for: a prefix or a sentence-opening phrase at the start ("We use cookies
// ..."), a suffix at the end ("... All rights reserved."). They are
// tokenized only there, which keeps the stage's cost per byte small on
// article text.
constexpr int kMaxKeyWords = 25;
// How much of a long line's start is read: enough for the longest prefix
// (about ten words), a glued byline, and the script.
constexpr size_t kSampleBytes = 128;
// How much of its end is read, for the longest suffix rule.
constexpr size_t kTailBytes = 80;
// A line this long is a paragraph (or a blob) by shape whatever its spaces:
// text without spaces (Chinese, Japanese, minified code) is read like a
// long paragraph, at its edges, and its key stays small.
constexpr size_t kParagraphBytes = 4096;
// A kept line of this many words that ends a sentence is prose: two of
// them (or 40 words of them) keep a document from being dropped whole.
constexpr int kProseWords = 8;
// Words at most of a line of link texts joined without spaces
// (heuristic:glued-links; a sentence is longer).
constexpr int kGluedLinkWords = 25;
// A breadcrumb trail (line_shapes.h: six parts of six words at most, and
// the marks between them) is this many words at most.
constexpr int kTrailWords = 41;
// A download link with its file's size is this many words at most
// (heuristic:file-link).
constexpr int kFileLinkWords = 16;
// Bare dates and times at the edges are a list's data from this many on
// (JudgeEdges()).
constexpr int kListStamps = 4;
// A heading between a table's rows (TableRow()) is this many words at most.
constexpr int kGroupHeadingWords = 3;
// A line a pattern of site furniture is tried on anywhere is this many
// words at most ("Jonas sagt:", "6 of 6 people found this helpful").
constexpr int kFurniturePatternWords = 16;

enum class Cls : uint8_t { kNeutral, kGood, kBad };

// Evidence::breadcrumb of a breadcrumb trail no rule names.
constexpr int kTrail = -2;

// Evidence::menu_shape of a menu-shaped line a byline pattern matches.
constexpr uint8_t kMenuByline = 2;

// What is decided about a block; reset for every judgement.
// The rule matches and the shape the later passes read are kept here, so
// that a line's key (its tokens) is needed only by the date and byline
// patterns at the edges (pass 4). Keys are kept for documents of up to
// kKeptScratchBlocks blocks; in longer ones those few lines are tokenized
// again, as a key per line cost 300 bytes, 15-30 times the input on a
// document of a million short lines.
// Ordered by size: a document of a million short lines holds a million.
struct Evidence {  // 40 bytes: a million short lines hold a million of these
  const char* heuristic = nullptr;
  const char* category = nullptr;
  int rule = -1;       // the rule that decided, or -1
  // From the line's key, read in pass 1:
  int match = -1;       // the first line/prefix/suffix/contains rule it matches, or -1
  // The navigation rule naming its first segment, kTrail for a trail
  // parted by › or » (ChevronTrail()), or -1.
  int breadcrumb = -1;
  // Words (CJK: two characters count as one), at most 65,535: every
  // threshold on it is far below.
  uint16_t units = 0;
  // The foreign-script test's answer per script (see ForeignScript()):
  // bit s is set when the line has four letters or more and under 10 % of
  // them in script s.
  uint8_t foreign_to = 0;
  Ending ending = Ending::kNone;
  Cls cls = Cls::kNeutral;
  bool sampled = false;  // key covers only the start of a long line
  bool skip = false;     // preformatted/table: kept as is, not judged
  bool shape_good = false;
  bool anchor = false;      // strong boilerplate evidence (see the zones pass)
  bool key_empty = true;    // no token
  // Two separators or more, five words at most between them (1); such a
  // line that a byline pattern matches, left to the edges (kMenuByline).
  uint8_t menu_shape = 0;
  bool tiny = false;  // a menu item or tag by shape (see IsTiny())
};
static_assert(sizeof(void*) != 8 || sizeof(Evidence) <= 40, "Evidence grew: see its fields");
using Info = Evidence;

// Per-thread buffers of the stage, kept from one document to the next
// (allocating every block's token buffers anew cost more than the matching
// itself) but released after a document of more than kKeptScratchBlocks
// blocks, so that one huge document does not hold its memory for the rest
// of the run.
struct Scratch {
  std::vector<Info> info;
  std::vector<LineKey> keys;  // a key per line, for documents of kKeptScratchBlocks lines at most
  LineKey key;                // the line being read
  std::vector<uint32_t> slots, group;  // repetition table (see Judge())
  std::vector<int> group_size;
  std::vector<LineFacts> facts;  // the line classifier's input
  bool big_key = false;          // a key of a line of over kBigLineBytes was made
};
thread_local Scratch scratch;
constexpr size_t kKeptScratchBlocks = 1 << 14;
constexpr size_t kBigLineBytes = 1 << 20;

void TrimScratch() {
  if (scratch.info.size() > kKeptScratchBlocks || scratch.big_key) {
    scratch = Scratch();
  }
}

int DominantScript(const int* letters, int total) {
  int best = 0;
  for (int s = 1; s < line_filter::kNumScripts; ++s) {
    if (letters[s] > letters[best]) best = s;
  }
  // 60 %: a Latin line quoting one Russian word is still Latin.
  return total > 0 && letters[best] * 10 >= total * 6 ? best : -1;
}

// Three words at most, no number, no final mark: a menu item or a tag.
// A trailing count in brackets is allowed: "Politics (12)" in an archive
// or category list.
bool IsTiny(const Info& b, const LineKey& key, std::string_view text) {
  if (b.units > 4 || b.ending != Ending::kNone || key.letters < 2) return false;
  const auto& t = key.tokens;
  const bool counted = t.size() >= 2 && t.back().number && !text.empty() && text.back() == ')';
  if (static_cast<int>(t.size()) - counted > 3) return false;
  for (size_t k = 0; k + counted < t.size(); ++k) {
    if (t[k].number) return false;
  }
  return true;
}

// True if the line is in another script than the body: it has letters
// (four or more) and almost none (under 10 %) in the body's script.
bool ForeignScript(const Info& f, int body_script) {
  return body_script >= 0 && (f.foreign_to >> body_script) & 1;
}

// 0x80 in exactly the bytes of `v` that are spaces. After the XOR a space
// is a zero byte; (x & 0x7F) + 0x7F <= 0xFE carries into no other byte.
inline uint64_t SpaceBytes(uint64_t v) {
  constexpr uint64_t k7F = 0x7F7F7F7F7F7F7F7FULL;
  v ^= 0x2020202020202020ULL;
  return ~(((v & k7F) + k7F) | v | k7F);
}

// min(number of ' ' in `text`, limit), reading sixteen bytes at a time
// until the limit is reached.
int CountSpaces(std::string_view text, int limit) {
  constexpr uint64_t k01 = 0x0101010101010101ULL;
  const char* p = text.data();
  const char* const end = p + text.size();
  int spaces = 0;
  for (; end - p >= 16 && spaces < limit; p += 16) {
    uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    // One or two a byte, summed into the top byte by the multiplication
    // (at most 16: no carry). (__builtin_popcountll is a library call
    // without -mpopcnt.)
    spaces += static_cast<int>((((SpaceBytes(a) >> 7) + (SpaceBytes(b) >> 7)) * k01) >> 56);
  }
  for (; p < end && spaces < limit; ++p) spaces += *p == ' ';
  return std::min(spaces, limit);
}

// What the rules said of a line, as the line classifier reads it.
// A line of marks alone (no token) is no evidence either way: like a
// table or code it is skipped by the classifier, and its drop does not
// count towards the share of a document the rules dropped (an article's
// twenty zero-width-space lines made it read as a crawled page).
LineFacts::Rule RuleState(const Info& f) {
  return f.skip || f.key_empty                          ? LineFacts::Rule::kSkipped
         : f.cls == Cls::kBad && f.heuristic != nullptr ? LineFacts::Rule::kWeakDrop
         : f.cls == Cls::kBad                           ? LineFacts::Rule::kDropped
         : f.cls == Cls::kGood || f.shape_good          ? LineFacts::Rule::kContent
                                                        : LineFacts::Rule::kUndecided;
}

// The share of the lines the rules judged that they dropped, as
// RuleDroppedShare() counts it, without building the facts.
double DroppedShare(const std::vector<Info>& info) {
  size_t judged = 0, dropped = 0;
  for (const Info& f : info) {
    if (f.skip) continue;
    ++judged;
    dropped += f.cls == Cls::kBad;
  }
  return judged > 0 ? static_cast<double>(dropped) / static_cast<double>(judged) : 0.0;
}

// The line classifier's second opinion on the lines the rules left
// undecided (scraped text only; see line_classifier.h). Fills `verdicts`
// and the facts it read (scratch.facts, for the explanations), and hands
// every line's features to the options' dump hook when asked.
template <typename CountOf>
void ClassifyLines(const LineClassifier& classifier, const std::vector<Block>& blocks,
                   const std::vector<Info>& info, CountOf count_of, const FilterOptions& options,
                   bool dump, std::vector<LineVerdict>* verdicts) {
  const size_t n = blocks.size();
  std::vector<LineFacts>& facts = scratch.facts;
  facts.assign(n, LineFacts());
  for (size_t i = 0; i < n; ++i) {
    const Info& f = info[i];
    LineFacts& l = facts[i];
    l.text = blocks[i].text;
    l.units = f.units;
    l.repeats = count_of(i);
    l.ending = f.ending == Ending::kTerminal   ? 1
               : f.ending == Ending::kQuestion ? 2
               : f.ending == Ending::kEllipsis ? 3
               : f.ending == Ending::kColon    ? 4
                                               : 0;
    l.rule = RuleState(f);
  }
  if (dump) {
    float x[kNumLineFeatures];
    for (size_t i = 0; i < n; ++i) {
      classifier.Features(facts, i, x);
      options.line_feature_dump(facts[i].text, static_cast<int>(facts[i].rule), x,
                                kNumLineFeatures);
    }
  }
  if (options.line_classifier) classifier.Decide(facts, options.favor, verdicts);
}

// The first line, prefix, suffix or contains rule that `text` matches (or,
// on a short line, a furniture pattern: MatchFurniturePattern()), or
// -1; `key` is its key, of its start only when `sampled` (then `units` is
// its word count).
int MatchRules(const LineFilterRules::Rep& R, std::string_view text, const LineKey& key,
               bool sampled, int units) {
  // A long line is matched on its start only: prefixes and phrases
  // that open it (a long cookie notice), with its whole word count.
  const size_t words = sampled ? static_cast<size_t>(units) : 0;
  int r = sampled ? -1 : R.MatchLine(key);
  if (r < 0) r = R.MatchPrefix(text, key, words);
  if (r < 0 && !sampled) r = R.MatchSuffix(key);
  if (r < 0 && sampled && !R.suffix_rules.empty() &&
      static_cast<int>(words) <= R.suffix_line_words) {
    // The end of a long line, from a word boundary, for suffix rules
    // (only when the line is short enough for one: MatchSuffix() would
    // refuse it before reading the tail).
    static thread_local LineKey tail;
    size_t from = text.size() > kTailBytes ? text.size() - kTailBytes : 0;
    while (from < text.size() && text[from] != ' ') ++from;
    // MatchSuffix() reads the hashes of the last max_suffix_words tokens
    // and nothing else of the key (the word count is `words`). Tokens
    // never span a space, and after a space the tokenizer is in its
    // starting state (no open token, prev_space; what it looks ahead
    // at is the same), so the tokens after any space are the last
    // tokens of the tail. A space-delimited group that opens with an
    // ASCII letter or digit holds a token: from the space before the
    // last max_suffix_words such groups (or `from`), the last tokens
    // are those MatchSuffix() reads in the whole tail. (text[from] is
    // a space, or from is the end.)
    size_t groups = 0;
    for (size_t p = text.size(); p > from && groups < R.max_suffix_words;) {
      size_t space = p - 1;
      while (text[space] != ' ') --space;  // stops at `from` at the latest
      if (space + 1 < p) {
        const unsigned char c = static_cast<unsigned char>(text[space + 1]) | 0x20;
        groups += (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      }
      if (groups == R.max_suffix_words) from = space;
      p = space;
    }
    line_filter::Tokenize(text.substr(from), &tail);
    r = R.MatchSuffix(tail, words);
  }
  if (r < 0) r = R.MatchContains(text, key, words);
  if (r < 0 && !sampled && units <= kFurniturePatternWords) r = R.MatchFurniturePattern(text, key);
  return r;
}

// A section heading with a wiki's edit link glued to its end, as crawlers
// write MediaWiki's headings ("Geschichte[Bearbeiten | Quelltext
// bearbeiten]"): a heading of eight words at most, then a bracket of
// links of three words at most each ("|" between them), one of them at
// least a rule's line. The heading is the text's; the line stays for it
// (on bench/crawled 6 such lines, all content; none on the training
// texts).
bool WikiHeading(const LineFilterRules::Rep& R, std::string_view text) {
  if (text.size() < 4 || text.back() != ']') return false;
  const size_t open = text.rfind('[');
  if (open == std::string_view::npos || open == 0) return false;
  static thread_local LineKey part;
  line_filter::Tokenize(text.substr(0, open), &part);
  if (part.Empty() || part.tokens.size() > 8) return false;
  std::string_view links = text.substr(open + 1, text.size() - open - 2);
  bool rule = false;
  while (!links.empty()) {
    const size_t bar = links.find('|');
    line_filter::Tokenize(links.substr(0, bar), &part);
    if (part.Empty() || part.tokens.size() > 3) return false;
    rule = rule || R.MatchLine(part) >= 0;
    if (bar == std::string_view::npos) break;
    links.remove_prefix(bar + 1);
  }
  return rule;
}

// A byline pattern of a date or a time alone ("{date}", "{time}", "{date}
// {time}"): no word, no name.
bool BareStamp(const Rule& r) {
  return std::all_of(r.pattern.begin(), r.pattern.end(), [](const line_filter::PatternElem& e) {
    return e.type == line_filter::PatternElem::kDate || e.type == line_filter::PatternElem::kTime;
  });
}

// The navigation rule that names the first segment of a breadcrumb ("Home /
// World / <headline>", "Startseite > Politik"), or -1.
int BreadcrumbRule(const LineFilterRules::Rep& R, const LineKey& key) {
  if (key.separators < 1 || key.first_segment_tokens < 1 || key.first_segment_tokens > 3) {
    return -1;
  }
  auto it = R.line_rules.find(
      line_filter::SequenceHash(key, 0, static_cast<size_t>(key.first_segment_tokens)));
  return it != R.line_rules.end() && R.rules[it->second].category == "navigation" ? it->second : -1;
}

// Tokenizes the line as the filter reads it: whole, or only its start when
// it is a long paragraph (see kMaxKeyWords). Sets *units to its words (CJK:
// two characters count as one); returns whether the key is of its start.
bool TokenizeLine(std::string_view text, LineKey* key, int* units) {
  // Spaces, counted up to the limit (a long paragraph is not read to its
  // end here).
  const int spaces = CountSpaces(text, kMaxKeyWords);
  bool sampled = false;
  if ((spaces >= kMaxKeyWords || text.size() > kParagraphBytes) && text.size() > kSampleBytes) {
    size_t cut = kSampleBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    line_filter::Tokenize(text.substr(0, cut), key);
    sampled = true;
    // Words beyond the count: estimated from the length (six bytes a
    // word), enough for the document's word totals.
    *units = std::max(spaces + 1, static_cast<int>(text.size() / 6));
  } else {
    line_filter::Tokenize(text, key);
    *units = static_cast<int>(key->tokens.size());
  }
  *units = std::max(*units, key->cjk_letters / 2);
  return sampled;
}

static_assert(line_filter::kNumScripts <= 8, "Evidence::foreign_to holds a bit per script");

// Keeps in `f` the answer of the foreign-script test for every script the
// body may be written in: four letters or more, under 10 % in that script.
void StoreForeignScripts(const LineKey& key, Info* f) {
  f->foreign_to = 0;
  if (key.letters < 4) return;
  for (int s = 0; s < line_filter::kNumScripts; ++s) {
    if (static_cast<long>(key.script_letters[s]) * 10 < key.letters) f->foreign_to |= 1u << s;
  }
}

}  // namespace

LineFilter::LineFilter(const LineFilterRules* rules, const FilterOptions& options, BlockSink* next)
    : rules_(rules), options_(options), next_(next) {}
LineFilter::~LineFilter() = default;

Status LineFilter::BeginDocument(const DocumentInfo& doc) {
  doc_ = doc;
  blocks_.clear();
  windowed_ = false;
  return next_->BeginDocument(doc);
}

Status LineFilter::Push(Block block) {
  blocks_.push_back(std::move(block));
  return Status::OK();
}

void LineFilter::Reserve(size_t blocks) {
  // Not passed on: the kept blocks go to the next stage as this vector.
  blocks_.reserve(blocks_.size() + blocks);
}

Status LineFilter::PushAll(std::vector<Block>* blocks) { return TakeAll(&blocks_, blocks); }

Status LineFilter::EndDocument() {
  CLEANER_RETURN_IF_ERROR(JudgeBuffered());
  return next_->EndDocument();
}

Status LineFilter::EndWindow() {
  windowed_ = true;
  CLEANER_RETURN_IF_ERROR(JudgeBuffered());
  return next_->EndWindow();
}

Status LineFilter::JudgeBuffered() {
  // Judge again while something was removed: the content zone, the runs of
  // short lines and the neighbours of what is left may have moved, and the
  // output must be a fixed point (cleaning it again removes nothing more).
  // Three rounds settle every case seen: over the 1,632 WCXB and AEB page
  // texts no output changes when cleaned again.
  first_judgement_ = true;
  for (int round = 0; options_.enabled && !blocks_.empty() && round < 3; ++round) {
    if (!Judge()) break;
  }
  TrimScratch();
  if (DeadlinePassed(doc_.deadline)) return doc_.deadline->Error("the filter");
  CLEANER_RETURN_IF_ERROR(next_->PushAll(&blocks_));
  blocks_.clear();
  return Status::OK();
}

namespace {

// One judgement of a document's buffered blocks: the passes of Judge(), each
// a method, sharing the evidence in the per-thread scratch.
class Judging {
 public:
  Judging(const LineFilterRules::Rep& rules, std::vector<Block>* blocks, const DocumentInfo& doc)
      : R(rules),
        blocks_(*blocks),
        doc_(doc),
        info_(scratch.info),
        n_(blocks->size()),
        keep_keys_(n_ <= kKeptScratchBlocks),
        meta_(doc.metadata),
        text_input_(meta_ != nullptr && meta_->format == "text") {
    info_.assign(n_, Info());
    if (keep_keys_ && scratch.keys.size() < n_) scratch.keys.resize(n_);
  }

  void ReadLines();
  void CountRepeats();
  void FindBodyLanguage();
  void JudgeAlone();
  bool TakeHeaderBlocks();  // false when the time budget ran out
  bool OwnKindBetween(size_t from, size_t to, const std::string& category) const;
  bool ListedBelow(size_t j) const;
  const char* Stamp(size_t i);  // a post's stamp or a reading time; see Stamp()
  // A shape made of a rule's items, by RuleItems(): its heuristic's name
  // (null: none), the rule behind it (or -1) and the category.
  struct ItemShape {
    int rule = -1;
    const char* heuristic = nullptr;
    const char* category = nullptr;
  };
  ItemShape RuleItems(size_t i, std::string_view text);
  ItemShape LineShape(size_t i, std::string_view text) const;
  void FindContent();
  void JudgeEdges();
  void CutGluedStamp();
  void DropAroundContent();
  bool TitleUnderCrumb(size_t i) const;
  void DropMenuRuns();
  void JudgeDocument();
  // The line classifier's pass (drops what it scores as noise).
  void Classify(const FilterOptions& options, bool first, bool dump);
  // Emits the drops' explain events and moves the kept blocks to the
  // front; returns their number and adds the lines of marks alone
  // dropped to *marks.
  size_t Emit(size_t* marks);

 private:
  // Keys kept per line (see Evidence), or one for the line being read.
  LineKey& KeyOf(size_t i) { return keep_keys_ ? scratch.keys[i] : scratch.key; }
  // The key of line i, tokenized again unless it was kept.
  const LineKey& ReadKey(size_t i) {
    if (keep_keys_) return scratch.keys[i];
    int units = 0;
    TokenizeLine(blocks_[i].text, &scratch.key, &units);
    return scratch.key;
  }
  // Repetition is counted on the exact text: "Meal 1" and "Meal 2" are
  // not the same line.
  // Short lines are counted. Whether a line is counted depends on its text
  // alone (sampled, the key and the units all come from it), so a line
  // that is not counted has no counted twin, and its count is 1.
  bool Counted(size_t i) const {
    return !info_[i].sampled && !info_[i].key_empty && info_[i].units <= 15;
  }
  int CountOf(size_t i) const { return Counted(i) ? scratch.group_size[scratch.group[i]] : 1; }
  // A row of a table a text extractor wrote with " | " between its cells
  // ("Intensivo presencial | 90 h | 690 €"): three lines or more with the
  // same number of cells, three or more, in a row, or parted by a group's
  // heading of three words at most ("Samstag" over a timetable's rows of
  // the day). A menu is one line; a table's rows are the classifier's to
  // judge (on bench/crawled 14 such lines, all content; none on the
  // training texts).
  bool TableRow(size_t i) const {
    const int cells = line_filter::PipeCells(blocks_[i].text);
    if (cells < 3) return false;
    int rows = 1;
    for (int dir = -1; dir <= 1 && rows < 3; dir += 2) {
      bool heading = false;  // the line passed last was a heading
      for (size_t j = i; rows < 3;) {
        if (dir < 0 ? j == 0 : j + 1 >= n_) break;
        j = dir < 0 ? j - 1 : j + 1;
        const int c = line_filter::PipeCells(blocks_[j].text);
        if (c == cells) {
          ++rows;
          heading = false;
        } else if (c == 1 && !heading && info_[j].units <= kGroupHeadingWords) {
          heading = true;
        } else {
          break;
        }
      }
    }
    return rows >= 3;
  }
  // Between two paragraphs (or the document's ends), as ads stand.
  bool Isolated(size_t k) const {
    return (k == 0 || info_[k - 1].shape_good) && (k + 1 == n_ || info_[k + 1].shape_good);
  }
  void SetMeta(const Rule& r, int block, std::string_view before, const Capture& cap,
               std::string_view text);

  const LineFilterRules::Rep& R;
  std::vector<Block>& blocks_;
  const DocumentInfo& doc_;
  std::vector<Info>& info_;
  const size_t n_;
  const bool keep_keys_;
  Metadata* const meta_;
  // Scraped text (not HTML): the line classifier and `lead` headings read it.
  const bool text_input_;
  int body_script_ = 0;
  std::string body_lang_;
  size_t first_good_ = 0, last_good_ = 0;
  bool has_content_ = false;
  std::string drop_reason_;
  const char* drop_category_ = nullptr;  // of every block, when the document goes
  std::vector<LineVerdict> verdicts_;
  // With --explain: the classifier's reasons for each line it dropped, in
  // line order.
  std::vector<std::pair<size_t, std::string>> reasons_;
};

// Pass 1: shape, and the rules that read the line alone.
void Judging::ReadLines() {
  int body_letters[line_filter::kNumScripts] = {};
  // `lead` headings are read on scraped text only: from HTML, the page's
  // structure and the extractor's block model have said what a heading
  // heads (a listing's "More top stories" are its content there).
  for (size_t i = 0; i < n_; ++i) {
    const Block& b = blocks_[i];
    Info& f = info_[i];
    f.skip = b.kind == BlockKind::kPreformatted || b.kind == BlockKind::kTable;
    std::string_view text = b.text;
    LineKey& key = KeyOf(i);
    scratch.big_key = scratch.big_key || text.size() > kBigLineBytes;
    int units = 0;
    f.sampled = TokenizeLine(text, &key, &units);
    f.units = static_cast<uint16_t>(std::min(units, 65535));
    f.ending = EndingOf(text);
    f.menu_shape = key.separators >= 2 && key.max_segment_words <= 5;
    // Content paragraphs: a sentence of 8 words or more, or any line of 25
    // words or more (scraped paragraphs lose their final stop); a long
    // teaser cut with "…" is not one.
    f.shape_good = !f.skip && !f.menu_shape &&
                   (((f.ending == Ending::kTerminal || f.ending == Ending::kQuestion ||
                      f.ending == Ending::kColon) &&
                     f.units >= 8) ||
                    (f.units >= 25 && f.ending != Ending::kEllipsis) || f.units >= 60);
    if (f.shape_good) {
      for (int s = 0; s < line_filter::kNumScripts; ++s) body_letters[s] += key.script_letters[s];
    }
    f.key_empty = key.Empty();
    f.tiny = IsTiny(f, key, text);
    StoreForeignScripts(key, &f);
    if (!f.skip && !key.Empty()) {
      f.match = MatchRules(R, text, key, f.sampled, f.units);
      f.breadcrumb = BreadcrumbRule(R, key);
      // A trail parted by › or » is one whatever its first part says
      // (line_shapes.h); on scraped text, as a crawler writes it.
      if (f.breadcrumb < 0 && text_input_ && f.match < 0 && !f.sampled &&
          f.units <= kTrailWords && line_filter::ChevronTrail(text)) {
        f.breadcrumb = kTrail;
      }
      // A heading such as "Similar Questions" or "Weitere Veranstaltungen":
      // its `lead` rule waits in `rule` (the line is not dropped for it)
      // for pass 3, where it heads a related block if teasers follow.
      if (text_input_ && !f.sampled && f.match < 0 && !f.menu_shape &&
          (f.ending == Ending::kNone || f.ending == Ending::kColon)) {
        f.rule = R.MatchLead(key);
      }
    }
  }
  int body_total = 0;
  for (int s = 0; s < line_filter::kNumScripts; ++s) body_total += body_letters[s];
  body_script_ = DominantScript(body_letters, body_total);
}

// Equal texts are grouped under their first line through an open
// addressing table of line numbers (+1; 0 is empty), half full at most;
// the tables are kept from one document to the next (a map allocated a
// node per short line).
void Judging::CountRepeats() {
  std::vector<uint32_t>& slots = scratch.slots;
  std::vector<uint32_t>& group = scratch.group;
  std::vector<int>& group_size = scratch.group_size;
  size_t num_counted = 0;
  for (size_t i = 0; i < n_; ++i) num_counted += Counted(i);
  size_t slot_count = 16;
  while (slot_count < 2 * num_counted) slot_count *= 2;
  slots.assign(slot_count, 0);
  group.resize(n_);
  group_size.assign(n_, 0);
  for (size_t i = 0; i < n_; ++i) {
    if (!Counted(i)) continue;
    const std::string_view text = blocks_[i].text;
    size_t s = std::hash<std::string_view>()(text) & (slot_count - 1);
    while (slots[s] != 0 && blocks_[slots[s] - 1].text != text) s = (s + 1) & (slot_count - 1);
    if (slots[s] == 0) slots[s] = static_cast<uint32_t>(i + 1);
    group[i] = slots[s] - 1;
    ++group_size[group[i]];
  }
}

// The body's language, for repeated lines in another language.
void Judging::FindBodyLanguage() {
  bool needed = false;
  for (size_t i = 0; i < n_ && !needed; ++i) {
    needed = !info_[i].shape_good && info_[i].units >= 5 && CountOf(i) >= 2 && Isolated(i);
  }
  // Only when a line repeats: language identification costs more than the
  // rest of the stage. 768 bytes of paragraphs are enough for a verdict.
  if (!needed) return;
  std::string sample;
  for (size_t i = 0; i < n_ && sample.size() < 768; ++i) {
    if (info_[i].shape_good) sample.append(blocks_[i].text).push_back('\n');
  }
  LanguageGuess g = DetectLanguage(sample);
  if (g.reliable) body_lang_ = g.code;
}

// Pass 2's shapes made of a rule's items, for a short line: counts alone,
// buttons in a row, a menu glued on one line, link texts run together.
Judging::ItemShape Judging::RuleItems(size_t i, std::string_view text) {
  const Info& f = info_[i];
  // One key for all: a long document's keys are tokenized again when read.
  const LineKey& key = ReadKey(i);
  // Counts alone ("754 arvostelua", "Posts: 2,318"): on scraped text, as
  // the counter shapes (a category page's "51 products" is in its cards,
  // which the HTML extractor judged).
  if (text_input_) {
    const int c = R.MatchCountLine(text, key);
    if (c >= 0) return {c, "heuristic:count-line", R.rules[c].category.c_str()};
  }
  // Buttons in a row, each a rule's line on its own ("Reply Share Report
  // Save" under every post of a thread). On the training texts 897 such
  // lines were noise and 10 content ("Subscribe & Save"); on HTML 8 WCXB
  // pages moved, by 0.003 at most.
  int r = R.MatchButtonRow(key);
  if (r >= 0) return {r, "heuristic:button-row", R.rules[r].category.c_str()};
  if (!text_input_ || f.ending != Ending::kNone) return {};
  if (WikiHeading(R, text)) return {};
  // A menu bar glued on one line, as crawlers write inline links: on
  // scraped text, where crawlers write them.
  r = R.MatchGluedMenu(text, key);
  if (r >= 0) return {r, "heuristic:glued-menu", "navigation"};
  // A menu's link texts joined without a space
  // ("HomeNewsTeamsSpielplanShopKontakt", "InicioLíneas y
  // horariosTarifas"): three joints or more, one for every two words at
  // least, no final mark, a fifth of the words at most stop words (the
  // joined words counted apart); not a sentence that names "CoreDNS" and
  // its "ConfigMap". On the training texts noise 419 times, content 38 (a
  // game shop's tag lists and a blog's topic menus that WCXB's ground truth
  // keeps); on bench/crawled noise 17 times, content never.
  if (f.units <= kGluedLinkWords) {
    const int joints = line_filter::GluedWords(text);
    if (joints >= 3 && joints * 2 >= f.units && R.FewStopWords(text, joints)) {
      return {-1, "heuristic:glued-links", "navigation"};
    }
  }
  return {};
}

// Pass 2's shapes that say what a line is in any language
// (line_shapes.h), weak evidence: the zones are not drawn by them.
// Counters, ratings and bare numbers on scraped text only: in HTML the
// extractor kept them with their cards and tables ("Road Bike Helmets
// (26)" on a category page), where WCXB calls them content.
Judging::ItemShape Judging::LineShape(size_t i, std::string_view text) const {
  const Info& f = info_[i];
  // Facets and tag lists with their counts, any length, and a download
  // link with its file's size.
  if (text_input_ && line_filter::CountersLine(text)) return {-1, "heuristic:counters", "navigation"};
  if (text_input_ && f.units <= kFileLinkWords && line_filter::FileSizeLine(text)) {
    return {-1, "heuristic:file-link", "navigation"};
  }
  if (f.units <= line_filter::kShapeLineWords) {
    if (line_filter::PhoneLine(text)) return {-1, "heuristic:phone-line", "contact"};
    if (!text_input_) return {};
    if (line_filter::EmailLine(text)) return {-1, "heuristic:email-line", "contact"};
    if (line_filter::CounterLine(text)) return {-1, "heuristic:counter", "navigation"};
    if (line_filter::RatingLine(text)) return {-1, "heuristic:rating", "low-content"};
    if (line_filter::NumberLine(text)) return {-1, "heuristic:number", "low-content"};
  }
  // A line of marks alone ("---" above a signature, a carousel's "‹"
  // and "›"): nothing a reader reads. On scraped text only (the HTML
  // extractor writes no such block; the training texts hold none).
  if (text_input_ && f.key_empty) return {-1, "heuristic:no-words", "low-content"};
  return {};
}

// Pass 2: evidence that does not depend on position.
void Judging::JudgeAlone() {
  std::unordered_map<std::string_view, bool> foreign_lang;  // text -> other language
  for (size_t i = 0; i < n_; ++i) {
    Info& f = info_[i];
    if (f.skip) continue;
    std::string_view text = blocks_[i].text;
    auto bad = [&](int rule, const char* heuristic, const char* category) {
      f.cls = Cls::kBad;
      f.anchor = true;
      f.rule = rule;
      f.heuristic = heuristic;
      f.category = category;
    };
    // A zone=edge rule's hit is settled in pass 4.
    if (f.match >= 0 && R.rules[f.match].zone != line_filter::Zone::kEdge) {
      bad(f.match, nullptr, R.rules[f.match].category.c_str());
      // A one-line teaser ("Lesen Sie auch: <headline>", "READ MORE: ...")
      // stands inside the text, between its paragraphs and list items: it
      // is no strong line for the zones (a garden calendar's second half
      // went as after-content under one; the training texts and the
      // earlier crawled pages are the same either way).
      // So is a link in square brackets, a wiki section's "[edit]" or
      // "[Bearbeiten | Quelltext bearbeiten]" under each heading (a town's
      // article lost its lead and its infobox above the first one).
      // So is a pattern's hit, as a byline's is: a translation's "by
      // {name}:" over a comment reads as an author's line under a title.
      const Rule& rule = R.rules[f.match];
      const bool bracketed = text.size() > 2 && text.front() == '[' && text.back() == ']';
      // So is a label alone, a prefix rule's words with nothing after them
      // ("Kategorie", "Tags:"): a side box's heading, over facets a shop's
      // products follow, not the page's footer.
      const bool label = rule.kind == RuleKind::kPrefix && rule.sep && f.units <= rule.words;
      f.anchor = !rule.weak && !bracketed && !label && rule.kind != RuleKind::kPattern &&
                 !(rule.kind == RuleKind::kPrefix && rule.category == "related");
      continue;
    }
    if (f.menu_shape && f.ending != Ending::kTerminal && f.ending != Ending::kQuestion &&
        !f.shape_good) {
      // "By Jane Doe | March 3, 2024 | 5 min read" is a byline of parts:
      // in the head or the tail (pass 4) it goes to the metadata; elsewhere
      // it goes as a menu there.
      Capture cap;
      const int r = f.sampled ? -1 : R.MatchPattern(text, ReadKey(i), /*glued_only=*/false, &cap);
      if (r >= 0 && R.rules[r].category == "byline") {
        f.menu_shape = kMenuByline;
        continue;
      }
      // A line of facts on scraped text is left to the line classifier
      // (line_shapes.h): a course's modules, a room's size and price, an
      // ad's place and time are content as often as a profile's counters
      // are not (bench/crawled, CV: content kept 94.2 % -> 94.8 %, noise
      // removed 79.5 % -> 79.0 %; batch 12 out of sample 89.4 % -> 91.9 %
      // kept). On HTML the extractor has judged it. A breadcrumb whose
      // parts are numbered ("Startseite › Fußball › 2. Liga › 27.
      // Spieltag") is a breadcrumb still: below.
      if (!text_input_ || !(line_filter::FactsLine(text) || TableRow(i))) {
        bad(-1, "heuristic:menu", "navigation");
        continue;
      }
      if (f.breadcrumb == -1) continue;
    }
    // "Home / World / <headline>", "Startseite > Politik": the first
    // segment is a navigation word of the rules.
    if (f.breadcrumb >= 0 || f.breadcrumb == kTrail) {
      bad(std::max(f.breadcrumb, -1), "heuristic:breadcrumb", "navigation");
      // Parted by " | " it is no page's breadcrumb (those use › > » /)
      // but a section's links: a wiki's "Bearbeiten | Quelltext
      // bearbeiten" under each heading, which must not end the text there.
      // (The training texts' figures are the same either way; a crawled
      // wiki article kept 27 % of its content, 97 % now.)
      f.anchor = text.find(" | ") == std::string_view::npos;
      continue;
    }
    if (blocks_[i].link_density >= 0.6f && !f.shape_good) {
      bad(-1, "heuristic:link-list", "navigation");
      continue;
    }
    // Shapes that say what a line is in any language (line_shapes.h):
    // an arrow at its edge, then the weak ones (LineShape()).
    if (f.units <= line_filter::kArrowLinkWords && line_filter::ArrowAtEdge(text)) {
      bad(-1, "heuristic:arrow-link", "navigation");
      continue;
    }
    // Lines of a rule's items, or counts: weak, as the shapes.
    ItemShape shape = LineShape(i, text);
    if (shape.heuristic == nullptr && !f.sampled && !f.shape_good) shape = RuleItems(i, text);
    if (shape.heuristic != nullptr) {
      bad(shape.rule, shape.heuristic, shape.category);
      f.anchor = false;
      continue;
    }
    const int count = CountOf(i);
    // A short line repeated between paragraphs is not dropped for that: on
    // the 1,632 WCXB and AEB page texts it was content (a comparison's
    // "Pros:", "Who It's For") as often as an ad or a call to action. On
    // scraped text the line classifier weighs its repeat count.
    if (count >= 2 && ForeignScript(f, body_script_)) {
      bad(-1, "heuristic:repeated-foreign-script", "ad");
      f.anchor = false;
      continue;
    }
    // Five words: CLD2 is unreliable on shorter lines ("Apple AirPods Pro").
    // Only lines standing alone between paragraphs, as ads do: language
    // identification is the costliest thing this stage can do.
    if (count >= 2 && f.units >= 5 && !body_lang_.empty() && Isolated(i) && !f.shape_good) {
      // Once per distinct text: the occurrences share the verdict.
      auto [it, fresh] = foreign_lang.emplace(text, false);
      if (fresh) {
        LanguageGuess g = DetectLanguage(text);
        it->second = g.reliable && !g.code.empty() && g.code != body_lang_;
      }
      if (it->second) {
        bad(-1, "heuristic:repeated-foreign-language", "ad");
        f.anchor = false;
        continue;
      }
    }
    if (f.shape_good) f.cls = Cls::kGood;
  }
}

// The first line from `k` on that is not boilerplate (n_ if none), by the
// links of `live`, shortened as they are followed (lines only ever become
// boilerplate here, so a link never has to point back).
size_t NextLive(std::vector<uint32_t>* live, size_t k) {
  std::vector<uint32_t>& next = *live;
  size_t root = k;
  while (next[root] != root) root = next[root];
  while (next[k] != root) {
    const size_t up = next[k];
    next[k] = static_cast<uint32_t>(root);
    k = up;
  }
  return root;
}

// Items at most that a header other than a related or a comment form's
// takes (a share bar's networks).
constexpr int kHeaderItems = 12;

// True if the lines strictly between `from` and `to` (boilerplate the
// header reads past) are all of `category`. Reads at most kOwnKindLines
// of them: a longer run parts a header from the line after it.
bool Judging::OwnKindBetween(size_t from, size_t to, const std::string& category) const {
  constexpr size_t kOwnKindLines = 16;
  if (to - from - 1 > kOwnKindLines) return false;
  for (size_t k = from + 1; k < to; ++k) {
    if (info_[k].category == nullptr || category != info_[k].category) return false;
  }
  return true;
}

// A table of contents' entry: its text, a leading number aside ("2.",
// "1.1", "3)"), stands again as a line within kTocReach lines below it (the
// heading it lists).
constexpr size_t kTocReach = 2000;
constexpr int kTocEntryWords = 12;
constexpr int kTocEntries = 60;  // entries a table of contents takes at most

std::string_view WithoutNumbering(std::string_view t) {
  size_t p = 0;
  while (p < t.size() && ((t[p] >= '0' && t[p] <= '9') || t[p] == '.')) ++p;
  if (p == 0) return t;
  if (p < t.size() && t[p] == ')') ++p;
  if (p >= t.size() || t[p] != ' ') return t;
  while (p < t.size() && t[p] == ' ') ++p;
  return t.substr(p);
}

bool Judging::ListedBelow(size_t j) const {
  const std::string_view entry = WithoutNumbering(blocks_[j].text);
  if (entry.empty()) return false;
  for (size_t k = j + 1; k < n_ && k <= j + kTocReach; ++k) {
    const std::string_view t = blocks_[k].text;
    if (t.size() >= entry.size() && WithoutNumbering(t) == entry) return true;
  }
  return false;
}

// Pass 3: a header takes the lines of its block.
bool Judging::TakeHeaderBlocks() {
  // The first content paragraph. Lines are only ever taken (made
  // boilerplate) here, never made content, so it only moves down: found
  // again from where it was, it costs one pass over the document in all.
  size_t first_good = 0;
  // live[k]: k when line k is not boilerplate, else a line after it (see
  // NextLive()): a header reads on past boilerplate lines, and a page of
  // them read again for every header was quadratic.
  std::vector<uint32_t> live(n_ + 1);
  for (size_t k = 0; k <= n_; ++k) {
    live[k] = static_cast<uint32_t>(k < n_ && info_[k].cls == Cls::kBad ? k + 1 : k);
  }
  for (size_t i = 0; i < n_; ++i) {
    if (DeadlinePassed(doc_.deadline)) return false;
    if (info_[i].rule < 0 || R.rules[info_[i].rule].kind != RuleKind::kHeader) continue;
    // A `lead` heading still undecided; one something else dropped has
    // another rule (or none) by now.
    const bool lead = R.rules[info_[i].rule].lead;
    if (lead && info_[i].cls != Cls::kNeutral) continue;
    int taken = 0;
    const std::string& cat = R.rules[info_[i].rule].category;
    // Below the text, a comment form's block also takes longer lines (the
    // form's notes); above it, the header is a kicker and its title stays.
    while (first_good < n_ && info_[first_good].cls != Cls::kGood) ++first_good;
    const bool text_above = first_good < i;
    // A comment count above the text ("37 comments" beside a byline, a
    // teaser's "12 comentarios") links to the comments below: it heads
    // nothing (a car review's score stood under one; on the
    // training texts the same lines go either way).
    const bool count_above = cat == "comment-form" && !text_above && HasDigit(blocks_[i].text);
    bool after_headline = false;
    for (size_t j = NextLive(&live, i + 1), seen = i; j < n_; seen = j, j = NextLive(&live, j + 1)) {
      Info& g = info_[j];
      // Boilerplate lines passed over part a headline from its excerpt.
      if (j > seen + 1) after_headline = false;
      if (g.skip) break;
      bool take;
      if (cat == "related") {
        // Teasers: headlines (three words or more), cut excerpts, and a
        // short excerpt (30 words at most: a group page's posts under
        // headlines run longer) under a headline; a real paragraph, or a one- or
        // two-word line (a product list, a menu), ends the block.
        // An excerpt that ends with a full stop is taken only when another
        // teaser or the end follows it, not the article's next paragraph.
        // A `lead` heading's block, guessed from its words alone, takes
        // the headlines and cut excerpts only.
        const bool next_good = j + 1 < n_ && info_[j + 1].cls == Cls::kGood;
        // A listed question ("Similar Questions" over other questions),
        // not one a paragraph answers (a FAQ).
        const bool next_answer = next_good && info_[j + 1].ending != Ending::kQuestion;
        take = (g.cls == Cls::kNeutral && g.units >= 3) || g.ending == Ending::kEllipsis ||
               (!lead && after_headline && g.units <= 30 && !next_good) ||
               (g.ending == Ending::kQuestion && g.units <= 25 && !next_answer);
      } else if (cat == "comment-form") {
        // Field prompts ("Name *", "Website", "Post Comment"), four words
        // at most when no paragraph stands above; the fine print is caught
        // by its own rules. (A headline under a "Kommentar" kicker is not a
        // prompt.)
        take = g.cls == Cls::kNeutral && (g.units <= 4 || text_above) && !count_above;
      } else if (R.rules[info_[i].rule].toc) {
        // A table of contents takes its entries: the lines that stand
        // again below as the headings they list.
        take = g.cls == Cls::kNeutral && g.units <= kTocEntryWords && taken < kTocEntries &&
               g.ending != Ending::kTerminal && ListedBelow(j);
      } else {
        // Other headers ("Share this:", "Follow us") take the one- to
        // three-word items under them, read past lines of their own kind
        // only: a classified ad's "Teilen" and "Melden" buttons, a
        // gallery's "Bild 1 von 8", then its "Art: Herren" facts. A
        // network's name holds no digit and heads nothing (":"), and a
        // share bar lists a dozen at most: a recipe's "Teilen" above its
        // times and ingredients took them all.
        take = g.cls == Cls::kNeutral && g.units <= 3 && taken < kHeaderItems &&
               g.ending != Ending::kColon && !HasDigit(blocks_[j].text) &&
               OwnKindBetween(seen, j, cat);
      }
      if (!take) break;
      ++taken;
      after_headline = g.cls == Cls::kNeutral && g.ending == Ending::kNone;
      g.cls = Cls::kBad;
      live[j] = static_cast<uint32_t>(j + 1);
      g.rule = info_[i].rule;
      g.heuristic = cat == "related" ? "heuristic:related-block" : "heuristic:header-block";
      g.category = R.rules[info_[i].rule].category.c_str();
    }
    // A `lead` heading goes with the teasers it heads; with none under it
    // it is a heading of the text ("Other Considerations" above a
    // paragraph) and stays undecided, its rule forgotten (a later pass
    // that drops it names its own evidence).
    Info& h = info_[i];
    if (lead && taken == 0) {
      h.rule = -1;
    } else if (lead) {
      h.cls = Cls::kBad;
      live[i] = static_cast<uint32_t>(i + 1);
      h.heuristic = "heuristic:related-header";
      h.category = R.rules[h.rule].category.c_str();
    }
  }
  return true;
}

// Pass 4 begins: the content is where paragraphs stand together: a
// paragraph counts when it is long (30 words) or has another within four
// blocks (a news page's standfirst stands above its byline, date and photo
// caption); a lone sentence among menus (a promo line in a page header)
// does not start the content and is judged like a short line. (The
// relation is symmetric, so removal never takes it away from a kept
// paragraph.)
void Judging::FindContent() {
  for (size_t i = 0; i < n_; ++i) {
    if (info_[i].cls != Cls::kGood || info_[i].units >= 30) continue;
    // Distance counts the blocks that are not boilerplate, so that an ad
    // or a related box between two paragraphs does not part them.
    bool near = false;
    for (int dir = -1; dir <= 1 && !near; dir += 2) {
      int seen = 0;
      for (size_t j = i; seen < 4;) {
        if (dir < 0 ? j == 0 : j + 1 >= n_) break;
        j = dir < 0 ? j - 1 : j + 1;
        if (info_[j].cls == Cls::kBad) continue;
        ++seen;
        if (info_[j].shape_good) {
          near = true;
          break;
        }
      }
    }
    if (!near) info_[i].cls = Cls::kNeutral;
  }
  first_good_ = last_good_ = n_;
  for (size_t i = 0; i < n_; ++i) {
    if (info_[i].cls != Cls::kGood) continue;
    if (first_good_ == n_) first_good_ = i;
    last_good_ = i;
  }
  has_content_ = first_good_ < n_;
}

void Judging::SetMeta(const Rule& r, int block, std::string_view before, const Capture& cap,
                      std::string_view text) {
  if (meta_ == nullptr) return;
  if (cap.name_end > cap.name_begin && meta_->author.empty()) {
    meta_->author = std::string(text.substr(cap.name_begin, cap.name_end - cap.name_begin));
    ExplainEvent ev{"filter",    ExplainEvent::Action::kMetadata,
                    block,       r.origin,
                    "author",    std::string(before),
                    meta_->author};
    Explain(doc_, ev);
  }
  if (!cap.date.empty() && meta_->date.empty()) {
    meta_->date = cap.date;
    ExplainEvent ev{
        "filter",  ExplainEvent::Action::kMetadata, block, r.origin, "date", std::string(before),
        meta_->date};
    Explain(doc_, ev);
  }
}

// The heuristic that names line i a stamp between paragraphs of scraped
// text, or null. "heuristic:timestamp": a date with a time of day and
// nothing else ("March 8, 2018 at 7:11 am", "12.6.2025 14:32"), the stamp
// of a post, a comment or a reply (on the 1,632 page texts, 577 such lines
// the rules left were noise and 13 content); a date alone may head a
// changelog's or a diary's entry, and stays. "heuristic:reading-time": a
// byline pattern of words and numbers only ("7 min read", "Lukuaika 6
// min", "Lesezeit 4 Minuten"), which a standfirst puts between the title's
// paragraphs and the text's.
const char* Judging::Stamp(size_t i) {
  const Info& f = info_[i];
  std::string_view text = blocks_[i].text;
  // Both hold a number; most lines hold none (one pass of memchr-like
  // scans is cheaper than a pattern match).
  if (f.sampled || f.units > 10 ||
      std::find_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) ==
          text.end()) {
    return nullptr;
  }
  auto digit = [&](size_t k) { return text[k] >= '0' && text[k] <= '9'; };
  bool time = false;  // "7:11", "14:32"
  for (size_t k = 1; k + 2 < text.size() && !time; ++k) {
    time = text[k] == ':' && digit(k - 1) && digit(k + 1) && digit(k + 2);
  }
  Capture cap;
  const int r = R.MatchPattern(text, ReadKey(i), /*glued_only=*/false, &cap);
  if (r < 0 || R.rules[r].category != "byline" || cap.name_end != cap.name_begin) return nullptr;
  if (time && !cap.date.empty()) return "heuristic:timestamp";
  bool words = false, numbers = false;
  for (const line_filter::PatternElem& e : R.rules[r].pattern) {
    if (e.type != line_filter::PatternElem::kWord && e.type != line_filter::PatternElem::kNumber) {
      return nullptr;
    }
    (e.type == line_filter::PatternElem::kWord ? words : numbers) = true;
  }
  return words && numbers ? "heuristic:reading-time" : nullptr;
}

// Pass 4: the head zone (before the first content paragraph) and the tail
// zone (after the last): edge-only rules, bylines and date stamps, lines
// in another script.
void Judging::JudgeEdges() {
  // Bare dates and times at the edges ("Monday, March 10", "7:00 PM"):
  // one or two are a post's stamps, four or more a list's data (a week of
  // events, a timetable, a season's fixtures), which stay.
  // The byline patterns of the edge lines, matched once (the lines the
  // loop below reads them for, in order).
  struct Stamped {
    size_t line;
    int rule;
    Capture cap;
  };
  std::vector<Stamped> stamped;
  int bare = 0;
  for (size_t i = 0; i < n_; ++i) {
    const Info& f = info_[i];
    const bool edge = i < first_good_ || (has_content_ && i > last_good_);
    if (!edge || f.skip || f.cls != Cls::kNeutral || f.match >= 0 || f.sampled) continue;
    Capture cap;
    const int r = R.MatchPattern(blocks_[i].text, ReadKey(i), /*glued_only=*/false, &cap);
    if (r < 0) continue;
    bare += BareStamp(R.rules[r]);
    stamped.push_back({i, r, std::move(cap)});
  }
  const bool stamps_are_data = text_input_ && bare >= kListStamps;
  size_t next_stamped = 0;
  for (size_t i = 0; i < n_; ++i) {
    Info& f = info_[i];
    const bool head = i < first_good_, tail = has_content_ && i > last_good_;
    if (f.skip || f.cls != Cls::kNeutral) continue;
    if (!head && !tail) {
      // A menu-shaped byline between paragraphs is read as the menu it
      // looks like (pass 2 left it for the edges).
      if (f.menu_shape == kMenuByline) {
        f.cls = Cls::kBad;
        f.anchor = true;
        f.heuristic = "heuristic:menu";
        f.category = "navigation";
      } else if (const char* stamp = text_input_ ? Stamp(i) : nullptr) {
        f.cls = Cls::kBad;
        f.heuristic = stamp;
        f.category = "byline";
      }
      continue;
    }
    std::string_view text = blocks_[i].text;
    if (f.match >= 0) {  // a zone=edge rule (pass 2 settled the others)
      f.cls = Cls::kBad;
      f.anchor = !R.rules[f.match].weak;
      f.rule = f.match;
      f.category = R.rules[f.rule].category.c_str();
      continue;
    }
    while (next_stamped < stamped.size() && stamped[next_stamped].line < i) ++next_stamped;
    const Stamped* s =
        next_stamped < stamped.size() && stamped[next_stamped].line == i ? &stamped[next_stamped]
                                                                         : nullptr;
    const int r = s != nullptr ? s->rule : -1;
    if (r >= 0 && stamps_are_data && BareStamp(R.rules[r])) continue;
    if (r >= 0) {
      const Capture& cap = s->cap;
      // A byline often stands between the title and the text: it is not
      // an anchor, or the title above it would go.
      f.cls = Cls::kBad;
      f.rule = r;
      f.category = R.rules[r].category.c_str();
      if (R.rules[r].category == "byline" && (head || meta_ == nullptr || meta_->author.empty())) {
        SetMeta(R.rules[r], blocks_[i].index, text, cap, text);
      }
      continue;
    }
    // A single line in another script near the edges: an ad or a label in
    // the site's language. Code (player.setav x, a=b) is not one.
    if (ForeignScript(f, body_script_) && f.units <= 15 &&
        text.find_first_of("=_*{}<>[]") == std::string_view::npos) {
      f.cls = Cls::kBad;
      f.heuristic = "heuristic:foreign-script";
      f.category = "ad";
    }
  }
}

// A byline or date glued to the start of the first paragraph
// ("date 2020-11-08 Baku / Yerevan (dpa) – ..."): cut it off.
void Judging::CutGluedStamp() {
  if (!has_content_) return;
  Block& b = blocks_[first_good_];
  Capture cap;
  const LineKey& key = ReadKey(first_good_);
  int r = R.MatchPattern(b.text, key, /*glued_only=*/true, &cap);
  if (r < 0 || cap.end_token == 0 || cap.end_token >= key.tokens.size()) return;
  size_t cut = key.tokens[cap.end_token - 1].end;
  // Skip the spaces and separator marks between the stamp and the text.
  size_t rest = cut;
  while (rest < b.text.size()) {
    size_t p = rest;
    char32_t cp = NextCodePoint(b.text, &p);
    if (cp == ' ' || cp == '|' || cp == '-' || cp == ':' || cp == 0x2013 || cp == 0x2014 ||
        cp == 0xA0 || cp == ',') {
      rest = p;
    } else {
      break;
    }
  }
  // The rest must start like a sentence: a capital, a digit or a quote.
  bool sentence = false;
  if (rest < b.text.size()) {
    const line_filter::Token& next = key.tokens[cap.end_token];
    sentence = next.begin == rest ? (next.upper || next.number) : true;
  }
  if (sentence) {
    std::string before = b.text.substr(0, rest);
    SetMeta(R.rules[r], b.index, before, cap, b.text);
    b.text.erase(0, rest);
  }
}

// The short lines left around the content. Clean article bodies end
// with lists, credits and links as often as pages end with menus, so
// position alone removes nothing: in the head, the short lines above the
// last boilerplate line go (a title below it stays); in the tail, those
// below the first boilerplate line go (a list or credit above it stays).
// A card the HTML extractor kept as content (Block::card) stays: on a
// listing the cards are the page, wherever its boilerplate stands.
// A head line of this many words or more, this many lines above the text
// or closer (lines the rules drop not counted), may be its title
// (DropAroundContent()).
constexpr int kTitleWords = 6;
constexpr size_t kTitleReach = 12;
// Words a line under a breadcrumb must have to be the page's title.
constexpr int kCrumbTitleWords = 2;

// A line right under a breadcrumb (parted by › > or », not a menu's | or
// ·) is the page's title wherever the text starts, short or long
// ("Etusivu › Reseptit › Keitot" above "Kermainen lohikeitto tillillä": a
// shop's, a recipe site's, a classified ad's layout), unless it starts
// with a digit (a date). On the training texts (rules alone) 14 more lines
// stay for it, 4 of them content; on bench/crawled 6 titles.
bool Judging::TitleUnderCrumb(size_t i) const {
  if (i == 0 || info_[i].units < kCrumbTitleWords || info_[i].menu_shape ||
      info_[i].cls != Cls::kNeutral || ForeignScript(info_[i], body_script_) ||
      info_[i - 1].cls != Cls::kBad || info_[i - 1].heuristic == nullptr) {
    return false;
  }
  const std::string_view above = blocks_[i - 1].text;
  const std::string_view title = blocks_[i].text;
  const bool crumb = std::strcmp(info_[i - 1].heuristic, "heuristic:breadcrumb") == 0 ||
                     (std::strcmp(info_[i - 1].heuristic, "heuristic:menu") == 0 &&
                      (above.find("\u203A") != std::string_view::npos ||
                       above.find(" > ") != std::string_view::npos ||
                       above.find("\u00BB") != std::string_view::npos));
  return crumb && !title.empty() && !(title[0] >= '0' && title[0] <= '9');
}

void Judging::DropAroundContent() {
  if (!has_content_) return;
  size_t last_head_bad = n_, first_tail_bad = n_;
  for (size_t i = 0; i < first_good_; ++i) {
    if (info_[i].anchor) last_head_bad = i;
  }
  // Scraped text whose first paragraphs stand under a comment section's
  // heading in the page's second half ("Comments (48)") found its
  // comments, not its text: a song's verses, a poem, a record's short
  // lines stand above, no sentence among them. No head zone then; the
  // lines above are judged one by one. (Never on the 1,632 training
  // texts; a lyrics page of bench/crawled kept 1 of its 39 lines.)
  if (text_input_ && last_head_bad < n_ && 2 * last_head_bad > n_ &&
      info_[last_head_bad].rule >= 0 && info_[last_head_bad].heuristic == nullptr) {
    const Rule& r = R.rules[info_[last_head_bad].rule];
    if (r.kind == RuleKind::kHeader && r.category == "comment-form") {
      last_head_bad = n_;
    }
  }
  for (size_t i = last_good_ + 1; i < n_ && first_tail_bad == n_; ++i) {
    if (info_[i].anchor) first_tail_bad = i;
  }
  // In the head, a line of kTitleWords or more, close above the text and in
  // its script, stays though strong lines stand between: a title or a
  // standfirst above a byline, share buttons or a comment count (a page's
  // title is content; WCXB's ground truth leaves it out of an article,
  // bench/crawled's keeps it). Only when no such line stands below the
  // strong lines already: the title under a breadcrumb stays, an ad above
  // that breadcrumb goes.
  size_t near_from = n_;
  bool title_below = false;
  auto title_like = [&](size_t i) {
    return i >= near_from && info_[i].units >= kTitleWords && !info_[i].menu_shape &&
           info_[i].cls == Cls::kNeutral && !ForeignScript(info_[i], body_script_);
  };
  if (last_head_bad < n_) {
    // The reach counts the lines the rules leave (as FindContent() does):
    // a byline, share buttons and an affiliate notice do not part a title
    // from its text.
    near_from = first_good_;
    for (size_t left = 0; near_from > 0 && left < kTitleReach;) {
      --near_from;
      left += info_[near_from].cls != Cls::kBad;
    }
    for (size_t i = last_head_bad + 1; i < first_good_ && !title_below; ++i) {
      title_below = title_like(i);
    }
    // Such a title is content from here on: no menu run takes it, and the
    // line classifier reads it as content. On scraped text the page's head
    // ends there: the lines under it (a recipe's times and ingredients, a
    // job's facts) are judged one by one, though an ad label or share
    // buttons stand between them and the first paragraph (bench/crawled,
    // 92 pages: 93.0 % of content kept -> 94.3 %, 77.4 % of noise removed
    // -> 77.0 %; the training texts' figures unchanged).
    for (size_t i = 0; i < first_good_; ++i) {
      if (TitleUnderCrumb(i)) {
        info_[i].cls = Cls::kGood;
        if (text_input_ && i < last_head_bad) last_head_bad = i;
      }
    }
  }
  // The heuristic that takes line i, or null: the neutral lines above the
  // head's last strong line but its title, and below the tail's first.
  auto zone_of = [&](size_t i) -> const char* {
    const Info& f = info_[i];
    if (f.skip || f.cls != Cls::kNeutral || blocks_[i].card) return nullptr;
    if (last_head_bad < n_ && i < last_head_bad) {
      return !title_below && title_like(i) ? nullptr : "heuristic:before-content";
    }
    return first_tail_bad < n_ && i > first_tail_bad ? "heuristic:after-content" : nullptr;
  };
  // On HTML the extractor has taken the page's furniture out already: zones
  // that would take more than half of what is left stand around no content
  // (a product page's name, price and specifications are short lines, and
  // its one sentence is a newsletter prompt in the footer). Crawled text
  // holds its menus and footers, which outweigh a short text often.
  if (!text_input_) {
    size_t dropped = 0, left = 0;
    for (size_t i = 0; i < n_; ++i) {
      if (zone_of(i) != nullptr) dropped += blocks_[i].text.size();
      if (!info_[i].skip && info_[i].cls != Cls::kBad) left += blocks_[i].text.size();
    }
    if (dropped * 2 > left) return;
  }
  for (size_t i = 0; i < n_; ++i) {
    if (const char* heuristic = zone_of(i)) {
      Info& f = info_[i];
      f.cls = Cls::kBad;
      f.heuristic = heuristic;
      f.category = "navigation";
    }
  }
}

// Anywhere: where four or more short lines stand with nothing longer
// between them and three in four of them are menu items (three words at
// most, no number, no final mark), the menu items go: a menu, a tag cloud
// or a list of section names. A list in an article has longer items,
// numbers or punctuation.
// A document without paragraphs (a poem, a shopping list) is left alone,
// and so are the cards the HTML extractor kept (Block::card): a listing's
// titles are short lines in a run. They do count towards a run: a short
// label among them ("Sort by") is the listing's furniture.
void Judging::DropMenuRuns() {
  for (size_t i = 0; i < n_ && has_content_;) {
    size_t j = i;
    while (j < n_ && info_[j].cls != Cls::kGood) ++j;
    // Menu lines a rule already named ("Home", "Search", "Log in") count
    // towards the run: "Home / News / Sport / Weather" on four lines.
    int neutral = 0, tiny = 0, named = 0;
    for (size_t k = i; k < j; ++k) {
      if (info_[k].skip) continue;
      if (info_[k].cls == Cls::kBad) {
        named += info_[k].tiny && info_[k].anchor;
        continue;
      }
      ++neutral;
      tiny += info_[k].tiny;
    }
    // Between two paragraphs a run is more likely a list: it takes six
    // lines, and none when the paragraph above announces it ("...:").
    const bool middle = i > 0 && j < n_;
    const bool announced = i > 0 && info_[i - 1].ending == Ending::kColon;
    if (neutral + named >= (middle ? 6 : 4) && tiny * 4 >= neutral * 3 && tiny > 0 && !announced) {
      for (size_t k = i; k < j; ++k) {
        if (info_[k].cls != Cls::kNeutral || info_[k].skip || !info_[k].tiny || blocks_[k].card) {
          continue;
        }
        info_[k].cls = Cls::kBad;
        info_[k].heuristic = "heuristic:menu-run";
        info_[k].category = "navigation";
      }
    }
    i = j + 1;
  }
}

// Words a line must have to be a cookie notice, evidence of a cookie wall.
constexpr int kCookieNoticeWords = 5;

// Pass 5: the whole document.
// Only phrases are evidence here (a rule of numbers alone is refused when
// the rules are compiled), and prose that is kept vetoes the drop.
void Judging::JudgeDocument() {
  int content_units = 0, prose_lines = 0, prose_units = 0;
  size_t error_line = n_, cookie_line = n_;
  for (size_t i = 0; i < n_; ++i) {
    const Info& f = info_[i];
    if (f.cls != Cls::kBad) {
      content_units += f.units;
      if (f.units >= kProseWords && f.ending == Ending::kTerminal) {
        ++prose_lines;
        prose_units += f.units;
      }
    } else if (f.rule >= 0 && f.heuristic == nullptr) {
      const Rule& r = R.rules[f.rule];
      if (r.category == "error-page" && error_line == n_) error_line = i;
      // A cookie wall says what the site does ("We use cookies to ...");
      // a link's label ("Cookie Policy", "Manage cookies") is in the footer
      // of nearly every page, a short one's too.
      if (r.category == "cookie" && cookie_line == n_ && f.units >= kCookieNoticeWords) {
        cookie_line = i;
      }
    }
  }
  // An error page says little besides its error; 150 words of other text
  // mean a real page that merely carries the phrase. A cookie wall leaves
  // less than a short paragraph. Two sentences of prose, or one long one,
  // are a real page whatever else it says.
  const bool prose = prose_lines >= 2 || prose_units >= 40;
  size_t evidence = n_;
  if (error_line < n_ && content_units < 150 && !prose) {
    evidence = error_line;
    drop_reason_ = "error-page (" + R.rules[info_[evidence].rule].origin + ")";
    drop_category_ = "error-page";
  } else if (cookie_line < n_ && content_units < 40 && !prose) {
    evidence = cookie_line;
    drop_reason_ = "cookie-wall (" + R.rules[info_[evidence].rule].origin + ")";
    drop_category_ = "cookie";
  }
  if (drop_reason_.empty()) return;
  if (meta_ != nullptr) meta_->drop_reason = drop_reason_;
  // The line that matched is the evidence, shown with the rule.
  ExplainEvent ev{"filter",
                  ExplainEvent::Action::kDrop,
                  blocks_[evidence].index,
                  drop_reason_,
                  "document",
                  blocks_[evidence].text,
                  ""};
  Explain(doc_, ev);
}

// Pass 6: on scraped text, the line classifier judges what the rules
// left undecided, once per document (`first`: the filter's first
// judgement). Its drops are settled by judging the kept lines again with the
// rules alone (the zones may move; see line_classifier.h).
void Judging::Classify(const FilterOptions& options, bool first, bool dump) {
  if (!first || !drop_reason_.empty() || !text_input_ ||
      !((options.line_classifier && !R.classifier->empty()) || dump)) {
    return;
  }
  // A document under the classifier's gate is not judged: nothing is built
  // for it (a clean text of a million lines stays as small as it was).
  const double doc_dropped = DroppedShare(info_);
  if (!dump && doc_dropped < R.classifier->gate()) return;
  ClassifyLines(*R.classifier, blocks_, info_, [this](size_t i) { return CountOf(i); }, options,
                dump, &verdicts_);
  for (size_t i = 0; i < verdicts_.size(); ++i) {
    if (!verdicts_[i].drop) continue;
    // The reasons are read now, while every line's text is in place (Emit
    // moves the kept blocks), and only for --explain.
    if (doc_.reporter != nullptr) {
      reasons_.emplace_back(i, R.classifier->Reasons(scratch.facts, i, doc_dropped));
    }
    info_[i].cls = Cls::kBad;
    info_[i].heuristic = "classifier";
    info_[i].category = "low-content";
  }
}

// The kept blocks move to the front, in place (a second vector of them
// would double the stage's memory on a document of tiny lines); block i is
// read before anything is moved onto it. Every other block is counted and
// reported.
size_t Judging::Emit(size_t* marks) {
  size_t kept = 0;
  size_t next_reason = 0;  // into reasons_, in line order
  for (size_t i = 0; i < n_; ++i) {
    const Info& f = info_[i];
    if (f.cls != Cls::kBad && drop_reason_.empty()) {
      if (kept != i) blocks_[kept] = std::move(blocks_[i]);
      ++kept;
      continue;
    }
    const bool whole = f.cls != Cls::kBad;  // dropped with the whole document
    *marks += !whole && f.key_empty;
    const char* category = whole ? drop_category_ : f.category;
    if (meta_ != nullptr) ++meta_->removed_by_category[category];
    if (doc_.stats != nullptr) ++doc_.stats->blocks_dropped;
    if (doc_.reporter == nullptr) continue;
    std::string rule;
    if (whole) {
      rule = "document:" + drop_reason_;
    } else if (i < verdicts_.size() && verdicts_[i].drop) {
      char score[32];
      std::snprintf(score, sizeof(score), " score=%.2f", verdicts_[i].score);
      while (next_reason < reasons_.size() && reasons_[next_reason].first < i) ++next_reason;
      const bool have = next_reason < reasons_.size() && reasons_[next_reason].first == i;
      rule = f.heuristic + (score + (" " + (have ? reasons_[next_reason].second : "")));
    } else if (f.heuristic != nullptr) {
      rule = f.heuristic;
      if (f.rule >= 0) rule += " after " + R.rules[f.rule].origin;
    } else {
      rule = R.rules[f.rule].origin;
    }
    ExplainEvent ev{
        "filter", ExplainEvent::Action::kDrop, blocks_[i].index, rule, category, blocks_[i].text,
        ""};
    Explain(doc_, ev);
  }
  return kept;
}

}  // namespace

bool LineFilter::Judge() {
  // The per-block evidence lives in the per-thread scratch (see Scratch).
  Judging j(rules_->rep(), &blocks_, doc_);
  j.ReadLines();
  j.CountRepeats();
  j.FindBodyLanguage();
  j.JudgeAlone();
  if (!j.TakeHeaderBlocks()) return false;
  j.FindContent();
  j.JudgeEdges();
  j.CutGluedStamp();
  j.DropAroundContent();
  j.DropMenuRuns();
  if (!windowed_) j.JudgeDocument();
  const bool first = first_judgement_;
  first_judgement_ = false;
  j.Classify(options_, first, first && options_.line_feature_dump != nullptr);
  const size_t before = blocks_.size();
  size_t marks = 0;
  blocks_.resize(j.Emit(&marks));
  // Lines of marks alone are no evidence for any other line (the
  // classifier skips them, the passes read past dropped lines): their
  // removal alone calls for no other round.
  return blocks_.size() + marks < before;
}

}  // namespace cleaner
