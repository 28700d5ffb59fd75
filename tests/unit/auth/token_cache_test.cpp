#include "auth/token_cache.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "auth/flat_json.h"
#include "fake_http.h"
#include "temp_folder.h"

namespace dbsql::auth {
namespace {

using namespace testing;
using std::chrono::seconds;

const TimePoint kNow = TimePoint{} + seconds(1'700'000'000);

CacheKey key() {
  return {"https://example.cloud.databricks.com", "dbsql-odbc", "sql offline_access"};
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 07777;
}

TEST(TokenCache, RoundTripWithPrivateModes) {
  TempFolder tmp;
  std::string folder = tmp.path + "/cache/dbsql-odbc";
  TokenCache cache(folder, key());
  EXPECT_FALSE(cache.load());
  Token t = make_token("access-1", "refresh-1", kNow, seconds(3600));
  cache.store(t);
  EXPECT_EQ(mode_of(folder), 0700u);
  EXPECT_EQ(mode_of(cache.path()), 0600u);
  auto back = cache.load();
  ASSERT_TRUE(back);
  EXPECT_EQ(back->access_token, "access-1");
  EXPECT_EQ(back->refresh_token, "refresh-1");
  EXPECT_EQ(back->expires_at, t.expires_at);
  EXPECT_EQ(back->renew_at, t.renew_at);
  // Nothing but the entry is left behind (no temp files).
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    files += entry.path().extension() != ".lock";
  EXPECT_EQ(files, 1u);
}

TEST(TokenCache, FileHoldsAVersionedJsonObject) {
  TempFolder tmp;
  TokenCache cache(tmp.path, key());
  cache.store(make_token("a", "r", kNow, seconds(60)));
  std::ifstream in(cache.path());
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto json = FlatJson::parse(text);
  ASSERT_TRUE(json);
  EXPECT_EQ(json->integer("version"), kTokenCacheVersion);
  EXPECT_EQ(json->string("client_id"), "dbsql-odbc");
  EXPECT_EQ(json->integer("expires_at"), 1'700'000'060);
}

TEST(TokenCache, EntriesAreSeparatePerHostClientAndScopes) {
  TempFolder tmp;
  TokenCache a(tmp.path, key());
  CacheKey other_scopes = key();
  other_scopes.scopes = "all-apis offline_access";
  CacheKey other_client = key();
  other_client.client_id = "databricks-cli";
  TokenCache b(tmp.path, other_scopes);
  TokenCache c(tmp.path, other_client);
  EXPECT_NE(a.path(), b.path());
  EXPECT_NE(a.path(), c.path());
  a.store(make_token("a", "r", kNow, seconds(60)));
  EXPECT_FALSE(b.load());
  EXPECT_FALSE(c.load());
}

TEST(TokenCache, RefusesAFileOthersCanRead) {
  TempFolder tmp;
  TokenCache cache(tmp.path, key());
  cache.store(make_token("a", "secret-refresh", kNow, seconds(60)));
  ASSERT_EQ(::chmod(cache.path().c_str(), 0644), 0);
  Error e = caught([&] { cache.load(); });
  EXPECT_EQ(e.sqlstate(), "28000");
  EXPECT_TRUE(contains(e.what(), "0644"));
  EXPECT_TRUE(contains(e.what(), cache.path()));
  EXPECT_TRUE(contains(e.what(), "EnableTokenCache=0"));
  EXPECT_FALSE(contains(e.what(), "secret-refresh"));
  // Storing replaces it with a private file again.
  cache.store(make_token("b", "r2", kNow, seconds(60)));
  EXPECT_EQ(mode_of(cache.path()), 0600u);
  EXPECT_EQ(cache.load()->access_token, "b");
}

TEST(TokenCache, SymlinkIsNeverFollowed) {
  TempFolder tmp;
  TokenCache cache(tmp.path, key());
  std::string target = tmp.path + "/elsewhere.json";
  std::ofstream(target) << "{}";
  ::chmod(target.c_str(), 0600);
  std::filesystem::create_symlink(target, cache.path());
  EXPECT_EQ(caught([&] { cache.load(); }).sqlstate(), "28000");
}

TEST(TokenCache, OpenFolderOfOursIsClosed) {
  TempFolder tmp;
  ::chmod(tmp.path.c_str(), 0755);
  TokenCache cache(tmp.path, key());
  cache.store(make_token("a", "r", kNow, seconds(60)));
  EXPECT_EQ(mode_of(tmp.path), 0700u);
}

TEST(TokenCache, CorruptOrForeignFilesAreIgnored) {
  TempFolder tmp;
  TokenCache cache(tmp.path, key());
  for (const char* text : {"not json", R"({"version":2,"access_token":"a"})",
                           R"({"version":1,"host":"https://other","client_id":"dbsql-odbc",
                               "scopes":"sql offline_access","access_token":"a"})"}) {
    {
      std::ofstream out(cache.path(), std::ios::trunc);
      out << text;
    }
    ::chmod(cache.path().c_str(), 0600);
    EXPECT_FALSE(cache.load()) << text;
  }
}

TEST(TokenCache, RemoveForgetsTheEntry) {
  TempFolder tmp;
  TokenCache cache(tmp.path, key());
  cache.store(make_token("a", "r", kNow, seconds(60)));
  cache.remove();
  EXPECT_FALSE(cache.load());
}

TEST(TokenCache, LockExcludesOtherHoldersAndIsReleased) {
  TempFolder tmp;
  TokenCache cache(tmp.path, key());
  std::string lock_path = cache.path().substr(0, cache.path().size() - 5) + ".lock";
  {
    TokenCache::Lock lock = cache.lock();
    ASSERT_TRUE(lock.held());
    // Another open file description (as another process would have) cannot take it.
    int other = ::open(lock_path.c_str(), O_RDWR);
    ASSERT_GE(other, 0);
    EXPECT_NE(::flock(other, LOCK_EX | LOCK_NB), 0);
    EXPECT_FALSE(cache.lock(std::chrono::milliseconds(30)).held());
    ::close(other);
  }
  EXPECT_TRUE(cache.lock(std::chrono::milliseconds(30)).held());
}

TEST(TokenCache, DefaultFolderFollowsXdgThenHome) {
  const char* old_xdg = std::getenv("XDG_CACHE_HOME");
  const char* old_home = std::getenv("HOME");
  std::string saved_xdg = old_xdg ? old_xdg : "";
  std::string saved_home = old_home ? old_home : "";
  ::setenv("XDG_CACHE_HOME", "/xdg/cache", 1);
  ::setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(TokenCache::default_folder(), "/xdg/cache/dbsql-odbc");
  ::unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(TokenCache::default_folder(), "/home/someone/.cache/dbsql-odbc");
  if (old_xdg) ::setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
  if (old_home)
    ::setenv("HOME", saved_home.c_str(), 1);
  else
    ::unsetenv("HOME");
}

}  // namespace
}  // namespace dbsql::auth
