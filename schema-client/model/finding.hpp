#pragma once
// One finding: what a collector saw, how bad it is, what to do about it, and the evidence.
// `fields` holds the category table's own columns (see category.hpp); `metadata` holds the
// evidence (file, line, value seen) and anything else the table has no column for.
#include <nlohmann/json.hpp>
#include <string>

#include "schema-client/model/category.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::model {

struct Finding {
  Category category = Category::system;
  Severity severity = Severity::info;
  std::string title;
  std::string description;
  std::string remediation;
  // Stable identity: see fingerprint.hpp. Empty until the scan runner sets it.
  std::string fingerprint;
  double risk_score = 0.0;  // 0..10
  nlohmann::json fields = nlohmann::json::object();
  nlohmann::json metadata = nlohmann::json::object();

  bool operator==(const Finding&) const = default;
};

// One installed package or library: a row of the seed's `dependencies` table. The last four
// are what a vulnerability matcher looks a package up by (0008); empty means unknown (an
// older agent, or a package format that has no such thing), and they may be left out where
// a dependency is written with the first five.
struct Dependency {
  std::string name;
  std::string version;
  std::string type;      // package format: "deb", "apk", "rpm", …
  std::string location;  // where it was read from
  std::string license;
  std::string source_name = {};     // the source package it was built from: "util-linux"
  std::string source_version = {};  // that source's version: "2.38.1-5+deb12u3"
  std::string arch = {};            // "amd64", "all", "x86_64"
  // The OSV ecosystem of the host's release: "Debian:12", "Ubuntu:22.04:LTS", "Alpine:v3.18".
  std::string ecosystem = {};

  bool operator==(const Dependency&) const = default;
};

}  // namespace zt::model
