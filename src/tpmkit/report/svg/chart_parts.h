// The parts the charts of report/svg share: linear scales, date and value ticks, short
// money labels, axes, and vertical marker lines whose labels are stacked in lanes so that
// they never overlap.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

inline constexpr double kTickFont = 10;
inline constexpr double kLabelFont = 10;
inline constexpr double kLaneHeight = 13;  // one row of marker labels

// The plot rectangle inside the chart, in px.
struct PlotArea {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
};

// Maps [d0, d1] linearly onto [r0, r1]; an empty domain maps everything to the middle.
struct Scale {
  double d0 = 0;
  double d1 = 1;
  double r0 = 0;
  double r1 = 1;
  double operator()(double v) const;
  double operator()(Date d) const { return (*this)(static_cast<double>(d.days())); }
};

struct Tick {
  double value = 0;      // in the domain of the axis (days since epoch for dates)
  std::string label;     // first line
  std::string sublabel;  // second line (the year under a month), may be empty
};

// The first and last of the given dates, widened (around the middle) to at least
// `min_days` days; nullopt when no date is given.
struct DateSpan {
  Date first;
  Date last;
};
std::optional<DateSpan> SpanOf(const std::vector<std::optional<Date>>& dates, int min_days);

// Ticks on [first, last] at least 44 px apart over `pixels`: days (weekly, fortnightly)
// for spans up to two months, else months (every 1, 2, 3 or 6, the year under the first
// and under each January), else years (every 1, 2, 5, 10, ...).
std::vector<Tick> DateTicks(DateSpan span, double pixels);

// A value axis from 0 to `max` in steps of 1, 2, 2.5 or 5 times a power of ten, at most
// `max_ticks` steps. A `max` that is not positive and finite is taken as 1.
struct ValueAxis {
  double max = 1;
  double step = 1;
};
ValueAxis NiceAxis(double max, int max_ticks);

// The tick labels of a money axis, all in one unit chosen by the axis maximum ("k" from
// 10,000, "M" from 1,000,000, "B" from 1,000,000,000) with as few decimals as the step
// needs, then the currency code: "0 USD", "250k USD", "1.25M USD", "2,500 USD".
std::string ShortMoney(double value, const ValueAxis& axis, std::string_view currency);

// The English short name of a month, 1..12 ("Jan".."Dec").
std::string_view MonthName(unsigned month);

// A whole percentage "64 %" of a share 0..1 (clamped; not finite: "0 %").
std::string Percent(double share);
// A chance as the report's text writes it ("35.8%"), clamped to 0..1 (0 when not finite):
// a chart's label must say what the page around it says.
std::string ChancePercent(double share);

// Draws the horizontal date axis under `plot`: grid line and tick per tick, labels below.
void DrawDateAxis(Writer& w, const PlotArea& plot, const Scale& x, const std::vector<Tick>& ticks);

// Draws the vertical value axis left of `plot`: a grid line per tick and the labels
// right-aligned beside it. `labels[i]` belongs to the tick at `values[i]`.
void DrawValueAxis(Writer& w, const PlotArea& plot, const Scale& y,
                   const std::vector<double>& values, const std::vector<std::string>& labels);

// A centred note over an empty plot ("No assessments yet").
void DrawNote(Writer& w, const PlotArea& plot, std::string_view text);

// A vertical line across the plot at a date, its label above the plot.
struct Marker {
  Date date;
  std::string label;
  std::string_view color;
  double stroke_width = 1;
  std::string_view dash;        // stroke-dasharray, empty for a solid line
  std::string_view text_color;  // the label's colour; empty: `color`
};

// The target (a solid vermillion line) and the status date (a dashed grey one), each when
// given, as the timeline charts draw them.
std::vector<Marker> TargetAndStatusMarkers(const std::optional<Date>& target,
                                           const std::optional<Date>& status_date);

// Where each marker's label goes: lane 0 is just above the plot, lane 1 above it...
// A label runs right from its line, or ends at its line when it would pass `right`; a label
// too wide for either side of its line is shortened with "…" to fit the wider side. Labels
// are placed in date order, each in the lowest lane where it touches no other.
struct MarkerLayout {
  struct Placed {
    double x = 0;       // the line
    double text_x = 0;  // where the text is anchored
    bool anchor_end = false;
    int lane = 0;
    std::string label;  // the marker's label, shortened when it had to be
  };
  std::vector<Placed> placed;  // in the order of the markers
  int lanes = 0;
};
MarkerLayout LayoutMarkers(const std::vector<Marker>& markers, const Scale& x, double left,
                           double right);

// Draws the markers' lines over `plot` and their labels in the lanes of `layout`.
void DrawMarkers(Writer& w, const PlotArea& plot, const std::vector<Marker>& markers,
                 const MarkerLayout& layout);

// A legend entry: a short line sample (or a marker shape drawn by the caller) and words.
struct LegendEntry {
  std::string label;
  std::string_view color;
  double stroke_width = 2;
  std::string_view dash;
};
// Draws the entries in a row from (x, y) (the baseline of the text); returns the x after the
// last entry.
double DrawLegendRow(Writer& w, double x, double y, const std::vector<LegendEntry>& entries);

}  // namespace tpmkit::report::svg
