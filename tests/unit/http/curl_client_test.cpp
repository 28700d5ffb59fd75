#include "http/curl_client.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>

#include "http/curl_errors.h"
#include "local_server.h"
#include "transport_failure.h"

namespace dbsql::http {
namespace {

using testing::failure_kind;
using testing::LocalServer;
using testing::ServerReply;
using testing::ServerRequest;
using testing::TlsIdentity;

Request make(std::string method, std::string url, std::string body = {}) {
  Request r;
  r.method = std::move(method);
  r.url = std::move(url);
  r.body = std::move(body);
  return r;
}

// Lets a test hold a request inside the server until it says so.
class Gate {
 public:
  void arrive() {
    std::unique_lock lock(mu_);
    arrived_ = true;
    cv_.notify_all();
    cv_.wait(lock, [&] { return opened_; });
  }
  void wait_arrival() {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return arrived_; });
  }
  void open() {
    std::lock_guard lock(mu_);
    opened_ = true;
    cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool arrived_ = false, opened_ = false;
};

TEST(CurlClient, SendsMethodHeadersAndBodyAndReadsTheResponse) {
  ServerRequest seen;
  LocalServer server([&](const ServerRequest& r) {
    seen = r;
    return ServerReply{201, {{"X-Statement-Id", "abc"}, {"Retry-After", " 7 "}}, "{\"ok\":true}"};
  });
  TransportOptions options;
  options.user_agent = "dbsql-odbc-test/1";
  CurlClient client(options);
  Request request =
      make("POST", server.url("/api/2.0/sql/statements"), "{\"statement\":\"SELECT 1\"}");
  request.headers = {{"Authorization", "Bearer t0k3n"}, {"Content-Type", "application/json"}};
  Response response = client.send(request);

  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, "{\"ok\":true}");
  EXPECT_EQ(response.header("x-statement-id"), "abc");
  EXPECT_EQ(response.header("retry-after"), "7");
  EXPECT_GE(response.body.capacity(), response.body.size() + 64);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.target, "/api/2.0/sql/statements");
  EXPECT_EQ(seen.body, "{\"statement\":\"SELECT 1\"}");
  EXPECT_EQ(seen.headers["authorization"], "Bearer t0k3n");
  EXPECT_EQ(seen.headers["content-type"], "application/json");
  EXPECT_EQ(seen.headers["user-agent"], "dbsql-odbc-test/1");
  EXPECT_EQ(seen.headers.count("expect"), 0u);
}

TEST(CurlClient, ResponseBodyReusesTheGivenStorage) {
  const std::string payload(200'000, 'p');
  LocalServer server([&](const ServerRequest&) { return ServerReply{200, {}, payload}; });
  CurlClient client(TransportOptions{});
  std::string storage;
  storage.reserve(1 << 20);
  const char* memory = storage.data();
  Request request = make("GET", server.url("/chunk"));
  request.response_storage = &storage;
  Response response = client.send(request);
  EXPECT_EQ(response.body, payload);
  EXPECT_EQ(response.body.data(), memory);
}

TEST(CurlClient, DeleteAndGetUseTheirMethods) {
  std::vector<std::string> methods;
  LocalServer server([&](const ServerRequest& r) {
    methods.push_back(r.method + " " + r.target);
    return ServerReply{200, {}, "{}"};
  });
  CurlClient client(TransportOptions{});
  client.send(make("DELETE", server.url("/api/2.0/sql/statements/s1")));
  client.send(make("GET", server.url("/api/2.0/sql/statements/s1")));
  client.send(make("POST", server.url("/api/2.0/sql/statements/s1/cancel")));
  EXPECT_EQ(methods, (std::vector<std::string>{"DELETE /api/2.0/sql/statements/s1",
                                               "GET /api/2.0/sql/statements/s1",
                                               "POST /api/2.0/sql/statements/s1/cancel"}));
}

TEST(CurlClient, GoesThroughTheConfiguredProxyWithItsCredentials) {
  ServerRequest seen;
  LocalServer proxy([&](const ServerRequest& r) {
    seen = r;
    return ServerReply{200, {}, "via proxy"};
  });
  TransportOptions options;
  options.proxy = ProxyOptions{"127.0.0.1", proxy.port(), "puser", "ppass"};
  CurlClient client(options);
  EXPECT_EQ(client.send(make("GET", "http://workspace.invalid/api/2.0/sql/statements/s1")).body,
            "via proxy");
  EXPECT_EQ(seen.target, "http://workspace.invalid/api/2.0/sql/statements/s1");
  EXPECT_EQ(seen.headers["proxy-authorization"], "Basic cHVzZXI6cHBhc3M=");  // puser:ppass
}

TEST(CurlClient, ReusesTheConnectionAcrossRequests) {
  LocalServer server([](const ServerRequest&) { return ServerReply{200, {}, "x"}; });
  CurlClient client(TransportOptions{});
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.send(make("GET", server.url("/ping"))).status, 200);
  EXPECT_EQ(server.connections_accepted(), 1);
}

TEST(CurlClient, ServesSeveralThreadsAtOnce) {
  LocalServer server([](const ServerRequest& r) { return ServerReply{200, {}, r.target}; });
  CurlClient client(TransportOptions{});
  std::vector<std::future<std::string>> results;
  for (int t = 0; t < 4; ++t)
    results.push_back(std::async(std::launch::async, [&, t] {
      std::string all;
      for (int i = 0; i < 10; ++i)
        all += client.send(make("GET", server.url("/t" + std::to_string(t)))).body;
      return all;
    }));
  for (int t = 0; t < 4; ++t) {
    std::string expected;
    for (int i = 0; i < 10; ++i) expected += "/t" + std::to_string(t);
    EXPECT_EQ(results[t].get(), expected);
  }
}

TEST(CurlClient, CancelAbortsATransferInFlight) {
  Gate gate;
  LocalServer server([&](const ServerRequest&) {
    gate.arrive();
    return ServerReply{200, {}, "late"};
  });
  CurlClient client(TransportOptions{});
  CancelToken cancel;
  auto pending = std::async(std::launch::async,
                            [&] { return client.send(make("GET", server.url("/slow")), &cancel); });
  gate.wait_arrival();
  cancel.cancel();
  EXPECT_EQ(failure_kind([&] { pending.get(); }), TransportFailure::kCancelled);
  gate.open();
}

TEST(CurlClient, AlreadyCancelledSendsNothing) {
  LocalServer server([](const ServerRequest&) { return ServerReply{}; });
  CurlClient client(TransportOptions{});
  CancelToken cancel;
  cancel.cancel();
  EXPECT_THROW(client.send(make("GET", server.url("/")), &cancel), TransportError);
  EXPECT_EQ(server.connections_accepted(), 0);
}

TEST(CurlClient, RequestTimeoutIsATimeoutFailure) {
  Gate gate;
  LocalServer server([&](const ServerRequest&) {
    gate.arrive();
    return ServerReply{};
  });
  CurlClient client(TransportOptions{});
  Request request = make("GET", server.url("/slow"));
  request.timeout = std::chrono::milliseconds(300);
  EXPECT_EQ(failure_kind([&] { client.send(request); }), TransportFailure::kTimeout);
  gate.open();
}

TEST(CurlClient, TheDeadlineCapsEveryRequestAndIsCleared) {
  Gate gate;
  LocalServer server([&](const ServerRequest& r) {
    if (r.target == "/slow") gate.arrive();
    return ServerReply{};
  });
  CurlClient client(TransportOptions{});
  client.set_deadline(HttpClient::Deadline::clock::now() + std::chrono::milliseconds(300));
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(failure_kind([&] { client.send(make("GET", server.url("/slow"))); }),
            TransportFailure::kDeadline);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // Once it has passed, nothing more is sent.
  EXPECT_EQ(failure_kind([&] { client.send(make("GET", server.url("/fast"))); }),
            TransportFailure::kDeadline);
  client.set_deadline(std::nullopt);
  EXPECT_EQ(client.send(make("GET", server.url("/fast"))).status, 200);
  gate.open();
}

TEST(CurlClient, RefusedConnectionIsAConnectFailureWithCurlsReason) {
  int port;
  {
    LocalServer probe([](const ServerRequest&) { return ServerReply{}; });
    port = probe.port();
  }
  CurlClient client(TransportOptions{});
  auto error = testing::transport_failure([&] {
    client.send(make("GET", "http://127.0.0.1:" + std::to_string(port) + "/x?sig=SECRET"));
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind(), TransportFailure::kConnect);
  EXPECT_NE(std::string(error->what()).find("connect"), std::string::npos) << error->what();
  EXPECT_EQ(std::string(error->what()).find("SECRET"), std::string::npos) << error->what();
}

TEST(CurlClient, ConnectionClosedWithoutAnswerIsDropped) {
  LocalServer server([](const ServerRequest&) {
    ServerReply reply;
    reply.drop = true;
    return reply;
  });
  CurlClient client(TransportOptions{});
  EXPECT_EQ(failure_kind([&] { client.send(make("GET", server.url("/"))); }),
            TransportFailure::kDropped);
}

TEST(CurlClient, SelfSignedCertificateIsRefusedByDefault) {
  LocalServer server(
      [](const ServerRequest&) {
        return ServerReply{200, {}, "secure"};
      },
      std::make_unique<TlsIdentity>());
  CurlClient client(TransportOptions{});
  EXPECT_EQ(failure_kind([&] { client.send(make("GET", server.url("/"))); }),
            TransportFailure::kTls);
}

TEST(CurlClient, SelfSignedCertificateIsAcceptedWhenAllowed) {
  LocalServer server(
      [](const ServerRequest&) {
        return ServerReply{200, {}, "secure"};
      },
      std::make_unique<TlsIdentity>());
  TransportOptions options;
  options.allow_self_signed = true;
  CurlClient client(options);
  EXPECT_EQ(client.send(make("GET", server.url("/"))).body, "secure");
}

TEST(CurlClient, CaFileTrustsTheServer) {
  LocalServer server(
      [](const ServerRequest&) {
        return ServerReply{200, {}, "secure"};
      },
      std::make_unique<TlsIdentity>());
  TransportOptions options;
  options.ca_file = server.cert_file();
  CurlClient client(options);
  EXPECT_EQ(client.send(make("GET", server.url("/"))).body, "secure");
}

TEST(CurlClient, AllowingSelfSignedStillChecksTheHostName) {
  auto identity = std::make_unique<TlsIdentity>();
  identity->common_name = "other.example";
  identity->ip_san = false;
  LocalServer server(
      [](const ServerRequest&) {
        return ServerReply{200, {}, "secure"};
      },
      std::move(identity));
  TransportOptions options;
  options.allow_self_signed = true;
  CurlClient client(options);
  EXPECT_EQ(failure_kind([&] { client.send(make("GET", server.url("/"))); }),
            TransportFailure::kTls);
}

TEST(CurlClient, MissingCaFileIsATlsFailure) {
  LocalServer server([](const ServerRequest&) { return ServerReply{}; },
                     std::make_unique<TlsIdentity>());
  TransportOptions options;
  options.ca_file = "/nonexistent/ca.pem";
  CurlClient client(options);
  EXPECT_EQ(failure_kind([&] { client.send(make("GET", server.url("/"))); }),
            TransportFailure::kTls);
}

TEST(RedactUrl, HidesQueriesAndSecretUrls) {
  Request presigned =
      make("GET", "https://bucket.s3.amazonaws.com/r/chunk0?X-Amz-Signature=abc123");
  presigned.url_is_secret = true;
  const std::string text = redact_url("failed: " + presigned.url, presigned);
  EXPECT_EQ(text.find("abc123"), std::string::npos);
  EXPECT_EQ(text.find("bucket.s3"), std::string::npos);

  Request api = make("GET", "https://host/api/2.0/sql/statements?token=zzz");
  const std::string api_text = redact_url("at https://host/api/2.0/sql/statements?token=zzz", api);
  EXPECT_EQ(api_text.find("zzz"), std::string::npos);
  EXPECT_NE(api_text.find("https://host/api/2.0/sql/statements"), std::string::npos);
}

}  // namespace
}  // namespace dbsql::http
