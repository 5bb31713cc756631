// The money of a program in words (toolkit/money_position.h): one set of rows, labels
// and JSON keys that `evm`, `changes`, `decide`, `escalate`, `show` and `status` share,
// so that the same figure has the same name everywhere.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tpmkit/toolkit/money_position.h"

namespace tpmkit::report {

// (label, amount) rows, in this order: approved budget (or "Budget (the planned cost;
// none approved)"), planned cost (BAC), contingency (budget - BAC), approved changes not
// yet in the plan, contingency left, estimate at completion (EAC, "not yet known"
// without one), forecast final cost (EAC + approved changes), headroom (budget -
// forecast final cost).
std::vector<std::pair<std::string, std::string>> MoneyRows(const toolkit::MoneyPosition& money,
                                                           const std::string& currency);

// The rows as an indented two-column block, one row a line, each line ending in '\n'.
std::string MoneyBlock(const toolkit::MoneyPosition& money, const std::string& currency,
                       int indent = 2);

// The JSON keys of the same figures, in currency units (nullopt: JSON null, the EAC
// when unknown): budget, bac, contingency, approved_changes, contingency_left, eac,
// forecast_final_cost, headroom.
std::vector<std::pair<std::string, std::optional<double>>> MoneyJsonFields(
    const toolkit::MoneyPosition& money);

// One sentence: "The forecast final cost is 2,388,362 USD (EAC 2,343,362 USD plus
// 45,000 USD of approved changes not yet in the plan), 11,638 USD under the approved
// budget of 2,400,000 USD."
std::string MoneySentence(const toolkit::MoneyPosition& money, const std::string& currency);

}  // namespace tpmkit::report
