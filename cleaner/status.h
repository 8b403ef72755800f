// Status: the result of an operation that can fail for a reason the caller
// must see (an unreadable file, a malformed rule, a resource limit).
// Damaged input is not a failure: stages repair it and count the repair.
#ifndef CLEANER_STATUS_H_
#define CLEANER_STATUS_H_

#include <string>
#include <string_view>

namespace cleaner {

class Status {
 public:
  enum class Code {
    kOk = 0,
    // A file, folder, URL or stream could not be read or written.
    kIoError,
    // The input is not what it claims to be and cannot be repaired
    // (a truncated archive, a JSON line that does not parse).
    kCorruption,
    // The caller asked for something that cannot be done: a bad flag value,
    // a malformed rule file ("file:line: message").
    kInvalidArgument,
    // A configured limit was exceeded (document size, DOM depth, time).
    kResourceExhausted,
    // The capability was not built in (e.g. URL input without libcurl).
    kUnimplemented,
  };

  // Creates an OK status.
  Status() = default;

  static Status OK() { return Status(); }
  static Status IoError(std::string_view msg) { return Status(Code::kIoError, msg); }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status ResourceExhausted(std::string_view msg) {
    return Status(Code::kResourceExhausted, msg);
  }
  static Status Unimplemented(std::string_view msg) { return Status(Code::kUnimplemented, msg); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The human-readable reason, without a prefix; empty when ok().
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace cleaner

// Returns from the enclosing function if `expr` yields a non-OK Status.
#define CLEANER_RETURN_IF_ERROR(expr)         \
  do {                                        \
    ::cleaner::Status _st = (expr);           \
    if (!_st.ok()) return _st;                \
  } while (0)

#endif  // CLEANER_STATUS_H_
