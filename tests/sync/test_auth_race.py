"""A 401 that answers for credentials replaced while the request was out does not stop the lane.

The admin fixes a wrong API key and presses Sync now while a recording is being uploaded with
the old key. That upload's 401 arrives after the fix: it used to stop the audio lane again for
``auth_retry_s`` (5 minutes) although the new key was good. The request here is held in flight
by the FAKE's latency until after the fix, so the order is certain.
"""

from __future__ import annotations

from forsell.fakes.fake_elevenlabs import DEFAULT_KEY
from forsell.services.sync import SyncService

from .chaos_fixtures import Counter_, fake_world, wait_for
from .test_chaos import transcripts_done
from .test_offline_online import CONFIG, CountingTransport


def test_a_stale_401_after_a_new_key_does_not_stop_the_audio_lane(tmp_path):
    assert CONFIG.auth_retry_s >= 60  # what a wrongly stopped lane would wait
    with fake_world(tmp_path / "till", demo_items=False) as world:
        till = world.till
        world.secrets.set("elevenlabs-key", "sk_old_wrong_key")
        world.elevenlabs.faults.set(
            [{"kind": "latency", "route": "POST /v1/speech-to-text", "latency_s": 1.5, "times": 1}]
        )
        rid = world.recordings.record(Counter_(till).sell())
        transport = CountingTransport()
        service = SyncService(till, world.keys, transport=transport, config=CONFIG)
        assert service.start()
        try:
            port = world.servers[1].port
            wait_for(lambda: transport.to(port), 10, "the upload with the old key to go out")
            world.secrets.set("elevenlabs-key", DEFAULT_KEY)  # the admin fixes the key...
            service.sync_now()  # ...and presses Sync now, while that upload is still out
            took = wait_for(
                lambda: transcripts_done(till.ctx.db) == 1, 20, "the transcript with the new key"
            )
            assert service.status().audio.state != "auth_failed"
        finally:
            service.stop()
        # The old key's upload was refused (once: the race did happen), after the fix, and the
        # lane went on with the new key instead of waiting auth_retry_s.
        assert world.elevenlabs.stats()["unauthorized"] == 1
        assert took < CONFIG.auth_retry_s / 10, took
        assert {e["entity_id"] for e in world.backend.events("transcript")} <= {rid}
