// bench_repair: drives the repair stage alone (cleaner/repair/repair.h) over
// JSON Lines, for the repair benchmarks in bench/repair_bench.py and for
// trying the rules on a paragraph by hand.
//
//   bench_repair [--quotes ascii] [--language xx] < in.jsonl > out.jsonl
//   bench_repair --speed N < in.jsonl      # N timed passes, prints MB/s
//   bench_repair --text < file.txt         # one paragraph a line, prints text
//
// Each input line is {"id": ..., "text": "..."}; the text's lines are the
// document's blocks. Each output line is {"id", "text", "changes": [{"rule",
// "before", "after"}, ...]}. --speed prints one line:
// "docs N  bytes B  cpu-seconds S  MB/s(cpu) M ..." (input bytes, one
// thread; CPU time and wall time).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cleaner/rules.h"
#include "cleaner/repair/repair.h"

namespace {

using namespace cleaner;

class Collect : public BlockSink {
 public:
  Status BeginDocument(const DocumentInfo&) override { return Status::OK(); }
  Status Push(Block b) override {
    blocks.push_back(std::move(b));
    return Status::OK();
  }
  Status EndDocument() override { return Status::OK(); }
  std::vector<Block> blocks;
};

class Events : public Reporter {
 public:
  void Report(const ExplainEvent& e) override { events.push_back(e); }
  std::vector<ExplainEvent> events;
};

// Repairs `text` (one block a line) and returns the repaired text.
std::string Repair(const RepairRules& rules, const RepairOptions& options,
                   const std::string& language, const std::string& text, Events* events) {
  Collect sink;
  Repairer repairer(&rules, options, &sink);
  Metadata meta;
  meta.language = language;
  Stats stats;
  DocumentInfo doc{&meta, &stats, events};
  if (!repairer.BeginDocument(doc).ok()) std::abort();
  size_t start = 0;
  int index = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    Block b;
    b.text = text.substr(start, nl - start);
    b.index = index++;
    if (!repairer.Push(std::move(b)).ok()) std::abort();
    start = nl + 1;
  }
  if (!repairer.EndDocument().ok()) std::abort();
  std::string out;
  for (size_t k = 0; k < sink.blocks.size(); ++k) {
    if (k > 0) out.push_back('\n');
    out += sink.blocks[k].text;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  RepairOptions options;
  std::string language;
  int speed = 0;
  bool text_mode = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quotes" && i + 1 < argc) {
      options.quotes = std::string(argv[++i]) == "ascii" ? QuoteStyle::kAscii : QuoteStyle::kAuto;
    } else if (a == "--language" && i + 1 < argc) {
      language = argv[++i];
    } else if (a == "--speed" && i + 1 < argc) {
      speed = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--text") {
      text_mode = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench_repair [--quotes ascii] [--language xx] [--speed N | --text]"
                   " < input\n");
      return 2;
    }
  }
  std::unique_ptr<const RepairRules> rules;
  Status st = RepairRules::Compile(DefaultRuleFiles(), &rules);
  if (!st.ok()) {
    std::fprintf(stderr, "bench_repair: %s\n", st.ToString().c_str());
    return 2;
  }
  if (text_mode) {
    std::string all((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (!all.empty() && all.back() == '\n') all.pop_back();
    Events events;
    std::cout << Repair(*rules, options, language, all, &events) << "\n";
    for (const ExplainEvent& e : events.events) {
      std::cerr << e.rule << ": \"" << e.before << "\" -> \"" << e.after << "\"\n";
    }
    return 0;
  }
  std::vector<nlohmann::json> docs;
  size_t bytes = 0;
  for (std::string line; std::getline(std::cin, line);) {
    if (line.empty()) continue;
    docs.push_back(nlohmann::json::parse(line));
    bytes += docs.back()["text"].get_ref<const std::string&>().size();
  }
  if (speed > 0) {
    std::vector<std::string> texts;
    for (const auto& d : docs) texts.push_back(d["text"].get<std::string>());
    // CPU time of this process as well as wall time: on a shared machine
    // the wall clock also counts the other processes' turns.
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    size_t sink = 0;
    for (int r = 0; r < speed; ++r) {
      for (const std::string& t : texts) sink += Repair(*rules, options, language, t, nullptr).size();
    }
    double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("docs %zu  bytes %zu  cpu-seconds %.3f  MB/s(cpu) %.1f  wall-seconds %.3f  "
                "MB/s(wall) %.1f  (check %zu)\n",
                texts.size(), bytes * speed, cpu, bytes * speed / cpu / 1e6, s,
                bytes * speed / s / 1e6, sink);
    return 0;
  }
  for (const auto& d : docs) {
    Events events;
    nlohmann::json out;
    out["id"] = d.value("id", nlohmann::json());
    out["text"] = Repair(*rules, options, d.value("language", language),
                         d["text"].get<std::string>(), &events);
    out["changes"] = nlohmann::json::array();
    for (const ExplainEvent& e : events.events) {
      out["changes"].push_back({{"rule", e.rule}, {"before", e.before}, {"after", e.after}});
    }
    std::cout << out.dump() << "\n";
  }
  return 0;
}
