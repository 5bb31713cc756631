#include "e2e_support.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "e2e_postgres.h"

namespace tpmkit::e2e {

namespace fs = std::filesystem;

int StartTpmkit(const std::vector<std::string>& given_args, const fs::path& cwd,
                const fs::path& out, const fs::path& err,
                const std::map<std::string, std::string>& given_env) {
  std::vector<std::string> args = given_args;
  std::map<std::string, std::string> env = given_env;
  // Before fork: naming a workspace may create it on the PostgreSQL server.
  if (postgres::Enabled()) postgres::MapWorkspaces(args, cwd, env);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = open("/dev/null", O_RDONLY);
    dup2(o, 1);
    dup2(e, 2);
    dup2(in, 0);
    unsetenv("TPMKIT_DB");
    setenv("TPMKIT_ACTOR", "e2e-tester", 1);
    setenv("NO_COLOR", "1", 1);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    std::vector<char*> argv;
    std::string bin = TPMKIT_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

namespace {

int WaitFor(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

Run Tpmkit(const std::vector<std::string>& args, const fs::path& cwd,
           const std::map<std::string, std::string>& env) {
  TempDir io;
  auto out = io.path() / "out", err = io.path() / "err";
  Run r;
  r.exit_code = WaitFor(StartTpmkit(args, cwd, out, err, env));
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

Background::Background(const std::vector<std::string>& args, const fs::path& cwd) {
  static int counter = 0;
  auto base = fs::temp_directory_path() /
              ("tpmkit-bg-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  out_ = base.string() + ".out";
  err_ = base.string() + ".err";
  pid_ = StartTpmkit(args, cwd, out_, err_, {});
}

Run Background::Wait() {
  Run r;
  r.exit_code = WaitFor(pid_);
  r.out = ReadFile(out_);
  r.err = ReadFile(err_);
  fs::remove(out_);
  fs::remove(err_);
  return r;
}

fs::path SourceDir() { return TPMKIT_SOURCE_DIR; }
fs::path Example(const std::string& name) { return SourceDir() / "examples" / name; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("tpmkit-e2e-" + std::to_string(rd()));
  fs::create_directories(path_);
  if (postgres::Enabled()) postgres::Register(path_);
}

TempDir::~TempDir() {
  if (postgres::Enabled()) postgres::DropWorkspaces(path_);
  std::error_code ec;
  fs::remove_all(path_, ec);
}

bool OnPostgres() { return postgres::Enabled(); }

std::vector<std::string> Sql(const fs::path& db, const std::string& sql) {
  std::vector<std::string> rows;
  if (postgres::Enabled() && postgres::Query(db, sql, rows)) return rows;
  sqlite3* h = nullptr;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) throw std::runtime_error("cannot open db");
  char* error = nullptr;
  auto cb = [](void* out, int n, char** values, char**) {
    if (n > 0) static_cast<std::vector<std::string>*>(out)->push_back(values[0] ? values[0] : "");
    return 0;
  };
  int rc = sqlite3_exec(h, sql.c_str(), cb, &rows, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(h);
  if (rc != SQLITE_OK) throw std::runtime_error("SQL failed: " + message);
  return rows;
}

}  // namespace tpmkit::e2e
