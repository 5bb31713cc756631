#include "tpmkit/server/client_address.h"

#include <gtest/gtest.h>

namespace tpmkit::server {
namespace {

const std::vector<std::string> kNginx = {"127.0.0.1", "::1"};

TEST(ClientAddress, TheProxysLastEntryFromATrustedProxy) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.9", kNginx), "203.0.113.9");
  // A client's own X-Forwarded-For comes first; nginx's $proxy_add_x_forwarded_for
  // appends the address it saw, which is the one to believe.
  EXPECT_EQ(ClientAddress("127.0.0.1", "10.9.9.9, 198.51.100.4", kNginx), "198.51.100.4");
  EXPECT_EQ(ClientAddress("::1", " 2001:db8::7 ", kNginx), "2001:db8::7");
  EXPECT_EQ(ClientAddress("0:0::1", "203.0.113.9", kNginx), "203.0.113.9");
}

TEST(ClientAddress, ThePeerOtherwise) {
  // Not a trusted proxy: anyone can send the header.
  EXPECT_EQ(ClientAddress("192.0.2.1", "203.0.113.9", kNginx), "192.0.2.1");
  // No proxy trusted (the default), no header, or no address in its last entry.
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.9", {}), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.9, unknown", kNginx), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.9,", kNginx), "127.0.0.1");
}

TEST(ClientAddress, IsIpAddress) {
  EXPECT_TRUE(IsIpAddress("127.0.0.1"));
  EXPECT_TRUE(IsIpAddress("::1"));
  EXPECT_FALSE(IsIpAddress("localhost"));
  EXPECT_FALSE(IsIpAddress("10.0.0.0/8"));
  EXPECT_FALSE(IsIpAddress(""));
}

}  // namespace
}  // namespace tpmkit::server
