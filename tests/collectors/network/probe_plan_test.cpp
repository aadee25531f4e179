#include "collectors/network/probe_plan.hpp"

#include <catch2/catch.hpp>

#include "collectors/network/service_catalog.hpp"

using namespace zt::network;

namespace {

Listener listener(Protocol protocol, Family family, std::string address, std::uint16_t port) {
  Listener l;
  l.protocol = protocol;
  l.family = family;
  l.address = std::move(address);
  l.port = port;
  return l;
}

}  // namespace

TEST_CASE("probe plan: targets are this host only", "[unit][network][probe_plan]") {
  using F = Family;
  const auto target = [](F f, std::string a) {
    return probe_target(listener(Protocol::tcp, f, std::move(a), 443));
  };
  CHECK(target(F::ipv4, "0.0.0.0") == Endpoint{F::ipv4, "127.0.0.1", 443});
  CHECK(target(F::ipv6, "::") == Endpoint{F::ipv6, "::1", 443});
  CHECK(target(F::ipv4, "127.0.0.53") == Endpoint{F::ipv4, "127.0.0.53", 443});
  CHECK(target(F::ipv4, "192.168.1.10") == Endpoint{F::ipv4, "192.168.1.10", 443});
  CHECK(target(F::ipv6, "::1") == Endpoint{F::ipv6, "::1", 443});
  CHECK(target(F::ipv6, "::ffff:127.0.0.1") == Endpoint{F::ipv4, "127.0.0.1", 443});
  CHECK(target(F::ipv6, "2001:db8::5") == Endpoint{F::ipv6, "2001:db8::5", 443});
  CHECK_FALSE(target(F::ipv6, "fe80::1"));
}

TEST_CASE("probe plan: allow, deny, cap and refusal", "[unit][network][probe_plan]") {
  const std::vector<Listener> listeners = {
      listener(Protocol::tcp, Family::ipv4, "0.0.0.0", 22),
      listener(Protocol::udp, Family::ipv4, "0.0.0.0", 53),
      listener(Protocol::tcp, Family::ipv4, "0.0.0.0", 443),
      listener(Protocol::tcp, Family::ipv6, "::", 443),
      listener(Protocol::tcp, Family::ipv6, "fe80::1", 8080),
      listener(Protocol::tcp, Family::ipv4, "127.0.0.1", 8443),
  };
  const auto summary = [&](const std::vector<PlannedProbe>& plan) {
    std::vector<std::string> out;
    for (const auto& p : plan)
      out.push_back(std::to_string(listeners[p.listener].port) + " " +
                    (p.target ? p.target->address : p.skipped));
    return out;
  };
  using S = std::vector<std::string>;

  ProbeSettings settings;
  CHECK(summary(plan_probes(listeners, settings, "")) ==
        S{"22 127.0.0.1", "443 127.0.0.1", "443 ::1",
          "8080 link-local address: /proc/net does not give its interface", "8443 127.0.0.1"});

  settings.max_ports = 2;
  settings.deny = {{22, 22}};
  CHECK(summary(plan_probes(listeners, settings, "")) ==
        S{"22 port in probe_ports_deny", "443 127.0.0.1", "443 ::1",
          "8080 cap of 2 probed ports per run (max_probed_ports) reached",
          "8443 cap of 2 probed ports per run (max_probed_ports) reached"});

  settings = {};
  settings.allow = {{443, 443}, {8000, 9000}};
  settings.deny = {{8443, 8443}};
  CHECK(summary(plan_probes(listeners, settings, "")) ==
        S{"22 port not in probe_ports_allow", "443 127.0.0.1", "443 ::1",
          "8080 link-local address: /proc/net does not give its interface",
          "8443 port in probe_ports_deny"});

  settings = {};
  settings.banners = settings.tls = false;
  CHECK(summary(plan_probes(listeners, settings, "")).front() ==
        "22 probing disabled (probe_banners and probe_tls are false)");
  CHECK(summary(plan_probes(listeners, ProbeSettings{}, "not here")) ==
        S{"22 not here", "443 not here", "443 not here", "8080 not here", "8443 not here"});
}

TEST_CASE("service catalog: identification and rules", "[unit][network][catalog]") {
  CHECK(service_for_port(Protocol::tcp, 5432) == "postgresql");
  CHECK(service_for_port(Protocol::udp, 69) == "tftp");
  CHECK(service_for_port(Protocol::tcp, 69) == "");
  CHECK(service_for_port(Protocol::udp, 514) == "syslog");
  CHECK(service_for_port(Protocol::tcp, 514) == "rsh");
  CHECK(service_for_process("redis-server") == "redis");
  CHECK(service_for_process("inetd") == "");
  CHECK(local_only_service("redis")->severity == zt::model::Severity::high);
  CHECK(local_only_service("docker")->severity == zt::model::Severity::critical);
  CHECK(local_only_service("ssh") == nullptr);
  CHECK(cleartext_service("telnet")->severity == zt::model::Severity::high);
  CHECK(cleartext_service("https") == nullptr);
  // Every rule names a service that the port or process table can produce.
  const auto known = [](std::string_view s) {
    for (const auto& p : well_known_ports())
      if (p.service == s) return true;
    for (const auto& p : process_services())
      if (p.service == s) return true;
    return false;
  };
  for (const auto& r : local_only_services()) CHECK(known(r.service));
  for (const auto& r : cleartext_services()) CHECK(known(r.service));
  for (const char* weak : {"NULL-SHA", "ECDHE-RSA-NULL-SHA", "ADH-AES128-SHA", "AECDH-AES128-SHA",
                           "EXP-RC4-MD5", "RC4-SHA", "DES-CBC3-SHA", "EDH-RSA-DES-CBC-SHA"})
    CHECK(is_weak_cipher(weak));
  for (const char* strong : {"TLS_AES_256_GCM_SHA384", "ECDHE-RSA-AES128-GCM-SHA256",
                             "ECDHE-ECDSA-CHACHA20-POLY1305", "AES256-SHA"})
    CHECK_FALSE(is_weak_cipher(strong));
}
