#include "transport/machine_identity.hpp"

#include <array>
#include <fstream>

#include "schema-client/base/text.hpp"

namespace zt::transport {
namespace {

// Where the identity lives, relative to the host root.
constexpr std::array<std::string_view, 2> kMachineIdFiles = {"etc/machine-id",
                                                             "var/lib/dbus/machine-id"};
constexpr std::string_view kProductUuidFile = "sys/class/dmi/id/product_uuid";
constexpr std::string_view kBootIdFile = "proc/sys/kernel/random/boot_id";
constexpr std::size_t kMaxRead = 4096;  // each file holds one short line

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char to_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True when every hex digit of `text` is `digit`.
bool all_digits_are(std::string_view text, char digit) {
  for (const char c : text)
    if (c != '-' && c != digit) return false;
  return true;
}

std::optional<std::string> read_small(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(kMaxRead, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

// An 8-4-4-4-12 hex UUID, lower-cased.
std::optional<std::string> parse_uuid(std::string_view text) {
  const std::string_view uuid = base::trim(text);
  if (uuid.size() != 36) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < uuid.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? uuid[i] != '-' : !is_hex(uuid[i])) return std::nullopt;
    out += to_lower(uuid[i]);
  }
  return out;
}

}  // namespace

std::optional<std::string> parse_machine_id(std::string_view text) {
  const std::string_view id = base::trim(text);
  if (id.size() != 32) return std::nullopt;
  std::string out;
  for (const char c : id) {
    if (!is_hex(c)) return std::nullopt;
    out += to_lower(c);
  }
  if (all_digits_are(out, '0')) return std::nullopt;
  return out;
}

std::optional<std::string> parse_hardware_uuid(std::string_view text) {
  std::optional<std::string> uuid = parse_uuid(text);
  if (uuid && (all_digits_are(*uuid, '0') || all_digits_are(*uuid, 'f'))) return std::nullopt;
  return uuid;
}

std::optional<std::string> parse_boot_id(std::string_view text) { return parse_uuid(text); }

std::optional<std::string> read_machine_id(const std::filesystem::path& root) {
  for (const std::string_view file : kMachineIdFiles)
    if (auto text = read_small(root / file))
      if (auto id = parse_machine_id(*text)) return id;
  return std::nullopt;
}

model::MachineIdentity read_machine_identity(const std::filesystem::path& root) {
  model::MachineIdentity identity;
  identity.machine_id = read_machine_id(root).value_or("");
  if (auto text = read_small(root / kProductUuidFile))
    identity.hardware_uuid = parse_hardware_uuid(*text);
  if (auto text = read_small(root / kBootIdFile)) identity.boot_id = parse_boot_id(*text);
  return identity;
}

}  // namespace zt::transport
