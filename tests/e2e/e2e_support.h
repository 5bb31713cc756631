// Running the built tpmkit binary from tests, in a fresh temporary folder per test.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tpmkit::e2e {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `tpmkit ARGS...` in `cwd` with extra environment variables; captures both streams.
Run Tpmkit(const std::vector<std::string>& args, const std::filesystem::path& cwd,
           const std::map<std::string, std::string>& env = {});

// Starts `tpmkit ARGS...` in `cwd` (standard input /dev/null, the outputs to `out` and
// `err`) and returns its pid without waiting.
int StartTpmkit(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                const std::filesystem::path& out, const std::filesystem::path& err,
                const std::map<std::string, std::string>& env = {});

// Starts `tpmkit ARGS...` in the background; Wait() collects it.
class Background {
 public:
  Background(const std::vector<std::string>& args, const std::filesystem::path& cwd);
  Run Wait();

 private:
  int pid_ = -1;
  std::filesystem::path out_, err_;
};

std::filesystem::path SourceDir();
std::filesystem::path Example(const std::string& name);  // examples/NAME
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& text);

// A fresh empty folder, removed at destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// True when the suite's workspaces live in PostgreSQL (TPMKIT_TEST_DB, see e2e_postgres.h):
// tests that need a SQLite file (raw SQL, file permissions, file paths in messages) skip.
bool OnPostgres();

// Runs SQL on a SQLite file (for tampering tests); returns the first column of each row. On
// PostgreSQL, in the workspace that stands for the file.
std::vector<std::string> Sql(const std::filesystem::path& db, const std::string& sql);

}  // namespace tpmkit::e2e
