"""The figures of a mutation run (scripts/mutation.sh), and its verdict: exits 1
if any mutant in scope was neither caught by a test nor listed as equivalent in
scripts/mutation_equivalents.toml, and shows each such mutant.

    .venv/bin/python scripts/mutation_report.py --seconds 312 "server.sharing.policy.*" ...
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

from mutmut.stats import status_by_exit_code

MUTANTS = Path("mutants")
EQUIVALENTS = Path(__file__).with_name("mutation_equivalents.toml")
CAUGHT = {"killed", "timeout"}  # a test failed, or hung where it never does


def results(scope: list[str]) -> dict[str, str]:
    """Each mutant in scope, by name, with what became of it."""
    found = {}
    for meta in sorted(MUTANTS.glob("server/**/*.py.meta")):
        for name, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            if any(fnmatch(name, pattern) for pattern in scope):
                found[name] = status_by_exit_code[code]
    return found


def show(name: str) -> str:
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name], capture_output=True, text=True, check=False
    )
    return shown.stdout.strip() or shown.stderr.strip()


def equivalent(name: str, diff: str, listed: list[dict]) -> dict | None:
    """The entry that lists this mutant: same function, same mutated lines."""
    added = [
        line[1:].strip()
        for line in diff.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    for entry in listed:
        if (
            name.startswith(entry["function"] + "__mutmut_")
            and added
            and all(line in entry["mutated"] for line in added)
        ):
            return entry
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=0)
    parser.add_argument("scope", nargs="+")
    args = parser.parse_args()
    found = results(args.scope)
    if not found:
        print("No mutants were made: is the scope right?")
        return 1
    listed = tomllib.loads(EQUIVALENTS.read_text())["equivalent"]
    counts = Counter(found.values())
    survivors, equivalents = {}, {}
    for name in sorted(n for n, status in found.items() if status not in CAUGHT):
        diff = show(name)
        entry = equivalent(name, diff, listed) if found[name] == "survived" else None
        (equivalents if entry else survivors)[name] = entry["why"] if entry else diff
    others = [
        f"{n} {status}"
        for status, n in sorted(counts.items())
        if status not in CAUGHT | {"survived"}
    ]
    minutes, seconds = divmod(args.seconds, 60)
    print("Mutation testing of the code that guards family words")
    print(f"  mutants:    {len(found)}")
    print(
        f"  killed:     {counts['killed'] + counts['timeout']}"
        + (f" ({counts['timeout']} by a test that hung)" if counts["timeout"] else "")
    )
    print(f"  equivalent: {len(equivalents)} (scripts/mutation_equivalents.toml)")
    print(
        f"  survived:   {len(survivors)}" + (f" (of which {', '.join(others)})" if others else "")
    )
    print(f"  time:       {minutes} min {seconds} s")
    for name, why in equivalents.items():
        print(f"  = {name}: {why}")
    for diff in survivors.values():
        print(f"\n{diff}")
    # The plain closing line CI reads: each mutant in scope is a check that passed
    # (caught, or equivalent) or failed (survived).
    print(f"\nmutants: {len(found) - len(survivors)} passed, {len(survivors)} failed")
    if survivors:
        print(
            f"{len(survivors)} mutant(s) survived: write a test that notices the change; or, if"
            " it cannot change behaviour, list it in scripts/mutation_equivalents.toml (or mark"
            " its line `# pragma: no mutate`) and say why."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
