// C1 controls in HTML text, read before the parser sees them. Part of the
// extract stage (HTML path).
#ifndef CLEANER_EXTRACT_HTML_CONTROLS_H_
#define CLEANER_EXTRACT_HTML_CONTROLS_H_

#include <string>
#include <string_view>

namespace cleaner {

// Whether `html` (valid UTF-8) holds a C1 control (U+0080..U+009F) that
// Windows-1252 gives a character to; if so *out is `html` with each such
// control replaced by that character (U+0093 -> `“`). Gumbo replaces every
// C1 control with U+FFFD, and so would lose `“` of text read as Latin-1
// (`â` U+0080 U+009C is `“`; the repair stage restores it from `â€œ`, and
// browsers read the reference `&#x93;` the same way). The five bytes
// Windows-1252 leaves undefined are left to the parser.
bool C1AsWindows1252(std::string_view html, std::string* out);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_HTML_CONTROLS_H_
