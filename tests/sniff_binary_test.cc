// Tests of binary sniffing (cleaner/decode/sniff_binary.h) and of the CLI
// skipping binary files in a folder (issue 13).
#include "cleaner/decode/sniff_binary.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/test_util.h"

namespace cleaner {
namespace {

using namespace std::literals;

struct SniffRow {
  std::string bytes;
  const char* want;  // nullptr: text
};

TEST_CASE("binary formats are recognized by their magic numbers", "[decode]") {
  const std::vector<SniffRow> rows = {
      {"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s, "PNG image"},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF"s, "JPEG image"},
      {"GIF89a\x01\0"s, "GIF image"},
      {"RIFF\x24\0\0\0WEBPVP8 "s, "WebP image"},
      {"%PDF-1.7\n"s, "PDF document"},
      {"PK\x03\x04\x14\0"s, "zip archive"},
      {"\x1F\x8B\x08\0\0\0"s, "gzip archive"},
      {"BZh91AY&SY"s, "bzip2 archive"},
      {"\xFD"
       "7zXZ\0\0"s,
       "xz archive"},
      {"7z\xBC\xAF\x27\x1C\0\x04"s, "7z archive"},
      {"\x7F"
       "ELF\x02\x01\x01"s,
       "ELF executable"},
      {"\xCF\xFA\xED\xFE\x07\0"s, "Mach-O executable"},
      {"wOF2\0\1\0\0"s, "WOFF2 font"},
      {"\0\0\0\x20"
       "ftypisom"s,
       "MP4/QuickTime video"},
      {"\x1A\x45\xDF\xA3\x01\0"s, "Matroska/WebM video"},
      {"ID3\x04\0\0\0\0"s, "MP3 audio"},
      // `MZ`, and `PE\0\0` where e_lfanew (offset 0x3C) points.
      {"MZ" + std::string(0x3A, '\x90') + "\x40\0\0\0"s + "PE\0\0"s, "PE executable"},
      // Mostly NUL and control bytes without a known header.
      {std::string(64, '\0') + "abc" + std::string(64, '\x01'), "mostly NUL and control bytes"},
  };
  for (const SniffRow& row : rows) {
    INFO("bytes: " << testing::Visible(row.bytes));
    const char* got = SniffBinary(row.bytes);
    REQUIRE(got != nullptr);
    CHECK(std::string(got) == row.want);
  }
}

TEST_CASE("text in any charset is not binary", "[decode]") {
  const std::vector<std::string> texts = {
      "",
      "Plain text.",
      "<!doctype html><p>Hi</p>",
      "BZh is how it starts",
      "ID3 tags",
      "MZ-series camera review, with enough words to pass the header check of a PE file",
      "\xEF\xBB\xBFUTF-8 with a BOM",
      "caf\xE9 cr\xE8me in Latin-1\tand a tab\r\n",
      // UTF-16 without a byte order mark: every other byte NUL.
      "H\0e\0l\0l\0o\0,\0 \0w\0o\0r\0l\0d\0!\0 \0T\0e\0x\0t\0"s,
      "\0H\0e\0l\0l\0o\0,\0 \0w\0o\0r\0l\0d\0!\0 \0T\0e\0x\0t"s,
  };
  for (const std::string& t : texts) {
    INFO("text: " << testing::Visible(t));
    CHECK(SniffBinary(t) == nullptr);
  }
}

TEST_CASE("the control share is counted exactly - wherever the controls stand", "[decode]") {
  // 10 % of controls (other than TAB, LF, FF, CR, ESC) in bytes with no run
  // of text is binary; one fewer is not. Placed at every offset of the
  // 16-byte steps and in the tail, among allowed controls.
  for (size_t len : {16u, 40u, 100u, 1000u}) {
    const size_t need = (len + 9) / 10;
    for (size_t shift = 0; shift < 16; ++shift) {
      std::string s(len, '.');
      for (size_t i = 0; i < len; i += 7) s[i] = "\t\n\f\r\x1B"[i % 5];
      for (size_t k = 0; k < need; ++k) s[(shift + k * 9) % len] = '\x01';
      size_t have = 0;
      for (char c : s) have += c == '\x01';
      INFO("len " << len << " shift " << shift << " controls " << have);
      CHECK((SniffBinary(s) != nullptr) == (have * 10 >= len));
      for (char& c : s) {
        if (c == '\x01') {
          c = '.';
          break;
        }
      }
      CHECK(SniffBinary(s) == nullptr);
    }
  }
}

TEST_CASE("a folder with binary files: pages cleaned - binaries skipped and named", "[cli]") {
  std::string dir = testing::ScratchDir("binary");
  testing::WriteFile(dir + "/in/page.html", "<p>A page of text.</p>");
  testing::WriteFile(dir + "/in/x.png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10"s);
  testing::WriteFile(dir + "/in/y.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"s);
  testing::WriteFile(dir + "/in/z.elf",
                     "\x7F"
                     "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"s);
  auto r = testing::RunCleaner({"--stats", "-o", dir + "/out", dir + "/in"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("cleaner: " + dir + "/in/x.png: binary file (PNG image), skipped") !=
        std::string::npos);
  CHECK(r.err.find("y.pdf: binary file (PDF document), skipped") != std::string::npos);
  CHECK(r.err.find("z.elf: binary file (ELF executable), skipped") != std::string::npos);
  CHECK(r.err.find("3 skipped (binary 3)") != std::string::npos);
  CHECK(testing::ReadFile(dir + "/out/page.txt") == "A page of text.\n");
  // --binary clean cleans it anyway.
  auto c = testing::RunCleaner({"--binary", "clean", dir + "/in/x.png"});
  CHECK(c.exit_code == 0);
  CHECK(c.err.find("skipped") == std::string::npos);
}

}  // namespace
}  // namespace cleaner
