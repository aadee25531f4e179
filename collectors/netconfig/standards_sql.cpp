#include "collectors/netconfig/standards_sql.hpp"

#include "collectors/netconfig/finding_types.hpp"
#include "collectors/netconfig/vendor_detect.hpp"

namespace zt::netconfig {
namespace {

// A SQL string literal (standard_conforming_strings: only the quote is doubled).
std::string literal(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// "Cisco" for "cisco_ios": the vendor named like the standard's `vendor`.
std::string_view manufacturer_named(std::string_view vendor) {
  for (const Vendor v : {Vendor::cisco_ios, Vendor::cisco_asa, Vendor::cisco_nxos,
                         Vendor::cisco_iosxr, Vendor::juniper_junos, Vendor::arista_eos})
    if (to_string(v) == vendor) return manufacturer_of(v);
  return "";
}

constexpr std::string_view kColumns[] = {
    "manufacturer",   "device_type",      "requirement_title",    "check_type",
    "check_pattern",  "expected_value",   "default_severity",     "remediation_guidance",
    "compliance_frameworks"};

}  // namespace

std::string config_standards_sql(const StandardSet& set) {
  std::string sql(kBeginMarker);
  std::string columns, excluded, stored, updates;
  for (const std::string_view c : kColumns) {
    const std::string name(c);
    columns += ", " + name;
    stored += (stored.empty() ? "" : ", ") + ("s." + name);
    excluded += (excluded.empty() ? "" : ", ") + ("excluded." + name);
    updates += name + " = excluded." + name + ", ";
  }
  sql += "INSERT INTO public.config_standards AS s (standard_name, requirement_id" + columns +
         ") VALUES\n";
  std::string ids;
  for (std::size_t i = 0; i < set.standards.size(); ++i) {
    const Standard& s = set.standards[i];
    sql += "    (" + literal(set.name) + ", " + literal(s.id) + ", " +
           literal(manufacturer_named(s.vendor)) + ", " + literal(finding_type::kDeviceType) +
           ", " + literal(s.title) + ", " + literal(s.check_type) + ", " +
           literal(s.check_pattern) + ", " + literal(s.expected_value) + ", " +
           literal(model::to_string(s.severity)) + ", " + literal(s.remediation) + ", " +
           literal(frameworks_json(s).dump()) + "::jsonb)" +
           (i + 1 < set.standards.size() ? ",\n" : "\n");
    ids += (ids.empty() ? "" : ", ") + literal(s.id);
  }
  sql += "ON CONFLICT (standard_name, requirement_id) DO UPDATE SET " + updates +
         "status = 'active', updated_at = now()\n"
         "    WHERE (" + stored + ", s.status) IS DISTINCT FROM (" + excluded + ", 'active');\n";
  sql += "UPDATE public.config_standards SET status = 'retired', updated_at = now()\n"
         "    WHERE standard_name = " + literal(set.name) +
         " AND status = 'active' AND requirement_id NOT IN (" + ids + ");\n";
  sql += kEndMarker;
  return sql;
}

}  // namespace zt::netconfig
