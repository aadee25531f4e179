#include "collectors/netconfig/vendor_detect.hpp"

#include <algorithm>
#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::netconfig {
namespace {

using collector::split_whitespace;
using collector::trim;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// NUL bytes, or more than a tenth of control bytes other than tab, CR, LF, form feed and ETX
// (the raw ^C that delimits banners in a startup-config copied off the device).
bool looks_binary(std::string_view text) {
  const std::string_view head = text.substr(0, 64 * 1024);
  if (head.find('\0') != std::string_view::npos) return true;
  const auto control = std::count_if(head.begin(), head.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x03;
  });
  return static_cast<std::size_t>(control) * 10 > head.size();
}

// What the first lines say.
struct Signs {
  std::string ios_version;    // `version 15.2`
  std::string asa_version;    // `ASA Version 9.8(4)`
  std::string junos_version;  // `version 12.3R12.4;` / `set version …`
  std::string eos_version;    // `EOS-4.20.1F`
  std::string eos_model;      // `DCS-7050SX-64`
  std::string ios_image;      // `15.2(4)M7`, from the backup tool's `show version` comments
  bool ios_commands = false;  // hostname, interface, line vty or line con in column 0
  bool eos = false;
  bool nxos = false;
  bool iosxr = false;
  bool junos_braces = false;
  std::size_t set_lines = 0;
  std::size_t lines = 0;
};

// The version after "EOS-" and a digit: "! device: sw1 (DCS-7050SX-64, EOS-4.20.1F)" →
// "4.20.1F" ("vEOS-lab" is a model); "boot system flash:/EOS-4.20.1F.swi" → "4.20.1F".
void eos_version_in(std::string_view line, std::string& out) {
  std::size_t at = line.find("EOS-");
  while (at != std::string_view::npos &&
         (at + 4 >= line.size() || !std::isdigit(static_cast<unsigned char>(line[at + 4]))))
    at = line.find("EOS-", at + 4);
  if (at == std::string_view::npos) return;
  std::size_t end = at + 4;
  while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) ||
                               line[end] == '.' || line[end] == '-'))
    ++end;
  std::string_view found = line.substr(at + 4, end - at - 4);
  if (found.size() > 4 && found.substr(found.size() - 4) == ".swi") found.remove_suffix(4);
  if (!found.empty()) out = std::string(found);
}

// The release in the `show version` lines that backup tools keep as comments: RANCID's
// "!Image: Software: C2900-UNIVERSALK9-M, 15.2(4)M7, RELEASE SOFTWARE (fc2)" and Oxidized's
// "! Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.2(4)M7, RELEASE …".
void ios_image_in(std::string_view line, std::string& out) {
  std::string_view version;
  if (starts_with(line, "!Image: Software:")) {
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos) return;
    version = line.substr(comma + 1);
  } else if (line.find("IOS") != std::string_view::npos && line.find("Software") != std::string_view::npos) {
    const std::size_t at = line.find("Version ");
    if (at == std::string_view::npos) return;
    version = line.substr(at + 8);
  } else {
    return;
  }
  version = trim(version.substr(0, version.find(',')));
  if (!version.empty() && version.find(' ') == std::string_view::npos) out = std::string(version);
}

Signs read_signs(std::string_view text) {
  Signs s;
  std::size_t pos = 0;
  while (pos < text.size() && s.lines < kDetectLines) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++s.lines;
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    const auto words = split_whitespace(line);
    if (starts_with(raw, "version ") && words.size() == 2) {
      if (words[1].back() == ';') s.junos_version = std::string(words[1].substr(0, words[1].size() - 1));
      else s.ios_version = std::string(words[1]);
    }
    if ((starts_with(line, "ASA Version ") || starts_with(line, "PIX Version ")) && words.size() >= 3)
      s.asa_version = std::string(words[2]);
    if (starts_with(line, "set ")) {
      ++s.set_lines;
      if (words.size() >= 3 && words[1] == "version") s.junos_version = std::string(words[2]);
    }
    if (line.back() == '{' || line == "}") s.junos_braces = true;
    if (starts_with(line, "! device:") || starts_with(line, "! boot system flash:") ||
        starts_with(line, "boot system flash:"))
      eos_version_in(line, s.eos_version);
    if (starts_with(line, "! device:") && s.eos_model.empty()) s.eos_model = eos_device(line).model;
    if (starts_with(line, "! device:") || starts_with(line, "! Command: show running-config") ||
        starts_with(raw, "management api http-commands") || starts_with(raw, "daemon TerminAttr") ||
        starts_with(raw, "service routing protocols model "))
      s.eos = true;
    if (line.front() == '!' && s.ios_image.empty()) ios_image_in(line, s.ios_image);
    if (starts_with(raw, "feature ")) s.nxos = true;
    if (starts_with(line, "!! IOS XR")) s.iosxr = true;
    if (starts_with(raw, "hostname ") || starts_with(raw, "interface ") ||
        starts_with(raw, "line vty ") || starts_with(raw, "line con "))
      s.ios_commands = true;
  }
  return s;
}

}  // namespace

EosDevice eos_device(std::string_view line) {
  EosDevice d;
  eos_version_in(line, d.version);
  const std::size_t open = line.find('(');
  if (open == std::string_view::npos) return d;
  const std::string_view inside = line.substr(open + 1, line.find_first_of(",)", open) - open - 1);
  if (!starts_with(inside, "EOS-")) d.model = std::string(trim(inside));
  return d;
}

std::string_view to_string(Vendor vendor) {
  switch (vendor) {
    case Vendor::cisco_ios: return "cisco_ios";
    case Vendor::cisco_asa: return "cisco_asa";
    case Vendor::cisco_nxos: return "cisco_nxos";
    case Vendor::cisco_iosxr: return "cisco_iosxr";
    case Vendor::juniper_junos: return "juniper_junos";
    case Vendor::arista_eos: return "arista_eos";
    case Vendor::unknown: break;
  }
  return "unknown";
}

std::string_view to_string(ParsingStatus status) {
  switch (status) {
    case ParsingStatus::parsed: return "parsed";
    case ParsingStatus::unsupported: return "unsupported";
    case ParsingStatus::failed: break;
  }
  return "failed";
}

std::string_view manufacturer_of(Vendor vendor) {
  switch (vendor) {
    case Vendor::cisco_ios:
    case Vendor::cisco_asa:
    case Vendor::cisco_nxos:
    case Vendor::cisco_iosxr: return "Cisco";
    case Vendor::juniper_junos: return "Juniper";
    case Vendor::arista_eos: return "Arista";
    case Vendor::unknown: break;
  }
  return "";
}

Detection detect_vendor(std::string_view text) {
  Detection d;
  if (trim(text).empty()) {
    d.status = ParsingStatus::failed;
    d.reason = "empty file";
    return d;
  }
  if (looks_binary(text)) {
    d.status = ParsingStatus::failed;
    d.reason = "binary content, not a configuration text";
    return d;
  }
  const Signs s = read_signs(text);
  const auto unsupported = [&](Vendor vendor, std::string version) {
    d.vendor = vendor;
    d.firmware_version = std::move(version);
    d.reason = "no parser for " + std::string(to_string(vendor)) + " yet";
    return d;
  };
  const auto parsed = [&](Vendor vendor, std::string version) {
    d.vendor = vendor;
    d.firmware_version = std::move(version);
    d.status = ParsingStatus::parsed;
    return d;
  };
  if (s.eos || !s.eos_version.empty()) {
    d.model = s.eos_model;
    return parsed(Vendor::arista_eos, s.eos_version);
  }
  if (s.iosxr) return unsupported(Vendor::cisco_iosxr, s.ios_version);
  if (!s.asa_version.empty()) return parsed(Vendor::cisco_asa, s.asa_version);
  if (!s.junos_version.empty() && (s.junos_braces || s.set_lines > 0))
    return parsed(Vendor::juniper_junos, s.junos_version);
  if (s.set_lines * 2 > s.lines) return parsed(Vendor::juniper_junos, "");
  if (s.nxos) return unsupported(Vendor::cisco_nxos, s.ios_version);
  if (!s.ios_version.empty() || s.ios_commands)
    return parsed(Vendor::cisco_ios, s.ios_image.empty() ? s.ios_version : s.ios_image);
  d.reason = "no known vendor's configuration shape";
  return d;
}

}  // namespace zt::netconfig
