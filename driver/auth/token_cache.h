#pragma once
// The U2M token cache: one small JSON file per (host, client id, scopes) under
// $XDG_CACHE_HOME/dbsql-odbc or ~/.cache/dbsql-odbc, so a second connection or process signs
// in without a browser while the refresh token is valid. The folder is 0700, each file 0600
// and replaced atomically (write, fsync, rename); a file others can read is refused, not
// used. A lock file serialises read-refresh-write across processes, because a rotated
// refresh token invalidates the one another process may be about to use.
#include <chrono>
#include <optional>
#include <string>

#include "auth/token.h"

namespace dbsql::auth {

struct CacheKey {
  std::string host;  // base URL, e.g. https://adb-1.2.azuredatabricks.net
  std::string client_id;
  std::string scopes;
};

inline constexpr int kTokenCacheVersion = 1;

class TokenCache {
 public:
  // $XDG_CACHE_HOME/dbsql-odbc, else $HOME/.cache/dbsql-odbc; empty when neither is set.
  static std::string default_folder();

  TokenCache(std::string folder, CacheKey key);

  // The cached token, or nullopt when there is none, it belongs to another key, or the file is
  // unreadable JSON. Throws Error 28000 when the file or folder is open to other users or not
  // ours: such a cache may have been read or planted.
  std::optional<Token> load() const;
  // Replaces the entry atomically, creating the folder (0700) when needed. Throws Error HY000
  // when it cannot be written.
  void store(const Token& token) const;
  // Forgets the entry (its refresh token was refused).
  void remove() const;

  // Holds the cross-process lock of this entry while alive.
  class Lock {
   public:
    explicit Lock(int fd) : fd_(fd) {}
    ~Lock();
    Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;
    bool held() const { return fd_ >= 0; }

   private:
    int fd_;
  };
  // Waits up to `timeout` for the lock. When it cannot be had (a process stuck holding it,
  // or a file system without locks) the caller proceeds unlocked: writes stay atomic, only
  // a concurrent rotation may be lost, which costs a new sign-in, never a corrupt file.
  Lock lock(std::chrono::milliseconds timeout = std::chrono::seconds(60)) const;

  const std::string& path() const { return path_; }

 private:
  void ensure_folder() const;

  std::string folder_;
  CacheKey key_;
  std::string path_;       // <folder>/u2m-<hash>.json
  std::string lock_path_;  // <folder>/u2m-<hash>.lock
};

}  // namespace dbsql::auth
