#include "tpmkit/report/markdown_html.h"

#include <gtest/gtest.h>

namespace tpmkit::report {
namespace {

TEST(MarkdownHtmlTest, BlocksOfTheMemo) {
  const std::string md =
      "# Decision memo D-01: Phoenix\n\n**Question.** Add people\nor cut scope?\n\n"
      "## Options\n\n- **Add** (`add-people`): costs more\n- Cut (`cut-scope`)\n\n"
      "| Option | Cost |\n|---|---:|\n| add-people | 2,538,362 USD |\n| cut-scope | 1 |\n";
  EXPECT_EQ(MarkdownHtml(md, 2),
            "<h3>Decision memo D-01: Phoenix</h3>\n"
            "<p><strong>Question.</strong> Add people or cut scope?</p>\n"
            "<h4>Options</h4>\n"
            "<ul>\n<li><strong>Add</strong> (<code>add-people</code>): costs more</li>\n"
            "<li>Cut (<code>cut-scope</code>)</li>\n</ul>\n"
            "<table>\n<tr><th scope=\"col\">Option</th><th scope=\"col\">Cost</th></tr>\n"
            "<tr><td>add-people</td><td>2,538,362 USD</td></tr>\n"
            "<tr><td>cut-scope</td><td>1</td></tr>\n</table>\n");
}

TEST(MarkdownHtmlTest, TextIsEscapedAndLoneMarkersStay) {
  EXPECT_EQ(MarkdownHtml("<script>alert('x')</script> & **<b>** `<i>`"),
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
            "<strong>&lt;b&gt;</strong> <code>&lt;i&gt;</code></p>\n");
  EXPECT_EQ(MarkdownHtml("2 * 3 ** 4 and a ` tick"), "<p>2 * 3 ** 4 and a ` tick</p>\n");
  EXPECT_EQ(MarkdownHtml("#hashtag\n"), "<p>#hashtag</p>\n");
  EXPECT_EQ(MarkdownHtml("####### seven"), "<p>####### seven</p>\n");
  EXPECT_EQ(MarkdownHtml(""), "");
}

TEST(MarkdownHtmlTest, HeadingsNeverPastSix) {
  EXPECT_EQ(MarkdownHtml("##### five", 3), "<h6>five</h6>\n");
}

}  // namespace
}  // namespace tpmkit::report
