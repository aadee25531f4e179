#include "collectors/container/engine_reader.hpp"

#include <nlohmann/json.hpp>

namespace zt::container {
namespace {

// The body of a 200 answer, or an error with the engine's own message for any other status.
model::Result<std::string> fetch(EngineClient& client, const std::string& path,
                                 const std::string& socket) {
  auto answer = client.get(path);
  if (!answer) return answer.error();
  if (answer->status == 200) return std::move(answer->body);
  std::string message;
  const auto body = nlohmann::json::parse(answer->body, nullptr, false);
  if (body.is_object() && body.contains("message") && body["message"].is_string())
    message = ": " + body["message"].get<std::string>();
  return model::Error{"GET " + path + " on " + socket + ": HTTP " + std::to_string(answer->status) +
                      message};
}

template <typename T, typename Parse>
std::optional<T> fetch_parsed(EngineClient& client, const std::string& path,
                              const std::string& socket, Parse parse,
                              std::vector<std::string>& problems) {
  auto body = fetch(client, path, socket);
  if (!body) {
    problems.push_back(body.error().message);
    return std::nullopt;
  }
  auto parsed = parse(*body);
  if (!parsed) {
    problems.push_back("GET " + path + " on " + socket + ": " + parsed.error().message);
    return std::nullopt;
  }
  return std::move(*parsed);
}

}  // namespace

EngineSnapshot read_engine(EngineClient& client, std::string socket_host_path,
                           const collector::Context& context, std::size_t max_containers,
                           std::vector<std::string>& problems) {
  EngineSnapshot snap;
  snap.socket = std::move(socket_host_path);
  const std::string& socket = snap.socket;
  snap.version =
      fetch_parsed<EngineVersion>(client, "/version", socket, &parse_engine_version, problems);
  if (!snap.version) return snap;

  if (context.stopped_before("container list", problems)) return snap;
  if (auto list = fetch_parsed<std::vector<ContainerSummary>>(
          client, "/containers/json?all=1", socket, &parse_container_list, problems))
    snap.containers = std::move(*list);

  for (const ContainerSummary& c : snap.containers) {
    if (snap.inspected.size() >= max_containers || context.should_stop()) {
      ++snap.not_inspected;
      continue;
    }
    if (auto info = fetch_parsed<ContainerInfo>(client, "/containers/" + c.id + "/json", socket,
                                                &parse_container_inspect, problems))
      snap.inspected.push_back(std::move(*info));
  }
  if (snap.not_inspected > 0)
    problems.push_back(std::to_string(snap.not_inspected) +
                       " container(s) not inspected: max_containers reached, or the run "
                       "stopped (deadline or shutdown)");

  if (context.stopped_before("image list", problems)) return snap;
  if (auto images = fetch_parsed<std::vector<ImageSummary>>(client, "/images/json", socket,
                                                            &parse_image_list, problems))
    snap.images = std::move(*images);
  return snap;
}

}  // namespace zt::container
