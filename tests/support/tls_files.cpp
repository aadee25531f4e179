#include "tests/support/tls_files.hpp"

#include <stdexcept>

#include "tests/support/process.hpp"

namespace zt::test {

TlsFiles::TlsFiles()
    : certificate_(tree_.root() / "certificate.pem"), key_(tree_.root() / "key.pem") {
  // An EC key: generated in milliseconds, where RSA can take a second under a sanitizer.
  const Completed made = run_process({
      "/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
      "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key_.string(), "-out",
      certificate_.string()});
  if (made.exit_code != 0)
    throw std::runtime_error("openssl req failed (" + std::to_string(made.exit_code) +
                             "): " + made.err);
}

}  // namespace zt::test
