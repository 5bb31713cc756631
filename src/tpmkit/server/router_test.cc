#include "tpmkit/server/router.h"

#include <gtest/gtest.h>

#include "tpmkit/server/cookies.h"

namespace tpmkit::server {
namespace {

TEST(ParseTargetTest, DecodesSegmentsAndQuery) {
  auto t = ParseTarget("/api/v1/programs/ph%20x/risks/R%2F1?as_of=2026-06-15&x=a%26b&x=2");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->segments,
            (std::vector<std::string>{"api", "v1", "programs", "ph x", "risks", "R/1"}));
  EXPECT_EQ(t->Query("as_of"), "2026-06-15");
  EXPECT_EQ(t->Query("x"), "a&b");  // the first value
  EXPECT_EQ(t->Query("missing"), std::nullopt);
}

TEST(ParseTargetTest, TrailingSlashIsTheSameResource) {
  EXPECT_EQ(ParseTarget("/api/v1/programs/")->segments, ParseTarget("/api/v1/programs")->segments);
}

TEST(ParseTargetTest, RefusesWhatIsNotAPlainPath) {
  for (const char* bad : {"http://evil.example/api", "/a/../b", "/a/./b", "/a/%2e%2e/b", "/a%00b",
                          "/a/%zz", "*", "", "/a?x=%00"}) {
    EXPECT_FALSE(ParseTarget(bad)) << bad;
  }
}

TEST(RouteTableTest, MatchesParametersAndReportsAllowedMethods) {
  RouteTable table;
  const size_t list = table.Add("GET", "/api/v1/programs/{id}/risks");
  const size_t add = table.Add("POST", "/api/v1/programs/{id}/risks");
  const size_t patch = table.Add("PATCH", "/api/v1/programs/{id}/risks/{rid}");
  table.Add("GET", "/api/v1/audit/verify");

  auto m = table.Find("PATCH", {"api", "v1", "programs", "phoenix", "risks", "R-07"});
  ASSERT_TRUE(m.route);
  EXPECT_EQ(*m.route, patch);
  EXPECT_EQ(m.params.Get("id"), "phoenix");
  EXPECT_EQ(m.params.Get("rid"), "R-07");
  EXPECT_EQ(m.params.Get("nothing"), "");

  EXPECT_EQ(table.Find("GET", {"api", "v1", "programs", "p", "risks"}).route, list);
  EXPECT_EQ(table.Find("POST", {"api", "v1", "programs", "p", "risks"}).route, add);

  auto wrong_method = table.Find("DELETE", {"api", "v1", "programs", "p", "risks"});
  EXPECT_FALSE(wrong_method.route);
  EXPECT_EQ(wrong_method.allow, "GET, POST");

  auto none = table.Find("GET", {"api", "v1", "programs"});
  EXPECT_FALSE(none.route);
  EXPECT_EQ(none.allow, "");
  // A parameter never matches an empty segment.
  EXPECT_FALSE(table.Find("GET", {"api", "v1", "programs", "", "risks"}).route);
}

TEST(CookiesTest, FindsTheNamedCookie) {
  EXPECT_EQ(FindCookie("a=1; __Host-tpmkit=abc; b=2", kSessionCookie), "abc");
  EXPECT_EQ(FindCookie("__Host-tpmkit=\"q\"", kSessionCookie), "q");
  EXPECT_EQ(FindCookie("x__Host-tpmkit=no; __Host-tpmkitx=no", kSessionCookie), std::nullopt);
  EXPECT_EQ(FindCookie("__Host-tpmkit=first;__Host-tpmkit=second", kSessionCookie), "first");
  EXPECT_EQ(FindCookie("", kSessionCookie), std::nullopt);
  EXPECT_EQ(FindCookie("garbage;;=;", kSessionCookie), std::nullopt);
}

TEST(CookiesTest, SessionCookieHasEveryAttribute) {
  EXPECT_EQ(SessionCookie("v", 60),
            "__Host-tpmkit=v; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=60");
  EXPECT_EQ(SessionCookie("", 0),
            "__Host-tpmkit=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0");
}

}  // namespace
}  // namespace tpmkit::server
