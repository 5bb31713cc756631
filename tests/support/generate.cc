#include "generate.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <string>

namespace tpmkit::testing {

namespace {

using model::LinkType;

class Gen {
 public:
  explicit Gen(uint64_t seed) : rng_(seed) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  double Real(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng_); }
  bool Chance(double p) { return Real(0, 1) < p; }

 private:
  std::mt19937_64 rng_;
};

std::string TaskId(int i) { return "t" + std::to_string(i); }

}  // namespace

model::Program GenerateProgram(const GenerateOptions& o) {
  Gen g(o.seed);
  model::Program p;
  p.id = "gen-" + std::to_string(o.seed);
  p.name = "Generated program " + std::to_string(o.seed);
  p.objective = "Exercise tpmkit at scale";
  p.sponsor = "Sponsor " + std::to_string(o.seed % 7);
  p.start = Date::FromYmd(2026, 1, 5);
  p.target = p.start + std::max(60, o.tasks / 2);
  if (o.progress) p.status_date = p.start + 21;
  if (g.Chance(0.5)) {
    model::Calendar cal;
    cal.holidays = {Date::FromYmd(2026, 5, 25), Date::FromYmd(2026, 7, 3)};
    p.calendar = cal;
  }
  p.assumptions = {"Teams are staffed as planned"};

  const int projects = std::max(1, std::min(o.projects, o.tasks));
  p.projects.resize(projects);
  for (int i = 0; i < projects; ++i) {
    p.projects[i].id = "p" + std::to_string(i);
    p.projects[i].name = "Project " + std::to_string(i);
    p.projects[i].owner = "Owner " + std::to_string(i);
  }
  // Tasks go round-robin into projects, so links cross projects. Task i may only
  // depend on tasks < i: the network is acyclic by construction.
  const double link_p = o.links_per_task / 6.0;
  for (int i = 0; i < o.tasks; ++i) {
    model::Task t;
    t.id = TaskId(i);
    t.name = "Task " + std::to_string(i);
    t.owner = "Person " + std::to_string(i % 17);
    if (i > 0 && g.Chance(0.03)) {
      t.milestone = true;
    } else if (g.Chance(0.7)) {
      double m = g.Int(1, 15);
      double lo = std::max(1.0, m - g.Int(0, 3));
      double hi = m + g.Int(0, 10);
      t.estimate = model::Estimate{lo, m, hi, static_cast<model::Distribution>(g.Int(0, 2))};
    } else {
      t.duration = g.Int(1, 20);
    }
    t.cost = Money::FromCents(int64_t{g.Int(0, 500)} * 100000);
    for (int k = 0; k < 6 && i > 0; ++k) {
      if (!g.Chance(link_p)) continue;
      // Mostly near predecessors, which gives long chains like real plans.
      int lo = std::max(0, i - 50);
      model::Link l;
      l.task = TaskId(g.Int(lo, i - 1));
      if (std::any_of(t.depends.begin(), t.depends.end(),
                      [&](const model::Link& x) { return x.task == l.task; }))
        continue;
      if (o.all_link_types) {
        l.type = static_cast<LinkType>(g.Chance(0.7) ? 0 : g.Int(1, 3));
        if (g.Chance(0.2)) l.lag = g.Int(-2, 5);
      }
      t.depends.push_back(l);
    }
    if (g.Chance(0.02)) t.start_no_earlier_than = p.start + g.Int(5, 60);
    if (g.Chance(0.02)) t.deadline = p.start + g.Int(20, 200);
    if (o.progress && i < o.tasks / 20) {
      t.actual_start = p.start + (i % 10);
      if (i % 3 == 0) {
        t.actual_finish = *t.actual_start + 5;
        t.percent_complete = 100;
      } else {
        t.percent_complete = g.Int(10, 90);
      }
    }
    p.projects[i % projects].tasks.push_back(std::move(t));
  }
  if (!o.registers) return p;

  p.dependencies.push_back({"vendor-api",
                            "Vendor API",
                            "Acme",
                            "Owner 0",
                            p.start + 30,
                            model::DependencyStatus::kAtRisk,
                            {TaskId(0)},
                            p.start + 35});
  p.resources.push_back({"eng", "Engineers", Money::FromDouble(800), 4});
  p.actuals.push_back({p.start + 20, Money::FromDouble(42000), "", "first month"});
  model::Scorecard sc;
  sc.assessments.push_back(
      {p.start + 10, "Reviewer", {{"budget", 2}, {"schedule", 3}, {"vendor", 4}}, ""});
  p.scorecard = sc;
  const auto& crit = model::DefaultCriteria();
  for (int i = 0; i < 8; ++i) {
    model::Risk r;
    r.id = "R-" + std::to_string(i);
    r.title = "Risk " + std::to_string(i);
    r.category = crit[i % crit.size()].id;
    r.owner = "Owner " + std::to_string(i % 3);
    r.status = static_cast<model::RiskStatus>(i % 4);
    r.probability = g.Int(1, 9) / 10.0;
    r.severity = g.Int(1, 5);
    if (g.Chance(0.6) && o.tasks > 0) {
      r.impact = model::RiskImpact{double(g.Int(1, 10)),
                                   Money::FromDouble(g.Int(1, 9) * 10000),
                                   {TaskId(g.Int(0, o.tasks - 1))}};
    }
    r.mitigation = "Mitigation " + std::to_string(i);
    if (g.Chance(0.5)) r.residual = model::Residual{0.1, 2};
    p.risks.push_back(std::move(r));
  }
  for (int i = 0; i < 6; ++i) {
    model::Stakeholder s;
    s.id = "s" + std::to_string(i);
    s.name = "Stakeholder " + std::to_string(i);
    s.role = "Role " + std::to_string(i);
    s.influence = g.Int(1, 5);
    s.impact = g.Int(1, 5);
    s.stance = static_cast<model::Stance>(i % 3);
    s.channel = "email";
    if (i % 2) s.last_contact = p.start + i;
    p.stakeholders.push_back(std::move(s));
  }
  model::Decision d;
  d.id = "D-1";
  d.question = "Add people or move the date?";
  d.decision_rule = "Highest weighted score";
  d.criteria = {{"cost", "Cost", 40, model::Measure::kCost}, {"risk", "Risk", 60, std::nullopt}};
  d.options = {{"add",
                "Add people",
                {{"risk", 3}},
                model::Scenario{Money::FromDouble(50000), std::nullopt, {}, std::nullopt}},
               {"move",
                "Move the date",
                {{"risk", 4}},
                model::Scenario{std::nullopt, std::nullopt, {}, *p.target + 20}}};
  p.decisions.push_back(std::move(d));
  model::Change c;
  c.id = "CR-1";
  c.title = "Extra report";
  c.requested_by = "Sales";
  c.requested_on = p.start + 15;
  c.impact = model::ChangeImpact{3.0, Money::FromDouble(10000)};
  p.changes.push_back(std::move(c));
  model::Audit a;
  a.retention_years = 7;
  a.items.push_back({"requirements",
                     model::AuditStatus::kDone,
                     "Owner 1",
                     p.start + 40,
                     {{"", "", "https://wiki.example.com/req"}},
                     model::Signoff{"Sponsor", p.start + 30},
                     ""});
  p.audit = a;
  p.targets = model::Targets{0.95, 0.95, 0.8, 90, 4.0, 40};
  return p;
}

std::string SummaryChainMspdi(int summaries, int leaves) {
  std::string xml = "<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks>";
  int uid = 1;
  for (int s = 0; s < summaries; ++s) {
    const int summary_uid = uid;
    xml += fmt::format(
        "<Task><UID>{0}</UID><ID>{0}</ID><Name>S{1}</Name><OutlineLevel>1</OutlineLevel>", uid++,
        s);
    if (s > 0) {
      xml += fmt::format(
          "<PredecessorLink><PredecessorUID>{}</PredecessorUID><Type>1</Type>"
          "</PredecessorLink>",
          summary_uid - leaves - 1);
    }
    xml += "</Task>";
    for (int l = 0; l < leaves; ++l) {
      xml += fmt::format(
          "<Task><UID>{0}</UID><ID>{0}</ID><Name>T{0}</Name><OutlineLevel>2</OutlineLevel>"
          "<Duration>PT8H0M0S</Duration></Task>",
          uid++);
    }
  }
  return xml + "</Tasks></Project>";
}

}  // namespace tpmkit::testing
