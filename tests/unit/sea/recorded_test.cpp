// Every Statement Execution API body recorded from real Databricks workspaces
// (../shared/recorded/*.json, field response.body) parses, with the values it holds.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>

#include "sea/dml.h"
#include "sea/errors.h"
#include "sea/iso_time.h"
#include "sea/response_parser.h"

namespace dbsql::sea {
namespace {

struct Recording {
  std::string method;
  std::string path;
  long status = 0;
  std::string body;  // minified JSON of response.body
};

std::map<std::string, Recording> load_all() {
  std::map<std::string, Recording> out;
  simdjson::dom::parser parser;
  for (const auto& entry : std::filesystem::directory_iterator(DBSQL_RECORDED_DIR)) {
    if (entry.path().extension() != ".json") continue;
    simdjson::dom::element doc = parser.load(entry.path().string());
    Recording r;
    r.method = std::string(std::string_view(doc["request"]["method"]));
    r.path = std::string(std::string_view(doc["request"]["path"]));
    r.status = static_cast<long>(int64_t(doc["response"]["status"]));
    // A storage download's body is binary and not kept as JSON.
    auto body = doc["response"]["body"];
    if (!body.error() && body.is_object()) r.body = simdjson::minify(body.value());
    out[entry.path().filename().string()] = std::move(r);
  }
  return out;
}

const std::map<std::string, Recording>& recordings() {
  static const auto all = load_all();
  return all;
}

StatementResponse statement(const std::string& file) {
  ResponseParser parser;
  return parser.statement(recordings().at(file).body);
}

bool is_statement_response(const Recording& r) {
  return r.status == 200 && r.path.starts_with("/api/2.0/sql/statements") &&
         r.path.find("/result/chunks/") == std::string::npos && r.method != "DELETE";
}

TEST(Recorded, TheFolderHoldsTheExpectedRecordings) {
  EXPECT_GE(recordings().size(), 50u);
  EXPECT_TRUE(recordings().count("failed-syntax-error.json"));
}

TEST(Recorded, EveryStatementResponseParsesConsistently) {
  int parsed = 0;
  for (const auto& [file, r] : recordings()) {
    if (!is_statement_response(r)) continue;
    SCOPED_TRACE(file);
    ResponseParser parser;
    StatementResponse s = parser.statement(r.body);
    ++parsed;
    EXPECT_FALSE(s.statement_id.empty());
    EXPECT_NE(s.status.state, StatementState::kUnknown);
    if (s.manifest) {
      EXPECT_EQ(s.manifest->column_count, static_cast<int>(s.manifest->columns.size()));
      for (size_t i = 0; i < s.manifest->columns.size(); ++i) {
        EXPECT_EQ(s.manifest->columns[i].position, static_cast<int>(i));
        EXPECT_FALSE(s.manifest->columns[i].type_name.empty());
      }
      int64_t rows = 0;
      for (const ChunkInfo& c : s.manifest->chunks) rows += c.row_count;
      EXPECT_EQ(rows, s.manifest->total_row_count);
    }
    if (s.result && s.result->rows) {
      EXPECT_EQ(static_cast<int64_t>(s.result->rows->row_count()),
                s.result->row_count.value_or(-1));
      EXPECT_EQ(s.result->rows->column_count(), s.manifest->columns.size());
    }
    for (const ExternalLink& link : s.result ? s.result->links : std::vector<ExternalLink>{}) {
      EXPECT_TRUE(link.url.starts_with("https://"));
      EXPECT_TRUE(link.expiration.has_value());
    }
  }
  EXPECT_GE(parsed, 40);
}

TEST(Recorded, EveryErrorBodyParses) {
  int parsed = 0;
  for (const auto& [file, r] : recordings()) {
    if (r.status < 400) continue;
    SCOPED_TRACE(file);
    auto error = parse_api_error(r.body);
    ASSERT_TRUE(error.has_value());
    EXPECT_FALSE(error->message.empty());
    EXPECT_FALSE(error->error_code.empty());
    ++parsed;
  }
  EXPECT_EQ(parsed, 3);
}

TEST(Recorded, UnicodeAndEdgeCaseStringsAndNull) {
  StatementResponse s = statement("json-array-string-edge-cases-unicode.json");
  EXPECT_EQ(s.statement_id, "01f0145a-b1f6-1daa-b8a6-f2c1b7597109");
  EXPECT_EQ(s.status.state, StatementState::kSucceeded);
  ASSERT_TRUE(s.manifest);
  EXPECT_EQ(s.manifest->format, "JSON_ARRAY");
  ASSERT_EQ(s.manifest->columns.size(), 2u);
  EXPECT_EQ(s.manifest->columns[0].name, "id");
  EXPECT_EQ(s.manifest->columns[0].type_name, "INT");
  EXPECT_EQ(s.manifest->columns[1].type_text, "STRING");
  EXPECT_EQ(s.manifest->total_row_count, 5);
  ASSERT_TRUE(s.result && s.result->rows);
  const RowBatch& rows = *s.result->rows;
  ASSERT_EQ(rows.row_count(), 5u);
  EXPECT_EQ(rows.text(0, 0), "1");
  EXPECT_EQ(rows.text(0, 1), "   leading and trailing spaces   ");
  EXPECT_EQ(rows.text(1, 1), "\xe3\x81\x93\xe3\x82\x93\xe3\x81\xab\xe3\x81\xa1\xe3\x81\xaf");
  EXPECT_EQ(rows.text(2, 1), "special chars: !@#$%^&*()");
  EXPECT_EQ(rows.text(3, 1), "string with \"double quotes\" inside");
  EXPECT_EQ(rows.text(4, 0), "5");
  EXPECT_TRUE(rows.is_null(4, 1));
  EXPECT_FALSE(rows.is_null(4, 0));
}

TEST(Recorded, TimestampsKeepTheirSessionOffsets) {
  StatementResponse s = statement("json-array-timestamp-types.json");
  ASSERT_TRUE(s.result && s.result->rows);
  const RowBatch& rows = *s.result->rows;
  bool saw_offset = false, saw_null = false;
  for (size_t r = 0; r < rows.row_count(); ++r)
    for (size_t c = 0; c < rows.column_count(); ++c) {
      if (rows.is_null(r, c))
        saw_null = true;
      else if (rows.text(r, c).find("T") != std::string_view::npos)
        saw_offset = true;
    }
  EXPECT_TRUE(saw_offset);
  EXPECT_TRUE(saw_null);
  EXPECT_EQ(s.manifest->columns[1].type_name, "TIMESTAMP");
}

TEST(Recorded, VoidNullColumn) {
  StatementResponse s = statement("json-array-null-void.json");
  ASSERT_EQ(s.manifest->columns.size(), 1u);
  EXPECT_EQ(s.manifest->columns[0].type_name, "NULL");
  EXPECT_EQ(s.manifest->columns[0].type_text, "VOID");
  ASSERT_EQ(s.result->rows->row_count(), 1u);
  EXPECT_TRUE(s.result->rows->is_null(0, 0));
}

TEST(Recorded, DmlCountersAreRecognised) {
  StatementResponse insert = statement("json-array-dml-insert-ordinal-params.json");
  ASSERT_EQ(insert.manifest->columns.size(), 2u);
  EXPECT_EQ(insert.manifest->columns[0].name, "num_affected_rows");
  EXPECT_EQ(insert.manifest->columns[1].name, "num_inserted_rows");
  EXPECT_EQ(insert.manifest->columns[0].type_name, "LONG");
  EXPECT_TRUE(is_dml_counter_manifest(*insert.manifest));
  EXPECT_EQ(affected_rows_of(*insert.result->rows), 1);

  StatementResponse update = statement("json-array-dml-update-ordinal-params.json");
  EXPECT_TRUE(is_dml_counter_manifest(*update.manifest));
  EXPECT_EQ(affected_rows_of(*update.result->rows), 1);

  StatementResponse select = statement("json-array-string-edge-cases-unicode.json");
  EXPECT_FALSE(is_dml_counter_manifest(*select.manifest));
}

TEST(Recorded, FailedSyntaxErrorMapsToItsSqlstate) {
  StatementResponse s = statement("failed-syntax-error.json");
  EXPECT_EQ(s.statement_id, "01ef9de4-091e-1cca-a458-a00ed5ab7b11");
  EXPECT_EQ(s.status.state, StatementState::kFailed);
  EXPECT_EQ(s.status.error_code, "BAD_REQUEST");
  EXPECT_TRUE(s.status.sql_state.empty());
  const Error e = statement_failed(s.status, s.statement_id);
  EXPECT_EQ(e.sqlstate(), "42601");
  const std::string message = e.what();
  EXPECT_TRUE(message.starts_with("[PARSE_SYNTAX_ERROR] Syntax error at or near 'INSER'."));
  EXPECT_NE(message.find("01ef9de4-091e-1cca-a458-a00ed5ab7b11"), std::string::npos);
}

TEST(Recorded, PendingAndRunningCarryOnlyIdAndState) {
  StatementResponse pending = statement("state-pending-on-submit.json");
  EXPECT_EQ(pending.status.state, StatementState::kPending);
  EXPECT_FALSE(pending.manifest);
  StatementResponse running = statement("state-running-poll.json");
  EXPECT_EQ(running.status.state, StatementState::kRunning);
  EXPECT_EQ(running.statement_id, pending.statement_id);
  StatementResponse done = statement("state-succeeded-after-poll.json");
  EXPECT_EQ(done.status.state, StatementState::kSucceeded);
  EXPECT_TRUE(done.manifest);
}

TEST(Recorded, MultiChunkManifestAndFirstLink) {
  StatementResponse s = statement("multi-chunk-first-response.json");
  const Manifest& m = *s.manifest;
  EXPECT_EQ(m.column_count, 16);
  EXPECT_EQ(m.total_chunk_count, 2);
  EXPECT_EQ(m.total_row_count, 122900);
  EXPECT_EQ(m.total_byte_count, 21023168);
  ASSERT_EQ(m.chunks.size(), 2u);
  EXPECT_EQ(m.chunks[1].row_offset, 122880);
  EXPECT_EQ(m.chunks[1].row_count, 20);
  EXPECT_EQ(m.chunks[1].byte_count, 5576);
  EXPECT_EQ(m.columns[0].type_name, "LONG");
  EXPECT_EQ(m.columns[4].type_text, "DECIMAL(18,2)");
  EXPECT_EQ(m.columns[4].precision, 18);
  EXPECT_EQ(m.columns[4].scale, 2);
  EXPECT_EQ(m.columns[0].precision, -1);
  ASSERT_EQ(s.result->links.size(), 1u);
  const ExternalLink& link = s.result->links[0];
  EXPECT_EQ(link.chunk_index, 0);
  EXPECT_EQ(link.row_count, 122880);
  EXPECT_EQ(link.next_chunk_index, 1);
  EXPECT_EQ(link.next_chunk_internal_link,
            "/api/2.0/sql/statements/01ef9de2-db21-16af-b4cb-9ccf302d746b/result/chunks/1");
  EXPECT_TRUE(link.http_headers.empty());
  EXPECT_EQ(link.expiration, parse_iso8601("2024-11-08T15:20:17.922Z"));
  EXPECT_FALSE(s.result->rows);
}

TEST(Recorded, ChunkEndpointBodyIsTheResultObject) {
  ResponseParser parser;
  ResultData d = parser.result(recordings().at("multi-chunk-chunk-endpoint.json").body, 16);
  ASSERT_EQ(d.links.size(), 1u);
  EXPECT_EQ(d.links[0].chunk_index, 1);
  EXPECT_EQ(d.links[0].row_offset, 122880);
  EXPECT_EQ(d.links[0].row_count, 20);
  EXPECT_FALSE(d.links[0].next_chunk_index);
  EXPECT_TRUE(d.links[0].next_chunk_internal_link.empty());

  ResultData gateway =
      parser.result(recordings().at("multi-chunk-chunk-endpoint-sqlgateway.json").body, 0);
  EXPECT_FALSE(gateway.links.empty());
}

TEST(Recorded, HybridResultsListSeveralLinksOrAnAttachment) {
  StatementResponse links = statement("hybrid-external-links.json");
  ASSERT_GE(links.result->links.size(), 2u);
  EXPECT_EQ(links.result->links[1].chunk_index, 1);
  EXPECT_EQ(links.result->links[1].row_offset, 45613);
  StatementResponse attachment = statement("hybrid-inline-attachment.json");
  EXPECT_TRUE(attachment.result->has_attachment);
  EXPECT_EQ(attachment.manifest->format, "ARROW_STREAM");
}

TEST(Recorded, IntervalAndComplexTypes) {
  StatementResponse intervals = statement("external-links-interval-types.json");
  const auto& columns = intervals.manifest->columns;
  ASSERT_EQ(columns.size(), 12u);
  EXPECT_EQ(columns[0].type_name, "INTERVAL");
  EXPECT_EQ(columns[0].interval_type, "YEAR");
  EXPECT_EQ(columns[2].interval_type, "YEAR TO MONTH");
  bool day_to_second = false;
  for (const ColumnInfo& c : columns) day_to_second |= c.interval_type == "DAY TO SECOND";
  EXPECT_TRUE(day_to_second);

  StatementResponse all = statement("external-links-all-types-empty-result.json");
  std::map<std::string, std::string> text_of;
  for (const ColumnInfo& c : all.manifest->columns) text_of[c.type_name] = c.type_text;
  EXPECT_EQ(text_of["ARRAY"], "ARRAY<INT>");
  EXPECT_EQ(text_of["MAP"], "MAP<STRING, STRING>");
  EXPECT_EQ(text_of["STRUCT"], "STRUCT<street: STRING, city: STRING, zip: INT>");
  EXPECT_EQ(text_of["TIMESTAMP_NTZ"], "TIMESTAMP_NTZ");
  EXPECT_EQ(text_of["VARIANT"], "VARIANT");
  EXPECT_EQ(all.manifest->total_row_count, 0);
}

TEST(Recorded, EmptySelectAndDdlHaveNoChunks) {
  StatementResponse empty = statement("external-links-empty-select.json");
  EXPECT_EQ(empty.manifest->column_count, 3);
  EXPECT_EQ(empty.manifest->total_chunk_count, 0);
  EXPECT_TRUE(empty.manifest->chunks.empty());
  ASSERT_TRUE(empty.result);
  EXPECT_FALSE(empty.result->rows);
  EXPECT_TRUE(empty.result->links.empty());

  StatementResponse ddl = statement("ddl-create-table.json");
  EXPECT_EQ(ddl.manifest->column_count, 0);
  EXPECT_TRUE(ddl.manifest->columns.empty());
}

TEST(Recorded, AuthErrorsHaveNumericCodesAndMapTo28000) {
  const Recording& r401 = recordings().at("auth-401-no-credential.json");
  auto e401 = parse_api_error(r401.body);
  ASSERT_TRUE(e401);
  EXPECT_EQ(e401->error_code, "401");
  EXPECT_EQ(e401->message, "Credential was not sent or was of an unsupported type for this API.");
  http::Response response;
  response.status = 401;
  response.body = r401.body;
  const Error mapped = http_error(response, Operation::kSubmit, "x", "https://ws.example");
  EXPECT_EQ(mapped.sqlstate(), "28000");
  EXPECT_EQ(mapped.native_error(), 401);
  EXPECT_NE(std::string(mapped.what()).find("Credential was not sent"), std::string::npos);

  const Recording& r403 = recordings().at("auth-403-invalid-token.json");
  response.status = 403;
  response.body = r403.body;
  EXPECT_EQ(http_error(response, Operation::kConnect, "wh", "https://ws").sqlstate(), "28000");

  auto e404 = parse_api_error(recordings().at("files-api-404-not-found.json").body);
  ASSERT_TRUE(e404);
  EXPECT_EQ(e404->error_code, "NOT_FOUND");
}

TEST(Recorded, CloseAnswersAnEmptyObject) {
  EXPECT_EQ(recordings().at("close-statement.json").body, "{}");
  EXPECT_FALSE(parse_api_error("{}"));
}

}  // namespace
}  // namespace dbsql::sea
