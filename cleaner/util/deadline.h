// A document's time budget (LimitOptions::max_document_seconds), cheap
// enough to check inside every loop whose cost grows with the input: the
// steady clock is read once every 1024 checks, so a check is a counter
// increment and a branch.
#ifndef CLEANER_UTIL_DEADLINE_H_
#define CLEANER_UTIL_DEADLINE_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "cleaner/status.h"

namespace cleaner {

class Deadline {
 public:
  // Never expires.
  Deadline() = default;
  // Expires `seconds` from now; 0 or less: never.
  explicit Deadline(double seconds)
      : seconds_(seconds),
        end_(std::chrono::steady_clock::now() +
             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                 std::chrono::duration<double>(seconds > 0 ? seconds : 0))) {}

  // True once the budget is spent (and from then on). Reads the clock on
  // every 1024th call only: call it once per iteration of a loop whose
  // iterations cost microseconds at most.
  bool Expired() {
    if (seconds_ <= 0 || expired_) return expired_;
    if ((++calls_ & 1023) != 0) return false;
    return Now();
  }

  // Reads the clock now (between stages, where a call is rare).
  bool Now() {
    if (seconds_ <= 0) return false;
    if (!expired_) expired_ = std::chrono::steady_clock::now() >= end_;
    return expired_;
  }

  // The error of a document whose budget ran out during `stage`.
  Status Error(const char* stage) const {
    char budget[32];
    std::snprintf(budget, sizeof budget, "%g", seconds_);
    return Status::ResourceExhausted(std::string("time budget of ") + budget +
                                     " s per document (--max-seconds) spent in " + stage);
  }

 private:
  double seconds_ = 0;
  std::chrono::steady_clock::time_point end_{};
  uint32_t calls_ = 0;
  bool expired_ = false;
};

// The checks stages make: true when `deadline` (may be null) has expired.
inline bool DeadlinePassed(Deadline* deadline) {
  return deadline != nullptr && deadline->Expired();
}

}  // namespace cleaner

#endif  // CLEANER_UTIL_DEADLINE_H_
