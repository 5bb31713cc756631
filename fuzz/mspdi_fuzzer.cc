// The MS Project XML (MSPDI) reader on arbitrary bytes. Properties: importing never
// crashes; a program it imports is valid, and its program file reads back to the same
// program (import -> export -> check always passes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "tpmkit/formats/mspdi.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  tpmkit::formats::MspdiReadOptions options;
  options.program_id = "fuzz";
  auto imported = tpmkit::formats::ReadMspdi(xml, "fuzz.xml", options);
  if (!imported.ok()) return 0;
  const auto& program = imported->program;
  TPMKIT_FUZZ_CHECK(tpmkit::model::Validate(program).empty(), "an imported program is valid");
  auto again =
      tpmkit::formats::ReadProgramFile(tpmkit::formats::WriteProgramFile(program), "exported.yaml");
  TPMKIT_FUZZ_CHECK(again.ok(), "an imported program exports to a file that checks");
  TPMKIT_FUZZ_CHECK(*again == program, "the exported file reads back to the same program");
  return 0;
}
