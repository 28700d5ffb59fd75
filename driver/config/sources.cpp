#include "config/sources.h"

#include <odbcinst.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>

namespace dbsql::config {
namespace {

std::optional<std::string> home_from_passwd() {
  passwd entry{};
  passwd* found = nullptr;
  std::vector<char> buf(16384);
  if (getpwuid_r(getuid(), &entry, buf.data(), buf.size(), &found) != 0 || found == nullptr ||
      found->pw_dir == nullptr) {
    return std::nullopt;
  }
  return std::string(found->pw_dir);
}

std::optional<std::string> process_env(const std::string& name) {
  if (const char* value = std::getenv(name.c_str())) return std::string(value);
  if (name == "HOME") return home_from_passwd();
  return std::nullopt;
}

}  // namespace

std::vector<Attribute> read_dsn_from_odbcinst(const std::string& dsn) {
  // libodbcinst keeps shared ini state; one reader at a time.
  static std::mutex mu;
  std::lock_guard lock(mu);
  std::vector<char> names(32 * 1024);
  const int length = SQLGetPrivateProfileString(dsn.c_str(), nullptr, "", names.data(),
                                                static_cast<int>(names.size()), "odbc.ini");
  std::vector<Attribute> out;
  if (length <= 0) return out;
  // The entry names come back as a list of NUL-terminated strings.
  std::vector<char> value(64 * 1024);
  for (size_t i = 0; i < static_cast<size_t>(length) && names[i] != '\0';) {
    const std::string key(names.data() + i);
    i += key.size() + 1;
    const int n = SQLGetPrivateProfileString(dsn.c_str(), key.c_str(), "", value.data(),
                                             static_cast<int>(value.size()), "odbc.ini");
    out.push_back({key, n > 0 ? std::string(value.data()) : std::string()});
  }
  return out;
}

Sources system_sources() {
  return Sources{process_env, read_dsn_from_odbcinst};
}

}  // namespace dbsql::config
