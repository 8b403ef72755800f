// Stage 1, decode: bytes -> valid UTF-8. Follows the WHATWG order of
// evidence: a byte order mark, then the transport's charset (HTTP header,
// WARC), then a <meta charset> prescan of the first 1024 bytes, then the
// content itself (valid UTF-8; UTF-16 without BOM; a statistical guess),
// then the fallback, Windows-1252. Guarantees to the next stage: the text is
// valid UTF-8 without a BOM; every byte that could not be decoded became
// U+FFFD and was counted in Stats::invalid_sequences.
#ifndef CLEANER_STAGES_DECODE_H_
#define CLEANER_STAGES_DECODE_H_

#include <string>
#include <string_view>

#include "cleaner/block.h"
#include "cleaner/cleaner.h"
#include "cleaner/options.h"

namespace cleaner {

// Decodes `in.bytes` into *utf8. Sets doc.metadata->charset (the WHATWG name
// of the encoding used, e.g. "utf-8", "windows-1252", "shift_jis") and
// charset_source ("bom", "transport", "meta", "utf8-valid", "utf16-sniffed",
// "utf8-mostly", "detector", "fallback", "option"), and reports both.
// Never fails on bad bytes; returns InvalidArgument only for an unknown
// DecodeOptions::default_charset.
Status Decode(const RawDocument& in, const DecodeOptions& options, const DocumentInfo& doc,
              std::string* utf8);

// Returns the charset named by a Content-Type value ("text/html;
// charset=ISO-8859-1" -> "iso-8859-1", lower-cased), or "" if none.
std::string CharsetFromContentType(std::string_view content_type);

// Returns the charset declared by a <meta charset> or <meta http-equiv
// content-type> in the first 1024 bytes of `bytes` (the HTML spec's
// "prescan a byte stream to determine its encoding", simplified), or "".
std::string PrescanMetaCharset(std::string_view bytes);

// Maps a charset label to the WHATWG encoding name ("latin1" and
// "iso-8859-1" -> "windows-1252", "utf8" -> "utf-8", ...). Unknown labels are
// returned lower-cased and trimmed.
std::string CanonicalCharset(std::string_view label);

// Whether Decode() can decode text declared as `label` (a WHATWG label or
// an ICU converter name). For checking a user's --charset once, up front.
bool IsSupportedCharset(std::string_view label);

// Decodes Windows-1252 as the WHATWG Encoding Standard defines it (every byte
// maps to a code point; 0x81, 0x8D, 0x8F, 0x90, 0x9D map to C1 controls).
std::string DecodeWindows1252(std::string_view bytes);

}  // namespace cleaner

#endif  // CLEANER_STAGES_DECODE_H_
