// Writing one output file under the -o folder: atomically (a temporary
// name, then rename) and without ever following a symbolic link below the
// folder, so that no input name and no link planted in the folder can make
// cleaner write outside it.
#ifndef CLEANER_OUTPUT_WRITE_UNDER_H_
#define CLEANER_OUTPUT_WRITE_UNDER_H_

#include <string>

#include "cleaner/status.h"

namespace cleaner {

// Writes `data` to ROOT/REL. ROOT is opened as given (it may itself be a
// link the user chose); every folder of REL below it is created if missing
// and opened with O_NOFOLLOW, so a symbolic link there is an error, never
// followed. The data goes to "NAME.tmp-cleaner" in the same folder first
// (created with O_EXCL | O_NOFOLLOW) and is renamed over NAME; on any
// failure the temporary file is removed and the error names the path and
// the system's reason ("No space left on device").
// REQUIRES: REL is relative, normalized and has no ".." component.
Status WriteFileUnder(const std::string& root, const std::string& rel, const std::string& data);

}  // namespace cleaner

#endif  // CLEANER_OUTPUT_WRITE_UNDER_H_
