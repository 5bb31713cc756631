#include "tpmkit/store/audit_trail.h"

#include <gtest/gtest.h>

#include "tpmkit/base/sha256.h"

namespace tpmkit::store {
namespace {

AuditEntry Entry(int64_t seq, std::string field = "duration") {
  AuditEntry e;
  e.seq = seq;
  e.at = "2026-06-15T09:30:00Z";
  e.actor = "ana";
  e.program = "phoenix";
  e.change = {"task", "build", model::ChangeAction::kUpdate, {{field, "10d", "12d"}}};
  return e;
}

std::vector<AuditEntry> Chain(int n) {
  std::vector<AuditEntry> out;
  std::string prev;
  for (int i = 1; i <= n; ++i) {
    AuditEntry e = Entry(i, "f" + std::to_string(i));
    e.prev_hash = prev;
    e.hash = ComputeEntryHash(prev, e);
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

AuditHead HeadOf(const std::vector<AuditEntry>& c) {
  return c.empty() ? AuditHead{} : AuditHead{c.back().seq, c.back().hash};
}

TEST(AuditTrailTest, CanonicalEntryIsSortedCompactJson) {
  AuditEntry e = Entry(7);
  e.change.changes.push_back({"note", std::nullopt, "a \"quoted\"\nline\x01 é"});
  EXPECT_EQ(CanonicalEntryJson(e),
            "{\"action\":\"update\",\"actor\":\"ana\",\"at\":\"2026-06-15T09:30:00Z\","
            "\"changes\":[{\"field\":\"duration\",\"new\":\"12d\",\"old\":\"10d\"},"
            "{\"field\":\"note\",\"new\":\"a \\\"quoted\\\"\\nline\\u0001 é\",\"old\":null}],"
            "\"entity\":\"task\",\"entity_id\":\"build\",\"program\":\"phoenix\",\"seq\":7}");
}

TEST(AuditTrailTest, HashIsSha256OfPreviousHashAndEntry) {
  AuditEntry e = Entry(1);
  EXPECT_EQ(ComputeEntryHash("", e), Sha256Hex("\n" + CanonicalEntryJson(e)));
  std::string prev(64, 'a');
  EXPECT_EQ(ComputeEntryHash(prev, e), Sha256Hex(prev + "\n" + CanonicalEntryJson(e)));
  EXPECT_NE(ComputeEntryHash(prev, e), ComputeEntryHash("", e));
}

// The hash of a fixed entry, computed outside tpmkit (Python's hashlib over the text of
// docs/audit-trail.md): a change to the canonical text or the hash breaks every chain.
TEST(AuditTrailTest, HashOfAFixedEntryIsPinned) {
  EXPECT_EQ(ComputeEntryHash("", Entry(1)),
            "de5de347fb0111d6aba58d5ca404b2feafbcad53ad9bb6b74c27ff3f600a7b4b");
}

TEST(AuditTrailTest, ChangesJsonRoundTrips) {
  std::vector<model::FieldChange> changes = {
      {"a", std::nullopt, "x"}, {"b", "tab\there", std::nullopt}, {"c", "\x1f", "\"\\/"}};
  std::string json = CanonicalChangesJson(changes);
  auto back = ParseChangesJson(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, changes);
  EXPECT_EQ(CanonicalChangesJson({}), "[]");
  ASSERT_TRUE(ParseChangesJson(" [ ] ").ok());
  // Other spellings of the same JSON are read too (escapes, spacing, key order).
  auto other = ParseChangesJson(R"([ {"old": null, "field": "\u00e9\ud83d\ude00", "new": "x"} ])");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ((*other)[0].field, "é\xF0\x9F\x98\x80");
  for (const char* bad :
       {"", "[", "{}", "[{}]", R"([{"field":1}])", R"([{"field":"a","x":"b"}])",
        R"([{"field":"a"}] x)", R"([{"field":"a\q"}])", R"([{"field":"\ud800"}])"}) {
    EXPECT_FALSE(ParseChangesJson(bad).ok()) << bad;
  }
}

TEST(AuditTrailTest, IntactChainVerifies) {
  for (int n : {0, 1, 5}) {
    auto c = Chain(n);
    VerifyResult r = VerifyChain(c, HeadOf(c));
    EXPECT_TRUE(r.ok) << r.reason;
    EXPECT_EQ(r.entries, n);
    EXPECT_FALSE(r.first_bad.has_value());
  }
  EXPECT_TRUE(VerifyChain({}, std::nullopt).ok);
}

TEST(AuditTrailTest, EditedEntryIsReported) {
  auto c = Chain(5);
  AuditHead head = HeadOf(c);
  c[2].change.changes[0].new_value = "1d";
  VerifyResult r = VerifyChain(c, head);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad, 3);
  EXPECT_EQ(r.entries, 5);
  EXPECT_NE(r.reason.find("entry 3"), std::string::npos) << r.reason;
  // Editing and re-hashing one entry breaks the link of the next.
  c[2].hash = ComputeEntryHash(c[2].prev_hash, c[2]);
  EXPECT_EQ(VerifyChain(c, head).first_bad, 4);
}

TEST(AuditTrailTest, MissingEntriesAreReported) {
  auto c = Chain(5);
  AuditHead head = HeadOf(c);
  auto middle = c;
  middle.erase(middle.begin() + 1);
  EXPECT_EQ(VerifyChain(middle, head).first_bad, 2);
  auto last = c;
  last.pop_back();
  VerifyResult r = VerifyChain(last, head);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad, 5);
  auto first = c;
  first.erase(first.begin());
  EXPECT_EQ(VerifyChain(first, head).first_bad, 1);
  // Without a head, a trail whose newest entries are gone cannot be trusted.
  EXPECT_FALSE(VerifyChain(c, std::nullopt).ok);
  // A head that does not match the last entry.
  AuditHead wrong = head;
  wrong.last_hash = std::string(64, '0');
  EXPECT_EQ(VerifyChain(c, wrong).first_bad, 5);
  // An entry added without updating the head.
  EXPECT_EQ(VerifyChain(c, AuditHead{4, c[3].hash}).first_bad, 5);
}

TEST(AuditTrailTest, SwappedEntriesAreReported) {
  auto c = Chain(5);
  AuditHead head = HeadOf(c);
  // Swap everything but the seq of entries 2 and 4.
  std::swap(c[1].change, c[3].change);
  std::swap(c[1].prev_hash, c[3].prev_hash);
  std::swap(c[1].hash, c[3].hash);
  EXPECT_EQ(VerifyChain(c, head).first_bad, 2);
}

TEST(AuditTrailTest, UnreadableEntryIsReported) {
  auto c = Chain(3);
  ChainVerifier v;
  v.Add(c[0]);
  v.AddUnreadable(2, "bad JSON");
  v.Add(c[2]);
  VerifyResult r = v.Finish(HeadOf(c));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.first_bad, 2);
  EXPECT_EQ(r.entries, 3);
}

}  // namespace
}  // namespace tpmkit::store
