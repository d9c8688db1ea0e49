#!/usr/bin/env bash
# Installs Debian's Firefox ESR (used by the Firefox E2E tests and the Firefox benchmark) when it is missing.
# Like Chromium: the test driver (puppeteer-core over WebDriver BiDi) must not download its own browser build.
set -euo pipefail
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
if [ -x "$firefox_path" ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "Firefox ESR is missing at $firefox_path and apt-get is not available: install Firefox ESR and set FIREFOX_PATH." >&2
  exit 1
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
echo "Installing Firefox ESR with apt-get…"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends firefox-esr >/dev/null
