// Stage 1, decode. See decode.h for the order of evidence.
#include "cleaner/decode/decode.h"
#include "cleaner/util/ascii.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

#include "cleaner/util/utf8.h"

namespace cleaner {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '"' ||
                        s.front() == '\''))
    s.remove_prefix(1);
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '"' ||
                        s.back() == '\''))
    s.remove_suffix(1);
  return s;
}

// Windows-1252 bytes 0x80..0x9F (WHATWG index-windows-1252).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// ICU to-Unicode callback: substitute U+FFFD and count each bad sequence.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*,
                        int32_t, UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset/close/clone: nothing to do
  ++*static_cast<uint64_t*>(const_cast<void*>(context));
  static const UChar kFffd = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

// Decodes with ICU; returns false if ICU has no converter for `charset`.
bool DecodeWithIcu(std::string_view bytes, const std::string& charset, std::string* out,
                   uint64_t* invalid) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset.c_str(), &err));
  if (U_FAILURE(err) || !conv) return false;
  ucnv_setToUCallBack(conv.get(), CountingSubstitute, invalid, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return false;
  std::vector<UChar> u16(bytes.size() * 2 + 16);
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  UChar* dst = u16.data();
  size_t done = 0;
  while (true) {
    err = U_ZERO_ERROR;
    UChar* dst_end = u16.data() + u16.size();
    ucnv_toUnicode(conv.get(), &dst, dst_end, &src, src_end, nullptr, /*flush=*/true, &err);
    done = dst - u16.data();
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    u16.resize(u16.size() * 2);
    dst = u16.data() + done;
  }
  if (U_FAILURE(err)) return false;
  out->clear();
  out->reserve(done * 3 / 2);
  int32_t i = 0;
  while (i < static_cast<int32_t>(done)) {
    UChar32 c;
    U16_NEXT(u16.data(), i, static_cast<int32_t>(done), c);
    if (U_IS_SURROGATE(c)) {
      c = 0xFFFD;
      ++*invalid;
    }
    AppendUtf8(static_cast<char32_t>(c), out);
  }
  return true;
}

// Counts well-formed multi-byte sequences and ill-formed ones.
void CountUtf8(std::string_view s, size_t* multibyte, size_t* invalid) {
  *multibyte = *invalid = 0;
  size_t pos = 0;
  while ((pos = SkipAscii(s, pos)) < s.size()) {
    size_t start = pos;
    char32_t cp = NextCodePoint(s, &pos);
    bool bad = cp == 0xFFFD && !(pos - start == 3 && static_cast<unsigned char>(s[start]) == 0xEF);
    if (bad) {
      ++*invalid;
    } else {
      ++*multibyte;
    }
  }
}

// UTF-16 without a BOM shows as NUL bytes at every other position in text
// that is mostly ASCII. Returns "utf-16le", "utf-16be" or "".
std::string SniffUtf16(std::string_view s) {
  size_t n = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  if (n < 8) return "";
  // Text without a NUL byte (nearly all) is not UTF-16: memchr finds that
  // faster than the count below, which would give 0 and 0.
  if (std::memchr(s.data(), 0, n) == nullptr) return "";
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += s[i] == 0;
    odd_nul += s[i + 1] == 0;
  }
  size_t pairs = n / 2;
  // 0.4: ASCII-heavy UTF-16 has a NUL in nearly every pair; binary junk
  // rarely has NULs on one side only.
  if (odd_nul > pairs * 4 / 10 && even_nul <= pairs / 20) return "utf-16le";
  if (even_nul > pairs * 4 / 10 && odd_nul <= pairs / 20) return "utf-16be";
  return "";
}

// ICU's statistical detector; returns a WHATWG name or "" when unsure.
std::string DetectCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  if (U_FAILURE(err)) return "";
  std::string result;
  int32_t len = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(det, bytes.data(), len, &err);
  const UCharsetMatch* m = ucsdet_detect(det, &err);
  if (U_SUCCESS(err) && m != nullptr) {
    int32_t confidence = ucsdet_getConfidence(m, &err);
    const char* name = ucsdet_getName(m, &err);
    // 30: below it ICU is guessing between Latin charsets, where the
    // Windows-1252 fallback is as good and more predictable.
    if (U_SUCCESS(err) && name != nullptr && confidence >= 30) result = CanonicalCharset(name);
  }
  ucsdet_close(det);
  if (result == "utf-8" || result.rfind("utf-16", 0) == 0 || result.rfind("utf-32", 0) == 0) {
    return "";  // already ruled out by the checks before
  }
  return result;
}

}  // namespace

std::string CanonicalCharset(std::string_view label) {
  std::string l = AsciiLower(Trim(label));
  if (l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8") return "utf-8";
  // WHATWG: these labels all mean windows-1252.
  static const char* const kLatin1[] = {"ascii",      "us-ascii",  "iso-8859-1", "iso8859-1",
                                        "latin1",     "l1",        "cp1252",     "x-cp1252",
                                        "iso_8859-1", "iso-ir-100", "cp819",     "ibm819",
                                        "csisolatin1", "iso88591", "windows-1252", "ansi_x3.4-1968"};
  for (const char* x : kLatin1) {
    if (l == x) return "windows-1252";
  }
  if (l == "gb2312" || l == "x-gbk" || l == "gbk" || l == "csgb2312" || l == "chinese") return "gbk";
  if (l == "sjis" || l == "shift-jis" || l == "x-sjis" || l == "ms_kanji" || l == "windows-31j")
    return "shift_jis";
  if (l == "iso-8859-9" || l == "latin5") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "ks_c_5601-1987" || l == "korean") return "euc-kr";
  if (l == "utf-16") return "utf-16le";
  return l;
}

std::string CharsetFromContentType(std::string_view ct) {
  std::string l = AsciiLower(ct);
  size_t p = l.find("charset");
  if (p == std::string::npos) return "";
  p = l.find('=', p);
  if (p == std::string::npos) return "";
  size_t end = l.find(';', p);
  return std::string(Trim(std::string_view(l).substr(p + 1, end == std::string::npos ? end : end - p - 1)));
}

std::string PrescanMetaCharset(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 1024));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    pos = end;
    size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    size_t eq = tag.find('=', c);
    if (eq == std::string_view::npos) continue;
    size_t v = eq + 1;
    while (v < tag.size() && (tag[v] == ' ' || tag[v] == '"' || tag[v] == '\'')) ++v;
    size_t ve = v;
    while (ve < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[ve])) || tag[ve] == '-' ||
                               tag[ve] == '_' || tag[ve] == ':' || tag[ve] == '.'))
      ++ve;
    if (ve > v) {
      std::string cs = CanonicalCharset(tag.substr(v, ve - v));
      // HTML spec: a <meta> naming UTF-16 means UTF-8 (the prescan could
      // not have read it otherwise).
      if (cs.rfind("utf-16", 0) == 0) cs = "utf-8";
      return cs;
    }
  }
  return "";
}

std::string DecodeWindows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      AppendUtf8(kCp1252High[c - 0x80], &out);
    } else {
      AppendUtf8(c, &out);
    }
  }
  return out;
}

Status Decode(const RawDocument& in, const DecodeOptions& options, const DocumentInfo& doc,
              std::string* utf8) {
  std::string_view bytes = in.bytes;
  std::string charset, source;
  uint64_t invalid = 0;

  auto decode_as = [&](const std::string& cs, std::string_view b) -> bool {
    if (cs == "utf-8") {
      *utf8 = SanitizeUtf8(b, &invalid);
      return true;
    }
    if (cs == "windows-1252") {
      *utf8 = DecodeWindows1252(b);
      return true;
    }
    return DecodeWithIcu(b, cs, utf8, &invalid);
  };

  // 1. Byte order mark.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "utf-8", source = "bom";
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    charset = "utf-16le", source = "bom";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    charset = "utf-16be", source = "bom";
    bytes.remove_prefix(2);
  }
  bool done = !charset.empty() && decode_as(charset, bytes);

  // 2. The transport's word, then the caller's default.
  if (!done) {
    std::string declared = !in.charset.empty() ? in.charset : CharsetFromContentType(in.content_type);
    if (!declared.empty()) {
      charset = CanonicalCharset(declared), source = "transport";
      done = decode_as(charset, bytes);
    }
  }
  if (!done && !options.default_charset.empty()) {
    charset = CanonicalCharset(options.default_charset), source = "option";
    done = decode_as(charset, bytes);
    if (!done) return Status::InvalidArgument("unknown charset: " + options.default_charset);
  }
  // 3. The content: valid UTF-8 wins over a <meta> that says otherwise,
  // because a page saved or re-served as UTF-8 keeps its old <meta>.
  // UTF-16 without a BOM is valid UTF-8 too (NULs and ASCII), so it is
  // sniffed first.
  if (!done) {
    std::string u16 = SniffUtf16(bytes);
    if (!u16.empty()) {
      charset = u16, source = "utf16-sniffed";
      done = decode_as(charset, bytes);
    }
  }
  size_t multibyte = 0, bad = 0;
  if (!done) {
    // CountUtf8() finds no ill-formed sequence exactly when the bytes are
    // valid UTF-8 (it counts a U+FFFD only where NextCodePoint() gave one
    // for a sequence that is not EF BF BD, itself), and `multibyte` is read
    // only when it found some: valid text takes the faster check alone.
    if (IsValidUtf8(bytes)) {
      charset = "utf-8", source = "utf8-valid";
      utf8->assign(bytes.data(), bytes.size());
      done = true;
    } else {
      CountUtf8(bytes, &multibyte, &bad);
    }
  }
  if (!done) {
    std::string meta = PrescanMetaCharset(bytes);
    if (!meta.empty()) {
      charset = meta, source = "meta";
      done = decode_as(charset, bytes);
    }
  }
  // Mostly UTF-8 with a few stray bytes (a truncated download, one pasted
  // Latin-1 character): keep UTF-8 and mark the strays with U+FFFD.
  if (!done && multibyte > 0 && bad <= multibyte) {
    charset = "utf-8", source = "utf8-mostly";
    done = decode_as(charset, bytes);
  }
  if (!done) {
    std::string guess = DetectCharset(bytes);
    if (!guess.empty()) {
      charset = guess, source = "detector";
      done = decode_as(charset, bytes);
    }
  }
  if (!done) {
    charset = "windows-1252", source = "fallback";
    done = decode_as(charset, bytes);
  }
  doc.metadata->charset = charset;
  doc.metadata->charset_source = source;
  doc.stats->invalid_sequences += invalid;
  ExplainEvent ev;
  ev.stage = "decode";
  ev.action = ExplainEvent::Action::kMetadata;
  ev.rule = source;
  ev.category = "charset";
  ev.after = charset;
  if (invalid > 0) ev.before = std::to_string(invalid) + " invalid sequences replaced by U+FFFD";
  Explain(doc, ev);
  return Status::OK();
}

bool IsSupportedCharset(std::string_view label) {
  const std::string cs = CanonicalCharset(label);
  if (cs == "utf-8" || cs == "windows-1252") return true;
  std::string out;
  uint64_t invalid = 0;
  return !cs.empty() && DecodeWithIcu("", cs, &out, &invalid);
}

}  // namespace cleaner
