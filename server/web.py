"""The PWA's files: the shell document (with this response's CSP nonce), the
language modules generated from the catalogs, and the static files."""

from __future__ import annotations

from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from server.errors import NotFound
from server.i18n import LANGUAGES, I18n, request_language

PWA_DIR = Path(__file__).resolve().parent.parent / "pwa"
REVALIDATE = {"Cache-Control": "no-cache"}


async def shell(request: Request) -> Response:
    i18n: I18n = request.app.state.i18n
    language = i18n.get(request_language(request))
    page = (
        request.app.state.shell_html
        .replace("{{nonce}}", escape(request.state.csp_nonce))
        .replace("{{lang}}", language.code)
        .replace("{{dir}}", language.direction)
    )
    return HTMLResponse(page, headers=REVALIDATE)


async def language_module(request: Request) -> Response:
    code = request.path_params["lang"]
    if code not in LANGUAGES:
        raise NotFound()
    i18n: I18n = request.app.state.i18n
    return Response(
        i18n.get(code).js_module(), media_type="text/javascript", headers=REVALIDATE
    )


class ShellFiles(StaticFiles):
    """Static files; the service worker is always revalidated so updates arrive."""

    def file_response(self, full_path, stat_result, scope, status_code=200):  # type: ignore[no-untyped-def]
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = "no-cache"
        return response


def routes(pwa_dir: Path = PWA_DIR) -> list[Route | Mount]:
    return [
        Route("/", shell, methods=["GET", "HEAD"]),
        Route("/i18n/{lang}.js", language_module, methods=["GET", "HEAD"]),
        Mount("/", ShellFiles(directory=pwa_dir), name="pwa"),
    ]


def load_shell(pwa_dir: Path = PWA_DIR) -> str:
    return (pwa_dir / "index.html").read_text(encoding="utf-8")
