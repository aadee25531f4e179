#pragma once
// A throwaway self-signed certificate and its key for TLS tests: subject CN=localhost,
// subjectAltName localhost and 127.0.0.1, valid for a day, in a temporary directory removed
// with the object. The certificate is its own CA, so a client verifies the server by giving
// certificate() as its CA file. Made with the `openssl` command line.
#include <filesystem>

#include "tests/support/temp_tree.hpp"

namespace zt::test {

class TlsFiles {
 public:
  TlsFiles();  // throws std::runtime_error when openssl fails

  const std::filesystem::path& certificate() const { return certificate_; }
  const std::filesystem::path& key() const { return key_; }
  const std::filesystem::path& directory() const { return tree_.root(); }

 private:
  TempTree tree_;
  std::filesystem::path certificate_;
  std::filesystem::path key_;
};

}  // namespace zt::test
