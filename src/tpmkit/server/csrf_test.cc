#include "tpmkit/server/csrf.h"

#include <gtest/gtest.h>

namespace tpmkit::server {
namespace {

namespace http = boost::beast::http;

HttpRequest Request(http::verb method,
                    std::initializer_list<std::pair<const char*, const char*>> h) {
  HttpRequest r{method, "/api/v1/programs/phoenix/risks", 11};
  r.set(http::field::host, "127.0.0.1:8080");
  for (const auto& [name, value] : h) r.set(name, value);
  return r;
}

app::Principal Session() {
  app::Principal who;
  who.user = "ana";
  who.csrf_token = "tok-123";
  who.session_id_hash = "abc";
  return who;
}

TEST(CsrfTest, ReadsAreAlwaysAllowed) {
  const auto who = Session();
  EXPECT_EQ(CheckCsrf(Request(http::verb::get, {{"Origin", "http://evil.example"}}), "", &who),
            CsrfVerdict::kAllowed);
}

TEST(CsrfTest, SessionWriteNeedsTheSessionsToken) {
  const auto who = Session();
  EXPECT_EQ(CheckCsrf(Request(http::verb::post, {}), "", &who), CsrfVerdict::kMissingToken);
  EXPECT_EQ(CheckCsrf(Request(http::verb::post, {{"X-CSRF-Token", "tok-124"}}), "", &who),
            CsrfVerdict::kMissingToken);
  EXPECT_EQ(CheckCsrf(Request(http::verb::patch, {{"X-CSRF-Token", "tok-123"}}), "", &who),
            CsrfVerdict::kAllowed);
}

HttpRequest FormPost(std::string body, const char* content_type) {
  auto r = Request(http::verb::post, {{"Content-Type", content_type}});
  r.body() = std::move(body);
  return r;
}

TEST(CsrfTest, FormPostCarriesTheTokenAsAField) {
  const auto who = Session();
  const char* kForm = "application/x-www-form-urlencoded";
  EXPECT_EQ(CheckCsrf(FormPost("title=x&csrf_token=tok-123", kForm), "", &who),
            CsrfVerdict::kAllowed);
  EXPECT_EQ(CheckCsrf(FormPost("csrf_token=tok-123",
                               "application/x-www-form-urlencoded; "
                               "charset=UTF-8"),
                      "", &who),
            CsrfVerdict::kAllowed);
  EXPECT_EQ(CheckCsrf(FormPost("title=x&csrf_token=tok-124", kForm), "", &who),
            CsrfVerdict::kMissingToken);
  EXPECT_EQ(CheckCsrf(FormPost("title=x", kForm), "", &who), CsrfVerdict::kMissingToken);
  EXPECT_EQ(CheckCsrf(FormPost("csrf_token=", kForm), "", &who), CsrfVerdict::kMissingToken);
  // Only a form body is read for the field: JSON must use the header.
  EXPECT_EQ(CheckCsrf(FormPost("csrf_token=tok-123", "application/json"), "", &who),
            CsrfVerdict::kMissingToken);
  // A malformed body has no token.
  EXPECT_EQ(CheckCsrf(FormPost("csrf_token=tok-123&x=%zz", kForm), "", &who),
            CsrfVerdict::kMissingToken);
}

TEST(CsrfTest, FileFormCarriesTheTokenAsAPart) {
  const auto who = Session();
  const char* kMultipart = "multipart/form-data; boundary=b";
  const auto body = [](const char* token) {
    return std::string("--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n") +
           token +
           "\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; "
           "filename=\"a\"\r\n\r\nx\r\n--b--\r\n";
  };
  EXPECT_EQ(CheckCsrf(FormPost(body("tok-123"), kMultipart), "", &who), CsrfVerdict::kAllowed);
  EXPECT_EQ(CheckCsrf(FormPost(body("tok-124"), kMultipart), "", &who), CsrfVerdict::kMissingToken);
  EXPECT_EQ(CheckCsrf(FormPost(body("tok-123"), "multipart/form-data"), "", &who),
            CsrfVerdict::kMissingToken);
  EXPECT_EQ(CheckCsrf(FormPost("--b\r\nbroken", kMultipart), "", &who), CsrfVerdict::kMissingToken);
}

TEST(CsrfTest, CrossSiteWritesAreRefusedEvenWithTheToken) {
  const auto who = Session();
  EXPECT_EQ(CheckCsrf(Request(http::verb::post,
                              {{"X-CSRF-Token", "tok-123"}, {"Origin", "http://evil.example"}}),
                      "", &who),
            CsrfVerdict::kCrossSite);
  EXPECT_EQ(CheckCsrf(Request(http::verb::post,
                              {{"X-CSRF-Token", "tok-123"}, {"Sec-Fetch-Site", "cross-site"}}),
                      "", &who),
            CsrfVerdict::kCrossSite);
  EXPECT_EQ(CheckCsrf(Request(http::verb::post, {{"X-CSRF-Token", "tok-123"},
                                                 {"Origin", "http://127.0.0.1:8080"},
                                                 {"Sec-Fetch-Site", "same-origin"}}),
                      "", &who),
            CsrfVerdict::kAllowed);
  // Behind a proxy the public URL is the origin, not the Host nginx forwards.
  EXPECT_EQ(CheckCsrf(Request(http::verb::post,
                              {{"X-CSRF-Token", "tok-123"}, {"Origin", "https://tpm.example.com"}}),
                      "https://tpm.example.com/app", &who),
            CsrfVerdict::kAllowed);
  EXPECT_EQ(CheckCsrf(Request(http::verb::post,
                              {{"X-CSRF-Token", "tok-123"}, {"Origin", "http://127.0.0.1:8080"}}),
                      "https://tpm.example.com", &who),
            CsrfVerdict::kCrossSite);
}

TEST(CsrfTest, LoginFromAnotherSiteIsRefused) {
  EXPECT_EQ(CheckCsrf(Request(http::verb::post, {{"Origin", "http://evil.example"}}), "", nullptr),
            CsrfVerdict::kCrossSite);
  EXPECT_EQ(CheckCsrf(Request(http::verb::post, {}), "", nullptr), CsrfVerdict::kAllowed);
}

TEST(CsrfTest, TokenRequestsAreExempt) {
  app::Principal who;
  who.user = "bot";
  who.via_token = true;
  EXPECT_EQ(
      CheckCsrf(Request(http::verb::post, {{"Origin", "http://elsewhere.example"}}), "", &who),
      CsrfVerdict::kAllowed);
}

TEST(CsrfTest, ExpectedOrigin) {
  const auto r = Request(http::verb::get, {});
  EXPECT_EQ(ExpectedOrigin(r, ""), "http://127.0.0.1:8080");
  EXPECT_EQ(ExpectedOrigin(r, "https://tpm.example.com:8443/x/y"), "https://tpm.example.com:8443");
}

}  // namespace
}  // namespace tpmkit::server
