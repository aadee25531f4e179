#include "collectors/core/probe_io.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>

namespace zt::collector {
namespace {

using boost::asio::awaitable;
using boost::asio::redirect_error;
using boost::asio::use_awaitable;
using boost::system::error_code;

IoStatus status_of(std::string_view step, const error_code& error) {
  if (!error) return {};
  if (error == boost::beast::error::timeout) return {std::string(step) + ": timed out", true};
  return {std::string(step) + ": " + error.message(), false};
}

}  // namespace

awaitable<IoStatus> connect_stream(ProbeStream& stream, const Endpoint& target,
                                   DeadlineClock::time_point deadline) {
  error_code error;
  const auto address = boost::asio::ip::make_address(target.address, error);
  if (error || address.is_v4() != (target.family == Family::ipv4))
    co_return IoStatus{"not a numeric " + std::string(to_string(target.family)) +
                           " address: " + target.address,
                       false};
  stream.expires_at(deadline);
  co_await stream.async_connect(boost::asio::ip::tcp::endpoint(address, target.port),
                                redirect_error(use_awaitable, error));
  co_return status_of("connect", error);
}

awaitable<IoStatus> send_bytes(ProbeStream& stream, std::string_view bytes,
                               DeadlineClock::time_point deadline) {
  error_code error;
  stream.expires_at(deadline);
  co_await boost::asio::async_write(stream, boost::asio::buffer(bytes.data(), bytes.size()),
                                    redirect_error(use_awaitable, error));
  co_return status_of("send", error);
}

awaitable<IoStatus> receive_until(ProbeStream& stream, std::string& bytes, std::size_t max,
                                  const std::function<bool(std::string_view)>& enough,
                                  DeadlineClock::time_point deadline) {
  char buffer[512];
  while (bytes.size() < max && !enough(bytes)) {
    error_code error;
    stream.expires_at(deadline);
    const std::size_t n = co_await stream.async_read_some(
        boost::asio::buffer(buffer, std::min(sizeof buffer, max - bytes.size())),
        redirect_error(use_awaitable, error));
    bytes.append(buffer, n);
    if (error == boost::asio::error::eof) break;
    if (error) co_return status_of("receive", error);
  }
  co_return IoStatus{};
}

}  // namespace zt::collector
