// The charts of report/svg on fixed inputs: golden files compared byte for byte, every
// output parsed as XML, and the rules every chart keeps (no NaN or inf, no script, no
// inline style, escaped labels, the same bytes for the same input) on empty, degenerate
// and hostile inputs.
//
// Golden files live in tests/data/svg/NAME.svg (ctest runs from the source folder). After a
// deliberate change to a chart, rewrite them with
//   TPMKIT_UPDATE_GOLDEN=1 ctest --test-dir build -R Svg
// and look at the diff (and the pictures) before committing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "tpmkit/report/svg/evm_chart.h"
#include "tpmkit/report/svg/finish_chart.h"
#include "tpmkit/report/svg/heat_map.h"
#include "tpmkit/report/svg/roadmap.h"
#include "tpmkit/report/svg/stakeholder_matrix.h"
#include "tpmkit/report/svg/trend_chart.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
const char* const kHostile = "<script>&\"'alert(1)</script>";

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

ChartOptions Options(double width, double height, std::string id = "", std::string title = "") {
  ChartOptions o;
  o.width = width;
  o.height = height;
  o.id = std::move(id);
  o.title = std::move(title);
  return o;
}

RoadmapMilestone Milestone(std::string label, Date planned,
                           std::optional<Date> forecast = std::nullopt, bool done = false,
                           bool missed = false) {
  return {std::move(label), planned, forecast, done, missed};
}

StakeholderPoint Person(std::string label, int influence, int impact,
                        StakeholderStance stance = StakeholderStance::kNeutral,
                        bool overdue = false) {
  return {std::move(label), influence, impact, stance, overdue};
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Compares `svg` with tests/data/svg/NAME.svg; TPMKIT_UPDATE_GOLDEN=1 rewrites the file.
void Golden(const std::string& name, const std::string& svg) {
  const std::filesystem::path path = std::filesystem::path("tests/data/svg") / (name + ".svg");
  if (const char* u = std::getenv("TPMKIT_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << svg;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path))
      << path << " is missing; run with TPMKIT_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(svg, ReadFile(path)) << "golden " << path << " differs";
}

// Every attribute that holds numbers, and what a number must look like in it.
bool IsNumericAttribute(std::string_view name) {
  for (std::string_view n : {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height",
                             "font-size", "stroke-width", "fill-opacity"}) {
    if (name == n) return true;
  }
  return false;
}

void CheckNode(const pugi::xml_node& node, const std::string& svg) {
  static const std::regex kNumber(R"(-?[0-9]+(\.[0-9]{1,2})?)");
  static const std::regex kPoints(
      R"((-?[0-9]+(\.[0-9]{1,2})?,-?[0-9]+(\.[0-9]{1,2})?)( -?[0-9]+(\.[0-9]{1,2})?,-?[0-9]+(\.[0-9]{1,2})?)*)");
  for (const pugi::xml_attribute& a : node.attributes()) {
    std::string name = a.name();
    std::string value = a.value();
    EXPECT_NE(name, "style") << svg;
    EXPECT_NE(name.rfind("on", 0), 0u) << name;
    if (IsNumericAttribute(name)) {
      EXPECT_TRUE(std::regex_match(value, kNumber)) << name << "=" << value;
      EXPECT_NE(value, "-0") << name;
    }
    if (name == "points") {
      EXPECT_TRUE(std::regex_match(value, kPoints)) << value;
    }
  }
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    EXPECT_STRNE(child.name(), "script");
    EXPECT_STRNE(child.name(), "style");
    EXPECT_STRNE(child.name(), "foreignObject");
    CheckNode(child, svg);
  }
}

// What every chart must be: well-formed, accessible, free of NaN/inf, script and style.
void CheckSvg(const std::string& svg) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_string(svg.c_str());
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset << "\n" << svg;
  pugi::xml_node root = doc.document_element();
  ASSERT_STREQ(root.name(), "svg");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2000/svg");
  EXPECT_STREQ(root.attribute("role").value(), "img");
  std::string id = root.attribute("id").value();
  EXPECT_EQ(root.attribute("aria-labelledby").value(), id + "-title");
  EXPECT_EQ(root.attribute("aria-describedby").value(), id + "-desc");
  EXPECT_EQ(root.child("title").attribute("id").value(), id + "-title");
  EXPECT_FALSE(std::string(root.child("title").text().get()).empty());
  EXPECT_FALSE(std::string(root.child("desc").text().get()).empty());
  for (const char* bad : {"NaN", "<script", "style=", "<style"}) {
    EXPECT_EQ(svg.find(bad), std::string::npos) << bad << " in\n" << svg;
  }
  // As words only: "Finance" and "Keep informed" are fine.
  static const std::regex kNotANumber(R"(\b(nan|inf|infinity)\b)", std::regex::icase);
  EXPECT_FALSE(std::regex_search(svg, kNotANumber)) << svg;
  CheckNode(root, svg);
}

// Checks `make` twice: the rules, and the same bytes both times.
void CheckChart(const std::function<std::string()>& make) {
  std::string first = make();
  CheckSvg(first);
  EXPECT_EQ(first, make());
}

// --- Fixtures ---------------------------------------------------------------------------

// 100 percentile points of a finish forecast spread around 2026-09-20 (a logistic curve).
FinishChartInput Forecast() {
  FinishChartInput in;
  for (int i = 1; i <= 100; ++i) {
    double q = (i - 0.5) / 100;
    int offset = static_cast<int>(std::lround(11 * std::log(q / (1 - q))));
    in.cumulative.push_back({D(2026, 9, 20) + offset, i / 100.0});
  }
  in.p50 = D(2026, 9, 20);
  in.p80 = D(2026, 10, 5);
  in.p90 = D(2026, 10, 14);
  in.target = D(2026, 9, 30);
  in.target_chance = 0.71;
  in.last_week_p80 = D(2026, 9, 28);
  in.status_date = D(2026, 6, 15);
  return in;
}

HeatMapInput Risks() {
  HeatMapInput in;
  in.counts[4][3] = 2;  // likelihood 5, severity 4
  in.ids[4][3] = {"R-012", "R-031"};
  in.counts[3][4] = 1;
  in.ids[3][4] = {"R-007"};
  in.counts[2][2] = 9;
  in.ids[2][2] = {"R-001", "R-002", "R-003", "R-004", "R-005", "R-006", "R-008", "R-009", "R-010"};
  in.counts[1][3] = 3;
  in.ids[1][3] = {"R-020", "vendor-lock-in-long-id", "R-022"};
  in.counts[0][0] = 4;  // counts without ids
  in.counts[0][4] = 1;
  in.ids[0][4] = {"R-099"};
  return in;
}

TrendChartInput Trend() {
  TrendChartInput in;
  const double scores[] = {18.75, 25, 31.25, 43.75, 56.25, 50, 62.5, 68.75};
  for (int i = 0; i < 8; ++i) in.points.push_back({D(2026, 1, 5) + 21 * i, scores[i]});
  return in;
}

EvmChartInput Evm() {
  EvmChartInput in;
  in.currency = "USD";
  in.bac = 1'620'000;
  in.budget = 1'700'000;
  in.status_date = D(2026, 6, 15);
  // A planned S-curve over 40 weeks; earned value lags it, actual cost runs ahead.
  for (int week = 0; week <= 40; ++week) {
    double t = week / 40.0;
    double share = t * t * (3 - 2 * t);
    Date d = D(2026, 1, 5) + 7 * week;
    in.pv.push_back({d, 1'620'000 * share});
    if (d <= *in.status_date) {
      in.ev.push_back({d, 1'620'000 * share * 0.86});
      in.ac.push_back({d, 1'620'000 * share * 1.08});
    }
  }
  return in;
}

StakeholderMatrixInput Stakeholders() {
  using S = StakeholderStance;
  StakeholderMatrixInput in;
  in.stakeholders = {
      {"CFO", 5, 5, S::kResistant, true},
      {"VP Engineering", 5, 5, S::kSupportive, false},
      {"Head of Compliance and Regulatory Affairs", 5, 4, S::kNeutral, false},
      {"Board liaison", 4, 2, S::kNeutral, true},
      {"Security lead", 3, 4, S::kSupportive, false},
      {"Support desk", 2, 5, S::kResistant, false},
      {"Finance ops", 1, 1, S::kNeutral, false},
      {"Legal", 2, 2, S::kSupportive, false},
      {"Vendor A", 2, 2, S::kNeutral, false},
      {"Vendor B", 2, 2, S::kResistant, true},
      {"Vendor C", 2, 2, S::kNeutral, false},
      {"Vendor D", 2, 2, S::kSupportive, false},
  };
  return in;
}

RoadmapInput Milestones() {
  RoadmapInput in;
  in.target = D(2026, 10, 1);
  in.status_date = D(2026, 6, 15);
  in.milestones = {
      {"Design review", D(2026, 2, 13), D(2026, 2, 20), true, false},
      {"Alpha", D(2026, 4, 10), std::nullopt, true, false},
      {"Beta (external customers)", D(2026, 6, 5), D(2026, 7, 3), false, true},
      {"Security sign-off", D(2026, 7, 17), D(2026, 7, 31), false, false},
      {"Data migration dress rehearsal for the EU region", D(2026, 8, 28), std::nullopt, false,
       false},
      {"General availability", D(2026, 9, 25), D(2026, 10, 9), false, false},
  };
  return in;
}

// --- Goldens ----------------------------------------------------------------------------

TEST(SvgGolden, FinishChart) {
  std::string svg = FinishChart(Forecast());
  CheckSvg(svg);
  Golden("finish_chart", svg);
}

TEST(SvgGolden, FinishChartCrowdedLines) {
  FinishChartInput in = Forecast();
  in.p50 = D(2026, 9, 29);
  in.p80 = D(2026, 9, 30);
  in.p90 = D(2026, 10, 1);
  in.target = D(2026, 9, 30);
  in.last_week_p80 = D(2026, 9, 30);
  in.status_date.reset();
  std::string svg = FinishChart(in, Options(480, 300, "crowded"));
  CheckSvg(svg);
  Golden("finish_chart_crowded", svg);
}

TEST(SvgGolden, HeatMap) {
  std::string svg = HeatMap(Risks());
  CheckSvg(svg);
  Golden("heat_map", svg);
}

TEST(SvgGolden, TrendChart) {
  std::string svg = TrendChart(Trend());
  CheckSvg(svg);
  Golden("trend_chart", svg);
}

TEST(SvgGolden, TrendChartEmpty) {
  std::string svg = TrendChart({});
  CheckSvg(svg);
  EXPECT_NE(svg.find(">No assessments yet</text>"), std::string::npos);
  Golden("trend_chart_empty", svg);
}

TEST(SvgGolden, EvmChart) {
  std::string svg = EvmChart(Evm());
  CheckSvg(svg);
  Golden("evm_chart", svg);
}

TEST(SvgGolden, StakeholderMatrix) {
  std::string svg = StakeholderMatrix(Stakeholders());
  CheckSvg(svg);
  Golden("stakeholder_matrix", svg);
}

TEST(SvgGolden, Roadmap) {
  std::string svg = Roadmap(Milestones());
  CheckSvg(svg);
  Golden("roadmap", svg);
}

// --- What each chart says ---------------------------------------------------------------

TEST(SvgFinishChart, LabelsThePercentilesAndTheTarget) {
  std::string svg = FinishChart(Forecast());
  for (const char* s : {">P50 2026-09-20<", ">P80 2026-10-05<", ">P90 2026-10-14<",
                        ">Target 2026-09-30 (71% chance)<", ">P80 last week 2026-09-28<",
                        ">Status 2026-06-15<", ">100%<"}) {
    EXPECT_NE(svg.find(s), std::string::npos) << s;
  }
  EXPECT_NE(svg.find("stroke-dasharray=\"4 3\""), std::string::npos);  // last week's P80
  FinishChartInput in = Forecast();
  in.target_chance.reset();
  EXPECT_NE(FinishChart(in).find(">Target 2026-09-30<"), std::string::npos);
}

TEST(SvgFinishChart, CrowdedLabelsTakeSeparateLanes) {
  FinishChartInput in = Forecast();
  in.p50 = in.p80 = in.p90 = D(2026, 9, 30);
  std::string svg = FinishChart(in);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  std::set<std::string> ys;
  for (auto t : doc.select_nodes("//text[starts-with(., 'P')]")) {
    ys.insert(t.node().attribute("y").value());
  }
  EXPECT_EQ(ys.size(), 4u);  // P50, P80, P90 and last week's P80 on four rows
}

TEST(SvgHeatMap, BandsAndOverflowingIds) {
  EXPECT_EQ(HeatBandOf(4), HeatBand::kLow);
  EXPECT_EQ(HeatBandOf(5), HeatBand::kModerate);
  EXPECT_EQ(HeatBandOf(9), HeatBand::kModerate);
  EXPECT_EQ(HeatBandOf(10), HeatBand::kHigh);
  EXPECT_EQ(HeatBandOf(16), HeatBand::kHigh);
  EXPECT_EQ(HeatBandOf(20), HeatBand::kCritical);
  std::string svg = HeatMap(Risks());
  EXPECT_NE(svg.find(">R-012, R-031<"), std::string::npos);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, std::regex(R"(\+([0-9]+)<)"))) << svg;
  EXPECT_GT(std::stoi(m[1]), 0);
  EXPECT_NE(svg.find(">R-020<"), std::string::npos);
  EXPECT_NE(svg.find(">vendor-lock\xe2\x80\xa6 +1<"), std::string::npos);  // shortened id
  EXPECT_NE(svg.find(">20 open risks<"), std::string::npos);
  EXPECT_NE(svg.find("20 open risks by likelihood and severity: 3 critical, 0 high, 13 moderate, "
                     "4 low. Likelihood 5, severity 4: 2."),
            std::string::npos);
}

TEST(SvgTrendChart, OnePointIsALabelledDot) {
  TrendChartInput in;
  in.points.push_back({D(2026, 3, 2), 43.75});
  std::string svg = TrendChart(in);
  CheckSvg(svg);
  EXPECT_NE(svg.find(">43.8 (moderate)<"), std::string::npos);
  EXPECT_EQ(svg.find("<polyline"), std::string::npos);
  EXPECT_NE(svg.find("<circle"), std::string::npos);
  EXPECT_NE(TrendChart(Trend()).find(">68.8 (high)<"), std::string::npos);
}

TEST(SvgEvmChart, ShortMoneyLabelsAndLines) {
  std::string svg = EvmChart(Evm());
  for (const char* s : {">0 USD<", ">0.5M USD<", ">BAC 1,620,000 USD<", ">Budget 1,700,000 USD<",
                        ">PV<", ">EV<", ">AC<", ">Status 2026-06-15<"}) {
    EXPECT_NE(svg.find(s), std::string::npos) << s;
  }
  EvmChartInput in = Evm();
  in.budget.reset();
  in.currency = "";
  svg = EvmChart(in);
  CheckSvg(svg);
  EXPECT_EQ(svg.find("Budget"), std::string::npos);
  EXPECT_NE(svg.find(">BAC 1,620,000<"), std::string::npos);
}

TEST(SvgStakeholderMatrix, QuadrantsShapesAndFullCells) {
  std::string svg = StakeholderMatrix(Stakeholders());
  for (const char* s : {">Manage closely<", ">Keep satisfied<", ">Keep informed<", ">Monitor<",
                        ">Contact overdue<", "+3 more<", "<polygon", "<rect"}) {
    EXPECT_NE(svg.find(s), std::string::npos) << s;
  }
  // Two stakeholders in one cell are on different rows.
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  auto cfo = doc.select_node("//text[. = 'CFO']").node();
  auto vp = doc.select_node("//text[. = 'VP Engineeri\xe2\x80\xa6']").node();
  ASSERT_TRUE(cfo);
  ASSERT_TRUE(vp);
  EXPECT_STREQ(cfo.attribute("x").value(), vp.attribute("x").value());
  EXPECT_STRNE(cfo.attribute("y").value(), vp.attribute("y").value());
  EXPECT_STREQ(cfo.attribute("font-weight").value(), "bold");  // overdue
  EXPECT_STREQ(vp.attribute("font-weight").value(), "");
  EXPECT_NE(svg.find("Manage closely: CFO (resistant, contact overdue); VP Engineering"),
            std::string::npos);
}

TEST(SvgRoadmap, MarksDoneMissedAndMoved) {
  std::string svg = Roadmap(Milestones());
  EXPECT_NE(svg.find(">missed<"), std::string::npos);
  EXPECT_NE(svg.find(">Target 2026-10-01<"), std::string::npos);
  EXPECT_NE(svg.find("Data migration dress rehearsal for\xe2\x80\xa6"), std::string::npos);
  EXPECT_NE(svg.find("Beta (external customers): planned 2026-06-05, forecast 2026-07-03, "
                     "deadline missed."),
            std::string::npos);
}

TEST(SvgRoadmap, GrowsForManyRows) {
  RoadmapInput in;
  for (int i = 0; i < 40; ++i)
    in.milestones.push_back(Milestone("M" + std::to_string(i), D(2026, 1, 1) + i));
  std::string svg = Roadmap(in);
  CheckSvg(svg);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  EXPECT_GT(doc.child("svg").attribute("height").as_double(), 320);
}

// --- Empty, degenerate and hostile input ------------------------------------------------

TEST(SvgCharts, EmptyInput) {
  CheckChart([] { return FinishChart({}); });
  CheckChart([] { return HeatMap({}); });
  CheckChart([] { return TrendChart({}); });
  CheckChart([] { return EvmChart({}); });
  CheckChart([] { return StakeholderMatrix({}); });
  CheckChart([] { return Roadmap({}); });
  EXPECT_NE(FinishChart({}).find(">No forecast yet<"), std::string::npos);
  EXPECT_NE(EvmChart({}).find(">No earned value data yet<"), std::string::npos);
  EXPECT_NE(Roadmap({}).find(">No milestones yet<"), std::string::npos);
  EXPECT_NE(HeatMap({}).find("No open risks."), std::string::npos);
  EXPECT_NE(StakeholderMatrix({}).find("No stakeholders yet."), std::string::npos);
}

TEST(SvgCharts, OneDateAndEqualValues) {
  const Date d = D(2026, 3, 2);
  CheckChart([&] {
    FinishChartInput in;
    in.cumulative = {{d, 0.5}, {d, 0.5}, {d, 1}};
    in.p50 = in.p80 = in.p90 = in.target = in.status_date = d;
    in.target_chance = 1;
    return FinishChart(in);
  });
  CheckChart([&] {
    TrendChartInput in;
    in.points = {{d, 50}, {d, 50}, {d, 50}};
    return TrendChart(in);
  });
  CheckChart([&] {
    EvmChartInput in;
    in.currency = "EUR";
    in.pv = in.ev = in.ac = {{d, 0}, {d, 0}};
    in.status_date = d;
    return EvmChart(in);
  });
  CheckChart([&] {
    EvmChartInput in;  // everything equal and above zero
    in.pv = in.ev = in.ac = {{d, 1000}, {d + 1, 1000}};
    in.bac = 1000;
    in.budget = 1000;
    return EvmChart(in);
  });
  CheckChart([&] {
    RoadmapInput in;
    in.milestones = {{"Only", d, d, false, false}};
    in.target = in.status_date = d;
    return Roadmap(in);
  });
  CheckChart([&] {
    StakeholderMatrixInput in;
    for (int i = 0; i < 30; ++i) in.stakeholders.push_back(Person("Same", 3, 3));
    return StakeholderMatrix(in);
  });
}

TEST(SvgCharts, DatesSpanningYears) {
  const Date a = D(2024, 1, 1);
  const Date b = D(2031, 6, 30);
  CheckChart([&] {
    FinishChartInput in;
    in.cumulative = {{a, 0.01}, {b, 1}};
    in.p50 = a + 100;
    in.target = b;
    in.status_date = D(1999, 12, 31);
    return FinishChart(in);
  });
  CheckChart([&] {
    TrendChartInput in;
    in.points = {{a, 10}, {b, 90}};
    return TrendChart(in);
  });
  CheckChart([&] {
    EvmChartInput in;
    in.pv = {{a, 0}, {b, 5e9}};
    in.bac = 5e9;
    return EvmChart(in);
  });
  CheckChart([&] {
    RoadmapInput in;
    in.milestones = {Milestone("Start", a), Milestone("End", b, b + 400)};
    return Roadmap(in);
  });
  std::string svg = TrendChart({{{a, 10}, {b, 90}}});
  EXPECT_NE(svg.find(">2025<"), std::string::npos) << svg;
}

TEST(SvgCharts, NotFiniteAndOutOfRangeValues) {
  const Date d = D(2026, 3, 2);
  CheckChart([&] {
    FinishChartInput in;
    in.cumulative = {{d, kNaN}, {d + 3, -kInf}, {d + 5, 7}, {d + 9, kInf}, {d + 1, -2}};
    in.target = d;
    in.target_chance = kNaN;
    return FinishChart(in);
  });
  CheckChart([&] {
    TrendChartInput in;
    in.points = {{d, kNaN}, {d + 7, -0.0}, {d + 14, 400}, {d + 21, -kInf}};
    return TrendChart(in);
  });
  CheckChart([&] {
    EvmChartInput in;
    in.currency = "USD";
    in.pv = {{d, kNaN}, {d + 5, 1e300}, {d + 10, -50}};
    in.ev = {{d, kInf}};
    in.bac = kNaN;
    in.budget = -kInf;
    return EvmChart(in);
  });
  CheckChart([&] {
    HeatMapInput in;
    in.counts[0][0] = -5;
    in.counts[4][4] = 1'000'000;
    return HeatMap(in);
  });
  CheckChart([&] {
    StakeholderMatrixInput in;
    in.stakeholders = {Person("Out", 99, -3, StakeholderStance::kResistant, true)};
    return StakeholderMatrix(in);
  });
  CheckChart([] { return FinishChart(Forecast(), Options(kNaN, kInf)); });
  CheckChart([] { return HeatMap(Risks(), Options(10, 10)); });
  CheckChart([] { return StakeholderMatrix(Stakeholders(), Options(200, 120)); });
  CheckChart([] { return Roadmap(Milestones(), Options(200, 120)); });
  CheckChart([] { return EvmChart(Evm(), Options(1600, 900)); });
}

TEST(SvgCharts, LabelsAreEscaped) {
  const Date d = D(2026, 3, 2);
  std::vector<std::string> outputs;
  {
    HeatMapInput in;
    in.counts[2][2] = 1;
    in.ids[2][2] = {kHostile};
    outputs.push_back(HeatMap(in, Options(640, 320, "", kHostile)));
  }
  {
    StakeholderMatrixInput in;
    in.stakeholders = {Person(kHostile, 5, 5, StakeholderStance::kResistant, true)};
    outputs.push_back(StakeholderMatrix(in, Options(640, 320, kHostile)));
  }
  {
    RoadmapInput in;
    in.milestones = {Milestone(kHostile, d, d + 3, false, true)};
    outputs.push_back(Roadmap(in));
  }
  {
    EvmChartInput in;
    in.currency = kHostile;
    in.pv = {{d, 10}, {d + 9, 100}};
    in.bac = 100;
    outputs.push_back(EvmChart(in));
  }
  outputs.push_back(TrendChart(Trend(), Options(640, 320, "", kHostile)));
  outputs.push_back(FinishChart(Forecast(), Options(640, 320, "", kHostile)));
  for (const std::string& svg : outputs) {
    CheckSvg(svg);
    EXPECT_NE(svg.find("&lt;script&gt;&amp;&quot;&apos;alert(1)&lt;/script&gt;"), std::string::npos)
        << svg;
  }
}

TEST(SvgCharts, LongLabelsAreShortened) {
  const std::string long_label(200, 'x');
  StakeholderMatrixInput s;
  s.stakeholders = {Person(long_label, 1, 1)};
  RoadmapInput r;
  r.milestones = {Milestone(long_label, D(2026, 3, 2))};
  HeatMapInput h;
  h.counts[0][0] = 1;
  h.ids[0][0] = {long_label};
  for (const std::string& svg : {StakeholderMatrix(s), Roadmap(r), HeatMap(h)}) {
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(svg.c_str()));
    bool found = false;
    for (auto t : doc.select_nodes("//text")) {
      std::string text = t.node().text().get();
      EXPECT_NE(text, long_label);
      if (text.find("xxx\xe2\x80\xa6") != std::string::npos) found = true;
    }
    EXPECT_TRUE(found) << svg;
  }
}

}  // namespace
}  // namespace tpmkit::report::svg
