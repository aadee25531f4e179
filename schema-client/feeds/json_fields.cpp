#include "schema-client/feeds/json_fields.hpp"

#include <climits>

#include "schema-client/model/validation.hpp"

namespace zt::feeds {

using nlohmann::json;

std::string to_string(const Problem& problem) {
  return problem.file + ": " + problem.at + ": " + problem.message;
}

std::string index_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

namespace {

// The deepest nesting of arrays and objects in `bytes`, counted outside strings.
int nesting_depth(std::string_view bytes) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : bytes) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string shown(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

namespace {}  // namespace

std::optional<json> parse_document(std::string_view bytes, ProblemLog& log) {
  if (nesting_depth(bytes) > kMaxJsonDepth) {
    log.add("$", "not JSON this reader takes: nested deeper than " + std::to_string(kMaxJsonDepth) +
                     " levels");
    return std::nullopt;
  }
  try {
    return json::parse(bytes);
  } catch (const json::parse_error& e) {
    log.add("$", "not JSON (error at byte " + std::to_string(e.byte) + ")");
  } catch (const std::exception& e) {
    log.add("$", std::string("not JSON: ") + e.what());
  }
  return std::nullopt;
}

std::optional<Timestamp> parse_feed_time(std::string_view text) {
  if (auto t = model::parse_timestamp(text)) return t;
  // "YYYY-MM-DDTHH:MM:SS" and its fraction, then the zone: none, or "+HHMM".
  std::size_t end = 19;
  if (text.size() < end) return std::nullopt;
  if (end < text.size() && text[end] == '.')
    for (++end; end < text.size() && is_digit(text[end]);) ++end;
  std::string fixed(text.substr(0, end));
  const std::string_view zone = text.substr(end);
  if (zone.empty()) {
    fixed += 'Z';
  } else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && is_digit(zone[1]) &&
             is_digit(zone[2]) && is_digit(zone[3]) && is_digit(zone[4])) {
    fixed += std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3));
  } else {
    return std::nullopt;
  }
  return model::parse_timestamp(fixed);
}

Fields::Fields(const json& value, std::string path, ProblemLog& log)
    : value_(value), path_(std::move(path)), log_(log) {
  if (!value_.is_object())
    fail(path_, "expected object, got " + std::string(model::json_type_name(value_)));
}

const json* Fields::get(std::string_view key, bool required) {
  if (!value_.is_object()) return nullptr;
  const auto it = value_.find(std::string(key));
  if (it == value_.end() || it->is_null()) {
    if (required) fail(path_of(key), "required key is missing");
    return nullptr;
  }
  return &*it;
}

std::string Fields::text(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v == nullptr) return {};
  if (!v->is_string()) return wrong_type(key, "string", *v), std::string{};
  const std::string& s = v->get_ref<const std::string&>();
  if (required && s.empty()) fail(path_of(key), "must not be empty");
  return s;
}

std::optional<Timestamp> Fields::time(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  std::optional<Timestamp> t;
  if (v->is_string()) t = parse_feed_time(v->get_ref<const std::string&>());
  if (!t) fail(path_of(key), "expected an RFC 3339 timestamp, got " + shown(*v));
  return t;
}

std::string Fields::date(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v == nullptr) return {};
  if (v->is_string() && model::is_valid_date(v->get_ref<const std::string&>()))
    return v->get<std::string>();
  fail(path_of(key), "expected a date YYYY-MM-DD, got " + shown(*v));
  return {};
}

std::optional<double> Fields::number(std::string_view key, double min, double max, bool required) {
  const json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) return wrong_type(key, "number", *v), std::nullopt;
  const double n = v->get<double>();
  if (!(n >= min && n <= max)) {
    fail(path_of(key),
         "must be between " + json(min).dump() + " and " + json(max).dump() + ", got " + shown(*v));
    return std::nullopt;
  }
  return n;
}

std::optional<long long> Fields::integer(std::string_view key) {
  const json* v = get(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer() ||
      (v->is_number_unsigned() &&
       v->get<unsigned long long>() > static_cast<unsigned long long>(LLONG_MAX)))
    return wrong_type(key, "integer", *v), std::nullopt;
  return v->get<long long>();
}

std::vector<std::string> Fields::strings(std::string_view key) {
  std::vector<std::string> out;
  const json* items = array(key);
  if (items == nullptr) return out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json& item = (*items)[i];
    if (item.is_string())
      out.push_back(item.get<std::string>());
    else
      fail(index_path(path_of(key), i),
           "expected string, got " + std::string(model::json_type_name(item)));
  }
  return out;
}

const json* Fields::array(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v != nullptr && !v->is_array()) return wrong_type(key, "array", *v), nullptr;
  return v;
}

const json* Fields::object(std::string_view key, bool required) {
  const json* v = get(key, required);
  if (v != nullptr && !v->is_object()) return wrong_type(key, "object", *v), nullptr;
  return v;
}

json Fields::raw(std::string_view key) {
  const json* v = get(key);
  if (v == nullptr) return nullptr;
  const std::string text = v->dump(-1, ' ', false, json::error_handler_t::replace);
  return text.size() <= kMaxRawJson ? *v : json(nullptr);
}

void Fields::wrong_type(std::string_view key, std::string_view expected, const json& got) {
  fail(path_of(key),
       "expected " + std::string(expected) + ", got " + std::string(model::json_type_name(got)));
}

}  // namespace zt::feeds
