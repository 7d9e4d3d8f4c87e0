"""The microphone: a PortAudio callback stream that only hands frames to a bounded queue.

The callback runs on PortAudio's real-time thread: it copies the block, counts overflows and
returns. Everything else (downmix, resampling, encoding) happens on the reader's thread. A
stream that dies (device unplugged, server gone) becomes an error state (``error``), never an
exception inside the callback.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import sounddevice as sd

TARGET_RATE = 16_000


class DeviceError(Exception):
    """The input device cannot be opened or stopped working."""


@dataclass(frozen=True)
class InputDevice:
    index: int  # PortAudio's index; -1 for a PulseAudio source (reached through "pulse")
    name: str  # what the recording.device setting stores and ``Microphone`` opens
    default_rate: int
    channels: int
    is_default: bool
    #: What a person calls it ("USB Audio Device"); PortAudio's devices have only the name.
    description: str = ""

    @property
    def label(self) -> str:
        """The name to show in a list of microphones."""
        return self.description or self.name


class AudioSource(Protocol):
    """What the recorder reads from (a Microphone, or another stream with the same contract)."""

    @property
    def rate(self) -> int: ...
    @property
    def overflows(self) -> int: ...
    @property
    def error(self) -> str | None: ...
    def start(self) -> None: ...
    def stop(self) -> None: ...
    def read(self, timeout: float) -> np.ndarray | None: ...


def list_input_devices() -> list[InputDevice]:
    """PortAudio's input devices for the settings screen. With PulseAudio this lists ``pulse``
    and ``default``; a particular PulseAudio source (e.g. ``virtmic``) is reached through the
    ``pulse`` device: pass its name as the Microphone's device (see ``probe_format``)."""
    try:
        devices = sd.query_devices()
        default_in = sd.default.device[0]
    except sd.PortAudioError:
        return []
    if default_in is None or default_in < 0:
        try:
            default_in = sd.query_devices(kind="input")["index"]
        except (sd.PortAudioError, ValueError):
            default_in = -1
    return [
        InputDevice(
            d["index"],
            d["name"],
            int(d["default_samplerate"]),
            d["max_input_channels"],
            d["index"] == default_in,
        )
        for d in devices
        if d["max_input_channels"] > 0
    ]


def list_pulse_sources(
    run: Callable[[list[str]], str] | None = None,
) -> list[InputDevice]:
    """The PulseAudio (or PipeWire's pulse) sources that are microphones, by their description:
    PortAudio offers only "pulse" and "default", so a USB microphone could not be chosen by
    name. Monitors of outputs are left out. Empty when there is no PulseAudio (or no pactl).

    Each one records through the ``pulse`` device with its name (see ``probe_format``)."""
    import json
    import subprocess

    def pactl(args: list[str]) -> str:
        return subprocess.run(
            ["pactl", *args], check=True, capture_output=True, text=True, timeout=5
        ).stdout

    run = run or pactl
    try:
        sources = json.loads(run(["--format=json", "list", "sources"]))
        default = run(["get-default-source"]).strip()
    except (OSError, ValueError, subprocess.SubprocessError):
        return []
    found = []
    for source in sources if isinstance(sources, list) else []:
        name = str(source.get("name") or "")
        # PulseAudio and PipeWire name an output's monitor "<sink>.monitor".
        monitor = name.endswith(".monitor") or source.get("monitor_of_sink") not in (
            None,
            "",
            "n/a",
        )
        if not name or monitor:
            continue
        spec = str(source.get("sample_specification") or "")
        rate = next((int(p[:-2]) for p in spec.split() if p.endswith("Hz") and p[:-2].isdigit()), 0)
        channels = next((int(p[:-2]) for p in spec.split() if p.endswith("ch")), 1)
        found.append(
            InputDevice(
                -1,
                name,
                rate or TARGET_RATE,
                channels,
                name == default,
                str(source.get("description") or ""),
            )
        )
    return found


def probe_format(device: int | str | None) -> tuple[int | str | None, int, int]:
    """(device, rate, channels) the device accepts: 16 kHz if it can (no resampling needed),
    else its default rate; mono, else its channel count (downmixed by ``read``).

    A name PortAudio does not know (``virtmic``) is taken as a PulseAudio source reached through
    the ``pulse`` device: libpulse reads ``PULSE_SOURCE`` when the stream connects. That variable
    is process-wide, which is fine for the one microphone a till has."""
    try:
        info = sd.query_devices(device, "input")
    except (sd.PortAudioError, ValueError) as exc:
        if not isinstance(device, str) or not _has_pulse():
            raise DeviceError(str(exc)) from exc
        os.environ["PULSE_SOURCE"] = _ours["pulse_source"] = device
        device = "pulse"
        info = sd.query_devices(device, "input")
    else:
        if _ours.get("pulse_source") and os.environ.get("PULSE_SOURCE") == _ours["pulse_source"]:
            del os.environ["PULSE_SOURCE"]  # set by us for an earlier device: back to default
        _ours.pop("pulse_source", None)
    channels = (
        1
        if _accepts(device, TARGET_RATE, 1) or _accepts(device, int(info["default_samplerate"]), 1)
        else min(2, info["max_input_channels"])
    )
    rate = (
        TARGET_RATE if _accepts(device, TARGET_RATE, channels) else int(info["default_samplerate"])
    )
    return info["index"], rate, channels


def _has_pulse() -> bool:
    try:
        sd.query_devices("pulse", "input")
        return True
    except (sd.PortAudioError, ValueError):
        return False


def _accepts(device: int | str | None, rate: int, channels: int) -> bool:
    try:
        sd.check_input_settings(device=device, samplerate=rate, channels=channels, dtype="float32")
        return True
    except (sd.PortAudioError, ValueError):
        return False


_ours: dict[str, str] = {}
StreamFactory = Callable[..., Any]


class Microphone:
    """One input device. ``start()`` opens a fresh stream each time (so it can retry after an
    error); ``read()`` returns mono float32 blocks at ``rate``."""

    def __init__(
        self,
        device: int | str | None = None,
        *,
        block_ms: int = 20,
        queue_s: float = 10.0,
        probe: Callable[[int | str | None], tuple[Any, int, int]] = probe_format,
        stream_factory: StreamFactory = sd.InputStream,
    ) -> None:
        self.device = device
        self._block_ms = block_ms
        self._queue_s = queue_s
        self._probe = probe
        self._factory = stream_factory
        self._stream: Any = None
        self._stopping = False
        self._lock = threading.Lock()
        self._queue: queue.Queue[np.ndarray] = queue.Queue()
        self.rate = 0
        self.channels = 0
        self.overflows = 0  # PortAudio input_overflow flags: the device lost samples
        self.dropped = 0  # blocks thrown away because the reader fell behind
        self.frames_seen = 0
        self.first_frame = threading.Event()
        self._error: str | None = None

    @property
    def error(self) -> str | None:
        return self._error

    @property
    def active(self) -> bool:
        return self._stream is not None and self._error is None

    def start(self) -> None:
        """Opens and starts the stream; raises DeviceError if the device is absent or busy."""
        with self._lock:
            self._close_stream()
            device, rate, channels = self._probe(self.device)
            self.rate, self.channels = rate, channels
            blocksize = rate * self._block_ms // 1000
            # Bounded: the reader is far faster than real time, so a full queue means it is stuck.
            self._queue = queue.Queue(maxsize=max(8, int(self._queue_s * 1000 / self._block_ms)))
            self._error = None
            self._stopping = False
            self.first_frame.clear()
            try:
                self._stream = self._factory(
                    device=device,
                    samplerate=rate,
                    channels=channels,
                    dtype="float32",
                    blocksize=blocksize,
                    callback=self._callback,
                    finished_callback=self._finished,
                )
                self._stream.start()
            except (sd.PortAudioError, ValueError, OSError) as exc:
                self._stream = None
                raise DeviceError(str(exc)) from exc

    def stop(self) -> None:
        with self._lock:
            self._close_stream()

    def read(self, timeout: float) -> np.ndarray | None:
        """The next block, downmixed to mono, or None after ``timeout`` seconds without one."""
        try:
            block = self._queue.get(timeout=timeout)
        except queue.Empty:
            return None
        if block.shape[1] == 1:
            return block[:, 0]
        return block.mean(axis=1, dtype=np.float32)

    # --- PortAudio's thread -------------------------------------------------------------
    def _callback(self, indata: np.ndarray, frames: int, _time: Any, status: Any) -> None:
        if status.input_overflow:
            self.overflows += 1
        self.frames_seen += frames
        block = indata.copy()
        try:
            self._queue.put_nowait(block)
        except queue.Full:
            # The reader is stuck: keep the newest audio, count what was thrown away.
            try:
                self._queue.get_nowait()
            except queue.Empty:
                pass
            self.dropped += 1
            try:
                self._queue.put_nowait(block)
            except queue.Full:
                pass
        if not self.first_frame.is_set():
            self.first_frame.set()

    def _finished(self) -> None:
        # Called when the stream ends: by our stop(), or because the device went away.
        if not self._stopping:
            self._error = "stream stopped by the device or sound server"

    def _close_stream(self) -> None:
        stream, self._stream = self._stream, None
        if stream is None:
            return
        self._stopping = True
        try:
            stream.stop()
            stream.close()
        except sd.PortAudioError:
            pass  # a dead device may refuse to stop cleanly; it is gone either way
