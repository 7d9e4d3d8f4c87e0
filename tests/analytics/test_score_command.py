import copy
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forsell import cli
from forsell.analytics import (
    FormatError,
    formats,
    parse_receipt,
    parse_scorecard,
    parse_transcript,
)
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


# --- hostile input through the real entry point (``forsell-cashier score``) --------------------


def _refuse(constant: str) -> object:
    raise ValueError(f"{constant} is not strict JSON")


def strict_json(text: str) -> Any:
    """JSON as a strict parser reads it: no NaN, Infinity or -Infinity."""
    return json.loads(text, parse_constant=_refuse)


class Run(NamedTuple):
    code: int
    out: dict

    @property
    def codes(self) -> list[str]:
        return [d["code"] for d in self.out["details"]]


def run(monkeypatch: pytest.MonkeyPatch, capsys, *args: str | Path, lang: str = "ru") -> Run:
    """``forsell-cashier score …`` in this process (``cli.main``), in the terminal's ``lang``;
    the exit code, and the output (stdout, or stderr on exit 2) read as strict JSON."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", {"ru": "ru_RU.UTF-8", "kk": "kk_KZ.UTF-8"}.get(lang, "C.UTF-8"))
    code = cli.main(["score", *map(str, args)])
    out, err = capsys.readouterr()
    assert code in (OK, BAD_INPUT)
    assert "Traceback" not in out + err
    text = out if code == OK else err
    assert (err if code == OK else out) == ""
    return Run(code, strict_json(text))


def refused(monkeypatch, capsys, *args: str | Path, lang: str = "ru") -> Run:
    done = run(monkeypatch, capsys, *args, lang=lang)
    assert done.code == BAD_INPUT and done.out["error"] == "bad_input", done.out
    assert all(d["text"] for d in done.out["details"])
    return done


@pytest.fixture
def good(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "good_t.json", TRANSCRIPT), write(tmp_path / "good_r.json", RECEIPT)


def test_json_nested_100000_deep_is_refused_without_recursing(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", deep, "--receipt", good[1])
    assert done.codes == ["format.too_deep"]
    assert done.out["details"][0]["params"] == {"limit": formats.MAX_DEPTH}
    assert done.out["details"][0]["text"] == f"вложенность глубже {formats.MAX_DEPTH} уровней"
    deep.write_text('{"lines": ' + "{" * 100_000 + "}" * 100_000 + "}", encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", deep)
    assert done.codes == ["format.too_deep"] and "receipt" in done.out["file"]


def test_brackets_inside_strings_are_not_nesting() -> None:
    assert not formats.too_deep(json.dumps({"text": "[" * 1000 + '\\"{' * 1000}))
    assert formats.too_deep("[" * 65 + "]" * 65) and not formats.too_deep("[" * 64 + "]" * 64)


def test_a_folder_a_missing_file_and_a_pipe_are_not_files(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    done = refused(monkeypatch, capsys, "--transcript", tmp_path, "--receipt", good[1], lang="kk")
    assert done.codes == ["format.not_a_file"]
    assert done.out["details"][0]["text"] == "бұл файл емес (қалта ма?)"
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", tmp_path / "no.json")
    assert done.codes == ["format.file_not_found"]
    done = refused(
        monkeypatch, capsys, "--transcript", good[0], "--receipt", good[1], "--scorecard", tmp_path
    )
    assert done.codes == ["format.not_a_file"] and "scorecard" in done.out["file"]
    if hasattr(os, "mkfifo"):  # a pipe is never opened (opening it would wait for a writer)
        os.mkfifo(tmp_path / "pipe.json")
        done = refused(
            monkeypatch, capsys, "--transcript", tmp_path / "pipe.json", "--receipt", good[1]
        )
        assert done.codes == ["format.not_a_file"]


def test_an_unreadable_file_says_so(tmp_path: Path, monkeypatch, capsys, good) -> None:
    locked = write(tmp_path / "locked.json", TRANSCRIPT)
    real_open = Path.open

    def open_(self: Path, *args, **kwargs):
        if self.name == "locked.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_)
    done = refused(monkeypatch, capsys, "--transcript", locked, "--receipt", good[1], lang="en")
    assert done.codes == ["format.unreadable"]
    assert done.out["details"][0]["params"] == {"detail": "Permission denied"}
    assert done.out["details"][0]["text"] == "the file cannot be read (check its permissions)"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_a_file_without_read_permission(tmp_path: Path, monkeypatch, capsys, good) -> None:
    locked = write(tmp_path / "locked.json", TRANSCRIPT)
    locked.chmod(0)
    done = refused(monkeypatch, capsys, "--transcript", locked, "--receipt", good[1])
    assert done.codes == ["format.unreadable"]


def test_a_file_that_is_not_utf8(tmp_path: Path, monkeypatch, capsys, good) -> None:
    latin = tmp_path / "cp1251.json"
    latin.write_bytes('{"utterances": [{"text": "здравствуйте"}]}'.encode("cp1251"))
    done = refused(monkeypatch, capsys, "--transcript", latin, "--receipt", good[1])
    assert done.codes == ["format.not_utf8"]
    assert done.out["details"][0]["text"] == "файл не в кодировке UTF-8"
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", latin)
    assert done.codes == ["format.not_utf8"] and "receipt" in done.out["file"]


def _receipt_line(**fields: object) -> dict:
    return {"lines": [{**RECEIPT["lines"][0], **fields}]}


def _nan_json(doc: object) -> str:
    return json.dumps(doc, ensure_ascii=False, allow_nan=True)  # writes NaN, Infinity


def test_a_huge_or_nan_quantity(tmp_path: Path, monkeypatch, capsys, good) -> None:
    r = tmp_path / "r.json"
    r.write_text(_nan_json(_receipt_line(qty=1e308)), encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
    assert done.codes == ["format.above"]
    assert done.out["details"][0]["place"] == ["lines", 0, "qty"]
    assert done.out["details"][0]["params"] == {"value": 1e308, "high": formats.MAX_QTY}
    for qty in ("NaN", "Infinity", "-Infinity", "1e400"):
        r.write_text(_nan_json(_receipt_line(qty=0)).replace('"qty": 0', f'"qty": {qty}'))
        done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
        assert done.codes == ["format.not_finite"], qty
        assert done.out["problems"] == [
            "lines[0].qty: not a finite number (NaN, Infinity or too large)"
        ]
    r.write_text(_nan_json(_receipt_line(price=10**40, total=-(10**200))), encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
    assert done.codes == ["format.above", "format.below"]
    assert done.out["details"][0]["params"]["value"] == 1e40  # more than 18 digits: a float
    line = _nan_json(_receipt_line(price=0)).replace('"price": 0', '"price": ' + "9" * 5000)
    r.write_text(line, encoding="utf-8")  # Python's json refuses ints over 4300 digits
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
    assert done.codes == ["format.not_finite"]


def test_nan_and_infinite_times_anywhere(tmp_path: Path, monkeypatch, capsys, good) -> None:
    t = tmp_path / "t.json"
    doc = copy.deepcopy(TRANSCRIPT)
    doc["utterances"][0]["start"] = float("nan")
    doc["utterances"][1]["end"] = float("inf")
    doc["utterances"][2]["words"] = [{"text": "латте", "start": -float("inf"), "end": 2.5}]
    t.write_text(_nan_json(doc), encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1], lang="kk")
    assert done.codes == ["format.not_finite"] * 3
    assert [d["where"] for d in done.out["details"]] == [
        "utterances[0].start",
        "utterances[1].end",
        "utterances[2].words[0].start",
    ]
    assert done.out["details"][0]["text"].startswith("utterances[0].start: шекті сан")
    r = tmp_path / "r.json"
    r.write_text(_nan_json(_receipt_line(added_at=float("nan"))), encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
    assert done.codes == ["format.not_finite"]
    doc = copy.deepcopy(TRANSCRIPT)
    doc["utterances"][0]["end"] = 1e300
    t.write_text(_nan_json(doc), encoding="utf-8")
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1])
    assert done.codes == ["format.above"]


def test_naive_and_zoned_times_mixed_in_one_receipt(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    r = tmp_path / "r.json"
    for origin, added in (
        ("2025-03-01T10:00:00+05:00", "2025-03-01T10:00:21"),
        ("2025-03-01T10:00:00", "2025-03-01T10:00:21+05:00"),
    ):
        write(r, {"recording_started_at": origin, **_receipt_line(added_at=added)})
        done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
        assert done.codes == ["receipt.time_zone_mixed"]
        assert done.out["details"][0]["place"] == ["lines", 0, "added_at"]
        assert "+05:00" in done.out["details"][0]["text"]
    write(r, {"recording_started_at": "2025-03-01T10:00:00+05:00", **_receipt_line(added_at=0)})
    r.write_text(r.read_text().replace("0}]", '"2025-03-01T05:00:21+00:00"}]'))
    assert run(monkeypatch, capsys, "--transcript", good[0], "--receipt", r).code == OK
    write(r, {"recording_started_at": "0001-01-01T00:00:00", **_receipt_line(added_at=0)})
    r.write_text(r.read_text().replace("0}]", '"9999-12-31T23:59:59"}]'))
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
    assert done.codes == ["format.above"]  # more than a day after the recording started


def test_a_50_mb_transcript_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(50_000_000)  # sparse: 50 MB that take no disk
    tracemalloc.start()
    started = time.perf_counter()
    try:
        done = refused(monkeypatch, capsys, "--transcript", huge, "--receipt", good[1], lang="en")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5 and peak < 5_000_000
    assert done.codes == ["format.too_large"]
    limit = formats.MAX_BYTES["transcript"]
    assert done.out["details"][0]["params"] == {"size": 50_000_000, "limit": limit}
    assert done.out["details"][0]["text"] == (
        f"the file is 50000000 bytes, more than the {limit} bytes allowed"
    )
    big_receipt = tmp_path / "r.json"
    big_receipt.write_text(" " * (formats.MAX_BYTES["receipt"] + 1) + "{}")
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", big_receipt)
    assert done.codes == ["format.too_large"]


@pytest.mark.slow
def test_as_a_separate_process_huge_and_deep_files_exit_2_quickly(tmp_path: Path, good) -> None:
    """``python -m forsell.cli score`` as a user runs it: no traceback from the interpreter
    either (a RecursionError would print one), and a quick answer."""
    huge, deep = tmp_path / "huge.json", tmp_path / "deep.json"
    with huge.open("wb") as f:
        f.truncate(50_000_000)
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    for transcript, code in ((huge, "format.too_large"), (deep, "format.too_deep")):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "forsell.cli", "score", "--transcript", str(transcript)]
            + ["--receipt", str(good[1])],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
            env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""},
        )
        assert time.perf_counter() - started < 20
        assert done.returncode == BAD_INPUT and done.stdout == "", done.stderr
        assert "Traceback" not in done.stderr
        assert [d["code"] for d in strict_json(done.stderr)["details"]] == [code]


def test_too_many_utterances_words_lines_and_phrases(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    u = {"speaker": "a", "start": 0, "end": 1, "text": "да"}
    t = write(tmp_path / "t.json", {"utterances": [u] * (formats.MAX_UTTERANCES + 1)})
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1])
    assert done.codes == ["format.too_many"]
    assert done.out["details"][0]["params"] == {
        "count": formats.MAX_UTTERANCES + 1,
        "limit": formats.MAX_UTTERANCES,
    }
    talk = " ".join(["да"] * (formats.MAX_WORDS // 10 + 1))
    write(t, {"utterances": [{**u, "text": talk}] * 10})
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1])
    assert done.codes == ["transcript.too_many_words"]
    w = {"text": "да", "start": 0, "end": 1}
    write(t, {"words": [w] * (formats.MAX_WORDS + 1)})
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1])
    assert done.codes == ["format.too_many"] and done.out["details"][0]["place"] == ["words"]
    r = write(tmp_path / "r.json", {"lines": RECEIPT["lines"] * (formats.MAX_LINES + 1)})
    done = refused(monkeypatch, capsys, "--transcript", good[0], "--receipt", r)
    assert done.codes == ["format.too_many"] and done.out["details"][0]["place"] == ["lines"]
    card = json.loads((CARDS / "cafe.json").read_text(encoding="utf-8"))
    card["items"][0]["phrases"]["ru"] = ["здравствуйте"] * formats.MAX_PHRASES
    s = write(tmp_path / "s.json", card)
    done = refused(
        monkeypatch, capsys, "--transcript", good[0], "--receipt", good[1], "--scorecard", s
    )
    assert done.codes == ["scorecard.too_many_phrases"]


def test_a_hundred_problems_are_listed_and_the_rest_counted(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    bad = {"speaker": "a", "start": "x", "end": "y", "text": "да"}
    t = write(tmp_path / "t.json", {"utterances": [bad] * 1000})
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1])
    assert len(done.codes) == formats.MAX_PROBLEMS
    assert done.out["more_problems"] == 2000 - formats.MAX_PROBLEMS
    t.write_text('{"utterances": [' + ",".join(["NaN"] * 1000) + "]}")
    done = refused(monkeypatch, capsys, "--transcript", t, "--receipt", good[1])
    assert len(done.codes) == formats.MAX_PROBLEMS
    assert done.out["more_problems"] == 1000 - formats.MAX_PROBLEMS


def test_a_catalog_csv_that_is_not_csv_or_not_utf8(
    tmp_path: Path, monkeypatch, capsys, good
) -> None:
    c = tmp_path / "c.csv"
    c.write_text("sku,name_ru\n" + 'A,"' + "x" * 200_000 + '"\n', encoding="utf-8")
    args = ("--transcript", good[0], "--receipt", good[1], "--catalog", c)
    assert refused(monkeypatch, capsys, *args).codes == ["format.not_csv"]
    c.write_bytes("sku,name_ru\nA,Латте\n".encode("cp1251"))
    assert refused(monkeypatch, capsys, *args).codes == ["format.not_utf8"]
    c.write_text("sku,name_ru,synonyms\nA\n,Латте\nB,Латте,латтешка\n", encoding="utf-8")
    assert run(monkeypatch, capsys, *args).code == OK  # short rows are skipped


def test_a_lone_surrogate_is_escaped_in_the_output(tmp_path: Path, monkeypatch, capsys) -> None:
    t = tmp_path / "t.json"
    t.write_text(json.dumps(TRANSCRIPT).replace("speaker_0", "speaker_\\ud800"))
    done = run(monkeypatch, capsys, "--transcript", t, "--receipt", write(tmp_path / "r", RECEIPT))
    assert done.code == OK and "speaker_\ud800" in json.dumps(done.out, ensure_ascii=False)


# --- properties: any JSON document parses or is a FormatError; the output is strict JSON -----

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=30,
)
#: Values a mutation puts in a valid document: anything, and the troublemakers in particular.
HOSTILE = JSON_VALUES | st.sampled_from(
    [
        0,
        -1,
        0.001,
        86_400,
        99_999.5,
        1e308,
        -1e308,
        10**300,
        "2025-03-01T10:00:00",
        "2025-03-01T10:00:00+05:00",
        "9999-12-31T23:59:59+14:00",
        "",
        "x" * 500,
        [],
        {},
    ]
)


def _paths(doc: Any, place: tuple = ()) -> list[tuple]:
    out = [place]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, (*place, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, (*place, i))
    return out


@st.composite
def mutated(draw, valid: dict) -> Any:
    """``valid`` with a few of its values (or none) replaced by others, or deleted."""
    doc = copy.deepcopy(valid)
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(doc)
        path = draw(st.sampled_from(paths))
        value = draw(HOSTILE)
        if not path:
            return value
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    return doc


TIMED_RECEIPT = {
    "recording_started_at": "2025-03-01T10:00:00+05:00",
    "lines": [
        *RECEIPT["lines"],
        {"sku": "DES-002", "name": "Тирамису", "price": 1, "added_at": "2025-03-01T10:00:21+05:00"},
    ],
}
WORDS_ONLY = {
    "words": [
        {"text": "здравствуйте", "start": 0.4, "end": 1.1, "speaker": "speaker_0"},
        {"text": "латте", "start": 2.0, "end": 2.4, "speaker": 1},
        {"text": "тирамису", "start": 3.5, "end": 4.0, "speaker": "speaker_0"},
    ]
}
TRANSCRIPTS = mutated(TRANSCRIPT) | mutated(WORDS_ONLY) | JSON_VALUES
RECEIPTS = mutated(RECEIPT) | mutated(TIMED_RECEIPT) | JSON_VALUES


@settings(max_examples=400, deadline=None)
@given(TRANSCRIPTS, RECEIPTS)
def test_the_parsers_read_or_raise_format_error(transcript: Any, receipt: Any) -> None:
    for parse, doc in ((parse_transcript, transcript), (parse_receipt, receipt)):
        try:
            parse(doc)
            continue
        except FormatError as e:
            problems = e.problems
        assert problems
        json.dumps([p.to_dict() for p in problems])  # whatever the values: writable as JSON


CAFE = json.loads((CARDS / "cafe.json").read_text(encoding="utf-8"))


@settings(max_examples=200, deadline=None)
@given(mutated(CAFE) | JSON_VALUES)
def test_the_scorecard_parser_reads_or_raises_format_error(card: Any) -> None:
    try:
        parse_scorecard(card)
        return
    except FormatError as e:
        problems = e.problems
    assert problems
    json.dumps([p.to_dict() for p in problems])


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    TRANSCRIPTS,
    RECEIPTS,
    mutated(CAFE),
    st.sampled_from(["both", "transcript", "receipt", "scorecard", "valid"]),
)
def test_the_command_answers_strict_json(
    monkeypatch, capsys, transcript: Any, receipt: Any, card: Any, mutate: str
) -> None:
    """Exit 0 or 2 and strict JSON, whatever the files hold; one of them is often valid, so that
    the scorer sees the other's odd (but allowed) values."""
    if mutate in ("receipt", "scorecard", "valid"):
        transcript = TRANSCRIPT
    if mutate in ("transcript", "scorecard", "valid"):
        receipt = TIMED_RECEIPT
    with tempfile.TemporaryDirectory() as folder:
        t, r = Path(folder) / "t.json", Path(folder) / "r.json"
        # NaN and Infinity as JSON literals, and big numbers as they are
        t.write_text(_nan_json(transcript), encoding="utf-8")
        r.write_text(_nan_json(receipt), encoding="utf-8")
        s = Path(folder) / "s.json"
        s.write_text(_nan_json(card if mutate == "scorecard" else CAFE), encoding="utf-8")
        done = run(monkeypatch, capsys, "--transcript", t, "--receipt", r, "--scorecard", s)
        assert done.code == BAD_INPUT or "items" in done.out
        if mutate == "valid":
            assert done.code == OK and done.out["scorable"] is True


def test_voices_that_cannot_be_told_apart_and_the_roles_confirmed_flag(tmp_path: Path) -> None:
    transcript = write(
        tmp_path / "t.json",
        {
            "utterances": [
                {"speaker": "speaker_0", "start": 0, "end": 1, "text": "Здравствуйте"},
                {"speaker": "speaker_1", "start": 1.5, "end": 2, "text": "Здравствуйте"},
                {"speaker": "speaker_0", "start": 2.5, "end": 3, "text": "Угу"},
            ]
        },
    )
    receipt = write(tmp_path / "r.json", {"lines": []})
    code, text = score_command(transcript, receipt)
    out = json.loads(text)
    assert code == OK and out["scorable"] is False and out["reason"] == "speakers_uncertain"
    assert out["speakers"]["uncertain"] is True
    code, text = score_command(transcript, receipt, confirmed=True)
    out = json.loads(text)
    assert code == OK and out["scorable"] is True and out["speakers"]["cashier"] == "speaker_0"
    assert all("why" in e for item in out["items"] for e in item["evidence"])
