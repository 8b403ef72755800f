// The flag table and its parser. To add a flag: add a row to kFlags and a
// case to ApplyFlag(); --help picks it up.
#include "cleaner/cli/flags.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include "cleaner/decode/decode.h"
#include "cleaner/source/url_source.h"

namespace cleaner {

namespace {

struct FlagDef {
  const char* name;     // long name without "--"
  char short_name;      // 0 if none
  const char* arg;      // value placeholder, nullptr for a switch
  const char* help;
};

constexpr FlagDef kFlags[] = {
    {"output", 'o', "DIR",
     "write one .txt file per input under DIR (path relative to the folder given,\n"
     "or the file name for a file given) instead of stdout"},
    {"check", 0, nullptr,
     "with -o: write nothing; list each file under DIR that would change or is\n"
     "missing, and each file under DIR whose input is gone (stale: FILE), and\n"
     "exit 1 if any  e.g. -o fixtures/ --check pages/"},
    {"diff", 0, nullptr,
     "with --check: after each 'would change:' line, a unified diff of the file\n"
     "in DIR against the new output  e.g. -o fixtures/ --check --diff pages/"},
    {"separator", 0, "STRING",
     "text and markdown on stdout: write STRING between two documents instead of\n"
     "a blank line; escapes \\n \\t \\r \\0 \\\\ \\xHH  e.g. --separator '\\n---\\n'"},
    {"null", '0', nullptr,
     "text and markdown on stdout: end every document, an empty one too, with a\n"
     "NUL byte, so that item k is input document k (cleaned text holds no NUL)\n"
     "e.g. cleaner -0 pages/ | while IFS= read -r -d '' doc; do ...; done"},
    {"quiet", 'q', nullptr,
     "no progress line, no summary and no notices on stderr; errors are still\n"
     "reported  e.g. cleaner -q -o out/ pages/"},
    {"input-format", 0, "FMT",
     "auto (default: decided from content and extension: a WARC file by its\n"
     "content, gzip or not; a .jsonl/.ndjson(.gz) file as JSON Lines), text, html,\n"
     "jsonl (every input is JSON Lines) or warc (every input is WARC)\n"
     "e.g. --input-format jsonl dump.jsonl.gz"},
    {"output-format", 0, "FMT",
     "text (default), markdown (headings, lists, tables, code, quotes; -o writes .md)\n"
     "or jsonl: one JSON object per input document, in input order:\n"
     "{\"id\",\"url\",\"text\",\"metadata\":{...},...input fields}; a failed document\n"
     "gets \"error\"  e.g. --output-format jsonl crawl.warc.gz > clean.jsonl"},
    {"markdown", 0, nullptr, "with jsonl: \"text\" holds Markdown  e.g. --output-format jsonl --markdown"},
    {"blocks", 0, nullptr,
     "with jsonl: add \"blocks\":[{\"type\",\"level\",\"text\"}] (heading, paragraph,\n"
     "list_item, table, code, quote)  e.g. --output-format jsonl --blocks"},
    {"links", 0, nullptr,
     "markdown: write links as [text](url), the address made absolute against the\n"
     "page's URL  e.g. --output-format markdown --links page.html"},
    {"images", 0, nullptr,
     "markdown: write the images of the content as ![alt](src) paragraphs\n"
     "e.g. --output-format markdown --images page.html"},
    {"with-metadata", 0, nullptr,
     "text and markdown: start each document with YAML front matter (title,\n"
     "author, dates, site, host, URLs, description, language, categories, tags,\n"
     "license)"},
    {"record", 0, "SHAPE",
     "with jsonl: datatrove (default) or dolma ({\"id\",\"text\",\"source\",\"added\",\n"
     "\"created\",\"metadata\"})  e.g. --record dolma --source-name cc-2024"},
    {"source-name", 0, "NAME", "with --record dolma: the dataset name in \"source\" (default cleaner)"},
    {"text-field", 0, "NAME",
     "JSON Lines: field holding scraped text (default text)  e.g. --text-field content"},
    {"html-field", 0, "NAME",
     "JSON Lines: field holding a raw page, used when the text field is absent\n"
     "(default html)  e.g. --html-field raw_content"},
    {"id-field", 0, "NAME",
     "JSON Lines: field holding the record id (default id)  e.g. --id-field doc_id"},
    {"urls", 0, "FILE",
     "fetch the URLs listed in FILE (one per line; blank lines and # comments\n"
     "skipped; - for stdin); URL arguments (http://, https://) are fetched too\n"
     "e.g. --urls list.txt --output-format jsonl > pages.jsonl"},
    {"jobs", 'j', "N",
     "clean N documents in parallel (default: all cores); the output is the same,\n"
     "byte for byte and in input order, for every N  e.g. -j 2"},
    {"shard", 0, "I/N",
     "process only shard I of N (0 <= I < N): the records whose ordinal (position\n"
     "over all inputs: files, URLs, JSONL lines, WARC records) modulo N is I;\n"
     "the N shards' outputs together are the whole  e.g. --shard 3/16"},
    {"shard-by", 0, "UNIT",
     "record (default: every task reads all inputs and keeps every Nth record) or\n"
     "file: each shard gets whole input files, file k of the sorted list of input\n"
     "files going to shard k modulo N, and opens no other file (files only: no\n"
     "URLs, no stdin)  e.g. --shard 1/4 --shard-by file dump/*.jsonl.gz"},
    {"stats", 0, nullptr,
     "print the closing summary (documents in/out, dropped, skipped, failed by\n"
     "reason, MB/s) on stderr; always printed for URL, WARC and JSONL runs\n"
     "e.g. cleaner --stats -o out/ pages/"},
    {"concurrency", 0, "N", "URLs: transfers at once (default 8)  e.g. --concurrency 32"},
    {"delay", 0, "SECONDS",
     "URLs: wait at least SECONDS between two requests to the same host\n"
     "(default 0)  e.g. --delay 1.5"},
    {"connect-timeout", 0, "SECONDS",
     "URLs: give up connecting after SECONDS (default 10)  e.g. --connect-timeout 5"},
    {"timeout", 0, "SECONDS",
     "URLs: give up a transfer after SECONDS in all (default 60)  e.g. --timeout 20"},
    {"retries", 0, "N",
     "URLs: retry a timeout, a failed connection, a 5xx or a 429 up to N times with\n"
     "doubling backoff from 1 s, or after the Retry-After the server asks, capped at\n"
     "60 s and at --timeout (default 2)  e.g. --retries 0"},
    {"max-redirects", 0, "N", "URLs: follow at most N redirects (default 5)  e.g. --max-redirects 2"},
    {"user-agent", 0, "STRING",
     "URLs: the User-Agent header (default cleaner/0.1)\n"
     "e.g. --user-agent 'mybot/1.0 (+mailto:ops@example.org)'"},
    {"allow-file-urls", 0, nullptr,
     "URLs: also accept file:// URLs (a redirect never leads to one)\n"
     "e.g. --allow-file-urls file:///srv/mirror/index.html"},
    {"no-extract", 0, nullptr,
     "HTML: keep all visible text instead of selecting the main content"},
    {"keep-comments", 0, nullptr,
     "HTML: keep the user comments below an article and a product's customer reviews"},
    {"filters", 0, "DIR",
     "read rule files from DIR: a file named like a default rule file replaces it,\n"
     "any other *.txt / *.tsv file is added (see filters/README.md)"},
    {"no-filter", 0, nullptr, "keep boilerplate (skip the filter stage)"},
    {"no-line-classifier", 0, nullptr,
     "scraped text: leave the lines the rules leave undecided as they are (by\n"
     "default, in a document that reads as a crawled page, a tenth of its lines\n"
     "dropped by the rules, the learned line classifier of\n"
     "filters/line_classifier.txt drops those it scores as noise: lists, counters,\n"
     "site furniture; --explain gives each one's score and strongest reasons)"},
    {"line-classifier", 0, nullptr, "the default; kept for scripts that name it"},
    {"favor", 0, "WHAT",
     "which way the learned models lean where they are unsure: balanced (default),\n"
     "precision (drop more of what may be boilerplate: a corpus that must be\n"
     "clean) or recall (keep more of what may be content: nothing may be lost);\n"
     "the HTML block model's and the scraped-text line classifier's thresholds\n"
     "for each are in filters/block_model.txt and filters/line_classifier.txt"},
    {"no-repair", 0, nullptr, "do not repair punctuation, quotes, entities or mojibake"},
    {"quotes", 0, "STYLE",
     "auto (default: make each document consistent with its own majority style)\n"
     "or ascii (every quote and apostrophe becomes ' or \")"},
    {"binary", 0, "MODE",
     "skip (default: a file in a binary format, by its magic number, or mostly\n"
     "NUL and control bytes, is skipped: 'cleaner: x.png: binary file (PNG\n"
     "image), skipped', counted in the summary) or clean (clean it as text)"},
    {"charset", 0, "NAME",
     "decode input without a BOM or transport charset as NAME (default: detect)"},
    {"max-bytes", 0, "N",
     "fail a document larger than N bytes (default 67108864 = 64 MiB)"},
    {"max-line-bytes", 0, "N",
     "break a scraped-text line longer than N bytes at white space (default\n"
     "1048576 = 1 MiB)"},
    {"max-html-depth", 0, "N",
     "HTML: remove tags nested deeper than N, keeping their text (default 512)"},
    {"max-html-attributes", 0, "N",
     "HTML: ignore attributes of a tag past the first N (default 256)"},
    {"max-html-elements", 0, "N",
     "HTML: score at most N block elements; later ones count as inline, text\n"
     "kept (default 4194304)"},
    {"max-seconds", 0, "SECONDS",
     "fail a document still being cleaned after SECONDS (default 10; 0 = no\n"
     "limit); checked inside every loop that grows with the input, so only\n"
     "one HTML parse can overrun it  e.g. --max-seconds 2.5"},
    {"explain", 0, nullptr,
     "print on stderr every decision: charset, dropped lines with their rule,\n"
     "repairs with before/after, metadata found"},
    {"report", 0, "FILE",
     "write the visual explain report to FILE (HTML, one page for the whole run,\n"
     "documents in input order, also with -o): every block in order, kept ones\n"
     "plain, dropped ones struck through, coloured by category, with their rule\n"
     "(filters/<file>:<line>) or heuristic; repairs before/after; the page kind\n"
     "and the chosen container  e.g. --report report.html"},
    {"help", 'h', nullptr, "print this help and exit"},
    {"version", 'V', nullptr, "print the version and exit"},
};

const FlagDef* FindLong(std::string_view name) {
  for (const FlagDef& f : kFlags) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

const FlagDef* FindShort(char c) {
  for (const FlagDef& f : kFlags) {
    if (f.short_name == c) return &f;
  }
  return nullptr;
}

// A whole number in [lo, hi].
Status ParseCount(const char* flag, const std::string& value, long lo, long hi, int* out) {
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || errno != 0 || v < lo || v > hi) {
    return Status::InvalidArgument(std::string(flag) + " needs a whole number from " +
                                   std::to_string(lo) + " to " + std::to_string(hi) + ", not '" +
                                   value + "'");
  }
  *out = static_cast<int>(v);
  return Status::OK();
}

// Seconds, decimals allowed, stored in milliseconds.
Status ParseSeconds(const char* flag, const std::string& value, bool zero_ok, long* ms) {
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(value.c_str(), &end);
  if (value.empty() || *end != '\0' || errno != 0 || !(v >= 0) || v > 86400 ||
      (!zero_ok && v == 0)) {
    return Status::InvalidArgument(std::string(flag) + " needs a number of seconds" +
                                   (zero_ok ? "" : " above 0") + ", not '" + value + "'");
  }
  *ms = static_cast<long>(v * 1000 + 0.5);
  if (!zero_ok && *ms == 0) *ms = 1;
  return Status::OK();
}

// "I/N" with 0 <= I < N.
Status ParseShard(const std::string& value, CorpusFlags* corpus) {
  size_t slash = value.find('/');
  char* end = nullptr;
  unsigned long long i = 0, n = 0;
  bool ok = slash != std::string::npos && slash > 0 && slash + 1 < value.size() &&
            value.find_first_not_of("0123456789/") == std::string::npos;
  if (ok) {
    i = std::strtoull(value.substr(0, slash).c_str(), &end, 10);
    n = std::strtoull(value.substr(slash + 1).c_str(), &end, 10);
    ok = n >= 1 && n <= 1000000 && i < n;
  }
  if (!ok) {
    return Status::InvalidArgument("--shard needs I/N with 0 <= I < N (e.g. 0/4), not '" + value +
                                   "'");
  }
  corpus->shard_index = static_cast<uint32_t>(i);
  corpus->shard_count = static_cast<uint32_t>(n);
  return Status::OK();
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Status UnescapeSeparator(const std::string& value, std::string* out) {
  out->clear();
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\') {
      out->push_back(value[i]);
      continue;
    }
    char c = i + 1 < value.size() ? value[++i] : '\0';
    switch (c) {
      case 'n': out->push_back('\n'); break;
      case 't': out->push_back('\t'); break;
      case 'r': out->push_back('\r'); break;
      case '0': out->push_back('\0'); break;
      case '\\': out->push_back('\\'); break;
      case 'x': {
        int hi = i + 1 < value.size() ? HexDigit(value[i + 1]) : -1;
        int lo = i + 2 < value.size() ? HexDigit(value[i + 2]) : -1;
        if (hi >= 0 && lo >= 0) {
          out->push_back(static_cast<char>(hi * 16 + lo));
          i += 2;
          break;
        }
        [[fallthrough]];
      }
      default:
        return Status::InvalidArgument(
            "--separator: unknown escape in '" + value +
            "' (known: \\n \\t \\r \\0 \\\\ \\xHH)");
    }
  }
  return Status::OK();
}

namespace {

Status ApplyFlag(const FlagDef& f, const std::string& value, Flags* flags) {
  std::string_view n = f.name;
  Options& o = flags->options;
  if (n == "output") {
    if (value.empty()) return Status::InvalidArgument("-o needs a folder name");
    flags->output_dir = value;
  } else if (n == "check") {
    flags->check = true;
  } else if (n == "diff") {
    flags->diff = true;
  } else if (n == "separator") {
    CLEANER_RETURN_IF_ERROR(UnescapeSeparator(value, &flags->separator));
    flags->separator_given = true;
  } else if (n == "null") {
    flags->null_separated = true;
  } else if (n == "quiet") {
    flags->quiet = true;
  } else if (n == "input-format") {
    if (value == "auto") {
      o.input_format = InputFormat::kAuto;
    } else if (value == "text") {
      o.input_format = InputFormat::kText;
    } else if (value == "html") {
      o.input_format = InputFormat::kHtml;
    } else if (value == "jsonl") {
      flags->corpus.container = Container::kJsonl;
    } else if (value == "warc") {
      flags->corpus.container = Container::kWarc;
    } else {
      return Status::InvalidArgument(
          "--input-format must be auto, text, html, jsonl or warc, not '" + value + "'");
    }
  } else if (n == "output-format") {
    o.output.form = value == "markdown" ? TextForm::kMarkdown : TextForm::kText;
    if (value == "text" || value == "markdown") {
      flags->corpus.output_format = OutputFormat::kText;
    } else if (value == "jsonl") {
      flags->corpus.output_format = OutputFormat::kJsonl;
    } else {
      return Status::InvalidArgument("--output-format must be text, markdown or jsonl, not '" +
                                     value + "'");
    }
  } else if (n == "markdown") {
    o.output.form = TextForm::kMarkdown;
  } else if (n == "blocks") {
    flags->corpus.blocks = true;
    o.output.keep_blocks = true;
  } else if (n == "links") {
    o.extract.links = true;
  } else if (n == "images") {
    o.extract.images = true;
  } else if (n == "with-metadata") {
    o.output.front_matter = true;
  } else if (n == "record") {
    if (value != "datatrove" && value != "dolma") {
      return Status::InvalidArgument("--record must be datatrove or dolma, not '" + value + "'");
    }
    flags->corpus.dolma = value == "dolma";
  } else if (n == "source-name") {
    if (value.empty()) return Status::InvalidArgument("--source-name needs a name");
    flags->corpus.source_name = value;
  } else if (n == "text-field" || n == "html-field" || n == "id-field") {
    if (value.empty()) return Status::InvalidArgument("--" + std::string(n) + " needs a name");
    (n == "text-field"   ? flags->corpus.text_field
     : n == "html-field" ? flags->corpus.html_field
                         : flags->corpus.id_field) = value;
  } else if (n == "urls") {
    flags->corpus.url_files.push_back(value);
  } else if (n == "jobs") {
    CLEANER_RETURN_IF_ERROR(ParseCount("--jobs", value, 1, 1024, &flags->corpus.jobs));
  } else if (n == "shard") {
    CLEANER_RETURN_IF_ERROR(ParseShard(value, &flags->corpus));
  } else if (n == "shard-by") {
    if (value != "record" && value != "file") {
      return Status::InvalidArgument("--shard-by must be record or file, not '" + value + "'");
    }
    flags->corpus.shard_by_file = value == "file";
  } else if (n == "stats") {
    flags->corpus.stats = true;
  } else if (n == "concurrency") {
    CLEANER_RETURN_IF_ERROR(ParseCount("--concurrency", value, 1, 1000, &flags->corpus.concurrency));
  } else if (n == "delay") {
    CLEANER_RETURN_IF_ERROR(ParseSeconds("--delay", value, true, &flags->corpus.per_host_delay_ms));
  } else if (n == "connect-timeout") {
    CLEANER_RETURN_IF_ERROR(
        ParseSeconds("--connect-timeout", value, false, &flags->corpus.connect_timeout_ms));
  } else if (n == "timeout") {
    CLEANER_RETURN_IF_ERROR(ParseSeconds("--timeout", value, false, &flags->corpus.timeout_ms));
  } else if (n == "retries") {
    CLEANER_RETURN_IF_ERROR(ParseCount("--retries", value, 0, 100, &flags->corpus.retries));
  } else if (n == "max-redirects") {
    CLEANER_RETURN_IF_ERROR(
        ParseCount("--max-redirects", value, 0, 100, &flags->corpus.max_redirects));
  } else if (n == "user-agent") {
    flags->corpus.user_agent = value;
  } else if (n == "allow-file-urls") {
    flags->corpus.allow_file_urls = true;
  } else if (n == "no-extract") {
    o.extract.main_content = false;
  } else if (n == "keep-comments") {
    o.extract.keep_comments = true;
  } else if (n == "filters") {
    o.filters_dir = value;
  } else if (n == "no-filter") {
    o.filter.enabled = false;
  } else if (n == "line-classifier") {
    o.filter.line_classifier = true;
  } else if (n == "no-line-classifier") {
    o.filter.line_classifier = false;
  } else if (n == "favor") {
    Favor favor = Favor::kBalanced;
    if (!ParseFavor(value, &favor)) {
      return Status::InvalidArgument("--favor must be balanced, precision or recall, not '" +
                                     value + "'");
    }
    o.extract.favor = favor;
    o.filter.favor = favor;
  } else if (n == "no-repair") {
    o.repair.enabled = false;
  } else if (n == "quotes") {
    if (value == "auto") {
      o.repair.quotes = QuoteStyle::kAuto;
    } else if (value == "ascii") {
      o.repair.quotes = QuoteStyle::kAscii;
    } else {
      return Status::InvalidArgument("--quotes must be auto or ascii, not '" + value + "'");
    }
  } else if (n == "binary") {
    if (value != "skip" && value != "clean") {
      return Status::InvalidArgument("--binary must be skip or clean, not '" + value + "'");
    }
    o.decode.clean_binary = value == "clean";
  } else if (n == "charset") {
    // Checked once here: an unknown name used to fail every file (exit 1).
    if (!IsSupportedCharset(value)) {
      return Status::InvalidArgument("--charset: unknown character set '" + value + "'");
    }
    o.decode.default_charset = value;
  } else if (n == "max-bytes") {
    char* end = nullptr;
    errno = 0;
    unsigned long long v = std::strtoull(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || errno != 0 || v == 0 || value[0] == '-') {
      return Status::InvalidArgument("--max-bytes needs a positive whole number, not '" + value +
                                     "'");
    }
    o.limits.max_document_bytes = static_cast<size_t>(v);
  } else if (n == "max-line-bytes" || n == "max-html-depth" || n == "max-html-attributes" ||
             n == "max-html-elements") {
    int v = 0;
    std::string flag = "--" + std::string(n);
    CLEANER_RETURN_IF_ERROR(ParseCount(flag.c_str(), value, 1, 1L << 30, &v));
    size_t* field = n == "max-line-bytes"        ? &o.limits.max_line_bytes
                    : n == "max-html-depth"      ? &o.limits.max_html_depth
                    : n == "max-html-attributes" ? &o.limits.max_html_attributes
                                                 : &o.limits.max_html_elements;
    *field = static_cast<size_t>(v);
  } else if (n == "max-seconds") {
    long ms = 0;
    CLEANER_RETURN_IF_ERROR(ParseSeconds("--max-seconds", value, true, &ms));
    o.limits.max_document_seconds = static_cast<double>(ms) / 1000.0;
  } else if (n == "explain") {
    flags->explain = true;
  } else if (n == "report") {
    if (value.empty()) return Status::InvalidArgument("--report needs a file name");
    flags->report_path = value;
    o.output.keep_blocks = true;  // the kept blocks' text, as written
  } else if (n == "help") {
    flags->help = true;
  } else if (n == "version") {
    flags->version = true;
  }
  return Status::OK();
}

// Flags about how stdout is shaped, checked together once all are read.
Status CheckOutputFlags(const Flags& flags) {
  if (flags.diff && !flags.check) return Status::InvalidArgument("--diff is for --check");
  const char* sep = flags.null_separated ? "-0/--null" : "--separator";
  if (flags.null_separated && flags.separator_given) {
    return Status::InvalidArgument("give --separator or -0/--null, not both");
  }
  if (flags.null_separated || flags.separator_given) {
    if (!flags.output_dir.empty()) {
      return Status::InvalidArgument(std::string(sep) + " is for stdout, not -o DIR");
    }
    if (flags.corpus.output_format == OutputFormat::kJsonl) {
      return Status::InvalidArgument(std::string(sep) +
                                     " is for text and markdown; JSON Lines are one a line");
    }
  }
  if ((flags.options.extract.links || flags.options.extract.images) &&
      flags.options.output.form != TextForm::kMarkdown) {
    return Status::InvalidArgument(
        std::string(flags.options.extract.links ? "--links" : "--images") +
        " is for Markdown: --output-format markdown (or jsonl with --markdown)");
  }
  if (flags.quiet && flags.corpus.stats) {
    return Status::InvalidArgument("--stats asks for the summary that -q/--quiet leaves out");
  }
  return Status::OK();
}

}  // namespace

Status ParseFlags(const std::vector<std::string>& args, Flags* flags) {
  bool only_inputs = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (only_inputs || a == "-" || a.empty() || a[0] != '-') {
      flags->inputs.push_back(a);
      continue;
    }
    if (a == "--") {
      only_inputs = true;
      continue;
    }
    const FlagDef* f = nullptr;
    std::string value;
    bool has_value = false;
    if (a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      size_t eq = name.find('=');
      if (eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
        has_value = true;
      }
      f = FindLong(name);
      if (f == nullptr) return Status::InvalidArgument("unknown option '--" + name + "'");
    } else {
      f = FindShort(a[1]);
      if (f == nullptr) return Status::InvalidArgument("unknown option '" + a + "'");
      if (a.size() > 2) {
        if (f->arg == nullptr) return Status::InvalidArgument("unknown option '" + a + "'");
        value = a.substr(2);
        has_value = true;
      }
    }
    if (f->arg != nullptr && !has_value) {
      if (i + 1 >= args.size()) {
        return Status::InvalidArgument("option '--" + std::string(f->name) + "' needs a value (" +
                                       f->arg + ")");
      }
      value = args[++i];
    } else if (f->arg == nullptr && has_value) {
      return Status::InvalidArgument("option '--" + std::string(f->name) + "' takes no value");
    }
    CLEANER_RETURN_IF_ERROR(ApplyFlag(*f, value, flags));
  }
  if (!flags->output_dir.empty() && std::filesystem::exists(flags->output_dir) &&
      !std::filesystem::is_directory(flags->output_dir)) {
    return Status::InvalidArgument("-o " + flags->output_dir + ": exists and is not a folder");
  }
  if (flags->check && flags->output_dir.empty()) {
    return Status::InvalidArgument("--check needs -o DIR (the folder to compare with)");
  }
  CLEANER_RETURN_IF_ERROR(CheckOutputFlags(*flags));
  // Language identification is the costliest step of the text path; plain
  // text output does not show metadata.
  const bool jsonl = flags->corpus.output_format == OutputFormat::kJsonl;
  flags->options.detect_language =
      jsonl || flags->explain || !flags->report_path.empty() || flags->options.output.front_matter;
  if (!jsonl && (flags->corpus.blocks || flags->corpus.dolma)) {
    return Status::InvalidArgument(std::string(flags->corpus.blocks ? "--blocks" : "--record") +
                                   " is for --output-format jsonl");
  }
  if (jsonl && flags->options.output.front_matter) {
    return Status::InvalidArgument(
        "--with-metadata is for text and markdown; JSON Lines records carry \"metadata\"");
  }
  if (!flags->corpus.source_name.empty() && !flags->corpus.dolma) {
    return Status::InvalidArgument("--source-name is for --record dolma");
  }
  if (flags->corpus.shard_by_file) {
    bool files = !flags->inputs.empty() && flags->corpus.url_files.empty();
    for (const std::string& in : flags->inputs) files = files && in != "-" && !IsUrl(in);
    if (!files) {
      return Status::InvalidArgument(
          "--shard-by file shards input files: give files or folders, not URLs or stdin");
    }
  }
  if (flags->corpus.output_format == OutputFormat::kJsonl && !flags->output_dir.empty()) {
    return Status::InvalidArgument(
        "--output-format jsonl writes one stream to stdout; redirect it instead of -o DIR");
  }
  return Status::OK();
}

Status ParseFlags(int argc, char** argv, Flags* flags) {
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  return ParseFlags(args, flags);
}

std::string UsageText() {
  std::string s =
      "Usage: cleaner [OPTIONS] [INPUT...]\n"
      "\n"
      "Turns raw web pages (HTML) and scraped text into clean, normalized UTF-8\n"
      "text: extracts the main content, drops boilerplate (navigation, share\n"
      "prompts, comment forms, cookie notices, related links, copyright lines),\n"
      "repairs mojibake (UTF-8 misread through ten code pages, once or more),\n"
      "entities, punctuation and quoting, and normalizes (NFC, white space;\n"
      "control characters and terminal escape sequences go, Latin ligatures\n"
      "become their letters).\n"
      "\n"
      "INPUT is a file or a folder (read recursively, in sorted order; names\n"
      "starting with '.' are skipped), an http:// or https:// URL (fetched), a WARC\n"
      "file (.warc or .warc.gz, recognized by content: every HTML response record\n"
      "is a document) or a JSON Lines file (.jsonl: every line is a document).\n"
      "'-' or no INPUT reads standard input. Cleaned text goes to stdout, several\n"
      "documents one after another, or to files under -o DIR, or, with\n"
      "--output-format jsonl, one JSON record per document to stdout.\n"
      "\n"
      "Options:\n";
  for (const FlagDef& f : kFlags) {
    std::string head = "  ";
    head += f.short_name ? std::string("-") + f.short_name + ", " : std::string("    ");
    head += std::string("--") + f.name;
    if (f.arg) head += std::string(" ") + f.arg;
    s += head;
    std::string_view help = f.help;
    bool first = true;
    while (!help.empty()) {
      size_t nl = help.find('\n');
      std::string_view line = help.substr(0, nl);
      if (first && head.size() < 26) {
        s += std::string(26 - head.size(), ' ');
      } else {
        s += "\n" + std::string(26, ' ');
      }
      s += line;
      first = false;
      if (nl == std::string_view::npos) break;
      help.remove_prefix(nl + 1);
    }
    s += "\n";
  }
  s +=
      "\n"
      "Examples:\n"
      "  curl -s https://example.org/ | cleaner > page.txt\n"
      "  cleaner page.html                       # one page to stdout\n"
      "  cleaner -o out/ pages/                  # pages/a/b.html -> out/a/b.txt\n"
      "  cleaner -o fixtures/ --check pages/     # exit 1 if fixtures are stale\n"
      "  cleaner -o fixtures/ --check --diff pages/   # ... and how they would change\n"
      "  cleaner -0 pages/ | xargs -0 -n 1 sh -c 'printf %s \"$0\" | wc -w'\n"
      "  cleaner --explain page.txt > /dev/null  # why each line went\n"
      "  cleaner --report report.html pages/ > /dev/null  # the same, drawn in HTML\n"
      "  cleaner --quotes ascii --filters my-filters/ page.txt\n"
      "  cleaner --output-format jsonl -j 2 crawl.warc.gz > clean.jsonl\n"
      "  cleaner --output-format markdown --with-metadata page.html > page.md\n"
      "  cleaner --input-format jsonl --html-field raw --output-format jsonl < in.jsonl\n"
      "  cleaner --urls list.txt --concurrency 16 --delay 1 -o pages/\n"
      "  cleaner --shard 0/4 --output-format jsonl dump.jsonl.gz > part-0.jsonl\n"
      "  cleaner --shard 0/4 --shard-by file --output-format jsonl dump/*.jsonl.gz > part-0.jsonl\n"
      "\n"
      "Every input record gives an output record: a failed one is named on stderr\n"
      "(and, in JSON Lines output, written with its \"error\"); a WARC record that is\n"
      "not an HTML page (request, metadata, image...) is skipped and counted.\n"
      "\n"
      "Exit status: 0 all inputs cleaned; 1 at least one input failed (each named\n"
      "on stderr as 'cleaner: INPUT: reason'; the others are still cleaned), or\n"
      "--check found files that would change, or stdout could not be written;\n"
      "2 usage or configuration error; 130 / 143 interrupted by SIGINT / SIGTERM:\n"
      "the records read so far are written whole and the summary printed (a\n"
      "second signal stops at once).\n";
  return s;
}

}  // namespace cleaner
