"""One HTTP answer → error mapping for the backend client and every provider (sync/answers.py)."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import httpx
import pytest

from forsell.sync import answers, errors
from forsell.sync.answers import error_for_answer, json_object, raise_for_answer
from forsell.sync.backend import BackendClient

HTML = {"content-type": "text/html; charset=utf-8"}
PAGE = "<html><body>Please log in to the Wi-Fi</body></html>"


def answer(status: int, **kwargs) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("POST", "https://x.example/v1"), **kwargs)


#: (answer, error type, its reason / retry-after / destination where it has one)
TABLE = [
    (answer(301, headers={"location": "https://portal.example/login"}), errors.BadResponse, None),
    (answer(302, headers={"location": "http://10.0.0.1/"}), errors.BadResponse, None),
    (
        answer(401, json={"detail": {"status": "invalid_api_key", "message": "Invalid"}}),
        errors.AuthFailed,
        "destination=elevenlabs",
    ),
    (answer(403, json={"detail": "forbidden"}), errors.AuthFailed, "destination=elevenlabs"),
    (answer(401, text=PAGE, headers=HTML), errors.BadResponse, None),  # a portal, not our key
    (answer(403, text=PAGE, headers=HTML), errors.BadResponse, None),  # a proxy's block page
    (answer(404, text=PAGE, headers=HTML), errors.BadResponse, None),
    (
        answer(404, json={"code": 5, "message": "Operation not found"}),
        errors.Rejected,
        "reason=Operation not found",
    ),
    (answer(408), errors.TimedOut, None),
    (answer(408, text=PAGE, headers=HTML), errors.TimedOut, None),
    (answer(409, json={"detail": "in_flight"}), errors.ServerFailed, None),
    (answer(413, json={"detail": "too_large"}), errors.Rejected, "reason=too_large"),
    (
        answer(413, text="<html>413 Request Entity Too Large</html>", headers=HTML),
        errors.Rejected,
        "reason=too_large",
    ),  # nginx in front says so in HTML: still too large
    (
        answer(422, json={"detail": [{"loc": ["body", "model_id"], "msg": "unknown model"}]}),
        errors.Rejected,
        "reason=model_id: unknown model",
    ),
    (answer(400, json={"detail": "unknown_kind"}), errors.Rejected, "reason=unknown_kind"),
    (answer(400), errors.Rejected, "reason=http_400"),
    (
        answer(429, json={"detail": {"status": "system_busy"}}, headers={"Retry-After": "7"}),
        errors.RateLimited,
        "retry_after_s=7.0",
    ),
    (answer(429, text=PAGE, headers=HTML), errors.RateLimited, "retry_after_s=None"),
    (
        answer(500, json={"detail": "boom"}, headers={"Retry-After": "3"}),
        errors.ServerFailed,
        "retry_after_s=3.0",
    ),
    (answer(502, text="<html>Bad Gateway</html>", headers=HTML), errors.ServerFailed, "status=502"),
    (answer(511, text=PAGE, headers=HTML), errors.ServerFailed, "status=511"),
]


@pytest.mark.parametrize(("response", "error", "attribute"), TABLE)
def test_an_answer_maps_onto_the_tree(
    response: httpx.Response, error: type, attribute: str | None
) -> None:
    found = error_for_answer(response, "elevenlabs")
    assert type(found) is error
    assert found.detail.startswith("elevenlabs: HTTP ")
    if attribute is not None:
        name, value = attribute.split("=", 1)
        assert str(getattr(found, name)) == value
    with pytest.raises(error):
        raise_for_answer(response, "elevenlabs")


@pytest.mark.parametrize("status", [200, 201, 202, 204])
def test_a_2xx_answer_is_no_error(status: int) -> None:
    raise_for_answer(answer(status), "backend")


@pytest.mark.parametrize(
    "response",
    [
        answer(200, text=PAGE, headers=HTML),  # a captive portal answers 200 as well
        answer(200, content=b'{"results": [1, '),  # cut short
        answer(200, json=[1, 2]),
        answer(200, content=b""),
    ],
)
def test_a_2xx_body_that_is_no_json_object_is_a_bad_response(response: httpx.Response) -> None:
    with pytest.raises(errors.BadResponse):
        json_object(response, "backend")


def test_a_json_object_is_returned() -> None:
    assert json_object(answer(200, json={"token": "t"}), "backend") == {"token": "t"}


@pytest.mark.parametrize(("response", "error", "attribute"), TABLE)
def test_the_backend_client_reads_answers_the_same_way(
    response: httpx.Response, error: type, attribute: str | None
) -> None:
    async def pull() -> None:
        transport = httpx.MockTransport(lambda request: response)
        async with httpx.AsyncClient(transport=transport) as client:
            await BackendClient(client, "https://backend.example", lambda: "t").pull("catalog")

    with pytest.raises(error) as caught:
        asyncio.run(pull())
    assert caught.value.detail == error_for_answer(response, "backend").detail


def test_only_the_answers_module_reads_http_statuses() -> None:
    # A second reading of status codes is how the backend and the providers drifted apart.
    sync = Path(answers.__file__).resolve().parent
    readers = sorted(
        f"{path.relative_to(sync)}:{node.lineno}"
        for path in sync.rglob("*.py")
        if path.name != "answers.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Attribute)
        and node.attr in ("status_code", "is_success", "is_error", "raise_for_status")
    )
    assert not readers, "HTTP statuses read outside sync/answers.py: " + ", ".join(readers)
