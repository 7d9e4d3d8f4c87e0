"""When a lane may send: paused, offline (with a cheap probe and no hot loop), not authorised.

Offline: connect failures put the lane to sleep for a jittered, doubling probe delay
(``probe_min_s`` … ``probe_max_s``); then one cheap request (the backend's health check; for
providers the next job itself, whose failure costs no attempt) decides. Auth: a token the
backend refused stops the business lane until the stored token changes; refused provider keys
stop the audio lane for ``auth_retry_s`` (an admin may have fixed them). ``sync_now`` clears both.
"""

from __future__ import annotations

import logging
import random
import time

from .errors import AuthFailed, NetworkDown, SyncError
from .lanes import BUSINESS, Host, Lane

log = logging.getLogger(__name__)


class Gate:
    def __init__(self, host: Host) -> None:
        self.host = host

    async def open(self, lane: Lane) -> bool:
        """Waits while the lane may not send (paused, offline, not authorised); False = stop."""
        host = self.host
        while not host.stopping:
            if host.paused:
                await host.wait(lane, None)
                continue
            if lane.failed_token is not None:  # the backend refused this token: wait for a new one
                current = await host.blocking(host.tokens.get) or ""
                if current != lane.failed_token:
                    lane.failed_token = None
                    host.changed()
                    continue
                await host.wait(lane, host.config.probe_max_s)
                continue
            if lane.auth_retry_at:
                if time.monotonic() < lane.auth_retry_at:
                    await host.wait(lane, lane.auth_retry_at - time.monotonic())
                    continue
                lane.auth_retry_at = 0.0
            if lane.offline_until is not None:
                left = lane.offline_until - time.monotonic()
                if left > 0:
                    await host.wait(lane, left)
                    continue
                if await self.probe(lane):
                    log.info("sync %s: trying again after being offline", lane.name)
                    lane.trial = lane.name != BUSINESS  # no request made: the next job tells
                    lane.offline_until = None
                    lane.probe_delay = 0.0
                    host.changed()
                    continue
                self.go_offline(lane)
                continue
            return True
        return False

    async def probe(self, lane: Lane) -> bool:
        if lane.name == BUSINESS:
            return await self.host.backend.health()
        return True  # providers: the next job is the probe (its failure costs no attempt)

    def go_offline(self, lane: Lane, error: SyncError | None = None) -> None:
        cfg = self.host.config
        if lane.offline_until is None and error is not None:  # a change, not every probe
            log.info("sync %s: offline (%s: %s)", lane.name, error.key, error.detail)
        lane.trial = False
        lane.probe_delay = min(cfg.probe_max_s, max(cfg.probe_min_s, lane.probe_delay * 2))
        # jitter within [delay/2, delay]: spread, but never quicker than half the floor
        lane.offline_until = time.monotonic() + random.uniform(
            lane.probe_delay / 2, lane.probe_delay
        )
        if error is not None:
            self.host.update(lane, last_error_key=error.key, last_error_detail=error.detail)

    async def stop_for_auth(self, lane: Lane, error: AuthFailed) -> None:
        """The destination refused our credentials: the lane stops sending (see the docstring)."""
        host = self.host
        first = lane.failed_token is None if lane.name == BUSINESS else not lane.auth_retry_at
        if lane.name == BUSINESS:
            lane.failed_token = await host.blocking(host.tokens.get) or ""
        else:
            lane.auth_retry_at = time.monotonic() + host.config.auth_retry_s
        if first:  # once, not for each of the requests that were in flight together
            log.warning(
                "sync %s: credentials refused, the lane waits for new ones (%s: %s)",
                lane.name,
                error.key,
                error.detail,
            )
        host.update(lane, last_error_key=error.key, last_error_detail=error.detail)

    async def ensure_token(self, lane: Lane) -> bool:
        """The business lane needs a device token: register once when there is none."""
        host = self.host
        if await host.blocking(host.tokens.get):
            return True
        try:
            token = await host.backend.register(host.device)
        except NetworkDown as exc:
            self.go_offline(lane, exc)
            return False
        except AuthFailed as exc:
            lane.failed_token = ""
            log.warning(
                "sync: the backend refused to register this till (%s: %s)", exc.key, exc.detail
            )
            host.update(lane, last_error_key=exc.key, last_error_detail=exc.detail)
            return False
        except SyncError as exc:
            host.update(lane, last_error_key=exc.key, last_error_detail=exc.detail)
            await host.wait(lane, host.config.probe_min_s)
            return False
        await host.blocking(host.tokens.set, token)
        log.info("device registered with the backend")
        return True

    def kick(self) -> None:
        """sync_now: probe at once, retry a refused auth once, wake idle lanes."""
        now = time.monotonic()
        for lane in self.host.lanes.values():
            if lane.offline_until is not None:
                lane.offline_until = now
            lane.failed_token = None
            lane.auth_retry_at = 0.0
            lane.auth_epoch += 1
            lane.idle = False
            if lane.wake is not None:
                lane.wake.set()
        self.host.changed()
