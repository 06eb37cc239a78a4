"""The PWA's modules bundled by esbuild (Debian's package `esbuild`), once per process.

A phone on a slow network pays for every file it fetches: the family's first screen
was 60 modules. Bundled, minified and split, it is a handful of files, and each
practitioner screen is still its own file, loaded only when a practitioner opens it
(esbuild's `--splitting` keeps `import()` as a separate file).

esbuild is a single program with no Node.js; it runs at start-up, in about 50 ms.
Where it is not installed, the modules are sent as they are (`bundled` gives None):
the app works the same, with a larger first visit.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

#: Where the app starts.
START = "app.js"
#: Modules other code imports by their path, so each keeps its name and stays one
#: module with the app's own copy: the outbox and the phone's store (the end-to-end
#: tests and `scripts/bench_outbox.py` drive them from the page), the API client and
#: the words.
BY_PATH = (
    "outbox/commands.js",
    "outbox/flush.js",
    "outbox/merge.js",
    "outbox/queue.js",
    "store/commands.js",
    "store/people.js",
    "shell/api.js",
    "shell/i18n.js",
)
#: The language modules are made by the server from the catalogs, not bundled.
EXTERNAL = "/i18n/*"


@dataclass(frozen=True)
class Bundle:
    #: Each file made, by the path the browser asks for ("/app.js", "/chunk-….js").
    files: tuple[tuple[str, bytes], ...]
    #: The files each one imports statically, by path (read from esbuild's metafile,
    #: since minified imports share one line).
    imports: dict[str, tuple[str, ...]]


def bundled(pwa_dir: Path) -> Bundle | None:
    """The modules under `pwa_dir` bundled, or None where esbuild is not installed
    (or fails: the app then sends the modules unbundled, and the log says why)."""
    esbuild = shutil.which("esbuild")
    if esbuild is None:
        log.warning("esbuild is not installed: the app's modules are sent unbundled")
        return None
    sources = sorted(p for p in pwa_dir.rglob("*.js") if p.name != "sw.js")
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(pwa_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return _run(esbuild, pwa_dir, digest.hexdigest())


@lru_cache(maxsize=8)
def _run(esbuild: str, pwa_dir: Path, digest: str) -> Bundle | None:
    """Made once per process for the same sources, as `digest` names them (tests
    make many apps)."""
    with tempfile.TemporaryDirectory(prefix="alongside-bundle-") as work:
        out = Path(work)
        command = [
            esbuild,
            *(START, *BY_PATH),
            "--bundle",
            "--splitting",
            "--format=esm",
            "--minify",
            "--charset=utf8",
            "--log-level=error",
            f"--external:{EXTERNAL}",
            "--outbase=.",
            f"--outdir={out / 'files'}",
            f"--metafile={out / 'meta.json'}",
        ]
        # Run from pwa_dir, naming files relative to it: esbuild's file names hash the
        # paths it sees, and every web process, wherever installed, must make the same.
        done = subprocess.run(command, capture_output=True, text=True, cwd=pwa_dir, check=False)
        if done.returncode != 0:
            log.error("esbuild failed, so the modules are sent unbundled: %s", done.stderr)
            return None
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
        made = out / "files"
        files = tuple(
            ("/" + p.relative_to(made).as_posix(), p.read_bytes())
            for p in sorted(made.rglob("*.js"))
        )
    imports = {
        _served(output): tuple(
            _served(found["path"])
            for found in about.get("imports", [])
            if found.get("kind") == "import-statement" and not found.get("external")
        )
        for output, about in meta["outputs"].items()
    }
    return Bundle(files, imports)


def _served(output: str) -> str:
    """esbuild's name for a file it made (".../files/shell/api.js") as the browser's."""
    return "/" + output.rsplit("/files/", 1)[1]
