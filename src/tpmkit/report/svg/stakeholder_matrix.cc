#include "tpmkit/report/svg/stakeholder_matrix.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kNameStrip = 14;  // the quadrant name above each band of rows
constexpr double kItemLine = 12;
constexpr double kItemFont = 9;
constexpr int kSplit = 4;  // computations.md section 6: high means >= 4

std::string_view StanceName(StakeholderStance s) {
  switch (s) {
    case StakeholderStance::kSupportive:
      return "supportive";
    case StakeholderStance::kNeutral:
      return "neutral";
    case StakeholderStance::kResistant:
      return "resistant";
  }
  return "neutral";
}

std::string_view QuadrantName(bool high_influence, bool high_impact) {
  if (high_influence && high_impact) return "Manage closely";
  if (high_influence) return "Keep satisfied";
  if (high_impact) return "Keep informed";
  return "Monitor";
}

// The stance glyph centred on (cx, cy): circle, square or triangle.
void Glyph(Writer& w, StakeholderStance s, double cx, double cy) {
  switch (s) {
    case StakeholderStance::kSupportive:
      w.Empty("circle", {{"cx", cx}, {"cy", cy}, {"r", 4.5}, {"fill", palette::kBluishGreen}});
      return;
    case StakeholderStance::kNeutral:
      w.Empty("rect", {{"x", cx - 4},
                       {"y", cy - 4},
                       {"width", 8},
                       {"height", 8},
                       {"fill", palette::kNeutralGrey}});
      return;
    case StakeholderStance::kResistant:
      w.Empty("polygon",
              {{"points", Points({{cx, cy - 5.5}, {cx + 5.5, cy + 4.5}, {cx - 5.5, cy + 4.5}})},
               {"fill", palette::kVermillion}});
      return;
  }
}

void Ring(Writer& w, double cx, double cy) {
  w.Empty("circle", {{"cx", cx},
                     {"cy", cy},
                     {"r", 7.5},
                     {"fill", "none"},
                     {"stroke", palette::kInk},
                     {"stroke-width", 1.2}});
}

struct Placed {
  int influence;
  int impact;
  const StakeholderPoint* point;
};

std::string Description(const std::vector<Placed>& placed) {
  if (placed.empty()) return "No stakeholders yet.";
  std::string d = fmt::format("{} stakeholder{} by influence and impact.", placed.size(),
                              placed.size() == 1 ? "" : "s");
  const std::array<std::pair<bool, bool>, 4> order = {
      {{true, true}, {true, false}, {false, true}, {false, false}}};
  for (auto [hi_inf, hi_imp] : order) {
    std::string names;
    for (const Placed& p : placed) {
      if ((p.influence >= kSplit) != hi_inf || (p.impact >= kSplit) != hi_imp) continue;
      if (!names.empty()) names += "; ";
      names += fmt::format("{} ({}{})", p.point->label, StanceName(p.point->stance),
                           p.point->overdue ? ", contact overdue" : "");
    }
    if (!names.empty()) d += fmt::format(" {}: {}.", QuadrantName(hi_inf, hi_imp), names);
  }
  return d;
}

}  // namespace

std::string StakeholderMatrix(const StakeholderMatrixInput& input, const ChartOptions& options) {
  const auto [width, height] = SizeOf(options);
  std::vector<Placed> placed;
  for (const StakeholderPoint& s : input.stakeholders) {
    placed.push_back({std::clamp(s.influence, 1, 5), std::clamp(s.impact, 1, 5), &s});
  }
  Writer w({width, height, ChartId(options.id, "stakeholder-matrix"),
            options.title.empty() ? "Stakeholder matrix" : options.title, Description(placed)});

  const double legend_width = width >= 400 ? 124 : 0;
  PlotArea grid{44, 8, width - 10 - legend_width, height - 38};
  const double cw = grid.width() / 5;
  const double rh = (grid.height() - 2 * kNameStrip) / 5;
  // Rows 5 and 4 under the upper strip, rows 3..1 under the lower one.
  auto row_top = [&](int influence) {
    if (influence >= kSplit) return grid.top + kNameStrip + (5 - influence) * rh;
    return grid.top + 2 * kNameStrip + (5 - influence) * rh;
  };
  auto col_left = [&](int impact) { return grid.left + (impact - 1) * cw; };

  const double split_x = col_left(kSplit);
  const double split_y = row_top(kSplit - 1) - kNameStrip;
  struct Quadrant {
    bool hi_inf;
    bool hi_imp;
    double x0, y0, x1, y1;
  };
  const Quadrant quadrants[] = {{true, false, grid.left, grid.top, split_x, split_y},
                                {true, true, split_x, grid.top, grid.right, split_y},
                                {false, false, grid.left, split_y, split_x, grid.bottom},
                                {false, true, split_x, split_y, grid.right, grid.bottom}};
  for (const Quadrant& q : quadrants) {
    w.Empty("rect",
            {{"x", q.x0},
             {"y", q.y0},
             {"width", q.x1 - q.x0},
             {"height", q.y1 - q.y0},
             {"fill", q.hi_inf && q.hi_imp ? palette::kQuadrantStrong : palette::kQuadrantLight}});
    w.Text({{"x", q.x0 + 6},
            {"y", q.y0 + 11},
            {"font-size", kLabelFont},
            {"font-weight", "bold"},
            {"fill", palette::kMuted}},
           Shorten(QuadrantName(q.hi_inf, q.hi_imp), CharsThatFit(q.x1 - q.x0 - 8, kLabelFont)));
  }
  // Cell borders, then the split drawn over them.
  w.Open("g", {{"stroke", palette::kBackground}, {"stroke-width", 1}});
  for (int c = 1; c < 5; ++c) {
    if (c + 1 == kSplit) continue;
    w.Empty(
        "line",
        {{"x1", col_left(c + 1)}, {"y1", grid.top}, {"x2", col_left(c + 1)}, {"y2", grid.bottom}});
  }
  for (int r = 1; r <= 5; ++r) {
    if (r == kSplit || r == 5) continue;
    w.Empty("line",
            {{"x1", grid.left}, {"y1", row_top(r)}, {"x2", grid.right}, {"y2", row_top(r)}});
  }
  w.Close();
  w.Open("g", {{"stroke", palette::kMuted}, {"stroke-width", 1.5}});
  w.Empty("line", {{"x1", split_x}, {"y1", grid.top}, {"x2", split_x}, {"y2", grid.bottom}});
  w.Empty("line", {{"x1", grid.left}, {"y1", split_y}, {"x2", grid.right}, {"y2", split_y}});
  w.Close();

  w.Open("g", {{"font-size", kTickFont}, {"fill", palette::kMuted}, {"text-anchor", "middle"}});
  for (int r = 1; r <= 5; ++r) {
    w.Text({{"x", grid.left - 10}, {"y", row_top(r) + rh / 2 + 4}}, std::to_string(r));
  }
  for (int c = 1; c <= 5; ++c) {
    w.Text({{"x", col_left(c) + cw / 2}, {"y", grid.bottom + 14}}, std::to_string(c));
  }
  const double mid_y = (grid.top + grid.bottom) / 2;
  w.Text({{"x", 14}, {"y", mid_y}, {"transform", "rotate(-90 14 " + Num(mid_y) + ")"}},
         "Influence");
  w.Text({{"x", (grid.left + grid.right) / 2}, {"y", grid.bottom + 30}}, "Impact");
  w.Close();

  // The people, cell by cell, each cell's list in the given order.
  const int max_items = std::max(1, static_cast<int>((rh - 2) / kItemLine));
  const int chars = CharsThatFit(cw - 22, kItemFont);
  w.Open("g", {{"font-size", kItemFont}, {"fill", palette::kInk}});
  for (int r = 5; r >= 1; --r) {
    for (int c = 1; c <= 5; ++c) {
      std::vector<const Placed*> here;
      for (const Placed& p : placed) {
        if (p.influence == r && p.impact == c) here.push_back(&p);
      }
      if (here.empty()) continue;
      int lines = std::min(static_cast<int>(here.size()), max_items);
      bool more = static_cast<int>(here.size()) > max_items;
      int shown = more ? lines - 1 : lines;
      double y0 = row_top(r) + (rh - lines * kItemLine) / 2 + kItemLine / 2;
      double x0 = col_left(c) + 10;
      for (int i = 0; i < shown; ++i) {
        const StakeholderPoint& s = *here[i]->point;
        double cy = y0 + i * kItemLine;
        Glyph(w, s.stance, x0, cy);
        if (s.overdue) Ring(w, x0, cy);
        if (s.overdue) {
          w.Text({{"x", x0 + 10}, {"y", cy + 3}, {"font-weight", "bold"}}, Shorten(s.label, chars));
        } else {
          w.Text({{"x", x0 + 10}, {"y", cy + 3}}, Shorten(s.label, chars));
        }
      }
      if (more) {
        w.Text({{"x", x0 + 10}, {"y", y0 + shown * kItemLine + 3}, {"fill", palette::kMuted}},
               fmt::format("+{} more", here.size() - shown));
      }
    }
  }
  w.Close();

  if (legend_width > 0) {
    const double lx = grid.right + 16;
    double ly = grid.top + 10;
    w.Open("g", {{"font-size", kLabelFont}});
    w.Text({{"x", lx}, {"y", ly}, {"font-weight", "bold"}}, "Stance");
    for (auto s : {StakeholderStance::kSupportive, StakeholderStance::kNeutral,
                   StakeholderStance::kResistant}) {
      ly += 18;
      Glyph(w, s, lx + 6, ly - 4);
      std::string name(StanceName(s));
      name[0] = static_cast<char>(name[0] - 'a' + 'A');
      w.Text({{"x", lx + 18}, {"y", ly}}, name);
    }
    ly += 22;
    Ring(w, lx + 6, ly - 4);
    w.Text({{"x", lx + 18}, {"y", ly}, {"font-weight", "bold"}}, "Contact overdue");
    ly += 24;
    w.Text({{"x", lx}, {"y", ly}, {"fill", palette::kMuted}},
           fmt::format("{} stakeholder{}", placed.size(), placed.size() == 1 ? "" : "s"));
    w.Close();
  }
  return w.Finish();
}

}  // namespace tpmkit::report::svg
