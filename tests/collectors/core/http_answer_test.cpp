// The HTTP answers of the live checks: when one is whole, and its JSON body on status 200,
// on answers recorded from etcd 3.4.23 (Debian) and Node-RED 4.1.15.
#include <catch2/catch.hpp>

#include "collectors/core/http_answer.hpp"

namespace {

const std::string kEtcdOpen =
    "HTTP/1.0 200 OK\r\nAccess-Control-Allow-Headers: accept, content-type, authorization\r\n"
    "Access-Control-Allow-Methods: POST, GET, OPTIONS, PUT, DELETE\r\n"
    "Access-Control-Allow-Origin: *\r\nContent-Type: application/json\r\n"
    "Grpc-Metadata-Content-Type: application/grpc\r\nDate: Sun, 06 Dec 2026 19:54:19 GMT\r\n"
    "Content-Length: 114\r\n\r\n"
    R"({"header":{"cluster_id":"14841639068965178418","member_id":"10276657743932975437",)"
    R"("revision":"1","raft_term":"2"}})";

const std::string kEtcdAuthOn =
    "HTTP/1.0 400 Bad Request\r\nAccess-Control-Allow-Headers: accept, content-type, "
    "authorization\r\nAccess-Control-Allow-Methods: POST, GET, OPTIONS, PUT, DELETE\r\n"
    "Access-Control-Allow-Origin: *\r\nContent-Type: application/json\r\n"
    "Trailer: Grpc-Trailer-Content-Type\r\nDate: Sun, 06 Dec 2026 19:54:19 GMT\r\n\r\n"
    R"({"error":"etcdserver: user name is empty","message":"etcdserver: user name is empty",)"
    R"("code":3})";

}  // namespace

TEST_CASE("http answers: whole once Content-Length bytes arrived, the body read on 200 only",
          "[unit]") {
  using zt::collector::http_answer_complete;
  using zt::collector::http_ok_json;
  CHECK(http_answer_complete(kEtcdOpen));
  CHECK_FALSE(http_answer_complete(kEtcdOpen.substr(0, kEtcdOpen.size() - 1)));
  CHECK_FALSE(http_answer_complete(kEtcdOpen.substr(0, 40)));  // headers not ended
  CHECK_FALSE(http_answer_complete(kEtcdAuthOn));  // no length: the server closing ends it
  CHECK(http_answer_complete("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"));

  const auto open = http_ok_json(kEtcdOpen);
  REQUIRE(open);
  CHECK(open->at("header").at("revision") == "1");
  CHECK_FALSE(http_ok_json(kEtcdAuthOn));
  CHECK_FALSE(http_ok_json("HTTP/1.1 200 OK\r\n\r\n<html></html>"));
  CHECK_FALSE(http_ok_json("SSH-2.0-OpenSSH_9.2"));
}
