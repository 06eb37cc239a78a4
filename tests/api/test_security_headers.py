import re


async def test_the_shell_carries_a_fresh_nonce_matching_its_policy(client):
    first = await client.get("/")
    second = await client.get("/")
    policy = first.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    assert f'nonce="{nonce}"' in first.text
    assert nonce not in second.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert re.search(r"script-src 'self' 'nonce-[^']+'(;|$)", policy)
    assert "http" not in policy  # no third-party origins


async def test_protective_headers_on_every_answer(client):
    for path in ("/", "/api/me", "/healthz", "/app.js", "/no-such-file"):
        headers = (await client.get(path)).headers
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "no-referrer", path
        assert "content-security-policy" in headers, path
        assert "strict-transport-security" not in headers, path  # plain http here


async def test_the_shell_speaks_the_browsers_language_and_direction(client):
    urdu = await client.get("/", headers={"Accept-Language": "ur-PK,ur;q=0.9"})
    assert '<html lang="ur" dir="rtl"' in urdu.text
    other = await client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert '<html lang="en" dir="ltr"' in other.text


async def test_language_modules_are_generated_from_the_catalogs(client):
    module = await client.get("/i18n/pa.js")
    assert module.headers["content-type"].startswith("text/javascript")
    assert 'export const dir = "ltr";' in module.text
    # CLDR: Punjabi uses the singular for 0 and 1 (Babel's default says n != 1).
    assert "return Number((n > 1));" in module.text
    assert (await client.get("/i18n/xx.js")).status_code == 404
