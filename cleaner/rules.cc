// Reading and splitting the rule files of filters/.
#include "cleaner/rules.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cleaner/util/utf8.h"

namespace cleaner {

// Defined in the generated embedded_filters.cc.
extern const std::vector<RuleFile>& EmbeddedRuleFiles();

std::string RuleLine::Origin() const {
  // Written into a buffer and copied once: a rule keeps its origin, and
  // there are thousands of rules.
  const std::string_view name = file ? std::string_view(file->name) : std::string_view("?");
  constexpr std::string_view kDir = "filters/";
  char buf[256];
  const size_t number_room = 12;  // ':' and an int
  if (name.size() > sizeof(buf) - kDir.size() - number_room) {
    return std::string(kDir) + std::string(name) + ":" + std::to_string(line);
  }
  char* p = buf;
  std::memcpy(p, kDir.data(), kDir.size());
  p += kDir.size();
  std::memcpy(p, name.data(), name.size());
  p += name.size();
  *p++ = ':';
  if (line >= 0 && line < 100000) {
    // What std::to_chars writes, without its general machinery (which
    // cost as much as the rest here).
    unsigned n = static_cast<unsigned>(line);
    const size_t digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : 5;
    p += digits;
    for (char* d = p; d != p - digits; n /= 10) *--d = static_cast<char>('0' + n % 10);
  } else {
    p = std::to_chars(p, buf + sizeof(buf), line).ptr;
  }
  return std::string(buf, static_cast<size_t>(p - buf));
}

Status RuleLine::Error(std::string_view message) const {
  return Status::InvalidArgument(Origin() + ": " + std::string(message));
}

bool ParseRuleNumber(std::string_view field, double lo, double hi, double* out) {
  const std::string s(field);
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end != s.c_str() && *end == '\0' && *out >= lo && *out <= hi;
}

const std::vector<RuleFile>& DefaultRuleFiles() { return EmbeddedRuleFiles(); }

Status LoadRuleFiles(const std::string& dir, std::vector<RuleFile>* out) {
  *out = DefaultRuleFiles();
  if (dir.empty()) return Status::OK();
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Status::IoError(dir + ": not a readable folder of rule files");
  }
  std::vector<fs::path> paths;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string ext = p.extension().string();
    if ((ext == ".txt" || ext == ".tsv") && it->is_regular_file(ec)) paths.push_back(p);
  }
  if (ec) return Status::IoError(dir + ": " + ec.message());
  std::sort(paths.begin(), paths.end());
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError(p.string() + ": cannot read");
    std::ostringstream ss;
    ss << in.rdbuf();
    RuleFile file{p.filename().string(), ss.str()};
    auto same = std::find_if(out->begin(), out->end(),
                             [&](const RuleFile& f) { return f.name == file.name; });
    if (same != out->end()) {
      *same = std::move(file);
    } else {
      out->push_back(std::move(file));
    }
  }
  std::sort(out->begin(), out->end(),
            [](const RuleFile& a, const RuleFile& b) { return a.name < b.name; });
  return Status::OK();
}

namespace {

constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
constexpr uint64_t k01 = 0x0101010101010101ULL;
constexpr uint64_t k7F = 0x7F * k01, k80 = 0x80 * k01;

// 0x80 in each byte of `v` that is below 0x0B (TAB and '\n' among them), 0
// in every other: (b & 0x7F) + 0x75 reaches 0x80 exactly when b & 0x7F >=
// 0x0B, no byte's sum carries into the next (0x7F + 0x75 < 0x100), and
// "| v" sets the top bit of the bytes from 0x80 up.
inline uint64_t LowControlBytes(uint64_t v) { return ~(((v & k7F) + 0x75 * k01) | v) & k80; }

}  // namespace

RuleLineReader::RuleLineReader(const RuleFile& file) { line_.file = &file; }

bool RuleLineReader::Next(Status* status) {
  const std::string_view text = line_.file->text;
  if (!checked_) {
    checked_ = true;
    // Lines are split at '\n' and lose a trailing '\r', both ASCII, which
    // no multi-byte sequence contains: the file is valid UTF-8 exactly when
    // each of its lines is, so the whole is checked at once and the lines
    // only when it fails, to name the first bad one.
    if (!IsValidUtf8(text)) {
      int line_no = 0;
      for (size_t pos = 0; pos < text.size();) {
        size_t nl = text.find('\n', pos);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!IsValidUtf8(line)) {
          line_.line = line_no;
          line_.fields.clear();
          *status = line_.Error("not valid UTF-8");
          pos_ = text.size();
          return false;
        }
      }
    }
  }
  const size_t size = text.size();
  while (pos_ < size) {
    const size_t begin = pos_;
    size_t first = begin;  // the first byte that is not a blank
    while (first < size && (text[first] == ' ' || text[first] == '\t')) ++first;
    if (first < size && text[first] == '#') {
      // A comment line, whatever follows: skipped whole.
      const size_t nl = text.find('\n', first);
      pos_ = nl == std::string_view::npos ? size : nl + 1;
      ++line_.line;
      continue;
    }
    // The fields up to the line's last, found in one scan, sixteen bytes
    // a step with SSE2, else eight, then one by one at the end of the text:
    // rule lines are short, and a call of memchr per field cost more than
    // the scan.
    line_.fields.clear();
    size_t start = begin;  // of the current field
    size_t at = begin;     // the line's end: '\n' or the end of the text
    // Takes the TABs among the bytes from `at` whose bits are set in
    // `hits` (one bit per byte at `bits` bits a byte, lowest first; a bit
    // may stand for another byte, which is skipped); true, with `at` set,
    // if a '\n' was among them.
    auto take = [&](uint64_t hits, int bits) {
      for (; hits != 0; hits &= hits - 1) {
        const size_t i = at + static_cast<size_t>(__builtin_ctzll(hits) / bits);
        if (text[i] == '\t') {
          line_.fields.push_back(text.substr(start, i - start));
          start = i + 1;
        } else if (text[i] == '\n') {
          at = i;
          return true;
        }
      }
      return false;
    };
    while (true) {
#if defined(__SSE2__)
      if (at + 16 <= size) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
        const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                         _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
        if (take(static_cast<uint32_t>(_mm_movemask_epi8(hit)), 1)) break;
        at += 16;
        continue;
      }
#endif
      if (kLittleEndian && at + 8 <= size) {
        uint64_t v;
        std::memcpy(&v, text.data() + at, 8);
        if (take(LowControlBytes(v), 8)) break;
        at += 8;
      } else {
        if (at == size || text[at] == '\n') break;
        if (text[at] == '\t') {
          line_.fields.push_back(text.substr(start, at - start));
          start = at + 1;
        }
        ++at;
      }
    }
    pos_ = at + 1;
    ++line_.line;
    std::string_view line = text.substr(begin, at - begin);
    std::string_view last = text.substr(start, at - start);  // the end of `line`
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
      last.remove_suffix(1);
    }
    if (first - begin == line.size()) continue;  // blank (a comment line was skipped above)
    line_.fields.push_back(last);
    return true;
  }
  return false;
}

std::vector<const RuleFile*> RuleFilesWithPrefix(const std::vector<RuleFile>& files,
                                                 std::string_view prefix) {
  std::vector<const RuleFile*> found;
  for (const RuleFile& f : files) {
    if (f.name.compare(0, prefix.size(), prefix) == 0) found.push_back(&f);
  }
  return found;
}

}  // namespace cleaner
