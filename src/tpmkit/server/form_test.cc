#include "tpmkit/server/form.h"

#include <gtest/gtest.h>

namespace tpmkit::server {
namespace {

TEST(FormTest, DecodesPairsInOrder) {
  auto form = ParseForm("title=Vendor+late&owner=ana%40example.com&empty=&flag&title=second");
  ASSERT_TRUE(form);
  ASSERT_EQ(form->fields.size(), 5u);
  EXPECT_EQ(form->Value("title"), "Vendor late");  // the first wins
  EXPECT_EQ(form->Value("owner"), "ana@example.com");
  EXPECT_EQ(form->Get("empty"), std::optional<std::string>(""));
  EXPECT_EQ(form->Get("flag"), std::optional<std::string>(""));
  EXPECT_EQ(form->Get("missing"), std::nullopt);
  EXPECT_EQ(form->Value("missing"), "");
}

TEST(FormTest, KeepsUtf8AndSkipsEmptyPairs) {
  auto form = ParseForm("&&name=%C3%A9t%C3%A9&&");
  ASSERT_TRUE(form);
  ASSERT_EQ(form->fields.size(), 1u);
  EXPECT_EQ(form->Value("name"), "\xC3\xA9t\xC3\xA9");
  EXPECT_TRUE(ParseForm("")->fields.empty());
}

TEST(FormTest, RefusesBrokenEscapesAndNul) {
  EXPECT_FALSE(ParseForm("a=%"));
  EXPECT_FALSE(ParseForm("a=%4"));
  EXPECT_FALSE(ParseForm("a=%g0"));
  EXPECT_FALSE(ParseForm("a=%00"));
  EXPECT_FALSE(ParseForm("%00=1"));
  EXPECT_TRUE(ParseForm("a=%41%2b")) << "valid escapes at the very end";
  EXPECT_EQ(ParseForm("a=%41%2b")->Value("a"), "A+");
}

TEST(FormTest, RecognisesFormContentTypes) {
  namespace http = boost::beast::http;
  HttpRequest r{http::verb::post, "/", 11};
  EXPECT_FALSE(IsFormPost(r));
  r.set(http::field::content_type, "Application/X-WWW-Form-Urlencoded ; charset=utf-8");
  EXPECT_TRUE(IsFormPost(r));
  r.set(http::field::content_type, "application/json");
  EXPECT_FALSE(IsFormPost(r));
  r.set(http::field::content_type, "multipart/form-data; boundary=x");
  EXPECT_FALSE(IsFormPost(r));
}

}  // namespace
}  // namespace tpmkit::server
