#!/usr/bin/env bash
# Installs every test tool from scratch, then runs the project's gates: ruff, mypy on
# server/, and the whole suite under coverage: unit and API tests on SQLite and
# PostgreSQL, and end-to-end tests in Debian's Chromium.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh tests/auth -x`), in one
# process unless ALONGSIDE_TEST_WORKERS=N asks for N (pytest-xdist). With none, tests/
# runs on ALONGSIDE_TEST_WORKERS (default 2) processes, then e2e/ in one: on 2 cores,
# three workers beside the journeys made the kill -9 recovery journey miss its 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian's Chromium for Playwright, fonts that cover Gurmukhi and Urdu, and esbuild,
# which bundles the app's modules at start-up (the tests check the bundled app).
if ! command -v chromium >/dev/null || ! command -v esbuild >/dev/null \
  || ! fc-list 2>/dev/null | grep -q "Nastaliq"; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core esbuild >/dev/null
fi

# PostgreSQL: the project's machines run it on 127.0.0.1:5432; start it if stopped.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi

# Python packages exactly as uv.lock pins them.
bash scripts/install.sh --test

# Quality gates, fastest first.
.venv/bin/ruff check
.venv/bin/ruff format --check
.venv/bin/mypy

# The tests under coverage, with the `alongside` processes they start (serve, worker,
# demo) measured too ([tool.coverage.*] in pyproject.toml). One data file per
# process, in this folder whatever folder a process runs in.
export COVERAGE_FILE="$PWD/.coverage"
rm -f .coverage .coverage.*
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
status=0
run_tests() {
  .venv/bin/coverage run -m pytest --durations=30 "$@" 2>&1 | tee -a "$output" || status=${PIPESTATUS[0]}
}
if [ "$#" -gt 0 ]; then
  run_tests -n "${ALONGSIDE_TEST_WORKERS:-0}" "$@"
else
  # Unit and API tests share the two cores (each worker has its own databases);
  # then the end-to-end journeys run one at a time, so timed ones have the machine.
  run_tests -n "${ALONGSIDE_TEST_WORKERS:-2}" tests
  run_tests e2e
fi
.venv/bin/coverage combine --quiet || true
.venv/bin/coverage report --skip-covered --sort=cover || true
echo "Coverage of server/ (test process and subprocesses): $(.venv/bin/coverage report --format=total 2>/dev/null)%"
# pytest's closing lines (one per part) come last, so whoever reads the end sees them.
grep -E "^=+ .*([0-9]+ (passed|failed|error)|no tests ran)" "$output" || true
exit "$status"
