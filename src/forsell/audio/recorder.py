"""The recorder: one writer thread between the microphone and a RecordingSink.

Commands (start, stop, link_sale, close) come from the GUI thread through a queue and return at
once; the sale never waits for audio. The writer pulls blocks from the source, resamples them to
16 kHz, measures level, voice activity and digital silence, keeps an in-memory pre-roll while
idle, encodes Ogg/Opus and hands the sink a chunk about every two seconds.

Choices:
- The pre-roll ring runs all the time, so ``start`` during a tail ends the old recording now
  (its end reason is the one given to ``stop``) and begins the new one with the last seconds as
  pre-roll: the audio around the switch is in both recordings, none is lost.
- ``start`` while a recording is running (not in its tail) keeps that recording.
- Splits (maximum length, device lost and back) keep the session: same sale, shift, employee;
  ``link_sale`` links every recording of the current session.
- A sink error is reported (``on_error``) and the same chunk is retried on the next tick with
  the newer audio appended, so the stream stays whole; memory is bounded by the maximum length.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

import numpy as np

from forsell.domain.ids import new_id

from .capture import AudioSource, DeviceError
from .dsp import RATE, Resampler, SilenceWatch, VoiceActivity, is_digital_silence, level
from .encoder import DEFAULT_COMPRESSION, OpusChunker
from .sink import RecordingSink, RecordingStart, RecordingStats

IDLE, RECORDING, TAIL = "idle", "recording", "tail"
DEVICE_ERROR, SILENT_INPUT, NO_FRAMES = "device_error", "silent_input", "no_frames"


@dataclass
class RecorderConfig:
    preroll_s: float = 8.0
    chunk_s: float = 2.0
    tail_s: float = 5.0
    max_length_s: float = 600.0
    retry_s: float = 3.0  # reopen a failed device this often
    liveness_s: float = 3.0  # no frames / only zeros this long → tell the till
    ui_hz: float = 20.0  # at most this many on_level calls per second
    compression_level: float = DEFAULT_COMPRESSION


@dataclass
class _Session:
    """What the till asked for: one sale (or a manual recording), maybe several recordings."""

    sale_id: str | None
    shift_id: str | None
    employee_id: str | None
    reason: str
    next_id: str
    recording_ids: list[str] = field(default_factory=list)


@dataclass
class _Recording:
    start: RecordingStart
    encoder: OpusChunker
    vad: VoiceActivity
    overflows_at_start: int
    index: int = 0
    chunks: int = 0
    pending: bytes = b""  # encoded bytes whose chunk() has not succeeded yet
    begun: bool = False
    peak: float = 0.0
    heard: bool = False  # any non-zero sample
    end: RecordingStats | None = None  # set when the recording is over
    final_sent: bool = False


class Recorder:
    def __init__(
        self,
        source: AudioSource,
        sink: RecordingSink,
        config: RecorderConfig | None = None,
        *,
        on_level: Callable[[float, float, str | None], None] | None = None,
        on_state: Callable[[str], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.source, self.sink = source, sink
        self.config = config or RecorderConfig()
        self._on_level = on_level or (lambda *_: None)
        self._on_state = on_state or (lambda _: None)
        self._on_error = on_error or (lambda *_: None)
        self._clock = clock
        self._commands: queue.Queue[tuple] = queue.Queue()
        self._held: tuple | None = None
        self._thread: threading.Thread | None = None
        self.state = IDLE
        # writer-thread state
        self._opened = False
        self._next_retry = 0.0
        self._resampler: Resampler | None = None
        self._preroll: deque[np.ndarray] = deque()
        self._preroll_frames = 0
        self._session: _Session | None = None
        self._rec: _Recording | None = None
        self._closing: list[_Recording] = []  # ended, but the sink has not taken everything
        self._tail_left: int | None = None  # frames still to record after stop()
        self._stop_reason = "sale_done"
        self._last_frame_at = time.monotonic()
        self._silence = SilenceWatch(RATE)
        self._level_max = 0.0
        self._last_ui = 0.0
        self._next_sink_retry = 0.0

    # --- GUI thread -----------------------------------------------------------------------
    def open(self) -> None:
        """Starts the writer thread; it opens the device (and keeps retrying if it cannot)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="recorder-writer", daemon=True)
            self._thread.start()

    def start(
        self,
        *,
        sale_id: str | None = None,
        shift_id: str | None = None,
        employee_id: str | None = None,
        reason: str = "sale",
    ) -> str:
        """Begins (or keeps) a recording; returns the id the recording will have (the first
        one of this session if a recording is already running). Never blocks."""
        rid = new_id()
        self._commands.put(("start", _Session(sale_id, shift_id, employee_id, reason, rid)))
        return rid

    def stop(self, after_s: float | None = None, reason: str = "sale_done") -> None:
        """Ends the recording after a tail (default ``config.tail_s``; 0 = now)."""
        self._commands.put(("stop", self.config.tail_s if after_s is None else after_s, reason))

    def cancel_tail(self) -> None:
        """The sale goes on after all (e.g. payment undone): keep recording, forget ``stop``."""
        self._commands.put(("cancel_tail",))

    def link_sale(self, sale_id: str) -> None:
        """The sale id is known at payment: link every recording of the current session."""
        self._commands.put(("link_sale", sale_id))

    def close(self, timeout: float = 10.0) -> bool:
        """Stops everything, sealing an open recording with end reason "shutdown". Returns
        False when the writer thread is still busy after ``timeout`` (a very slow disk): it
        still owns the sink then, so the caller must not close it."""
        thread = self._thread
        if thread is None:
            return True
        self._commands.put(("close",))
        thread.join(timeout)
        self._thread = None
        return not thread.is_alive()

    # --- writer thread --------------------------------------------------------------------
    def _run(self) -> None:
        try:
            while True:
                if not self._handle_commands():
                    break
                if not self._opened:
                    self._try_open()
                    if not self._opened:
                        self._wait_command(0.1)
                        continue
                block = self.source.read(timeout=0.1)
                if block is not None:
                    self._process(block)
                elif self.source.error is not None:
                    self._device_lost(self.source.error)
                self._tick()
        finally:
            self._shutdown()

    def _wait_command(self, timeout: float) -> None:
        """Sleeps while the device is down, waking up at once for a command."""
        try:
            self._held = self._commands.get(timeout=timeout)
        except queue.Empty:
            pass

    def _handle_commands(self) -> bool:
        while True:
            if self._held is not None:
                cmd, self._held = self._held, None
            else:
                try:
                    cmd = self._commands.get_nowait()
                except queue.Empty:
                    return True
            name = cmd[0]
            if name == "close":
                return False
            if name == "start":
                self._cmd_start(cmd[1])
            elif name == "stop":
                self._cmd_stop(cmd[1], cmd[2])
            elif name == "cancel_tail":
                self._tail_left = None
            elif name == "link_sale":
                self._cmd_link(cmd[1])

    def _cmd_start(self, session: _Session) -> None:
        if self._session is not None and self._tail_left is None:
            return  # already recording this sale
        if self._rec is not None:  # a new sale during the tail: end the old one now
            self._end_recording(self._stop_reason)
        self._session, self._tail_left = session, None
        if self._opened:
            self._begin_recording(with_preroll=True)

    def _cmd_stop(self, after_s: float, reason: str) -> None:
        if self._session is None:
            return
        self._stop_reason = reason
        self._tail_left = int(after_s * RATE)
        if self._rec is None:  # device down: nothing to finish
            self._session, self._tail_left = None, None
        elif self._tail_left <= 0:
            self._finish_session()

    def _cmd_link(self, sale_id: str) -> None:
        if self._session is None:
            return
        self._session.sale_id = sale_id
        for rid in self._session.recording_ids:
            self._sink_call("link", self.sink.link_sale, rid, sale_id)

    def _try_open(self) -> None:
        now = time.monotonic()
        if now < self._next_retry:
            return
        self._next_retry = now + self.config.retry_s
        try:
            self.source.start()
        except DeviceError as exc:
            self._on_error("device", str(exc))
            self._set_state(DEVICE_ERROR)
            return
        self._opened = True
        self._resampler = Resampler(self.source.rate, RATE)
        self._last_frame_at = now
        self._silence.reset()
        if self._session is not None:  # the sale went on while the device was away
            self._begin_recording(with_preroll=False)
        self._set_state(RECORDING if self._rec else IDLE)

    def _device_lost(self, detail: str) -> None:
        self._on_error("device", detail)
        self.source.stop()
        self._opened = False
        self._next_retry = time.monotonic() + self.config.retry_s
        if self._rec is not None:
            self._end_recording("device_lost")
            if self._tail_left is not None:  # it was ending anyway
                self._session, self._tail_left = None, None
        self._preroll.clear()
        self._preroll_frames = 0
        self._set_state(DEVICE_ERROR)

    def _process(self, raw: np.ndarray) -> None:
        self._last_frame_at = time.monotonic()
        assert self._resampler is not None
        pcm = self._resampler.process(raw)
        self._silence.feed(raw)
        lvl = level(pcm)
        self._level_max = max(self._level_max, lvl)
        self._push_preroll(pcm)
        heard = not is_digital_silence(raw)
        max_frames = int(self.config.max_length_s * RATE)
        while pcm.size and self._rec is not None:
            rec = self._rec
            room = max(0, max_frames - rec.encoder.frames)
            if self._tail_left is not None:
                room = min(room, max(0, self._tail_left))
            part, pcm = pcm[:room], pcm[room:]  # a split lands on the exact sample
            if self._tail_left is not None:
                self._tail_left -= len(part)
            rec.encoder.write(part)
            rec.vad.feed(part)
            rec.peak = max(rec.peak, lvl)
            rec.heard = rec.heard or heard
            new = rec.encoder.take_due()
            if new is not None:
                rec.pending += new
                self._send_pending(rec, final=False)
            if self._tail_left is not None and self._tail_left <= 0:
                self._finish_session()
            elif rec.encoder.frames >= max_frames:
                self._end_recording("max_length")
                self._begin_recording(with_preroll=False)

    def _push_preroll(self, pcm: np.ndarray) -> None:
        self._preroll.append(pcm)
        self._preroll_frames += len(pcm)
        limit = int(self.config.preroll_s * RATE)
        while self._preroll and self._preroll_frames - len(self._preroll[0]) >= limit:
            self._preroll_frames -= len(self._preroll.popleft())
        if self._preroll_frames > limit:  # trim the oldest block to the exact length
            cut = self._preroll_frames - limit
            self._preroll[0] = self._preroll[0][cut:]
            self._preroll_frames = limit

    def _begin_recording(self, with_preroll: bool) -> None:
        session = self._session
        assert session is not None
        rid = session.next_id
        session.next_id = new_id()
        kept = self._preroll_frames if with_preroll else 0
        started = self._clock() - timedelta(seconds=kept / RATE)
        start = RecordingStart(
            rid, started, session.sale_id, session.shift_id, session.employee_id, session.reason
        )
        rec = _Recording(
            start,
            OpusChunker(self.config.compression_level, self.config.chunk_s),
            VoiceActivity(),
            self.source.overflows,
        )
        session.recording_ids.append(rid)
        self._rec = rec
        # Silence while idle (a quiet shop, the pre-roll) is no sign of a dead input: a manual
        # recording was flagged "microphone problem" the moment it began. Count from here.
        self._silence.reset()
        rec.begun = self._sink_call("begin", self.sink.begin, start)
        if with_preroll:
            for block in self._preroll:
                rec.encoder.write(block)
                rec.vad.feed(block)
                rec.peak = max(rec.peak, level(block))
                rec.heard = rec.heard or not is_digital_silence(block)
        self._set_state(RECORDING)

    def _finish_session(self) -> None:
        self._end_recording(self._stop_reason)
        self._session, self._tail_left = None, None
        self._set_state(IDLE if self._opened else DEVICE_ERROR)

    def _end_recording(self, reason: str) -> None:
        rec, self._rec = self._rec, None
        if rec is None:
            return
        rec.pending += rec.encoder.close()
        rec.end = RecordingStats(
            ended_at=self._clock(),
            duration_ms=rec.encoder.duration_ms,
            speech_ms=rec.vad.speech_ms,
            bytes=rec.encoder.bytes_total,
            chunks=0,
            overflows=self.source.overflows - rec.overflows_at_start,
            end_reason=reason,
            peak_level=rec.peak,
            silent=not rec.heard,
        )
        self._closing.append(rec)
        self._flush_closing()

    def _send_pending(self, rec: _Recording, final: bool) -> bool:
        if not rec.begun:
            rec.begun = self._sink_call("begin", self.sink.begin, rec.start)
            if not rec.begun:
                return False
        if not rec.pending and not final:
            return True
        ok = self._sink_call(
            "chunk", self.sink.chunk, rec.start.recording_id, rec.index, rec.pending, final
        )
        if ok:
            rec.index += 1
            rec.chunks += 1
            rec.pending = b""
        return ok

    def _flush_closing(self) -> None:
        """Final chunk, then end(), for every finished recording; what fails is kept and
        retried about once a second."""
        still: list[_Recording] = []
        for rec in self._closing:
            assert rec.end is not None
            if not rec.final_sent:
                rec.final_sent = self._send_pending(rec, final=True)
            if not (
                rec.final_sent
                and self._sink_call(
                    "end",
                    self.sink.end,
                    rec.start.recording_id,
                    replace(rec.end, chunks=rec.chunks),
                )
            ):
                still.append(rec)
        self._closing = still
        self._next_sink_retry = time.monotonic() + 1.0

    def _sink_call(self, what: str, fn: Callable, *args: object) -> bool:
        try:
            fn(*args)
            return True
        except Exception as exc:  # noqa: BLE001 - any sink failure must not kill the writer
            self._on_error("sink", f"{what}: {type(exc).__name__}: {exc}")
            return False

    def _tick(self) -> None:
        now = time.monotonic()
        rec = self._rec
        if self._closing and now >= self._next_sink_retry:
            self._flush_closing()
        if self._opened:
            self._set_state(self._liveness(now))
        if now - self._last_ui >= 1.0 / self.config.ui_hz:
            self._last_ui = now
            elapsed = rec.encoder.frames / RATE if rec else 0.0
            self._on_level(self._level_max, elapsed, rec.start.recording_id if rec else None)
            self._level_max = 0.0

    def _liveness(self, now: float) -> str:
        if now - self._last_frame_at >= self.config.liveness_s:
            return NO_FRAMES
        if self._rec is None:
            return IDLE
        if self._silence.silent_s >= self.config.liveness_s:
            return SILENT_INPUT
        return TAIL if self._tail_left is not None else RECORDING

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self._on_state(state)

    def _shutdown(self) -> None:
        if self._rec is not None:
            self._end_recording("shutdown")
        self._session = None
        if self._closing:
            self._flush_closing()
        if self._opened:
            self.source.stop()
            self._opened = False
        self._set_state(IDLE)
