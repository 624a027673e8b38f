#!/usr/bin/env bash
# The invoice tests read the PDFs back with Debian's pdftotext (poppler-utils).
# Installs the package when it is missing and we are root; says why and fails
# when it can't, so a missing tool is never a silent skip.
set -euo pipefail
if [ -x /usr/bin/pdftotext ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "ensure-poppler: /usr/bin/pdftotext is missing; install Debian's poppler-utils package (apt-get install -y poppler-utils) as root" >&2
  exit 1
fi
echo "ensure-poppler: installing Debian's poppler-utils package…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq --no-install-recommends poppler-utils >&2
/usr/bin/pdftotext -v >&2 2>&1 | head -1 || true
