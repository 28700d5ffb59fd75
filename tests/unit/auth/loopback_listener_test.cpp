#include "auth/loopback_listener.h"

#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <sstream>
#include <vector>

#include "auth/browser_launcher.h"
#include "fake_browser.h"
#include "fake_http.h"

namespace dbsql::auth {
namespace {

using namespace testing;
using std::chrono::milliseconds;
using std::chrono::seconds;
using SteadyClock = std::chrono::steady_clock;

RedirectTarget any_port(std::string path = "/") {
  RedirectTarget t;
  t.port = 0;
  t.path = std::move(path);
  return t;
}

// A socket listening on 127.0.0.1:<port> (0 = any), closed when destroyed.
struct Occupied {
  explicit Occupied(int wanted = 0) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(wanted));
    ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd, 1) == 0;
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
  }
  ~Occupied() { ::close(fd); }
  int fd;
  int port;
  bool ok;
};

TEST(RedirectTarget, FromPortSetting) {
  config::OAuthSettings oauth;
  oauth.redirect_port = 8020;
  RedirectTarget t = redirect_target(oauth);
  EXPECT_EQ(t.host, "127.0.0.1");
  EXPECT_EQ(t.port, 8020);
  EXPECT_EQ(t.path, "/");
  EXPECT_FALSE(t.fixed_port);
}

TEST(RedirectTarget, FromFullUrl) {
  config::OAuthSettings oauth;
  oauth.redirect_url = "http://127.0.0.1:5098/callback";
  RedirectTarget t = redirect_target(oauth);
  EXPECT_EQ(t.port, 5098);
  EXPECT_EQ(t.path, "/callback");
  EXPECT_TRUE(t.fixed_port);
  oauth.redirect_url = "http://localhost:8030";
  t = redirect_target(oauth);
  EXPECT_EQ(t.host, "localhost");
  EXPECT_EQ(t.port, 8030);
  EXPECT_EQ(t.path, "") << "kept as registered: redirect_uri must match it exactly";
}

TEST(RedirectTarget, RefusesNonLoopbackOrBadUrls) {
  for (const char* bad : {"https://127.0.0.1:8020/", "http://example.com:8020/",
                          "http://127.0.0.1:99999/", "http://127.0.0.1:x/", "127.0.0.1:8020"}) {
    config::OAuthSettings oauth;
    oauth.redirect_url = bad;
    EXPECT_EQ(caught([&] { redirect_target(oauth); }).sqlstate(), "28000") << bad;
  }
}

TEST(RequestLine, SplitsMethodPathAndTarget) {
  RequestLine r = parse_request_line("GET /callback?code=a&state=b HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.path, "/callback");
  EXPECT_EQ(r.target, "/callback?code=a&state=b");
  EXPECT_EQ(parse_request_line("GET ?code=a HTTP/1.1\r\n").path, "/");
  RequestLine odd = parse_request_line("GARBAGE\r\n\r\n");
  EXPECT_EQ(odd.method, "GARBAGE");
  EXPECT_EQ(odd.target, "");
  EXPECT_EQ(odd.path, "/");
  EXPECT_EQ(parse_request_line("").method, "");
}

// The local addresses (hex, as the kernel lists them) of sockets listening on `port`, from
// /proc/net/tcp and tcp6: "0100007F" is 127.0.0.1, "00000000" would be every interface.
std::vector<std::string> listening_addresses(int port) {
  std::vector<std::string> found;
  for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
    std::ifstream in(table);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string slot, local, remote, state;
      fields >> slot >> local >> remote >> state;
      const size_t colon = local.find(':');
      if (state != "0A" || colon == std::string::npos) continue;  // 0A: LISTEN
      if (std::stoi(local.substr(colon + 1), nullptr, 16) == port)
        found.push_back(local.substr(0, colon));
    }
  }
  return found;
}

TEST(LoopbackListener, ListensOnLoopbackOnlyAndStopsWhenDone) {
  int port = 0;
  {
    LoopbackListener listener(any_port("/callback"));
    port = listener.port();
    EXPECT_EQ(listening_addresses(port), std::vector<std::string>{"0100007F"})
        << "the redirect listener must be reachable from this machine only";
  }
  // sign_in_with_browser holds the listener for the sign-in alone.
  EXPECT_TRUE(listening_addresses(port).empty());
  EXPECT_EQ(http_get(port, "/callback?code=late").status, 0);
}

TEST(LoopbackListener, ReceivesTheCodeAndAnswersThePage) {
  LoopbackListener listener(any_port("/callback"));
  ASSERT_GT(listener.port(), 0);
  EXPECT_EQ(listener.redirect_uri(),
            "http://127.0.0.1:" + std::to_string(listener.port()) + "/callback");
  auto browser = std::async(std::launch::async, [&] {
    HttpResult favicon = http_get(listener.port(), "/favicon.ico");
    HttpResult done = http_get(listener.port(), "/callback?code=abc%2B1&state=s1");
    return std::make_pair(favicon, done);
  });
  auto callback = listener.accept(SteadyClock::now() + seconds(30));
  ASSERT_TRUE(callback);
  EXPECT_EQ(callback->param("code"), "abc+1");
  EXPECT_EQ(callback->param("state"), "s1");
  callback->answer(true, "Signed in to <host>");
  auto [favicon, done] = browser.get();
  EXPECT_EQ(favicon.status, 404);
  EXPECT_EQ(done.status, 200);
  EXPECT_TRUE(contains(done.body, "Signed in to &lt;host&gt;"));  // escaped text, not markup
}

TEST(LoopbackListener, SilentPreconnectDoesNotBlockTheRedirect) {
  LoopbackListener listener(any_port());
  int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(listener.port()));
  ASSERT_EQ(::connect(silent, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  auto browser =
      std::async(std::launch::async, [&] { return http_get(listener.port(), "/?code=c&state=s"); });
  auto callback = listener.accept(SteadyClock::now() + seconds(30));
  ASSERT_TRUE(callback);
  EXPECT_EQ(callback->param("code"), "c");
  callback->answer(false, "state mismatch");
  HttpResult page = browser.get();
  EXPECT_EQ(page.status, 400);
  EXPECT_TRUE(contains(page.body, "Sign-in failed"));
  ::close(silent);
}

TEST(LoopbackListener, RedirectUriWithoutPathIsServedAtTheRoot) {
  LoopbackListener listener(any_port(""));
  EXPECT_EQ(listener.redirect_uri(), "http://127.0.0.1:" + std::to_string(listener.port()));
  auto browser =
      std::async(std::launch::async, [&] { return http_get(listener.port(), "/?code=c&state=s"); });
  auto callback = listener.accept(SteadyClock::now() + seconds(30));
  ASSERT_TRUE(callback);
  EXPECT_EQ(callback->param("state"), "s");
  callback->answer(true, "ok");
  EXPECT_EQ(browser.get().status, 200);
}

TEST(LoopbackListener, UnansweredCallbackGetsAFailurePage) {
  LoopbackListener listener(any_port());
  auto browser = std::async(std::launch::async, [&] { return http_get(listener.port(), "/?x=1"); });
  listener.accept(SteadyClock::now() + seconds(30)).reset();
  EXPECT_EQ(browser.get().status, 400);
}

TEST(LoopbackListener, NextPortWhenBusy) {
  Occupied busy;
  ASSERT_TRUE(busy.ok);
  RedirectTarget t;
  t.port = busy.port;
  // The port right after may be busy too on a shared machine; the listener keeps going up.
  LoopbackListener listener(t);
  EXPECT_GT(listener.port(), busy.port);
  EXPECT_LT(listener.port(), busy.port + kRedirectPortAttempts);
}

TEST(LoopbackListener, FixedPortBusyIsAClearError) {
  Occupied busy;
  ASSERT_TRUE(busy.ok);
  RedirectTarget t;
  t.port = busy.port;
  t.fixed_port = true;
  Error e = caught([&] { LoopbackListener listener(t); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), std::to_string(busy.port)));
  EXPECT_TRUE(contains(e.what(), "OAuth2RedirectUrlPort"));
}

TEST(LoopbackListener, TimesOutWithNothing) {
  LoopbackListener listener(any_port());
  EXPECT_FALSE(listener.accept(SteadyClock::now() + milliseconds(50)));
}

TEST(LoopbackListener, StopsWhenToldTo) {
  LoopbackListener listener(any_port());
  int asked = 0;
  EXPECT_FALSE(listener.accept(SteadyClock::now() + seconds(60), [&] { return ++asked < 3; }));
  EXPECT_EQ(asked, 3);
}

TEST(BrowserCommand, SplitsLikeAShellWithoutExpansion) {
  EXPECT_EQ(split_command("node /opt/x/browser-login-cli.mjs"),
            (std::vector<std::string>{"node", "/opt/x/browser-login-cli.mjs"}));
  EXPECT_EQ(
      split_command("  'my browser' --flag=\"a b\" c\\ d $HOME `x` ; rm  "),
      (std::vector<std::string>{"my browser", "--flag=a b", "c d", "$HOME", "`x`", ";", "rm"}));
  EXPECT_EQ(split_command("\"q\\\"uote\" ''"), (std::vector<std::string>{"q\"uote", ""}));
  EXPECT_TRUE(split_command("   ").empty());
  EXPECT_EQ(caught([] { split_command("open 'unclosed"); }).sqlstate(), "28000");
}

// The URL reaches the program as one argument, however many shell characters it holds.
TEST(BrowserCommand, UrlIsOneArgumentAndExitStatusIsSeen) {
  std::string url = "https://h/authorize?a=1&b=$(touch /tmp/never);c='x'";
  auto process =
      launch({"sh", "-c", "test \"$#\" = 1 && test \"$1\" = \"$0\" && exit 7", url}, url);
  while (process->running()) std::this_thread::sleep_for(milliseconds(5));
  EXPECT_EQ(process->exit_status(), 7);
}

TEST(BrowserCommand, MissingProgramIsAClearError) {
  Error e = caught([] { launch({"/nonexistent/browser"}, "https://h/"); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "/nonexistent/browser"));
}

}  // namespace
}  // namespace dbsql::auth
