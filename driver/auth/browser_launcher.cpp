#include "auth/browser_launcher.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "util/error.h"

extern char** environ;

namespace dbsql::auth {
namespace {

// How long a finished sign-in waits for the browser command to exit, so it is reaped
// rather than left a zombie (openers like xdg-open exit within moments).
constexpr std::chrono::milliseconds kReapGrace{1500};

}  // namespace

std::vector<std::string> split_command(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (quote == '\'') {
      if (c == '\'')
        quote = 0;
      else
        word += c;
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && i + 1 < command.size() &&
                 (command[i + 1] == '"' || command[i + 1] == '\\')) {
        word += command[++i];
      } else {
        word += c;
      }
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      in_word = true;
      if (c == '\'' || c == '"')
        quote = c;
      else if (c == '\\' && i + 1 < command.size())
        word += command[++i];
      else
        word += c;
    }
  }
  if (quote)
    throw Error("28000", "BrowserCommand has an unclosed " + std::string(1, quote) +
                             " quote. Quote each argument completely.");
  if (in_word) words.push_back(std::move(word));
  return words;
}

BrowserProcess::~BrowserProcess() {
  const auto until = std::chrono::steady_clock::now() + kReapGrace;
  while (running() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

bool BrowserProcess::running() {
  if (status_) return false;
  int status = 0;
  pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == 0) return true;
  if (r == pid_) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  } else {
    status_ = -1;  // reaped elsewhere (an application SIGCHLD handler): outcome unknown
  }
  return false;
}

std::vector<std::string> system_opener() {
#ifdef __APPLE__
  return {"open"};
#else
  auto set = [](const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
  };
  if (set("DISPLAY") || set("WAYLAND_DISPLAY")) return {"xdg-open"};
  return {};
#endif
}

std::unique_ptr<BrowserProcess> launch(std::vector<std::string> argv, const std::string& url) {
  if (argv.empty()) throw Error("28000", "BrowserCommand is empty.");
  argv.push_back(url);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(a.data());
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  // The child must not inherit an application's ignored SIGCHLD/SIGPIPE dispositions.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGCHLD);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0)
    throw Error("28000", "Could not start the browser command '" + argv[0] +
                             "': " + std::strerror(rc) +
                             ". Check BrowserCommand (the program and its arguments; the sign-in "
                             "URL is added as the last argument).");
  return std::make_unique<BrowserProcess>(pid);
}

}  // namespace dbsql::auth
