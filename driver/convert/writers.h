#pragma once
// The writers of the (value kind × C type) table, one per group of C types. write_cell
// has already checked that the conversion is allowed, resolved SQL_C_DEFAULT and handled
// NULL; each writer reads the cell text for its column kind.
#include <string_view>

#include "convert/convert.h"
#include "convert/number_text.h"

namespace dbsql::convert {

using Writer = Status (*)(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                          PieceState* piece);

Status write_char(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                  PieceState* piece);
Status write_wchar(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                   PieceState* piece);
Status write_binary(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                    PieceState* piece);
Status write_bit(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                 PieceState* piece);
Status write_integer(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                     PieceState* piece);
Status write_floating(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                      PieceState* piece);
Status write_numeric(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                     PieceState* piece);
Status write_datetime(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                      PieceState* piece);
Status write_interval(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                      PieceState* piece);
Status write_guid(const SqlTypeInfo& column, std::string_view cell, const Target& t,
                  PieceState* piece);

// The cell of a numeric-convertible column as exact decimal text. `scratch` (64 bytes)
// holds text the views may point into (single-field intervals are re-rendered);
// `truncated` is set when that rendering already dropped a nonzero part. Fails with
// 22018 when the text is not a number.
Status read_number(const SqlTypeInfo& column, std::string_view cell, SQLSMALLINT c_type,
                   NumberText* n, bool* truncated, char* scratch);

// 22018 with a message naming the column type and the target.
Status invalid_cast(const SqlTypeInfo& column, SQLSMALLINT c_type, const char* expected);
// 22003 with a message naming the target.
Status out_of_range(const SqlTypeInfo& column, SQLSMALLINT c_type);
// 01S07.
Status fraction_truncated(SQLSMALLINT c_type);

}  // namespace dbsql::convert
