// gzip_compress round-trips through the ingest's own gunzip.
#include "ingest/http/gzip.hpp"

#include <catch2/catch.hpp>

#include "transport/gzip.hpp"

TEST_CASE("gzip_compress: what the ingest inflates is what was sent", "[unit]") {
  for (const std::string& text : {std::string(), std::string("{}"), std::string(200000, 'a'),
                                  std::string("{\"findings\":[\"\xc3\xa9\",\"\\u0000\"]}")}) {
    const auto packed = zt::transport::gzip_compress(text);
    REQUIRE(packed.ok());
    CHECK(static_cast<unsigned char>((*packed)[0]) == 0x1f);  // the gzip magic
    CHECK(static_cast<unsigned char>((*packed)[1]) == 0x8b);
    const auto unpacked = zt::ingest::gunzip(*packed, 1 << 20);
    REQUIRE(unpacked.ok());
    CHECK(*unpacked == text);
  }
  CHECK(zt::transport::gzip_compress(std::string(200000, 'a'))->size() < 1000);
}
