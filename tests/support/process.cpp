#include "tests/support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace zt::test {
namespace {

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::vector<std::string> environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                  "LANG=C.UTF-8"};
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

// fork + exec with stdout and stderr on pipes (stdin from /dev/null).
pid_t spawn(std::vector<std::string> argv, std::vector<std::string> env, int& out_fd,
            int& err_fd) {
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  auto args = c_strings(argv);
  auto envp = c_strings(env);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  out_fd = out_pipe[0];
  err_fd = err_pipe[0];
  return pid;
}

int decode(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Completed run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  int out_fd = -1, err_fd = -1;
  const pid_t pid = spawn(argv, environment(env), out_fd, err_fd);
  Completed result;
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = decode(status);
  return result;
}

Child::Child(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  int out_fd = -1;
  pid_ = spawn(argv, environment(env), out_fd, err_fd_);
  ::close(out_fd);
}

Child::~Child() {
  if (status_ < 0 && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (err_fd_ >= 0) ::close(err_fd_);
}

bool Child::read_some(std::chrono::milliseconds limit) {
  pollfd fd{err_fd_, POLLIN, 0};
  if (err_fd_ < 0 || ::poll(&fd, 1, static_cast<int>(limit.count())) <= 0) return false;
  char buffer[4096];
  const ssize_t n = ::read(err_fd_, buffer, sizeof buffer);
  if (n <= 0) {
    ::close(err_fd_);
    err_fd_ = -1;
    return false;
  }
  err_.append(buffer, static_cast<std::size_t>(n));
  return true;
}

bool Child::wait_for_stderr(const std::string& text, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (auto at = err_.find(text, seen_); at != std::string::npos) {
      seen_ = at + text.size();
      return true;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        until - std::chrono::steady_clock::now());
    if (left.count() <= 0 || (!read_some(left) && err_fd_ < 0)) return false;
  }
}

void Child::drain() {
  while (read_some(std::chrono::milliseconds(0))) {
  }
}

int Child::wait_for_exit(std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (status_ < 0) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      status_ = decode(status);
      break;
    }
    if (std::chrono::steady_clock::now() >= until) return -1;
    // Drain stderr meanwhile, so a chatty child cannot block on a full pipe.
    if (!read_some(std::chrono::milliseconds(20)) && err_fd_ < 0)
      ::usleep(10'000);
  }
  return status_;
}

}  // namespace zt::test
