#include "tpmkit/report/web_words.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/health.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace wording = toolkit::wording;

std::string Slip(const toolkit::StatusFigures& f) {
  if (!f.p80_slip) return "";
  if (*f.p80_slip == 0) return "on the target";
  const int64_t n = std::llabs(*f.p80_slip);
  return fmt::format("{} {} the target",
                     wording::Count(static_cast<long>(n), "working day", "working days"),
                     *f.p80_slip > 0 ? "after" : "before");
}

}  // namespace

std::string RagLabel(const std::string& rag) {
  if (rag.empty()) return "Not rated";
  std::string label = rag;
  label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

HeadlineWords HeadlineOf(const toolkit::StatusFigures& f) {
  HeadlineWords h;
  if (f.health) h.rag = std::string(toolkit::RagName(*f.health));
  h.rag_label = RagLabel(h.rag);
  h.p80 = f.p80 ? f.p80->ToString() : "not forecast";
  h.target = f.target ? f.target->ToString() : "no target";
  h.slip = Slip(f);
  if (f.p_on_time) h.chance = wording::Percent(*f.p_on_time);
  if (f.score) h.score = wording::Number(*f.score, 1);
  if (f.readiness) h.readiness = wording::Percent(*f.readiness / 100);
  return h;
}

PortfolioRowWords PortfolioRowOf(const std::string& id, const std::string& name,
                                 const std::string& currency,
                                 const std::optional<toolkit::StatusFigures>& figures,
                                 const std::string& problem) {
  PortfolioRowWords row;
  row.id = id;
  row.name = name;
  row.problem = problem;
  if (!figures) return row;
  row.headline = HeadlineOf(*figures);
  row.budget = toolkit::WholeAmount(figures->budget, currency);
  row.eac = figures->eac ? toolkit::WholeAmount(*figures->eac, currency) : "not yet known";
  return row;
}

std::vector<RiskRowWords> RiskRowsOf(const model::Program& program,
                                     const toolkit::RiskRegister& reg) {
  std::vector<RiskRowWords> rows;
  rows.reserve(reg.risks.size());
  for (const auto& r : reg.risks) {
    RiskRowWords w;
    w.id = r.id;
    w.title = r.title;
    w.category = r.category;
    w.owner = r.owner;
    w.status = std::string(model::Name(r.status));
    w.probability = wording::Number(r.probability, 2);
    w.severity = std::to_string(r.severity);
    w.score = std::to_string(r.score);
    std::vector<std::string> parts;
    if (r.exposure_cost) parts.push_back(toolkit::WholeAmount(*r.exposure_cost, program.currency));
    if (r.exposure_days) {
      parts.push_back(fmt::format("{} working days", wording::Number(*r.exposure_days, 1)));
    }
    for (const auto& part : parts) w.exposure += (w.exposure.empty() ? "" : ", ") + part;
    if (w.exposure.empty()) w.exposure = "-";
    w.response_due = r.response_due ? r.response_due->ToString() : "-";
    w.active = toolkit::IsActive(r.status);
    rows.push_back(std::move(w));
  }
  return rows;
}

std::string StaleFormText(const std::string& program, const std::string& actor,
                          const std::string& at, const std::string& what) {
  const std::string by = actor.empty()
                             ? "changed"
                             : fmt::format("changed by {} at {}{}", actor, at,
                                           what.empty() ? "" : fmt::format(" ({})", what));
  return fmt::format(
      "Program {} was {} after this form was loaded. Nothing was saved: review the program as "
      "it is now, then submit again.",
      program, by);
}

}  // namespace tpmkit::report
