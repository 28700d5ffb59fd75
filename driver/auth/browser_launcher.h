#pragma once
// Opening the authorization URL for the person signing in: the BrowserCommand when one is
// configured, else the desktop's opener (xdg-open, or open on macOS) when there is a
// display, else nothing (the caller prints the URL). Commands run directly (posix_spawnp)
// with the URL as one argument: no shell ever sees the URL.
#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dbsql::auth {

// The words of a BrowserCommand, split on blanks with '…', "…" and \ quoting as a shell
// would, but with no expansion of any kind. Throws Error 28000 on an unclosed quote.
std::vector<std::string> split_command(std::string_view command);

// A started browser command. Its exit is collected when it ends; a command still running
// when this is destroyed (a browser that stays open) is left alone.
class BrowserProcess {
 public:
  explicit BrowserProcess(pid_t pid) : pid_(pid) {}
  ~BrowserProcess();
  BrowserProcess(const BrowserProcess&) = delete;
  BrowserProcess& operator=(const BrowserProcess&) = delete;

  // True while the command runs; false once it has exited (then exit_status() is set).
  bool running();
  // The exit status (or 128 + signal) once it has ended.
  std::optional<int> exit_status() const { return status_; }

 private:
  pid_t pid_;
  std::optional<int> status_;
};

// The command that opens URLs on this desktop, or empty when there is none: no display
// (DISPLAY / WAYLAND_DISPLAY) on Linux means a headless server.
std::vector<std::string> system_opener();

// Runs `argv` + url with stdin and stdout on /dev/null (stderr is kept, so the command's own
// diagnostics reach the terminal). Throws Error 28000 when the program cannot be started.
std::unique_ptr<BrowserProcess> launch(std::vector<std::string> argv, const std::string& url);

}  // namespace dbsql::auth
