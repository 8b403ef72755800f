// Binary input is not text: recognizes a document whose bytes are a known
// binary format by its magic number (images, archives, PDF, executables,
// fonts, audio and video containers), or that is mostly NUL and control
// bytes, so that the pipeline skips it instead of "cleaning" `‰PNG IHDR…`
// out of it. Part of the decode stage; a pure function.
#ifndef CLEANER_DECODE_SNIFF_BINARY_H_
#define CLEANER_DECODE_SNIFF_BINARY_H_

#include <string_view>

namespace cleaner {

// Returns the name of the binary format `bytes` is in ("PNG image", "ELF
// executable", "mostly control bytes", ...), or nullptr for text (any
// charset, UTF-16 with or without a byte order mark included). The name is
// a string literal.
const char* SniffBinary(std::string_view bytes);

}  // namespace cleaner

#endif  // CLEANER_DECODE_SNIFF_BINARY_H_
