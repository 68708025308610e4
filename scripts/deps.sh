#!/usr/bin/env bash
# Installs the Debian 12 packages overdue needs, only when some are missing (idempotent).
# Usage: scripts/deps.sh [build|bench]
set -euo pipefail
packages=(g++ cmake ninja-build ccache pkg-config make
  libsqlite3-dev libsqlitecpp-dev libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev
  libtomlplusplus-dev libhowardhinnant-date-dev libicu-dev libgtest-dev libgmock-dev sqlite3
  python3 libfasttext-dev libre2-dev
  libgmime-3.0-dev libkainjow-mustache-dev libcurl4-openssl-dev python3-aiosmtpd openssl
  dovecot-imapd)
if [[ "${1:-build}" == bench ]]; then packages+=(libbenchmark-dev time bc); fi
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
