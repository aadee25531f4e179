#include "agent/report_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace zt::agent {

namespace {

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

model::Status write_report(const std::string& text,
                           const std::optional<std::filesystem::path>& file) {
  if (!file) {
    if (!write_all(STDOUT_FILENO, text))
      return model::Error{std::string("writing the report to stdout: ") + std::strerror(errno)};
    return model::Ok{};
  }
  const std::string temporary = file->string() + ".tmp-" + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return model::Error{"--output " + file->string() + ": " + std::strerror(errno)};
  const bool ok = write_all(fd, text) && ::fsync(fd) == 0;
  const int saved = errno;
  ::close(fd);
  if (!ok || ::rename(temporary.c_str(), file->c_str()) != 0) {
    const int error = ok ? errno : saved;
    ::unlink(temporary.c_str());
    return model::Error{"--output " + file->string() + ": " + std::strerror(error)};
  }
  return model::Ok{};
}

bool is_terminal(Stream stream) {
  return ::isatty(stream == Stream::out ? STDOUT_FILENO : STDERR_FILENO) == 1;
}

}  // namespace zt::agent
