#!/usr/bin/env bash
# Installs a browser from Debian's packages when its binary is missing; install-chromium.sh and
# install-firefox.sh name which. Test tools must not download their own browser builds: only Debian's work here.
# Usage: install-debian-browser.sh <name> <binary path> <variable that overrides the path> <package>...
set -euo pipefail
name="$1" binary="$2" path_variable="$3"
shift 3
if [ -x "$binary" ]; then exit 0; fi
if ! command -v apt-get >/dev/null; then
  echo "$name is missing at $binary and apt-get is not available: install $name and set $path_variable." >&2
  exit 1
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
echo "Installing $name with apt-get…"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$@" >/dev/null
