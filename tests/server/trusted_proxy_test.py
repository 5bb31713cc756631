"""`serve --trusted-proxy`: behind nginx the login throttle counts the client's address
from X-Forwarded-For, and believes that header only from the proxy named.

 a  20 failed logins from one client behind the trusted proxy throttle that client (429),
    not another client behind the same proxy
 b  the header from an address that is not a trusted proxy is ignored: changing it does
    not escape the throttle of the connection's own address

Run: python3 tests/server/trusted_proxy_test.py build/tpmkit
"""
import http.client
import json
import sys
import unittest

import harness

BINARY = harness.binary_from_argv(sys.argv)
PROXY = "127.0.0.2"  # stands for nginx


def login(source, forwarded_for, user, password):
    conn = http.client.HTTPConnection(SERVER.host, SERVER.port, timeout=60,
                                      source_address=(source, 0))
    try:
        conn.request("POST", "/api/v1/session", json.dumps({"user": user, "password": password}),
                     {"Content-Type": "application/json", "X-Forwarded-For": forwarded_for})
        return conn.getresponse().status
    finally:
        conn.close()


class TrustedProxyTest(unittest.TestCase):
    def fail_20_times(self, source, forwarded_for, names):
        # 4 failures for each of 5 names: below the per-account limit (5).
        for i in range(20):
            status = login(source, forwarded_for(i), f"{names}{i % 5}", "not-the-password")
            self.assertEqual(status, 401)

    def test_a_the_client_behind_the_proxy_is_throttled(self):
        self.fail_20_times(PROXY, lambda i: "203.0.113.7", "ghost")
        self.assertEqual(login(PROXY, "203.0.113.7", "ana", harness.PASSWORD), 429)
        self.assertEqual(login(PROXY, "203.0.113.8", "ana", harness.PASSWORD), 200)
        # A client's own entry in front of nginx's is not the address that counts.
        self.assertEqual(login(PROXY, "203.0.113.8, 203.0.113.7", "ana", harness.PASSWORD), 429)

    def test_b_the_header_is_ignored_from_anyone_else(self):
        self.fail_20_times("127.0.0.3", lambda i: f"198.51.100.{i}", "phantom")
        self.assertEqual(login("127.0.0.3", "198.51.100.99", "ana", harness.PASSWORD), 429)


if __name__ == "__main__":
    with harness.ServerFixture(BINARY, extra_args=["--trusted-proxy", PROXY]) as SERVER:
        result = unittest.main(exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
