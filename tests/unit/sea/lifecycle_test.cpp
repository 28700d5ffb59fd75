// The statement lifecycle against a scripted server: submit, poll, cancel, timeout,
// retries, authentication, terminal states, DML counts, warehouse validation.
#include "sea/lifecycle.h"

#include <gtest/gtest.h>

#include <atomic>

#include "client_fixture.h"

namespace dbsql::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const std::string kId = "01f0-aaaa";

std::string one_row_select() {
  return succeeded_json(kId, manifest_json({"a", "b"}, {1}), inline_result(kId, 0, 0, 1, 2, false));
}

class Lifecycle : public ClientFixture {
 protected:
  // GET answers RUNNING until the cancel endpoint was called, then CANCELED.
  void serve_running_until_cancelled() {
    http.on("POST", statement_url(kId) + "/cancel",
            [this](const http::Request&, const CancelToken*) {
              cancelled_on_server = true;
              http::Response r;
              r.status = 200;
              r.body = "{}";
              return r;
            });
    http.on("GET", statement_url(kId), [this](const http::Request&, const CancelToken*) {
      http::Response r;
      r.status = 200;
      r.body = state_json(kId, cancelled_on_server ? "CANCELED" : "RUNNING");
      return r;
    });
  }
  std::atomic<bool> cancelled_on_server{false};
};

TEST_F(Lifecycle, ShortQuerySucceedsInTheSubmitAnswer) {
  http.reply("POST", statements_url(), 200, one_row_select());
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("SELECT 'r0c0', 'r0c1'");
  EXPECT_EQ(execution->statement_id(), kId);
  EXPECT_TRUE(execution->has_result_set());
  EXPECT_EQ(execution->affected_rows(), std::nullopt);
  ASSERT_EQ(execution->manifest().columns.size(), 2u);
  EXPECT_EQ(execution->manifest().columns[1].name, "b");
  EXPECT_EQ(read_all(execution->results()), generated_cells(1, 2));

  const http::Request submit = http.requests().at(0);
  EXPECT_EQ(header_of(submit, "Authorization"), "Bearer tok-1");
  EXPECT_EQ(header_of(submit, "Content-Type"), "application/json");
  EXPECT_EQ(header_of(submit, "User-Agent"), "dbsql-odbc-test/1");
  EXPECT_NE(submit.body.find(R"("wait_timeout":"10s","on_wait_timeout":"CONTINUE")"),
            std::string::npos);
  EXPECT_NE(submit.body.find(R"("warehouse_id":")" + kWarehouse + '"'), std::string::npos);
  EXPECT_NE(submit.body.find(R"("disposition":"INLINE","format":"JSON_ARRAY")"), std::string::npos);

  // The whole result was read: the statement is finished on the server, closing it costs
  // no request.
  execution.reset();
  EXPECT_EQ(http.calls(), std::vector<std::string>{"POST " + statements_url()});
}

TEST_F(Lifecycle, PollsWithGrowingBackoffUntilSucceeded) {
  http.reply("POST", statements_url(), 200, state_json(kId, "PENDING"));
  http.reply("GET", statement_url(kId), 200, state_json(kId, "PENDING"), 1);
  http.reply("GET", statement_url(kId), 200, state_json(kId, "RUNNING"), 6);
  http.reply("GET", statement_url(kId), 200, one_row_select());
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("SELECT 1");
  EXPECT_EQ(read_all(execution->results()), generated_cells(1, 2));
  EXPECT_EQ(http.count("GET", statement_url(kId)), 8);
  EXPECT_EQ(clock.sleeps(),
            (std::vector<milliseconds>{milliseconds(50), milliseconds(100), milliseconds(200),
                                       milliseconds(400), milliseconds(800), milliseconds(1000),
                                       milliseconds(1000), milliseconds(1000)}));
}

TEST_F(Lifecycle, FailedStatementCarriesItsSqlstateAndServerMessage) {
  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  http.reply(
      "GET", statement_url(kId), 200,
      R"({"statement_id":")" + kId +
          R"(","status":{"state":"FAILED","error":{"error_code":"BAD_REQUEST","message":"\n[TABLE_OR_VIEW_NOT_FOUND] The table `nope` cannot be found. SQLSTATE: 42P01\n"}}})");
  Error e = error_of([&] { run("SELECT * FROM nope"); });
  EXPECT_EQ(e.sqlstate(), "42P01");
  EXPECT_EQ(std::string(e.what()),
            "[TABLE_OR_VIEW_NOT_FOUND] The table `nope` cannot be found. SQLSTATE: 42P01 "
            "(statement id " +
                kId + ")");
}

TEST_F(Lifecycle, CancelPostsCancelWaitsForTheServerAndThrowsHY008) {
  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  serve_running_until_cancelled();
  clock.on_sleep = [&](milliseconds) {
    if (clock.sleeps().size() == 2) cancel.cancel();
  };
  Error e = error_of([&] { run("SELECT sleep(100)"); });
  EXPECT_EQ(e.sqlstate(), "HY008");
  EXPECT_NE(std::string(e.what()).find(kId), std::string::npos);
  EXPECT_TRUE(cancelled_on_server);
  const auto calls = http.calls();
  EXPECT_EQ(calls.at(calls.size() - 2), "POST " + statement_url(kId) + "/cancel");
  EXPECT_EQ(calls.back(), "GET " + statement_url(kId));
}

TEST_F(Lifecycle, CancelDuringSubmitLetsTheSubmitFinishThenCancels) {
  const CancelToken* submit_cancel = &cancel;
  http.on("POST", statements_url(), [&](const http::Request&, const CancelToken* token) {
    submit_cancel = token;
    cancel.cancel();  // SQLCancel arrives while the POST is in flight
    http::Response r;
    r.status = 200;
    r.body = state_json(kId, "RUNNING");
    return r;
  });
  serve_running_until_cancelled();
  Error e = error_of([&] { run("SELECT sleep(100)"); });
  EXPECT_EQ(e.sqlstate(), "HY008");
  EXPECT_EQ(submit_cancel, nullptr) << "the submit must not be abortable";
  EXPECT_TRUE(cancelled_on_server);
}

TEST_F(Lifecycle, CancelBeforeSubmitSendsNothing) {
  cancel.cancel();
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "HY008");
  EXPECT_TRUE(http.requests().empty());
}

TEST_F(Lifecycle, DeadlineCancelsOnTheServerAndThrowsHYT00) {
  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  serve_running_until_cancelled();
  sea::ExecuteRequest request;
  request.statement = "SELECT sleep(100)";
  request.deadline = clock.now() + seconds(3);
  Error e = error_of([&] { client().execute(request, cancel); });
  EXPECT_EQ(e.sqlstate(), "HYT00");
  EXPECT_TRUE(cancelled_on_server);
  EXPECT_NE(http.requests().at(0).body.find(R"("wait_timeout":"0s")"), std::string::npos);
  // Waiting stops at the deadline, not a backoff step later.
  milliseconds before_cancel{0};
  for (milliseconds s : clock.sleeps()) {
    if (before_cancel >= seconds(3)) break;
    before_cancel += s;
  }
  EXPECT_EQ(before_cancel, seconds(3));
}

TEST(WaitTimeout, FollowsTheDeadline) {
  const auto now = std::chrono::steady_clock::now();
  EXPECT_EQ(sea::wait_timeout_for(std::nullopt, now), "10s");
  EXPECT_EQ(sea::wait_timeout_for(now + seconds(30), now), "10s");
  EXPECT_EQ(sea::wait_timeout_for(now + seconds(7), now), "5s");
  EXPECT_EQ(sea::wait_timeout_for(now + seconds(2), now), "0s");
  EXPECT_EQ(sea::wait_timeout_for(now - seconds(2), now), "0s");
}

TEST_F(Lifecycle, RateLimitedSubmitIsRetriedAfterRetryAfter) {
  http.reply("POST", statements_url(), 429,
             R"({"error_code":"TOO_MANY_REQUESTS","message":"slow"})", 1, {{"retry-after", "2"}});
  http.reply("POST", statements_url(), 200, one_row_select());
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("SELECT 1");
  EXPECT_EQ(read_all(execution->results()), generated_cells(1, 2));
  EXPECT_EQ(http.count("POST", statements_url()), 2);
  ASSERT_FALSE(clock.sleeps().empty());
  EXPECT_GE(clock.sleeps()[0], seconds(2));
}

TEST_F(Lifecycle, BusyWarehouseGivesUpAfterTheBudget) {
  http.reply("POST", statements_url(), 503,
             R"({"error_code":"TEMPORARILY_UNAVAILABLE","message":"busy"})", -1,
             {{"retry-after", "50"}});
  Error e = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_EQ(e.native_error(), 503);
  EXPECT_NE(std::string(e.what()).find("busy"), std::string::npos);
  EXPECT_LE(clock.total_slept(), seconds(120));
  EXPECT_EQ(http.count("POST", statements_url()), 3);
}

TEST_F(Lifecycle, SubmitIsNotRepeatedAfterAServerErrorOrADroppedConnection) {
  http.reply("POST", statements_url(), 500, R"({"error_code":"INTERNAL_ERROR","message":"oops"})",
             1);
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "HY000");
  http.on("POST", statements_url(), [](const http::Request&, const CancelToken*) -> http::Response {
    throw http::TransportError(http::TransportFailure::kDropped, "Connection reset by peer");
  });
  Error dropped = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(dropped.sqlstate(), "08S01");
  EXPECT_NE(std::string(dropped.what()).find("Connection reset by peer"), std::string::npos);
  EXPECT_EQ(http.count("POST", statements_url()), 2);
}

// A token source whose first token the server rejects, as when a token expires.
class RotatingTokens : public auth::TokenSource {
 public:
  std::string token() override { return renewed ? "fresh" : "stale"; }
  bool renew_after_rejection(const std::string& rejected) override {
    rejections.push_back(rejected);
    renewed = true;
    return true;
  }
  bool renewed = false;
  std::vector<std::string> rejections;
};

TEST_F(Lifecycle, RejectedTokenIsRenewedOnceAndTheRequestRepeated) {
  RotatingTokens rotating;
  sea::Client c(http, rotating, options());
  http.on("POST", statements_url(), [](const http::Request& r, const CancelToken*) {
    http::Response response;
    const bool fresh = header_of(r, "Authorization") == "Bearer fresh";
    response.status = fresh ? 200 : 401;
    response.body = fresh ? one_row_select() : R"({"error_code":401,"message":"expired"})";
    return response;
  });
  http.reply("DELETE", statement_url(kId), 200, "{}");
  sea::ExecuteRequest request;
  request.statement = "SELECT 1";
  auto execution = c.execute(request, cancel);
  EXPECT_EQ(execution->statement_id(), kId);
  EXPECT_EQ(rotating.rejections, std::vector<std::string>{"stale"});
  EXPECT_EQ(http.count("POST", statements_url()), 2);
}

TEST_F(Lifecycle, RejectedTokenThatCannotBeRenewedIs28000) {
  http.reply(
      "POST", statements_url(), 401,
      R"({"error_code":401,"message":"Credential was not sent or was of an unsupported type for this API."})");
  Error e = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_EQ(e.native_error(), 401);
  EXPECT_NE(std::string(e.what()).find("Credential was not sent"), std::string::npos);
  EXPECT_EQ(std::string(e.what()).find("tok-1"), std::string::npos);
  EXPECT_EQ(http.count("POST", statements_url()), 1);
}

// The identity provider is down when a token must be renewed after connecting.
class UnreachableIdentityProvider : public auth::TokenSource {
 public:
  std::string token() override {
    throw Error("08001", "The OAuth token endpoint answered HTTP 503; try again later.", 503);
  }
  bool renew_after_rejection(const std::string&) override { return false; }
};

TEST_F(Lifecycle, ATokenThatCannotBeRenewedAfterConnectingIsALinkFailure) {
  UnreachableIdentityProvider idp;
  sea::Client c(http, idp, options());
  sea::ExecuteRequest request;
  request.statement = "SELECT 1";
  Error e = error_of([&] { c.execute(request, cancel); });
  EXPECT_EQ(e.sqlstate(), "08S01");
  EXPECT_EQ(e.native_error(), 503);
  EXPECT_NE(std::string(e.what()).find("HTTP 503"), std::string::npos);
  EXPECT_EQ(http.count("POST", statements_url()), 0);
}

TEST_F(Lifecycle, ForbiddenIs28000) {
  http.reply("POST", statements_url(), 403,
             R"({"error_code":403,"message":"Invalid access token."})");
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "28000");
}

TEST_F(Lifecycle, VanishedStatementWhilePollingIsHY000) {
  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  http.reply("GET", statement_url(kId), 404, R"({"error_code":"NOT_FOUND","message":"gone"})");
  Error e = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("no longer exists"), std::string::npos);
  EXPECT_EQ(http.count("POST", statement_url(kId) + "/cancel"), 0);
}

TEST_F(Lifecycle, PollSurvivesADroppedConnectionButNotThree) {
  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  http.on(
      "GET", statement_url(kId),
      [](const http::Request&, const CancelToken*) -> http::Response {
        throw http::TransportError(http::TransportFailure::kDropped, "Recv failure");
      },
      1);
  http.reply("GET", statement_url(kId), 200, one_row_select(), 1);
  http.reply("DELETE", statement_url(kId), 200, "{}");
  EXPECT_EQ(run("SELECT 1")->statement_id(), kId);

  http.reply("POST", statements_url(), 200, state_json(kId, "RUNNING"));
  http.on("GET", statement_url(kId),
          [](const http::Request&, const CancelToken*) -> http::Response {
            throw http::TransportError(http::TransportFailure::kDropped, "Recv failure");
          });
  http.reply("POST", statement_url(kId) + "/cancel", 200, "{}");
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "08S01");
  // The driver lost track of the statement: it asks the server to stop it.
  EXPECT_EQ(http.count("POST", statement_url(kId) + "/cancel"), 1);
}

TEST_F(Lifecycle, UnexpectedTerminalStatesAreClearErrors) {
  http.reply("POST", statements_url(), 200, state_json(kId, "CANCELED"), 1);
  Error canceled = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(canceled.sqlstate(), "HY008");
  EXPECT_NE(std::string(canceled.what()).find("canceled on the server"), std::string::npos);
  http.reply("POST", statements_url(), 200, state_json(kId, "CLOSED"), 1);
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "HY000");
  http.reply("POST", statements_url(), 200, "<html>502</html>", 1);
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "08S01");
  http.reply("POST", statements_url(), 200, state_json("../../warehouses/x", "RUNNING"), 1);
  EXPECT_EQ(error_of([&] { run("SELECT 1"); }).sqlstate(), "08S01");
  EXPECT_EQ(http.requests().size(), 4u) << "no request may follow a strange statement id";
}

TEST_F(Lifecycle, DmlReportsAffectedRowsAndNoResultSet) {
  const std::string manifest =
      manifest_json({"num_affected_rows", "num_inserted_rows"}, {1}, std::nullopt, "LONG");
  http.reply(
      "POST", statements_url(), 200,
      succeeded_json(kId, manifest,
                     R"({"chunk_index":0,"row_offset":0,"row_count":1,"data_array":[["2","2"]]})"));
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("INSERT INTO t VALUES (1), (2)");
  EXPECT_EQ(execution->affected_rows(), 2);
  EXPECT_FALSE(execution->has_result_set());
  EXPECT_EQ(execution->results().next(), nullptr);
}

TEST_F(Lifecycle, DmlCounterBehindAnExternalLinkIsDownloaded) {
  const std::string manifest = manifest_json({"num_affected_rows"}, {1}, std::nullopt, "LONG");
  const std::string link = storage_url(kId, 0);
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest, links_result(kId, {{0, 0, 1, false, link}})));
  http.reply("GET", link, 200, R"([["7"]])");
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("DELETE FROM t WHERE x > 3", sea::Disposition::kExternalLinks);
  EXPECT_EQ(execution->affected_rows(), 7);
  EXPECT_FALSE(execution->has_result_set());
}

TEST_F(Lifecycle, CounterNamedColumnsOfASelectAreAResultSet) {
  const std::string manifest = manifest_json({"num_affected_rows"}, {1}, std::nullopt, "LONG");
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest, inline_result(kId, 0, 0, 1, 1, false)));
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("SELECT 5 AS num_affected_rows");
  EXPECT_TRUE(execution->has_result_set());
  EXPECT_EQ(execution->affected_rows(), std::nullopt);
}

TEST_F(Lifecycle, DdlHasNoResultSet) {
  http.reply(
      "POST", statements_url(), 200,
      R"({"statement_id":")" + kId +
          R"(","status":{"state":"SUCCEEDED"},"manifest":{"format":"JSON_ARRAY","schema":{"column_count":0},"total_chunk_count":0,"total_row_count":0},"result":{}})");
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("CREATE TABLE t (a INT)");
  EXPECT_FALSE(execution->has_result_set());
  EXPECT_EQ(execution->affected_rows(), std::nullopt);
  EXPECT_EQ(execution->results().next(), nullptr);
}

TEST_F(Lifecycle, ArrowResultsAreRefusedClearly) {
  std::string manifest = manifest_json({"a"}, {1});
  manifest.replace(manifest.find("JSON_ARRAY"), 10, "ARROW_STREAM");
  http.reply("POST", statements_url(), 200,
             succeeded_json(kId, manifest, R"({"attachment":"BCJNGA=="})"));
  http.reply("DELETE", statement_url(kId), 200, "{}");
  Error e = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("ARROW_STREAM"), std::string::npos);
  // The unreadable result is released on the server at once.
  EXPECT_EQ(http.count("DELETE", statement_url(kId)), 1);
}

TEST_F(Lifecycle, SucceededWithoutAManifestIsPolledUntilTheManifestComes) {
  // A cold warehouse's first answer: SUCCEEDED, nothing about the result yet.
  http.reply("POST", statements_url(), 200, state_json(kId, "SUCCEEDED"));
  http.reply("GET", statement_url(kId), 200, state_json(kId, "SUCCEEDED"), 2);
  http.reply("GET", statement_url(kId), 200, one_row_select());
  auto execution = run("SELECT 'r0c0', 'r0c1'");
  EXPECT_TRUE(execution->has_result_set());
  EXPECT_EQ(read_all(execution->results()), generated_cells(1, 2));
  EXPECT_EQ(http.count("GET", statement_url(kId)), 3);
}

TEST_F(Lifecycle, AManifestThatNeverComesIsAnErrorNotAnEmptyResult) {
  http.reply("POST", statements_url(), 200, state_json(kId, "SUCCEEDED"));
  http.reply("GET", statement_url(kId), 200, state_json(kId, "SUCCEEDED"));
  http.reply("DELETE", statement_url(kId), 200, "{}");
  Error e = error_of([&] { run("SELECT 1"); });
  EXPECT_EQ(e.sqlstate(), "HY000");
  EXPECT_NE(std::string(e.what()).find("never described its result"), std::string::npos);
  EXPECT_EQ(http.count("GET", statement_url(kId)), 10);
}

TEST_F(Lifecycle, CloseReleasesTheStatementOnce) {
  http.reply("POST", statements_url(), 200, one_row_select());
  http.reply("DELETE", statement_url(kId), 200, "{}");
  auto execution = run("SELECT 1");
  execution->close();
  execution->close();
  execution.reset();
  EXPECT_EQ(http.count("DELETE", statement_url(kId)), 1);
}

TEST_F(Lifecycle, CloseIsBestEffort) {
  http.reply("POST", statements_url(), 200, one_row_select());
  http.reply("DELETE", statement_url(kId), 503, "{}");
  auto execution = run("SELECT 1");
  execution->close();  // must not throw, must not retry
  EXPECT_EQ(http.count("DELETE", statement_url(kId)), 1);
}

class Warehouse : public ClientFixture {};

TEST_F(Warehouse, ValidatesHostTokenAndId) {
  http.reply("GET", kBase + "/api/2.0/sql/warehouses/" + kWarehouse, 200,
             R"({"id":")" + kWarehouse + R"(","name":"Local DuckDB warehouse","state":"RUNNING"})");
  sea::WarehouseInfo info = client().get_warehouse();
  EXPECT_EQ(info.id, kWarehouse);
  EXPECT_EQ(info.state, "RUNNING");
  EXPECT_EQ(header_of(http.requests().at(0), "Authorization"), "Bearer tok-1");
}

TEST_F(Warehouse, FailuresMapToConnectionStates) {
  const std::string url = kBase + "/api/2.0/sql/warehouses/" + kWarehouse;
  http.reply("GET", url, 404, R"({"error_code":"RESOURCE_DOES_NOT_EXIST","message":"no"})", 1);
  Error missing = error_of([&] { client().get_warehouse(); });
  EXPECT_EQ(missing.sqlstate(), "08001");
  EXPECT_NE(std::string(missing.what()).find("Warehouse " + kWarehouse + " not found"),
            std::string::npos);
  http.reply("GET", url, 401, R"({"error_code":401,"message":"bad"})", 1);
  EXPECT_EQ(error_of([&] { client().get_warehouse(); }).sqlstate(), "28000");
  http.reply("GET", url, 200, "<html>not databricks</html>", 1);
  EXPECT_EQ(error_of([&] { client().get_warehouse(); }).sqlstate(), "08001");
  for (auto kind : {http::TransportFailure::kTls, http::TransportFailure::kConnect}) {
    http.on(
        "GET", url,
        [kind](const http::Request&, const CancelToken*) -> http::Response {
          throw http::TransportError(kind, "SSL certificate problem: self-signed certificate");
        },
        3);
    Error e = error_of([&] { client().get_warehouse(); });
    EXPECT_EQ(e.sqlstate(), "08001");
    EXPECT_NE(std::string(e.what()).find("self-signed certificate"), std::string::npos);
  }
}

TEST_F(Warehouse, MissingIdIs08001WithoutARequest) {
  sea::ClientOptions o = options();
  o.warehouse_id.clear();
  sea::Client c(http, tokens, o);
  EXPECT_EQ(error_of([&] { c.get_warehouse(); }).sqlstate(), "08001");
  EXPECT_TRUE(http.requests().empty());
}

}  // namespace
}  // namespace dbsql::testing
