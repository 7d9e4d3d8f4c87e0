import json
from pathlib import Path

from forsell.services.scoring_cli import BAD_INPUT, OK, score_command

from .conftest import CARDS
from .test_formats import RECEIPT


def write(path: Path, doc) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


TRANSCRIPT = {
    "utterances": [
        {"speaker": "speaker_0", "start": 0.5, "end": 1.5, "text": "Здравствуйте что будете"},
        {"speaker": "speaker_1", "start": 2.0, "end": 3.0, "text": "Латте"},
        {"speaker": "speaker_0", "start": 3.5, "end": 5.0, "text": "Тирамису не хотите к латте"},
        {"speaker": "speaker_1", "start": 5.2, "end": 6.0, "text": "давайте"},
        {"speaker": "speaker_0", "start": 7.0, "end": 8.0, "text": "спасибо до свидания"},
    ]
}


def test_prints_the_explained_result(tmp_path: Path) -> None:
    rec = {
        "lines": RECEIPT["lines"]
        + [
            {
                "sku": "DES-002",
                "name": "Тирамису",
                "category": "Десерты",
                "qty": 1,
                "price": 190000,
                "added_at": 6.5,
            }
        ]
    }
    code, text = score_command(
        write(tmp_path / "t.json", TRANSCRIPT), write(tmp_path / "r.json", rec), CARDS / "shop.json"
    )
    assert code == OK
    out = json.loads(text)
    assert out["scorecard"] == "Shop" and out["scorable"] is True
    items = {i["id"]: i for i in out["items"]}
    assert items["greeting"]["outcome"] == "pass"
    assert items["greeting"]["evidence"][0]["speaker"] == "speaker_0"
    assert out["upsell"]["conversions"] == 1 and out["upsell"]["extra_revenue"] == 190000
    assert out["upsell"]["offers"][0]["sku"] == "DES-002"


def test_default_scorecard_and_flip(tmp_path: Path) -> None:
    t, r = write(tmp_path / "t.json", TRANSCRIPT), write(tmp_path / "r.json", RECEIPT)
    code, text = score_command(t, r)
    assert code == OK and json.loads(text)["scorecard"] == "Café"
    code, text = score_command(t, r, flip=True)
    out = json.loads(text)
    assert out["speakers"]["cashier"] == "speaker_1" and out["speakers"]["flipped"]


def test_not_scorable_is_a_result_not_an_error(tmp_path: Path) -> None:
    code, text = score_command(
        write(tmp_path / "t.json", {"utterances": []}), write(tmp_path / "r.json", RECEIPT)
    )
    assert code == OK and json.loads(text)["reason"] == "no_speech"


def test_bad_input_lists_the_problems(tmp_path: Path) -> None:
    t = write(tmp_path / "t.json", {"utterances": [{"speaker": "a", "start": "x", "end": 1}]})
    code, text = score_command(t, write(tmp_path / "r.json", RECEIPT))
    out = json.loads(text)
    assert code == BAD_INPUT and out["error"] == "bad_input" and "t.json" in out["file"]
    assert out["problems"] == ["utterances[0].start: expected a number, got 'x'"]
    assert out["details"] == [
        {
            "code": "format.not_number",
            "params": {"got": "'x'"},
            "place": ["utterances", 0, "start"],
            "where": "utterances[0].start",
            "message": "expected a number, got 'x'",
        }
    ]
    code, text = score_command(t, tmp_path / "nope.json")
    assert code == BAD_INPUT
    good = write(tmp_path / "good.json", TRANSCRIPT)
    code, text = score_command(good, tmp_path / "nope.json")
    assert [d["code"] for d in json.loads(text)["details"]] == ["format.file_not_found"]


def test_a_describer_adds_each_problems_text(tmp_path: Path) -> None:
    t = write(tmp_path / "t.json", {"utterances": [], "confidence": 2})
    code, text = score_command(
        t, write(tmp_path / "r.json", RECEIPT), describe=lambda p: f"<{p.code}@{p.where}>"
    )
    (detail,) = json.loads(text)["details"]
    assert code == BAD_INPUT and detail["text"] == "<format.above@confidence>"
    assert detail["params"] == {"value": 2, "high": 1.0}
