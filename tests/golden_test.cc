// The golden runner: every testdata/golden/**/<case>.input.<ext> is cleaned
// with default options (or the flags in <case>.args, one per line) and must
// give <case>.expected.txt byte for byte. CLEANER_UPDATE_GOLDEN=1 rewrites
// the expected files instead (cmake --build build --target update-golden);
// git diff testdata/ is then the review. Cases under testdata/known-failures/
// are run too: each is expected to fail, and one that passes fails the test
// so that it is moved into golden/.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "cleaner/cleaner.h"
#include "cleaner/cli/flags.h"
#include "cleaner/util/utf8.h"
#include "tests/test_util.h"

namespace cleaner {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;      // path relative to testdata/, without ".input.<ext>"
  fs::path input, expected, args;
};

std::vector<Case> FindCases(const std::string& sub) {
  std::vector<Case> cases;
  fs::path root = fs::path(CLEANER_TESTDATA_DIR) / sub;
  if (!fs::exists(root)) return cases;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string file = e.path().filename().string();
    size_t at = file.find(".input.");
    if (at == std::string::npos) continue;
    std::string stem = file.substr(0, at);
    Case c;
    c.input = e.path();
    c.expected = e.path().parent_path() / (stem + ".expected.txt");
    c.args = e.path().parent_path() / (stem + ".args");
    c.name = (e.path().parent_path().lexically_relative(CLEANER_TESTDATA_DIR) / stem).string();
    cases.push_back(c);
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

Options OptionsFor(const Case& c) {
  Flags flags;
  if (fs::exists(c.args)) {
    std::vector<std::string> args;
    std::istringstream in(testing::ReadFile(c.args.string()));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') args.push_back(line);
    }
    Status st = ParseFlags(args, &flags);
    INFO(c.args.string() << ": " << st.message());
    REQUIRE(st.ok());
  }
  return flags.options;
}

std::string CleanCase(const Case& c, const Options& options) {
  return testing::Clean(testing::ReadFile(c.input.string()), options, c.input.filename().string());
}

bool IsNfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  return U_SUCCESS(err) && nfc->isNormalized(icu::UnicodeString::fromUTF8(s), err) &&
         U_SUCCESS(err);
}

bool HasStrayControl(const std::string& s) {
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\n' && c != '\t') return true;  // tabs: table cells, <pre>
  }
  return false;
}

TEST_CASE("golden cases give their expected text", "[golden]") {
  const bool update = std::getenv("CLEANER_UPDATE_GOLDEN") != nullptr;
  std::vector<Case> cases = FindCases("golden");
  REQUIRE(!cases.empty());
  for (const Case& c : cases) {
    SECTION(c.name) {
      Options options = OptionsFor(c);
      std::string got = CleanCase(c, options);
      if (update) {
        testing::WriteFile(c.expected.string(), got);
        continue;
      }
      REQUIRE(fs::exists(c.expected));
      std::string want = testing::ReadFile(c.expected.string());
      INFO(c.name << "\n" << testing::ShowDiff(want, got));
      CHECK(got == want);
    }
  }
}

TEST_CASE("golden outputs are valid - NFC - idempotent and deterministic", "[golden][properties]") {
  for (const Case& c : FindCases("golden")) {
    SECTION(c.name) {
      Options options = OptionsFor(c);
      std::string got = CleanCase(c, options);
      CHECK(IsValidUtf8(got));
      CHECK(IsNfc(got));
      CHECK_FALSE(HasStrayControl(got));
      CHECK((got.empty() || (got.back() == '\n' && got.find("\n\n\n") == std::string::npos)));
      CHECK(CleanCase(c, options) == got);  // deterministic
      if (c.input.extension() == ".txt") {
        std::string again = testing::Clean(got, options, "again.txt");
        INFO("cleaning the output again changed it\n" << testing::ShowDiff(got, again));
        CHECK(again == got);
      }
    }
  }
}

TEST_CASE("known failures still fail (move a case to golden/ once it passes)", "[golden]") {
  for (const Case& c : FindCases("known-failures")) {
    Options options = OptionsFor(c);
    std::string got = CleanCase(c, options);
    std::string want = testing::ReadFile(c.expected.string());
    if (got == want) {
      FAIL_CHECK(c.name << " passes now: move it from testdata/known-failures/ to testdata/golden/");
    } else {
      WARN("known failure: " << c.name << "\n" << testing::ShowDiff(want, got));
    }
  }
}

}  // namespace
}  // namespace cleaner
