"""The PWA's files: the shell document (with this response's CSP nonce), the service
worker, the language modules generated from the catalogs, and the static files.

Everything is prepared once at start-up (`build_shell`): files are fingerprinted and
compressed (see `server/assets.py`), and the shell names them by fingerprinted URL
through an import map, preloads the start module graph, so the first screen's
JavaScript arrives at once, and the service worker is given what to keep offline.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from server.assets import Asset, Assets, chosen_encoding, compress, make_asset
from server.auth.sessions import saved_language
from server.bundle import bundled
from server.errors import NotFound
from server.i18n import LANGUAGE_COOKIE, LANGUAGES, N_, I18n, request_language

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"
START = "/app.js"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
#: A phone keeps the language chosen on it for a year (it names no one).
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600
NOSCRIPT = N_("Alongside needs JavaScript to work. Please turn it on and reload this page.")
#: Shown from the first moment, until the first screen is drawn (as views/loading.js).
LOADING = N_("Loading…")
#: `{{url:/styles.css}}` in index.html becomes the file's fingerprinted URL.
URL_MARK = re.compile(r"\{\{url:([^}]+)\}\}")


@dataclass(frozen=True)
class Shell:
    assets: Assets
    #: index.html with the import map and preloads written in; per request, only the
    #: nonce, the language and its module remain to fill in.
    html: str
    service_worker: Asset
    version: str


def build_shell(i18n: I18n, pwa_dir: Path = PWA_DIR, *, bundle: bool = True) -> Shell:
    """`bundle=False` sends each module as written (as where esbuild is not installed)."""
    modules = bundled(pwa_dir) if bundle else None
    files = [
        ("/" + p.relative_to(pwa_dir).as_posix(), p.read_bytes())
        for p in sorted(pwa_dir.rglob("*"))
        if p.is_file()
        and p.name not in ("index.html", "sw.js")
        and not (modules and p.suffix == ".js")
    ]
    languages = [(f"/i18n/{code}.js", i18n.get(code).js_module().encode()) for code in LANGUAGES]
    made = modules.files if modules else ()
    assets = Assets([*files, *made, *languages], modules.imports if modules else None)
    page = (pwa_dir / "index.html").read_text(encoding="utf-8")
    worker = (pwa_dir / "sw.js").read_text(encoding="utf-8")
    start = assets.graph(START)
    head = [
        '<script type="importmap" nonce="{{nonce}}">'
        + json.dumps(assets.import_map(), separators=(",", ":"))
        + "</script>",
        *(f'<link rel="modulepreload" href="{assets.url(path)}">' for path in start),
        "{{language}}",
    ]
    offline = " ".join(
        [*(assets.url(path) for path in offline_files(assets, start)), "{{language_url}}"]
    )
    page = URL_MARK.sub(lambda found: assets.url(found.group(1)), page)
    page = page.replace("{{head}}", "\n  ".join(head)).replace("{{offline}}", offline)
    version = assets.version(page, worker)
    script = worker.replace("{{version}}", version)
    return Shell(assets, page, make_asset("/sw.js", script.encode()), version)


def offline_files(assets: Assets, start: list[str]) -> list[str]:
    """What the app needs to open with no connection: the start module graph (every
    family screen and the signed-out ones), the styles and the drawings those screens
    name (`icon("talk")`). Practitioner screens and the person's language are kept
    once used (see sw.js)."""
    code = b"".join(assets.by_path[path].body for path in start)
    drawings = [
        path
        for path in assets.by_path
        if re.fullmatch(r"/icons/[\w-]+\.svg", path)
        and f'"{path[len("/icons/") : -len(".svg")]}"'.encode() in code
    ]
    # Once each: the service worker's cache.addAll refuses a list that repeats one.
    return list(dict.fromkeys(["/styles.css", "/icons/icon.svg", *start, *drawings]))


async def shell(request: Request) -> Response:
    i18n: I18n = request.app.state.i18n
    built: Shell = request.app.state.shell
    # An invitation link names the family member's language (?lang=ur): the join
    # page and the PIN screen after it open in it, and this phone keeps it.
    from_link = request.query_params.get("lang", "")
    request.state.locale = await saved_language(request) or (
        from_link if from_link in LANGUAGES else None
    )
    language = i18n.get(request_language(request))
    module = built.assets.url(f"/i18n/{language.code}.js")
    page = (
        built.html.replace("{{nonce}}", escape(request.state.csp_nonce))
        .replace("{{lang}}", language.code)
        .replace("{{dir}}", language.direction)
        .replace("{{noscript}}", escape(language.translations.gettext(NOSCRIPT)))
        .replace("{{loading}}", escape(language.translations.gettext(LOADING)))
        .replace("{{language}}", f'<link rel="modulepreload" href="{module}">')
        .replace("{{language_url}}", module)
    )
    encoding = chosen_encoding(request.headers.get("accept-encoding", ""))
    body = page.encode()
    headers = {"Cache-Control": REVALIDATE, "Vary": "Accept-Encoding"}
    if encoding:
        body = compress(body, encoding, once=False)
        headers["Content-Encoding"] = encoding
    response = Response(body, media_type="text/html; charset=utf-8", headers=headers)
    if from_link in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE, from_link, max_age=LANGUAGE_COOKIE_SECONDS, samesite="lax"
        )
    return response


async def service_worker(request: Request) -> Response:
    built: Shell = request.app.state.shell
    return send(request, built.service_worker, REVALIDATE)


async def static_file(request: Request) -> Response:
    built: Shell = request.app.state.shell
    asset = built.assets.get(request.url.path)
    if asset is None:
        raise NotFound()
    fingerprinted = request.query_params.get("v") == asset.version
    return send(request, asset, IMMUTABLE if fingerprinted else REVALIDATE)


def send(request: Request, asset: Asset, cache_control: str) -> Response:
    """The file as prepared at start-up, in the encoding the browser prefers."""
    encoding = chosen_encoding(request.headers.get("accept-encoding", ""))
    if encoding not in asset.encodings:
        encoding = ""
    tag = f'"{asset.version}{"-" + encoding if encoding else ""}"'
    headers = {"Cache-Control": cache_control, "ETag": tag, "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == tag:
        return Response(status_code=304, headers=headers)
    if encoding:
        headers["Content-Encoding"] = encoding
    return Response(asset.sent(encoding), media_type=asset.media_type, headers=headers)


def routes() -> list[Route]:
    return [
        Route("/", shell, methods=["GET", "HEAD"]),
        Route("/sw.js", service_worker, methods=["GET", "HEAD"]),
        Route("/{path:path}", static_file, methods=["GET", "HEAD"]),
    ]
