#include "tpmkit/app/export_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "tpmkit/formats/csv.h"
#include "tpmkit/formats/ics.h"
#include "tpmkit/formats/xlsx.h"
#include "tpmkit/report/calendar_entries.h"
#include "tpmkit/report/export_tables.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::app {

namespace {

std::string RegisterList() {
  return fmt::format("{}", fmt::join(report::ExportRegisterNames(), ", "));
}

// The figures of one program as of one date, each computed on first use: a CSV of the
// risks runs no schedule, and only the KPIs run the forecast.
class Figures {
 public:
  Figures(const model::Program& program, Date as_of, const ForecastRequest& forecast)
      : program_(program), as_of_(as_of), forecast_(forecast) {}

  Result<const plan::Schedule*> Schedule() {
    if (!schedule_) {
      TPMKIT_ASSIGN_OR_RETURN(auto s, ScheduleOf(program_, as_of_));
      schedule_ = std::move(s);
    }
    return &*schedule_;
  }
  const toolkit::StakeholderMatrix& Matrix() {
    if (!matrix_) matrix_ = toolkit::ComputeStakeholderMatrix(program_, as_of_);
    return *matrix_;
  }
  const toolkit::AuditReadiness& Readiness() {
    if (!readiness_) readiness_ = ReadinessOf(program_, as_of_);
    return *readiness_;
  }

  Result<Table> RegisterTable(std::string_view name) {
    if (name == "tasks") {
      TPMKIT_ASSIGN_OR_RETURN(const plan::Schedule* s, Schedule());
      return report::TasksTable(program_, *s);
    }
    if (name == "risks")
      return report::RisksTable(program_, toolkit::ComputeRiskRegister(program_));
    if (name == "stakeholders") return report::StakeholdersTable(Matrix());
    if (name == "decisions") return report::DecisionsTable(program_);
    if (name == "changes") return report::ChangesTable(program_);
    if (name == "audit") return report::AuditTable(Readiness());
    if (name == "kpis") {
      TPMKIT_ASSIGN_OR_RETURN(toolkit::KpiValues values, KpiValuesOf(program_, as_of_, forecast_));
      std::optional<toolkit::Health> health;
      if (program_.targets) health = toolkit::ComputeHealth(*program_.targets, values);
      return report::KpisTable(values, health);
    }
    return Error::Usage(
        fmt::format("unknown register '{}': expected one of {}", name, RegisterList()));
  }

 private:
  const model::Program& program_;
  Date as_of_;
  ForecastRequest forecast_;
  std::optional<plan::Schedule> schedule_;
  std::optional<toolkit::StakeholderMatrix> matrix_;
  std::optional<toolkit::AuditReadiness> readiness_;
};

Status CheckRequest(const ExportDataRequest& r) {
  if (r.format != "xlsx" && r.format != "ics" && r.format != "csv") {
    return Error::Usage("unknown export format '" + r.format + "': xlsx, ics or csv");
  }
  if (!r.register_name.empty()) {
    if (r.format != "csv") {
      return Error::Usage("a register is chosen for csv only (" + r.format +
                          " holds every register)");
    }
    const auto& names = report::ExportRegisterNames();
    if (std::find(names.begin(), names.end(), r.register_name) == names.end()) {
      return Error::Usage(fmt::format("unknown register '{}': expected one of {}", r.register_name,
                                      RegisterList()));
    }
  } else if (r.format == "csv" && !r.output) {
    return Error::Usage(
        "csv holds one register: name it, or give a folder to write one file per register in");
  }
  return OkStatus();
}

// The folder of a csv export of every register: made when missing.
Status EnsureFolder(const std::filesystem::path& folder) {
  std::error_code ec;
  if (std::filesystem::is_directory(folder, ec)) return OkStatus();
  if (std::filesystem::exists(folder, ec)) {
    return Error::Usage(folder.string() +
                        ": not a folder (csv of every register writes one file per register "
                        "into a folder)");
  }
  if (!std::filesystem::create_directory(folder, ec) || ec) {
    return Error::Invalid(folder.string() + ": cannot create the folder: " +
                          (ec ? ec.message() : std::string("unknown reason")));
  }
  return OkStatus();
}

}  // namespace

Result<ExportDataResponse> ExportData(Env& env, const ExportDataRequest& request) {
  TPMKIT_RETURN_IF_ERROR(CheckRequest(request));
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  const model::Program& program = loaded.program;
  ExportDataResponse response;
  response.program = program.id;
  response.as_of = DateInForce(program, request.as_of, env.clock);
  response.warnings = std::move(loaded.warnings);
  Figures figures(program, response.as_of, request.forecast);

  if (request.format == "ics") {
    TPMKIT_ASSIGN_OR_RETURN(const plan::Schedule* schedule, figures.Schedule());
    const auto entries =
        report::ProgramCalendar(program, *schedule, figures.Matrix(), figures.Readiness());
    formats::IcsOptions options;
    options.calendar_name = program.name.empty() ? program.id : program.name;
    options.uid_domain = program.id + ".tpmkit";
    options.stamp = env.clock.Now();
    response.content = formats::WriteIcs(entries, options);
    response.file_name = program.id + ".ics";
  } else if (request.format == "xlsx") {
    std::vector<Table> tables;
    for (std::string_view name : report::ExportRegisterNames()) {
      TPMKIT_ASSIGN_OR_RETURN(Table table, figures.RegisterTable(name));
      tables.push_back(std::move(table));
    }
    formats::XlsxOptions options;
    options.title = program.name.empty() ? program.id : program.name;
    options.created = env.clock.Now();
    TPMKIT_ASSIGN_OR_RETURN(response.content, formats::WriteXlsx(tables, options));
    response.file_name = program.id + ".xlsx";
  } else if (!request.register_name.empty()) {
    TPMKIT_ASSIGN_OR_RETURN(Table table, figures.RegisterTable(request.register_name));
    response.content = formats::WriteCsv(table);
    response.file_name = program.id + "-" + request.register_name + ".csv";
  } else {
    // Every register: all computed before the first file is written.
    std::vector<std::pair<std::filesystem::path, std::string>> files;
    for (std::string_view name : report::ExportRegisterNames()) {
      TPMKIT_ASSIGN_OR_RETURN(Table table, figures.RegisterTable(name));
      files.emplace_back(*request.output / (std::string(name) + ".csv"), formats::WriteCsv(table));
    }
    TPMKIT_RETURN_IF_ERROR(EnsureFolder(*request.output));
    for (const auto& [path, text] : files) {
      TPMKIT_RETURN_IF_ERROR(WriteTextFile(path, text));
      response.written.push_back(path);
    }
    return response;
  }
  if (request.output) {
    TPMKIT_RETURN_IF_ERROR(WriteTextFile(*request.output, response.content));
    response.written.push_back(*request.output);
  }
  return response;
}

}  // namespace tpmkit::app
