#pragma once
// SQLGetTypeInfo: one row per Databricks type a CREATE TABLE accepts, described by
// convert::describe_type so TYPE_NAME, DATA_TYPE and sizes are the ones SQLColumns and
// SQLDescribeCol report.
#include <sql.h>

#include <optional>
#include <vector>

#include "convert/sql_types.h"
#include "sea/row_batch.h"

namespace dbsql::metadata {

struct TypeInfoRow {
  convert::SqlTypeInfo type;
  const char* create_params = nullptr;  // "precision,scale", "length" or none
  SQLULEN max_column_size = 0;
  SQLSMALLINT searchable = SQL_SEARCHABLE;
  bool numeric = false;
  std::optional<SQLSMALLINT> minimum_scale, maximum_scale;
};

// The rows for `data_type` (SQL_ALL_TYPES for all), sorted by DATA_TYPE and, within
// one DATA_TYPE, closest match first. Character types are listed both narrow and wide
// whatever `options` says, so an application can always find SQL_VARCHAR and
// SQL_WVARCHAR rows to bind parameters with.
std::vector<TypeInfoRow> type_info_rows(SQLSMALLINT data_type,
                                        const convert::DescribeOptions& options);

// The rows as SQLGetTypeInfo result cells (Layout::kTypeInfo).
sea::RowBatch type_info_batch(const std::vector<TypeInfoRow>& rows);

}  // namespace dbsql::metadata
