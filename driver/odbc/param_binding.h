#pragma once
// Bound parameters: SQLBindParameter onto the APD and IPD records, and where element `row`
// of a bound parameter lives (row-wise or column-wise, bind offset applied). Planned once
// per execution, so rendering a row is a loop over slots.
#include <sql.h>
#include <sqlext.h>

#include <cstddef>
#include <vector>

#include "odbc/descriptor.h"
#include "params/params.h"

namespace dbsql::odbc {

// SQLBindParameter: validates the types (HY003, HY004, HY104, HY105, 07006) and fills
// record `number` of the APD (C type, buffer, lengths) and the IPD (SQL type, size,
// digits, direction).
void bind_parameter(Descriptor& apd, Descriptor& ipd, SQLUSMALLINT number, SQLSMALLINT io_type,
                    SQLSMALLINT c_type, SQLSMALLINT sql_type, SQLULEN column_size,
                    SQLSMALLINT decimal_digits, SQLPOINTER data, SQLLEN buffer_length,
                    SQLLEN* indicator);

// The IPD's size and digits as SQLBindParameter's ColumnSize / DecimalDigits mean them.
params::ParamType declared_type(const DescRecord& apd_rec, const DescRecord& ipd_rec);

// True when a length/indicator value asks for the value at execution time.
inline bool is_data_at_exec(SQLLEN length) {
  return length == SQL_DATA_AT_EXEC || length <= SQL_LEN_DATA_AT_EXEC_OFFSET;
}

// One bound parameter of one execution.
struct ParamSlot {
  params::ParamType type;
  const char* data = nullptr;  // element 0, bind offset applied
  const SQLLEN* indicator = nullptr;
  const SQLLEN* octet_length = nullptr;
  size_t data_stride = 0;
  size_t length_stride = 0;

  const void* data_at(size_t row) const {
    return data ? data + row * data_stride : nullptr;
  }
  // SQL_NULL_DATA, SQL_NTS, a byte length, or a data-at-execution marker. Without length
  // pointers, character and binary values are null-terminated, as ODBC says.
  SQLLEN length_at(size_t row) const;
};

// The slots of parameters 1..count. Throws 07002 when one of them is not bound.
std::vector<ParamSlot> plan_parameters(const Descriptor& apd, const Descriptor& ipd, size_t count);

}  // namespace dbsql::odbc
