#pragma once
// Tokens and cloud keys with a known shape, anywhere in a text: GitHub (classic tokens with
// their CRC32 checksum; fine-grained github_pat_), GitLab (glpat-), Slack (xox?-), Stripe
// live secret and restricted keys, SendGrid (SG.x.y), npm (npm_ with its checksum), PyPI
// (pypi-AgEIcHlwaS5vcmc…: a macaroon whose location is pypi.org), AWS access key ids with a
// secret access key within five lines, Azure storage AccountKey= (a base64 64-byte key) and
// GCP service-account JSON (type service_account with a private_key). Pure.
#include <string_view>

#include "collectors/privacy/hit.hpp"

namespace zt::privacy {

void find_tokens(std::string_view text, Hits& hits);

}  // namespace zt::privacy
