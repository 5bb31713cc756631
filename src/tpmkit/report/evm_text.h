// Earned value in words and as the JSON document of cli.md: each variance explained in
// one sentence in finance's words (computations.md section 5).
#pragma once

#include <string>

#include "tpmkit/model/program.h"
#include "tpmkit/plan/evm.h"

namespace tpmkit::report {

std::string EvmText(const plan::EvmResult& evm, const model::Program& program);
// {"as_of","currency","pv","ev","ac","bac","sv","cv","spi","cpi","eac","eac_atypical",
//  "eac_cpi_spi","etc","vac","tcpi","earned_schedule","actual_time","planned_duration",
//  "spi_t","ieac_t"}
std::string EvmJson(const plan::EvmResult& evm, const model::Program& program);

}  // namespace tpmkit::report
