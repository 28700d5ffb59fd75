// The fault matrix: one table of failures injected by the local warehouse's fault API
// (--faults), each run through the driver manager against a workload, and what the
// application must see: the complete, correct result, or an error with the right SQLSTATE
// and a message that says what happened. Never a crash, a hang, a silently short result
// or a statement run twice. Every scenario also proves its fault fired.
//
// tests/odbc/README.md lists these scenarios, with those covered by other suites.
#include <optional>
#include <string>
#include <vector>

#include "suite.h"
#include "warehouse_admin.h"

namespace dbsql::odbc_test {
namespace {

constexpr long long kRows = 100000;
constexpr int kRowsPerChunk = 10000;  // ten chunks, so a fault can hit one among many
// Failures that persist are reported after RetryTimeout: 5 s rather than 120 s keeps the
// suite short, and still leaves room for every retry the other scenarios need.
const std::string kKeys = "RetryTimeout=5;";
const std::string kQuery =
    "SELECT id FROM range(" + std::to_string(kRows) + ") AS t(id)";

enum class Workload {
  kExternal,  // kQuery, EXTERNAL_LINKS (the default), bound columns, 500 rows per fetch
  kInline,    // the same over INLINE chunks
  kPolled,    // kQuery with a 4 s query timeout: submitted with wait_timeout 0s, then polled
  kInsert,    // one INSERT of one row; the table is counted afterwards
  kConnect,   // a new connection with the scenario's keys, then a query
  kCancelFetch,  // kQuery fetched while another thread calls SQLCancel
  kConnectionTimeout,  // kExternal with SQL_ATTR_CONNECTION_TIMEOUT = 2 s on the connection
};

enum class Expect {
  kComplete,   // every row, in a successful fetch to SQL_NO_DATA
  kError,      // SQL_ERROR with `state` and `message` (at execute, fetch or connect)
  kNeverShort, // either of the above; a short result ending in SQL_NO_DATA fails
};

struct Scenario {
  const char* name;
  Workload workload;
  std::vector<std::string> faults;  // rules for POST /_warehouse/faults
  Expect expect;
  const char* state = "";    // kError: the SQLSTATE (or "A|B" where either is right)
  const char* message = "";  // kError: a part of the message (case-insensitive)
  const char* keys = "";     // kConnect: the connection string ("" = the warehouse's own)
};

const char* const kSubmit = R"("target":"api","method":"POST","path":"/api/2.0/sql/statements")";
const char* const kPoll = R"("target":"api","method":"GET","path":"/api/2.0/sql/statements/")";
const char* const kChunk = R"("target":"api","method":"GET","path":"/result/chunks/")";
const char* const kStorage = R"("target":"storage")";

std::string rule(const char* where, const std::string& action) {
  return "{" + std::string(where) + "," + action + "}";
}

// A POST of a statement is never sent twice after a transport failure, and a chunk is
// retried only where nothing was delivered from it: these are the cases the driver decides.
const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> all = {
      // 429 and 503, with and without Retry-After, on each workspace endpoint: retried.
      {"SubmitTooManyRequestsWithRetryAfter", Workload::kExternal,
       {rule(kSubmit, R"("status":429,"retry_after":1)")}, Expect::kComplete},
      {"SubmitTooManyRequestsWithoutRetryAfter", Workload::kExternal,
       {rule(kSubmit, R"("status":429,"count":2)")}, Expect::kComplete},
      {"SubmitUnavailableWithRetryAfter", Workload::kExternal,
       {rule(kSubmit, R"("status":503,"retry_after":1)")}, Expect::kComplete},
      {"SubmitUnavailableWithoutRetryAfter", Workload::kExternal,
       {rule(kSubmit, R"("status":503,"count":2)")}, Expect::kComplete},
      {"PollTooManyRequestsWithRetryAfter", Workload::kPolled,
       {rule(kPoll, R"("status":429,"retry_after":1)")}, Expect::kComplete},
      {"PollTooManyRequestsWithoutRetryAfter", Workload::kPolled,
       {rule(kPoll, R"("status":429,"count":2)")}, Expect::kComplete},
      {"PollUnavailableWithRetryAfter", Workload::kPolled,
       {rule(kPoll, R"("status":503,"retry_after":1)")}, Expect::kComplete},
      {"PollUnavailableWithoutRetryAfter", Workload::kPolled,
       {rule(kPoll, R"("status":503,"count":2)")}, Expect::kComplete},
      {"ChunkTooManyRequestsWithRetryAfter", Workload::kExternal,
       {rule(kChunk, R"("status":429,"retry_after":1)")}, Expect::kComplete},
      {"ChunkTooManyRequestsWithoutRetryAfter", Workload::kExternal,
       {rule(kChunk, R"("status":429,"count":2)")}, Expect::kComplete},
      {"ChunkUnavailableWithRetryAfter", Workload::kInline,
       {rule(kChunk, R"("status":503,"retry_after":1)")}, Expect::kComplete},
      {"ChunkUnavailableWithoutRetryAfter", Workload::kInline,
       {rule(kChunk, R"("status":503,"count":2)")}, Expect::kComplete},
      {"StorageUnavailableWithRetryAfter", Workload::kExternal,
       {rule(kStorage, R"("status":503,"retry_after":1)")}, Expect::kComplete},
      // Server errors and dropped connections.
      {"StorageServerErrorOnOneChunkAmongMany", Workload::kExternal,
       {rule(kStorage, R"("status":500)")}, Expect::kComplete},
      {"ChunkEndpointServerErrorOnce", Workload::kInline,
       {rule(kChunk, R"("status":500)")}, Expect::kComplete},
      {"StorageServerErrorThatPersists", Workload::kExternal,
       {rule(kStorage, R"("status":500,"count":1000)")}, Expect::kError, "HY000",
       "Try again later"},
      {"ConnectionDroppedMidChunk", Workload::kExternal, {rule(kStorage, R"("drop":true)")},
       Expect::kNeverShort},
      {"ConnectionDroppedMidInlineChunk", Workload::kInline, {rule(kChunk, R"("drop":true)")},
       Expect::kNeverShort},
      {"ConnectionDroppedMidPoll", Workload::kPolled, {rule(kPoll, R"("drop":true)")},
       Expect::kComplete},
      // The statement ran; its answer was lost. Sending it again could insert the row twice.
      {"ConnectionDroppedMidSubmitIsNotResent", Workload::kInsert,
       {rule(kSubmit, R"("drop":true)")}, Expect::kError, "08S01", "may have run"},
      {"SubmitServerErrorIsNotResent", Workload::kInsert, {rule(kSubmit, R"("status":500)")},
       Expect::kError, "HY000", "may have run"},
      {"ProxyErrorPageOnSubmit", Workload::kInsert,
       {rule(kSubmit, R"("status":502,"body":"<html><body>502 Bad Gateway</body></html>")")},
       Expect::kError, "08S01|HY000", "HTTP 502"},
      // Truncated and malformed JSON in each kind of response: a submit's answer is lost
      // (the statement may have run; it is not sent again), a GET is asked again.
      {"TruncatedSubmitResponse", Workload::kInsert, {rule(kSubmit, R"("truncate":true)")},
       Expect::kError, "08S01|HY000", "statement"},
      {"MalformedSubmitResponse", Workload::kExternal, {rule(kSubmit, R"("malformed":true)")},
       Expect::kError, "08S01|HY000", "statement"},
      {"TruncatedPollResponse", Workload::kPolled, {rule(kPoll, R"("truncate":true)")},
       Expect::kComplete},
      {"MalformedPollResponse", Workload::kPolled, {rule(kPoll, R"("malformed":true)")},
       Expect::kComplete},
      {"TruncatedChunkLinksResponse", Workload::kExternal, {rule(kChunk, R"("truncate":true)")},
       Expect::kComplete},
      {"MalformedChunkLinksResponse", Workload::kExternal,
       {rule(kChunk, R"("malformed":true)")}, Expect::kComplete},
      {"TruncatedInlineChunk", Workload::kInline, {rule(kChunk, R"("truncate":true)")},
       Expect::kComplete},
      {"TruncatedStorageChunk", Workload::kExternal, {rule(kStorage, R"("truncate":true)")},
       Expect::kComplete},
      {"MalformedStorageChunk", Workload::kExternal, {rule(kStorage, R"("malformed":true)")},
       Expect::kComplete},
      // A GET answer that does not parse is asked for once more; twice is an error.
      {"MalformedPollResponseTwice", Workload::kPolled,
       {rule(kPoll, R"("malformed":true,"count":2)")}, Expect::kError, "08S01",
       "incomplete or malformed"},
      {"TruncatedStorageChunkEveryTime", Workload::kExternal,
       {rule(kStorage, R"("truncate":true,"count":1000)")}, Expect::kError, "08S01",
       "Run the statement again"},
      {"MalformedErrorBody", Workload::kExternal,
       {rule(kSubmit, R"("status":400,"body":"<html>Bad Request</html>")")}, Expect::kError,
       "HY000", "HTTP 400"},
      // Storage links.
      {"ExpiredLinks", Workload::kExternal, {rule(kStorage, R"("storage":"expired","count":2)")},
       Expect::kComplete},
      {"StorageForbiddenOnce", Workload::kExternal, {rule(kStorage, R"("storage":"forbidden")")},
       Expect::kComplete},
      {"StorageForbiddenThatPersists", Workload::kExternal,
       {rule(kStorage, R"("storage":"forbidden","count":1000)")}, Expect::kError, "HY000",
       "ResultDisposition=inline"},
      // The statement as the server ends it.
      {"StatementFailedOnTheServer", Workload::kExternal,
       {R"({"fail_statement":{"sql_state":"40001","message":"Concurrent update. SQLSTATE: 40001"}})"},
       Expect::kError, "40001", "Concurrent update"},
      {"StatementCanceledOnTheServer", Workload::kExternal, {R"({"end_state":"CANCELED"})"},
       Expect::kError, "HY008", "canceled on the server"},
      {"StatementClosedOnTheServerMidFetch", Workload::kInline, {R"({"end_state":"CLOSED"})"},
       Expect::kError, "HY000", "closed"},
      {"ManifestCountsMoreRowsThanTheResultHas", Workload::kExternal,
       {R"({"misreport_rows":5})"}, Expect::kError, "HY000", "rows"},
      {"ManifestCountsFewerRowsThanTheResultHas", Workload::kExternal,
       {R"({"misreport_rows":-5})"}, Expect::kError, "HY000", "rows"},
      // Cancel while a chunk download hangs (storage waits 30 s before answering).
      {"CancelDuringFetch", Workload::kCancelFetch,
       {rule(kStorage, R"("delay_ms":30000,"count":1000)")}, Expect::kError, "HY008", "cancel"},
      // SQL_ATTR_QUERY_TIMEOUT (4 s) bounds each fetch's wait for a chunk: storage waits 30 s.
      {"QueryTimeoutWhileAChunkDownloads", Workload::kPolled,
       {rule(kStorage, R"("delay_ms":30000,"count":1000)")}, Expect::kError, "HYT00",
       "did not arrive within 4 s"},
      // SQL_ATTR_CONNECTION_TIMEOUT (2 s) bounds each chunk request: storage waits 30 s.
      {"ConnectionTimeoutWhileAChunkDownloads", Workload::kConnectionTimeout,
       {rule(kStorage, R"("delay_ms":30000,"count":1000)")}, Expect::kError, "HYT01",
       "in time while downloading a result chunk"},
      // The warehouse itself.
      {"WarehouseDeletedMidSession", Workload::kExternal,
       {rule(kSubmit,
             R"("status":404,"body":{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Warehouse does not exist."},"count":2)")},
       Expect::kError, "HY000", "does not exist"},
      {"DnsFailure", Workload::kConnect, {}, Expect::kError, "08001", "resolve",
       "Host=dbsql-test-no-such-host.invalid;Port=443;SSL=1;HTTPPath=/sql/1.0/warehouses/abc;"
       "AuthMech=3;UID=token;PWD=dapi-unused;"},
  };
  return all;
}

// What the workload saw: the scan of its rows (or only exec_rc and diags), and for kInsert
// the rows in the table afterwards.
struct Outcome : BigintScan {
  long long inserted = -1;
};

class FaultMatrixTest : public WarehouseSuite<FaultMatrixTest>,
                        public ::testing::WithParamInterface<Scenario> {
 public:
  static WarehouseOptions warehouse_options() {
    WarehouseOptions o = faults_warehouse();
    o.rows_per_chunk = kRowsPerChunk;
    return o;
  }
  static std::string connection_keys() { return kKeys; }

 protected:
  void SetUp() override {
    WarehouseSuite::SetUp();
    admin_.emplace(warehouse());
    admin_->clear_faults();
    admin_->set_config(R"({"link_ttl_seconds":900,"link_http_headers":false})");
  }
  void TearDown() override {
    if (admin_) admin_->clear_faults();
    WarehouseSuite::TearDown();
  }

  void arm(const Scenario& sc) {
    for (const std::string& f : sc.faults) admin_->add_fault(f);
  }

  Outcome fetch_all(Dbc& dbc, const std::string& sql, SQLULEN query_timeout = 0) {
    Stmt s(dbc);
    if (query_timeout) {
      SQLSetStmtAttr(s.get(), SQL_ATTR_QUERY_TIMEOUT, reinterpret_cast<SQLPOINTER>(query_timeout),
                     0);
    }
    return Outcome{scan_bigints(s, sql)};
  }

  Outcome run(const Scenario& sc) {
    switch (sc.workload) {
      case Workload::kExternal:
        arm(sc);
        return fetch_all(dbc(), kQuery);
      case Workload::kInline: {
        Dbc inline_dbc(env_);
        EXPECT_ODBC_OK(inline_dbc.driver_connect(
                           warehouse().connection_string(kKeys + "ResultDisposition=inline;")),
                       SQL_HANDLE_DBC, inline_dbc.get());
        arm(sc);
        return fetch_all(inline_dbc, kQuery);
      }
      case Workload::kPolled:
        arm(sc);
        return fetch_all(dbc(), "/*warehouse:sleep=0.5*/ " + kQuery, 4);
      case Workload::kInsert: {
        run_sql("CREATE OR REPLACE TABLE fault_matrix_once (id INT)");
        arm(sc);
        Outcome o = fetch_none(dbc(), "INSERT INTO fault_matrix_once VALUES (1)");
        admin_->clear_faults();
        auto rows = query("SELECT count(*) FROM fault_matrix_once");
        o.inserted = rows.empty() ? -1 : std::stoll(rows.at(0).at(0).value_or("-1"));
        return o;
      }
      case Workload::kConnectionTimeout: {
        SQLSetConnectAttr(dbc().get(), SQL_ATTR_CONNECTION_TIMEOUT, reinterpret_cast<SQLPOINTER>(2),
                          0);
        arm(sc);
        Outcome o = fetch_all(dbc(), kQuery);
        SQLSetConnectAttr(dbc().get(), SQL_ATTR_CONNECTION_TIMEOUT, reinterpret_cast<SQLPOINTER>(0),
                          0);
        return o;
      }
      case Workload::kCancelFetch: {
        arm(sc);
        Outcome o;
        Stmt s(dbc());
        o.exec_rc = s.exec(kQuery);
        if (!SQL_SUCCEEDED(o.exec_rc)) {
          o.diags = s.diags();
          return o;
        }
        o.last_rc = cancel_while_running(s, [&] {
          SQLRETURN rc;
          while ((rc = s.fetch()) == SQL_SUCCESS) ++o.rows;
          return rc;
        });
        o.diags = s.diags();
        return o;
      }
      case Workload::kConnect: {
        arm(sc);
        Outcome o;
        Dbc other(env_);
        std::string keys = *sc.keys ? std::string("Driver=") + DBSQL_DRIVER_PATH + ";" + sc.keys
                                    : warehouse().connection_string(kKeys);
        if (!SQL_SUCCEEDED(other.driver_connect(keys))) {
          o.exec_rc = SQL_ERROR;
          o.diags = other.diags();
          return o;
        }
        return fetch_all(other, kQuery);
      }
    }
    return {};
  }

  Outcome fetch_none(Dbc& dbc, const std::string& sql) {
    Outcome o;
    Stmt s(dbc);
    o.exec_rc = s.exec(sql);
    if (!SQL_SUCCEEDED(o.exec_rc)) o.diags = s.diags();
    return o;
  }
  void run_sql(const std::string& sql) { WarehouseSuite::run(sql); }

  std::optional<WarehouseAdmin> admin_;
};

bool complete(const Scenario& sc, const Outcome& o) {
  if (!SQL_SUCCEEDED(o.exec_rc) || o.last_rc != SQL_NO_DATA) return false;
  if (sc.workload == Workload::kInsert) return o.inserted == 1;
  return o.rows == kRows && o.sum == kRows * (kRows - 1) / 2;
}

TEST_P(FaultMatrixTest, EndsCompleteOrWithAClearError) {
  const Scenario& sc = GetParam();
  const Outcome o = run(sc);
  const std::string seen = "exec " + std::string(return_code_name(o.exec_rc)) + ", last fetch " +
                           return_code_name(o.last_rc) + ", " + std::to_string(o.rows) +
                           " rows; diagnostics: " + to_string(o.diags);
  const bool failed = o.exec_rc == SQL_ERROR || o.last_rc == SQL_ERROR;
  switch (sc.expect) {
    case Expect::kComplete:
      EXPECT_TRUE(complete(sc, o)) << seen;
      break;
    case Expect::kError:
      EXPECT_TRUE(failed) << seen;
      EXPECT_TRUE(has_diag(o.diags, sc.state, sc.message)) << seen;
      break;
    case Expect::kNeverShort:
      if (failed) {
        EXPECT_FALSE(o.diags.empty()) << seen;
      } else {
        EXPECT_TRUE(complete(sc, o)) << "a short result without an error: " << seen;
      }
      break;
  }
  // A statement is never run twice, whatever the answer said.
  if (sc.workload == Workload::kInsert) {
    EXPECT_LE(o.inserted, 1) << "the INSERT ran more than once";
    if (!failed) {
      EXPECT_EQ(o.inserted, 1) << seen;
    }
  }
  EXPECT_EQ(admin_->unfired_faults(), std::vector<std::string>{}) << "faults that never fired";
  admin_->clear_faults();
  // The connection stays usable after every fault.
  EXPECT_TRUE(answers_a_query(dbc()));
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultMatrixTest, ::testing::ValuesIn(scenarios()),
                         [](const ::testing::TestParamInfo<Scenario>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace dbsql::odbc_test
