"""The ``forsell-cashier`` command: the till (default), ``doctor``, ``recordings``, ``staff``,
``sync``, ``demo`` and ``fakes`` (the till with the FAKE servers) and ``score``.

Qt is imported only when the GUI starts, so ``doctor``, ``recordings`` and ``--version`` work on
a machine without a display or without Qt's system libraries. A PIN is never an argument (it
would land in the shell history and the process list): it is read from the terminal, or from
stdin with ``--pin-stdin``.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from forsell import __version__, cli_messages
from forsell.paths import default_data_dir, private_umask

_PIN_STDIN_HELP = "read the admin PIN from the first line of stdin (for scripts)"


def _privacy_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``privacy``: data-subject requests (policy 6.2-6.3), every action an admin's."""
    privacy = commands.add_parser(
        "privacy",
        parents=[common],
        help="data-subject requests: register, find the subject's data, answer (JSON, PDF), "
        "export, block, correct, destroy (admin PIN, audited)",
    )
    actions = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)

    def subject_options(action: argparse.ArgumentParser) -> None:
        who = action.add_mutually_exclusive_group(required=True)
        who.add_argument("--employee", metavar="NAME|ID", help="a member of staff")
        who.add_argument("--receipt", type=int, metavar="N", help="a customer: receipt number N")
        who.add_argument(
            "--window",
            nargs=2,
            metavar=("FROM", "TO"),
            help="a customer: recordings started between FROM and TO "
            "(YYYY-MM-DDTHH:MM, store time)",
        )
        who.add_argument(
            "--words", metavar="TEXT", help="a customer: every word said in a transcript"
        )

    request = actions.add_parser(
        "request", parents=[common], help="register a request as received (due in 30 days)"
    )
    request.add_argument(
        "--kind",
        required=True,
        choices=("information", "export", "correction", "blocking", "destruction"),
        help="what the subject asks for",
    )
    request.add_argument(
        "--from", dest="requester", required=True, metavar="NAME", help="who made the request"
    )
    subject_options(request)
    request.add_argument("--received", metavar="YYYY-MM-DD", help="the day it arrived (today)")
    request.add_argument(
        "--due-days", type=int, default=30, metavar="N", help="days to answer (default 30)"
    )
    request.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    find = actions.add_parser(
        "find", parents=[common], help="where the subject's data is: rows per data-map table"
    )
    subject_options(find)
    find.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    report = actions.add_parser(
        "report",
        parents=[common],
        help="the answer as JSON: what is held, purposes, legal basis, recipients, retention",
    )
    report.add_argument("request_id", metavar="ID")
    report.add_argument(
        "--pdf",
        type=Path,
        metavar="FILE",
        help="also write the answer as a PDF for the subject (a new file, readable by you only)",
    )
    report.add_argument(
        "--language",
        choices=("ru", "kk", "en"),
        help="the PDF's language (default: the admin's)",
    )
    report.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    export = actions.add_parser(
        "export",
        parents=[common],
        help="the subject's data as JSON into a new private folder (files 0600, folder 0700)",
    )
    export.add_argument("request_id", metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="a new folder")
    export.add_argument(
        "--audio", action="store_true", help="also each recording, decrypted (Ogg/Opus)"
    )
    export.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    block = actions.add_parser(
        "block",
        parents=[common],
        help="block the subject's recordings: not uploaded, transcribed, scored or played back",
    )
    block.add_argument("request_id", metavar="ID")
    block.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    _privacy_correct_parser(actions, common)
    _destroy_parsers(actions, common)


def _privacy_correct_parser(
    actions: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    """``privacy correct``: policy 6.2, the subject asks for a correction of their data."""
    correct = actions.add_parser(
        "correct",
        parents=[common],
        help="correct an employee's name as their correction request asks (audited, the value "
        "is not)",
    )
    correct.add_argument("request_id", metavar="ID", help="a request of kind correction")
    correct.add_argument(
        "--field",
        required=True,
        metavar="FIELD",
        help="what to correct: name (phone or email too where the staff list holds them)",
    )
    correct.add_argument("--value", required=True, metavar="TEXT", help="the corrected value")
    correct.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)


def _destroy_parsers(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``privacy destroy`` and ``privacy certificate``: destruction (policy 6.3)."""
    destroy = actions.add_parser(
        "destroy",
        parents=[common],
        help="carry out a destruction request: recordings shredded, transcripts and scores "
        "deleted, an employee pseudonymised; sales, refunds and shifts stay (tax law)",
        description="Carries out a registered destruction request (policy clause 6.3), or "
        "finishes one that was interrupted. Asks to type the request id unless --yes. "
        "Exit 0 done, 2 refused (already destroyed, another kind of request, wrong PIN).",
    )
    destroy.add_argument("request_id", metavar="ID")
    destroy.add_argument(
        "--certificate",
        type=Path,
        metavar="DIR",
        help="write the deletion certificate there as JSON and PDF (the folder is made 0700)",
    )
    destroy.add_argument(
        "--yes", action="store_true", help="do not ask to type the request id (for scripts)"
    )
    destroy.add_argument(
        "--pin-stdin",
        action="store_true",
        help=_PIN_STDIN_HELP + "; without --yes the request id is read from the next line",
    )
    certificate = actions.add_parser(
        "certificate",
        parents=[common],
        help="the deletion certificate of a destruction as it stands now (the backend: pending "
        "or sent)",
    )
    certificate.add_argument("request_id", metavar="ID")
    certificate.add_argument(
        "--certificate", type=Path, metavar="DIR", help="also write it there as JSON and PDF"
    )
    certificate.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)


def _audit_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``audit verify``: the check of the audit trail's hash chain."""
    audit_cmd = commands.add_parser(
        "audit", parents=[common], help="check the audit trail (tamper-evident hash chain)"
    )
    actions = audit_cmd.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    actions.add_parser(
        "verify",
        parents=[common],
        help="walk the audit trail's chain: exit 0 intact, 1 an entry altered, removed or "
        "inserted (named by number and time), 2 the audit key is missing or unreachable",
    )


def _printer_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``printer test``: a test page on the receipt printer."""
    printer = commands.add_parser("printer", parents=[common], help="the receipt printer")
    actions = printer.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    test = actions.add_parser(
        "test",
        parents=[common],
        help="print a test page (Russian and Kazakh letters, barcode, QR code, cut) with the "
        "till's printer settings; exit 0 printed, 1 the printer failed, 2 refused",
    )
    test.add_argument(
        "--address",
        default=None,
        help="try this address instead of the saved one (host:9100, usb:VID:PID, "
        "serial:DEVICE:BAUD, file:PATH); nothing is saved",
    )
    test.add_argument("--paper", type=int, choices=(58, 80), default=None, help="paper in mm")
    test.add_argument(
        "--code-page", choices=("cp866", "cp1251", "kz1048"), default=None, help="code page"
    )


def _retention_parser(
    commands: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    """``retention show|set|report|purge``: how long data is kept (privacy policy 6.3)."""
    retention = commands.add_parser(
        "retention", parents=[common], help="how long data is kept, and what was removed"
    )
    actions = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    actions.add_parser("show", parents=[common], help="the retention periods in force")
    change = actions.add_parser(
        "set", parents=[common], help="change retention periods (admin PIN; audited)"
    )
    for flag, what in (
        ("--audio-days", "days audio is kept after its transcription succeeded"),
        ("--untranscribed-days", "days audio without a transcript is kept (≥ --audio-days)"),
        ("--transcript-days", "days transcripts and scores are kept"),
        ("--audit-years", "years audit entries are kept"),
        ("--sales-years", "years sales, refunds and shifts are kept"),
    ):
        change.add_argument(flag, type=int, metavar="N", help=what)
    change.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    actions.add_parser(
        "report", parents=[common], help="what the last purges removed, how many, and why"
    )
    actions.add_parser("purge", parents=[common], help="run the purge now (the till runs it daily)")


def _backup_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "backup",
        parents=[common],
        help="encrypted archival backups: set the recovery passphrase, create, verify, restore",
    )
    actions = cmd.add_subparsers(dest="backup_command", metavar="ACTION", required=True)
    phrase_help = "read the recovery passphrase from the next line of stdin (for scripts)"
    passphrase = actions.add_parser(
        "passphrase",
        parents=[common],
        help="set the recovery passphrase that opens backups on a new machine (admin PIN; "
        "never stored: write it down and keep it away from the till)",
    )
    passphrase.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    passphrase.add_argument("--passphrase-stdin", action="store_true", help=phrase_help)
    passphrase.add_argument(
        "--recovery-code",
        action="store_true",
        help="instead of a passphrase you choose: a random recovery code, printed once "
        "(print it or write it down; a restore accepts it as the passphrase)",
    )
    create = actions.add_parser(
        "create", parents=[common], help="write one encrypted backup now (admin PIN)"
    )
    create.add_argument(
        "--to", type=Path, default=None, metavar="DIR", help="default: the backup folder setting"
    )
    create.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    verify = actions.add_parser(
        "verify",
        parents=[common],
        help="decrypt and check a backup without touching the till's data (exit 0 good, 1 not)",
    )
    verify.add_argument("file", type=Path, metavar="FILE")
    verify.add_argument("--passphrase-stdin", action="store_true", help=phrase_help)
    restore = actions.add_parser(
        "restore",
        parents=[common],
        help="bring a backup back into the data folder (close the till first; admin PIN, or "
        "the passphrase on a fresh data folder)",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    restore.add_argument("--passphrase-stdin", action="store_true", help=phrase_help)


def _fiscal_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """``fiscal status|retry|registers|setup``: registration with the online cash register."""
    cmd = commands.add_parser(
        "fiscal", parents=[common], help="fiscal receipts: the online cash register's line"
    )
    actions = cmd.add_subparsers(dest="fiscal_command", metavar="ACTION", required=True)
    actions.add_parser(
        "status",
        parents=[common],
        help="what waits, what was refused and why, the autonomous-work limit "
        "(exit 0 fine, 1 refused or near the limit, 2 fiscal registration off)",
    )
    retry = actions.add_parser(
        "retry",
        parents=[common],
        help="put refused operations back in the line (admin PIN) and register what waits now",
    )
    retry.add_argument("ids", nargs="*", metavar="ID", help="only these operations")
    retry.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    actions.add_parser(
        "registers", parents=[common], help="the cash registers the stored token may use"
    )
    setup = actions.add_parser(
        "setup",
        parents=[common],
        help="store the Kassa24 API token (read from stdin) and choose the cash register "
        "(admin PIN first line of stdin with --pin-stdin)",
    )
    setup.add_argument("--register", required=True, metavar="ID", help="the cash register's id")
    setup.add_argument("--url", help="the API's address (a test server)")
    setup.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)
    _fiscal_set_aside_parser(actions, common)


def _fiscal_set_aside_parser(
    actions: argparse._SubParsersAction, common: argparse.ArgumentParser
) -> None:
    """``fiscal set-aside ID``: a refused operation out of the line for good (admin PIN)."""
    aside = actions.add_parser(
        "set-aside",
        parents=[common],
        help="take a refused operation out of the line for good, so the ones behind it are "
        "registered (registered by hand at the service, or not to be registered; admin PIN, "
        "audited)",
    )
    aside.add_argument("ids", nargs="+", metavar="ID", help="the refused operations' ids")
    aside.add_argument("--pin-stdin", action="store_true", help=_PIN_STDIN_HELP)


def _fiscal_set_aside(service, admin, ids: list[str]) -> int:
    """Sets ``ids`` aside; exit 1 when one of them was not a refused operation."""
    missed = [i for i in ids if not service.set_aside(admin, i)]
    print(f"{len(ids) - len(missed)} operation(s) set aside (recorded in the audit trail)")
    for ident in missed:
        print(f"not a refused operation: {ident}", file=sys.stderr)
    return 1 if missed else 0


def _parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before and after the subcommand; SUPPRESS keeps the subcommand's
    # copy from overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help=f"where the database, backups and logs live (default: {default_data_dir()})",
    )
    parser = argparse.ArgumentParser(
        prog="forsell-cashier",
        parents=[common],
        description="4Sell Cashier: an offline-first till. Without a command it starts the till.",
    )
    parser.add_argument("--version", action="version", version=f"forsell-cashier {__version__}")
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start hidden in the system tray (for autostart at login); if the "
        "till already runs for this data folder, do nothing",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="full screen without a window frame; closing the till asks for an admin's PIN "
        "(the admin's 'Kiosk mode' setting does the same at every start)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    doctor_cmd = commands.add_parser(
        "doctor", parents=[common], help="check that this machine can run the till (exit 1 if not)"
    )
    doctor_cmd.add_argument(
        "--mic-test",
        action="store_true",
        help="record three seconds from the configured microphone into "
        "memory and report its level and whether speech was heard",
    )
    doctor_cmd.add_argument(
        "--full",
        action="store_true",
        help="check the whole database with SQLite's integrity_check "
        "(slower; finds index rows missing for their table rows)",
    )
    recordings = commands.add_parser(
        "recordings", parents=[common], help="list recordings, export one for a lawful request"
    )
    rec_commands = recordings.add_subparsers(
        dest="recordings_command", metavar="ACTION", required=True
    )
    listing = rec_commands.add_parser(
        "list",
        parents=[common],
        help="recordings with status, size, length, receipt and employee (admin PIN)",
    )
    listing.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the admin PIN from the first line of stdin (for scripts)",
    )
    export = rec_commands.add_parser(
        "export",
        parents=[common],
        help="write a decrypted Ogg/Opus copy of one recording (admin PIN, audited)",
    )
    export.add_argument("recording_id", metavar="ID")
    export.add_argument("--out", type=Path, required=True, metavar="FILE.ogg")
    export.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the admin PIN from the first line of stdin (for scripts)",
    )
    _privacy_parser(commands, common)
    _backup_parser(commands, common)
    staff_cmd = commands.add_parser(
        "staff", parents=[common], help="the way back when PINs cannot be checked"
    )
    staff_commands = staff_cmd.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    reset_cmd = staff_commands.add_parser(
        "reset-pins",
        parents=[common],
        help="after the secret store was reset: a new PIN key and a new PIN for every active "
        "employee, shown once and audited (only the owner of the data folder; close the till)",
    )
    reset_cmd.add_argument(
        "--yes", action="store_true", help="do not ask for confirmation (for scripts)"
    )
    _audit_parser(commands, common)
    _fiscal_parser(commands, common)
    _retention_parser(commands, common)
    _printer_parser(commands, common)
    sync_cmd = commands.add_parser(
        "sync",
        parents=[common],
        help="show what waits to be sent; with --once send it now, headless "
        "(exit 0 all sent, 1 not all, 2 sync not configured)",
    )
    sync_cmd.add_argument(
        "--once", action="store_true", help="drain both lanes (business events, audio) and exit"
    )
    sync_cmd.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="S",
        help="give up after S seconds (default 300)",
    )
    demo_cmd = commands.add_parser(
        "demo",
        parents=[common],
        help="the till with the FAKE servers (no accounts needed): sales, recordings and "
        "transcripts drain to them; transcripts are scripted, not speech recognition",
    )
    demo_cmd.add_argument(
        "--port-base",
        type=int,
        default=None,
        metavar="N",
        help="the fakes listen on N (ElevenLabs), N+1 (Yandex), N+2 "
        "(backend); default: free ports (with --configure-only: "
        f"{DEMO_PORT_BASE})",
    )
    demo_cmd.add_argument(
        "--configure-only",
        action="store_true",
        help="only point the data folder at the fakes on --port-base and exit "
        "(run them with `forsell-cashier fakes --port-base N`)",
    )
    fakes_cmd = commands.add_parser(
        "fakes",
        parents=[common],
        help="run only the FAKE servers until Ctrl+C; the fake backend keeps its de-duplication "
        "in <data folder>/fake-backend.sqlite",
    )
    fakes_cmd.add_argument(
        "--port-base",
        type=int,
        default=None,
        metavar="N",
        help="listen on N, N+1, N+2, N+3 (default: free ports)",
    )
    fakes_cmd.add_argument(
        "--stop-after",
        type=float,
        default=None,
        metavar="S",
        help="stop by themselves after S seconds (for scripts)",
    )
    fakes_cmd.add_argument(
        "--json", action="store_true", help="print one JSON line (URLs, settings) instead of text"
    )
    score_cmd = commands.add_parser(
        "score",
        help="score one saved conversation against its receipt, print JSON "
        "(exit 0 scored, 2 a file is missing or not in its format; "
        "formats: resources/scorecards/README.md)",
    )
    score_cmd.add_argument("--transcript", type=Path, required=True, metavar="T.json")
    score_cmd.add_argument("--receipt", type=Path, required=True, metavar="R.json")
    score_cmd.add_argument(
        "--scorecard", type=Path, default=None, metavar="S.json", help="default: the café preset"
    )
    score_cmd.add_argument(
        "--catalog",
        type=Path,
        default=None,
        metavar="C",
        help="catalog JSON or the till's catalog CSV (default: the demo one)",
    )
    score_cmd.add_argument(
        "--flip",
        action="store_true",
        help="swap cashier and customer (the speaker guess was wrong)",
    )
    score_cmd.add_argument(
        "--roles-confirmed",
        action="store_true",
        help="the speaker guess is right: score even when the voices are hard to tell apart",
    )
    return parser


def doctor(data_dir: Path, mic_test: bool = False, full: bool = False) -> int:
    import keyring

    from forsell.services.doctor import run_checks

    if mic_test:
        return doctor_mic_test(data_dir)
    print(f"forsell-cashier {__version__} doctor, data folder {data_dir}")
    results = run_checks(data_dir, keyring.get_keyring(), full=full)
    for result in results:
        print(result.line())
    failed = sum(not r.ok for r in results)
    print("all checks passed" if not failed else f"{failed} check(s) failed")
    return 1 if failed else 0


def doctor_mic_test(data_dir: Path) -> int:
    from forsell.services.doctor import configured_device, mic_test

    device = configured_device(data_dir)
    print(f"forsell-cashier {__version__} microphone test, data folder {data_dir}")
    print(
        f"device: {device or 'the default input'} (setting recording.device); nothing is stored",
        flush=True,
    )
    result = mic_test(device or None, on_listening=lambda text: print(text, flush=True))
    print(result.line())
    return 0 if result.ok else 1


# --- recordings ------------------------------------------------------------------------------


def _fix(problem: cli_messages.ReportedProblem) -> str:
    """How to fix a problem the core reported, in the terminal's language."""
    return cli_messages.problem_text(problem, cli_messages.language())


class _Refused(Exception):
    """A recordings command cannot go on: the message is printed, the exit code is 1."""


def _existing_till(data_dir: Path):
    """The till in ``data_dir``, never a new demo store; ``_Refused`` saying the fix when the
    folder holds no till or its database cannot be opened."""
    from forsell.services.app import open_till
    from forsell.services.doctor import DatabaseProblem

    if not (data_dir / "cashier.sqlite").exists():
        raise _Refused(f"no till in {data_dir} (give its folder with --data-dir)")
    try:
        return open_till(data_dir, seed_demo=False)
    except DatabaseProblem as problem:
        raise _Refused(
            f"the database {problem.path} is {problem.kind.replace('_', '-')}; "
            "run `forsell-cashier doctor` for the fix"
        ) from None


@contextmanager
def _library(data_dir: Path) -> Iterator:
    """The till's recording library (database + unlocked key file), closed afterwards."""
    from forsell.services.app import open_till

    # The errors come through services.doctor: cli.py imports the services layer only.
    from forsell.services.doctor import DatabaseProblem, KeyFileProblem, SecretStoreUnavailable
    from forsell.services.recordings import RecordingLibrary, open_vault

    try:
        # No demo store here: listing recordings must not invent staff or a catalog.
        till = open_till(data_dir, seed_demo=False)
    except DatabaseProblem as problem:
        raise _Refused(
            f"the database {problem.path} is {problem.kind.replace('_', '-')}; "
            "run `forsell-cashier doctor` for the fix"
        ) from None
    try:
        try:
            vault = open_vault(till.ctx)
        except SecretStoreUnavailable as problem:
            raise _Refused(
                f"recordings are unavailable: the secret store that keeps their keys "
                f"cannot be used ({problem.kind.replace('_', ' ')}, {problem.backend})"
                f"\nfix: {_fix(problem.problem)}"
            ) from None
        except KeyFileProblem as problem:
            raise _Refused(
                f"recordings are unavailable: {problem}\nfix: run `forsell-cashier doctor`"
            ) from None
        try:
            yield till, RecordingLibrary(till.ctx, vault)
        finally:
            vault.close()
    finally:
        till.close()


def _mss(ms: int) -> str:
    seconds = ms // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def recordings_list(data_dir: Path, pin_stdin: bool) -> int:
    # Who was recorded and on which receipt is personal data: an admin's PIN first.
    from forsell.services.numbers import format_number

    language = cli_messages.language()
    with _library(data_dir) as (till, library):
        _admin(till, _read_pin(pin_stdin), "recordings list", "list the recordings")
        views = library.list(limit=1_000_000)
    if not views:
        print(f"no recordings in {data_dir}")
        return 0
    header = (
        "id",
        "start (local)",
        "length",
        "speech s",
        "size KB",
        "chunks",
        "status",
        "receipt",
        "employee",
    )
    rows = [
        (
            v.id,
            v.started_at.strftime("%Y-%m-%d %H:%M:%S"),
            _mss(v.duration_ms),
            format_number(v.speech_ms / 1000, 1, language, trim=False),  # a column: 4.0
            f"{(v.bytes + 1023) // 1024}",
            str(v.chunks),
            v.status,
            f"№{v.receipt_no}" if v.receipt_no is not None else "-",
            v.employee or "-",
        )
        for v in views
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    numeric = {2, 3, 4, 5}
    for row in (header, *rows):
        cells = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    print(f"{len(views)} recording(s)")
    return 0


def _admin(till, pin: str, purpose: str, to_do: str):
    """The active admin whose PIN this is, or ``_Refused`` saying why (wrong, or locked)."""
    from forsell.services.doctor import CashierError

    try:
        return till.staff.admin_by_pin(pin, purpose)
    except CashierError as exc:
        if exc.key.startswith("pin."):  # no PIN can be checked: the lost PIN key, say so
            raise _Refused(f"{exc}; cannot {to_do}") from None
        if exc.key == "admin_pin.locked":
            raise _Refused(
                f"too many wrong admin PINs: locked until {exc.params['until']} (store time); "
                f"cannot {to_do}"
            ) from None
        raise _Refused(
            f"wrong PIN: an active admin's PIN is needed to {to_do} (the refusal is in the "
            "audit log)"
        ) from None


def _read_pin(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass("admin PIN: ")


def recordings_export(data_dir: Path, recording_id: str, out: Path, pin_stdin: bool) -> int:
    from forsell.services.doctor import CashierError

    out = out.expanduser()
    if out.exists():
        raise _Refused(f"{out} exists already: choose a new file name (nothing was written)")
    if not out.parent.is_dir():
        raise _Refused(f"the folder {out.parent} does not exist (nothing was written)")
    with _library(data_dir) as (till, library):
        admin = _admin(
            till,
            _read_pin(pin_stdin),
            "recording export",
            "export a recording (nothing was written)",
        )
        try:
            library.export(admin, recording_id, out)
        except CashierError as exc:
            out.unlink(missing_ok=True)
            raise _Refused(
                f"cannot export recording {recording_id}: {exc} (nothing was written)"
            ) from None
        except OSError as exc:
            out.unlink(missing_ok=True)  # a half-written copy is worse than none
            raise _Refused(
                f"cannot write {out}: {exc.strerror or exc} (nothing was written)"
            ) from None
    print(
        f"recording {recording_id} exported to {out} ({out.stat().st_size // 1024} KB) "
        f"by {admin.name}; the export is in the audit log"
    )
    return 0


def recordings(data_dir: Path, args: argparse.Namespace) -> int:
    try:
        if args.recordings_command == "list":
            return recordings_list(data_dir, args.pin_stdin)
        return recordings_export(data_dir, args.recording_id, args.out, args.pin_stdin)
    except _Refused as refused:
        print(f"forsell-cashier recordings: {refused}", file=sys.stderr)
        return 1


# --- backup ---------------------------------------------------------------------------------

#: What each refusal of a backup command means, and what to do.
_BACKUP_WORDS = {
    "no_folder": "the backup folder does not exist: {detail} (plug in the drive or choose "
    "another folder)",
    "folder_read_only": "the backup folder cannot be written: {detail}",
    "disk_full": "the backup folder's disk is full: {detail} (nothing was left behind)",
    "write_failed": "the backup could not be written: {detail} (nothing was left behind)",
    "no_passphrase": "no recovery passphrase is set: run `forsell-cashier backup passphrase`",
    "short_passphrase": "the passphrase is too short ({detail})",
    "no_key": "the file cannot be opened: {detail}",
    "not_a_backup": "not a 4Sell backup: {detail}",
    "file_missing": "the backup file is gone: {detail} (was the drive unplugged?)",
    "newer_format": "the backup was made by a newer version of the app ({detail}): update "
    "the app first",
    "newer_schema": "the backup was made by a newer version of the app ({detail}): update "
    "the app first",
    "truncated": "the backup is truncated ({detail}): it is incomplete, use another one",
    "altered": "the backup was altered or damaged ({detail}): use another one",
    "wrong_passphrase": "wrong recovery passphrase: nothing was changed",
    "other_key": "this backup was made with another backup key: the recovery passphrase is needed",
    "damaged_database": "the database inside the backup is damaged ({detail})",
    "secret_store": "the secret store cannot keep the till's keys: {detail}",
    "till_running": "the till runs on {detail}: close it (and its tray icon) first; nothing "
    "was changed",
}


def _backup_refusal(exc: Exception) -> str:
    reason = getattr(exc, "reason", "")
    words = _BACKUP_WORDS.get(reason, "{detail}")
    return words.format(detail=getattr(exc, "detail", "") or reason)


def _read_passphrase(from_stdin: bool, twice: bool = False) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("recovery passphrase: ")
    if twice and getpass.getpass("the same passphrase again: ") != first:
        raise _Refused("the two passphrases differ: nothing was changed")
    return first


@contextmanager
def _admin_till(data_dir: Path, pin_stdin: bool, purpose: str, to_do: str) -> Iterator:
    from forsell.services.app import open_till
    from forsell.services.doctor import DatabaseProblem

    try:
        till = open_till(data_dir, seed_demo=False)
    except DatabaseProblem as problem:
        raise _Refused(
            f"the database {problem.path} is {problem.kind.replace('_', '-')}; "
            "run `forsell-cashier doctor` for the fix"
        ) from None
    try:
        yield till, _admin(till, _read_pin(pin_stdin), purpose, to_do)
    finally:
        till.close()


def backup(data_dir: Path, args: argparse.Namespace) -> int:
    from forsell.services.backup import BackupRefused

    try:
        return _backup_run(data_dir, args)
    except _Refused as refused:
        print(f"forsell-cashier backup: {refused}", file=sys.stderr)
        return 1
    except BackupRefused as exc:
        print(f"forsell-cashier backup: {_backup_refusal(exc)}", file=sys.stderr)
        return 1


def _backup_run(data_dir: Path, args: argparse.Namespace) -> int:
    from forsell.services.backup import (
        BackupRefused,
        TillBackups,
        has_staff,
        restore_backup,
        till_running,
        verify_backup,
        verify_on_this_machine,
    )

    command = args.backup_command
    if command == "passphrase":
        from forsell.services.backup import new_recovery_code

        with _admin_till(data_dir, args.pin_stdin, "backup passphrase", "set it") as (till, who):
            if args.recovery_code:
                phrase = new_recovery_code()
            else:
                phrase = _read_passphrase(args.passphrase_stdin, twice=True)
            TillBackups(till.ctx).set_passphrase(who, phrase)
        if args.recovery_code:
            print(
                f"recovery code: {phrase}\nprint it or write it down now: it is shown only "
                "this once and opens the backups on a new machine (type it as the passphrase)"
            )
        else:
            print(
                "recovery passphrase set: new backups open with it on any machine; it is not "
                "stored anywhere, so keep it written down away from the till"
            )
        return 0
    if command == "create":
        with _admin_till(data_dir, args.pin_stdin, "backup create", "back up") as (till, who):
            made = TillBackups(till.ctx).create_now(who, args.to.expanduser() if args.to else None)
        print(f"backup written: {made.path} ({made.bytes // 1024} KB)")
        for old in made.removed:
            print(f"older backup removed by rotation: {old.name}")
        return 0
    path = args.file.expanduser()
    if command == "verify":
        phrase = _read_passphrase(True) if args.passphrase_stdin else None
        # The decrypted copy goes into the (private) data folder when there is one, not /tmp.
        work = data_dir if data_dir.is_dir() else None
        try:
            got = verify_on_this_machine(path, passphrase=phrase, work_dir=work)
        except BackupRefused as exc:
            if exc.reason != "other_key" or args.passphrase_stdin:
                raise
            # This machine's secret store did not make the file: the passphrase opens it.
            got = verify_backup(path, passphrase=_read_passphrase(False), work_dir=work)
        print(
            f"backup good: {path.name}, till {got.till[:8]}, made {got.created_at} by app "
            f"{got.app_version} (schema {got.schema}), {got.chunks} chunks checked"
        )
        return 0
    # restore: refused before any PIN or passphrase while the till runs on this folder
    if till_running(data_dir):
        raise BackupRefused("till_running", str(data_dir))
    if has_staff(data_dir):
        with _admin_till(data_dir, args.pin_stdin, "backup restore", "restore"):
            pass
        phrase = _read_passphrase(True) if args.passphrase_stdin else None
    else:
        phrase = _read_passphrase(args.passphrase_stdin)
    try:
        done = restore_backup(path, data_dir, passphrase=phrase)
    except BackupRefused as exc:
        if exc.reason != "other_key" or args.passphrase_stdin:
            raise
        done = restore_backup(path, data_dir, passphrase=_read_passphrase(False))
    print(
        f"restored {path.name} (made {done.created_at}) into {data_dir}; "
        f"{done.tombstones_applied} recording(s) destroyed since then stay destroyed, "
        f"{done.audio_purged} recording(s) whose audio retention purged keep only their text"
    )
    if done.backend_reached is False:
        print(
            "warning: the backend could not be reached, so recordings destroyed on another "
            "machine after this backup are not known here: run the restore again when online",
            file=sys.stderr,
        )
    return 0


# --- privacy: data-subject requests ----------------------------------------------------------


class _PrivacyRefused(Exception):
    """A privacy command cannot go on: the message is printed, the exit code is 2."""


@contextmanager
def _privacy_service(data_dir: Path) -> Iterator:
    """The till and its request service; the key file when the secret store allows (words in
    transcripts and audio need it, the rest does not)."""
    from forsell.services.doctor import KeyFileProblem, SecretStoreUnavailable
    from forsell.services.privacy.requests import PrivacyRequests
    from forsell.services.recordings import open_vault

    try:
        till = _existing_till(data_dir)
    except _Refused as refused:
        raise _PrivacyRefused(str(refused)) from None
    vault = None
    try:
        try:
            vault = open_vault(till.ctx)
        except (SecretStoreUnavailable, KeyFileProblem):
            vault = None  # the service refuses what needs it, saying so
        yield till, PrivacyRequests(till.ctx, vault)
    finally:
        if vault is not None:
            vault.close()
        till.close()


def _subject(args: argparse.Namespace) -> dict:
    from forsell.services.privacy import requests as r

    if args.employee is not None:
        return r.subject_employee(args.employee)
    if args.receipt is not None:
        return r.subject_receipt(args.receipt)
    if args.window is not None:
        return {"window": list(args.window)}
    return r.subject_words(args.words)


def _privacy_admin(till, args: argparse.Namespace, to_do: str):
    try:
        return _admin(till, _read_pin(args.pin_stdin), f"privacy {args.privacy_command}", to_do)
    except _Refused as refused:
        raise _PrivacyRefused(str(refused)) from None


def _say(key: str, **params: object) -> str:
    """A sentence of the command line's catalog in the terminal's language."""
    return cli_messages.message(key, cli_messages.language(), **params) or key


def _refusal(exc: Exception) -> _PrivacyRefused:
    """A service's refusal in the terminal's language where the catalog words it."""
    key = getattr(exc, "key", "")
    params = dict(getattr(exc, "params", {}) or {})
    text = cli_messages.message(key, cli_messages.language(), **params) if key else None
    return _PrivacyRefused(text or str(exc))


def _write_certificate(service, cert, folder: Path) -> None:
    """The certificate as JSON and PDF in ``folder`` (made 0700; files 0600)."""
    from forsell.services.privacy.deletion_certificate import certificate_html

    folder = folder.expanduser()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = folder / f"destruction-{cert.request_id}"
    json_path = stem.with_suffix(".json")
    data = json.dumps(cert.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
    fd = os.open(json_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    pdf_path = stem.with_suffix(".pdf")
    try:
        from forsell.ui.printing import save_html_pdf

        save_html_pdf(certificate_html(cert, service.ctx.clock()), pdf_path)
        pdf_path.chmod(0o600)
    except (ImportError, OSError, RuntimeError) as exc:  # no Qt libraries on this machine
        print(_say("privacy.certificate_no_pdf", json=json_path, reason=exc))
        return
    print(_say("privacy.certificate_written", json=json_path, pdf=pdf_path))


def _print_certificate(cert) -> None:
    print(
        _say(
            "privacy.destroyed",
            rid=cert.request_id,
            recordings=len(cert.recordings_shredded),
            rows=sum(len(ids) for ids in cert.deleted.values()),
            kept=sum(cert.kept.values()),
        )
    )
    if cert.pseudonym:
        print(_say("privacy.pseudonymised", pseudonym=cert.pseudonym))
    print(_say("privacy.backend_sent" if cert.backend == "sent" else "privacy.backend_pending"))


def _privacy_destroy(till, service, args: argparse.Namespace) -> int:
    """``privacy destroy ID`` / ``privacy certificate ID``: exit 0 done, 2 refused."""
    from forsell.services.doctor import CashierError

    admin = _privacy_admin(till, args, "destroy a subject's data (nothing was destroyed)")
    rid = args.request_id
    try:
        if args.privacy_command == "certificate":
            cert = service.destruction_certificate(rid, admin)
        else:
            request = service.get(admin, rid)
            if request.kind != "destruction":
                raise _refusal(
                    CashierError("privacy.not_destruction", "", rid=rid, kind=request.kind)
                )
            if not args.yes:
                prompt = _say("privacy.destroy_confirm", rid=rid)
                if args.pin_stdin:
                    print(prompt, end="", flush=True)
                    typed = sys.stdin.readline().strip()
                else:
                    try:
                        typed = input(prompt).strip()
                    except EOFError:  # no terminal to type on: not confirmed
                        typed = ""
                if typed != rid:
                    raise _PrivacyRefused(_say("privacy.destroy_not_confirmed"))
            cert = service.destroy(rid, admin)
    except CashierError as exc:
        raise _refusal(exc) from None
    _print_certificate(cert)
    if args.certificate is not None:
        _write_certificate(service, cert, args.certificate)
    return 0


def _privacy_run(till, service, args: argparse.Namespace) -> int:
    command = args.privacy_command
    if command in ("destroy", "certificate"):
        return _privacy_destroy(till, service, args)
    if command == "request":
        admin = _privacy_admin(till, args, "register a request (nothing was registered)")
        view = service.register(
            admin, args.kind, args.requester, _subject(args), args.received, args.due_days
        )
        print(
            f"request {view.id} registered: {view.kind}, received {view.received_on}, "
            f"due {view.due_on}"
        )
        return 0
    if command == "find":
        admin = _privacy_admin(till, args, "look for a data subject")
        findings = service.find(admin, _subject(args))
        if findings.empty:
            print("no data about this subject is held at this till")
            return 0
        for table, count in findings.counts().items():
            print(
                f"{table}: {count} row(s)"
                + (f"  {', '.join(findings.rows[table][:5])}" if count else "")
            )
        return 0
    if command == "report":
        pdf = _new_file(args.pdf)
        admin = _privacy_admin(till, args, "answer a request")
        if pdf is not None:
            answer = _privacy_pdf(service, admin, args, pdf)
        else:
            answer = service.report(admin, args.request_id)
        print(json.dumps(answer, ensure_ascii=False, indent=1, default=str))
        if pdf is not None:
            print(f"the answer is in {pdf} ({pdf.stat().st_size // 1024} KB)", file=sys.stderr)
        if not answer["data_held"]:
            print("no data about this subject is held at this till", file=sys.stderr)
        return 0
    if command == "export":
        out = args.out.expanduser()
        if out.exists():
            raise _PrivacyRefused(
                f"{out} exists already: choose a new folder (nothing was written)"
            )
        if not out.parent.is_dir():
            raise _PrivacyRefused(f"the folder {out.parent} does not exist (nothing was written)")
        admin = _privacy_admin(till, args, "export a subject's data (nothing was written)")
        written = service.export(admin, args.request_id, out, audio=args.audio)
        print(f"{len(written)} file(s) written to {out} by {admin.name}; the export is audited")
        return 0
    if command == "correct":
        admin = _privacy_admin(till, args, "correct a subject's data (nothing was changed)")
        view = service.correct(admin, args.request_id, args.field, args.value)
        print(
            f"request {view.id}: the employee's {args.field} corrected; the correction is "
            "audited (without the value). Correct the staff list on the backend as well."
        )
        return 0
    admin = _privacy_admin(till, args, "block a subject (nothing was blocked)")
    count = service.block(admin, args.request_id)
    print(
        f"request {args.request_id}: {count} recording(s) blocked; blocked recordings are not "
        "uploaded, transcribed, scored or played back"
    )
    return 0


def _new_file(path: Path | None) -> Path | None:
    """``path`` made absolute, refused before the PIN is asked when it cannot be written."""
    if path is None:
        return None
    path = path.expanduser().absolute()
    if path.exists():
        raise _PrivacyRefused(f"{path} exists already: choose a new file name (nothing was done)")
    if not path.parent.is_dir():
        raise _PrivacyRefused(f"the folder {path.parent} does not exist (nothing was done)")
    return path


def _privacy_pdf(service, admin, args: argparse.Namespace, pdf: Path) -> dict:
    """The answer made (audited), rendered to PDF in the admin's or the asked language and
    written privately; returns the report for the JSON output."""
    from forsell.services.privacy.documents import make_answer, write_private

    document = make_answer(service, admin, args.request_id, args.language or admin.language)
    try:
        # Qt's text layout and PDF writer are the GUI's; imported only when a PDF is asked for,
        # so the rest of the command line runs without Qt's libraries.
        from forsell.ui.printing import html_pdf_bytes
    except ImportError as exc:
        raise _PrivacyRefused(f"a PDF needs Qt, which cannot be loaded here: {exc}") from None
    write_private(pdf, html_pdf_bytes(document.html))
    return dict(document.report)


def privacy(data_dir: Path, args: argparse.Namespace) -> int:
    """``privacy …``: exit 0 done, 2 refused (a message, never a traceback)."""
    from forsell.services.doctor import CashierError

    try:
        with _privacy_service(data_dir) as (till, service):
            return _privacy_run(till, service, args)
    except (_PrivacyRefused, CashierError) as refused:
        said = refused if isinstance(refused, _PrivacyRefused) else _refusal(refused)
        print(f"forsell-cashier privacy {args.privacy_command}: {said}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(
            f"forsell-cashier privacy {args.privacy_command}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 2


# --- staff -----------------------------------------------------------------------------------


def staff_reset_pins(data_dir: Path, yes: bool) -> int:
    """``staff reset-pins``: new pepper, new PINs printed once; exit 1 when refused."""
    from forsell.services.doctor import CashierError
    from forsell.services.pins import reset_all_pins

    def refuse(text: str) -> int:
        print(f"forsell-cashier staff reset-pins: {text}", file=sys.stderr)
        return 1

    try:
        till = _existing_till(data_dir)
    except _Refused as refused:
        return refuse(str(refused))
    try:
        problem = till.staff.pin_problem()
        state = "PINs cannot be checked now" if problem else "PINs can be checked now"
        print(f"{state}; every employee of {data_dir} gets a new PIN, the old ones stop working.")
        if not yes:
            answer = input("Type RESET to go on: ") if sys.stdin.isatty() else ""
            if answer.strip() != "RESET":
                return refuse("not confirmed (type RESET, or pass --yes); nothing was changed")
        try:
            made = reset_all_pins(till.ctx)
        except CashierError as exc:
            hint = exc.params.get("hint")
            fix = f"\nfix: {_fix(hint)}" if hasattr(hint, "code") else ""
            return refuse(f"{exc}; nothing was changed{fix}")
    finally:
        till.close()
    width = max((len(p.name) for p in made), default=4)
    print(f"{'name':<{width}}  {'role':<10}  PIN")
    for p in made:
        print(f"{p.name:<{width}}  {p.role.value:<10}  {p.pin}")
    print(
        f"{len(made)} one-time PIN(s), shown only now and stored only as peppered hashes: give "
        "each person theirs; at the first login with it they choose a PIN of their own. The "
        "reset is in the audit log."
    )
    return 0


# --- audit -----------------------------------------------------------------------------------


def audit_verify(data_dir: Path) -> int:
    """``audit verify``: exit 0 intact, 1 broken (first break named), 2 cannot check."""
    from forsell.services.audit_trail import (
        AuditKeyMissing,
        SecretStoreUnavailable,
        summary,
        verify_trail,
    )

    def cannot(text: str) -> int:
        print(f"forsell-cashier audit verify: {text}", file=sys.stderr)
        return 2

    try:
        till = _existing_till(data_dir)
    except _Refused as refused:
        return cannot(str(refused))
    try:
        report = verify_trail(till.ctx)
    except AuditKeyMissing:
        return cannot(
            "the audit key is missing from the secret store, so the chain cannot be checked; "
            "restore this till's 'forsell-cashier' entry in the secret store from its backup "
            "(run as the user who runs the till, in its desktop session)"
        )
    except SecretStoreUnavailable as problem:
        return cannot(
            f"the secret store that keeps the audit key cannot be used "
            f"({problem.kind.replace('_', ' ')}, {problem.backend})\nfix: {_fix(problem.problem)}"
        )
    finally:
        till.close()
    print(summary(report))
    return 0 if report.intact else 1


# --- fiscal ------------------------------------------------------------------------------------


def _fiscal_status(service) -> int:
    o = service.overview()
    if not o.configured:
        print("fiscal registration is off: no cash register chosen (`fiscal setup`)")
        return 2
    print(f"cash register: {o.provider} {o.register}")
    print(f"registered: {o.registered}; waiting: {o.waiting}; refused: {len(o.refused)}")
    if o.oldest_waiting_at is not None:
        print(f"oldest waiting since {o.oldest_waiting_at:%Y-%m-%d %H:%M} UTC")
    lang = cli_messages.language()
    limit = cli_messages.message(f"fiscal.level.{o.autonomous_level}", lang)
    if limit:
        print(limit)
    for r in o.refused:
        why = cli_messages.message(r.reason_key or "", lang) or (r.detail or "")
        print(f"refused {r.id} {r.kind} at {r.occurred_at:%Y-%m-%d %H:%M} UTC: {why}")
    return 1 if o.refused or o.autonomous_level in ("soon", "limit") else 0


def fiscal(data_dir: Path, args: argparse.Namespace) -> int:
    """``fiscal status|retry|registers|setup|set-aside``; exit 1 on a refusal, with the
    reason."""
    from forsell.services.fiscal import CashierError, FiscalService, SyncError

    action = args.fiscal_command
    try:
        if action in ("retry", "setup", "set-aside"):
            with _admin_till(
                data_dir, args.pin_stdin, f"fiscal {action}", f"run fiscal {action}"
            ) as (till, admin):
                service = FiscalService(till.ctx, till.ctx.keyring_backend)
                if action == "set-aside":
                    return _fiscal_set_aside(service, admin, list(args.ids))
                if action == "setup":
                    token = (
                        sys.stdin.readline().strip()
                        if args.pin_stdin
                        else getpass.getpass("Kassa24 API token: ")
                    )
                    if args.url:
                        from forsell.services import settings as s

                        till.ctx.settings.set(s.FISCAL_URL, args.url)
                    service.set_token(admin, token)
                    service.choose_register(admin, "kassa24", args.register)
                    print(f"fiscal registration on: kassa24 register {args.register}")
                    return 0
                count = service.retry(admin, list(args.ids))
                print(f"{count} refused operation(s) back in the line")
                step = service.register_now()
                print(f"registering now: {step.outcome if step else 'off'}")
                return _fiscal_status(service)
        till = _existing_till(data_dir)
        try:
            service = FiscalService(till.ctx, till.ctx.keyring_backend)
            if action == "registers":
                for kkm in service.cash_registers():
                    allowed = "" if kkm.allowed else " (not allowed)"
                    print(f"{kkm.id}\t{kkm.name}\t{kkm.address}\t{kkm.status}{allowed}")
                return 0
            return _fiscal_status(service)
        finally:
            till.close()
    except _Refused as refused:
        print(f"forsell-cashier fiscal {action}: {refused}", file=sys.stderr)
        return 1
    except SyncError as exc:
        lang = cli_messages.language()
        why = cli_messages.message(exc.key, lang) or exc.detail
        print(f"forsell-cashier fiscal {action}: {why}", file=sys.stderr)
        return 1
    except CashierError as exc:
        lang = cli_messages.language()
        print(
            f"forsell-cashier fiscal {action}: {cli_messages.message(exc.key, lang) or exc}",
            file=sys.stderr,
        )
        return 1


# --- retention -------------------------------------------------------------------------------

_PERIODS = (
    ("audio_days", "audio after its transcript", "days"),
    ("untranscribed_days", "audio without a transcript", "days"),
    ("transcript_days", "transcripts and scores", "days"),
    ("audit_years", "audit entries", "years"),
    ("sales_years", "sales, refunds and shifts", "years"),
)


def _print_policy(policy: object) -> None:
    for name, what, unit in _PERIODS:
        print(f"{what:<28} {getattr(policy, name):>5} {unit}   ({name.replace('_', '-')})")


def _print_report(at: datetime, details: dict) -> None:
    removed = {k: v for k, v in details.items() if isinstance(v, int) and v}
    text = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in removed.items()) or "nothing"
    print(f"{at:%Y-%m-%d %H:%M} UTC: {text}")
    for kind, cutoff in details.get("cutoffs", {}).items():
        print(f"    {kind}: older than {cutoff[:10]} is due")
    for kind, why in details.get("skipped", {}).items():
        print(f"    {kind} skipped: {why}")


def retention(data_dir: Path, args: argparse.Namespace) -> int:
    """``retention …``: exit 0 done, 2 refused (a message, never a traceback)."""
    from dataclasses import replace

    from forsell.services.doctor import CashierError
    from forsell.services.retention import RetentionService, purge_now

    command = args.retention_command

    def refuse(text: str) -> int:
        print(f"forsell-cashier retention {command}: {text}", file=sys.stderr)
        return 2

    try:
        till = _existing_till(data_dir)
    except _Refused as refused:
        return refuse(str(refused))
    try:
        service = RetentionService(till.ctx)
        if command == "show":
            _print_policy(service.policy())
            return 0
        if command == "report":
            reports = service.reports()
            if not reports:
                print("no purge has removed anything yet (the till purges at start and daily)")
            for at, details in reports:
                _print_report(at, details)
            return 0
        if command == "purge":
            report = purge_now(till.ctx)
            _print_report(report.at, report.details())
            return 0
        wanted = {
            name: getattr(args, name) for name, *_ in _PERIODS if getattr(args, name) is not None
        }
        if not wanted:
            return refuse("give at least one period to change (see --help); nothing changed")
        try:
            admin = _admin(
                till, _read_pin(args.pin_stdin), "retention set", "change retention periods"
            )
            policy = service.set_policy(admin, replace(service.policy(), **wanted))
        except _Refused as refused:
            return refuse(f"{refused} (nothing changed)")
        except CashierError as exc:
            return refuse(f"{exc} (nothing changed)")
        print(f"retention periods changed by {admin.name} (audited):")
        _print_policy(policy)
        return 0
    finally:
        till.close()


# --- sync ------------------------------------------------------------------------------------


def sync(data_dir: Path, once: bool, timeout: float) -> int:
    """``sync``: the outbox per lane; ``sync --once``: drain it headless, print a summary."""
    from forsell.services.app import DatabaseProblem, open_till
    from forsell.services.sync import SyncService

    try:
        till = open_till(data_dir, seed_demo=False)
    except DatabaseProblem as problem:
        print(
            f"forsell-cashier sync: the database {problem.path} is "
            f"{problem.kind.replace('_', '-')}; run `forsell-cashier doctor`",
            file=sys.stderr,
        )
        return 1
    try:
        service = SyncService(till)
        if not service.configured:
            print(
                "sync is not configured: an admin turns it on in the till's settings "
                "(sync.enabled, sync.backend_url); nothing was sent",
                file=sys.stderr,
            )
            return 2
        if not once:
            status = service.status()
            for lane in status.lanes:
                age = (
                    "-"
                    if lane.oldest_pending_age_s is None
                    else f"{lane.oldest_pending_age_s:.0f} s"
                )
                print(
                    f"{lane.lane:<9} pending {lane.pending:>6}  failed {lane.failed:>5}  "
                    f"dead {lane.dead:>5}  oldest {age}"
                )
            return 0
        print(f"sending the outbox of {data_dir} (at most {timeout:g} s) ...", flush=True)
        summary = service.run_once(timeout)
    finally:
        till.close()
    print(f"{'lane':<9} {'sent':>6} {'dupl.':>6} {'failed':>6} {'dead':>6} {'left':>6}")
    for lane in (summary.business, summary.audio):
        print(
            f"{lane.lane:<9} {lane.sent:>6} {lane.duplicates:>6} {lane.failed:>6} "
            f"{lane.dead:>6} {lane.remaining:>6}"
        )
    pulls = summary.pulls
    print(
        f"pulls: {pulls.applied} item(s) applied, {pulls.skipped} skipped; up to date: "
        + (", ".join(pulls.resources) or "none")
        + (f" (stopped: {pulls.error_key})" if pulls.error_key else "")
    )
    if summary.ok:
        print("everything due was sent")
        return 0
    why = {
        "auth_failed": "the backend refused this till's token (an admin must fix it)",
        "offline": "the backend could not be reached",
    }.get(summary.state, "")
    print(
        "not everything was sent"
        + (f": {why}" if why else "")
        + ("; the time ran out" if summary.timed_out else "")
        + "; dead letters wait for an admin in the till's sync screen"
        * bool(summary.business.dead or summary.audio.dead)
    )
    return 1


# --- demo, fakes, score ------------------------------------------------------------------------

DEMO_PORT_BASE = 8700
FAKE_BACKEND_DB = "fake-backend.sqlite"
FAKE_NAMES = ("elevenlabs", "yandex", "backend", "kassa24")  # port base + 0, 1, 2, 3


class _Fakes:
    """The FAKE servers (not started yet). The backend persists next to the till's data,
    so stopping and starting it again keeps its de-duplication."""

    def __init__(self, data_dir: Path, port_base: int | None) -> None:
        from forsell.fakes.fake_backend import FakeBackend
        from forsell.fakes.fake_elevenlabs import FakeElevenLabs
        from forsell.fakes.fake_kassa24 import FakeKassa24
        from forsell.fakes.fake_yandex import FakeYandex
        from forsell.fakes.server import FakeServer
        from forsell.services.demo import store_language

        data_dir.mkdir(parents=True, exist_ok=True)
        self.backend = FakeBackend(data_dir / FAKE_BACKEND_DB)

        def language() -> str | None:  # the demo store's, at each transcription
            return store_language(data_dir)

        targets = (
            FakeElevenLabs(default_language=language),
            FakeYandex(default_language=language),
            self.backend,
            FakeKassa24(),
        )
        self.servers = {
            name: FakeServer(target, port=(port_base + i) if port_base else 0, name=name)
            for i, (name, target) in enumerate(zip(FAKE_NAMES, targets, strict=True))
        }

    def start(self) -> str | None:
        """Starts them all; on failure stops those started and returns what went wrong."""
        for server in self.servers.values():
            try:
                server.start()
            except (OSError, RuntimeError) as exc:
                self.stop()
                busy = isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE
                return f"the FAKE {server.name} cannot listen on port {server.port}: " + (
                    "the port is in use (are the fakes running already?)" if busy else str(exc)
                )
        return None

    def stop(self) -> None:
        for server in self.servers.values():
            server.stop()
        self.backend.close()

    def info(self) -> dict:
        return _describe_fakes({name: server.url for name, server in self.servers.items()})


FAKES_EXTRA_HINT = (
    'the FAKE servers need the "fakes" extra (starlette, uvicorn); in the '
    "source tree run `bash installer/linux/setup.sh` (or `.venv/bin/python -m "
    "pip install -e '.[fakes]'`), for an installed package `pip install "
    "'forsell-cashier[fakes]'`"
)


FAKES_NOT_IN_BUNDLE = (
    "this is the shop build, which carries no FAKE servers (a shop's till talks to the real "
    "services); the demo build has them: `bash installer/linux/build.sh --flavour demo`"
)


def fakes_extra_missing() -> list[str]:
    """The packages of the "fakes" extra that are not installed (a plain `pip install .`, or
    the shop bundle, which leaves the FAKE servers out)."""
    from importlib.util import find_spec

    names = ("starlette", "uvicorn", "forsell.fakes")
    return [name for name in names if find_spec(name) is None]


def _describe_fakes(urls: dict[str, str]) -> dict:
    from forsell.fakes.__main__ import describe

    return describe(urls)


def fakes(data_dir: Path, port_base: int | None, stop_after: float | None, as_json: bool) -> int:
    """``fakes``: the FAKE servers in the foreground until Ctrl+C, SIGTERM or --stop-after."""
    import json
    import signal
    import threading

    servers = _Fakes(data_dir, port_base)
    problem = servers.start()
    if problem:
        print(f"forsell-cashier fakes: {problem}", file=sys.stderr)
        return 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())  # `kill` stops them cleanly too
    try:
        info = servers.info()
        if as_json:
            print(json.dumps(info), flush=True)
        else:
            print("FAKE servers running — transcripts are scripted, NOT real speech recognition.")
            for name, url in info["urls"].items():
                print(f"  {name:<11} {url}   (stats: {url}/_fake/stats)")
            print(f"  the fake backend keeps what it received in {data_dir / FAKE_BACKEND_DB}")
            if port_base:
                print(
                    f"a till set up with `forsell-cashier demo --configure-only --port-base "
                    f"{port_base}` uses them"
                )
            print(
                "Ctrl+C stops them"
                + (f" (or they stop after {stop_after:g} s)" if stop_after is not None else "")
                + ".",
                flush=True,
            )
        stop.wait(stop_after)
    except KeyboardInterrupt:
        pass
    finally:
        servers.stop()
    print("FAKE servers stopped", flush=True)
    return 0


def demo(data_dir: Path, port_base: int | None, configure_only: bool) -> int:
    """``demo``: start the fakes here (unless --configure-only), point the till at them, run it."""
    from forsell import logs
    from forsell.services.app import DatabaseProblem
    from forsell.services.demo import (
        DemoRefused,
        FakeEndpoints,
        SecretStoreUnavailable,
        configure_demo_folder,
    )

    logs.configure(data_dir)  # the demo's "audio abroad is the fake" line goes to the log too
    servers = None
    if configure_only:
        # Only addresses: the fakes may be running in another terminal on the same folder,
        # and their backend file is theirs alone.
        port_base = port_base or DEMO_PORT_BASE
        info = _describe_fakes(
            {name: f"http://127.0.0.1:{port_base + i}" for i, name in enumerate(FAKE_NAMES)}
        )
    else:
        servers = _Fakes(data_dir, port_base)
        problem = servers.start()
        if problem:
            print(f"forsell-cashier demo: {problem}", file=sys.stderr)
            return 1
        info = servers.info()
    try:
        try:
            setup = configure_demo_folder(data_dir, FakeEndpoints.from_description(info))
        except SecretStoreUnavailable as problem:
            print(
                "forsell-cashier demo: the demo keeps its (fake) API keys in the OS secret "
                f"store, which cannot be used ({problem.kind.replace('_', ' ')}, "
                f"{problem.backend})\nfix: {_fix(problem.problem)}",
                file=sys.stderr,
            )
            return 1
        except DemoRefused as refused:
            print(f"forsell-cashier demo: {refused}", file=sys.stderr)
            return 1
        except DatabaseProblem as problem:
            print(
                f"forsell-cashier demo: the database {problem.path} is "
                f"{problem.kind.replace('_', '-')}; run `forsell-cashier doctor`",
                file=sys.stderr,
            )
            return 1
        print(
            f"DEMO till in {data_dir}: sync goes to the FAKE servers "
            f"(backend {setup.backend_url}); transcripts are scripted, NOT real speech "
            'recognition; sending audio "abroad" is allowed because that provider is a '
            "fake on this machine"
        )
        print(
            f"fake API keys are in the secret store ({setup.secret_store}); recording is on "
            f"for {', '.join(setup.recorded) or 'nobody'} (demo PINs in README.md)",
            flush=True,
        )
        if "kassa24" in info["urls"]:
            print(
                "fiscal receipts go to the FAKE Kassa24 cash register on this machine: "
                "nothing is registered with a tax office",
                flush=True,
            )
        if configure_only:
            print(
                f"now: `forsell-cashier fakes --port-base {port_base}"
                + (f" --data-dir {data_dir}" if data_dir != default_data_dir() else "")
                + "` in one terminal, `forsell-cashier"
                + (f" --data-dir {data_dir}" if data_dir != default_data_dir() else "")
                + "` in another"
            )
            return 0
        return gui(data_dir, logs_ready=True)
    finally:
        if servers is not None:
            servers.stop()


def score(args: argparse.Namespace) -> int:
    from forsell.services.scoring_cli import score_command

    lang = cli_messages.language()
    code, text = score_command(
        args.transcript,
        args.receipt,
        args.scorecard,
        catalog_path=args.catalog,
        flip=args.flip,
        confirmed=args.roles_confirmed,
        describe=lambda problem: cli_messages.describe(problem, lang),
    )
    stream = sys.stdout if code == 0 else sys.stderr
    try:
        text.encode(stream.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        # a terminal that cannot show the text (LANG=…ISO-8859-1), or a lone surrogate from a
        # JSON escape (\ud800): the same JSON with \u escapes
        text = json.dumps(json.loads(text), ensure_ascii=True, indent=2, allow_nan=False)
    try:
        print(text, file=stream)
        stream.flush()
    except BrokenPipeError:  # `… | head`: the reader left; say nothing more, not even at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    return code


def gui(
    data_dir: Path, start_in_tray: bool = False, logs_ready: bool = False, kiosk: bool = False
) -> int:
    from forsell import logs

    if not logs_ready:
        logs.configure(data_dir)
    try:
        from forsell.ui.app import run_gui
    except ImportError as exc:  # Qt or one of its system libraries is missing
        print(
            f"cannot start the till: {exc}\n"
            "run `forsell-cashier doctor` and installer/linux/setup.sh",
            file=sys.stderr,
        )
        return 1
    return run_gui(data_dir, start_in_tray, kiosk)


def printer_test(data_dir: Path, args: argparse.Namespace) -> int:
    """``printer test``: exit 0 printed, 1 the printer failed (why, in the terminal's
    language), 2 refused (no till here)."""
    from dataclasses import replace

    from forsell.services.counter_printer import CounterPrinter, PrinterFault

    lang = cli_messages.language()

    def say(key: str, **params: object) -> str:
        return cli_messages.message(key, lang, **params) or key

    try:
        till = _existing_till(data_dir)
    except _Refused as refused:
        print(f"forsell-cashier printer test: {refused}", file=sys.stderr)
        return 2
    try:
        printer = CounterPrinter(till.ctx)
        setup = printer.setup()
        setup = replace(
            setup,
            address=args.address if args.address is not None else setup.address,
            paper_mm=args.paper or setup.paper_mm,
            code_page=args.code_page or setup.code_page,
        )
        labels = {
            "title": say("printer.page_title"),
            "address": say("printer.page_address", address="{address}"),
            "paper": say("printer.page_paper", mm="{mm}", chars="{chars}"),
            "code_page": say("printer.page_code_page", code_page="{code_page}"),
        }
        try:
            printer.print_test_page(labels, setup)
        except PrinterFault as failed:
            print(f"forsell-cashier printer test: {_fix(failed.problem)}", file=sys.stderr)
            return 1
        print(say("printer.printed", address=setup.address))
        return 0
    finally:
        till.close()


def _reader_left() -> None:
    """`forsell-cashier … | head`: the reader closed the pipe. The rest of the output goes to
    the null device, so neither this print nor the flush at exit raises again (Python would
    print "Exception ignored … BrokenPipeError" on the way out)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a file (a test's buffer)
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """The ``forsell-cashier`` command; returns its exit code. Every sub-command that prints
    a list may meet a reader that leaves early (``| head``): that ends it quietly, code 0."""
    try:
        return _command(argv)
    except BrokenPipeError:
        _reader_left()
        return 0


def _command(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    private_umask()  # every file this process writes (databases, logs, exports) is 0600
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    data_dir = data_dir.expanduser()
    if args.command == "doctor":
        return doctor(data_dir, args.mic_test, args.full)
    if args.command == "recordings":
        return recordings(data_dir, args)
    if args.command == "privacy":
        return privacy(data_dir, args)
    if args.command == "backup":
        return backup(data_dir, args)
    if args.command == "staff":
        return staff_reset_pins(data_dir, args.yes)
    if args.command == "audit":
        return audit_verify(data_dir)
    if args.command == "fiscal":
        return fiscal(data_dir, args)
    if args.command == "retention":
        return retention(data_dir, args)
    if args.command == "printer":
        return printer_test(data_dir, args)
    if args.command == "sync":
        return sync(data_dir, args.once, args.timeout)
    if args.command in ("demo", "fakes") and fakes_extra_missing():
        hint = FAKES_NOT_IN_BUNDLE if getattr(sys, "frozen", False) else FAKES_EXTRA_HINT
        print(
            f"forsell-cashier {args.command}: {hint} (missing: {', '.join(fakes_extra_missing())})",
            file=sys.stderr,
        )
        return 1
    if args.command == "demo":
        return demo(data_dir, args.port_base, args.configure_only)
    if args.command == "fakes":
        return fakes(data_dir, args.port_base, args.stop_after, args.json)
    if args.command == "score":
        return score(args)
    return gui(data_dir, getattr(args, "tray", False), kiosk=getattr(args, "kiosk", False))


if __name__ == "__main__":
    sys.exit(main())
