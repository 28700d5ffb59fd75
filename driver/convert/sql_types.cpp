// The Databricks type → ODBC description table (sizes per ODBC appendix D).
#include "convert/sql_types.h"

#include <algorithm>

#include "convert/interval_text.h"

namespace dbsql::convert {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The leading word of a type_text: "DECIMAL(10,2)" → "DECIMAL", "ARRAY<INT>" → "ARRAY".
std::string_view leading_word(std::string_view text) {
  text = trim(text);
  size_t end = 0;
  while (end < text.size() && text[end] != '(' && text[end] != '<' && text[end] != ' ') ++end;
  return text.substr(0, end);
}

// type_interval_type, or the qualifier after "INTERVAL " in type_text.
std::string_view interval_qualifier(std::string_view type_text, std::string_view interval_type) {
  if (!trim(interval_type).empty()) return interval_type;
  const std::string_view text = trim(type_text);
  return text.size() > 8 ? text.substr(8) : std::string_view{};
}

// Integers in "(a)" or "(a,b)" after the name; false when absent or malformed.
bool type_parameters(std::string_view text, int* a, int* b) {
  const size_t open = text.find('(');
  const size_t close = text.find(')', open);
  if (open == std::string_view::npos || close == std::string_view::npos) return false;
  int values[2] = {-1, -1};
  int count = 0;
  int current = -1;
  for (size_t i = open + 1; i < close; ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      current = (current < 0 ? 0 : current) * 10 + (c - '0');
      if (current > 100000) return false;
    } else if (c == ',' && count == 0 && current >= 0) {
      values[count++] = current;
      current = -1;
    } else if (c != ' ') {
      return false;
    }
  }
  if (current < 0) return false;
  values[count++] = current;
  *a = values[0];
  *b = count == 2 ? values[1] : 0;
  return true;
}

void set_exact(SqlTypeInfo& t, SQLSMALLINT sql_type, SQLULEN digits, SQLLEN octets,
               SQLSMALLINT c_type) {
  t.sql_type = t.verbose_type = sql_type;
  t.column_size = digits;
  t.precision = static_cast<SQLSMALLINT>(digits);
  t.display_size = static_cast<SQLLEN>(digits) + 1;  // the sign
  t.octet_length = octets;
  t.num_prec_radix = 10;
  t.default_c_type = c_type;
}

void set_approximate(SqlTypeInfo& t, SQLSMALLINT sql_type, SQLULEN bits, SQLLEN display,
                     SQLLEN octets, SQLSMALLINT c_type) {
  t.sql_type = t.verbose_type = sql_type;
  t.column_size = bits;  // with radix 2, column size counts mantissa bits
  t.precision = static_cast<SQLSMALLINT>(bits);
  t.display_size = display;
  t.octet_length = octets;
  t.num_prec_radix = 2;
  t.default_c_type = c_type;
}

void set_character(SqlTypeInfo& t, bool fixed, SQLULEN length, const DescribeOptions& o) {
  const bool w = o.unicode_strings;
  t.sql_type = t.verbose_type =
      fixed ? (w ? SQL_WCHAR : SQL_CHAR) : (w ? SQL_WVARCHAR : SQL_VARCHAR);
  t.column_size = length;
  t.display_size = static_cast<SQLLEN>(length);
  // Bytes of the longest value: UTF-16 units, or up to 4 UTF-8 bytes per character.
  const SQLULEN per_char = w ? sizeof(SQLWCHAR) : 4;
  t.octet_length = static_cast<SQLLEN>(std::min<SQLULEN>(length * per_char, 0x7FFFFFFF));
  t.case_sensitive = true;
  t.default_c_type = w ? SQL_C_WCHAR : SQL_C_CHAR;
}

void set_datetime(SqlTypeInfo& t, SQLSMALLINT sql_type, SQLSMALLINT code, SQLULEN size,
                  SQLSMALLINT digits, SQLLEN octets, SQLSMALLINT c_type) {
  t.sql_type = sql_type;
  t.verbose_type = SQL_DATETIME;
  t.datetime_subcode = code;
  t.column_size = size;
  t.decimal_digits = digits;
  t.precision = digits;
  t.display_size = static_cast<SQLLEN>(size);
  t.octet_length = octets;
  t.default_c_type = c_type;
}

// Digits of the largest value of each leading field in Databricks.
SQLINTEGER leading_precision(int code) {
  switch (code) {
    case SQL_CODE_YEAR:
    case SQL_CODE_YEAR_TO_MONTH:
      return 9;  // 178956970 years
    case SQL_CODE_MONTH:
      return 10;  // 2147483647 months
    case SQL_CODE_DAY:
    case SQL_CODE_DAY_TO_HOUR:
    case SQL_CODE_DAY_TO_MINUTE:
    case SQL_CODE_DAY_TO_SECOND:
      return 9;  // 106751991 days
    case SQL_CODE_HOUR:
    case SQL_CODE_HOUR_TO_MINUTE:
    case SQL_CODE_HOUR_TO_SECOND:
      return 10;  // 2562047788 hours
    case SQL_CODE_MINUTE:
    case SQL_CODE_MINUTE_TO_SECOND:
      return 12;  // 153722867280 minutes
    default:
      return 13;  // SECOND: 9223372036854 seconds
  }
}

bool set_interval(SqlTypeInfo& t, std::string_view qualifier, const DescribeOptions& o) {
  const int code = interval_code_from_qualifier(qualifier);
  if (code == 0) return false;
  const bool ym = is_year_month_code(code);
  const bool has_seconds = code == SQL_CODE_SECOND || code == SQL_CODE_DAY_TO_SECOND ||
                           code == SQL_CODE_HOUR_TO_SECOND || code == SQL_CODE_MINUTE_TO_SECOND;
  const SQLSMALLINT seconds = has_seconds ? kIntervalSecondsPrecision : 0;
  const SQLINTEGER leading = leading_precision(code);
  t.kind = ym ? ValueKind::kIntervalYearMonth : ValueKind::kIntervalDayTime;
  t.type_name = "INTERVAL " + std::string(interval_qualifier_name(code));
  t.sql_type = static_cast<SQLSMALLINT>(100 + code);  // SQL_INTERVAL_x = 100 + SQL_CODE_x
  t.verbose_type = SQL_INTERVAL;
  t.datetime_subcode = static_cast<SQLSMALLINT>(code);
  t.column_size = interval_column_size(static_cast<SQLSMALLINT>(code), leading, seconds);
  t.display_size = static_cast<SQLLEN>(t.column_size) + 1;  // the sign
  t.decimal_digits = seconds;
  t.precision = seconds;
  t.interval_precision = leading;
  t.octet_length = sizeof(SQL_INTERVAL_STRUCT);
  t.default_c_type = static_cast<SQLSMALLINT>(100 + code);  // SQL_C_INTERVAL_x
  t.literal_prefix = "INTERVAL '";
  t.literal_suffix = "' " + std::string(interval_qualifier_name(code));
  if (o.intervals_as_text) {
    // Still converted as an interval; only the description changes.
    const SQLULEN size = t.column_size + 1;
    set_character(t, false, size, o);
    t.case_sensitive = false;
    t.datetime_subcode = static_cast<SQLSMALLINT>(code);
    t.precision = 0;
    t.interval_precision = 0;
    t.decimal_digits = 0;  // a character column has no fractional digits to report
    t.scale = 0;
  }
  return true;
}

void set_decimal(SqlTypeInfo& t, std::string_view type_text, int precision, int scale) {
  int p = precision, s = scale;
  if (p <= 0) {
    // Databricks omits nothing in practice, but a bare DECIMAL means DECIMAL(10,0).
    if (!type_parameters(type_text, &p, &s)) {
      p = 10;
      s = 0;
    }
  }
  p = std::clamp(p, 1, 38);
  s = std::clamp(s < 0 ? 0 : s, 0, p);
  t.sql_type = t.verbose_type = SQL_DECIMAL;
  t.column_size = static_cast<SQLULEN>(p);
  t.decimal_digits = static_cast<SQLSMALLINT>(s);
  t.precision = static_cast<SQLSMALLINT>(p);
  t.scale = static_cast<SQLSMALLINT>(s);
  t.display_size = p + 2;  // sign and point
  t.octet_length = p + 2;
  t.num_prec_radix = 10;
  t.default_c_type = SQL_C_CHAR;
}

}  // namespace

SQLULEN interval_column_size(SQLSMALLINT code, SQLINTEGER leading, SQLSMALLINT seconds) {
  const SQLULEN p = static_cast<SQLULEN>(leading);
  const SQLULEN q = seconds > 0 ? static_cast<SQLULEN>(seconds) + 1 : 0;
  switch (code) {
    case SQL_CODE_SECOND:
      return p + q;
    case SQL_CODE_YEAR_TO_MONTH:
    case SQL_CODE_DAY_TO_HOUR:
    case SQL_CODE_HOUR_TO_MINUTE:
      return p + 3;
    case SQL_CODE_DAY_TO_MINUTE:
      return p + 6;
    case SQL_CODE_DAY_TO_SECOND:
      return p + 9 + q;
    case SQL_CODE_HOUR_TO_SECOND:
      return p + 6 + q;
    case SQL_CODE_MINUTE_TO_SECOND:
      return p + 3 + q;
    default:
      return p;  // YEAR, MONTH, DAY, HOUR, MINUTE
  }
}

SqlTypeInfo describe_type(std::string_view type_name, std::string_view type_text, int precision,
                          int scale, std::string_view interval_type,
                          const DescribeOptions& options) {
  SqlTypeInfo t;
  t.type_text = std::string(type_text);
  std::string name = upper(trim(type_name));
  if (name.empty()) name = upper(leading_word(type_text));
  t.type_name = name;
  const SQLULEN string_length =
      options.string_column_length > 0 ? options.string_column_length : kDefaultStringColumnLength;

  if (name == "BOOLEAN") {
    t.kind = ValueKind::kBoolean;
    t.sql_type = t.verbose_type = SQL_BIT;
    t.column_size = 1;
    t.precision = 1;
    t.display_size = 1;
    t.octet_length = 1;
    t.default_c_type = SQL_C_BIT;
  } else if (name == "BYTE" || name == "TINYINT") {
    t.kind = ValueKind::kTinyInt;
    t.type_name = "TINYINT";
    set_exact(t, SQL_TINYINT, 3, 1, SQL_C_STINYINT);
  } else if (name == "SHORT" || name == "SMALLINT") {
    t.kind = ValueKind::kSmallInt;
    t.type_name = "SMALLINT";
    set_exact(t, SQL_SMALLINT, 5, 2, SQL_C_SSHORT);
  } else if (name == "INT" || name == "INTEGER") {
    t.kind = ValueKind::kInt;
    t.type_name = "INT";
    set_exact(t, SQL_INTEGER, 10, 4, SQL_C_SLONG);
  } else if (name == "LONG" || name == "BIGINT") {
    t.kind = ValueKind::kBigInt;
    t.type_name = "BIGINT";
    set_exact(t, SQL_BIGINT, 19, 8, SQL_C_SBIGINT);
  } else if (name == "FLOAT" || name == "REAL") {
    t.kind = ValueKind::kFloat;
    t.type_name = "FLOAT";
    set_approximate(t, SQL_REAL, 24, 14, 4, SQL_C_FLOAT);
  } else if (name == "DOUBLE") {
    t.kind = ValueKind::kDouble;
    set_approximate(t, SQL_DOUBLE, 53, 24, 8, SQL_C_DOUBLE);
  } else if (name == "DECIMAL" || name == "DEC" || name == "NUMERIC") {
    t.kind = ValueKind::kDecimal;
    t.type_name = "DECIMAL";
    set_decimal(t, type_text, precision, scale);
  } else if (name == "BINARY") {
    t.kind = ValueKind::kBinary;
    t.sql_type = t.verbose_type = SQL_VARBINARY;
    t.column_size = string_length;
    t.display_size = static_cast<SQLLEN>(std::min<SQLULEN>(string_length * 2, 0x7FFFFFFF));
    t.octet_length = static_cast<SQLLEN>(string_length);
    t.default_c_type = SQL_C_BINARY;
    t.literal_prefix = "X'";
    t.literal_suffix = "'";
  } else if (name == "DATE") {
    t.kind = ValueKind::kDate;
    set_datetime(t, SQL_TYPE_DATE, SQL_CODE_DATE, 10, 0, sizeof(SQL_DATE_STRUCT), SQL_C_TYPE_DATE);
    t.literal_prefix = "DATE '";
    t.literal_suffix = "'";
  } else if (name == "TIMESTAMP" || name == "TIMESTAMP_LTZ" || name == "TIMESTAMP_NTZ") {
    // Microsecond precision: "yyyy-mm-dd hh:mm:ss.ffffff" is 26 characters.
    const bool ntz = name == "TIMESTAMP_NTZ";
    t.kind = ntz ? ValueKind::kTimestampNtz : ValueKind::kTimestamp;
    t.type_name = ntz ? "TIMESTAMP_NTZ" : "TIMESTAMP";
    set_datetime(t, SQL_TYPE_TIMESTAMP, SQL_CODE_TIMESTAMP, 26, 6, sizeof(SQL_TIMESTAMP_STRUCT),
                 SQL_C_TYPE_TIMESTAMP);
    t.literal_prefix = t.type_name + " '";
    t.literal_suffix = "'";
  } else if (name == "INTERVAL" &&
             set_interval(t, interval_qualifier(type_text, interval_type), options)) {
    // described by set_interval
  } else if (name == "ARRAY" || name == "MAP" || name == "STRUCT" || name == "VARIANT" ||
             name == "OBJECT") {
    t.kind = ValueKind::kJson;
    set_character(t, false, string_length, options);
    t.searchable = false;  // no LIKE or = on complex values
  } else if (name == "NULL" || name == "VOID") {
    t.kind = ValueKind::kNull;
    t.type_name = "VOID";
    set_character(t, false, 1, options);
  } else {
    // STRING, VARCHAR(n), CHAR(n), and names this driver does not know (e.g.
    // USER_DEFINED_TYPE, GEOGRAPHY): their text is the best rendering there is.
    t.kind = ValueKind::kString;
    int length = 0, unused = 0;
    const bool sized = (name == "CHAR" || name == "VARCHAR") &&
                       type_parameters(type_text, &length, &unused) && length > 0;
    set_character(t, sized && name == "CHAR", sized ? static_cast<SQLULEN>(length) : string_length,
                  options);
    t.literal_prefix = "'";
    t.literal_suffix = "'";
  }
  return t;
}

}  // namespace dbsql::convert
