#pragma once
// A rule pack's YAML into a Pack (PACKS.md), validated. Every error names
// "file:line:col: path.to.field: reason"; all of them are collected, and a pack with any
// error gives no Pack. Pure: text in, value out; never throws.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/compliance/pack.hpp"

namespace zt::compliance {

struct LoadedPack {
  std::optional<Pack> pack;  // nullopt when errors is not empty
  std::vector<std::string> errors;
};

// `file` is how errors name the pack's file.
LoadedPack parse_pack(std::string_view yaml_text, const std::string& file);

}  // namespace zt::compliance
