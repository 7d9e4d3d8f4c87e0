"""The cashier's own consent screen: they read the consent text, withdraw with their PIN, and a
recording running at that moment stops at once (not at the next sale) and is held."""

from __future__ import annotations

from PySide6.QtCore import Qt

from forsell.domain.roles import Role
from forsell.services.consent import ConsentService
from forsell.store.consent_hold import hold_reason
from forsell.ui.consent_screen import MyConsentDialog

from .conftest import CASHIER_PIN, employee, find, log_in, modal
from .recording_fakes import recordings
from .test_recording_indicator import CASHIER, recording_on, rig  # noqa: F401 - fixtures
from .test_till import ARABICA, scan


def test_the_cashier_withdraws_with_their_pin_and_the_running_recording_stops(
    qtbot,
    till,
    recording_on,  # noqa: F811 - the fixture
    rig,  # noqa: F811 - the fixture
):
    r = rig()
    cashier = employee(till, Role.CASHIER, CASHIER)
    log_in(qtbot, r.window, cashier, CASHIER_PIN)
    indicator = find(r.window, "recording indicator")
    qtbot.waitUntil(lambda: r.mic.starts == 1)
    scan(qtbot, find(r.window, "scan field"), ARABICA)  # a sale is open: recording runs
    qtbot.waitUntil(lambda: indicator.mode == "recording")

    qtbot.mouseClick(find(r.window, "my consent"), Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, MyConsentDialog)
    text = find(dialog, "consent text").toPlainText()
    # in the cashier's own language (Russian), naming the store and the missing BIN
    assert "Оператор" in text and "ElevenLabs" in text and "ещё не зарегистрирован" in text
    assert "Given on" in find(dialog, "consent status recording").text()

    qtbot.keyClicks(find(dialog, "your PIN"), "0000")  # not theirs: nothing is withdrawn
    qtbot.mouseClick(find(dialog, "withdraw my consent"), Qt.MouseButton.LeftButton)
    assert "Wrong PIN" in find(dialog, "consent error").text()
    assert ConsentService(till.ctx).has_consent(cashier.id) and indicator.mode == "recording"

    qtbot.keyClicks(find(dialog, "your PIN"), CASHIER_PIN)
    qtbot.keyClick(find(dialog, "your PIN"), Qt.Key.Key_Return)
    # At once, with the dialog still open and the sale still unpaid.
    assert dialog.isVisible() and find(r.window, "cart table").rowCount() == 1
    assert not ConsentService(till.ctx).has_consent(cashier.id)
    assert indicator.mode == "blocked" and indicator.text.text() == "No consent"
    assert r.window.recorder.recorder is None  # the microphone is closed
    assert "Withdrawn by you" in find(dialog, "consent status recording").text()
    assert "Your consent is withdrawn" in find(dialog, "withdrawal outcome").text()
    assert not find(dialog, "withdraw my consent").isEnabled()
    qtbot.waitUntil(lambda: not r.mic.open, timeout=10_000)
    qtbot.waitUntil(
        lambda: [x.status for x in recordings(till)] in (["sealed"], ["queued"]), timeout=10_000
    )
    (rec,) = recordings(till)
    assert rec.employee_id == cashier.id and rec.end_reason != "sale_done"
    with till.ctx.db.read() as session:
        assert hold_reason(session, rec.id) == "consent_withdrawn"  # never sent, never scored
    dialog.reject()
    starts = r.mic.starts
    scan(qtbot, find(r.window, "scan field"), ARABICA)  # selling goes on, unrecorded
    assert r.mic.starts == starts and len(recordings(till)) == 1
