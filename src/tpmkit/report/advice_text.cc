#include "tpmkit/report/advice_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/report/prose.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {
using nlohmann::json;
json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
}  // namespace

std::string EscalationJson(const toolkit::Escalation& e, const std::string& body) {
  json options = json::array();
  for (size_t i = 0; i < e.options.size(); ++i) {
    const auto& opt = e.options[i];
    options.push_back(
        {{"id", opt.id},
         {"name", opt.name},
         {"summary", e.option_summaries[i]},
         {"brief", e.option_brief[i]},
         {"simulated", opt.simulated},
         {"p80_finish", opt.p80 ? json(opt.p80->ToString()) : json(nullptr)},
         {"p_on_time", Opt(opt.p_on_time)},
         {"target", opt.target ? json(opt.target->ToString()) : json(nullptr)},
         {"cost", Opt(opt.cost)},
         {"final_cost", Opt(opt.final_cost)},
         {"freeze_start", opt.freeze_start ? json(opt.freeze_start->ToString()) : json(nullptr)}});
  }
  json appendix = json::array();
  for (const auto& section : e.appendix) {
    appendix.push_back({{"heading", section.heading}, {"items", section.items}});
  }
  json money = json::object();
  for (const auto& [key, value] : MoneyJsonFields(e.money)) {
    money[key] = value ? json(*value) : json(nullptr);
  }
  return json{{"subject", e.subject},
              {"to", e.to},
              {"from", e.from},
              {"issue", e.issue},
              {"impact",
               {{"schedule_days", e.schedule_days},
                {"cost", e.cost},
                {"p80_before", e.p80_before.ToString()},
                {"p80_after", e.p80_after.ToString()},
                {"statements", e.impact},
                {"brief", e.impact_brief}}},
              {"options", options},
              {"recommendation", {{"option", e.recommended}, {"rationale", e.rationale}}},
              {"ask", e.ask},
              {"ask_by", e.ask_by.ToString()},
              {"signoff", e.signoff},
              {"kind", e.is_issue ? "issue" : "risk"},
              {"money", money},
              {"final_cost_with_risk", Opt(e.final_cost_with_risk)},
              {"appendix", appendix},
              {"body", body}}
      .dump(2);
}

Mailbox ParseMailbox(const std::string& s) {
  const auto lt = s.find('<');
  const auto gt = s.rfind('>');
  if (lt == std::string::npos || gt == std::string::npos || gt < lt) return {s, ""};
  std::string name = s.substr(0, lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return {name, s.substr(lt + 1, gt - lt - 1)};
}

std::string ReviewText(const std::string& program_name, Date as_of,
                       const toolkit::LanguageBank& bank,
                       const std::vector<toolkit::Finding>& findings) {
  if (findings.empty()) {
    return fmt::format(
        "Review of {}: every question of the language bank has an answer in the plan (0 "
        "findings).",
        EscapeControls(program_name));
  }
  std::string text = fmt::format(
      "Review of {}{}: {}.\n", EscapeControls(program_name), " as of " + as_of.ToString(),
      toolkit::wording::Count(static_cast<long>(findings.size()), "finding", "findings"));
  for (auto theme : toolkit::AllThemes()) {
    bool header = false;
    for (const auto& f : findings) {
      if (f.theme != theme) continue;
      if (!header) {
        text += fmt::format("\n{}: {}\n", toolkit::ThemeTitle(theme), bank.Entry(theme).question);
        header = true;
      }
      text += Wrap(fmt::format("{}: {}", f.subject, f.detail), 100, "  - ", "    ");
    }
    if (header) {
      for (const auto& phrase : toolkit::PhrasesFor(bank.Entry(theme), findings)) {
        text += Wrap(phrase, 100, "    > ", "      ");
      }
    }
  }
  return text;
}

std::string ReviewJson(const std::vector<toolkit::Finding>& findings) {
  json list = json::array();
  for (const auto& f : findings) {
    list.push_back({{"theme", std::string(toolkit::ThemeName(f.theme))},
                    {"question", f.question},
                    {"subject", f.subject},
                    {"detail", f.detail}});
  }
  return json{{"findings", list}}.dump(2);
}

}  // namespace tpmkit::report
