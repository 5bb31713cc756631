// The HTTP/1.1 server under `tpmkit serve`: Boost.Beast over Asio with C++20 coroutines.
// It owns the connections and nothing of the application: it reads one request at a time
// per connection within the limits (header size, body size, read time), hands it to a
// RequestHandler on a worker thread, writes the answer with the security headers of
// server.md, logs one line per request, and shuts down gracefully on SIGTERM/SIGINT
// (stops accepting, closes idle connections, lets requests in flight finish, returns).
#pragma once

#include <boost/beast/http.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "tpmkit/base/error.h"

namespace tpmkit::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

struct ServerLimits {
  size_t header_bytes = 16 * 1024;                 // request line and headers together
  size_t json_body_bytes = 1024 * 1024;            // application/json and forms
  size_t upload_body_bytes = 32 * 1024 * 1024;     // files: program files, evidence
  std::chrono::milliseconds read_timeout{30'000};  // a whole request, headers to body
  std::chrono::milliseconds idle_timeout{30'000};  // a kept-alive connection between requests
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{30'000};  // in-flight requests at SIGTERM
};

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
  int threads = 0;                        // request workers; 0: one per core
  bool https_public_url = false;          // adds Strict-Transport-Security
  // Proxies (nginx) whose X-Forwarded-For names the client (client_address.h).
  std::vector<std::string> trusted_proxies;
  ServerLimits limits;
};

// What a handler sees of the connection.
struct Peer {
  std::string address;  // the client's IP address (behind a trusted proxy: the one it names)
};

// A handler's answer and who it was for (the access log's user; "" when anonymous).
struct Reply {
  HttpResponse response;
  std::string user;
};

// Runs on a worker thread, several at once: must be thread-safe. Exceptions are caught
// and answered 500 without their text.
using RequestHandler = std::function<Reply(HttpRequest& request, const Peer& peer)>;

// The body limit of a request, decided from its headers: uploads (anything but JSON and
// url-encoded forms) may be larger.
size_t BodyLimitFor(const HttpRequest& header, const ServerLimits& limits);

// Listens on options.listen and serves until SIGTERM or SIGINT (or `stop_requested`
// when given, checked every 100 ms, for tests). Calls `on_listening` with the bound
// "HOST:PORT" once accepting. Writes one JSON line per request to `access_log`.
// Errors: kUsage for a listen address that does not parse; kStorage when the address
// cannot be bound.
Status RunServer(const ServerOptions& options, const RequestHandler& handler,
                 std::ostream& access_log,
                 const std::function<void(const std::string& bound)>& on_listening,
                 const std::function<bool()>& stop_requested = nullptr);

// Adds the headers every response carries (server.md "Security headers").
void AddSecurityHeaders(HttpResponse& response, bool https);

}  // namespace tpmkit::server
