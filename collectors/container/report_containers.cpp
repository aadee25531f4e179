// The per-container findings: privileges, namespaces, mounts, capabilities, user, limits and
// the image tag, from one container's inspect answer.
#include <algorithm>
#include <cctype>

#include "collectors/container/finding_types.hpp"
#include "collectors/container/image_ref.hpp"
#include "collectors/container/report.hpp"

namespace zt::container {
namespace {

using model::Finding;
using model::Severity;
using nlohmann::json;
namespace ft = finding_type;

// Host paths whose bind mount gives a container the host's secrets or control of it.
constexpr std::string_view kSensitivePaths[] = {
    "/",     "/etc", "/root", "/home",    "/boot",           "/dev",
    "/proc", "/sys", "/run",  "/var/run", "/var/lib/docker", "/var/lib/containers",
};

// Socket file names of container engines: whoever reaches one runs containers as root.
constexpr std::string_view kEngineSocketNames[] = {"docker.sock", "podman.sock", "containerd.sock"};

struct CapabilityRisk {
  std::string_view name;
  Severity severity;
};
// Added capabilities by what they give: the critical ones amount to the host's root (mount,
// kernel modules, raw devices); the high ones read or control other processes or the kernel.
constexpr CapabilityRisk kCapabilityRisks[] = {
    {"ALL", Severity::critical},        {"SYS_ADMIN", Severity::critical},
    {"SYS_MODULE", Severity::critical}, {"SYS_RAWIO", Severity::critical},
    {"SYS_PTRACE", Severity::high},     {"DAC_READ_SEARCH", Severity::high},
    {"SYS_BOOT", Severity::high},       {"BPF", Severity::high},
    {"MAC_ADMIN", Severity::high},      {"MAC_OVERRIDE", Severity::high},
    {"SYS_TIME", Severity::medium},     {"NET_ADMIN", Severity::medium},
    {"SYSLOG", Severity::medium},       {"PERFMON", Severity::medium},
};

Severity capability_severity(const std::string& cap) {
  for (const CapabilityRisk& risk : kCapabilityRisks)
    if (risk.name == cap) return risk.severity;
  return Severity::low;
}

// "cap_sys_admin" → "SYS_ADMIN".
std::string normal_capability(std::string cap) {
  std::transform(cap.begin(), cap.end(), cap.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (cap.starts_with("CAP_")) cap.erase(0, 4);
  return cap;
}

std::string without_trailing_slash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string file_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool is_engine_socket(const MountInfo& m, const std::string& engine_socket) {
  if (!engine_socket.empty() && m.source == engine_socket) return true;
  for (std::string_view name : kEngineSocketNames)
    if (file_name(m.source) == name || file_name(m.destination) == name) return true;
  return false;
}

bool is_sensitive(const MountInfo& m) {
  const std::string source = without_trailing_slash(m.source);
  return std::find(std::begin(kSensitivePaths), std::end(kSensitivePaths), source) !=
         std::end(kSensitivePaths);
}

bool is_root_user(const std::string& user) {
  const std::string name = user.substr(0, user.find(':'));
  return name.empty() || name == "0" || name == "root";
}

json mount_json(const MountInfo& m) {
  return {{"source", m.source}, {"destination", m.destination}, {"rw", m.rw}};
}

// Builds the findings of one container, with its name, short id and image in every text.
class ContainerReport {
 public:
  ContainerReport(const ContainerInfo& c, const EngineContext& engine)
      : c_(c), engine_(engine), image_(split_image_ref(c.image)) {
    who_ = "Container " + (c.name.empty() ? short_id(c.id) : c.name + " (" + short_id(c.id) + ")") +
           " from image " + (c.image.empty() ? std::string("(unknown)") : c.image);
  }

  Findings run() {
    privileged();
    namespaces();
    mounts();
    capabilities();
    user();
    limits();
    latest_tag();
    return std::move(out_);
  }

 private:
  Finding& add(std::string_view type, Severity severity, std::string title, std::string why,
               std::string remediation, std::string field, json value) {
    Finding f = make_finding(type, severity, c_.id, image_.name, image_.tag);
    f.title = std::move(title) + ": " + (c_.name.empty() ? short_id(c_.id) : c_.name);
    f.description = who_ + " " + std::move(why);
    f.remediation = std::move(remediation);
    f.metadata = {
        {"container_name", c_.name}, {"short_id", short_id(c_.id)},     {"image", c_.image},
        {"state", c_.state},         {"engine_socket", engine_.socket}, {"field", std::move(field)},
        {"value", std::move(value)}};
    out_.push_back(std::move(f));
    return out_.back();
  }

  void privileged() {
    if (!c_.privileged) return;
    add(ft::kPrivileged, Severity::critical, "Privileged container",
        "runs privileged: it has every capability, every host device and no seccomp or "
        "AppArmor confinement, so root in it is root on the host.",
        "Recreate it without --privileged (Privileged: false); grant only the capabilities "
        "(--cap-add) and devices (--device) it needs.",
        "HostConfig.Privileged", true);
  }

  void namespaces() {
    if (c_.network_mode == "host")
      add(ft::kHostNetwork, Severity::high, "Container shares the host network namespace",
          "uses the host's network stack: it can bind any host port, reach services bound to "
          "loopback and sniff the host's traffic with NET_RAW.",
          "Recreate it on a bridge or user-defined network and publish only the ports it "
          "serves (-p).",
          "HostConfig.NetworkMode", c_.network_mode);
    if (c_.pid_mode == "host")
      add(ft::kHostPid, Severity::high, "Container shares the host PID namespace",
          "sees every process of the host and, with the right capabilities, can signal or "
          "trace them and read their environment.",
          "Recreate it without --pid host.", "HostConfig.PidMode", c_.pid_mode);
    if (c_.ipc_mode == "host")
      add(ft::kHostIpc, Severity::medium, "Container shares the host IPC namespace",
          "shares the host's System V IPC and POSIX shared memory, so it can read or corrupt "
          "other processes' shared memory.",
          "Recreate it without --ipc host.", "HostConfig.IpcMode", c_.ipc_mode);
  }

  void mounts() {
    json sockets = json::array();
    json sensitive = json::array();
    bool writable = false;
    for (const MountInfo& m : c_.mounts) {
      if (m.type != "bind") continue;
      if (is_engine_socket(m, engine_.socket)) {
        sockets.push_back(mount_json(m));
      } else if (is_sensitive(m)) {
        sensitive.push_back(mount_json(m));
        writable = writable || m.rw;
      }
    }
    if (!sockets.empty())
      add(ft::kSocketMounted, Severity::critical, "Container engine socket mounted in container",
          "has a container engine's API socket mounted (" + list_sources(sockets) +
              "): anything in it can start a privileged container and take over the host.",
          "Remove the socket mount. If the container must manage containers, put an "
          "authorising proxy in front of the API that allows only the calls it needs.",
          "Mounts", sockets);
    if (!sensitive.empty())
      add(ft::kSensitiveMount, writable ? Severity::high : Severity::medium,
          "Sensitive host path mounted in container",
          "mounts sensitive host paths (" + list_sources(sensitive) + ")" +
              (writable ? ", at least one writable: it can change the host's configuration, "
                          "credentials or kernel settings."
                        : " read-only: it can read the host's configuration and secrets."),
          "Mount only the files or folders the container needs, read-only (:ro), never whole "
          "system folders.",
          "Mounts", sensitive);
  }

  static std::string list_sources(const json& mounts) {
    std::string out;
    for (const json& m : mounts) {
      if (!out.empty()) out += ", ";
      out += m["source"].get<std::string>() + " at " + m["destination"].get<std::string>() +
             (m["rw"].get<bool>() ? " rw" : " ro");
    }
    return out;
  }

  void capabilities() {
    if (c_.cap_add.empty()) return;
    Severity worst = Severity::info;
    json caps = json::array();
    std::string names;
    for (const std::string& raw : c_.cap_add) {
      const std::string cap = normal_capability(raw);
      const Severity s = capability_severity(cap);
      if (model::at_least(s, worst)) worst = s;
      caps.push_back({{"capability", cap}, {"severity", std::string(model::to_string(s))}});
      names += (names.empty() ? "" : ", ") + cap;
    }
    Finding& f = add(ft::kAddedCapabilities, worst, "Container has added capabilities",
                     "was given capabilities beyond the engine's default set: " + names +
                         ". SYS_ADMIN, SYS_MODULE and SYS_RAWIO are close to full root on the "
                         "host; SYS_PTRACE lets it trace processes it can see; NET_ADMIN lets it "
                         "reconfigure its network.",
                     "Recreate it without these --cap-add entries, or with the narrowest one "
                     "that works; start from --cap-drop ALL.",
                     "HostConfig.CapAdd", c_.cap_add);
    f.metadata["capabilities"] = std::move(caps);
  }

  void user() {
    const bool own_userns = !c_.userns_mode.empty() && c_.userns_mode != "host";
    const bool remapped = engine_.daemon_userns_remap && c_.userns_mode != "host";
    if (!is_root_user(c_.user) || own_userns || remapped) return;
    Finding& f =
        add(ft::kRootUser, Severity::medium, "Container runs as root without a user namespace",
            "runs its processes as root (" +
                (c_.user.empty() ? std::string("no user set, so the image's: root")
                                 : "user \"" + c_.user + "\"") +
                ") in the host's user namespace: a breakout, or a writable host mount, gives root "
                "on the host.",
            "Run it as an unprivileged user (USER in the image, --user 1000:1000), or in a user "
            "namespace (Docker userns-remap, Podman --userns=auto).",
            "Config.User", c_.user);
    f.metadata["userns_mode"] = c_.userns_mode;
  }

  void limits() {
    if (c_.memory.value_or(0) <= 0)
      add(ft::kNoMemoryLimit, Severity::low, "Container has no memory limit",
          "has no memory limit: a leak or an attack in it can exhaust the host's memory.",
          "Set a memory limit (--memory, HostConfig.Memory).", "HostConfig.Memory",
          c_.memory ? json(*c_.memory) : json(nullptr));
    if (c_.pids_limit.value_or(0) <= 0)
      add(ft::kNoPidsLimit, Severity::low, "Container has no process limit",
          "has no limit on its number of processes: a fork bomb in it can exhaust the host's "
          "process table.",
          "Set a process limit (--pids-limit, HostConfig.PidsLimit).", "HostConfig.PidsLimit",
          c_.pids_limit ? json(*c_.pids_limit) : json(nullptr));
  }

  void latest_tag() {
    if (image_.is_id || c_.image.empty() || !image_.digest.empty()) return;
    if (!image_.tag.empty() && image_.tag != "latest") return;
    add(ft::kLatestTag, Severity::low, "Container image referenced by the latest tag",
        std::string(image_.tag.empty() ? "names its image without a tag (so :latest)"
                                       : "names its image by the :latest tag") +
            ": which image runs changes with every pull, so it cannot be pinned, audited "
            "or rolled back.",
        "Reference images by a version tag or, better, by digest (name@sha256:…).", "Config.Image",
        c_.image);
  }

  const ContainerInfo& c_;
  const EngineContext& engine_;
  ImageRef image_;
  std::string who_;
  Findings out_;
};

}  // namespace

Findings container_findings(const ContainerInfo& container, const EngineContext& engine) {
  return ContainerReport(container, engine).run();
}

}  // namespace zt::container
