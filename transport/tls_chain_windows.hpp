#pragma once
// Windows only (http_client_windows.cpp): the CAs of ClientOptions::ca_file, and the check of
// a server's certificate chain against them alone (as libcurl's CAINFO does on Linux). The
// chain is built by CryptoAPI with the file's certificates as an additional store; it is
// trusted when one of its certificates is one of the file's, it has no other fault (dates,
// signatures, usage, revoked) than an untrusted root, and the SSL policy accepts it for the
// server's host name.
#include <windows.h>
#include <wincrypt.h>

#include <filesystem>
#include <memory>
#include <string>

#include "schema-client/model/result.hpp"

namespace zt::transport {

class CaTrust {
 public:
  // Errors: "ca_file: cannot read …", "ca_file: no PEM certificate in …", "ca_file: … is not
  // a certificate (the Nth)".
  static model::Result<std::unique_ptr<CaTrust>> load(const std::filesystem::path& file);
  ~CaTrust();
  CaTrust(const CaTrust&) = delete;
  CaTrust& operator=(const CaTrust&) = delete;

  // "" when `certificate` (the server's, with the intermediates it sent in its store) chains
  // to one of the file's CAs and is valid for `host`; else what is wrong.
  std::string verify(const CERT_CONTEXT* certificate, const std::wstring& host) const;

 private:
  explicit CaTrust(HCERTSTORE store) : store_(store) {}
  HCERTSTORE store_;
};

}  // namespace zt::transport
