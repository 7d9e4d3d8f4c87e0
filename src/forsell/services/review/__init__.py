"""The supervisor's review: conversations listed and filtered, one conversation with its
transcript, audio and score, manual review, disputes, the scorecard and the dashboard.

``ReviewService`` (``service.py``) is the entry point the UI calls; the modules beside it are
its parts: ``query`` (the list), ``detail`` (one conversation), ``actions`` (overrides, flags,
reviewed, disputes), ``scoring`` (scoring transcripts), ``scorecard`` (the store's card),
``views`` (the frozen dataclasses handed to the UI) and ``dashboard`` (KPIs per cashier).
"""

from .service import ReviewService

__all__ = ["ReviewService"]
