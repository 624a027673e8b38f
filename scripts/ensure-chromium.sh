#!/usr/bin/env bash
# The browser journeys need Debian's Chromium (never a downloaded browser).
# Installs the `chromium` package when it is missing and we are root; says
# why and fails when it can't, so a missing browser is never a silent skip.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-chromium: /usr/bin/chromium is missing; install Debian's chromium package (apt-get install -y chromium) as root" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium package…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
/usr/bin/chromium --version >&2
