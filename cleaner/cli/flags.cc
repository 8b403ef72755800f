// The flag table and its parser. To add a flag: add a row to kFlags and a
// case to ApplyFlag(); --help picks it up.
#include "cleaner/cli/flags.h"

#include <cstdlib>
#include <cstring>
#include <string_view>

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
     "missing, and exit 1 if any would"},
    {"input-format", 0, "FMT",
     "auto (default: decided from content and extension), text or html"},
    {"no-extract", 0, nullptr,
     "HTML: keep all visible text instead of selecting the main content"},
    {"keep-comments", 0, nullptr, "HTML: keep the user comments below an article"},
    {"filters", 0, "DIR",
     "read rule files from DIR: a file named like a default rule file replaces it,\n"
     "any other *.txt / *.tsv file is added (see filters/README.md)"},
    {"no-filter", 0, nullptr, "keep boilerplate (skip the filter stage)"},
    {"no-repair", 0, nullptr, "do not repair punctuation, quotes, entities or mojibake"},
    {"quotes", 0, "STYLE",
     "auto (default: make each document consistent with its own majority style)\n"
     "or ascii (every quote and apostrophe becomes ' or \")"},
    {"charset", 0, "NAME",
     "decode input without a BOM or transport charset as NAME (default: detect)"},
    {"max-bytes", 0, "N",
     "fail a document larger than N bytes (default 67108864 = 64 MiB)"},
    {"explain", 0, nullptr,
     "print on stderr every decision: charset, dropped lines with their rule,\n"
     "repairs with before/after, metadata found"},
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

Status ApplyFlag(const FlagDef& f, const std::string& value, Flags* flags) {
  std::string_view n = f.name;
  Options& o = flags->options;
  if (n == "output") {
    if (value.empty()) return Status::InvalidArgument("-o needs a folder name");
    flags->output_dir = value;
  } else if (n == "check") {
    flags->check = true;
  } else if (n == "input-format") {
    if (value == "auto") {
      o.input_format = InputFormat::kAuto;
    } else if (value == "text") {
      o.input_format = InputFormat::kText;
    } else if (value == "html") {
      o.input_format = InputFormat::kHtml;
    } else {
      return Status::InvalidArgument("--input-format must be auto, text or html, not '" + value +
                                     "'");
    }
  } else if (n == "no-extract") {
    o.extract.main_content = false;
  } else if (n == "keep-comments") {
    o.extract.keep_comments = true;
  } else if (n == "filters") {
    o.filters_dir = value;
  } else if (n == "no-filter") {
    o.filter.enabled = false;
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
  } else if (n == "charset") {
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
  } else if (n == "explain") {
    flags->explain = true;
  } else if (n == "help") {
    flags->help = true;
  } else if (n == "version") {
    flags->version = true;
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
  if (flags->check && flags->output_dir.empty()) {
    return Status::InvalidArgument("--check needs -o DIR (the folder to compare with)");
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
      "repairs punctuation and quoting, and normalizes (NFC, white space).\n"
      "\n"
      "INPUT is a file or a folder (read recursively, in sorted order; names\n"
      "starting with '.' are skipped). '-' or no INPUT reads standard input.\n"
      "Cleaned text goes to stdout, several documents one after another, or to\n"
      "files under -o DIR.\n"
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
      "  cleaner --explain page.txt > /dev/null  # why each line went\n"
      "  cleaner --quotes ascii --filters my-filters/ page.txt\n"
      "\n"
      "Exit status: 0 all inputs cleaned; 1 at least one input failed (each named\n"
      "on stderr as 'cleaner: INPUT: reason'; the others are still cleaned), or\n"
      "--check found files that would change; 2 usage or configuration error.\n";
  return s;
}

}  // namespace cleaner
