#pragma once
// A service's command-line flags as Go programs (etcd, Prometheus, the exporters) take them:
// "--flag=value", "--flag value", "-flag=value" and "-flag value" are all the flag; a flag
// given twice keeps its last value. Pure.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zt::api {

// The value of the string flag `name` (without dashes), or nothing when it is not given.
std::optional<std::string> flag_value(const std::vector<std::string>& arguments,
                                      std::string_view name);

// The boolean flag `name`: "--name" and "--name=true" (or =1) set it, "--name=false" and
// kingpin's "--no-name" clear it (a boolean never takes the next argument); `otherwise` when
// absent.
bool flag_is_true(const std::vector<std::string>& arguments, std::string_view name,
                  bool otherwise);

}  // namespace zt::api
