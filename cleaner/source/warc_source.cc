// WARC framing and HTTP response parsing.
#include "cleaner/source/warc_source.h"
#include "cleaner/util/ascii.h"

#include <cctype>
#include <cstdlib>

namespace cleaner {

namespace {

// 64 KiB: no real WARC or HTTP header line is longer; a longer one is cut
// (and the record most likely reported damaged) rather than buffered.
constexpr size_t kMaxHeaderLine = 64 << 10;
// 1,000 header lines: real records have a dozen; more means we are reading
// a block as headers.
constexpr int kMaxHeaderLines = 1000;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string FindHeader(const std::vector<std::pair<std::string, std::string>>& headers,
                       std::string_view name) {
  for (const auto& h : headers) {
    if (EqualsIgnoreCase(h.first, name)) return h.second;
  }
  return "";
}

bool IsVersionLine(std::string_view line) {
  return line.size() > 5 && line.substr(0, 5) == "WARC/" &&
         std::isdigit(static_cast<unsigned char>(line[5]));
}

// "<urn:uuid:...>" and WARC/1.0's "<http://...>" target URIs lose the
// angle brackets.
std::string StripAngles(std::string_view s) {
  s = Trim(s);
  if (s.size() >= 2 && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

// The media type of a Content-Type value, lower-cased, without parameters.
std::string MediaType(std::string_view content_type) {
  size_t semi = content_type.find(';');
  return AsciiLower(Trim(content_type.substr(0, semi)));
}

bool IsHtmlType(const std::string& media) {
  return media.find("html") != std::string::npos;  // text/html, application/xhtml+xml
}

bool SniffHtml(std::string_view body) {
  std::string head = AsciiLower(body.substr(0, 1024));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
         head.find("<body") != std::string::npos;
}

// Parses a Content-Length: decimal digits only (strtoull took "-1" for
// 2^64-1), at most 18 of them so that it cannot overflow.
bool ParseLength(std::string_view text, uint64_t* len) {
  text = Trim(text);
  if (text.empty() || text.size() > 18) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *len = v;
  return true;
}

}  // namespace

bool LooksLikeWarc(std::string_view head) {
  size_t i = head.find_first_not_of("\r\n");
  return i != std::string_view::npos && IsVersionLine(head.substr(i, 6));
}

std::string WarcRecord::Header(std::string_view name) const { return FindHeader(headers, name); }
std::string HttpHead::Header(std::string_view name) const { return FindHeader(headers, name); }

WarcReader::WarcReader(ByteReader* in, size_t max_record_bytes)
    : in_(in), max_record_bytes_(max_record_bytes) {}

bool WarcReader::Next(WarcRecord* rec) {
  *rec = WarcRecord();
  rec->ordinal = ordinal_;
  std::string line;
  bool too_long = false;
  // 1. The version line; blank lines and garbage before it are skipped.
  while (true) {
    if (has_pending_) {
      line = std::move(pending_line_);
      has_pending_ = false;
    } else if (!in_->ReadLine(&line, kMaxHeaderLine, &too_long)) {
      Status damage = in_->TakeError();
      if (damage.ok()) return false;
      rec->error = damage;
      ++ordinal_;
      return true;
    }
    Status damage = in_->TakeError();
    if (!damage.ok()) {
      // Damage between records: report it once, as a record of its own.
      if (IsVersionLine(line)) {
        pending_line_ = line;
        has_pending_ = true;
      }
      rec->error = damage;
      ++ordinal_;
      return true;
    }
    if (IsVersionLine(line)) break;
  }
  ++ordinal_;
  std::string_view v = Trim(std::string_view(line).substr(5));
  rec->version = std::string(v.substr(0, v.find(' ')));
  // Drafts before 0.18 (WARC/0.9 to 0.17) put the main fields on the
  // version line: "WARC/0.17 <length> <type> <uri> <date> <id> <mime>".
  // Named header fields below, if any, come after these and do not replace
  // them (Header() returns the first).
  {
    std::vector<std::string> tokens = SplitNonEmpty(v, ' ');
    static const char* const kPositional[] = {"Content-Length", "WARC-Type", "WARC-Target-URI",
                                             "WARC-Date", "WARC-Record-ID", "Content-Type"};
    for (size_t i = 1; i < tokens.size() && i <= 6; ++i) {
      rec->headers.emplace_back(kPositional[i - 1], tokens[i]);
    }
  }
  // 2. Header fields up to the blank line.
  int count = 0;
  while (true) {
    if (!in_->ReadLine(&line, kMaxHeaderLine, &too_long)) {
      rec->error = Status::Corruption("WARC record header ends at end of file");
      return true;
    }
    if (Trim(line).empty()) break;
    if (IsVersionLine(line)) {
      pending_line_ = line;
      has_pending_ = true;
      rec->error = Status::Corruption("WARC record header has no blank line before the next record");
      return true;
    }
    if (++count > kMaxHeaderLines) {
      rec->error = Status::Corruption("WARC record header has too many lines");
      return true;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !rec->headers.empty()) {
      rec->headers.back().second += " " + std::string(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;  // not a field; tolerated
    rec->headers.emplace_back(std::string(Trim(std::string_view(line).substr(0, colon))),
                              std::string(Trim(std::string_view(line).substr(colon + 1))));
  }
  Status damage = in_->TakeError();
  if (!damage.ok()) {
    rec->error = damage;
    return true;
  }
  // 3. The block. Read within the record's gzip member (a .warc.gz holds
  // one record per member), so that no length can take the records after.
  uint64_t len = 0;
  if (!ParseLength(rec->Header("Content-Length"), &len)) {
    // The block stays in the stream: step 1 skips it to the next record.
    rec->error = Status::Corruption("WARC record has no valid Content-Length ('" +
                                    std::string(Trim(rec->Header("Content-Length"))) + "')");
    return true;
  }
  if (len > max_record_bytes_) {
    SkipBlock();
    rec->error = Status::ResourceExhausted("WARC record block is " + std::to_string(len) +
                                           " bytes, over the limit of " +
                                           std::to_string(max_record_bytes_) + " (--max-bytes)");
    return true;
  }
  in_->set_stop_at_member_end(true);
  size_t got = in_->Read(static_cast<size_t>(len), &rec->block);
  in_->set_stop_at_member_end(false);
  damage = in_->TakeError();
  if (!damage.ok()) {
    // A damaged gzip member: the reader may have skipped to the next
    // member, whose record may now sit inside our block. Give it back.
    GiveBackNextRecord(rec, /*check_end=*/false);
    rec->error = damage;
    return true;
  }
  // (A block cut short by the end of the input or of its member may hold
  // the next record too: always look then.)
  if (GiveBackNextRecord(rec, /*check_end=*/got == len)) {
    rec->error = Status::Corruption("WARC record's Content-Length (" + std::to_string(len) +
                                    ") runs into the next record, which starts at byte " +
                                    std::to_string(rec->block.size()) + " of its block");
    return true;
  }
  if (got < len) {
    if (!in_->AtEnd()) {
      rec->error = Status::Corruption("WARC record's Content-Length (" + std::to_string(len) +
                                      ") is longer than its gzip member (" + std::to_string(got) +
                                      " bytes)");
      return true;
    }
    // Content-Length runs past the end of the file: keep what there is (the
    // page is usually complete enough to clean).
    rec->headers.emplace_back("X-Cleaner-Truncated", std::to_string(len - got));
  }
  return true;
}

bool WarcReader::GiveBackNextRecord(WarcRecord* rec, bool check_end) {
  if (check_end) {
    // The record's end as it should be: blank lines, then the next record
    // or the end of the input. Anything else means the length is wrong.
    std::string_view next = in_->Peek(64);
    size_t i = next.find_first_not_of("\r\n");
    if (i == std::string_view::npos || IsVersionLine(next.substr(i, 6))) return false;
  }
  std::string_view block = rec->block;
  for (size_t at = block.find("WARC/"); at != std::string_view::npos;
       at = block.find("WARC/", at + 1)) {
    // A record starts a line after a blank line ("\r\n\r\n" ends a record).
    bool blank_before = (at >= 2 && block.substr(at - 2, 2) == "\n\n") ||
                        (at >= 3 && block.substr(at - 3, 3) == "\n\r\n");
    if (!blank_before || !IsVersionLine(block.substr(at, 6))) continue;
    in_->Unread(block.substr(at));
    rec->block.resize(at);
    return true;
  }
  return false;
}

void WarcReader::SkipBlock() {
  // Line by line, so that memory stays bounded, up to the next record: a
  // version line after a blank line. Its length is not trusted (a wrong one
  // would take the records after it).
  in_->set_stop_at_member_end(true);
  std::string line;
  bool too_long = false;
  bool blank_before = false;
  while (in_->ReadLine(&line, kMaxHeaderLine, &too_long)) {
    if (blank_before && IsVersionLine(line)) {
      pending_line_ = std::move(line);
      has_pending_ = true;
      break;
    }
    blank_before = Trim(line).empty();
  }
  in_->set_stop_at_member_end(false);
  in_->TakeError();
}

Status ParseHttpHead(std::string_view message, HttpHead* head) {
  *head = HttpHead();
  if (message.substr(0, 5) != "HTTP/") return Status::Corruption("payload is not an HTTP response");
  size_t pos = 0;
  bool first = true;
  while (pos < message.size()) {
    size_t nl = message.find('\n', pos);
    if (nl == std::string_view::npos) {
      // Head without a blank line: everything is head, no body.
      nl = message.size();
    }
    std::string_view line = message.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = std::min(message.size(), nl + 1);
    if (first) {
      first = false;
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return Status::Corruption("HTTP status line has no status");
      head->status = std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
      if (head->status < 100 || head->status > 999) {
        return Status::Corruption("HTTP status line has no valid status code");
      }
      continue;
    }
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !head->headers.empty()) {
      head->headers.back().second += " " + std::string(Trim(line));
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    head->headers.emplace_back(std::string(Trim(line.substr(0, colon))),
                               std::string(Trim(line.substr(colon + 1))));
  }
  head->body_offset = pos;
  return Status::OK();
}

bool Dechunk(std::string_view body, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) break;
    std::string size_line(Trim(body.substr(pos, nl - pos)));
    size_t semi = size_line.find(';');  // chunk extensions
    if (semi != std::string::npos) size_line.resize(semi);
    if (size_line.empty() || !std::isxdigit(static_cast<unsigned char>(size_line[0]))) break;
    char* end = nullptr;
    unsigned long long n = std::strtoull(size_line.c_str(), &end, 16);
    if (*end != '\0') break;
    pos = nl + 1;
    if (n == 0) return true;  // trailers ignored
    if (n > body.size() - pos) {
      // Truncated last chunk: keep what there is.
      out->append(body.substr(pos));
      return true;
    }
    out->append(body.substr(pos, n));
    pos += n;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    }
    if (pos >= body.size()) return true;  // missing final 0 chunk
  }
  *out = std::string(body);
  return false;
}

Status WarcRecordToDocument(const WarcRecord& rec, const std::string& file_name, size_t max_bytes,
                            RawDocument* raw, WarcDisposition* disposition,
                            std::string* skip_reason) {
  *disposition = WarcDisposition::kSkip;
  raw->source = "warc";
  raw->url = StripAngles(rec.Header("WARC-Target-URI"));
  raw->warc_record_id = StripAngles(rec.Header("WARC-Record-ID"));
  raw->warc_date = std::string(Trim(rec.Header("WARC-Date")));
  raw->name = !raw->warc_record_id.empty()
                  ? raw->warc_record_id
                  : file_name + "#" + std::to_string(rec.ordinal);
  if (!rec.error.ok()) return rec.error;
  std::string type = AsciiLower(Trim(rec.Header("WARC-Type")));
  std::string record_ct = MediaType(rec.Header("Content-Type"));
  std::string_view block = rec.block;
  if (type == "response") {
    if (block.substr(0, 5) != "HTTP/") {
      *skip_reason = "non-http:" + (record_ct.empty() ? std::string("unknown") : record_ct);
      return Status::OK();
    }
    HttpHead head;
    CLEANER_RETURN_IF_ERROR(ParseHttpHead(block, &head));
    raw->http_status = head.status;
    raw->content_type = head.Header("Content-Type");
    std::string body;
    std::string_view payload = block.substr(std::min(block.size(), head.body_offset));
    std::string media = MediaType(raw->content_type);
    if (!media.empty() && !IsHtmlType(media)) {
      *skip_reason = "non-html:" + media;
      return Status::OK();
    }
    if (AsciiLower(head.Header("Transfer-Encoding")).find("chunked") != std::string::npos) {
      Dechunk(payload, &body);
    } else {
      body = std::string(payload);
    }
    std::string coding = AsciiLower(Trim(head.Header("Content-Encoding")));
    const unsigned char* b = reinterpret_cast<const unsigned char*>(body.data());
    if (coding.empty() && body.size() >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8) {
      // gzip sent without saying so: undo it if it is whole, else keep it.
      std::string inflated;
      if (InflateBuffer(body, max_bytes, &inflated).ok()) body = std::move(inflated);
    } else if (coding == "gzip" || coding == "x-gzip" || coding == "deflate") {
      // Archives (Common Crawl among them) often store the decoded payload
      // and keep the header: only inflate what is compressed.
      const unsigned char* p = reinterpret_cast<const unsigned char*>(body.data());
      bool compressed = body.size() >= 2 && ((p[0] == 0x1f && p[1] == 0x8b) ||
                                            (coding == "deflate" && p[0] != '<' &&
                                             !std::isspace(p[0])));
      if (compressed) {
        std::string inflated;
        CLEANER_RETURN_IF_ERROR(InflateBuffer(body, max_bytes, &inflated));
        body = std::move(inflated);
      }
    } else if (!coding.empty() && coding != "identity" && coding != "none") {
      return Status::Corruption("unsupported HTTP Content-Encoding '" + coding + "'");
    }
    if (media.empty() && !SniffHtml(body)) {
      *skip_reason = "non-html:unknown";
      return Status::OK();
    }
    raw->bytes = std::move(body);
  } else if (type == "resource" || type == "conversion") {
    // Some archivers store pages as resource records; WET files hold
    // extracted text as conversion records. A record about something other
    // than a web page (wget's own log and arguments under metadata://,
    // dns:, file:) is not a document.
    std::string scheme = AsciiLower(raw->url.substr(0, raw->url.find(':')));
    if (scheme != "http" && scheme != "https") {
      *skip_reason = "warc-" + type + "-not-page:" + (scheme.empty() ? "no-uri" : scheme);
      return Status::OK();
    }
    bool text = record_ct == "text/plain";
    if (!IsHtmlType(record_ct) && !text) {
      *skip_reason = "non-html:" + (record_ct.empty() ? std::string("unknown") : record_ct);
      return Status::OK();
    }
    raw->content_type = rec.Header("Content-Type");
    raw->bytes = std::string(block);
  } else {
    *skip_reason = "warc-" + (type.empty() ? std::string("untyped") : type);
    return Status::OK();
  }
  if (raw->bytes.size() > max_bytes) {
    return Status::ResourceExhausted("document is " + std::to_string(raw->bytes.size()) +
                                     " bytes, over the limit of " + std::to_string(max_bytes));
  }
  *disposition = WarcDisposition::kClean;
  return Status::OK();
}

}  // namespace cleaner
