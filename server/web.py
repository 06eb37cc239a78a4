"""The PWA's files: the shell document (with this response's CSP nonce), the
language modules generated from the catalogs, and the static files."""

from __future__ import annotations

import hashlib
import mimetypes
import os
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import PathLike, StaticFiles
from starlette.types import Scope

from server.auth.sessions import saved_language
from server.errors import NotFound
from server.i18n import LANGUAGE_COOKIE, LANGUAGES, LOCALES_DIR, N_, I18n, request_language

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"
mimetypes.add_type("application/manifest+json", ".webmanifest")
REVALIDATE = {"Cache-Control": "no-cache"}
#: A phone keeps the language chosen on it for a year (it names no one).
LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600
NOSCRIPT = N_("Alongside needs JavaScript to work. Please turn it on and reload this page.")


async def shell(request: Request) -> Response:
    i18n: I18n = request.app.state.i18n
    # An invitation link names the family member's language (?lang=ur): the join
    # page and the PIN screen after it open in it, and this phone keeps it.
    from_link = request.query_params.get("lang", "")
    request.state.locale = await saved_language(request) or (
        from_link if from_link in LANGUAGES else None
    )
    language = i18n.get(request_language(request))
    page = (
        request.app.state.shell_html.replace("{{nonce}}", escape(request.state.csp_nonce))
        .replace("{{lang}}", language.code)
        .replace("{{dir}}", language.direction)
        .replace("{{noscript}}", escape(language.translations.gettext(NOSCRIPT)))
    )
    response = HTMLResponse(page, headers=REVALIDATE)
    if from_link in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE, from_link, max_age=LANGUAGE_COOKIE_SECONDS, samesite="lax"
        )
    return response


async def language_module(request: Request) -> Response:
    code = request.path_params["lang"]
    if code not in LANGUAGES:
        raise NotFound()
    i18n: I18n = request.app.state.i18n
    return Response(i18n.get(code).js_module(), media_type="text/javascript", headers=REVALIDATE)


async def service_worker(request: Request) -> Response:
    script = request.app.state.service_worker.replace(
        "{{version}}", request.app.state.shell_version
    )
    return Response(script, media_type="text/javascript", headers=REVALIDATE)


def shell_version(pwa_dir: Path = PWA_DIR, locales_dir: Path = LOCALES_DIR) -> str:
    """A fingerprint of every shell file and catalog: the service worker's cache name."""
    digest = hashlib.sha256()
    for path in sorted([*pwa_dir.rglob("*"), *locales_dir.rglob("*.po")]):
        if path.is_file():
            digest.update(path.relative_to(pwa_dir.parent).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ShellFiles(StaticFiles):
    """Static files, revalidated with the server so a release reaches phones."""

    def file_response(
        self, full_path: PathLike, stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = "no-cache"
        return response


def routes(pwa_dir: Path = PWA_DIR) -> list[Route | Mount]:
    return [
        Route("/", shell, methods=["GET", "HEAD"]),
        Route("/sw.js", service_worker, methods=["GET", "HEAD"]),
        Route("/i18n/{lang}.js", language_module, methods=["GET", "HEAD"]),
        Mount("/", ShellFiles(directory=pwa_dir), name="pwa"),
    ]


def load_shell(pwa_dir: Path = PWA_DIR) -> tuple[str, str]:
    """The shell document and the service worker script, as templates."""
    return (
        (pwa_dir / "index.html").read_text(encoding="utf-8"),
        (pwa_dir / "sw.js").read_text(encoding="utf-8"),
    )
