#!/usr/bin/env bash
# Installs Debian's Chromium (used by the E2E tests, the tour and the benchmarks) when it is missing,
# with openssl (the crypto tests compare against it).
set -euo pipefail
exec bash "$(dirname "$0")/install-debian-browser.sh" Chromium "${CHROMIUM_PATH:-/usr/bin/chromium}" CHROMIUM_PATH chromium openssl
