#include "tpmkit/model/validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "tpmkit/model/task_index.h"

namespace tpmkit::model {

namespace {

// Shortest text that reads back to the same double.
std::string Num(double v) {
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}
std::string Days(double v) { return Num(v) + "d"; }

// Comparisons written so that NaN fails them.
bool InRange(double v, double lo, double hi) { return v >= lo && v <= hi; }
bool NonNegative(double v) { return v >= 0 && std::isfinite(v); }

bool IsProgramId(std::string_view id) {
  auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '_' || c == '-'));
  };
  if (id.empty() || !ok(id[0], true)) return false;
  return std::all_of(id.begin() + 1, id.end(), [&](char c) { return ok(c, false); });
}

bool IsSha256(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// A directed graph in CSR form: node -> resolved predecessors, with the index of the
// link (in the task's `depends`) that each edge comes from.
struct Graph {
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> targets;
  std::vector<uint32_t> links;
  size_t size() const { return offsets.size() - 1; }
};

struct Cycle {
  uint32_t node;                // the task whose link closes the cycle
  uint32_t link;                // index in that task's depends
  std::vector<uint32_t> nodes;  // the cycle, from the closing link's target to `node`
};

// Every back edge of an iterative depth-first search (roots in file order, edges in
// link order) as one cycle. No recursion, so 100k-task chains are fine.
std::vector<Cycle> FindCycles(const Graph& g) {
  enum : uint8_t { kWhite, kGray, kBlack };
  std::vector<uint8_t> color(g.size(), kWhite);
  std::vector<uint32_t> depth(g.size(), 0);  // position on the stack while gray
  struct Frame {
    uint32_t node;
    uint32_t edge;
  };
  std::vector<Frame> stack;
  std::vector<Cycle> cycles;
  for (uint32_t root = 0; root < g.size(); ++root) {
    if (color[root] != kWhite) continue;
    color[root] = kGray;
    depth[root] = 0;
    stack.push_back({root, g.offsets[root]});
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.edge == g.offsets[top.node + 1]) {
        color[top.node] = kBlack;
        stack.pop_back();
        continue;
      }
      uint32_t e = top.edge++;
      uint32_t w = g.targets[e];
      if (color[w] == kWhite) {
        color[w] = kGray;
        depth[w] = static_cast<uint32_t>(stack.size());
        stack.push_back({w, g.offsets[w]});
      } else if (color[w] == kGray) {
        Cycle c{top.node, g.links[e], {}};
        for (size_t i = depth[w]; i < stack.size(); ++i) c.nodes.push_back(stack[i].node);
        cycles.push_back(std::move(c));
      }
    }
  }
  std::sort(cycles.begin(), cycles.end(), [](const Cycle& a, const Cycle& b) {
    return a.node != b.node ? a.node < b.node : a.link < b.link;
  });
  return cycles;
}

// "dependency cycle: a -> b -> c -> a" (each task depends on the next); very long
// cycles are shortened in the middle.
template <typename IdOf>
std::string CycleMessage(const Cycle& c, IdOf&& id_of) {
  constexpr size_t kShown = 20;
  std::string m = "dependency cycle: ";
  const size_t n = c.nodes.size();
  for (size_t i = 0; i < n; ++i) {
    if (n > 2 * kShown && i == kShown) {
      m += fmt::format("... ({} more) -> ", n - 2 * kShown);
      i = n - kShown;
    }
    m += id_of(c.nodes[i]);
    m += " -> ";
  }
  m += id_of(c.nodes[0]);
  return m;
}

constexpr int32_t kUnknown = -1;
constexpr int32_t kSelf = -2;
constexpr int32_t kOutside = -3;  // resolves, but to a node outside the graph

class Validator {
 public:
  explicit Validator(const Program& p) : p_(p), index_(p), criteria_(p.EffectiveCriteria()) {}

  std::vector<ValidationIssue> Run() {
    CheckProgram();
    CheckCalendar();
    for (size_t i = 0; i < p_.assumptions.size(); ++i) {
      if (p_.assumptions[i].empty())
        Add(fmt::format("assumptions[{}]", i), "assumption must not be empty");
    }
    CheckProjects();
    CheckDependencies();
    CheckResources();
    CheckActuals();
    CheckScorecard();
    CheckRisks();
    CheckStakeholders();
    CheckDecisions();
    CheckChanges();
    CheckAudit();
    CheckTargets();
    return std::move(issues_);
  }

 private:
  void Add(std::string path, std::string message) {
    issues_.push_back({std::move(path), std::move(message)});
  }
  void Required(const std::string& value, std::string_view path_prefix, std::string_view key) {
    if (value.empty())
      Add(fmt::format("{}.{}", path_prefix, key), fmt::format("{} must not be empty", key));
  }
  void Rating(int v, std::string path, std::string_view what) {
    if (v < 1 || v > 5) {
      Add(std::move(path), fmt::format("{} must be an integer from 1 to 5, got {}", what, v));
    }
  }
  void Range(double v, double lo, double hi, std::string path, std::string_view what) {
    if (!InRange(v, lo, hi)) {
      Add(std::move(path),
          fmt::format("{} must be a number from {} to {}, got {}", what, Num(lo), Num(hi), Num(v)));
    }
  }
  void NotNegative(double v, std::string path, std::string_view what, bool days = false) {
    if (!NonNegative(v)) {
      Add(std::move(path),
          fmt::format("{} must not be negative, got {}", what, days ? Days(v) : Num(v)));
    }
  }
  void NotNegative(Money v, std::string path, std::string_view what) {
    if (v.cents() < 0)
      Add(std::move(path), fmt::format("{} must not be negative, got {}", what, Num(v.ToDouble())));
  }
  // Ids unique in one list: reports later occurrences.
  void Unique(std::string_view id, std::string_view base, std::string_view what,
              std::unordered_set<std::string_view>& seen) {
    if (id.empty()) {
      Add(fmt::format("{}.id", base), "id must not be empty");
    } else if (!seen.insert(id).second) {
      Add(fmt::format("{}.id", base), fmt::format("duplicate {} id '{}'", what, id));
    }
  }
  bool TaskExists(std::string_view ref) const { return index_.Find(ref).has_value(); }
  void TaskRefs(const std::vector<std::string>& refs, std::string_view path, std::string_view key) {
    for (size_t i = 0; i < refs.size(); ++i) {
      if (!TaskExists(refs[i])) {
        Add(fmt::format("{}[{}]", path, i), fmt::format("unknown task '{}' in {}", refs[i], key));
      }
    }
  }
  bool IsCriterion(std::string_view id) const {
    return std::any_of(criteria_.begin(), criteria_.end(),
                       [&](const Criterion& c) { return c.id == id; });
  }
  std::string CriteriaList() const {
    std::string out;
    for (const auto& c : criteria_) {
      if (!out.empty()) out += ", ";
      out += c.id;
    }
    return out;
  }

  void CheckProgram() {
    if (p_.id.empty()) {
      Add("program.id", "id must not be empty");
    } else if (!IsProgramId(p_.id)) {
      Add("program.id", fmt::format("program id '{}' must match [a-z0-9][a-z0-9_-]*", p_.id));
    }
    Required(p_.name, "program", "name");
    const auto& c = p_.currency;
    if (c.size() != 3 ||
        !std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; })) {
      Add("program.currency",
          fmt::format("currency must be 3 upper-case letters (ISO 4217), got '{}'", c));
    }
    if (p_.budget) NotNegative(*p_.budget, "program.budget", "budget");
  }

  void CheckCalendar() {
    if (!p_.calendar) return;
    const auto& week = p_.calendar->workweek;
    if (week.empty()) Add("calendar.workweek", "workweek must name at least one day");
    for (size_t i = 0; i < week.size(); ++i) {
      if (std::find(week.begin(), week.begin() + static_cast<long>(i), week[i]) !=
          week.begin() + static_cast<long>(i)) {
        Add(fmt::format("calendar.workweek[{}]", i),
            fmt::format("duplicate day '{}' in workweek", WeekdayName(week[i])));
      }
    }
  }

  // Where a task sits: a plan task or a task a change would add.
  struct TaskSite {
    bool added;
    size_t outer;
    size_t inner;
    std::string Path(std::string_view suffix) const {
      return added ? fmt::format("changes[{}].adds_tasks[{}]{}", outer, inner, suffix)
                   : fmt::format("projects[{}].tasks[{}]{}", outer, inner, suffix);
    }
  };

  // The checks of one task, in the order of its keys. `targets[k]` is the resolution of
  // depends[k] (kUnknown, kSelf, or a node); `cycles` the cycles its links close.
  void CheckTask(const Task& t, const TaskSite& site, bool duplicate_id, const int32_t* targets,
                 const std::vector<std::pair<uint32_t, std::string>>& cycles) {
    if (t.id.empty()) {
      Add(site.Path(".id"), "id must not be empty");
    } else if (duplicate_id) {
      Add(site.Path(".id"), fmt::format("duplicate task id '{}'", t.id));
    }
    if (t.name.empty()) Add(site.Path(".name"), "name must not be empty");
    if (t.duration) {
      double d = *t.duration;
      if (!NonNegative(d)) {
        Add(site.Path(".duration"), fmt::format("duration must not be negative, got {}", Days(d)));
      } else if (d != std::floor(d)) {
        Add(site.Path(".duration"),
            fmt::format("duration must be a whole number of days, got {}", Days(d)));
      } else if (t.milestone && d != 0) {
        Add(site.Path(".duration"), fmt::format("a milestone has no duration, got {}", Days(d)));
      }
    }
    if (t.estimate) {
      const Estimate& e = *t.estimate;
      if (t.duration) {
        Add(site.Path(".estimate"), "duration and estimate are exclusive");
      } else if (t.milestone) {
        Add(site.Path(".estimate"), "a milestone has no estimate");
      }
      bool negative = false;
      for (auto [v, key] : {std::pair<double, std::string_view>{e.optimistic, "optimistic"},
                            std::pair<double, std::string_view>{e.likely, "likely"},
                            std::pair<double, std::string_view>{e.pessimistic, "pessimistic"}}) {
        if (!NonNegative(v)) {
          negative = true;
          Add(site.Path(fmt::format(".estimate.{}", key)),
              fmt::format("{} must not be negative, got {}", key, Days(v)));
        }
      }
      if (!negative && !(e.optimistic <= e.likely && e.likely <= e.pessimistic)) {
        Add(site.Path(".estimate"),
            fmt::format("estimate needs optimistic <= likely <= pessimistic, got {}, {}, {}",
                        Days(e.optimistic), Days(e.likely), Days(e.pessimistic)));
      }
    }
    size_t next_cycle = 0;
    for (size_t k = 0; k < t.depends.size(); ++k) {
      const Link& l = t.depends[k];
      if (l.task.empty()) {
        Add(site.Path(fmt::format(".depends[{}].task", k)), "task must not be empty");
      } else if (targets[k] == kUnknown) {
        Add(site.Path(fmt::format(".depends[{}].task", k)),
            fmt::format("unknown task '{}' in depends", l.task));
      } else if (targets[k] == kSelf) {
        Add(site.Path(fmt::format(".depends[{}].task", k)),
            fmt::format("task '{}' depends on itself", t.id));
      }
      if (l.lag != std::floor(l.lag) || !std::isfinite(l.lag)) {
        Add(site.Path(fmt::format(".depends[{}].lag", k)),
            fmt::format("lag must be a whole number of days, got {}", Days(l.lag)));
      }
      while (next_cycle < cycles.size() && cycles[next_cycle].first == k) {
        Add(site.Path(fmt::format(".depends[{}].task", k)), cycles[next_cycle++].second);
      }
    }
    for (size_t k = 0; k < t.resources.size(); ++k) {
      const auto& r = t.resources[k];
      if (!std::any_of(p_.resources.begin(), p_.resources.end(),
                       [&](const Resource& x) { return x.id == r; })) {
        Add(site.Path(fmt::format(".resources[{}]", k)),
            fmt::format("unknown resource '{}' in resources", r));
      }
    }
    if (t.cost) NotNegative(*t.cost, site.Path(".cost"), "cost");
    if (t.percent_complete) {
      double pc = *t.percent_complete;
      if (!InRange(pc, 0, 100)) {
        Add(site.Path(".percent_complete"),
            fmt::format("percent_complete must be a number from 0 to 100, got {}", Num(pc)));
      } else if (pc > 0 && !t.actual_start) {
        Add(site.Path(".percent_complete"),
            fmt::format("percent_complete {} needs an actual_start", Num(pc)));
      } else if (t.actual_finish && pc != 100) {
        Add(site.Path(".percent_complete"),
            fmt::format("percent_complete must be 100 when actual_finish is set, got {}", Num(pc)));
      }
    }
    if (t.actual_finish) {
      if (!t.actual_start) {
        Add(site.Path(".actual_finish"), "actual_finish needs an actual_start");
      } else if (*t.actual_finish < *t.actual_start) {
        Add(site.Path(".actual_finish"),
            fmt::format("actual_finish {} is before actual_start {}", t.actual_finish->ToString(),
                        t.actual_start->ToString()));
      }
    }
    if (t.baseline && t.baseline->start && t.baseline->finish &&
        *t.baseline->finish < *t.baseline->start) {
      Add(site.Path(".baseline.finish"),
          fmt::format("baseline finish {} is before its start {}", t.baseline->finish->ToString(),
                      t.baseline->start->ToString()));
    }
  }

  void CheckProjects() {
    const size_t n = p_.TaskCount();
    // Resolve every link once: for the unknown-task messages and the cycle graph.
    Graph g;
    g.offsets.reserve(n + 1);
    std::vector<int32_t> targets;
    std::vector<const Task*> tasks;
    tasks.reserve(n);
    for (const auto& pr : p_.projects) {
      for (const auto& t : pr.tasks) {
        const auto self = static_cast<uint32_t>(tasks.size());
        tasks.push_back(&t);
        for (size_t k = 0; k < t.depends.size(); ++k) {
          auto ref = index_.Find(t.depends[k].task);
          int32_t target = kUnknown;
          if (ref) target = ref->flat == self ? kSelf : static_cast<int32_t>(ref->flat);
          targets.push_back(target);
          if (target >= 0) {
            g.targets.push_back(static_cast<uint32_t>(target));
            g.links.push_back(static_cast<uint32_t>(k));
          }
        }
        g.offsets.push_back(static_cast<uint32_t>(g.targets.size()));
      }
    }
    auto cycles = FindCycles(g);
    std::unordered_set<std::string_view> project_ids;
    size_t flat = 0, link = 0, next_cycle = 0;
    std::vector<std::pair<uint32_t, std::string>> task_cycles;
    for (size_t i = 0; i < p_.projects.size(); ++i) {
      const auto& pr = p_.projects[i];
      const std::string base = fmt::format("projects[{}]", i);
      if (pr.id.empty()) {
        Add(base + ".id", "id must not be empty");
      } else if (!project_ids.insert(pr.id).second) {
        Add(base + ".id", fmt::format("duplicate project id '{}'", pr.id));
      }
      Required(pr.name, base, "name");
      for (size_t j = 0; j < pr.tasks.size(); ++j, ++flat) {
        const Task& t = pr.tasks[j];
        task_cycles.clear();
        while (next_cycle < cycles.size() && cycles[next_cycle].node == flat) {
          const Cycle& c = cycles[next_cycle++];
          task_cycles.emplace_back(c.link, CycleMessage(c, [&](uint32_t v) -> const std::string& {
                                     return tasks[v]->id;
                                   }));
        }
        bool duplicate = false;
        if (!t.id.empty()) {
          auto first = index_.Find(t.id);
          duplicate = first && first->flat != flat;
        }
        CheckTask(t, TaskSite{false, i, j}, duplicate, targets.data() + link, task_cycles);
        link += t.depends.size();
      }
    }
  }

  void CheckDependencies() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.dependencies.size(); ++i) {
      const auto& d = p_.dependencies[i];
      const std::string base = fmt::format("dependencies[{}]", i);
      Unique(d.id, base, "dependency", seen);
      Required(d.name, base, "name");
      TaskRefs(d.tasks, base + ".tasks", "tasks");
    }
  }

  void CheckResources() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.resources.size(); ++i) {
      const auto& r = p_.resources[i];
      const std::string base = fmt::format("resources[{}]", i);
      Unique(r.id, base, "resource", seen);
      Required(r.name, base, "name");
      if (r.rate) NotNegative(*r.rate, base + ".rate", "rate");
      if (r.capacity) NotNegative(*r.capacity, base + ".capacity", "capacity");
    }
  }

  void CheckActuals() {
    for (size_t i = 0; i < p_.actuals.size(); ++i) {
      const auto& a = p_.actuals[i];
      if (!a.task.empty() && !TaskExists(a.task)) {
        Add(fmt::format("actuals[{}].task", i),
            fmt::format("unknown task '{}' in actuals", a.task));
      }
    }
  }

  void CheckScorecard() {
    if (!p_.scorecard) return;
    const auto& sc = *p_.scorecard;
    if (sc.criteria) {
      std::unordered_set<std::string_view> seen;
      for (size_t i = 0; i < sc.criteria->size(); ++i) {
        const auto& c = (*sc.criteria)[i];
        const std::string base = fmt::format("scorecard.criteria[{}]", i);
        Unique(c.id, base, "criterion", seen);
        NotNegative(c.weight, base + ".weight", "weight");
      }
    }
    for (size_t i = 0; i < sc.assessments.size(); ++i) {
      for (const auto& [key, rating] : sc.assessments[i].ratings) {
        std::string path = fmt::format("scorecard.assessments[{}].ratings.{}", i, key);
        if (!IsCriterion(key)) {
          Add(std::move(path), fmt::format("unknown criterion '{}' in ratings; expected one of: {}",
                                           key, CriteriaList()));
        } else {
          Rating(rating, std::move(path), fmt::format("rating '{}'", key));
        }
      }
    }
  }

  void CheckRisks() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.risks.size(); ++i) {
      const auto& r = p_.risks[i];
      const std::string base = fmt::format("risks[{}]", i);
      Unique(r.id, base, "risk", seen);
      Required(r.title, base, "title");
      if (!r.category.empty() && !IsCriterion(r.category)) {
        Add(base + ".category",
            fmt::format("unknown category '{}'; expected a scorecard criterion: {}", r.category,
                        CriteriaList()));
      }
      Range(r.probability, 0, 1, base + ".probability", "probability");
      Rating(r.severity, base + ".severity", "severity");
      if (r.impact) {
        if (r.impact->schedule)
          NotNegative(*r.impact->schedule, base + ".impact.schedule", "schedule", true);
        if (r.impact->cost) NotNegative(*r.impact->cost, base + ".impact.cost", "cost");
        TaskRefs(r.impact->tasks, base + ".impact.tasks", "impact");
      }
      if (r.residual) {
        Range(r.residual->probability, 0, 1, base + ".residual.probability", "probability");
        Rating(r.residual->severity, base + ".residual.severity", "severity");
      }
    }
  }

  void CheckStakeholders() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.stakeholders.size(); ++i) {
      const auto& s = p_.stakeholders[i];
      const std::string base = fmt::format("stakeholders[{}]", i);
      Unique(s.id, base, "stakeholder", seen);
      Required(s.name, base, "name");
      Rating(s.influence, base + ".influence", "influence");
      Rating(s.impact, base + ".impact", "impact");
      if (s.cadence && !(*s.cadence > 0 && std::isfinite(*s.cadence))) {
        Add(base + ".cadence",
            fmt::format("cadence must be more than 0 days, got {}", Days(*s.cadence)));
      }
      if (s.satisfaction) Rating(*s.satisfaction, base + ".satisfaction", "satisfaction");
    }
  }

  void CheckDecisions() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.decisions.size(); ++i) {
      const auto& d = p_.decisions[i];
      const std::string base = fmt::format("decisions[{}]", i);
      Unique(d.id, base, "decision", seen);
      Required(d.question, base, "question");
      std::unordered_set<std::string_view> crit_ids;
      for (size_t k = 0; k < d.criteria.size(); ++k) {
        const auto& c = d.criteria[k];
        const std::string cbase = fmt::format("{}.criteria[{}]", base, k);
        Unique(c.id, cbase, "criterion", crit_ids);
        NotNegative(c.weight, cbase + ".weight", "weight");
      }
      auto criterion = [&](std::string_view id) -> const DecisionCriterion* {
        for (const auto& c : d.criteria) {
          if (c.id == id) return &c;
        }
        return nullptr;
      };
      std::unordered_set<std::string_view> option_ids;
      for (size_t k = 0; k < d.options.size(); ++k) {
        const auto& o = d.options[k];
        const std::string obase = fmt::format("{}.options[{}]", base, k);
        Unique(o.id, obase, "option", option_ids);
        Required(o.name, obase, "name");
        for (const auto& [key, score] : o.scores) {
          std::string path = fmt::format("{}.scores.{}", obase, key);
          const DecisionCriterion* c = criterion(key);
          if (!c) {
            Add(std::move(path), fmt::format("unknown criterion '{}' in scores", key));
          } else if (c->measure) {
            Add(std::move(path), fmt::format("criterion '{}' is measured ({}) and takes no score",
                                             key, Name(*c->measure)));
          } else {
            Rating(score, std::move(path), fmt::format("score '{}'", key));
          }
        }
        if (o.scenario) {
          const auto& sc = *o.scenario;
          if (sc.duration_factor) {
            TaskRefs(sc.duration_factor->tasks, obase + ".scenario.duration_factor.tasks",
                     "duration_factor");
            double f = sc.duration_factor->factor;
            if (!(f > 0 && std::isfinite(f))) {
              Add(obase + ".scenario.duration_factor.factor",
                  fmt::format("factor must be more than 0, got {}", Num(f)));
            }
          }
          TaskRefs(sc.remove_tasks, obase + ".scenario.remove_tasks", "remove_tasks");
        }
      }
      for (const auto& [who, weights] : d.stakeholder_weights) {
        std::string path = fmt::format("{}.stakeholder_weights.{}", base, who);
        if (!std::any_of(p_.stakeholders.begin(), p_.stakeholders.end(),
                         [&](const Stakeholder& s) { return s.id == who; })) {
          Add(path, fmt::format("unknown stakeholder '{}' in stakeholder_weights", who));
        }
        for (const auto& [crit, w] : weights) {
          std::string wpath = fmt::format("{}.{}", path, crit);
          if (!criterion(crit)) {
            Add(std::move(wpath),
                fmt::format("unknown criterion '{}' in stakeholder_weights", crit));
          } else {
            NotNegative(w, std::move(wpath), "weight");
          }
        }
      }
      if (!d.chosen.empty() && !option_ids.count(d.chosen)) {
        Add(base + ".chosen", fmt::format("unknown option '{}' in chosen", d.chosen));
      }
    }
  }

  void CheckChanges() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.changes.size(); ++i) {
      const auto& c = p_.changes[i];
      const std::string base = fmt::format("changes[{}]", i);
      Unique(c.id, base, "change", seen);
      Required(c.title, base, "title");
      if (c.impact) {
        if (c.impact->schedule)
          NotNegative(*c.impact->schedule, base + ".impact.schedule", "schedule", true);
        if (c.impact->cost) NotNegative(*c.impact->cost, base + ".impact.cost", "cost");
      }
      CheckAddedTasks(c, i);
    }
  }

  // Tasks a change would add: checked like plan tasks; their depends may name plan tasks
  // or other tasks of the same change; ids must be new to the plan and to the change.
  void CheckAddedTasks(const Change& c, size_t ci) {
    const auto& added = c.adds_tasks;
    std::unordered_map<std::string_view, uint32_t> local;
    std::vector<bool> duplicate(added.size(), false);
    for (size_t k = 0; k < added.size(); ++k) {
      const auto& id = added[k].id;
      if (id.empty()) continue;
      bool in_plan = index_.Find(id).has_value();
      bool fresh = local.emplace(id, static_cast<uint32_t>(k)).second;
      duplicate[k] = in_plan || !fresh;
    }
    Graph g;
    std::vector<int32_t> targets;
    for (size_t k = 0; k < added.size(); ++k) {
      const auto& t = added[k];
      for (size_t l = 0; l < t.depends.size(); ++l) {
        const auto& ref = t.depends[l].task;
        int32_t target = kUnknown;
        if (auto it = local.find(ref); it != local.end()) {
          target = it->second == k ? kSelf : static_cast<int32_t>(it->second);
        } else if (index_.Find(ref)) {
          target = kOutside;
        }
        targets.push_back(target);
        if (target >= 0) {
          g.targets.push_back(static_cast<uint32_t>(target));
          g.links.push_back(static_cast<uint32_t>(l));
        }
      }
      g.offsets.push_back(static_cast<uint32_t>(g.targets.size()));
    }
    auto cycles = FindCycles(g);
    size_t link = 0, next_cycle = 0;
    std::vector<std::pair<uint32_t, std::string>> task_cycles;
    for (size_t k = 0; k < added.size(); ++k) {
      task_cycles.clear();
      while (next_cycle < cycles.size() && cycles[next_cycle].node == k) {
        const Cycle& cy = cycles[next_cycle++];
        task_cycles.emplace_back(cy.link, CycleMessage(cy, [&](uint32_t v) -> const std::string& {
                                   return added[v].id;
                                 }));
      }
      CheckTask(added[k], TaskSite{true, ci, k}, duplicate[k], targets.data() + link, task_cycles);
      link += added[k].depends.size();
    }
  }

  void CheckAudit() {
    if (!p_.audit) return;
    const auto& a = *p_.audit;
    if (a.retention_years && *a.retention_years < 1) {
      Add("audit.retention_years",
          fmt::format("retention_years must be at least 1, got {}", *a.retention_years));
    }
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < a.items.size(); ++i) {
      const auto& item = a.items[i];
      const std::string base = fmt::format("audit.items[{}]", i);
      Unique(item.id, base, "audit item", seen);
      for (size_t k = 0; k < item.evidence.size(); ++k) {
        const auto& e = item.evidence[k];
        const std::string ebase = fmt::format("{}.evidence[{}]", base, k);
        if (e.path.empty() && e.url.empty()) {
          Add(ebase, "evidence needs a path or a url");
        }
        if (!e.sha256.empty()) {
          if (e.path.empty()) {
            Add(ebase + ".sha256", "sha256 needs a path");
          } else if (!IsSha256(e.sha256)) {
            Add(ebase + ".sha256",
                fmt::format("sha256 must be 64 lower-case hex digits, got '{}'", e.sha256));
          }
        }
      }
      if (item.signoff) Required(item.signoff->by, base + ".signoff", "by");
    }
  }

  void CheckTargets() {
    if (!p_.targets) return;
    const auto& t = *p_.targets;
    if (t.spi) NotNegative(*t.spi, "targets.spi", "spi");
    if (t.cpi) NotNegative(*t.cpi, "targets.cpi", "cpi");
    if (t.p_on_time) Range(*t.p_on_time, 0, 1, "targets.p_on_time", "p_on_time");
    if (t.readiness) Range(*t.readiness, 0, 100, "targets.readiness", "readiness");
    if (t.satisfaction) Range(*t.satisfaction, 1, 5, "targets.satisfaction", "satisfaction");
    if (t.risk_score) Range(*t.risk_score, 0, 100, "targets.risk_score", "risk_score");
  }

  const Program& p_;
  TaskIndex index_;
  std::vector<Criterion> criteria_;
  std::vector<ValidationIssue> issues_;
};

}  // namespace

std::vector<ValidationIssue> Validate(const Program& program) { return Validator(program).Run(); }

}  // namespace tpmkit::model
