#include <gtest/gtest.h>

#include "tpmkit/server/api_state.h"

namespace tpmkit::server {
namespace {

TEST(ReadCacheTest, KeepsAnswersUntilFullThenDropsTheOldest) {
  ReadCache cache(2, 1 << 20);
  cache.Put("a", "1");
  cache.Put("b", "2");
  EXPECT_EQ(cache.Find("a"), "1");
  cache.Put("c", "3");
  EXPECT_EQ(cache.Find("a"), std::nullopt);
  EXPECT_EQ(cache.Find("b"), "2");
  EXPECT_EQ(cache.Find("c"), "3");
  cache.Put("c", "other");  // the first answer for a key stays
  EXPECT_EQ(cache.Find("c"), "3");
}

TEST(ReadCacheTest, BoundedInBytesAndSkipsHugeAnswers) {
  ReadCache cache(100, 1600);
  cache.Put("huge", std::string(200, 'x'));  // over a sixteenth of the budget
  EXPECT_EQ(cache.Find("huge"), std::nullopt);
  for (int i = 0; i < 30; ++i) cache.Put("k" + std::to_string(i), std::string(90, 'y'));
  // 30 answers of about 92 bytes do not fit in 1,600: the newest are kept.
  EXPECT_EQ(cache.Find("k0"), std::nullopt);
  EXPECT_TRUE(cache.Find("k29"));
  int kept = 0;
  for (int i = 0; i < 30; ++i) kept += cache.Find("k" + std::to_string(i)) ? 1 : 0;
  EXPECT_LE(kept * 92, 1600);
  EXPECT_GE(kept, 15);
}

}  // namespace
}  // namespace tpmkit::server
