// The shared parsers and the YAML walk on their own; the agent's and the ingest's loader
// tests check them again through real keys.
#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>

#include "schema-client/config/reader.hpp"
#include "schema-client/config/value.hpp"
#include "tests/support/config_env.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::config {
namespace {

using namespace std::chrono_literals;
using test::kNoEnv;

Value scalar(std::string_view text) { return {Value::Shape::scalar, text}; }

struct Section {
  long long count = 1;
  Secret token;
};

const Field<Section> kFields[] = {
    {"count", "A count: 1..9.", false,
     [](Section& s, const Value& v) { return assign(s.count, to_integer(v, 1, 9)); }},
    {"token", "A token. Secret.", true,
     [](Section& s, const Value& v) { return assign(s.token, to_secret(v)); }},
};

// Reads `yaml` with one section, "part", of kFields; the problems, or "" when none.
std::string problems_of(std::string_view yaml, Section& section, const EnvLookup& env) {
  constexpr std::string_view kSections[] = {"part"};
  Reader reader("x.yaml");
  reader.read_document(yaml, [&](const YAML::Node& root) {
    reader.read_sections(root, kSections, [&](const std::string& key, const YAML::Node& key_node,
                                              const YAML::Node& value) {
      reader.read_section(key_node, value, key, std::span<const Field<Section>>(kFields),
                          section);
    });
  });
  reader.apply_environment("part", std::span<const Field<Section>>(kFields), section, env);
  const model::Status status = reader.status();
  return status ? "" : status.error().message;
}

TEST_CASE("config values: shown quotes, shortens and hides control characters", "[unit]") {
  CHECK(shown(Value{}) == "nothing");
  CHECK(shown(Value{Value::Shape::list, {}}) == "a list");
  CHECK(shown(Value{Value::Shape::map, {}}) == "a map");
  CHECK(shown(scalar("a\tb")) == "\"a?b\"");
  CHECK(shown(scalar(std::string(61, 'x'))) == "\"" + std::string(60, 'x') + "...\"");
  CHECK(expected("a number", scalar("x")).message == "expected a number, got \"x\"");
}

TEST_CASE("config values: scalar parsers", "[unit]") {
  CHECK(*to_bool(scalar("TRUE")));
  CHECK_FALSE(to_bool(scalar("no")).ok());
  CHECK(*to_integer(scalar("-3"), -5, 5) == -3);
  CHECK(to_integer(scalar("6"), -5, 5).error().message ==
        "expected an integer between -5 and 5, got \"6\"");
  CHECK(to_text(Value{}).value().empty());
  CHECK(*to_choice(scalar("warn"), kLogLevels) == "warn");
  CHECK(to_choice(scalar("loud"), kLogLevels).error().message ==
        "expected one of trace, debug, info, warn, error, got \"loud\"");
  CHECK(*to_absolute_path(scalar("/a/b")) == "/a/b");
  CHECK_FALSE(to_absolute_path(scalar("a/b")).ok());
  CHECK(*to_duration(scalar("5m"), kTimeoutRange) == 5min);
  CHECK(to_duration(scalar("2h"), kTimeoutRange).error().message ==
        "expected a duration between 1s and 1h (e.g. 30s, 5m, 1h), got \"2h\"");
}

TEST_CASE("config values: secrets of one word or one line, never echoed", "[unit]") {
  CHECK(to_secret(Value{})->empty());
  CHECK(to_secret(scalar(""))->empty());
  CHECK(to_secret(scalar("k-1"))->reveal() == "k-1");
  CHECK(to_secret(scalar("host=db password=pw"), SecretForm::line)->reveal() ==
        "host=db password=pw");
  CHECK(to_secret(scalar("a b")).error().message ==
        "expected one word without spaces or control characters (the value is not shown)");
  CHECK(to_secret(scalar("pw\nx"), SecretForm::line).error().message ==
        "expected one line without control characters (the value is not shown)");
  CHECK(to_secret(Value{Value::Shape::list, {}}, SecretForm::line).error().message ==
        "expected text, got a list");
}

TEST_CASE("config values: the reader sets keys and reports every problem in order", "[unit]") {
  Section section;
  CHECK(problems_of("part:\n  count: 7\n  token: t\n", section, kNoEnv).empty());
  CHECK(section.count == 7);
  CHECK(section.token.reveal() == "t");

  Section other;
  CHECK(problems_of("part:\n  count: 70\n  cuont: 1\n  count: 2\nextra: 1\n", other,
                    kNoEnv) ==
        "x.yaml:2:3: part.count: expected an integer between 1 and 9, got \"70\"\n"
        "x.yaml:3:3: part.cuont: unknown key (known keys: count, token)\n"
        "x.yaml:4:3: part.count: duplicate key (first at line 2)\n"
        "x.yaml:5:1: extra: unknown key (known keys: part)");
  CHECK(problems_of("[part]\n", other, kNoEnv) ==
        "x.yaml:1:1: expected a map with the sections part, got a list");
  CHECK(problems_of("part: 1\n", other, kNoEnv) ==
        "x.yaml:1:1: part: expected a map of keys, got \"1\"");
  CHECK(problems_of("part:\n  [a]: 1\n", other, kNoEnv) ==
        "x.yaml:2:3: part: expected a key name, got a list");
  CHECK(problems_of("part: {\n", other, kNoEnv).starts_with("x.yaml:2:1: invalid YAML: "));
  CHECK(problems_of("a: 1\n---\nb: 2\n", other, kNoEnv) ==
        "x.yaml:3:1: expected one YAML document, found 2");
}

TEST_CASE("config values: a quote never closed is refused, not swallowed to the end", "[unit]") {
  Section section;
  // yaml-cpp 0.7 alone reads the token as "x\n  count: 3" and passes the file.
  CHECK(problems_of("part:\n  token: \"x\n  count: 3\n", section, kNoEnv) ==
        "x.yaml:2:10: invalid YAML: a quoted value is never closed");
  CHECK(problems_of("part:\n  token: 'it''s\n", section, kNoEnv) ==
        "x.yaml:2:10: invalid YAML: a quoted value is never closed");
  CHECK(problems_of("part:\n  \"count: 3\n", section, kNoEnv) ==
        "x.yaml:2:3: invalid YAML: a quoted value is never closed");
  // Closed quotes, escaped quotes and quotes inside plain values are fine.
  CHECK(problems_of("part:\n  token: \"a\\\"b\"\n  count: 3\n", section, kNoEnv).empty());
  CHECK(section.token.reveal() == "a\"b");
  CHECK(problems_of("part:\n  token: 'it''s'\n", section, kNoEnv).empty());
  CHECK(problems_of("part:\n  token: a\"b\n", section, kNoEnv).empty());
}

TEST_CASE("config values: a tab in the indentation gets a hint that names its line", "[unit]") {
  Section section;
  const std::string problems = problems_of("part:\n  count: 3\n\ttoken: t\n", section, kNoEnv);
  CHECK_THAT(problems, Catch::StartsWith("x.yaml:"));
  CHECK_THAT(problems, Catch::Contains("invalid YAML: "));
  CHECK_THAT(problems,
             Catch::EndsWith("(YAML indents with spaces, not tabs; line 3 holds a tab)"));
}

TEST_CASE("config values: a refused duration's examples are inside its range", "[unit]") {
  CHECK(duration_examples(kTimeoutRange) == "30s, 5m, 1h");
  CHECK(duration_examples({1s, 60s, "between 1s and 1m"}) == "30s");
  CHECK(duration_examples({60s, 24h * 7, "between 60s and 7d"}) == "5m, 1h, 1d");
  CHECK(duration_examples({1s, 10s, "between 1s and 10s"}) == "1s");
  CHECK(to_duration(scalar("2h"), {1s, 60s, "between 1s and 1m"}).error().message ==
        "expected a duration between 1s and 1m (e.g. 30s), got \"2h\"");
}

TEST_CASE("config values: the environment overrides the keys that allow it", "[unit]") {
  const EnvLookup env = [](std::string_view name) -> std::optional<std::string> {
    if (name == "ZEROTRACE_PART_TOKEN") return "bad token";
    return std::nullopt;
  };
  Section section;
  const std::string problems = problems_of("part:\n  token: good\n", section, env);
  CHECK(problems ==
        "environment variable ZEROTRACE_PART_TOKEN: part.token: expected one word without "
        "spaces or control characters (the value is not shown)");
  CHECK(environment_name("limits", "max_body_bytes") == "ZEROTRACE_LIMITS_MAX_BODY_BYTES");
}

TEST_CASE("config values: read_config_file reads a file of at most 1 MiB", "[unit]") {
  const test::TempTree tree;
  const std::filesystem::path small = tree.write("small.yaml", "a: 1\n");
  CHECK(*read_config_file(small) == "a: 1\n");

  const std::filesystem::path large =
      tree.write("large.yaml", std::string(1024 * 1024 + 1, '#'));
  CHECK(read_config_file(large).error().message ==
        large.string() + ": cannot read the configuration file: it is larger than 1 MiB");
  CHECK(read_config_file(tree.root()).error().message ==
        tree.root().string() + ": cannot read the configuration file: it is a directory");
  CHECK(read_config_file(tree.root() / "nope").error().message ==
        (tree.root() / "nope").string() +
            ": cannot read the configuration file: No such file or directory");
}

}  // namespace
}  // namespace zt::config
