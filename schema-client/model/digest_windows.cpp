// SHA-256 by the system's CNG (BCrypt) on Windows, in place of OpenSSL (digest.cpp): the
// platform's own validated implementation, and no OpenSSL to ship with the agent.
#include <windows.h>
#include <bcrypt.h>

#include <algorithm>
#include <new>

#include "schema-client/model/digest.hpp"
#include "schema-client/model/sha256_windows.hpp"

namespace zt::model {
namespace {

// One provider for the process: CNG's algorithm handles may be shared by threads.
BCRYPT_ALG_HANDLE sha256_provider() {
  static const BCRYPT_ALG_HANDLE provider = [] {
    BCRYPT_ALG_HANDLE handle = nullptr;
    if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&handle, BCRYPT_SHA256_ALGORITHM, nullptr, 0)))
      throw std::bad_alloc();
    return handle;
  }();
  return provider;
}

}  // namespace

BcryptSha256::BcryptSha256() {
  BCRYPT_HASH_HANDLE hash = nullptr;
  if (!BCRYPT_SUCCESS(BCryptCreateHash(sha256_provider(), &hash, nullptr, 0, nullptr, 0, 0)))
    throw std::bad_alloc();
  hash_ = hash;
}

BcryptSha256::~BcryptSha256() { BCryptDestroyHash(static_cast<BCRYPT_HASH_HANDLE>(hash_)); }

void BcryptSha256::update(std::string_view data) {
  // BCryptHashData takes a ULONG size: larger pieces go in parts.
  while (!data.empty()) {
    const auto size = static_cast<ULONG>(std::min<std::size_t>(data.size(), 1u << 30));
    BCryptHashData(static_cast<BCRYPT_HASH_HANDLE>(hash_),
                   reinterpret_cast<PUCHAR>(const_cast<char*>(data.data())), size, 0);
    data.remove_prefix(size);
  }
}

std::array<unsigned char, 32> BcryptSha256::finish() {
  std::array<unsigned char, 32> digest{};
  BCryptFinishHash(static_cast<BCRYPT_HASH_HANDLE>(hash_), digest.data(),
                   static_cast<ULONG>(digest.size()), 0);
  return digest;
}

std::string sha256_hex(std::string_view data) {
  BcryptSha256 hash;
  hash.update(data);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const unsigned char byte : hash.finish()) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xf];
  }
  return hex;
}

// CNG keeps no per-thread state to release.
void release_digest_thread_state() {}

}  // namespace zt::model
