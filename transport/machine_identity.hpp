#pragma once
// The machine's identity, sent when the agent enrolls so the console can tell a re-installed
// agent on the same machine from a new machine: the systemd machine id (/etc/machine-id,
// else /var/lib/dbus/machine-id) and, where readable (root only, on most systems), the
// hardware UUID from the firmware (/sys/class/dmi/id/product_uuid). The hostname travels
// with them in the agent's info. Heartbeats send it too, with the kernel's boot id
// (/proc/sys/kernel/random/boot_id, new at every boot): two running machines never share
// one, so the ingest can tell when a copied api key runs on a second machine.
//
// The wire form of the identity is the model's (schema-client/model/machine_identity.hpp);
// this file reads it from the host. Parsing is pure (any thread, never logs);
// read_machine_id() and read_machine_identity() read the files under `root` (the agent's
// host_root: "/" or a container's "/host"). A missing or unreadable file leaves its field
// empty: identity helps, it is not required.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/machine_identity.hpp"

namespace zt::transport {

// 32 hex digits (one line, surrounding whitespace ignored), lower-cased; nullopt otherwise,
// including systemd's "uninitialized" and all zeros.
std::optional<std::string> parse_machine_id(std::string_view text);
// An 8-4-4-4-12 hex UUID, lower-cased; nullopt otherwise, including the all-zero and
// all-F placeholders some firmware reports.
std::optional<std::string> parse_hardware_uuid(std::string_view text);
// An 8-4-4-4-12 hex UUID, lower-cased; nullopt otherwise.
std::optional<std::string> parse_boot_id(std::string_view text);

// The machine id: the first of /etc/machine-id and /var/lib/dbus/machine-id under `root` that
// parse_machine_id() takes. The one reading of it: enrollment, heartbeats and the agent's
// finding fingerprints (agent/host_facts.hpp) all use this.
std::optional<std::string> read_machine_id(const std::filesystem::path& root);

model::MachineIdentity read_machine_identity(const std::filesystem::path& root);

}  // namespace zt::transport
