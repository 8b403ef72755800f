// Stage 4, repair. See repair.h. The rules themselves are pure functions
// in repair_entities, repair_mojibake, repair_quotes and repair_punctuation;
// this file reads their tables from filters/repair_*.tsv, decides what is
// per document (mojibake evidence, language, quote style) and runs them.
#include "cleaner/repair/repair.h"

#include <map>
#include <string>
#include <unordered_set>

#include "cleaner/repair/repair_entities.h"
#include "cleaner/repair/repair_mojibake.h"
#include "cleaner/repair/repair_punctuation.h"
#include "cleaner/repair/repair_quotes.h"
#include "cleaner/repair/repair_text.h"
#include "cleaner/util/deadline.h"
#include "cleaner/util/language.h"
#include "cleaner/util/utf8.h"

namespace cleaner {

struct RepairRules::Rep {
  EntityTable entities;
  std::unordered_set<std::string> abbreviations;  // lowercase, no final period
  std::unordered_set<std::string> suffixes;
  std::unordered_set<std::string> schemes;
  std::map<std::string, LanguageQuotes> quotes;  // by ISO 639-1 code
};

RepairRules::RepairRules(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
RepairRules::~RepairRules() = default;

namespace {

// One code point written as itself in a rule field; 0 if the field is not
// exactly one code point.
char32_t SingleCodePoint(std::string_view field) {
  if (field.empty() || !IsValidUtf8(field)) return 0;
  size_t pos = 0;
  char32_t c = NextCodePoint(field, &pos);
  return pos == field.size() ? c : 0;
}

Status CompileLine(const RuleLine& line, RepairRules::Rep* rep) {
  const std::vector<std::string_view>& f = line.fields;
  const std::string_view kind = f[0];
  if (kind == "entity") {
    if (f.size() != 3) return line.Error("entity needs: entity<TAB>name<TAB>hex code point");
    // One to six hex digits (all of filters/) are read here; anything else
    // as strtoul reads it up to a NUL ("0x", spaces, signs), as it was.
    unsigned long cp = 0;
    bool ok = !f[2].empty() && f[2].size() <= 6;
    for (char c : f[2]) {
      if (!ok) break;
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      ok = digit >= 0;
      cp = cp * 16 + static_cast<unsigned long>(digit);
    }
    if (!ok) {
      const std::string hex(f[2]);
      char* end = nullptr;
      cp = std::strtoul(hex.c_str(), &end, 16);
      if (end == hex.c_str() || *end != '\0') cp = 0;
    }
    if (f[1].empty() || cp == 0 || cp > 0x10FFFF) {
      return line.Error("bad entity: " + std::string(f[1]) + " " + std::string(f[2]));
    }
    rep->entities[std::string(f[1])] = static_cast<char32_t>(cp);
  } else if (kind == "abbreviation") {
    if (f.size() != 3 || f[2].empty()) {
      return line.Error("abbreviation needs: abbreviation<TAB>language<TAB>word");
    }
    rep->abbreviations.emplace(f[2]);
  } else if (kind == "suffix" || kind == "scheme") {
    if (f.size() != 2 || f[1].empty()) return line.Error(std::string(kind) + " needs one word");
    (kind == "suffix" ? rep->suffixes : rep->schemes).emplace(f[1]);
  } else if (kind == "quotes") {
    if (f.size() != 6) return line.Error("quotes needs: quotes<TAB>language<TAB>“<TAB>”<TAB>‘<TAB>’");
    LanguageQuotes& q = rep->quotes[std::string(f[1])];
    q.double_open = SingleCodePoint(f[2]);
    q.double_close = SingleCodePoint(f[3]);
    q.single_open = SingleCodePoint(f[4]);
    q.single_close = SingleCodePoint(f[5]);
    if (!q.double_open || !q.double_close || !q.single_open || !q.single_close) {
      return line.Error("quotes: each mark must be one character");
    }
  } else if (kind == "french_spacing") {
    if (f.size() != 2) return line.Error("french_spacing needs: french_spacing<TAB>language");
    auto it = rep->quotes.find(std::string(f[1]));
    if (it == rep->quotes.end()) {
      return line.Error("french_spacing before the quotes line of " + std::string(f[1]));
    }
    it->second.french_spacing = true;
  } else {
    return line.Error("unknown repair rule kind \"" + std::string(kind) + "\"");
  }
  return Status::OK();
}

// Stop after this many rounds of quotes + punctuation; one round fixes
// real text, the second only confirms. See RepairLine().
constexpr int kMaxRounds = 3;

// Bytes of text given to language identification (cut there, at a
// character's start): CLD2 is reliable on a few hundred letters, and its
// time grows with the sample. (4 KiB made identification a tenth of the
// whole text path's time, 1 KiB 8 % of its instructions; 512 bytes gives
// the same output as 1 KiB on the AEB bodies, the WCXB pages as HTML and
// as text, and every golden document.)
constexpr size_t kLanguageSample = 512;

// The language changes the repair only for French spacing (a space before
// ; : ! ? or inside « »), for Swedish and Finnish ” … ” (a document with ”
// and no other double opener), and for the marks straight quotes become in
// a typographic document. Identification, the stage's most expensive step,
// is skipped when none of these can apply.
bool IsAsciiLetterByte(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// True iff a space separator ends just before t[i]: ' ', TAB, NBSP (C2 A0)
// or U+2000..U+200A, U+202F (E2 80 80..8A, E2 80 AF).
bool EndsWithSpace(const std::string& t, size_t i) {
  unsigned char p = i >= 1 ? static_cast<unsigned char>(t[i - 1]) : 0;
  if (p == ' ' || p == '\t') return true;
  if (p == 0xA0) return i >= 2 && static_cast<unsigned char>(t[i - 2]) == 0xC2;
  if ((p >= 0x80 && p <= 0x8A) || p == 0xAF) {
    return i >= 3 && static_cast<unsigned char>(t[i - 2]) == 0x80 &&
           static_cast<unsigned char>(t[i - 3]) == 0xE2;
  }
  return false;
}

// True iff ; : ! ? follow a space at least twice in the document and never
// follow a letter directly (2: once may be a slip; any glued one shows the
// document does not follow French typography).
bool SpacedHighPunctuation(const std::vector<Block>& blocks) {
  int spaced = 0;
  for (const Block& b : blocks) {
    const std::string& t = b.text;
    for (size_t i = FindAnyOf4(t, 1, ';', ':', '!', '?'); i < t.size();
         i = FindAnyOf4(t, i + 1, ';', ':', '!', '?')) {
      if (EndsWithSpace(t, i)) {
        ++spaced;
      } else if (IsAsciiLetterByte(t[i - 1]) || static_cast<unsigned char>(t[i - 1]) >= 0xC0) {
        return false;
      }
    }
  }
  return spaced >= 2;
}

// REQUIRES: `counts` has had QuoteCounts::Add() of every block of `blocks`.
bool LanguageMatters(const std::vector<Block>& blocks, const QuoteCounts& counts) {
  int openers = counts.open_english + counts.open_low + counts.open_guillemet;
  if (counts.typographic > counts.ascii && counts.ascii > 0 &&
      (openers == 0 || counts.open_low * 2 >= openers)) {
    return true;  // straight quotes take the language's marks
  }
  // `counts` holds the marks of all of `blocks` (QuoteCounts::Add() finds
  // every C2 AB, C2 BB and E2 80 9D): no block need be searched for them.
  if (counts.guillemets > 0) return true;  // « »
  for (const Block& b : blocks) {
    const std::string& t = b.text;
    for (size_t i = FindAnyOf4(t, 1, ';', ':', '!', '?'); i < t.size();
         i = FindAnyOf4(t, i + 1, ';', ':', '!', '?')) {
      if (EndsWithSpace(t, i)) return true;
    }
  }
  return counts.close_english > 0 && counts.open_english == 0 && counts.open_low == 0;
}

// Appends `line` repaired to *out. `quotes_may_change` and
// `punctuation_may_change` are QuotesMayChange(line, qctx) and
// PunctuationMayChange(line), which the caller has computed.
void RepairLine(std::string_view line, const QuoteContext& qctx, const PunctuationContext& pctx,
                bool mojibake_evidence, bool quotes_may_change, bool punctuation_may_change,
                std::vector<RepairChange>* changes, std::string* out) {
  // Quote spacing can create doubled punctuation (`Shusha., “he` ->
  // `Shusha.,” he`) and the reverse, and a straight quote made typographic
  // can complete a mojibake sequence (`â€"` -> `â€”`), so the rules run
  // until they agree; a second round of the same input would change
  // nothing, which is what makes the stage idempotent.
  //
  // The first round reads `line` itself (it has no mojibake left: the
  // caller fixed the whole block): its quotes, unless QuotesMayChange()
  // has shown RepairQuotes() would return them as they are, then its
  // punctuation, unless PunctuationMayChange() has shown the same.
  std::string q;
  const bool quotes_changed =
      quotes_may_change && (q = RepairQuotesMayChange(line, qctx, changes)) != line;
  std::string p;
  if (quotes_changed) {
    p = RepairPunctuation(q, pctx, changes);
  } else if (punctuation_may_change) {
    p = RepairPunctuationMayChange(line, pctx, changes);
  } else {
    out->append(line);
    return;
  }
  if (p == line) {
    out->append(line);
    return;
  }
  std::string current = std::move(p);
  for (int round = 1; round < kMaxRounds; ++round) {
    std::string m = FixMojibake(current, mojibake_evidence, changes);
    q = RepairQuotes(m, qctx, changes);
    p = RepairPunctuation(q, pctx, changes);
    if (p == current) break;
    current = std::move(p);
  }
  out->append(current);
}

const char* CategoryOf(const std::string& rule) {
  if (rule == "entity" || rule.compare(0, 8, "mojibake") == 0) return "encoding";
  if (rule.compare(0, 5, "quote") == 0 || rule == "apostrophe") return "quotes";
  return "punctuation";
}

}  // namespace

Status RepairRules::Compile(const std::vector<RuleFile>& files,
                            std::unique_ptr<const RepairRules>* out) {
  auto rep = std::make_unique<Rep>();
  for (const RuleFile* file : RuleFilesWithPrefix(files, "repair_")) {
    RuleLineReader reader(*file);
    Status st;
    while (reader.Next(&st)) CLEANER_RETURN_IF_ERROR(CompileLine(reader.line(), rep.get()));
    CLEANER_RETURN_IF_ERROR(st);
  }
  out->reset(new RepairRules(std::move(rep)));
  return Status::OK();
}

Repairer::Repairer(const RepairRules* rules, const RepairOptions& options, BlockSink* next,
                   Part part)
    : rules_(rules), options_(options), next_(next), part_(part) {}
Repairer::~Repairer() = default;

Status Repairer::BeginDocument(const DocumentInfo& doc) {
  doc_ = doc;
  blocks_.clear();
  return next_->BeginDocument(doc);
}

Status Repairer::Push(Block block) {
  blocks_.push_back(std::move(block));
  return Status::OK();
}

void Repairer::Reserve(size_t blocks) {
  blocks_.reserve(blocks_.size() + blocks);
  next_->Reserve(blocks);
}

Status Repairer::PushAll(std::vector<Block>* blocks) { return TakeAll(&blocks_, blocks); }

Status Repairer::EndDocument() {
  CLEANER_RETURN_IF_ERROR(RepairBuffered());
  return next_->EndDocument();
}

Status Repairer::EndWindow() {
  CLEANER_RETURN_IF_ERROR(RepairBuffered());
  return next_->EndWindow();
}

// Without a reporter a change is only counted: kept, with its context
// snippets (~200 bytes each), a page of layered mojibake held 60 times its
// size in changes.
void Repairer::Settle(std::vector<RepairChange>* changes) const {
  if (doc_.reporter != nullptr) return;
  if (doc_.stats != nullptr) doc_.stats->repairs += changes->size();
  std::vector<RepairChange>().swap(*changes);
}

bool Repairer::RepairEncoding(std::vector<std::vector<RepairChange>>* changes_out,
                              bool* evidence_out) {
  const RepairRules::Rep& rules = rules_->rep();
  std::vector<std::vector<RepairChange>>& changes = *changes_out;
  // Encoding damage first: the other rules read characters, and an entity
  // can hide mojibake (`cafÃ&copy;`).
  // (Each function is called only where its fast scan says it can change
  // something: their results elsewhere are copies of their input.)
  bool& evidence = *evidence_out;
  std::vector<bool> may_have_mojibake(blocks_.size());
  for (size_t k = 0; k < blocks_.size(); ++k) {
    if (DeadlinePassed(doc_.deadline)) return false;
    // Code shows references as written (a tutorial's `&amp;amp;`).
    if (blocks_[k].kind != BlockKind::kPreformatted &&
        blocks_[k].text.find('&') != std::string::npos) {
      blocks_[k].text = DecodeEntities(blocks_[k].text, rules.entities, &changes[k]);
      Settle(&changes[k]);
    }
    may_have_mojibake[k] = MayHaveMojibake(blocks_[k].text);
    evidence = evidence || (may_have_mojibake[k] && HasCertainMojibake(blocks_[k].text));
  }
  for (size_t k = 0; k < blocks_.size(); ++k) {
    if (DeadlinePassed(doc_.deadline)) return false;
    if (!may_have_mojibake[k]) continue;
    blocks_[k].text = FixMojibake(blocks_[k].text, evidence, &changes[k]);
    Settle(&changes[k]);
  }
  return true;
}

Status Repairer::RepairMarks(std::vector<std::vector<RepairChange>>* changes_out, bool evidence) {
  const RepairRules::Rep& rules = rules_->rep();
  std::vector<std::vector<RepairChange>>& changes = *changes_out;
  // The document's quote style and, where it matters, its language.
  QuoteCounts counts;
  // Blocks without a byte that can start a quote mark: no line of theirs
  // goes to quote repair.
  std::vector<bool> may_have_quotes(blocks_.size());
  for (size_t k = 0; k < blocks_.size(); ++k) may_have_quotes[k] = counts.Add(blocks_[k].text);
  std::string language = doc_.metadata != nullptr ? doc_.metadata->language : "";
  std::string unreliable_guess;
  if (language.empty() && LanguageMatters(blocks_, counts)) {
    std::string sample;
    for (const Block& b : blocks_) {
      if (sample.size() >= kLanguageSample) break;
      // Past the sample's end only what DetectLanguage() needs to cut it
      // at a character's start (a long first paragraph is not copied).
      sample.append(b.text, 0, kLanguageSample + 4 - sample.size()).push_back('\n');
    }
    LanguageGuess g = DetectLanguage(sample, kLanguageSample);
    if (g.reliable) language = g.code;
    unreliable_guess = g.code;
  }
  std::string base = language.substr(0, language.find_first_of("-_"));
  auto lq = rules.quotes.find(base);
  QuoteContext qctx;
  DecideQuoteStyle(counts, lq == rules.quotes.end() ? nullptr : &lq->second, &qctx);
  // Language unknown (a short text): a document that CLD2 takes for French
  // without being sure, and that always puts a space before ; : ! ?, keeps
  // its own typography.
  if (language.empty() && unreliable_guess == "fr" && SpacedHighPunctuation(blocks_)) {
    qctx.french = true;
  }
  qctx.ascii = options_.quotes == QuoteStyle::kAscii;
  PunctuationContext pctx;
  pctx.french = qctx.french;
  pctx.abbreviations = &rules.abbreviations;
  pctx.suffixes = &rules.suffixes;
  pctx.schemes = &rules.schemes;

  for (size_t k = 0; k < blocks_.size(); ++k) {
    Block& b = blocks_[k];
    // Code keeps its punctuation and quotes as written.
    if (b.kind == BlockKind::kPreformatted) continue;
    // A line that neither quote nor punctuation repair can change comes out
    // of RepairLine() as it went in (its first round changes nothing), and
    // a block of such lines is left as it is: most lines of clean text.
    std::string out;
    bool changed = false;  // `out` holds the block up to `start`
    size_t start = 0;
    // A table's cells are repaired one by one: the tab between two is not a
    // space that punctuation repair may take.
    // (find() is one memchr; find_first_of() calls memchr per character.)
    const bool table = b.kind == BlockKind::kTable;
    while (start <= b.text.size()) {
      if (DeadlinePassed(doc_.deadline)) return doc_.deadline->Error("the repair stage");
      size_t nl = table ? b.text.find_first_of("\n\t", start) : b.text.find('\n', start);
      if (nl == std::string::npos) nl = b.text.size();
      std::string_view line = std::string_view(b.text).substr(start, nl - start);
      const bool punctuation = PunctuationMayChange(line);
      const bool quotes = may_have_quotes[k] && QuotesMayChange(line, qctx);
      if (punctuation || quotes) {
        if (!changed) {
          out.assign(b.text, 0, start);
          changed = true;
        }
        RepairLine(line, qctx, pctx, evidence, quotes, punctuation, &changes[k], &out);
      } else if (changed) {
        out.append(line);
      }
      if (changed && nl < b.text.size()) out.push_back(b.text[nl]);
      start = nl + 1;
    }
    if (changed) b.text = std::move(out);
    Settle(&changes[k]);
  }
  return Status::OK();
}

void Repairer::Report(std::vector<std::vector<RepairChange>>* changes_out) {
  std::vector<std::vector<RepairChange>>& changes = *changes_out;
  for (size_t k = 0; k < blocks_.size(); ++k) {
    if (doc_.stats != nullptr) doc_.stats->repairs += changes[k].size();
    for (RepairChange& c : changes[k]) {
      ExplainEvent e;
      e.stage = "repair";
      e.action = ExplainEvent::Action::kChange;
      e.block = blocks_[k].index;
      e.category = CategoryOf(c.rule);
      e.rule = std::move(c.rule);
      e.before = std::move(c.before);
      e.after = std::move(c.after);
      Explain(doc_, e);
    }
  }
}

Status Repairer::RepairBuffered() {
  std::vector<std::vector<RepairChange>> changes(blocks_.size());
  bool evidence = false;
  if (part_ != Part::kMarks && !RepairEncoding(&changes, &evidence)) {
    return doc_.deadline->Error("the repair stage");
  }
  if (part_ != Part::kEncoding) CLEANER_RETURN_IF_ERROR(RepairMarks(&changes, evidence));
  Report(&changes);
  // Handed on whole, and the change lists let go first: a million short
  // lines are not held twice while the next stage writes them.
  std::vector<std::vector<RepairChange>>().swap(changes);
  CLEANER_RETURN_IF_ERROR(next_->PushAll(&blocks_));
  blocks_.clear();
  return Status::OK();
}

}  // namespace cleaner
