"""The ``forsell-cashier`` command: the till (default) and ``doctor``.

Qt is imported only when the GUI starts, so ``doctor`` and ``--version`` work on a machine
without a display or without Qt's system libraries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from forsell import __version__
from forsell.paths import default_data_dir


def _parser() -> argparse.ArgumentParser:
    # --data-dir is accepted before and after the subcommand; SUPPRESS keeps the subcommand's
    # copy from overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, metavar="PATH",
                        help="where the database, backups and logs live "
                             f"(default: {default_data_dir()})")
    parser = argparse.ArgumentParser(
        prog="forsell-cashier", parents=[common],
        description="4Sell Cashier: an offline-first till. Without a command it starts the till.")
    parser.add_argument("--version", action="version", version=f"forsell-cashier {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("doctor", parents=[common],
                        help="check that this machine can run the till (exit 1 if not)")
    return parser


def doctor(data_dir: Path) -> int:
    import keyring

    from forsell.services.doctor import run_checks

    print(f"forsell-cashier {__version__} doctor, data folder {data_dir}")
    results = run_checks(data_dir, keyring.get_keyring())
    for result in results:
        print(result.line())
    failed = sum(not r.ok for r in results)
    print("all checks passed" if not failed else f"{failed} check(s) failed")
    return 1 if failed else 0


def gui(data_dir: Path) -> int:
    from forsell import logs

    logs.configure(data_dir)
    try:
        from forsell.ui.app import run_gui
    except ImportError as exc:  # Qt or one of its system libraries is missing
        print(f"cannot start the till: {exc}\n"
              "run `forsell-cashier doctor` and installer/linux/setup.sh", file=sys.stderr)
        return 1
    return run_gui(data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    data_dir = data_dir.expanduser()
    if args.command == "doctor":
        return doctor(data_dir)
    return gui(data_dir)


if __name__ == "__main__":
    sys.exit(main())
