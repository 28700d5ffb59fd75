// soak: thousands of connect / execute / fetch / cancel / disconnect cycles through the
// unixODBC driver manager against the local warehouse, with faults injected on many of
// them, for a bounded time; reports the process's threads, open file descriptors, RSS and
// the ODBC handles it holds, after a warm-up and at the end. They must not grow: exit
// status 1 when they do (PASS / FAIL on the last line). Not a test (see bench/README.md).
//
//   soak [--seconds 120] [--driver PATH] [--warehouse-dir DIR]
//
// Each cycle connects, runs one workload of the table below, and disconnects; every
// outcome must be the one the workload expects (a complete result, or the SQLSTATE named).
#include <sql.h>
#include <sqlext.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

// As fetch_bench: each bench/*.cpp is a program that links only libodbc.
#include "../tests/odbc/http_plain.cpp"
#include "../tests/odbc/warehouse.cpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr long long kRows = 20000;  // four chunks of 5,000 rows
const std::string kQuery = "SELECT id FROM range(" + std::to_string(kRows) + ") AS t(id)";

struct Workload {
  const char* name;
  const char* fault;     // a rule for POST /_warehouse/faults, or ""
  const char* expected;  // "" = the whole result; else the SQLSTATE of the failure
  enum Kind { kFetchAll, kCancel, kAbandon } kind = kFetchAll;
};

const Workload kWorkloads[] = {
    {"plain", "", ""},
    {"storage 503 once", R"({"target":"storage","status":503})", ""},
    {"chunk file cut once", R"({"target":"storage","truncate":true})", ""},
    {"submit 429 once", R"({"method":"POST","path":"/api/2.0/sql/statements","status":429})", ""},
    {"statement fails", R"({"fail_statement":{"sql_state":"40001","message":"busy"}})", "40001"},
    {"storage 500 persists", R"({"target":"storage","status":500,"count":1000})", "HY000"},
    {"cancel while downloading", R"({"target":"storage","delay_ms":1500,"count":1000})", "HY008",
     Workload::kCancel},
    {"abandoned after one row", "", "", Workload::kAbandon},
};

struct Figures {
  long threads = 0;
  long fds = 0;
  long rss_kb = 0;
  long handles = 0;
};

long status_field(const char* name) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(name, 0) == 0) return std::atol(line.c_str() + std::strlen(name));
  return -1;
}

std::atomic<long> live_handles{0};

Figures measure() {
  Figures f;
  f.threads = status_field("Threads:");
  f.rss_kb = status_field("VmRSS:");
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/fd"))
    ++f.fds;
  f.handles = live_handles.load();
  return f;
}

SQLHANDLE alloc(SQLSMALLINT type, SQLHANDLE parent) {
  SQLHANDLE h = nullptr;
  if (SQL_SUCCEEDED(SQLAllocHandle(type, parent, &h))) ++live_handles;
  return h;
}
void release(SQLSMALLINT type, SQLHANDLE h) {
  if (h && SQL_SUCCEEDED(SQLFreeHandle(type, h))) --live_handles;
}

std::string sqlstate_of(SQLHSTMT stmt) {
  SQLCHAR state[6] = {};
  SQLINTEGER native = 0;
  SQLCHAR message[512];
  SQLSMALLINT length = 0;
  if (!SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_STMT, stmt, 1, state, &native, message,
                                   sizeof message, &length)))
    return "(no diagnostic)";
  return reinterpret_cast<char*>(state);
}

// What one cycle's statement ended with: "" for a whole result, else a SQLSTATE.
std::string run_workload(SQLHDBC dbc, const Workload& w) {
  SQLHSTMT stmt = alloc(SQL_HANDLE_STMT, dbc);
  std::string outcome;
  SQLBIGINT ids[1000];
  SQLULEN fetched = 0;
  SQLSetStmtAttr(stmt, SQL_ATTR_ROW_ARRAY_SIZE, reinterpret_cast<SQLPOINTER>(1000), 0);
  SQLSetStmtAttr(stmt, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0);
  SQLBindCol(stmt, 1, SQL_C_SBIGINT, ids, 0, nullptr);
  SQLRETURN rc = SQLExecDirect(stmt, (SQLCHAR*)kQuery.c_str(), SQL_NTS);
  if (!SQL_SUCCEEDED(rc)) {
    outcome = sqlstate_of(stmt);
  } else if (w.kind == Workload::kAbandon) {
    rc = SQLFetch(stmt);
    outcome = SQL_SUCCEEDED(rc) ? "" : sqlstate_of(stmt);
    SQLFreeStmt(stmt, SQL_CLOSE);
  } else {
    std::atomic<bool> done{false};
    std::thread canceller;
    if (w.kind == Workload::kCancel)
      canceller = std::thread([&] {
        while (!done) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
          if (!done) SQLCancel(stmt);
        }
      });
    long long rows = 0, sum = 0;
    while ((rc = SQLFetch(stmt)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO)
      for (SQLULEN r = 0; r < fetched; ++r, ++rows) sum += ids[r];
    done = true;
    if (canceller.joinable()) canceller.join();
    if (rc != SQL_NO_DATA)
      outcome = sqlstate_of(stmt);
    else if (rows != kRows || sum != kRows * (kRows - 1) / 2)
      outcome = "short result: " + std::to_string(rows) + " rows";
  }
  release(SQL_HANDLE_STMT, stmt);
  return outcome;
}

void print(const char* when, const Figures& f, long cycles) {
  std::printf("%-5s after %6ld cycles: threads %ld, fds %ld, RSS %.1f MB, ODBC handles %ld\n", when,
              cycles, f.threads, f.fds, f.rss_kb / 1000.0, f.handles);
}

}  // namespace

int main(int argc, char** argv) {
  int seconds = 120;
  // Defaults as fetch_bench's: the driver next to this program, the warehouse of this tree.
  std::string driver =
      (std::filesystem::canonical("/proc/self/exe").parent_path() / "libdbsqlodbc.so").string();
  std::string warehouse_dir =
      (std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / "warehouse")
          .string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") seconds = std::atoi(argv[i + 1]);
    else if (flag == "--driver") driver = argv[i + 1];
    else if (flag == "--warehouse-dir") warehouse_dir = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: soak [--seconds N] [--driver PATH] [--warehouse-dir DIR]\n");
      return 2;
    }
  }
  try {
    dbsql::odbc_test::WarehouseOptions wo;
    wo.server_dir = warehouse_dir;
    wo.driver_path = driver;
    wo.faults = true;
    wo.rows_per_chunk = 5000;
    auto warehouse = dbsql::odbc_test::Warehouse::start(wo);
    const std::string connection = warehouse->connection_string("RetryTimeout=2;");
    auto admin = [&](const char* method, const std::string& path, const std::string& body) {
      dbsql::odbc_test::http_plain(warehouse->host_name(), warehouse->port(), method, path, body,
                                   "");
    };

    SQLHENV env = alloc(SQL_HANDLE_ENV, SQL_NULL_HANDLE);
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3_80), 0);
    long cycles = 0, unexpected = 0;
    auto cycle = [&] {
      const Workload& w = kWorkloads[cycles % std::size(kWorkloads)];
      admin("DELETE", "/_warehouse/faults", "");
      if (*w.fault) admin("POST", "/_warehouse/faults", w.fault);
      SQLHDBC dbc = alloc(SQL_HANDLE_DBC, env);
      std::string outcome;
      if (!SQL_SUCCEEDED(SQLDriverConnect(dbc, nullptr, (SQLCHAR*)connection.c_str(), SQL_NTS,
                                          nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT))) {
        outcome = "connect failed";
      } else {
        outcome = run_workload(dbc, w);
        SQLDisconnect(dbc);
      }
      release(SQL_HANDLE_DBC, dbc);
      if (outcome != w.expected) {
        ++unexpected;
        std::printf("cycle %ld (%s): expected %s, got %s\n", cycles, w.name,
                    *w.expected ? w.expected : "the whole result",
                    outcome.empty() ? "the whole result" : outcome.c_str());
      }
      ++cycles;
    };
    // Warm-up: the first cycles load the driver, TLS and curl state, the allocator's pools.
    for (int i = 0; i < 4 * static_cast<int>(std::size(kWorkloads)); ++i) cycle();
    const Figures start = measure();
    print("start", start, cycles);
    const auto until = Clock::now() + std::chrono::seconds(seconds);
    while (Clock::now() < until) cycle();
    admin("DELETE", "/_warehouse/faults", "");
    const Figures end = measure();
    print("end", end, cycles);
    release(SQL_HANDLE_ENV, env);

    // Threads and descriptors must come back to where they were; RSS may wobble with the
    // allocator's pools, not climb (10% or 8 MB, whichever is larger).
    const long rss_slack = std::max(start.rss_kb / 10, 8000L);
    const bool grew = end.threads > start.threads || end.fds > start.fds ||
                      end.handles > start.handles || end.rss_kb > start.rss_kb + rss_slack;
    std::printf("%s: %ld cycles in %d s, %ld unexpected outcomes; threads %+ld, fds %+ld, "
                "RSS %+.1f MB, handles %+ld\n",
                grew || unexpected ? "FAIL" : "PASS", cycles, seconds, unexpected,
                end.threads - start.threads, end.fds - start.fds,
                (end.rss_kb - start.rss_kb) / 1000.0, end.handles - start.handles);
    return grew || unexpected ? 1 : 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "soak: %s\n", e.what());
    return 2;
  }
}
