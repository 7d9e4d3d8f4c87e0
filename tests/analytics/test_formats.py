import copy
import json
from pathlib import Path

import pytest

from forsell.analytics import (
    FormatError,
    formats,
    load_scorecard,
    parse_receipt,
    parse_scorecard,
    parse_transcript,
)

from .conftest import CARDS

TRANSCRIPT = {
    "format": "forsell-transcript",
    "version": 1,
    "language": "ru",
    "utterances": [
        {
            "speaker": "speaker_0",
            "start": 0.5,
            "end": 1.5,
            "text": "Здравствуйте",
            "words": [{"text": "Здравствуйте", "start": 0.5, "end": 1.4}],
        },
        {"speaker": 1, "start": 2.0, "end": 3.0, "text": "Латте"},
    ],
}
RECEIPT = {
    "format": "forsell-receipt",
    "version": 1,
    "lines": [
        {
            "sku": "COF-007",
            "name": "Латте 300 мл",
            "category": "Кофе",
            "qty": 2,
            "price": 140000,
            "added_at": 4.0,
        }
    ],
}


def problems(parse, doc) -> list[str]:
    """The English fallback of each problem (``place: message``)."""
    with pytest.raises(FormatError) as err:
        parse(doc)
    return [str(p) for p in err.value.problems]


def test_both_presets_are_valid_and_have_the_default_items() -> None:
    for name in ("cafe", "shop"):
        sc = load_scorecard(CARDS / f"{name}.json")
        assert [i.id for i in sc.items] == [
            "greeting",
            "ask_needs",
            "upsell_offer",
            "loyalty_card",
            "farewell",
            "forbidden_words",
        ]
        assert sc.item("greeting").window is not None and sc.offer_cues


def test_transcript_reads_utterances_and_words() -> None:
    t = parse_transcript(TRANSCRIPT)
    assert [u.speaker for u in t.utterances] == ["speaker_0", "1"]
    assert t.utterances[0].words[0].end == 1.4 and t.language == "ru"


def test_a_recognisers_word_list_becomes_utterances() -> None:
    words = [
        {"text": "Здравствуйте", "start": 0.0, "end": 0.5, "speaker": "speaker_0"},
        {"text": "что", "start": 0.6, "end": 0.7, "speaker": "speaker_0"},
        {"text": "латте", "start": 1.0, "end": 1.3, "speaker": "speaker_1"},
        {"text": "пожалуйста", "start": 5.0, "end": 5.4, "speaker": "speaker_1"},
    ]
    t = parse_transcript({"text": "…", "words": words, "confidence": 0.9})
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("speaker_0", "Здравствуйте что"),
        ("speaker_1", "латте"),
        ("speaker_1", "пожалуйста"),
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("utterances"), 'needs "utterances"'),
        (
            lambda d: d["utterances"][0].update(start="soon"),
            "utterances[0].start: expected a number",
        ),
        (lambda d: d["utterances"][1].update(end=1.0), "utterances[1].end: 1.0 is before start"),
        (
            lambda d: d["utterances"][0].pop("speaker"),
            "utterances[0].speaker: expected a non-empty",
        ),
        (
            lambda d: d["utterances"][0]["words"][0].update(end=None),
            "utterances[0].words[0].end: expected a number, got null",
        ),
        (lambda d: d.update(format="forsell-receipt"), "format: expected 'forsell-transcript'"),
        (lambda d: d.update(version=2), "version 2 is not supported"),
        (lambda d: d.update(confidence=1.5), "confidence: 1.5 is above 1.0"),
        (lambda d: d.update(audio_quality="meh"), 'audio_quality: expected "ok" or "bad"'),
    ],
)
def test_transcript_errors_say_where(change, expected: str) -> None:
    doc = copy.deepcopy(TRANSCRIPT)
    change(doc)
    assert any(expected in p for p in problems(parse_transcript, doc)), expected


def test_every_problem_is_listed_at_once() -> None:
    doc = copy.deepcopy(TRANSCRIPT)
    doc["utterances"][0]["start"] = "x"
    doc["utterances"][1]["text"] = 5
    assert len(problems(parse_transcript, doc)) == 2
    assert problems(parse_transcript, [1, 2]) == ["expected an object, got a list"]


def test_receipt_reads_lines_and_clock_times() -> None:
    r = parse_receipt(RECEIPT)
    assert r.lines[0].amount == 280000 and r.lines[0].added_at == 4.0
    timed = {
        "recording_started_at": "2025-03-01T10:00:00+05:00",
        "lines": [
            {**RECEIPT["lines"][0], "added_at": "2025-03-01T10:00:12.5+05:00", "total": 250000}
        ],
    }
    line = parse_receipt(timed).lines[0]
    assert line.added_at == 12.5 and line.amount == 250000


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.pop("lines"), 'needs "lines"'),
        (lambda d: d["lines"][0].update(price=1400.5), "lines[0].price: expected a whole number"),
        (lambda d: d["lines"][0].update(price=-1), "lines[0].price: -1 is below 0"),
        (lambda d: d["lines"][0].update(qty=0), "lines[0].qty: 0 is below 0.001"),
        (lambda d: d["lines"][0].pop("sku"), "lines[0].sku"),
        (lambda d: d["lines"][0].pop("name"), "lines[0].name"),
        (lambda d: d["lines"][0].update(added_at="10:00"), 'needs "recording_started_at"'),
    ],
)
def test_receipt_errors_say_where(change, expected: str) -> None:
    doc = copy.deepcopy(RECEIPT)
    change(doc)
    assert any(expected in p for p in problems(parse_receipt, doc)), expected


def _card() -> dict:
    return json.loads((CARDS / "cafe.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["items"][0].update(kind="optional"), "items[0].kind: expected one of"),
        (lambda d: d["items"][0].update(weight=0), "items[0].weight: a required item needs"),
        (lambda d: d["items"][5].update(penalty=0), "items[5].penalty: a forbidden item needs"),
        (lambda d: d["items"][0].update(speaker="manager"), "items[0].speaker: expected one of"),
        (
            lambda d: d["items"][0].update(window={"from": "middle", "seconds": 5}),
            "items[0].window.from",
        ),
        (
            lambda d: d["items"][0].update(window={"from": "start", "seconds": 0}),
            "items[0].window.seconds",
        ),
        (lambda d: d["items"][1].update(id="greeting"), "items[1].id: 'greeting' is used twice"),
        (lambda d: d["items"][0].update(phrases={"ru": ["?!"]}), "has no words to match"),
        (lambda d: d["items"][5].update(phrases={}), "an item needs phrases"),
        (lambda d: d["items"][0].update(colour="red"), "items[0].colour: unknown field"),
        (lambda d: d["items"][2].update(detector="magic"), "items[2].detector"),
        (lambda d: d["upsell"].update(offer_cues={}), "an upsell_offer item needs offer cues"),
        (lambda d: d["upsell"]["synonyms"].update({"Кофе": ["кофеёк"]}), "a key is"),
        (lambda d: d.update(items=[]), "at least one item"),
    ],
)
def test_scorecard_errors_say_where(change, expected: str) -> None:
    doc = _card()
    change(doc)
    assert any(expected in p for p in problems(parse_scorecard, doc)), expected


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="file not found"):
        formats.load_transcript(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"utterances": [', encoding="utf-8")
    with pytest.raises(FormatError, match="not valid JSON at line 1"):
        formats.load_transcript(bad)


def test_catalog_csv_in_the_tills_format(tmp_path: Path) -> None:
    csv_path = tmp_path / "catalog.csv"
    csv_path.write_text(
        "sku,barcode,name_ru,name_kk,name_en,category_ru,category_kk,category_en,price,synonyms\n"
        "DRK-006,,Coca-Cola 0.5 л,Coca-Cola 0.5 л,Coca-Cola,Напитки,Сусындар,Drinks,450,"
        "колу|кока-кола\n",
        encoding="utf-8",
    )
    (p,) = formats.load_catalog(csv_path).products
    assert p.names["ru"] == "Coca-Cola 0.5 л" and p.category == "Напитки"
    assert p.synonyms == ("колу", "кока-кола") and "Сусындар" in p.category_names
