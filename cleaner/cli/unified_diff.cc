// Unified line diff. See unified_diff.h.
#include "cleaner/cli/unified_diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cleaner {
namespace {

enum class Op : char { kKeep = ' ', kDelete = '-', kInsert = '+' };

// The lines of `s`, each with its '\n' (the last may have none).
std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}

// Myers's greedy forward search over a[0..n) and b[0..m) (line ids), each
// step's furthest-reaching diagonals kept for the walk back. Appends the
// edits to *ops; false (and *ops untouched) when the script needs more than
// `max_d` edits or the search more than `max_steps` line comparisons.
bool MyersScript(const uint32_t* a, long n, const uint32_t* b, long m, long max_d, long max_steps,
                 std::vector<Op>* ops) {
  max_d = std::min(max_d, n + m);
  const long off = max_d + 1;
  std::vector<int32_t> v(static_cast<size_t>(2 * max_d + 3), 0);
  std::vector<std::vector<int32_t>> trace;  // trace[d][k + d]: v after step d
  long steps = 0;
  for (long d = 0; d <= max_d; ++d) {
    bool reached = false;
    for (long k = -d; k <= d && !reached; k += 2) {
      long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                        : v[off + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y, ++steps;
      v[off + k] = static_cast<int32_t>(x);
      reached = x >= n && y >= m;
    }
    trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
    if (reached) {
      // Walk back from (n, m), collecting the edits in reverse.
      std::vector<Op> rev;
      long x = n, y = m;
      for (long e = d; e >= 0; --e) {
        const long k = x - y;
        long px = 0, py = 0;
        bool down = false;
        if (e > 0) {
          const std::vector<int32_t>& prev = trace[e - 1];
          auto at = [&](long kk) { return prev[kk + e - 1]; };
          down = k == -e || (k != e && at(k - 1) < at(k + 1));
          const long pk = down ? k + 1 : k - 1;
          px = at(pk);
          py = px - pk;
        }
        const long sx = e > 0 ? (down ? px : px + 1) : 0;  // where the snake starts
        for (; x > sx; --x, --y) rev.push_back(Op::kKeep);
        if (e > 0) rev.push_back(down ? Op::kInsert : Op::kDelete);
        x = px;
        y = py;
      }
      ops->insert(ops->end(), rev.rbegin(), rev.rend());
      return true;
    }
    steps += 2 * d + 1;
    if (steps > max_steps) return false;
  }
  return false;
}

// The edit script over all lines: common first and last lines kept, the
// middle by MyersScript or, past its bounds, deleted and inserted whole.
std::vector<Op> EditScript(const std::vector<std::string_view>& a,
                           const std::vector<std::string_view>& b, size_t max_edits) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  // Lines as small ids, so that the search compares integers.
  std::unordered_map<std::string_view, uint32_t> ids;
  auto id_of = [&](std::string_view line) {
    return ids.emplace(line, static_cast<uint32_t>(ids.size())).first->second;
  };
  std::vector<uint32_t> ia, ib;
  for (size_t i = pre; i < a.size() - suf; ++i) ia.push_back(id_of(a[i]));
  for (size_t i = pre; i < b.size() - suf; ++i) ib.push_back(id_of(b[i]));
  std::vector<Op> ops(pre, Op::kKeep);
  // 50 million comparisons: well under a second.
  if (!MyersScript(ia.data(), static_cast<long>(ia.size()), ib.data(), static_cast<long>(ib.size()),
                   static_cast<long>(max_edits), 50000000L, &ops)) {
    ops.insert(ops.end(), ia.size(), Op::kDelete);
    ops.insert(ops.end(), ib.size(), Op::kInsert);
  }
  ops.insert(ops.end(), suf, Op::kKeep);
  return ops;
}

void AppendLine(char prefix, std::string_view line, std::string* out) {
  out->push_back(prefix);
  out->append(line);
  if (line.empty() || line.back() != '\n') out->append("\n\\ No newline at end of file\n");
}

// "-start,count" as diff -u writes it: an empty range starts at the line
// before it; a count of 1 is left out.
std::string Range(char sign, size_t before, size_t count) {
  std::string s(1, sign);
  s += std::to_string(count == 0 ? before : before + 1);
  if (count != 1) s += "," + std::to_string(count);
  return s;
}

}  // namespace

std::string UnifiedDiff(std::string_view old_text, std::string_view new_text,
                        const std::string& old_label, const std::string& new_label, size_t context,
                        size_t max_edits) {
  if (old_text == new_text) return "";
  const std::vector<std::string_view> a = SplitLines(old_text), b = SplitLines(new_text);
  const std::vector<Op> ops = EditScript(a, b, max_edits);
  std::string out = "--- " + old_label + "\n+++ " + new_label + "\n";
  // Position of ops[i] in each file, for every i (prefix sums).
  std::vector<size_t> apos(ops.size() + 1, 0), bpos(ops.size() + 1, 0);
  for (size_t i = 0; i < ops.size(); ++i) {
    apos[i + 1] = apos[i] + (ops[i] != Op::kInsert);
    bpos[i + 1] = bpos[i] + (ops[i] != Op::kDelete);
  }
  size_t i = 0;
  while (i < ops.size()) {
    if (ops[i] == Op::kKeep) {
      ++i;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines
    // after the last change that is at most 2 * context kept lines away.
    const size_t start = i > context ? i - context : 0;
    size_t last = i, j = i;
    while (j < ops.size()) {
      if (ops[j] != Op::kKeep) last = j;
      if (j - last > 2 * context) break;
      ++j;
    }
    const size_t end = std::min(ops.size(), last + context + 1);
    out += "@@ " + Range('-', apos[start], apos[end] - apos[start]) + " " +
           Range('+', bpos[start], bpos[end] - bpos[start]) + " @@\n";
    for (size_t h = start; h < end; ++h) {
      if (ops[h] == Op::kInsert) {
        AppendLine('+', b[bpos[h]], &out);
      } else {
        AppendLine(static_cast<char>(ops[h]), a[apos[h]], &out);
      }
    }
    i = end;
  }
  return out;
}

}  // namespace cleaner
