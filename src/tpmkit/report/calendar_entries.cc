#include "tpmkit/report/calendar_entries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "tpmkit/base/check.h"

namespace tpmkit::report {

namespace {

// Lines joined by '\n', the empty ones left out.
std::string Lines(std::initializer_list<std::string> lines) {
  std::string out;
  for (const auto& l : lines) {
    if (l.empty()) continue;
    if (!out.empty()) out += '\n';
    out += l;
  }
  return out;
}

std::string Labelled(std::string_view label, std::string_view value) {
  return value.empty() ? std::string() : fmt::format("{}: {}", label, value);
}

std::string ProgressLine(const model::Task& task, const plan::TaskSchedule& s) {
  switch (s.progress) {
    case plan::Progress::kFinished:
      return "Status: done";
    case plan::Progress::kInProgress:
      return fmt::format("Status: in progress, {:.0f}% complete", task.PercentComplete());
    case plan::Progress::kNotStarted:
      break;
  }
  return "Status: not started";
}

std::string FloatLine(const plan::TaskSchedule& s) {
  if (!s.total_float) return "";
  return fmt::format("Total float: {} working day{}{}", *s.total_float,
                     *s.total_float == 1 ? "" : "s", s.critical ? " (on the critical path)" : "");
}

}  // namespace

std::vector<CalendarEntry> ProgramCalendar(const model::Program& program,
                                           const plan::Schedule& schedule,
                                           const toolkit::StakeholderMatrix& matrix,
                                           const toolkit::AuditReadiness& readiness) {
  std::vector<CalendarEntry> out;
  if (program.target) {
    out.push_back({*program.target, "target", "Target: " + program.name,
                   Lines({"The date " + program.name + " is to finish by.",
                          "Scheduled finish: " + schedule.finish.ToString()}),
                   "Target"});
  }

  size_t i = 0;
  for (const auto& project : program.projects) {
    for (const auto& task : project.tasks) {
      TPMKIT_CHECK(i < schedule.tasks.size());
      const plan::TaskSchedule& s = schedule.tasks[i++];
      if (task.milestone) {
        const std::optional<Date> baseline =
            task.baseline ? task.baseline->finish : std::optional<Date>();
        out.push_back({s.finish, "milestone-" + task.id, "Milestone: " + task.name,
                       Lines({Labelled("Project", project.name), Labelled("Owner", task.owner),
                              ProgressLine(task, s), FloatLine(s),
                              baseline ? "Baseline: " + baseline->ToString() : ""}),
                       "Milestone"});
      }
      if (task.deadline) {
        out.push_back({*task.deadline, "deadline-" + task.id, "Deadline: " + task.name,
                       Lines({Labelled("Project", project.name), Labelled("Owner", task.owner),
                              ProgressLine(task, s),
                              fmt::format("Scheduled finish: {}{}", s.finish.ToString(),
                                          s.deadline_missed ? ", after the deadline" : "")}),
                       "Deadline"});
      }
    }
  }

  for (const auto& s : matrix.stakeholders) {
    // When to talk next: the next contact, or now when that is past or never set.
    const Date on = (s.next_contact && !s.overdue) ? *s.next_contact : matrix.as_of;
    std::string last =
        s.last_contact ? "Last contact: " + s.last_contact->ToString() : "Never contacted";
    if (s.overdue && s.next_contact) last += ", next was due " + s.next_contact->ToString();
    out.push_back(
        {on, "contact-" + s.id, "Contact: " + s.name,
         Lines({Labelled("Role", s.role),
                fmt::format("Quadrant: {}, priority {}", toolkit::QuadrantTitle(s.quadrant),
                            s.priority),
                Labelled("Channel", s.channel),
                fmt::format("Every {} day{}", s.cadence_days, s.cadence_days == 1 ? "" : "s"),
                last}),
         "Stakeholder contact"});
  }

  for (const auto& item : readiness.items) {
    if (!item.due) continue;
    out.push_back({*item.due, "audit-" + item.id, "Audit item due: " + item.id,
                   Lines({fmt::format("Status: {}{}", model::Name(item.status),
                                      item.overdue ? " (overdue)" : ""),
                          Labelled("Owner", item.owner), Labelled("Note", item.note)}),
                   "Audit"});
  }

  std::stable_sort(out.begin(), out.end(), [](const CalendarEntry& a, const CalendarEntry& b) {
    return a.date != b.date ? a.date < b.date : a.key < b.key;
  });
  return out;
}

}  // namespace tpmkit::report
