// Streaming input with transparent, resynchronizing gzip.
#include "cleaner/util/gzip.h"

#include <cerrno>
#include <cstring>

namespace cleaner {

namespace {

// 256 KiB reads: large enough that a read syscall costs nothing per byte,
// small enough to keep memory flat with many readers.
constexpr size_t kRawChunk = 256 << 10;
constexpr size_t kOutChunk = 256 << 10;

bool IsGzipMagic(const unsigned char* p) { return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8; }

}  // namespace

ByteReader::ByteReader() = default;

ByteReader::~ByteReader() {
  if (zs_init_) inflateEnd(&zs_);
  if (own_file_ && file_ != nullptr) std::fclose(file_);
}

Status ByteReader::Open(const std::string& path, std::unique_ptr<ByteReader>* out) {
  std::unique_ptr<ByteReader> r(new ByteReader);
  if (path == "-") {
    r->file_ = stdin;
  } else {
    r->file_ = std::fopen(path.c_str(), "rb");
    if (r->file_ == nullptr) return Status::IoError(std::strerror(errno));
    r->own_file_ = true;
  }
  *out = std::move(r);
  return Status::OK();
}

std::unique_ptr<ByteReader> ByteReader::FromString(std::string_view data) {
  std::unique_ptr<ByteReader> r(new ByteReader);
  r->memory_ = data;
  return r;
}

void ByteReader::NoteError(Status st) {
  if (error_.ok()) error_ = std::move(st);
}

Status ByteReader::TakeError() {
  Status st = std::move(error_);
  error_ = Status::OK();
  return st;
}

bool ByteReader::FillRaw() {
  if (raw_eof_) return false;
  // Compact, then read more.
  if (in_pos_ > 0) {
    std::memmove(in_.get(), in_.get() + in_pos_, in_end_ - in_pos_);
    in_end_ -= in_pos_;
    in_pos_ = 0;
  }
  if (in_size_ < in_end_ + kRawChunk) {
    // Grown without zeroing (a vector's resize wrote every byte of 256 KiB
    // for each file opened, which cost more than reading a small file).
    std::unique_ptr<unsigned char[]> bigger(new unsigned char[in_end_ + kRawChunk]);
    if (in_end_ > 0) std::memcpy(bigger.get(), in_.get(), in_end_);
    in_ = std::move(bigger);
    in_size_ = in_end_ + kRawChunk;
  }
  size_t n = 0;
  if (file_ != nullptr) {
    n = std::fread(in_.get() + in_end_, 1, kRawChunk, file_);
    if (n < kRawChunk) {
      if (std::ferror(file_)) NoteError(Status::IoError(std::strerror(errno)));
      raw_eof_ = true;
    }
  } else {
    n = std::min(kRawChunk, memory_.size());
    std::memcpy(in_.get() + in_end_, memory_.data(), n);
    memory_.remove_prefix(n);
    if (memory_.empty()) raw_eof_ = true;
  }
  in_end_ += n;
  raw_bytes_ += n;
  return n > 0;
}

bool ByteReader::Fill() {
  if (!sniffed_) {
    sniffed_ = true;
    while (in_end_ - in_pos_ < 3 && FillRaw()) {
    }
    gzip_ = in_end_ - in_pos_ >= 3 && IsGzipMagic(in_.get() + in_pos_);
    if (gzip_) {
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
        NoteError(Status::IoError("zlib initialization failed"));
        return false;
      }
      zs_init_ = true;
    }
  }
  // Drop what has been consumed.
  if (out_pos_ > 0 && out_pos_ == out_.size()) {
    out_.clear();
    out_pos_ = 0;
  }
  size_t before = out_.size();
  if (!gzip_) {
    if (in_pos_ == in_end_ && !FillRaw()) return false;
    out_.append(reinterpret_cast<const char*>(in_.get() + in_pos_), in_end_ - in_pos_);
    in_pos_ = in_end_;
    return true;
  }
  while (out_.size() == before) {
    if (!in_member_) {
      if (stop_at_member_end_ && member_started_) return false;
      // Between members: expect a gzip header. Anything else is damage
      // (or trailing garbage): skip to the next header.
      while (in_end_ - in_pos_ < 3 && FillRaw()) {
      }
      if (in_end_ - in_pos_ == 0) return false;
      if (in_end_ - in_pos_ < 3 || !IsGzipMagic(in_.get() + in_pos_)) {
        NoteError(Status::Corruption("data between gzip members is not gzip; skipped"));
        bool found = false;
        while (!found) {
          for (; in_end_ - in_pos_ >= 3; ++in_pos_) {
            if (IsGzipMagic(in_.get() + in_pos_)) {
              found = true;
              break;
            }
          }
          if (found || !FillRaw()) break;
        }
        if (!found) {
          in_pos_ = in_end_;
          return false;
        }
      }
      inflateReset(&zs_);
      in_member_ = true;
      member_started_ = true;
    }
    if (in_pos_ == in_end_ && !FillRaw()) {
      NoteError(Status::Corruption("gzip data ends in the middle of a member (truncated file)"));
      in_member_ = false;
      return false;
    }
    size_t old = out_.size();
    out_.resize(old + kOutChunk);
    zs_.next_in = in_.get() + in_pos_;
    zs_.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    zs_.next_out = reinterpret_cast<Bytef*>(&out_[old]);
    zs_.avail_out = static_cast<uInt>(kOutChunk);
    int ret = inflate(&zs_, Z_NO_FLUSH);
    in_pos_ = in_end_ - zs_.avail_in;
    out_.resize(old + kOutChunk - zs_.avail_out);
    if (ret == Z_STREAM_END) {
      in_member_ = false;
    } else if (ret == Z_OK || ret == Z_BUF_ERROR) {
      // More input needed or more output pending: loop.
    } else {
      NoteError(Status::Corruption(std::string("gzip data error: ") +
                                   (zs_.msg != nullptr ? zs_.msg : "invalid data")));
      in_member_ = false;
      // Resynchronize after the damaged member's start.
      if (in_pos_ < in_end_) ++in_pos_;
      if (out_.size() > before) return true;
    }
  }
  return true;
}

std::string_view ByteReader::Peek(size_t n) {
  while (out_.size() - out_pos_ < n && Fill()) {
  }
  return std::string_view(out_).substr(out_pos_, n);
}

void ByteReader::Unread(std::string_view data) {
  out_ = std::string(data) + out_.substr(out_pos_);
  out_pos_ = 0;
}

bool ByteReader::AtEnd() { return out_pos_ == out_.size() && !Fill(); }

bool ByteReader::ReadLine(std::string* line, size_t max, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  while (true) {
    if (out_pos_ == out_.size() && !Fill()) break;
    any = true;
    const char* start = out_.data() + out_pos_;
    size_t avail = out_.size() - out_pos_;
    const void* nl = std::memchr(start, '\n', avail);
    size_t take = nl ? static_cast<const char*>(nl) - start : avail;
    if (!*too_long) {
      size_t room = max - std::min(max, line->size());
      if (take > room) *too_long = true;
      line->append(start, std::min(take, room));
    }
    out_pos_ += take;
    if (nl != nullptr) {
      ++out_pos_;
      break;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

size_t ByteReader::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (out_pos_ == out_.size() && !Fill()) break;
    size_t take = std::min(n - done, out_.size() - out_pos_);
    out->append(out_, out_pos_, take);
    out_pos_ += take;
    done += take;
  }
  return done;
}

size_t ByteReader::Skip(size_t n) {
  size_t done = 0;
  while (done < n) {
    if (out_pos_ == out_.size() && !Fill()) break;
    size_t take = std::min(n - done, out_.size() - out_pos_);
    out_pos_ += take;
    done += take;
  }
  return done;
}

Status InflateBuffer(std::string_view in, size_t max_out, std::string* out) {
  out->clear();
  if (in.empty()) return Status::OK();
  // gzip (16+), zlib (auto with 32+), or raw deflate (-MAX_WBITS): HTTP
  // "deflate" is zlib by the RFC but raw deflate from some servers.
  const unsigned char* p = reinterpret_cast<const unsigned char*>(in.data());
  bool zlib_or_gzip = (in.size() >= 2 && p[0] == 0x1f && p[1] == 0x8b) ||
                      (in.size() >= 2 && (p[0] & 0x0f) == 8 && ((p[0] << 8) | p[1]) % 31 == 0);
  z_stream zs{};
  if (inflateInit2(&zs, zlib_or_gzip ? 32 + MAX_WBITS : -MAX_WBITS) != Z_OK) {
    return Status::IoError("zlib initialization failed");
  }
  zs.next_in = const_cast<Bytef*>(p);
  zs.avail_in = static_cast<uInt>(in.size());
  Status st;
  char buf[1 << 16];
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int ret = inflate(&zs, Z_NO_FLUSH);
    out->append(buf, sizeof buf - zs.avail_out);
    if (out->size() > max_out) {
      st = Status::ResourceExhausted("decompressed body larger than " + std::to_string(max_out) +
                                     " bytes");
      break;
    }
    if (ret == Z_STREAM_END) break;
    if (ret == Z_OK) continue;
    if (ret == Z_BUF_ERROR && zs.avail_in == 0) {
      st = Status::Corruption("compressed body is truncated");
    } else {
      st = Status::Corruption(std::string("compressed body is invalid: ") +
                              (zs.msg != nullptr ? zs.msg : "data error"));
    }
    break;
  }
  inflateEnd(&zs);
  return st;
}

}  // namespace cleaner
