#include "sql/scalar_functions.h"

#include <sql.h>
#include <sqlext.h>

#include <cctype>

namespace dbsql::sql {
namespace {

using C = FunctionCategory;
using A = SpecialArgument;

// ODBC 3.8 appendix E → Spark SQL. Functions ODBC defines that are absent on purpose:
// DIFFERENCE (no Databricks equivalent), CURTIME / CURRENT_TIME (Databricks SQL has no TIME
// type). They are passed through like any unknown function and fail on the server.
constexpr ScalarFunction kFunctions[] = {
    // String functions.
    {"ASCII", C::kString, SQL_FN_STR_ASCII, 1, 1, "ascii($1)"},
    {"BIT_LENGTH", C::kString, SQL_FN_STR_BIT_LENGTH, 1, 1, "bit_length($1)"},
    {"CHAR", C::kString, SQL_FN_STR_CHAR, 1, 1, "chr($1)"},
    {"CHAR_LENGTH", C::kString, SQL_FN_STR_CHAR_LENGTH, 1, 1, "char_length($1)"},
    {"CHARACTER_LENGTH", C::kString, SQL_FN_STR_CHARACTER_LENGTH, 1, 1, "char_length($1)"},
    {"CONCAT", C::kString, SQL_FN_STR_CONCAT, 2, 2, "concat($1, $2)"},
    {"INSERT", C::kString, SQL_FN_STR_INSERT, 4, 4, "overlay($1 PLACING $4 FROM $2 FOR $3)"},
    {"LCASE", C::kString, SQL_FN_STR_LCASE, 1, 1, "lower($1)"},
    {"LEFT", C::kString, SQL_FN_STR_LEFT, 2, 2, "left($1, $2)"},
    // ODBC's LENGTH does not count trailing blanks.
    {"LENGTH", C::kString, SQL_FN_STR_LENGTH, 1, 1, "char_length(rtrim($1))"},
    // Both bits: the 2- and the 3-argument forms.
    {"LOCATE", C::kString, SQL_FN_STR_LOCATE | SQL_FN_STR_LOCATE_2, 2, 3, "locate($*)"},
    {"LTRIM", C::kString, SQL_FN_STR_LTRIM, 1, 1, "ltrim($1)"},
    {"OCTET_LENGTH", C::kString, SQL_FN_STR_OCTET_LENGTH, 1, 1, "octet_length($1)"},
    // One argument: "a IN b" has no top-level comma.
    {"POSITION", C::kString, SQL_FN_STR_POSITION, 1, 1, "position($1)"},
    {"REPEAT", C::kString, SQL_FN_STR_REPEAT, 2, 2, "repeat($1, $2)"},
    {"REPLACE", C::kString, SQL_FN_STR_REPLACE, 3, 3, "replace($1, $2, $3)"},
    {"RIGHT", C::kString, SQL_FN_STR_RIGHT, 2, 2, "right($1, $2)"},
    {"RTRIM", C::kString, SQL_FN_STR_RTRIM, 1, 1, "rtrim($1)"},
    {"SOUNDEX", C::kString, SQL_FN_STR_SOUNDEX, 1, 1, "soundex($1)"},
    {"SPACE", C::kString, SQL_FN_STR_SPACE, 1, 1, "space($1)"},
    {"SUBSTRING", C::kString, SQL_FN_STR_SUBSTRING, 2, 3, "substring($*)"},
    {"UCASE", C::kString, SQL_FN_STR_UCASE, 1, 1, "upper($1)"},

    // Numeric functions.
    {"ABS", C::kNumeric, SQL_FN_NUM_ABS, 1, 1, "abs($1)"},
    {"ACOS", C::kNumeric, SQL_FN_NUM_ACOS, 1, 1, "acos($1)"},
    {"ASIN", C::kNumeric, SQL_FN_NUM_ASIN, 1, 1, "asin($1)"},
    {"ATAN", C::kNumeric, SQL_FN_NUM_ATAN, 1, 1, "atan($1)"},
    // Arguments kept in order, as other drivers do: applications write ATAN2(y, x).
    {"ATAN2", C::kNumeric, SQL_FN_NUM_ATAN2, 2, 2, "atan2($1, $2)"},
    {"CEILING", C::kNumeric, SQL_FN_NUM_CEILING, 1, 1, "ceiling($1)"},
    {"COS", C::kNumeric, SQL_FN_NUM_COS, 1, 1, "cos($1)"},
    {"COT", C::kNumeric, SQL_FN_NUM_COT, 1, 1, "cot($1)"},
    {"DEGREES", C::kNumeric, SQL_FN_NUM_DEGREES, 1, 1, "degrees($1)"},
    {"EXP", C::kNumeric, SQL_FN_NUM_EXP, 1, 1, "exp($1)"},
    {"FLOOR", C::kNumeric, SQL_FN_NUM_FLOOR, 1, 1, "floor($1)"},
    {"LOG", C::kNumeric, SQL_FN_NUM_LOG, 1, 1, "ln($1)"},
    {"LOG10", C::kNumeric, SQL_FN_NUM_LOG10, 1, 1, "log10($1)"},
    {"MOD", C::kNumeric, SQL_FN_NUM_MOD, 2, 2, "mod($1, $2)"},
    {"PI", C::kNumeric, SQL_FN_NUM_PI, 0, 0, "pi()"},
    {"POWER", C::kNumeric, SQL_FN_NUM_POWER, 2, 2, "power($1, $2)"},
    {"RADIANS", C::kNumeric, SQL_FN_NUM_RADIANS, 1, 1, "radians($1)"},
    {"RAND", C::kNumeric, SQL_FN_NUM_RAND, 0, 1, "rand($*)"},
    {"ROUND", C::kNumeric, SQL_FN_NUM_ROUND, 1, 2, "round($*)"},
    {"SIGN", C::kNumeric, SQL_FN_NUM_SIGN, 1, 1, "sign($1)"},
    {"SIN", C::kNumeric, SQL_FN_NUM_SIN, 1, 1, "sin($1)"},
    {"SQRT", C::kNumeric, SQL_FN_NUM_SQRT, 1, 1, "sqrt($1)"},
    {"TAN", C::kNumeric, SQL_FN_NUM_TAN, 1, 1, "tan($1)"},
    // Databricks has no truncating round: toward zero is floor above 0, ceil below.
    {"TRUNCATE", C::kNumeric, SQL_FN_NUM_TRUNCATE, 2, 2,
     "(CASE WHEN ($1) >= 0 THEN floor($1, $2) ELSE ceil($1, $2) END)"},

    // Time and date functions.
    {"CURDATE", C::kTimeDate, SQL_FN_TD_CURDATE, 0, 0, "current_date()"},
    {"CURRENT_DATE", C::kTimeDate, SQL_FN_TD_CURRENT_DATE, 0, 0, "current_date()"},
    // The precision argument is dropped: Databricks timestamps always have microseconds.
    {"CURRENT_TIMESTAMP", C::kTimeDate, SQL_FN_TD_CURRENT_TIMESTAMP, 0, 1, "current_timestamp()"},
    {"DAYNAME", C::kTimeDate, SQL_FN_TD_DAYNAME, 1, 1, "date_format($1, 'EEEE')"},
    {"DAYOFMONTH", C::kTimeDate, SQL_FN_TD_DAYOFMONTH, 1, 1, "dayofmonth($1)"},
    // 1 = Sunday in both.
    {"DAYOFWEEK", C::kTimeDate, SQL_FN_TD_DAYOFWEEK, 1, 1, "dayofweek($1)"},
    {"DAYOFYEAR", C::kTimeDate, SQL_FN_TD_DAYOFYEAR, 1, 1, "dayofyear($1)"},
    // One argument: "field FROM x" has no top-level comma.
    {"EXTRACT", C::kTimeDate, SQL_FN_TD_EXTRACT, 1, 1, "extract($1)"},
    {"HOUR", C::kTimeDate, SQL_FN_TD_HOUR, 1, 1, "hour($1)"},
    {"MINUTE", C::kTimeDate, SQL_FN_TD_MINUTE, 1, 1, "minute($1)"},
    {"MONTH", C::kTimeDate, SQL_FN_TD_MONTH, 1, 1, "month($1)"},
    {"MONTHNAME", C::kTimeDate, SQL_FN_TD_MONTHNAME, 1, 1, "date_format($1, 'MMMM')"},
    {"NOW", C::kTimeDate, SQL_FN_TD_NOW, 0, 0, "current_timestamp()"},
    {"QUARTER", C::kTimeDate, SQL_FN_TD_QUARTER, 1, 1, "quarter($1)"},
    {"SECOND", C::kTimeDate, SQL_FN_TD_SECOND, 1, 1, "second($1)"},
    {"TIMESTAMPADD", C::kTimeDate, SQL_FN_TD_TIMESTAMPADD, 3, 3, "timestampadd($1, $2, $3)",
     A::kInterval},
    // Both count how far the third argument is past the second.
    {"TIMESTAMPDIFF", C::kTimeDate, SQL_FN_TD_TIMESTAMPDIFF, 3, 3, "timestampdiff($1, $2, $3)",
     A::kInterval},
    {"WEEK", C::kTimeDate, SQL_FN_TD_WEEK, 1, 1, "weekofyear($1)"},
    {"YEAR", C::kTimeDate, SQL_FN_TD_YEAR, 1, 1, "year($1)"},

    // System functions.
    {"DATABASE", C::kSystem, SQL_FN_SYS_DBNAME, 0, 0, "current_catalog()"},
    {"IFNULL", C::kSystem, SQL_FN_SYS_IFNULL, 2, 2, "coalesce($1, $2)"},
    {"USER", C::kSystem, SQL_FN_SYS_USERNAME, 0, 0, "current_user()"},

    // Explicit conversion.
    {"CONVERT", C::kConvert, SQL_FN_CVT_CONVERT, 2, 2, "CAST($1 AS $2)", A::kSqlType},
};

// CONVERT(x, SQL_<odbc>) → CAST(x AS <databricks>). ODBC's DECIMAL and NUMERIC carry no
// precision; Databricks' bare DECIMAL is DECIMAL(10,0), which would drop every fraction, so
// the widest type that keeps 18 decimals (and 20 integer digits) is used.
constexpr ConvertTarget kConvertTargets[] = {
    {"BIGINT", "BIGINT", SQL_CVT_BIGINT},
    {"BINARY", "BINARY", SQL_CVT_BINARY},
    {"BIT", "BOOLEAN", SQL_CVT_BIT},
    {"CHAR", "STRING", SQL_CVT_CHAR},
    {"DATE", "DATE", SQL_CVT_DATE},
    {"TYPE_DATE", "DATE", SQL_CVT_DATE},
    {"DECIMAL", "DECIMAL(38,18)", SQL_CVT_DECIMAL},
    {"DOUBLE", "DOUBLE", SQL_CVT_DOUBLE},
    {"FLOAT", "DOUBLE", SQL_CVT_FLOAT},  // ODBC FLOAT is double precision
    {"INTEGER", "INT", SQL_CVT_INTEGER},
    {"LONGVARBINARY", "BINARY", SQL_CVT_LONGVARBINARY},
    {"LONGVARCHAR", "STRING", SQL_CVT_LONGVARCHAR},
    {"NUMERIC", "DECIMAL(38,18)", SQL_CVT_NUMERIC},
    {"REAL", "FLOAT", SQL_CVT_REAL},
    {"SMALLINT", "SMALLINT", SQL_CVT_SMALLINT},
    {"TIMESTAMP", "TIMESTAMP", SQL_CVT_TIMESTAMP},
    {"TYPE_TIMESTAMP", "TIMESTAMP", SQL_CVT_TIMESTAMP},
    {"TINYINT", "TINYINT", SQL_CVT_TINYINT},
    {"VARBINARY", "BINARY", SQL_CVT_VARBINARY},
    {"VARCHAR", "STRING", SQL_CVT_VARCHAR},
    {"WCHAR", "STRING", SQL_CVT_WCHAR},
    {"WLONGVARCHAR", "STRING", SQL_CVT_WLONGVARCHAR},
    {"WVARCHAR", "STRING", SQL_CVT_WVARCHAR},
    {"INTERVAL_YEAR", "INTERVAL YEAR", SQL_CVT_INTERVAL_YEAR_MONTH},
    {"INTERVAL_MONTH", "INTERVAL MONTH", SQL_CVT_INTERVAL_YEAR_MONTH},
    {"INTERVAL_YEAR_TO_MONTH", "INTERVAL YEAR TO MONTH", SQL_CVT_INTERVAL_YEAR_MONTH},
    {"INTERVAL_DAY", "INTERVAL DAY", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_HOUR", "INTERVAL HOUR", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_MINUTE", "INTERVAL MINUTE", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_SECOND", "INTERVAL SECOND", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_DAY_TO_HOUR", "INTERVAL DAY TO HOUR", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_DAY_TO_MINUTE", "INTERVAL DAY TO MINUTE", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_DAY_TO_SECOND", "INTERVAL DAY TO SECOND", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_HOUR_TO_MINUTE", "INTERVAL HOUR TO MINUTE", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_HOUR_TO_SECOND", "INTERVAL HOUR TO SECOND", SQL_CVT_INTERVAL_DAY_TIME},
    {"INTERVAL_MINUTE_TO_SECOND", "INTERVAL MINUTE TO SECOND", SQL_CVT_INTERVAL_DAY_TIME},
    // Not advertised (no SQL_CVT_TIME / SQL_CVT_GUID in any SQL_CONVERT_* mask): TIME goes
    // to the server as written, like {t '...'}, which answers with its own error where it
    // has no TIME type; a GUID is a string in Databricks SQL, as uuid() returns.
    {"TIME", "TIME", SQL_CVT_TIME},
    {"TYPE_TIME", "TIME", SQL_CVT_TIME},
    {"GUID", "STRING", SQL_CVT_GUID},
};

constexpr IntervalUnit kIntervalUnits[] = {
    {"SECOND", "SECOND", SQL_FN_TSI_SECOND},    {"MINUTE", "MINUTE", SQL_FN_TSI_MINUTE},
    {"HOUR", "HOUR", SQL_FN_TSI_HOUR},          {"DAY", "DAY", SQL_FN_TSI_DAY},
    {"WEEK", "WEEK", SQL_FN_TSI_WEEK},          {"MONTH", "MONTH", SQL_FN_TSI_MONTH},
    {"QUARTER", "QUARTER", SQL_FN_TSI_QUARTER}, {"YEAR", "YEAR", SQL_FN_TSI_YEAR},
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool strip_prefix(std::string_view& s, std::string_view prefix) {
  if (s.size() < prefix.size() || !iequals(s.substr(0, prefix.size()), prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

}  // namespace

std::span<const ScalarFunction> scalar_functions() {
  return kFunctions;
}

const ScalarFunction* find_scalar_function(std::string_view name) {
  for (const ScalarFunction& f : kFunctions) {
    if (iequals(f.name, name)) return &f;
  }
  return nullptr;
}

std::span<const ConvertTarget> convert_targets() {
  return kConvertTargets;
}

const ConvertTarget* find_convert_target(std::string_view keyword) {
  strip_prefix(keyword, "SQL_");
  for (const ConvertTarget& t : kConvertTargets) {
    if (iequals(t.odbc, keyword)) return &t;
  }
  return nullptr;
}

std::span<const IntervalUnit> interval_units() {
  return kIntervalUnits;
}

const IntervalUnit* find_interval_unit(std::string_view keyword) {
  if (!strip_prefix(keyword, "SQL_TSI_")) return nullptr;
  for (const IntervalUnit& u : kIntervalUnits) {
    if (iequals(u.odbc, keyword)) return &u;
  }
  return nullptr;
}

}  // namespace dbsql::sql
