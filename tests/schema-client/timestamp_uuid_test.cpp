// Timestamps (RFC 3339 in, UTC with milliseconds out), dates, and UUIDs.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "schema-client/model/timestamp.hpp"
#include "schema-client/model/uuid.hpp"
#include "tests/schema-client/sample_batch.hpp"

using namespace zt::model;
using zt::testing::make_time;

TEST_CASE("format_timestamp: UTC, milliseconds, always 24 characters", "[unit][model]") {
  CHECK(format_timestamp(Timestamp{}) == "1970-01-01T00:00:00.000Z");
  CHECK(format_timestamp(make_time(2026, 11, 26, 17, 28, 48, 123)) == "2026-11-26T17:28:48.123Z");
  CHECK(format_timestamp(make_time(2026, 1, 2, 3, 4, 5, 6)) == "2026-01-02T03:04:05.006Z");
  CHECK(format_timestamp(make_time(1969, 12, 31, 23, 59, 59, 999)) == "1969-12-31T23:59:59.999Z");
  CHECK(format_timestamp(make_time(2024, 2, 29, 23, 59, 59, 999)) == "2024-02-29T23:59:59.999Z");
}

TEST_CASE("parse_timestamp reads what format_timestamp writes", "[unit][model]") {
  for (const Timestamp t :
       {Timestamp{}, make_time(2026, 11, 26, 17, 28, 48, 123), make_time(2000, 2, 29, 0, 0, 0, 1),
        make_time(1969, 7, 20, 20, 17, 40, 500), make_time(9999, 12, 31, 23, 59, 59, 999)}) {
    CAPTURE(format_timestamp(t));
    CHECK(parse_timestamp(format_timestamp(t)) == t);
  }
}

TEST_CASE("parse_timestamp: numeric offsets are turned into UTC", "[unit][model]") {
  const Timestamp utc = make_time(2026, 11, 26, 17, 28, 48);
  CHECK(parse_timestamp("2026-11-26T17:28:48Z") == utc);
  CHECK(parse_timestamp("2026-11-26T19:28:48+02:00") == utc);
  CHECK(parse_timestamp("2026-11-26T11:58:48-05:30") == utc);
  CHECK(parse_timestamp("2026-11-26T17:28:48+00:00") == utc);
  CHECK(parse_timestamp("2026-11-26T17:28:48-00:00") == utc);
  // Across a day, a month and a year boundary.
  CHECK(parse_timestamp("2027-01-01T01:00:00+02:00") == make_time(2026, 12, 31, 23, 0, 0));
  CHECK(parse_timestamp("2026-02-28T23:30:00-01:00") == make_time(2026, 3, 1, 0, 30, 0));
  // Lower-case t and z, which RFC 3339 allows.
  CHECK(parse_timestamp("2026-11-26t17:28:48z") == utc);
}

TEST_CASE("parse_timestamp: fractional seconds are cut to milliseconds", "[unit][model]") {
  const Timestamp base = make_time(2026, 11, 26, 17, 28, 48);
  using std::chrono::milliseconds;
  CHECK(parse_timestamp("2026-11-26T17:28:48.1Z") == base + milliseconds{100});
  CHECK(parse_timestamp("2026-11-26T17:28:48.12Z") == base + milliseconds{120});
  CHECK(parse_timestamp("2026-11-26T17:28:48.123Z") == base + milliseconds{123});
  CHECK(parse_timestamp("2026-11-26T17:28:48.000Z") == base);
  // Beyond milliseconds the digits are dropped, not rounded.
  CHECK(parse_timestamp("2026-11-26T17:28:48.123456789Z") == base + milliseconds{123});
  CHECK(parse_timestamp("2026-11-26T17:28:48.9999Z") == base + milliseconds{999});
  CHECK(parse_timestamp("2026-11-26T19:28:48.5+02:00") == base + milliseconds{500});
}

TEST_CASE("parse_timestamp: leap seconds are read as the next minute's first second",
          "[unit][model]") {
  // Timestamp (std::chrono::sys_time) has no 61st second: second 60 is accepted, as RFC 3339
  // allows, and folded into the following second 00. It is not checked against the leap
  // second table, so :60 is accepted at the end of any minute.
  CHECK(parse_timestamp("2016-12-31T23:59:60Z") == make_time(2017, 1, 1, 0, 0, 0));
  CHECK(parse_timestamp("2016-12-31T23:59:60.250Z") == make_time(2017, 1, 1, 0, 0, 0, 250));
  CHECK(parse_timestamp("2016-12-31T23:59:60Z") == parse_timestamp("2017-01-01T00:00:00Z"));
  CHECK(parse_timestamp("2026-03-01T12:00:60Z") == make_time(2026, 3, 1, 12, 1, 0));
  CHECK_FALSE(parse_timestamp("2016-12-31T23:59:61Z").has_value());
}

TEST_CASE("parse_timestamp rejects what is not an RFC 3339 timestamp", "[unit][model]") {
  const char* const bad[] = {
      "",
      "2026-11-26",                     // a date alone
      "2026-11-26T17:28:48",            // no zone
      "2026-11-26 17:28:48Z",           // space instead of T
      "2026-02-30T10:00:00Z",           // no such day
      "2026-04-31T10:00:00Z",           // April has 30 days
      "2023-02-29T10:00:00Z",           // not a leap year
      "1900-02-29T10:00:00Z",           // divisible by 100, not by 400
      "2026-13-01T10:00:00Z",           // month 13
      "2026-00-10T10:00:00Z",           // month 0
      "2026-11-00T10:00:00Z",           // day 0
      "2026-11-26T24:00:00Z",           // hour 24
      "2026-11-26T17:60:00Z",           // minute 60
      "2026-11-26T17:28:48.Z",          // a dot without digits
      "2026-11-26T17:28:48+0200",       // offset without a colon
      "2026-11-26T17:28:48+02",         // offset without minutes
      "2026-11-26T17:28:48+24:00",      // offset hour 24
      "2026-11-26T17:28:48+02:60",      // offset minute 60
      "2026-11-26T17:28:48 Z",          // space before the zone
      "2026-11-26T17:28:48Zjunk",       // trailing text
      "2026-11-26T17:28:48Z\n",         // trailing newline
      "26-11-26T17:28:48Z",             // two-digit year
      "2026-1-26T17:28:48Z",            // one-digit month
      "+2026-11-26T17:28:48Z",          // sign
      "2026-11-26T7:28:48Z",            // one-digit hour
      "2026-11-26T17:28:48,123Z",       // comma fraction (ISO 8601, not RFC 3339)
      "1764178128",                     // epoch seconds
  };
  for (const char* text : bad) {
    CAPTURE(text);
    CHECK_FALSE(parse_timestamp(text).has_value());
  }
}

TEST_CASE("is_valid_date: YYYY-MM-DD and a real calendar day", "[unit][model]") {
  CHECK(is_valid_date("2028-06-30"));
  CHECK(is_valid_date("2024-02-29"));
  CHECK(is_valid_date("2000-02-29"));
  CHECK(is_valid_date("2026-12-31"));
  CHECK(is_valid_date("0001-01-01"));
  CHECK_FALSE(is_valid_date("2026-02-30"));
  CHECK_FALSE(is_valid_date("2023-02-29"));
  CHECK_FALSE(is_valid_date("2100-02-29"));
  CHECK_FALSE(is_valid_date("2026-06-31"));
  CHECK_FALSE(is_valid_date("2026-13-01"));
  CHECK_FALSE(is_valid_date("2026-6-30"));
  CHECK_FALSE(is_valid_date("2026/06/30"));
  CHECK_FALSE(is_valid_date("2026-06-30T00:00:00Z"));
  CHECK_FALSE(is_valid_date("2026-06-30 "));
  CHECK_FALSE(is_valid_date(""));
}

TEST_CASE("new_uuid: random version 4 UUIDs, canonical, all different", "[unit][model]") {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = new_uuid();
    CAPTURE(id);
    REQUIRE(id.size() == 36);
    CHECK(is_uuid(id));
    CHECK(id[14] == '4');                                   // version 4
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);  // RFC 4122 variant
    seen.insert(id);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("is_uuid: canonical lower-case form only", "[unit][model]") {
  CHECK(is_uuid("0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d"));
  CHECK(is_uuid("00000000-0000-0000-0000-000000000000"));
  CHECK(is_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"));  // version 1 is a UUID too
  CHECK_FALSE(is_uuid("0D3C5B7E-8A41-4F2B-9C6D-1E2F3A4B5C6D"));
  CHECK_FALSE(is_uuid("{0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d}"));
  CHECK_FALSE(is_uuid("0d3c5b7e8a414f2b9c6d1e2f3a4b5c6d"));
  CHECK_FALSE(is_uuid("0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6"));
  CHECK_FALSE(is_uuid("0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d0"));
  CHECK_FALSE(is_uuid("0d3c5b7e8-a41-4f2b-9c6d-1e2f3a4b5c6d"));
  CHECK_FALSE(is_uuid("0d3c5b7g-8a41-4f2b-9c6d-1e2f3a4b5c6d"));
  CHECK_FALSE(is_uuid("urn:uuid:0d3c5b7e-8a41-4f2b-9c6d-1e2f"));
  CHECK_FALSE(is_uuid(""));
}
