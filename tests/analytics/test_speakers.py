"""Telling the cashier from the customer by what each voice does, when the recogniser only says
"speaker 0" and "speaker 1"."""

import pytest

from forsell.analytics import Scorer, formats
from forsell.analytics.acts import find_acts
from forsell.analytics.normalize import tokenize
from forsell.analytics.speakers import voice_evidence

from .conftest import CARDS, talk


def evidence(text: str, before: str | None = None) -> float:
    acts = find_acts(tokenize(text, 0.0, 1.0))
    previous = find_acts(tokenize(before, 0.0, 1.0)) if before is not None else None
    return voice_evidence(acts, previous)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer(formats.load_scorecard(CARDS / "cafe.json"))


@pytest.mark.parametrize(
    ("said", "cashier_like"),
    [
        # Asking whether a thing is needed, with a particle, is the seller's question.
        ("шоколад керек пе", True),
        ("маған шоколад керек", False),
        # «Мә» opens a turn that hands something over: the customer's money.
        ("мә", False),
        ("мә ал", False),
        # A price word without a sum names no price: «всего доброго», «на полке стоит».
        ("до свидания всего доброго", True),
        ("а хлеб на полке стоит", None),
        ("ертең болады", None),
        ("бағасы мың екі жүз", True),
        # A weight is no sum: «грамм семьсот» asks for meat, it names no total.
        ("фарша грамм семьсот", None),
        ("семьсот тенге", True),
        # Brushing a customer off is the serving side's, however rude.
        ("ждите", True),
        ("ну что надо", True),
        ("күтіңіз", True),
    ],
)
def test_what_one_turn_says_about_its_voice(said: str, cashier_like: bool | None) -> None:
    score = evidence(said)
    if cashier_like is None:
        assert score == 0, said
    elif cashier_like:
        assert score > 0, said
    else:
        assert score < 0, said


@pytest.mark.parametrize(
    ("before", "said"),
    [
        # Repeating the other voice's question answers it.
        ("кофе тут будете или с собой", "с собой"),
        ("осында ма әлде өзіңізбен бе", "өзіңізбен"),
        # Asking about what the other voice just proposed is the customer's question.
        ("торт алмайсыз ба жаңа дәмі шықты", "қандай дәмі"),
        ("может пирожное хотите", "а какие"),
    ],
)
def test_an_answer_to_the_other_voice_asks_nothing(before: str, said: str) -> None:
    assert evidence(said) > 0  # alone it would look like a question about the order
    assert evidence(said, before) <= 0


def test_the_cashiers_own_question_after_an_order_still_counts() -> None:
    # The customer asked for something (an order, not a proposal): the cashier's «какой?» asks.
    assert evidence("какой сироп", "можно мне добавить сироп") > 0
    # A quantity asked back still asks («четыреста получилось, оставить?» after «грамм 400»).
    assert evidence("четыреста десять получилось оставить?", "сыра грамм четыреста") > 0


def test_a_customer_who_answers_with_the_question_words_is_not_taken_for_the_cashier(
    scorer: Scorer,
) -> None:
    """The customer speaks first, greets and echoes «с собой»; the cashier asks «керек пе?»:
    both voices are still told apart and the right one is scored."""
    t = talk(
        ("speaker_0", 0, "сәлем латте бересіз бе"),
        ("speaker_1", 2, "сәлем латте сироп керек пе"),
        ("speaker_0", 4, "жоқ"),
        ("speaker_1", 6, "тут или с собой"),
        ("speaker_0", 8, "с собой"),
        ("speaker_1", 10, "мың екі жүз"),
        ("speaker_0", 12, "мә"),
    )
    result = scorer.score(t)
    assert result.scorable and result.speakers.cashier == "speaker_1"


def test_a_rude_cashier_is_still_the_cashier_and_the_rudeness_is_shown() -> None:
    """A cashier who neither greets nor asks, only brushes the customer off and names the sum:
    the brush-off is theirs, and shown even before a supervisor confirms the roles."""
    scorer = Scorer(formats.load_scorecard(CARDS / "cafe.json"))
    t = talk(
        ("speaker_0", 0, "Девушка, я давно жду свой латте."),
        ("speaker_1", 2, "Ждите."),
    )
    result = scorer.score(t)
    failed = result.held if not result.scorable else result.items
    forbidden = [r for r in failed if r.id == "forbidden_words"]
    assert forbidden and forbidden[0].outcome == "fail"
    assert [e.speaker for e in forbidden[0].evidence] == ["speaker_1"]
