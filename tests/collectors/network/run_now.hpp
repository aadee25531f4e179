#pragma once
// Runs one of the LocalProber's coroutine steps to its end on an io_context of its own, for
// tests that call a prober directly (the collector runs them through the probe engine).
#include <utility>  // first: Boost 1.74's awaitable.hpp uses std::exchange without it

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <optional>

namespace zt::test {

template <typename T>
T run_now(boost::asio::awaitable<T> step) {
  boost::asio::io_context io;
  std::optional<T> out;
  std::exception_ptr failure;
  boost::asio::co_spawn(io, std::move(step), [&](std::exception_ptr error, T value) {
    failure = error;
    if (!error) out = std::move(value);
  });
  io.run();
  if (failure) std::rethrow_exception(failure);
  return std::move(*out);
}

inline void run_now(boost::asio::awaitable<void> step) {
  boost::asio::io_context io;
  std::exception_ptr failure;
  boost::asio::co_spawn(io, std::move(step), [&](std::exception_ptr error) { failure = error; });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace zt::test
