// Cell parsing details that recordings do not show: escapes, unicode, bare literals,
// malformed and truncated bodies.
#include <gtest/gtest.h>

#include "sea/iso_time.h"
#include "sea/response_parser.h"

namespace dbsql::sea {
namespace {

RowBatch rows(const std::string& body, size_t columns = 0) {
  ResponseParser parser;
  return parser.rows(body, columns, 0, 0);
}

TEST(ParseRows, UnescapesInPlace) {
  RowBatch b = rows(
      R"([["a\"b","back\\slash","line\nbreak","tab\there","\u00e9t\u00e9","\ud83d\ude00",""]])");
  ASSERT_EQ(b.row_count(), 1u);
  ASSERT_EQ(b.column_count(), 7u);
  EXPECT_EQ(b.text(0, 0), "a\"b");
  EXPECT_EQ(b.text(0, 1), "back\\slash");
  EXPECT_EQ(b.text(0, 2), "line\nbreak");
  EXPECT_EQ(b.text(0, 3), "tab\there");
  EXPECT_EQ(b.text(0, 4), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(b.text(0, 5), "\xf0\x9f\x98\x80");
  EXPECT_EQ(b.text(0, 6), "");
  EXPECT_FALSE(b.is_null(0, 6));
}

TEST(ParseRows, ComplexValuesArriveAsJsonText) {
  RowBatch b = rows(R"([["[1,2,3]","{\"a\":\"x y\",\"b\":[true,null]}"]])");
  EXPECT_EQ(b.text(0, 0), "[1,2,3]");
  EXPECT_EQ(b.text(0, 1), R"({"a":"x y","b":[true,null]})");
}

TEST(ParseRows, NullsAndBareLiteralsAndWhitespace) {
  RowBatch b = rows("[ [ null , 42 , true , -1.5e3 , \"x\" ] ,\n [\"y\",null,false,0,null] ]");
  ASSERT_EQ(b.row_count(), 2u);
  EXPECT_TRUE(b.is_null(0, 0));
  EXPECT_EQ(b.value(0, 0), std::nullopt);
  EXPECT_EQ(b.text(0, 1), "42");
  EXPECT_EQ(b.text(0, 2), "true");
  EXPECT_EQ(b.text(0, 3), "-1.5e3");
  EXPECT_EQ(b.text(0, 4), "x");
  EXPECT_EQ(b.text(1, 0), "y");
  EXPECT_TRUE(b.is_null(1, 4));
}

TEST(ParseRows, EmptyArrayIsZeroRows) {
  RowBatch b = rows("[]", 3);
  EXPECT_EQ(b.row_count(), 0u);
  EXPECT_EQ(b.column_count(), 3u);
}

TEST(ParseRows, RowOffsetIsKept) {
  ResponseParser parser;
  RowBatch b = parser.rows(R"([["a"],["b"]])", 1, 1000, 2);
  EXPECT_EQ(b.row_offset(), 1000);
  EXPECT_EQ(b.text(1, 0), "b");
}

TEST(ParseRows, WrongRowWidthIsRefused) {
  EXPECT_THROW(rows(R"([["a","b"],["c"]])"), MalformedResponse);
  EXPECT_THROW(rows(R"([["a","b"]])", 3), MalformedResponse);
}

TEST(ParseRows, TruncatedBodiesAreRefused) {
  const std::string full = R"([["1","alpha"],["2","beta"],["3","gamma"]])";
  for (size_t cut = 1; cut < full.size(); ++cut) {
    SCOPED_TRACE(full.substr(0, cut));
    EXPECT_THROW(rows(full.substr(0, cut), 2), MalformedResponse);
  }
  EXPECT_EQ(rows(full, 2).row_count(), 3u);
}

TEST(ParseRows, NestedValuesAreRefused) {
  EXPECT_THROW(rows(R"([[["nested"]]])"), MalformedResponse);
  EXPECT_THROW(rows(R"({"not":"an array"})"), MalformedResponse);
  EXPECT_THROW(rows(""), MalformedResponse);
}

TEST(ParseRows, ParserIsReusable) {
  ResponseParser parser;
  for (int i = 0; i < 3; ++i) {
    RowBatch b = parser.rows("[[\"" + std::to_string(i) + "\"]]", 1, 0, 1);
    EXPECT_EQ(b.text(0, 0), std::to_string(i));
  }
}

TEST(ParseStatement, ErrorCodeMayBeANumberAndSqlStateIsRead) {
  ResponseParser parser;
  StatementResponse s = parser.statement(
      R"({"statement_id":"s1","status":{"state":"FAILED","sql_state":"42P01","error":{"error_code":7,"message":"boom"}}})");
  EXPECT_EQ(s.status.state, StatementState::kFailed);
  EXPECT_EQ(s.status.error_code, "7");
  EXPECT_EQ(s.status.message, "boom");
  EXPECT_EQ(s.status.sql_state, "42P01");
}

TEST(ParseStatement, ResultBeforeManifestStillParses) {
  ResponseParser parser;
  StatementResponse s = parser.statement(
      R"({"result":{"chunk_index":0,"row_offset":0,"row_count":1,"data_array":[["x","y"]]},)"
      R"("manifest":{"format":"JSON_ARRAY","schema":{"column_count":2,"columns":[{"name":"a","type_name":"STRING","type_text":"STRING","position":0},{"name":"b","type_name":"STRING","type_text":"STRING","position":1}]},"total_row_count":1,"total_chunk_count":1},)"
      R"("status":{"state":"SUCCEEDED"},"statement_id":"s2","unknown_field":{"deep":[1,{"x":2}]}})");
  EXPECT_EQ(s.statement_id, "s2");
  ASSERT_TRUE(s.result && s.result->rows);
  EXPECT_EQ(s.result->rows->text(0, 1), "y");
  EXPECT_EQ(s.manifest->column_count, 2);
}

TEST(ParseStatement, LinkHeadersAndUnknownStates) {
  ResponseParser parser;
  StatementResponse s = parser.statement(
      R"({"statement_id":"s3","status":{"state":"QUEUED_SOMEWHERE"},"result":{"external_links":[{"chunk_index":0,"row_offset":0,"row_count":2,"external_link":"https://x/y?sig=1","expiration":"2030-01-02T03:04:05Z","http_headers":{"x-ms-encryption-key":"k1","x-other":"v2"}}]}})");
  EXPECT_EQ(s.status.state, StatementState::kUnknown);
  EXPECT_EQ(s.status.state_text, "QUEUED_SOMEWHERE");
  ASSERT_EQ(s.result->links.size(), 1u);
  const auto& headers = s.result->links[0].http_headers;
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0], (std::pair<std::string, std::string>{"x-ms-encryption-key", "k1"}));
  EXPECT_EQ(headers[1].second, "v2");
}

TEST(ParseStatement, MalformedBodiesThrow) {
  ResponseParser parser;
  EXPECT_THROW(parser.statement(R"({"statement_id": "x", "status": {"state": SUCCEEDED)"),
               MalformedResponse);
  EXPECT_THROW(parser.statement("<html>bad gateway</html>"), MalformedResponse);
  EXPECT_THROW(
      parser.statement(
          R"({"statement_id":"x","status":{"state":"SUCCEEDED"},"result":{"row_count":"many"}})"),
      MalformedResponse);
}

TEST(ParseWarehouse, ReadsIdNameState) {
  WarehouseInfo w =
      parse_warehouse(R"({"id":"abc","name":"Local","state":"RUNNING","odbc_params":{"port":1}})");
  EXPECT_EQ(w.id, "abc");
  EXPECT_EQ(w.name, "Local");
  EXPECT_EQ(w.state, "RUNNING");
  EXPECT_THROW(parse_warehouse("<html>"), MalformedResponse);
}

TEST(Iso8601, ParsesUtcAndOffsets) {
  using namespace std::chrono;
  const auto base = sys_days{year{2024} / 11 / 8} + hours(15) + minutes(20) + seconds(17);
  EXPECT_EQ(parse_iso8601("2024-11-08T15:20:17.922Z"), base + milliseconds(922));
  EXPECT_EQ(parse_iso8601("2024-11-08T15:20:17Z"), base);
  EXPECT_EQ(parse_iso8601("2024-11-08T17:20:17+02:00"), base);
  EXPECT_EQ(parse_iso8601("2024-11-08T15:20:17.5-01:30"), base + minutes(90) + milliseconds(500));
  EXPECT_EQ(parse_iso8601("2024-13-08T15:20:17Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2024-11-08T15:20:17"), std::nullopt);
  EXPECT_EQ(parse_iso8601("yesterday"), std::nullopt);
}

// Found by fuzz_chunk: a year the nanosecond clock cannot hold overflowed it, and signs
// were read as digits.
TEST(Iso8601, RefusesYearsOutOfRangeAndSignedFields) {
  EXPECT_EQ(parse_iso8601("5025-11-08T15:20:17Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("0001-01-01T00:00:00Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("-123-11-08T15:20:17Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2024-11-08T-1:20:17Z"), std::nullopt);
  EXPECT_EQ(parse_iso8601("2024-11-08T15:20:17+-1:00"), std::nullopt);
  EXPECT_NE(parse_iso8601("2199-12-31T23:59:59Z"), std::nullopt);
}

}  // namespace
}  // namespace dbsql::sea
