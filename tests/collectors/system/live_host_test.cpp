// The collector on this machine (HostFs at "/"), compared with what dpkg itself reports.
#include <stdio.h>
#include <sys/utsname.h>

#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <string>

#include "collectors/system/system_collector.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/support/collector_harness.hpp"

namespace {

std::string run(const char* command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command, "r"), ::pclose);
  if (!pipe) throw std::runtime_error(std::string("popen failed: ") + command);
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
  return out;
}

}  // namespace

TEST_CASE("system on this host: deb packages equal dpkg-query's", "[integration][system]") {
  using namespace std::chrono_literals;
  // Each row: the package, its version, source package, source version and architecture, as
  // dpkg-query has them, then its state.
  const std::string listing = run(
      "dpkg-query -W -f='${binary:Package}\\t${Version}\\t${source:Package}\\t"
      "${source:Version}\\t${Architecture}\\t${db:Status-Status}\\n' 2>/dev/null");
  std::set<std::string> expected;
  std::size_t rows = 0;
  for (std::size_t pos = 0; pos < listing.size();) {
    std::size_t end = listing.find('\n', pos);
    if (end == std::string::npos) end = listing.size();
    const std::string row = listing.substr(pos, end - pos);
    pos = end + 1;
    const std::size_t last_tab = row.rfind('\t');
    REQUIRE(last_tab != std::string::npos);
    ++rows;
    const std::string state = row.substr(last_tab + 1);
    if (state != "not-installed" && state != "config-files")
      expected.insert(row.substr(0, last_tab));
  }
  REQUIRE(rows > 0);

  const zt::collector::HostFs fs("/");
  const auto descriptor = zt::system::descriptor();
  auto collector = descriptor.make(zt::test::options_of(descriptor));
  const auto availability = collector->capabilities(fs);
  CHECK(availability.usable);
  CHECK(availability.reason == "os-release, dpkg database");

  const auto result = zt::test::collect_at(*collector, "/", std::stop_token{}, 120s);
  CHECK(result.problems == std::vector<std::string>{});

  std::set<std::string> collected;
  std::set<std::string> types;
  std::set<std::string> locations;
  std::set<std::string> ecosystems;
  for (const auto& dep : result.dependencies) {
    collected.insert(dep.name + "\t" + dep.version + "\t" + dep.source_name + "\t" +
                     dep.source_version + "\t" + dep.arch);
    types.insert(dep.type);
    locations.insert(dep.location);
    ecosystems.insert(dep.ecosystem);
  }
  CHECK(types == std::set<std::string>{"deb"});
  CHECK(locations == std::set<std::string>{"/var/lib/dpkg/status"});
  // One release for every package: the inventory's ("Debian:12" here; "" on a Debian testing).
  const auto& ecosystem = result.inventory.at("ecosystem");
  CHECK(ecosystems ==
        std::set<std::string>{ecosystem.is_null() ? "" : ecosystem.get<std::string>()});
  CHECK(collected.size() == result.dependencies.size());  // no duplicates
  CHECK(collected == expected);
  CHECK(result.inventory.at("package_count") == expected.size());

  struct utsname uts {};
  REQUIRE(::uname(&uts) == 0);
  CHECK(result.inventory.at("kernel").at("release") == std::string(uts.release));
  CHECK(result.inventory.at("uptime_seconds").get<long long>() > 0);

  // Whatever this host gives (its release, kernels, Debian's lists if installed), every
  // finding is valid and the end-of-life status is one of the four.
  for (const auto& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
  }
  const std::set<std::string> statuses = {"supported", "ending_soon", "ended", "unknown"};
  CHECK(statuses.contains(result.inventory.at("eol").at("status").get<std::string>()));
}
