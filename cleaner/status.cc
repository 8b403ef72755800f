// Status formatting.
#include "cleaner/status.h"

namespace cleaner {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kIoError: name = "I/O error"; break;
    case Code::kCorruption: name = "corrupt input"; break;
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kResourceExhausted: name = "limit exceeded"; break;
    case Code::kUnimplemented: name = "not supported"; break;
  }
  return std::string(name) + ": " + message_;
}

}  // namespace cleaner
