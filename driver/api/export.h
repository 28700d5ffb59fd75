#pragma once
// Marks an ODBC entry point as exported: the library is built with hidden visibility, and
// driver/exports.map keeps only SQL* among what is exported.
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#define DBSQL_EXPORT extern "C" __attribute__((visibility("default")))
