#pragma once
// Result<T>: the value of an operation that can fail in an expected way (a missing file, bad
// input). The error is a message that names what failed and where. (std::expected is C++23;
// g++ 12 does not have it.)
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace zt::model {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return checked(); }
  const T& value() const& { return const_cast<Result*>(this)->checked(); }
  T&& value() && { return std::move(checked()); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return checked(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<Error>(state_); }

 private:
  T& checked() {
    if (!ok()) throw std::logic_error("Result::value() on an error: " + error().message);
    return std::get<T>(state_);
  }
  std::variant<T, Error> state_;
};

// For operations that return nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace zt::model
