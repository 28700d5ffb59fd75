#pragma once
// Fakes for the resolver's inputs: an environment map, DSN sections and a temporary HOME
// holding a .databrickscfg, so tests touch neither the real environment nor odbc.ini.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "config/resolve.h"
#include "util/error.h"

namespace dbsql::config::testing {

class FakeSources {
 public:
  FakeSources() {
    static std::atomic<int> counter{0};
    home_ = std::filesystem::temp_directory_path() /
            ("dbsql-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(home_);
    env_["HOME"] = home_.string();
  }
  ~FakeSources() { std::filesystem::remove_all(home_); }

  FakeSources& env(const std::string& name, const std::string& value) {
    env_[name] = value;
    return *this;
  }
  FakeSources& dsn(const std::string& name, std::vector<Attribute> entries) {
    dsns_[name] = std::move(entries);
    return *this;
  }
  // Writes ~/.databrickscfg (or another file under HOME) with `text`.
  std::string write_config(const std::string& text, const std::string& name = ".databrickscfg") {
    const auto path = home_ / name;
    std::ofstream(path) << text;
    return path.string();
  }
  const std::filesystem::path& home() const { return home_; }

  Sources sources() const {
    return Sources{[this](const std::string& name) -> std::optional<std::string> {
                     auto it = env_.find(name);
                     return it == env_.end() ? std::nullopt
                                             : std::optional<std::string>(it->second);
                   },
                   [this](const std::string& dsn) {
                     auto it = dsns_.find(dsn);
                     return it == dsns_.end() ? std::vector<Attribute>{} : it->second;
                   }};
  }

  Settings resolve(const std::string& connection_string) const {
    return resolve_settings(ConnectionString::parse(connection_string), sources());
  }

 private:
  std::filesystem::path home_;
  std::map<std::string, std::string> env_;
  std::map<std::string, std::vector<Attribute>> dsns_;
};

// The Error thrown by `f`, failing the test when none is.
template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no dbsql::Error was thrown";
  return Error("", "");
}

// A minimal valid connection: host, warehouse and a PAT.
inline constexpr const char* kBase =
    "Host=adb-1.azuredatabricks.net;HTTPPath=/sql/1.0/warehouses/"
    "abc123;UID=token;PWD=dapi-base-token;";

}  // namespace dbsql::config::testing
