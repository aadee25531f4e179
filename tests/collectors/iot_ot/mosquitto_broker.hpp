#pragma once
// A real, throwaway mosquitto broker (Debian's package) for the iot_ot tests: the given
// configuration lines after `listener <port> <address>` lines made for free ports, in a
// temporary directory, nothing persisted; killed (its own pid only) and deleted when the
// object goes. As root it keeps running as root (`user root`), so it can read the test's
// files.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

namespace zt::test {

class MosquittoBroker {
 public:
  // `listeners[i]` is "<address>" followed by that listener's own lines; `global` comes first.
  // Throws std::runtime_error if the broker does not come up.
  struct Listener {
    std::string address;
    std::vector<std::string> lines;
  };
  MosquittoBroker(const std::vector<std::string>& global, const std::vector<Listener>& listeners);
  ~MosquittoBroker();
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  unsigned short port(std::size_t listener) const { return ports_.at(listener); }
  std::filesystem::path config_path() const { return dir_.root() / "mosquitto.conf"; }
  const TempTree& dir() const { return dir_; }

 private:
  TempTree dir_;
  std::vector<unsigned short> ports_;
  std::unique_ptr<Child> child_;
};

}  // namespace zt::test
