#include "collectors/network/report.hpp"

#include <algorithm>

#include "collectors/network/finding_types.hpp"
#include "collectors/network/service_catalog.hpp"

namespace zt::network {
namespace {

using model::Finding;
using model::Severity;
using nlohmann::json;

std::string port_text(const Listener& l) {
  return std::to_string(l.port) + "/" + std::string(to_string(l.protocol));
}

// "port 6379/tcp (redis)"
std::string port_and_service(const Listener& l, const std::string& service) {
  std::string text = "port " + port_text(l);
  if (!service.empty()) text += " (" + service + ")";
  return text;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

json process_json(const Listener& l) {
  if (!l.process) return nullptr;
  return {{"pid", l.process->pid}, {"name", l.process->name}, {"user", l.process->user}};
}

// Owner as prose: "redis-server (pid 812, user redis)".
std::string owner_text(const Listener& l) {
  if (!l.process) return "an unidentified process";
  return l.process->name + " (pid " + std::to_string(l.process->pid) + ", user " +
         l.process->user + ")";
}

bool tls_ok(const Listener& l) { return l.tls && l.tls->main.handshake_ok; }

Finding base(const Listener& l, const std::string& service, std::string_view type,
             Severity severity, json value) {
  Finding f;
  f.category = model::Category::network;
  f.severity = severity;
  f.fields = {{"host", l.address},
              {"port", static_cast<int>(l.port)},
              {"protocol", std::string(to_string(l.protocol))},
              {"service_name", service.empty() ? std::string("unknown") : service}};
  if (l.banner && !l.banner->version.empty()) f.fields["service_version"] = l.banner->version;
  if (l.tls) {
    f.fields["ssl_enabled"] = l.tls->main.handshake_ok;
    if (l.tls->main.handshake_ok) {
      f.fields["ssl_version"] = l.tls->main.protocol;
      f.fields["ssl_cipher"] = l.tls->main.cipher;
      if (l.tls->main.certificate)
        f.fields["ssl_cert_expiry"] = model::format_timestamp(l.tls->main.certificate->not_after);
    }
  }
  f.metadata = {{"finding_type", std::string(type)},
                {"address_family", std::string(to_string(l.family))},
                {"process", process_json(l)},
                {"source", l.source},
                {"value", std::move(value)}};
  return f;
}

Finding listening_finding(const Listener& l, const std::string& service) {
  const std::string where = endpoint_text(l.address, l.port);
  Finding f = base(l, service, finding_type::kListening, Severity::info, where);
  f.title = "Port " + port_text(l) + (service.empty() ? "" : " (" + service + ")") +
            " listening on " + l.address;
  f.description = std::string(l.protocol == Protocol::tcp ? "TCP" : "UDP") + " socket " + where +
                  " (" + std::string(to_string(l.family)) + ") is open for " +
                  (is_wildcard(l) ? "every interface" : is_loopback(l) ? "this host only"
                                                                        : "one address") +
                  ", owned by " + owner_text(l) + ".";
  if (l.banner && !l.banner->version.empty())
    f.description += " It announces itself as " + l.banner->version + ".";
  if (tls_ok(l))
    f.description += " It speaks TLS (" + l.tls->main.protocol + ", " + l.tls->main.cipher + ").";
  f.remediation = "None needed if this service is expected on this host; otherwise stop and "
                  "disable it, or bind it to the addresses that need it.";
  if (l.banner_bytes) f.metadata["banner"] = banner_excerpt(*l.banner_bytes);
  return f;
}

Finding exposed_finding(const Listener& l, const std::string& service,
                        const LocalOnlyService& rule) {
  const std::string where = endpoint_text(l.address, l.port);
  Finding f = base(l, service, finding_type::kExposedLocal, rule.severity, where);
  f.title = std::string(rule.display) + " on " + port_and_service(l, service) +
            " listens on all interfaces";
  f.description = std::string(rule.display) + " (" + owner_text(l) + ") listens on " + where +
                  ", every interface of the host, though it is usually reached from this host "
                  "or a private network only: " + std::string(rule.why) + ".";
  f.remediation = std::string(rule.remediation) +
                  " If remote clients need it, allow only them with the host firewall.";
  return f;
}

Finding cleartext_finding(const Listener& l, const std::string& service,
                          const CleartextService& rule) {
  const std::string where = endpoint_text(l.address, l.port);
  const Severity severity = is_loopback(l) ? Severity::low : rule.severity;
  Finding f = base(l, service, finding_type::kCleartext, severity, service + " on " + where);
  f.title = "Cleartext " + std::string(rule.display) + " service on " + port_and_service(l, service);
  f.description = std::string(rule.display) + " (" + owner_text(l) + ") listens on " + where +
                  ": " + std::string(rule.why) + "." +
                  (is_loopback(l) ? " It is bound to loopback only, which limits who can use it."
                                  : "");
  f.remediation = std::string(rule.remediation);
  return f;
}

void add_tls_findings(const Listener& l, const std::string& service, model::Timestamp now,
                      std::vector<Finding>& out) {
  if (!l.tls) return;
  const TlsObservation& t = *l.tls;
  const std::string where = endpoint_text(l.address, l.port);
  const std::string subject = port_and_service(l, service);
  if (t.main.handshake_ok && t.main.certificate) {
    const CertificateInfo& cert = *t.main.certificate;
    const std::string expiry = model::format_timestamp(cert.not_after);
    if (cert.not_after < now) {
      Finding f = base(l, service, finding_type::kCertExpired, Severity::high, expiry);
      f.title = "Expired TLS certificate on " + subject;
      f.description = "The certificate served on " + where + " (subject " + cert.subject +
                      ") expired on " + expiry + "; clients that verify it refuse to connect, "
                      "and those that don't have learnt to ignore warnings.";
      f.remediation = "Renew the certificate (`certbot renew`, or a new one from your CA), "
                      "install it with its key where the service's configuration points "
                      "(nginx `ssl_certificate`, Apache `SSLCertificateFile`, Postfix "
                      "`smtpd_tls_chain_files`) and reload the service.";
      f.metadata["certificate"] = {{"subject", cert.subject}, {"issuer", cert.issuer}};
      out.push_back(std::move(f));
    } else if (cert.not_after < now + kCertExpiryWarning) {
      const auto days = std::chrono::floor<std::chrono::days>(cert.not_after - now).count();
      Finding f = base(l, service, finding_type::kCertExpiring, Severity::medium, expiry);
      f.title = "TLS certificate on " + subject + " expires within 30 days";
      f.description = "The certificate served on " + where + " (subject " + cert.subject +
                      ") expires on " + expiry + ", in " + std::to_string(days) + " day(s).";
      f.remediation = "Renew it before then (`certbot renew`, or a new one from your CA), "
                      "install it and reload the service; automate renewal so that it happens "
                      "30 days ahead.";
      f.metadata["certificate"] = {{"subject", cert.subject}, {"issuer", cert.issuer}};
      out.push_back(std::move(f));
    }
    if (cert.self_signed && !is_loopback(l)) {
      Finding f = base(l, service, finding_type::kSelfSignedPublic, Severity::medium, cert.subject);
      f.title = "Self-signed TLS certificate on " + subject + ", reachable from the network";
      f.description = "The certificate served on " + where + " is self-signed (subject and "
                      "issuer " + cert.subject + "): clients cannot verify it without pinning "
                      "it, so they are open to interception.";
      f.remediation = "Serve a certificate from a public CA (ACME/Let's Encrypt) or your "
                      "internal CA, and distribute that CA to the clients; or bind the service "
                      "to loopback if only local clients use it.";
      f.metadata["certificate"] = {{"subject", cert.subject}, {"issuer", cert.issuer}};
      out.push_back(std::move(f));
    }
  }
  std::vector<std::string> legacy = t.legacy;
  if (t.main.handshake_ok && (t.main.protocol == "TLSv1" || t.main.protocol == "TLSv1.1") &&
      std::find(legacy.begin(), legacy.end(), t.main.protocol) == legacy.end())
    legacy.push_back(t.main.protocol);
  if (!legacy.empty()) {
    Finding f = base(l, service, finding_type::kLegacyProtocol, Severity::medium, legacy);
    f.title = "Legacy TLS (" + join(legacy, ", ") + ") accepted on " + subject;
    f.description = "A handshake with the highest version capped at " + join(legacy, ", ") +
                    " succeeded on " + where + ". TLS 1.0 and 1.1 are deprecated (RFC 8996) "
                    "and allow downgrade attacks.";
    f.remediation = "Accept TLS 1.2 and 1.3 only: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, "
                    "Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Postfix "
                    "`smtpd_tls_protocols = >=TLSv1.2`, Dovecot `ssl_min_protocol = TLSv1.2`; "
                    "then reload the service.";
    out.push_back(std::move(f));
  }
  std::optional<std::string> weak = t.weak_cipher;
  if (!weak && t.main.handshake_ok && is_weak_cipher(t.main.cipher)) weak = t.main.cipher;
  if (weak) {
    Finding f = base(l, service, finding_type::kWeakCipher, Severity::high, *weak);
    f.title = "Weak TLS cipher accepted on " + subject;
    f.description = "The service on " + where + " accepted the cipher suite " + *weak +
                    " (no encryption, no authentication, or broken encryption).";
    f.remediation = "Allow strong suites only: nginx `ssl_ciphers "
                    "HIGH:!aNULL:!eNULL:!EXPORT:!RC4:!3DES:!MD5;`, Apache `SSLCipherSuite "
                    "HIGH:!aNULL:!eNULL:!RC4:!3DES:!MD5`, Postfix `smtpd_tls_exclude_ciphers = "
                    "aNULL, eNULL, RC4, 3DES, MD5`; then reload the service.";
    out.push_back(std::move(f));
  }
}

json tls_json(const Listener& l) {
  if (!l.tls) return nullptr;
  const TlsObservation& t = *l.tls;
  json j = {{"handshake_ok", t.main.handshake_ok}};
  if (!t.main.handshake_ok) {
    j["error"] = t.main.error;
    return j;
  }
  j["protocol"] = t.main.protocol;
  j["cipher"] = t.main.cipher;
  j["legacy_accepted"] = t.legacy;
  j["weak_cipher_accepted"] = t.weak_cipher ? json(*t.weak_cipher) : json(nullptr);
  j["weak_check_done"] = t.weak_check_done;
  if (t.main.certificate) {
    const CertificateInfo& c = *t.main.certificate;
    j["certificate"] = {{"subject", c.subject},
                        {"issuer", c.issuer},
                        {"not_before", model::format_timestamp(c.not_before)},
                        {"not_after", model::format_timestamp(c.not_after)},
                        {"self_signed", c.self_signed}};
  }
  return j;
}

}  // namespace

std::vector<Finding> make_findings(const Snapshot& snapshot, model::Timestamp now) {
  std::vector<Finding> out;
  for (const Listener& l : snapshot.listeners) {
    const std::string service = service_name(l);
    out.push_back(listening_finding(l, service));
    if (const LocalOnlyService* rule = local_only_service(service); rule && is_wildcard(l))
      out.push_back(exposed_finding(l, service, *rule));
    if (const CleartextService* rule = cleartext_service(service))
      out.push_back(cleartext_finding(l, service, *rule));
    add_tls_findings(l, service, now, out);
  }
  return out;
}

json make_inventory(const Snapshot& snapshot) {
  const std::vector<Listener>& listeners = snapshot.listeners;
  const ProbingSummary& summary = snapshot.probing;
  json items = json::array();
  for (const Listener& l : listeners) {
    const std::string service = service_name(l);
    items.push_back({{"protocol", std::string(to_string(l.protocol))},
                     {"address_family", std::string(to_string(l.family))},
                     {"host", l.address},
                     {"port", static_cast<int>(l.port)},
                     {"service_name", service.empty() ? json(nullptr) : json(service)},
                     {"service_version", l.banner && !l.banner->version.empty()
                                             ? json(l.banner->version)
                                             : json(nullptr)},
                     {"process", process_json(l)},
                     {"pids", l.pids},
                     {"uid", l.socket_uid},
                     {"inodes", l.inodes},
                     {"source", l.source},
                     {"banner", l.banner_bytes ? json(banner_excerpt(*l.banner_bytes))
                                               : json(nullptr)},
                     {"tls", tls_json(l)}});
  }
  json probes = json::array();
  for (const PlannedProbe& p : snapshot.plan) {
    const Listener& l = listeners.at(p.listener);
    probes.push_back({{"host", l.address},
                      {"port", static_cast<int>(l.port)},
                      {"target", p.target ? json(p.target->address) : json(nullptr)},
                      {"skipped", p.target ? json(nullptr) : json(p.skipped)}});
  }
  return {{"listeners", std::move(items)},
          {"listener_count", listeners.size()},
          {"probing", {{"live", summary.live}, {"note", summary.note}, {"probes", probes}}},
          {"processes",
           {{"pids_scanned", summary.pids_scanned},
            {"pids_unreadable", summary.pids_unreadable}}}};
}

}  // namespace zt::network
