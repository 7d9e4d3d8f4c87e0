"""The error tree: every error is retryable or permanent, and carries a message key."""

from __future__ import annotations

import pytest

from forsell.sync import errors as e


@pytest.mark.parametrize(
    ("error", "retryable", "key"),
    [
        (e.NetworkDown("connect"), True, "sync.offline"),
        (e.ConnectionLost("reset"), True, "sync.connection_lost"),
        (e.TimedOut("read"), True, "sync.timeout"),
        (e.RateLimited("429", retry_after_s=7), True, "sync.rate_limited"),
        (e.ServerFailed("boom", 503), True, "sync.server"),
        (e.BadResponse("html"), True, "sync.bad_response"),
        (e.DiskFull("ENOSPC"), True, "sync.disk_full"),
        (e.ClockWrong("not yet valid"), True, "sync.clock"),
        (e.AuthFailed("401"), False, "sync.auth"),
        (e.Rejected("invalid"), False, "sync.rejected"),
        (e.NoProvider("abroad off"), False, "sync.provider_none"),
    ],
)
def test_each_error_is_on_one_side_with_its_key(
    error: e.SyncError, retryable: bool, key: str
) -> None:
    assert isinstance(error, e.Retryable) is retryable
    assert isinstance(error, e.Permanent) is (not retryable)
    assert error.key == key
    assert key in e.KEYS


def test_extra_facts_travel_with_the_error() -> None:
    assert e.retry_after_of(e.RateLimited("x", retry_after_s=3.5)) == 3.5
    assert e.retry_after_of(e.ServerFailed("x", 503, retry_after_s=9)) == 9
    assert e.retry_after_of(e.TimedOut("x")) is None
    assert e.ServerFailed(status=502).status == 502
    assert e.AuthFailed(destination="elevenlabs").destination == "elevenlabs"
    assert e.Rejected("too_large").reason == "too_large"


def test_detail_is_bounded() -> None:
    assert len(e.BadResponse("x" * 5000).detail) == 500


@pytest.mark.parametrize(
    ("failure", "kind", "delivered"),
    [
        ("ConnectError", e.NetworkDown, False),  # never reached the server
        ("ConnectTimeout", e.NetworkDown, False),
        ("WriteError", e.ConnectionLost, False),  # the upload broke off: nothing to act on
        ("WriteTimeout", e.TimedOut, False),
        ("PoolTimeout", e.TimedOut, False),
        ("ReadError", e.ConnectionLost, True),  # sent whole, the answer lost: may be done
        ("ReadTimeout", e.TimedOut, True),
        ("RemoteProtocolError", e.ConnectionLost, True),
    ],
)
def test_a_failure_tells_whether_the_request_reached_the_server_whole(
    failure: str, kind: type[e.SyncError], delivered: bool
) -> None:
    import httpx

    error = e.transport_error(getattr(httpx, failure)("boom"), "elevenlabs")
    assert isinstance(error, kind) and error.delivered is delivered


def test_an_answer_is_not_delivered_unless_said() -> None:
    assert not e.BadResponse("html").delivered
    assert e.BadResponse("truncated 200", delivered=True).delivered
