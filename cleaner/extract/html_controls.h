// C1 controls in HTML text, read before the parser sees them. Part of the
// extract stage (HTML path).
#ifndef CLEANER_EXTRACT_HTML_CONTROLS_H_
#define CLEANER_EXTRACT_HTML_CONTROLS_H_

#include <string>
#include <string_view>

namespace cleaner {

// Whether `html` (valid UTF-8) holds a C1 control (U+0080..U+009F) that
// Windows-1252 gives a character to, or an ESC; if so *out is `html` with
// each such control replaced by that character (U+0093 -> `“`) and each
// terminal escape sequence removed whole (TerminalEscapeLength()). Gumbo
// replaces every C0 and C1 control with U+FFFD: text read as Latin-1 (`â`
// U+0080 U+009C is `“`, which the repair stage restores from `â€œ`) would
// lose its marks for good, and a log in a page would keep `�[1;32m`. Raw
// C1 controls in a UTF-8 page are nearly always such text (a real NEL,
// U+0085, becomes `…`); the reading is ours, the one browsers give the
// references `&#x80;`..`&#x9F;`. The five bytes Windows-1252 leaves
// undefined are left to the parser.
bool C1AsWindows1252(std::string_view html, std::string* out);

}  // namespace cleaner

#endif  // CLEANER_EXTRACT_HTML_CONTROLS_H_
