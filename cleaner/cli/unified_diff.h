// A line diff in the unified format (`diff -u`, POSIX "diff -u" output as
// patch(1) reads it), for `cleaner --check --diff`: what an output folder
// holds against what cleaner would write now. Our own small Myers diff, so
// that no dependency is needed; bounded in time and memory for huge files.
#ifndef CLEANER_CLI_UNIFIED_DIFF_H_
#define CLEANER_CLI_UNIFIED_DIFF_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace cleaner {

// The unified diff from `old_text` to `new_text`: "--- old_label",
// "+++ new_label", then hunks with `context` lines of context
// ("@@ -start,count +start,count @@", lines prefixed ' ', '-', '+'; a last
// line without '\n' is followed by "\ No newline at end of file").
// Returns "" when the texts are equal.
//
// The diff is a shortest edit script (Myers, "An O(ND) Difference
// Algorithm", 1986) after the common first and last lines are set aside,
// as long as it needs at most `max_edits` inserted plus deleted lines; past
// that (two unrelated huge files), the differing middle is one hunk that
// deletes it and inserts the new one: still a correct diff, found in
// linear time. Memory is O(lines + max_edits^2) 4-byte integers.
std::string UnifiedDiff(std::string_view old_text, std::string_view new_text,
                        const std::string& old_label, const std::string& new_label,
                        size_t context = 3, size_t max_edits = 2000);

}  // namespace cleaner

#endif  // CLEANER_CLI_UNIFIED_DIFF_H_
