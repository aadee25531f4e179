#pragma once
// SHA-256 fed in pieces by the system's CNG (BCrypt), for the Windows build: sha256_hex
// (digest_windows.cpp) and the spool's payload checks (transport/spool_sha256_windows.cpp).
#include <array>
#include <string_view>

namespace zt::model {

class BcryptSha256 {
 public:
  BcryptSha256();  // throws std::bad_alloc when CNG cannot make a hash object
  ~BcryptSha256();
  BcryptSha256(const BcryptSha256&) = delete;
  BcryptSha256& operator=(const BcryptSha256&) = delete;

  void update(std::string_view data);
  std::array<unsigned char, 32> finish();  // once

 private:
  void* hash_ = nullptr;  // BCRYPT_HASH_HANDLE, kept out of this header with <windows.h>
};

}  // namespace zt::model
