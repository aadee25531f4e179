#include "collectors/container/registries_conf.hpp"

#include <map>

namespace zt::container {
namespace {

const std::string* text_of(const TomlEntry& e) {
  if (e.is_array || e.values.size() != 1) return nullptr;
  return std::get_if<std::string>(&e.values.front());
}

bool is_true(const TomlEntry& e) {
  if (e.is_array || e.values.size() != 1) return false;
  const bool* value = std::get_if<bool>(&e.values.front());
  return value && *value;
}

struct RegistryBlock {
  std::string location;
  std::string prefix;
  std::size_t insecure_line = 0;
};

}  // namespace

std::vector<InsecureRegistry> insecure_registries(const TomlDocument& doc) {
  std::vector<InsecureRegistry> out;
  std::map<std::size_t, RegistryBlock> blocks;  // by header, in file order
  for (const TomlEntry& e : doc.entries) {
    if (e.table == "registry") {
      RegistryBlock& block = blocks[e.block];
      if (e.key == "location" && text_of(e)) block.location = *text_of(e);
      if (e.key == "prefix" && text_of(e)) block.prefix = *text_of(e);
      if (e.key == "insecure" && is_true(e)) block.insecure_line = e.line;
    } else if (e.table == "registries.insecure" && e.key == "registries" && e.is_array) {
      for (const TomlScalar& value : e.values)
        if (const auto* name = std::get_if<std::string>(&value)) out.push_back({*name, e.line});
    }
  }
  for (const auto& [index, block] : blocks) {
    const std::string& name = block.location.empty() ? block.prefix : block.location;
    if (block.insecure_line != 0 && !name.empty()) out.push_back({name, block.insecure_line});
  }
  return out;
}

}  // namespace zt::container
