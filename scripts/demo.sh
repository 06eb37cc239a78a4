#!/usr/bin/env bash
# Installs Alongside from uv.lock and starts it with demo data on SQLite at
# http://127.0.0.1:8000 (no other service needed). Arguments go to `alongside demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/alongside demo --serve "$@"
