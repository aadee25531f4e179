// IngestClient on WinHTTP (http_client.hpp): TLS by Schannel, the server's certificate checked
// against the Windows certificate store during the handshake, before any request header
// leaves the machine.
//
// How the options map to WinHTTP:
// - proxy: `proxy` as a named proxy; unset, WinHTTP's own setting (netsh winhttp / the
//   registry: what a service sees, not a user's browser settings). `no_proxy` is WinHTTP's
//   bypass list ("*" = never through a proxy).
// - timeouts: connect_timeout for name resolution and connecting, total_timeout for the rest;
//   and a watchdog thread that closes the request (which ends a WinHTTP call in progress) when
//   the whole request outlives total_timeout or the abort flag is raised.
// - No redirect is followed; TLS 1.2 or later.
// Not on Windows yet, refused by create() with a message: a client certificate (mutual TLS)
// from PEM files, and `ca_file`. A chain check against ca_file's CAs in WinHTTP's
// SENDING_REQUEST callback (closing the request when it fails) was tried: under Wine the
// request still reached the server, token included, so it is not used; the CA goes into the
// machine's Trusted Root store instead. Checking the chain before the request is sent (a
// request that carries nothing first, on the same connection) is the way left to try.
#include <windows.h>
#include <winhttp.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

#include "schema-client/base/gzip.hpp"
#include "schema-client/base/windows_error.hpp"
#include "transport/client_options_check.hpp"
#include "transport/http_client.hpp"

namespace zt::transport {
namespace {

std::wstring wide(std::string_view text) {
  if (text.empty()) return {};
  const int size = MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()),
                                       nullptr, 0);
  std::wstring out(static_cast<std::size_t>(size), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), size);
  return out;
}

std::string narrow(std::wstring_view text) {
  if (text.empty()) return {};
  const int size = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()),
                                       nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(size), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), size,
                      nullptr, nullptr);
  return out;
}

// WinHTTP's error codes (12000-12200) have their texts in winhttp.dll, not in the system's
// message table.
std::string winhttp_error(DWORD code) {
  if (code >= WINHTTP_ERROR_BASE && code <= WINHTTP_ERROR_LAST) {
    char* buffer = nullptr;
    const DWORD length = FormatMessageA(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_HMODULE |
            FORMAT_MESSAGE_IGNORE_INSERTS,
        GetModuleHandleA("winhttp.dll"), code, 0, reinterpret_cast<LPSTR>(&buffer), 0, nullptr);
    if (buffer != nullptr) {
      std::string text(buffer, length);
      LocalFree(buffer);
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
      return text + " (" + std::to_string(code) + ")";
    }
    return "WinHTTP error " + std::to_string(code);
  }
  return base::windows_error_text(code);
}

struct HandleCloser {
  void operator()(HINTERNET handle) const { WinHttpCloseHandle(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

struct Url {
  bool secure = true;
  std::wstring host;
  INTERNET_PORT port = 0;
  std::wstring path;       // the prefix, "" or "/prefix" (no trailing slash)
  std::string normalised;  // scheme://host[:port][/prefix]
};

// The base url, checked and normalised. Messages never quote the url: a malformed one may
// still hold a password.
model::Result<Url> check_base_url(const std::string& text, bool allow_insecure_http) {
  if (text.empty()) return model::Error{"server.url: not set"};
  const std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos)
    return model::Error{"server.url: must start with https:// (no scheme given)"};
  std::string scheme = text.substr(0, scheme_end);
  for (char& c : scheme)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (scheme == "http" && !allow_insecure_http)
    return model::Error{
        "server.url: http:// sends the api key and the findings in clear text; use https://, "
        "or set server.allow_insecure_http: true to allow it (for tests only)"};
  if (scheme != "https" && scheme != "http")
    return model::Error{"server.url: scheme \"" + scheme + "\" is not supported; use https://"};

  const std::wstring url = wide(text);
  URL_COMPONENTS parts{};
  parts.dwStructSize = sizeof parts;
  parts.dwSchemeLength = parts.dwHostNameLength = parts.dwUserNameLength =
      parts.dwPasswordLength = parts.dwUrlPathLength = parts.dwExtraInfoLength = DWORD(-1);
  if (!WinHttpCrackUrl(url.c_str(), static_cast<DWORD>(url.size()), 0, &parts))
    return model::Error{"server.url: not a valid url (" + winhttp_error(GetLastError()) + ")"};
  if (parts.dwUserNameLength > 0 || parts.dwPasswordLength > 0 ||
      text.find('@', scheme_end + 3) < text.find('/', scheme_end + 3))
    return model::Error{
        "server.url: must not hold a user or password; the agent authenticates with its api "
        "key"};
  if (parts.dwExtraInfoLength > 0)
    return model::Error{"server.url: must not have a query (?…) or fragment (#…)"};
  if (parts.dwHostNameLength == 0) return model::Error{"server.url: no host"};

  Url out;
  out.secure = scheme == "https";
  out.host.assign(parts.lpszHostName, parts.dwHostNameLength);
  out.port = parts.nPort;
  out.path.assign(parts.lpszUrlPath, parts.dwUrlPathLength);
  while (!out.path.empty() && out.path.back() == L'/') out.path.pop_back();
  std::string host = narrow(out.host);
  for (char& c : host)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  // WinHttpCrackUrl hands an IPv6 literal without its brackets.
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  const INTERNET_PORT default_port =
      out.secure ? INTERNET_DEFAULT_HTTPS_PORT : INTERNET_DEFAULT_HTTP_PORT;
  out.normalised = scheme + "://" + host;
  if (out.port != default_port) out.normalised += ":" + std::to_string(out.port);
  out.normalised += narrow(out.path);
  return out;
}

// A proxy WinHTTP can use: an http:// one (WinHTTP speaks no SOCKS).
model::Status check_proxy(const std::string& proxy) {
  if (proxy.empty() || proxy.find("://") == std::string::npos || proxy.starts_with("http://"))
    return model::Ok{};
  return model::Error{"proxy: the Windows agent (WinHTTP) supports http:// proxies only, not " +
                      proxy.substr(0, proxy.find("://") + 3)};
}

// WinHTTP's bypass list is separated by ";" or spaces; no_proxy by commas.
std::wstring bypass_list(const std::string& no_proxy) {
  std::string list = no_proxy;
  for (char& c : list)
    if (c == ',') c = ';';
  return wide(list);
}

struct AccessSettings {
  DWORD type = WINHTTP_ACCESS_TYPE_DEFAULT_PROXY;
  std::wstring proxy, bypass;
};

// proxy / no_proxy as WinHTTP's session settings. A no_proxy list without a configured proxy
// applies to WinHTTP's own proxy setting, read here.
AccessSettings access_settings(const ClientOptions& options) {
  AccessSettings settings;
  if (options.no_proxy && *options.no_proxy == "*") {
    settings.type = WINHTTP_ACCESS_TYPE_NO_PROXY;
    return settings;
  }
  if (!options.proxy.empty()) {
    settings.type = WINHTTP_ACCESS_TYPE_NAMED_PROXY;
    settings.proxy = wide(options.proxy);
  } else if (options.no_proxy) {
    WINHTTP_PROXY_INFO system{};
    if (WinHttpGetDefaultProxyConfiguration(&system) && system.lpszProxy != nullptr) {
      settings.type = WINHTTP_ACCESS_TYPE_NAMED_PROXY;
      settings.proxy = system.lpszProxy;
    } else {
      settings.type = WINHTTP_ACCESS_TYPE_NO_PROXY;
    }
    if (system.lpszProxy != nullptr) GlobalFree(system.lpszProxy);
    if (system.lpszProxyBypass != nullptr) GlobalFree(system.lpszProxyBypass);
  }
  if (settings.type == WINHTTP_ACCESS_TYPE_NAMED_PROXY && options.no_proxy)
    settings.bypass = bypass_list(*options.no_proxy);
  return settings;
}

int as_int(std::chrono::milliseconds value) {
  return static_cast<int>(std::min<long long>(value.count(), 0x7fffffff));
}

// Retry-After as seconds or as an HTTP date; nullopt when absent or unreadable.
std::optional<std::chrono::seconds> retry_after(HINTERNET request) {
  wchar_t value[128] = {};
  DWORD size = sizeof value;
  if (!WinHttpQueryHeaders(request, WINHTTP_QUERY_RETRY_AFTER, WINHTTP_HEADER_NAME_BY_INDEX,
                           value, &size, WINHTTP_NO_HEADER_INDEX))
    return std::nullopt;
  const std::wstring text(value);
  if (!text.empty() && text.find_first_not_of(L"0123456789") == std::wstring::npos)
    return std::chrono::seconds(std::wcstoll(text.c_str(), nullptr, 10));
  SYSTEMTIME when{};
  FILETIME when_file{}, now_file{};
  if (!WinHttpTimeToSystemTime(value, &when) || !SystemTimeToFileTime(&when, &when_file))
    return std::nullopt;
  GetSystemTimeAsFileTime(&now_file);
  const auto ticks = [](FILETIME t) {
    return (static_cast<long long>(t.dwHighDateTime) << 32) | t.dwLowDateTime;
  };
  const long long delta = (ticks(when_file) - ticks(now_file)) / 10000000;  // 100 ns ticks
  if (delta <= 0) return std::nullopt;
  return std::chrono::seconds(delta);
}

// Closes the request from another thread when the request outlives its deadline or the abort
// flag is raised: WinHTTP then ends the call in progress with ERROR_WINHTTP_OPERATION_CANCELLED.
class Watchdog {
 public:
  Watchdog(HINTERNET request, std::chrono::milliseconds limit,
           std::shared_ptr<const std::atomic<bool>> abort)
      : request_(request), abort_(std::move(abort)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    thread_ = std::thread([this, deadline] { watch(deadline); });
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;
  // Closes the request handle itself unless the watchdog did.
  ~Watchdog() {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    wake_.notify_one();
    thread_.join();
    if (fired_.empty()) WinHttpCloseHandle(request_);
  }
  // "" while the request may go on; else why it was ended.
  std::string fired() {
    const std::lock_guard lock(mutex_);
    return fired_;
  }

 private:
  void watch(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    while (!done_ && fired_.empty()) {
      if (abort_ && abort_->load()) {
        fired_ = "aborted: the agent is stopping";
      } else if (std::chrono::steady_clock::now() >= deadline) {
        fired_ = "the request took longer than total_timeout";
      } else {
        // Four times a second: a stop never waits long for a request in progress.
        wake_.wait_for(lock, std::chrono::milliseconds(250));
        continue;
      }
      WinHttpCloseHandle(request_);
    }
  }

  HINTERNET request_;
  std::shared_ptr<const std::atomic<bool>> abort_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::string fired_;
  std::thread thread_;
};

}  // namespace

struct IngestClient::Impl {
  ClientOptions options;
  Url url;
  Handle session, connection;

  model::Status open() {
    const AccessSettings access = access_settings(options);
    session.reset(WinHttpOpen(wide(options.user_agent).c_str(), access.type,
                              access.proxy.empty() ? WINHTTP_NO_PROXY_NAME : access.proxy.c_str(),
                              access.bypass.empty() ? WINHTTP_NO_PROXY_BYPASS
                                                    : access.bypass.c_str(),
                              0));
    if (!session) return model::Error{"cannot start WinHTTP: " + winhttp_error(GetLastError())};
    DWORD protocols = WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2 | WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_3;
    // Windows before 10 1903 (and Wine 8) know no TLS 1.3 flag: 1.2 alone then.
    if (!WinHttpSetOption(session.get(), WINHTTP_OPTION_SECURE_PROTOCOLS, &protocols,
                          sizeof protocols)) {
      protocols = WINHTTP_FLAG_SECURE_PROTOCOL_TLS1_2;
      if (!WinHttpSetOption(session.get(), WINHTTP_OPTION_SECURE_PROTOCOLS, &protocols,
                            sizeof protocols))
        return model::Error{"cannot require TLS 1.2: " + winhttp_error(GetLastError())};
    }
    DWORD redirects = WINHTTP_OPTION_REDIRECT_POLICY_NEVER;
    WinHttpSetOption(session.get(), WINHTTP_OPTION_REDIRECT_POLICY, &redirects, sizeof redirects);
    const int connect = as_int(options.connect_timeout), total = as_int(options.total_timeout);
    WinHttpSetTimeouts(session.get(), connect, connect, total, total);
    connection.reset(WinHttpConnect(session.get(), url.host.c_str(), url.port, 0));
    if (!connection) return model::Error{"cannot start WinHTTP: " + winhttp_error(GetLastError())};
    return model::Ok{};
  }

  std::string describe_failure(DWORD error) const {
    if (error == ERROR_WINHTTP_SECURE_FAILURE || error == ERROR_WINHTTP_SECURE_CHANNEL_ERROR ||
        error == ERROR_WINHTTP_SECURE_INVALID_CA || error == ERROR_WINHTTP_SECURE_CERT_CN_INVALID ||
        error == ERROR_WINHTTP_SECURE_CERT_DATE_INVALID ||
        error == ERROR_WINHTTP_SECURE_INVALID_CERT)
      return "the server's TLS certificate could not be verified (" + winhttp_error(error) +
             "); is the CA that issued it in the machine's Trusted Root Certification "
             "Authorities store?";
    std::string what = winhttp_error(error);
    if (!options.proxy.empty() &&
        (error == ERROR_WINHTTP_CANNOT_CONNECT || error == ERROR_WINHTTP_NAME_NOT_RESOLVED ||
         error == ERROR_WINHTTP_CONNECTION_ERROR))
      what += " (through the configured proxy)";
    return what;
  }
};

IngestClient::IngestClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IngestClient::~IngestClient() = default;

const std::string& IngestClient::base_url() const { return impl_->url.normalised; }

model::Result<std::unique_ptr<IngestClient>> IngestClient::create(ClientOptions options) {
  auto url = check_base_url(options.base_url, options.allow_insecure_http);
  if (!url) return url.error();
  if (auto ok = check_client_options(options); !ok) return ok.error();
  if (!options.client_certificate.empty())
    return model::Error{
        "client_certificate: mutual TLS is not supported by the Windows agent yet; leave "
        "client_certificate and client_key unset"};
  if (auto ok = check_proxy(options.proxy); !ok) return ok.error();
  if (!options.ca_file.empty())
    return model::Error{
        "ca_file: not supported by the Windows agent yet; put the CA that issued the server's "
        "certificate in the machine's Trusted Root Certification Authorities store and leave "
        "ca_file unset"};
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->url = std::move(url).value();
  if (auto ok = impl->open(); !ok) return ok.error();
  return std::unique_ptr<IngestClient>(new IngestClient(std::move(impl)));
}

HttpAnswer IngestClient::post_json(std::string_view path, std::string_view body,
                                   std::string_view api_key, BodyEncoding encoding) {
  Impl& self = *impl_;
  std::string target = narrow(self.url.path);
  if (path.empty() || path.front() != '/') target += '/';
  target += path;
  const std::string url = self.url.normalised.substr(
                              0, self.url.normalised.size() - narrow(self.url.path).size()) +
                          target;

  HttpAnswer answer;
  const auto fail = [&](std::string what) {
    answer = HttpAnswer{};
    answer.error = "POST " + url + ": " + std::move(what);
    return answer;
  };
  if (self.options.abort && self.options.abort->load())
    return fail("aborted: the agent is stopping");
  std::string compressed;
  if (encoding == BodyEncoding::gzip) {
    auto packed = base::gzip_compress(body);
    if (!packed) return fail(packed.error().message);
    compressed = std::move(packed).value();
    body = compressed;
  }

  std::wstring headers = L"Content-Type: application/json\r\nAccept: application/json\r\n";
  if (encoding != BodyEncoding::identity) headers += L"Content-Encoding: gzip\r\n";
  if (!api_key.empty()) headers += L"Authorization: Bearer " + wide(api_key) + L"\r\n";

  HINTERNET request = WinHttpOpenRequest(self.connection.get(), L"POST", wide(target).c_str(),
                                         nullptr, WINHTTP_NO_REFERER,
                                         WINHTTP_DEFAULT_ACCEPT_TYPES,
                                         self.url.secure ? WINHTTP_FLAG_SECURE : 0);
  if (request == nullptr) return fail(winhttp_error(GetLastError()));
  Watchdog watchdog(request, self.options.total_timeout, self.options.abort);

  bool ok = WinHttpSendRequest(request, headers.c_str(), static_cast<DWORD>(headers.size()),
                               const_cast<char*>(body.data()), static_cast<DWORD>(body.size()),
                               static_cast<DWORD>(body.size()), 0) &&
            WinHttpReceiveResponse(request, nullptr);
  DWORD error = ok ? 0 : GetLastError();
  if (ok) {
    DWORD status = 0, size = sizeof status;
    WinHttpQueryHeaders(request, WINHTTP_QUERY_STATUS_CODE | WINHTTP_QUERY_FLAG_NUMBER,
                        WINHTTP_HEADER_NAME_BY_INDEX, &status, &size, WINHTTP_NO_HEADER_INDEX);
    answer.status = static_cast<long>(status);
    answer.retry_after = retry_after(request);
    char buffer[16384];
    for (DWORD got = 0; ok; answer.body.append(buffer, got)) {
      ok = WinHttpReadData(request, buffer, sizeof buffer, &got);
      if (!ok) error = GetLastError();
      if (!ok || got == 0) break;
      if (answer.body.size() + got > self.options.max_answer_bytes)
        return fail("the answer is larger than " + std::to_string(self.options.max_answer_bytes) +
                    " bytes");
    }
    if (ok) return answer;
  }
  if (const std::string fired = watchdog.fired(); !fired.empty()) return fail(fired);
  return fail(self.describe_failure(error));
}

}  // namespace zt::transport
