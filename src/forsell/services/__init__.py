"""Use cases of the till: the only API that ``ui/`` and ``cli`` call.

Services return frozen dataclasses (never ORM objects) and raise ``CashierError`` subclasses with
message keys that ``ui/`` translates.
"""
