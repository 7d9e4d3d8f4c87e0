"""Sync status snapshots as services.sync hands them out, for the states a live engine passes
through (the tray and status-bar tests render each of them)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from forsell.services import sync as sv
from forsell.services.sync import LaneStatusView, SyncStatusView

NOW = datetime.now(UTC)


def lane(
    name: str,
    state: str = sv.ONLINE,
    pending: int = 0,
    in_flight: int = 0,
    failed: int = 0,
    dead: int = 0,
    oldest_s: float | None = None,
    last_success: datetime | None = None,
    error: str | None = None,
) -> LaneStatusView:
    return LaneStatusView(
        name,
        state,
        pending,
        in_flight,
        failed,
        dead,
        oldest_s,
        last_success,
        error,
        "detail" if error else None,
    )


def view(
    state: str,
    business: LaneStatusView | None = None,
    audio: LaneStatusView | None = None,
    demo: bool = False,
) -> SyncStatusView:
    lane_state = state if state != sv.AUTH_FAILED else sv.ONLINE
    return SyncStatusView(
        state,
        state not in (sv.NOT_CONFIGURED, sv.PAUSED),
        business or lane("business", lane_state),
        audio or lane("audio", lane_state),
        demo,
    )


STATES = {
    "not configured": view(sv.NOT_CONFIGURED),
    "online idle": view(
        sv.ONLINE,
        lane("business", last_success=NOW - timedelta(minutes=3)),
        lane("audio", last_success=NOW - timedelta(minutes=5)),
    ),
    "syncing": view(
        sv.ONLINE,
        lane("business", pending=3, in_flight=2, oldest_s=90),
        lane("audio", pending=1, in_flight=1, oldest_s=40),
    ),
    "offline": view(
        sv.OFFLINE,
        lane("business", sv.OFFLINE, pending=3, oldest_s=720, error="sync.offline"),
        lane("audio", sv.OFFLINE, pending=1, oldest_s=700, error="sync.offline"),
    ),
    "auth failed": view(
        sv.AUTH_FAILED,
        lane("business", sv.AUTH_FAILED, pending=5, oldest_s=3 * 3600, error="sync.auth"),
    ),
    "paused": view(
        sv.PAUSED, lane("business", sv.PAUSED, pending=2, oldest_s=60), lane("audio", sv.PAUSED)
    ),
    "demo": view(sv.ONLINE, demo=True),
    "refused": view(sv.ONLINE, lane("business", dead=2, error="sync.rejected")),
}
