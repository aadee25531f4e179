// conf/ingest.yaml must load to exactly the built-in defaults and spell out every key, with
// the environment variable of the key that has one.
#include <set>

#include "test_support.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/yaml_keys.hpp"

namespace zt::ingest {
namespace {

const std::string kFile = ZT_SOURCE_DIR "/conf/ingest.yaml";

TEST_CASE("ingest config: conf/ingest.yaml loads to exactly the defaults", "[unit]") {
  model::Result<IngestConfig> from_file = load_ingest_config(kFile, test::kNoEnv);
  INFO((from_file.ok() ? std::string() : from_file.error().message));
  REQUIRE(from_file.ok());
  const model::Result<IngestConfig> defaults = default_ingest_config(test::kNoEnv);
  REQUIRE(defaults.ok());

  CHECK(from_file->source == kFile);
  from_file->source = defaults->source;
  CHECK(from_file->listen == defaults->listen);
  CHECK(from_file->tls == defaults->tls);
  CHECK(from_file->limits == defaults->limits);
  CHECK(*from_file == *defaults);
}

TEST_CASE("ingest config: conf/ingest.yaml documents every key and environment variable",
          "[unit]") {
  const std::string text = zt::test::read_text(kFile);
  const std::set<std::string> in_file = zt::test::yaml_keys_in(text);
  std::set<std::string> documented;
  for (const config::KeyDoc& doc : documented_ingest_keys()) {
    INFO(doc.key);
    documented.insert(doc.key);
    CHECK(in_file.contains(doc.key));
    if (!doc.environment.empty()) CHECK(text.find(doc.environment) != std::string::npos);
  }
  for (const std::string& key : in_file) {
    if (key.find('.') != std::string::npos) CHECK(documented.contains(key));
  }
}

}  // namespace
}  // namespace zt::ingest
