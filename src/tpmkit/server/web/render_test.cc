#include "tpmkit/server/web/render.h"

#include <gtest/gtest.h>

#include <regex>

#include "tpmkit/server/web/assets.h"
#include "tpmkit/server/web/page.h"

namespace tpmkit::server::web {
namespace {

TEST(RenderTest, EveryTemplateParsesAndRendersEmpty) {
  const auto names = TemplateNames();
  ASSERT_GE(names.size(), 8u);
  for (const auto& name : names) {
    auto out = RenderTemplate(name, nlohmann::json::object());
    EXPECT_TRUE(out.ok()) << name << ": " << (out.ok() ? "" : out.error().message);
  }
}

// {{{ }}} and {{& }} write raw HTML: only for keys the server builds ("..._html").
TEST(RenderTest, RawOutputOnlyForHtmlKeys) {
  const std::regex raw(R"(\{\{\{\s*([^}\s]+)\s*\}\}\}|\{\{&\s*([^}\s]+)\s*\}\})");
  for (const auto& name : TemplateNames()) {
    const std::string text(TemplateText(name));
    for (std::sregex_iterator it(text.begin(), text.end(), raw), end; it != end; ++it) {
      const std::string key = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
      EXPECT_TRUE(key.ends_with("_html")) << name << ": raw output of '" << key << "'";
    }
    // Nothing a strict Content-Security-Policy would refuse.
    EXPECT_EQ(text.find("<style"), std::string::npos) << name;
    EXPECT_EQ(text.find(" style="), std::string::npos) << name;
    EXPECT_EQ(text.find(" onclick="), std::string::npos) << name;
  }
}

TEST(RenderTest, EscapesTextAndTreatsEmptyAsFalse) {
  const nlohmann::json view = {{"heading", "<script>alert('x')</script> & \"y\""},
                               {"message", ""},
                               {"details", false},
                               {"back", "/"},
                               {"back_label", "Back"}};
  auto out = RenderTemplate("message", view);
  ASSERT_TRUE(out.ok());
  EXPECT_NE(out->find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;y&quot;"),
            std::string::npos)
      << *out;
  EXPECT_EQ(out->find("<script>"), std::string::npos);
  EXPECT_NE(out->find("<a href=\"/\">Back</a>"), std::string::npos);
}

TEST(RenderTest, PartialsDoNotHideKeys) {
  // A view key named like a template is the view's value, not the template.
  auto out = RenderTemplate("message", {{"heading", "h"}, {"message", "the message"}});
  ASSERT_TRUE(out.ok());
  EXPECT_NE(out->find("the message"), std::string::npos) << *out;
}

TEST(RenderTest, UnknownTemplateIsAnError) {
  auto out = RenderTemplate("no_such_template", nlohmann::json::object());
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kInternal);
}

TEST(AssetsTest, PlainAndHashedNames) {
  const std::string css = AssetUrl("app.css");
  EXPECT_TRUE(std::regex_match(css, std::regex(R"(/static/app\.[0-9a-f]{16}\.css)"))) << css;
  const auto hashed = FindAsset(css.substr(8));
  ASSERT_NE(hashed.asset, nullptr);
  EXPECT_TRUE(hashed.hashed);
  EXPECT_EQ(hashed.asset->content_type, "text/css; charset=utf-8");
  const auto plain = FindAsset("htmx.min.js");
  ASSERT_NE(plain.asset, nullptr);
  EXPECT_FALSE(plain.hashed);
  EXPECT_NE(plain.asset->text.find("htmx"), std::string_view::npos);
  EXPECT_EQ(FindAsset("app.0000000000000000.css").asset, nullptr);
  EXPECT_EQ(FindAsset("../app.css").asset, nullptr);
}

TEST(PageTest, LocalPathRefusesOtherSites) {
  EXPECT_EQ(LocalPath("/programs/phoenix/risks?x=1"), "/programs/phoenix/risks?x=1");
  EXPECT_EQ(LocalPath("/"), "/");
  for (const char* bad :
       {"", "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)",
        "evil", "/a b", "/a\tb", "/a\\b", "/a\r\nb", "/%zz"}) {
    EXPECT_EQ(LocalPath(bad), "/") << bad;
  }
}

TEST(PageTest, QueryEncode) {
  EXPECT_EQ(QueryEncode("/programs/a b?x=1&y"), "%2Fprograms%2Fa%20b%3Fx%3D1%26y");
  EXPECT_EQ(QueryEncode("R-1_a.b~"), "R-1_a.b~");
}

TEST(PageTest, FieldsViewKeepsTypedValuesAndErrors) {
  const std::vector<FieldSpec> fields = {
      {.name = "title", .label = "Title", .required = true},
      {.name = "password", .label = "Password", .type = "password", .keep_value = false}};
  Form typed;
  typed.fields = {{"title", "<b>x</b>"}, {"password", "secret"}};
  const auto view = FieldsView(fields, &typed, {{"title", "Enter a title."}});
  ASSERT_EQ(view.size(), 2u);
  EXPECT_EQ(view[0]["value"], "<b>x</b>");  // escaped by the template, not here
  EXPECT_EQ(view[0]["error"], "Enter a title.");
  EXPECT_EQ(view[0]["described_by"], "f-title-error");
  EXPECT_EQ(view[1]["value"], "");  // a password is never sent back
  EXPECT_EQ(view[1]["error"], "");
}

}  // namespace
}  // namespace tpmkit::server::web
