// Crypto: IKE policies with DES/3DES, MD5 or DH groups 1, 2, 5 (a policy without the line
// gets IOS's defaults: DES and group 1), IPsec transform sets with DES, 3DES, MD5 or null.
#include <algorithm>

#include "collectors/core/text.hpp"
#include "collectors/netconfig/checks.hpp"

namespace zt::netconfig {
namespace {

constexpr std::string_view kWeakTransforms[] = {"esp-des", "esp-3des", "esp-md5-hmac",
                                                "ah-md5-hmac", "esp-null"};
constexpr std::string_view kWeakGroups[] = {"1", "2", "5"};

std::string component(const IsakmpPolicy& p) { return "crypto isakmp policy " + p.number; }

std::string_view first_word(std::string_view text) {
  const auto words = collector::split_whitespace(text);
  return words.empty() ? std::string_view() : words.front();
}

void ike_encryption(const CheckContext& c, std::vector<Issue>& out) {
  for (const IsakmpPolicy& p : c.config.isakmp_policies) {
    if (!p.encryption)
      out.push_back({"ios_ike_weak_encryption", {p.line}, component(p), "no encryption line: des by default"});
    else if (const auto e = first_word(p.encryption->value); e == "des" || e == "3des")
      out.push_back({"ios_ike_weak_encryption", {p.line, p.encryption->line}, component(p),
                     "encryption " + p.encryption->value});
  }
}

void ike_hash(const CheckContext& c, std::vector<Issue>& out) {
  for (const IsakmpPolicy& p : c.config.isakmp_policies)
    if (p.hash && first_word(p.hash->value) == "md5")
      out.push_back({"ios_ike_weak_hash", {p.line, p.hash->line}, component(p), "hash md5"});
}

void ike_group(const CheckContext& c, std::vector<Issue>& out) {
  for (const IsakmpPolicy& p : c.config.isakmp_policies) {
    if (!p.group) {
      out.push_back({"ios_ike_weak_dh_group", {p.line}, component(p), "no group line: group 1 by default"});
      continue;
    }
    const std::string_view g = first_word(p.group->value);
    if (std::find(std::begin(kWeakGroups), std::end(kWeakGroups), g) != std::end(kWeakGroups))
      out.push_back({"ios_ike_weak_dh_group", {p.line, p.group->line}, component(p),
                     "group " + std::string(g)});
  }
}

void ipsec_transform(const CheckContext& c, std::vector<Issue>& out) {
  for (const TransformSet& s : c.config.transform_sets) {
    std::string weak;
    for (const std::string& t : s.transforms)
      if (std::find(std::begin(kWeakTransforms), std::end(kWeakTransforms), t) != std::end(kWeakTransforms))
        weak += (weak.empty() ? "" : ", ") + t;
    if (!weak.empty())
      out.push_back({"ios_ipsec_weak_transform", {s.line}, "crypto ipsec transform-set " + s.name, weak});
  }
}

constexpr Check kChecks[] = {
    {"ios_ike_weak_encryption", &ike_encryption},
    {"ios_ike_weak_hash", &ike_hash},
    {"ios_ike_weak_dh_group", &ike_group},
    {"ios_ipsec_weak_transform", &ipsec_transform},
};

}  // namespace

std::span<const Check> crypto_checks() { return kChecks; }

}  // namespace zt::netconfig
