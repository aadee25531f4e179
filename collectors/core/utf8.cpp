#include "collectors/core/utf8.hpp"

namespace zt::collector {
namespace {

// The length of the valid UTF-8 sequence at text[i] (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF), or 0 when it is not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char low = 0x80, high = 0xbf;  // range of the second byte
  if (c >= 0xc2 && c <= 0xdf)
    n = 2;
  else if (c == 0xe0)
    n = 3, low = 0xa0;
  else if (c >= 0xe1 && c <= 0xef)
    n = 3, high = c == 0xed ? 0x9f : 0xbf;
  else if (c == 0xf0)
    n = 4, low = 0x90;
  else if (c >= 0xf1 && c <= 0xf3)
    n = 4;
  else if (c == 0xf4)
    n = 4, high = 0x8f;
  else
    return 0;
  if (text.size() - i < n) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) return 0;
  return n;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) {
      out += "\xef\xbf\xbd";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

void make_valid_utf8(nlohmann::json& value) {
  if (value.is_string()) {
    auto& s = value.get_ref<std::string&>();
    if (!is_valid_utf8(s)) s = valid_utf8(s);
  } else if (value.is_array()) {
    for (auto& item : value) make_valid_utf8(item);
  } else if (value.is_object()) {
    bool keys_ok = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      keys_ok = keys_ok && is_valid_utf8(it.key());
      make_valid_utf8(it.value());
    }
    if (!keys_ok) {
      nlohmann::json fixed = nlohmann::json::object();
      for (auto it = value.begin(); it != value.end(); ++it)
        fixed[valid_utf8(it.key())] = std::move(it.value());
      value = std::move(fixed);
    }
  }
}

void make_valid_utf8(model::Finding& f) {
  for (std::string* s : {&f.title, &f.description, &f.remediation})
    if (!is_valid_utf8(*s)) *s = valid_utf8(*s);
  make_valid_utf8(f.fields);
  make_valid_utf8(f.metadata);
}

void make_valid_utf8(CollectResult& result) {
  const auto repair = [](std::string& s) {
    if (!is_valid_utf8(s)) s = valid_utf8(s);
  };
  for (model::Finding& f : result.findings) make_valid_utf8(f);
  for (model::Dependency& d : result.dependencies)
    for (std::string* s : {&d.name, &d.version, &d.type, &d.location, &d.license}) repair(*s);
  for (model::ConfigFile& c : result.config_files) {
    for (std::string* s : {&c.file_path, &c.filename, &c.file_hash, &c.device_type,
                           &c.manufacturer, &c.model, &c.firmware_version, &c.config_type,
                           &c.parsing_status, &c.analysis_status})
      repair(*s);
    make_valid_utf8(c.parsed_data);
    if (c.analysis) make_valid_utf8(c.analysis->compliance_scores);
  }
  make_valid_utf8(result.inventory);
  for (std::string& problem : result.problems) repair(problem);
}

}  // namespace zt::collector
