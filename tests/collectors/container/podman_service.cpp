#include "tests/collectors/container/podman_service.hpp"

#include <curl/curl.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace zt::test {
namespace {

using namespace std::chrono_literals;

std::size_t on_data(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

void make_rootfs(const TempTree& tree) {
  for (const char* dir :
       {"rootfs/bin", "rootfs/etc", "rootfs/tmp", "rootfs/proc", "rootfs/sys", "rootfs/dev"})
    tree.mkdir(dir);
  std::filesystem::copy_file("/bin/busybox", tree.root() / "rootfs/bin/busybox");
  for (const char* applet : {"sh", "sleep", "id", "cat"})
    tree.symlink("busybox", std::string("rootfs/bin/") + applet);
  tree.write("rootfs/etc/passwd", "root:x:0:0:root:/:/bin/sh\n");
  tree.write("rootfs/etc/group", "root:x:0:\n");
}

// Waits (up to `limit`) until no process names `dir` on its command line any more: conmon and
// the `podman container cleanup` it runs when a container stops outlive the API calls, are
// not our children, and would recreate folders in the temp dir after it was removed.
void wait_for_helpers(const std::string& dir, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    bool busy = false;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
      const std::string pid = entry.path().filename().string();
      if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
      std::ifstream in(entry.path() / "cmdline", std::ios::binary);
      const std::string cmdline{std::istreambuf_iterator<char>(in), {}};
      busy = busy || cmdline.find(dir) != std::string::npos;
    }
    if (!busy) return;
    std::this_thread::sleep_for(50ms);
  }
}

void check(const Completed& done, const std::string& what) {
  if (done.exit_code != 0)
    throw std::runtime_error(what + " failed (" + std::to_string(done.exit_code) +
                             "): " + done.err);
}

}  // namespace

PodmanService::PodmanService() {
  const std::string t = tree_.root().string();
  socket_ = tree_.root() / "podman.sock";
  tree_.write("containers.conf",
              "[containers]\n"
              "default_ulimits = [\"nofile=1024:1024\", \"nproc=4096:4096\"]\n"
              "[engine]\n"
              "runtime = \"runc\"\n"
              "cgroup_manager = \"cgroupfs\"\n"
              "events_logger = \"file\"\n"
              "events_logfile_path = \"" +
                  t +
                  "/events.log\"\n"
                  "tmp_dir = \"" +
                  t +
                  "/tmp\"\n"
                  "volume_path = \"" +
                  t +
                  "/volumes\"\n"
                  "static_dir = \"" +
                  t +
                  "/root/libpod\"\n"
                  "[network]\n"
                  "network_config_dir = \"" +
                  t + "/net\"\n");
  tree_.write("storage.conf", "[storage]\ndriver = \"vfs\"\ngraphroot = \"" + t +
                                  "/root\"\nrunroot = \"" + t + "/runroot\"\n");
  env_ = {"CONTAINERS_CONF=" + t + "/containers.conf",
          "CONTAINERS_STORAGE_CONF=" + t + "/storage.conf", "HOME=" + t};
  make_rootfs(tree_);
  check(run_process({"/bin/tar", "-C", t + "/rootfs", "-cf", t + "/rootfs.tar", "."}), "tar");
  const Completed imported =
      run_process(podman_args({"import", "--change", "CMD [\"/bin/sh\"]", t + "/rootfs.tar",
                               "localhost/zt-busybox:1.0"}),
                  env_);
  if (imported.exit_code == 0)
    check(run_process(
              podman_args({"tag", "localhost/zt-busybox:1.0", "localhost/zt-busybox:latest"}),
              env_),
          "podman tag");
  else
    limitation_ = "podman cannot unpack an image on this machine (exit " +
                  std::to_string(imported.exit_code) + "): " + imported.err;
  service_ = std::make_unique<Child>(podman_args({"--log-level=info", "system", "service",
                                                  "--time=0", "unix://" + socket_.string()}),
                                     env_);
  if (!service_->wait_for_stderr("API service listening", 15s))
    throw std::runtime_error("podman system service did not start: " + service_->stderr_text());
}

PodmanService::~PodmanService() {
  for (const std::string& id : containers_) {
    request("POST", "/v1.41/containers/" + id + "/stop?t=0");
    request("DELETE", "/v1.41/containers/" + id + "?force=1");
  }
  if (service_) {
    ::kill(service_->pid(), SIGTERM);
    service_->drain();
    if (service_->wait_for_exit(10s) < 0) service_.reset();  // the destructor kills it
  }
  wait_for_helpers(tree_.root().string(), 10s);
}

std::vector<std::string> PodmanService::podman_args(std::vector<std::string> tail) const {
  const std::string t = tree_.root().string();
  // clang-format off
  std::vector<std::string> args = {
      "/usr/bin/podman",
      "--root", t + "/root",
      "--runroot", t + "/runroot",
      "--storage-driver", "vfs",
      "--cgroup-manager", "cgroupfs",
      "--events-backend", "file",
      "--tmpdir", t + "/tmp"};
  // clang-format on
  args.insert(args.end(), tail.begin(), tail.end());
  return args;
}

ApiReply PodmanService::request(const std::string& method, const std::string& path,
                                const std::string& body) {
  ApiReply reply;
  CURL* h = curl_easy_init();
  if (!h) {
    reply.error = "curl_easy_init failed";
    return reply;
  }
  const std::string url = "http://d" + path;
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, socket_.c_str());
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 20000L);
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  if (method == "POST") {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_data);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &reply.body);
  const CURLcode code = curl_easy_perform(h);
  if (code == CURLE_OK)
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
  else
    reply.error = curl_easy_strerror(code);
  curl_slist_free_all(headers);
  curl_easy_cleanup(h);
  if (service_) service_->drain();  // its log must not fill the pipe
  return reply;
}

std::string PodmanService::run(const std::string& name, const nlohmann::json& create_body) {
  const ApiReply created =
      request("POST", "/v1.41/containers/create?name=" + name, create_body.dump());
  if (created.status != 201)
    throw std::runtime_error("create " + name + ": HTTP " + std::to_string(created.status) + " " +
                             created.body + created.error);
  const std::string id = nlohmann::json::parse(created.body).at("Id").get<std::string>();
  containers_.push_back(id);
  const ApiReply started = request("POST", "/v1.41/containers/" + id + "/start");
  if (started.status != 204)
    throw std::runtime_error("start " + name + ": HTTP " + std::to_string(started.status) + " " +
                             started.body + started.error);
  return id;
}

PodmanService& shared_podman() {
  static PodmanService service;
  return service;
}

}  // namespace zt::test
