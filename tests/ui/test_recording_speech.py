"""Integration: a scripted sale in the real GUI while a customer speaks at the counter.

The real microphone path with no sound card (docs/recipes.md): PulseAudio's null sink "counter"
plays espeak-ng speech, its remapped monitor "virtmic" is the till's microphone. The keys live
in a real Secret Service (gnome-keyring on a private D-Bus). Run with both:

    bash installer/linux/run-tests.sh tests/ui/test_recording_speech.py
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.app import open_till
from forsell.services.consent import ConsentService
from forsell.services.recordings import RecordingLibrary
from forsell.ui.admin_dialogs import AdminDialog
from forsell.ui.main_window import MainWindow
from forsell.ui.payment_dialog import PaymentDialog
from forsell.ui.receipt_view import ReceiptDialog
from forsell.ui.recording_bridge import RecordingBridge, start_recorder
from forsell.ui.recording_indicator import RED
from forsell.ui.shift_dialogs import OpenShiftDialog
from platform_services import espeak, needs, pulseaudio, secret_service

from .conftest import CASHIER_PIN, employee, find, log_in, modal
from .recording_fakes import recordings
from .test_till import ARABICA, scan

RU = "Здравствуйте, хотите добавить десерт к заказу? Спасибо за покупку."
KK = "Сәлеметсіз бе, тапсырысқа десерт қосқыңыз келе ме? Рақмет, тағы келіңіз."
CASHIER = "Данияр Ахметов"
MAGIC = (b"OggS", b"RIFF", b"fLaC", b"OpusHead")

pytestmark = [pytest.mark.slow, needs(pulseaudio, espeak, secret_service)]


def espeak_wav(voice: str, text: str) -> bytes:
    return subprocess.run(
        ["espeak-ng", "-v", voice, "--stdout", text], check=True, capture_output=True, timeout=30
    ).stdout


def active_span(pcm: np.ndarray, rate: int, threshold: float = 0.01) -> tuple[float, float]:
    """(first, last) second where the 10 ms RMS is above ``threshold``."""
    win = rate // 100
    n = len(pcm) // win
    rms = np.sqrt(np.mean(pcm[: n * win].reshape(n, win) ** 2, axis=1))
    loud = np.flatnonzero(rms > threshold)
    assert loud.size, "no sound at all"
    return loud[0] * win / rate, (loud[-1] + 1) * win / rate


def rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x, dtype=np.float64)))) if x.size else 0.0


def play(qtbot, wav: bytes, during=None) -> None:
    """Plays ``wav`` into the null sink while the GUI keeps running; ``during()`` is checked
    (waited for) while it plays."""
    proc = subprocess.Popen(["paplay"], stdin=subprocess.PIPE)
    proc.stdin.write(wav)
    proc.stdin.close()
    try:
        if during is not None:
            qtbot.waitUntil(during, timeout=10_000)
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0


def files_under(root: Path, since: float | None = None, skip: tuple[Path, ...] = ()):
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d not in skip]
        for name in filenames:
            path = here / name
            try:
                if not path.is_file() or (since is not None and path.stat().st_mtime < since):
                    continue
                yield path, path.read_bytes()
            except OSError:  # sockets, vanished files, another user's files
                continue


@pytest.fixture
def counter(qtbot, tmp_path):
    """A till in tmp_path set up by the admin for recording the demo cashier at "virtmic"."""
    till = open_till(tmp_path / "data")
    admin = employee(till, Role.ADMIN)
    consent = ConsentService(till.ctx)
    consent.set_enabled(admin, True)
    consent.give_consent(admin, employee(till, Role.CASHIER, CASHIER).id)
    st = till.ctx.settings
    st.set(s.RECORDING_DEVICE, "virtmic")
    st.set(s.RECORDING_PREROLL_S, 2)
    st.set(s.RECORDING_TAIL_S, 2)  # a whole number of seconds (the setting is an int)
    bridge = RecordingBridge()
    recorder = start_recorder(till, bridge)  # keys in the real Secret Service
    window = MainWindow(till, recorder=recorder, bridge=bridge)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield till, window, recorder
    recorder.close()
    window.languages.uninstall()
    till.close()


def open_shift_in_gui(qtbot, window) -> None:
    qtbot.mouseClick(find(window, "open shift"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, OpenShiftDialog)
    qtbot.keyClicks(find(dialog, "opening float"), "10000")
    qtbot.keyClick(find(dialog, "opening float"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def pay_cash_in_gui(qtbot, window) -> str:
    qtbot.mouseClick(find(window, "pay"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PaymentDialog)
    qtbot.mouseClick(find(dialog, "tender 10000"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(dialog, "confirm payment"), Qt.MouseButton.LeftButton)
    receipt = modal(qtbot, ReceiptDialog)
    sale_id = receipt.receipt.sale_id
    receipt.accept()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    return sale_id


@pytest.mark.parametrize(("voice", "text"), [("ru", RU), ("kk", KK)])
def test_speech_during_a_gui_sale_is_recorded_encrypted_and_linked(qtbot, counter, voice, text):
    till, window, recorder = counter
    started = time.time()
    wav = espeak_wav(voice, text)
    played, wav_rate = sf.read(io.BytesIO(wav), dtype="float32")
    played_first, played_last = active_span(played, wav_rate)
    played_span = played_last - played_first

    log_in(qtbot, window, employee(till, Role.CASHIER, CASHIER), CASHIER_PIN)
    indicator = find(window, "recording indicator")
    assert indicator.text.text() == "Recording starts with the shift"
    open_shift_in_gui(qtbot, window)
    qtbot.waitUntil(lambda: recorder.recorder is not None)
    mic = recorder.recorder.source
    qtbot.waitUntil(mic.first_frame.is_set, timeout=5_000)  # PulseAudio's first callback
    assert indicator.mode in ("ready", "problem")

    scan(qtbot, find(window, "scan field"), ARABICA)  # the first item starts the recording
    qtbot.waitUntil(
        lambda: indicator.recording_id != "" and indicator.elapsed >= 2.5, timeout=5_000
    )  # the pre-roll and half a second of silence
    shown = []

    def red_dot_with_level() -> bool:
        if indicator.mode == "recording" and indicator.dot_color == RED:
            shown.append((indicator.time.text(), find(window, "recording level").value()))
        return any(level > 50 for _, level in shown)

    play(qtbot, wav, during=red_dot_with_level)  # the customer speaks
    assert shown and all(t.count(":") == 1 for t, _ in shown)
    sale_id = pay_cash_in_gui(qtbot, window)

    qtbot.waitUntil(
        lambda: [r.status for r in recordings(till)] in (["queued"], ["sealed"]), timeout=15_000
    )
    (rec,) = recordings(till)
    assert rec.sale_id == sale_id and rec.end_reason == "sale_done" and rec.status == "queued"
    assert rec.overflows == 0 and not rec.silent
    pcm, rate = RecordingLibrary(till.ctx, recorder.vault).pcm(rec.id)
    assert rate == 16_000
    first, last = active_span(pcm, rate)
    before = pcm[: int(first * rate) - 800]  # the silence before the speech (minus the onset)
    speech = pcm[int(first * rate) : int(last * rate)]
    assert len(before) >= rate  # at least a second of silence was recorded before it
    assert rms(speech) > 0.03 and rms(speech) > 30 * max(rms(before), 1e-4)
    assert abs((last - first) - played_span) <= 0.3, (last - first, played_span)
    assert rec.speech_ms > 0.5 * played_span * 1000

    # --- no plain audio anywhere: data folder (all database files), temp folder ---------------
    int16, _ = sf.read(io.BytesIO(wav), dtype="int16")
    mid = int((played_first + played_span / 2) * wav_rate)
    needle = int16[mid : mid + 64].tobytes()
    assert np.count_nonzero(int16[mid : mid + 64]) > 48 and needle in wav  # a real, findable run
    data_dir = till.ctx.data_dir
    found = []
    for path, data in files_under(data_dir):
        found += [f"{path}: {m!r}" for m in MAGIC if m in data]
        found += [f"{path}: played PCM"] if needle in data else []
    assert any(p.suffix == ".sqlite" or "sqlite" in p.name for p, _ in files_under(data_dir)), (
        "no database file was scanned"
    )
    tmp = Path(tempfile.gettempdir())
    test_dir = data_dir.parent  # tmp_path
    session = test_dir.parent  # pytest's folder of this run
    # other pytest runs' and other tests' folders: not written by this sale
    others = tuple(p for p in tmp.glob("pytest-of-*/pytest-*") if p != session) + tuple(
        p for p in session.iterdir() if p != test_dir
    )
    scanned = 0
    for path, data in files_under(tmp, since=started - 1, skip=others):
        scanned += 1
        found += [f"{path}: {m!r}" for m in MAGIC if m in data]
        found += [f"{path}: played PCM"] if needle in data else []
    assert not found, "plain audio on disk:\n" + "\n".join(found)
    assert scanned >= 2  # at least this test's own database files were in the temp scan
    assert RecordingLibrary(till.ctx, recorder.vault).ogg(rec.id)[:4] == b"OggS"  # in memory


def test_microphone_test_in_the_admin_tab_hears_speech(qtbot, counter):
    till, _window, _recorder = counter
    dialog = AdminDialog(till, employee(till, Role.ADMIN))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QTabWidget).setCurrentWidget(dialog.recording_page)
    page = dialog.recording_page
    assert find(page, "microphone").currentData() == "virtmic"
    qtbot.mouseClick(find(page, "test microphone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.text().startswith("Listening"), timeout=8_000)
    play(
        qtbot,
        espeak_wav("ru", "Раз, два, три, проверка микрофона."),
        during=lambda: find(page, "test level").value() > 50,
    )
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=15_000)
    assert page.last_result.error == "" and page.last_result.heard
    assert page.last_result.played  # back out through the default output (the null sink)
    assert find(page, "microphone test result").text().startswith("Speech heard")
