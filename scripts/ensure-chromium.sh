#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a downloaded build). Install it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Debian's Chromium is missing: installing it with apt-get (needs root)..."
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root: run 'sudo apt-get install -y chromium' and try again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "Installed $(/usr/bin/chromium --version)"
