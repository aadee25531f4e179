#pragma once
// Which device a configuration file is from, and its firmware version, from the text alone:
// Cisco IOS / IOS-XE (`version 15.2` with IOS's commands; the full release, 15.2(4)M7, when
// the backup tool kept `show version` as comments), Cisco ASA (`ASA Version 9.8(4)`),
// Cisco NX-OS (`feature …`), Cisco IOS XR, Juniper Junos (`version …;` with braces, or `set`
// lines), Arista EOS (`! device: leaf1 (DCS-7050SX-64, EOS-4.20.1F)`, `! boot system
// flash:/EOS…`, `! Command: show running-config`, `management api http-commands`, `daemon
// TerminAttr`, `service routing protocols model`; EOS signs win over IOS's, which EOS shares).
// IOS, ASA, Junos and EOS are parsed; the others are `unsupported`, as is a text of no known shape. Binary content (NUL
// bytes, mostly non-text) and an empty file are `failed`. Pure; reads at most the first
// kDetectLines lines.
#include <cstddef>
#include <string>
#include <string_view>

namespace zt::netconfig {

enum class Vendor { unknown, cisco_ios, cisco_asa, cisco_nxos, cisco_iosxr, juniper_junos, arista_eos };
enum class ParsingStatus { parsed, unsupported, failed };

std::string_view to_string(Vendor vendor);
std::string_view to_string(ParsingStatus status);
std::string_view manufacturer_of(Vendor vendor);  // "Cisco", "Juniper", "Arista", ""

inline constexpr std::size_t kDetectLines = 2000;

struct Detection {
  Vendor vendor = Vendor::unknown;
  std::string firmware_version;  // "" when the text does not say
  std::string model;             // EOS's `! device:` line: "DCS-7050SX-64"; else ""
  ParsingStatus status = ParsingStatus::unsupported;
  std::string reason;  // why it is not parsed: "binary content", "no known vendor's shape"
};

Detection detect_vendor(std::string_view text);

// EOS's `! device: leaf1 (DCS-7050SX-64, EOS-4.20.1F)`: model "DCS-7050SX-64", version
// "4.20.1F"; either empty when the line does not say it.
struct EosDevice {
  std::string model;
  std::string version;
};
EosDevice eos_device(std::string_view line);

}  // namespace zt::netconfig
