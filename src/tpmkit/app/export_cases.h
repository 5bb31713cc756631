// export --format xlsx|ics|csv: the program's registers and dates for the tools people
// already use: an Excel workbook, an iCalendar file, CSV files. (yaml and mspdi, the
// program itself, are ExportProgram in program_cases.h.)
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"

namespace tpmkit::app {

struct ExportDataRequest {
  ProgramSource source;
  std::string format;  // xlsx | ics | csv
  std::optional<Date> as_of;
  // csv: the one register to write (report::ExportRegisterNames()); empty: every
  // register, one NAME.csv each in the folder `output`. Other formats: must be empty.
  std::string register_name;
  // Where to write, atomically: the file, or for csv without a register the folder (made
  // when missing; its parent must exist). nullopt: nothing is written, `content` has it.
  std::optional<std::filesystem::path> output;
  // The forecast behind the p_on_time KPI (xlsx, csv kpis), run only when the program
  // has a p_on_time target.
  ForecastRequest forecast;
};

struct ExportDataResponse {
  std::string program;
  Date as_of;
  std::string content;    // the document (xlsx bytes, ics or csv text); empty for a folder
  std::string file_name;  // a name for the document: "phoenix.xlsx", "phoenix-risks.csv"
  std::vector<std::filesystem::path> written;  // the files written, in register order
  std::vector<Diagnostic> warnings;            // what an import could not represent
};

// The dates in force are DateInForce's; the ics DTSTAMP and the workbook's creation time
// are env.clock's now. Errors: kUsage for an unknown format or register, a register with
// a format other than csv, csv of every register without `output`, and an `output`
// that is not a folder there; kInvalidInput when a file cannot be written; those of
// LoadProgram, the schedule and the forecast; kStorage when the workbook's temporary
// file fails. Nothing is written unless everything was computed.
Result<ExportDataResponse> ExportData(Env& env, const ExportDataRequest& request);

}  // namespace tpmkit::app
