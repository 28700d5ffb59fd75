#include "metadata/layouts.h"

namespace dbsql::metadata {
namespace {

using K = ColumnKind;
constexpr bool Y = true;   // nullable
constexpr bool N = false;  // never NULL

constexpr LayoutColumn kTables[] = {
    {"TABLE_CAT", K::kName, Y},  {"TABLE_SCHEM", K::kName, Y}, {"TABLE_NAME", K::kName, Y},
    {"TABLE_TYPE", K::kName, Y}, {"REMARKS", K::kText, Y},
};

constexpr LayoutColumn kColumns[] = {
    {"TABLE_CAT", K::kName, Y},
    {"TABLE_SCHEM", K::kName, Y},
    {"TABLE_NAME", K::kName, N},
    {"COLUMN_NAME", K::kName, N},
    {"DATA_TYPE", K::kSmallInt, N},
    {"TYPE_NAME", K::kName, N},
    {"COLUMN_SIZE", K::kInteger, Y},
    {"BUFFER_LENGTH", K::kInteger, Y},
    {"DECIMAL_DIGITS", K::kSmallInt, Y},
    {"NUM_PREC_RADIX", K::kSmallInt, Y},
    {"NULLABLE", K::kSmallInt, N},
    {"REMARKS", K::kText, Y},
    {"COLUMN_DEF", K::kText, Y},
    {"SQL_DATA_TYPE", K::kSmallInt, N},
    {"SQL_DATETIME_SUB", K::kSmallInt, Y},
    {"CHAR_OCTET_LENGTH", K::kInteger, Y},
    {"ORDINAL_POSITION", K::kInteger, N},
    {"IS_NULLABLE", K::kText, Y},
};

constexpr LayoutColumn kPrimaryKeys[] = {
    {"TABLE_CAT", K::kName, Y},   {"TABLE_SCHEM", K::kName, Y}, {"TABLE_NAME", K::kName, N},
    {"COLUMN_NAME", K::kName, N}, {"KEY_SEQ", K::kSmallInt, N}, {"PK_NAME", K::kName, Y},
};

constexpr LayoutColumn kForeignKeys[] = {
    {"PKTABLE_CAT", K::kName, Y},     {"PKTABLE_SCHEM", K::kName, Y},
    {"PKTABLE_NAME", K::kName, N},    {"PKCOLUMN_NAME", K::kName, N},
    {"FKTABLE_CAT", K::kName, Y},     {"FKTABLE_SCHEM", K::kName, Y},
    {"FKTABLE_NAME", K::kName, N},    {"FKCOLUMN_NAME", K::kName, N},
    {"KEY_SEQ", K::kSmallInt, N},     {"UPDATE_RULE", K::kSmallInt, Y},
    {"DELETE_RULE", K::kSmallInt, Y}, {"FK_NAME", K::kName, Y},
    {"PK_NAME", K::kName, Y},         {"DEFERRABILITY", K::kSmallInt, Y},
};

constexpr LayoutColumn kStatistics[] = {
    {"TABLE_CAT", K::kName, Y},        {"TABLE_SCHEM", K::kName, Y},
    {"TABLE_NAME", K::kName, N},       {"NON_UNIQUE", K::kSmallInt, Y},
    {"INDEX_QUALIFIER", K::kName, Y},  {"INDEX_NAME", K::kName, Y},
    {"TYPE", K::kSmallInt, N},         {"ORDINAL_POSITION", K::kSmallInt, Y},
    {"COLUMN_NAME", K::kName, Y},      {"ASC_OR_DESC", K::kChar1, Y},
    {"CARDINALITY", K::kInteger, Y},   {"PAGES", K::kInteger, Y},
    {"FILTER_CONDITION", K::kText, Y},
};

constexpr LayoutColumn kSpecialColumns[] = {
    {"SCOPE", K::kSmallInt, Y},          {"COLUMN_NAME", K::kName, N},
    {"DATA_TYPE", K::kSmallInt, N},      {"TYPE_NAME", K::kName, N},
    {"COLUMN_SIZE", K::kInteger, Y},     {"BUFFER_LENGTH", K::kInteger, Y},
    {"DECIMAL_DIGITS", K::kSmallInt, Y}, {"PSEUDO_COLUMN", K::kSmallInt, Y},
};

constexpr LayoutColumn kProcedures[] = {
    {"PROCEDURE_CAT", K::kName, Y},
    {"PROCEDURE_SCHEM", K::kName, Y},
    {"PROCEDURE_NAME", K::kName, N},
    {"NUM_INPUT_PARAMS", K::kInteger, Y},
    {"NUM_OUTPUT_PARAMS", K::kInteger, Y},
    {"NUM_RESULT_SETS", K::kInteger, Y},
    {"REMARKS", K::kText, Y},
    {"PROCEDURE_TYPE", K::kSmallInt, Y},
};

constexpr LayoutColumn kProcedureColumns[] = {
    {"PROCEDURE_CAT", K::kName, Y},
    {"PROCEDURE_SCHEM", K::kName, Y},
    {"PROCEDURE_NAME", K::kName, N},
    {"COLUMN_NAME", K::kName, N},
    {"COLUMN_TYPE", K::kSmallInt, N},
    {"DATA_TYPE", K::kSmallInt, N},
    {"TYPE_NAME", K::kName, N},
    {"COLUMN_SIZE", K::kInteger, Y},
    {"BUFFER_LENGTH", K::kInteger, Y},
    {"DECIMAL_DIGITS", K::kSmallInt, Y},
    {"NUM_PREC_RADIX", K::kSmallInt, Y},
    {"NULLABLE", K::kSmallInt, N},
    {"REMARKS", K::kText, Y},
    {"COLUMN_DEF", K::kText, Y},
    {"SQL_DATA_TYPE", K::kSmallInt, N},
    {"SQL_DATETIME_SUB", K::kSmallInt, Y},
    {"CHAR_OCTET_LENGTH", K::kInteger, Y},
    {"ORDINAL_POSITION", K::kInteger, N},
    {"IS_NULLABLE", K::kText, Y},
};

constexpr LayoutColumn kTablePrivileges[] = {
    {"TABLE_CAT", K::kName, Y},    {"TABLE_SCHEM", K::kName, Y}, {"TABLE_NAME", K::kName, N},
    {"GRANTOR", K::kName, Y},      {"GRANTEE", K::kName, N},     {"PRIVILEGE", K::kName, N},
    {"IS_GRANTABLE", K::kName, Y},
};

constexpr LayoutColumn kColumnPrivileges[] = {
    {"TABLE_CAT", K::kName, Y},   {"TABLE_SCHEM", K::kName, Y},  {"TABLE_NAME", K::kName, N},
    {"COLUMN_NAME", K::kName, N}, {"GRANTOR", K::kName, Y},      {"GRANTEE", K::kName, N},
    {"PRIVILEGE", K::kName, N},   {"IS_GRANTABLE", K::kName, Y},
};

constexpr LayoutColumn kTypeInfo[] = {
    {"TYPE_NAME", K::kName, N},
    {"DATA_TYPE", K::kSmallInt, N},
    {"COLUMN_SIZE", K::kInteger, Y},
    {"LITERAL_PREFIX", K::kName, Y},
    {"LITERAL_SUFFIX", K::kName, Y},
    {"CREATE_PARAMS", K::kName, Y},
    {"NULLABLE", K::kSmallInt, N},
    {"CASE_SENSITIVE", K::kSmallInt, N},
    {"SEARCHABLE", K::kSmallInt, N},
    {"UNSIGNED_ATTRIBUTE", K::kSmallInt, Y},
    {"FIXED_PREC_SCALE", K::kSmallInt, N},
    {"AUTO_UNIQUE_VALUE", K::kSmallInt, Y},
    {"LOCAL_TYPE_NAME", K::kName, Y},
    {"MINIMUM_SCALE", K::kSmallInt, Y},
    {"MAXIMUM_SCALE", K::kSmallInt, Y},
    {"SQL_DATA_TYPE", K::kSmallInt, N},
    {"SQL_DATETIME_SUB", K::kSmallInt, Y},
    {"NUM_PREC_RADIX", K::kInteger, Y},
    {"INTERVAL_PRECISION", K::kSmallInt, Y},
};

}  // namespace

std::span<const LayoutColumn> layout_columns(Layout layout) {
  switch (layout) {
    case Layout::kTables:
      return kTables;
    case Layout::kColumns:
      return kColumns;
    case Layout::kPrimaryKeys:
      return kPrimaryKeys;
    case Layout::kForeignKeys:
      return kForeignKeys;
    case Layout::kStatistics:
      return kStatistics;
    case Layout::kSpecialColumns:
      return kSpecialColumns;
    case Layout::kProcedures:
      return kProcedures;
    case Layout::kProcedureColumns:
      return kProcedureColumns;
    case Layout::kTablePrivileges:
      return kTablePrivileges;
    case Layout::kColumnPrivileges:
      return kColumnPrivileges;
    case Layout::kTypeInfo:
      return kTypeInfo;
  }
  return {};
}

std::vector<sea::ColumnInfo> manifest_columns(Layout layout) {
  std::vector<sea::ColumnInfo> out;
  int position = 0;
  for (const LayoutColumn& c : layout_columns(layout)) {
    sea::ColumnInfo info;
    info.name = std::string(c.name);
    info.position = position++;
    switch (c.kind) {
      case ColumnKind::kName:
        info.type_name = "VARCHAR";
        info.type_text = "VARCHAR(128)";
        break;
      case ColumnKind::kText:
        info.type_name = "VARCHAR";
        info.type_text = "VARCHAR(254)";
        break;
      case ColumnKind::kChar1:
        info.type_name = "CHAR";
        info.type_text = "CHAR(1)";
        break;
      case ColumnKind::kSmallInt:
        info.type_name = info.type_text = "SMALLINT";
        break;
      case ColumnKind::kInteger:
        info.type_name = info.type_text = "INT";
        break;
    }
    info.nullable = c.nullable;
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace dbsql::metadata
