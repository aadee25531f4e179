// Password policy findings (login.defs ageing, PAM minimum length).
#include "collectors/auth/host_paths.hpp"
#include "collectors/auth/report.hpp"

namespace zt::auth {
namespace {

using nlohmann::json;
using namespace finding_type;

// CIS Debian Linux 12 Benchmark, password ageing: PASS_MAX_DAYS <= 365, PASS_MIN_DAYS >= 1,
// PASS_WARN_AGE >= 7.
constexpr long long kMaxDaysLimit = 365;
constexpr long long kMinDaysFloor = 1;
constexpr long long kWarnAgeFloor = 7;

struct DefsValue {
  std::optional<long long> value;  // nullopt: unset or not a number
  json evidence;
};

DefsValue defs_value(const ConfValues& defs, std::string_view key) {
  json e = {{"file", kLoginDefsPath}, {"setting", key}};
  const auto it = defs.find(key);
  if (it == defs.end()) {
    e["value"] = "unset";
    return {std::nullopt, e};
  }
  e["line"] = it->second.line;
  e["value"] = it->second.value;
  return {parse_integer(it->second.value), e};
}

// The value as written, for a title ("unset" when missing).
std::string defs_text(const DefsValue& v) { return v.evidence.at("value").get<std::string>(); }

}  // namespace

Findings policy_findings(const PolicyView& policy, int min_password_length) {
  Findings out;
  if (policy.login_defs) {
    const ConfValues& defs = *policy.login_defs;
    if (auto max = defs_value(defs, "PASS_MAX_DAYS");
        !max.value || *max.value < 0 || *max.value > kMaxDaysLimit)
      out.push_back(make_finding(
          kPasswordMaxDays, std::string(kHostWide),
          "Passwords of new accounts expire after more than 365 days (PASS_MAX_DAYS " +
              defs_text(max) + ")",
          "/etc/login.defs sets no useful maximum password age, so accounts created on this "
          "host keep their password forever.",
          "Set `PASS_MAX_DAYS 365` (or less) in /etc/login.defs, and `chage --maxdays 365 "
          "<user>` for existing accounts.",
          max.evidence));
    if (auto min = defs_value(defs, "PASS_MIN_DAYS"); !min.value || *min.value < kMinDaysFloor)
      out.push_back(make_finding(
          kPasswordMinDays, std::string(kHostWide),
          "Passwords can be changed again at once (PASS_MIN_DAYS " + defs_text(min) + ")",
          "/etc/login.defs sets no minimum password age: a user forced to change a password "
          "can change it straight back, defeating expiry and history.",
          "Set `PASS_MIN_DAYS 1` in /etc/login.defs, and `chage --mindays 1 <user>` for "
          "existing accounts.",
          min.evidence));
    if (auto warn = defs_value(defs, "PASS_WARN_AGE"); !warn.value || *warn.value < kWarnAgeFloor)
      out.push_back(make_finding(
          kPasswordWarnAge, std::string(kHostWide),
          "Users are warned less than 7 days before their password expires (PASS_WARN_AGE " +
              defs_text(warn) + ")",
          "/etc/login.defs gives less than a week's warning before a password expires.",
          "Set `PASS_WARN_AGE 7` in /etc/login.defs, and `chage --warndays 7 <user>` for "
          "existing accounts.",
          warn.evidence));
  }
  if (policy.min_length && policy.min_length->value < min_password_length) {
    const MinLength& m = *policy.min_length;
    out.push_back(make_finding(
        kPasswordMinLength, std::string(kHostWide),
        "Minimum password length is " + std::to_string(m.value) +
            " (policy: " + std::to_string(min_password_length) + ")",
        "The PAM password stack (" + policy.pam_stack_path + ") accepts passwords of " +
            std::to_string(m.value) + " characters (" + m.module + ", " + m.source +
            "), fewer than the " + std::to_string(min_password_length) + " this agent requires.",
        "Set `minlen = " + std::to_string(min_password_length) +
            "` in /etc/security/pwquality.conf and make sure the password stack runs "
            "pam_pwquality.so without a smaller minlen= argument (Debian: `apt install "
            "libpam-pwquality`).",
        {{"file", policy.pam_stack_path},
         {"line", m.line},
         {"value", m.value},
         {"module", m.module},
         {"source", m.source}}));
  }
  return out;
}

}  // namespace zt::auth
