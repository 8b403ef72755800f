// Stats: counters a document's cleaning reports, summed over a run by the
// CLI (--explain prints them per document; JSON output carries them).
#ifndef CLEANER_STATS_H_
#define CLEANER_STATS_H_

#include <cstdint>

namespace cleaner {

struct Stats {
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
  // Byte sequences that were not valid in the detected encoding and became
  // U+FFFD.
  uint64_t invalid_sequences = 0;
  uint64_t blocks_in = 0;       // blocks produced by extract/segment
  uint64_t blocks_dropped = 0;  // blocks removed by the filter stage
  uint64_t repairs = 0;         // changes made by the repair stage
  uint64_t lines_joined = 0;    // hard-wrapped lines re-joined by segmentation

  void Add(const Stats& o) {
    bytes_in += o.bytes_in;
    bytes_out += o.bytes_out;
    invalid_sequences += o.invalid_sequences;
    blocks_in += o.blocks_in;
    blocks_dropped += o.blocks_dropped;
    repairs += o.repairs;
    lines_joined += o.lines_joined;
  }
};

}  // namespace cleaner

#endif  // CLEANER_STATS_H_
