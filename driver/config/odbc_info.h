#pragma once
// SQLGetInfo answers for this driver: the core and level-1 information types, with values
// that say what the driver and Databricks SQL really do (BI tools plan queries from them,
// see shared/reference/bi-tools.md §4.1). Static values live in one table; the few that
// depend on the connection come from InfoContext.
//
// Not answered here (nullopt): SQL_DRIVER_HENV/HDBC/HSTMT/HDESC/HLIB (handles the odbc
// layer owns) and SQL_DM_VER (the driver manager's). Every other type that returns
// nullopt is unknown to this driver: the caller reports HY096.
#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dbsql::config {

// Asked by Power BI; an ODBC 4.0 type that unixODBC's sqlext.h does not define.
inline constexpr SQLUSMALLINT kSqlReturnEscapeClause = 180;

// The strings every tool keys on; kept stable (bi-tools.md §3.11).
inline constexpr std::string_view kDbmsName = "Spark SQL";
inline constexpr std::string_view kDriverName = "libdbsqlodbc.so";
inline constexpr std::string_view kDriverOdbcVersion = "03.80";
inline constexpr std::string_view kUnknownDbmsVersion = "00.00.0000";

using InfoValue = std::variant<std::string, SQLUSMALLINT, SQLUINTEGER, SQLULEN>;

struct InfoContext {
  std::string data_source_name;  // SQL_DATA_SOURCE_NAME: the DSN, or empty
  std::string server_name;       // SQL_SERVER_NAME: the workspace host
  std::string database_name;     // SQL_DATABASE_NAME: the current catalog
  std::string user_name;         // SQL_USER_NAME
  std::string dbms_version = std::string(kUnknownDbmsVersion);  // SQL_DBMS_VER
  bool read_only = false;  // SQL_DATA_SOURCE_READ_ONLY, from SQL_ATTR_ACCESS_MODE
};

std::optional<InfoValue> get_info(SQLUSMALLINT info_type, const InfoContext& context);

// Every information type get_info answers, ascending.
std::vector<SQLUSMALLINT> supported_info_types();

// "3.5.0" → "03.05.0000", the ##.##.#### form of SQL_DRIVER_VER and SQL_DBMS_VER
// (SQLAlchemy splits it on '.'); parts that are missing or not numbers count as 0.
std::string odbc_version_string(std::string_view dotted);

}  // namespace dbsql::config
