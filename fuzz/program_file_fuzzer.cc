// The program-file reader and validator on arbitrary bytes. Properties: reading never
// crashes; a program it accepts is valid, and writing it back gives a file that reads to
// the same program (export -> check always passes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/model/validate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto program = tpmkit::formats::ReadProgramFile(text, "fuzz.yaml");
  if (!program.ok()) {
    TPMKIT_FUZZ_CHECK(!program.error().message.empty() || !program.error().diagnostics.empty(),
                      "a refused file says why");
    return 0;
  }
  TPMKIT_FUZZ_CHECK(tpmkit::model::Validate(*program).empty(), "an accepted program is valid");
  const std::string written = tpmkit::formats::WriteProgramFile(*program);
  auto again = tpmkit::formats::ReadProgramFile(written, "written.yaml");
  TPMKIT_FUZZ_CHECK(again.ok(), "what the writer writes, the reader reads");
  TPMKIT_FUZZ_CHECK(*again == *program, "writing then reading gives the same program");
  return 0;
}
