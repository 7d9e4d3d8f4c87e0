"""Recording the counter conversation of each sale: the recorder tied to the till.

Lives on the GUI thread. It opens the microphone only while the gate is open for the employee
on duty (store switch on, their consent recorded, shift open and not paused, keys in the OS
secret store), starts a recording when a sale starts and stops it a few seconds after payment or
cancellation. The recorder's own thread does the audio work; every call here returns at once.

Closing a recorder (logout, another microphone) waits for its writer thread to seal the
recording — up to ``CLOSE_WAIT_S`` on a slow disk — so that wait runs on ``background`` (the UI
passes its task pool; without one it runs inline, as the CLI and tests want). The archive is
closed only after the writer thread has ended: closing it under a writer still sealing chunks
would lose the end of the recording.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from forsell.domain.problems import Problem
from forsell.vault.secrets import SecretStoreUnavailable

from . import settings as s
from .access import public
from .app import DB_NAME, Till
from .auth import EmployeeView
from .consent import ConsentService
from .recordings import RecordingLibrary, open_vault
from .shifts import open_shift_id

if TYPE_CHECKING:  # the audio stack (numpy, PortAudio, soxr) loads only when a till records
    from forsell.audio.archive import EncryptedArchive
    from forsell.audio.capture import Microphone
    from forsell.audio.recorder import Recorder, RecorderConfig
    from forsell.vault.keys import KeyVault

    from .review.service import ReviewService

log = logging.getLogger(__name__)

CLOSE_WAIT_S = 10.0
#: Runs a call somewhere off the caller's thread (the UI's task pool); returns at once.
Background = Callable[[Callable[[], None]], object]


def _inline(call: Callable[[], None]) -> None:
    call()


@dataclass(frozen=True)
class RecorderStatus:
    """What the till shows. ``blocked``: why nothing is recorded (None = recording allowed):
    off | no_consent | no_shift | paused | no_secret_store | not_logged_in."""

    blocked: str | None
    hint: Problem | None = None  # how to fix no_secret_store (the vault's, as data)
    state: str = (
        "idle"  # recorder state: idle | recording | tail | device_error | silent_input | no_frames
    )


@dataclass
class RecorderCallbacks:
    """Plain callables called from the recorder's writer thread (ui/ turns them into signals)."""

    on_level: Callable[[float, float, str | None], None] | None = None
    on_state: Callable[[str], None] | None = None
    on_error: Callable[[str, str], None] | None = None


SourceFactory = Callable[[str], object]


def _microphone(device: str) -> Microphone:
    from forsell.audio.capture import Microphone

    return Microphone(device or None)


@public  # follows the till's own events for the employee on duty (``set_employee``)
class ConversationRecorder:
    def __init__(
        self,
        till: Till,
        callbacks: RecorderCallbacks | None = None,
        *,
        keyring_backend=None,
        source_factory: SourceFactory = _microphone,
        config: RecorderConfig | None = None,
        background: Background | None = None,
    ) -> None:
        self.till = till
        self._background = background or _inline
        self._keys_lock = threading.Lock()  # start-up work opens the keys off the GUI thread
        self.consent = ConsentService(till.ctx)
        self.callbacks = callbacks or RecorderCallbacks()
        self._backend = keyring_backend
        self._source_factory = source_factory
        self._config = config
        self.vault: KeyVault | None = None
        self._review: ReviewService | None = None  # scoring's, kept for its scorer
        self.vault_problem: SecretStoreUnavailable | None = None
        self.recorder: Recorder | None = None
        self._archive: EncryptedArchive | None = None
        self.employee: EmployeeView | None = None
        self.state = "idle"
        self._recording = False
        self._device = ""

    # --- keys and recovery ----------------------------------------------------------------------

    def open_keys(self) -> KeyVault | None:
        """Unlocks the key file (once); on a missing secret store remembers why and returns None."""
        with self._keys_lock:
            if self.vault is None and self.vault_problem is None:
                try:
                    self.vault = open_vault(self.till.ctx, self._backend)
                except SecretStoreUnavailable as problem:
                    self.vault_problem = problem
                    log.warning("recording off: %s (%s)", problem.kind, problem.backend)
            return self.vault

    def recover(self) -> None:
        """Seals recordings cut off by a crash and finishes a data subject's destruction a
        crash left half-done. Call once at start-up, before any recording."""
        vault = self.open_keys()
        if vault is not None:
            RecordingLibrary(self.till.ctx, vault).recover()
        from .privacy.requests import resume_destructions

        finished = resume_destructions(self.till.ctx, vault)
        if finished:
            log.warning("finished %d interrupted destruction(s) at start-up", len(finished))

    def prepare_review(self, cancelled: Callable[[], bool] | None = None) -> int:
        """At the app's start-up, once keys are unlocked: the demo store's sample conversations
        on its first run, and scores for transcripts that arrived without one. Slow on a big
        store (the scorer reads the whole catalog), so the UI calls it off the GUI thread; it
        stops between two conversations once ``cancelled()``. Returns how many were scored."""
        vault = self.open_keys()
        if vault is None:
            return 0
        from .demo_conversations import seed_demo_conversations

        seed_demo_conversations(self.till, vault, score=False)
        return self.score_new(cancelled)

    def score_new(self, cancelled: Callable[[], bool] | None = None) -> int:
        """Scores every transcribed conversation without a score yet — the app calls it in its
        task pool each time the sync stored a transcript (never on the GUI thread: the scorer
        is slow on a big store). One scorer is kept between calls (its catalog index costs
        seconds to build); runs of it are serialised, so two at once never score one
        conversation twice. Stops between two conversations once ``cancelled()``. Returns how
        many were scored."""
        vault = self.open_keys()
        if vault is None:
            return 0
        with self._keys_lock:
            if self._review is None or self._review.vault is not vault:
                from .review.service import ReviewService

                self._review = ReviewService(self.till, vault)
            review = self._review
        return review.score_pending(cancelled=cancelled)

    # --- who is on duty -------------------------------------------------------------------------

    def status(self) -> RecorderStatus:
        """What the recording indicator shows: why recording is blocked, if it is
        (``not_logged_in``, a consent gate reason, ``no_secret_store``), the fix for a missing
        secret store, and the recorder's state."""
        blocked = self._blocked()
        hint = (
            self.vault_problem.problem
            if blocked == "no_secret_store" and self.vault_problem
            else None
        )
        return RecorderStatus(blocked, hint, self.state if blocked is None else "idle")

    def _blocked(self) -> str | None:
        if self.employee is None:
            return "not_logged_in"
        gate = self.consent.gate(self.employee.id)
        if not gate.open:
            return gate.reason
        if self.open_keys() is None:
            return "no_secret_store"
        return None

    def set_employee(self, employee: EmployeeView | None) -> RecorderStatus:
        """Login, logout, lock, shift opened or closed, pause or resume: re-check the gate.

        The microphone is open (pre-roll in memory) only while recording is allowed.
        """
        self.employee = employee
        return self.refresh()

    def refresh(self) -> RecorderStatus:
        """Checks the switches again (store, consent, shift, pause, keys, chosen microphone) and
        opens or closes the recorder to match; returns the new status."""
        status = self.status()
        if status.blocked is None:
            if self.recorder is not None and self._device != self.till.ctx.settings.get(
                s.RECORDING_DEVICE
            ):
                self._close_recorder()  # the admin chose another microphone
            self._open_recorder()
        else:
            self._close_recorder()
        return self.status()

    # --- the sale ---------------------------------------------------------------------------------

    def on_sale_event(self, event: str, sale_id: str | None) -> None:
        """TillService.listener: the recording follows the sale."""
        if event == "sale_started":
            if self.refresh().blocked is None and self.recorder is not None:
                self.recorder.start(
                    shift_id=open_shift_id(self.till.ctx),
                    employee_id=self.employee.id,
                    reason="sale",
                )
                self._recording = True
        elif self.recorder is not None and self._recording:
            if event == "sale_paid" and sale_id:
                self.recorder.link_sale(sale_id)
            self.recorder.stop(reason="sale_done" if event == "sale_paid" else "cancelled")
            self._recording = False

    def start_manual(self) -> bool:
        """A recording started by hand (no sale yet); False when recording is not allowed."""
        if self.refresh().blocked is not None or self.recorder is None:
            return False
        self.recorder.start(
            shift_id=open_shift_id(self.till.ctx), employee_id=self.employee.id, reason="manual"
        )
        self._recording = True
        return True

    def stop_manual(self) -> None:
        """Ends a recording started by hand (Ctrl+Shift+R) at once; does nothing when none runs."""
        if self.recorder is not None and self._recording:
            self.recorder.stop(after_s=0, reason="manual")
            self._recording = False

    # --- the recorder's life ----------------------------------------------------------------------

    def _on_state(self, state: str) -> None:
        self.state = state
        if self.callbacks.on_state:
            self.callbacks.on_state(state)

    def _open_recorder(self) -> None:
        if self.recorder is not None:
            return
        ctx = self.till.ctx
        st = ctx.settings
        from forsell.audio.archive import EncryptedArchive
        from forsell.audio.recorder import Recorder, RecorderConfig

        config = self._config or RecorderConfig(
            preroll_s=st.get(s.RECORDING_PREROLL_S),
            tail_s=st.get(s.RECORDING_TAIL_S),
            max_length_s=st.get(s.RECORDING_MAX_S),
        )
        self._archive = EncryptedArchive(ctx.data_dir / DB_NAME, self.vault, ctx.device_id)
        self._device = st.get(s.RECORDING_DEVICE)
        self.recorder = Recorder(
            self._source_factory(self._device),
            self._archive,
            config,
            on_level=self.callbacks.on_level,
            on_state=self._on_state,
            on_error=self.callbacks.on_error,
        )
        self.recorder.open()

    def _close_recorder(self, wait: bool = False) -> None:
        if self.recorder is None:
            return
        recorder, archive = self.recorder, self._archive
        self.recorder, self._archive = None, None
        self._recording = False
        self.state = "idle"

        def close() -> None:
            if recorder.close(CLOSE_WAIT_S):  # seals a running recording ("shutdown")
                if archive is not None:
                    archive.close()
            else:  # the writer still owns the archive; it is let go with the process
                log.error(
                    "the recorder did not stop within %.0f s; its archive stays open", CLOSE_WAIT_S
                )

        if wait:
            close()
        else:
            self._background(close)

    def close(self) -> None:
        """The app ends: the running recording is sealed before this returns."""
        self._close_recorder(wait=True)
        if self.vault is not None:
            self.vault.close()
            self.vault = None
