#pragma once
// Telling a DML statement's counter row from a result set. Databricks answers INSERT,
// UPDATE, DELETE and MERGE with a one-row table (num_affected_rows [, num_inserted_rows,
// num_updated_rows, num_deleted_rows]); ODBC wants that as a row count, not as rows.
// Both must hold: the statement starts with a DML keyword AND the columns are exactly such
// counters. The name test alone would misread `SELECT 1 AS num_affected_rows`; the keyword
// test alone would misread `INSERT ... RETURNING`-style results should they ever appear.
#include <optional>
#include <string>
#include <string_view>

#include "sea/row_batch.h"
#include "sea/types.h"

namespace dbsql::sea {

// The statement's first keyword, upper-cased, after whitespace, comments and "(".
std::string first_keyword(std::string_view sql);

bool is_dml_statement(std::string_view sql);

// num_affected_rows first, every column a num_*_rows BIGINT.
bool is_dml_counter_manifest(const Manifest& manifest);

// num_affected_rows from the counter row; nullopt unless the batch is exactly one row
// whose first cell is an integer.
std::optional<int64_t> affected_rows_of(const RowBatch& batch);

}  // namespace dbsql::sea
