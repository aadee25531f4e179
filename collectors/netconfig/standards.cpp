#include "collectors/netconfig/standards.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <span>

namespace zt::netconfig {
namespace {

using Node = YAML::Node;

constexpr std::string_view kTopKeys[] = {"standard_name", "version", "standards",
                                         "firmware_end_of_support"};
constexpr std::string_view kStandardKeys[] = {
    "id",           "vendor",        "category",       "title",       "severity",
    "check_type",   "check_pattern", "expected_value", "description", "remediation",
    "frameworks"};
constexpr std::string_view kFirmwareKeys[] = {"vendor", "release", "last_support", "source"};

std::optional<std::chrono::sys_days> parse_day(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto field = [&](std::size_t at, std::size_t n, auto& out) {
    return std::from_chars(text.data() + at, text.data() + at + n, out).ptr == text.data() + at + n;
  };
  if (!field(0, 4, y) || !field(5, 2, m) || !field(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!day.ok()) return std::nullopt;
  return std::chrono::sys_days{day};
}

class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}
  std::vector<std::string>& errors() { return errors_; }

  void error(const Node& at, const std::string& path, std::string_view what) {
    const YAML::Mark mark = at.Mark();
    std::string message(source_);
    if (!mark.is_null())
      message.append(":").append(std::to_string(mark.line + 1)).append(":").append(std::to_string(mark.column + 1));
    message.append(": ").append(path).append(": ").append(what);
    errors_.push_back(std::move(message));
  }

  bool map(const Node& node, const std::string& path, std::span<const std::string_view> known) {
    if (!node.IsMap()) {
      error(node, path, "expected a map");
      return false;
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end())
        error(entry.first, path + "." + key, "unknown key");
    }
    return true;
  }

  std::string text(const Node& parent, const std::string& key, const std::string& path) {
    const Node node = parent[key];
    if (!node.IsDefined() || node.IsNull() || !node.IsScalar() || node.Scalar().empty()) {
      error(parent, path + "." + key, "missing, or not a text");
      return {};
    }
    return node.Scalar();
  }

  std::vector<std::string> list(const Node& node, const std::string& path) {
    std::vector<std::string> out;
    if (!node.IsSequence()) {
      error(node, path, "expected a list");
      return out;
    }
    for (const Node& item : node) {
      if (item.IsScalar()) out.push_back(item.Scalar());
      else error(item, path, "expected a list of texts");
    }
    return out;
  }

  Standard standard(const Node& node, const std::string& path) {
    Standard s;
    if (!map(node, path, kStandardKeys)) return s;
    s.id = text(node, "id", path);
    s.vendor = text(node, "vendor", path);
    s.category = text(node, "category", path);
    s.title = text(node, "title", path);
    const std::string severity = text(node, "severity", path);
    if (const auto parsed = model::parse_severity(severity)) s.severity = *parsed;
    else if (!severity.empty()) error(node["severity"], path + ".severity", "not a severity");
    s.check_type = text(node, "check_type", path);
    s.check_pattern = text(node, "check_pattern", path);
    s.expected_value = text(node, "expected_value", path);
    s.description = text(node, "description", path);
    s.remediation = text(node, "remediation", path);
    const Node frameworks = node["frameworks"];
    if (!frameworks.IsMap()) {
      error(node, path + ".frameworks", "missing, or not a map");
      return s;
    }
    for (const auto& entry : frameworks)
      s.frameworks.push_back({entry.first.Scalar(),
                              list(entry.second, path + ".frameworks." + entry.first.Scalar())});
    return s;
  }

  EndOfSupport firmware(const Node& node, const std::string& path) {
    EndOfSupport e;
    if (!map(node, path, kFirmwareKeys)) return e;
    e.vendor = text(node, "vendor", path);
    e.release = text(node, "release", path);
    e.source = text(node, "source", path);
    const std::string day = text(node, "last_support", path);
    if (const auto parsed = parse_day(day)) e.last_support = *parsed;
    else if (!day.empty()) error(node["last_support"], path + ".last_support", "expected YYYY-MM-DD");
    return e;
  }

  StandardSet document(const Node& root) {
    StandardSet set;
    if (!map(root, "$", kTopKeys)) return set;
    set.name = text(root, "standard_name", "$");
    const Node standards = root["standards"];
    if (!standards.IsSequence()) error(root, "$.standards", "missing, or not a list");
    for (std::size_t i = 0; standards.IsSequence() && i < standards.size(); ++i) {
      const std::string path = "$.standards[" + std::to_string(i) + "]";
      Standard s = standard(standards[i], path);
      if (!s.id.empty() && set.find(s.id)) error(standards[i], path + ".id", "id used twice");
      set.standards.push_back(std::move(s));
    }
    const Node firmware = root["firmware_end_of_support"];
    for (std::size_t i = 0; firmware.IsSequence() && i < firmware.size(); ++i)
      set.firmware.push_back(
          this->firmware(firmware[i], "$.firmware_end_of_support[" + std::to_string(i) + "]"));
    return set;
  }

 private:
  std::string_view source_;
  std::vector<std::string> errors_;
};

}  // namespace

const Standard* StandardSet::find(std::string_view id) const {
  const auto it = std::find_if(standards.begin(), standards.end(),
                               [&](const Standard& s) { return s.id == id; });
  return it == standards.end() ? nullptr : &*it;
}

model::Result<StandardSet> load_standards(std::string_view yaml, std::string_view source) {
  Reader reader(source);
  StandardSet set;
  try {
    set = reader.document(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    reader.error(Node(), "$", e.what());
  }
  if (!reader.errors().empty()) {
    std::string message = reader.errors().front();
    for (std::size_t i = 1; i < reader.errors().size(); ++i) message += "; " + reader.errors()[i];
    return model::Error{message};
  }
  return set;
}

const ShippedStandards& shipped_standards() {
  static const ShippedStandards kShipped = [] {
    ShippedStandards out;
    auto loaded = load_standards(shipped_standards_text(), "conf/netconfig/standards.yaml");
    if (loaded) out.set = std::move(loaded).value();
    else out.errors.push_back(loaded.error().message);
    return out;
  }();
  return kShipped;
}

nlohmann::json frameworks_json(const Standard& standard) {
  nlohmann::json out = nlohmann::json::array();
  for (const FrameworkRefs& f : standard.frameworks)
    if (!f.requirements.empty())
      out.push_back({{"framework", f.framework}, {"requirements", f.requirements}});
  return out;
}

}  // namespace zt::netconfig
