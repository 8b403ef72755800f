// The CLI's driver: ordered parallel cleaning of a record stream.
#include "cleaner/cli/corpus.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "cleaner/cli/interrupt.h"
#include "cleaner/cli/progress.h"
#include "cleaner/cli/unified_diff.h"
#include "cleaner/source/jsonl_source.h"
#include "cleaner/output/jsonl_writer.h"
#include "cleaner/output/report_writer.h"
#include "cleaner/output/write_under.h"
#include "cleaner/source/source.h"
#include "cleaner/util/ascii.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A document's --explain lines, in chunks of about kExplainChunk bytes: a
// single string doubling as it grows held up to twice its lines, and
// copied them at each step (600,000 explained lines of 73 MB peaked at 140).
constexpr size_t kExplainChunk = 1 << 20;
using ExplainLines = std::vector<std::string>;

// Collects explain events as stderr lines, prefixed with the document; the
// writer prints them in input order.
class BufferReporter : public Reporter {
 public:
  BufferReporter(std::string doc, ExplainLines* out) : doc_(std::move(doc)), out_(out) {}
  void Report(const ExplainEvent& e) override {
    std::string line = "cleaner: explain: " + doc_ + ": " + e.stage + ": ";
    switch (e.action) {
      case ExplainEvent::Action::kDrop: line += "drop"; break;
      case ExplainEvent::Action::kChange: line += "change"; break;
      case ExplainEvent::Action::kMetadata: line += "metadata"; break;
      case ExplainEvent::Action::kInfo: line += "info"; break;
    }
    if (e.block >= 0) line += " block " + std::to_string(e.block);
    if (!e.category.empty()) line += " [" + e.category + "]";
    if (!e.rule.empty()) line += " (" + e.rule + ")";
    if (!e.before.empty()) line += ": " + Quote(e.before);
    if (e.action == ExplainEvent::Action::kDrop && !e.before.empty() && !e.after.empty()) {
      line += " (" + e.after + ")";  // the score behind the drop
    } else if (!e.after.empty()) {
      line += (e.before.empty() ? ": " : " -> ") + Quote(e.after);
    }
    line += '\n';
    if (out_->empty() || out_->back().size() + line.size() > kExplainChunk) {
      out_->emplace_back().reserve(std::max(kExplainChunk, line.size()));
    }
    out_->back() += line;
  }

 private:
  static std::string Quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '\n') {
        out += "\\n";
      } else if (c == '"') {
        out += "\\\"";
      } else {
        out += c;
      }
    }
    return out + "\"";
  }
  std::string doc_;
  ExplainLines* out_;
};

// What became of one record.
struct Outcome {
  enum class Kind { kWritten, kDropped, kSkipped, kFailed };
  Kind kind = Kind::kWritten;
  std::string label;    // names the record on stderr
  std::string relpath;  // -o DIR path, relative
  std::string text;     // cleaned text (text output)
  std::string json;     // the JSON line (JSON Lines output)
  ExplainLines explain;  // --explain lines
  std::string report;   // --report: the document's HTML section
  std::string error;    // kFailed: the reason in full
  std::string reason;   // summary key: drop, skip or failure reason
  std::string source;   // "file", "url", "warc", "jsonl", "stdin"
  uint64_t bytes_in = 0;
};

// The summary key of a failure: its message up to the first detail.
std::string FailureKey(const std::string& message) {
  size_t end = message.find_first_of(":(");
  std::string key = message.substr(0, end);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (key.size() > 60) key.resize(60);
  return key.empty() ? "error" : key;
}

class Driver {
 public:
  Driver(const Flags& flags, const Cleaner& cleaner) : flags_(flags), cleaner_(cleaner) {
    fields_.text_field = flags.corpus.text_field;
    fields_.html_field = flags.corpus.html_field;
    fields_.id_field = flags.corpus.id_field;
    jsonl_out_ = flags.corpus.output_format == OutputFormat::kJsonl;
    shape_.blocks = flags.corpus.blocks;
    shape_.dolma = flags.corpus.dolma;
    if (!flags.corpus.source_name.empty()) shape_.source_name = flags.corpus.source_name;
    shape_.added = RunTimestamp();
    progress_ = !flags.quiet && isatty(STDERR_FILENO) == 1;
    stdout_text_ = !jsonl_out_ && flags.output_dir.empty();
  }

  int Run();

 private:
  Outcome Process(SourceRecord&& rec) const;
  // Writes one outcome; false if stdout has gone (stop quietly).
  bool Write(Outcome&& o);
  bool WriteStdout(const std::string& s, bool flush);
  // Text or Markdown on stdout, with --separator or -0 between documents.
  bool WriteDocument(const std::string& text);
  // -o DIR: writes (or, with --check, compares) one output file.
  bool WriteFile(Outcome&& o);
  std::string OutputRelpath(std::string relpath) const;  // .md for Markdown
  bool CheckFile(const Outcome& o, const fs::path& out_path);
  // --check: every file under DIR with the output's extension that no
  // input of this run accounts for.
  bool ListStale();
  // The exit code once writing to stdout stopped: 0 when its reader went
  // away, 1 (with the reason on stderr) when a write failed otherwise.
  int StoppedExit() const;
  void Fail(const std::string& label, const std::string& reason) {
    std::fprintf(stderr, "cleaner: %s: %s\n", label.c_str(), reason.c_str());
  }
  void Progress(bool final);
  void Summary(double seconds);
  // --report: opens the file and writes the page's start; false (with the
  // message printed) when it cannot be written.
  bool OpenReport();
  void WriteReport(const std::string& html);
  // Ends the page and closes the file; false when a write failed.
  bool CloseReport();

  const Flags& flags_;
  const Cleaner& cleaner_;
  JsonlFields fields_;
  bool jsonl_out_ = false;
  JsonlShape shape_;  // --blocks, --record
  bool progress_ = false;
  bool stdout_text_ = false;  // text or Markdown documents go to stdout
  uint64_t total_ = 0;        // documents to read, when known (progress line)

  // Writer state (one thread).
  bool failed_ = false, changed_ = false, wrote_any_ = false, corpus_mode_ = false;
  std::string stdout_error_;  // why a write to stdout failed, unless EPIPE
  std::unordered_map<uint64_t, std::string> claimed_;  // hash of output path -> who wrote it
  std::unordered_set<std::string> accounted_;  // --check: every output path of this run
  uint64_t in_ = 0, written_ = 0, bytes_in_ = 0, stale_ = 0, stale_files_ = 0;
  std::map<std::string, uint64_t> dropped_, skipped_, failures_;
  Clock::time_point start_ = Clock::now(), last_progress_ = Clock::now();

  // --report: set before the workers start, then used by the writer only
  // (workers only test it for null).
  std::FILE* report_ = nullptr;
  std::string report_error_;  // why a write to it failed
  uint64_t report_sections_ = 0;
};

Outcome Driver::Process(SourceRecord&& rec) const {
  Outcome o;
  o.bytes_in = rec.bytes_read;
  o.source = rec.raw.source;
  RawDocument raw;
  std::shared_ptr<nlohmann::ordered_json> input_fields;
  o.relpath = rec.output_relpath;
  size_t max = flags_.options.limits.max_document_bytes;
  Status st;
  switch (rec.kind) {
    case SourceRecord::Kind::kError:
      raw = std::move(rec.raw);
      o.label = raw.name;
      st = rec.error;
      break;
    case SourceRecord::Kind::kDocument:
      raw = std::move(rec.raw);
      o.label = raw.name;
      break;
    case SourceRecord::Kind::kJsonLine: {
      JsonlRecord jr;
      std::string where = rec.container + ":" + std::to_string(rec.line_number);
      st = ParseJsonlLine(rec.line, fields_, where, &jr);
      raw = std::move(jr.raw);
      input_fields = std::move(jr.fields);
      o.label = jr.has_id ? where + " (id " + raw.name + ")" : where;
      o.relpath += SafeFileName(raw.name) + ".txt";
      break;
    }
    case SourceRecord::Kind::kWarcRecord: {
      WarcDisposition disposition = WarcDisposition::kSkip;
      std::string skip_reason;
      st = WarcRecordToDocument(rec.warc, rec.container, max, &raw, &disposition, &skip_reason);
      o.label = rec.container + "#" + std::to_string(rec.warc.ordinal);
      if (!raw.url.empty()) o.label += " " + raw.url;
      // Named after the page's URL; a record without one after its id.
      const std::string from_url = UrlRelativePath(raw.url);
      o.relpath += (!from_url.empty()              ? from_url
                    : !raw.warc_record_id.empty() ? SafeFileName(raw.warc_record_id)
                                                  : SafeFileName(raw.name)) +
                   ".txt";
      if (st.ok() && disposition == WarcDisposition::kSkip) {
        o.kind = Outcome::Kind::kSkipped;
        o.reason = skip_reason;
        return o;
      }
      break;
    }
  }
  o.source = raw.source;
  const bool report = report_ != nullptr;
  ReportCollector events;
  if (st.ok()) {
    Document doc;
    // --explain alone writes each event's line as it comes (a million
    // events held as events, then as lines, cost twice the lines).
    BufferReporter lines(raw.name, &o.explain);
    Reporter* reporter = report ? static_cast<Reporter*>(&events)
                         : flags_.explain ? static_cast<Reporter*>(&lines)
                                          : nullptr;
    // Only raw.bytes is taken (released once decoded); its other fields stay.
    st = cleaner_.Clean(std::move(raw), &doc, reporter);
    if (flags_.explain && report) {
      for (const ExplainEvent& e : events.events()) lines.Report(e);
    }
    if (report) {
      o.report = FormatReportSection(o.label, st.ok() ? &doc : nullptr, events.events(),
                                     st.message(), ReportLimits());
    }
    if (st.ok()) {
      const Metadata& m = doc.metadata;
      if (doc.text.empty()) {
        o.kind = Outcome::Kind::kDropped;
        o.reason = !m.drop_reason.empty() ? m.drop_reason : "empty";
        if (m.drop_reason.compare(0, 12, "binary file ") == 0) {  // pipeline.cc
          o.kind = Outcome::Kind::kSkipped;
          o.error = m.drop_reason + ", skipped";
          o.reason = "binary";
        }
      }
      if (jsonl_out_) {
        o.json = FormatJsonlRecord(&doc, raw, input_fields.get(), "", shape_);
      } else {
        o.text = std::move(doc.text);
      }
      return o;
    }
  }
  o.kind = Outcome::Kind::kFailed;
  o.error = st.message();
  if (report && o.report.empty()) {
    o.report = FormatReportSection(o.label, nullptr, events.events(), st.message(),
                                   ReportLimits());
  }
  o.reason = raw.http_status >= 400 ? "HTTP " + std::to_string(raw.http_status)
                                    : FailureKey(st.message());
  if (jsonl_out_) {
    o.json = FormatJsonlRecord(nullptr, raw, input_fields.get(), st.message(), shape_);
  }
  return o;
}

bool Driver::WriteStdout(const std::string& s, bool flush) {
  if ((!s.empty() && std::fwrite(s.data(), 1, s.size(), stdout) != s.size()) ||
      (flush && std::fflush(stdout) != 0)) {
    // A reader that has gone (EPIPE) ends the run quietly; any other
    // failure (a full disk) is an error with the system's reason.
    if (errno != EPIPE && stdout_error_.empty()) stdout_error_ = std::strerror(errno);
    return false;
  }
  return true;
}

int Driver::StoppedExit() const {
  if (stdout_error_.empty()) return kExitOk;
  std::fprintf(stderr, "cleaner: standard output: cannot write: %s\n", stdout_error_.c_str());
  return kExitFailed;
}

Status ReadWholeFile(const fs::path& p, std::string* out, bool* exists) {
  std::error_code ec;
  *exists = fs::exists(p, ec);
  if (!*exists) return Status::OK();
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::IoError("cannot read " + p.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::OK();
}

bool Driver::Write(Outcome&& o) {
  for (const std::string& lines : o.explain) std::fputs(lines.c_str(), stderr);
  if (!o.report.empty()) WriteReport(o.report);
  ++in_;
  bytes_in_ += o.bytes_in;
  if (o.source == "url" || o.source == "warc" || o.source == "jsonl") corpus_mode_ = true;
  bool ok = true;
  switch (o.kind) {
    case Outcome::Kind::kSkipped:
      ++skipped_[o.reason];
      if (o.error.empty()) return true;  // not a document (a WARC request, an image)
      if (!flags_.quiet) Fail(o.label, o.error);  // a binary file: named, not failed
      if (jsonl_out_) return o.json.empty() || WriteStdout(o.json, false);
      return !stdout_text_ || !flags_.null_separated || WriteDocument("");
    case Outcome::Kind::kFailed:
      ++failures_[o.reason];
      failed_ = true;
      Fail(o.label, o.error);
      if (flags_.check && !o.relpath.empty()) {
        // Its old output is not stale: the input is there, it failed.
        accounted_.insert(
            (fs::path(flags_.output_dir) / OutputRelpath(o.relpath)).lexically_normal().string());
      }
      if (jsonl_out_) return WriteStdout(o.json, false);
      return !stdout_text_ || !flags_.null_separated || WriteDocument("");
    case Outcome::Kind::kDropped:
      ++dropped_[o.reason];
      break;
    case Outcome::Kind::kWritten:
      ++written_;
      break;
  }
  if (jsonl_out_) {
    ok = WriteStdout(o.json, false);
  } else if (stdout_text_) {
    ok = WriteDocument(o.text);
  } else {
    ok = WriteFile(std::move(o));
  }
  if (progress_) Progress(false);
  return ok;
}

bool Driver::WriteDocument(const std::string& text) {
  // -0: every document ends with NUL, an empty one too (item k is document
  // k). Otherwise the separator goes between two documents that have text.
  if (flags_.null_separated) return WriteStdout(text, false) && WriteStdout(std::string(1, '\0'), true);
  if (text.empty()) return true;
  if (wrote_any_ && !WriteStdout(flags_.separator, false)) return false;
  wrote_any_ = true;
  return WriteStdout(text, true);
}

std::string Driver::OutputRelpath(std::string relpath) const {
  // Markdown files are named .md (the sources name every output .txt).
  if (flags_.options.output.form == TextForm::kMarkdown && EndsWith(relpath, ".txt")) {
    relpath.replace(relpath.size() - 4, 4, ".md");
  }
  return relpath;
}

bool Driver::WriteFile(Outcome&& o) {
  o.relpath = OutputRelpath(std::move(o.relpath));
  // Never outside DIR, whatever an id or URL said: relpath is built from
  // safe names, and checked here once more.
  fs::path rel = fs::path(o.relpath).lexically_normal();
  if (o.relpath.empty() || rel.is_absolute() || rel.empty() || *rel.begin() == "..") {
    ++failures_["unsafe output path"];
    failed_ = true;
    Fail(o.label, "output path '" + o.relpath + "' would leave the output folder");
    return true;
  }
  fs::path out_path = fs::path(flags_.output_dir) / rel;
  std::string key = out_path.lexically_normal().string();
  auto [it, fresh] = claimed_.emplace(std::hash<std::string>()(key), o.label);
  if (!fresh) {
    Fail(o.label, "would write " + key + ", already written for " + it->second +
                      "; give the inputs in separate runs or folders");
    ++failures_["output path collision"];
    failed_ = true;
    return true;
  }
  if (flags_.check) {
    accounted_.insert(key);
    return CheckFile(o, out_path);
  }
  Status st = WriteFileUnder(flags_.output_dir, rel.string(), o.text);
  if (!st.ok()) {
    ++failures_[FailureKey(st.message())];
    Fail(o.label, st.message());
    failed_ = true;
  }
  return true;
}

bool Driver::CheckFile(const Outcome& o, const fs::path& out_path) {
  std::string old;
  bool exists = false;
  Status st = ReadWholeFile(out_path, &old, &exists);
  if (!st.ok()) {
    Fail(o.label, st.message());
    failed_ = true;
    return true;
  }
  if (exists && old == o.text) return true;
  changed_ = true;
  ++stale_;
  std::string line = (exists ? "would change: " : "missing: ") + out_path.string() + "\n";
  if (exists && flags_.diff) {
    // Labels as diff -u writes them (name, tab, note): patch -p0 applies it.
    line += UnifiedDiff(old, o.text, out_path.string() + "\t(in the folder)",
                        out_path.string() + "\t(cleaned now)");
  }
  return WriteStdout(line, true);
}

bool Driver::ListStale() {
  const std::string ext =
      flags_.options.output.form == TextForm::kMarkdown ? ".md" : ".txt";
  std::vector<std::string> stale;
  std::error_code ec;
  // Links are not followed (cleaner never writes through one either).
  for (fs::recursive_directory_iterator it(flags_.output_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec)) continue;
    std::string path = it->path().lexically_normal().string();
    if (EndsWith(path, ext) && accounted_.count(path) == 0) stale.push_back(std::move(path));
  }
  std::sort(stale.begin(), stale.end());
  std::string lines;
  for (const std::string& p : stale) lines += "stale: " + p + "\n";
  if (!stale.empty()) changed_ = true;
  stale_files_ = stale.size();
  return WriteStdout(lines, true);
}

void Driver::Progress(bool final) {
  auto now = Clock::now();
  if (!final && now - last_progress_ < std::chrono::seconds(1)) return;
  last_progress_ = now;
  if (final) {
    std::fputs("\r\033[K", stderr);
    return;
  }
  double s = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r\033[K%s", ProgressLine(in_, total_, s, bytes_in_).c_str());
}

bool Driver::OpenReport() {
  report_ = std::fopen(flags_.report_path.c_str(), "wb");
  if (report_ == nullptr) {
    std::fprintf(stderr, "cleaner: --report %s: cannot write: %s\n", flags_.report_path.c_str(),
                 std::strerror(errno));
    return false;
  }
  WriteReport(ReportHeader("cleaner report"));
  report_sections_ = 0;  // the header is no document
  return true;
}

void Driver::WriteReport(const std::string& html) {
  if (report_ == nullptr || !report_error_.empty()) return;
  if (std::fwrite(html.data(), 1, html.size(), report_) != html.size()) {
    report_error_ = std::strerror(errno);
  }
  ++report_sections_;
}

bool Driver::CloseReport() {
  if (report_ == nullptr) return true;
  WriteReport(ReportFooter(report_sections_));
  if (std::fclose(report_) != 0 && report_error_.empty()) report_error_ = std::strerror(errno);
  report_ = nullptr;
  if (report_error_.empty()) return true;
  std::fprintf(stderr, "cleaner: --report %s: cannot write: %s\n", flags_.report_path.c_str(),
               report_error_.c_str());
  return false;
}

std::string Counts(const std::map<std::string, uint64_t>& m) {
  std::string s;
  for (const auto& [reason, n] : m) {
    s += (s.empty() ? "" : ", ") + reason + " " + std::to_string(n);
  }
  return s;
}

uint64_t Sum(const std::map<std::string, uint64_t>& m) {
  uint64_t n = 0;
  for (const auto& kv : m) n += kv.second;
  return n;
}

void Driver::Summary(double seconds) {
  // With --check nothing is written: the count is of outputs checked.
  std::string line = "cleaner: summary: " + std::to_string(in_) + " in, " +
                     std::to_string(written_) + (flags_.check ? " checked" : " written");
  if (flags_.check) {
    line += " (" + std::to_string(stale_) + " would change, " + std::to_string(stale_files_) +
            " stale)";
  }
  uint64_t d = Sum(dropped_), k = Sum(skipped_), f = Sum(failures_);
  line += ", " + std::to_string(d) + " dropped" + (d ? " (" + Counts(dropped_) + ")" : "");
  line += ", " + std::to_string(k) + " skipped" + (k ? " (" + Counts(skipped_) + ")" : "");
  line += ", " + std::to_string(f) + " failed" + (f ? " (" + Counts(failures_) + ")" : "");
  char rate[160];
  std::snprintf(rate, sizeof rate, "; %.1f MB in %.2f s, %.2f MB/s, %.0f docs/s",
                bytes_in_ / 1e6, seconds, seconds > 0 ? bytes_in_ / 1e6 / seconds : 0.0,
                seconds > 0 ? in_ / seconds : 0.0);
  line += rate;
  std::fprintf(stderr, "%s\n", line.c_str());
}

int Driver::Run() {
  // An unwritable report is a configuration error, found before any input
  // is read.
  if (!flags_.report_path.empty() && !OpenReport()) return kExitUsage;
  std::vector<std::string> inputs = flags_.inputs;
  if (inputs.empty() && flags_.corpus.url_files.empty()) inputs.push_back("-");
  CorpusReadOptions ro;
  const CorpusFlags& c = flags_.corpus;
  ro.container = c.container == Container::kJsonl  ? ContainerHint::kJsonl
                 : c.container == Container::kWarc ? ContainerHint::kWarc
                                                   : ContainerHint::kAuto;
  ro.max_document_bytes = flags_.options.limits.max_document_bytes;
  ro.url_files = c.url_files;
  ro.shard_index = c.shard_index;
  ro.shard_count = c.shard_count;
  ro.shard_by_file = c.shard_by_file;
  ro.fetch.concurrency = c.concurrency;
  ro.fetch.per_host_delay_ms = c.per_host_delay_ms;
  ro.fetch.connect_timeout_ms = c.connect_timeout_ms;
  ro.fetch.timeout_ms = c.timeout_ms;
  ro.fetch.retries = c.retries;
  ro.fetch.max_redirects = c.max_redirects;
  ro.fetch.max_body_bytes = flags_.options.limits.max_document_bytes;
  ro.fetch.user_agent = c.user_agent;
  ro.fetch.allow_file_urls = c.allow_file_urls;
  if (!c.url_files.empty()) corpus_mode_ = true;
  if (progress_) total_ = KnownDocumentCount(inputs, ro);

  int jobs = c.jobs > 0 ? c.jobs : static_cast<int>(std::thread::hardware_concurrency());
  if (jobs < 1) jobs = 1;
  if (jsonl_out_) {
    // JSON Lines go out in large writes; text output keeps flushing per
    // document (a terminal or a pipe reader sees each one at once).
    static char buf[1 << 20];
    std::setvbuf(stdout, buf, _IOFBF, sizeof buf);
  }

  Status fatal;
  bool stopped = false;
  // Set when a signal came and every record taken was written while the
  // reader thread is still inside ReadCorpus(): blocked on an input that
  // gives nothing more (a FIFO, a pipe, a slow URL). It is not waited for;
  // the run ends with the summary and _Exit(). (Reading on this thread, as
  // -j 1 once did, could not be interrupted there: SIGTERM under Slurm was
  // followed by SIGKILL, and the task ended as if it had succeeded.)
  bool abandon_reader = false;
  {
    // Records ahead of the writer: enough to keep every worker busy while
    // one slow document holds up the order, few enough that memory stays
    // bounded (each in-flight record is one document).
    const uint64_t window = static_cast<uint64_t>(jobs) * 16;
    std::mutex mu;
    std::condition_variable work_cv, space_cv, done_cv;
    std::deque<std::pair<uint64_t, SourceRecord>> queue;
    std::map<uint64_t, Outcome> done;
    uint64_t next_seq = 0, next_write = 0;
    bool reader_done = false, stop = false;
    // Who sleeps, so that nobody is woken for nothing: a wake-up per
    // document per thread costs more than the lock (thread switches on a
    // 2-core machine). The reader sleeps until half the window is free,
    // the writer until the next record in order is done.
    bool reader_waiting = false, writer_waiting = false;
    int idle_workers = 0;
    // The writer wakes for a batch of finished records (a quarter of the
    // window), or for whatever is left once the reader is done. The reader
    // waits for half the window at most, so a batch always comes.
    const size_t batch = static_cast<size_t>(window / 4);
    auto WriterHasWork = [&] {
      if (reader_done && next_write == next_seq) return true;
      return done.count(next_write) > 0 && (reader_done || done.size() >= batch);
    };

    std::thread reader([&] {
      Status st = ReadCorpus(inputs, ro, [&](SourceRecord&& rec) {
        std::unique_lock<std::mutex> lock(mu);
        if (!stop && next_seq - next_write >= window) {
          reader_waiting = true;
          space_cv.wait(lock, [&] { return stop || next_seq - next_write <= window / 2; });
          reader_waiting = false;
        }
        // Interrupted: read no further; what is queued is still cleaned
        // and written, whole and in order.
        if (stop || InterruptSignal() != 0) return false;
        queue.emplace_back(next_seq++, std::move(rec));
        if (idle_workers > 0) work_cv.notify_one();
        return true;
      });
      std::lock_guard<std::mutex> lock(mu);
      fatal = st;
      reader_done = true;
      work_cv.notify_all();
      done_cv.notify_all();
    });
    std::vector<std::thread> workers;
    for (int i = 0; i < jobs; ++i) {
      workers.emplace_back([&] {
        std::unique_lock<std::mutex> lock(mu);
        while (true) {
          if (!stop && !reader_done && queue.empty()) {
            ++idle_workers;
            work_cv.wait(lock, [&] { return stop || reader_done || !queue.empty(); });
            --idle_workers;
          }
          if (stop || queue.empty()) return;
          auto [seq, rec] = std::move(queue.front());
          queue.pop_front();
          lock.unlock();
          Outcome o = Process(std::move(rec));
          lock.lock();
          done.emplace(seq, std::move(o));
          if (writer_waiting && WriterHasWork()) done_cv.notify_one();
        }
      });
    }
    std::vector<Outcome> ready;
    bool more = true;
    while (more) {
      std::unique_lock<std::mutex> lock(mu);
      if (!WriterHasWork()) {
        writer_waiting = true;
        // A signal handler cannot wake a condition variable: look at the
        // signal every 100 ms while waiting.
        while (!WriterHasWork() && !(InterruptSignal() != 0 && next_write == next_seq)) {
          done_cv.wait_for(lock, std::chrono::milliseconds(100));
        }
        writer_waiting = false;
        if (!WriterHasWork()) {
          // Interrupted, and every record taken is written.
          abandon_reader = !reader_done;
          stop = true;
          space_cv.notify_all();
          work_cv.notify_all();
          break;
        }
      }
      // Take every record that is ready, in order, under one lock.
      for (auto it = done.find(next_write); it != done.end() && it->first == next_write;
           it = done.erase(it)) {
        ready.push_back(std::move(it->second));
        ++next_write;
      }
      if (ready.empty()) break;  // all read and written
      if (reader_waiting && next_seq - next_write <= window / 2) space_cv.notify_one();
      lock.unlock();
      for (Outcome& o : ready) {
        if (!Write(std::move(o))) {
          lock.lock();
          stop = stopped = true;
          space_cv.notify_all();
          work_cv.notify_all();
          more = false;
          break;
        }
      }
      ready.clear();
    }
    for (std::thread& t : workers) t.join();
    if (stopped) {
      // The reader of stdout has gone. Our reader thread may be blocked
      // reading an input that never ends (a pipe from `tail -f`): do not
      // wait for it.
      CloseReport();
      const int code = StoppedExit();
      std::fflush(stderr);
      std::_Exit(code);
    }
    if (abandon_reader) {
      reader.detach();
    } else {
      reader.join();
    }
  }
  if (!CloseReport()) failed_ = true;
  if (stopped || !WriteStdout("", true)) return StoppedExit();
  if (progress_) Progress(true);
  if (!fatal.ok()) {
    std::fprintf(stderr, "cleaner: %s\n", fatal.message().c_str());
    failed_ = true;
  }
  const int signo = InterruptSignal();
  // Stale files only when this run saw every input: not a shard's share,
  // not a run cut short.
  if (flags_.check && signo == 0 && fatal.ok() && c.shard_count == 1 && !ListStale()) {
    return StoppedExit();
  }
  if (!flags_.quiet && (corpus_mode_ || jsonl_out_ || flags_.corpus.stats || signo != 0)) {
    Summary(std::chrono::duration<double>(Clock::now() - start_).count());
  }
  if (signo != 0) {
    std::fprintf(stderr,
                 "cleaner: interrupted by %s: the %llu records read were written whole; "
                 "the rest were not read\n",
                 signo == SIGINT ? "SIGINT" : "SIGTERM", static_cast<unsigned long long>(in_));
    if (abandon_reader) {
      // The reader thread still runs in this function's frame: end here.
      std::fflush(stdout);
      std::fflush(stderr);
      std::_Exit(128 + signo);
    }
    return 128 + signo;
  }
  return failed_ || changed_ ? kExitFailed : kExitOk;
}

}  // namespace

int RunCorpus(const Flags& flags, const Cleaner& cleaner) {
  Driver driver(flags, cleaner);
  return driver.Run();
}

}  // namespace cleaner
