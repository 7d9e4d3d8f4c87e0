"""Who is who in a conversation: the supervisor's decision, as the scorer takes it.

With unlabelled speakers whose roles cannot be told apart the scorer answers
``ScoreResult(scorable=False, reason="speakers_uncertain")`` unless it is told the roles are
right (``confirmed=True``) or swapped (``flip=True``). A supervisor decides that once per
conversation ("Roles are right" or "Flip speakers"); the decision is stored
(``conversation_scores.speakers_confirmed``) and every later scoring passes it on.
"""

from __future__ import annotations

#: ``ConversationScore.reason`` / ``ScoreResult.reason`` when the roles could not be told apart.
SPEAKERS_UNCERTAIN = "speakers_uncertain"
