// write_cell: NULL and piece bookkeeping, then the (value kind × C type) table.
#include "convert/convert.h"

#include "convert/interval_text.h"
#include "convert/output.h"
#include "convert/writers.h"

namespace dbsql::convert {
namespace {

// The C types grouped by the writer that fills them.
enum class CClass {
  kChar,
  kWChar,
  kBinary,
  kBit,
  kInteger,
  kFloating,
  kNumeric,
  kDate,
  kTime,
  kTimestamp,
  kInterval,
  kGuid,
  kUnknown,
};

CClass classify(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_CHAR:
      return CClass::kChar;
    case SQL_C_WCHAR:
      return CClass::kWChar;
    case SQL_C_BINARY:
      return CClass::kBinary;
    case SQL_C_BIT:
      return CClass::kBit;
    case SQL_C_STINYINT:
    case SQL_C_UTINYINT:
    case SQL_C_TINYINT:
    case SQL_C_SSHORT:
    case SQL_C_USHORT:
    case SQL_C_SHORT:
    case SQL_C_SLONG:
    case SQL_C_ULONG:
    case SQL_C_LONG:
    case SQL_C_SBIGINT:
    case SQL_C_UBIGINT:
      return CClass::kInteger;
    case SQL_C_FLOAT:
    case SQL_C_DOUBLE:
      return CClass::kFloating;
    case SQL_C_NUMERIC:
      return CClass::kNumeric;
    case SQL_C_TYPE_DATE:
    case SQL_C_DATE:
      return CClass::kDate;
    case SQL_C_TYPE_TIME:
    case SQL_C_TIME:
      return CClass::kTime;
    case SQL_C_TYPE_TIMESTAMP:
    case SQL_C_TIMESTAMP:
      return CClass::kTimestamp;
    case SQL_C_GUID:
      return CClass::kGuid;
    default:
      return is_interval_code(c_type - 100) ? CClass::kInterval : CClass::kUnknown;
  }
}

bool is_character(ValueKind k) {
  return k == ValueKind::kString || k == ValueKind::kJson || k == ValueKind::kNull;
}
bool is_exact(ValueKind k) {
  return k == ValueKind::kTinyInt || k == ValueKind::kSmallInt || k == ValueKind::kInt ||
         k == ValueKind::kBigInt || k == ValueKind::kDecimal;
}
bool is_numeric(ValueKind k) {
  return is_exact(k) || k == ValueKind::kBoolean || k == ValueKind::kFloat ||
         k == ValueKind::kDouble;
}
bool is_timestamp(ValueKind k) {
  return k == ValueKind::kTimestamp || k == ValueKind::kTimestampNtz;
}
bool is_interval(ValueKind k) {
  return k == ValueKind::kIntervalYearMonth || k == ValueKind::kIntervalDayTime;
}

// ODBC's "Converting Data from SQL to C Data Types" tables, for our SQL types.
bool allowed(const SqlTypeInfo& column, CClass c, SQLSMALLINT c_type) {
  const ValueKind k = column.kind;
  const bool single_interval = is_interval(k) && is_single_field_code(column.datetime_subcode);
  switch (c) {
    case CClass::kChar:
    case CClass::kWChar:
      return true;
    case CClass::kBinary:
      return !is_interval(k);
    case CClass::kBit:
    case CClass::kFloating:
      return is_numeric(k) || is_character(k);
    case CClass::kInteger:
    case CClass::kNumeric:
      return is_numeric(k) || is_character(k) || single_interval;
    case CClass::kDate:
    case CClass::kTimestamp:
      return k == ValueKind::kDate || is_timestamp(k) || is_character(k);
    case CClass::kTime:
      return is_timestamp(k) || is_character(k);
    case CClass::kInterval: {
      const bool ym = is_year_month_code(c_type - 100);
      if (is_interval(k)) return (k == ValueKind::kIntervalYearMonth) == ym;
      return is_character(k) || (is_exact(k) && is_single_field_code(c_type - 100));
    }
    case CClass::kGuid:
      return is_character(k);
    default:
      return false;
  }
}

Writer writer_for(CClass c) {
  switch (c) {
    case CClass::kChar:
      return write_char;
    case CClass::kWChar:
      return write_wchar;
    case CClass::kBinary:
      return write_binary;
    case CClass::kBit:
      return write_bit;
    case CClass::kInteger:
      return write_integer;
    case CClass::kFloating:
      return write_floating;
    case CClass::kNumeric:
      return write_numeric;
    case CClass::kDate:
    case CClass::kTime:
    case CClass::kTimestamp:
      return write_datetime;
    case CClass::kInterval:
      return write_interval;
    case CClass::kGuid:
      return write_guid;
    default:
      return nullptr;
  }
}

}  // namespace

bool conversion_allowed(const SqlTypeInfo& column, SQLSMALLINT c_type) {
  if (c_type == SQL_C_DEFAULT) c_type = column.default_c_type;
  return allowed(column, classify(c_type), c_type);
}

Status write_cell(const SqlTypeInfo& column, std::optional<std::string_view> cell,
                  const Target& target, PieceState* piece) {
  if (piece != nullptr && piece->finished) return Status{SQL_NO_DATA, "", ""};
  Target t = target;
  if (t.c_type == SQL_C_DEFAULT) t.c_type = column.default_c_type;
  const CClass c = classify(t.c_type);
  if (c == CClass::kUnknown) {
    return failure("HY003", "Program type out of range: " + c_type_name(t.c_type) +
                                " is not a C data type this driver converts to.");
  }
  if (!allowed(column, c, t.c_type)) return not_allowed(column, t.c_type);
  if (!cell.has_value()) {
    if (t.indicator == nullptr) {
      return failure("22002",
                     "Indicator variable required but not supplied: the value is NULL "
                     "and no indicator buffer was bound; bind one (StrLen_or_IndPtr).");
    }
    *t.indicator = SQL_NULL_DATA;
    if (piece != nullptr) piece->started = piece->finished = true;
    return success();
  }
  if (t.buffer_length < 0 && (c == CClass::kChar || c == CClass::kWChar || c == CClass::kBinary))
    return failure("HY090", "Invalid string or buffer length: BufferLength is negative.");
  Status s = writer_for(c)(column, *cell, t, piece);
  if (piece != nullptr) {
    piece->started = true;
    piece->finished = s.rc != SQL_ERROR && s.sqlstate != "01004";
  }
  return s;
}

std::string c_type_name(SQLSMALLINT c_type) {
  switch (c_type) {
    case SQL_C_CHAR:
      return "SQL_C_CHAR";
    case SQL_C_WCHAR:
      return "SQL_C_WCHAR";
    case SQL_C_BINARY:
      return "SQL_C_BINARY";
    case SQL_C_BIT:
      return "SQL_C_BIT";
    case SQL_C_STINYINT:
      return "SQL_C_STINYINT";
    case SQL_C_UTINYINT:
      return "SQL_C_UTINYINT";
    case SQL_C_TINYINT:
      return "SQL_C_TINYINT";
    case SQL_C_SSHORT:
      return "SQL_C_SSHORT";
    case SQL_C_USHORT:
      return "SQL_C_USHORT";
    case SQL_C_SHORT:
      return "SQL_C_SHORT";
    case SQL_C_SLONG:
      return "SQL_C_SLONG";
    case SQL_C_ULONG:
      return "SQL_C_ULONG";
    case SQL_C_LONG:
      return "SQL_C_LONG";
    case SQL_C_SBIGINT:
      return "SQL_C_SBIGINT";
    case SQL_C_UBIGINT:
      return "SQL_C_UBIGINT";
    case SQL_C_FLOAT:
      return "SQL_C_FLOAT";
    case SQL_C_DOUBLE:
      return "SQL_C_DOUBLE";
    case SQL_C_NUMERIC:
      return "SQL_C_NUMERIC";
    case SQL_C_TYPE_DATE:
      return "SQL_C_TYPE_DATE";
    case SQL_C_TYPE_TIME:
      return "SQL_C_TYPE_TIME";
    case SQL_C_TYPE_TIMESTAMP:
      return "SQL_C_TYPE_TIMESTAMP";
    case SQL_C_DATE:
      return "SQL_C_DATE";
    case SQL_C_TIME:
      return "SQL_C_TIME";
    case SQL_C_TIMESTAMP:
      return "SQL_C_TIMESTAMP";
    case SQL_C_GUID:
      return "SQL_C_GUID";
    case SQL_C_DEFAULT:
      return "SQL_C_DEFAULT";
    default:
      break;
  }
  const int code = c_type - 100;
  if (is_interval_code(code)) {
    std::string name = "SQL_C_INTERVAL_";
    for (char ch : interval_qualifier_name(code)) name.push_back(ch == ' ' ? '_' : ch);
    return name;
  }
  return "C type " + std::to_string(c_type);
}

}  // namespace dbsql::convert
