// The record format and the drop ledger, as pure functions.
#include <catch2/catch.hpp>

#include "tests/schema-client/sample_batch.hpp"
#include "transport/spool_drops.hpp"
#include "transport/spool_record.hpp"

namespace zt::test {
namespace {

using namespace transport;

RecordHeader sample_header() {
  RecordHeader header;
  header.sequence = 42;
  header.batch_id = "0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d";
  header.finding_count = 7;
  header.spooled_at = testing::make_time(2026, 11, 26, 17, 28, 48, 123);
  return header;
}

TEST_CASE("a record reads back as written", "[unit]") {
  const std::string payload("\x1f\x8b pretend gzip \0 with a zero byte", 33);
  auto file = encode_record(sample_header(), payload);
  REQUIRE(file.ok());
  CHECK(file->substr(0, 8) == "ZTSPOOL1");
  CHECK(file->size() == kRecordFixedSize + 36 + payload.size());

  auto record = decode_record(*file);
  REQUIRE(record.ok());
  CHECK(record->payload == payload);
  CHECK(record->header.sequence == 42);
  CHECK(record->header.batch_id == sample_header().batch_id);
  CHECK(record->header.finding_count == 7);
  CHECK(record->header.spooled_at == sample_header().spooled_at);
  CHECK(record->header.payload_size == payload.size());

  auto header = decode_record_header(file->substr(0, record->header.size()));
  REQUIRE(header.ok());
  CHECK(header->payload_sha256 == record->header.payload_sha256);
}

TEST_CASE("every flipped byte and every truncation of a record is caught", "[unit]") {
  const std::string file = encode_record(sample_header(), std::string(300, 'p')).value();
  for (std::size_t i = 0; i < file.size(); ++i) {
    std::string damaged = file;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
    INFO("byte " << i);
    CHECK_FALSE(decode_record(damaged).ok());
  }
  for (std::size_t length = 0; length < file.size(); ++length) {
    INFO("length " << length);
    CHECK_FALSE(decode_record(file.substr(0, length)).ok());
  }
  CHECK_FALSE(decode_record(file + "x").ok());
}

TEST_CASE("decode errors say what is wrong", "[unit]") {
  const std::string file = encode_record(sample_header(), "payload").value();
  CHECK_THAT(decode_record("ZTSPOOL0" + file.substr(8)).error().message,
             Catch::Contains("bad magic"));
  CHECK_THAT(decode_record(file.substr(0, 20)).error().message, Catch::Contains("truncated"));
  std::string payload_flipped = file;
  payload_flipped.back() = 'X';
  CHECK_THAT(decode_record(payload_flipped).error().message,
             Catch::Contains("payload checksum mismatch"));
  std::string header_flipped = file;
  header_flipped[9] = 'X';
  CHECK_THAT(decode_record(header_flipped).error().message,
             Catch::Contains("header checksum mismatch"));
}

TEST_CASE("a batch_id must be 1 to 255 bytes", "[unit]") {
  RecordHeader header = sample_header();
  header.batch_id.clear();
  CHECK_FALSE(encode_record(header, "x").ok());
  header.batch_id = std::string(256, 'a');
  CHECK_FALSE(encode_record(header, "x").ok());
  header.batch_id = std::string(255, 'a');
  CHECK(decode_record(encode_record(header, "x").value()).ok());
}

TEST_CASE("record file names sort as their sequences", "[unit]") {
  CHECK(record_file_name(7) == "00000000000000000007.batch");
  CHECK(record_file_name(18446744073709551615ull) == "18446744073709551615.batch");
  CHECK(record_sequence("00000000000000000007.batch") == 7u);
  CHECK(record_sequence("00000000000000000007.batch.tmp") == 7u);
  CHECK(record_sequence("00000000000000000007.batch.1") == 7u);
  CHECK_FALSE(record_sequence("7.batch"));
  CHECK_FALSE(record_sequence("0000000000000000000x.batch"));
  CHECK_FALSE(record_sequence("00000000000000000007.json"));
  CHECK_FALSE(record_sequence("drops.json"));
}

TEST_CASE("the drop ledger sums up, clears what was reported, and saves with a checksum",
          "[unit]") {
  const auto at = [](int minute) { return testing::make_time(2026, 11, 26, 17, minute, 0); };
  DropLedger ledger;
  CHECK(ledger.summary() == DropRecord{});
  ledger.add({"a", 3, at(1)});
  ledger.add({"b", 4, at(2)});
  const DropRecord first = ledger.summary();
  CHECK(first.batches == 2);
  CHECK(first.findings == 7);
  CHECK(first.first_batch_id == "a");
  CHECK(first.last_batch_id == "b");
  CHECK(first.first_dropped_at == "2026-11-26T17:01:00.000Z");
  CHECK(first.last_dropped_at == "2026-11-26T17:02:00.000Z");
  ledger.add({"c", 5, at(3)});

  auto saved = DropLedger::from_json(ledger.to_json());
  REQUIRE(saved.ok());
  CHECK(saved->events() == ledger.events());

  std::string tampered = ledger.to_json();
  tampered.replace(tampered.find("\"findings\":4"), 12, "\"findings\":0");
  CHECK_THAT(DropLedger::from_json(tampered).error().message, Catch::Contains("checksum mismatch"));
  CHECK_FALSE(DropLedger::from_json("").ok());
  CHECK_FALSE(DropLedger::from_json("[]").ok());

  CHECK(ledger.clear_reported(first));
  CHECK(ledger.summary().batches == 1);
  CHECK(ledger.summary().first_batch_id == "c");
  CHECK_FALSE(ledger.clear_reported(first));  // twice: refused
  DropRecord wrong = ledger.summary();
  wrong.findings = 4;
  CHECK_FALSE(ledger.clear_reported(wrong));
  CHECK(ledger.clear_reported(ledger.summary()));
  CHECK(ledger.empty());
  CHECK(ledger.clear_reported(DropRecord{}));
}

}  // namespace
}  // namespace zt::test
