// Writes a generated program file with N tasks, for the end-to-end benchmarks.
// Usage: tpmkit_gen_program TASKS [SEED] > program.yaml
#include <cstdlib>
#include <iostream>

#include "generate.h"
#include "tpmkit/formats/program_file.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tpmkit_gen_program TASKS [SEED]\n";
    return 2;
  }
  tpmkit::testing::GenerateOptions options;
  options.tasks = std::atoi(argv[1]);
  options.projects = std::max(3, options.tasks / 2000);
  options.seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  std::cout << tpmkit::formats::WriteProgramFile(tpmkit::testing::GenerateProgram(options));
  return 0;
}
