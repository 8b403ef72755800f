// Fuzz target for the whole document pipeline (decode, detect, extract or
// segment, filter, repair, normalize). The first byte picks the options, the
// rest is the document, capped at 64 KiB (re2's habit of bounding the work
// per input, sized for web pages). Checks the output properties every
// document must have: valid UTF-8, no C0 control but '\n', no trailing
// spaces, no run of more than one blank line, a final '\n' when not empty.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "cleaner/cleaner.h"
#include "cleaner/util/utf8.h"

namespace {

const cleaner::Cleaner* CleanerFor(uint8_t selector) {
  static const cleaner::Cleaner* cache[32] = {};
  selector &= 31;
  if (cache[selector] == nullptr) {
    cleaner::Options o;
    o.input_format = selector & 1 ? cleaner::InputFormat::kHtml
                                  : (selector & 2 ? cleaner::InputFormat::kText
                                                  : cleaner::InputFormat::kAuto);
    o.extract.main_content = !(selector & 4);
    o.repair.quotes = selector & 8 ? cleaner::QuoteStyle::kAscii : cleaner::QuoteStyle::kAuto;
    if (selector & 16) {  // Markdown with front matter, blocks, links and images
      o.output.form = cleaner::TextForm::kMarkdown;
      o.output.front_matter = true;
      o.output.keep_blocks = true;
      o.extract.links = o.extract.images = true;
    }
    std::unique_ptr<cleaner::Cleaner> c;
    if (!cleaner::Cleaner::Create(o, &c).ok()) std::abort();
    cache[selector] = c.release();
  }
  return cache[selector];
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr size_t kMaxInput = 64 * 1024;
  const cleaner::Cleaner* c = CleanerFor(data[0]);
  cleaner::RawDocument raw;
  raw.name = "fuzz";
  raw.bytes.assign(reinterpret_cast<const char*>(data + 1), std::min(size - 1, kMaxInput));
  cleaner::Document doc;
  cleaner::Status st = c->Clean(raw, &doc);
  if (!st.ok()) return 0;  // a named error is an allowed outcome
  const std::string& t = doc.text;
  Check(cleaner::IsValidUtf8(t));
  if (t.empty()) return 0;
  Check(t.back() == '\n');
  if (data[0] & 16) return 0;  // Markdown: code blocks keep blank lines
  Check(t.find("\n\n\n") == std::string::npos);
  Check(t.front() != '\n');
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(t[i]);
    Check(ch >= 0x20 || ch == '\n' || ch == '\t');  // tabs: table cells, <pre>
    // No trailing spaces. (Leading ones are allowed: <pre> keeps its
    // indentation.)
    if (ch == '\n') Check(i == 0 || t[i - 1] != ' ');
  }
  return 0;
}
