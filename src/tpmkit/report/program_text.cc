#include "tpmkit/report/program_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tpmkit/base/text.h"
#include "tpmkit/toolkit/amounts.h"

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

std::string ApplyJson(const StoredProgram& s) {
  return json{{"program", s.program}, {"created", s.created}, {"changed", s.changed}}.dump(2);
}

std::string ImportText(const StoredProgram& s, const std::string& file, size_t tasks,
                       size_t warnings) {
  return (s.created ? "Imported " : "Updated ") + s.program + " from " + file + ": " +
         std::to_string(tasks) + " tasks, " + std::to_string(s.changed) +
         " entries in the audit trail, " + std::to_string(warnings) + " warnings.";
}

std::string ImportJson(const StoredProgram& s, size_t warnings) {
  return json{{"program", s.program},
              {"created", s.created},
              {"changed", s.changed},
              {"warnings", warnings}}
      .dump(2);
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

std::string ShowText(const model::Program& p, const ShowFigures& f) {
  std::ostringstream out;
  out << EscapeControls(p.name) << " (" << p.id << ")\n";
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
        << " as scheduled (" << f.schedule->critical_path.size() << " tasks on the critical path)";
  }
  out << '\n';
  for (const auto& pr : p.projects) {
    out << "  " << pr.id << "  " << EscapeControls(pr.name) << "  (" << pr.tasks.size() << " tasks"
        << (pr.owner.empty() ? "" : ", owner " + pr.owner) << ")\n";
  }
  auto open_risks = CountIf(p.risks, [](const model::Risk& r) {
    return r.status == model::RiskStatus::kOpen || r.status == model::RiskStatus::kMitigating;
  });
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
  return json{
      {"program",
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
      {"actuals", p.actuals.size()}}
      .dump(2);
}

}  // namespace tpmkit::report
