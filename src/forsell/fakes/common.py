"""Pieces every FAKE server shares: the ``/_fake/*`` control routes and small helpers."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .faults import Faults


def control_routes(
    stats: Callable[[], dict[str, Any]], faults: Faults, reset: Callable[[], None]
) -> list[Route]:
    """``GET /_fake/stats``; ``GET|POST|DELETE /_fake/faults``; ``POST /_fake/reset``.

    These are for tests and the demo only (loopback), never faulted, never authenticated.
    """

    async def get_stats(request: Request) -> Response:
        return JSONResponse(stats())

    async def faults_endpoint(request: Request) -> Response:
        if request.method == "DELETE":
            faults.clear()
        elif request.method == "POST":
            try:
                body = json.loads(await request.body() or b"{}")
                if not isinstance(body, dict):
                    raise TypeError("expected an object")
                faults.configure(body)
            except (ValueError, TypeError) as exc:
                return JSONResponse({"detail": str(exc)}, status_code=400)
        return JSONResponse(faults.snapshot())

    async def do_reset(request: Request) -> Response:
        reset()
        return JSONResponse({"reset": True})

    return [
        Route("/_fake/stats", get_stats, methods=["GET"]),
        Route("/_fake/faults", faults_endpoint, methods=["GET", "POST", "DELETE"]),
        Route("/_fake/reset", do_reset, methods=["POST"]),
    ]


def validation_error(*problems: tuple[list[Any], str, str]) -> JSONResponse:
    """FastAPI-style 422: ``{"detail": [{"loc": [...], "msg": ..., "type": ...}]}``."""
    return JSONResponse(
        {"detail": [{"loc": loc, "msg": msg, "type": kind} for loc, msg, kind in problems]},
        status_code=422,
    )


TRUE = {"true", "1", "yes", "on", "t", "y"}
FALSE = {"false", "0", "no", "off", "f", "n"}


def parse_bool(value: str) -> bool | None:
    """Pydantic's lax booleans (what a FastAPI form accepts); None if not a boolean."""
    low = value.strip().lower()
    return True if low in TRUE else False if low in FALSE else None
