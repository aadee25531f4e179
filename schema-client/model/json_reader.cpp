#include "schema-client/model/json_reader.hpp"

#include "schema-client/model/validation.hpp"

namespace zt::model {

using nlohmann::json;

ObjectReader::ObjectReader(const json& value, std::string path, std::vector<Problem>& problems,
                           std::initializer_list<std::string_view> known_keys)
    : value_(value), path_(std::move(path)), problems_(problems) {
  if (!value_.is_object()) {
    fail(path_, "expected object, got " + std::string(json_type_name(value_)));
    return;
  }
  for (const auto& item : value_.items()) {
    bool known = false;
    for (std::string_view k : known_keys) known = known || k == item.key();
    if (!known) fail(path_ + "." + item.key(), "unknown key");
  }
}

const json* ObjectReader::get(std::string_view key, bool required) {
  if (!value_.is_object()) return nullptr;
  auto it = value_.find(std::string(key));
  if (it == value_.end()) {
    if (required) fail(path_of(key), "required key is missing");
    return nullptr;
  }
  return &*it;
}

std::string ObjectReader::text(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v == nullptr) return {};
  if (!v->is_string()) return wrong_type(key, "string", *v), std::string{};
  return v->get<std::string>();
}

std::optional<long long> ObjectReader::integer(std::string_view key, long long min, long long max,
                                               bool required) {
  const json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) return wrong_type(key, "integer", *v), std::nullopt;
  const std::string range = "must be between " + std::to_string(min) + " and " + std::to_string(max);
  if (v->is_number_unsigned() &&
      v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
    fail(path_of(key), range + ", got " + v->dump());
    return std::nullopt;
  }
  const long long n = v->get<long long>();
  if (n < min || n > max) {
    fail(path_of(key), range + ", got " + std::to_string(n));
    return std::nullopt;
  }
  return n;
}

std::optional<double> ObjectReader::number(std::string_view key, double min, double max) {
  const json* v = get(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) return wrong_type(key, "number", *v), std::nullopt;
  const double n = v->get<double>();
  if (!(n >= min && n <= max)) {
    fail(path_of(key), "must be between " + json(min).dump() + " and " + json(max).dump());
    return std::nullopt;
  }
  return n;
}

json ObjectReader::object(std::string_view key) {
  const json* v = get(key, false);
  if (v == nullptr) return json::object();
  if (!v->is_object()) return wrong_type(key, "object", *v), json::object();
  return *v;
}

const json* ObjectReader::array(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v != nullptr && !v->is_array()) return wrong_type(key, "array", *v), nullptr;
  return v;
}

std::optional<Timestamp> ObjectReader::timestamp(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v == nullptr || (v->is_null() && !required)) return std::nullopt;
  std::optional<Timestamp> t;
  if (v->is_string()) t = parse_timestamp(v->get_ref<const std::string&>());
  if (!t) fail(path_of(key), "expected an RFC 3339 timestamp, got " + v->dump());
  return t;
}

void ObjectReader::fail(std::string path, std::string message) {
  problems_.push_back({std::move(path), std::move(message)});
}

void ObjectReader::wrong_type(std::string_view key, std::string_view expected, const json& got) {
  fail(path_of(key), "expected " + std::string(expected) + ", got " + std::string(json_type_name(got)));
}

void add_unreported(std::vector<Problem>& problems, std::vector<Problem> more) {
  for (Problem& problem : more) {
    bool reported = false;
    for (const Problem& p : problems) reported = reported || p.path == problem.path;
    if (!reported) problems.push_back(std::move(problem));
  }
}

}  // namespace zt::model
