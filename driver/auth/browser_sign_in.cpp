#include "auth/browser_sign_in.h"

#include <cstdio>

#include "auth/encoding.h"
#include "auth/pkce.h"
#include "util/error.h"
#include "util/log.h"
#include "util/secrets.h"

namespace dbsql::auth {
namespace {

void print_url(const SignInRequest& request, const std::string& url) {
  DBSQL_LOG(kWarning, "auth") << "no browser to open: the sign-in URL for " << request.host
                              << " was printed to stderr; waiting " << request.timeout.count()
                              << " s";
  std::fprintf(stderr,
               "dbsql-odbc: to sign in to %s, open this address in a browser on this machine "
               "(waiting %lld s):\n  %s\n",
               request.host.c_str(), static_cast<long long>(request.timeout.count()), url.c_str());
  std::fflush(stderr);
}

std::string authorize_url(const SignInRequest& request, const std::string& client_id,
                          const std::string& redirect_uri, const std::string& state,
                          const Pkce& pkce) {
  const std::string& base = request.authorization_endpoint;
  return base + (base.find('?') == std::string::npos ? "?" : "&") +
         form_encode({{"response_type", "code"},
                      {"client_id", client_id},
                      {"redirect_uri", redirect_uri},
                      {"scope", request.scopes},
                      {"state", state},
                      {"code_challenge", pkce.challenge},
                      {"code_challenge_method", "S256"}});
}

// How the URL was shown, and whether to keep waiting for the browser.
class Presenter {
 public:
  Presenter(const SignInRequest& request, const OpenUrl& open_url)
      : request_(request), open_url_(open_url) {}

  void show(const std::string& url) {
    url_ = url;
    if (open_url_) {
      process_ = open_url_(url);
    } else if (!request_.browser_command.empty()) {
      auto argv = split_command(request_.browser_command);
      DBSQL_LOG(kInfo, "auth") << "opening the sign-in page with BrowserCommand "
                               << (argv.empty() ? "" : argv[0]);
      process_ = launch(std::move(argv), url);
      from_command_ = true;
    } else if (auto opener = system_opener(); !opener.empty()) {
      try {
        DBSQL_LOG(kInfo, "auth") << "opening the sign-in page with " << opener[0];
        process_ = launch(opener, url);
      } catch (const Error& e) {
        DBSQL_LOG(kWarning, "auth") << e.what();
        print_url(request_, url);
      }
    } else {
      print_url(request_, url);
    }
  }

  // False once a BrowserCommand has failed; a failed desktop opener falls back to the URL.
  bool keep_waiting() {
    if (!process_ || process_->running() || process_->exit_status().value_or(0) == 0) return true;
    if (from_command_) return false;
    print_url(request_, url_);
    process_.reset();
    return true;
  }

  std::string failure() const {
    return "The BrowserCommand exited with status " +
           std::to_string(process_ ? process_->exit_status().value_or(-1) : -1) +
           " before the sign-in completed. Check BrowserCommand; it is run with the sign-in "
           "URL as its last argument.";
  }

 private:
  const SignInRequest& request_;
  const OpenUrl& open_url_;
  std::string url_;
  std::unique_ptr<BrowserProcess> process_;
  bool from_command_ = false;
};

[[noreturn]] void refuse(CallbackRequest& callback, const std::string& page,
                         const std::string& message) {
  callback.answer(false, page);
  throw Error("28000", message);
}

}  // namespace

bool can_open_browser(const std::string& browser_command) {
  return !browser_command.empty() || !system_opener().empty();
}

TokenResponse sign_in_with_browser(const SignInRequest& request, TokenEndpoint& endpoint,
                                   const OpenUrl& open_url) {
  LoopbackListener listener(request.redirect);
  const std::string redirect_uri = listener.redirect_uri();
  const Pkce pkce = make_pkce();
  const std::string state = random_base64url(16);
  util::register_secret(pkce.verifier);
  DBSQL_LOG(kInfo, "auth") << "browser sign-in to " << request.host
                           << ": waiting for the redirect to " << redirect_uri << " for up to "
                           << request.timeout.count() << " s";
  Presenter presenter(request, open_url);
  const auto deadline = std::chrono::steady_clock::now() + request.timeout;
  presenter.show(authorize_url(request, endpoint.client().id, redirect_uri, state, pkce));

  bool command_failed = false;
  auto callback =
      listener.accept(deadline, [&] { return !(command_failed = !presenter.keep_waiting()); });
  if (!callback) {
    // The usual reason a browser never comes back: the sign-in page refused the request.
    const std::string registration = " If the browser showed an error, the OAuth app '" +
                                     endpoint.client().id + "' may not allow the redirect URI " +
                                     redirect_uri + " or the scopes '" + request.scopes + "'.";
    if (command_failed) throw Error("28000", presenter.failure() + registration);
    throw Error("28000", "The browser sign-in to " + request.host + " did not complete within " +
                             std::to_string(request.timeout.count()) +
                             " s (Auth_Timeout). Finish the sign-in in the browser sooner, raise "
                             "Auth_Timeout, or check that the browser can reach " +
                             redirect_uri + "." + registration);
  }
  if (std::string error = callback->param("error"); !error.empty()) {
    std::string reason = error;
    if (auto d = callback->param("error_description"); !d.empty()) reason += ": " + d;
    refuse(*callback, "The identity provider refused the sign-in (" + reason + ").",
           "The browser sign-in was refused (" + reason +
               "). Sign in with an account allowed to use this workspace and accept the "
               "requested access (Auth_Scope " +
               request.scopes + ").");
  }
  if (callback->param("state") != state)
    refuse(*callback,
           "This response does not belong to the sign-in in progress (state mismatch) and was "
           "rejected.",
           "The sign-in redirect was rejected: its state does not match the request (a stale "
           "browser tab or a forged redirect). Connect again to start a new sign-in.");
  const std::string code = callback->param("code");
  util::register_secret(code);
  if (code.empty())
    refuse(*callback, "The redirect carried no authorization code.",
           "The sign-in redirect carried no authorization code. Connect again to retry.");
  try {
    TokenResponse response = endpoint.authorization_code(code, pkce.verifier, redirect_uri);
    callback->answer(true, "dbsql-odbc is signed in to " + request.host + ".");
    DBSQL_LOG(kInfo, "auth") << "browser sign-in to " << request.host << " completed";
    return response;
  } catch (const Error& e) {
    callback->answer(false, std::string("The driver could not complete the sign-in: ") + e.what());
    throw;
  }
}

}  // namespace dbsql::auth
