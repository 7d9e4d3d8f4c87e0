"""4Sell Cashier: an offline-first till for cafés and shops in Kazakhstan."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("forsell-cashier")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+src"
