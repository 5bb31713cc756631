#include "tpmkit/cli/serve_command.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <ostream>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/server/api.h"
#include "tpmkit/server/client_address.h"
#include "tpmkit/server/http_server.h"

namespace tpmkit::cli {

namespace {

// Where uploaded evidence goes by default: "evidence" beside a workspace file.
std::filesystem::path DefaultEvidenceRoot(const std::string& db_url) {
  std::string path = db_url;
  if (path.rfind("sqlite://", 0) == 0) path = path.substr(9);
  if (path == ":memory:" || path.find("://") != std::string::npos) return "evidence";
  const auto folder = std::filesystem::path(path).parent_path();
  return (folder.empty() ? std::filesystem::path(".") : folder) / "evidence";
}

}  // namespace

ExitCode RunServe(const ServeArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (!a.public_url.empty() && a.public_url.rfind("http://", 0) != 0 &&
      a.public_url.rfind("https://", 0) != 0) {
    return Fail(err, Error::Usage("--public-url: expected http://... or https://..., got '" +
                                  a.public_url + "'"));
  }
  for (const auto& proxy : a.trusted_proxies) {
    if (!server::IsIpAddress(proxy)) {
      return Fail(err,
                  Error::Usage("--trusted-proxy: expected an IP address, got '" + proxy + "'"));
    }
  }
  // The workspace must exist: open it now, so a wrong --db fails here and not per request.
  auto users = app::ListUsers(env);
  if (!users.ok()) return Fail(err, users.error());
  if (users->empty()) {
    err << "tpmkit: warning: no users yet, so nobody can log in: add an administrator with "
           "`tpmkit --db "
        << a.common.db_url << " user add NAME --admin`\n";
  }
  server::ApiOptions api_options;
  api_options.db_url = a.common.db_url;
  api_options.clock = &env.clock;
  api_options.public_url = a.public_url;
  api_options.evidence_root = a.evidence_root.empty() ? DefaultEvidenceRoot(a.common.db_url)
                                                      : std::filesystem::path(a.evidence_root);
  api_options.max_simulations = a.max_simulations;
  server::Api api(api_options);

  server::ServerOptions options;
  options.listen = a.listen;
  options.threads = a.threads;
  options.https_public_url = a.public_url.rfind("https://", 0) == 0;
  options.trusted_proxies = a.trusted_proxies;
  options.limits.read_timeout =
      std::chrono::milliseconds(static_cast<int64_t>(a.read_timeout * 1000));
  auto status = server::RunServer(
      options, [&api](server::HttpRequest& r, const server::Peer& p) { return api.Handle(r, p); },
      out,
      [&](const std::string& bound) {
        err << "tpmkit: serving the workspace " << a.common.db_url << " on http://" << bound
            << " (Ctrl-C stops)\n"
            << std::flush;
      });
  if (!status.ok()) return Fail(err, status.error());
  err << "tpmkit: stopped\n";
  return ExitCode::kOk;
}

void DefineServeCommand(CLI::App& root, Invocation& invocation) {
  auto args = std::make_shared<ServeArgs>();
  auto* serve = root.add_subcommand("serve", "The web app and REST API for a team");
  serve->add_option("--listen", args->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  serve->add_option("--threads", args->threads, "Request workers (default: one per core)")
      ->check(CLI::Range(0, 256));
  serve->add_option("--public-url", args->public_url,
                    "The URL browsers use, e.g. https://tpm.example.com behind nginx");
  serve->add_option("--evidence-root", args->evidence_root,
                    "Where uploaded evidence is kept (default: evidence/ beside the workspace)");
  serve
      ->add_option("--read-timeout", args->read_timeout,
                   "Seconds a client has to send a whole request (default 30)")
      ->check(CLI::Range(0.1, 3600.0));
  serve->add_option("--trusted-proxy", args->trusted_proxies,
                    "A proxy (nginx) whose X-Forwarded-For names the client; repeatable");
  serve
      ->add_option("--max-simulations", args->max_simulations,
                   "Forecasts and simulations run at once; others wait (default 2)")
      ->check(CLI::Range(1, 64));
  serve->footer(
      "One request log line (JSON) per request on stdout. SIGTERM or Ctrl-C stops accepting, "
      "lets requests in flight finish, and exits 0.\n"
      "Example:\n  tpmkit --db team.db serve --listen 0.0.0.0:8080 --public-url "
      "https://tpm.example.com\nSee docs/server.md.");
  Bind(*serve, invocation, args, RunServe);
}

}  // namespace tpmkit::cli
