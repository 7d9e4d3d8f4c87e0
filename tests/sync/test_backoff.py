"""Backoff: full jitter within its bounds, Retry-After honoured, when a job gives up."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from forsell.sync import backoff
from forsell.sync.errors import AuthFailed, BadResponse, NoProvider, RateLimited, Rejected

NOW = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)


@pytest.mark.parametrize("attempt", [0, 1, 2, 5, 10, 40, 1000])
def test_full_jitter_stays_within_zero_and_the_capped_exponential(attempt: int) -> None:
    rng = random.Random(attempt)
    ceiling = min(60.0, 0.5 * 2 ** min(attempt, 32))
    draws = [backoff.full_jitter(attempt, 0.5, 60.0, rng) for _ in range(500)]
    assert all(0.0 <= d <= ceiling for d in draws)
    # full jitter really spreads: both the low and the high end of the range are drawn
    assert min(draws) < ceiling * 0.1 and max(draws) > ceiling * 0.9


def test_retry_after_in_seconds_and_as_an_http_date() -> None:
    assert backoff.parse_retry_after("120") == 120.0
    assert backoff.parse_retry_after(" 2.5 ") == 2.5
    assert backoff.parse_retry_after("Mon, 02 Mar 2026 04:00:30 GMT", NOW) == 30.0
    assert backoff.parse_retry_after("Mon, 02 Mar 2026 03:00:00 GMT", NOW) == 0.0  # past: now
    for junk in (None, "", "soon", "-", "Mon, 99 Foo"):
        assert backoff.parse_retry_after(junk, NOW) is None


def test_policy_delay_honours_the_server_within_limits() -> None:
    policy = backoff.RetryPolicy(base_s=1.0, cap_s=10.0, max_wait_s=600.0)
    assert policy.delay(3, RateLimited("x", retry_after_s=42.0)) == 42.0
    assert policy.delay(3, RateLimited("x", retry_after_s=99_999.0)) == 600.0
    assert policy.delay(1, RateLimited("x", retry_after_s=0.0)) == policy.min_wait_s
    rng = random.Random(1)
    plain = [policy.delay(a, RateLimited("x"), rng) for a in range(1, 30)]
    assert all(policy.min_wait_s <= d <= 10.0 for d in plain)


def test_who_gives_up() -> None:
    business, audio = backoff.BUSINESS, backoff.AUDIO
    old = NOW - timedelta(days=30)
    assert business.gives_up(Rejected("invalid"), NOW, NOW)
    assert not business.gives_up(BadResponse("x"), old, NOW)  # a sale is never given up
    assert not business.gives_up(AuthFailed("x"), old, NOW)  # the admin fixes the token
    assert not audio.gives_up(BadResponse("x"), NOW - timedelta(days=6), NOW)
    assert audio.gives_up(BadResponse("x"), NOW - timedelta(days=7), NOW)
    assert audio.gives_up(NoProvider("x"), NOW - timedelta(days=8), NOW)
    assert not audio.gives_up(AuthFailed("x"), old, NOW)


def test_an_http_date_retry_after_is_measured_on_the_servers_clock() -> None:
    # The till's clock is 3 hours behind; the server says "retry at 04:00:30" and "it is 04:00:00".
    import httpx

    headers = httpx.Headers(
        {"Retry-After": "Mon, 02 Mar 2026 04:00:30 GMT", "Date": "Mon, 02 Mar 2026 04:00:00 GMT"}
    )
    assert backoff.retry_after(headers) == 30.0
    assert backoff.retry_after(httpx.Headers({"Retry-After": "12"})) == 12.0
    assert backoff.retry_after(httpx.Headers({})) is None
    # Without a Date header the till's own clock is all there is.
    only = httpx.Headers({"Retry-After": "Mon, 02 Mar 2026 04:00:30 GMT"})
    assert backoff.retry_after(only) == 0.0  # that date is long past on this machine
