#include "tpmkit/app/evidence.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>

#include "tpmkit/base/sha256.h"

namespace tpmkit::app {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed at the end of the test.
class EvidenceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "tpmkit-evidence-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void Write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  static model::Program WithEvidence(const std::vector<model::Evidence>& evidence) {
    model::Program p;
    p.id = "demo";
    p.audit = model::Audit{};
    model::AuditItem item;
    item.id = "requirements";
    item.status = model::AuditStatus::kDone;
    item.evidence = evidence;
    p.audit->items.push_back(item);
    return p;
  }
  std::vector<toolkit::EvidenceState> States(const model::Program& p) {
    toolkit::AuditInputs in;
    in.as_of = Date::FromYmd(2026, 6, 15);
    in.file_sha256 = HashEvidence(p, dir_);
    auto r = toolkit::ComputeAuditReadiness(p, in);
    std::vector<toolkit::EvidenceState> out;
    for (const auto& item : r.items) {
      if (item.id != "requirements") continue;
      for (const auto& e : item.evidence) out.push_back(e.state);
    }
    return out;
  }
  fs::path dir_;
};

TEST_F(EvidenceTest, Sha256OfAFileAndOfAMissingFile) {
  Write("a.txt", "abc");
  auto h = Sha256File(dir_ / "a.txt");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(*h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto missing = Sha256File(dir_ / "nope.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidInput);
}

TEST_F(EvidenceTest, VerifiedChangedAndMissingFiles) {
  Write("evidence/ok.md", "signed");
  Write("evidence/edited.md", "edited after signing");
  auto p = WithEvidence({{"evidence/ok.md", Sha256Hex("signed"), ""},
                         {"evidence/edited.md", Sha256Hex("as signed"), ""},
                         {"evidence/gone.md", Sha256Hex("x"), ""},
                         {"", "", "https://wiki.example.com/x"}});
  auto hashes = HashEvidence(p, dir_);
  EXPECT_EQ(hashes.size(), 2u);  // the missing file is not a key
  EXPECT_EQ(hashes["evidence/ok.md"], Sha256Hex("signed"));
  EXPECT_EQ(hashes["evidence/edited.md"], Sha256Hex("edited after signing"));
  EXPECT_EQ(States(p), (std::vector<toolkit::EvidenceState>{
                           toolkit::EvidenceState::kVerified, toolkit::EvidenceState::kChanged,
                           toolkit::EvidenceState::kMissing, toolkit::EvidenceState::kLinked}));
  // The file changes on disk: verified becomes changed; restored, verified again.
  Write("evidence/ok.md", "signed, then edited");
  EXPECT_EQ(States(p)[0], toolkit::EvidenceState::kChanged);
  Write("evidence/ok.md", "signed");
  EXPECT_EQ(States(p)[0], toolkit::EvidenceState::kVerified);
}

TEST_F(EvidenceTest, AddEvidenceStoresAPathRelativeToTheRootAndRefreshesItsHash) {
  Write("evidence/roster.md", "v1");
  auto p = WithEvidence({});
  ASSERT_TRUE(AddEvidence(p, "requirements", dir_ / "evidence/roster.md", dir_).ok());
  ASSERT_EQ(p.audit->items[0].evidence.size(), 1u);
  EXPECT_EQ(p.audit->items[0].evidence[0].path, "evidence/roster.md");
  EXPECT_EQ(p.audit->items[0].evidence[0].sha256, Sha256Hex("v1"));
  Write("evidence/roster.md", "v2");
  ASSERT_TRUE(AddEvidence(p, "requirements", dir_ / "evidence/roster.md", dir_).ok());
  ASSERT_EQ(p.audit->items[0].evidence.size(), 1u);  // replaced, not added twice
  EXPECT_EQ(p.audit->items[0].evidence[0].sha256, Sha256Hex("v2"));
  // A default item the program leaves out is created.
  ASSERT_TRUE(AddEvidence(p, "training", dir_ / "evidence/roster.md", dir_).ok());
  EXPECT_EQ(p.audit->items.back().id, "training");
  // A file outside the root (or a link in it to a file outside) is refused: `audit` would
  // never read it there.
  Write("outside/x.md", "x");
  const auto before = p;
  auto outside = AddEvidence(p, "privacy", dir_ / "outside/x.md", dir_ / "evidence");
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(outside.error().message.find("not under the evidence root"), std::string::npos);
  fs::create_symlink(dir_ / "outside/x.md", dir_ / "evidence/link.md");
  EXPECT_FALSE(AddEvidence(p, "privacy", dir_ / "evidence/link.md", dir_ / "evidence").ok());
  EXPECT_EQ(p, before);
}

TEST_F(EvidenceTest, PathsResolveInsideTheEvidenceRootOnly) {
  Write("root/evidence/a.md", "a");
  Write("outside/secret.md", "secret");
  fs::create_symlink(dir_ / "outside/secret.md", dir_ / "root/leak.md");
  fs::create_symlink(dir_ / "outside", dir_ / "root/leakdir");
  fs::create_symlink("evidence/a.md", dir_ / "root/inside.md");
  const fs::path root = dir_ / "root";
  for (const char* refused :
       {"/etc/passwd", "../outside/secret.md", "evidence/../../outside/secret.md",
        "evidence/../a.md", "leak.md", "leakdir/secret.md"}) {
    auto loc = ResolveEvidencePath(refused, root);
    EXPECT_FALSE(loc.refused.empty()) << refused;
    EXPECT_TRUE(loc.file.empty()) << refused;
  }
  EXPECT_NE(ResolveEvidencePath("/etc/passwd", root).refused.find("absolute"), std::string::npos);
  EXPECT_NE(ResolveEvidencePath("leak.md", root).refused.find("symbolic link"), std::string::npos);
  for (const char* inside : {"evidence/a.md", "./evidence/a.md", "inside.md"}) {
    auto loc = ResolveEvidencePath(inside, root);
    EXPECT_TRUE(loc.refused.empty()) << inside << loc.refused;
    EXPECT_EQ(loc.file, fs::canonical(root / "evidence/a.md")) << inside;
  }
  auto absent = ResolveEvidencePath("evidence/gone.md", root);
  EXPECT_TRUE(absent.refused.empty());
  EXPECT_TRUE(absent.file.empty());
  // A folder or a FIFO is no evidence file: missing, and reading does not wait on it.
  fs::create_directories(root / "folder.md");
  ASSERT_EQ(mkfifo((root / "fifo.md").c_str(), 0600), 0);
  EXPECT_TRUE(ResolveEvidencePath("folder.md", root).file.empty());
  EXPECT_TRUE(ResolveEvidencePath("fifo.md", root).file.empty());

  // Refused paths are never hashed: to the readiness they are missing.
  auto p = WithEvidence({{"/etc/passwd", "", ""},
                         {"leak.md", "", ""},
                         {"evidence/a.md", "", ""},
                         {"fifo.md", "", ""}});
  auto hashes = HashEvidence(p, root);
  EXPECT_EQ(hashes.size(), 1u);
  EXPECT_EQ(hashes["evidence/a.md"], Sha256Hex("a"));
}

TEST_F(EvidenceTest, PackedNamesAreSafeInsideEvidence) {
  EXPECT_EQ(PackedName("evidence/a.md"), "evidence/a.md");
  EXPECT_EQ(PackedName("a.md"), "evidence/a.md");
  EXPECT_EQ(PackedName("./docs//a.md"), "evidence/docs/a.md");
  EXPECT_EQ(PackedName("..\\..\\evil.txt"), "evidence/.._.._evil.txt");
  EXPECT_EQ(PackedName("../../evil.txt"), "evidence/__/__/evil.txt");
  EXPECT_EQ(PackedName("/etc/passwd"), "evidence/etc/passwd");
  EXPECT_EQ(PackedName("c:x\x1b.md"), "evidence/c_x_.md");
  EXPECT_EQ(PackedName(""), "evidence/_");
}

TEST_F(EvidenceTest, AddEvidenceAndSignOffRejectBadInput) {
  Write("a.md", "a");
  auto p = WithEvidence({});
  const auto before = p;
  auto missing = AddEvidence(p, "requirements", dir_ / "missing.md", dir_);
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidInput);
  auto unknown = AddEvidence(p, "no_such_item", dir_ / "a.md", dir_);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_NE(unknown.error().message.find("no_such_item"), std::string::npos);
  auto no_name = SignOff(p, "requirements", "", Date::FromYmd(2026, 6, 15));
  EXPECT_EQ(no_name.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(SignOff(p, "no_such_item", "Ana", Date::FromYmd(2026, 6, 15)).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(p, before);
  ASSERT_TRUE(SignOff(p, "requirements", "Ana Ruiz", Date::FromYmd(2026, 6, 15)).ok());
  ASSERT_TRUE(p.audit->items[0].signoff);
  EXPECT_EQ(p.audit->items[0].signoff->by, "Ana Ruiz");
}

}  // namespace
}  // namespace tpmkit::app
