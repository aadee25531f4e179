#include "tests/collectors/database/fake_checker.hpp"

#include <cstdint>

using namespace std::string_literals;

namespace zt::test {

std::string pg_message(char type, const std::string& payload) {
  const std::uint32_t length = static_cast<std::uint32_t>(payload.size() + 4);
  std::string m(1, type);
  for (int shift = 24; shift >= 0; shift -= 8) m += static_cast<char>((length >> shift) & 0xFF);
  return m + payload;
}

std::string pg_auth_ok_answer(const std::string& version) {
  return pg_message('R', "\0\0\0\0"s) +
         pg_message('S', "server_version\0"s + version + '\0') +
         pg_message('S', "TimeZone\0UTC\0"s) +
         pg_message('K', std::string(8, '\1')) + pg_message('Z', "I");
}

std::string redis_open_answer(const std::string& version, const std::string& config_file) {
  const std::string info = "# Server\r\nredis_version:" + version +
                           "\r\nredis_mode:standalone\r\nconfig_file:" + config_file + "\r\n";
  return "+PONG\r\n$" + std::to_string(info.size()) + "\r\n" + info + "\r\n";
}

std::string mysql_greeting(const std::string& version) {
  std::string payload = "\x0a" + version + std::string(1, '\0') + std::string(40, 'x');
  std::string packet;
  packet += static_cast<char>(payload.size() & 0xFF);
  packet += static_cast<char>((payload.size() >> 8) & 0xFF);
  packet += '\0';
  packet += '\0';
  return packet + payload;
}

}  // namespace zt::test
