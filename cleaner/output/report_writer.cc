// The visual explain report. See report_writer.h.
#include "cleaner/output/report_writer.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

// Dropped blocks are coloured by category: a category keeps its colour
// from page to page (a hash of its name picks one of these eight).
constexpr int kColours = 8;

constexpr const char kStyle[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:62em;"
    "padding:0 1em;color:#222;background:#fff}\n"
    "h1{font-size:1.4em}h2{font-size:1.15em;overflow-wrap:anywhere}\n"
    "section.doc{border-top:3px solid #444;margin:2em 0;padding-top:.4em}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0}\n"
    "dl.facts dt{font-weight:bold}dl.facts dd{margin:0;overflow-wrap:anywhere}\n"
    "ol.blocks{list-style:none;padding:0;margin:.6em 0}\n"
    "li.b{margin:.3em 0;padding:.25em .6em;border-left:5px solid #2a7d4f;background:#f3faf6}\n"
    "li.drop{border-left-color:var(--c);background:var(--bg)}\n"
    ".t{white-space:pre-wrap;overflow-wrap:anywhere}li.drop .t{color:#555}\n"
    ".m{font-size:.8em;color:#555}code{font-size:.92em;background:#eee;padding:0 .2em}\n"
    "ul.repairs{margin:.2em 0 .1em;padding-left:1.2em;font-size:.9em}\n"
    "del{background:#fbdada}ins{background:#d6f5d6;text-decoration:none}\n"
    "span.key{display:inline-block;padding:0 .4em;margin:0 .3em .2em 0;"
    "border-left:5px solid var(--c);background:var(--bg)}\n"
    "table.decisions{border-collapse:collapse;font-size:.85em}\n"
    "table.decisions td,table.decisions th{border:1px solid #ccc;padding:.1em .4em;"
    "vertical-align:top;text-align:left;overflow-wrap:anywhere}\n"
    ".truncated,.error{color:#a00;font-weight:bold}\n"
    ".c0{--c:#c0392b;--bg:#fdecea}.c1{--c:#d35400;--bg:#fdf0e6}"
    ".c2{--c:#b7950b;--bg:#fcf6dc}.c3{--c:#7d3c98;--bg:#f4ecf7}\n"
    ".c4{--c:#2471a3;--bg:#e8f1f8}.c5{--c:#a93226;--bg:#f9e3e0}"
    ".c6{--c:#616a6b;--bg:#eef0f0}.c7{--c:#ba4a00;--bg:#fbeee4}\n";

// The rule or heuristic behind a decision, as code, then a space; nothing
// when the stage named none.
std::string RuleHtml(std::string_view rule) {
  if (rule.empty()) return std::string();
  return "<code class=\"rule\">" + HtmlEscape(rule) + "</code> ";
}

// One line of the section: a block the pipeline kept or dropped.
struct Entry {
  // Sort key: blocks the extractor dropped (sub 0) stand before the block
  // whose index equals their position (sub 1); among equals, event order.
  int position = 0;
  int sub = 1;
  size_t seq = 0;
  int index = -1;                            // Block::index; -1: dropped by the extractor
  const Block* block = nullptr;              // kept: the block as written
  std::vector<const ExplainEvent*> drops;    // why it went (the first decides its colour)
  std::vector<const ExplainEvent*> repairs;  // changes made to it
};

// What the section is made from: its lines in document order and the
// decisions about the whole document.
struct SectionPlan {
  std::vector<Entry> entries;
  std::vector<const ExplainEvent*> document_events;
  std::map<std::string, int> drops_by_category;
  size_t kept = 0, dropped = 0, repairs = 0;
};

uint32_t Fnv1a(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

std::string ColourClass(std::string_view category) {
  return "c" + std::to_string(Fnv1a(category) % kColours);
}

const char* ActionName(ExplainEvent::Action a) {
  switch (a) {
    case ExplainEvent::Action::kDrop: return "drop";
    case ExplainEvent::Action::kChange: return "change";
    case ExplainEvent::Action::kMetadata: return "metadata";
    case ExplainEvent::Action::kInfo: return "info";
  }
  return "info";
}

// `text` escaped, cut to `max` bytes (at a character boundary) with the
// number of bytes left out.
std::string EscapeBounded(std::string_view text, size_t max) {
  if (text.size() <= max) return HtmlEscape(text);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return HtmlEscape(text.substr(0, n)) +
         "<span class=\"truncated\"> [cut: " + std::to_string(text.size() - n) +
         " more bytes]</span>";
}

SectionPlan Plan(const Document* doc, const std::vector<ExplainEvent>& events) {
  SectionPlan plan;
  std::map<int, size_t> by_index;  // Block::index -> entry
  auto entry_for = [&](int index) -> Entry& {
    auto [it, fresh] = by_index.emplace(index, plan.entries.size());
    if (fresh) {
      plan.entries.emplace_back();
      plan.entries.back().position = index;
      plan.entries.back().index = index;
    }
    return plan.entries[it->second];
  };
  if (doc != nullptr) {
    for (const Block& b : doc->blocks) entry_for(b.index).block = &b;
  }
  std::vector<const ExplainEvent*> unplaced_changes;
  for (size_t i = 0; i < events.size(); ++i) {
    const ExplainEvent& e = events[i];
    if (e.action == ExplainEvent::Action::kDrop && e.block < 0 && e.position >= 0) {
      Entry x;
      x.position = e.position;
      x.sub = 0;
      x.seq = i;
      x.drops.push_back(&e);
      plan.entries.push_back(std::move(x));
    } else if (e.action == ExplainEvent::Action::kDrop && e.block >= 0) {
      entry_for(e.block).drops.push_back(&e);
    } else if (e.action == ExplainEvent::Action::kChange && e.block >= 0) {
      unplaced_changes.push_back(&e);
    } else {
      plan.document_events.push_back(&e);
    }
  }
  // A change names a block by index; it may come before the block's entry.
  for (const ExplainEvent* e : unplaced_changes) {
    auto it = by_index.find(e->block);
    if (it == by_index.end()) {
      plan.document_events.push_back(e);
    } else {
      plan.entries[it->second].repairs.push_back(e);
      ++plan.repairs;
    }
  }
  std::stable_sort(plan.entries.begin(), plan.entries.end(), [](const Entry& a, const Entry& b) {
    if (a.position != b.position) return a.position < b.position;
    if (a.sub != b.sub) return a.sub < b.sub;
    return a.seq < b.seq;
  });
  for (const Entry& x : plan.entries) {
    if (x.drops.empty()) {
      ++plan.kept;
    } else {
      ++plan.dropped;
      ++plan.drops_by_category[x.drops.front()->category];
    }
  }
  return plan;
}

// The facts about the whole document: page kind, main content, charset.
void AppendFacts(const Document* doc, const SectionPlan& plan, std::string* out) {
  *out += "<dl class=\"facts\">";
  auto fact = [&](std::string_view term, std::string_view html) {
    *out += "<dt>";
    *out += term;
    *out += "</dt><dd>";
    *out += html;
    *out += "</dd>";
  };
  // The kind and its evidence first, then the model's features.
  for (const ExplainEvent* e : plan.document_events) {
    if (e->category == "page_type" && e->action == ExplainEvent::Action::kMetadata) {
      fact("page kind", "<b class=\"page-kind\">" + HtmlEscape(e->after) +
                            "</b> <span class=\"m\">(" + HtmlEscape(e->rule) + ")</span>");
    }
  }
  for (const ExplainEvent* e : plan.document_events) {
    if (e->category == "page_type" && e->action != ExplainEvent::Action::kMetadata) {
      fact("page-kind features", "<span class=\"m\">" + EscapeBounded(e->after, 1024) + "</span>");
    }
  }
  for (const ExplainEvent* e : plan.document_events) {
    if (e->category == "main-content") {
      fact(e->rule == "main-content-container" ? "container" : "main content",
           RuleHtml(e->rule) + EscapeBounded(e->after, 1024));
    }
  }
  if (doc != nullptr) {
    const Metadata& m = doc->metadata;
    if (!m.format.empty()) fact("format", HtmlEscape(m.format));
    if (!m.charset.empty()) {
      fact("charset", HtmlEscape(m.charset) + " <span class=\"m\">(" +
                          HtmlEscape(m.charset_source) + ")</span>");
    }
    if (!m.title.empty()) fact("title", HtmlEscape(m.title));
    if (!m.drop_reason.empty()) {
      fact("document dropped", "<span class=\"error\">" + HtmlEscape(m.drop_reason) + "</span>");
    }
  }
  fact("blocks", std::to_string(plan.kept) + " kept, " + std::to_string(plan.dropped) +
                     " dropped, " + std::to_string(plan.repairs) + " repairs");
  *out += "</dl>\n";
  if (plan.drops_by_category.empty()) return;
  *out += "<p class=\"legend\">";
  for (const auto& [category, n] : plan.drops_by_category) {
    *out += "<span class=\"key " + ColourClass(category) + "\">" + HtmlEscape(category) + " " +
            std::to_string(n) + "</span>";
  }
  *out += "</p>\n";
}

void AppendEntry(const Entry& x, const ReportLimits& limits, std::string* out) {
  if (x.drops.empty()) {
    *out += "<li class=\"b kept\"><div class=\"m\">#" + std::to_string(x.index) + " kept";
    if (x.block != nullptr) {
      *out += " · ";
      *out += BlockKindName(x.block->kind);
      if (x.block->level > 0) *out += " " + std::to_string(x.block->level);
      if (x.block->link_density > 0) {
        char buf[32];
        std::snprintf(buf, sizeof buf, " · link density %.2f", x.block->link_density);
        *out += buf;
      }
    }
    *out += "</div><div class=\"t\">";
    if (x.block != nullptr) *out += EscapeBounded(x.block->text, limits.max_block_bytes);
    *out += "</div>";
  } else {
    const ExplainEvent& d = *x.drops.front();
    *out += "<li class=\"b drop " + ColourClass(d.category) + "\"><div class=\"m\">";
    *out += x.index >= 0 ? "#" + std::to_string(x.index) + " " : std::string();
    for (size_t i = 0; i < x.drops.size(); ++i) {
      const ExplainEvent& e = *x.drops[i];
      *out += i == 0 ? "dropped by " : "; also ";
      *out += HtmlEscape(e.stage);
      *out += ": " + RuleHtml(e.rule) + "<span class=\"category\">[" + HtmlEscape(e.category) +
              "]</span>";
      if (!e.after.empty()) *out += " · " + EscapeBounded(e.after, 256);  // its score
    }
    *out += "</div><div class=\"t\"><s>" + EscapeBounded(d.before, limits.max_block_bytes) +
            "</s></div>";
  }
  if (!x.repairs.empty()) {
    *out += "<ul class=\"repairs\">";
    for (const ExplainEvent* r : x.repairs) {
      *out += "<li>" + RuleHtml(r->rule) + "<del>" + EscapeBounded(r->before, 512) +
              "</del> → <ins>" + EscapeBounded(r->after, 512) + "</ins></li>";
    }
    *out += "</ul>";
  }
  *out += "</li>\n";
}

// The whole-document decisions besides the facts, as a table.
void AppendDecisions(const SectionPlan& plan, size_t max_bytes, std::string* out) {
  std::string rows;
  size_t shown = 0, total = 0;
  for (const ExplainEvent* e : plan.document_events) {
    if (e->category == "page_type" || e->category == "main-content") continue;
    ++total;
    if (out->size() + rows.size() >= max_bytes) continue;
    ++shown;
    rows += "<tr><td>" + HtmlEscape(e->stage) + "</td><td>" + ActionName(e->action) + "</td><td>" +
            HtmlEscape(e->category) + "</td><td>" + RuleHtml(e->rule) + "</td><td>";
    if (e->block >= 0) rows += "#" + std::to_string(e->block) + " ";
    if (!e->before.empty()) rows += "<del>" + EscapeBounded(e->before, 512) + "</del> → ";
    rows += EscapeBounded(e->after, 512) + "</td></tr>\n";
  }
  if (total == 0) return;
  *out += "<details><summary>" + std::to_string(total) +
          " other decisions</summary><table class=\"decisions\">\n"
          "<tr><th>stage</th><th>action</th><th>category</th><th>rule</th><th>value</th></tr>\n" +
          rows + "</table>";
  if (shown < total) {
    *out += "<p class=\"truncated\">Truncated: " + std::to_string(total - shown) +
            " decisions not shown.</p>";
  }
  *out += "</details>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t start = i;
      const char32_t cp = NextCodePoint(s, &i);
      // NextCodePoint gives U+FFFD for a byte that starts no valid sequence;
      // a U+FFFD written out as such is copied as it was.
      if (cp == 0xFFFD || (cp >= 0x80 && cp < 0xA0)) {
        out += "\xEF\xBF\xBD";
      } else {
        out.append(s, start, i - start);
      }
      continue;
    }
    ++i;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n': out += static_cast<char>(c); break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\xEF\xBF\xBD";
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string ReportHeader(std::string_view title) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"generator\" content=\"cleaner --report\">\n<title>" +
         HtmlEscape(title) + "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n<h1>" +
         HtmlEscape(title) +
         "</h1>\n<p class=\"m\">Each document's blocks in order: kept blocks plain, dropped "
         "blocks struck through and coloured by category, with the rule or heuristic that "
         "dropped them; repairs as before → after.</p>\n";
}

std::string FormatReportSection(std::string_view name, const Document* doc,
                                const std::vector<ExplainEvent>& events, std::string_view error,
                                const ReportLimits& limits) {
  std::string out = "<section class=\"doc\">\n<h2>" + HtmlEscape(name) + "</h2>\n";
  if (doc == nullptr) {
    out += "<p class=\"error\">failed: " + EscapeBounded(error, 2048) + "</p>\n";
  }
  const SectionPlan plan = Plan(doc, events);
  AppendFacts(doc, plan, &out);
  out += "<ol class=\"blocks\">\n";
  size_t shown = 0;
  for (const Entry& x : plan.entries) {
    if (out.size() >= limits.max_section_bytes) break;
    AppendEntry(x, limits, &out);
    ++shown;
  }
  out += "</ol>\n";
  if (shown < plan.entries.size()) {
    out += "<p class=\"truncated\">Truncated: " + std::to_string(plan.entries.size() - shown) +
           " of " + std::to_string(plan.entries.size()) + " blocks not shown (the report holds " +
           std::to_string(limits.max_section_bytes / 1024) + " KiB per document).</p>\n";
  }
  AppendDecisions(plan, limits.max_section_bytes, &out);
  out += "</section>\n";
  return out;
}

std::string ReportFooter(size_t documents) {
  return "<p class=\"m\">" + std::to_string(documents) + " document" + (documents == 1 ? "" : "s") +
         ".</p>\n</body>\n</html>\n";
}

}  // namespace cleaner
