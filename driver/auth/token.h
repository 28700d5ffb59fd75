#pragma once
// An OAuth access token with its renewal time, and the injectable clock and sleeper that
// let unit tests drive expiry and retry backoff without waiting.
#include <algorithm>
#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace dbsql::auth {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;
using Sleeper = std::function<void(std::chrono::milliseconds)>;

inline Clock system_clock() {
  return [] { return std::chrono::system_clock::now(); };
}
inline Sleeper real_sleeper() {
  return [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

// Tokens are renewed this long before they expire, so a request never leaves with a token
// that dies in flight. Short-lived tokens (test servers hand out a few seconds) use half
// their lifetime instead, so each one is still reused rather than fetched per request.
inline constexpr std::chrono::seconds kRefreshMargin{40};
// When a token response omits expires_in: Databricks access tokens live one hour.
inline constexpr std::chrono::seconds kDefaultLifetime{3600};

struct Token {
  std::string access_token;   // secret
  std::string refresh_token;  // secret; empty when none was issued
  TimePoint expires_at{};
  TimePoint renew_at{};  // expires_at minus the refresh margin

  bool usable(TimePoint now) const { return !access_token.empty() && now < renew_at; }
};

// A token received at `now` that lives `lifetime`.
inline Token make_token(std::string access, std::string refresh, TimePoint now,
                        std::chrono::seconds lifetime) {
  Token t{std::move(access), std::move(refresh), now + lifetime, {}};
  t.renew_at = t.expires_at - std::min<std::chrono::seconds>(kRefreshMargin, lifetime / 2);
  return t;
}

}  // namespace dbsql::auth
