"""When to try a failed job again: exponential backoff with full jitter, Retry-After honoured.

Full jitter (``uniform(0, min(cap, base * 2**attempt))``) spreads a fleet of tills that all lost
the network at once, instead of having them hammer the server in lockstep when it returns.
A server's ``Retry-After`` wins over our own guess (it knows its load), within ``max_wait_s``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from .errors import AuthFailed, Rejected, SyncError, retry_after_of


def full_jitter(
    attempt: int, base_s: float, cap_s: float, rng: random.Random | None = None
) -> float:
    """A random delay in [0, min(cap, base * 2**attempt)] seconds; ``attempt`` counts from 0."""
    ceiling = min(cap_s, base_s * 2 ** min(max(attempt, 0), 32))
    return (rng or random).uniform(0.0, ceiling)


def retry_after(headers) -> float | None:
    """Seconds to wait from a response's ``Retry-After``. An HTTP date is measured against the
    response's own ``Date`` header when there is one, so a till whose clock is hours off still
    waits what the server meant (instead of nothing, or the one-hour cap)."""
    server_now = None
    if headers.get("date"):
        try:
            server_now = parsedate_to_datetime(headers["date"])
        except (TypeError, ValueError, IndexError):
            server_now = None
        if server_now is not None and server_now.tzinfo is None:
            server_now = server_now.replace(tzinfo=UTC)
    return parse_retry_after(headers.get("retry-after"), server_now)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date; else None.
    ``now``: the time the date is measured against (the server's ``Date``; else this clock)."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """How one lane retries. ``dead_after`` None: a retryable error never kills a job."""

    base_s: float = 1.0
    cap_s: float = 300.0
    max_wait_s: float = 3600.0  # the most a Retry-After can make us wait
    min_wait_s: float = 0.05  # never a hot loop, even when the jitter draws 0
    dead_after: timedelta | None = None

    def delay(
        self, attempt: int, error: SyncError | None = None, rng: random.Random | None = None
    ) -> float:
        """Seconds until the next try after ``attempt`` failed tries (1 = the first failed)."""
        server = retry_after_of(error) if error is not None else None
        if server is not None:
            return min(self.max_wait_s, max(self.min_wait_s, server))
        return max(self.min_wait_s, full_jitter(max(attempt - 1, 0), self.base_s, self.cap_s, rng))

    def gives_up(self, error: SyncError, created_at: datetime, now: datetime) -> bool:
        """True when the job goes to the dead-letter list instead of being retried.

        A rejected item dies at once. An auth failure never kills a job: the lane stops until an
        admin fixes the token, and the jobs wait. Anything else dies only after ``dead_after``.
        """
        if isinstance(error, Rejected):
            return True
        if isinstance(error, AuthFailed):
            return False
        return self.dead_after is not None and now - created_at >= self.dead_after


#: Business events: a sale must reach the backend however long the outage lasts.
BUSINESS = RetryPolicy(base_s=1.0, cap_s=300.0, dead_after=None)
#: Audio: after a week of failing the recording goes to the dead-letter list for an admin.
AUDIO = RetryPolicy(base_s=2.0, cap_s=900.0, dead_after=timedelta(days=7))
