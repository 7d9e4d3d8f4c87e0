"""One conversation: the player and waveform on top, transcript, receipt and checklist below.

Opening it reads the detail and decrypts + decodes the audio off the GUI thread (``ui.tasks``):
the player can start once the first two seconds are decoded (``audio_playable``), the rest and
the waveform follow (``audio_ready``). The plain audio lives only in this view's memory and goes
when it closes. Opening is not a play: ``recording_played`` is audited when the sound first
starts in an opening. Review actions
(override, flag, reviewed, dispute, resolve) are short service calls on the GUI thread; the two
that score again (flip, "Roles are right") run in the task pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from forsell.domain.errors import CashierError
from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_number, format_score, format_share
from forsell.domain.roles import Role
from forsell.services.auth import EmployeeView
from forsell.services.review.service import ConversationDetail, ReviewService

from ..backoffice_kit import Feedback, make_button
from ..messages import message_for
from ..tasks import tasks
from .audio_engine import Decoding
from .items_panel import ItemDecisionDialog, ItemsPanel
from .player import AudioOutput, Player, default_output
from .receipt_panel import ReceiptPanel
from .transcript_view import TranscriptView
from .waveform import Waveform

log = logging.getLogger(__name__)
MARK_COLOURS = {"pass": QColor("#1b6e2d"), "fail": QColor("#b3261e")}


def not_scorable_text(reason: str | None) -> str:
    from PySide6.QtCore import QCoreApplication

    texts = {
        "no_speech": QCoreApplication.translate(
            "ConversationView", "Not scored: no speech was heard."
        ),
        "bad_audio": QCoreApplication.translate(
            "ConversationView", "Not scored: the audio is too poor to judge."
        ),
        "no_customer_speech": QCoreApplication.translate(
            "ConversationView", "Not scored: the customer is not heard, so nobody is judged on it."
        ),
        "speakers_uncertain": QCoreApplication.translate(
            "ConversationView", "Speakers uncertain — listen and confirm or swap"
        ),
    }
    return texts.get(
        reason or "",
        QCoreApplication.translate(
            "ConversationView", "Not scored yet: the transcript is not here yet."
        ),
    )


class ConversationView(QWidget):
    back_requested = Signal()
    step_requested = Signal(int)  # -1 / +1: the previous / next conversation of the list
    next_after_reload = Signal()  # marked reviewed: the next one once the list has caught up
    loaded = Signal()  # the detail is shown
    audio_playable = Signal()  # the first seconds are decoded: the player can play
    audio_ready = Signal()  # the whole recording is decoded (the waveform is drawn)
    changed = Signal(str)  # a review action changed this conversation (recording id)
    failed = Signal()  # the conversation could not be opened (the reason is on screen)

    def __init__(
        self,
        service: ReviewService,
        who: EmployeeView,
        parent: QWidget | None = None,
        *,
        output_factory: Callable[[], AudioOutput] = default_output,
        language: str = "ru",
    ) -> None:
        super().__init__(parent)
        self.service, self.who = service, who
        self.supervisor = who.role.at_least(Role.SUPERVISOR)
        self.detail: ConversationDetail | None = None
        self.recording_id = ""
        self.decoding: Decoding | None = None  # the open recording's audio, maybe still decoding
        self.play_audited = False  # recording_played is written once per opening, at first play
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._header())
        self.player = Player(output_factory=output_factory)
        self.shortcuts = self.player.install_shortcuts(self)
        keys = [
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self._step(-1)),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self._step(1)),
        ]
        if self.supervisor:  # reviewed, and on to the next: one key per conversation
            keys += [
                (QKeySequence(Qt.Modifier.CTRL | key), self.reviewed_and_next)
                for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            ]
        for key, slot in keys:
            shortcut = QShortcut(key, self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.shortcuts.append(shortcut)
        layout.addWidget(self.player)
        self.waveform = Waveform()
        layout.addWidget(self.waveform)
        self.feedback = Feedback("conversation message")
        self.feedback.setMinimumHeight(0)
        self.feedback.hide()  # shown only when there is something to say
        layout.addWidget(self.feedback)
        self.transcript = TranscriptView()
        self.receipt = ReceiptPanel(language)
        self.items = ItemsPanel()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.transcript)
        split.addWidget(self.receipt)
        split.addWidget(self.items)
        split.setSizes([470, 400, 450])
        layout.addWidget(split, 1)
        self.items.can_override = self.supervisor
        self.items.can_dispute = not self.supervisor
        self.player.state_changed.connect(self._on_playing)
        self.player.position_changed.connect(self.waveform.set_position)
        self.player.position_changed.connect(self.transcript.follow)
        self.waveform.seek_requested.connect(self.player.seek)
        self.transcript.seek_requested.connect(self.player.seek)
        self.receipt.seek_requested.connect(self.player.play_from)
        self.items.hear_requested.connect(self.player.play_from)
        self.items.action_requested.connect(self.decide)

    def _header(self) -> QVBoxLayout:
        """Back, previous/next and the title; below, right-aligned, the supervisor's actions
        (one row would not fit a 1366-pixel screen in every language)."""
        header = QVBoxLayout()
        header.setSpacing(4)
        row = QHBoxLayout()
        header.addLayout(row)
        self.back = make_button(self.tr("← List (Esc)"), "back to list")
        self.back.clicked.connect(self.back_requested)
        row.addWidget(self.back)
        # Fifty conversations to review: the next one without going back to the list.
        self.previous_conversation = make_button("◀", "previous conversation")
        self.previous_conversation.setToolTip(self.tr("Previous conversation (Page Up)"))
        self.previous_conversation.clicked.connect(lambda: self._step(-1))
        self.next_conversation = make_button("▶", "next conversation")
        self.next_conversation.setToolTip(self.tr("Next conversation (Page Down)"))
        self.next_conversation.clicked.connect(lambda: self._step(1))
        for button in (self.previous_conversation, self.next_conversation):
            button.setEnabled(False)
            row.addWidget(button)
        self.title = QLabel()
        self.title.setAccessibleName("conversation title")
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.title.setWordWrap(True)
        row.addWidget(self.title, 1)
        self.flip = make_button(self.tr("Flip speakers"), "flip speakers")
        self.flip.clicked.connect(self.flip_speakers)
        self.confirm = make_button(self.tr("Roles are right"), "roles are right")
        self.confirm.setToolTip(
            self.tr("You listened: the cashier and the customer are right as shown. Scores again.")
        )
        self.confirm.clicked.connect(self.confirm_speakers)
        self.flag = make_button(self.tr("Flag for coaching"), "flag")
        self.flag.setCheckable(True)
        self.flag.clicked.connect(self.toggle_flag)
        self.reviewed = make_button(self.tr("Mark reviewed"), "reviewed")
        self.reviewed.setToolTip(self.tr("Ctrl+Enter: mark reviewed and open the next one"))
        self.reviewed.setCheckable(True)
        self.reviewed.clicked.connect(self.toggle_reviewed)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.confirm, self.flip, self.flag, self.reviewed):
            button.setVisible(self.supervisor)
            actions.addWidget(button)
        header.addLayout(actions)  # a cashier's stays empty (the buttons hidden)
        return header

    def set_neighbours(self, has_previous: bool, has_next: bool) -> None:
        """Whether the list has a conversation before / after this one."""
        self.previous_conversation.setEnabled(has_previous)
        self.next_conversation.setEnabled(has_next)

    def _step(self, delta: int) -> None:
        button = self.next_conversation if delta > 0 else self.previous_conversation
        if button.isEnabled():
            self.step_requested.emit(delta)

    # --- loading --------------------------------------------------------------------------------

    def open(self, recording_id: str) -> None:
        self.close_audio()
        self.recording_id = recording_id
        self.play_audited = False
        self.detail = None
        self.title.setText(self.tr("Opening…"))
        self.transcript.set_message("")
        self.feedback.clear_message()
        self.waveform.set_message(self.tr("Loading the recording…"))
        service, who = self.service, self.who
        tasks().run(
            lambda: service.detail(who, recording_id),
            self.show_detail,
            self._failed,
            owner=self,
            key="detail",
        )
        tasks().run(
            lambda: Decoding(service.audio(who, recording_id)).start(),
            self._audio_started,
            self._audio_failed,
            owner=self,
            key="audio",
        )

    def show_detail(self, detail: ConversationDetail) -> None:
        self.detail = detail
        row = detail.row
        parts = [row.employee, row.started_at.strftime("%d.%m.%Y %H:%M")]
        if row.receipt_no is not None:
            parts.append(self.tr("receipt {number}").format(number=row.receipt_no))
        if detail.score is not None:
            parts.append(self.tr("score {score}").format(score=format_score(detail.score)))
        if row.extra_revenue:
            parts.append(self.tr("upsell +{money}").format(money=format_kzt(row.extra_revenue)))
        # The title wraps: never between a number and its "%" ("баға 85 / %" was seen).
        self.title.setText(" · ".join(parts).replace(" %", "\u00a0%"))
        if detail.utterances:
            self.transcript.set_utterances(detail.utterances)
        else:
            self.transcript.set_message(self._no_transcript_text(detail))
        self.receipt.show_receipt(detail.receipt, detail.upsold_line_ids, detail.offers)
        note = (
            ""
            if detail.scorable and detail.items
            else not_scorable_text(detail.not_scorable_reason)
        )
        for heard in detail.held_forbidden:
            note += "\n\n" + self.tr(
                "A forbidden phrase was heard from the voice most like the cashier's, at "
                "{time}: «{text}»"
            ).format(time=f"{int(heard.start) // 60}:{int(heard.start) % 60:02d}", text=heard.words)
        self.items.show_items(detail.items, note)
        self.flag.setChecked(row.flagged)
        self.reviewed.setChecked(row.reviewed)
        self.flip.setEnabled(bool(detail.utterances))
        # "Roles are right" only where the scorer asks for it: elsewhere it is noise.
        self.confirm.setVisible(detail.not_scorable_reason == "speakers_uncertain")
        self.confirm.setEnabled(bool(detail.utterances))
        marks = [
            (e.start, MARK_COLOURS.get(i.outcome, QColor("#5f6670")))
            for i in detail.items
            for e in i.evidence
        ]
        self.waveform.set_marks(marks)
        self.loaded.emit()

    def _no_transcript_text(self, detail: ConversationDetail) -> str:
        text = self.tr("No transcript yet: it comes after the next sync.")
        measures = detail.audio_measures
        if measures is not None:
            text += "\n\n" + self.tr(
                "From the audio alone: talk {talk} s of {total} s, silence {silence}."
            ).format(
                talk=format_number(measures.talk_s),
                total=format_number(measures.duration_s),
                silence=format_share(measures.silence_share),
            )
            if measures.loudness_dbfs is not None:
                text += " " + self.tr("Loudness {db} dBFS.").format(
                    db=format_number(measures.loudness_dbfs)
                )
        return text

    def _audio_started(self, decoding: Decoding) -> None:
        self.decoding = decoding
        self.player.set_audio(decoding)
        self.audio_playable.emit()
        tasks().run(
            decoding.finish, self._audio_decoded, self._audio_failed, owner=self, key="audio"
        )

    def _on_playing(self, playing: bool) -> None:
        # Opening decodes ahead so that Space plays at once; only listening is a play to audit.
        if not playing or self.play_audited or not self.recording_id:
            return
        self.play_audited = True
        try:
            self.service.played(self.who, self.recording_id)
        except CashierError as exc:
            self.feedback.show()
            self.feedback.error(message_for(exc))

    def _audio_decoded(self, decoding: Decoding) -> None:
        if decoding is not self.decoding:  # closed meanwhile
            return
        self.waveform.set_pcm(decoding.pcm, decoding.rate)
        self.audio_ready.emit()

    def _audio_failed(self, exc: Exception) -> None:
        text = (
            message_for(exc)
            if isinstance(exc, CashierError)
            else self.tr("The recording cannot be played.")
        )
        log.warning("recording could not be opened: %s", type(exc).__name__)
        self.waveform.set_message(text)

    def _failed(self, exc: Exception) -> None:
        self.feedback.show()
        if isinstance(exc, CashierError):
            self.feedback.error(message_for(exc))
        else:
            log.error("conversation could not be opened: %s", type(exc).__name__)
            self.feedback.error(self.tr("This conversation cannot be opened."))
        self.title.setText("")
        self.failed.emit()

    def close_audio(self) -> None:
        if self.decoding is not None:
            self.decoding.cancel()  # its task stops within a block; its answer is dropped
            self.decoding = None
        self.player.close_audio()
        self.waveform.set_pcm(self.waveform.pcm[:0], self.waveform.rate)

    # --- review actions -------------------------------------------------------------------------

    def _apply(self, call: Callable[[], ConversationDetail | None]) -> bool:
        self.feedback.clear_message()
        self.feedback.hide()
        try:
            detail = call()
        except CashierError as exc:
            self.feedback.show()
            self.feedback.error(message_for(exc))
            return False
        if isinstance(detail, ConversationDetail):
            self.show_detail(detail)
        else:
            self.show_detail(self.service.detail(self.who, self.recording_id))
        self.changed.emit(self.recording_id)
        return True

    def flip_speakers(self) -> None:
        """Swaps cashier and customer and scores again. Scoring builds the scorer's catalog
        index on first use (seconds at 100,000 products), so it runs in the task pool; the
        buttons wait and the view shows the new score when it comes back."""
        rid, who, service = self.recording_id, self.who, self.service
        self._rescore(lambda: service.flip_speakers(who, rid), rid)

    def confirm_speakers(self) -> None:
        """ "Roles are right": the supervisor listened and the roles stand as shown; scored
        again with that decision (in the task pool, like a flip)."""
        rid, who, service = self.recording_id, self.who, self.service
        self._rescore(lambda: service.confirm_speakers(who, rid), rid)

    def _rescore(self, call: Callable[[], ConversationDetail], rid: str) -> None:
        self.feedback.clear_message()
        self.feedback.hide()
        buttons = (self.flip, self.confirm)
        for button in buttons:
            button.setEnabled(False)

        def done(detail: ConversationDetail) -> None:
            for button in buttons:
                button.setEnabled(True)
            if rid == self.recording_id:  # the supervisor may have moved on meanwhile
                self.show_detail(detail)
            self.changed.emit(rid)

        def failed(exc: Exception) -> None:
            for button in buttons:
                button.setEnabled(True)
            self.feedback.show()
            if isinstance(exc, CashierError):
                self.feedback.error(message_for(exc))
            else:  # logged by the task manager with its traceback
                self.feedback.error(self.tr("Scoring again failed; the details are in the log."))

        tasks().run(call, done, failed, owner=self, key="flip")

    def toggle_flag(self) -> None:
        flagged = self.flag.isChecked()
        if not self._apply(lambda: self.service.flag(self.who, self.recording_id, flagged)):
            self.flag.setChecked(not flagged)

    def toggle_reviewed(self) -> None:
        done = self.reviewed.isChecked()
        if not self._apply(lambda: self.service.mark_reviewed(self.who, self.recording_id, done)):
            self.reviewed.setChecked(not done)
            return
        # The row may leave the filtered list at once: say that the mark was saved.
        self.feedback.show()
        self.feedback.ok(
            self.tr("Marked reviewed.") if done else self.tr("Marked as not reviewed yet.")
        )

    def reviewed_and_next(self) -> None:
        """Ctrl+Enter: marks this one reviewed, then the next. The step waits for the list to
        reload: under "Not reviewed" this one leaves it, and the next is counted from there."""
        if self.detail is None:
            return
        if self.reviewed.isChecked():
            self._step(1)
            return
        self.reviewed.setChecked(True)
        self.toggle_reviewed()
        if self.reviewed.isChecked():  # saved (a failure unchecks it and says why)
            self.next_after_reload.emit()

    def decide(self, mode: str, item_id: str) -> ItemDecisionDialog | None:
        """Opens the override/dispute/resolve dialog for an item; returns it (window-modal)."""
        if self.detail is None:
            return None
        item = next(i for i in self.detail.items if i.item_id == item_id)
        dialog = ItemDecisionDialog(mode, item, self)
        dialog.accepted.connect(lambda: self._decided(dialog, item_id))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _decided(self, dialog: ItemDecisionDialog, item_id: str) -> None:
        comment = dialog.comment.text().strip()
        rid, who, service = self.recording_id, self.who, self.service
        calls = {
            "override": lambda: service.override(who, rid, item_id, dialog.chosen_outcome, comment),
            "dispute": lambda: service.dispute(who, rid, item_id, comment),
            "resolve": lambda: service.resolve_dispute(
                who, rid, item_id, dialog.accepted_dispute, comment
            ),
        }
        self._apply(calls[dialog.mode])
