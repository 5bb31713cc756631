// The Jira CSV reader on arbitrary bytes. Properties: importing never crashes; a program
// it imports is valid, and its program file reads back to the same program (import ->
// export -> check always passes). The project filter is taken from the first byte, so
// that the filtered path is explored too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "tpmkit/formats/jira_csv.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view csv(reinterpret_cast<const char*>(data), size);
  tpmkit::formats::JiraReadOptions options;
  options.program_id = "fuzz";
  options.fallback_start = tpmkit::Date::FromYmd(2026, 6, 15);
  if (size > 0 && data[0] % 4 == 0) options.project_key = "PHX";
  auto imported = tpmkit::formats::ReadJiraCsv(csv, "fuzz.csv", options);
  if (!imported.ok()) return 0;
  const auto& program = imported->program;
  TPMKIT_FUZZ_CHECK(tpmkit::model::Validate(program).empty(), "an imported program is valid");
  TPMKIT_FUZZ_CHECK(imported->issues >= program.TaskCount(), "every task is an issue of the file");
  auto again =
      tpmkit::formats::ReadProgramFile(tpmkit::formats::WriteProgramFile(program), "exported.yaml");
  TPMKIT_FUZZ_CHECK(again.ok(), "an imported program exports to a file that checks");
  TPMKIT_FUZZ_CHECK(*again == program, "the exported file reads back to the same program");
  return 0;
}
