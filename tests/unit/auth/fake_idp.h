#pragma once
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "auth/pkce.h"
#include "fake_browser.h"
#include "fake_http.h"

namespace dbsql::auth::testing {

// A workspace's token endpoint with single-use (rotating) refresh tokens. It checks the PKCE
// verifier against the challenge the browser carried.
class FakeIdp {
 public:
  FakeIdp(FakeHttp& http, FakeBrowser& browser) : browser_(browser) {
    serve_discovery(http);
    http.on(kTokenUrl, [this](const http::Request& r) { return token(r); });
  }

  int lifetime = 3600;
  bool issue_refresh_tokens = true;
  int code_exchanges = 0;
  int refreshes = 0;
  std::vector<std::string> refresh_tokens_seen;
  std::string last_body;
  std::string last_verifier;

  void revoke_all() {
    std::lock_guard lock(mu_);
    valid_refresh_.clear();
  }

 private:
  http::Response token(const http::Request& r) {
    std::lock_guard lock(mu_);
    last_body = r.body;
    const std::string grant = form_field(r.body, "grant_type");
    if (grant == "authorization_code") {
      ++code_exchanges;
      last_verifier = form_field(r.body, "code_verifier");
      if (form_field(r.body, "code") != browser_.code ||
          code_challenge(form_field(r.body, "code_verifier")) !=
              browser_.authorize_params["code_challenge"] ||
          form_field(r.body, "redirect_uri") != browser_.authorize_params["redirect_uri"])
        return json_response(
            400, R"({"error":"invalid_grant","error_description":"PKCE verification failed"})");
      return issue();
    }
    if (grant == "refresh_token") {
      ++refreshes;
      std::string rt = form_field(r.body, "refresh_token");
      refresh_tokens_seen.push_back(rt);
      if (!valid_refresh_.erase(rt))
        return json_response(
            400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
      return issue();
    }
    return json_response(400, R"({"error":"unsupported_grant_type"})");
  }

  http::Response issue() {
    ++issued_;
    std::string refresh;
    if (issue_refresh_tokens) {
      refresh = "rt-" + std::to_string(issued_);
      valid_refresh_.insert(refresh);
    }
    return token_response("u2m-access-" + std::to_string(issued_), lifetime, refresh);
  }

  FakeBrowser& browser_;
  std::mutex mu_;
  int issued_ = 0;
  std::set<std::string> valid_refresh_;
};

}  // namespace dbsql::auth::testing
