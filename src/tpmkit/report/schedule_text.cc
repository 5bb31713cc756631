#include "tpmkit/report/schedule_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "tpmkit/base/json_text.h"
#include "tpmkit/base/text.h"
#include "tpmkit/plan/calendar.h"
#include "tpmkit/report/register_text.h"

namespace tpmkit::report {

namespace {

const char* ProgressName(plan::Progress p) {
  switch (p) {
    case plan::Progress::kNotStarted:
      return "not_started";
    case plan::Progress::kInProgress:
      return "in_progress";
    case plan::Progress::kFinished:
      return "finished";
  }
  return "not_started";
}

}  // namespace

std::string ScheduleTable(const model::Program& program, const plan::Schedule& schedule) {
  const auto tasks = plan::TasksInFileOrder(program);
  size_t id_w = 2, name_w = 4;
  for (const auto* t : tasks) {
    id_w = std::max(id_w, std::min<size_t>(register_text::Width(t->id), 24));
    name_w = std::max(name_w, std::min<size_t>(register_text::Width(EscapeControls(t->name)), 40));
  }
  std::string out =
      fmt::format("Start {}  finish {}", schedule.start.ToString(), schedule.finish.ToString());
  if (schedule.target) out += fmt::format("  target {}", schedule.target->ToString());
  if (schedule.status_date) out += fmt::format("  as of {}", schedule.status_date->ToString());
  out += fmt::format("\n{} tasks, {} on the critical path (* = critical)\n\n", tasks.size(),
                     schedule.critical_path.size());
  out += "  " + register_text::PadRight("ID", id_w) + "  " +
         register_text::PadRight("Name", name_w) + "  Start       Finish      " + " Float\n";
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& s = schedule.tasks[i];
    std::string flt = s.total_float ? fmt::format("{}d", *s.total_float) : "done";
    std::string line = std::string(s.critical ? "* " : "  ") +
                       register_text::PadRight(register_text::Fit(tasks[i]->id, id_w), id_w) +
                       "  " +
                       register_text::PadRight(
                           register_text::Fit(EscapeControls(tasks[i]->name), name_w), name_w) +
                       "  " + s.start.ToString() + "  " + s.finish.ToString() + "  " +
                       register_text::PadLeft(flt, 5);
    if (s.deadline_missed) line += "  deadline " + tasks[i]->deadline->ToString() + " missed";
    out += line + "\n";
  }
  return out;
}

std::string ScheduleGantt(const model::Program& program, const plan::Schedule& schedule,
                          const ScheduleTextOptions& options) {
  const auto tasks = plan::TasksInFileOrder(program);
  size_t label_w = 2;
  for (const auto* t : tasks)
    label_w = std::max(label_w, std::min<size_t>(register_text::Width(t->id), 20));
  const int width = std::max(options.width, 40);
  const int bar_w = std::max(10, width - static_cast<int>(label_w) - 3);
  int64_t lo = 0, hi = schedule.finish_position;
  for (const auto& s : schedule.tasks) {
    lo = std::min<int64_t>(lo, s.early_start);
    hi = std::max<int64_t>(hi, s.early_finish);
  }
  // The status date (the start of its day) and the target (the end of its day) as
  // positions; the axis stretches to show the target when the plan finishes before it.
  std::optional<int64_t> status_pos, target_pos;
  auto calendar = plan::WorkCalendar::ForProgram(program);
  if (calendar.ok()) {
    if (schedule.status_date) status_pos = calendar->Pos(*schedule.status_date);
    if (schedule.target) target_pos = calendar->PosEnd(*schedule.target) + 1;
  }
  if (target_pos && *target_pos > hi && *target_pos - lo <= 2 * (hi - lo)) hi = *target_pos;
  const double span = static_cast<double>(std::max<int64_t>(1, hi - lo));
  auto col = [&](int64_t pos) {
    return std::clamp(static_cast<int>(std::floor((pos - lo) * bar_w / span)), 0, bar_w);
  };
  // Axis: the first date on the left, the finish on the right.
  std::string first =
      schedule.tasks.empty()
          ? schedule.start.ToString()
          : std::min_element(schedule.tasks.begin(), schedule.tasks.end(),
                             [](const auto& a, const auto& b) { return a.start < b.start; })
                ->start.ToString();
  std::string last = calendar.ok() && hi > schedule.finish_position
                         ? calendar->FinishDate(lo, hi).ToString()
                         : schedule.finish.ToString();
  std::string axis(static_cast<size_t>(bar_w), ' ');
  axis.replace(0, first.size(), first);
  if (static_cast<int>(last.size()) <= bar_w - static_cast<int>(first.size()) - 1) {
    axis.replace(axis.size() - last.size(), last.size(), last);
  }
  // A marker column, when its position lies on the axis.
  auto marker = [&](std::optional<int64_t> pos) -> std::optional<int> {
    if (!pos || *pos < lo || *pos > hi) return std::nullopt;
    return std::min(col(*pos), bar_w - 1);
  };
  const auto status_col = marker(status_pos), target_col = marker(target_pos);
  auto with_markers = [&](std::string line) {
    if (status_col) line[static_cast<size_t>(*status_col)] = ':';
    if (target_col) line[static_cast<size_t>(*target_col)] = '|';
    return line;
  };
  std::string out = std::string(label_w, ' ') + " |" + axis + "\n";
  out += std::string(label_w, ' ') + " +" +
         with_markers(std::string(static_cast<size_t>(bar_w), '-')) + "\n";
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& s = schedule.tasks[i];
    std::string row = with_markers(std::string(static_cast<size_t>(bar_w), ' '));
    const bool milestone = s.early_finish <= s.early_start;
    char glyph = s.progress == plan::Progress::kFinished ? '.'
                 : milestone                             ? (s.critical ? '@' : 'o')
                                                         : (s.critical ? '#' : '=');
    int a = col(s.early_start), b = col(s.early_finish);
    if (milestone) {
      a = std::min(std::max(0, a - 1), bar_w - 1);  // a milestone sits at the end of day s-1
      b = a + 1;
    } else {
      b = std::max(b, a + 1);
      a = std::min(a, bar_w - 1);
      b = std::min(b, bar_w);
    }
    std::string bar(static_cast<size_t>(b - a), glyph);
    std::string painted = options.color && s.critical ? "\x1b[31m" + bar + "\x1b[0m" : bar;
    out += register_text::PadRight(register_text::Fit(tasks[i]->id, label_w), label_w) + " |" +
           row.substr(0, a) + painted + row.substr(b);
    // Trailing spaces are noise in a terminal and in golden files.
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\n";
  }
  // The legend, its items laid out two spaces apart within the chart's width.
  std::vector<std::string> items = {"= task", "# critical task", "o milestone",
                                    "@ critical milestone", ". finished"};
  if (status_col) items.push_back(": status date " + schedule.status_date->ToString());
  if (target_col) items.push_back("| target " + schedule.target->ToString());
  out += "\n";
  std::string line = "  Legend:";
  for (const auto& item : items) {
    if (line.size() + 2 + item.size() > static_cast<size_t>(width)) {
      out += line + "\n";
      line = "         ";
    }
    line += "  " + item;
  }
  out += line + "\n";
  return out;
}

std::string ScheduleText(const model::Program& program, const plan::Schedule& schedule,
                         const ScheduleTextOptions& options) {
  return ScheduleTable(program, schedule) + "\n" + ScheduleGantt(program, schedule, options);
}

// Written directly rather than through a JSON document: for 100,000 tasks, building the
// document took a fifth of `schedule --json`. The text is byte for byte what
// nlohmann::ordered_json::dump(2) writes for the same document (schedule_text_test.cc checks
// it), and every value is a string, an integer, a boolean or null.
std::string ScheduleJson(const model::Program& program, const plan::Schedule& schedule) {
  const auto tasks = plan::TasksInFileOrder(program);
  std::string out;
  out.reserve(512 + tasks.size() * 560);
  // One `"key": value` member at `indent`, comma-separated from the one before.
  bool first = true;
  auto key = [&](std::string_view indent, std::string_view name) {
    out += first ? "\n" : ",\n";
    first = false;
    out += indent;
    AppendJsonString(out, name);
    out += ": ";
  };
  auto str = [&](std::string_view v) { AppendJsonString(out, v); };
  auto date = [&](const std::optional<Date>& d) {
    if (d) {
      str(d->ToString());
    } else {
      out += "null";
    }
  };
  auto opt = [&](const std::optional<int32_t>& v) { out += v ? std::to_string(*v) : "null"; };
  auto flag = [&](bool b) { out += b ? "true" : "false"; };

  out += "{";
  key("  ", "start");
  str(schedule.start.ToString());
  key("  ", "finish");
  str(schedule.finish.ToString());
  key("  ", "target");
  date(schedule.target);
  key("  ", "status_date");
  date(schedule.status_date);
  key("  ", "finish_position");
  out += std::to_string(schedule.finish_position);
  key("  ", "tasks");
  if (tasks.empty()) {
    out += "[]";
  } else {
    out += "[";
    for (size_t i = 0; i < tasks.size(); ++i) {
      const auto& s = schedule.tasks[i];
      const auto& t = *tasks[i];
      out += i == 0 ? "\n    {" : ",\n    {";
      first = true;
      constexpr std::string_view in = "      ";
      key(in, "id");
      str(t.id);
      key(in, "name");
      str(t.name);
      key(in, "start");
      str(s.start.ToString());
      key(in, "finish");
      str(s.finish.ToString());
      key(in, "early_start");
      str(s.start.ToString());
      key(in, "early_finish");
      str(s.finish.ToString());
      key(in, "late_start");
      str(s.late_start_date.ToString());
      key(in, "late_finish");
      str(s.late_finish_date.ToString());
      key(in, "total_float");
      opt(s.total_float);
      key(in, "free_float");
      opt(s.free_float);
      key(in, "critical");
      flag(s.critical);
      key(in, "deadline_missed");
      flag(s.deadline_missed);
      key(in, "deadline");
      date(t.deadline);
      key(in, "float_to_target");
      opt(s.float_to_target);
      key(in, "milestone");
      flag(t.milestone);
      key(in, "progress");
      str(ProgressName(s.progress));
      out += "\n    }";
    }
    out += "\n  ]";
  }
  first = false;
  key("  ", "critical_path");
  if (schedule.critical_path.empty()) {
    out += "[]";
  } else {
    out += "[";
    for (size_t i = 0; i < schedule.critical_path.size(); ++i) {
      out += i == 0 ? "\n    " : ",\n    ";
      str(tasks[schedule.critical_path[i]]->id);
    }
    out += "\n  ]";
  }
  out += "\n}";
  return out;
}

}  // namespace tpmkit::report
