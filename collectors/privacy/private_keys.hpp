#pragma once
// Private keys without a passphrase, in a text: PEM blocks ("BEGIN PRIVATE KEY", "BEGIN RSA
// / EC / DSA PRIVATE KEY" without a Proc-Type ENCRYPTED header; their base64 body must
// decode to DER), OpenSSH keys (the openssh-key-v1 blob decoded: cipher "none"), and PuTTY
// keys (PuTTY-User-Key-File-2/3 with "Encryption: none"). Encrypted keys ("BEGIN ENCRYPTED
// PRIVATE KEY", Proc-Type 4,ENCRYPTED, an OpenSSH cipher other than none, a PuTTY
// Encryption other than none) give nothing. The hit's value is the key's body. Pure.
#include <string_view>

#include "collectors/privacy/hit.hpp"

namespace zt::privacy {

void find_private_keys(std::string_view text, Hits& hits);

// The cipher name of an openssh-key-v1 blob (decoded), or "" if it is not one.
std::string_view openssh_cipher(std::string_view blob);

}  // namespace zt::privacy
