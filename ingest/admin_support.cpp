#include "ingest/admin_support.hpp"

#include <pwd.h>
#include <unistd.h>

#include <iostream>

namespace zt::ingest {

int with_database(const std::string& url, const std::function<int(pg::Connection&)>& body) {
  if (url.empty()) {
    std::cerr << "zerotrace-ingest: no database URL: give --database-url, set "
                 "ZEROTRACE_DATABASE_URL or database.url in the configuration\n";
    return 2;
  }
  try {
    pg::Connection connection(url);
    return body(connection);
  } catch (const pg::DbError& e) {
    std::cerr << "zerotrace-ingest: " << e.what() << "\n";
    return 1;
  }
}

void print(Format format, const nlohmann::json& document, const std::string& text) {
  if (format == Format::json) std::cout << document.dump(2) << "\n";
  else std::cout << text;
}

int bad_uuid(std::string_view what, std::string_view value) {
  std::cerr << "zerotrace-ingest: " << what << " must be a UUID, got \"" << value << "\"\n";
  return 2;
}

nlohmann::json or_null(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

std::string operator_name(const std::string& given) {
  if (!given.empty()) return given;
  const uid_t uid = geteuid();
  const passwd* entry = getpwuid(uid);
  return (entry ? std::string(entry->pw_name) + " " : std::string()) + "(uid " +
         std::to_string(uid) + ")";
}

}  // namespace zt::ingest
