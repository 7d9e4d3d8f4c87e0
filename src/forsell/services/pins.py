"""How PINs are kept: scrypt over HMAC(pepper, PIN), with the pepper in the OS secret store.

A 4-digit PIN has 10,000 values: whoever copies the database can try them all against a plain
salted hash in half a minute, however slow the hash. So the PIN is first keyed with the till's
*pepper*, a random 256-bit HMAC key kept only in the OS secret store (beside the recordings'
key-encryption key), and only then hashed with scrypt and a per-employee salt. Without the
pepper a copied database gives nothing to search but the 256-bit key.

Stored forms (``Employee.pin_hash``), told apart by their shape:

- peppered: ``b"P1"`` (``b"T1"`` for a one-time PIN of the reset) + the pepper's 4-byte id +
  the 32-byte scrypt digest (38 bytes). The id (an HMAC of a fixed text under the pepper) says
  which pepper a hash needs, so a till whose secret store holds another pepper says so instead
  of calling every PIN wrong;
- plain (earlier versions, the backend's staff pulls, the demo staff whose PINs the README
  publishes): the 32-byte scrypt digest of the PIN. It is checked the old way once and re-hashed
  with the pepper at that successful login.

The pepper is made on first use, and only while no peppered hash exists: a new pepper beside
hashes made with a lost one would lock everybody out without saying why. When it is lost (the
secret store was reset) every PIN check refuses with ``pin.pepper_lost``, which names the way
back: the owner of the data folder runs ``forsell-cashier staff reset-pins``
(:func:`reset_all_pins`), which makes a new pepper and new one-time PINs, shown once and
audited; each opens the till once, and its owner then chooses a PIN of their own.
"""

from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from forsell.domain.errors import CashierError
from forsell.domain.roles import Role
from forsell.store import audit
from forsell.store.models import Employee, PinGuard
from forsell.vault.secrets import SecretStore, SecretStoreUnavailable

from .access import internal

if TYPE_CHECKING:
    from .context import TillContext

# scrypt with n=2**14 costs ~40 ms here: cheap for one login, slow for each guess.
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
TAG = b"P1"
#: A peppered hash of a PIN the reset made: it opens once, then its owner chooses a new PIN.
ONE_TIME_TAG = b"T1"
ID_BYTES = 4
PEPPERED_BYTES = len(TAG) + ID_BYTES + SCRYPT["dklen"]
#: What the owner of the data folder runs when the pepper is lost (named in the refusals).
RESET_COMMAND = "forsell-cashier staff reset-pins"
#: Digits of a PIN made by the reset: more than a person would choose, still quick to type.
ONE_TIME_PIN_DIGITS = 6


def hash_pin(pin: str | bytes, salt: bytes | None = None) -> tuple[bytes, bytes]:
    """The plain scrypt hash of ``pin`` and its salt (a fresh random one unless given): the form
    the backend sends in staff pulls and earlier versions stored."""
    salt = salt or os.urandom(16)
    secret = pin.encode() if isinstance(pin, str) else pin
    return hashlib.scrypt(secret, salt=salt, **SCRYPT), salt


def pepper_id(pepper: bytes) -> bytes:
    """Which pepper a hash was made with (reveals nothing of the key)."""
    return hmac.new(pepper, b"forsell-cashier pin pepper id", hashlib.sha256).digest()[:ID_BYTES]


def peppered_hash(
    pin: str, pepper: bytes, salt: bytes | None = None, one_time: bool = False
) -> tuple[bytes, bytes]:
    """The stored form of ``pin`` under ``pepper``: tag, pepper id, scrypt(HMAC(pepper, PIN))."""
    keyed = hmac.new(pepper, pin.encode(), hashlib.sha256).digest()
    digest, salt = hash_pin(keyed, salt)
    return (ONE_TIME_TAG if one_time else TAG) + pepper_id(pepper) + digest, salt


def is_peppered(stored: bytes) -> bool:
    """True for a hash made with a pepper (False: the plain form of earlier versions)."""
    return len(stored) == PEPPERED_BYTES and stored[: len(TAG)] in (TAG, ONE_TIME_TAG)


def is_one_time(stored: bytes) -> bool:
    """True for the hash of a PIN the reset made, which must be replaced at its first use."""
    return is_peppered(stored) and stored.startswith(ONE_TIME_TAG)


def _hash_pepper_id(stored: bytes) -> bytes:
    return stored[len(TAG) : len(TAG) + ID_BYTES]


def _lost() -> CashierError:
    return CashierError(
        "pin.pepper_lost",
        "PINs cannot be checked: the secret store was reset and lost the PIN key; "
        "the owner of the data folder runs `{command}`",
        command=RESET_COMMAND,
    )


def _wrong() -> CashierError:
    return CashierError(
        "pin.pepper_wrong",
        "PINs cannot be checked: the secret store holds another till's PIN key; "
        "restore this till's entry or run `{command}`",
        command=RESET_COMMAND,
    )


def _unavailable(problem: SecretStoreUnavailable) -> CashierError:
    return CashierError(
        "pin.secret_store",
        "PINs cannot be checked without the secret store: {hint}",
        hint=problem.problem,
    )


@internal
class PinKeeper:
    """The pepper of one till (read once, then kept in memory) and PIN checks with it.

    Every refusal is a ``CashierError`` raised *before* a PIN is compared, so a lost pepper is
    never counted as a wrong PIN (nobody is locked out by it): ``pin.pepper_lost``,
    ``pin.pepper_wrong``, ``pin.secret_store`` (with the store's fix as ``hint``).
    """

    def __init__(self, ctx: TillContext, keyring_backend: Any = None) -> None:
        self.ctx = ctx
        self.keyring_backend = keyring_backend
        self._pepper: bytes | None = None
        self._lock = threading.Lock()  # the GUI thread and the start-up check may both ask

    def store(self) -> SecretStore:
        """This till's entries in the OS secret store."""
        return SecretStore(self.ctx.device_id, self.keyring_backend)

    def pepper(self, session: Session, create: bool = True) -> bytes | None:
        """The pepper, made now when ``create`` and no peppered hash exists yet (else None).

        Raises ``CashierError`` ``pin.pepper_lost``, ``pin.pepper_wrong``, ``pin.secret_store``.
        """
        with self._lock:
            if self._pepper is not None:
                return self._pepper
            store = self.store()
            try:
                pepper = store.pin_pepper()
            except SecretStoreUnavailable as problem:
                raise _unavailable(problem) from problem
            made_with = {
                _hash_pepper_id(h)
                for h in session.scalars(select(Employee.pin_hash))
                if is_peppered(h)
            }
            if pepper is None:
                if made_with:
                    raise _lost()
                if not create:
                    return None
                try:
                    pepper = store.new_pin_pepper()
                except SecretStoreUnavailable as problem:
                    raise _unavailable(problem) from problem
            elif made_with and pepper_id(pepper) not in made_with:
                raise _wrong()
            self._pepper = pepper
            return pepper

    def forget(self) -> None:
        """Drops the pepper kept in memory (the reset made a new one)."""
        with self._lock:
            self._pepper = None

    def seal(self, session: Session, pin: str) -> tuple[bytes, bytes]:
        """(hash, salt) of a new PIN, peppered. Raises the refusals of :meth:`pepper`."""
        pepper = self.pepper(session)
        assert pepper is not None  # create=True
        return peppered_hash(pin, pepper)

    def matches(self, session: Session, employee: Employee, pin: str) -> bool:
        """Whether ``pin`` is the employee's; a plain hash that matches is re-hashed with the
        pepper in the caller's transaction. Raises the refusals of :meth:`pepper`."""
        pepper = self.pepper(session)
        assert pepper is not None
        stored = employee.pin_hash
        if is_peppered(stored):
            if _hash_pepper_id(stored) != pepper_id(pepper):
                # The reset command may have made a new pepper while this till ran: read again.
                self.forget()
                pepper = self.pepper(session)
                assert pepper is not None
                if _hash_pepper_id(stored) != pepper_id(pepper):
                    raise _wrong()
            candidate, _ = peppered_hash(pin, pepper, employee.pin_salt, is_one_time(stored))
            return hmac.compare_digest(candidate, stored)
        candidate, _ = hash_pin(pin, employee.pin_salt)
        if not hmac.compare_digest(candidate, stored):
            return False
        employee.pin_hash, employee.pin_salt = peppered_hash(pin, pepper)
        return True

    def problem(self) -> CashierError | None:
        """Why no PIN can be checked now (for the start-up message), or None when they can."""
        try:
            with self.ctx.db.read() as session:
                self.pepper(session, create=False)
        except CashierError as refused:
            return refused
        return None


# --- the way back after the secret store was reset ------------------------------------------


@dataclass(frozen=True)
class OneTimePin:
    """A PIN the reset made: shown once to the person running it, never stored in clear."""

    name: str
    role: Role
    pin: str


def _owned_by_caller(data_dir: Path) -> bool:
    if os.name != "posix":
        return True  # the data folder lives in the user's own profile, closed to others
    return data_dir.stat().st_uid == os.geteuid()


def reset_all_pins(ctx: TillContext) -> list[OneTimePin]:
    """Makes a new pepper and a new random one-time PIN for every active employee (returned, to
    be shown once; at its first login its owner chooses a new PIN); inactive employees get a
    PIN nobody knows (the admin sets one when they come back). Lockouts are lifted and every
    reset is audited, without the PIN.

    The proof of authority is the one available offline: the caller is the operating-system user
    who owns the data folder (who can read and replace the database anyway). Raises
    ``CashierError`` ``pins.not_owner`` for anyone else, ``pin.secret_store`` without a
    usable secret store.
    """
    if not _owned_by_caller(ctx.data_dir):
        raise CashierError(
            "pins.not_owner",
            "Only the owner of the data folder {folder} may reset the PINs",
            folder=str(ctx.data_dir),
        )
    store = ctx.pins.store()
    try:
        store.check()
    except SecretStoreUnavailable as problem:
        raise _unavailable(problem) from problem
    operator = getpass.getuser()
    made: list[OneTimePin] = []
    with ctx.db.write() as session:
        # The new pepper is stored inside the write transaction: if the hashes do not commit,
        # the next reset simply runs again (no peppered hash is left with a lost pepper).
        try:
            pepper = store.new_pin_pepper()
        except SecretStoreUnavailable as problem:
            raise _unavailable(problem) from problem
        staff = session.scalars(select(Employee).order_by(Employee.name)).all()
        for e in staff:
            pin = "".join(secrets.choice("0123456789") for _ in range(ONE_TIME_PIN_DIGITS))
            e.pin_hash, e.pin_salt = peppered_hash(pin, pepper, one_time=True)
            e.failed_logins, e.lockouts, e.locked_until = 0, 0, None
            audit.record(
                session,
                ctx.device_id,
                "pin_reset",
                None,
                subject_id=e.id,
                by=operator,
                reason="secret store reset",
            )
            if e.active:
                made.append(OneTimePin(e.name, Role(e.role), pin))
        session.execute(update(PinGuard).values(failures=0, lockouts=0, locked_until=None))
    ctx.pins.forget()
    return made
