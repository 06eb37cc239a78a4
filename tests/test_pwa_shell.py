"""The PWA shell: everything it needs is precached, and it stays small enough to
load fast on a cheap phone on a slow network."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

PWA = Path(__file__).resolve().parent.parent / "pwa"
#: Budget for the whole shell as sent (gzip), icons included: about 6 s on a
#: 2G-ish 50 kB/s connection for the very first visit, instant afterwards.
SHELL_BUDGET_GZIP_BYTES = 300_000


def _precached() -> list[str]:
    script = (PWA / "sw.js").read_text()
    block = re.search(r"const SHELL = \[(.*?)\];", script, re.S)
    assert block, "sw.js must declare its precache list as `const SHELL = [ ... ];`"
    return re.findall(r'"([^"]+)"', block.group(1))


def _shell_files() -> list[Path]:
    return [p for p in PWA.rglob("*") if p.is_file() and p.name != "sw.js"]


def test_the_service_worker_precaches_every_shell_file():
    listed = set(_precached())
    expected = {
        "/" if p.name == "index.html" else "/" + p.relative_to(PWA).as_posix()
        for p in _shell_files()
    }
    assert expected - listed == set(), "add these to SHELL in pwa/sw.js"
    assert (
        listed - expected - {f"/i18n/{lang}.js" for lang in ("en", "pl", "pa", "ur", "ro")} == set()
    )


def test_the_service_worker_never_caches_family_data():
    script = (PWA / "sw.js").read_text()
    assert 'url.pathname.startsWith("/api/")' in script
    assert not any(path.startswith("/api/") for path in _precached())


def test_the_shell_fits_its_size_budget():
    sent = sum(len(gzip.compress(p.read_bytes())) for p in _shell_files())
    print(f"PWA shell: {sent} bytes gzip ({len(_shell_files())} files)")
    assert sent < SHELL_BUDGET_GZIP_BYTES
