"""FAKE servers for tests and for a demo without accounts — NOT real speech recognition.

Three small HTTP servers that run on 127.0.0.1 (Starlette apps served by uvicorn in a thread):

* :class:`~forsell.fakes.fake_elevenlabs.FakeElevenLabs` — the ElevenLabs Speech-to-Text batch
  API (``POST /v1/speech-to-text``). Its "transcript" is a scripted counter dialogue chosen by a
  hash of the uploaded audio, with word times spread over the audio's real duration. It hears
  nothing.
* :class:`~forsell.fakes.fake_yandex.FakeYandex` — Yandex SpeechKit v3 async recognition and the
  operations service, the same scripted dialogue.
* :class:`~forsell.fakes.fake_backend.FakeBackend` — OUR analytics backend contract (device
  registration, idempotent event batches, pulls with cursors).

Each behaves like the documented service (shapes, auth errors, 422 bodies, limits, concurrency
headers, 429s) and shares :mod:`forsell.fakes.faults` for fault injection (latency, 5xx, 429,
timeouts, reset connections, "commit, then drop the connection"). Every response carries the
header ``x-fake: true``; anything that shows their transcripts to a person must say they are fake.

Beside them, :class:`~forsell.fakes.fake_printer.FakePrinter` is a FAKE receipt printer: a TCP
server on 127.0.0.1 that keeps the ESC/POS bytes of each job, answers status questions and can
be out of paper, hang up mid-job, stall or be off (standard library only, nothing printed).

Run them all with ``python -m forsell.fakes``; in tests use
:class:`forsell.fakes.server.FakeServer`.
Needs the ``fakes`` extra (starlette, uvicorn, python-multipart).
"""

FAKE_HEADER = ("x-fake", "true")
