#!/usr/bin/env bash
# Installs Alongside's Python packages into .venv exactly as uv.lock pins them, so
# every machine (a developer's, CI's, a server's) gets what CI tested.
#   bash scripts/install.sh          the app
#   bash scripts/install.sh --test   the app and its test tools
# To change a version: edit pyproject.toml, run `.venv/bin/uv lock`, commit uv.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
extras=()
[ "${1:-}" = "--test" ] && extras=(--extra test)

[ -x .venv/bin/python ] || python3 -m venv .venv
if ! .venv/bin/uv --version 2>/dev/null | grep -q " $UV_VERSION"; then
  .venv/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
# --frozen: install what uv.lock says, never re-resolve; --inexact: keep pip and uv.
UV_PROJECT_ENVIRONMENT=.venv .venv/bin/uv sync --quiet --frozen --inexact "${extras[@]}"
# The tests' OpenID Connect provider (npm's oidc-provider), as package-lock.json pins it.
if [ "${1:-}" = "--test" ]; then
  npm ci --prefix tests/oidc --silent --no-audit --no-fund
fi
