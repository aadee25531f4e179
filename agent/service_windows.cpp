// zerotrace-agent as a Windows service. The service control manager starts the process;
// main() hands it to run_as_service, which connects to the manager; the manager calls
// service_main on its own thread, which registers the control handler and runs the agent.
// SERVICE_CONTROL_STOP and SHUTDOWN become the daemon's stop request; the daemon's ready and
// stopping become SERVICE_RUNNING and SERVICE_STOP_PENDING; its exit becomes SERVICE_STOPPED
// with the exit code. Started from a console instead, the agent runs as a console program.
#include <windows.h>

#include <mutex>
#include <string>

#include "agent/logging.hpp"
#include "agent/service_manager.hpp"

namespace zt::agent {
namespace {

wchar_t kServiceName[] = L"ZeroTraceAgent";

// What the manager's thread and the daemon share. Guarded by `mutex`.
struct ServiceState {
  std::mutex mutex;
  SERVICE_STATUS_HANDLE handle = nullptr;
  SERVICE_STATUS status{};
  std::function<void()> stop;
  const std::function<int()>* run = nullptr;
  int exit_code = 0;  // run's, once service_main has run it
};

ServiceState& service_state() {
  static ServiceState state;
  return state;
}

void report(DWORD state, DWORD exit_code = NO_ERROR) {
  ServiceState& s = service_state();
  std::lock_guard lock(s.mutex);
  if (!s.handle) return;
  s.status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
  s.status.dwCurrentState = state;
  s.status.dwControlsAccepted =
      state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_SHUTDOWN : 0;
  s.status.dwWin32ExitCode = exit_code == NO_ERROR ? NO_ERROR : ERROR_SERVICE_SPECIFIC_ERROR;
  s.status.dwServiceSpecificExitCode = exit_code;
  // Pending states show progress; the manager waits up to dwWaitHint between reports.
  const bool pending = state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING;
  s.status.dwCheckPoint = pending ? s.status.dwCheckPoint + 1 : 0;
  s.status.dwWaitHint = pending ? 30'000 : 0;
  SetServiceStatus(s.handle, &s.status);
}

DWORD WINAPI control_handler(DWORD control, DWORD, void*, void*) {
  switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_SHUTDOWN: {
      std::function<void()> stop;
      {
        ServiceState& s = service_state();
        std::lock_guard lock(s.mutex);
        stop = s.stop;
      }
      report(SERVICE_STOP_PENDING);
      if (stop) stop();
      return NO_ERROR;
    }
    case SERVICE_CONTROL_INTERROGATE:
      return NO_ERROR;
    default:
      return ERROR_CALL_NOT_IMPLEMENTED;
  }
}

void WINAPI service_main(DWORD, LPWSTR*) {
  ServiceState& s = service_state();
  {
    std::lock_guard lock(s.mutex);
    s.handle = RegisterServiceCtrlHandlerExW(kServiceName, control_handler, nullptr);
    if (!s.handle) return;
  }
  report(SERVICE_START_PENDING);
  const int code = (*s.run)();
  {
    std::lock_guard lock(s.mutex);
    s.exit_code = code;
  }
  report(SERVICE_STOPPED, static_cast<DWORD>(code));
}

// Reports to the service control manager when the process is a service; does nothing in a
// console (no handle).
class ScmServiceManager final : public ServiceManager {
 public:
  void ready(std::string_view) override { report(SERVICE_RUNNING); }
  void status(std::string_view) override {}  // the manager shows no status text
  void stopping() override { report(SERVICE_STOP_PENDING); }
  void watchdog() override {}  // no watchdog: the service's recovery actions restart it
  std::chrono::milliseconds watchdog_period() const override { return {}; }
  void on_stop_request(std::function<void()> stop) override {
    ServiceState& s = service_state();
    std::lock_guard lock(s.mutex);
    s.stop = std::move(stop);
  }
};

}  // namespace

std::unique_ptr<ServiceManager> make_service_manager() {
  return std::make_unique<ScmServiceManager>();
}

int run_as_service(const std::function<int()>& run) {
  service_state().run = &run;
  const SERVICE_TABLE_ENTRYW table[] = {{kServiceName, service_main}, {nullptr, nullptr}};
  // Blocks until the service has stopped; fails at once when no manager started us.
  if (StartServiceCtrlDispatcherW(table)) {
    std::lock_guard lock(service_state().mutex);
    return service_state().exit_code;
  }
  if (GetLastError() == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) return run();
  logger("agent")->error("cannot connect to the service control manager: error {}",
                         GetLastError());
  return 1;
}

}  // namespace zt::agent
