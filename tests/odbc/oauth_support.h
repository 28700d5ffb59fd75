#pragma once
// What the OAuth driver-manager suites share: temporary folders and environment variables,
// child processes (curl against the warehouse's OAuth server, the test program itself as a
// second ODBC process), executable BrowserCommand scripts, the U2M token cache as files, and
// a verbose driver log that must never hold a secret.
//
//   class OAuthM2MTest : public OAuthSuite<OAuthM2MTest> {
//    public:
//     static WarehouseOptions warehouse_options() { return oauth_warehouse(3); }
//   };
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "suite.h"

namespace dbsql::odbc_test {

// A fresh folder under the system temp folder, removed with everything in it.
class TempDir {
 public:
  explicit TempDir(std::string_view tag);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Sets (or, with nullopt, unsets) an environment variable of this process until destroyed.
// The driver reads HOME, XDG_CACHE_HOME and DATABRICKS_* when a connection opens.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::optional<std::string>& value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> previous_;
};

using EnvVars = std::vector<std::pair<std::string, std::string>>;

struct ProcessResult {
  int status = -1;     // exit status, 128 + signal when killed
  std::string output;  // stdout and stderr together
};
// Runs `argv` (looked up in PATH) with this process's environment plus `env`; waits for it.
ProcessResult run_process(const std::vector<std::string>& argv, const EnvVars& env = {});

// Runs this test program again in a child process with `gtest_filter`, disabled tests
// included, so a test can prove what a second process sees (the token cache).
ProcessResult run_this_program(const std::string& gtest_filter, const EnvVars& env = {});

// Writes `text` to dir/name, mode 0700.
std::filesystem::path write_script(const std::filesystem::path& dir, std::string_view name,
                                   std::string_view text);

// A plain-HTTP warehouse with the admin API (request log, faults) whose OAuth server issues
// access tokens living `access_token_ttl` seconds.
WarehouseOptions oauth_warehouse(int access_token_ttl, int rows_per_chunk = 0);

// Sleeps until a token issued now is no longer accepted (its lifetime plus a margin).
void wait_for_token_expiry(int access_token_ttl);

// The warehouse's OAuth server, spoken to with curl as another client would.
class OAuthServer {
 public:
  explicit OAuthServer(const Warehouse& warehouse) : warehouse_(warehouse) {}
  // A client-credentials access token of the warehouse's M2M service principal.
  std::string m2m_access_token() const;
  // Redeems `refresh_token` of a public client: the server rotates it, so the one given is
  // spent. Returns the token response body.
  std::string refresh(const std::string& client_id, const std::string& refresh_token) const;
  // RFC 7009 revocation of a public client's refresh token (ends its whole grant).
  void revoke(const std::string& client_id, const std::string& refresh_token) const;

 private:
  std::string post(const std::vector<std::string>& curl_args, std::string_view path) const;
  const Warehouse& warehouse_;
};

// The U2M token cache under an XDG_CACHE_HOME: the one entry file, if any.
struct CachedTokens {
  std::filesystem::path file;
  std::string access_token;
  std::string refresh_token;
};
std::optional<CachedTokens> read_token_cache(const std::filesystem::path& xdg_cache_home);

// BrowserCommand values for U2M sign-ins (full commands, for braced()), the first two counting
// their invocations, so a test proves whether a connection needed the browser.
class BrowserScripts {
 public:
  explicit BrowserScripts(const Warehouse& warehouse);
  // Signs in through headless Chromium with the warehouse's login (browser-login-cli.mjs).
  std::string login() const;
  // Fails at once (exit 3): for connections that must be served by the token cache.
  std::string refuse() const;
  // Sends the redirect itself, with a code and a state of its own, as a forged redirect or a
  // stale tab would.
  std::string wrong_state() const;
  int calls() const;  // invocations of login() and refuse() so far

 private:
  TempDir dir_;
};

// What secret-shaped text `line` holds ("a JWT", "a PAT", "a presigned URL", ...), or nullptr.
const char* secret_shape_in(std::string_view line);

// The verbose (LogLevel=6) driver log of one suite, and the secrets that must never be in it.
class SecretLog {
 public:
  SecretLog() : dir_("log") {}
  // LogLevel=6;LogPath={<folder>};
  std::string keys() const;
  void add(const std::string& secret);
  std::filesystem::path file() const;
  // Success when the log exists, is not empty, and holds none of the secrets given nor
  // anything shaped like one (a JWT, a PAT, a client secret, a code or token form field).
  ::testing::AssertionResult holds_no_secrets() const;

 private:
  TempDir dir_;
  std::vector<std::string> secrets_;
};

// A WarehouseSuite whose tests open their own connections, every one logging verbosely into
// the suite's SecretLog.
template <typename Derived>
class OAuthSuite : public WarehouseSuite<Derived> {
 public:
  static constexpr bool kConnectInSetUp = false;

  static void SetUpTestSuite() {
    WarehouseSuite<Derived>::SetUpTestSuite();
    log_ = std::make_unique<SecretLog>();
    if (WarehouseSuite<Derived>::warehouse_) {
      const Warehouse& w = *WarehouseSuite<Derived>::warehouse_;
      for (const char* field :
           {"pat", "m2m_client_secret", "u2m_confidential_client_secret", "login_password"})
        log_->add(w.field(field));
    }
  }
  static void TearDownTestSuite() {
    log_.reset();
    WarehouseSuite<Derived>::TearDownTestSuite();
  }

 protected:
  // Driver, location and log keys; no credentials.
  static std::string base() {
    const Warehouse& w = WarehouseSuite<Derived>::warehouse();
    return "Driver=" + braced(w.driver_path()) + ";" + w.location_keys() + log_->keys();
  }
  // The M2M sign-in keys of the warehouse's service principal (AuthMech=11;Auth_Flow=1),
  // with its own secret or `secret`.
  static std::string m2m_keys(const std::string& secret) {
    const Warehouse& w = WarehouseSuite<Derived>::warehouse();
    return "AuthMech=11;Auth_Flow=1;Auth_Client_ID=" + w.field("m2m_client_id") +
           ";Auth_Client_Secret=" + braced(secret) + ";";
  }
  static std::string m2m_keys() {
    return m2m_keys(WarehouseSuite<Derived>::warehouse().field("m2m_client_secret"));
  }
  // Connects `dbc` with base() + `keys`, failing the test with the diagnostics otherwise.
  static ::testing::AssertionResult connects(Dbc& dbc, const std::string& keys) {
    return odbc_ok(dbc.driver_connect(base() + keys), SQL_HANDLE_DBC, dbc.get());
  }
  // The connection answers a query: proves it is usable, not only "connected".
  static ::testing::AssertionResult answers(Dbc& dbc) { return answers_a_query(dbc); }
  // Connecting with base() + `keys` fails with `sqlstate` and a message holding `part`.
  ::testing::AssertionResult connect_fails(const std::string& keys, std::string_view sqlstate,
                                           std::string_view part) {
    Dbc dbc(this->env_);
    SQLRETURN rc = dbc.driver_connect(base() + keys);
    if (rc != SQL_ERROR)
      return ::testing::AssertionFailure() << "connect returned " << return_code_name(rc);
    return has_diag(SQL_HANDLE_DBC, dbc.get(), sqlstate, part);
  }

  static inline std::unique_ptr<SecretLog> log_;
};

}  // namespace dbsql::odbc_test
