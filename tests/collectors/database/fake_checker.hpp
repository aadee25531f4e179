#pragma once
// The recorded answers of database servers, replayed by the FakeChecker of
// tests/support/recorded_checker.hpp.
#include <string>

#include "tests/support/recorded_checker.hpp"

namespace zt::test {

// Recorded bytes of the servers' answers.
std::string pg_auth_ok_answer(const std::string& version);
std::string pg_message(char type, const std::string& payload);
std::string redis_open_answer(const std::string& version, const std::string& config_file);
std::string mysql_greeting(const std::string& version);

}  // namespace zt::test
