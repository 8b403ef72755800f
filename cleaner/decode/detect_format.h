// Stage 1b, format detection: decides whether a decoded document is an HTML
// page or scraped text, so that the pipeline picks the extractor (2a) or the
// text splitter (2b).
#ifndef CLEANER_STAGES_DETECT_FORMAT_H_
#define CLEANER_STAGES_DETECT_FORMAT_H_

#include <string_view>

#include "cleaner/options.h"

namespace cleaner {

// Returns kHtml or kText. Evidence, strongest first: a content type
// ("text/html", "application/xhtml+xml" vs "text/plain"); markup at the start
// of the content (<!DOCTYPE html>, <html>, <head>, <body>, a comment, or
// several known block tags in the first 4 KiB); the file extension
// (.html, .htm, .xhtml). Text that merely mentions a tag stays text.
InputFormat DetectFormat(std::string_view utf8, std::string_view name,
                         std::string_view content_type);

}  // namespace cleaner

#endif  // CLEANER_STAGES_DETECT_FORMAT_H_
