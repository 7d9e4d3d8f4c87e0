"""Counter hardware without Qt: ESC/POS receipt printers and the cash drawer behind them.

- :mod:`.ticket`: what goes on paper, as plain blocks (text, rule, barcode, QR, cut, drawer);
- :mod:`.encoder`: a ticket as ESC/POS bytes in the printer's code page, with text the code page
  lacks (Kazakh letters in CP866) printed as a raster image;
- :mod:`.connection`: where the printer is (network, USB, serial, a device file) and sending a
  job there, with the printer's status read where the connection allows.

Faults are :class:`~.connection.PrinterFault` carrying a ``domain.problems.Problem``; ``ui/`` and
the CLI word them. This package imports ``domain`` only; ``services/`` builds tickets from
receipts.
"""
