#include "collectors/netconfig/vendor_detect.hpp"

#include <catch2/catch.hpp>

#include "collectors/netconfig/audit.hpp"

using namespace zt::netconfig;

namespace {

Detection detect(std::string_view text) { return detect_vendor(text); }

}  // namespace

TEST_CASE("detect_vendor tells the vendors and their firmware versions apart", "[unit]") {
  const Detection ios = detect("!\nversion 15.2\nservice timestamps log datetime\nhostname r1\n!\nend\n");
  CHECK((ios.vendor == Vendor::cisco_ios && ios.firmware_version == "15.2" &&
         ios.status == ParsingStatus::parsed));
  // The full release from the `show version` comments RANCID and Oxidized keep.
  CHECK(detect("!RANCID-CONTENT-TYPE: cisco\n!Image: Software: C2900-UNIVERSALK9-M, 15.2(4)M7, RELEASE "
               "SOFTWARE (fc2)\n!\nversion 15.2\nhostname r1\n")
            .firmware_version == "15.2(4)M7");
  CHECK(detect("! Cisco IOS XE Software, Version 16.09.04\n! Cisco IOS Software [Fuji], ASR1000 Software "
               "(X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.4, RELEASE SOFTWARE (fc2)\nversion 16.9\n")
            .firmware_version == "16.09.04");
  // An IOS configuration without its version line is still IOS, version unknown.
  const Detection bare = detect("hostname r1\ninterface Gi0/0\n shutdown\n");
  CHECK((bare.vendor == Vendor::cisco_ios && bare.firmware_version.empty() &&
         bare.status == ParsingStatus::parsed));

  const Detection asa = detect(": Saved\n:\nASA Version 9.8(4)15\n!\nhostname fw1\n");
  CHECK((asa.vendor == Vendor::cisco_asa && asa.firmware_version == "9.8(4)15" &&
         asa.status == ParsingStatus::parsed));
  const Detection junos = detect(
      "## Last commit: 2024-01-02 10:00:00 UTC by admin\nversion 12.3R12.4;\nsystem {\n    host-name j1;\n}\n");
  CHECK((junos.vendor == Vendor::juniper_junos && junos.firmware_version == "12.3R12.4" &&
         junos.status == ParsingStatus::parsed));
  const Detection junos_set = detect("set version 20.4R3.8\nset system host-name j2\nset interfaces ge-0/0/0 unit 0\n");
  CHECK((junos_set.vendor == Vendor::juniper_junos && junos_set.firmware_version == "20.4R3.8" &&
         junos_set.status == ParsingStatus::parsed));
  const Detection eos = detect(
      "! Command: show running-config\n! device: leaf1 (DCS-7050SX-64, EOS-4.20.1F)\n!\nhostname leaf1\n");
  CHECK((eos.vendor == Vendor::arista_eos && eos.firmware_version == "4.20.1F" &&
         eos.model == "DCS-7050SX-64" && eos.status == ParsingStatus::parsed && eos.reason.empty()));
  const Detection eos_boot = detect("! boot system flash:/EOS-4.28.3M.swi\nhostname leaf2\n");
  CHECK((eos_boot.vendor == Vendor::arista_eos && eos_boot.firmware_version == "4.28.3M"));
  const Detection nxos = detect("version 9.3(8) Bios:version\nfeature ssh\nhostname n1\n");
  CHECK(nxos.vendor == Vendor::cisco_nxos);
  const Detection xr = detect("!! IOS XR Configuration 7.3.2\nhostname xr1\n");
  CHECK(xr.vendor == Vendor::cisco_iosxr);
}

TEST_CASE("detect_vendor does not parse what it does not know, binary or empty input", "[unit]") {
  const Detection unknown = detect("[general]\nkey = value\n");
  CHECK((unknown.vendor == Vendor::unknown && unknown.status == ParsingStatus::unsupported &&
         unknown.reason == "no known vendor's configuration shape"));
  const Detection binary = detect(std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10) + "hostname x\n");
  CHECK((binary.status == ParsingStatus::failed && binary.reason == "binary content, not a configuration text"));
  std::string noise(4096, '\x01');
  CHECK(detect(noise).status == ParsingStatus::failed);
  const Detection empty = detect(" \n\n");
  CHECK((empty.status == ParsingStatus::failed && empty.reason == "empty file"));
}

TEST_CASE("audit_config bounds its input and audits nothing it does not parse", "[unit]") {
  const AuditOptions options{std::chrono::sys_days{std::chrono::year{2026} / 12 / 1}, "salt"};
  const StandardSet& standards = shipped_standards().set;
  // Over the bound: refused before the text is looked at.
  std::string huge(kMaxConfigBytes + 1, 'a');
  const AuditReport big = audit_config(huge, standards, options);
  CHECK((big.detection.status == ParsingStatus::failed && big.detection.reason == "larger than 32 MiB"));
  CHECK((!big.ios && big.findings.empty()));
  const AuditReport nxos = audit_config("version 9.3(8)\nfeature ssh\nusername admin password 0 x\n",
                                        standards, options);
  CHECK((nxos.detection.status == ParsingStatus::unsupported && !nxos.ios && !nxos.junos && !nxos.asa &&
         nxos.findings.empty()));
  const AuditReport binary = audit_config(std::string("\0\0\0\0", 4), standards, options);
  CHECK((binary.detection.status == ParsingStatus::failed && binary.findings.empty()));
}
