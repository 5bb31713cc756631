#include "tpmkit/plan/schedule.h"

#include <algorithm>
#include <limits>

namespace tpmkit::plan {

void RunForwardPass(const Network& net, CpmPasses& passes) {
  const size_t n = net.n;
  passes.early.resize(2 * n);
  int32_t* __restrict early = passes.early.data();
  const uint32_t* begin = net.preds.begin.data();
  const uint32_t* mid = net.preds.mid.data();
  const uint32_t* ref = net.preds.ref.data();
  const int32_t* lag = net.preds.lag.data();
  const int32_t* lb = net.lower_bound.data();
  const int32_t* dur = net.duration.data();
  const Progress* progress = net.progress.data();
  int32_t finish = n == 0 ? 0 : std::numeric_limits<int32_t>::min();
  for (size_t k = 0; k < n; ++k) {
    int32_t es, ef;
    if (progress[k] == Progress::kNotStarted) [[likely]] {
      es = lb[k];
      const uint32_t b = begin[k], m = mid[k], e = begin[k + 1];
      for (uint32_t j = b; j < m; ++j) es = std::max(es, early[ref[j]] + lag[j]);
      const int32_t d = dur[k];
      for (uint32_t j = m; j < e; ++j) es = std::max(es, early[ref[j]] + lag[j] - d);
      ef = es + d;
    } else if (progress[k] == Progress::kInProgress) {
      es = net.actual_start[k];
      ef = std::max(net.status_pos, es) + net.remaining[k];
    } else {
      es = net.actual_start[k];
      ef = net.actual_finish[k];
    }
    early[2 * k] = es;
    early[2 * k + 1] = ef;
    finish = std::max(finish, ef);
  }
  passes.finish = finish;
}

void RunBackwardPass(const Network& net, CpmPasses& passes) {
  const size_t n = net.n;
  passes.late.resize(2 * n);
  const int32_t* early = passes.early.data();
  int32_t* __restrict late = passes.late.data();
  const uint32_t* begin = net.succs.begin.data();
  const uint32_t* mid = net.succs.mid.data();
  const uint32_t* ref = net.succs.ref.data();
  const int32_t* lag = net.succs.lag.data();
  const int32_t f = passes.finish;
  for (size_t k = n; k-- > 0;) {
    const int32_t dv = early[2 * k + 1] - early[2 * k];
    const uint32_t b = begin[k], m = mid[k], e = begin[k + 1];
    int32_t ls_bound = std::numeric_limits<int32_t>::max();
    for (uint32_t j = b; j < m; ++j) ls_bound = std::min(ls_bound, late[ref[j]] - lag[j]);
    int32_t lf = f;
    for (uint32_t j = m; j < e; ++j) lf = std::min(lf, late[ref[j]] - lag[j]);
    if (b != m) lf = std::min(lf, ls_bound + dv);
    late[2 * k] = lf - dv;
    late[2 * k + 1] = lf;
  }
}

namespace {

// Slack of outgoing link j of task k (how far its constraint is from binding).
int32_t OutSlack(const Network& net, const int32_t* early, size_t k, uint32_t j) {
  const bool start_group = j < net.succs.mid[k];
  const int32_t own = start_group ? early[2 * k] : early[2 * k + 1];
  return early[net.succs.ref[j]] - net.succs.lag[j] - own;
}

// Slack of incoming link j of task k.
int32_t InSlack(const Network& net, const int32_t* early, size_t k, uint32_t j) {
  const bool start_group = j < net.preds.mid[k];
  const int32_t own = start_group ? early[2 * k] : early[2 * k + 1];
  return own - net.preds.lag[j] - early[net.preds.ref[j]];
}

}  // namespace

Schedule ComputeSchedule(const Network& net) {
  CpmPasses passes;
  RunForwardPass(net, passes);
  RunBackwardPass(net, passes);
  const int32_t* early = passes.early.data();
  const int32_t* late = passes.late.data();
  const WorkCalendar& cal = net.calendar;
  const int32_t f = passes.finish;

  Schedule s;
  s.finish_position = f;
  s.start = cal.Day(0);
  s.finish = cal.FinishDate(f, f);
  s.target = net.target;
  s.status_date = net.status_date;
  s.tasks.resize(net.n);
  std::vector<uint8_t> critical(net.n, 0);  // by topological index
  for (size_t k = 0; k < net.n; ++k) {
    TaskSchedule& t = s.tasks[net.order[k]];
    t.early_start = early[2 * k];
    t.early_finish = early[2 * k + 1];
    t.late_start = late[2 * k];
    t.late_finish = late[2 * k + 1];
    t.progress = net.progress[k];
    t.start = cal.StartDate(t.early_start, t.early_finish);
    t.finish = cal.FinishDate(t.early_start, t.early_finish);
    t.late_start_date = cal.StartDate(t.late_start, t.late_finish);
    t.late_finish_date = cal.FinishDate(t.late_start, t.late_finish);
    if (t.progress != Progress::kFinished) {
      t.total_float = t.late_finish - t.early_finish;
      int32_t ff = f - t.early_finish;
      bool any = false;
      for (uint32_t j = net.succs.begin[k]; j < net.succs.begin[k + 1]; ++j) {
        int32_t slack = OutSlack(net, early, k, j);
        ff = any ? std::min(ff, slack) : slack;
        any = true;
      }
      t.free_float = ff;
      t.critical = *t.total_float <= 0;
      critical[k] = t.critical ? 1 : 0;
    }
    if (net.target_end) t.float_to_target = *net.target_end - t.early_finish;
    if (net.deadline[k]) t.deadline_missed = t.finish > *net.deadline[k];
  }

  // The critical path, found backwards from the first qualifying task in file order.
  auto zero_slack_critical_succ = [&](size_t k) {
    for (uint32_t j = net.succs.begin[k]; j < net.succs.begin[k + 1]; ++j) {
      if (critical[net.succs.ref[j] >> 1] && OutSlack(net, early, k, j) == 0) return true;
    }
    return false;
  };
  std::optional<uint32_t> current;
  for (uint32_t i = 0; i < net.n; ++i) {
    uint32_t k = net.rank[i];
    if (critical[k] && early[2 * k + 1] == f && !zero_slack_critical_succ(k)) {
      current = k;
      break;
    }
  }
  while (current) {
    const uint32_t k = *current;
    s.critical_path.push_back(net.order[k]);
    std::optional<uint32_t> next;
    for (uint32_t j = net.preds.begin[k]; j < net.preds.begin[k + 1]; ++j) {
      uint32_t p = net.preds.ref[j] >> 1;
      if (!critical[p] || InSlack(net, early, k, j) != 0) continue;
      if (!next || net.order[p] < net.order[*next]) next = p;
    }
    current = next;
  }
  std::reverse(s.critical_path.begin(), s.critical_path.end());
  return s;
}

Result<Schedule> ComputeSchedule(const model::Program& program, const ScheduleOptions& options) {
  CompileOptions co;
  co.as_of = options.as_of;
  TPMKIT_ASSIGN_OR_RETURN(Network net, Compile(program, co));
  return ComputeSchedule(net);
}

}  // namespace tpmkit::plan
