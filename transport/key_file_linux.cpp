// The api key file's I/O on Linux (key_file.hpp): POSIX modes and owners.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

#include "transport/key_file.hpp"

namespace zt::transport {
namespace {

std::string reason(int error) { return std::error_code(error, std::generic_category()).message(); }

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { close(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }
  // Closes now; false (errno set) when close reports a failure (a delayed write error).
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return fd < 0 || ::close(fd) == 0;
  }

 private:
  int fd_;
};

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

model::Result<std::optional<std::string>> read_key_file(const std::filesystem::path& file) {
  const std::string where = file.string();
  Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
  if (!fd.ok()) {
    if (errno == ENOENT) return std::optional<std::string>();
    if (errno == ELOOP)
      return model::Error{where + ": is a symbolic link; refusing to read an api key through it"};
    return model::Error{where + ": cannot open: " + reason(errno)};
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return model::Error{where + ": cannot stat: " + reason(errno)};
  if (!S_ISREG(info.st_mode)) return model::Error{where + ": not a regular file"};
  if ((info.st_mode & 077) != 0)
    return model::Error{where + ": mode " + octal_mode(info.st_mode) +
                        " lets other users read or change the api key; not using it. Treat "
                        "the key as exposed: revoke the agent, delete the file and enroll "
                        "again (or, if it was never exposed, chmod 600 it)"};
  if (info.st_uid != ::geteuid())
    return model::Error{where + ": owned by uid " + std::to_string(info.st_uid) +
                        ", but the agent runs as uid " + std::to_string(::geteuid()) +
                        "; not using it"};
  if (static_cast<std::size_t>(info.st_size) > kMaxKeyFile)
    return model::Error{where + ": larger than " + std::to_string(kMaxKeyFile) +
                        " bytes; not a key file"};
  std::string text(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return model::Error{where + ": cannot read: " + reason(errno)};
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return std::optional<std::string>(std::move(text));
}

model::Status write_key_file(const std::filesystem::path& directory,
                             const std::filesystem::path& file, std::string_view text) {
  const std::string where = "cannot save the api key to " + file.string();
  std::error_code ec;
  if (!std::filesystem::exists(directory, ec)) {
    std::filesystem::create_directories(directory, ec);
    if (ec)
      return model::Error{where + ": cannot create " + directory.string() + ": " + ec.message()};
    std::filesystem::permissions(directory, std::filesystem::perms::owner_all, ec);
  }

  std::string temporary = file.string() + ".XXXXXX";
  Fd fd(::mkostemp(temporary.data(), O_CLOEXEC));  // mode 0600, whatever the umask
  if (!fd.ok()) return model::Error{where + ": cannot create a temporary file: " + reason(errno)};
  const auto fail = [&](const char* step) {
    const int error = errno;
    fd.close();
    ::unlink(temporary.c_str());
    return model::Error{where + ": " + step + ": " + reason(error)};
  };
  if (::fchmod(fd.get(), S_IRUSR | S_IWUSR) != 0) return fail("chmod");
  if (!write_all(fd.get(), text)) return fail("write");
  if (::fsync(fd.get()) != 0) return fail("fsync");
  if (!fd.close()) return fail("close");
  if (::rename(temporary.c_str(), file.c_str()) != 0) return fail("rename");
  // The rename is durable once the directory is.
  Fd folder(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!folder.ok() || ::fsync(folder.get()) != 0)
    return model::Error{where + ": the key is in place, but syncing " + directory.string() +
                        " failed: " + reason(errno)};
  return model::Ok{};
}

}  // namespace zt::transport
