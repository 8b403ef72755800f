// Stage 2a, extract: compiling filters/extract_*.txt into ExtractRules::Rep.
// See extract_rules.h.
#include "cleaner/extract/extract_rules.h"

#include <cstdlib>

#include "cleaner/extract/html_text.h"

namespace cleaner {

using extract_internal::AsciiLowerInto;

namespace {

bool ParseVerdict(std::string_view s, Verdict* v) {
  if (s == "drop")
    *v = kDrop;
  else if (s == "comments")
    *v = kComments;
  else if (s == "negative")
    *v = kNegative;
  else if (s == "positive")
    *v = kPositive;
  else if (s == "keep")
    *v = kKeep;
  else
    return false;
  return true;
}

}  // namespace

ExtractRules::ExtractRules(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ExtractRules::~ExtractRules() = default;

Status ExtractRules::Compile(const std::vector<RuleFile>& files,
                             std::unique_ptr<const ExtractRules>* out) {
  auto rep = std::make_unique<Rep>();
  CLEANER_RETURN_IF_ERROR(rep->stopwords.Load(files));
  for (const RuleFile* file : RuleFilesWithPrefix(files, "extract_")) {
    RuleLineReader reader(*file);
    Status st;
    while (reader.Next(&st)) {
      const RuleLine& line = reader.line();
      const std::string_view kind = line.fields[0];
      if (kind == "gate") {
        if (line.fields.size() != 3) return line.Error("expected: gate<TAB>FEATURE<TAB>WEIGHT");
        int f = GateFeatureIndex(line.fields[1]);
        if (f < 0) return line.Error("unknown gate feature '" + std::string(line.fields[1]) + "'");
        double w = 0;
        if (!ParseRuleNumber(line.fields[2], -1e4, 1e4, &w)) {
          return line.Error("gate weight must be a number in [-10000, 10000]");
        }
        rep->gate[f] = static_cast<float>(w);
        continue;
      }
      if (kind == "kind") {
        if (line.fields.size() != 4) {
          return line.Error("expected: kind<TAB>KIND<TAB>FEATURE<TAB>WEIGHT");
        }
        int k = PageKindIndex(line.fields[1]);
        if (k < 0) return line.Error("unknown page kind '" + std::string(line.fields[1]) + "'");
        int f = KindFeatureIndex(line.fields[2]);
        if (f < 0) {
          return line.Error("unknown page-kind feature '" + std::string(line.fields[2]) + "'");
        }
        double w = 0;
        if (!ParseRuleNumber(line.fields[3], -1e4, 1e4, &w)) {
          return line.Error("page-kind weight must be a number in [-10000, 10000]");
        }
        rep->page_kind.weights[k][f] = static_cast<float>(w);
        rep->page_kind.empty = false;
        continue;
      }
      if (kind != "token" && kind != "tag" && kind != "role" && kind != "itemprop") {
        return line.Error("unknown rule kind '" + std::string(kind) + "'");
      }
      if (line.fields.size() < 3 || line.fields.size() > 4) {
        return line.Error("expected: " + std::string(kind) + "<TAB>VERDICT<TAB>NAME[<TAB>WEIGHT]");
      }
      TokenRule rule;
      if (line.fields[1] == "byline") {
        rule.verdict = kDrop;
        rule.byline = true;
      } else {
        // VERDICT[@KIND,...]: a drop or comments verdict may hold on some
        // page kinds only.
        std::string_view verdict = line.fields[1];
        const size_t at = verdict.find('@');
        if (at != std::string_view::npos) {
          std::string_view list = verdict.substr(at + 1);
          verdict = verdict.substr(0, at);
          while (true) {
            const size_t comma = list.find(',');
            const std::string_view name = list.substr(0, comma);
            const int k = PageKindIndex(name);
            if (k < 0) return line.Error("unknown page kind '" + std::string(name) + "'");
            rule.kinds = static_cast<uint8_t>(rule.kinds | (1u << k));
            if (comma == std::string_view::npos) break;
            list = list.substr(comma + 1);
          }
        }
        if (!ParseVerdict(verdict, &rule.verdict)) {
          return line.Error("unknown verdict '" + std::string(line.fields[1]) + "'");
        }
        if (rule.kinds != 0 && rule.verdict != kDrop && rule.verdict != kComments) {
          return line.Error("only a drop or comments verdict takes page kinds (@KIND,...)");
        }
      }
      rule.weight = 25;  // Readability's class weight: one clear hint
      if (line.fields.size() == 4) {
        const std::string weight(line.fields[3]);  // strtol reads up to a NUL
        char* end = nullptr;
        long w = std::strtol(weight.c_str(), &end, 10);
        if (end == weight.c_str() || *end != '\0' || w < 0 || w > 1000) {
          return line.Error("weight must be an integer in [0, 1000]");
        }
        rule.weight = static_cast<int>(w);
      }
      if (rule.verdict == kNegative) rule.weight = -rule.weight;
      rule.origin = line.Origin();
      rule.tag_rule = kind == "tag";
      rep->rules.push_back(std::move(rule));
      const TokenRule* r = &rep->rules.back();
      std::string name(line.fields[2]);
      if (name.empty()) return line.Error("empty name");
      if (kind == "tag") {
        GumboTag tag = gumbo_tag_enum(name.c_str());
        if (tag == GUMBO_TAG_UNKNOWN) return line.Error("unknown HTML element '" + name + "'");
        rep->tags[tag] = r;
      } else if (kind == "role") {
        std::string lower;
        AsciiLowerInto(name, &lower);
        rep->roles[rep->Keep(std::move(lower))] = r;
      } else if (kind == "itemprop") {
        rep->itemprops[rep->Keep(name)] = r;
      } else {
        std::string lower;
        AsciiLowerInto(name, &lower);
        if (lower.size() > 1 && lower[0] == '*' && lower.back() != '*') {
          lower.erase(0, 1);
          rep->suffixes.emplace_back(std::move(lower), r);
        } else if (lower.back() == '*') {
          lower.pop_back();
          if (lower.empty() || lower[0] == '*') return line.Error("'*' alone matches everything");
          rep->prefixes.emplace_back(std::move(lower), r);
        } else if (lower[0] == '=') {
          lower.erase(0, 1);
          if (lower.empty()) return line.Error("'=' needs a name");
          rep->whole[rep->Keep(std::move(lower))] = r;
        } else {
          rep->tokens[rep->Keep(std::move(lower))] = r;
        }
      }
    }
    CLEANER_RETURN_IF_ERROR(st);
  }
  CLEANER_RETURN_IF_ERROR(LoadBlockModel(files, &rep->blocks));
  out->reset(new ExtractRules(std::move(rep)));
  return Status::OK();
}

namespace extract_internal {

// The verdict on hidden blocks (hidden, aria-hidden="true", display:none,
// visibility:hidden).
const TokenRule& HiddenRule() {
  static const TokenRule rule{kDrop, 0, "hidden-element"};
  return rule;
}

// The verdict on a modal dialog (aria-modal="true"): an overlay on the page,
// shown by a script, not the page under it.
const TokenRule& ModalRule() {
  static const TokenRule rule{kDrop, 0, "modal-dialog"};
  return rule;
}

}  // namespace extract_internal
}  // namespace cleaner
