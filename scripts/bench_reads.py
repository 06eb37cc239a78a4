"""How fast the everyday reads are, beside a bare Starlette app in the same run.

For each database (SQLite, PostgreSQL) it makes three throw-away databases with
the demo in them: "demo" (with a small team plan), "city" (the same, plus a
partnership of 2,000 other circles, 20,000 contributions and 200,000 audit
records from scripts/seed_city.py) and "big plan" (the demo circle's plan has
500 items, 250 quoting the family's words). It starts `alongside serve` on each
and the bare app (scripts/bare_app.py) on the same uvicorn with the same flags,
signs in as Sam (family) and Priya Shah (lead), then loads each read with `wrk`
(64 connections, 10 s), the reads interleaved round after round, and prints
req/s, the ratio to bare, p50 / p99 latency, errors, and the web processes'
peak memory (RSS).

    .venv/bin/python scripts/bench_reads.py [--db sqlite,postgres] [--rounds 3]
        [--seconds 10] [--connections 64] [--workers 1] [--reads all]

`wrk` is Debian's package; the script installs it with apt-get when missing.
PostgreSQL databases are made beside ALONGSIDE_TEST_POSTGRES_URL (default
postgres://postgres@127.0.0.1:5432/test) and dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx2 as httpx

ROOT = Path(__file__).resolve().parent.parent
PIN = "2468"
PLAN = "/api/circles/{circle}/plan"
#: name: (server, who signs in, path)
READS = {
    "bare Starlette": ("bare", None, "/"),
    "family home (demo)": ("demo", "family", "/api/family/home"),
    "team plan (demo)": ("demo", "lead", PLAN),
    "family home (city)": ("city", "family", "/api/family/home"),
    "team plan (city)": ("city", "lead", PLAN),
    "team plan of 500 items": ("big plan", "lead", PLAN),
}
#: server: what scripts/seed_city.py adds beside the demo
DATA = {
    "demo": ["--circles", "0", "--plan-items", "6"],
    "city": ["--plan-items", "6"],
    "big plan": ["--circles", "0", "--plan-items", "500"],
}


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    cookies: dict[str, str] = field(default_factory=dict)
    circle: str = ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin_url() -> str:
    url = os.environ.get("ALONGSIDE_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
    return url.replace("postgres://", "postgresql://", 1)


async def _admin(sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(_admin_url())
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


@contextlib.contextmanager
def database(kind: str, folder: Path, name: str) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite://{folder / (name.replace(' ', '_') + '.sqlite3')}"
        return
    db = f"alongside_bench_{secrets.token_hex(4)}"
    asyncio.run(_admin(f'CREATE DATABASE "{db}"'))
    try:
        parts = urlsplit(_admin_url())
        yield urlunsplit(parts._replace(scheme="postgres", path=f"/{db}"))
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))


def _env(data_dir: Path, url: str) -> dict[str, str]:
    return {
        **os.environ,
        "ALONGSIDE_MODE": "demo",
        "ALONGSIDE_DATA_DIR": str(data_dir),
        "ALONGSIDE_DATABASE_URL": url,
        "PYTHONPATH": str(ROOT),
    }


def prepare(name: str, url: str, data_dir: Path) -> dict:
    """The demo, then what the seeding script adds; returns how to sign in."""
    env = _env(data_dir, url)
    alongside = [sys.executable, "-m", "server.cli"]
    made = subprocess.run(
        [*alongside, "demo", "--json"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    seed = [sys.executable, str(ROOT / "scripts" / "seed_city.py"), "--database-url", url]
    seeded = subprocess.run(
        [*seed, *DATA[name]], env=env, cwd=ROOT, check=True, capture_output=True
    )
    print(f"  {name}: {seeded.stdout.decode().strip()}", flush=True)
    return json.loads(made.stdout)


def _uvicorn_flags(port: int, workers: int) -> list[str]:
    """The flags `alongside serve` gives uvicorn, for the bare app."""
    flags = ["--host", "127.0.0.1", "--port", str(port), "--proxy-headers"]
    flags += ["--no-server-header", "--log-level", "info"]
    return flags + (["--workers", str(workers)] if workers > 1 else [])


def start(name: str, url: str | None, data_dir: Path, workers: int) -> Server:
    port = _free_port()
    if url is None:
        command = [sys.executable, "-m", "uvicorn", "bare_app:app", "--app-dir", "scripts"]
        command += _uvicorn_flags(port, workers)
        env = {**os.environ}
    else:
        command = [sys.executable, "-m", "server.cli", "serve", "--port", str(port)]
        command += ["--workers", str(workers)] if workers > 1 else []
        env = _env(data_dir, url)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = Server(name, f"http://127.0.0.1:{port}", process)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(server.url + "/", timeout=1).status_code < 500:
                return server
        time.sleep(0.2)
    raise RuntimeError(f"{name} did not start")


def sign_in(server: Server, demo: dict) -> None:
    origin = {"Origin": server.url}
    with httpx.Client(base_url=server.url, headers=origin) as family:
        code = demo["family"][0]["code"]
        joined = family.post("/api/invitations/redeem", json={"code": code, "pin": PIN})
        joined.raise_for_status()
        server.cookies["family"] = family.cookies["alongside-session"]
    with httpx.Client(base_url=server.url, headers=origin) as lead:
        person = demo["practitioners"][0]
        body = {"email": person["email"], "password": person["password"]}
        lead.post("/api/sessions/practitioner", json=body).raise_for_status()
        server.cookies["lead"] = lead.cookies["alongside-session"]
        home = lead.get("/api/practitioner/home").json()
        server.circle = next(c["id"] for c in home["circles"] if c["name"] == "Sam and Mia")


@dataclass
class Run:
    rps: float
    p50: float
    p99: float
    errors: int


def _ms(text: str) -> float:
    """wrk's latency ("812.00us", "1.20s"); 0 when no request finished ("-nan")."""
    found = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if found is None:
        return 0.0
    number, unit = found.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def load(url: str, cookie: str | None, args: argparse.Namespace) -> Run:
    threads = min(2, args.connections)  # wrk needs a connection for each thread
    command = ["wrk", f"-t{threads}", f"-c{args.connections}", f"-d{args.seconds}s", "--latency"]
    command += ["--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: alongside-session={cookie}"]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = sum(
        int(n)
        for n in re.findall(r"(?:Non-2xx or 3xx responses|timeout|read|write|connect) (\d+)", out)
    )
    return Run(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        p50=_ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        p99=_ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
        errors=errors,
    )


def _tree(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = [int(c) for c in children.read_text().split()] if children.exists() else []
    return [pid, *[p for child in found for p in _tree(child)]]


def peak_rss_mb(server: Server) -> float:
    """The largest peak resident memory of the server's processes (a worker each)."""
    peaks = []
    for pid in _tree(server.process.pid):
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024)  # type: ignore[union-attr]
    return max(peaks, default=0.0)


def report(kind: str, results: dict[str, list[Run]], servers: dict[str, Server]) -> None:
    bare = statistics.median(r.rps for r in results["bare Starlette"])
    print(f"\n{kind}: median of {len(results['bare Starlette'])} rounds")
    print(f"{'read':<26}{'req/s':>9}{'ratio':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, runs in results.items():
        rps = statistics.median(r.rps for r in runs)
        p50 = statistics.median(r.p50 for r in runs)
        p99 = statistics.median(r.p99 for r in runs)
        errors = sum(r.errors for r in runs)
        if not rps:
            print(f"{name:<26}{'no answer within the run':>43}")
            continue
        print(f"{name:<26}{rps:>9.1f}{rps / bare:>8.3f}{p50:>9.1f}{p99:>9.1f}{errors:>8}")
    rss = ", ".join(f"{s.name} {peak_rss_mb(s):.0f} MB" for s in servers.values())
    print(f"peak RSS per web process: {rss}")


def bench(kind: str, args: argparse.Namespace) -> None:
    reads = {n: r for n, r in READS.items() if args.reads == "all" or n in args.reads.split(",")}
    reads = {"bare Starlette": READS["bare Starlette"], **reads}
    needed = sorted({server for server, _, _ in reads.values()} - {"bare"})
    folder = Path(tempfile.mkdtemp(prefix="alongside-bench-"))
    servers: dict[str, Server] = {}
    with contextlib.ExitStack() as stack:
        print(f"{kind}: preparing {', '.join(needed)}", flush=True)
        for name in needed:
            url = stack.enter_context(database(kind, folder, name))
            demo = prepare(name, url, folder / name.replace(" ", "_"))
            servers[name] = start(name, url, folder / name.replace(" ", "_"), args.workers)
            stack.callback(servers[name].process.terminate)
            sign_in(servers[name], demo)
        servers["bare"] = start("bare", None, folder, args.workers)
        stack.callback(servers["bare"].process.terminate)
        results: dict[str, list[Run]] = {name: [] for name in reads}
        for _ in range(args.rounds):
            for name, (where, who, path) in reads.items():
                server = servers[where]
                url = server.url + path.format(circle=server.circle)
                results[name].append(load(url, server.cookies.get(who or ""), args))
        report(kind, results, servers)
    shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sqlite,postgres")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--reads", default="all", help="comma-separated names, or all")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)
    load_avg = os.getloadavg()
    print(f"load average {load_avg[0]:.2f} {load_avg[1]:.2f} {load_avg[2]:.2f}; ", end="")
    print(f"{os.cpu_count()} cores; workers {args.workers}", flush=True)
    for kind in args.db.split(","):
        bench(kind, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
