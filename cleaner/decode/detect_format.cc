// Format detection: HTML or scraped text.
#include "cleaner/decode/detect_format.h"

#include <algorithm>
#include <string>

#include "cleaner/util/ascii.h"

namespace cleaner {

InputFormat DetectFormat(std::string_view utf8, std::string_view name,
                         std::string_view content_type) {
  std::string ct = AsciiLower(content_type);
  if (ct.find("html") != std::string::npos) return InputFormat::kHtml;
  if (ct.find("text/plain") != std::string::npos) return InputFormat::kText;

  std::string head = AsciiLower(utf8.substr(0, 4096));
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start != std::string::npos) {
    std::string_view h = std::string_view(head).substr(start);
    for (const char* p : {"<!doctype html", "<html", "<head", "<body", "<!--", "<?xml"}) {
      if (h.rfind(p, 0) == 0) return InputFormat::kHtml;
    }
  }
  // A fragment: several distinct block-level tags near the start. Three,
  // because prose about HTML mentions one or two.
  int tags = 0;
  for (const char* t : {"<p>", "<p ", "<div", "<br", "<span", "<a href", "<meta", "<title",
                        "<script", "<table", "<li", "<h1", "<h2"}) {
    tags += head.find(t) != std::string::npos;
  }
  if (tags >= 3) return InputFormat::kHtml;
  std::string n = AsciiLower(name);
  if (EndsWith(n, ".html") || EndsWith(n, ".htm") || EndsWith(n, ".xhtml")) {
    // The extension says HTML; trust it if there is any tag at all.
    if (head.find('<') != std::string::npos && head.find('>') != std::string::npos)
      return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

}  // namespace cleaner
