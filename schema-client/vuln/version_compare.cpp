#include "schema-client/vuln/version_compare.hpp"

#include "schema-client/vuln/version_apk.hpp"
#include "schema-client/vuln/version_dpkg.hpp"
#include "schema-client/vuln/version_rpm.hpp"

namespace zt::vuln {

int compare_versions(VersionScheme scheme, std::string_view a, std::string_view b) {
  switch (scheme) {
    case VersionScheme::dpkg:
      return compare_dpkg(a, b);
    case VersionScheme::rpm:
      return compare_rpm(a, b);
    case VersionScheme::apk:
      return compare_apk(a, b);
  }
  return 0;  // not reached: every scheme is handled above
}

}  // namespace zt::vuln
