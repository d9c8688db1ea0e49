#!/usr/bin/env bash
# Installs Debian's Firefox ESR (used by the Firefox E2E tests and the Firefox benchmark) when it is missing.
# Like Chromium: the test driver (puppeteer-core over WebDriver BiDi) must not download its own browser build.
set -euo pipefail
exec bash "$(dirname "$0")/install-debian-browser.sh" "Firefox ESR" "${FIREFOX_PATH:-/usr/bin/firefox-esr}" FIREFOX_PATH firefox-esr
