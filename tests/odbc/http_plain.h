#pragma once
// A minimal HTTP/1.1 client over a plain loopback socket, for the local warehouse's admin
// API (fault injection, request log) in suites that run it without TLS. The test program
// links only libodbc, so no libcurl here.
#include <string>
#include <string_view>

namespace dbsql::odbc_test {

struct HttpResult {
  int status = 0;
  std::string body;
};

// One request with "Connection: close"; JSON body when non-empty; a bearer token when
// non-empty. Throws on socket errors.
HttpResult http_plain(const std::string& host, int port, std::string_view method,
                      std::string_view path, std::string_view body = {},
                      std::string_view bearer = {});

}  // namespace dbsql::odbc_test
