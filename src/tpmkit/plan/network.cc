#include "tpmkit/plan/network.h"

#include <algorithm>
#include <cmath>

#include "tpmkit/model/task_index.h"

namespace tpmkit::plan {

namespace {

// Integer CPM rounding: the smallest integer not below x, forgiving representation noise
// (3.0000000000000004 is 3).
int32_t CeilDays(double x) { return static_cast<int32_t>(std::ceil(x - 1e-9)); }

struct Edge {
  uint32_t src;  // file index
  uint32_t dst;  // file index
  model::LinkType type;
  double lag;
  uint32_t file_link;
};

bool StartsGroupIn(model::LinkType t) {
  return t == model::LinkType::kFS || t == model::LinkType::kSS;
}
// Which side of the predecessor an incoming link reads: finish for FS and FF.
uint32_t PredWhich(model::LinkType t) {
  return (t == model::LinkType::kFS || t == model::LinkType::kFF) ? 1 : 0;
}
// Outgoing links that bound the predecessor's late start: SS, SF.
bool StartsGroupOut(model::LinkType t) {
  return t == model::LinkType::kSS || t == model::LinkType::kSF;
}
// Which side of the successor an outgoing link reads: finish for FF and SF.
uint32_t SuccWhich(model::LinkType t) {
  return (t == model::LinkType::kFF || t == model::LinkType::kSF) ? 1 : 0;
}

void RecomputeRemaining(Network& net, uint32_t k) {
  net.duration[k] = net.milestone[k] ? 0 : std::max(0, CeilDays(net.duration_real[k]));
  net.remaining[k] = net.progress[k] == Progress::kInProgress
                         ? std::max(0, CeilDays(net.duration_real[k] * net.remaining_fraction[k]))
                         : 0;
}

}  // namespace

std::vector<const model::Task*> TasksInFileOrder(const model::Program& program) {
  std::vector<const model::Task*> out;
  out.reserve(program.TaskCount());
  for (const auto& p : program.projects) {
    for (const auto& t : p.tasks) out.push_back(&t);
  }
  return out;
}

Result<Network> Compile(const model::Program& program, const CompileOptions& options) {
  TPMKIT_ASSIGN_OR_RETURN(WorkCalendar cal, WorkCalendar::ForProgram(program, options.calendar));
  Network net(std::move(cal));
  const WorkCalendar& c = net.calendar;
  const std::vector<const model::Task*> tasks = TasksInFileOrder(program);
  const size_t n = tasks.size();
  net.n = n;
  model::TaskIndex index(program);

  // Links in file order, grouped by successor (file index).
  std::vector<Edge> edges;
  std::vector<uint32_t> fbegin(n + 1, 0);
  {
    size_t total = 0;
    for (const auto* t : tasks) total += t->depends.size();
    edges.reserve(total);
  }
  for (size_t i = 0; i < n; ++i) {
    fbegin[i] = static_cast<uint32_t>(edges.size());
    for (const auto& l : tasks[i]->depends) {
      auto ref = index.Find(l.task);
      if (!ref) {
        return Error::Invalid("task '" + tasks[i]->id + "' depends on unknown task '" + l.task +
                              "'");
      }
      edges.push_back({static_cast<uint32_t>(ref->flat), static_cast<uint32_t>(i), l.type, l.lag,
                       static_cast<uint32_t>(edges.size())});
    }
  }
  fbegin[n] = static_cast<uint32_t>(edges.size());

  // A topological order that keeps file order wherever the file allows it: tasks in file
  // order, each preceded by its not yet placed predecessors (depth first). A plan written
  // predecessors first compiles to the identity, which keeps the passes cache-friendly.
  net.order.reserve(n);
  {
    std::vector<uint8_t> state(n, 0);                  // 0 new, 1 on the stack, 2 placed
    std::vector<std::pair<uint32_t, uint32_t>> stack;  // (task, next link)
    for (uint32_t root = 0; root < n; ++root) {
      if (state[root]) continue;
      stack.push_back({root, fbegin[root]});
      state[root] = 1;
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next == fbegin[v + 1]) {
          state[v] = 2;
          net.order.push_back(v);
          stack.pop_back();
          continue;
        }
        uint32_t u = edges[next++].src;
        if (state[u] == 2) continue;
        if (state[u] == 1) {
          // The stack from u up holds u, a predecessor of u, ..., v; and u is a
          // predecessor of v. Name them in dependency direction.
          std::string msg = "dependency cycle: ";
          size_t from = 0;
          while (stack[from].first != u) ++from;
          for (size_t s = stack.size(); s-- > from;) msg += tasks[stack[s].first]->id + " -> ";
          msg += tasks[v]->id;
          return Error::Invalid(msg);
        }
        state[u] = 1;
        stack.push_back({u, fbegin[u]});
      }
    }
  }
  net.rank.assign(n, 0);
  for (uint32_t k = 0; k < n; ++k) net.rank[net.order[k]] = k;

  // Per-task data in topological order.
  net.duration_real.resize(n);
  net.duration.resize(n);
  net.milestone.resize(n);
  net.estimate.resize(n);
  net.lower_bound.assign(n, 0);
  net.progress.assign(n, Progress::kNotStarted);
  net.actual_start.assign(n, 0);
  net.actual_finish.assign(n, 0);
  net.remaining_fraction.assign(n, 1.0);
  net.remaining.assign(n, 0);
  net.deadline.resize(n);
  net.status_date = options.as_of ? options.as_of : program.status_date;
  net.status_pos = net.status_date ? static_cast<int32_t>(c.PosEnd(*net.status_date) + 1) : 0;
  net.target = program.target;
  if (program.target) net.target_end = static_cast<int32_t>(c.PosEnd(*program.target) + 1);

  for (uint32_t k = 0; k < n; ++k) {
    const model::Task& t = *tasks[net.order[k]];
    net.milestone[k] = t.milestone ? 1 : 0;
    net.duration_real[k] = t.PlannedDuration();
    if (t.estimate && !t.milestone) {
      net.estimate[k] = TaskEstimate{t.estimate->optimistic, t.estimate->likely,
                                     t.estimate->pessimistic, t.estimate->distribution};
    }
    net.deadline[k] = t.deadline;
    int32_t lb = 0;
    if (t.start_no_earlier_than)
      lb = std::max(lb, static_cast<int32_t>(c.Pos(*t.start_no_earlier_than)));
    net.lower_bound[k] = lb;
    if (net.status_date) {
      if (t.actual_finish) {
        net.progress[k] = Progress::kFinished;
        net.actual_finish[k] = static_cast<int32_t>(c.PosEnd(*t.actual_finish) + 1);
        net.actual_start[k] =
            t.actual_start ? static_cast<int32_t>(c.Pos(*t.actual_start))
                           : net.actual_finish[k] - std::max(0, CeilDays(net.duration_real[k]));
        net.remaining_fraction[k] = 0;
      } else if (t.actual_start) {
        net.progress[k] = Progress::kInProgress;
        net.actual_start[k] = static_cast<int32_t>(c.Pos(*t.actual_start));
        net.remaining_fraction[k] = (100.0 - t.PercentComplete()) / 100.0;
      }
    }
    RecomputeRemaining(net, k);
  }
  for (const auto& dep : program.dependencies) {
    if (dep.status == model::DependencyStatus::kDelivered || !dep.expected) continue;
    const int32_t p = static_cast<int32_t>(c.Pos(*dep.expected));
    for (const auto& ref : dep.tasks) {
      auto r = index.Find(ref);
      if (!r) return Error::Invalid("dependency '" + dep.id + "' names unknown task '" + ref + "'");
      int32_t& lb = net.lower_bound[net.rank[r->flat]];
      lb = std::max(lb, p);
    }
  }
  for (const auto& risk : program.risks) {
    RiskEffect e;
    e.id = risk.id;
    e.active =
        risk.status == model::RiskStatus::kOpen || risk.status == model::RiskStatus::kMitigating;
    e.probability = risk.probability;
    if (risk.status == model::RiskStatus::kMitigating && risk.residual) {
      e.probability = risk.residual->probability;
    }
    if (!risk.impact || !risk.impact->schedule) {
      net.risks.push_back(std::move(e));  // known by id (forced risks), without effect
      continue;
    }
    e.days = *risk.impact->schedule;
    for (const auto& ref : risk.impact->tasks) {
      auto r = index.Find(ref);
      if (!r) return Error::Invalid("risk '" + risk.id + "' names unknown task '" + ref + "'");
      e.tasks.push_back(net.rank[r->flat]);
    }
    net.risks.push_back(std::move(e));
  }
  if (net.status_date) {
    for (uint32_t k = 0; k < n; ++k) {
      if (net.progress[k] == Progress::kNotStarted) {
        net.lower_bound[k] = std::max(net.lower_bound[k], net.status_pos);
      }
    }
  }

  // CSR both ways, each task's links split into its start group then its finish group,
  // in file order within a group.
  auto build = [&](LinkCsr& csr, bool incoming) {
    const size_t m = edges.size();
    csr.begin.assign(n + 1, 0);
    csr.mid.assign(n, 0);
    csr.ref.resize(m);
    csr.lag.resize(m);
    csr.lag_real.resize(m);
    csr.type.resize(m);
    csr.file_link.resize(m);
    std::vector<uint32_t> start_count(n, 0), total(n, 0);
    for (const Edge& e : edges) {
      uint32_t k = net.rank[incoming ? e.dst : e.src];
      ++total[k];
      if (incoming ? StartsGroupIn(e.type) : StartsGroupOut(e.type)) ++start_count[k];
    }
    for (size_t k = 0; k < n; ++k) {
      csr.begin[k + 1] = csr.begin[k] + total[k];
      csr.mid[k] = csr.begin[k] + start_count[k];
    }
    std::vector<uint32_t> fill_start(csr.begin.begin(), csr.begin.end() - 1), fill_finish(csr.mid);
    for (const Edge& e : edges) {
      uint32_t k = net.rank[incoming ? e.dst : e.src];
      uint32_t other = net.rank[incoming ? e.src : e.dst];
      bool start = incoming ? StartsGroupIn(e.type) : StartsGroupOut(e.type);
      uint32_t slot = start ? fill_start[k]++ : fill_finish[k]++;
      csr.ref[slot] = 2 * other + (incoming ? PredWhich(e.type) : SuccWhich(e.type));
      csr.lag[slot] = CeilDays(e.lag);
      csr.lag_real[slot] = e.lag;
      csr.type[slot] = e.type;
      csr.file_link[slot] = e.file_link;
    }
  };
  build(net.preds, true);
  build(net.succs, false);
  return net;
}

void Network::ScaleDuration(size_t file_index, double factor) {
  uint32_t k = rank[file_index];
  duration_real[k] *= factor;
  if (estimate[k]) {
    estimate[k]->optimistic *= factor;
    estimate[k]->likely *= factor;
    estimate[k]->pessimistic *= factor;
  }
  RecomputeRemaining(*this, k);
}

void Network::SetDuration(size_t file_index, double days) {
  uint32_t k = rank[file_index];
  duration_real[k] = milestone[k] ? 0 : days;
  RecomputeRemaining(*this, k);
}

}  // namespace tpmkit::plan
