#pragma once
// The compliance collector run over a copy of tests/fixtures/hosts/cmp-host with the modes
// its README names, and its results by control id.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/core/collector.hpp"

namespace zt::test {

std::string compliance_packs(std::string_view folder);  // tests/fixtures/compliance/<folder>

collector::CollectResult run_compliance(const nlohmann::json& overrides);

// The finding of each control, by "<pack>/<control id>".
std::map<std::string, model::Finding> by_control(const collector::CollectResult& result);

// "file 0644 root:root": how the file probe shows a fixture file's type, mode and owners
// (the owners are those of whoever checked the tree out).
std::string file_observed(std::string_view mode);

}  // namespace zt::test
