// SQLColumns: information_schema.columns (Unity Catalog) or DESCRIBE TABLE (Hive
// metastore), each column described by convert::describe_type, as SQLDescribeCol
// describes the same column of a query.
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "metadata/catalog.h"
#include "metadata/metadata_sql.h"

namespace dbsql::metadata {
namespace {

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

int number_or(const sea::RowBatch& in, size_t r, size_t c, int fallback) {
  if (in.is_null(r, c)) return fallback;
  try {
    return std::stoi(std::string(in.text(r, c)));
  } catch (const std::exception&) {
    return fallback;
  }
}

bool has_octets(SQLSMALLINT t) {
  return t == SQL_CHAR || t == SQL_VARCHAR || t == SQL_WCHAR || t == SQL_WVARCHAR ||
         t == SQL_LONGVARCHAR || t == SQL_WLONGVARCHAR || t == SQL_BINARY || t == SQL_VARBINARY ||
         t == SQL_LONGVARBINARY;
}

struct ColumnFacts {
  std::string_view catalog, schema, table, column;
  std::string_view data_type, full_type;  // e.g. DECIMAL, decimal(10,2)
  int precision = -1, scale = -1;
  std::optional<bool> nullable;
  std::optional<std::string_view> remarks, column_def;
  long long ordinal = 0;
};

void put_column_row(sea::RowBatch& out, const ColumnFacts& f,
                    const convert::DescribeOptions& describe) {
  const std::string full = upper_ascii(f.full_type);
  const convert::SqlTypeInfo t =
      convert::describe_type(f.data_type, full, f.precision, f.scale, "", describe);
  const bool character = has_octets(t.sql_type);
  const bool datetime = t.verbose_type == SQL_DATETIME || t.verbose_type == SQL_INTERVAL;
  const bool approximate = t.num_prec_radix == 2;
  put_text(out, f.catalog);
  put_text(out, f.schema);
  put_text(out, f.table);
  put_text(out, f.column);
  put_int(out, t.sql_type);
  put_text(out, t.type_name);
  put_int(out, static_cast<long long>(t.column_size));
  put_int(out, t.octet_length);  // BUFFER_LENGTH: bytes of the default C type's value
  if (character || approximate)
    put_null(out);  // DECIMAL_DIGITS does not apply
  else
    put_int(out, t.decimal_digits);
  if (t.num_prec_radix)
    put_int(out, t.num_prec_radix);
  else
    put_null(out);
  put_int(out, !f.nullable ? SQL_NULLABLE_UNKNOWN : *f.nullable ? SQL_NULLABLE : SQL_NO_NULLS);
  put_optional(out, f.remarks);
  put_optional(out, f.column_def);
  put_int(out, t.verbose_type);
  if (datetime)
    put_int(out, t.datetime_subcode);
  else
    put_null(out);
  if (character)
    put_int(out, t.octet_length);
  else
    put_null(out);
  put_int(out, f.ordinal);
  put_text(out, !f.nullable ? "" : *f.nullable ? "YES" : "NO");
}

// Unity Catalog rows: table_catalog, table_schema, table_name, column_name, data_type,
// full_data_type, numeric_precision, numeric_scale, is_nullable, comment, column_default.
// ORDINAL_POSITION is counted here (the rows come ordered by table and position, every
// column of each table) rather than trusting a base the server's column may count from.
class UcColumns {
 public:
  UcColumns(Pattern schema, Pattern table, Pattern column, convert::DescribeOptions describe)
      : schema_(std::move(schema)),
        table_(std::move(table)),
        column_(std::move(column)),
        describe_(describe) {}

  void operator()(const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
    std::string key;
    for (size_t c = 0; c < 3; ++c) (key += in.text(r, c)) += '\x1f';
    if (key != table_key_) {
      table_key_ = std::move(key);
      ordinal_ = 0;
    }
    ++ordinal_;
    if (!schema_.matches(in.text(r, 1)) || !table_.matches(in.text(r, 2)) ||
        !column_.matches(in.text(r, 3)))
      return;
    ColumnFacts f;
    f.catalog = in.text(r, 0);
    f.schema = in.text(r, 1);
    f.table = in.text(r, 2);
    f.column = in.text(r, 3);
    f.data_type = in.text(r, 4);
    f.full_type = in.is_null(r, 5) ? in.text(r, 4) : in.text(r, 5);
    f.precision = number_or(in, r, 6, -1);
    f.scale = number_or(in, r, 7, -1);
    if (!in.is_null(r, 8)) f.nullable = upper_ascii(in.text(r, 8)) != "NO";
    f.remarks = in.value(r, 9);
    if (f.remarks && f.remarks->empty()) f.remarks.reset();
    f.column_def = in.column_count() > 10 ? in.value(r, 10) : std::nullopt;
    f.ordinal = ordinal_;
    put_column_row(out, f, describe_);
  }

 private:
  Pattern schema_, table_, column_;
  convert::DescribeOptions describe_;
  std::string table_key_;
  long long ordinal_ = 0;
};

// DESCRIBE TABLE rows: col_name, data_type, comment; the column list ends at the first
// empty or '#' row (partition and detail sections follow).
class DescribedColumns {
 public:
  DescribedColumns(std::string catalog, std::string schema, std::string table, Pattern column,
                   convert::DescribeOptions describe)
      : catalog_(std::move(catalog)),
        schema_(std::move(schema)),
        table_(std::move(table)),
        column_(std::move(column)),
        describe_(describe) {}

  void operator()(const sea::RowBatch& in, size_t r, sea::RowBatch& out) {
    const std::string_view name = in.text(r, 0);
    if (done_ || name.empty() || name.front() == '#') {
      done_ = true;
      return;
    }
    ++ordinal_;
    if (!column_.matches(name)) return;
    const std::string_view type = in.text(r, 1);
    size_t end = 0;
    while (end < type.size() && type[end] != '(' && type[end] != '<' && type[end] != ' ') ++end;
    ColumnFacts f;
    f.catalog = catalog_;
    f.schema = schema_;
    f.table = table_;
    f.column = name;
    const std::string data_type = upper_ascii(type.substr(0, end));
    f.data_type = data_type;
    f.full_type = type;
    f.remarks = in.column_count() > 2 ? in.value(r, 2) : std::nullopt;
    if (f.remarks && f.remarks->empty()) f.remarks.reset();
    f.ordinal = ordinal_;
    put_column_row(out, f, describe_);
  }

 private:
  std::string catalog_, schema_, table_;
  Pattern column_;
  convert::DescribeOptions describe_;
  bool done_ = false;
  long long ordinal_ = 0;
};

// The Hive metastore has no information_schema: each table is described on its own, so
// unlike Unity Catalog this costs one statement per table (plus SHOW TABLES when a name
// is a pattern). The rows are reshaped as they arrive and held until the call returns,
// since the statements run while the call holds the backend.
std::unique_ptr<sea::Execution> hive_columns(const Context& ctx, const std::string& cat,
                                             const Pattern& schema, const Pattern& table,
                                             const Pattern& column) {
  std::vector<std::pair<std::string, std::string>> targets;
  const auto s = schema.literal();
  const auto t = table.literal();
  if (s && t) {
    targets.emplace_back(*s, *t);
  } else {
    auto tables = run_metadata(ctx, sql::show_tables_in_catalog(cat));
    while (const sea::RowBatch* b = tables->next())
      for (size_t r = 0; r < b->row_count(); ++r)
        if (schema.matches(b->text(r, 0)) && table.matches(b->text(r, 1)))
          targets.emplace_back(b->text(r, 0), b->text(r, 1));
    std::sort(targets.begin(), targets.end());
  }
  sea::RowBatch out(layout_columns(Layout::kColumns).size(), 0);
  for (const auto& [schema_name, table_name] : targets) {
    DescribedColumns reshape(cat, schema_name, table_name, column, ctx.describe);
    auto rows = run_metadata(ctx, sql::describe_table(cat, schema_name, table_name));
    while (const sea::RowBatch* b = rows->next())
      for (size_t r = 0; r < b->row_count(); ++r) reshape(*b, r, out);
  }
  return make_result(Layout::kColumns, local_rows(std::move(out)));
}

}  // namespace

std::unique_ptr<sea::Execution> columns(const Context& ctx, const Arg& catalog, const Arg& schema,
                                        const Arg& table, const Arg& column) {
  const std::string cat = catalog_argument(ctx, catalog);
  Pattern schema_p = pattern_argument(schema, ctx.metadata_id);
  Pattern table_p = pattern_argument(table, ctx.metadata_id);
  Pattern column_p = pattern_argument(column, ctx.metadata_id);
  if (sql::is_hive_catalog(cat)) return hive_columns(ctx, cat, schema_p, table_p, column_p);
  // One statement for the whole schema, unless that result has proved too large for the
  // cache: then each call asks for its own tables only.
  std::string statement = sql::uc_columns(cat, schema_p, table_p, true);
  if (ctx.cache && ctx.cache->enabled()) {
    sea::ExecuteRequest request = ctx.request;
    request.statement = statement;
    if (ctx.cache->too_large(cache_key(request)))
      statement = sql::uc_columns(cat, schema_p, table_p, false);
  }
  auto reshape = std::make_shared<UcColumns>(schema_p, table_p, column_p, ctx.describe);
  return make_result(
      Layout::kColumns, run_metadata(ctx, std::move(statement)),
      [reshape](const sea::RowBatch& in, size_t r, sea::RowBatch& out) { (*reshape)(in, r, out); });
}

}  // namespace dbsql::metadata
