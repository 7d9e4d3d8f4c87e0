"""Who is who in a conversation: the supervisor's decision, as the scorer takes it.

With unlabelled speakers whose roles cannot be told apart the scorer answers
``ScoreResult(scorable=False, reason="speakers_uncertain")`` unless it is told the roles are
right (``confirmed=True``) or swapped (``flip=True``). A supervisor decides that once per
conversation ("Roles are right" or "Flip speakers"); the decision is stored
(``conversation_scores.speakers_confirmed``) and every later scoring passes it on.

A scorer that does not take ``confirmed`` yet (the analytics package before its
speakers-uncertain change) never answers "speakers_uncertain" either, so it is simply not told.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Any

#: ``ConversationScore.reason`` / ``ScoreResult.reason`` when the roles could not be told apart.
SPEAKERS_UNCERTAIN = "speakers_uncertain"


@cache
def _takes_confirmed(score: Any) -> bool:
    try:
        parameters = inspect.signature(score).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "confirmed" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


def decided(scorer: Any, confirmed: bool) -> dict[str, bool]:
    """The keyword arguments for ``scorer.score(...)`` that carry the supervisor's decision:
    ``{"confirmed": True}`` when it is stored and the scorer takes it, else nothing."""
    if not confirmed:
        return {}
    return {"confirmed": True} if _takes_confirmed(type(scorer).score) else {}
