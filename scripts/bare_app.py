"""The baseline for scripts/bench_reads.py: a bare Starlette app answering a
small JSON document, served by the same uvicorn with the same flags."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"hello": "world"})


app = Starlette(routes=[Route("/", hello)])
