// The terminal progress line. See progress.h.
#include "cleaner/cli/progress.h"

#include <cstdio>

#include "cleaner/util/ascii.h"

namespace cleaner {

namespace {

std::string Duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof buf, "%lds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  }
  return buf;
}

}  // namespace

std::string ProgressLine(uint64_t done, uint64_t total, double seconds, uint64_t bytes) {
  const double rate = seconds > 0 ? done / seconds : 0.0;
  char buf[160];
  std::string line;
  if (total > 0 && done <= total) {
    std::snprintf(buf, sizeof buf, "cleaner: %llu/%llu documents (%d%%)",
                  static_cast<unsigned long long>(done), static_cast<unsigned long long>(total),
                  static_cast<int>(100.0 * done / total));
  } else {
    std::snprintf(buf, sizeof buf, "cleaner: %llu documents",
                  static_cast<unsigned long long>(done));
  }
  line = buf;
  std::snprintf(buf, sizeof buf, ", %.0f docs/s, %.1f MB/s", rate,
                seconds > 0 ? bytes / 1e6 / seconds : 0.0);
  line += buf;
  if (total > 0 && done <= total && rate > 0) {
    line += ", ETA " + Duration((total - done) / rate);
  }
  return line;
}

uint64_t KnownDocumentCount(const std::vector<std::string>& inputs,
                            const CorpusReadOptions& options) {
  if (options.container != ContainerHint::kAuto || !options.url_files.empty()) return 0;
  std::vector<std::string> paths;
  for (const std::string& in : inputs) {
    if (in == "-" || IsUrl(in)) return 0;
  }
  for (const InputItem& item : ExpandInputs(inputs)) {
    for (const char* ext : {".jsonl", ".ndjson", ".warc", ".gz"}) {
      if (EndsWith(AsciiLower(item.path), ext)) return 0;
    }
    paths.push_back(item.path);
  }
  if (options.shard_count <= 1) return paths.size();
  if (options.shard_by_file) {
    return FilesOfShard(paths, options.shard_index, options.shard_count).size();
  }
  uint64_t n = 0;  // each file is one record: ordinal k goes to shard k % N
  for (size_t k = 0; k < paths.size(); ++k) n += k % options.shard_count == options.shard_index;
  return n;
}

}  // namespace cleaner
