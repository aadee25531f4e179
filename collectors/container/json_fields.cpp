#include "collectors/container/json_fields.hpp"

namespace zt::container {
namespace {

using nlohmann::json;

const json& empty_object() {
  static const json kEmpty = json::object();
  return kEmpty;
}

std::string_view type_name(const json& value) { return value.type_name(); }

}  // namespace

FieldReader::FieldReader(const json& object, std::string path, std::string& error)
    : object_(object.is_object() ? &object : &empty_object()),
      path_(std::move(path)),
      error_(&error) {}

std::string FieldReader::field(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void FieldReader::fail(std::string_view key, std::string_view expected, const json& value) const {
  if (!error_->empty()) return;
  *error_ =
      field(key) + ": expected " + std::string(expected) + ", got " + std::string(type_name(value));
}

const json* FieldReader::get(std::string_view key, json::value_t type,
                             std::string_view expected) const {
  if (!error_->empty()) return nullptr;
  const auto it = object_->find(key);
  if (it == object_->end() || it->is_null()) return nullptr;
  // Integers arrive as unsigned or signed depending on their sign: both are numbers here.
  const bool matches =
      it->type() == type || (type == json::value_t::number_integer && it->is_number_unsigned());
  if (!matches) {
    fail(key, expected, *it);
    return nullptr;
  }
  return &*it;
}

std::string FieldReader::text(std::string_view key) const {
  const json* value = get(key, json::value_t::string, "a string");
  return value ? value->get<std::string>() : std::string();
}

bool FieldReader::flag(std::string_view key) const {
  const json* value = get(key, json::value_t::boolean, "a boolean");
  return value && value->get<bool>();
}

std::optional<long long> FieldReader::integer(std::string_view key) const {
  const json* value = get(key, json::value_t::number_integer, "an integer");
  if (!value) return std::nullopt;
  if (value->is_number_unsigned() && value->get<unsigned long long>() > 0x7fffffffffffffffULL)
    return 0x7fffffffffffffffLL;
  return value->get<long long>();
}

std::vector<std::string> FieldReader::texts(std::string_view key) const {
  std::vector<std::string> out;
  const json* value = get(key, json::value_t::array, "an array of strings");
  if (!value) return out;
  for (const json& item : *value) {
    if (!item.is_string()) {
      fail(key, "an array of strings", item);
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

FieldReader FieldReader::object(std::string_view key) const {
  const json* value = get(key, json::value_t::object, "an object");
  return FieldReader(value ? *value : empty_object(), field(key), *error_);
}

std::vector<FieldReader> FieldReader::objects(std::string_view key) const {
  std::vector<FieldReader> out;
  const json* value = get(key, json::value_t::array, "an array of objects");
  if (!value) return out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    const std::string path = field(key) + "[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      if (error_->empty())
        *error_ = path + ": expected an object, got " + std::string(type_name(item));
      return {};
    }
    out.emplace_back(item, path, *error_);
  }
  return out;
}

std::optional<json> parse_body(std::string_view text, json::value_t type, std::string_view what,
                               std::string& error) {
  json value = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    error = std::string(what) + ": not valid JSON";
    return std::nullopt;
  }
  if (value.type() != type) {
    error = std::string(what) + ": expected a JSON " +
            (type == json::value_t::array ? "array" : "object") + ", got " +
            std::string(type_name(value));
    return std::nullopt;
  }
  return value;
}

}  // namespace zt::container
