// The Windows `network` collector (collectors.hpp): the listening TCP sockets and the bound
// UDP sockets, IPv4 and IPv6, from GetExtendedTcpTable / GetExtendedUdpTable with their
// owning processes (a Toolhelp snapshot names them, the process token its user), reported
// by the Linux network collector's report (collectors/network/report.hpp): the same
// listening_service findings, exposure and cleartext rules, and inventory. No live probes
// yet: the Windows agent has no prober (docs/WINDOWS.md).
// Not sorted: winsock2.h before windows.h, iphlpapi.h and tlhelp32.h after both.
// clang-format off
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <tlhelp32.h>
// clang-format on

#include <algorithm>
#include <map>
#include <tuple>

#include "collectors/network/report.hpp"
#include "collectors/windows/collectors.hpp"
#include "collectors/windows/wide_text.hpp"
#include "schema-client/base/windows_error.hpp"

namespace zt::windows {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::Family;
using collector::ProcessInfo;
using collector::Protocol;
using network::Listener;

struct Row {
  Protocol protocol;
  Family family;
  std::string address;
  std::uint16_t port;
  int pid;
};

struct Table {
  Protocol protocol;
  Family family;
  std::string_view source;  // how the inventory names where a listener was read
};

constexpr Table kTables[] = {
    {Protocol::tcp, Family::ipv4, "GetExtendedTcpTable(AF_INET)"},
    {Protocol::tcp, Family::ipv6, "GetExtendedTcpTable(AF_INET6)"},
    {Protocol::udp, Family::ipv4, "GetExtendedUdpTable(AF_INET)"},
    {Protocol::udp, Family::ipv6, "GetExtendedUdpTable(AF_INET6)"},
};

std::string address_text(int family, const void* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (!inet_ntop(family, const_cast<void*>(address), text, sizeof(text))) return "?";
  return text;
}

// The port as the tables hold it: network byte order in the low 16 bits.
std::uint16_t port_of(DWORD port) { return ntohs(static_cast<u_short>(port)); }

// The table's bytes, grown until it fits (sockets open between the two calls).
std::variant<std::vector<unsigned char>, std::string> read_table(const Table& table) {
  const ULONG family = table.family == Family::ipv4 ? AF_INET : AF_INET6;
  std::vector<unsigned char> buffer(16 * 1024);
  for (int attempt = 0; attempt < 5; ++attempt) {
    DWORD size = static_cast<DWORD>(buffer.size());
    const DWORD status =
        table.protocol == Protocol::tcp
            ? GetExtendedTcpTable(buffer.data(), &size, FALSE, family, TCP_TABLE_OWNER_PID_LISTENER,
                                  0)
            : GetExtendedUdpTable(buffer.data(), &size, FALSE, family, UDP_TABLE_OWNER_PID, 0);
    if (status == NO_ERROR) return buffer;
    if (status != ERROR_INSUFFICIENT_BUFFER)
      return std::string(table.source) + ": " + base::windows_error_text(status);
    buffer.resize(size + 4096);
  }
  return std::string(table.source) + ": the table kept growing while it was read";
}

template <typename TableType, typename RowToAddress>
void add_rows(const std::vector<unsigned char>& bytes, const Table& table, RowToAddress address_of,
              std::vector<Row>& out) {
  const auto* rows = reinterpret_cast<const TableType*>(bytes.data());
  for (DWORD i = 0; i < rows->dwNumEntries; ++i) {
    const auto& row = rows->table[i];
    out.push_back({table.protocol, table.family, address_of(row), port_of(row.dwLocalPort),
                   static_cast<int>(row.dwOwningPid)});
  }
}

std::vector<Row> read_rows(std::vector<std::string>& problems) {
  std::vector<Row> rows;
  for (const Table& table : kTables) {
    auto read = read_table(table);
    if (auto* error = std::get_if<std::string>(&read)) {
      problems.push_back("cannot read " + *error);
      continue;
    }
    const auto& bytes = std::get<std::vector<unsigned char>>(read);
    const auto v4 = [](const auto& row) { return address_text(AF_INET, &row.dwLocalAddr); };
    const auto v6 = [](const auto& row) { return address_text(AF_INET6, row.ucLocalAddr); };
    if (table.protocol == Protocol::tcp && table.family == Family::ipv4)
      add_rows<MIB_TCPTABLE_OWNER_PID>(bytes, table, v4, rows);
    else if (table.protocol == Protocol::tcp)
      add_rows<MIB_TCP6TABLE_OWNER_PID>(bytes, table, v6, rows);
    else if (table.family == Family::ipv4)
      add_rows<MIB_UDPTABLE_OWNER_PID>(bytes, table, v4, rows);
    else
      add_rows<MIB_UDP6TABLE_OWNER_PID>(bytes, table, v6, rows);
  }
  return rows;
}

// "svchost" for svchost.exe: the Linux catalogue's process names have no extension.
std::string process_name(std::wstring_view exe) {
  std::string name = utf8(exe);
  if (name.size() > 4) {
    std::string tail = name.substr(name.size() - 4);
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (tail == ".exe") name.resize(name.size() - 4);
  }
  return name;
}

// Every process's executable name, by pid; empty when the snapshot cannot be taken.
std::map<int, std::string> process_names() {
  std::map<int, std::string> names;
  const HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
  if (snapshot == INVALID_HANDLE_VALUE) return names;
  PROCESSENTRY32W entry{};
  entry.dwSize = sizeof(entry);
  for (BOOL more = Process32FirstW(snapshot, &entry); more; more = Process32NextW(snapshot, &entry))
    names[static_cast<int>(entry.th32ProcessID)] = process_name(entry.szExeFile);
  CloseHandle(snapshot);
  return names;
}

// "DOMAIN\\user" of the process's token; "" when it cannot be opened (another user's
// process, without the rights to query it).
std::string process_user(int pid) {
  const HANDLE process =
      OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
  if (!process) return {};
  std::string user;
  HANDLE token = nullptr;
  if (OpenProcessToken(process, TOKEN_QUERY, &token)) {
    alignas(TOKEN_USER) unsigned char buffer[256];
    DWORD size = 0;
    if (GetTokenInformation(token, TokenUser, buffer, sizeof(buffer), &size)) {
      wchar_t name[256], domain[256];
      DWORD name_size = 256, domain_size = 256;
      SID_NAME_USE use;
      if (LookupAccountSidW(nullptr, reinterpret_cast<TOKEN_USER*>(buffer)->User.Sid, name,
                            &name_size, domain, &domain_size, &use))
        user = utf8(std::wstring_view(domain, domain_size)) + "\\" +
               utf8(std::wstring_view(name, name_size));
    }
    CloseHandle(token);
  }
  CloseHandle(process);
  return user;
}

// One Listener per (protocol, address, port), sorted as the Linux collector sorts them
// (protocol, port, family, address); the owner is the lowest named pid. Pid 0 is Windows'
// idle process: a socket the system could not attribute (under Wine: a Linux process's).
std::vector<Listener> group(const std::vector<Row>& rows, const std::map<int, std::string>& names) {
  std::map<std::tuple<int, std::uint16_t, int, std::string>, Listener> by_key;
  for (const Row& row : rows) {
    auto key = std::make_tuple(static_cast<int>(row.protocol), row.port,
                               static_cast<int>(row.family), row.address);
    auto [it, fresh] = by_key.try_emplace(key);
    Listener& l = it->second;
    if (fresh) {
      l.protocol = row.protocol;
      l.family = row.family;
      l.address = row.address;
      l.port = row.port;
      const Table* table = std::find_if(std::begin(kTables), std::end(kTables), [&](auto& t) {
        return t.protocol == row.protocol && t.family == row.family;
      });
      l.source = std::string(table->source);
    }
    if (row.pid != 0 && std::find(l.pids.begin(), l.pids.end(), row.pid) == l.pids.end())
      l.pids.push_back(row.pid);
  }
  std::vector<Listener> out;
  for (auto& [key, l] : by_key) {
    std::sort(l.pids.begin(), l.pids.end());
    for (int pid : l.pids)
      if (auto name = names.find(pid); name != names.end()) {
        l.process = ProcessInfo{
            .pid = pid, .name = name->second, .user = process_user(pid), .arguments = {}};
        if (l.process->user.empty()) l.process->user = "unknown";
        break;
      }
    out.push_back(std::move(l));
  }
  return out;
}

class NetworkCollector final : public collector::Collector {
 public:
  Availability capabilities(const collector::HostFs&) const override {
    return {.usable = true, .reason = "GetExtendedTcpTable and GetExtendedUdpTable"};
  }

  CollectResult collect(Context&) override {
    CollectResult result;
    const std::vector<Row> rows = read_rows(result.problems);
    const std::map<int, std::string> names = process_names();
    network::Snapshot snapshot;
    snapshot.listeners = group(rows, names);
    snapshot.probing = {.live = false,
                        .note = "the Windows agent does not probe ports yet",
                        .pids_scanned = names.size(),
                        .pids_unreadable = 0};
    result.findings = network::make_findings(snapshot, model::now());
    result.inventory = network::make_inventory(snapshot);
    return result;
  }
};

}  // namespace

collector::CollectorDescriptor network_descriptor() {
  return {.name = "network",
          .category = model::Category::network,
          .default_interval = std::chrono::seconds{900},
          .summary =
              "listening TCP and UDP sockets and their processes, from "
              "GetExtendedTcpTable and GetExtendedUdpTable",
          .options = {},
          .make = &make_without_options<NetworkCollector>};
}

}  // namespace zt::windows
