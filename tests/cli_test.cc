// Tests that run the built cleaner binary: stdin/stdout/stderr, exit codes,
// -o and --check, a closed pipe.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>

#include "tests/test_util.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunCleaner;
using testing::WriteFile;

const std::string kSeed = std::string(CLEANER_TESTDATA_DIR) +
                          "/golden/seeds/004_36acd91101b04fdf.input.txt";

TEST_CASE("stdin and a file argument give the same bytes", "[cli]") {
  auto from_file = RunCleaner({kSeed});
  auto from_stdin = RunCleaner({}, kSeed);
  auto from_dash = RunCleaner({"-"}, kSeed);
  CHECK(from_file.exit_code == 0);
  CHECK(from_file.err.empty());
  CHECK_FALSE(from_file.out.empty());
  CHECK(from_stdin.out == from_file.out);
  CHECK(from_dash.out == from_file.out);
}

TEST_CASE("a missing input fails with exit 1 and the others are still cleaned", "[cli]") {
  std::string dir = testing::ScratchDir("missing");
  WriteFile(dir + "/in/good.txt", "A good paragraph.\n");
  auto r = RunCleaner({"-o", dir + "/out", dir + "/in/good.txt", dir + "/nope.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("cleaner: " + dir + "/nope.txt: ") != std::string::npos);
  CHECK(ReadFile(dir + "/out/good.txt") == "A good paragraph.\n");
}

TEST_CASE("a bad flag is a usage error - exit 2", "[cli]") {
  auto r = RunCleaner({"--no-such-flag"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("unknown option") != std::string::npos);
}

TEST_CASE("help and version exit 0 on stdout", "[cli]") {
  auto h = RunCleaner({"--help"});
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("Usage: cleaner") != std::string::npos);
  auto v = RunCleaner({"--version"});
  CHECK(v.exit_code == 0);
  CHECK(v.out.rfind("cleaner ", 0) == 0);
}

TEST_CASE("output folder mirrors a folder and names a file's output after it", "[cli]") {
  std::string dir = testing::ScratchDir("mirror");
  WriteFile(dir + "/pages/a/b.html", "<p>Inside b.</p>");
  WriteFile(dir + "/pages/c.txt", "Inside c.");
  WriteFile(dir + "/pages/.hidden.txt", "skipped");
  WriteFile(dir + "/x.html", "<p>Inside x.</p>");
  auto r = RunCleaner({"-o", "out", "pages", "x.html"}, "", dir);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(ReadFile(dir + "/out/a/b.txt") == "Inside b.\n");
  CHECK(ReadFile(dir + "/out/c.txt") == "Inside c.\n");
  CHECK(ReadFile(dir + "/out/x.txt") == "Inside x.\n");
  CHECK_FALSE(fs::exists(dir + "/out/.hidden.txt"));
}

TEST_CASE("two inputs that would write the same file are an error - not an overwrite", "[cli]") {
  std::string dir = testing::ScratchDir("collide");
  WriteFile(dir + "/a/x.html", "<p>First.</p>");
  WriteFile(dir + "/b/x.txt", "Second.");
  auto r = RunCleaner({"-o", "out", "a/x.html", "b/x.txt"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("b/x.txt") != std::string::npos);
  CHECK(ReadFile(dir + "/out/x.txt") == "First.\n");
}

TEST_CASE("check mode answers 0 when fresh and 1 after an edit - writing nothing", "[cli]") {
  std::string dir = testing::ScratchDir("check");
  WriteFile(dir + "/pages/p.txt", "Some text.");
  REQUIRE(RunCleaner({"-o", "fix", "pages"}, "", dir).exit_code == 0);
  auto fresh = RunCleaner({"-o", "fix", "--check", "pages"}, "", dir);
  CHECK(fresh.exit_code == 0);
  CHECK(fresh.out.empty());
  WriteFile(dir + "/fix/p.txt", "edited\n");
  auto stale = RunCleaner({"-o", "fix", "--check", "pages"}, "", dir);
  CHECK(stale.exit_code == 1);
  CHECK(stale.out.find("would change: fix/p.txt") != std::string::npos);
  CHECK(ReadFile(dir + "/fix/p.txt") == "edited\n");
  fs::remove(dir + "/fix/p.txt");
  auto missing = RunCleaner({"-o", "fix", "--check", "pages"}, "", dir);
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find("missing: fix/p.txt") != std::string::npos);
  CHECK_FALSE(fs::exists(dir + "/fix/p.txt"));
}

TEST_CASE("a closed stdout ends quietly with exit 0", "[cli]") {
  std::string dir = testing::ScratchDir("pipe");
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Paragraph number " + std::to_string(i) + " of a long text.\n";
  WriteFile(dir + "/big.txt", big);
  std::string cmd = "cd '" + dir + "' && bash -c 'set -o pipefail; \"" CLEANER_BINARY
                    "\" big.txt big.txt 2> err.txt | head -c 10 > /dev/null'";
  int status = std::system(cmd.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(ReadFile(dir + "/err.txt").empty());
}

TEST_CASE("a malformed --filters folder is a configuration error - exit 2", "[cli]") {
  auto r = RunCleaner({"--filters", "/nonexistent/folder"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/nonexistent/folder") != std::string::npos);
}


TEST_CASE("documents on stdout are told apart by --separator or -0", "[cli]") {
  std::string dir = testing::ScratchDir("separator");
  WriteFile(dir + "/p/a.txt", "First document.");
  WriteFile(dir + "/p/b.txt", "");  // cleans to nothing
  WriteFile(dir + "/p/c.txt", "Third document.");
  auto blank = RunCleaner({"p"}, "", dir);
  CHECK(blank.out == "First document.\n\nThird document.\n");
  auto sep = RunCleaner({"--separator", "\\n--8<--\\n", "p"}, "", dir);
  CHECK(sep.exit_code == 0);
  CHECK(sep.out == "First document.\n\n--8<--\nThird document.\n");
  auto hex = RunCleaner({"--separator=\\x1e", "p"}, "", dir);
  CHECK(hex.out == "First document.\n\x1eThird document.\n");
  // -0: every document, the empty one and a missing one too, ends with NUL.
  auto nul = RunCleaner({"-0", "p", "missing.txt"}, "", dir);
  CHECK(nul.exit_code == 1);
  CHECK(nul.out == std::string("First document.\n\0\0Third document.\n\0\0", 36));
  auto md = RunCleaner({"--null", "--output-format", "markdown", "p/a.txt"}, "", dir);
  CHECK(md.out == std::string("First document.\n\0", 17));
}

TEST_CASE("separators are for stdout text - a bad escape is a usage error", "[cli]") {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--separator", "\\q"}, {"--separator", "x\\"},
        {"-0", "--separator", "x"}, {"-0", "-o", "out"}, {"--separator", "x", "-o", "out"},
        {"-0", "--output-format", "jsonl"}, {"-q", "--stats"}, {"--diff"}}) {
    auto r = RunCleaner(args);
    INFO(args[0]);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
}

TEST_CASE("quiet mode (-q) leaves out the summary and notices - not the errors", "[cli]") {
  std::string dir = testing::ScratchDir("quiet");
  WriteFile(dir + "/p/a.txt", "A paragraph.");
  WriteFile(dir + "/p/x.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  auto loud = RunCleaner({"--stats", "p"}, "", dir);
  CHECK(loud.err.find("summary") != std::string::npos);
  CHECK(loud.err.find("x.png: binary file") != std::string::npos);
  auto quiet = RunCleaner({"-q", "p", "missing.txt"}, "", dir);
  CHECK(quiet.exit_code == 1);
  CHECK(quiet.out == "A paragraph.\n");
  CHECK(quiet.err == "cleaner: missing.txt: " + quiet.err.substr(22));
  CHECK(quiet.err.find('\n') == quiet.err.size() - 1);  // that one line only
  auto jsonl = RunCleaner({"--quiet", "--output-format", "jsonl", "p"}, "", dir);
  CHECK(jsonl.exit_code == 0);
  CHECK(jsonl.err.empty());
}

TEST_CASE("check mode lists stale files whose input is gone - and diffs with --diff", "[cli]") {
  std::string dir = testing::ScratchDir("check-stale");
  WriteFile(dir + "/pages/p.txt", "Some text.\n\nA second paragraph.");
  WriteFile(dir + "/pages/sub/q.txt", "Other text.");
  REQUIRE(RunCleaner({"-o", "fix", "pages"}, "", dir).exit_code == 0);
  WriteFile(dir + "/fix/gone.txt", "an output whose input was removed\n");
  WriteFile(dir + "/fix/sub/old.txt", "another\n");
  WriteFile(dir + "/fix/README", "not an output: other extension\n");
  auto r = RunCleaner({"-o", "fix", "--check", "pages"}, "", dir);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "stale: fix/gone.txt\nstale: fix/sub/old.txt\n");
  fs::remove(dir + "/fix/gone.txt");
  fs::remove(dir + "/fix/sub/old.txt");
  CHECK(RunCleaner({"-o", "fix", "--check", "pages"}, "", dir).exit_code == 0);
  // A shard sees part of the inputs: it lists no stale files.
  WriteFile(dir + "/fix/gone.txt", "x\n");
  CHECK(RunCleaner({"-o", "fix", "--check", "--shard", "0/1", "pages"}, "", dir).exit_code == 1);
  CHECK(RunCleaner({"-o", "fix", "--check", "--shard", "0/2", "pages"}, "", dir).out.empty());
  fs::remove(dir + "/fix/gone.txt");
  WriteFile(dir + "/fix/p.txt", "Some text.\n\nAn edited paragraph.\n");
  auto d = RunCleaner({"-o", "fix", "--check", "--diff", "pages"}, "", dir);
  CHECK(d.exit_code == 1);
  CHECK(d.out ==
        "would change: fix/p.txt\n"
        "--- fix/p.txt\t(in the folder)\n"
        "+++ fix/p.txt\t(cleaned now)\n"
        "@@ -1,3 +1,3 @@\n"
        " Some text.\n"
        " \n"
        "-An edited paragraph.\n"
        "+A second paragraph.\n");
  // Markdown: .md files are the outputs; the file of an input that is
  // there but fails (p.txt, over --max-bytes) is not stale.
  REQUIRE(RunCleaner({"--output-format", "markdown", "-o", "md", "pages"}, "", dir).exit_code == 0);
  WriteFile(dir + "/md/old.md", "stale\n");
  WriteFile(dir + "/md/notes.txt", "not Markdown output\n");
  auto m = RunCleaner(
      {"--output-format", "markdown", "-o", "md", "--check", "--max-bytes", "20", "pages"}, "",
      dir);
  CHECK(m.exit_code == 1);
  CHECK(m.err.find("p.txt") != std::string::npos);
  CHECK(m.out == "stale: md/old.md\n");
}

TEST_CASE("WARC pages under -o are named after their URL - not their record id", "[cli]") {
  std::string dir = testing::ScratchDir("warc-names");
  auto r = RunCleaner({"-o", dir + "/out", std::string(CLEANER_TESTDATA_DIR) + "/warc/basic.warc"});
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir + "/out/basic/news.example/harbour.txt"));
  CHECK(fs::exists(dir + "/out/basic/news.example/library.txt"));
  for (const auto& e : fs::recursive_directory_iterator(dir + "/out")) {
    CHECK(e.path().string().find("urn") == std::string::npos);
  }
}
}  // namespace
}  // namespace cleaner

namespace cleaner {
namespace {

// Runs a shell command in `dir`; returns its exit status (-1: a signal).
int Shell(const std::string& dir, const std::string& cmd) {
  int status = std::system(("cd '" + dir + "' && " + cmd).c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_CASE("the output folder (-o) never follows a symbolic link inside it", "[cli]") {
  // Issue 14.7: `ln -s /elsewhere out/a; cleaner -o out pages/` wrote
  // /elsewhere/x.txt.
  std::string dir = testing::ScratchDir("symlink");
  fs::create_directories(dir + "/pages/a");
  fs::create_directories(dir + "/elsewhere");
  fs::create_directories(dir + "/out");
  WriteFile(dir + "/pages/a/x.txt", "A paragraph that must not leave the output folder.\n");
  WriteFile(dir + "/pages/b.txt", "Another paragraph, written where it belongs.\n");
  fs::create_directory_symlink(dir + "/elsewhere", dir + "/out/a");
  auto r = RunCleaner({"-o", dir + "/out", dir + "/pages"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("symbolic link") != std::string::npos);
  CHECK(fs::is_empty(dir + "/elsewhere"));
  CHECK(fs::exists(dir + "/out/b.txt"));  // the other input is still written
  // A link planted where the file itself goes is replaced, not written through.
  fs::remove(dir + "/out/a");
  fs::remove(dir + "/out/b.txt");
  fs::create_symlink(dir + "/elsewhere/target.txt", dir + "/out/b.txt");
  r = RunCleaner({"-o", dir + "/out", dir + "/pages"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(fs::exists(dir + "/elsewhere/target.txt"));
  CHECK_FALSE(fs::is_symlink(dir + "/out/b.txt"));
}

TEST_CASE("a failed write names the system's reason and leaves no temporary file", "[cli]") {
  // Issue 14.8: a full disk left *.txt.tmp-cleaner files and said no why.
  std::string dir = testing::ScratchDir("fullwrite");
  std::string big;
  for (int i = 0; i < 4000; ++i) big += "Paragraph number " + std::to_string(i) + " of a long text.\n";
  WriteFile(dir + "/big.txt", big);
  WriteFile(dir + "/small.txt", "A short paragraph.\n");
  // A 64 KiB file-size limit: big.txt's output cannot be written.
  int code = Shell(dir, "(trap '' XFSZ; ulimit -f 64; \"" CLEANER_BINARY
                        "\" -o out big.txt small.txt 2> err.txt)");
  CHECK(code == 1);
  std::string err = ReadFile(dir + "/err.txt");
  CHECK(err.find("File too large") != std::string::npos);
  CHECK(fs::exists(dir + "/out/small.txt"));
  CHECK_FALSE(fs::exists(dir + "/out/big.txt"));
  for (const auto& e : fs::directory_iterator(dir + "/out")) {
    CHECK(e.path().string().find("tmp-cleaner") == std::string::npos);
  }
  // A full standard output is an error too, not a quiet success.
  code = Shell(dir, "\"" CLEANER_BINARY "\" small.txt > /dev/full 2> err2.txt");
  CHECK(code == 1);
  CHECK(ReadFile(dir + "/err2.txt").find("No space left on device") != std::string::npos);
}

// --report FILE.html (issue 15.4). What the page looks like in a browser:
// tests/report_browser_test.py.
TEST_CASE("the report (--report) is one page for the run - documents in input order", "[cli][report]") {
  std::string dir = testing::ScratchDir("report");
  const std::string data = CLEANER_TESTDATA_DIR;
  std::vector<std::string> inputs = {data + "/sample/report.html", data + "/sample/pages.jsonl",
                                     data + "/warc/basic.warc.gz", kSeed};
  std::vector<std::string> args = {"--report", dir + "/r1.html"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  auto plain = RunCleaner(std::vector<std::string>(args.begin() + 2, args.end()));
  auto one = RunCleaner(args);
  CHECK(one.exit_code == 0);
  CHECK(one.out == plain.out);  // the report changes nothing else
  // The summary, but for its timings.
  CHECK(one.err.substr(0, one.err.find("; ")) == plain.err.substr(0, plain.err.find("; ")));
  std::string html = ReadFile(dir + "/r1.html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("filters/line_filter_share.txt:") != std::string::npos);
  CHECK(html.find("<b class=\"page-kind\">article</b>") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  // Sections in input order: the page, the JSON lines, the WARC records, the seed.
  size_t page = html.find("<h2>" + inputs[0]), jsonl = html.find("(id mill-1)</h2>"),
         warc = html.find("<h2>" + inputs[2] + "#"), seed = html.find("<h2>" + kSeed);
  REQUIRE(page != std::string::npos);
  REQUIRE(jsonl != std::string::npos);
  REQUIRE(warc != std::string::npos);
  REQUIRE(seed != std::string::npos);
  CHECK((page < jsonl && jsonl < warc && warc < seed));
  // The same bytes with -j 3 and with -o DIR.
  args[1] = dir + "/r3.html";
  args.insert(args.begin(), {"-j", "3", "-o", dir + "/out"});
  CHECK(RunCleaner(args).exit_code == 0);
  CHECK(ReadFile(dir + "/r3.html") == html);
}

TEST_CASE("an unwritable report file is named: exit 2 before any input - 1 when a write fails",
          "[cli][report]") {
  std::string dir = testing::ScratchDir("report_err");
  auto r = RunCleaner({"--report", dir + "/no/such/folder/r.html", kSeed});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("cleaner: --report " + dir +
                   "/no/such/folder/r.html: cannot write: No such file or directory") !=
        std::string::npos);
  r = RunCleaner({"--report", "/dev/full", kSeed});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(r.out.empty());
  CHECK(r.err.find("cleaner: --report /dev/full: cannot write: No space left on device") !=
        std::string::npos);
  r = RunCleaner({"--report", "", kSeed});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--report needs a file name") != std::string::npos);
}

}  // namespace
}  // namespace cleaner
