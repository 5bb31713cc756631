// The command line's conventions, through Main as the binary runs it: usage for `tpmkit`
// and `tpmkit help`, the nearest command for a typo, -p before the command, options given
// to a command group, and the last-resort answers (out of memory).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <new>
#include <sstream>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {
namespace {

namespace fs = std::filesystem;

// Runs Main with TPMKIT_DB in a fresh folder, a fixed clock and actor.
class MainTest : public ::testing::Test {
 protected:
  MainTest() {
    static int counter = 0;
    folder_ = fs::temp_directory_path() /
              ("tpmkit-main-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(folder_);
    fs::create_directories(folder_);
    env_ = {{"TPMKIT_DB", (folder_ / "workspace.db").string()},
            {"TPMKIT_NOW", "2026-06-15T09:30:00Z"},
            {"TPMKIT_ACTOR", "tester"},
            {"NO_COLOR", "1"}};
  }
  ~MainTest() override { fs::remove_all(folder_); }

  ExitCode Run(const std::vector<std::string>& args) {
    out_.str("");
    err_.str("");
    MainOptions options;
    options.getenv = [this](const std::string& name) -> std::optional<std::string> {
      auto it = env_.find(name);
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
    return Main(args, out_, err_, options);
  }

  void ApplyPhoenix() {
    ASSERT_EQ(Run({"apply", "examples/phoenix.yaml"}), ExitCode::kOk) << err_.str();
  }

  std::string Db() const { return env_.at("TPMKIT_DB"); }

  fs::path folder_;
  std::map<std::string, std::string> env_;
  std::ostringstream out_, err_;
};

TEST_F(MainTest, AloneItPrintsTheUsageAndExits2) {
  EXPECT_EQ(Run({}), ExitCode::kBadInput);
  EXPECT_EQ(out_.str(), "");
  EXPECT_NE(err_.str().find("Usage: tpmkit [OPTIONS] SUBCOMMAND"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("  help "), std::string::npos) << err_.str();
}

TEST_F(MainTest, HelpPrintsTheUsageAndExits0) {
  EXPECT_EQ(Run({"help"}), ExitCode::kOk);
  EXPECT_EQ(err_.str(), "");
  const std::string usage = out_.str();
  EXPECT_NE(usage.find("Usage: tpmkit [OPTIONS] SUBCOMMAND"), std::string::npos) << usage;
  EXPECT_EQ(Run({"--help"}), ExitCode::kOk);
  EXPECT_EQ(out_.str(), usage);
}

TEST_F(MainTest, HelpOfACommandIsItsHelp) {
  EXPECT_EQ(Run({"risk", "add", "--help"}), ExitCode::kOk);
  const std::string help = out_.str();
  EXPECT_NE(help.find("Usage: tpmkit risk add [OPTIONS] ID"), std::string::npos) << help;
  EXPECT_EQ(Run({"help", "risk", "add"}), ExitCode::kOk);
  EXPECT_EQ(out_.str(), help);
  EXPECT_EQ(Run({"--db", "x.db", "help", "risk", "add"}), ExitCode::kOk);
  EXPECT_EQ(out_.str(), help);
}

TEST_F(MainTest, AGroupWithoutItsSubcommandPrintsItsUsage) {
  EXPECT_EQ(Run({"risk"}), ExitCode::kBadInput);
  EXPECT_EQ(out_.str(), "");
  EXPECT_NE(err_.str().find("Usage: tpmkit risk [OPTIONS] SUBCOMMAND"), std::string::npos)
      << err_.str();
}

TEST_F(MainTest, AnUnknownCommandSuggestsTheNearest) {
  EXPECT_EQ(Run({"shwo"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: unknown command 'shwo'; did you mean 'show'?\n"
            "Run `tpmkit help` for the list of commands.\n");
  EXPECT_EQ(Run({"--json", "schedul", "-p", "x"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str().substr(0, err_.str().find('\n')),
            "tpmkit: unknown command 'schedul'; did you mean 'schedule'?");
  EXPECT_EQ(Run({"risk", "ad", "R-1"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: unknown command 'risk ad'; did you mean 'risk add'?\n"
            "Run `tpmkit help risk` for the list of commands.\n");
  EXPECT_EQ(Run({"stakeholderz"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str().substr(0, err_.str().find('\n')),
            "tpmkit: unknown command 'stakeholderz'; did you mean 'stakeholders' or "
            "'stakeholder'?");
  EXPECT_EQ(Run({"frobnicate"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: unknown command 'frobnicate'\nRun `tpmkit help` for the list of commands.\n");
  EXPECT_EQ(Run({"help", "shwo"}), ExitCode::kBadInput);
  EXPECT_NE(err_.str().find("did you mean 'show'?"), std::string::npos) << err_.str();
}

TEST_F(MainTest, ProgramBeforeTheCommandIsTheCommandsProgram) {
  ApplyPhoenix();
  ASSERT_EQ(Run({"show", "-p", "phoenix"}), ExitCode::kOk) << err_.str();
  const std::string show = out_.str();
  EXPECT_EQ(Run({"-p", "phoenix", "show"}), ExitCode::kOk) << err_.str();
  EXPECT_EQ(out_.str(), show);
  EXPECT_EQ(Run({"--program", "phoenix", "show", "-p", "phoenix"}), ExitCode::kOk);
  EXPECT_EQ(Run({"-p", "nosuch", "show"}), ExitCode::kBadInput);
  EXPECT_NE(err_.str().find("nosuch"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"-p", "phoenix", "show", "-p", "other"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(), "tpmkit: -p,--program: given twice, before and after the command\n");
  EXPECT_EQ(Run({"-p", "phoenix", "show", "-f", "examples/phoenix.yaml"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(), "tpmkit: -p,--program and -f,--file exclude each other\n");
  // A subcommand's -p, given to its group or before the command.
  EXPECT_EQ(Run({"-p", "phoenix", "risk", "close", "R-13"}), ExitCode::kOk) << err_.str();
  EXPECT_EQ(Run({"changes", "-p", "phoenix", "approve", "CR-03", "--by", "Dana Lee"}),
            ExitCode::kOk)
      << err_.str();
}

TEST_F(MainTest, AnOptionTheCommandDoesNotTakeIsRefusedNotIgnored) {
  ApplyPhoenix();
  EXPECT_EQ(Run({"-p", "phoenix", "init"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: -p,--program: `tpmkit init` has no such option; see `tpmkit init --help`\n");
  // The group's -p used to be taken by `audit` and ignored by `audit verify`.
  EXPECT_EQ(Run({"audit", "verify", "-p", "phoenix"}), ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: -p,--program: `tpmkit audit verify` has no such option; see `tpmkit audit "
            "verify --help`\n");
  EXPECT_EQ(Run({"scorecard", "-f", "examples/phoenix.yaml", "assess", "--rating", "vendor=3",
                 "--by", "Ana"}),
            ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: -f,--file: `tpmkit scorecard assess` edits the workspace; use -p, not -f\n");
  EXPECT_EQ(Run({"changes", "approve", "CR-03", "--by", "Ana", "-f", "examples/phoenix.yaml"}),
            ExitCode::kBadInput);
  EXPECT_EQ(err_.str(),
            "tpmkit: -f,--file: `tpmkit changes approve` edits the workspace; use -p, not -f\n");
  EXPECT_EQ(Run({"stakeholders", "--overdue", "plan", "-p", "phoenix"}), ExitCode::kOk)
      << err_.str();
}

TEST_F(MainTest, HelpListsOnlyOptionsTheCommandTakes) {
  for (const char* edit : {"approve", "reject", "implement"}) {
    EXPECT_EQ(Run({"changes", edit, "--help"}), ExitCode::kOk);
    EXPECT_EQ(out_.str().find("--file"), std::string::npos) << out_.str();
    EXPECT_NE(out_.str().find("-p,--program"), std::string::npos) << out_.str();
  }
  EXPECT_EQ(Run({"check", "--help"}), ExitCode::kOk);
  EXPECT_NE(out_.str().find("Usage: tpmkit check [OPTIONS] FILE"), std::string::npos);
  EXPECT_EQ(out_.str().find("--file"), std::string::npos) << out_.str();
}

TEST_F(MainTest, CheckTakesTheFileAsPositionalOrAfterMinusF) {
  EXPECT_EQ(Run({"check", "examples/phoenix.yaml"}), ExitCode::kOk) << err_.str();
  const std::string ok = out_.str();
  EXPECT_EQ(Run({"check", "-f", "examples/phoenix.yaml"}), ExitCode::kOk) << err_.str();
  EXPECT_EQ(out_.str(), ok);
  EXPECT_EQ(Run({"check"}), ExitCode::kBadInput);
  EXPECT_NE(err_.str().find("FILE is required"), std::string::npos) << err_.str();
  EXPECT_EQ(Run({"check", "examples/phoenix.yaml", "-f", "examples/phoenix.yaml"}),
            ExitCode::kBadInput);
  EXPECT_NE(err_.str().find("give the program file once"), std::string::npos) << err_.str();
}

TEST_F(MainTest, ExportRefusesJson) {
  EXPECT_EQ(Run({"--json", "export", "-f", "examples/phoenix.yaml"}), ExitCode::kBadInput);
  EXPECT_EQ(out_.str(), "");
  EXPECT_NE(err_.str().find("tpmkit: --json: export writes"), std::string::npos) << err_.str();
}

TEST_F(MainTest, WorkspaceErrorsNameTheFileAndWhatChoseIt) {
  EXPECT_EQ(Run({"show"}), ExitCode::kWorkspace);
  EXPECT_EQ(err_.str(), "tpmkit: no workspace at " + Db() +
                            " (from TPMKIT_DB): run `tpmkit init` or `tpmkit apply FILE` "
                            "first, or name one with --db\n");
  EXPECT_EQ(Run({"--db", Db(), "show"}), ExitCode::kWorkspace);
  EXPECT_EQ(err_.str(), "tpmkit: no workspace at " + Db() +
                            ": run `tpmkit init` or `tpmkit apply FILE` first, or name one "
                            "with --db\n");
}

TEST_F(MainTest, OutOfMemoryIsBadInputWithAMessage) {
  MainOptions options;
  options.getenv = [](const std::string&) -> std::optional<std::string> { throw std::bad_alloc(); };
  EXPECT_EQ(Main({"show"}, out_, err_, options), ExitCode::kBadInput);
  EXPECT_EQ(err_.str().substr(0, 27), "tpmkit: out of memory: the ");
}

}  // namespace
}  // namespace tpmkit::cli
