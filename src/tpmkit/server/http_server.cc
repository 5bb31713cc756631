// One I/O thread runs every connection as a coroutine (reading, writing, timeouts are
// cheap there); the handlers run on a pool of worker threads, so a slow request (a
// forecast) never stalls the reading of others.
#include "tpmkit/server/http_server.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <charconv>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <tuple>

#include "tpmkit/server/client_address.h"
#include "tpmkit/server/problem.h"

namespace tpmkit::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

Result<tcp::endpoint> ParseListen(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    return Error::Usage("--listen: expected HOST:PORT (e.g. 127.0.0.1:8080), got '" + text +
                        "': " + why);
  };
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) return bad("no port");
  std::string host = text.substr(0, colon);
  const std::string port_text = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host == "localhost") host = "127.0.0.1";
  unsigned port = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
    return bad("the port must be a number 0..65535");
  boost::system::error_code address_error;
  auto address = net::ip::make_address(host, address_error);
  if (address_error) return bad("the host must be an IP address");
  return tcp::endpoint(address, static_cast<unsigned short>(port));
}

// Beast's parse errors (bad method, target, version, header...) share one category.
const boost::system::error_category& ParseErrorCategory() {
  return boost::system::error_code(http::error::bad_method).category();
}

std::string UtcNow() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;  // bytes received and not yet parsed into a request
  bool idle = true;           // waiting for a request's header

  // Idle with nothing of a next request received yet (neither read nor waiting in the
  // socket): what shutdown closes at once. A request already on its way is answered.
  bool Quiet() {
    boost::system::error_code ec;
    const size_t pending = stream.socket().available(ec);
    return idle && buffer.size() == 0 && (ec || pending == 0);
  }
};

class Server {
 public:
  Server(const ServerOptions& options, const RequestHandler& handler, std::ostream& log)
      : options_(options),
        handler_(handler),
        log_(log),
        workers_(options.threads > 0 ? options.threads
                                     : std::max(1u, std::thread::hardware_concurrency())),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        poll_(ioc_) {}

  Status Listen(const tcp::endpoint& endpoint) {
    boost::system::error_code ec;
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      return Error::Storage(fmt::format("cannot listen on {}:{}: {}",
                                        endpoint.address().to_string(), endpoint.port(),
                                        ec.message()));
    }
    return OkStatus();
  }

  std::string Bound() const {
    const auto ep = acceptor_.local_endpoint();
    const auto host = ep.address().to_string();
    return ep.address().is_v6() ? fmt::format("[{}]:{}", host, ep.port())
                                : fmt::format("{}:{}", host, ep.port());
  }

  void Run(const std::function<bool()>& stop_requested) {
    signals_.async_wait([this](const boost::system::error_code& ec, int) {
      if (!ec) Stop();
    });
    if (stop_requested) PollStop(stop_requested);
    net::co_spawn(ioc_, Accept(), net::detached);
    ioc_.run();
    workers_.join();
  }

 private:
  void PollStop(const std::function<bool()>& stop_requested) {
    poll_.expires_after(std::chrono::milliseconds(100));
    poll_.async_wait([this, stop_requested](const boost::system::error_code& ec) {
      if (ec || stopping_) return;
      if (stop_requested()) {
        Stop();
      } else {
        PollStop(stop_requested);
      }
    });
  }

  // Runs on the I/O thread: no locks needed for the connection set.
  void Stop() {
    if (stopping_) return;
    stopping_ = true;
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    signals_.cancel(ignored);
    poll_.cancel();
    for (const auto& c : connections_) {
      if (c->Quiet()) c->stream.socket().close(ignored);
    }
    // Requests still in flight get the grace period, then their connections go too.
    if (connections_.empty()) return;
    grace_ = std::make_unique<net::steady_timer>(ioc_, options_.limits.shutdown_grace);
    grace_->async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      boost::system::error_code ignored2;
      for (const auto& c : connections_) c->stream.socket().close(ignored2);
    });
  }

  net::awaitable<void> Accept() {
    while (!stopping_) {
      auto [ec, socket] = co_await acceptor_.async_accept(net::as_tuple(net::use_awaitable));
      if (ec) {
        if (stopping_ || ec == net::error::operation_aborted) break;
        // E.g. too many open files: keep serving the others, and let some close before
        // trying again rather than spinning on the error.
        net::steady_timer pause(ioc_, std::chrono::milliseconds(50));
        co_await pause.async_wait(net::as_tuple(net::use_awaitable));
        continue;
      }
      auto c = std::make_shared<Connection>(std::move(socket));
      connections_.insert(c);
      net::co_spawn(ioc_, Serve(c), [this, c](std::exception_ptr) {
        connections_.erase(c);
        if (stopping_ && connections_.empty() && grace_) grace_->cancel();
      });
    }
  }

  // The answer when the request could not be read whole.
  net::awaitable<void> Refuse(Connection& c, http::status status, const std::string& detail,
                              const std::string& method, const std::string& target) {
    HttpResponse response = ProblemResponse(status, detail);
    response.keep_alive(false);
    Finish(response);
    c.stream.expires_after(options_.limits.write_timeout);
    co_await http::async_write(c.stream, response, net::as_tuple(net::use_awaitable));
    LogLine(method, target, "", static_cast<int>(status), 0.0, response.body().size());
  }

  net::awaitable<void> Serve(std::shared_ptr<Connection> c) {
    beast::flat_buffer& buffer = c->buffer;
    std::string address;
    {
      boost::system::error_code ec;
      auto remote = c->stream.socket().remote_endpoint(ec);
      if (!ec) address = remote.address().to_string();
    }
    const auto& limits = options_.limits;
    while (!stopping_) {
      c->idle = true;
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
      parser.body_limit(limits.upload_body_bytes);
      // One deadline for the whole request, headers and body: a client trickling bytes
      // (slowloris) is cut off when it passes.
      c->stream.expires_after(limits.read_timeout);
      auto [ec, n] = co_await http::async_read_header(c->stream, buffer, parser,
                                                      net::as_tuple(net::use_awaitable));
      c->idle = false;
      if (ec == http::error::header_limit) {
        co_await Refuse(*c, http::status::request_header_fields_too_large,
                        "The request's headers are larger than 16 KiB.", "", "");
        break;
      }
      if (ec == http::error::body_limit) {
        // The announced Content-Length is over the largest limit of any request.
        co_await Refuse(
            *c, http::status::payload_too_large,
            fmt::format("The request body is larger than {} bytes.", limits.upload_body_bytes), "",
            "");
        break;
      }
      if (ec) {
        // A connection closed, timed out or cancelled between requests needs no answer;
        // a malformed request (any other parse error) gets one.
        if (ec != http::error::end_of_stream && ec.category() == ParseErrorCategory()) {
          co_await Refuse(*c, http::status::bad_request, "The request is not valid HTTP/1.1.", "",
                          "");
        }
        break;
      }
      const auto& header = parser.get();
      const std::string method(header.method_string());
      const std::string target(header.target());
      const size_t body_limit = BodyLimitFor(header, limits);
      if (parser.content_length() && *parser.content_length() > body_limit) {
        co_await Refuse(*c, http::status::payload_too_large,
                        fmt::format("The request body is larger than {} bytes.", body_limit),
                        method, target);
        break;
      }
      parser.body_limit(body_limit);
      if (beast::iequals(header[http::field::expect], "100-continue")) {
        http::response<http::empty_body> go{http::status::continue_, header.version()};
        co_await http::async_write(c->stream, go, net::as_tuple(net::use_awaitable));
      }
      if (!parser.is_done()) {
        auto [body_ec, m] =
            co_await http::async_read(c->stream, buffer, parser, net::as_tuple(net::use_awaitable));
        if (body_ec == http::error::body_limit) {
          co_await Refuse(*c, http::status::payload_too_large,
                          fmt::format("The request body is larger than {} bytes.", body_limit),
                          method, target);
          break;
        }
        if (body_ec) {
          if (body_ec != beast::error::timeout && body_ec != net::error::operation_aborted &&
              body_ec != net::error::eof && body_ec != http::error::partial_message)
            co_await Refuse(*c, http::status::bad_request, "The request is not valid HTTP/1.1.",
                            method, target);
          break;
        }
      }
      c->stream.expires_never();
      HttpRequest request = parser.release();
      const bool keep_alive = request.keep_alive();
      const auto started = std::chrono::steady_clock::now();
      Reply reply = co_await net::co_spawn(
          workers_,
          [&]() -> net::awaitable<Reply> {
            co_return Handle(request, ClientAddress(address, request["X-Forwarded-For"],
                                                    options_.trusted_proxies));
          },
          net::use_awaitable);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      reply.response.version(request.version());
      reply.response.keep_alive(keep_alive && !stopping_);
      Finish(reply.response);
      const int status = reply.response.result_int();
      const bool head_only = request.method() == http::verb::head;
      const size_t bytes = head_only ? 0 : reply.response.body().size();
      const bool keep = reply.response.keep_alive();
      c->stream.expires_after(limits.write_timeout);
      boost::system::error_code write_ec;
      if (head_only) {
        // The headers of the GET answer (its Content-Length included), no body.
        http::response<http::empty_body> head{std::move(reply.response.base())};
        http::response_serializer<http::empty_body> serializer{head};
        std::tie(write_ec, std::ignore) = co_await http::async_write_header(
            c->stream, serializer, net::as_tuple(net::use_awaitable));
      } else {
        std::tie(write_ec, std::ignore) = co_await http::async_write(
            c->stream, reply.response, net::as_tuple(net::use_awaitable));
      }
      LogLine(method, target, reply.user, status, ms, bytes);
      if (write_ec || !keep) break;
    }
    boost::system::error_code ignored;
    c->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    c->stream.socket().close(ignored);
  }

  Reply Handle(HttpRequest& request, const std::string& address) {
    try {
      return handler_(request, Peer{address});
    } catch (const std::exception& e) {
      // The text may hold paths or data: it goes to the operator's log, not the client.
      std::lock_guard lock(log_mutex_);
      std::cerr << "tpmkit serve: internal error on " << request.method_string() << " "
                << nlohmann::json(std::string(request.target()))
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                << ": " << e.what() << "\n";
    } catch (...) {
    }
    return {ProblemResponse(http::status::internal_server_error,
                            "The server could not answer this request; the operator's log "
                            "has the details."),
            ""};
  }

  void Finish(HttpResponse& response) {
    AddSecurityHeaders(response, options_.https_public_url);
    response.prepare_payload();
  }

  void LogLine(const std::string& method, const std::string& target, const std::string& user,
               int status, double ms, size_t bytes) {
    const nlohmann::ordered_json line = {{"time", UtcNow()}, {"user", user},
                                         {"method", method}, {"path", target},
                                         {"status", status}, {"ms", std::round(ms * 100) / 100},
                                         {"bytes", bytes}};
    const std::string text =
        line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard lock(log_mutex_);
    log_ << text << std::flush;
  }

  const ServerOptions& options_;
  const RequestHandler& handler_;
  std::ostream& log_;
  std::mutex log_mutex_;
  net::io_context ioc_{1};
  net::thread_pool workers_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer poll_;
  std::unique_ptr<net::steady_timer> grace_;
  std::set<std::shared_ptr<Connection>> connections_;
  bool stopping_ = false;
};

}  // namespace

size_t BodyLimitFor(const HttpRequest& header, const ServerLimits& limits) {
  const std::string_view type = header[http::field::content_type];
  const auto is = [&](std::string_view media) {
    return type.size() >= media.size() && beast::iequals(type.substr(0, media.size()), media);
  };
  if (type.empty() || is("application/json") || is("application/problem+json") ||
      is("application/x-www-form-urlencoded"))
    return limits.json_body_bytes;
  return limits.upload_body_bytes;
}

void AddSecurityHeaders(HttpResponse& response, bool https) {
  // A handler may set a stricter policy of its own (a report page allows its style sheet by
  // hash); otherwise the default.
  if (response.find("Content-Security-Policy") == response.end()) {
    response.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
  }
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "same-origin");
  if (https) response.set(http::field::strict_transport_security, "max-age=31536000");
  if (response.find(http::field::cache_control) == response.end())
    response.set(http::field::cache_control, "no-store");
  response.set(http::field::server, "tpmkit");
}

Status RunServer(const ServerOptions& options, const RequestHandler& handler,
                 std::ostream& access_log,
                 const std::function<void(const std::string& bound)>& on_listening,
                 const std::function<bool()>& stop_requested) {
  TPMKIT_ASSIGN_OR_RETURN(auto endpoint, ParseListen(options.listen));
  Server server(options, handler, access_log);
  TPMKIT_RETURN_IF_ERROR(server.Listen(endpoint));
  if (on_listening) on_listening(server.Bound());
  server.Run(stop_requested);
  return OkStatus();
}

}  // namespace tpmkit::server
