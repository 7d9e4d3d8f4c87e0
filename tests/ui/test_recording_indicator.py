"""The recording indicator, banners, the manual button and the supervisor's pause on the till.

A real till in tmp_path, the real ConversationRecorder / Recorder / EncryptedArchive / vault, a
real MainWindow offscreen; only the microphone and the OS secret store are stand-ins
(recording_fakes.py), so no audio device is needed. State changes cross from the recorder's
writer thread to the widgets through the bridge's queued signals.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from forsell.audio.recorder import RecorderConfig
from forsell.domain.errors import CashierError
from forsell.domain.payment import Payment
from forsell.domain.roles import Role
from forsell.services.consent import ConsentService
from forsell.services.conversation import RecorderStatus
from forsell.store.models import AuditEntry
from forsell.ui.main_window import MainWindow
from forsell.ui.messages import message_for
from forsell.ui.recording_admin import PauseDialog
from forsell.ui.recording_bridge import RecordingBridge, start_recorder
from forsell.ui.recording_indicator import RED, SOFT_RED, RecordingBar, meter_percent

from .conftest import CASHIER_PIN, SUPERVISOR_PIN, employee, find, log_in, modal
from .recording_fakes import FakeMic, MemoryKeyring, recordings
from .test_till import ARABICA, scan

CASHIER = "Данияр Ахметов"
FAST = RecorderConfig(preroll_s=1.0, tail_s=0.3, retry_s=0.3, liveness_s=1.0)


# --- the bridge alone --------------------------------------------------------------------------


class SpyBar(RecordingBar):
    """The real bar, noting which thread runs its slots."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[int] = set()

    def on_state(self, state: str) -> None:
        self.threads.add(threading.get_ident())
        super().on_state(state)

    def on_level(self, level: float, elapsed: float, recording_id: str) -> None:
        self.threads.add(threading.get_ident())
        super().on_level(level, elapsed, recording_id)


def test_writer_thread_calls_reach_the_indicator_on_the_gui_thread(qtbot):
    bridge, bar = RecordingBridge(), SpyBar()
    qtbot.addWidget(bar)
    bridge.attach(bar)
    bar.set_status(RecorderStatus(None))
    bar.show()
    assert bar.indicator.mode == "ready" and bar.indicator.text.text() == "Microphone ready"
    assert not bar.indicator.meter.isVisible() and bar.manual.isVisible()

    emitted = []
    bridge.level_changed.connect(lambda *a: emitted.append(a), Qt.ConnectionType.DirectConnection)

    def writer() -> None:  # what the recorder's writer thread does
        bridge.push_state("recording")
        for i in range(200):  # far more often than 20 Hz
            bridge.push_level(0.1, 61.0 + i / 1000, "rec-1")

    thread = threading.Thread(target=writer)
    thread.start()
    thread.join()
    # throttled: a burst of 200 calls gives one level (the first); the rest wait for 50 ms
    assert len(emitted) == 1
    qtbot.waitUntil(lambda: bar.indicator.mode == "recording")
    qtbot.waitUntil(lambda: bar.indicator.time.text() == "1:01")
    assert bar.threads == {threading.get_ident()}  # slots ran on the GUI thread only
    assert bar.indicator.dot_color == RED and bar.indicator.meter.value() == meter_percent(0.1)
    assert bar.indicator.time.isVisible() and bar.indicator.meter.isVisible()
    assert bar.manual.text().startswith("■ Stop recording")

    threading.Thread(target=bridge.push_state, args=("tail",)).start()
    qtbot.waitUntil(lambda: bar.indicator.mode == "tail")
    assert bar.indicator.dot_color == SOFT_RED

    threading.Thread(target=bridge.push_state, args=("device_error",)).start()
    qtbot.waitUntil(lambda: bar.banner.isVisible())
    assert "Microphone not working" in bar.banner.text()
    threading.Thread(target=bridge.push_state, args=("idle",)).start()
    qtbot.waitUntil(lambda: not bar.banner.isVisible())
    assert bar.indicator.mode == "ready" and not bar.indicator.time.isVisible()


def test_meter_scale():
    assert meter_percent(0.0) == 0 and meter_percent(1.0) == 100
    assert 55 < meter_percent(0.086) < 75  # espeak speech through the null sink
    assert meter_percent(0.0005) < 5


# --- a real till ---------------------------------------------------------------------------------


@pytest.fixture
def recording_on(till):
    """Recording switched on by the admin, the cashier's consent recorded, a shift open."""
    consent = ConsentService(till.ctx)
    admin = employee(till, Role.ADMIN)
    consent.set_enabled(admin, True)
    consent.give_consent(admin, employee(till, Role.CASHIER, CASHIER).id)
    till.shifts.open(employee(till, Role.SUPERVISOR), 0)
    return consent


class Rig:
    def __init__(self, qtbot, till, keyring_backend, mic: FakeMic) -> None:
        self.till, self.mic = till, mic
        self.bridge = RecordingBridge()
        self.recorder = start_recorder(
            till,
            self.bridge,
            keyring_backend=keyring_backend,
            source_factory=lambda _device: mic,
            config=FAST,
        )
        self.window = MainWindow(till, recorder=self.recorder, bridge=self.bridge)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.bar = self.window.till_screen.recording

    def close(self) -> None:
        self.recorder.close()
        self.window.languages.uninstall()


@pytest.fixture
def rig(qtbot, till) -> Iterator:
    made: list[Rig] = []

    def make(keyring_backend=None, mic: FakeMic | None = None) -> Rig:
        made.append(Rig(qtbot, till, keyring_backend or MemoryKeyring(), mic or FakeMic()))
        return made[-1]

    yield make
    for r in made:
        r.close()


def pay_cash(till, window) -> str:
    sale = window.till_screen.sale
    receipt = sale.pay(Payment(cash_tendered=10_000_000))
    window.till_screen.show_cart(sale.view())
    return receipt.sale_id


def test_no_secret_store_shows_a_banner_and_selling_goes_on(qtbot, till, recording_on, rig):
    r = rig(keyring_backend=fail.Keyring())
    log_in(qtbot, r.window, employee(till, Role.CASHIER, CASHIER), CASHIER_PIN)
    indicator = find(r.window, "recording indicator")
    banner = find(r.window, "recording banner")
    assert indicator.mode == "blocked"
    assert find(indicator, "recording state").text() == "Recording off: no secure key store"
    assert "Selling works as usual" in banner.text() and "gnome-keyring" in banner.text()
    assert not r.bar.manual.isVisible()
    scan(qtbot, find(r.window, "scan field"), ARABICA)
    pay_cash(till, r.window)
    assert till.shifts.x_report().sales_count == 1
    assert recordings(till) == [] and r.mic.starts == 0


def test_consent_off_records_nothing(qtbot, till, recording_on, rig):
    cashier = employee(till, Role.CASHIER, CASHIER)
    recording_on.withdraw_consent(employee(till, Role.ADMIN), cashier.id, "asked in writing")
    r = rig()
    log_in(qtbot, r.window, cashier, CASHIER_PIN)
    assert find(r.window, "recording indicator").text.text() == "No consent"
    assert not r.bar.manual.isVisible() and not r.bar.pause.isVisible()
    scan(qtbot, find(r.window, "scan field"), ARABICA)
    pay_cash(till, r.window)
    assert till.shifts.x_report().sales_count == 1
    assert recordings(till) == [] and r.mic.starts == 0  # the microphone was never opened


def test_with_consent_a_sale_is_recorded_with_a_red_dot_and_linked(qtbot, till, recording_on, rig):
    # the counterpart of the test above: the same sale, with consent, is recorded
    r = rig()
    log_in(qtbot, r.window, employee(till, Role.CASHIER, CASHIER), CASHIER_PIN)
    indicator = find(r.window, "recording indicator")
    qtbot.waitUntil(lambda: r.mic.starts == 1)
    assert indicator.mode == "ready" and r.bar.manual.isVisible()
    scan(qtbot, find(r.window, "scan field"), ARABICA)
    qtbot.waitUntil(lambda: indicator.mode == "recording" and indicator.time.isVisible())
    qtbot.waitUntil(lambda: find(r.window, "recording level").value() > 0)
    assert indicator.dot_color == RED
    sale_id = pay_cash(till, r.window)
    qtbot.waitUntil(
        lambda: [x.status for x in recordings(till)] in (["sealed"], ["queued"]), timeout=10_000
    )
    qtbot.waitUntil(lambda: indicator.mode == "ready")
    (rec,) = recordings(till)
    assert rec.sale_id == sale_id and rec.end_reason == "sale_done"
    assert rec.duration_ms >= FAST.tail_s * 1000 and rec.chunks >= 1


def test_a_dead_microphone_shows_a_banner_that_clears_when_it_comes_back(
    qtbot, till, recording_on, rig
):
    mic = FakeMic(present=False)
    r = rig(mic=mic)
    log_in(qtbot, r.window, employee(till, Role.CASHIER, CASHIER), CASHIER_PIN)
    banner = find(r.window, "recording banner") if r.bar.banner.isVisible() else r.bar.banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=5_000)
    assert banner.text() == "Microphone not working — check the cable; retrying."
    assert find(r.window, "recording indicator").mode == "problem"
    scan(qtbot, find(r.window, "scan field"), ARABICA)  # selling does not wait for audio
    assert find(r.window, "cart table").rowCount() == 1
    mic.present = True  # plugged back in: the recorder retries on its own
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: find(r.window, "recording indicator").mode == "recording")

    mic.silent = True  # now only exact zeros arrive: the till says so within seconds
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=5_000)
    assert "only silence" in banner.text()
    mic.silent = False
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)


def test_manual_recording_by_button_and_shortcut(qtbot, till, recording_on, rig):
    r = rig()
    log_in(qtbot, r.window, employee(till, Role.CASHIER, CASHIER), CASHIER_PIN)
    qtbot.waitUntil(lambda: r.mic.starts == 1)
    manual = find(r.window, "manual recording")
    qtbot.mouseClick(manual, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: r.bar.indicator.mode == "recording")
    assert manual.text().startswith("■ Stop recording")
    r.window.activateWindow()  # a window shortcut needs the active window
    qtbot.waitUntil(r.window.isActiveWindow)
    qtbot.keyClick(
        find(r.window, "scan field"),
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: [x.status for x in recordings(till)] in (["sealed"], ["queued"]), timeout=10_000
    )
    (rec,) = recordings(till)
    assert rec.reason == "manual" and rec.end_reason == "manual" and rec.sale_id is None
    qtbot.waitUntil(lambda: manual.text().startswith("● Record"))


def _audit(till, action: str) -> list[AuditEntry]:
    with till.ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_supervisor_pauses_with_a_reason_and_resumes(qtbot, till, recording_on, rig):
    supervisor = employee(till, Role.SUPERVISOR)
    recording_on.give_consent(employee(till, Role.ADMIN), supervisor.id)
    r = rig()
    log_in(qtbot, r.window, supervisor, SUPERVISOR_PIN)
    qtbot.waitUntil(lambda: r.mic.starts == 1)

    # the supervisor works in Kazakh (demo staff): the texts come from the catalog
    def bar_text(text: str) -> str:
        return QCoreApplication.translate("RecordingBar", text)

    pause = find(r.window, "pause recording")
    assert pause.text() == bar_text("Pause recording") != "Pause recording"
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PauseDialog)
    qtbot.mouseClick(find(dialog, "confirm pause"), Qt.MouseButton.LeftButton)
    assert find(dialog, "pause error").text() == message_for(
        CashierError("recording.pause_reason", "Give a reason for the pause")
    )
    find(dialog, "pause reason").insert("Клиент попросил не записывать")  # QTest types Latin-1 only
    qtbot.mouseClick(find(dialog, "confirm pause"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    (row,) = _audit(till, "recording_paused")
    assert row.employee_id == supervisor.id
    assert row.details["reason"] == "Клиент попросил не записывать"
    indicator = find(r.window, "recording indicator")
    assert indicator.text.text() == QCoreApplication.translate(
        "RecordingIndicator", "Paused by supervisor: {reason}"
    ).format(reason="Клиент попросил не записывать")
    assert not r.bar.manual.isVisible() and pause.text() == bar_text("Resume recording")
    # The microphone is closed while paused (the recorder stops off the GUI thread).
    qtbot.waitUntil(lambda: not r.mic.open)

    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, PauseDialog)
    qtbot.mouseClick(find(dialog, "confirm resume"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert len(_audit(till, "recording_resumed")) == 1
    assert indicator.mode == "ready" and pause.text() == bar_text("Pause recording")


def test_a_cashier_has_no_pause_button_and_the_service_refuses_them(qtbot, till, recording_on, rig):
    cashier = employee(till, Role.CASHIER, CASHIER)
    r = rig()
    log_in(qtbot, r.window, cashier, CASHIER_PIN)
    assert not r.bar.pause.isVisible()
    with pytest.raises(CashierError) as err:
        recording_on.pause(cashier, "no")
    assert message_for(err.value) == "Only a supervisor or an admin can do this."


def test_lock_closes_the_microphone_and_hides_the_indicator(qtbot, till, recording_on, rig):
    r = rig()
    log_in(qtbot, r.window, employee(till, Role.CASHIER, CASHIER), CASHIER_PIN)
    qtbot.waitUntil(lambda: r.mic.open)
    r.window.activateWindow()
    qtbot.waitUntil(r.window.isActiveWindow)
    qtbot.keyClick(find(r.window, "scan field"), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: r.window.stack.currentWidget() is r.window.login)
    assert r.recorder.recorder is None
    qtbot.waitUntil(lambda: not r.mic.open)
    assert not r.bar.indicator.isVisibleTo(r.window.till_screen)
