#pragma once
// Result<T>: the value of an operation that can fail in an expected way (a missing file, bad
// input). The error is a one-line message that names what failed and where; an error about a
// document (a batch, an enrollment request, a heartbeat) also lists every problem found, each
// with the JSON path it is about, so an answer can return them as they are. (std::expected is
// C++23; g++ 12 does not have it.)
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace zt::model {

// One thing wrong with a document: `path` is a JSON path ("$.findings[2].severity", "$" for
// the whole document), `message` says what is wrong there.
struct Problem {
  std::string path;
  std::string message;

  bool operator==(const Problem&) const = default;
};

// "$.findings[2].severity: must be one of …"
inline std::string to_string(const Problem& problem) {
  return problem.path + ": " + problem.message;
}

struct Error {
  std::string message;                // one line, for logs and other callers
  std::vector<Problem> problems = {};  // every problem of a refused document; else empty
};

// The error of a refused document: its problems (at least one), and a message naming the
// first ("$.x: …; and 2 more problems").
inline Error invalid_document(std::vector<Problem> problems) {
  std::string message = problems.empty() ? std::string("invalid document") : to_string(problems.front());
  if (problems.size() > 1)
    message += "; and " + std::to_string(problems.size() - 1) + " more problem" +
               (problems.size() > 2 ? "s" : "");
  return Error{std::move(message), std::move(problems)};
}

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
