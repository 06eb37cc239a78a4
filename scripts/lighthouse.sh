#!/usr/bin/env bash
# Lighthouse (mobile) on the sign-in page and a family member's home: prints the
# performance and accessibility scores (targets: 95 and 100). Not part of CI.
# Installs lighthouse@12 exactly as scripts/lighthouse/package-lock.json pins it, and
# uses Debian's Chromium (CHROME_PATH, default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x scripts/lighthouse/node_modules/.bin/lighthouse ]; then
  (cd scripts/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
exec .venv/bin/python scripts/lighthouse.py "$@"
