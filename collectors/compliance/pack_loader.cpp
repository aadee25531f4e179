#include "collectors/compliance/pack_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <regex>
#include <set>

#include "collectors/compliance/expect.hpp"
#include "collectors/compliance/probe_specs.hpp"

namespace zt::compliance {
namespace {

using Node = YAML::Node;

constexpr std::string_view kCombinators[] = {"all", "any", "none"};

bool is_pack_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string joined(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

class PackReader {
 public:
  explicit PackReader(std::string file) : file_(std::move(file)) {}

  std::vector<std::string> take_errors() { return std::move(errors_); }

  void error(const Node& at, const std::string& path, std::string_view reason) {
    const YAML::Mark mark = at.Mark();
    std::string where = file_;
    if (!mark.is_null())
      where += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    errors_.push_back(where + ": " + (path.empty() ? "" : path + ": ") + std::string(reason));
  }

  // The map's entries; every key not in `known` is an error.
  bool map(const Node& node, const std::string& path, std::span<const std::string_view> known) {
    if (!node.IsMap()) {
      error(node, path, "expected a map");
      return false;
    }
    for (const auto& entry : node) {
      const std::string key = entry.first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end())
        error(entry.first, join(path, key), "unknown key (known keys: " + joined(known) + ")");
    }
    return true;
  }

  std::optional<std::string> text(const Node& parent, std::string_view key,
                                  const std::string& path, bool required) {
    const Node node = parent[std::string(key)];
    if (!node.IsDefined() || node.IsNull()) {
      if (required) error(parent, join(path, key), "missing");
      return std::nullopt;
    }
    if (!node.IsScalar()) {
      error(node, join(path, key), "expected a text");
      return std::nullopt;
    }
    return node.Scalar();
  }

  std::optional<bool> flag(const Node& node, const std::string& path) {
    bool value = false;
    if (node.IsScalar() && YAML::convert<bool>::decode(node, value)) return value;
    error(node, path, "expected true or false");
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> list(const Node& node, const std::string& path) {
    if (!node.IsSequence()) {
      error(node, path, "expected a list");
      return std::nullopt;
    }
    std::vector<std::string> items;
    bool ok = true;
    for (std::size_t i = 0; i < node.size(); ++i) {
      if (node[i].IsScalar()) {
        items.push_back(node[i].Scalar());
      } else {
        error(node[i], path + "[" + std::to_string(i) + "]", "expected a text");
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return items;
  }

  std::optional<Regex> regex(const Node& node, const std::string& path) {
    if (!node.IsScalar()) {
      error(node, path, "expected a regular expression");
      return std::nullopt;
    }
    try {
      return Regex{node.Scalar(), std::make_shared<const std::regex>(node.Scalar())};
    } catch (const std::regex_error& e) {
      error(node, path, "bad regular expression \"" + node.Scalar() + "\": " + e.what());
      return std::nullopt;
    }
  }

  std::optional<long long> number(const Node& node, const std::string& path) {
    if (node.IsScalar())
      if (auto n = parse_number(node.Scalar())) return n;
    error(node, path, "expected a number");
    return std::nullopt;
  }

  std::optional<Expect> expect(const Node& node, const std::string& path) {
    static constexpr std::string_view kOps[] = {"equals", "not_equals", "matches", "in",
                                                "not_in", "min",        "max",     "between"};
    if (!map(node, path, kOps)) return std::nullopt;
    if (node.size() != 1) {
      error(node, path, "expected exactly one of: " + joined(kOps));
      return std::nullopt;
    }
    const auto& entry = *node.begin();
    const std::string op = entry.first.Scalar();
    const std::string at = join(path, op);
    const Node value = entry.second;
    Expect e;
    if (op == "equals" || op == "not_equals") {
      e.op = op == "equals" ? Expect::Op::equals : Expect::Op::not_equals;
      if (!value.IsScalar()) return error(value, at, "expected a text or a number"), std::nullopt;
      e.values = {value.Scalar()};
    } else if (op == "matches") {
      e.op = Expect::Op::matches;
      if (!(e.regex = regex(value, at))) return std::nullopt;
    } else if (op == "in" || op == "not_in") {
      e.op = op == "in" ? Expect::Op::in : Expect::Op::not_in;
      auto items = list(value, at);
      if (!items) return std::nullopt;
      e.values = std::move(*items);
    } else if (op == "min" || op == "max") {
      e.op = op == "min" ? Expect::Op::min : Expect::Op::max;
      const auto n = number(value, at);
      if (!n) return std::nullopt;
      e.low = e.high = *n;
    } else if (op == "between") {
      e.op = Expect::Op::between;
      if (!value.IsSequence() || value.size() != 2)
        return error(value, at, "expected [min, max]"), std::nullopt;
      const auto low = number(value[0], at + "[0]");
      const auto high = number(value[1], at + "[1]");
      if (!low || !high) return std::nullopt;
      e.low = *low;
      e.high = *high;
    } else {
      return std::nullopt;  // reported by map()
    }
    return e;
  }

  std::optional<Check> check(const Node& node, const std::string& path) {
    if (!node.IsMap() || node.size() != 1) {
      error(node, path, "expected a map with one key: all, any, none or a probe type");
      return std::nullopt;
    }
    const auto& entry = *node.begin();
    const std::string key = entry.first.Scalar();
    const std::string at = join(path, key);
    if (std::find(std::begin(kCombinators), std::end(kCombinators), key) !=
        std::end(kCombinators)) {
      Check c;
      c.kind = key == "all" ? Check::Kind::all : key == "any" ? Check::Kind::any : Check::Kind::none;
      if (!entry.second.IsSequence() || entry.second.size() == 0) {
        error(entry.second, at, "expected a list of checks");
        return std::nullopt;
      }
      bool ok = true;
      for (std::size_t i = 0; i < entry.second.size(); ++i) {
        auto child = check(entry.second[i], at + "[" + std::to_string(i) + "]");
        if (child)
          c.children.push_back(std::move(*child));
        else
          ok = false;
      }
      if (!ok) return std::nullopt;
      return c;
    }
    const ProbeSpec* spec = find_probe_spec(key);
    if (!spec) {
      std::vector<std::string_view> known(std::begin(kCombinators), std::end(kCombinators));
      for (const ProbeSpec& s : probe_specs()) known.push_back(s.type);
      error(entry.first, at, "unknown check (known: " + joined(known) + ")");
      return std::nullopt;
    }
    auto probe_value = probe(*spec, entry.second, at);
    if (!probe_value) return std::nullopt;
    Check c;
    c.probe = std::move(*probe_value);
    return c;
  }

 private:
  static std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }

  std::optional<Probe> probe(const ProbeSpec& spec, const Node& node, const std::string& path) {
    std::vector<std::string_view> names;
    for (const ArgSpec& a : spec.args) names.push_back(a.name);
    const std::size_t before = errors_.size();
    if (!map(node, path, names)) return std::nullopt;
    Probe p;
    p.type = std::string(spec.type);
    for (const ArgSpec& a : spec.args) argument(a, node, path, p);
    if (errors_.size() != before) return std::nullopt;
    if (spec.check) {
      const std::string problem = spec.check(p);
      if (!problem.empty()) {
        const std::string field = problem.substr(0, problem.find(':'));
        error(node, path + "." + field, problem.substr(problem.find(':') + 2));
        return std::nullopt;
      }
    }
    return p;
  }

  void argument(const ArgSpec& a, const Node& node, const std::string& path, Probe& p) {
    const Node value = node[std::string(a.name)];
    const std::string at = join(path, a.name);
    if (!value.IsDefined() || value.IsNull()) {
      if (a.required) error(node, at, "missing");
      return;
    }
    switch (a.kind) {
      case ArgKind::text:
      case ArgKind::mode: {
        if (!value.IsScalar()) return error(value, at, "expected a text");
        const std::string v = value.Scalar();
        if (!a.choices.empty() &&
            std::find(a.choices.begin(), a.choices.end(), v) == a.choices.end())
          return error(value, at, "\"" + v + "\" is not one of: " + joined(a.choices));
        if (a.kind == ArgKind::mode && (v.size() < 3 || v.front() != '0' || !parse_number(v) ||
                                        *parse_number(v) > 07777))
          return error(value, at, "expected an octal mode like \"0640\"");
        p.text[std::string(a.name)] = v;
        return;
      }
      case ArgKind::flag:
        if (auto f = flag(value, at)) p.flags[std::string(a.name)] = *f;
        return;
      case ArgKind::list:
        if (auto l = list(value, at)) p.list = std::move(*l);
        return;
      case ArgKind::regex:
        p.regex = regex(value, at);
        return;
      case ArgKind::expect:
        p.expect = expect(value, at);
        return;
    }
  }

  std::string file_;
  std::vector<std::string> errors_;
};

std::optional<model::Severity> severity_of(std::string_view text) {
  for (model::Severity s : model::kAllSeverities)
    if (model::to_string(s) == text) return s;
  return std::nullopt;
}

class Loader {
 public:
  Loader(std::string file) : file_(file), r_(std::move(file)) {}

  LoadedPack load(std::string_view yaml_text) {
    Node root;
    try {
      root = YAML::Load(std::string(yaml_text));
    } catch (const YAML::Exception& e) {
      return {std::nullopt, {file_ + ":" + std::to_string(e.mark.line + 1) + ":" +
                             std::to_string(e.mark.column + 1) + ": YAML syntax: " + e.msg}};
    }
    Pack pack;
    pack.file = file_;
    top(root, pack);
    std::vector<std::string> errors = r_.take_errors();
    if (!errors.empty()) return {std::nullopt, std::move(errors)};
    return {std::move(pack), {}};
  }

 private:
  void top(const Node& root, Pack& pack) {
    static constexpr std::string_view kKeys[] = {"pack",     "title",    "version", "framework",
                                                 "platform", "profiles", "controls"};
    if (!r_.map(root, "", kKeys)) return;
    if (auto id = r_.text(root, "pack", "", true)) {
      if (!is_pack_id(*id)) r_.error(root["pack"], "pack", "\"" + *id + "\" is not [a-z0-9_]+");
      pack.id = *id;
    }
    pack.title = r_.text(root, "title", "", true).value_or("");
    pack.version = r_.text(root, "version", "", true).value_or("");
    pack.framework = r_.text(root, "framework", "", true).value_or("");
    if (const Node platform = root["platform"]; platform.IsDefined()) platforms(platform, pack);
    if (const Node profiles = root["profiles"]; profiles.IsDefined())
      pack.profiles = r_.list(profiles, "profiles").value_or(std::vector<std::string>{});
    const Node controls = root["controls"];
    if (!controls.IsDefined()) return r_.error(root, "controls", "missing");
    if (!controls.IsSequence()) return r_.error(controls, "controls", "expected a list");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < controls.size(); ++i) {
      const std::string path = "controls[" + std::to_string(i) + "]";
      Control c = control(controls[i], path, pack);
      if (!c.id.empty() && !ids.insert(c.id).second)
        r_.error(controls[i]["id"], path + ".id", "duplicate control id \"" + c.id + "\"");
      pack.controls.push_back(std::move(c));
    }
  }

  void platforms(const Node& node, Pack& pack) {
    static constexpr std::string_view kKeys[] = {"id", "version_id"};
    if (!node.IsSequence()) return r_.error(node, "platform", "expected a list");
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string path = "platform[" + std::to_string(i) + "]";
      if (!r_.map(node[i], path, kKeys)) continue;
      pack.platform.push_back({r_.text(node[i], "id", path, true).value_or(""),
                               r_.text(node[i], "version_id", path, false).value_or("")});
    }
  }

  Control control(const Node& node, const std::string& path, const Pack& pack) {
    static constexpr std::string_view kKeys[] = {
        "id",          "title",     "section",     "profiles",   "severity", "references",
        "description", "rationale", "remediation", "applies_if", "check",    "manual"};
    Control c;
    if (!r_.map(node, path, kKeys)) return c;
    c.id = r_.text(node, "id", path, true).value_or("");
    c.title = r_.text(node, "title", path, true).value_or("");
    c.section = r_.text(node, "section", path, true).value_or("");
    if (const Node profiles = node["profiles"]; profiles.IsDefined()) {
      c.profiles = r_.list(profiles, path + ".profiles").value_or(std::vector<std::string>{});
      for (std::size_t i = 0; i < c.profiles.size(); ++i)
        if (std::find(pack.profiles.begin(), pack.profiles.end(), c.profiles[i]) ==
            pack.profiles.end())
          r_.error(profiles[i], path + ".profiles[" + std::to_string(i) + "]",
                   "profile \"" + c.profiles[i] + "\" is not declared in the pack's profiles");
    }
    if (auto severity = r_.text(node, "severity", path, true)) {
      if (auto s = severity_of(*severity))
        c.severity = *s;
      else
        r_.error(node["severity"], path + ".severity",
                 "\"" + *severity + "\" is not one of: critical, high, medium, low, info");
    }
    if (const Node refs = node["references"]; refs.IsDefined()) references(refs, path, c);
    c.description = r_.text(node, "description", path, false).value_or("");
    c.rationale = r_.text(node, "rationale", path, false).value_or("");
    c.remediation = r_.text(node, "remediation", path, false).value_or("");
    if (const Node applies = node["applies_if"]; applies.IsDefined())
      c.applies_if = r_.check(applies, path + ".applies_if");
    const Node check = node["check"];
    const Node manual = node["manual"];
    if (check.IsDefined() && manual.IsDefined())
      r_.error(manual, path + ".manual", "a control has a check or is manual, not both");
    else if (check.IsDefined())
      c.check = r_.check(check, path + ".check");
    else if (manual.IsDefined())
      c.manual = r_.text(node, "manual", path, true).value_or("");
    else
      r_.error(node, path + ".check", "missing (or manual: with the reason)");
    return c;
  }

  void references(const Node& node, const std::string& path, Control& c) {
    static constexpr std::string_view kKeys[] = {"cis", "nist_800_53", "pci_dss", "iso_27001"};
    const std::string at = path + ".references";
    if (!r_.map(node, at, kKeys)) return;
    c.references.cis = r_.text(node, "cis", at, false).value_or("");
    const std::pair<std::string_view, std::vector<std::string>*> lists[] = {
        {"nist_800_53", &c.references.nist_800_53},
        {"pci_dss", &c.references.pci_dss},
        {"iso_27001", &c.references.iso_27001}};
    for (const auto& [key, into] : lists)
      if (const Node value = node[std::string(key)]; value.IsDefined())
        *into = r_.list(value, at + "." + std::string(key)).value_or(std::vector<std::string>{});
  }

  std::string file_;
  PackReader r_;
};

}  // namespace

LoadedPack parse_pack(std::string_view yaml_text, const std::string& file) {
  try {
    return Loader(file).load(yaml_text);
  } catch (const YAML::Exception& e) {  // a node yaml-cpp cannot convert: an error, not a throw
    return {std::nullopt, {file + ": " + e.what()}};
  }
}

}  // namespace zt::compliance
