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
# Debian's esbuild (one program, no Node.js) bundles the app's modules at start-up, so
# a phone's first visit is small. Without it the app still works, its modules unbundled.
if ! command -v esbuild >/dev/null; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
  { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq esbuild >/dev/null; } \
    || echo "esbuild could not be installed (apt-get install esbuild): the app's modules are sent unbundled" >&2
fi
# The tests' OpenID Connect provider (npm's oidc-provider), as package-lock.json pins it.
if [ "${1:-}" = "--test" ]; then
  npm ci --prefix tests/oidc --silent --no-audit --no-fund
fi
