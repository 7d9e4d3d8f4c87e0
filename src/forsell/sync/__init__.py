"""Background sync: the outbox to our analytics backend and to transcription providers.

``errors`` (the error tree), ``backoff``, ``outbox`` (claims with leases), ``backend`` (our API's
client), ``engine`` (one thread, one asyncio loop, two lanes), ``audio_lane`` (a recording's job);
``providers``, ``transcripts`` and ``redact`` for speech recognition. ``services/sync.py`` builds
the engine from settings and secrets.
"""
