// The production Backend: one libcurl client (handle pool) per connection, the token
// source chosen from the settings, and sea::Client over both.
#include <chrono>
#include <memory>
#include <optional>

#include "auth/factory.h"
#include "auth/token_source.h"
#include "http/curl_client.h"
#include "odbc/backend.h"
#include "util/error.h"
#include "util/user_agent.h"

namespace dbsql::odbc {
namespace {

http::TransportOptions transport_options(const config::Settings& s) {
  http::TransportOptions t;
  t.user_agent = util::user_agent(s.user_agent_entry);
  t.ca_file = s.ca_file;
  t.allow_self_signed = s.allow_self_signed;
  if (s.proxy.enabled)
    t.proxy = http::ProxyOptions{s.proxy.host, s.proxy.port, s.proxy.user, s.proxy.password};
  if (s.login_timeout.count() > 0) t.connect_timeout = s.login_timeout;
  if (s.socket_timeout.count() > 0) t.request_timeout = s.socket_timeout;
  return t;
}

sea::ClientOptions client_options(const config::Settings& s) {
  sea::ClientOptions o{s.base_url(), s.warehouse_id, util::user_agent(s.user_agent_entry)};
  o.result_budget_bytes = static_cast<size_t>(s.result_buffer_bytes);
  o.download_threads = static_cast<size_t>(s.download_threads);
  o.retry_budget = s.retry_timeout;
  return o;
}

class SeaBackend final : public Backend {
 public:
  explicit SeaBackend(const config::Settings& settings)
      : http_(transport_options(settings)),
        tokens_(auth::make_token_source(settings, http_)),
        client_(http_, *tokens_, client_options(settings)),
        login_time_(login_time(settings)) {}

  // Every request of connecting (discovery, token, warehouse check) and every retry fits
  // in the login time together; the deadline is cleared for the statements that follow.
  void validate(const CancelToken* cancel) override {
    if (login_time_.count() > 0)
      http_.set_deadline(http::HttpClient::Deadline::clock::now() + login_time_);
    struct ClearDeadline {
      http::HttpClient& http;
      ~ClearDeadline() { http.set_deadline(std::nullopt); }
    } clear{http_};
    client_.get_warehouse(cancel);
  }

  std::unique_ptr<sea::Execution> execute(const sea::ExecuteRequest& request,
                                          const CancelToken& cancel) override {
    return client_.execute(request, cancel);
  }

  void replace_token(const std::string& token) override {
    auto* fixed = dynamic_cast<auth::StaticTokenSource*>(tokens_.get());
    if (fixed == nullptr)
      throw Error("HY024",
                  "This connection signs in with an OAuth flow that renews its own "
                  "tokens; a token can only be replaced on a connection opened with "
                  "a personal access token or Auth_Flow=0.");
    fixed->replace(token);
  }

 private:
  // SQL_ATTR_LOGIN_TIMEOUT (0: none); the browser sign-in adds the time the user has in
  // the browser (Auth_Timeout), which no application's login timeout can foresee.
  static std::chrono::seconds login_time(const config::Settings& s) {
    if (s.login_timeout.count() == 0) return s.login_timeout;
    return s.login_timeout +
           (s.auth == config::AuthKind::kBrowser ? s.oauth.sign_in_timeout : std::chrono::seconds(0));
  }

  http::CurlClient http_;
  std::unique_ptr<auth::TokenSource> tokens_;
  sea::Client client_;
  std::chrono::seconds login_time_;
};

}  // namespace

std::unique_ptr<Backend> make_sea_backend(const config::Settings& settings) {
  return std::make_unique<SeaBackend>(settings);
}

}  // namespace dbsql::odbc
