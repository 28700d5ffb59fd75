#pragma once
// The result-set layout of every catalog function, as the ODBC 3.x reference lists it:
// column names, SQL types and nullability, in order. Applications bind these columns by
// number and type, so the table is the contract.
#include <span>
#include <string_view>
#include <vector>

#include "sea/types.h"

namespace dbsql::metadata {

enum class ColumnKind {
  kName,      // VARCHAR(128): catalog, schema, table, column and type names
  kText,      // VARCHAR(254): remarks, defaults, IS_NULLABLE, ...
  kChar1,     // CHAR(1): ASC_OR_DESC
  kSmallInt,  // SMALLINT
  kInteger,   // INTEGER
};

struct LayoutColumn {
  std::string_view name;
  ColumnKind kind;
  bool nullable;
};

enum class Layout {
  kTables,
  kColumns,
  kPrimaryKeys,
  kForeignKeys,
  kStatistics,
  kSpecialColumns,
  kProcedures,
  kProcedureColumns,
  kTablePrivileges,
  kColumnPrivileges,
  kTypeInfo,
};

std::span<const LayoutColumn> layout_columns(Layout layout);

// The manifest columns of a layout: type_name/type_text that convert::describe_type maps
// to VARCHAR(128) / VARCHAR(254) / CHAR(1) / SMALLINT / INTEGER, and the nullability.
std::vector<sea::ColumnInfo> manifest_columns(Layout layout);

}  // namespace dbsql::metadata
