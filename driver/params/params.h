#pragma once
// One bound parameter value (APD/IPD record, already resolved by the ODBC layer) → one
// named parameter of the Statement Execution API: a Databricks type name and the value
// as text. The rules are ODBC's "Converting Data from C to SQL Data Types" tables; where
// this driver departs from them, or the tables are silent, params.h says so below.
// What is not verified against a live workspace is listed in params/wire_assumptions.h.
#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>

namespace dbsql::params {

// Where ODBC leaves the choice to the driver, or this driver departs from it:
// - ColumnSize 0 means "not declared": no length check, and DECIMAL / NUMERIC take the
//   smallest DECIMAL(p,s) that holds the value exactly (a NULL: DECIMAL(38, digits)).
// - Lengths checked against a nonzero ColumnSize count characters (code points) for the
//   character types, as Databricks CHAR(n) / VARCHAR(n) do, and bytes for binary.
// - SQL_C_NUMERIC: the struct's own scale gives the value (it may be negative); its
//   precision field is ignored; the target DECIMAL(p,s) is ColumnSize / DecimalDigits.
// - DecimalDigits 0 for TIME / TIMESTAMP / day-time intervals keeps every fraction digit
//   given; 1..9 is a declared precision and nonzero digits past it are an error.
// - SQL_C_BINARY into a character type is UTF-8 text; into a numeric, date/time or GUID
//   type it is that type's C representation (SQL_NUMERIC_STRUCT, SQL_DATE_STRUCT, ...).
// - SQL_C_FLOAT keeps its own shortest digits in a DOUBLE (0.1f is sent as 0.1).
// - Character data for DATE / TIME / TIMESTAMP: yyyy-mm-dd, hh:mm:ss[.f], both with ' '
//   or 'T' between, or the ODBC escapes {d '...'} {t '...'} {ts '...'}; no zone offsets.
struct ParamType {
  SQLSMALLINT c_type;  // SQL_C_*; SQL_C_DEFAULT means default_c_type(sql_type)
  SQLSMALLINT sql_type;
  SQLULEN column_size;  // 0 = not declared (no length check; DECIMAL derived from the value)
  SQLSMALLINT decimal_digits;
};

// At SQLBindParameter / SQLSetDescField time. Throws dbsql::Error:
//   HY105  input_output_type is not SQL_PARAM_INPUT
//   HY003  c_type is not a C type this driver reads
//   HY004  sql_type is not an SQL type this driver sends
//   07006  ODBC does not convert c_type to sql_type
//   HY104  DECIMAL precision > 38, a negative scale or scale > precision; fractional
//          seconds digits of TIME / TIMESTAMP / interval types outside 0..9
void validate_binding(const ParamType& type, SQLSMALLINT input_output_type);

// The C type SQL_C_DEFAULT stands for (ODBC appendix D, "Default C Data Types");
// 0 for an SQL type this driver does not send.
SQLSMALLINT default_c_type(SQLSMALLINT sql_type);

struct WireValue {
  std::string type;                  // e.g. "DECIMAL(38,10)"
  std::optional<std::string> value;  // nullopt = SQL NULL (the item is sent without `value`)
  bool hex_binary = false;           // value is hex; the marker must be written unhex(:name)
  // Nonzero digits below the target's scale were dropped from a numeric (not character)
  // C value, e.g. 2.75 as SQL_C_DOUBLE into SQL_INTEGER sends 2. ODBC allows the driver to
  // report this as 01S07 (SQL_SUCCESS_WITH_INFO); the caller decides.
  bool fraction_truncated = false;
};

// Renders one value. `octet_length` is a byte length, SQL_NTS or SQL_NULL_DATA (it is
// ignored for the fixed-size C types, as ODBC says). Runs the validate_binding type checks
// again (not HY105), then throws dbsql::Error:
//   HY009  data is null for a value that is not NULL
//   HY090  a negative length other than SQL_NTS / SQL_NULL_DATA, SQL_NTS for
//          SQL_C_BINARY, an odd byte length for SQL_C_WCHAR
//   22001  text or binary longer than a nonzero column size; character data with
//          nonzero digits below a numeric target's scale (ODBC's rule for character C data)
//   22003  a number outside the target type's range, or whole digits that do not fit
//          DECIMAL(p,s); NaN / Infinity into an exact type; SQL_C_BINARY whose length is
//          not the size of the target type's C representation
//   22007  character data that is not a date / time / timestamp (ODBC lists 22018 here;
//          22007 "invalid datetime format" says what is wrong)
//   22008  date / time fields out of range (month 13, Feb 30, hour 24, year 0 or 10000,
//          fraction >= 10^9); a time part into DATE or fractional seconds beyond the
//          declared decimal digits
//   22015  interval fields out of range, or a conversion that would drop interval fields
//   22018  character data that is not a number / boolean / GUID / hex string / interval;
//          text that is not valid UTF-8 (SQL_C_CHAR) or UTF-16 (SQL_C_WCHAR)
WireValue render(const ParamType& type, const void* data, SQLLEN octet_length);

}  // namespace dbsql::params
