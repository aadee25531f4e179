#pragma once
// FIRST's EPSS scores (epss_scores-YYYY-MM-DD.csv, plain or gzip, told apart by the gzip magic
// bytes): an optional first line "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000",
// the header "cve,epss,percentile", then one row per CVE. Each row needs three fields: a CVE id
// and two numbers from 0 to 1. A bad row is a problem at its line ("line 7") and is skipped;
// a missing header or a gzip body that is damaged or inflates past `max_bytes` reads nothing.
// Pure function; any thread.
#include <cstddef>
#include <string_view>

#include "schema-client/feeds/records.hpp"

namespace zt::feeds {

inline constexpr std::size_t kMaxEpssBytes = 256 * 1024 * 1024;

EpssRead read_epss(std::string_view name, std::string_view bytes,
                   std::size_t max_bytes = kMaxEpssBytes);

// True when `bytes` start with gzip's magic bytes (1f 8b).
bool is_gzip(std::string_view bytes);

}  // namespace zt::feeds
