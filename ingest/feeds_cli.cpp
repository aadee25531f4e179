#include "ingest/feeds_cli.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

#include "ingest/admin_support.hpp"
#include "ingest/feeds_import.hpp"
#include "schema-client/model/timestamp.hpp"
#include "schema-client/pg/rematch.hpp"

namespace zt::ingest {
namespace {

using nlohmann::json;

json to_json(const FeedImport& done) {
  json problems = json::array();
  for (const feeds::Problem& p : done.problems) problems.push_back(feeds::to_string(p));
  return {{"name", done.name},
          {"format", done.format},
          {"read", done.read},
          {"inserted", done.counts.inserted},
          {"updated", done.counts.updated},
          {"unchanged", done.counts.unchanged},
          {"withdrawn", done.counts.withdrawn},
          {"problems", std::move(problems)}};
}

std::string to_text(const FeedImport& done) {
  std::ostringstream line;
  line << done.name << ": " << done.format << ": read " << done.read << ", inserted "
       << done.counts.inserted << ", updated " << done.counts.updated << ", unchanged "
       << done.counts.unchanged << ", withdrawn " << done.counts.withdrawn;
  if (!done.problems.empty()) line << ", skipped with problems: " << done.problems.size();
  return line.str() + "\n";
}

json to_json(const pg::RematchReport& done) {
  return {{"agents", done.agents},
          {"untouched", done.untouched},
          {"findings", done.findings},
          {"written", done.written},
          {"resolved", done.resolved},
          {"mismatches", done.mismatches}};
}

std::string to_text(const pg::RematchReport& done) {
  std::string text = "rematch: " + std::to_string(done.agents) + " agent(s), " +
                     std::to_string(done.findings) + " CVE finding(s) matched (" +
                     std::to_string(done.written) + " new or changed), " +
                     std::to_string(done.resolved) + " resolved";
  if (done.untouched > 0)
    text += ", " + std::to_string(done.untouched) + " agent(s) untouched by the changes";
  text += "\n";
  for (const std::string& m : done.mismatches) text += "rematch: rolled back: " + m + "\n";
  return text;
}

bool wrote_anything(const FeedImport& done) {
  return done.counts.inserted + done.counts.updated > 0;
}

// A statement the database refuses (a value no column takes) fails that file alone, named;
// a database that went away fails the command.
model::Result<FeedImport> stored_or_refused(pg::Connection& connection, const std::string& path,
                                            const FetchOptions& fetch) {
  try {
    return import_feed(connection, path, fetch);
  } catch (const pg::DbError& e) {
    if (e.unavailable()) throw;
    return model::Error{feed_name(path) + ": the database refused it: " + e.what()};
  }
}

}  // namespace

int run_feeds_import(const std::string& database_url, const FeedImportRequest& request,
                     Format format) {
  return with_database(database_url, [&](pg::Connection& connection) {
    FetchOptions fetch;
    fetch.ca_file = request.ca_file;
    // Text goes out file by file, so that what was imported before a failure is on the screen.
    json documents = json::array();
    int exit_code = 0;
    bool changed = false;
    const std::string started = pg::database_clock(connection);
    for (const std::string& path : request.paths) {
      const auto done = stored_or_refused(connection, path, fetch);
      if (!done) {
        std::cerr << "zerotrace-ingest: " << done.error().message << "\n";
        documents.push_back({{"name", feed_name(path)}, {"error", done.error().message}});
        exit_code = 1;
        continue;
      }
      for (const feeds::Problem& p : done->problems) std::cerr << feeds::to_string(p) << "\n";
      documents.push_back(to_json(*done));
      changed = changed || wrote_anything(*done);
      if (format == Format::text) std::cout << to_text(*done) << std::flush;
    }
    if (changed && request.rematch) {
      const pg::RematchReport rematched =
          pg::rematch_fleet_for(connection, pg::feed_changes_since(connection, started));
      documents.push_back({{"rematch", to_json(rematched)}});
      if (format == Format::text) std::cout << to_text(rematched);
      if (!rematched.mismatches.empty()) exit_code = 1;
    }
    if (format == Format::json) std::cout << documents.dump(2) << "\n";
    return exit_code;
  });
}

int run_feeds_status(const std::string& database_url, Format format) {
  return with_database(database_url, [&](pg::Connection& connection) {
    json documents = json::array();
    std::ostringstream text;
    for (const pg::FeedSource& source : pg::feed_sources(connection)) {
      documents.push_back({{"source", source.name},
                           {"records", source.records},
                           {"newest", or_null(source.newest)}});
      text << std::left << std::setw(16) << source.name << std::right << std::setw(10)
           << source.records << "  " << source.newest.value_or("-") << "\n";
    }
    print(format, documents, text.str());
    return 0;
  });
}

int run_vulns_rematch(const std::string& database_url, const std::string& changed_since,
                      Format format) {
  if (!changed_since.empty() && !model::parse_timestamp(changed_since)) {
    std::cerr << "zerotrace-ingest: --changed-since: expected an RFC 3339 time such as "
                 "2026-12-07T10:00:00Z, got \"" << changed_since << "\"\n";
    return 2;
  }
  return with_database(database_url, [&](pg::Connection& connection) {
    const pg::RematchReport done =
        changed_since.empty()
            ? pg::rematch_fleet(connection)
            : pg::rematch_fleet_for(connection, pg::feed_changes_since(connection, changed_since));
    print(format, to_json(done), to_text(done));
    return done.mismatches.empty() ? 0 : 1;
  });
}

}  // namespace zt::ingest
