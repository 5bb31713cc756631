#!/usr/bin/env bash
# Installs every build and test dependency of tpmkit from Debian 12's packages.
# Idempotent: safe to run again; used by the README and by .ci/run.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libyaml-cpp-dev libyaml-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsqlite3-dev sqlite3 libpugixml-dev libsodium-dev libarchive-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libboost1.81-dev libboost-url1.81-dev
  clang-14 libclang-rt-14-dev libfuzzer-14-dev
  clang-format python3 python3-jsonschema python3-yaml unzip time curl wrk
  libxlsxwriter-dev python3-openpyxl python3-icalendar chromium
  libkainjow-mustache-dev nodejs
  libpq-dev postgresql postgresql-client postgresql-common
  nginx-light openssl
)
# npm installs the web app's pinned assets and browser-test driver (package-lock.json).
# Debian's npm package only when no npm is there: a Node.js from elsewhere brings its own.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
