// Writing one output file under the -o folder; see write_under.h.
#include "cleaner/output/write_under.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace cleaner {
namespace {

namespace fs = std::filesystem;

// Closes a descriptor when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { Reset(-1); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void Reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

Status Errno(const std::string& what, const std::string& path, int err) {
  return Status::IoError(what + " " + path + ": " + std::strerror(err));
}

// Writes all of `data` to `fd`; 0 or the errno of the failure.
int WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    done += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

Status WriteFileUnder(const std::string& root, const std::string& rel, const std::string& data) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return Status::IoError("cannot create " + root + ": " + ec.message());
  Fd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return Errno("cannot open", root, errno);

  std::vector<std::string> parts;
  for (const fs::path& p : fs::path(rel)) parts.push_back(p.string());
  if (parts.empty()) return Status::IoError("empty output path under " + root);
  std::string where = root;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    where += "/" + parts[i];
    if (::mkdirat(dir.get(), parts[i].c_str(), 0777) != 0 && errno != EEXIST) {
      return Errno("cannot create", where, errno);
    }
    int next = ::openat(dir.get(), parts[i].c_str(),
                        O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (next < 0) {
      const int err = errno;
      struct stat st;
      if (::fstatat(dir.get(), parts[i].c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISLNK(st.st_mode)) {
        return Status::IoError(where + " is a symbolic link inside the output folder; "
                               "cleaner never follows one there");
      }
      return Errno("cannot open", where, err);
    }
    dir.Reset(next);
  }
  const std::string& name = parts.back();
  const std::string tmp = name + ".tmp-cleaner";
  const std::string path = where + "/" + name;
  ::unlinkat(dir.get(), tmp.c_str(), 0);  // a leftover of a killed run
  Fd out(::openat(dir.get(), tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0666));
  if (out.get() < 0) return Errno("cannot write", where + "/" + tmp, errno);
  int err = WriteAll(out.get(), data);
  if (::close(out.Release()) != 0 && err == 0) err = errno;
  if (err == 0 && ::renameat(dir.get(), tmp.c_str(), dir.get(), name.c_str()) != 0) {
    err = errno;
  }
  if (err != 0) {
    ::unlinkat(dir.get(), tmp.c_str(), 0);
    return Errno("cannot write", path, err);
  }
  return Status::OK();
}

}  // namespace cleaner
