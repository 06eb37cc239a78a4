"""The PWA's files as a phone receives them: compressed, fingerprinted and kept a
year, the first screen's code preloaded at once, practitioner code and other
languages left for when they are needed, and offline use kept by the service worker."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

import brotli
import httpx2 as httpx
import pytest

from server.app import create_app
from server.assets import trimmed
from server.bundle import bundled
from server.i18n import I18n
from server.settings import Settings
from server.web import build_shell
from tests.conftest import TEST_SECRET

PWA = Path(__file__).resolve().parent.parent / "pwa"
BROTLI = {"Accept-Encoding": "gzip, deflate, br, zstd"}
PRACTITIONER_SCREENS = (
    "practitioner-home",
    "circle-voice",
    "circle-people",
    "circle-meetings",
    "circle-plan",
    "meeting-detail",
)
FAMILY_SCREENS = ("family-home", "write", "my-words", "our-plan", "check-in", "join")


@pytest.fixture
async def web(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The app's own files need no database: no lifespan, nobody signed in."""
    settings = Settings(data_dir=tmp_path, database_url="sqlite://:memory:", secret_key=TEST_SECRET)
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def raw(web: httpx.AsyncClient, url: str, **headers: str) -> httpx.Response:
    """The response as sent, still compressed."""
    async with web.stream("GET", url, headers=headers) as response:
        response._content = b"".join([part async for part in response.aiter_raw()])
    return response


def preloaded(page: str) -> list[str]:
    return re.findall(r'<link rel="modulepreload" href="([^"]+)">', page)


def import_map(page: str) -> dict[str, str]:
    found = re.search(r'<script type="importmap" nonce="[^"]+">(.*?)</script>', page, re.S)
    assert found, "the shell names every file's fingerprinted URL in an import map"
    return json.loads(found.group(1))["imports"]


def precached(page: str) -> list[str]:
    """What the service worker keeps when it is installed: the page, and the files
    the page names for offline use."""
    found = re.search(r'<meta name="alongside-offline" content="([^"]*)">', page)
    assert found, "the shell names what the service worker keeps"
    return ["/", *found.group(1).split()]


async def test_files_are_sent_with_brotli_where_asked_else_gzip(web):
    url = import_map((await web.get("/")).text)["/app.js"]
    plain = await raw(web, url, **{"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and b"import" in plain.content
    as_brotli = await raw(web, url, **BROTLI)
    assert as_brotli.headers["content-encoding"] == "br"
    assert brotli.decompress(as_brotli.content) == plain.content
    as_gzip = await raw(web, url, **{"Accept-Encoding": "gzip, deflate"})
    assert as_gzip.headers["content-encoding"] == "gzip"
    assert gzip.decompress(as_gzip.content) == plain.content
    assert "Accept-Encoding" in as_brotli.headers["vary"]
    page = await raw(web, "/", **BROTLI)
    assert page.headers["content-encoding"] == "br"
    assert b"<main" in brotli.decompress(page.content)


async def test_fingerprinted_files_are_kept_a_year_and_the_shell_is_asked_again(web):
    page = await web.get("/")
    assert page.headers["cache-control"] == "no-cache"
    url = import_map(page.text)["/app.js"]
    assert re.fullmatch(r"/app\.js\?v=[0-9a-f]{8}", url)
    kept = await web.get(url)
    assert kept.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert (await web.get("/app.js")).headers["cache-control"] == "no-cache"
    assert (await web.get("/app.js?v=00000000")).headers["cache-control"] == "no-cache"
    same = await web.get("/app.js", headers={"If-None-Match": kept.headers["etag"]})
    assert same.status_code == 304 and same.content == b""
    assert (await web.get("/sw.js")).headers["cache-control"] == "no-cache"
    assert (await web.get("/no-such-file.js")).status_code == 404


async def test_the_first_screen_code_is_preloaded_in_one_go(web):
    page = (await web.get("/", headers={"Accept-Language": "ur"})).text
    links = preloaded(page)
    names = import_map(page)
    assert names["/app.js"] in links
    assert names["/i18n/ur.js"] in links  # the page's own language, and no other
    # Who is here is asked at once, while the code arrives, not after it.
    assert '<link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous">' in page
    assert not [link for link in links if link.startswith("/i18n/") and "/ur.js" not in link]
    # Every static import of a preloaded module is preloaded too: no second wave.
    for link in links:
        code = (await web.get(link)).text
        for imported in static_imports(code):
            path = str(Path(link.split("?")[0]).parent / imported)
            assert names[str(Path(path).resolve())] in links, f"{link} imports {imported}"
    # Every family screen is in that code (bundled: the modules are not fetched one by one).
    start = "".join([(await web.get(link)).text for link in links])
    practitioners = [f"/views/{other}.js" for other in PRACTITIONER_SCREENS]
    for screen in FAMILY_SCREENS:
        assert f"/views/{screen}.js" not in names
        assert all(f'"{w}"' in start for w in own_words(screen, practitioners)), screen


def static_imports(code: str) -> list[str]:
    """The files a module imports before it runs: `import … from "./x.js"`,
    `import "./x.js"` and `export … from "./x.js"` (minified or not), not `import("…")`."""
    return re.findall(r'(?:\bfrom|\bimport)\s*"(\.{1,2}/[^"]+)"', code)


def own_words(screen: str, others: Iterable[str]) -> set[str]:
    """The words (`t("…")`) that the screen shows and none of the `others` modules has."""
    said = re.compile(r'\bt\("((?:[^"\\]|\\.){8,})"')
    mine = set(said.findall((PWA / "views" / f"{screen}.js").read_text(encoding="utf-8")))
    for other in others:
        mine -= set(re.findall(r'"((?:[^"\\]|\\.)*)"', (PWA / other[1:]).read_text("utf-8")))
    return mine


def family_start() -> list[str]:
    """The modules the family's start imports, as written (before bundling)."""
    return build_shell(I18n(default="en"), bundle=False).assets.graph("/app.js")


async def test_the_page_says_it_is_loading_in_the_readers_language_before_any_code(web):
    urdu = (await web.get("/", headers={"Accept-Language": "ur"})).text
    assert re.search(r'<main id="view" tabindex="-1"><p class="loading">[^<a-zA-Z]+</p>', urdu)
    english = (await web.get("/", headers={"Accept-Language": "en"})).text
    assert '<p class="loading">Loading…</p>' in english


async def test_practitioner_code_is_never_loaded_for_a_family_member(web):
    page = (await web.get("/")).text
    names = import_map(page)
    family = {url for url in [*preloaded(page), *precached(page)] if ".js?" in url}
    family_code = "".join([(await web.get(url)).text for url in sorted(family)])
    everything = "".join([(await web.get(url)).text for url in names.values() if ".js?" in url])
    as_written = family_start()
    for screen in PRACTITIONER_SCREENS:
        words = own_words(screen, as_written)
        assert words, f"{screen} shows words of its own"
        assert not [w for w in words if f'"{w}"' in family_code], screen
        # ... but a practitioner's phone can load them, by fingerprinted URL.
        assert all(f'"{w}"' in everything for w in words), screen


async def test_english_is_not_sent_as_a_catalog_of_itself(web):
    english = await web.get("/i18n/en.js")
    assert "export const messages = {};" in english.text
    assert len(english.content) < 300
    polish = await web.get("/i18n/pl.js")
    assert '"Save":' in polish.text


async def test_the_service_worker_keeps_only_what_offline_use_needs(web):
    page = (await web.get("/")).text
    names = import_map(page)
    kept = precached(page)
    assert kept[0] == "/"
    assert len(kept) == len(set(kept))  # cache.addAll refuses a list that repeats a URL
    assert set(preloaded(page)) <= set(kept)
    assert all(re.search(r"\?v=[0-9a-f]{8}$", url) for url in kept[1:])
    assert not [url for url in kept if url.startswith("/api/")]
    assert [url for url in kept if url.startswith("/i18n/")] == [names["/i18n/en.js"]]
    assert not [url for url in kept if url.endswith(".png") or ".png?" in url]
    assert names["/icons/talk.svg"] in kept  # drawings of family screens ...
    assert names["/icons/flag.svg"] not in kept  # ... not a practitioner's
    script = (PWA / "sw.js").read_text(encoding="utf-8")
    assert 'url.pathname.startsWith("/api/")' in script
    assert '"reload"' not in script  # what the page fetched comes from the HTTP cache


def test_every_web_process_bundles_the_same_files_wherever_it_is_installed(tmp_path):
    """Behind a load balancer, a page one process sent names files another must have."""
    elsewhere = tmp_path / "srv" / "alongside" / "pwa"
    shutil.copytree(PWA, elsewhere)
    here, there = bundled(PWA), bundled(elsewhere)
    assert here is not None and there is not None
    assert [path for path, _ in here.files] == [path for path, _ in there.files]
    assert here.files == there.files and here.imports == there.imports


def test_without_esbuild_the_modules_are_sent_as_written(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing to run there
    shell = build_shell(I18n(default="en"))
    start = shell.assets.graph("/app.js")
    assert {"/shell/router.js", "/views/family-home.js", "/views/join.js"} <= set(start)
    assert not [path for path in shell.assets.by_path if path.startswith("/chunk-")]
    assert "/views/practitioner-home.js" not in start


def test_trimming_keeps_the_code_and_drops_whole_line_comments():
    code = '// a comment\nconst a = "//x"; // kept\n  /** block\n   * more */\n  if (a) {\n\n    go(a);\n  }\n'
    assert trimmed(code) == 'const a = "//x"; // kept\nif (a) {\ngo(a);\n}\n'
    inline = "/* a */ keep();\n/* b */\n"
    assert trimmed(inline) == "/* a */ keep();\n"
    template = "const t = `one\n  // not a comment\n`;\n"
    assert trimmed(template) == template
    after = 'go(); // why\nsay("a"); // kept\nmatch(/x/); // kept\n'
    assert trimmed(after) == 'go();\nsay("a"); // kept\nmatch(/x/); // kept\n'
