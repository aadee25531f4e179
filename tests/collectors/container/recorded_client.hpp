#pragma once
// An EngineClient that replays a recorded engine (tests/fixtures/container-api/<engine>):
// /version, /containers/json?all=1, /images/json and the inspect answer of every container
// recorded (found by the Id in each inspect-*.json). Anything else is a 404.
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "collectors/container/engine_client.hpp"
#include "tests/collectors/container/fixtures.hpp"

namespace zt::test {

class RecordedClient final : public container::EngineClient {
 public:
  explicit RecordedClient(std::string_view engine) {
    const auto dir = api_fixture_dir(engine);
    answers_["/version"] = read_text(dir / "version.json");
    answers_["/containers/json?all=1"] = read_text(dir / "containers-json-all.json");
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.starts_with("images-json")) answers_["/images/json"] = read_text(entry.path());
      if (!name.starts_with("inspect-")) continue;
      std::string body = read_text(entry.path());
      const auto id = nlohmann::json::parse(body).at("Id").get<std::string>();
      answers_["/containers/" + id + "/json"] = std::move(body);
    }
  }

  model::Result<container::ApiAnswer> get(std::string_view path) override {
    const auto it = answers_.find(std::string(path));
    if (it == answers_.end())
      return container::ApiAnswer{404, R"({"message":"no such container"})"};
    return container::ApiAnswer{200, it->second};
  }

 private:
  std::map<std::string, std::string> answers_;
};

}  // namespace zt::test
