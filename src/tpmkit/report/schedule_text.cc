#include "tpmkit/report/schedule_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
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
  std::string last = schedule.finish.ToString();
  std::string axis(static_cast<size_t>(bar_w), ' ');
  axis.replace(0, first.size(), first);
  if (static_cast<int>(last.size()) <= bar_w - static_cast<int>(first.size()) - 1) {
    axis.replace(axis.size() - last.size(), last.size(), last);
  }
  std::string out = std::string(label_w, ' ') + " |" + axis + "\n";
  out += std::string(label_w, ' ') + " +" + std::string(static_cast<size_t>(bar_w), '-') + "\n";
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& s = schedule.tasks[i];
    std::string row(static_cast<size_t>(bar_w), ' ');
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
  return out;
}

std::string ScheduleText(const model::Program& program, const plan::Schedule& schedule,
                         const ScheduleTextOptions& options) {
  return ScheduleTable(program, schedule) + "\n" + ScheduleGantt(program, schedule, options);
}

std::string ScheduleJson(const model::Program& program, const plan::Schedule& schedule) {
  using Json = nlohmann::ordered_json;
  const auto tasks = plan::TasksInFileOrder(program);
  auto date = [](const std::optional<Date>& d) { return d ? Json(d->ToString()) : Json(nullptr); };
  auto opt = [](const std::optional<int32_t>& v) { return v ? Json(*v) : Json(nullptr); };
  Json doc;
  doc["start"] = schedule.start.ToString();
  doc["finish"] = schedule.finish.ToString();
  doc["target"] = date(schedule.target);
  doc["status_date"] = date(schedule.status_date);
  doc["finish_position"] = schedule.finish_position;
  Json list = Json::array();
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& s = schedule.tasks[i];
    Json t;
    t["id"] = tasks[i]->id;
    t["name"] = tasks[i]->name;
    t["start"] = s.start.ToString();
    t["finish"] = s.finish.ToString();
    t["early_start"] = s.start.ToString();
    t["early_finish"] = s.finish.ToString();
    t["late_start"] = s.late_start_date.ToString();
    t["late_finish"] = s.late_finish_date.ToString();
    t["total_float"] = opt(s.total_float);
    t["free_float"] = opt(s.free_float);
    t["critical"] = s.critical;
    t["deadline_missed"] = s.deadline_missed;
    t["deadline"] = date(tasks[i]->deadline);
    t["float_to_target"] = opt(s.float_to_target);
    t["milestone"] = tasks[i]->milestone;
    t["progress"] = ProgressName(s.progress);
    list.push_back(std::move(t));
  }
  doc["tasks"] = std::move(list);
  Json path = Json::array();
  for (uint32_t i : schedule.critical_path) path.push_back(tasks[i]->id);
  doc["critical_path"] = std::move(path);
  return doc.dump(2);
}

}  // namespace tpmkit::report
