#!/usr/bin/env bash
# Mutation testing as a gate over the code that guards family words: mutmut makes
# small changes ("mutants") to the sharing policy, the only door to family words,
# sessions, idempotency and the plan guards, and runs the tests that reach each
# changed function. A mutant that no test notices ("survived") fails this script.
# A change that cannot alter behaviour (an equivalent mutant) is listed, with why,
# in scripts/mutation_equivalents.toml, or its line carries `# pragma: no mutate`.
#   bash scripts/mutation.sh            the whole gate, from a fresh copy
# Then `.venv/bin/mutmut show NAME` shows one mutant, `.venv/bin/mutmut browse` all.
set -euo pipefail
cd "$(dirname "$0")/.."

# What is mutated. Whole modules where every function guards; in sessions.py and
# plans/service.py only the guards. Left out, as they decide no one's access:
# sessions' cookie attributes (cookie_name, set_cookie, clear_cookie) and the
# plan's own items, owners, actions and publishing (plan_of, _owner_fields,
# _check_action, add_item, snapshot_of, publish).
SCOPE=(
  "server.sharing.policy.*"
  "server.sharing.family_words.*"
  "server.commands.idempotency.*"
  "server.auth.sessions.x__still_valid*"
  "server.auth.sessions.x__session_from_cookie*"
  "server.auth.sessions.x_start_session*"
  "server.auth.sessions.x_end_session*"
  "server.auth.sessions.x_current_actor*"
  "server.auth.sessions.x_saved_language*"
  "server.auth.sessions.x_device_from_cookie*"
  "server.plans.service.x_import_contribution*"
  "server.plans.service.x_item_for_team*"
  "server.plans.service.x_edit_item*"
  "server.plans.service.x_delete_item*"
)
# A hard stop well inside CI's time; the run takes a few minutes on 2 cores.
LIMIT_SECONDS=600

bash scripts/install.sh --test

# The rules are the same on both databases; SQLite alone keeps the run short.
export ALONGSIDE_TEST_BACKENDS=sqlite
rm -rf mutants && mkdir mutants
started=$SECONDS
status=0
# Property tests draw their local number of examples (not CI's larger one): each
# mutant runs the quickest tests first, and these only when nothing else failed.
timeout "$LIMIT_SECONDS" env -u CI .venv/bin/mutmut run "${SCOPE[@]}" >mutants/run.log 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  tr '\r' '\n' <mutants/run.log | tail -n 40
  [ "$status" -eq 124 ] && echo "The mutation run took longer than $LIMIT_SECONDS s and was stopped."
  echo "mutmut failed (exit $status); its whole output is in mutants/run.log"
  exit 1
fi
.venv/bin/python scripts/mutation_report.py --seconds $((SECONDS - started)) "${SCOPE[@]}"
