#include "oauth_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace dbsql::odbc_test {
namespace fs = std::filesystem;

TempDir::TempDir(std::string_view tag) {
  std::string pattern =
      (fs::temp_directory_path() / ("dbsql-oauth-" + std::string(tag) + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("mkdtemp " + pattern + ": " + std::strerror(errno));
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

ScopedEnv::ScopedEnv(std::string name, const std::optional<std::string>& value)
    : name_(std::move(name)) {
  if (const char* old = std::getenv(name_.c_str())) previous_ = old;
  if (value)
    ::setenv(name_.c_str(), value->c_str(), 1);
  else
    ::unsetenv(name_.c_str());
}

ScopedEnv::~ScopedEnv() {
  if (previous_)
    ::setenv(name_.c_str(), previous_->c_str(), 1);
  else
    ::unsetenv(name_.c_str());
}

ProcessResult run_process(const std::vector<std::string>& argv, const EnvVars& env) {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const auto& [name, value] : env)
      replaced = replaced || entry.substr(0, entry.find('=')) == name;
    if (!replaced) env_strings.emplace_back(entry);
  }
  for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = argv;
  std::vector<char*> argp;
  for (auto& a : args) argp.push_back(a.data());
  argp.push_back(nullptr);

  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argp[0], &actions, nullptr, argp.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  ProcessResult result;
  if (rc != 0) {
    ::close(pipe_fds[0]);
    result.output = "cannot start " + argv[0] + ": " + std::strerror(rc);
    return result;
  }
  char buf[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buf, sizeof buf)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    result.output.append(buf, static_cast<size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ProcessResult run_this_program(const std::string& gtest_filter, const EnvVars& env) {
  const fs::path self = fs::read_symlink("/proc/self/exe");
  return run_process({self.string(), "--gtest_filter=" + gtest_filter,
                      "--gtest_also_run_disabled_tests", "--gtest_color=no"},
                     env);
}

fs::path write_script(const fs::path& dir, std::string_view name, std::string_view text) {
  const fs::path path = dir / name;
  std::ofstream(path) << text;
  fs::permissions(path, fs::perms::owner_all);
  return path;
}

WarehouseOptions oauth_warehouse(int access_token_ttl, int rows_per_chunk) {
  WarehouseOptions o;
  o.faults = true;
  o.rows_per_chunk = rows_per_chunk;
  o.extra_args = {"--access-token-ttl", std::to_string(access_token_ttl)};
  return o;
}

void wait_for_token_expiry(int access_token_ttl) {
  std::this_thread::sleep_for(std::chrono::seconds(access_token_ttl) +
                              std::chrono::milliseconds(1200));
}

std::string OAuthServer::post(const std::vector<std::string>& curl_args,
                              std::string_view path) const {
  std::vector<std::string> argv{"curl", "-sS", "--max-time", "30"};
  argv.insert(argv.end(), curl_args.begin(), curl_args.end());
  argv.push_back(warehouse_.url() + std::string(path));
  ProcessResult r = run_process(argv);
  // The output may hold tokens: only the exit status is reported.
  if (r.status != 0)
    throw std::runtime_error("curl POST " + std::string(path) + " exited with status " +
                             std::to_string(r.status));
  return r.output;
}

std::string OAuthServer::m2m_access_token() const {
  const std::string body =
      post({"-u", warehouse_.field("m2m_client_id") + ":" + warehouse_.field("m2m_client_secret"),
            "-d", "grant_type=client_credentials", "-d", "scope=all-apis"},
           "/oidc/v1/token");
  std::string token = json_field(body, "access_token");
  if (token.empty()) throw std::runtime_error("the token endpoint issued no M2M access token");
  return token;
}

std::string OAuthServer::refresh(const std::string& client_id,
                                 const std::string& refresh_token) const {
  return post({"-d", "grant_type=refresh_token", "-d", "client_id=" + client_id, "-d",
               "refresh_token=" + refresh_token},
              "/oidc/v1/token");
}

void OAuthServer::revoke(const std::string& client_id, const std::string& refresh_token) const {
  post({"-d", "token=" + refresh_token, "-d", "token_type_hint=refresh_token", "-d",
        "client_id=" + client_id},
       "/oidc/v1/revoke");
}

std::optional<CachedTokens> read_token_cache(const fs::path& xdg_cache_home) {
  const fs::path folder = xdg_cache_home / "dbsql-odbc";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("u2m-", 0) != 0 || entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    return CachedTokens{entry.path(), json_field(text.str(), "access_token"),
                        json_field(text.str(), "refresh_token")};
  }
  return std::nullopt;
}

BrowserScripts::BrowserScripts(const Warehouse& warehouse) : dir_("browser") {
  const std::string calls = (dir_.path() / "calls").string();
  const std::string cli =
      (fs::path(kDefaultWarehouseDir) / "lib" / "auth" / "browser-login-cli.mjs").string();
  // The login travels in the environment (as the CLI asks), set only for the CLI.
  write_script(dir_.path(), "login.sh",
               "#!/bin/sh\necho login >> '" + calls + "'\nexport WAREHOUSE_LOGIN_USER='" +
                   warehouse.field("login_user") + "' WAREHOUSE_LOGIN_PASSWORD='" +
                   warehouse.field("login_password") + "'\nexec node '" + cli + "' \"$@\"\n");
  write_script(dir_.path(), "refuse.sh",
               "#!/bin/sh\necho refuse >> '" + calls +
                   "'\necho 'refuse.sh: this connection should not need a browser' >&2\nexit 3\n");
  write_script(dir_.path(), "wrong-state.mjs", R"(
const authorize = new URL(process.argv[2]);
const redirect = new URL(authorize.searchParams.get('redirect_uri'));
redirect.searchParams.set('code', 'code-of-another-sign-in');
redirect.searchParams.set('state', 'not-the-state-that-was-sent');
const answer = await fetch(redirect);
process.exit(answer.status === 400 ? 0 : 1);
)");
}

std::string BrowserScripts::login() const {
  return (dir_.path() / "login.sh").string();
}

std::string BrowserScripts::refuse() const {
  return (dir_.path() / "refuse.sh").string();
}

std::string BrowserScripts::wrong_state() const {
  return "node " + (dir_.path() / "wrong-state.mjs").string();
}

int BrowserScripts::calls() const {
  std::ifstream in(dir_.path() / "calls");
  int lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

namespace {

bool is_base64url(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool is_hex(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
}

// How many characters from `pos` satisfy `pred`.
template <typename Pred>
size_t run_of(std::string_view s, size_t pos, Pred pred) {
  size_t n = 0;
  while (pos + n < s.size() && pred(s[pos + n])) ++n;
  return n;
}

// `prefix` followed by at least `min` characters satisfying `pred`, anywhere in `line`.
template <typename Pred>
bool has_token(std::string_view line, std::string_view prefix, size_t min, Pred pred) {
  for (size_t at = line.find(prefix); at != std::string_view::npos; at = line.find(prefix, at + 1))
    if (run_of(line, at + prefix.size(), pred) >= min) return true;
  return false;
}

bool has_jwt(std::string_view line) {
  for (size_t at = line.find("eyJ"); at != std::string_view::npos; at = line.find("eyJ", at + 1)) {
    const size_t header = run_of(line, at, is_base64url);
    const size_t dot = at + header;
    if (header >= 11 && dot < line.size() && line[dot] == '.' &&
        run_of(line, dot + 1, is_base64url) >= 8)
      return true;
  }
  return false;
}

// name=value or "name": "value" with a value that is not masked (*****).
bool has_unmasked_field(std::string_view line, std::string_view name) {
  for (size_t at = line.find(name); at != std::string_view::npos; at = line.find(name, at + 1)) {
    if (at > 0 && (is_base64url(line[at - 1]) && line[at - 1] != '-')) continue;
    size_t v = at + name.size();
    if (v < line.size() && line[v] == '=') {
      ++v;
    } else if (v < line.size() && line[v] == '"') {
      v += 1 + run_of(line, v + 1, [](char c) { return c == ' '; });
      if (v >= line.size() || line[v] != ':') continue;
      v += 1 + run_of(line, v + 1, [](char c) { return c == ' '; });
      if (v >= line.size() || line[v] != '"') continue;
      ++v;
    } else {
      continue;
    }
    if (v < line.size() && std::string_view("*&\" \t").find(line[v]) == std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace

const char* secret_shape_in(std::string_view line) {
  if (has_jwt(line)) return "a JWT";
  if (has_token(line, "dapi", 16, is_hex)) return "a PAT";
  if (has_token(line, "dose", 16, is_hex)) return "a client secret";
  // Presigned link signatures: the local warehouse's, S3's, Azure's.
  for (std::string_view field : {"X-Wh-Signature", "X-Amz-Signature", "sig"})
    if (has_unmasked_field(line, field)) return "a presigned URL";
  for (std::string_view field :
       {"code", "code_verifier", "refresh_token", "access_token", "client_secret"})
    if (has_unmasked_field(line, field)) return "a secret form or JSON field";
  return nullptr;
}

std::string SecretLog::keys() const {
  return "LogLevel=6;LogPath=" + braced(dir_.str()) + ";";
}

void SecretLog::add(const std::string& secret) {
  if (!secret.empty()) secrets_.push_back(secret);
}

fs::path SecretLog::file() const {
  return dir_.path() / "dbsql-odbc.log";
}

::testing::AssertionResult SecretLog::holds_no_secrets() const {
  std::ifstream in(file());
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string log = ss.str();
  if (log.empty()) return ::testing::AssertionFailure() << "no driver log at " << file();
  for (size_t i = 0; i < secrets_.size(); ++i)
    if (log.find(secrets_[i]) != std::string::npos)
      return ::testing::AssertionFailure() << "the log holds secret #" << i;
  // Shapes, for secrets the test never saw (codes, verifiers, intermediate tokens).
  std::istringstream lines(log);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number)
    if (const char* what = secret_shape_in(line))
      return ::testing::AssertionFailure()
             << "line " << number << " of " << file() << " holds " << what;
  return ::testing::AssertionSuccess();
}

}  // namespace dbsql::odbc_test
