// The spool's SHA-256 fed in pieces (spool_record.hpp) by OpenSSL's EVP; on Windows, by CNG
// (spool_sha256_windows.cpp).
#include <openssl/evp.h>

#include <new>

#include "transport/spool_record.hpp"

namespace zt::transport {

struct Sha256::Context {
  EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  context_->ctx = EVP_MD_CTX_new();
  if (context_->ctx == nullptr || EVP_DigestInit_ex(context_->ctx, EVP_sha256(), nullptr) != 1)
    throw std::bad_alloc();
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_->ctx); }

void Sha256::update(std::string_view data) {
  EVP_DigestUpdate(context_->ctx, data.data(), data.size());
}

Sha256Digest Sha256::finish() {
  Sha256Digest digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_->ctx, digest.data(), &length);
  return digest;
}

}  // namespace zt::transport
