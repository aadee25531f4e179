#pragma once
// Runs a real program for an integration test: argv in, exit code and output out; or keeps
// one running (a daemon) and waits, with a time limit, for a line in its stderr.
#include <chrono>
#include <string>
#include <vector>

#include <sys/types.h>

namespace zt::test {

struct Completed {
  int exit_code = -1;  // 128 + signal number when it was killed
  std::string out;
  std::string err;
};

// Runs to completion. `env` entries ("KEY=value") are added to a minimal environment.
Completed run_process(const std::vector<std::string>& argv,
                      const std::vector<std::string>& env = {});

class Child {
 public:
  explicit Child(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
  ~Child();  // kills and reaps it if it is still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  // Reads stderr until `text` appears after what was seen before, or the limit passes.
  bool wait_for_stderr(const std::string& text, std::chrono::milliseconds limit);
  // Waits for the exit; -1 when the limit passes first.
  int wait_for_exit(std::chrono::milliseconds limit);
  // Reads what stderr has now, without waiting, so a chatty child never blocks on the pipe.
  void drain();
  const std::string& stderr_text() const { return err_; }

 private:
  bool read_some(std::chrono::milliseconds limit);
  pid_t pid_ = -1;
  int err_fd_ = -1;
  std::string err_;
  std::size_t seen_ = 0;
  int status_ = -1;
};

}  // namespace zt::test
