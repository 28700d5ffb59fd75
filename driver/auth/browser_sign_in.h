#pragma once
// One interactive U2M sign-in (RFC 6749 §4.1 with PKCE, RFC 8252 loopback redirect): listen
// on 127.0.0.1, send the person to the authorization endpoint, take the code from the
// redirect, check state, exchange the code with the verifier.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "auth/browser_launcher.h"
#include "auth/loopback_listener.h"
#include "auth/token_endpoint.h"

namespace dbsql::auth {

struct SignInRequest {
  std::string host;  // named in messages and on the result page
  std::string authorization_endpoint;
  std::string scopes;
  RedirectTarget redirect;
  std::string browser_command;  // empty: the desktop's opener, else print the URL
  std::chrono::seconds timeout{120};
};

// Shows `url` to the person. Returns the process it started, if any, so a BrowserCommand that
// fails ends the wait at once. The default opens the browser (see browser_launcher.h) or
// prints the URL; tests put themselves in the browser's place.
using OpenUrl = std::function<std::unique_ptr<BrowserProcess>(const std::string& url)>;

// True when a browser can be brought up without a person reading a terminal: a
// BrowserCommand is set or the desktop has an opener.
bool can_open_browser(const std::string& browser_command);

// Runs the sign-in. The client id, secret and client authentication come from `endpoint`.
// Throws Error 28000 on refusal, state mismatch, timeout (Auth_Timeout) or a failing
// BrowserCommand; errors of the code exchange pass through.
TokenResponse sign_in_with_browser(const SignInRequest& request, TokenEndpoint& endpoint,
                                   const OpenUrl& open_url = {});

}  // namespace dbsql::auth
