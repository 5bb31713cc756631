#!/usr/bin/python3
"""The shipped nginx configuration is valid as shipped: deploy/nginx/tpmkit.conf, TLS
included, passes `nginx -t` with a throwaway self-signed certificate in place of the
example's, and the loopback configuration scripts/nginx-conf.sh makes from it keeps the
limits and retries the template sets (the fault tests run that one). Exits 77 without
nginx or openssl."""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from cluster import SOURCE, find_nginx, skip

TEMPLATE = SOURCE / "deploy" / "nginx" / "tpmkit.conf"
# The directives the generated configuration must keep, as the template has them.
KEPT = ["client_max_body_size", "large_client_header_buffers", "proxy_next_upstream",
        "proxy_read_timeout", "keepalive_timeout", "X-Forwarded-For"]


def main():
    nginx = find_nginx()
    if not nginx or not shutil.which("openssl"):
        skip("nginx or openssl not found")
    work = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-nginx-"))
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=tpm.example.com", "-keyout", str(work / "key.pem"),
                        "-out", str(work / "cert.pem")], check=True, capture_output=True)
        text = TEMPLATE.read_text()
        text = re.sub(r"/etc/ssl/certs/\S+\.pem", str(work / "cert.pem"), text)
        text = re.sub(r"/etc/ssl/private/\S+\.key", str(work / "key.pem"), text)
        full = (f"pid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
                f"http {{\n{text}\n}}\n")
        (work / "tls.conf").write_text(full)
        r = subprocess.run([nginx, "-t", "-q", "-c", str(work / "tls.conf"), "-p", str(work),
                            "-e", str(work / "error.log")], capture_output=True, text=True)
        problems = []
        if r.returncode != 0:
            problems.append(f"the template with TLS fails nginx -t:\n{r.stderr}")
        generated = subprocess.run([str(SOURCE / "scripts" / "nginx-conf.sh"), str(work), "18080",
                                    "18081", "18082"], capture_output=True, text=True,
                                   check=True).stdout
        (work / "loopback.conf").write_text(generated)
        r = subprocess.run([nginx, "-t", "-q", "-c", str(work / "loopback.conf"), "-p",
                            str(work), "-e", str(work / "error.log")], capture_output=True,
                           text=True)
        if r.returncode != 0:
            problems.append(f"the generated configuration fails nginx -t:\n{r.stderr}")
        if "ssl" in re.sub(r"#.*", "", generated):
            problems.append("the generated configuration still has TLS directives")
        for line in text.splitlines():
            code = line.split("#")[0].strip()
            if any(code.startswith(k) or k in code for k in KEPT) and code not in generated:
                problems.append(f"the generated configuration lost '{code}'")
        if "server 127.0.0.1:18081" not in generated or "listen 127.0.0.1:18080" not in generated:
            problems.append("the generated configuration has not the given ports")
        for p in problems:
            print("FAIL: " + p, file=sys.stderr)
        print(f"template with TLS and generated loopback configuration: "
              f"{'ok' if not problems else 'FAILED'}")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
