// The command line: one flag table that feeds both the parser and --help,
// a plain Flags struct, and its conversion into library Options. Nothing
// else lives here.
#ifndef CLEANER_CLI_FLAGS_H_
#define CLEANER_CLI_FLAGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cleaner/options.h"
#include "cleaner/status.h"

namespace cleaner {

// Exit codes a script can act on.
constexpr int kExitOk = 0;        // every input cleaned (or, with --check, up to date)
constexpr int kExitFailed = 1;    // at least one input failed (or --check found changes)
constexpr int kExitUsage = 2;     // bad flag, bad value, malformed rule file

// How inputs are framed into documents (--input-format beyond text/html).
enum class Container {
  kAuto,   // a WARC file by its content; a .jsonl/.ndjson(.gz) file by name; else one document
  kJsonl,  // every file (and stdin) is JSON Lines
  kWarc,   // every file (and stdin) is WARC
};

enum class OutputFormat { kText, kJsonl };

// Corpus-scale flags: URL fetching, WARC, JSON Lines, parallelism, shards.
struct CorpusFlags {
  Container container = Container::kAuto;
  OutputFormat output_format = OutputFormat::kText;
  std::string text_field = "text";
  std::string html_field = "html";
  std::string id_field = "id";
  std::vector<std::string> url_files;  // --urls FILE (repeatable)
  int jobs = 0;                        // 0: all cores
  uint32_t shard_index = 0;            // --shard I/N
  uint32_t shard_count = 1;
  bool shard_by_file = false;          // --shard-by file: whole input files per shard
  bool stats = false;                  // --stats: print the summary in every mode
  bool blocks = false;                 // --blocks: JSON Lines records carry their blocks
  bool dolma = false;                  // --record dolma
  std::string source_name;             // --source-name: Dolma's "source"
  // Fetching (see source/url_source.h for the defaults' reasons).
  int concurrency = 8;
  long per_host_delay_ms = 0;
  long connect_timeout_ms = 10000;
  long timeout_ms = 60000;
  int retries = 2;
  int max_redirects = 5;
  std::string user_agent = "cleaner/0.1";
  bool allow_file_urls = false;
};

// The flags as given, before validation.
struct Flags {
  std::vector<std::string> inputs;  // positional arguments; empty = stdin
  std::string output_dir;           // -o
  bool check = false;               // --check
  bool diff = false;                // --diff: with --check, a unified diff per changed file
  bool quiet = false;               // -q: no progress line, no summary, no notices
  // Text and Markdown on stdout: written between two documents (--separator;
  // a blank line by default), or, with -0, after every document.
  std::string separator = "\n";
  bool separator_given = false;
  bool null_separated = false;      // -0/--null
  bool explain = false;             // --explain
  std::string report_path;          // --report FILE.html: the visual explain report
  bool help = false;
  bool version = false;
  Options options;                  // filled in as flags are parsed
  CorpusFlags corpus;
};

// Parses argv into *flags. Returns InvalidArgument with a one-line reason
// for an unknown flag, a missing or bad value, or contradictory flags.
Status ParseFlags(int argc, char** argv, Flags* flags);

// Parses a vector of arguments (without argv[0]); for tests and .args files.
Status ParseFlags(const std::vector<std::string>& args, Flags* flags);

// Turns --separator's value into bytes: \n \t \r \0 \\ and \xHH are
// escapes, every other byte is itself. Returns InvalidArgument for any
// other escape or a lone trailing backslash.
Status UnescapeSeparator(const std::string& value, std::string* out);

// The --help text: usage, every flag with its default, examples, exit codes.
std::string UsageText();

}  // namespace cleaner

#endif  // CLEANER_CLI_FLAGS_H_
