// The spool's SHA-256 fed in pieces (spool_record.hpp) by the system's CNG (BCrypt), shared
// with the model's sha256_hex (schema-client/model/sha256_windows.hpp).
#include "schema-client/model/sha256_windows.hpp"
#include "transport/spool_record.hpp"

namespace zt::transport {

struct Sha256::Context {
  model::BcryptSha256 hash;
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) { context_->hash.update(data); }

Sha256Digest Sha256::finish() { return context_->hash.finish(); }

}  // namespace zt::transport
