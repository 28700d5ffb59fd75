#include "sea/errors.h"

#include <gtest/gtest.h>

#include "util/secrets.h"

namespace dbsql::sea {
namespace {

http::Response response(long status, std::string body, std::vector<http::Header> headers = {}) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

StatementStatus failed(std::string error_code, std::string message, std::string sql_state = "") {
  StatementStatus s;
  s.state = StatementState::kFailed;
  s.error_code = std::move(error_code);
  s.message = std::move(message);
  s.sql_state = std::move(sql_state);
  return s;
}

TEST(SqlstateInMessage, FindsTheCodeAfterTheMarker) {
  EXPECT_EQ(sqlstate_in_message("[X] bad. SQLSTATE: 42601 (line 1)"), "42601");
  EXPECT_EQ(sqlstate_in_message("SQLSTATE: 22003"), "22003");
  EXPECT_EQ(sqlstate_in_message("[TABLE_OR_VIEW_NOT_FOUND] t. SQLSTATE: 42P01; more"), "42P01");
  EXPECT_EQ(sqlstate_in_message("SQLSTATE 0A000"), "0A000");
  EXPECT_EQ(sqlstate_in_message("no code here"), std::nullopt);
  EXPECT_EQ(sqlstate_in_message("SQLSTATE: 4260"), std::nullopt);
  EXPECT_EQ(sqlstate_in_message("SQLSTATE: 426012"), std::nullopt);
  EXPECT_EQ(sqlstate_in_message("SQLSTATE: abcde"), std::nullopt);
}

TEST(StatementFailed, PrefersTheStatusField) {
  Error e = statement_failed(failed("BAD_REQUEST", "x SQLSTATE: 42601", "42P01"), "s1");
  EXPECT_EQ(e.sqlstate(), "42P01");
}

TEST(StatementFailed, FallsBackToTheMessageThenTheErrorClass) {
  EXPECT_EQ(statement_failed(failed("BAD_REQUEST", "x SQLSTATE: 22012"), "s").sqlstate(), "22012");
  EXPECT_EQ(statement_failed(failed("BAD_REQUEST", "compile error"), "s").sqlstate(), "42000");
  EXPECT_EQ(statement_failed(failed("INTERNAL_ERROR", "oops"), "s").sqlstate(), "HY000");
  EXPECT_EQ(statement_failed(failed("", ""), "s").sqlstate(), "HY000");
}

TEST(StatementFailed, MessageIsTrimmedServerTextWithTheStatementId) {
  Error e = statement_failed(failed("BAD_REQUEST", "\n  [E] broken.\n== SQL ==\nX\n\n"), "01ef-9");
  EXPECT_STREQ(e.what(), "[E] broken.\n== SQL ==\nX (statement id 01ef-9)");
  Error empty = statement_failed(failed("INTERNAL_ERROR", ""), "s9");
  EXPECT_NE(std::string(empty.what()).find("INTERNAL_ERROR"), std::string::npos);
}

TEST(HttpError, AuthFailuresAre28000WithTheServerMessage) {
  for (long status : {401L, 403L}) {
    Error e =
        http_error(response(status, R"({"error_code":403,"message":"Invalid access token."})"),
                   Operation::kPoll, "s1", "https://ws");
    EXPECT_EQ(e.sqlstate(), "28000");
    EXPECT_EQ(e.native_error(), status);
    EXPECT_NE(std::string(e.what()).find("Invalid access token."), std::string::npos);
  }
}

TEST(HttpError, UnknownWarehouseAtConnectIs08001) {
  Error e = http_error(
      response(
          404,
          R"({"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Warehouse x does not exist."})"),
      Operation::kConnect, "abc123", "https://ws");
  EXPECT_EQ(e.sqlstate(), "08001");
  EXPECT_NE(std::string(e.what()).find("abc123"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("not found"), std::string::npos);
}

TEST(HttpError, VanishedStatementIsHY000) {
  Error e = http_error(response(404, R"({"error_code":"NOT_FOUND","message":"gone"})"),
                       Operation::kPoll, "s-77", "https://ws");
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("s-77 no longer exists"), std::string::npos);
}

TEST(HttpError, BusyWarehouseAfterRetries) {
  Error e = http_error(response(429, R"({"error_code":"TOO_MANY_REQUESTS","message":"slow down"})"),
                       Operation::kSubmit, "statement submission", "https://ws");
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos);
  EXPECT_EQ(http_error(response(503, ""), Operation::kConnect, "wh", "https://ws").sqlstate(),
            "08001");
}

TEST(HttpError, ASubmitThatMayHaveRunSaysSo) {
  auto text = [](long status, Operation op) {
    return std::string(http_error(response(status, ""), op, "s", "https://ws").what());
  };
  EXPECT_NE(text(500, Operation::kSubmit).find("may have run"), std::string::npos);
  EXPECT_NE(text(502, Operation::kSubmit).find("not sent again"), std::string::npos);
  EXPECT_EQ(text(400, Operation::kSubmit).find("may have run"), std::string::npos);
  EXPECT_EQ(text(500, Operation::kPoll).find("may have run"), std::string::npos);
  EXPECT_NE(text(500, Operation::kPoll).find("Try again later"), std::string::npos);
}

TEST(HttpError, AMissingWarehouseOnSubmitMayHaveBeenDeleted) {
  Error e = http_error(
      response(404, R"({"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Warehouse gone"})"),
      Operation::kSubmit, "statement submission", "https://ws");
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("may have been deleted"), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("Warehouse gone"), std::string::npos);
}

TEST(HttpError, StorageRefusingFreshLinksSuggestsInlineResults) {
  Error e = http_error(response(403, "<Error><Code>AccessDenied</Code></Error>"),
                       Operation::kDownload, "result chunk 0 of statement s", "https://bucket");
  EXPECT_NE(std::string(e.what()).find("ResultDisposition=inline"), std::string::npos);
}

TEST(HttpError, BadRequestTakesASqlstateFromTheMessage) {
  Error e = http_error(
      response(
          400,
          R"({"error_code":"INVALID_PARAMETER_VALUE","message":"[UNBOUND_SQL_PARAMETER] p. SQLSTATE: 42P02"})"),
      Operation::kSubmit, "statement submission", "https://ws");
  EXPECT_EQ(e.sqlstate(), "42P02");
  EXPECT_NE(std::string(e.what()).find("INVALID_PARAMETER_VALUE"), std::string::npos);
  EXPECT_EQ(http_error(response(400, R"({"message":"bad wait_timeout"})"), Operation::kSubmit, "s",
                       "https://ws")
                .sqlstate(),
            "HY000");
}

TEST(HttpError, NonJsonBodiesAreShownAsPrintableText) {
  Error e = http_error(response(502, "<html>\n<body>Bad Gateway</body>\n</html>"), Operation::kPoll,
                       "s", "https://ws");
  const std::string text = e.what();
  EXPECT_NE(text.find("Bad Gateway"), std::string::npos);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  Error reason = http_error(response(500, "", {{"x-databricks-reason-phrase", "Overloaded"}}),
                            Operation::kPoll, "s", "https://ws");
  EXPECT_NE(std::string(reason.what()).find("Overloaded"), std::string::npos);
}

TEST(HttpError, ServerTextEchoingCredentialsIsMasked) {
  util::register_secret("dapi0123456789abcdef");
  Error gateway = http_error(
      response(400, "400 Bad Request\r\nAuthorization: Bearer eyJhbGciOi.payload.sig\r\n"),
      Operation::kSubmit, "statement submission", "https://ws");
  EXPECT_EQ(std::string(gateway.what()).find("eyJhbGciOi"), std::string::npos) << gateway.what();
  Error json = http_error(
      response(401, R"({"error_code":"UNAUTHENTICATED","message":"bad dapi0123456789abcdef"})"),
      Operation::kConnect, "wh", "https://ws");
  EXPECT_EQ(std::string(json.what()).find("dapi0123456789abcdef"), std::string::npos)
      << json.what();
  EXPECT_NE(std::string(json.what()).find("UNAUTHENTICATED"), std::string::npos);
  util::clear_registered_secrets();
}

TEST(HttpError, StorageBodiesShowOnlyTheirErrorCode) {
  const std::string s3 =
      "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message>"
      "<SignatureProvided>SECRETSIG</SignatureProvided><StringToSign>AWS4 x</StringToSign></Error>";
  Error e = http_error(response(403, s3), Operation::kDownload, "result chunk 3 of statement s",
                       "https://bucket.s3.amazonaws.com");
  const std::string text = e.what();
  EXPECT_NE(e.sqlstate(), "28000");
  EXPECT_NE(text.find("SignatureDoesNotMatch"), std::string::npos);
  EXPECT_NE(text.find("result chunk 3"), std::string::npos);
  EXPECT_EQ(text.find("SECRETSIG"), std::string::npos);
  EXPECT_EQ(text.find("AWS4"), std::string::npos);
}

TEST(TransportError, MapsByKindAndOperation) {
  using http::TransportFailure;
  auto map = [](TransportFailure kind, Operation op) {
    return transport_error(http::TransportError(kind, "curl says why"), op, "https://ws")
        .sqlstate();
  };
  EXPECT_EQ(map(TransportFailure::kConnect, Operation::kConnect), "08001");
  EXPECT_EQ(map(TransportFailure::kTls, Operation::kConnect), "08001");
  EXPECT_EQ(map(TransportFailure::kTimeout, Operation::kConnect), "08001");
  EXPECT_EQ(map(TransportFailure::kDropped, Operation::kPoll), "08S01");
  EXPECT_EQ(map(TransportFailure::kConnect, Operation::kSubmit), "08S01");
  EXPECT_EQ(map(TransportFailure::kTls, Operation::kDownload), "08S01");
  EXPECT_EQ(map(TransportFailure::kTimeout, Operation::kFetchChunk), "HYT01");
  EXPECT_EQ(map(TransportFailure::kCancelled, Operation::kPoll), "HY008");
  EXPECT_EQ(map(TransportFailure::kDeadline, Operation::kConnect), "HYT00");
  Error e = transport_error(
      http::TransportError(TransportFailure::kConnect, "Could not resolve host: nowhere"),
      Operation::kConnect, "https://nowhere");
  EXPECT_NE(std::string(e.what()).find("Could not resolve host: nowhere"), std::string::npos);
  // A submit cut off after it was sent may have run; one that never connected did not.
  auto text = [](TransportFailure kind) {
    return std::string(
        transport_error(http::TransportError(kind, "why"), Operation::kSubmit, "https://ws")
            .what());
  };
  EXPECT_NE(text(TransportFailure::kDropped).find("may have run"), std::string::npos);
  EXPECT_NE(text(TransportFailure::kTimeout).find("may have run"), std::string::npos);
  EXPECT_EQ(text(TransportFailure::kConnect).find("may have run"), std::string::npos);
}

TEST(OriginOf, KeepsSchemeHostPortOnly) {
  EXPECT_EQ(origin_of("https://bucket.s3.amazonaws.com/a/b?X-Amz-Signature=s"),
            "https://bucket.s3.amazonaws.com");
  EXPECT_EQ(origin_of("https://h:8443"), "https://h:8443");
  EXPECT_EQ(origin_of("https://user:pw@h:1/x"), "https://h:1");
}

}  // namespace
}  // namespace dbsql::sea
