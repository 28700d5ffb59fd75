#include "sql/translate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "util/error.h"

namespace dbsql::sql {
namespace {

std::string text(std::string_view sql) {
  return translate(sql).text;
}

// The SQLSTATE and message translate throws, or "" when it does not throw.
std::pair<std::string, std::string> failure(std::string_view sql) {
  try {
    translate(sql);
  } catch (const Error& e) {
    return {e.sqlstate(), e.what()};
  }
  return {"", ""};
}

std::string sqlstate(std::string_view sql) {
  return failure(sql).first;
}

TEST(Translate, PlainTextIsUnchanged) {
  const std::string sql = "SELECT a, 'x{fn y}' FROM t -- {d 1}\n WHERE b = 1 /* {oj } */";
  const Translation t = translate(sql);
  EXPECT_EQ(sql, t.text);
  EXPECT_TRUE(t.markers.empty());
  EXPECT_EQ(0u, t.parameter_count);
  EXPECT_FALSE(t.named_markers);
}

TEST(Translate, MarkersOutsideLiteralsAndComments) {
  const Translation t = translate(
      "SELECT ?, '?', \"?\", `?`, r'\\?', 'it''s ?', 'a\\'?' -- ?\n /* /* ? */ ? */, "
      "$$ ? $$, ?");
  ASSERT_EQ(2u, t.markers.size());
  EXPECT_EQ(7u, t.markers[0]);
  EXPECT_EQ('?', t.text[t.markers[1]]);
  EXPECT_EQ(std::vector<size_t>({0, 1}), t.marker_parameters);
  EXPECT_EQ(2u, t.parameter_count);
}

TEST(Translate, NamedMarkers) {
  EXPECT_TRUE(translate("SELECT * FROM t WHERE a = :x").named_markers);
  EXPECT_TRUE(translate("SELECT :x", {.escapes = false}).named_markers);
  EXPECT_TRUE(translate("SELECT {fn UCASE(:x)}").named_markers);
  EXPECT_FALSE(translate("SELECT ':x', \":x\", `:x` -- :x\n /* :x */").named_markers);
  EXPECT_FALSE(translate("SELECT a::int, b :: string").named_markers);
  EXPECT_FALSE(
      translate("SELECT raw:owner, raw:store.bicycle, c[0]:id FROM t").named_markers);
  EXPECT_FALSE(translate("SELECT '12:30', ${a:b}").named_markers);
}

TEST(Translate, DatetimeLiterals) {
  EXPECT_EQ("SELECT DATE'2024-01-31'", text("SELECT {d '2024-01-31'}"));
  EXPECT_EQ("SELECT DATE'2024-01-31'", text("SELECT { D  '2024-01-31' }"));
  EXPECT_EQ("SELECT DATE'2024-01-31'", text("SELECT {d'2024-01-31'}"));
  EXPECT_EQ("x = TIMESTAMP'2024-01-31 10:11:12.123'", text("x = {ts '2024-01-31 10:11:12.123'}"));
  EXPECT_EQ("x = TIMESTAMP'2024-01-31 10:11:12'", text("x = {TS '2024-01-31 10:11:12'}"));
  // No TIME type in Databricks SQL: the server says so.
  EXPECT_EQ("SELECT TIME'10:11:12'", text("SELECT {t '10:11:12'}"));
  EXPECT_EQ("SELECT '6F9619FF-8B86-D011-B42D-00C04FC964FF'",
            text("SELECT {guid '6F9619FF-8B86-D011-B42D-00C04FC964FF'}"));
  // A word next to the escape stays apart from it.
  EXPECT_EQ("SELECT DATE'2024-01-31'", text("SELECT{d '2024-01-31'}"));
}

TEST(Translate, LiteralEscapesRefuseMarkers) {
  const auto [state, message] = failure("SELECT {d ?}");
  EXPECT_EQ("42000", state);
  EXPECT_THAT(message, testing::HasSubstr("SQL_TYPE_DATE"));
  EXPECT_THAT(message, testing::HasSubstr("offset 7"));
  EXPECT_EQ("42000", sqlstate("SELECT {ts ?}"));
  EXPECT_EQ("42000", sqlstate("SELECT {d 2024-01-31}"));
  EXPECT_EQ("42000", sqlstate("SELECT {d}"));
  EXPECT_EQ("42000", sqlstate("SELECT {d '2024-01-31' x}"));
  EXPECT_EQ("42000", sqlstate("SELECT {d '2024-01-31"));
  EXPECT_EQ("42000", sqlstate("SELECT {d '2024-01-31'"));
}

TEST(Translate, IntervalOuterJoinEscapeAndCall) {
  EXPECT_EQ("SELECT INTERVAL '1-2' YEAR TO MONTH", text("SELECT {INTERVAL '1-2' YEAR TO MONTH}"));
  EXPECT_EQ("SELECT INTERVAL -'3' DAY", text("SELECT {interval -'3' DAY}"));
  EXPECT_EQ("SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x WHERE 1 = 1",
            text("SELECT * FROM {oj a LEFT OUTER JOIN b ON a.x = b.x} WHERE 1 = 1"));
  EXPECT_EQ("SELECT * FROM a LEFT JOIN b ON a.x = b.x WHERE c",
            text("SELECT * FROM {oj a LEFT JOIN b ON a.x = b.x}WHERE c"));
  // ODBC's {escape '\'} is an unclosed literal in Databricks SQL, where it is '\\'.
  EXPECT_EQ("WHERE a LIKE 'x\\_%' ESCAPE '\\\\' AND b = ?",
            text("WHERE a LIKE 'x\\_%' {escape '\\'} AND b = ?"));
  EXPECT_EQ(1u, translate("WHERE a LIKE 'x\\_%' {escape '\\'} AND b = ?").markers.size());
  EXPECT_EQ("WHERE a LIKE 'x!_%' ESCAPE '!'", text("WHERE a LIKE 'x!_%' {ESCAPE '!'}"));
  EXPECT_EQ("WHERE a LIKE 'x\\_%' ESCAPE '\\\\'", text("WHERE a LIKE 'x\\_%' {escape '\\\\'}"));
  EXPECT_EQ("CALL p(1, ?)", text("{call p(1, ?)}"));
  EXPECT_EQ("CALL cat.sch.p()", text("{ CALL cat.sch.p }"));
  EXPECT_EQ("42000", sqlstate("{call }"));
  EXPECT_EQ("42000", sqlstate("{oj }"));
}

TEST(Translate, ProcedureReturnValuesAreNotSupported) {
  for (const char* sql : {"{? = call f(?)}", "{?=call f}", "{ ? = CALL f(1) }"}) {
    const auto [state, message] = failure(sql);
    EXPECT_EQ("HYC00", state) << sql;
    EXPECT_THAT(message, testing::HasSubstr("SELECT f(...)")) << sql;
  }
  EXPECT_EQ("42000", sqlstate("{? call f}"));
}

TEST(Translate, MalformedEscapes) {
  for (const char* sql :
       {"SELECT {", "SELECT { ", "SELECT {fn", "SELECT {fn UCASE(x)", "SELECT {fn UCASE(x}",
        "SELECT {fn}", "SELECT {fn (x)}", "SELECT {fn UCASE(x) y}", "SELECT {xyz 1}", "SELECT {}",
        "SELECT {oj a LEFT JOIN b", "SELECT {'x'}"}) {
    const auto [state, message] = failure(sql);
    EXPECT_EQ("42000", state) << sql;
    EXPECT_THAT(message, testing::HasSubstr("ODBC escape sequence at offset 7")) << sql;
  }
  EXPECT_THAT(failure("SELECT {fn}").second, testing::HasSubstr("needs a function name"));
  EXPECT_THAT(failure("SELECT {fn UCASE(x)").second, testing::HasSubstr("expected '}'"));
  EXPECT_THAT(failure("SELECT {fn UCASE(x}").second, testing::HasSubstr("no closing ')'"));
}

TEST(Translate, ErrorSnippetsAreShortAndWholeCharacters) {
  // The 40th and 41st bytes are one character: the snippet stops before it.
  const std::string sql = "{fn UCASE(" + std::string(29, 'a') + "\xC3\xA9" + std::string(100, 'b');
  const std::string message = failure(sql).second;
  EXPECT_THAT(message, testing::HasSubstr("(" + std::string(29, 'a') + "...)"));
  EXPECT_EQ(std::string::npos, message.find("bbb"));
}

TEST(Translate, EscapesInsideLiteralsAndCommentsAreLeftAlone) {
  const std::string sql =
      "SELECT '{fn UCASE(x)}', \"{d '2024-01-01'}\", `{oj}` -- {fn\n /* {d ? */ $${call}$$";
  EXPECT_EQ(sql, text(sql));
  EXPECT_EQ("SELECT upper('{fn x}')", text("SELECT {fn UCASE('{fn x}')}"));
  EXPECT_EQ("SELECT upper(x /* } ) , */)", text("SELECT {fn UCASE(x /* } ) , */)}"));
}

TEST(Translate, LineCommentInsideAnEscapeKeepsItsNewline) {
  EXPECT_EQ("SELECT upper(x -- c\n) FROM t", text("SELECT {fn UCASE(x -- c\n )} FROM t"));
  EXPECT_EQ("SELECT * FROM a JOIN b ON x -- c\n WHERE 1",
            text("SELECT * FROM {oj a JOIN b ON x -- c\n} WHERE 1"));
}

TEST(Translate, NoScanLeavesEscapesButFindsMarkers) {
  const std::string sql = "SELECT {fn UCASE(?)}, {d '2024-01-01'}, '?', {";
  const Translation t = translate(sql, {.escapes = false});
  EXPECT_EQ(sql, t.text);
  EXPECT_EQ(std::vector<size_t>({17}), t.markers);
  EXPECT_EQ(1u, t.parameter_count);
}

TEST(Translate, DoubleQuotesStayStringsByDefault) {
  const std::string sql = "SELECT \"_\".\"c\" FROM t WHERE x = \"a?\"";
  EXPECT_EQ(sql, text(sql));
}

TEST(Translate, AnsiQuotedIdentifiersBecomeBackticks) {
  const TranslateOptions ansi{.ansi_quoted_identifiers = true};
  const Translation t = translate(
      "select \"_\".\"c\" from (select 1 as \"c\") as \"_\" where \"_\".\"c\" = ?", ansi);
  EXPECT_EQ("select `_`.`c` from (select 1 as `c`) as `_` where `_`.`c` = ?", t.text);
  ASSERT_EQ(1u, t.markers.size());
  EXPECT_EQ('?', t.text[t.markers[0]]);
  // A doubled quote inside is one quote; a backtick inside is doubled; a question mark
  // inside is part of the name.
  EXPECT_EQ("SELECT `a\"b``c?`", translate("SELECT \"a\"\"b`c?\"", ansi).text);
  EXPECT_EQ(0u, translate("SELECT \"a?\"", ansi).parameter_count);
  // Single-quoted strings, r"..." raw literals, backticks and comments are left alone.
  const std::string kept = "SELECT 'x\"y', r\"raw\", `b\"`, 1 -- \"c\"\n";
  EXPECT_EQ(kept, translate(kept, ansi).text);
  // Inside escapes too, and with escapes off.
  EXPECT_EQ("SELECT upper(`c`)", translate("SELECT {fn UCASE(\"c\")}", ansi).text);
  EXPECT_EQ("SELECT {fn UCASE(`c`)}",
            translate("SELECT {fn UCASE(\"c\")}", {.escapes = false, .ansi_quoted_identifiers = true})
                .text);
  // An identifier the text leaves open is sent as written, for the server to report.
  EXPECT_EQ("SELECT \"abc", translate("SELECT \"abc", ansi).text);
}

TEST(Translate, BracesOutsideEscapesAndMarkersInsideThem) {
  EXPECT_EQ("SELECT 1 }", text("SELECT 1 }"));
  const Translation t = translate(
      "SELECT * FROM {oj a LEFT JOIN b ON a.x = ? AND b.y = {fn UCASE(?)}} WHERE c = ?");
  EXPECT_EQ("SELECT * FROM a LEFT JOIN b ON a.x = ? AND b.y = upper(?) WHERE c = ?", t.text);
  EXPECT_EQ(3u, t.markers.size());
  for (size_t m : t.markers) EXPECT_EQ('?', t.text[m]);
  EXPECT_EQ("f(a[1, 2], b)", text("{fn f(a[1, 2], b)}"));
  EXPECT_EQ("concat(a[1], b)", text("{fn CONCAT(a[1], b)}"));
}

TEST(Translate, VariableReferencesAreNotEscapes) {
  EXPECT_EQ("SELECT ${x}, ${a.b}", text("SELECT ${x}, ${a.b}"));
}

TEST(Translate, NestingDepthIsBounded) {
  std::string deep;
  for (int i = 0; i < 60; ++i) deep += "{fn UCASE(";
  deep += "x";
  for (int i = 0; i < 60; ++i) deep += ")}";
  EXPECT_NO_THROW(translate(deep));
  std::string deeper;
  for (int i = 0; i < 100; ++i) deeper += "{fn UCASE(";
  deeper += "x";
  for (int i = 0; i < 100; ++i) deeper += ")}";
  EXPECT_EQ("42000", sqlstate(deeper));
}

TEST(Translate, LargeStatementWithManyMarkers) {
  // Linear work: 50,000 markers in a 1 MB statement (no timing assertion, see DESIGN.md).
  std::string sql = "INSERT INTO t VALUES (";
  for (int i = 0; i < 50000; ++i) sql += i == 0 ? "?" : ", {fn UCASE(?)}";
  sql += ")";
  sql += std::string(1024 * 1024 - sql.size(), ' ');
  const Translation t = translate(sql);
  ASSERT_EQ(50000u, t.markers.size());
  EXPECT_EQ(49999u, t.marker_parameters.back());
  const std::string bound = bind_markers(t, [](size_t i) { return ":p" + std::to_string(i + 1); });
  EXPECT_NE(std::string::npos, bound.find("upper(:p50000))"));
}

TEST(BindMarkers, ReplacesEachMarkerByItsParameter) {
  const Translation t = translate("SELECT ?, '?', {fn INSERT(?, ?, ?, ?)} WHERE x = ?");
  EXPECT_EQ(6u, t.parameter_count);
  EXPECT_EQ(std::vector<size_t>({0, 1, 4, 2, 3, 5}), t.marker_parameters);
  EXPECT_EQ("SELECT :p1, '?', overlay(:p2 PLACING :p5 FROM :p3 FOR :p4) WHERE x = :p6",
            bind_markers(t, [](size_t i) { return ":p" + std::to_string(i + 1); }));
  EXPECT_EQ("SELECT 1", bind_markers(translate("SELECT 1"), [](size_t) { return "!"; }));
  EXPECT_EQ("unhex(:a)", bind_markers(translate("?"), [](size_t) { return "unhex(:a)"; }));
}

TEST(BindMarkers, RepeatedArgumentsRepeatTheirParameter) {
  const Translation t = translate("SELECT {fn TRUNCATE(?, 2)}");
  EXPECT_EQ(1u, t.parameter_count);
  EXPECT_EQ(std::vector<size_t>({0, 0, 0}), t.marker_parameters);
  EXPECT_EQ("SELECT (CASE WHEN (:p1) >= 0 THEN floor(:p1, 2) ELSE ceil(:p1, 2) END)",
            bind_markers(t, [](size_t i) { return ":p" + std::to_string(i + 1); }));
}

TEST(BindMarkers, AppendBoundTakesAPart) {
  const Translation t = translate("A ? B ? C ?");
  std::string out = "x";
  const std::string_view middle = std::string_view(t.text).substr(4, 3);  // "B ?"
  append_bound(out, t, middle, [](size_t i) { return "<" + std::to_string(i) + ">"; });
  EXPECT_EQ("xB <1>", out);
}

}  // namespace
}  // namespace dbsql::sql
