#include "transport/tls_chain_windows.hpp"

#include <fstream>
#include <sstream>

#include "schema-client/base/windows_error.hpp"

namespace zt::transport {
namespace {

constexpr std::string_view kBegin = "-----BEGIN CERTIFICATE-----";
constexpr std::string_view kEnd = "-----END CERTIFICATE-----";

// The trust faults that are not about the root: any of them fails the chain.
constexpr DWORD kAcceptedFaults = CERT_TRUST_IS_UNTRUSTED_ROOT |
                                  CERT_TRUST_REVOCATION_STATUS_UNKNOWN |
                                  CERT_TRUST_IS_OFFLINE_REVOCATION;

std::string trust_faults(DWORD status) {
  static constexpr std::pair<DWORD, const char*> kFaults[] = {
      {CERT_TRUST_IS_NOT_TIME_VALID, "expired or not yet valid"},
      {CERT_TRUST_IS_REVOKED, "revoked"},
      {CERT_TRUST_IS_NOT_SIGNATURE_VALID, "a signature does not verify"},
      {CERT_TRUST_IS_NOT_VALID_FOR_USAGE, "not valid for server authentication"},
      {CERT_TRUST_IS_PARTIAL_CHAIN, "the chain is incomplete"},
      {CERT_TRUST_INVALID_BASIC_CONSTRAINTS, "an issuer is not a CA"},
      {CERT_TRUST_IS_CYCLIC, "the chain is cyclic"},
  };
  std::string text;
  for (const auto& [bit, what] : kFaults)
    if ((status & bit) != 0) text += (text.empty() ? "" : ", ") + std::string(what);
  return text.empty() ? "trust status 0x" + std::to_string(status) : text;
}

}  // namespace

model::Result<std::unique_ptr<CaTrust>> CaTrust::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf()))
    return model::Error{"ca_file: cannot read " + file.string()};
  const std::string pem = text.str();
  HCERTSTORE store = CertOpenStore(CERT_STORE_PROV_MEMORY, 0, 0, 0, nullptr);
  if (store == nullptr)
    return model::Error{"ca_file: cannot make a certificate store: " +
                        base::windows_error_text(GetLastError())};
  std::unique_ptr<CaTrust> trust(new CaTrust(store));
  int count = 0;
  for (std::size_t at = pem.find(kBegin); at != std::string::npos; at = pem.find(kBegin, at)) {
    const std::size_t end = pem.find(kEnd, at);
    if (end == std::string::npos) break;
    const std::string block = pem.substr(at, end + kEnd.size() - at);
    at = end;
    ++count;
    DWORD size = 0;
    std::string der;
    bool ok = CryptStringToBinaryA(block.data(), static_cast<DWORD>(block.size()),
                                   CRYPT_STRING_BASE64HEADER, nullptr, &size, nullptr, nullptr);
    if (ok) {
      der.resize(size);
      ok = CryptStringToBinaryA(block.data(), static_cast<DWORD>(block.size()),
                                CRYPT_STRING_BASE64HEADER,
                                reinterpret_cast<BYTE*>(der.data()), &size, nullptr, nullptr) &&
           CertAddEncodedCertificateToStore(store, X509_ASN_ENCODING,
                                            reinterpret_cast<const BYTE*>(der.data()), size,
                                            CERT_STORE_ADD_USE_EXISTING, nullptr);
    }
    if (!ok)
      return model::Error{"ca_file: " + file.string() + ": certificate " + std::to_string(count) +
                          " is not a certificate (" + base::windows_error_text(GetLastError()) +
                          ")"};
  }
  if (count == 0) return model::Error{"ca_file: no PEM certificate in " + file.string()};
  return trust;
}

CaTrust::~CaTrust() { CertCloseStore(store_, 0); }

std::string CaTrust::verify(const CERT_CONTEXT* certificate, const std::wstring& host) const {
  CERT_CHAIN_PARA para{};
  para.cbSize = sizeof para;
  const CERT_CHAIN_CONTEXT* chain = nullptr;
  if (!CertGetCertificateChain(nullptr, certificate, nullptr, store_, &para, 0, nullptr, &chain))
    return "no chain could be built: " + base::windows_error_text(GetLastError());
  const std::unique_ptr<const CERT_CHAIN_CONTEXT, void (*)(const CERT_CHAIN_CONTEXT*)> owner(
      chain, CertFreeCertificateChain);
  const DWORD faults = chain->TrustStatus.dwErrorStatus & ~kAcceptedFaults;
  if (faults != 0) return trust_faults(faults);
  bool from_file = false;
  const CERT_SIMPLE_CHAIN& simple = *chain->rgpChain[0];
  for (DWORD i = 0; i < simple.cElement && !from_file; ++i) {
    const CERT_CONTEXT* found =
        CertFindCertificateInStore(store_, X509_ASN_ENCODING, 0, CERT_FIND_EXISTING,
                                   simple.rgpElement[i]->pCertContext, nullptr);
    from_file = found != nullptr;
    if (found != nullptr) CertFreeCertificateContext(found);
  }
  if (!from_file) return "it is not issued by a CA of ca_file";

  // The host name (and the rest of the SSL policy), the root being ca_file's.
  SSL_EXTRA_CERT_CHAIN_POLICY_PARA ssl{};
  ssl.cbSize = sizeof ssl;
  ssl.dwAuthType = AUTHTYPE_SERVER;
  ssl.fdwChecks = 0x00000100;  // SECURITY_FLAG_IGNORE_UNKNOWN_CA
  ssl.pwszServerName = const_cast<wchar_t*>(host.c_str());
  CERT_CHAIN_POLICY_PARA policy{};
  policy.cbSize = sizeof policy;
  policy.pvExtraPolicyPara = &ssl;
  CERT_CHAIN_POLICY_STATUS status{};
  status.cbSize = sizeof status;
  if (!CertVerifyCertificateChainPolicy(CERT_CHAIN_POLICY_SSL, chain, &policy, &status))
    return "the SSL policy check failed: " + base::windows_error_text(GetLastError());
  if (status.dwError != 0)
    return "not valid for " + std::string(host.begin(), host.end()) + ": " +
           base::windows_error_text(status.dwError);
  return {};
}

}  // namespace zt::transport
