"""The PWA's files, read once at start-up and kept in memory.

Each file is fingerprinted by its content (`/shell/api.js?v=1a2b3c4d`) so a phone
may keep it for a year, and compressed once, with brotli and with gzip, the first time
it is asked for: start-up stays quick and no later request pays for compressing it.
The static imports of every ES module are known too (read from its `import` lines,
or, for a bundled module, as esbuild found them), so the shell can preload a
screen's whole module graph in one go.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from posixpath import dirname, join, normpath

import brotli  # type: ignore[import-untyped]  # the package ships no type hints

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")
#: Kinds of file that shrink when compressed (PNG is compressed already).
COMPRESSIBLE = ("text/", "application/javascript", "application/manifest+json", "image/svg+xml")
#: `import … from "x"`, `import "x"` and `export … from "x"` at the start of a line;
#: `import("x")` (loaded later, when needed) is not a static import.
STATIC_IMPORT = re.compile(r"""^(?:import|export)\s*[\w\s{},*$]*?["']([^"']+)["']""", re.M)
ENCODINGS = ("br", "gzip")
#: Whole-line comments (`// …`, `/* … */`), indentation and blank lines.
WHOLE_LINE_COMMENT = re.compile(r"^[ \t]*(?://[^\n]*|/\*(?:(?!\*/).)*\*/[ \t]*)$", re.M | re.S)
#: A comment after code on a line with no string or regular expression before it.
TRAILING_COMMENT = re.compile(r"^([^\"'`/\n]*?)[ \t]+//[^\n]*$", re.M)
INDENTATION = re.compile(r"^[ \t]+|\n(?=\n)", re.M)


def trimmed(text: str) -> str:
    """The script or style sheet without its whole-line comments and indentation, so
    phones download only code. The code is unchanged: left as it is when a line might
    be inside a string (an odd number of backticks, or a backslash at its end)."""
    lines = text.split("\n")
    if any(line.count("`") % 2 or line.endswith("\\") for line in lines):
        return text
    kept = INDENTATION.sub("", WHOLE_LINE_COMMENT.sub("", text)).lstrip("\n")
    return TRAILING_COMMENT.sub(r"\1", kept)


#: Files already compressed in this process, by content: each is compressed the first
#: time a phone asks for it, never again (nor when an app is made again, as in tests).
_COMPRESSED: dict[tuple[str, str], bytes] = {}


def compressed_once(body: bytes, encoding: str) -> bytes:
    key = (hashlib.sha256(body).hexdigest(), encoding)
    if key not in _COMPRESSED:
        _COMPRESSED[key] = compress(body, encoding)
    return _COMPRESSED[key]


def compress(body: bytes, encoding: str, *, once: bool = True) -> bytes:
    """Compressed as small as possible for a file sent many times, quickly otherwise."""
    if encoding == "br":
        # Quality 11 takes four times as long as 10 for a 1% smaller large file.
        best = 11 if len(body) < 16_384 else 10
        window = max(10, min(22, len(body).bit_length()))  # no larger than the file
        return bytes(brotli.compress(body, quality=best if once else 5, lgwin=window))
    return gzip.compress(body, compresslevel=9 if once else 6, mtime=0)


def chosen_encoding(accept_encoding: str) -> str:
    """brotli where the browser asks for it, else gzip, else none."""
    offered = set()
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        if params.strip().replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
            offered.add(name.strip())
    return next((encoding for encoding in ENCODINGS if encoding in offered), "")


@dataclass(frozen=True)
class Asset:
    path: str
    media_type: str
    body: bytes
    version: str
    #: The encodings it is sent in (none for a file that is compressed already).
    encodings: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"{self.path}?v={self.version}"

    def sent(self, encoding: str) -> bytes:
        """The body in `encoding` (compressed the first time it is asked for, once)."""
        return compressed_once(self.body, encoding) if encoding in self.encodings else self.body


@lru_cache(maxsize=1024)
def make_asset(path: str, body: bytes, imports: tuple[str, ...] | None = None) -> Asset:
    """Prepared once per process for the same file (each app the factory makes shares it).
    A bundled module comes minified, with its static `imports` as its bundler found them."""
    media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    if imports is None and media_type in ("text/javascript", "text/css"):
        body = trimmed(body.decode("utf-8")).encode("utf-8")
    encodings = ENCODINGS if media_type.startswith(COMPRESSIBLE) else ()
    if imports is None and media_type == "text/javascript":
        text = body.decode("utf-8")
        imports = tuple(_absolute(path, found) for found in STATIC_IMPORT.findall(text))
    version = hashlib.sha256(body).hexdigest()[:8]
    return Asset(path, media_type, body, version, encodings, imports or ())


def _absolute(importer: str, specifier: str) -> str:
    if specifier.startswith("/"):
        return specifier
    return normpath(join(dirname(importer), specifier))


class Assets:
    """Every file of the PWA by its path, as the browser asks for it."""

    def __init__(
        self,
        files: Iterable[tuple[str, bytes]],
        imports: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`imports`: the static imports of bundled modules, by path (others are read)."""
        known = imports or {}
        self.by_path = {path: make_asset(path, body, known.get(path)) for path, body in files}

    @classmethod
    def from_folder(cls, folder: Path, skip: Iterable[str] = ()) -> Assets:
        skipped = set(skip)
        files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in skipped)
        return cls(("/" + p.relative_to(folder).as_posix(), p.read_bytes()) for p in files)

    def get(self, path: str) -> Asset | None:
        return self.by_path.get(path)

    def url(self, path: str) -> str:
        return self.by_path[path].url

    def graph(self, start: str) -> list[str]:
        """`start` and every module it imports statically, at any depth, in order."""
        seen: dict[str, None] = {}
        waiting = [start]
        while waiting:
            path = waiting.pop(0)
            if path in seen or path not in self.by_path:
                continue
            seen[path] = None
            waiting.extend(self.by_path[path].imports)
        return list(seen)

    def import_map(self) -> dict[str, dict[str, str]]:
        """Plain paths to fingerprinted URLs, for the browser to use in every import and
        `import.meta.resolve` (so a module is one module, whoever imports it)."""
        scripts = ("text/javascript", "image/svg+xml")
        named = {path: a.url for path, a in self.by_path.items() if a.media_type in scripts}
        return {"imports": named}

    def version(self, *extra: str) -> str:
        """One fingerprint of every file (and `extra`): the service worker's cache name."""
        digest = hashlib.sha256()
        for path, asset in sorted(self.by_path.items()):
            digest.update(f"{path}={asset.version};".encode())
        for text in extra:
            digest.update(text.encode())
        return digest.hexdigest()[:16]
