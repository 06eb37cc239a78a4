"""The annual review's endpoints: figures as JSON and CSV, and a page to print
with its charts. Thin: the rules live in review.service."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from server.api.endpoint import endpoint
from server.api.openapi import answering
from server.api.paths import path_number
from server.auth.sessions import current_actor
from server.i18n import translator_for, wording_for
from server.organisations.permissions import Action, roles_for
from server.review import printing, service
from server.review.schemas import Review

NO_STORE = {"Cache-Control": "no-store"}


async def _review(request: Request, year: str | None) -> Review:
    return await service.review(
        await current_actor(request),
        service.year_of(year, datetime.now(UTC)),
        request.app.state.settings.timezone,
        translator_for(request).gettext,
    )


async def review(request: Request) -> Review:
    return await _review(request, request.query_params.get("year"))


async def review_csv(request: Request) -> Response:
    figures = await _review(request, request.query_params.get("year"))
    return Response(
        printing.csv_text(figures, wording_for(request)),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="alongside-review-{figures.year}.csv"',
            **NO_STORE,
        },
    )


async def review_page(request: Request) -> Response:
    figures = await _review(request, str(path_number(request, "year")))
    return HTMLResponse(printing.page(figures, wording_for(request)), headers=NO_STORE)


async def review_chart(request: Request) -> Response:
    figures = await _review(request, str(path_number(request, "year")))
    svg = printing.chart_for(
        figures, request.query_params.get("measure", "asked"), wording_for(request)
    )
    return Response(svg, media_type="image/svg+xml", headers=NO_STORE)


ROLES = roles_for(Action.SEE_REVIEW)
routes = [
    endpoint(
        "GET",
        "/api/review",
        review,
        response=Review,
        tag="review",
        roles=ROLES,
        summary="The annual review's figures by quarter (?year=); small numbers hidden",
    ),
    answering(
        endpoint(
            "GET",
            "/api/review.csv",
            review_csv,
            tag="review",
            roles=ROLES,
            summary="Every figure of the annual review as CSV (?year=)",
        ),
        "text/csv",
        "The figures, one a line, with what each measure means",
    ),
    answering(
        endpoint(
            "GET",
            "/review/{year:int}/print",
            review_page,
            tag="review",
            roles=ROLES,
            summary="The annual review to print (A4), with its charts and tables (HTML)",
        ),
        "text/html",
        "A page to print (A4)",
    ),
    answering(
        endpoint(
            "GET",
            "/review/{year:int}/chart.svg",
            review_chart,
            tag="review",
            roles=ROLES,
            summary="One measure's trend by quarter as an SVG chart (?measure=)",
        ),
        "image/svg+xml",
        "A chart",
    ),
]
