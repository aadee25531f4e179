#pragma once
// The netconfig collector's finding types are its standards: every finding is in the config
// category, its fields.finding_type is the id of a standard of conf/netconfig/standards.yaml
// (title, severity, remediation and frameworks come from there; the table of checks is
// checks.hpp), and its identity is (file_path, finding_type, affected_component). One finding
// per (file, check, component): a check that finds the same component twice names all its
// lines in one finding. A component never holds a secret (an SNMP community is its masked
// prefix and salted hash).
//
// | category   | ids (standards.yaml)                                                       |
// |------------|----------------------------------------------------------------------------|
// | passwords  | ios_enable_password, ios_type7_password, ios_type5_secret,                 |
// |            | ios_no_password_encryption, ios_local_user_weak_password                   |
// | management | ios_vty_telnet, ios_vty_no_access_class, ios_exec_timeout_disabled,        |
// |            | ios_ssh_version1, ios_http_server, ios_no_aaa_new_model,                   |
// |            | ios_no_login_banner, ios_no_login_block                                    |
// | snmp       | ios_snmp_guessable_community, ios_snmp_rw_community,                       |
// |            | ios_snmp_community_no_acl, ios_snmp_v1_v2c, ios_snmp_v3_without_priv       |
// | services   | ios_ip_source_route, ios_proxy_arp, ios_directed_broadcast,                |
// |            | ios_cdp_lldp_external, ios_unused_interface_up, ios_small_servers,         |
// |            | ios_finger, ios_bootp_server                                               |
// | logging    | ios_no_remote_syslog, ios_no_ntp, ios_ntp_unauthenticated, ios_no_timestamps |
// | crypto     | ios_ike_weak_encryption, ios_ike_weak_hash, ios_ike_weak_dh_group,         |
// |            | ios_ipsec_weak_transform                                                   |
// | acl        | ios_acl_shadowed_entry, ios_acl_permit_any_any, ios_acl_undefined          |
// | firmware   | ios_firmware_end_of_support                                                |
//
// Juniper Junos (junos_checks.hpp), components "global", "system services telnet",
// "root-authentication", "login user X", "snmp community <masked> (<hash>)":
// junos_weak_password_hash, junos_cleartext_service, junos_ssh_version1, junos_ssh_root_login,
// junos_snmp_guessable_community, junos_snmp_rw_community, junos_no_remote_syslog,
// junos_no_ntp, junos_ntp_unauthenticated, junos_no_login_banner.
//
// Cisco ASA (asa_checks.hpp), components "global", "enable password", "username X",
// "telnet <interface>", "http outside", "access-list X", "snmp-server community <masked> (<hash>)":
// asa_cleartext_password, asa_telnet_management, asa_http_open_outside, asa_ssh_version1,
// asa_snmp_guessable_community, asa_logging_disabled, asa_acl_permit_any_any.
//
// Arista EOS (checks_eos.cpp; parsed into the IOS model), components "global", "enable
// secret", "enable password", "username X", "management telnet|ssh|api http-commands",
// "aaa root", "interface X", "version X", ACL and SNMP ones as for IOS:
// eos_cleartext_password, eos_md5_secret, eos_user_nopassword, eos_telnet_enabled,
// eos_ssh_idle_timeout_disabled, eos_ssh_no_access_group, eos_eapi_plain_http,
// eos_no_aaa_authentication, eos_aaa_root_enabled, eos_proxy_arp, eos_lldp_external,
// eos_firmware_end_of_support, and the IOS checks EOS shares under eos_ ids:
// eos_no_login_banner, eos_snmp_guessable_community, eos_snmp_rw_community,
// eos_snmp_community_no_acl, eos_snmp_v1_v2c, eos_snmp_v3_without_priv,
// eos_directed_broadcast, eos_unused_interface_up, eos_no_remote_syslog, eos_no_ntp,
// eos_ntp_unauthenticated, eos_acl_shadowed_entry, eos_acl_permit_any_any, eos_acl_undefined.
//
// A file that is not parsed (unsupported vendor, binary, too large) gives no finding: it is
// listed in the inventory with its parsing status and reason.
#include <string_view>

#include "collectors/netconfig/vendor_detect.hpp"

namespace zt::netconfig::finding_type {

// A file's config_type: its vendor's name ("cisco_ios", "juniper_junos").
inline std::string_view config_type(Vendor vendor) { return to_string(vendor); }
inline constexpr std::string_view kDeviceType = "network_device";

}  // namespace zt::netconfig::finding_type
