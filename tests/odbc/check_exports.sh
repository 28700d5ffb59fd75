#!/bin/sh
# The driver library exports the ODBC entry points and nothing else (issue 3: `nm -D
# --defined-only` shows only ODBC entry points), including the Unicode ones unixODBC needs.
# usage: check_exports.sh path/to/libdbsqlodbc.so
set -eu
lib=$1
symbols=$(nm -D --defined-only "$lib" | awk '{print $3}')
others=$(printf '%s\n' "$symbols" | grep -v '^SQL' || true)
if [ -n "$others" ]; then
  echo "exported symbols that are not ODBC entry points:"; printf '%s\n' "$others"; exit 1
fi
missing=""
for f in SQLAllocHandle SQLFreeHandle SQLDriverConnect SQLDriverConnectW SQLConnect SQLConnectW \
         SQLExecDirect SQLExecDirectW SQLPrepare SQLPrepareW SQLExecute SQLFetch SQLFetchScroll \
         SQLGetData SQLBindCol SQLDescribeCol SQLDescribeColW SQLColAttribute SQLColAttributeW \
         SQLGetDiagRec SQLGetDiagRecW SQLGetInfo SQLGetInfoW SQLCancel SQLRowCount; do
  printf '%s\n' "$symbols" | grep -qx "$f" || missing="$missing $f"
done
if [ -n "$missing" ]; then echo "missing entry points:$missing"; exit 1; fi
echo "$(printf '%s\n' "$symbols" | wc -l) exported symbols, all SQL*"
