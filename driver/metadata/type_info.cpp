#include "metadata/type_info.h"

#include <algorithm>
#include <optional>

#include "metadata/result.h"

namespace dbsql::metadata {
namespace {

struct TypeSpec {
  const char* name;
  const char* text;
  const char* create_params;
  int character;  // 0 = not a character type, 1 = described per the options, 2 = the other width
};

// Databricks' types, in the order rows of one DATA_TYPE are listed (closest match first:
// STRING before VARCHAR(n) and the complex types that are shown as text).
constexpr TypeSpec kTypes[] = {
    {"BOOLEAN", "BOOLEAN", nullptr, 0},
    {"TINYINT", "TINYINT", nullptr, 0},
    {"SMALLINT", "SMALLINT", nullptr, 0},
    {"INT", "INT", nullptr, 0},
    {"BIGINT", "BIGINT", nullptr, 0},
    {"FLOAT", "FLOAT", nullptr, 0},
    {"DOUBLE", "DOUBLE", nullptr, 0},
    {"DECIMAL", "DECIMAL(38,18)", "precision,scale", 0},
    {"STRING", "STRING", nullptr, 1},
    {"VARCHAR", "VARCHAR", "length", 1},
    {"CHAR", "CHAR(255)", "length", 1},  // CHAR(n) holds at most 255 characters
    {"BINARY", "BINARY", nullptr, 0},
    {"DATE", "DATE", nullptr, 0},
    {"TIMESTAMP", "TIMESTAMP", nullptr, 0},
    {"TIMESTAMP_NTZ", "TIMESTAMP_NTZ", nullptr, 0},
    {"INTERVAL", "INTERVAL YEAR", nullptr, 0},
    {"INTERVAL", "INTERVAL YEAR TO MONTH", nullptr, 0},
    {"INTERVAL", "INTERVAL MONTH", nullptr, 0},
    {"INTERVAL", "INTERVAL DAY", nullptr, 0},
    {"INTERVAL", "INTERVAL DAY TO HOUR", nullptr, 0},
    {"INTERVAL", "INTERVAL DAY TO MINUTE", nullptr, 0},
    {"INTERVAL", "INTERVAL DAY TO SECOND", nullptr, 0},
    {"INTERVAL", "INTERVAL HOUR", nullptr, 0},
    {"INTERVAL", "INTERVAL HOUR TO MINUTE", nullptr, 0},
    {"INTERVAL", "INTERVAL HOUR TO SECOND", nullptr, 0},
    {"INTERVAL", "INTERVAL MINUTE", nullptr, 0},
    {"INTERVAL", "INTERVAL MINUTE TO SECOND", nullptr, 0},
    {"INTERVAL", "INTERVAL SECOND", nullptr, 0},
    {"ARRAY", "ARRAY", nullptr, 0},
    {"MAP", "MAP", nullptr, 0},
    {"STRUCT", "STRUCT", nullptr, 0},
    {"VARIANT", "VARIANT", nullptr, 0},
};

TypeInfoRow make_row(const TypeSpec& spec, const convert::DescribeOptions& options) {
  TypeInfoRow row;
  row.type = convert::describe_type(spec.name, spec.text, -1, -1, "", options);
  row.create_params = spec.create_params;
  row.max_column_size = row.type.column_size;
  const convert::ValueKind k = row.type.kind;
  using convert::ValueKind;
  row.numeric = k == ValueKind::kTinyInt || k == ValueKind::kSmallInt || k == ValueKind::kInt ||
                k == ValueKind::kBigInt || k == ValueKind::kFloat || k == ValueKind::kDouble ||
                k == ValueKind::kDecimal;
  if (k == ValueKind::kDecimal) {
    row.max_column_size = 38;
    row.minimum_scale = 0;
    row.maximum_scale = 38;
  } else if (k == ValueKind::kTinyInt || k == ValueKind::kSmallInt || k == ValueKind::kInt ||
             k == ValueKind::kBigInt) {
    row.minimum_scale = row.maximum_scale = 0;
  } else if (k == ValueKind::kTimestamp || k == ValueKind::kTimestampNtz) {
    row.minimum_scale = row.maximum_scale = row.type.decimal_digits;
  }
  if (k == ValueKind::kJson)
    row.searchable = SQL_PRED_NONE;  // no comparison or LIKE on complex values
  else if (k == ValueKind::kString)
    row.searchable = SQL_SEARCHABLE;
  else
    row.searchable = SQL_ALL_EXCEPT_LIKE;
  return row;
}

// ODBC 2 datetime codes name the same types.
SQLSMALLINT odbc3_type(SQLSMALLINT t) {
  switch (t) {
    case SQL_DATE:
      return SQL_TYPE_DATE;
    case SQL_TIME:
      return SQL_TYPE_TIME;
    case SQL_TIMESTAMP:
      return SQL_TYPE_TIMESTAMP;
    default:
      return t;
  }
}

}  // namespace

std::vector<TypeInfoRow> type_info_rows(SQLSMALLINT data_type,
                                        const convert::DescribeOptions& options) {
  convert::DescribeOptions other = options;
  other.unicode_strings = !options.unicode_strings;
  std::vector<TypeInfoRow> rows;
  for (const TypeSpec& spec : kTypes) {
    rows.push_back(make_row(spec, options));
    if (spec.character) rows.push_back(make_row(spec, other));
  }
  const SQLSMALLINT wanted = odbc3_type(data_type);
  if (wanted != SQL_ALL_TYPES)
    std::erase_if(rows, [&](const TypeInfoRow& r) { return r.type.sql_type != wanted; });
  std::stable_sort(rows.begin(), rows.end(), [](const TypeInfoRow& a, const TypeInfoRow& b) {
    return a.type.sql_type < b.type.sql_type;
  });
  return rows;
}

sea::RowBatch type_info_batch(const std::vector<TypeInfoRow>& rows) {
  sea::RowBatch out(19, 0);
  auto optional_text = [&](const std::string& s) {
    if (s.empty())
      put_null(out);
    else
      put_text(out, s);
  };
  auto optional_int = [&](std::optional<long long> v) {
    if (v)
      put_int(out, *v);
    else
      put_null(out);
  };
  for (const TypeInfoRow& r : rows) {
    const convert::SqlTypeInfo& t = r.type;
    const bool datetime = t.verbose_type == SQL_DATETIME || t.verbose_type == SQL_INTERVAL;
    put_text(out, t.type_name);
    put_int(out, t.sql_type);
    put_int(out, static_cast<long long>(r.max_column_size));
    optional_text(t.literal_prefix);
    optional_text(t.literal_suffix);
    put_optional(out,
                 r.create_params ? std::optional<std::string_view>(r.create_params) : std::nullopt);
    put_int(out, SQL_NULLABLE);
    put_int(out, t.case_sensitive ? SQL_TRUE : SQL_FALSE);
    put_int(out, r.searchable);
    optional_int(r.numeric ? std::optional<long long>(SQL_FALSE) : std::nullopt);  // signed
    put_int(out, SQL_FALSE);  // FIXED_PREC_SCALE: no money types
    optional_int(r.numeric ? std::optional<long long>(SQL_FALSE) : std::nullopt);
    put_text(out, t.type_name);  // LOCAL_TYPE_NAME
    optional_int(r.minimum_scale);
    optional_int(r.maximum_scale);
    put_int(out, t.verbose_type);
    optional_int(datetime ? std::optional<long long>(t.datetime_subcode) : std::nullopt);
    optional_int(t.num_prec_radix ? std::optional<long long>(t.num_prec_radix) : std::nullopt);
    optional_int(t.verbose_type == SQL_INTERVAL ? std::optional<long long>(t.interval_precision)
                                                : std::nullopt);
  }
  return out;
}

}  // namespace dbsql::metadata
