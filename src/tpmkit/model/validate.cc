#include "tpmkit/model/validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "tpmkit/base/limits.h"
#include "tpmkit/model/task_index.h"

namespace tpmkit::model {

namespace {

// Shortest text that reads back to the same double; whole numbers below 10^16 in full
// (100000000, not 1e+08).
std::string Num(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e16) return fmt::format("{:.0f}", v);
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}
std::string Days(double v) { return Num(v) + "d"; }

// Exact: units, then cents when there are some (-3.05, 20000000000000).
std::string MoneyText(Money m) {
  int64_t c = m.cents();  // never INT64_MIN (base/money.h)
  uint64_t a = static_cast<uint64_t>(c < 0 ? -c : c);
  std::string out = fmt::format("{}{}", c < 0 ? "-" : "", a / 100);
  if (a % 100 != 0) out += fmt::format(".{:02}", a % 100);
  return out;
}

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
      if (p_.assumptions[i].empty()) {
        Add(fmt::format("assumptions[{}]", i), "assumption must not be empty");
      } else {
        TextBound(p_.assumptions[i], fmt::format("assumptions[{}]", i), "assumption");
      }
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
    // Messages quote values; one holding invalid UTF-8 is reported on its own and must
    // not make the message itself invalid text.
    if (limits::CheckText(message)) message = limits::ReplaceInvalidText(message);
    if (limits::CheckText(path)) path = limits::ReplaceInvalidText(path);
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
  // 0 <= v <= max (NaN fails).
  void UpTo(double v, double max, std::string path, std::string_view what) {
    if (!NonNegative(v)) {
      NotNegative(v, std::move(path), what);
    } else if (!(v <= max)) {
      Add(std::move(path), fmt::format("{} must be at most {}, got {}", what, Num(max), Num(v)));
    }
  }
  void NotNegative(Money v, std::string path, std::string_view what) {
    if (v.cents() < 0) {
      Add(std::move(path), fmt::format("{} must not be negative, got {}", what, Num(v.ToDouble())));
    } else {
      MoneyBound(v, std::move(path), what);
    }
  }
  // |v| within the money limit (base/limits.h).
  void MoneyBound(Money v, std::string path, std::string_view what) {
    if (v.cents() > limits::kMaxMoneyCents || v.cents() < -limits::kMaxMoneyCents) {
      Add(std::move(path), fmt::format("{} must be at most {} in absolute value, got {}", what,
                                       limits::kMaxMoneyUnits, MoneyText(v)));
    }
  }
  // A running total of amounts, reported once at the item that takes it past the limit.
  struct Total {
    int64_t cents = 0;
    bool reported = false;
  };
  void AddToTotal(Total& total, Money v, const std::string& path, std::string_view what) {
    if (total.reported) return;
    // Each amount is checked on its own; out-of-bounds ones do not count twice.
    if (v.cents() > limits::kMaxMoneyCents || v.cents() < -limits::kMaxMoneyCents) return;
    total.cents += v.cents() < 0 ? -v.cents() : v.cents();
    if (total.cents > limits::kMaxMoneyCents) {
      total.reported = true;
      Add(path, fmt::format("the total of {} must be at most {}, exceeded here", what,
                            limits::kMaxMoneyUnits));
    }
  }
  // A number of days that must be finite and at most the day limit; `lo` is 0 or
  // -kMaxDays. Returns false (with an issue) when out of bounds.
  bool DaysBound(double v, std::string path, std::string_view what, double lo = 0) {
    if (v >= lo && v <= limits::kMaxDays) return true;
    if (lo == 0 && v < 0) {
      Add(std::move(path), fmt::format("{} must not be negative, got {}", what, Days(v)));
    } else if (lo == 0) {
      Add(std::move(path), fmt::format("{} must be at most {} days (50 years of working days), "
                                       "got {}",
                                       what, Num(limits::kMaxDays), Days(v)));
    } else {
      Add(std::move(path), fmt::format("{} must be from {} to {}, got {}", what,
                                       Days(-limits::kMaxDays), Days(limits::kMaxDays), Days(v)));
    }
    return false;
  }
  void DateBound(const Date& d, std::string path, std::string_view what) {
    if (!limits::InDateRange(d)) {
      Add(std::move(path),
          fmt::format("{} must be a date from {} to {}, got {}", what, limits::kMinDate.ToString(),
                      limits::kMaxDate.ToString(), d.ToString()));
    }
  }
  void DateBound(const std::optional<Date>& d, std::string path, std::string_view what) {
    if (d) DateBound(*d, std::move(path), what);
  }
  // Text fields: valid UTF-8 without non-characters.
  void TextBound(std::string_view text, std::string path, std::string_view what) {
    if (auto problem = limits::CheckText(text)) {
      Add(std::move(path), fmt::format("{} must be valid UTF-8 text: {} at byte {}", what,
                                       problem->message, problem->offset));
    }
  }
  // The text fields of one element, in key order: {key, value}.
  void Texts(std::string_view base,
             std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
    for (auto [key, value] : fields) TextBound(value, fmt::format("{}.{}", base, key), key);
  }
  // Ids name entities in URLs, file names and mail headers: no control characters
  // (line breaks, tabs, escape sequences).
  void IdCharacters(std::string_view id, std::string path) {
    if (std::any_of(id.begin(), id.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
      Add(std::move(path), "id must not contain control characters (line breaks, tabs)");
    }
  }
  // Ids unique in one list: reports later occurrences.
  void Unique(std::string_view id, std::string_view base, std::string_view what,
              std::unordered_set<std::string_view>& seen) {
    IdCharacters(id, fmt::format("{}.id", base));
    if (id.empty()) {
      Add(fmt::format("{}.id", base), "id must not be empty");
    } else if (!seen.insert(id).second) {
      Add(fmt::format("{}.id", base), fmt::format("duplicate {} id '{}'", what, id));
    }
  }
  bool TaskExists(std::string_view ref) const { return index_.Find(ref).has_value(); }
  void TaskRefs(const std::vector<std::string>& refs, std::string_view path, std::string_view key) {
    for (size_t i = 0; i < refs.size(); ++i) {
      if (limits::CheckText(refs[i])) {
        TextBound(refs[i], fmt::format("{}[{}]", path, i), "task");
      } else if (!TaskExists(refs[i])) {
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
    Texts("program", {{"name", p_.name}, {"objective", p_.objective}, {"sponsor", p_.sponsor}});
    const auto& c = p_.currency;
    if (c.size() != 3 ||
        !std::all_of(c.begin(), c.end(), [](char x) { return x >= 'A' && x <= 'Z'; })) {
      Add("program.currency",
          fmt::format("currency must be 3 upper-case letters (ISO 4217), got '{}'", c));
    }
    DateBound(p_.start, "program.start", "start");
    DateBound(p_.target, "program.target", "target");
    DateBound(p_.status_date, "program.status_date", "status_date");
    // No plan can meet a target before it starts: a typo in one of the two dates.
    if (p_.target && *p_.target < p_.start && limits::InDateRange(*p_.target) &&
        limits::InDateRange(p_.start)) {
      Add("program.target", fmt::format("target {} is before the start {}", p_.target->ToString(),
                                        p_.start.ToString()));
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
    const auto& holidays = p_.calendar->holidays;
    if (holidays.size() > limits::kMaxHolidays) {
      Add("calendar.holidays", fmt::format("a calendar holds at most {} holidays, got {}",
                                           limits::kMaxHolidays, holidays.size()));
    }
    for (size_t i = 0; i < holidays.size(); ++i) {
      DateBound(holidays[i], fmt::format("calendar.holidays[{}]", i), "holiday");
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
    IdCharacters(t.id, site.Path(".id"));
    TextBound(t.id, site.Path(".id"), "id");
    TextBound(t.name, site.Path(".name"), "name");
    TextBound(t.owner, site.Path(".owner"), "owner");
    if (t.duration) {
      double d = *t.duration;
      if (!DaysBound(d, site.Path(".duration"), "duration")) {
        // reported
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
        if (!DaysBound(v, site.Path(fmt::format(".estimate.{}", key)), key)) negative = true;
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
      } else if (limits::CheckText(l.task)) {
        TextBound(l.task, site.Path(fmt::format(".depends[{}].task", k)), "task");
      } else if (targets[k] == kUnknown) {
        Add(site.Path(fmt::format(".depends[{}].task", k)),
            fmt::format("unknown task '{}' in depends", l.task));
      } else if (targets[k] == kSelf) {
        Add(site.Path(fmt::format(".depends[{}].task", k)),
            fmt::format("task '{}' depends on itself", t.id));
      }
      if (!DaysBound(l.lag, site.Path(fmt::format(".depends[{}].lag", k)), "lag",
                     -limits::kMaxDays)) {
        // reported
      } else if (l.lag != std::floor(l.lag)) {
        Add(site.Path(fmt::format(".depends[{}].lag", k)),
            fmt::format("lag must be a whole number of days, got {}", Days(l.lag)));
      }
      while (next_cycle < cycles.size() && cycles[next_cycle].first == k) {
        Add(site.Path(fmt::format(".depends[{}].task", k)), cycles[next_cycle++].second);
      }
    }
    for (size_t k = 0; k < t.resources.size(); ++k) {
      const auto& r = t.resources[k];
      if (limits::CheckText(r)) {
        TextBound(r, site.Path(fmt::format(".resources[{}]", k)), "resource");
      } else if (!std::any_of(p_.resources.begin(), p_.resources.end(),
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
    DateBound(t.actual_start, site.Path(".actual_start"), "actual_start");
    DateBound(t.actual_finish, site.Path(".actual_finish"), "actual_finish");
    if (t.actual_finish) {
      if (!t.actual_start) {
        Add(site.Path(".actual_finish"), "actual_finish needs an actual_start");
      } else if (*t.actual_finish < *t.actual_start) {
        Add(site.Path(".actual_finish"),
            fmt::format("actual_finish {} is before actual_start {}", t.actual_finish->ToString(),
                        t.actual_start->ToString()));
      }
    }
    if (t.baseline) {
      DateBound(t.baseline->start, site.Path(".baseline.start"), "start");
      DateBound(t.baseline->finish, site.Path(".baseline.finish"), "finish");
    }
    if (t.baseline && t.baseline->start && t.baseline->finish &&
        *t.baseline->finish < *t.baseline->start) {
      Add(site.Path(".baseline.finish"),
          fmt::format("baseline finish {} is before its start {}", t.baseline->finish->ToString(),
                      t.baseline->start->ToString()));
    }
    DateBound(t.start_no_earlier_than, site.Path(".start_no_earlier_than"),
              "start_no_earlier_than");
    DateBound(t.deadline, site.Path(".deadline"), "deadline");
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
    Total task_costs;
    for (size_t i = 0; i < p_.projects.size(); ++i) {
      const auto& pr = p_.projects[i];
      const std::string base = fmt::format("projects[{}]", i);
      if (pr.id.empty()) {
        Add(base + ".id", "id must not be empty");
      } else if (!project_ids.insert(pr.id).second) {
        Add(base + ".id", fmt::format("duplicate project id '{}'", pr.id));
      }
      Required(pr.name, base, "name");
      Texts(base, {{"id", pr.id}, {"name", pr.name}, {"owner", pr.owner}});
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
        if (t.cost)
          AddToTotal(task_costs, *t.cost, TaskSite{false, i, j}.Path(".cost"), "task costs");
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
      Texts(base, {{"id", d.id}, {"name", d.name}, {"provider", d.provider}, {"owner", d.owner}});
      DateBound(d.needed_by, base + ".needed_by", "needed_by");
      TaskRefs(d.tasks, base + ".tasks", "tasks");
      DateBound(d.expected, base + ".expected", "expected");
    }
  }

  void CheckResources() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.resources.size(); ++i) {
      const auto& r = p_.resources[i];
      const std::string base = fmt::format("resources[{}]", i);
      Unique(r.id, base, "resource", seen);
      Required(r.name, base, "name");
      Texts(base, {{"id", r.id}, {"name", r.name}});
      if (r.rate) NotNegative(*r.rate, base + ".rate", "rate");
      if (r.capacity) UpTo(*r.capacity, limits::kMaxCapacity, base + ".capacity", "capacity");
    }
  }

  void CheckActuals() {
    Total actuals;
    for (size_t i = 0; i < p_.actuals.size(); ++i) {
      const auto& a = p_.actuals[i];
      const std::string base = fmt::format("actuals[{}]", i);
      DateBound(a.date, base + ".date", "date");
      MoneyBound(a.amount, base + ".amount", "amount");
      AddToTotal(actuals, a.amount, base + ".amount", "actual amounts");
      Texts(base, {{"task", a.task}, {"note", a.note}});
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
        Texts(base, {{"id", c.id}, {"name", c.name}});
        UpTo(c.weight, limits::kMaxWeight, base + ".weight", "weight");
      }
    }
    for (size_t i = 0; i < sc.assessments.size(); ++i) {
      const auto& a = sc.assessments[i];
      const std::string base = fmt::format("scorecard.assessments[{}]", i);
      DateBound(a.date, base + ".date", "date");
      TextBound(a.by, base + ".by", "by");
      for (const auto& [key, rating] : sc.assessments[i].ratings) {
        std::string path = fmt::format("scorecard.assessments[{}].ratings.{}", i, key);
        if (limits::CheckText(key)) {
          TextBound(key, base + ".ratings", "criterion");
        } else if (!IsCriterion(key)) {
          Add(std::move(path), fmt::format("unknown criterion '{}' in ratings; expected one of: {}",
                                           key, CriteriaList()));
        } else {
          Rating(rating, std::move(path), fmt::format("rating '{}'", key));
        }
      }
      TextBound(a.notes, base + ".notes", "notes");
    }
  }

  void CheckRisks() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.risks.size(); ++i) {
      const auto& r = p_.risks[i];
      const std::string base = fmt::format("risks[{}]", i);
      Unique(r.id, base, "risk", seen);
      Required(r.title, base, "title");
      Texts(base, {{"id", r.id}, {"title", r.title}, {"category", r.category}, {"owner", r.owner}});
      DateBound(r.raised, base + ".raised", "raised");
      if (!r.category.empty() && !IsCriterion(r.category)) {
        Add(base + ".category",
            fmt::format("unknown category '{}'; expected a scorecard criterion: {}", r.category,
                        CriteriaList()));
      }
      Range(r.probability, 0, 1, base + ".probability", "probability");
      Rating(r.severity, base + ".severity", "severity");
      if (r.impact) {
        if (r.impact->schedule)
          DaysBound(*r.impact->schedule, base + ".impact.schedule", "schedule");
        if (r.impact->cost) NotNegative(*r.impact->cost, base + ".impact.cost", "cost");
        TaskRefs(r.impact->tasks, base + ".impact.tasks", "impact");
      }
      Texts(base, {{"mitigation", r.mitigation}, {"trigger", r.trigger}});
      DateBound(r.response_due, base + ".response_due", "response_due");
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
      Texts(base, {{"id", s.id}, {"name", s.name}, {"role", s.role}, {"channel", s.channel}});
      Rating(s.influence, base + ".influence", "influence");
      Rating(s.impact, base + ".impact", "impact");
      if (s.cadence && !(*s.cadence > 0 && std::isfinite(*s.cadence))) {
        Add(base + ".cadence",
            fmt::format("cadence must be more than 0 days, got {}", Days(*s.cadence)));
      } else if (s.cadence) {
        DaysBound(*s.cadence, base + ".cadence", "cadence");
      }
      DateBound(s.last_contact, base + ".last_contact", "last_contact");
      if (s.satisfaction) Rating(*s.satisfaction, base + ".satisfaction", "satisfaction");
      for (size_t k = 0; k < s.contacts.size(); ++k) {
        const std::string cbase = fmt::format("{}.contacts[{}]", base, k);
        DateBound(s.contacts[k].on, cbase + ".on", "on");
        TextBound(s.contacts[k].note, cbase + ".note", "note");
      }
    }
  }

  void CheckDecisions() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.decisions.size(); ++i) {
      const auto& d = p_.decisions[i];
      const std::string base = fmt::format("decisions[{}]", i);
      Unique(d.id, base, "decision", seen);
      Required(d.question, base, "question");
      Texts(base, {{"id", d.id}, {"question", d.question}, {"decision_rule", d.decision_rule}});
      std::unordered_set<std::string_view> crit_ids;
      for (size_t k = 0; k < d.criteria.size(); ++k) {
        const auto& c = d.criteria[k];
        const std::string cbase = fmt::format("{}.criteria[{}]", base, k);
        Unique(c.id, cbase, "criterion", crit_ids);
        Texts(cbase, {{"id", c.id}, {"name", c.name}});
        UpTo(c.weight, limits::kMaxWeight, cbase + ".weight", "weight");
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
        Texts(obase, {{"id", o.id}, {"name", o.name}});
        for (const auto& [key, score] : o.scores) {
          std::string path = fmt::format("{}.scores.{}", obase, key);
          const DecisionCriterion* c = criterion(key);
          if (limits::CheckText(key)) {
            TextBound(key, obase + ".scores", "criterion");
          } else if (!c) {
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
          if (sc.cost) MoneyBound(*sc.cost, obase + ".scenario.cost", "cost");
          if (sc.duration_factor) {
            TaskRefs(sc.duration_factor->tasks, obase + ".scenario.duration_factor.tasks",
                     "duration_factor");
            double f = sc.duration_factor->factor;
            if (!(f > 0 && std::isfinite(f))) {
              Add(obase + ".scenario.duration_factor.factor",
                  fmt::format("factor must be more than 0, got {}", Num(f)));
            } else if (f > limits::kMaxDurationFactor) {
              Add(obase + ".scenario.duration_factor.factor",
                  fmt::format("factor must be at most {}, got {}", Num(limits::kMaxDurationFactor),
                              Num(f)));
            }
          }
          TaskRefs(sc.remove_tasks, obase + ".scenario.remove_tasks", "remove_tasks");
          DateBound(sc.target, obase + ".scenario.target", "target");
        }
      }
      for (const auto& [who, weights] : d.stakeholder_weights) {
        std::string path = fmt::format("{}.stakeholder_weights.{}", base, who);
        if (limits::CheckText(who)) {
          TextBound(who, base + ".stakeholder_weights", "stakeholder");
          continue;
        }
        const std::string& id = who;  // clang 14 cannot capture a structured binding
        if (!std::any_of(p_.stakeholders.begin(), p_.stakeholders.end(),
                         [&](const Stakeholder& s) { return s.id == id; })) {
          Add(path, fmt::format("unknown stakeholder '{}' in stakeholder_weights", who));
        }
        for (const auto& [crit, w] : weights) {
          std::string wpath = fmt::format("{}.{}", path, crit);
          if (limits::CheckText(crit)) {
            TextBound(crit, path, "criterion");
          } else if (!criterion(crit)) {
            Add(std::move(wpath),
                fmt::format("unknown criterion '{}' in stakeholder_weights", crit));
          } else {
            UpTo(w, limits::kMaxWeight, std::move(wpath), "weight");
          }
        }
      }
      if (!d.chosen.empty() && !option_ids.count(d.chosen)) {
        Add(base + ".chosen", fmt::format("unknown option '{}' in chosen", d.chosen));
      }
      Texts(base, {{"rationale", d.rationale}, {"decided_by", d.decided_by}});
      DateBound(d.decided_on, base + ".decided_on", "decided_on");
    }
  }

  void CheckChanges() {
    std::unordered_set<std::string_view> seen;
    for (size_t i = 0; i < p_.changes.size(); ++i) {
      const auto& c = p_.changes[i];
      const std::string base = fmt::format("changes[{}]", i);
      Unique(c.id, base, "change", seen);
      Required(c.title, base, "title");
      Texts(base, {{"id", c.id}, {"title", c.title}, {"requested_by", c.requested_by}});
      DateBound(c.requested_on, base + ".requested_on", "requested_on");
      if (c.impact) {
        if (c.impact->schedule)
          DaysBound(*c.impact->schedule, base + ".impact.schedule", "schedule");
        if (c.impact->cost) NotNegative(*c.impact->cost, base + ".impact.cost", "cost");
      }
      CheckAddedTasks(c, i);
      for (size_t k = 0; k < c.approvals.size(); ++k) {
        const auto& a = c.approvals[k];
        const std::string abase = fmt::format("{}.approvals[{}]", base, k);
        TextBound(a.by, abase + ".by", "by");
        DateBound(a.on, abase + ".on", "on");
        TextBound(a.note, abase + ".note", "note");
      }
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
    Total costs;
    for (size_t k = 0; k < added.size(); ++k) {
      task_cycles.clear();
      while (next_cycle < cycles.size() && cycles[next_cycle].node == k) {
        const Cycle& cy = cycles[next_cycle++];
        task_cycles.emplace_back(cy.link, CycleMessage(cy, [&](uint32_t v) -> const std::string& {
                                   return added[v].id;
                                 }));
      }
      CheckTask(added[k], TaskSite{true, ci, k}, duplicate[k], targets.data() + link, task_cycles);
      if (added[k].cost) {
        AddToTotal(costs, *added[k].cost, TaskSite{true, ci, k}.Path(".cost"), "added task costs");
      }
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
      Texts(base, {{"id", item.id}, {"owner", item.owner}});
      DateBound(item.due, base + ".due", "due");
      for (size_t k = 0; k < item.evidence.size(); ++k) {
        const auto& e = item.evidence[k];
        const std::string ebase = fmt::format("{}.evidence[{}]", base, k);
        Texts(ebase, {{"path", e.path}, {"sha256", e.sha256}, {"url", e.url}});
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
      if (item.signoff) {
        Required(item.signoff->by, base + ".signoff", "by");
        TextBound(item.signoff->by, base + ".signoff.by", "by");
        DateBound(item.signoff->on, base + ".signoff.on", "on");
      }
      TextBound(item.note, base + ".note", "note");
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

std::vector<ValidationIssue> ValidationWarnings(const Program& program) {
  std::vector<ValidationIssue> out;
  if (!program.status_date) return out;
  const Date status = *program.status_date;
  auto after = [&](const Date& d, std::string path, std::string_view what) {
    if (d <= status) return;
    out.push_back({std::move(path),
                   fmt::format("{} {} is after the status date {}: the status date may be out of "
                               "date (the reports are as of it)",
                               what, d.ToString(), status.ToString())});
  };
  for (size_t i = 0; i < program.stakeholders.size(); ++i) {
    const auto& s = program.stakeholders[i];
    const std::string base = fmt::format("stakeholders[{}]", i);
    if (s.last_contact) after(*s.last_contact, base + ".last_contact", "last contact");
    for (size_t k = 0; k < s.contacts.size(); ++k) {
      after(s.contacts[k].on, fmt::format("{}.contacts[{}].on", base, k), "contact");
    }
  }
  if (program.audit) {
    for (size_t i = 0; i < program.audit->items.size(); ++i) {
      const auto& item = program.audit->items[i];
      if (item.signoff) {
        after(item.signoff->on, fmt::format("audit.items[{}].signoff.on", i), "sign-off");
      }
    }
  }
  return out;
}

}  // namespace tpmkit::model
