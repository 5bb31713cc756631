// audit (readiness), audit evidence add, audit signoff, audit pack, audit verify and log:
// each command's arguments and Run (audit_commands.cc, the one owner of `audit`).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct AuditArgs {
  Common common;
  SourceArgs source;
  std::string evidence_root;  // empty: the program file's folder
};
ExitCode RunAudit(const AuditArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct EvidenceAddArgs {
  Common common;
  std::string program;
  std::string item;
  std::string file;
  std::string evidence_root;  // empty: the current folder
};
ExitCode RunEvidenceAdd(const EvidenceAddArgs& args, app::Env& env, std::ostream& out,
                        std::ostream& err);

struct SignoffArgs {
  Common common;
  std::string program;
  std::string item;
  std::string by;
  std::string on;  // empty: the date in force
};
ExitCode RunSignoff(const SignoffArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct PackArgs {
  Common common;
  SourceArgs source;
  std::string evidence_root;
  std::string output;
  bool allow_missing = false;  // write the pack without the evidence that is not there
};
ExitCode RunPack(const PackArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

// Exit 1 (kCheckFailed) when the chain is broken.
struct VerifyArgs {
  Common common;
};
ExitCode RunVerify(const VerifyArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct LogArgs {
  Common common;
  std::string program;
  std::string entity;
  std::string since;  // YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ
  std::string actor;
  size_t limit = 0;  // 0: all
};
ExitCode RunLog(const LogArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
