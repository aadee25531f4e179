#include "collectors/api/service_args.hpp"

namespace zt::api {
namespace {

// Go's flag package takes "-name" as well as "--name".
std::string_view undashed(std::string_view argument) {
  if (argument.starts_with("--")) return argument.substr(2);
  if (argument.starts_with("-")) return argument.substr(1);
  return {};
}

// "value" when `flag` is "name=value".
std::optional<std::string_view> assigned(std::string_view flag, std::string_view name) {
  if (flag.starts_with(name) && flag.size() > name.size() && flag[name.size()] == '=')
    return flag.substr(name.size() + 1);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> flag_value(const std::vector<std::string>& arguments,
                                      std::string_view name) {
  std::optional<std::string> value;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string_view flag = undashed(arguments[i]);
    if (const auto v = assigned(flag, name)) value = std::string(*v);
    else if (flag == name && i + 1 < arguments.size()) value = arguments[++i];
  }
  return value;
}

bool flag_is_true(const std::vector<std::string>& arguments, std::string_view name,
                  bool otherwise) {
  bool value = otherwise;
  const std::string negated = "no-" + std::string(name);
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string_view flag = undashed(arguments[i]);
    if (flag == name) value = true;
    else if (flag == negated) value = false;
    else if (const auto v = assigned(flag, name)) value = *v == "true" || *v == "1";
  }
  return value;
}

}  // namespace zt::api
