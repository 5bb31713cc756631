#include "tpmkit/report/risk_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
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

std::string RiskRegisterText(const model::Program& p, const toolkit::RiskRegister& reg) {
  if (reg.risks.empty()) return fmt::format("Program {} has no risks in its register.", p.id);
  std::string text =
      fmt::format("Risk register of {}: {}, {} open or mitigating.\n\n", EscapeControls(p.name),
                  wording::Count(static_cast<long>(reg.risks.size()), "risk", "risks"), reg.active);
  text += fmt::format("  {:<8} {:<11} {:>3} {:>3} {:>5} {:>8} {:>14} {:>9}  {:<16} {}\n", "id",
                      "status", "L", "S", "score", "residual", "exposure", "exp.days", "owner",
                      "title");
  for (const auto& r : reg.risks) {
    text += fmt::format(
        "  {:<8} {:<11} {:>3} {:>3} {:>5} {:>8} {:>14} {:>9}  {:<16} {}\n", r.id,
        model::Name(r.status), r.likelihood, r.severity, r.score,
        r.residual_score ? std::to_string(*r.residual_score) : "-",
        r.exposure_cost ? toolkit::UngroupedAmount(*r.exposure_cost, p.currency) : "-",
        r.exposure_days ? wording::Number(*r.exposure_days, 1) + "d" : "-",
        r.owner.empty() ? "(no owner)" : EscapeControls(r.owner), EscapeControls(r.title));
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
