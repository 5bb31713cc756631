#include "tpmkit/plan/evm.h"

#include <algorithm>
#include <cmath>

#include "tpmkit/plan/calendar.h"
#include "tpmkit/plan/network.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::plan {

namespace {

std::optional<double> Ratio(double num, double den) {
  if (den == 0) return std::nullopt;
  return num / den;
}

int32_t CeilDays(double d) { return static_cast<int32_t>(std::ceil(d - 1e-9)); }

// The plan as drawn: the same program with no status date, so that the schedule places
// every task by its links and constraints alone (section 5: "without any progress").
model::Program WithoutProgress(const model::Program& program) {
  model::Program copy = program;
  copy.status_date.reset();
  for (auto& project : copy.projects) {
    for (auto& task : project.tasks) {
      task.percent_complete.reset();
      task.actual_start.reset();
      task.actual_finish.reset();
    }
  }
  return copy;
}

}  // namespace

double PlannedValueThrough(const std::vector<PlannedTask>& tasks, int64_t k) {
  if (k <= 0) return 0;
  double pv = 0;
  for (const auto& t : tasks) {
    if (t.point) {
      if (k >= t.finish) pv += t.cost;
      continue;
    }
    const int64_t span = t.finish - t.start;
    const int64_t done = std::clamp<int64_t>(k - t.start, 0, span);
    if (done == span) {
      pv += t.cost;
    } else if (done > 0) {
      pv += t.cost * static_cast<double>(done) / static_cast<double>(span);
    }
  }
  return pv;
}

Result<EvmResult> ComputeEvm(const model::Program& program, Date as_of) {
  TPMKIT_ASSIGN_OR_RETURN(WorkCalendar cal, WorkCalendar::ForProgram(program));
  TPMKIT_ASSIGN_OR_RETURN(Schedule drawn, ComputeSchedule(WithoutProgress(program)));
  const auto tasks = TasksInFileOrder(program);

  EvmResult r;
  r.as_of = as_of;
  r.actual_time = static_cast<int32_t>(cal.PosEnd(as_of) + 1);
  r.tasks.reserve(tasks.size());
  int32_t pd = 0;
  std::optional<Date> latest;
  for (size_t i = 0; i < tasks.size(); ++i) {
    const model::Task& task = *tasks[i];
    const TaskSchedule& early = drawn.tasks[i];
    PlannedTask p;
    p.cost = task.cost.value_or(Money{}).ToDouble();
    const int32_t d = task.milestone ? 0 : std::max(0, CeilDays(task.PlannedDuration()));
    const bool has_baseline = task.baseline && (task.baseline->start || task.baseline->finish);
    if (has_baseline) {
      const auto& b = *task.baseline;
      p.from = PlannedFrom::kBaseline;
      ++r.baseline_tasks;
      if (b.start && b.finish) {
        p.start = static_cast<int32_t>(cal.Pos(*b.start));
        p.finish = static_cast<int32_t>(cal.PosEnd(*b.finish) + 1);
        p.date = *b.finish;
      } else if (b.start) {
        p.start = static_cast<int32_t>(cal.Pos(*b.start));
        p.finish = p.start + d;
        p.date = d > 0 ? cal.FinishDate(p.start, p.finish) : *b.start;
      } else {
        p.finish = static_cast<int32_t>(cal.PosEnd(*b.finish) + 1);
        p.start = p.finish - d;
        p.date = *b.finish;
      }
      p.point = task.milestone || p.finish <= p.start;
    } else {
      p.from = PlannedFrom::kEarlyDates;
      p.start = early.early_start;
      p.finish = early.early_finish;
      p.date = early.finish;
      p.point = task.milestone || p.finish <= p.start;
    }
    if (p.point) {
      // A point counts from the working day after its date: PV(k) includes it once
      // day k - 1 is on or after the date.
      p.finish = static_cast<int32_t>(cal.PosEnd(p.date) + 1);
      p.start = p.finish;
      p.planned_value = p.date <= as_of ? p.cost : 0;
    } else {
      const int32_t span = p.finish - p.start;
      const int32_t done = std::clamp(r.actual_time - p.start, 0, span);
      p.planned_value = done == span ? p.cost : p.cost * done / static_cast<double>(span);
    }
    p.earned_value = p.cost * task.PercentComplete() / 100.0;
    r.pv += p.planned_value;
    r.ev += p.earned_value;
    r.bac += p.cost;
    pd = std::max(pd, p.finish);
    if (!latest || p.date > *latest) latest = p.date;
    r.tasks.push_back(p);
  }
  for (const auto& a : program.actuals) {
    if (a.date <= as_of) r.ac += a.amount.ToDouble();
  }
  r.planned_duration = pd;
  r.planned_finish = latest.value_or(cal.Day(0));

  r.sv = r.ev - r.pv;
  r.cv = r.ev - r.ac;
  r.spi = Ratio(r.ev, r.pv);
  r.cpi = Ratio(r.ev, r.ac);
  if (r.cpi && *r.cpi != 0) {
    r.eac = r.bac / *r.cpi;
    r.etc = *r.eac - r.ac;
    r.vac = r.bac - *r.eac;
  }
  r.eac_atypical = r.ac + r.bac - r.ev;
  if (r.cpi && r.spi && *r.cpi * *r.spi != 0) {
    r.eac_cpi_spi = r.ac + (r.bac - r.ev) / (*r.cpi * *r.spi);
  }
  r.tcpi = Ratio(r.bac - r.ev, r.bac - r.ac);

  // Earned schedule: the largest k with PV(k) <= EV, then linear within day k.
  if (r.ev >= r.bac - 1e-9) {
    r.earned_schedule = pd;
  } else {
    int64_t lo = 0, hi = pd;  // PV(lo) <= EV < PV(hi) = BAC
    while (hi - lo > 1) {
      const int64_t mid = lo + (hi - lo) / 2;
      if (PlannedValueThrough(r.tasks, mid) <= r.ev) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    const double pv_k = PlannedValueThrough(r.tasks, lo);
    const double pv_next = PlannedValueThrough(r.tasks, lo + 1);
    r.earned_schedule = static_cast<double>(lo) + (r.ev - pv_k) / (pv_next - pv_k);
  }
  r.spi_t = Ratio(r.earned_schedule, r.actual_time);
  if (r.spi_t && *r.spi_t != 0) {
    r.ieac_t = r.planned_duration / *r.spi_t;
    r.ieac_t_date = cal.Day(static_cast<int64_t>(std::ceil(*r.ieac_t - 1e-9)) - 1);
  }
  return r;
}

}  // namespace tpmkit::plan
