// The charts of report/svg on fixed inputs: golden files compared byte for byte, every
// output parsed as XML, and the rules every chart keeps (no NaN or inf, no script, no
// inline style, escaped labels, the same bytes for the same input) on empty, degenerate
// and hostile inputs.
//
// Golden files live in tests/data/svg/NAME.svg (ctest runs from the source folder). After a
// deliberate change to a chart, rewrite them with
//   TPMKIT_UPDATE_GOLDEN=1 ctest --test-dir build -R Svg
// and look at the diff (and the pictures) before committing.
#include <fmt/format.h>
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
#include "tpmkit/report/svg/finish_histogram.h"
#include "tpmkit/report/svg/gantt_chart.h"
#include "tpmkit/report/svg/heat_map.h"
#include "tpmkit/report/svg/roadmap.h"
#include "tpmkit/report/svg/stakeholder_matrix.h"
#include "tpmkit/report/svg/tornado_chart.h"
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

// Two projects: a critical chain with a milestone, a task with float and a baseline, a
// finished task, and a critical milestone at the end.
GanttInput Plan() {
  GanttInput in;
  in.target = D(2026, 9, 30);
  in.status_date = D(2026, 6, 15);
  auto task = [](std::string project, std::string label, Date start, Date finish) {
    GanttTask t;
    t.project = std::move(project);
    t.label = std::move(label);
    t.start = start;
    t.finish = finish;
    return t;
  };
  GanttTask design = task("Platform", "Design", D(2026, 4, 1), D(2026, 5, 12));
  design.done = true;
  design.baseline_start = D(2026, 4, 1);
  design.baseline_finish = D(2026, 5, 5);
  GanttTask build = task("Platform", "Build the service", D(2026, 5, 13), D(2026, 7, 24));
  build.critical = true;
  build.total_float = 0;
  build.late_finish = D(2026, 7, 24);
  build.baseline_start = D(2026, 5, 6);
  build.baseline_finish = D(2026, 7, 10);
  GanttTask docs = task("Platform", "Write the ops' guide", D(2026, 6, 1), D(2026, 6, 26));
  docs.total_float = 20;
  docs.late_finish = D(2026, 7, 24);
  GanttTask alpha = task("Platform", "Alpha", D(2026, 7, 24), D(2026, 7, 24));
  alpha.milestone = true;
  alpha.critical = true;
  alpha.total_float = 0;
  GanttTask migrate = task("Migration", "Migrate the EU tenants", D(2026, 7, 27), D(2026, 9, 4));
  migrate.critical = true;
  migrate.total_float = 0;
  GanttTask ga = task("Migration", "General availability", D(2026, 9, 4), D(2026, 9, 4));
  ga.milestone = true;
  ga.critical = true;
  ga.total_float = 0;
  in.tasks = {design, build, docs, alpha, migrate, ga};
  return in;
}

FinishHistogramInput Spread() {
  FinishHistogramInput in;
  for (const FinishPoint& p : Forecast().cumulative) in.finishes.push_back(p.date);
  in.p50 = D(2026, 9, 20);
  in.p80 = D(2026, 10, 5);
  in.p90 = D(2026, 10, 14);
  in.target = D(2026, 9, 30);
  in.target_chance = 0.71;
  return in;
}

TornadoInput Sensitivity() {
  TornadoInput in;
  in.bars = {{"Build the service", 0.62},
             {"Migrate the EU tenants", 0.48},
             {"Security review", 0.21},
             {"Vendor onboarding", -0.08},
             {"Design", 0},
             {"Load test", 0.33}};
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

TEST(SvgGolden, GanttChart) {
  std::string svg = GanttChart(Plan());
  CheckSvg(svg);
  Golden("gantt_chart", svg);
}

TEST(SvgGolden, FinishHistogram) {
  std::string svg = FinishHistogram(Spread());
  CheckSvg(svg);
  Golden("finish_histogram", svg);
}

TEST(SvgGolden, TornadoChart) {
  std::string svg = TornadoChart(Sensitivity());
  CheckSvg(svg);
  Golden("tornado_chart", svg);
}

TEST(SvgGolden, HeatMapWithLinks) {
  HeatMapInput in = Risks();
  in.link = [](int l, int s) { return fmt::format("/programs/p&q/risks?cell={},{}", l, s); };
  std::string svg = HeatMap(in, Options(420, 320, "linked"));
  CheckSvg(svg);
  Golden("heat_map_linked", svg);
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

TEST(SvgGanttChart, GroupsMarksCriticalFloatAndBaselines) {
  std::string svg = GanttChart(Plan());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  // One bold header per project, above its tasks.
  auto platform = doc.select_node("//text[. = 'Platform']").node();
  auto migration = doc.select_node("//text[. = 'Migration']").node();
  ASSERT_TRUE(platform);
  ASSERT_TRUE(migration);
  EXPECT_STREQ(platform.attribute("font-weight").value(), "bold");
  auto build = doc.select_node("//text[. = 'Build the service']").node();
  auto docs = doc.select_node("//text[. = \"Write the ops' guide\"]").node();
  ASSERT_TRUE(build);
  ASSERT_TRUE(docs);
  EXPECT_LT(platform.attribute("y").as_double(), build.attribute("y").as_double());
  EXPECT_LT(build.attribute("y").as_double(), migration.attribute("y").as_double());
  // Critical tasks are bold and red; the others are not.
  EXPECT_STREQ(build.attribute("font-weight").value(), "bold");
  EXPECT_STREQ(docs.attribute("font-weight").value(), "");
  // The float tail is labelled with its working days; critical tasks have none.
  EXPECT_NE(svg.find(">20 d<"), std::string::npos);
  EXPECT_EQ(svg.find(">0 d<"), std::string::npos);
  // Two baselines (thin grey bars), three diamonds (two milestones and the legend's).
  EXPECT_EQ(doc.select_nodes("//rect[@height='3']").size(), 3u);  // and the legend's sample
  EXPECT_EQ(doc.select_nodes("//polygon").size(), 3u);
  for (const char* s : {">Target 2026-09-30<", ">Status 2026-06-15<", ">Critical<", ">Baseline<",
                        ">Total float<", ">Milestone<"}) {
    EXPECT_NE(svg.find(s), std::string::npos) << s;
  }
  EXPECT_NE(svg.find("6 tasks in 2 projects, from 2026-04-01 to 2026-09-04. Critical path (4 "
                     "tasks): Build the service, Alpha, Migrate the EU tenants, General "
                     "availability."),
            std::string::npos)
      << svg;
}

TEST(SvgGanttChart, LargePlansKeepTheCriticalTasksWithinTheRowCap) {
  GanttInput in;
  for (int i = 0; i < 300; ++i) {
    GanttTask t;
    t.project = "P" + std::to_string(i / 100);
    t.label = "T" + std::to_string(i);
    t.start = D(2026, 1, 5) + i;
    t.finish = t.start + 10;
    t.critical = i % 50 == 7;  // six critical tasks
    t.total_float = t.critical ? 0 : 300 - i;
    t.late_finish = t.finish + *t.total_float;
    in.tasks.push_back(std::move(t));
  }
  in.max_rows = 40;
  std::string svg = GanttChart(in);
  CheckSvg(svg);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  for (int i = 7; i < 300; i += 50) {
    EXPECT_TRUE(doc.select_node(("//text[. = 'T" + std::to_string(i) + "']").c_str()))
        << "critical T" << i << " left out";
  }
  EXPECT_TRUE(doc.select_node("//text[. = 'T299']"));  // the least float
  EXPECT_FALSE(doc.select_node("//text[. = 'T0']"));   // the most float
  EXPECT_NE(svg.find(">Showing 40 of 300 tasks: the critical path, milestones and the least "
                     "float first.<"),
            std::string::npos);
  // Rows never shrink below 14 px: the chart grows instead.
  EXPECT_GE(doc.child("svg").attribute("height").as_double(), 43 * 14.0);
}

TEST(SvgFinishHistogram, BarsSumToAllFinishesAndSplitAtTheTarget) {
  std::string svg = FinishHistogram(Spread());
  for (const char* s : {">P50 2026-09-20<", ">P80 2026-10-05<", ">P90 2026-10-14<",
                        ">Target 2026-09-30 (71% chance)<", ">By the target<", ">After the target<",
                        ">Share of simulated finishes<", ">Finish date<"}) {
    EXPECT_NE(svg.find(s), std::string::npos) << s;
  }
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  int early = 0;
  int late = 0;
  for (auto r : doc.select_nodes("//g/rect")) {
    std::string fill = r.node().attribute("fill").value();
    early += fill == "#0072b2";
    late += fill == "#e69f00";
  }
  EXPECT_GT(early, 3);
  EXPECT_GT(late, 3);
  // One finish is one whole bar of 100%.
  FinishHistogramInput one;
  one.finishes = {D(2026, 9, 1)};
  svg = FinishHistogram(one);
  CheckSvg(svg);
  EXPECT_NE(svg.find(">100%<"), std::string::npos);
  EXPECT_EQ(svg.find("By the target"), std::string::npos);  // no target, no legend
}

TEST(SvgTornadoChart, LargestFirstSignedAndCapped) {
  std::string svg = TornadoChart(Sensitivity());
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  auto y = [&](const char* label) {
    auto n = doc.select_node((std::string("//text[. = '") + label + "']").c_str()).node();
    EXPECT_TRUE(n) << label;
    return n.attribute("y").as_double();
  };
  EXPECT_LT(y("Build the service"), y("Migrate the EU tenants"));
  EXPECT_LT(y("Migrate the EU tenants"), y("Load test"));
  EXPECT_LT(y("Load test"), y("Security review"));
  EXPECT_LT(y("Security review"), y("Vendor onboarding"));
  EXPECT_FALSE(doc.select_node("//text[. = 'Design']"));  // no effect, no bar
  for (const char* s : {">+0.62<", ">-0.08<", ">-0.70<", ">+0.70<", ">0<"}) {
    EXPECT_NE(svg.find(s), std::string::npos) << s;
  }
  TornadoInput in = Sensitivity();
  in.max_bars = 2;
  svg = TornadoChart(in);
  CheckSvg(svg);
  EXPECT_EQ(svg.find(">Security review<"), std::string::npos);
  EXPECT_NE(svg.find(">3 more tasks with a smaller effect not shown.<"), std::string::npos);
}

TEST(SvgHeatMap, CellsWithRisksLinkOnlyWhenAsked) {
  EXPECT_EQ(HeatMap(Risks()).find("<a "), std::string::npos);
  HeatMapInput in = Risks();
  in.link = [](int l, int s) {
    return l == 1 && s == 1 ? std::string() : fmt::format("/risks?cell={},{}", l, s);
  };
  std::string svg = HeatMap(in);
  CheckSvg(svg);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(svg.c_str()));
  // Six cells hold risks; the one at 1,1 gets no address from the builder.
  EXPECT_EQ(doc.select_nodes("//a").size(), 5u);
  auto a = doc.select_node("//a[@href='/risks?cell=5,4']").node();
  ASSERT_TRUE(a);
  EXPECT_STREQ(a.attribute("aria-label").value(), "Likelihood 5, severity 4: 2 risks");
  EXPECT_TRUE(a.child("rect"));
  EXPECT_TRUE(doc.select_node("//a[@href='/risks?cell=3,3']"));
  EXPECT_FALSE(doc.select_node("//a[@href='/risks?cell=2,2']"));  // an empty cell
}

// --- Empty, degenerate and hostile input ------------------------------------------------

TEST(SvgCharts, EmptyInput) {
  CheckChart([] { return FinishChart({}); });
  CheckChart([] { return HeatMap({}); });
  CheckChart([] { return TrendChart({}); });
  CheckChart([] { return EvmChart({}); });
  CheckChart([] { return StakeholderMatrix({}); });
  CheckChart([] { return Roadmap({}); });
  CheckChart([] { return GanttChart({}); });
  CheckChart([] { return FinishHistogram({}); });
  CheckChart([] { return TornadoChart({}); });
  EXPECT_NE(GanttChart({}).find(">No tasks yet<"), std::string::npos);
  EXPECT_NE(FinishHistogram({}).find(">No forecast yet<"), std::string::npos);
  EXPECT_NE(TornadoChart({}).find(">No task moves the finish<"), std::string::npos);
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
  CheckChart([&] {
    GanttInput in;
    GanttTask t;
    t.label = "Only";
    t.start = t.finish = d;
    t.milestone = t.critical = true;
    in.tasks = {t, t};
    in.target = in.status_date = d;
    return GanttChart(in);
  });
  CheckChart([&] {
    FinishHistogramInput in;
    in.finishes = {d, d, d};
    in.p50 = in.p80 = in.p90 = in.target = d;
    in.target_chance = 1;
    return FinishHistogram(in);
  });
  CheckChart([&] {
    TornadoInput in;
    in.bars = {{"A", 0.5}, {"B", 0.5}, {"C", -0.5}};
    return TornadoChart(in);
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
  CheckChart([] { return GanttChart(Plan(), Options(200, 120)); });
  CheckChart([] { return FinishHistogram(Spread(), Options(200, 120)); });
  CheckChart([] { return TornadoChart(Sensitivity(), Options(200, 120)); });
  CheckChart([&] {
    TornadoInput in;
    in.bars = {{"NaN", kNaN}, {"Inf", kInf}, {"Big", 7}, {"Small", -1e-300}};
    in.max_bars = -3;
    return TornadoChart(in);
  });
  CheckChart([&] {
    GanttInput in;
    GanttTask t;
    t.label = "Backwards";
    t.start = d + 10;
    t.finish = d;  // a finish before the start draws a sliver, never a negative width
    t.total_float = -4;
    t.late_finish = d - 30;
    in.tasks = {t};
    in.max_rows = 0;
    return GanttChart(in);
  });
  CheckChart([&] {
    FinishHistogramInput in;
    in.finishes = {D(2020, 1, 1), D(2035, 12, 31)};
    in.target_chance = kNaN;
    in.target = D(2027, 1, 1);
    return FinishHistogram(in);
  });
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
  {
    GanttInput in = Plan();
    in.tasks[0].project = kHostile;
    in.tasks[1].label = kHostile;
    outputs.push_back(GanttChart(in));
  }
  {
    TornadoInput in;
    in.bars = {{kHostile, 0.5}};
    outputs.push_back(TornadoChart(in));
  }
  {
    HeatMapInput in;
    in.counts[2][2] = 1;
    in.link = [](int, int) { return std::string(kHostile); };
    outputs.push_back(HeatMap(in));
  }
  outputs.push_back(FinishHistogram(Spread(), Options(640, 320, "", kHostile)));
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
  GanttInput g;
  g.tasks.resize(1);
  g.tasks[0].project = long_label;
  g.tasks[0].label = long_label;
  TornadoInput t;
  t.bars = {{long_label, 0.4}};
  for (const std::string& svg :
       {StakeholderMatrix(s), Roadmap(r), HeatMap(h), GanttChart(g), TornadoChart(t)}) {
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
