// End-to-end tests of decide, stakeholders, stakeholder contact, changes and audit
// (evidence add, signoff, pack): the built binary on examples/phoenix.yaml and on real
// SQLite workspaces. Golden outputs live in tests/golden/ (TPMKIT_UPDATE_GOLDEN=1
// rewrites them).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kAsOf = "2026-06-15";

std::string Phoenix() { return Example("phoenix.yaml").string(); }
std::string Examples() { return (SourceDir() / "examples").string(); }

json Json(const Run& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

// Compares `actual` with tests/golden/NAME; TPMKIT_UPDATE_GOLDEN=1 rewrites the file.
void Golden(const std::string& name, const std::string& actual) {
  const auto path = SourceDir() / "tests" / "golden" / name;
  if (const char* u = std::getenv("TPMKIT_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    WriteFile(path, actual);
    return;
  }
  ASSERT_TRUE(fs::exists(path)) << path << " is missing; run with "
                                << "TPMKIT_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, ReadFile(path)) << "golden " << name << " differs";
}

// Runs a shell command (with its own environment prefix) and returns its stdout.
std::string Shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  EXPECT_NE(p, nullptr) << command;
  if (!p) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  EXPECT_EQ(pclose(p), 0) << command;
  return out;
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// The SHA-256 of a file by coreutils' sha256sum: independent of tpmkit's own hashing.
std::string Sha256sum(const fs::path& file) {
  std::string out = Shell("sha256sum " + Quote(file.string()));
  return out.substr(0, out.find(' '));
}

std::vector<std::string> DecideMemoArgs(const std::string& threads) {
  return {"decide", "D-01", "-f",           Phoenix(), "--memo",    "--as-of", kAsOf,
          "--seed", "7",    "--iterations", "2000",    "--threads", threads};
}

TEST(Toolkit2Golden, DecisionMemoOnPhoenix) {
  TempDir dir;
  auto one = Tpmkit(DecideMemoArgs("1"), dir.path());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  auto four = Tpmkit(DecideMemoArgs("4"), dir.path());
  ASSERT_EQ(four.exit_code, 0) << four.err;
  EXPECT_EQ(one.out, four.out) << "the memo depends on the thread count";
  Golden("decision_memo_phoenix.md", one.out);
  // A memo a steering committee reads as it is: no placeholders, no raw values.
  for (const char* bad : {"TODO", "TBD", "{}", "unknown", " nan", "nan%", "null", "  .", " ,"}) {
    EXPECT_EQ(one.out.find(bad), std::string::npos) << bad;
  }
  for (const char* section :
       {"## Context", "## Options", "## Criteria and weights", "## Ranking",
        "## How robust the ranking is", "## What each stakeholder would prefer",
        "## Decision rule applied", "## Recommendation", "## How it will be communicated"}) {
    EXPECT_NE(one.out.find(section), std::string::npos) << section;
  }
  // The rule of D-01 is a p_on_time floor of 0.4, read and applied in words.
  EXPECT_NE(one.out.find("a chance of finishing on time of at least 40%"), std::string::npos);
}

TEST(Toolkit2Golden, StakeholderMatrixAndCommunicationPlanOnPhoenix) {
  TempDir dir;
  auto matrix = Tpmkit({"stakeholders", "-f", Phoenix(), "--as-of", kAsOf}, dir.path());
  ASSERT_EQ(matrix.exit_code, 0) << matrix.err;
  Golden("stakeholders_phoenix.txt", matrix.out);
  auto plan = Tpmkit({"stakeholders", "plan", "-f", Phoenix(), "--as-of", kAsOf}, dir.path());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  Golden("communication_plan_phoenix.txt", plan.out);
  // Every stakeholder of the example is in both.
  for (const char* name : {"Dana Lee", "Robert Okafor", "Helen Marsh", "Victor Lindqvist",
                           "Marcus Reid", "Maria Gomez", "Tom Becker", "Grace Nakamura",
                           "Samuel Adeyemi", "Lena Fischer", "Owen Price"}) {
    EXPECT_NE(matrix.out.find(name), std::string::npos) << name;
    EXPECT_NE(plan.out.find(name), std::string::npos) << name;
  }
}

TEST(Toolkit2, DecideJsonPerCliMd) {
  TempDir dir;
  auto d = Json(Tpmkit({"decide", "D-01", "-f", Phoenix(), "--json", "--as-of", kAsOf, "--seed",
                        "7", "--iterations", "2000"},
                       dir.path()));
  EXPECT_EQ(d["id"], "D-01");
  ASSERT_EQ(d["ranking"].size(), 3u);
  double previous = 6;
  for (const auto& r : d["ranking"]) {
    for (const char* k : {"option", "weighted_score", "scores", "metrics"}) {
      EXPECT_TRUE(r.contains(k)) << k;
    }
    for (const char* k : {"cost", "finish", "p80_finish", "p_on_time"}) {
      EXPECT_TRUE(r["metrics"].contains(k)) << k;
    }
    EXPECT_LE(r["weighted_score"].get<double>(), previous);
    previous = r["weighted_score"].get<double>();
  }
  ASSERT_EQ(d["sensitivity"].size(), 4u);
  for (const auto& s : d["sensitivity"]) {
    EXPECT_TRUE(s.contains("criterion"));
    EXPECT_TRUE(s.contains("flip_at"));
  }
  ASSERT_EQ(d["stakeholders"].size(), 2u);
  for (const auto& s : d["stakeholders"]) {
    EXPECT_TRUE(s.contains("stakeholder"));
    EXPECT_TRUE(s.contains("top_option"));
  }
  EXPECT_TRUE(d.contains("memo"));
  EXPECT_TRUE(d["memo"].is_null());
  // The rule "p_on_time of at least 0.4" is read, and the recommendation is the best-ranked
  // option that reaches it.
  EXPECT_EQ(d["decision_rule"]["reading"], "read");
  ASSERT_EQ(d["decision_rule"]["conditions"].size(), 1u);
  EXPECT_EQ(d["decision_rule"]["conditions"][0]["kind"], "p_on_time_at_least");
  EXPECT_DOUBLE_EQ(d["decision_rule"]["conditions"][0]["value"].get<double>(), 0.4);
  std::string expected;
  for (const auto& r : d["ranking"]) {
    if (r["metrics"]["p_on_time"].get<double>() >= 0.4) {
      expected = r["option"];
      break;
    }
  }
  EXPECT_EQ(d["recommendation"], expected);

  auto with_memo = Json(Tpmkit({"decide", "D-01", "-f", Phoenix(), "--json", "--memo", "--as-of",
                                kAsOf, "--iterations", "500"},
                               dir.path()));
  ASSERT_TRUE(with_memo["memo"].is_string());
  EXPECT_EQ(with_memo["memo"].get<std::string>().rfind("# Decision memo D-01", 0), 0u);
}

TEST(Toolkit2, StakeholdersJsonAndOverdue) {
  TempDir dir;
  auto s = Json(Tpmkit({"stakeholders", "-f", Phoenix(), "--json", "--as-of", kAsOf}, dir.path()));
  ASSERT_EQ(s["stakeholders"].size(), 11u);
  std::map<std::string, json> by_id;
  int previous = 26;
  for (const auto& x : s["stakeholders"]) {
    for (const char* k : {"id", "name", "quadrant", "priority", "next_contact", "overdue"}) {
      EXPECT_TRUE(x.contains(k)) << k;
    }
    EXPECT_LE(x["priority"].get<int>(), previous);  // priority descending
    previous = x["priority"].get<int>();
    by_id[x["id"]] = x;
  }
  // §6: quadrants, priority, default cadences and next contact.
  EXPECT_EQ(by_id["sponsor"]["quadrant"], "manage_closely");
  EXPECT_EQ(by_id["sponsor"]["priority"], 20);
  EXPECT_EQ(by_id["sponsor"]["next_contact"], "2026-06-19");
  EXPECT_FALSE(by_id["sponsor"]["overdue"].get<bool>());
  EXPECT_EQ(by_id["ciso"]["quadrant"], "keep_satisfied");
  EXPECT_EQ(by_id["ciso"]["next_contact"], "2026-06-11");  // default 14 days
  EXPECT_EQ(by_id["infra-ops"]["quadrant"], "keep_informed");
  EXPECT_EQ(by_id["infra-ops"]["next_contact"], "2026-06-24");
  EXPECT_EQ(by_id["internal-audit"]["quadrant"], "monitor");
  EXPECT_EQ(by_id["internal-audit"]["next_contact"], "2026-06-19");  // default 30 days
  EXPECT_TRUE(by_id["partner-council"]["next_contact"].is_null());   // never contacted
  EXPECT_TRUE(by_id["partner-council"]["overdue"].get<bool>());
  // Equal priority 20: the resistant billing-ops comes before the neutral cfo.
  EXPECT_EQ(s["stakeholders"][0]["id"], "billing-ops");

  // Overdue as of 2026-06-15: next contact before it, or never contacted.
  auto o = Json(Tpmkit({"stakeholders", "-f", Phoenix(), "--json", "--overdue", "--as-of", kAsOf},
                       dir.path()));
  std::vector<std::string> ids;
  for (const auto& x : o["stakeholders"]) {
    ids.push_back(x["id"]);
    EXPECT_TRUE(x["overdue"].get<bool>());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"billing-ops", "cfo", "ciso", "partner-council"}));
  auto text = Tpmkit({"stakeholders", "-f", Phoenix(), "--overdue", "--as-of", kAsOf}, dir.path());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* in : {"Helen Marsh", "Robert Okafor", "Victor Lindqvist", "Owen Price"}) {
    EXPECT_NE(text.out.find(in), std::string::npos) << in;
  }
  for (const char* out : {"Dana Lee", "Marcus Reid", "Tom Becker", "Lena Fischer"}) {
    EXPECT_EQ(text.out.find(out), std::string::npos) << out;
  }
  // A day later the sponsor's weekly contact is still not due; on 2026-06-20 it is.
  auto later =
      Json(Tpmkit({"stakeholders", "-f", Phoenix(), "--json", "--overdue", "--as-of", "2026-06-20"},
                  dir.path()));
  bool sponsor = false;
  for (const auto& x : later["stakeholders"]) sponsor = sponsor || x["id"] == "sponsor";
  EXPECT_TRUE(sponsor);
}

TEST(Toolkit2, ChangesAndAssessJsonPerCliMd) {
  TempDir dir;
  auto c = Json(Tpmkit({"changes", "-f", Phoenix(), "--json"}, dir.path()));
  ASSERT_TRUE(c["changes"].is_array());
  std::vector<std::string> ids;
  for (const auto& x : c["changes"]) ids.push_back(x["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"CR-01", "CR-02", "CR-03", "CR-04"}));

  auto a = Json(Tpmkit({"changes", "assess", "CR-03", "-f", Phoenix(), "--json", "--as-of", kAsOf,
                        "--iterations", "2000", "--seed", "3"},
                       dir.path()));
  for (const char* k : {"id", "finish_before", "finish_after", "p_on_time_before",
                        "p_on_time_after", "cost_delta", "recommendation"}) {
    EXPECT_TRUE(a.contains(k)) << k;
  }
  EXPECT_EQ(a["id"], "CR-03");
  EXPECT_DOUBLE_EQ(a["cost_delta"].get<double>(), 64000);  // impact.cost
  EXPECT_GE(a["finish_after"].get<std::string>(), a["finish_before"].get<std::string>());
  EXPECT_LE(a["p_on_time_after"].get<double>(), a["p_on_time_before"].get<double>());
  // targets.p_on_time is 0.8: a change that leaves it below 0.8 is rejected.
  ASSERT_LT(a["p_on_time_after"].get<double>(), 0.8);
  EXPECT_EQ(a["recommendation"], "reject");
}

TEST(Toolkit2, AuditJsonPerCliMd) {
  TempDir dir;
  auto a = Json(Tpmkit({"audit", "-f", Phoenix(), "--json", "--as-of", kAsOf}, dir.path()));
  ASSERT_EQ(a["items"].size(), 10u);
  for (const auto& item : a["items"]) {
    for (const char* k : {"id", "status", "unsupported", "overdue", "evidence"}) {
      EXPECT_TRUE(item.contains(k)) << k;
    }
    for (const auto& e : item["evidence"]) {
      EXPECT_TRUE(e.contains("ref"));
      EXPECT_TRUE(e.contains("state"));
      // Read from the file: paths resolve against its folder, and every hash matches.
      if (e["ref"].get<std::string>().rfind("evidence/", 0) == 0) {
        EXPECT_EQ(e["state"], "verified");
      }
    }
  }
  EXPECT_TRUE(a["gaps"].is_array());
  // Nine applicable items (internal_audits is not applicable), six done.
  EXPECT_NEAR(a["readiness"].get<double>(), 100.0 * 6 / 9, 1e-9);
}

class Toolkit2Workspace : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = T({"apply", Phoenix()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  fs::path Db() const { return dir_.path() / "ws.db"; }
  e2e::Run T(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db().string()});
    return Tpmkit(args, dir_.path(), {{"TZ", "UTC"}});
  }
  std::string Export() {
    auto r = T({"export"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  // Runs a command that must fail with exit 2 and change nothing.
  void ExpectRejected(const std::vector<std::string>& args) {
    const std::string before = Export();
    auto r = T(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1] << ": " << r.err;
    EXPECT_FALSE(r.err.empty());
    EXPECT_EQ(Export(), before) << "bad input changed the workspace";
  }
  void ExpectTrailVerifies() {
    auto v = T({"--json", "audit", "verify"});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
    EXPECT_TRUE(json::parse(v.out)["ok"].get<bool>());
  }
  TempDir dir_;
};

TEST_F(Toolkit2Workspace, AuditPackUnzipsToAVerifiedBundle) {
  auto r = T({"audit", "pack", "-o", "pack.zip", "--evidence-root", Examples(), "--as-of", kAsOf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path out = dir_.path() / "unpacked";
  Shell("unzip -q -o " + Quote((dir_.path() / "pack.zip").string()) + " -d " + Quote(out.string()));

  // index.html lists every checklist item with its state.
  auto audit = Json(T({"--json", "audit", "--evidence-root", Examples(), "--as-of", kAsOf}));
  const std::string index = ReadFile(out / "index.html");
  ASSERT_EQ(audit["items"].size(), 10u);
  for (const auto& item : audit["items"]) {
    std::string state = item["status"];
    if (item["unsupported"].get<bool>()) state += ", unsupported";
    if (item["overdue"].get<bool>()) state += ", overdue";
    const std::string row = "<tr><td>" + item["id"].get<std::string>() + "</td><td";
    auto at = index.find(row);
    ASSERT_NE(at, std::string::npos) << item["id"];
    EXPECT_NE(index.find(">" + state + "</td>", at), std::string::npos) << item["id"] << state;
  }
  EXPECT_NE(index.find("risk_assessments</td><td class=\"bad\">done, unsupported"),
            std::string::npos);
  EXPECT_NE(index.find("training</td><td class=\"bad\">in_progress, overdue"), std::string::npos);

  // Every evidence file is packed, byte for byte, with the SHA-256 of the manifest, which
  // is the hash the program records.
  auto manifest = json::parse(ReadFile(out / "manifest.json"));
  ASSERT_EQ(manifest.size(), 8u);
  for (const auto& m : manifest) {
    ASSERT_TRUE(m["packed_as"].is_string()) << m.dump();
    const fs::path packed = out / m["packed_as"].get<std::string>();
    ASSERT_TRUE(fs::exists(packed)) << packed;
    EXPECT_EQ(Sha256sum(packed), m["sha256"]);
    EXPECT_EQ(m["sha256"], m["expected"]);
    EXPECT_EQ(m["state"], "verified");
    EXPECT_EQ(ReadFile(packed), ReadFile(SourceDir() / "examples" / m["path"].get<std::string>()));
    EXPECT_NE(index.find(m["sha256"].get<std::string>()), std::string::npos);
  }
  // manifest.sha256 checks with sha256sum -c.
  Shell("cd " + Quote(out.string()) + " && sha256sum --quiet -c manifest.sha256");

  // The audit trail is there and verified.
  auto trail = json::parse(ReadFile(out / "audit-trail.json"));
  EXPECT_EQ(trail["program"], "phoenix");
  EXPECT_TRUE(trail["verification"]["ok"].get<bool>());
  EXPECT_TRUE(trail["verification"]["first_bad"].is_null());
  auto verify = Json(T({"--json", "audit", "verify"}));
  EXPECT_EQ(trail["verification"]["entries"], verify["entries"]);
  EXPECT_EQ(trail["entries"].size(), verify["entries"].get<size_t>());
  for (const auto& e : trail["entries"]) {
    for (const char* k : {"seq", "at", "actor", "entity", "entity_id", "action", "hash"}) {
      EXPECT_TRUE(e.contains(k)) << k;
    }
  }
  EXPECT_NE(index.find("The audit trail verified"), std::string::npos);

  // Entry times: generated files at the as-of date (00:00 UTC), evidence files at their
  // own modification time.
  const std::string listing =
      Shell("TZ=UTC unzip -Z -T " + Quote((dir_.path() / "pack.zip").string()));
  auto time_of = [&](const std::string& name) {
    std::istringstream in(listing);
    std::string line;
    while (std::getline(in, line)) {
      if (line.size() > name.size() && line.ends_with(" " + name)) {
        std::istringstream fields(line);
        std::string f, last_time;
        while (fields >> f) {
          if (f.size() == 15 && f[8] == '.' && std::isdigit(static_cast<unsigned char>(f[0]))) {
            last_time = f;
          }
        }
        return last_time;
      }
    }
    return std::string();
  };
  for (const char* generated :
       {"index.html", "manifest.json", "manifest.sha256", "audit-trail.json"}) {
    EXPECT_EQ(time_of(generated), "20260615.000000") << generated;
  }
  const fs::path source = SourceDir() / "examples" / "evidence" / "training-roster.md";
  const auto mtime = std::chrono::file_clock::to_sys(fs::last_write_time(source));
  const std::time_t secs = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(mtime));
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char expected[32];
  std::strftime(expected, sizeof expected, "%Y%m%d.%H%M%S", &tm);
  // DOS times have a two-second resolution; the extended timestamp is exact.
  const std::string got = time_of("evidence/training-roster.md");
  ASSERT_EQ(got.size(), 15u) << listing;
  EXPECT_EQ(got.substr(0, 13), std::string(expected).substr(0, 13)) << got << " vs " << expected;
}

TEST_F(Toolkit2Workspace, StakeholderContactIsKeptAsHistory) {
  auto r = T({"stakeholder", "contact", "cfo", "--on", "2026-06-16", "--note",
              "Walked through the D-01 options"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string exported = Export();
  EXPECT_NE(exported.find("Walked through the D-01 options"), std::string::npos);
  auto s = Json(T({"--json", "stakeholders", "--as-of", "2026-06-17"}));
  for (const auto& x : s["stakeholders"]) {
    if (x["id"] != "cfo") continue;
    EXPECT_EQ(x["next_contact"], "2026-06-23");  // 2026-06-16 + 7 days
    EXPECT_FALSE(x["overdue"].get<bool>());
  }
  auto log = Json(T({"--json", "log", "--entity", "stakeholder"}));
  ASSERT_FALSE(log["entries"].empty());
  const auto& newest = log["entries"][0];
  EXPECT_EQ(newest["entity_id"], "cfo");
  EXPECT_EQ(newest["action"], "update");
  EXPECT_NE(newest["changes"].dump().find("2026-06-16"), std::string::npos) << newest.dump();
  EXPECT_NE(newest["changes"].dump().find("last_contact"), std::string::npos) << newest.dump();
  auto text_log = T({"log", "--entity", "stakeholder"});
  EXPECT_NE(text_log.out.find("cfo"), std::string::npos);

  // An older contact is kept in the history but does not move last_contact back.
  ASSERT_EQ(
      T({"stakeholder", "contact", "cfo", "--on", "2026-06-02", "--note", "Budget call"}).exit_code,
      0);
  exported = Export();
  EXPECT_NE(exported.find("Budget call"), std::string::npos);
  EXPECT_NE(exported.find("Walked through the D-01 options"), std::string::npos);
  s = Json(T({"--json", "stakeholders", "--as-of", "2026-06-17"}));
  for (const auto& x : s["stakeholders"]) {
    if (x["id"] == "cfo") {
      EXPECT_EQ(x["next_contact"], "2026-06-23");
    }
  }
  ExpectTrailVerifies();

  ExpectRejected({"stakeholder", "contact", "nobody", "--on", "2026-06-16", "--note", "x"});
  ExpectRejected({"stakeholder", "contact", "cfo", "--on", "2026-02-30", "--note", "x"});
  ExpectRejected({"stakeholder", "contact", "cfo", "--on", "2026-06-16", "--note", ""});
}

TEST_F(Toolkit2Workspace, DecideChooseRecordsTheDecision) {
  ExpectRejected(
      {"decide", "D-01", "--choose", "hire-everyone", "--by", "Dana Lee", "--rationale", "x"});
  ExpectRejected(
      {"decide", "D-99", "--choose", "cut-scope", "--by", "Dana Lee", "--rationale", "x"});
  ExpectRejected({"decide", "D-01", "--choose", "cut-scope", "--by", "Dana Lee"});
  ExpectRejected({"decide", "D-01", "--choose", "cut-scope", "--by", "Dana Lee", "--rationale", "x",
                  "--on", "15/06/2026"});

  auto r = T({"decide", "D-01", "--choose", "cut-scope", "--by", "Dana Lee", "--rationale",
              "Keeps the committed date without new contractors", "--as-of", kAsOf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string exported = Export();
  const auto d01 = exported.find("id: D-01");
  const auto d02 = exported.find("id: D-02");
  ASSERT_NE(d01, std::string::npos);
  ASSERT_NE(d02, std::string::npos);
  const std::string block = exported.substr(d01, d02 - d01);
  for (const char* k :
       {"status: decided", "chosen: cut-scope", "decided_by: Dana Lee", "decided_on: 2026-06-15",
        "Keeps the committed date without new contractors"}) {
    EXPECT_NE(block.find(k), std::string::npos) << k << "\n" << block;
  }
  ExpectTrailVerifies();
  auto log = Json(T({"--json", "log", "--entity", "decision"}));
  ASSERT_FALSE(log["entries"].empty());
  EXPECT_EQ(log["entries"][0]["entity_id"], "D-01");
  EXPECT_EQ(log["entries"][0]["action"], "update");
  // The memo of a decided decision says who decided it.
  auto memo = T({"decide", "D-01", "--memo", "--iterations", "300", "--as-of", kAsOf});
  ASSERT_EQ(memo.exit_code, 0) << memo.err;
  EXPECT_NE(memo.out.find("`cut-scope` was chosen by Dana Lee on 2026-06-15"), std::string::npos);
}

std::string ChangeStatus(const json& changes, const std::string& id) {
  for (const auto& c : changes["changes"]) {
    if (c["id"] == id) return c["status"];
  }
  return "";
}

TEST_F(Toolkit2Workspace, ChangeApproveImplementAndReject) {
  // Bad input exits 2 and changes nothing.
  ExpectRejected({"changes", "approve", "CR-99", "--by", "Dana Lee"});
  ExpectRejected({"changes", "implement", "CR-03"});  // still proposed
  ExpectRejected({"changes", "approve", "CR-03", "--by", "Dana Lee", "--on", "2026-13-01"});
  ExpectRejected({"changes", "approve", "CR-04", "--by", "Dana Lee"});  // already rejected
  ExpectRejected({"changes", "implement", "CR-01"});                    // already implemented

  auto r = T({"changes", "approve", "CR-03", "--by", "Dana Lee", "--note",
              "Funded from contingency", "--as-of", kAsOf});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ChangeStatus(Json(T({"--json", "changes"})), "CR-03"), "approved");
  std::string exported = Export();
  EXPECT_NE(exported.find("Funded from contingency"), std::string::npos);

  r = T({"--json", "changes", "implement", "CR-03"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["tasks_added"], 2);
  EXPECT_EQ(ChangeStatus(Json(T({"--json", "changes"})), "CR-03"), "implemented");
  exported = Export();
  EXPECT_NE(exported.find("partner-sso-release"), std::string::npos);
  // The added tasks are in the plan: the schedule has them.
  auto sched = Json(T({"--json", "schedule"}));
  std::set<std::string> tasks;
  for (const auto& t : sched["tasks"]) tasks.insert(t["id"].get<std::string>());
  EXPECT_TRUE(tasks.count("partner-sso")) << sched["tasks"];
  EXPECT_TRUE(tasks.count("partner-sso-release")) << sched["tasks"];
  ExpectRejected({"changes", "reject", "CR-03", "--by", "Dana Lee"});  // implemented

  // A rejection overturns an approval; a rejected change cannot be implemented.
  r = T({"changes", "reject", "CR-02", "--by", "Robert Okafor", "--note", "No contingency left",
         "--on", "2026-06-16"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ChangeStatus(Json(T({"--json", "changes"})), "CR-02"), "rejected");
  ExpectRejected({"changes", "implement", "CR-02"});
  ExpectTrailVerifies();
  auto log = Json(T({"--json", "log", "--entity", "change"}));
  ASSERT_GE(log["entries"].size(), 3u);
  EXPECT_EQ(log["entries"][0]["entity_id"], "CR-02");
}

TEST_F(Toolkit2Workspace, AuditEvidenceAndSignoffAreRecorded) {
  WriteFile(dir_.path() / "training-update.md", "All four courses completed on 2026-06-14.\n");
  const std::string hash = Sha256sum(dir_.path() / "training-update.md");
  // Evidence kept beside the workspace, not in the folder `apply` recorded: named with
  // --evidence-root when recorded and when read.
  const std::string here = dir_.path().string();
  auto r = T({"--json", "audit", "evidence", "add", "training", "training-update.md",
              "--evidence-root", here});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["sha256"], hash);
  std::string exported = Export();
  EXPECT_NE(exported.find("training-update.md"), std::string::npos);
  EXPECT_NE(exported.find(hash), std::string::npos);
  // Resolved against that root: verified.
  auto audit = Json(T({"--json", "audit", "--evidence-root", here, "--as-of", kAsOf}));
  for (const auto& item : audit["items"]) {
    if (item["id"] != "training") continue;
    bool found = false;
    for (const auto& e : item["evidence"]) {
      if (e["ref"] == "training-update.md") {
        found = true;
        EXPECT_EQ(e["state"], "verified");
      }
    }
    EXPECT_TRUE(found);
  }
  // The file changes afterwards: the evidence is reported changed.
  WriteFile(dir_.path() / "training-update.md", "Three of four courses completed.\n");
  audit = Json(T({"--json", "audit", "--evidence-root", here, "--as-of", kAsOf}));
  for (const auto& item : audit["items"]) {
    if (item["id"] != "training") continue;
    for (const auto& e : item["evidence"]) {
      if (e["ref"] == "training-update.md") {
        EXPECT_EQ(e["state"], "changed");
      }
    }
  }

  r = T({"audit", "signoff", "risk_assessments", "--by", "Victor Lindqvist", "--on", "2026-06-16"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  exported = Export();
  EXPECT_NE(exported.find("Victor Lindqvist, on: 2026-06-16"), std::string::npos) << exported;
  audit = Json(T({"--json", "audit", "--evidence-root", Examples(), "--as-of", kAsOf}));
  for (const auto& item : audit["items"]) {
    if (item["id"] == "risk_assessments") {
      EXPECT_FALSE(item["unsupported"].get<bool>());
    }
  }
  ExpectTrailVerifies();
  auto log = Json(T({"--json", "log", "--entity", "audit_item"}));
  ASSERT_GE(log["entries"].size(), 2u) << log.dump();
  EXPECT_EQ(log["entries"][0]["entity_id"], "risk_assessments");

  ExpectRejected({"audit", "evidence", "add", "no_such_item", "training-update.md"});
  ExpectRejected({"audit", "evidence", "add", "training", "missing.md"});
  ExpectRejected({"audit", "signoff", "training", "--by", "Beatriz Santos", "--on", "June 16"});
  ExpectRejected({"audit", "signoff", "no_such_item", "--by", "Beatriz Santos"});
}

}  // namespace
}  // namespace tpmkit::e2e
