#include "tpmkit/report/program_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tpmkit/base/text.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/money_position.h"
#include "tpmkit/toolkit/program_health.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

using nlohmann::json;

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

size_t CountIf(const auto& items, auto pred) {
  size_t n = 0;
  for (const auto& i : items) n += pred(i) ? 1 : 0;
  return n;
}

std::string OneDecimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string InitText(const std::string& workspace) { return "Workspace ready at " + workspace; }
std::string InitJson(const std::string& workspace) {
  return json{{"workspace", workspace}}.dump(2);
}

std::string ProgramListJson(const std::vector<ListedProgram>& programs) {
  json list = json::array();
  for (const auto& p : programs) {
    json item{{"id", p.id}, {"name", p.name}};
    if (!p.role.empty()) item["role"] = p.role;
    list.push_back(std::move(item));
  }
  return json{{"programs", std::move(list)}}.dump(2);
}

std::string ProgramListText(const std::vector<ListedProgram>& programs) {
  if (programs.empty())
    return "The workspace holds no program yet: add one with `tpmkit apply FILE`.";
  size_t width = 2;
  for (const auto& p : programs) width = std::max(width, p.id.size());
  std::string out;
  for (const auto& p : programs) {
    out += fmt::format("{:<{}}  {}", p.id, width, EscapeControls(p.name));
    if (!p.role.empty()) out += " (" + p.role + ")";
    out += "\n";
  }
  return out;
}

std::string ApplyText(const StoredProgram& s) {
  if (s.created) {
    return "Created program " + s.program + " (" + std::to_string(s.changed) +
           " entries in the audit trail).";
  }
  if (s.changed == 0) return "Program " + s.program + " is unchanged.";
  return "Updated program " + s.program + ": " + std::to_string(s.changed) +
         (s.changed == 1 ? " change" : " changes") + " recorded in the audit trail.";
}

std::string EvidenceRootMovedText(const std::string& program, const std::string& from,
                                  const std::string& to) {
  return "The evidence root of " + program + " moved from " + EscapeControls(from) + " to " +
         EscapeControls(to) + " (recorded in the audit trail): `audit` now looks for evidence " +
         "files there.";
}

std::string ApplyJson(const StoredProgram& s) {
  return json{{"program", s.program}, {"created", s.created}, {"changed", s.changed}}.dump(2);
}

std::string ImportText(const ImportOutcome& o, size_t max_changes) {
  const auto& s = o.stored;
  const std::string counts = std::to_string(o.tasks) + " tasks, " + std::to_string(s.changed) +
                             " entries in the audit trail, " + std::to_string(o.warnings) +
                             " warnings.";
  std::string out;
  if (o.dry_run) {
    out = "Dry run, nothing written: importing " + o.file + " would " +
          (o.merged ? "merge its plan into " + s.program + " (every register kept)"
                    : "create " + s.program) +
          ": " + counts + "\n";
  } else if (o.merged) {
    out = "Merged the plan of " + o.file + " into " + s.program +
          " (every register kept): " + counts + "\n";
  } else {
    out = (s.created ? "Imported " : "Updated ") + s.program + " from " + o.file + ": " + counts +
          "\n";
  }
  if (!o.pruned.empty()) {
    out += fmt::format("{} {} {} to tasks the plan no longer has:\n",
                       o.dry_run ? "Would drop" : "Dropped", o.pruned.size(),
                       o.pruned.size() == 1 ? "reference" : "references");
    for (const auto& r : o.pruned) {
      out += "  " + r.path + ": " + EscapeControls(r.owner) + " named task '" +
             EscapeControls(r.task) + "'\n";
    }
  }
  if (o.dry_run && !o.changes.empty()) {
    out += "Would change:\n";
    const size_t shown = std::min(o.changes.size(), max_changes);
    for (size_t i = 0; i < shown; ++i) {
      const auto& c = o.changes[i];
      out += "  " + std::string(model::Name(c.action)) + " " + c.entity + " " +
             EscapeControls(c.entity_id);
      if (c.action == model::ChangeAction::kUpdate) {
        std::string fields;
        for (const auto& f : c.changes) fields += (fields.empty() ? "" : ", ") + f.field;
        out += ": " + fields;
      }
      out += "\n";
    }
    if (shown < o.changes.size()) {
      out += fmt::format("  ... and {} more (--json lists them all)\n", o.changes.size() - shown);
    }
  }
  return out;
}

std::string ImportJson(const ImportOutcome& o) {
  json pruned = json::array();
  for (const auto& r : o.pruned) {
    pruned.push_back({{"path", r.path}, {"owner", r.owner}, {"task", r.task}});
  }
  json doc{{"program", o.stored.program}, {"created", o.stored.created},
           {"changed", o.stored.changed}, {"warnings", o.warnings},
           {"merged", o.merged},          {"dry_run", o.dry_run},
           {"pruned", std::move(pruned)}};
  if (o.dry_run) {
    auto value = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
    json changes = json::array();
    for (const auto& c : o.changes) {
      json fields = json::array();
      for (const auto& f : c.changes) {
        fields.push_back(
            {{"field", f.field}, {"old", value(f.old_value)}, {"new", value(f.new_value)}});
      }
      changes.push_back({{"action", model::Name(c.action)},
                         {"entity", c.entity},
                         {"id", c.entity_id},
                         {"fields", std::move(fields)}});
    }
    doc["changes"] = std::move(changes);
  }
  return doc.dump(2);
}

std::string CheckOkText(const std::string& file, size_t tasks, size_t projects) {
  return file + ": ok (" + std::to_string(tasks) + " tasks in " + std::to_string(projects) +
         " projects)";
}

std::string CheckJson(const std::string& file, const std::vector<Diagnostic>& errors,
                      const std::string& message, bool ok) {
  json list = json::array();
  for (const auto& d : errors) {
    list.push_back(
        {{"file", d.file}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
  }
  if (!ok && list.empty()) {
    list.push_back({{"file", file}, {"line", 0}, {"column", 0}, {"message", message}});
  }
  return json{{"ok", ok}, {"errors", list}}.dump(2);
}

namespace {

// The lines `show` leads with: the forecast against the target, the critical-path date
// (each finish named for what it is), health by area and the money.
std::string ShowHeadline(const model::Program& p, const toolkit::StatusReport& r) {
  namespace wording = toolkit::wording;
  const toolkit::StatusFigures& f = r.now;
  std::string out;
  if (r.health.overall) {
    std::vector<std::string> areas;
    for (const auto& a : r.health.areas) {
      if (!a.rag) continue;
      areas.push_back(
          fmt::format("{} {}", toolkit::HealthAreaName(a.area), toolkit::RagName(*a.rag)));
    }
    std::string list;
    for (const auto& a : areas) list += (list.empty() ? "" : ", ") + a;
    out +=
        fmt::format("  Health:             {} ({})\n", toolkit::RagName(*r.health.overall), list);
  }
  if (f.p80) {
    std::string line = fmt::format("  Finish (forecast):  P80 {}", f.p80->ToString());
    if (p.target && f.p80_slip) {
      line +=
          *f.p80_slip == 0
              ? ", on the target"
              : fmt::format(", {} {} the target {}",
                            wording::Count(std::llabs(*f.p80_slip), "working day", "working days"),
                            *f.p80_slip > 0 ? "after" : "before", p.target->ToString());
    }
    if (f.p50) line += fmt::format("; P50 {}", f.p50->ToString());
    out += line + "\n";
    if (f.p_on_time) {
      out += fmt::format(
          "                      {} chance of making the target ({} runs, seed {})\n",
          wording::Percent(*f.p_on_time), toolkit::Grouped(r.forecast.iterations), r.forecast.seed);
    }
  }
  if (f.finish) {
    out += fmt::format(
        "  Finish (schedule):  {} on the critical path, if every task takes its planned "
        "duration\n",
        f.finish->ToString());
  }
  const toolkit::MoneyPosition money = toolkit::ComputeMoneyPosition(p, r.evm);
  // A plan without costs or budget has no money story to lead with.
  if (money.budget.cents() == 0 && money.forecast_final_cost == 0) return out;
  out += fmt::format(
      "  Money:              forecast final cost {}, headroom {} (budget - forecast "
      "final cost)\n",
      toolkit::WholeAmount(money.forecast_final_cost, p.currency),
      toolkit::WholeAmount(money.headroom, p.currency));
  return out;
}

}  // namespace

std::string ShowText(const model::Program& p, const ShowFigures& f) {
  std::ostringstream out;
  out << EscapeControls(p.name) << " (" << p.id << ")";
  if (f.status) out << ", as of " << f.status->as_of.ToString();
  out << "\n";
  if (f.status) out << ShowHeadline(p, *f.status) << '\n';
  if (!p.objective.empty()) out << "  Objective:    " << p.objective << '\n';
  if (!p.sponsor.empty()) out << "  Sponsor:      " << p.sponsor << '\n';
  out << "  Start:        " << p.start.ToString() << '\n';
  if (p.target) out << "  Target:       " << p.target->ToString() << '\n';
  if (p.status_date) out << "  Status date:  " << p.status_date->ToString() << '\n';
  out << "  Budget:       " << toolkit::Amount(p.EffectiveBudget(), p.currency)
      << (p.budget ? "" : " (sum of task costs)") << '\n';
  out << "\nProjects (" << p.projects.size() << "), " << p.TaskCount() << " tasks";
  if (f.schedule) {
    out << ", " << f.schedule->start.ToString() << " to " << f.schedule->finish.ToString()
        << " on the critical-path schedule (" << f.schedule->critical_path.size()
        << " tasks on the critical path)";
  }
  out << '\n';
  for (const auto& pr : p.projects) {
    out << "  " << pr.id << "  " << EscapeControls(pr.name) << "  (" << pr.tasks.size() << " tasks"
        << (pr.owner.empty() ? "" : ", owner " + pr.owner) << ")\n";
  }
  auto open_risks =
      CountIf(p.risks, [](const model::Risk& r) { return toolkit::IsActive(r.status); });
  auto open_decisions = CountIf(p.decisions, [](const model::Decision& d) {
    return d.status == model::DecisionStatus::kOpen;
  });
  auto proposed = CountIf(
      p.changes, [](const model::Change& c) { return c.status == model::ChangeStatus::kProposed; });
  size_t audit_items = p.audit ? p.audit->items.size() : 0;
  out << "\nRegisters\n"
      << "  External dependencies  " << p.dependencies.size() << '\n'
      << "  Risks                  " << p.risks.size() << " (" << open_risks
      << " open or mitigating)\n"
      << "  Stakeholders           " << p.stakeholders.size() << '\n'
      << "  Decisions              " << p.decisions.size() << " (" << open_decisions << " open)\n"
      << "  Change requests        " << p.changes.size() << " (" << proposed << " proposed)\n"
      << "  Audit items            " << audit_items << '\n'
      << "  Scorecard assessments  " << (p.scorecard ? p.scorecard->assessments.size() : 0) << '\n'
      << "  Actuals                " << p.actuals.size() << '\n';
  if (f.scorecard.score) {
    out << "\nLatest scorecard: " << OneDecimal(*f.scorecard.score) << " of 100 ("
        << toolkit::BandName(*f.scorecard.band) << "), " << f.scorecard.date->ToString() << '\n';
  }
  if (f.readiness.readiness) {
    out << "Audit readiness:  " << OneDecimal(*f.readiness.readiness) << " % (" << f.readiness.done
        << " of " << f.readiness.applicable << " applicable items done)\n";
  }
  return out.str();
}

std::string ShowJson(const model::Program& p, const ShowFigures& f) {
  json projects = json::array();
  for (const auto& pr : p.projects) {
    projects.push_back(
        {{"id", pr.id}, {"name", pr.name}, {"owner", pr.owner}, {"tasks", pr.tasks.size()}});
  }
  json doc{{"program",
            {{"id", p.id},
             {"name", p.name},
             {"objective", p.objective},
             {"sponsor", p.sponsor},
             {"currency", p.currency},
             {"start", p.start.ToString()},
             {"target", DateOrNull(p.target)},
             {"status_date", DateOrNull(p.status_date)},
             {"budget", p.EffectiveBudget().ToDouble()}}},
           {"projects", projects},
           {"tasks", p.TaskCount()},
           {"start", f.schedule ? json(f.schedule->start.ToString()) : json(nullptr)},
           {"finish", f.schedule ? json(f.schedule->finish.ToString()) : json(nullptr)},
           {"critical_path", f.schedule ? json(f.schedule->critical_path.size()) : json(nullptr)},
           {"scorecard_score", f.scorecard.score ? json(*f.scorecard.score) : json(nullptr)},
           {"readiness", f.readiness.readiness ? json(*f.readiness.readiness) : json(nullptr)},
           {"dependencies", p.dependencies.size()},
           {"risks", p.risks.size()},
           {"stakeholders", p.stakeholders.size()},
           {"decisions", p.decisions.size()},
           {"changes", p.changes.size()},
           {"audit_items", p.audit ? p.audit->items.size() : 0},
           {"assessments", p.scorecard ? p.scorecard->assessments.size() : 0},
           {"actuals", p.actuals.size()}};
  if (f.status) {
    const toolkit::StatusFigures& x = f.status->now;
    auto date = [](const std::optional<Date>& d) {
      return d ? json(d->ToString()) : json(nullptr);
    };
    doc["as_of"] = f.status->as_of.ToString();
    doc["health"] = f.status->health.overall ? json(toolkit::RagName(*f.status->health.overall))
                                             : json(nullptr);
    json areas = json::object();
    for (const auto& a : f.status->health.areas) {
      areas[std::string(toolkit::HealthAreaName(a.area))] =
          a.rag ? json(toolkit::RagName(*a.rag)) : json(nullptr);
    }
    doc["health_areas"] = areas;
    doc["forecast"] = {{"p50", date(x.p50)},
                       {"p80", date(x.p80)},
                       {"p_on_time", x.p_on_time ? json(*x.p_on_time) : json(nullptr)},
                       {"p80_slip_days", x.p80_slip ? json(*x.p80_slip) : json(nullptr)},
                       {"iterations", f.status->forecast.iterations},
                       {"seed", f.status->forecast.seed}};
    json money = json::object();
    for (const auto& [key, value] :
         MoneyJsonFields(toolkit::ComputeMoneyPosition(p, f.status->evm))) {
      money[key] = value ? json(*value) : json(nullptr);
    }
    doc["money"] = money;
  }
  return doc.dump(2);
}

}  // namespace tpmkit::report
