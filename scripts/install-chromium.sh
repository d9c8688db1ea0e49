#!/usr/bin/env bash
# Installs Debian's Chromium (used by the E2E tests, the tour and the benchmarks) when it is missing.
# Test tools must not download their own browser builds: only Debian's package works here.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $chromium_path and apt-get is not available: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
echo "Installing Chromium with apt-get…"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium openssl >/dev/null
