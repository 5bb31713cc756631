#include "e2e_postgres.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>

namespace tpmkit::e2e::postgres {

namespace fs = std::filesystem;

namespace {

const char* BaseUrl() {
  const char* url = std::getenv("TPMKIT_TEST_DB");
  return url == nullptr ? "" : url;
}

// Live TempDirs and, per file in them, the schema that stands for it. Tests may run
// tpmkit from several threads, so one lock guards it all.
struct Registry {
  std::mutex mutex;
  std::map<fs::path, std::map<fs::path, std::string>> dirs;  // dir -> file -> schema
  PGconn* admin = nullptr;
  int counter = 0;
};

Registry& Reg() {
  static Registry* r = new Registry;  // never destroyed: TempDirs may outlive statics
  return *r;
}

// SQL on the database the base URL names, on one connection of the test process: DDL
// outside any workspace, or a test's own SQL in a workspace's schema. Schema names are
// ours (tpmkit_e2e_PID_N), never input, so they need no quoting.
std::vector<std::string> Admin(Registry& r, const std::string& sql) {
  if (r.admin == nullptr || PQstatus(r.admin) != CONNECTION_OK) {
    if (r.admin != nullptr) PQfinish(r.admin);
    r.admin = PQconnectdb(BaseUrl());
    if (PQstatus(r.admin) != CONNECTION_OK)
      throw std::runtime_error(std::string("e2e: cannot reach TPMKIT_TEST_DB: ") +
                               PQerrorMessage(r.admin));
    // DROP ... CASCADE lists every table as a NOTICE: noise in the test log.
    PQsetNoticeProcessor(
        r.admin, [](void*, const char*) {}, nullptr);
  }
  PGresult* res = PQexec(r.admin, sql.c_str());
  auto status = PQresultStatus(res);
  bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  std::string why = ok ? "" : PQerrorMessage(r.admin);
  std::vector<std::string> rows;
  for (int i = 0; ok && PQnfields(res) > 0 && i < PQntuples(res); ++i)
    rows.push_back(PQgetvalue(res, i, 0));
  PQclear(res);
  if (!ok) throw std::runtime_error("e2e: " + sql + ": " + why);
  return rows;
}

std::string UrlFor(const std::string& schema) {
  std::string base = BaseUrl();
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

bool IsUrl(const std::string& db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

// The schema for `file` (relative to `cwd`), created on first use; empty when the file
// lies in no live TempDir (then the run keeps its SQLite file). The caller holds the lock.
std::string SchemaFor(Registry& r, const std::string& file, const fs::path& cwd) {
  if (IsUrl(file)) return "";
  fs::path path = (cwd / file).lexically_normal();
  for (auto& [dir, files] : r.dirs) {
    auto rel = path.lexically_relative(dir);
    if (rel.empty() || rel.native().starts_with("..")) continue;
    auto it = files.find(path);
    if (it == files.end()) {
      std::string schema =
          "tpmkit_e2e_" + std::to_string(getpid()) + "_" + std::to_string(r.counter++);
      Admin(r, "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
      it = files.emplace(path, schema).first;
    }
    return it->second;
  }
  return "";
}

std::string WorkspaceFor(const std::string& file, const fs::path& cwd) {
  Registry& r = Reg();
  std::lock_guard lock(r.mutex);
  std::string schema = SchemaFor(r, file, cwd);
  return schema.empty() ? "" : UrlFor(schema);
}

}  // namespace

bool Enabled() { return IsUrl(BaseUrl()); }

void MapWorkspaces(std::vector<std::string>& args, const fs::path& cwd,
                   std::map<std::string, std::string>& env) {
  bool named = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    std::string* value = nullptr;
    std::string prefix;
    if (args[i] == "--db" && i + 1 < args.size()) {
      value = &args[++i];
    } else if (args[i].starts_with("--db=")) {
      value = &args[i];
      prefix = "--db=";
    }
    if (value == nullptr) continue;
    named = true;
    std::string url = WorkspaceFor(value->substr(prefix.size()), cwd);
    if (!url.empty()) *value = prefix + url;
  }
  if (named) return;
  auto it = env.find("TPMKIT_DB");
  std::string url = WorkspaceFor(it == env.end() ? "tpmkit.db" : it->second, cwd);
  if (!url.empty()) env["TPMKIT_DB"] = url;
}

bool Query(const fs::path& file, const std::string& sql, std::vector<std::string>& rows) {
  Registry& r = Reg();
  std::lock_guard lock(r.mutex);
  std::string schema = SchemaFor(r, file.string(), fs::current_path());
  if (schema.empty()) return false;
  Admin(r, "SET search_path TO " + schema);
  rows = Admin(r, sql);
  Admin(r, "RESET search_path");
  return true;
}

void Register(const fs::path& dir) {
  Registry& r = Reg();
  std::lock_guard lock(r.mutex);
  r.dirs[dir.lexically_normal()];
}

void DropWorkspaces(const fs::path& dir) {
  Registry& r = Reg();
  std::lock_guard lock(r.mutex);
  auto it = r.dirs.find(dir.lexically_normal());
  if (it == r.dirs.end()) return;
  std::string sql;
  for (const auto& [file, schema] : it->second)
    sql += "DROP SCHEMA IF EXISTS " + schema + " CASCADE;";
  r.dirs.erase(it);
  // A destructor must not throw: a schema left behind goes with the throwaway server.
  if (!sql.empty()) try {
      Admin(r, sql);
    } catch (const std::exception&) {
    }
}

}  // namespace tpmkit::e2e::postgres
