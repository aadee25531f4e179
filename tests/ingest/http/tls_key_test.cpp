// A TLS key the ingest cannot read: the message names the file, the user the ingest runs as
// and how the DynamicUser unit gets the key (LoadCredential=). Run as root, the server is
// started in a child that runs as nobody (root reads any file).
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <string>

#include "tests/ingest/http/test_server.hpp"
#include "tests/support/tls_files.hpp"

using namespace zt::test;
namespace fs = std::filesystem;

namespace {

constexpr uid_t kNobody = 65534;

// HttpServer::start's error with `options`, as the user `uid` (the current one when it is
// not root). "" when it started.
std::string start_error_as(uid_t uid, const zt::ingest::ServerOptions& options) {
  auto attempt = [&] {
    zt::ingest::Metrics metrics;
    auto server = zt::ingest::HttpServer::start(options, echo, metrics);
    return server ? std::string() : server.error().message;
  };
  if (geteuid() != 0) return attempt();
  std::array<int, 2> pipe_fds{};
  REQUIRE(pipe(pipe_fds.data()) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(pipe_fds[0]);
    if (setgid(uid) != 0 || setuid(uid) != 0) _exit(2);
    const std::string message = attempt();
    const auto size = static_cast<ssize_t>(message.size());
    const bool written = ::write(pipe_fds[1], message.data(), message.size()) == size;
    _exit(written ? 0 : 3);
  }
  ::close(pipe_fds[1]);
  std::string message;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) message.append(buffer, n);
  ::close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return message;
}

}  // namespace

TEST_CASE("a TLS key the ingest cannot read says which user needs it", "[integration]") {
  TlsFiles files;
  char pattern[] = "/tmp/zt-tls-key-XXXXXX";
  REQUIRE(mkdtemp(pattern) != nullptr);
  const fs::path dir = pattern;
  fs::permissions(dir, fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  const fs::path certificate = dir / "ingest.crt", key = dir / "ingest.key";
  fs::copy_file(files.certificate(), certificate);
  fs::copy_file(files.key(), key);
  fs::permissions(certificate, fs::perms::owner_read | fs::perms::group_read |
                                   fs::perms::others_read);
  fs::permissions(key, geteuid() == 0 ? fs::perms::owner_read : fs::perms::none);

  auto options = test_options();
  options.tls = true;
  options.certificate_file = certificate;
  options.key_file = key;
  const uid_t uid = geteuid() == 0 ? kNobody : geteuid();
  const std::string message = start_error_as(uid, options);
  fs::remove_all(dir);

  CHECK_THAT(message, Catch::StartsWith("cannot read key " + key.string() + ": Permission denied"));
  CHECK_THAT(message, Catch::Contains("the ingest runs as user "));
  CHECK_THAT(message, Catch::Contains("(uid " + std::to_string(uid) + ")"));
  CHECK_THAT(message, Catch::Contains("LoadCredential=ingest.key:" + key.string()));
  CHECK_THAT(message,
             Catch::Contains("/run/credentials/zerotrace-ingest.service/ingest.key"));
}
