#pragma once
// Glue between the exported catalog functions and metadata/: argument decoding (a null
// pointer is not an empty string there) and the metadata::Context of a statement.
#include <sql.h>

#include <functional>
#include <memory>

#include "metadata/catalog.h"
#include "odbc/statement.h"

namespace dbsql::odbc {

// A catalog-function name argument: nullopt for a null pointer. Lengths as for any
// character argument (SQL_NTS or a count); other negative lengths are HY090.
metadata::Arg ansi_arg(const SQLCHAR* text, SQLSMALLINT length);
metadata::Arg wide_arg(const SQLWCHAR* text, SQLSMALLINT length);

using CatalogCall = std::function<std::unique_ptr<sea::Execution>(const metadata::Context&)>;

// Runs `call` as the statement's catalog function `function`: its result becomes the
// statement's result set.
void run_catalog(Statement& statement, const char* function, const CatalogCall& call);

}  // namespace dbsql::odbc
