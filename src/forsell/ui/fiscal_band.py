"""The till's band about the limit on autonomous work: from 48 hours of receipts not registered
with the tax office a yellow band says so, from 66 hours a red one says how many hours are left
before selling stops. It only informs: the sale goes on (at 72 hours the service itself refuses
a payment, with its own message).

The age is read on the background task pool every ``CHECK_MS`` and after each payment, so a
slow disk never stalls the till.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from forsell.services.app import Till
from forsell.services.fiscal import FINE, LIMIT, WARN, AutonomousWork, autonomous_work

from .tasks import tasks
from .widgets import set_role

CHECK_MS = 60_000  # the age grows by hours: once a minute is plenty


class FiscalBand(QLabel):
    """Hidden while receipts reach the tax office; yellow, then red, before the limit."""

    def __init__(self, till: Till, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.work = AutonomousWork(FINE)
        self.setAccessibleName("fiscal limit")
        self.setWordWrap(True)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.check()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange and self.work.level != FINE:
            self.show_work(self.work)
        super().changeEvent(event)

    def check(self) -> None:
        """Reads the age of the oldest unregistered operation in the background."""
        ctx = self.till.ctx
        tasks().run(lambda: autonomous_work(ctx), self.show_work, owner=self, key="age")

    def show_work(self, work: AutonomousWork) -> None:
        """Shows (or hides) the band for ``work``."""
        self.work = work
        if work.level == FINE:
            self.hide()
            return
        if work.level == WARN:
            set_role(self, "banner")
            text = self.tr(
                "Receipts have not reached the tax office for {hours} h. Connect the till to the "
                "internet: after 72 h selling stops until they are registered."
            )
        elif work.level == LIMIT:
            set_role(self, "alarm")
            text = self.tr(
                "Receipts have not reached the tax office for {hours} h: selling is stopped "
                "until they are registered. Connect the till to the internet and call the "
                "administrator."
            )
        else:
            set_role(self, "alarm")
            text = self.tr(
                "Only {left} h left before selling stops: receipts have not reached the tax "
                "office for {hours} h. Connect the till to the internet now or call the "
                "administrator."
            )
        self.setText(text.format(hours=work.hours, left=work.hours_left))
        self.show()
