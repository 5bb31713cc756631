#include "tpmkit/report/evm_text.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/money_position.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

using nlohmann::json;
namespace wording = toolkit::wording;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// 0.87 -> "0.87 USD": a ratio read as money per unit of money.
std::string Money2(double v, const std::string& cur) {
  return fmt::format("{} {}", wording::Number(v, 2), cur);
}

std::string Pct(double part, double whole) {
  if (whole == 0) return "no base to compare with";
  return fmt::format("{}%", wording::Number(100.0 * part / whole, 1));
}

std::string Ratio(const std::optional<double>& v) {
  return v ? wording::Number(*v, 2) : "not defined (its denominator is 0)";
}

}  // namespace

std::string EvmText(const plan::EvmResult& e, const model::Program& p) {
  const std::string& c = p.currency;
  const toolkit::MoneyPosition money = toolkit::ComputeMoneyPosition(p, e);
  std::string out =
      fmt::format("Earned value of {} as of {} (planned cost, BAC, {}; {}).\n\n",
                  EscapeControls(p.name), e.as_of.ToString(), toolkit::WholeAmount(e.bac, c),
                  money.budget_approved ? "approved budget " + toolkit::Amount(money.budget, c)
                                        : std::string("no budget is approved"));
  out += fmt::format(
      "  planned value (PV)   {:>16}\n  earned value (EV)    {:>16}\n"
      "  actual cost (AC)     {:>16}\n\n",
      toolkit::WholeAmount(e.pv, c), toolkit::WholeAmount(e.ev, c), toolkit::WholeAmount(e.ac, c));
  out += fmt::format("Schedule variance {} ({}): {} of work was earned against {} planned by {}",
                     toolkit::WholeAmount(e.sv, c), Pct(e.sv, e.pv), toolkit::WholeAmount(e.ev, c),
                     toolkit::WholeAmount(e.pv, c), e.as_of.ToString());
  out += e.spi ? fmt::format(
                     ", so the program delivers {} of work for every {} of work planned "
                     "to date (SPI {}).\n",
                     Money2(*e.spi, c), Money2(1, c), wording::Number(*e.spi, 2))
               : "; the schedule performance index (SPI) is not defined because no work was "
                 "planned by then.\n";
  out += fmt::format("Cost variance {} ({}): {} spent for {} of earned work",
                     toolkit::WholeAmount(e.cv, c), Pct(e.cv, e.ev), toolkit::WholeAmount(e.ac, c),
                     toolkit::WholeAmount(e.ev, c));
  if (e.cpi && e.vac) {
    out += fmt::format(
        "; at this efficiency (CPI {}) the planned work costs {} in the end (EAC), {} {} "
        "its planned cost (BAC).\n",
        wording::Number(*e.cpi, 2), toolkit::WholeAmount(*e.eac, c),
        toolkit::WholeAmount(std::fabs(*e.vac), c), *e.vac < 0 ? "over" : "under");
  } else {
    out +=
        "; the cost performance index (CPI) and the estimate at completion (EAC) are not "
        "defined because nothing has been spent or earned yet.\n";
  }
  out += fmt::format(
      "If the variance so far does not repeat, the program finishes at {} (EAC, atypical); if "
      "both the cost and the schedule efficiency so far persist, at {} (EAC using CPI x SPI).\n",
      toolkit::WholeAmount(*e.eac_atypical, c),
      e.eac_cpi_spi ? toolkit::WholeAmount(*e.eac_cpi_spi, c)
                    : "an amount that cannot be computed");
  if (e.etc) {
    out += fmt::format(
        "At the cost efficiency so far, the remaining work costs {} more (estimate "
        "to complete, ETC).\n",
        toolkit::WholeAmount(*e.etc, c));
  }
  if (e.tcpi) {
    out += fmt::format(
        "To finish within the planned cost (BAC), each {} still to spend must "
        "deliver {} of work (TCPI {})",
        Money2(1, c), Money2(*e.tcpi, c), wording::Number(*e.tcpi, 2));
    out += e.cpi ? fmt::format(", against {} so far (CPI {}).\n", Money2(*e.cpi, c),
                               wording::Number(*e.cpi, 2))
                 : ".\n";
  } else {
    out +=
        "The to-complete performance index (TCPI) is not defined: the whole planned cost "
        "(BAC) is spent.\n";
  }
  out += fmt::format(
      "Earned schedule {} working days against {} elapsed (SPI_t {}): the work "
      "done is what the plan scheduled for its first {} working days",
      wording::Number(e.earned_schedule, 1), e.actual_time, Ratio(e.spi_t),
      wording::Number(e.earned_schedule, 1));
  if (e.ieac_t && e.ieac_t_date) {
    out += fmt::format(
        "; at this pace the {} planned working days take {} working days, "
        "finishing about {} (the earned-schedule estimate) instead of {}, the finish planned "
        "in the baseline.\n",
        e.planned_duration, wording::Number(*e.ieac_t, 1), e.ieac_t_date->ToString(),
        e.planned_finish.ToString());
  } else {
    out += ".\n";
  }
  out += fmt::format(
      "Planned value uses the baseline dates of {} and the plan as drawn for the "
      "others.\n",
      wording::Count(e.baseline_tasks, "task", "tasks"));
  out += "\nMoney (the same figures as status, show, changes, decide and escalate):\n";
  out += MoneyBlock(money, c);
  out += MoneySentence(money, c) + "\n";
  return out;
}

std::string EvmJson(const plan::EvmResult& e, const model::Program& p) {
  json money = json::object();
  for (const auto& [key, value] : MoneyJsonFields(toolkit::ComputeMoneyPosition(p, e))) {
    money[key] = value ? json(*value) : json(nullptr);
  }
  return json{{"money", money},
              {"as_of", e.as_of.ToString()},
              {"currency", p.currency},
              {"pv", e.pv},
              {"ev", e.ev},
              {"ac", e.ac},
              {"bac", e.bac},
              {"sv", e.sv},
              {"cv", e.cv},
              {"spi", Opt(e.spi)},
              {"cpi", Opt(e.cpi)},
              {"eac", Opt(e.eac)},
              {"eac_atypical", Opt(e.eac_atypical)},
              {"eac_cpi_spi", Opt(e.eac_cpi_spi)},
              {"etc", Opt(e.etc)},
              {"vac", Opt(e.vac)},
              {"tcpi", Opt(e.tcpi)},
              {"earned_schedule", e.earned_schedule},
              {"actual_time", e.actual_time},
              {"planned_duration", e.planned_duration},
              {"spi_t", Opt(e.spi_t)},
              {"ieac_t", Opt(e.ieac_t)}}
      .dump(2);
}

}  // namespace tpmkit::report
