// fetch_bench: how fast the driver streams a result to an application through the unixODBC
// driver manager, and how much memory that takes. Not a test: run it by hand (see
// bench/README.md). Links only libodbc; the driver is loaded from Driver=<path>.
//
// Modes (--mode, default "external_links,inline"; "all" adds "0.5gb,1gb,2gb"):
//   external_links  1,000,000 rows x 6 columns of samples.nyctaxi.trips, EXTERNAL_LINKS
//   inline          the first 250,000 rows of the same (under INLINE's 25 MiB), INLINE
//   0.5gb, 1gb, 2gb 550,000 / 1,100,000 / 2,200,000 rows of ~1 KB (that many GB of JSON),
//                   EXTERNAL_LINKS; the process's peak RSS must stay under 128 MB (exit
//                   status 1 otherwise)
// Every mode binds all columns (column-wise, 1,000-row arrays) and fetches to the end.
// --threads 1,4 runs every mode once per MaxNumResultFileDownloadThreads value and prints
// each run's speed against the first's; --keys "K=V;..." adds connection keys to every run.
//
// The warehouse: started here (node tests/warehouse/server.mjs --trips-rows 1000000, plus
// --storage-first-byte-ms MS --storage-mbps N with --storage-delay MS,N) unless --connect
// "<connection string>" (or DBSQL_BENCH_CONNECT) names a running one, which must then have
// been started with --trips-rows 1000000.
#include <sql.h>
#include <sqlext.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// The root CMakeLists builds each bench/*.cpp as a program of its own that links only
// libodbc, so the warehouse launcher and the plain HTTP client of the driver-manager tests
// are compiled in here rather than linked.
#include "../tests/odbc/http_plain.cpp"
#include "../tests/odbc/warehouse.cpp"

namespace {

using dbsql::odbc_test::http_plain;
using dbsql::odbc_test::json_field;
using Clock = std::chrono::steady_clock;

constexpr SQLULEN kArraySize = 1000;
constexpr double kMB = 1e6;
constexpr long kRssLimitKb = 128 * 1000;

const char* kTripsQuery =
    "SELECT tpep_pickup_datetime, tpep_dropoff_datetime, trip_distance, fare_amount, "
    "pickup_zip, dropoff_zip FROM samples.nyctaxi.trips";

// Rows of ~1 KB in each padded mode.
long long padded_rows(const std::string& mode) {
  if (mode == "0.5gb") return 550'000;
  if (mode == "1gb") return 1'100'000;
  if (mode == "2gb") return 2'200'000;
  return 0;
}

struct Options {
  std::vector<std::string> modes = {"external_links", "inline"};
  std::vector<int> threads;          // MaxNumResultFileDownloadThreads values; empty = default
  std::string storage_delay;         // "MS,MBPS" for the warehouse started here
  std::string keys;                  // appended to every connection string
  std::string connect;  // empty: start a warehouse
  std::string driver;
  std::string warehouse_dir;
};

struct Result {
  long long rows = 0;
  double exec_seconds = 0;
  double fetch_seconds = 0;
  double checksum = 0;  // keeps the fetched values alive, and is printed
  long peak_rss_kb = 0;
};

// Thrown to end the program; main() catches it so the warehouse is stopped and removed.
struct Fatal : std::runtime_error {
  using std::runtime_error::runtime_error;
};

[[noreturn]] void die(const std::string& message) {
  throw Fatal(message);
}

std::string diag(SQLSMALLINT type, SQLHANDLE handle) {
  SQLCHAR state[6] = {0}, text[1024] = {0};
  SQLINTEGER native = 0;
  SQLSMALLINT len = 0;
  std::string out;
  for (SQLSMALLINT i = 1;
       SQL_SUCCEEDED(SQLGetDiagRec(type, handle, i, state, &native, text, sizeof text, &len));
       ++i) {
    out += std::string("[") + reinterpret_cast<char*>(state) + "] " +
           reinterpret_cast<char*>(text) + "\n";
  }
  return out;
}

void check(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE handle, const char* what) {
  if (!SQL_SUCCEEDED(rc)) die(std::string(what) + " failed:\n" + diag(type, handle));
}

// Peak resident set size of this process since the last reset_peak_rss(), in KB (VmHWM).
long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// Linux resets VmHWM to the current RSS when "5" is written to clear_refs, so each mode
// reports its own peak.
void reset_peak_rss() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

std::map<std::string, std::string> parse_connection_string(const std::string& s) {
  std::map<std::string, std::string> keys;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, ';')) {
    auto eq = part.find('=');
    if (eq == std::string::npos) continue;
    std::string key = part.substr(0, eq);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    keys[key] = part.substr(eq + 1);
  }
  return keys;
}

// The size of the statement's JSON_ARRAY result, asked of the warehouse's REST API
// directly (EXTERNAL_LINKS manifests carry total_byte_count). Only over plain HTTP. The
// modes' statements hold no character that needs escaping in JSON.
std::optional<double> json_megabytes(const std::string& connection_string, const std::string& sql) {
  auto keys = parse_connection_string(connection_string);
  if (keys["ssl"] != "0" || keys["host"].empty()) return std::nullopt;
  std::string token = keys.count("pwd") ? keys["pwd"] : keys["token"];
  std::string path = keys["httppath"];
  std::string warehouse_id = path.substr(path.rfind('/') + 1);
  int port = std::stoi(keys["port"]);
  std::string body = "{\"statement\":\"" + sql + "\",\"warehouse_id\":\"" + warehouse_id +
                     "\",\"disposition\":\"EXTERNAL_LINKS\",\"format\":\"JSON_ARRAY\","
                     "\"wait_timeout\":\"50s\"}";
  auto r = http_plain(keys["host"], port, "POST", "/api/2.0/sql/statements", body, token);
  std::string id = json_field(r.body, "statement_id");
  for (int i = 0; i < 600 && json_field(r.body, "state") != "SUCCEEDED"; ++i) {
    if (json_field(r.body, "state") == "FAILED" || id.empty()) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    r = http_plain(keys["host"], port, "GET", "/api/2.0/sql/statements/" + id, {}, token);
  }
  std::string bytes = json_field(r.body, "total_byte_count");
  http_plain(keys["host"], port, "DELETE", "/api/2.0/sql/statements/" + id, {}, token);
  if (bytes.empty()) return std::nullopt;
  return std::stod(bytes) / kMB;
}

// Column-wise bound buffers for up to six columns of the modes' shapes.
struct Buffers {
  std::vector<SQL_TIMESTAMP_STRUCT> ts[2];
  std::vector<SQLDOUBLE> dbl[2];
  std::vector<SQLINTEGER> int32[2];
  std::vector<SQLBIGINT> int64;
  std::vector<char> text;
  std::vector<SQLLEN> ind[6];
};

constexpr SQLLEN kPadBytes = 1001;

void bind_trips(SQLHSTMT stmt, Buffers& b) {
  for (int i = 0; i < 2; ++i) {
    b.ts[i].resize(kArraySize);
    b.dbl[i].resize(kArraySize);
    b.int32[i].resize(kArraySize);
  }
  for (auto& ind : b.ind) ind.resize(kArraySize);
  check(SQLBindCol(stmt, 1, SQL_C_TYPE_TIMESTAMP, b.ts[0].data(), 0, b.ind[0].data()),
        SQL_HANDLE_STMT, stmt, "SQLBindCol");
  check(SQLBindCol(stmt, 2, SQL_C_TYPE_TIMESTAMP, b.ts[1].data(), 0, b.ind[1].data()),
        SQL_HANDLE_STMT, stmt, "SQLBindCol");
  check(SQLBindCol(stmt, 3, SQL_C_DOUBLE, b.dbl[0].data(), 0, b.ind[2].data()), SQL_HANDLE_STMT,
        stmt, "SQLBindCol");
  check(SQLBindCol(stmt, 4, SQL_C_DOUBLE, b.dbl[1].data(), 0, b.ind[3].data()), SQL_HANDLE_STMT,
        stmt, "SQLBindCol");
  check(SQLBindCol(stmt, 5, SQL_C_SLONG, b.int32[0].data(), 0, b.ind[4].data()), SQL_HANDLE_STMT,
        stmt, "SQLBindCol");
  check(SQLBindCol(stmt, 6, SQL_C_SLONG, b.int32[1].data(), 0, b.ind[5].data()), SQL_HANDLE_STMT,
        stmt, "SQLBindCol");
}

double trips_checksum(const Buffers& b, SQLULEN rows) {
  double sum = 0;
  for (SQLULEN r = 0; r < rows; ++r) {
    sum += b.dbl[1][r] + b.int32[0][r] + b.ts[0][r].minute;
  }
  return sum;
}

void bind_padded(SQLHSTMT stmt, Buffers& b) {
  b.int64.resize(kArraySize);
  b.text.resize(kArraySize * kPadBytes);
  for (auto& ind : b.ind) ind.resize(kArraySize);
  check(SQLBindCol(stmt, 1, SQL_C_SBIGINT, b.int64.data(), 0, b.ind[0].data()), SQL_HANDLE_STMT,
        stmt, "SQLBindCol");
  check(SQLBindCol(stmt, 2, SQL_C_CHAR, b.text.data(), kPadBytes, b.ind[1].data()), SQL_HANDLE_STMT,
        stmt, "SQLBindCol");
}

double padded_checksum(const Buffers& b, SQLULEN rows) {
  double sum = 0;
  for (SQLULEN r = 0; r < rows; ++r) sum += static_cast<double>(b.int64[r]) + b.ind[1][r];
  return sum;
}

Result run(SQLHDBC dbc, const std::string& sql, bool padded) {
  reset_peak_rss();
  SQLHSTMT stmt = nullptr;
  check(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt), SQL_HANDLE_DBC, dbc, "SQLAllocHandle");
  SQLULEN fetched = 0;
  SQLSetStmtAttr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(kArraySize), 0);
  SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  Buffers buffers;
  Result result;
  auto start = Clock::now();
  check(SQLExecDirect(stmt, reinterpret_cast<SQLCHAR*>(const_cast<char*>(sql.c_str())), SQL_NTS),
        SQL_HANDLE_STMT, stmt, "SQLExecDirect");
  auto executed = Clock::now();
  if (padded) {
    bind_padded(stmt, buffers);
  } else {
    bind_trips(stmt, buffers);
  }
  SQLRETURN rc;
  while ((rc = SQLFetch(stmt)) != SQL_NO_DATA) {
    check(rc, SQL_HANDLE_STMT, stmt, "SQLFetch");
    result.rows += static_cast<long long>(fetched);
    result.checksum +=
        padded ? padded_checksum(buffers, fetched) : trips_checksum(buffers, fetched);
  }
  auto done = Clock::now();
  SQLFreeHandle(SQL_HANDLE_STMT, stmt);
  result.exec_seconds = std::chrono::duration<double>(executed - start).count();
  result.fetch_seconds = std::chrono::duration<double>(done - executed).count();
  result.peak_rss_kb = peak_rss_kb();
  return result;
}

SQLHDBC open_connection(SQLHENV env, const std::string& connection_string) {
  SQLHDBC dbc = nullptr;
  check(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_HANDLE_ENV, env, "SQLAllocHandle");
  check(SQLDriverConnect(dbc, nullptr,
                         reinterpret_cast<SQLCHAR*>(const_cast<char*>(connection_string.c_str())),
                         SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc, "SQLDriverConnect");
  return dbc;
}

Options parse_args(int argc, char** argv) {
  Options o;
  char self[4096] = {0};
  if (readlink("/proc/self/exe", self, sizeof self - 1) > 0) {
    o.driver = (std::filesystem::path(self).parent_path() / "libdbsqlodbc.so").string();
  }
  o.warehouse_dir =
      (std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / "warehouse")
          .string();
  if (const char* env = std::getenv("DBSQL_BENCH_CONNECT")) o.connect = env;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) die(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--mode") {
      std::string m = value();
      o.modes.clear();
      if (m == "all") m = "0.5gb,1gb,2gb,external_links,inline";
      std::stringstream in(m);
      std::string one;
      while (std::getline(in, one, ',')) {
        if (one != "external_links" && one != "inline" && padded_rows(one) == 0)
          die("unknown mode " + one);
        o.modes.push_back(one);
      }
    } else if (arg == "--threads") {
      std::stringstream in(value());
      std::string one;
      while (std::getline(in, one, ',')) o.threads.push_back(std::stoi(one));
    } else if (arg == "--keys") {
      o.keys = ";" + value() + ";";
    } else if (arg == "--storage-delay") {
      o.storage_delay = value();
      if (o.storage_delay.find(',') == std::string::npos) die("--storage-delay needs MS,MBPS");
    } else if (arg == "--connect") {
      o.connect = value();
    } else if (arg == "--driver") {
      o.driver = value();
    } else if (arg == "--warehouse-dir") {
      o.warehouse_dir = value();
    } else {
      die("usage: fetch_bench [--mode external_links,inline,0.5gb,1gb,2gb|all] [--threads 1,4] "
          "[--storage-delay MS,MBPS] [--keys \"K=V;...\"] [--connect CONNSTR] [--driver PATH] [--warehouse-dir DIR]");
    }
  }
  return o;
}

void report(const std::string& mode, int columns, const Result& r, std::optional<double> mb) {
  double rows_per_s = r.rows / r.fetch_seconds;
  std::printf("%-15s %9lld rows x %d cols  execute %6.2f s  fetch %6.2f s  %10.0f rows/s  ",
              mode.c_str(), r.rows, columns, r.exec_seconds, r.fetch_seconds, rows_per_s);
  if (mb) {
    std::printf("%7.1f MB/s (%.1f MB of JSON)", *mb / r.fetch_seconds, *mb);
  } else {
    std::printf("    MB/s n/a");
  }
  std::printf("  peak RSS %.1f MB  [checksum %.0f]\n", r.peak_rss_kb / 1000.0, r.checksum);
  std::fflush(stdout);
}

}  // namespace

int run_modes(const Options& options);

int main(int argc, char** argv) {
  try {
    return run_modes(parse_args(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fetch_bench: %s\n", e.what());
    return 2;
  }
}

int run_modes(const Options& options) {
  std::unique_ptr<dbsql::odbc_test::Warehouse> warehouse;
  std::string base = options.connect;
  if (base.empty()) {
    dbsql::odbc_test::WarehouseOptions wo;
    wo.server_dir = options.warehouse_dir;
    wo.driver_path = options.driver;
    wo.extra_args = {"--trips-rows", "1000000"};
    if (const auto comma = options.storage_delay.find(','); comma != std::string::npos) {
      wo.extra_args.insert(wo.extra_args.end(),
                           {"--storage-first-byte-ms", options.storage_delay.substr(0, comma),
                            "--storage-mbps", options.storage_delay.substr(comma + 1)});
      std::fprintf(stderr, "fetch_bench: storage answers after %s ms, at %s MB/s per connection\n",
                   options.storage_delay.substr(0, comma).c_str(),
                   options.storage_delay.substr(comma + 1).c_str());
    }
    std::fprintf(stderr, "fetch_bench: starting the local warehouse (1,000,000 trips)...\n");
    warehouse = dbsql::odbc_test::Warehouse::start(wo);
    base = warehouse->connection_string();
  }

  SQLHENV env = nullptr;
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3_80), 0);
  std::printf("fetch_bench: %zu-row arrays of bound columns, driver %s\n",
              static_cast<std::size_t>(kArraySize),
              warehouse ? options.driver.c_str() : "(from --connect)");

  int status = 0;
  const std::vector<int> thread_counts = options.threads.empty() ? std::vector<int>{0}
                                                                 : options.threads;
  for (const std::string& mode : options.modes) {
    bool inline_mode = mode == "inline";
    const long long padded = padded_rows(mode);
    std::string sql = padded ? "SELECT id, repeat('x', 1000) AS pad FROM range(" +
                                   std::to_string(padded) + ") AS t(id)"
                             : std::string(kTripsQuery) + (inline_mode ? " LIMIT 250000" : "");
    std::optional<double> mb = json_megabytes(base, sql);
    double first_rows_per_s = 0;
    for (int threads : thread_counts) {
      std::string connection =
          base + options.keys + (inline_mode ? ";ResultDisposition=inline;" : "");
      std::string label = mode;
      if (threads > 0) {
        connection += ";MaxNumResultFileDownloadThreads=" + std::to_string(threads) + ";";
        label += "/t" + std::to_string(threads);
      }
      SQLHDBC dbc = open_connection(env, connection);
      Result r = run(dbc, sql, padded > 0);
      SQLDisconnect(dbc);
      SQLFreeHandle(SQL_HANDLE_DBC, dbc);
      report(label, padded ? 2 : 6, r, mb);
      const double rows_per_s = r.rows / r.fetch_seconds;
      if (first_rows_per_s == 0) {
        first_rows_per_s = rows_per_s;
      } else {
        std::printf("%s: %.2fx the rows/s of %s/t%d\n", label.c_str(),
                    rows_per_s / first_rows_per_s, mode.c_str(), thread_counts.front());
      }
      if (padded && r.peak_rss_kb >= kRssLimitKb) {
        std::printf("%s: FAIL: peak RSS %.1f MB is not under 128 MB\n", label.c_str(),
                    r.peak_rss_kb / 1000.0);
        status = 1;
      } else if (padded) {
        std::printf("%s: PASS: peak RSS under 128 MB while streaming %.2f GB\n", label.c_str(),
                    mb ? *mb / 1000 : 0.0);
      }
    }
  }
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("process peak RSS (getrusage): %.1f MB\n", usage.ru_maxrss / 1000.0);
  return status;
}
