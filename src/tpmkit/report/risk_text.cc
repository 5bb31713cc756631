#include "tpmkit/report/risk_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/prose.h"
#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

using nlohmann::json;
namespace wording = toolkit::wording;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json Opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json BandJson(const std::optional<toolkit::Band>& band) {
  return band ? json(toolkit::BandName(*band)) : json(nullptr);
}

}  // namespace

std::string ScorecardText(const model::Program& p, const toolkit::ScorecardResult& sc,
                          const std::optional<toolkit::SuggestedRatings>& sug) {
  std::string text;
  if (!sc.date) {
    text += fmt::format("Program {} has no scorecard assessment yet.\n", p.id);
  } else {
    text += fmt::format("Risk scorecard of {}, assessed on {} by {}: {} of 100 ({}).\n",
                        EscapeControls(p.name), sc.date->ToString(), EscapeControls(sc.by),
                        wording::Number(sc.score.value_or(0), 1),
                        sc.band ? toolkit::BandName(*sc.band) : "no rating");
    text += "\n  criterion                weight  rating\n";
    for (const auto& r : sc.rows) {
      text += fmt::format("  {:<24} {:>6}  {}\n", r.id, wording::Number(r.weight),
                          r.rating ? std::to_string(*r.rating) : "-");
    }
    if (!sc.notes.empty()) {
      text += "\n  Notes: " + EscapeControls(sc.notes, {.keep_newlines = true}) + "\n";
    }
    text += "\nTrend:\n";
    for (const auto& t : sc.trend) {
      text += fmt::format("  {}  {:>5} of 100  {}\n", t.date.ToString(),
                          t.score ? wording::Number(*t.score, 1) : "-",
                          t.band ? toolkit::BandName(*t.band) : "");
    }
  }
  if (sug) {
    text += fmt::format("\nSuggested from the data: {} of 100 ({}).\n",
                        sug->score ? wording::Number(*sug->score, 1) : "no score",
                        sug->band ? toolkit::BandName(*sug->band) : "no band");
    for (const auto& s : sug->items) {
      text += fmt::format("  {:<24} {}  {}\n", s.criterion,
                          s.rating ? std::to_string(*s.rating) : "-", s.reason);
    }
  }
  return text;
}

std::string ScorecardJson(const toolkit::ScorecardResult& sc,
                          const std::optional<toolkit::SuggestedRatings>& sug) {
  json trend = json::array();
  for (const auto& t : sc.trend) {
    trend.push_back({{"date", t.date.ToString()},
                     {"by", t.by},
                     {"score", Opt(t.score)},
                     {"band", BandJson(t.band)}});
  }
  json out{{"score", Opt(sc.score)},
           {"band", BandJson(sc.band)},
           {"date", sc.date ? json(sc.date->ToString()) : json(nullptr)},
           {"by", sc.by},
           {"ratings", sc.ratings},
           {"trend", trend},
           {"suggested", nullptr}};
  if (sug) {
    json reasons = json::object();
    for (const auto& s : sug->items) reasons[s.criterion] = s.reason;
    out["suggested"] = {{"ratings", sug->ratings},
                        {"score", Opt(sug->score)},
                        {"band", BandJson(sug->band)},
                        {"reasons", reasons}};
  }
  return out.dump(2);
}

std::string ScorecardSuggestionHelp() {
  std::string help;
  for (const auto& line : toolkit::SuggestionHelpLines()) help += line + "\n";
  return help;
}

std::string AssessText(const RecordedAssessment& r) {
  const auto& sc = r.scorecard;
  return fmt::format(
      "Recorded the assessment of {} by {} on {}: the latest score is {} of "
      "100 ({}).",
      r.program, r.by, r.date.ToString(),
      sc.score ? wording::Number(*sc.score, 1) : "not computable",
      sc.band ? toolkit::BandName(*sc.band) : "no band");
}

std::string AssessJson(const RecordedAssessment& r) {
  return json{{"program", r.program},
              {"date", r.date.ToString()},
              {"score", Opt(r.scorecard.score)},
              {"band", BandJson(r.scorecard.band)},
              {"changed", r.changed}}
      .dump(2);
}

std::string RiskHeatmapText(const toolkit::Heatmap& h) {
  std::string out =
      "Heat map of open and mitigating risks (rows: likelihood, columns: "
      "severity):\n\n              severity\n  likelihood    1   2   3   4   5\n";
  for (int l = 5; l >= 1; --l) {
    out += fmt::format("  {:>10}  ", l);
    for (int s = 1; s <= 5; ++s) {
      const int n = h[l - 1][s - 1];
      out += n == 0 ? "   ." : fmt::format("{:>4}", n);
    }
    out += "\n";
  }
  return out;
}

namespace {

namespace rt = register_text;

// The register's lines stay within this many columns.
constexpr size_t kRegisterWidth = 100;

rt::Cell C(std::string text) { return {std::move(text), {}}; }

// A table whose last column (the title) is written under each row, indented to the
// second column and wrapped, so that no line passes kRegisterWidth however long the title.
std::string TitledTable(rt::Table table) {
  std::vector<std::string> titles;
  for (auto& row : table.rows) {
    titles.push_back(row.back().text);
    row.pop_back();
  }
  table.header.pop_back();
  size_t indent = 2 + 2 + rt::Width(table.header[0]);
  for (const auto& row : table.rows) indent = std::max(indent, 2 + 2 + rt::Width(row[0].text));
  const std::string pad(indent, ' ');
  const std::string rendered = rt::Render(table, {});
  std::string text;
  size_t from = 0, line = 0;
  for (size_t nl = rendered.find('\n'); nl != std::string::npos;
       nl = rendered.find('\n', from), ++line) {
    text += "  " + rendered.substr(from, nl - from) + "\n";
    if (line > 0) text += Wrap(titles[line - 1], kRegisterWidth, pad, pad);
    from = nl + 1;
  }
  return text;
}

std::string OwnerOf(const toolkit::RiskRow& r) {
  return r.owner.empty() ? "(no owner)" : rt::Fit(EscapeControls(r.owner), 16);
}

std::string Days(double days) { return wording::Number(days, 1) + "d"; }

}  // namespace

std::string RiskRegisterText(const model::Program& p, const toolkit::RiskRegister& reg) {
  if (reg.risks.empty()) return fmt::format("Program {} has no risks in its register.", p.id);
  double total_cost = 0, total_days = 0;
  std::vector<const toolkit::RiskRow*> active, realized, closed;
  for (const auto& r : reg.risks) {
    if (toolkit::IsActive(r.status)) {
      active.push_back(&r);
      total_cost += r.exposure_cost.value_or(0);
      total_days += r.exposure_days.value_or(0);
    } else if (r.status == model::RiskStatus::kRealized) {
      realized.push_back(&r);
    } else {
      closed.push_back(&r);
    }
  }
  std::string text =
      fmt::format("Risk register of {}: {}, {} open or mitigating.\n", EscapeControls(p.name),
                  wording::Count(static_cast<long>(reg.risks.size()), "risk", "risks"), reg.active);
  if (!active.empty()) {
    text += fmt::format(
        "Total exposure of the open and mitigating risks: {} and {} working days.\n\n"
        "Open and mitigating:\n",
        toolkit::WholeAmount(total_cost, p.currency), wording::Number(total_days, 1));
    rt::Table t{{"id", "status", "L", "S", "score", "resid.", "exposure", "days", "owner", "title"},
                {false, false, true, true, true, true, true, true, false, false},
                {}};
    for (const auto* r : active) {
      t.rows.push_back(
          {C(r->id), C(std::string(model::Name(r->status))), C(std::to_string(r->likelihood)),
           C(std::to_string(r->severity)), C(std::to_string(r->score)),
           C(r->residual_score ? std::to_string(*r->residual_score) : "-"),
           C(r->exposure_cost ? toolkit::WholeAmount(*r->exposure_cost, p.currency) : "-"),
           C(r->exposure_days ? Days(*r->exposure_days) : "-"), C(OwnerOf(*r)),
           C(EscapeControls(r->title))});
    }
    text += TitledTable(std::move(t));
  } else {
    text += "\nNo risk is open or mitigating.\n";
  }
  // Realized risks are issues now: what they cost is no longer an expectation, so they
  // carry no exposure; closed ones are history.
  for (const auto& [label, rows] :
       {std::pair{"Realized (now issues to manage, not counted in the exposure):", &realized},
        std::pair{"Closed:", &closed}}) {
    if (rows->empty()) continue;
    text += fmt::format("\n{}\n", label);
    rt::Table t{
        {"id", "status", "score", "owner", "title"}, {false, false, true, false, false}, {}};
    for (const auto* r : *rows) {
      t.rows.push_back({C(r->id), C(std::string(model::Name(r->status))),
                        C(std::to_string(r->score)), C(OwnerOf(*r)), C(EscapeControls(r->title))});
    }
    text += TitledTable(std::move(t));
  }
  text += "\n" + RiskHeatmapText(reg.heatmap);
  return text;
}

std::string RiskRegisterJson(const toolkit::RiskRegister& reg) {
  json risks = json::array();
  for (const auto& r : reg.risks) {
    risks.push_back(
        {{"id", r.id},
         {"title", r.title},
         {"category", r.category},
         {"owner", r.owner},
         {"status", std::string(model::Name(r.status))},
         {"probability", r.probability},
         {"likelihood", r.likelihood},
         {"severity", r.severity},
         {"score", r.score},
         {"residual_score", Opt(r.residual_score)},
         {"exposure_cost", Opt(r.exposure_cost)},
         {"exposure_days", Opt(r.exposure_days)},
         {"response_due", r.response_due ? json(r.response_due->ToString()) : json(nullptr)}});
  }
  json heat = json::array();
  for (const auto& row : reg.heatmap) heat.push_back(row);
  return json{{"risks", risks}, {"heatmap", heat}, {"active", reg.active}}.dump(2);
}

std::string RiskEditText(const RiskEdit& e) {
  if (e.changed == 0) return fmt::format("Risk {} of {} is unchanged.", e.risk, e.program);
  const char* verb = e.kind == RiskEditKind::kAdd     ? "Added"
                     : e.kind == RiskEditKind::kClose ? "Closed"
                                                      : "Updated";
  return fmt::format("{} risk {} of {} ({} recorded in the audit trail).", verb, e.risk, e.program,
                     wording::Count(static_cast<long>(e.changed), "change", "changes"));
}

std::string RiskEditJson(const RiskEdit& e) {
  return json{{"program", e.program}, {"risk", e.risk}, {"changed", e.changed}}.dump(2);
}

}  // namespace tpmkit::report
