#include "tpmkit/app/pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

extern char** environ;

namespace tpmkit::app {

namespace {

namespace fs = std::filesystem;

std::string FindOnPath(const std::string& name) {
  if (name.find('/') != std::string::npos) return fs::exists(name) ? name : "";
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

std::string FindBrowser(const PdfOptions& options) {
  if (!options.browser.empty()) return FindOnPath(options.browser);
  if (const char* env = std::getenv("TPMKIT_CHROMIUM"); env && *env) return FindOnPath(env);
  for (const char* name : {"chromium", "chromium-browser"}) {
    if (auto found = FindOnPath(name); !found.empty()) return found;
  }
  return "";
}

// A private folder removed on scope exit.
struct TempDir {
  fs::path path;
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

Result<int> RunAndWait(const std::vector<std::string>& argv, const fs::path& log, int timeout_s) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Its own process group, so that a timeout stops the browser's helpers too.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return Error{ErrorCode::kInternal, "the browser could not be started", {}};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  int status = 0;
  while (true) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) return Error{ErrorCode::kInternal, "lost the browser process", {}};
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return Error{ErrorCode::kInternal,
                   "the browser did not finish the PDF within " + std::to_string(timeout_s) + " s",
                   {}};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

Result<std::string> HtmlToPdf(const std::string& html, const PdfOptions& options) {
  const std::string browser = FindBrowser(options);
  if (browser.empty()) {
    return Error::Usage(
        "--format pdf needs Chromium, which prints the HTML report: install Debian's "
        "`chromium` package (apt-get install chromium), or set TPMKIT_CHROMIUM to its path");
  }
  TempDir dir;
  std::string templ = (fs::temp_directory_path() / "tpmkit-pdf-XXXXXX").string();
  if (!mkdtemp(templ.data())) {
    return Error{ErrorCode::kInternal, "cannot create a temporary folder for the PDF", {}};
  }
  dir.path = templ;
  const fs::path in = dir.path / "status.html";
  const fs::path out = dir.path / "status.pdf";
  {
    std::ofstream f(in, std::ios::binary);
    f << html;
    if (!f) return Error{ErrorCode::kInternal, "cannot write the page to print", {}};
  }
  // No sandbox: the browser often runs as root in containers, where the sandbox cannot
  // start; the page is our own, without script, and nothing is fetched.
  const std::vector<std::string> argv = {
      browser,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-extensions",
      "--no-pdf-header-footer",
      "--user-data-dir=" + (dir.path / "profile").string(),
      "--print-to-pdf=" + out.string(),
      "file://" + in.string(),
  };
  TPMKIT_ASSIGN_OR_RETURN(int rc,
                          RunAndWait(argv, dir.path / "browser.log", options.timeout_seconds));
  std::ifstream f(out, std::ios::binary);
  std::string pdf((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (rc != 0 || !pdf.starts_with("%PDF")) {
    return Error{ErrorCode::kInternal, "the browser could not print the report to PDF", {}};
  }
  return pdf;
}

}  // namespace tpmkit::app
