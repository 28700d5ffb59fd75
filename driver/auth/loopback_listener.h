#pragma once
// The U2M redirect target: a tiny HTTP server on 127.0.0.1 that waits for the browser to
// come back from the authorization endpoint with ?code=…&state=…, answers it with a small
// page, and closes. It binds the loopback address only, so nothing off the machine can
// reach it, and it serves no file or other path.
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "config/settings.h"

namespace dbsql::auth {

// Where the listener listens and what redirect_uri the authorization request names.
struct RedirectTarget {
  std::string host = "127.0.0.1";  // as written in redirect_uri (127.0.0.1 or localhost)
  int port = 8020;                 // 0: any free port
  std::string path = "/";          // as in redirect_uri; "" (no path) is served as "/"
  bool fixed_port = false;         // an explicit OAuth2RedirectUrl: its port or nothing
};

// The request line of what the browser sent ("GET /path?query HTTP/1.1"), from the bytes
// received up to the end of the head. Anything shaped otherwise gives empty fields.
struct RequestLine {
  std::string method;
  std::string path;    // without the query; "" served as "/"
  std::string target;  // path and query as sent
};
RequestLine parse_request_line(std::string_view head);

// Ports tried from the configured one upwards when it is busy (as the JDBC driver does).
inline constexpr int kRedirectPortAttempts = 20;

// From OAuth2RedirectUrl (http://127.0.0.1:5098/callback) when given, else
// OAuth2RedirectUrlPort. Throws Error 28000 for a URL that is not http on a loopback host.
RedirectTarget redirect_target(const config::OAuthSettings& oauth);

// One browser request to the redirect path, held open until it is answered.
class CallbackRequest {
 public:
  CallbackRequest(int fd, std::map<std::string, std::string> params);
  ~CallbackRequest();  // answers with a failure page when nothing was sent
  CallbackRequest(const CallbackRequest&) = delete;
  CallbackRequest& operator=(const CallbackRequest&) = delete;

  // The query parameters (code, state, error, error_description, …).
  const std::map<std::string, std::string>& params() const { return params_; }
  std::string param(const std::string& name) const;
  // Sends the page the person sees and closes the connection. `detail` is shown as text.
  void answer(bool signed_in, const std::string& detail);

 private:
  int fd_;
  std::map<std::string, std::string> params_;
};

class LoopbackListener {
 public:
  // Binds and listens. Throws Error 28000 when no port could be bound (all busy, or the
  // fixed one), naming the ports tried.
  explicit LoopbackListener(const RedirectTarget& target);
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  int port() const { return port_; }
  // http://<host>:<bound port><path>
  std::string redirect_uri() const;

  // Waits until the browser requests the redirect path, `deadline` passes, or
  // `keep_waiting` (asked a few times a second) says to stop; nullptr in the last two cases.
  // Other paths (favicon.ico) get 404 and silent connections (browser pre-connects) are
  // dropped after a while without holding up the wait.
  std::unique_ptr<CallbackRequest> accept(std::chrono::steady_clock::time_point deadline,
                                          const std::function<bool()>& keep_waiting = {});

 private:
  RedirectTarget target_;
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace dbsql::auth
