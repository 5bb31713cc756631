#include "tpmkit/report/portfolio_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/html.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

namespace wording = toolkit::wording;

struct Cells {
  std::string health, finish, chance, score, readiness, budget, eac;
};

std::string Slip(const toolkit::StatusFigures& f) {
  if (!f.p80_slip) return "no target";
  if (*f.p80_slip == 0) return "on target";
  return fmt::format("{:+d}d", *f.p80_slip);
}

Cells CellsOf(const PortfolioRow& r) {
  Cells c;
  if (!r.figures) return c;
  const auto& f = *r.figures;
  c.health = f.health ? std::string(toolkit::RagName(*f.health)) : "-";
  c.finish = f.p80 ? f.p80->ToString() + " (" + Slip(f) + ")" : "-";
  c.chance = f.p_on_time ? wording::Percent(*f.p_on_time) : "-";
  c.score = f.score ? wording::Number(*f.score, 0) : "-";
  c.readiness = f.readiness ? wording::Percent(*f.readiness / 100) : "-";
  c.budget = toolkit::WholeAmount(f.budget, r.currency);
  c.eac = f.eac ? toolkit::WholeAmount(*f.eac, r.currency) : "not yet known";
  return c;
}

std::string Esc(const std::string& s) { return EscapeHtml(s); }

}  // namespace

std::string PortfolioText(const std::vector<PortfolioRow>& rows) {
  if (rows.empty())
    return "The workspace holds no program yet: add one with `tpmkit apply FILE`.\n";
  std::string out = fmt::format(
      "Portfolio: {}\n\n", wording::Count(static_cast<long>(rows.size()), "program", "programs"));
  out += fmt::format("  {:<14} {:<6} {:<25} {:>7} {:>5} {:>9} {:>16} {:>16}  {}\n", "id", "health",
                     "P80 (vs target)", "chance", "score", "readiness", "budget", "EAC", "name");
  for (const auto& r : rows) {
    const Cells c = CellsOf(r);
    if (!r.figures) {
      out += fmt::format("  {:<14} cannot be scheduled: {}  {}\n", r.id, EscapeControls(r.problem),
                         EscapeControls(r.name));
      continue;
    }
    out += fmt::format("  {:<14} {:<6} {:<25} {:>7} {:>5} {:>9} {:>16} {:>16}  {}\n", r.id,
                       c.health, c.finish, c.chance, c.score, c.readiness, c.budget, c.eac,
                       EscapeControls(r.name));
  }
  return out;
}

std::string PortfolioHtml(const std::vector<PortfolioRow>& rows) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Portfolio"
      "</title>\n<style>\n" +
      StatusCss() + "</style>\n</head>\n<body>\n<h1>Portfolio</h1>\n";
  h += "<table>\n<tr><th>Program</th><th>Health</th><th>P80 (vs target)</th>"
       "<th class=\"num\">Chance</th><th class=\"num\">Score</th><th class=\"num\">Readiness</th>"
       "<th class=\"num\">Budget</th><th class=\"num\">EAC</th></tr>\n";
  for (const auto& r : rows) {
    const Cells c = CellsOf(r);
    if (!r.figures) {
      h += fmt::format("<tr><td>{} ({})</td><td colspan=\"7\">cannot be scheduled: {}</td></tr>\n",
                       Esc(r.name), Esc(r.id), Esc(r.problem));
      continue;
    }
    h += fmt::format(
        "<tr><td>{} ({})</td><td><span class=\"rag {}\">{}</span></td><td>{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        Esc(r.name), Esc(r.id), c.health == "-" ? "none" : c.health, c.health, Esc(c.finish),
        c.chance, c.score, c.readiness, Esc(c.budget), Esc(c.eac));
  }
  if (rows.empty()) h += "<tr><td colspan=\"8\">The workspace holds no program yet.</td></tr>\n";
  return h + "</table>\n</body>\n</html>\n";
}

std::string PortfolioJson(const std::vector<PortfolioRow>& rows) {
  using nlohmann::json;
  auto opt = [](const auto& v) -> json { return v ? json(*v) : json(nullptr); };
  auto date = [](const std::optional<Date>& d) -> json {
    return d ? json(d->ToString()) : json(nullptr);
  };
  json list = json::array();
  for (const auto& r : rows) {
    json item{{"id", r.id}, {"name", r.name}, {"currency", r.currency}};
    if (!r.figures) {
      item["problem"] = r.problem;
      list.push_back(std::move(item));
      continue;
    }
    const auto& f = *r.figures;
    item["as_of"] = f.as_of.ToString();
    item["health"] = f.health ? json(toolkit::RagName(*f.health)) : json(nullptr);
    item["target"] = date(f.target);
    item["p50"] = date(f.p50);
    item["p80"] = date(f.p80);
    item["p80_slip_days"] = opt(f.p80_slip);
    item["p_on_time"] = opt(f.p_on_time);
    item["score"] = opt(f.score);
    item["readiness"] = opt(f.readiness);
    item["budget"] = f.budget;
    item["eac"] = opt(f.eac);
    item["variance"] = f.eac ? json(f.budget - *f.eac) : json(nullptr);
    item["active_risks"] = f.active_risks;
    item["exposure_cost"] = f.exposure_cost;
    item["problem"] = nullptr;
    list.push_back(std::move(item));
  }
  return json{{"programs", std::move(list)}}.dump(2) + "\n";
}

}  // namespace tpmkit::report
