// The command line: one flag table that feeds both the parser and --help,
// a plain Flags struct, and its conversion into library Options. Nothing
// else lives here.
#ifndef CLEANER_CLI_FLAGS_H_
#define CLEANER_CLI_FLAGS_H_

#include <string>
#include <vector>

#include "cleaner/options.h"
#include "cleaner/status.h"

namespace cleaner {

// Exit codes a script can act on.
constexpr int kExitOk = 0;        // every input cleaned (or, with --check, up to date)
constexpr int kExitFailed = 1;    // at least one input failed (or --check found changes)
constexpr int kExitUsage = 2;     // bad flag, bad value, malformed rule file

// The flags as given, before validation.
struct Flags {
  std::vector<std::string> inputs;  // positional arguments; empty = stdin
  std::string output_dir;           // -o
  bool check = false;               // --check
  bool explain = false;             // --explain
  bool help = false;
  bool version = false;
  Options options;                  // filled in as flags are parsed
};

// Parses argv into *flags. Returns InvalidArgument with a one-line reason
// for an unknown flag, a missing or bad value, or contradictory flags.
Status ParseFlags(int argc, char** argv, Flags* flags);

// Parses a vector of arguments (without argv[0]); for tests and .args files.
Status ParseFlags(const std::vector<std::string>& args, Flags* flags);

// The --help text: usage, every flag with its default, examples, exit codes.
std::string UsageText();

}  // namespace cleaner

#endif  // CLEANER_CLI_FLAGS_H_
