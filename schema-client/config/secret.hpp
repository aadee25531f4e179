#pragma once
// Secret: a credential from a configuration (the agent's api_key, the ingest's database URL).
// It cannot be streamed or formatted, so it cannot end up in a log line or an error message by
// accident: reveal() is the one way to the text, for the code that uses it; describe() is what
// may be shown ("(set)" or "(not set)").
#include <string>
#include <string_view>
#include <utility>

namespace zt::config {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  std::string_view describe() const { return value_.empty() ? "(not set)" : "(set)"; }

  friend bool operator==(const Secret&, const Secret&) = default;

 private:
  std::string value_;
};

}  // namespace zt::config
