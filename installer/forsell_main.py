"""Entry point of the frozen bundle (installer/forsell-cashier.spec): the `forsell-cashier`
command, exactly as the installed console script runs it."""

import sys

from forsell.cli import main

if __name__ == "__main__":
    sys.exit(main())
