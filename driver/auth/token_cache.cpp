#include "auth/token_cache.h"

#include <fcntl.h>
#include <openssl/sha.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "auth/flat_json.h"
#include "util/error.h"
#include "util/secrets.h"

namespace dbsql::auth {
namespace {

constexpr size_t kMaxCacheFileBytes = 64 * 1024;

std::string hex_digest(const std::string& text) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string mode_text(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

long long epoch_seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

TimePoint from_epoch_seconds(long long s) {
  return TimePoint{} + std::chrono::seconds(s);
}

Error write_error(const std::string& what, const std::string& path) {
  return Error("HY000", "Cannot write the token cache " + path + " (" + what + ": " +
                            std::strerror(errno) +
                            "). Set EnableTokenCache=0 to sign in without "
                            "a cache.");
}

// mkdir -p, new folders private to the user.
void make_folders(const std::string& path) {
  for (size_t pos = path.find('/', 1);; pos = path.find('/', pos + 1)) {
    std::string part = path.substr(0, pos);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST)
      throw Error("HY000", "Cannot create the token cache folder " + part + ": " +
                               std::strerror(errno) + ". Set EnableTokenCache=0 to do without.");
    if (pos == std::string::npos) return;
  }
}

}  // namespace

std::string TokenCache::default_folder() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/')
    return std::string(xdg) + "/dbsql-odbc";
  const char* home = std::getenv("HOME");
  if (!home || !*home) {
    const passwd* pw = ::getpwuid(::geteuid());
    home = pw ? pw->pw_dir : nullptr;
  }
  if (!home || !*home) return {};
  return std::string(home) + "/.cache/dbsql-odbc";
}

TokenCache::TokenCache(std::string folder, CacheKey key)
    : folder_(std::move(folder)), key_(std::move(key)) {
  std::string base =
      folder_ + "/u2m-" + hex_digest(key_.host + "\n" + key_.client_id + "\n" + key_.scopes);
  path_ = base + ".json";
  lock_path_ = base + ".lock";
}

void TokenCache::ensure_folder() const {
  make_folders(folder_);
  struct stat st {};
  if (::stat(folder_.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw Error("HY000", "The token cache folder " + folder_ +
                             " is not a folder. Remove it or "
                             "set EnableTokenCache=0.");
  if (st.st_uid != ::geteuid())
    throw Error("28000", "The token cache folder " + folder_ +
                             " belongs to another user. Remove "
                             "it, or set EnableTokenCache=0.");
  // Ours but open to others (created by hand, or a umask): close it rather than refuse.
  if ((st.st_mode & 077) != 0) ::chmod(folder_.c_str(), 0700);
}

std::optional<Token> TokenCache::load() const {
  int fd = ::open(path_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return std::nullopt;
    throw Error("28000", "Cannot read the token cache file " + path_ + ": " + std::strerror(errno) +
                             ". Remove it (a symbolic link is never followed), or set "
                             "EnableTokenCache=0.");
  }
  struct stat st {};
  std::string text;
  bool ok = ::fstat(fd, &st) == 0;
  if (ok && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & 077) == 0) {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0 && text.size() < kMaxCacheFileBytes)
      text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  if (!ok || !S_ISREG(st.st_mode) || st.st_uid != ::geteuid())
    throw Error("28000", "The token cache file " + path_ +
                             " is not a regular file of yours. Remove it, or set "
                             "EnableTokenCache=0.");
  if ((st.st_mode & 077) != 0)
    throw Error("28000", "The token cache file " + path_ + " can be read by other users (mode " +
                             mode_text(st.st_mode) +
                             "). It holds a refresh token that signs in as you, so it is not "
                             "used: delete it (the next sign-in recreates it with mode 0600), or "
                             "set EnableTokenCache=0.");
  auto json = FlatJson::parse(text);
  if (!json || json->integer("version") != kTokenCacheVersion ||
      json->string("host") != key_.host || json->string("client_id") != key_.client_id ||
      json->string("scopes") != key_.scopes)
    return std::nullopt;
  Token t;
  t.access_token = json->string("access_token").value_or("");
  t.refresh_token = json->string("refresh_token").value_or("");
  t.expires_at = from_epoch_seconds(json->integer("expires_at").value_or(0));
  t.renew_at = from_epoch_seconds(json->integer("renew_at").value_or(0));
  if (t.access_token.empty() && t.refresh_token.empty()) return std::nullopt;
  util::register_secret(t.access_token);
  util::register_secret(t.refresh_token);
  return t;
}

void TokenCache::store(const Token& token) const {
  ensure_folder();
  std::string text =
      "{\"version\":" + std::to_string(kTokenCacheVersion) + ",\"host\":" + json_quote(key_.host) +
      ",\"client_id\":" + json_quote(key_.client_id) + ",\"scopes\":" + json_quote(key_.scopes) +
      ",\"access_token\":" + json_quote(token.access_token) +
      ",\"refresh_token\":" + json_quote(token.refresh_token) +
      ",\"expires_at\":" + std::to_string(epoch_seconds(token.expires_at)) +
      ",\"renew_at\":" + std::to_string(epoch_seconds(token.renew_at)) + "}\n";
  std::string temp = folder_ + "/.u2m-XXXXXX";
  int fd = ::mkstemp(temp.data());  // created 0600
  if (fd < 0) throw write_error("create", temp);
  bool ok = ::fchmod(fd, 0600) == 0;
  for (size_t done = 0; ok && done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    done += ok ? static_cast<size_t>(n) : 0;
  }
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path_.c_str()) != 0) {
    Error e = write_error("write", path_);
    ::unlink(temp.c_str());
    throw e;
  }
  // The rename itself must reach the disk, or a crash could bring back the old refresh token.
  if (int dir = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void TokenCache::remove() const {
  ::unlink(path_.c_str());
}

TokenCache::Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

TokenCache::Lock TokenCache::lock(std::chrono::milliseconds timeout) const {
  ensure_folder();
  int fd = ::open(lock_path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Lock(-1);
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if ((errno != EWOULDBLOCK && errno != EINTR) || std::chrono::steady_clock::now() >= until) {
      ::close(fd);
      return Lock(-1);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return Lock(fd);
}

}  // namespace dbsql::auth
