#include "collectors/network/service_catalog.hpp"

namespace zt::network {
namespace {

using model::Severity;
constexpr Protocol tcp = Protocol::tcp;
constexpr Protocol udp = Protocol::udp;

// IANA's names where they exist ("domain", "microsoft-ds" are spelled as people say them).
constexpr WellKnownPort kPorts[] = {
    {21, tcp, "ftp"},
    {22, tcp, "ssh"},
    {23, tcp, "telnet"},
    {25, tcp, "smtp"},
    {53, tcp, "dns"},
    {53, udp, "dns"},
    {67, udp, "dhcp"},
    {68, udp, "dhcp"},
    {69, udp, "tftp"},
    {80, tcp, "http"},
    {110, tcp, "pop3"},
    {111, tcp, "rpcbind"},
    {111, udp, "rpcbind"},
    {123, udp, "ntp"},
    {137, udp, "netbios"},
    {138, udp, "netbios"},
    {139, tcp, "smb"},
    {143, tcp, "imap"},
    {161, udp, "snmp"},
    {323, udp, "chrony"},
    {389, tcp, "ldap"},
    {443, tcp, "https"},
    {445, tcp, "smb"},
    {465, tcp, "smtps"},
    {512, tcp, "rexec"},
    {513, tcp, "rlogin"},
    {514, tcp, "rsh"},
    {514, udp, "syslog"},
    {587, tcp, "submission"},
    {631, tcp, "ipp"},
    {636, tcp, "ldaps"},
    {993, tcp, "imaps"},
    {995, tcp, "pop3s"},
    {1883, tcp, "mqtt"},
    {2049, tcp, "nfs"},
    {2049, udp, "nfs"},
    {2375, tcp, "docker"},
    {2376, tcp, "docker-tls"},
    {2379, tcp, "etcd"},
    {2380, tcp, "etcd"},
    {3306, tcp, "mysql"},
    {3389, tcp, "rdp"},
    {5353, udp, "mdns"},
    {5432, tcp, "postgresql"},
    {5900, tcp, "vnc"},
    {5984, tcp, "couchdb"},
    {6000, tcp, "x11"},
    {6379, tcp, "redis"},
    {8080, tcp, "http-alt"},
    {8443, tcp, "https-alt"},
    {9100, tcp, "node-exporter"},
    {9200, tcp, "elasticsearch"},
    {9300, tcp, "elasticsearch"},
    {10250, tcp, "kubelet"},
    {11211, tcp, "memcached"},
    {11211, udp, "memcached"},
    {27017, tcp, "mongodb"},
};

// Only processes whose every listener speaks the same service: web servers (80 and 443),
// chronyd (123 and 323) or inetd (anything) are left to the port table.
constexpr ProcessService kProcesses[] = {
    {"sshd", "ssh"},
    {"postgres", "postgresql"},
    {"mysqld", "mysql"},
    {"mariadbd", "mysql"},
    {"redis-server", "redis"},
    {"mongod", "mongodb"},
    {"memcached", "memcached"},
    {"etcd", "etcd"},
    {"kubelet", "kubelet"},
    {"node_exporter", "node-exporter"},
    {"rpcbind", "rpcbind"},
    {"smbd", "smb"},
    {"Xorg", "x11"},
    {"Xvnc", "vnc"},
    {"x11vnc", "vnc"},
    {"xrdp", "rdp"},
    {"in.telnetd", "telnet"},
    {"telnetd", "telnet"},
    {"vsftpd", "ftp"},
    {"proftpd", "ftp"},
    {"pure-ftpd", "ftp"},
    {"in.tftpd", "tftp"},
    {"in.rshd", "rsh"},
    {"in.rlogind", "rlogin"},
    {"in.rexecd", "rexec"},
};

// Severity: high where the service, once reachable, gives data or code execution away with
// no or weak authentication by default (Redis, Memcached, MongoDB, Elasticsearch, etcd,
// kubelet, CouchDB); critical for the plain Docker API (root on the host); high for
// databases with passwords (an open door for brute force and for every future CVE); medium
// for file sharing, RPC and desktop protocols; low for metrics exporters (information only).
constexpr LocalOnlyService kLocalOnly[] = {
    {"postgresql", "PostgreSQL", Severity::high,
     "a database server is meant for its applications, not for every network the host is on",
     "Set `listen_addresses = 'localhost'` (or the one private address the clients use) in "
     "postgresql.conf, restrict pg_hba.conf to those clients, and restart PostgreSQL."},
    {"mysql", "MySQL/MariaDB", Severity::high,
     "a database server is meant for its applications, not for every network the host is on",
     "Set `bind-address = 127.0.0.1` (and `mysqlx-bind-address = 127.0.0.1`) in the [mysqld] "
     "section of my.cnf (Debian: /etc/mysql/mariadb.conf.d/50-server.cnf), and restart it."},
    {"redis", "Redis", Severity::high,
     "Redis has no authentication unless configured and its commands can write files",
     "Set `bind 127.0.0.1 -::1` and `protected-mode yes` in /etc/redis/redis.conf (and "
     "`requirepass` or ACLs if remote clients are needed), then restart redis-server."},
    {"mongodb", "MongoDB", Severity::high,
     "MongoDB without authorization gives every database to anyone who connects",
     "Set `net.bindIp: 127.0.0.1` and `security.authorization: enabled` in /etc/mongod.conf, "
     "and restart mongod."},
    {"memcached", "Memcached", Severity::high,
     "Memcached has no authentication and its UDP port is abused for DDoS amplification",
     "Start memcached with `-l 127.0.0.1 -U 0` (Debian: /etc/memcached.conf) and restart it."},
    {"elasticsearch", "Elasticsearch", Severity::high,
     "an open Elasticsearch gives its indices (and, on old versions, code execution) away",
     "Set `network.host: 127.0.0.1` (or a private address) and enable security "
     "(`xpack.security.enabled: true`) in elasticsearch.yml, and restart it."},
    {"couchdb", "CouchDB", Severity::high,
     "CouchDB's HTTP API administers every database",
     "Set `bind_address = 127.0.0.1` in the [chttpd] section of CouchDB's local.ini and "
     "restart it."},
    {"etcd", "etcd", Severity::high,
     "etcd holds cluster state and secrets (Kubernetes stores its Secrets there)",
     "Set `--listen-client-urls` and `--listen-peer-urls` to loopback or the cluster's private "
     "addresses, with client certificate authentication (`--client-cert-auth`)."},
    {"docker", "Docker API", Severity::critical,
     "the plain-HTTP Docker API gives root on the host to anyone who connects",
     "Remove `-H tcp://0.0.0.0:2375` from dockerd's flags or `hosts` in "
     "/etc/docker/daemon.json; use the unix socket, or SSH (`DOCKER_HOST=ssh://…`)."},
    {"docker-tls", "Docker API (TLS)", Severity::medium,
     "the Docker API is root on the host; exposed, it rests on client certificates alone",
     "Bind the TLS Docker API to a management interface only (`hosts` in "
     "/etc/docker/daemon.json) and check that `tlsverify` is set."},
    {"kubelet", "kubelet API", Severity::high,
     "the kubelet API runs commands in every pod of the node",
     "Firewall port 10250 to the control plane, and set `authentication.anonymous.enabled: "
     "false` and `authorization.mode: Webhook` in the kubelet configuration."},
    {"node-exporter", "Prometheus node exporter", Severity::low,
     "its metrics describe the host in detail to anyone who asks",
     "Start node_exporter with `--web.listen-address=127.0.0.1:9100` (or the scraper's "
     "network), or firewall the port to the Prometheus servers."},
    {"rpcbind", "RPC portmapper", Severity::medium,
     "rpcbind lists the host's RPC services and is abused for DDoS amplification",
     "If NFS is not used, `systemctl disable --now rpcbind.service rpcbind.socket`; otherwise "
     "firewall port 111 to the NFS clients."},
    {"smb", "SMB", Severity::medium,
     "file sharing should be reachable from its clients' network only",
     "Set `interfaces = lo <lan-interface>` and `bind interfaces only = yes` in the [global] "
     "section of /etc/samba/smb.conf, and restart smbd."},
    {"nfs", "NFS", Severity::medium,
     "NFS exports trust client addresses; it belongs on a storage network",
     "Firewall port 2049 to the NFS clients and list only them in /etc/exports."},
    {"x11", "X11", Severity::high,
     "an X server on the network lets a client read keystrokes and the screen",
     "Start the X server with `-nolisten tcp` (the default of current display managers; check "
     "the display manager's configuration) and use `ssh -X` for remote clients."},
    {"vnc", "VNC", Severity::medium,
     "VNC passwords are weak (8 characters) and the protocol is not encrypted",
     "Bind the VNC server to localhost (`-localhost`) and reach it through an SSH tunnel or a "
     "VPN."},
    {"rdp", "RDP", Severity::medium,
     "a remote desktop exposed on every interface is a brute-force target",
     "Bind xrdp to a management address (`address=` in the [Globals] section of "
     "/etc/xrdp/xrdp.ini) or reach it through a VPN."},
};

// Severity: high for remote shells and telnet (logins in cleartext, and rsh trusts client
// addresses); medium for FTP, TFTP (no authentication at all) and SNMP (community strings in
// cleartext); low for POP3, IMAP and LDAP (they usually offer STARTTLS; the finding asks to
// check that cleartext logins are refused).
constexpr CleartextService kCleartext[] = {
    {"telnet", "telnet", Severity::high,
     "telnet sends logins, passwords and the whole session unencrypted",
     "Disable it (`systemctl disable --now inetd` or comment out the `telnet` line in "
     "/etc/inetd.conf; `systemctl disable --now telnet.socket`), remove the telnetd package "
     "and use SSH."},
    {"rsh", "rsh", Severity::high,
     "rsh sends the session unencrypted and trusts the client's address (.rhosts)",
     "Comment out the `shell` line in /etc/inetd.conf (or disable rsh.socket), remove "
     "rsh-server and use SSH."},
    {"rlogin", "rlogin", Severity::high,
     "rlogin sends the session unencrypted and trusts the client's address (.rhosts)",
     "Comment out the `login` line in /etc/inetd.conf (or disable rlogin.socket), remove "
     "rsh-server and use SSH."},
    {"rexec", "rexec", Severity::high,
     "rexec sends user names and passwords unencrypted",
     "Comment out the `exec` line in /etc/inetd.conf (or disable rexec.socket), remove "
     "rsh-server and use SSH."},
    {"ftp", "FTP", Severity::medium,
     "FTP sends logins, passwords and files unencrypted",
     "Use SFTP (OpenSSH) instead and disable the FTP server (`systemctl disable --now "
     "vsftpd`); if FTP must stay, require TLS (`ssl_enable=YES`, `force_local_logins_ssl=YES` "
     "in /etc/vsftpd.conf)."},
    {"tftp", "TFTP", Severity::medium,
     "TFTP has no authentication: anyone who can reach it reads (and maybe writes) its files",
     "Disable it when no device boots from it (`systemctl disable --now tftpd-hpa`, or the "
     "`tftp` line in /etc/inetd.conf); otherwise bind it to the provisioning network only "
     "(`TFTP_ADDRESS` in /etc/default/tftpd-hpa)."},
    {"snmp", "SNMP", Severity::medium,
     "SNMP v1/v2c sends community strings unencrypted",
     "Use SNMPv3 with authPriv users in /etc/snmp/snmpd.conf and remove the `rocommunity`/"
     "`rwcommunity` lines, or bind snmpd to the management network (`agentaddress`)."},
    {"pop3", "POP3", Severity::low,
     "POP3 on port 110 accepts passwords unencrypted unless the server refuses them",
     "Serve POP3S on 995 and close 110, or require STARTTLS before login "
     "(Dovecot: `ssl = required`, `disable_plaintext_auth = yes`)."},
    {"imap", "IMAP", Severity::low,
     "IMAP on port 143 accepts passwords unencrypted unless the server refuses them",
     "Serve IMAPS on 993 and close 143, or require STARTTLS before login "
     "(Dovecot: `ssl = required`, `disable_plaintext_auth = yes`)."},
    {"ldap", "LDAP", Severity::low,
     "LDAP on port 389 carries binds (passwords) unencrypted unless StartTLS is required",
     "Serve LDAPS on 636, or require StartTLS (OpenLDAP: `olcSecurity: tls=1`)."},
};

}  // namespace

std::span<const WellKnownPort> well_known_ports() { return kPorts; }
std::span<const ProcessService> process_services() { return kProcesses; }
std::span<const LocalOnlyService> local_only_services() { return kLocalOnly; }
std::span<const CleartextService> cleartext_services() { return kCleartext; }

std::string_view service_for_port(Protocol protocol, std::uint16_t port) {
  for (const WellKnownPort& p : kPorts)
    if (p.port == port && p.protocol == protocol) return p.service;
  return {};
}

std::string_view service_for_process(std::string_view process_name) {
  for (const ProcessService& p : kProcesses)
    if (p.process == process_name) return p.service;
  return {};
}

const LocalOnlyService* local_only_service(std::string_view service) {
  for (const LocalOnlyService& s : kLocalOnly)
    if (s.service == service) return &s;
  return nullptr;
}

const CleartextService* cleartext_service(std::string_view service) {
  for (const CleartextService& s : kCleartext)
    if (s.service == service) return &s;
  return nullptr;
}

bool is_weak_cipher(std::string_view name) {
  // OpenSSL's names: "NULL-SHA", "ECDHE-RSA-NULL-SHA", "ADH-AES128-SHA", "AECDH-AES128-SHA",
  // "EXP-RC4-MD5", "RC4-SHA", "DES-CBC3-SHA", "EDH-RSA-DES-CBC-SHA", "NULL-MD5".
  const auto has = [&](std::string_view part) { return name.find(part) != std::string_view::npos; };
  return has("NULL") || name.starts_with("ADH-") || name.starts_with("AECDH-") ||
         name.starts_with("EXP") || has("RC4") || has("DES") || name.ends_with("-MD5");
}

}  // namespace zt::network
