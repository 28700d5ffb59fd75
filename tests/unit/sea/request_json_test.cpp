#include "sea/request_json.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace dbsql::sea {
namespace {

std::string json_quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonString, EscapesWhatJsonRequires) {
  EXPECT_EQ(json_quoted("plain"), "\"plain\"");
  EXPECT_EQ(json_quoted("say \"hi\""), R"("say \"hi\"")");
  EXPECT_EQ(json_quoted("C:\\path"), R"("C:\\path")");
  EXPECT_EQ(json_quoted("a\nb\r\tc"), R"("a\nb\r\tc")");
  EXPECT_EQ(json_quoted(std::string("nul\0x", 5)), R"("nul\u0000x")");
  EXPECT_EQ(json_quoted("\x1f\b\f"), R"("\u001f\u0008\u000c")");
  EXPECT_EQ(json_quoted("\xe3\x81\x93 / </script>"), "\"\xe3\x81\x93 / </script>\"");
}

// The body must be JSON that says exactly what the request asked.
TEST(ExecuteBody, RoundTripsThroughAJsonParser) {
  ExecuteRequest request;
  request.statement = "SELECT 'it''s', \"q\" -- comment\nFROM t\tWHERE x = :p1";
  request.catalog = "main";
  request.schema = "default";
  request.parameters = {
      {"p1", "O'Brien \"x\"", "STRING"}, {"p2", std::nullopt, "INT"}, {"p3", "7", ""}};
  request.disposition = Disposition::kInline;
  request.row_limit = 1000;
  request.query_tags = {{"team", "eng"}, {"key only", ""}};
  const std::string body = execute_body(request, "wh-1", "10s");

  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(body);
  EXPECT_EQ(std::string_view(doc["statement"]), request.statement);
  EXPECT_EQ(std::string_view(doc["warehouse_id"]), "wh-1");
  EXPECT_EQ(std::string_view(doc["catalog"]), "main");
  EXPECT_EQ(std::string_view(doc["schema"]), "default");
  EXPECT_EQ(std::string_view(doc["wait_timeout"]), "10s");
  EXPECT_EQ(std::string_view(doc["on_wait_timeout"]), "CONTINUE");
  EXPECT_EQ(std::string_view(doc["disposition"]), "INLINE");
  EXPECT_EQ(std::string_view(doc["format"]), "JSON_ARRAY");
  EXPECT_EQ(int64_t(doc["row_limit"]), 1000);
  simdjson::dom::array params = doc["parameters"];
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(std::string_view(params.at(0)["name"]), "p1");
  EXPECT_EQ(std::string_view(params.at(0)["value"]), "O'Brien \"x\"");
  EXPECT_EQ(std::string_view(params.at(0)["type"]), "STRING");
  EXPECT_EQ(params.at(1)["value"].error(), simdjson::NO_SUCH_FIELD);  // NULL: no value
  EXPECT_EQ(std::string_view(params.at(1)["type"]), "INT");
  EXPECT_EQ(params.at(2)["type"].error(), simdjson::NO_SUCH_FIELD);
  simdjson::dom::array tags = doc["query_tags"];
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(std::string_view(tags.at(0)["value"]), "eng");
  EXPECT_EQ(tags.at(1)["value"].error(), simdjson::NO_SUCH_FIELD);
}

TEST(ExecuteBody, OmitsWhatWasNotAsked) {
  ExecuteRequest request;
  request.statement = "SELECT 1";
  const std::string body = execute_body(request, "wh", "0s");
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(body);
  EXPECT_EQ(std::string_view(doc["disposition"]), "EXTERNAL_LINKS");
  EXPECT_EQ(std::string_view(doc["wait_timeout"]), "0s");
  for (const char* absent : {"catalog", "schema", "parameters", "row_limit", "query_tags"})
    EXPECT_EQ(doc[absent].error(), simdjson::NO_SUCH_FIELD) << absent;
}

}  // namespace
}  // namespace dbsql::sea
