#include "collectors/container/engine_api.hpp"

#include "collectors/container/json_fields.hpp"

namespace zt::container {
namespace {

using model::Error;
using nlohmann::json;

std::string without_slash(std::string name) {
  if (!name.empty() && name.front() == '/') name.erase(0, 1);
  return name;
}

Error failure(std::string_view what, const std::string& error) {
  return Error{std::string(what) + ": " + error};
}

}  // namespace

std::string_view to_string(EngineKind kind) {
  return kind == EngineKind::podman ? "podman" : "docker";
}

std::string short_id(std::string_view id) {
  if (id.starts_with("sha256:")) id.remove_prefix(7);
  return std::string(id.substr(0, 12));
}

Result<EngineVersion> parse_engine_version(std::string_view text) {
  constexpr std::string_view kWhat = "engine version";
  std::string error;
  const auto body = parse_body(text, json::value_t::object, kWhat, error);
  if (!body) return Error{error};
  const FieldReader root(*body, "", error);
  EngineVersion out;
  out.version = root.text("Version");
  out.api_version = root.text("ApiVersion");
  // Podman names its component "Podman Engine"; Docker's is "Engine".
  for (const FieldReader& component : root.objects("Components"))
    if (component.text("Name").starts_with("Podman")) out.kind = EngineKind::podman;
  if (error.empty() && out.version.empty()) error = "Version: missing";
  if (!error.empty()) return failure(kWhat, error);
  return out;
}

Result<std::vector<ContainerSummary>> parse_container_list(std::string_view text) {
  constexpr std::string_view kWhat = "container list";
  std::string error;
  const auto body = parse_body(text, json::value_t::array, kWhat, error);
  if (!body) return Error{error};
  std::vector<ContainerSummary> out;
  for (std::size_t i = 0; i < body->size() && error.empty(); ++i) {
    if (!(*body)[i].is_object()) {
      error = "[" + std::to_string(i) + "]: expected an object";
      break;
    }
    const FieldReader item((*body)[i], "[" + std::to_string(i) + "]", error);
    ContainerSummary c;
    c.id = item.text("Id");
    const std::vector<std::string> names = item.texts("Names");
    if (!names.empty()) c.name = without_slash(names.front());
    c.image = item.text("Image");
    c.state = item.text("State");
    c.status = item.text("Status");
    if (error.empty() && c.id.empty()) error = "[" + std::to_string(i) + "].Id: missing";
    out.push_back(std::move(c));
  }
  if (!error.empty()) return failure(kWhat, error);
  return out;
}

Result<std::vector<ImageSummary>> parse_image_list(std::string_view text) {
  constexpr std::string_view kWhat = "image list";
  std::string error;
  const auto body = parse_body(text, json::value_t::array, kWhat, error);
  if (!body) return Error{error};
  std::vector<ImageSummary> out;
  for (std::size_t i = 0; i < body->size() && error.empty(); ++i) {
    if (!(*body)[i].is_object()) {
      error = "[" + std::to_string(i) + "]: expected an object";
      break;
    }
    const FieldReader item((*body)[i], "[" + std::to_string(i) + "]", error);
    ImageSummary image;
    image.id = item.text("Id");
    for (std::string& tag : item.texts("RepoTags"))
      if (tag != "<none>:<none>") image.tags.push_back(std::move(tag));
    image.size = item.integer("Size").value_or(0);
    out.push_back(std::move(image));
  }
  if (!error.empty()) return failure(kWhat, error);
  return out;
}

Result<ContainerInfo> parse_container_inspect(std::string_view text) {
  constexpr std::string_view kWhat = "container inspect";
  std::string error;
  const auto body = parse_body(text, json::value_t::object, kWhat, error);
  if (!body) return Error{error};
  const FieldReader root(*body, "", error);
  const FieldReader config = root.object("Config");
  const FieldReader host = root.object("HostConfig");

  ContainerInfo c;
  c.id = root.text("Id");
  c.name = without_slash(root.text("Name"));
  c.image = config.text("Image");
  c.image_id = root.text("Image");
  c.state = root.object("State").text("Status");
  c.user = config.text("User");
  c.privileged = host.flag("Privileged");
  c.network_mode = host.text("NetworkMode");
  c.pid_mode = host.text("PidMode");
  c.ipc_mode = host.text("IpcMode");
  c.userns_mode = host.text("UsernsMode");
  c.cap_add = host.texts("CapAdd");
  c.cap_drop = host.texts("CapDrop");
  c.security_opt = host.texts("SecurityOpt");
  c.memory = host.integer("Memory");
  c.pids_limit = host.integer("PidsLimit");
  c.readonly_rootfs = host.flag("ReadonlyRootfs");
  for (const FieldReader& m : root.objects("Mounts")) {
    MountInfo mount;
    mount.type = m.text("Type");
    mount.source = m.text("Source");
    mount.destination = m.text("Destination");
    mount.rw = m.flag("RW");
    c.mounts.push_back(std::move(mount));
  }
  if (error.empty() && c.id.empty()) error = "Id: missing";
  if (!error.empty()) return failure(kWhat, error);
  return c;
}

}  // namespace zt::container
