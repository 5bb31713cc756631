#include "tpmkit/report/svg/svg_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <pugixml.hpp>

namespace tpmkit::report::svg {
namespace {

TEST(SvgNum, FixedAtMostTwoDecimalsNoNegativeZero) {
  EXPECT_EQ(Num(0), "0");
  EXPECT_EQ(Num(1.5), "1.5");
  EXPECT_EQ(Num(2.004), "2");
  EXPECT_EQ(Num(2.005), "2");  // 2.005 is 2.00499... in binary
  EXPECT_EQ(Num(-3.25), "-3.25");
  EXPECT_EQ(Num(-0.001), "0");
  EXPECT_EQ(Num(-0.0), "0");
  EXPECT_EQ(Num(640), "640");
  EXPECT_EQ(Num(1e20), "1000000000");
  EXPECT_EQ(Num(-1e20), "-1000000000");
  EXPECT_EQ(Num(std::numeric_limits<double>::quiet_NaN()), "0");
  EXPECT_EQ(Num(std::numeric_limits<double>::infinity()), "0");
  EXPECT_EQ(Num(-std::numeric_limits<double>::infinity()), "0");
}

TEST(SvgEscape, EntitiesControlsAndInvalidUtf8) {
  EXPECT_EQ(Escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;");
  EXPECT_EQ(Escape("a\x01"
                   "b\tc\nd"),
            "a b\tc\nd");
  EXPECT_EQ(Escape("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(Escape("bad\xff"), "bad\xef\xbf\xbd");
  EXPECT_EQ(Escape("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");                  // overlong '/'
  EXPECT_EQ(Escape("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");  // surrogate
  EXPECT_EQ(Escape("\xe2\x82"), "\xef\xbf\xbd\xef\xbf\xbd");                  // truncated
}

TEST(SvgShorten, CutsOnCodePointsWithAnEllipsis) {
  EXPECT_EQ(Shorten("Phoenix", 7), "Phoenix");
  EXPECT_EQ(Shorten("Phoenix", 5), "Phoe\xe2\x80\xa6");
  EXPECT_EQ(Shorten("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 3), "\xc3\xa9\xc3\xa9\xe2\x80\xa6");
  EXPECT_EQ(Shorten("ab cd", 4), "ab\xe2\x80\xa6");  // no space before the ellipsis
  EXPECT_EQ(Shorten("abc", 0), "\xe2\x80\xa6");
  EXPECT_EQ(CodePoints("\xc3\xa9x\xff"), 3);
}

TEST(SvgChartId, MadeAValidXmlId) {
  EXPECT_EQ(ChartId("", "finish-chart"), "finish-chart");
  EXPECT_EQ(ChartId("p1 finish", "x"), "p1-finish");
  EXPECT_EQ(ChartId("1st", "x"), "chart-1st");
  EXPECT_EQ(ChartId("a\"<b", "x"), "a--b");
}

TEST(SvgWriter, AccessibleRootAndEscapedContent) {
  Writer w({300, 150, "my chart", "Title & more", "A <desc>"});
  w.Open("g", {{"fill", "#000"}});
  w.Text({{"x", 1.234}, {"y", 5}}, "a<b");
  w.Empty("rect", {{"x", 0}, {"y", 0}, {"width", 10}, {"height", 10}, {"data-x", "\"q\""}});
  std::string svg = w.Finish();  // closes <g> and <svg>

  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str())) << svg;
  pugi::xml_node root = doc.child("svg");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_STREQ(root.attribute("viewBox").value(), "0 0 300 150");
  EXPECT_STREQ(root.attribute("role").value(), "img");
  EXPECT_STREQ(root.attribute("aria-labelledby").value(), "my-chart-title");
  EXPECT_STREQ(root.attribute("aria-describedby").value(), "my-chart-desc");
  EXPECT_STREQ(root.child("title").attribute("id").value(), "my-chart-title");
  EXPECT_STREQ(root.child("title").text().get(), "Title & more");
  EXPECT_STREQ(root.child("desc").text().get(), "A <desc>");
  pugi::xml_node g = root.child("g");
  EXPECT_STREQ(g.child("text").text().get(), "a<b");
  EXPECT_STREQ(g.child("text").attribute("x").value(), "1.23");
  EXPECT_STREQ(g.child("rect").attribute("data-x").value(), "\"q\"");
  EXPECT_EQ(svg.find("style"), std::string::npos);
}

TEST(SvgWriter, SizeHasAFloor) {
  std::string svg = Writer({10, -5, "", "t", "d"}).Finish();
  EXPECT_NE(svg.find("viewBox=\"0 0 200 120\""), std::string::npos) << svg;
}

TEST(SvgWriterDeathTest, RefusesScriptsAndStyles) {
  EXPECT_DEATH(Writer({300, 150, "", "t", "d"}).Open("script"), "");
  EXPECT_DEATH(Writer({300, 150, "", "t", "d"}).Empty("style", {}), "");
  EXPECT_DEATH(Writer({300, 150, "", "t", "d"}).Empty("rect", {{"style", "x"}}), "");
  EXPECT_DEATH(Writer({300, 150, "", "t", "d"}).Empty("rect", {{"onload", "x"}}), "");
}

TEST(SvgSizeOf, FloorCapAndDefaults) {
  ChartOptions o;
  EXPECT_EQ(SizeOf(o).width, 640);
  EXPECT_EQ(SizeOf(o).height, 320);
  o.width = 10;
  o.height = 1e12;
  EXPECT_EQ(SizeOf(o).width, 200);
  EXPECT_EQ(SizeOf(o).height, 10'000);
  o.width = std::numeric_limits<double>::quiet_NaN();
  o.height = -std::numeric_limits<double>::infinity();
  EXPECT_EQ(SizeOf(o).width, 640);
  EXPECT_EQ(SizeOf(o).height, 320);
}

TEST(SvgPoints, Formatted) {
  EXPECT_EQ(Points({{1, 2}, {3.456, -0.0}}), "1,2 3.46,0");
  EXPECT_EQ(Points({}), "");
}

}  // namespace
}  // namespace tpmkit::report::svg
