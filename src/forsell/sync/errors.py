"""Everything that can go wrong while syncing, as one tree: retryable or permanent.

    SyncError(key, detail)
    ├── Retryable                      the job is tried again later (backoff with full jitter)
    │   ├── NetworkDown                no connection at all (connect failed): engine goes offline
    │   ├── ConnectionLost             connected, then the connection broke (reset, dropped answer)
    │   ├── TimedOut                   no answer in time (408 or a client timeout)
    │   ├── RateLimited(retry_after_s) 429: wait as long as the server says
    │   ├── ServerFailed(status)       5xx, or 409 "the same request is still in flight"
    │   ├── BadResponse                HTML error page, truncated or unexpected JSON, empty body
    │   ├── DiskFull                   our own disk is full: nothing is lost, it waits
    │   └── AuditGap                   the backend wants earlier audit entries first (``later``)
    └── Permanent                      trying the same thing again will not help
        ├── AuthFailed(destination)    401/403, wrong or expired key: that destination stops until
        │                              an admin fixes the token/key (jobs are kept, not burnt)
        ├── Rejected(reason)           the server refused this item for good: dead-letter list
        │   └── AuditChainRefused      an audit entry does not continue the backend's chain
        ├── NoProvider                 no transcription provider may be used (e.g. audio abroad off)
        └── StoreNotRegistered         the store's registration is not accepted yet: no audio
                                       goes to a provider (the recording waits, no attempt lost)

``key`` is a message key that only ``ui/`` translates; ``detail`` is for logs and the admin's
sync screen and must never carry tokens, keys, audio or transcript text.

``delivered`` tells a failure whose request reached the server whole, so that what it asked for
may have been done (and a provider may have billed it): the answer was lost (read timeout, reset
or closed while we waited) or came back 2xx but unusable. Reached the server or not decides the
provider-call log's ``billed``.
"""

from __future__ import annotations


class SyncError(Exception):
    key = "sync.error"

    def __init__(
        self, detail: str = "", *, key: str | None = None, delivered: bool = False
    ) -> None:
        super().__init__(detail or self.key)
        if key is not None:
            self.key = key
        self.detail = detail[:500]
        self.delivered = delivered


class Retryable(SyncError):
    key = "sync.retry"


class NetworkDown(Retryable):
    key = "sync.offline"


class ConnectionLost(Retryable):
    key = "sync.connection_lost"


class TimedOut(Retryable):
    key = "sync.timeout"


class RateLimited(Retryable):
    key = "sync.rate_limited"

    def __init__(self, detail: str = "", retry_after_s: float | None = None) -> None:
        super().__init__(detail)
        self.retry_after_s = retry_after_s


class ServerFailed(Retryable):
    key = "sync.server"

    def __init__(
        self, detail: str = "", status: int = 500, retry_after_s: float | None = None
    ) -> None:
        super().__init__(detail or f"HTTP {status}")
        self.status = status
        self.retry_after_s = retry_after_s


class BadResponse(Retryable):
    key = "sync.bad_response"


class DiskFull(Retryable):
    key = "sync.disk_full"


class AuditGap(Retryable):
    """The backend holds the audit trail up to an earlier entry than this one's predecessor
    (answer ``later``, reason ``audit_gap``): the missing entries are still on their way, so
    this one is sent again after them; after ``AUDIT_GAP_PATIENCE_S`` it is refused for good."""

    key = "sync.audit_gap"


#: How long an audit entry may wait for the entries before it to reach the backend.
AUDIT_GAP_PATIENCE_S = 24 * 3600.0


class ClockWrong(Retryable):
    """TLS refused the server's certificate as not yet valid or expired: nearly always this
    till's date and time are wrong (a dead CMOS battery after a power cut). Not "offline": the
    network is there, and the fix is the clock, so the admin is told exactly that."""

    key = "sync.clock"


class Permanent(SyncError):
    key = "sync.permanent"


class AuthFailed(Permanent):
    key = "sync.auth"

    def __init__(self, detail: str = "", destination: str = "backend") -> None:
        super().__init__(detail or f"{destination}: not authorised")
        self.destination = destination


class Rejected(Permanent):
    key = "sync.rejected"

    def __init__(self, reason: str = "rejected", detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason


class AuditChainRefused(Rejected):
    """The backend refused an audit entry because it does not continue the chain it holds (a
    number taken by another entry, a previous seal that does not match, or a gap that never
    closed): the trail here is not the one the backend saw — an older backup restored, or the
    database changed. Never retried; ``doctor`` and the sync screen say so."""

    key = "sync.audit_chain"


class NoProvider(Permanent):
    key = "sync.provider_none"


class StoreNotRegistered(Permanent):
    """Privacy policy 1.5-1.6: until the operator accepted the store's registration no audio
    leaves for speech recognition. Not a failure of the recording: it is held, uncounted."""

    key = "sync.store_not_registered"


def retry_after_of(error: SyncError) -> float | None:
    """The server's own wait (Retry-After) carried by an error, if any."""
    return getattr(error, "retry_after_s", None)


#: Every message key this tree produces (ui/ has a text for each).
KEYS = (
    "sync.offline",
    "sync.connection_lost",
    "sync.timeout",
    "sync.rate_limited",
    "sync.server",
    "sync.bad_response",
    "sync.disk_full",
    "sync.auth",
    "sync.rejected",
    "sync.provider_none",
    "sync.clock",
    "sync.store_not_registered",
    "sync.audit_gap",
    "sync.audit_chain",
)

#: What OpenSSL says when a certificate's validity period does not contain the local time.
_CLOCK_SIGNS = ("certificate is not yet valid", "certificate has expired")


def _clock_problem(exc: BaseException) -> bool:
    """True when a TLS verification failure in ``exc``'s chain is about the certificate's dates."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = str(getattr(current, "verify_message", "") or current)
        if any(sign in text for sign in _CLOCK_SIGNS):
            return True
        current = current.__cause__ or current.__context__
    return False


def transport_error(exc: Exception, where: str) -> SyncError:
    """The error tree for an HTTP request that got no answer (httpx's transport errors).

    One mapping for the backend and the providers, because the distinction decides billing: a
    failure before the connection was made (``NetworkDown``) is safe to send elsewhere; once the
    request may have gone out (``ConnectionLost``, ``TimedOut``) it may already have been
    accepted — and paid for — so the caller must not resubmit it blindly.
    """
    import httpx  # the tree itself stays transport-agnostic

    name = type(exc).__name__
    if isinstance(exc, httpx.ConnectError) and _clock_problem(exc):
        return ClockWrong(f"{where}: the server's certificate is not valid at this till's time")
    if isinstance(exc, httpx.ConnectTimeout | httpx.ConnectError):
        return NetworkDown(f"{where}: cannot connect ({name})")
    # The whole request was written and we were waiting for the answer: it may have been done.
    delivered = isinstance(exc, httpx.ReadTimeout | httpx.ReadError | httpx.RemoteProtocolError)
    if isinstance(exc, httpx.TimeoutException):
        return TimedOut(f"{where}: {name}", delivered=delivered)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return Rejected("bad_url", f"{where}: {name}")
    # reset, dropped, protocol error
    return ConnectionLost(f"{where}: connection lost ({name})", delivered=delivered)
