"""Closing the recorder never waits on the caller's thread, and its archive is closed only once
the writer thread has really ended (closing it under a writer still sealing chunks would lose
the end of the recording)."""

from __future__ import annotations

from forsell.services.app import Till
from forsell.services.conversation import ConversationRecorder


class Writer:
    def __init__(self, stops: bool) -> None:
        self.stops, self.closed_with = stops, None

    def close(self, timeout: float = 10.0) -> bool:
        self.closed_with = timeout
        return self.stops


class Archive:
    closed = False

    def close(self) -> None:
        self.closed = True


def _recorder(till: Till, stops: bool) -> tuple[ConversationRecorder, list, Writer, Archive]:
    later: list = []
    recorder = ConversationRecorder(till, background=later.append)
    writer, archive = Writer(stops), Archive()
    recorder.recorder, recorder._archive = writer, archive
    return recorder, later, writer, archive


def test_closing_runs_in_the_background_then_closes_the_archive(till: Till) -> None:
    recorder, later, writer, archive = _recorder(till, stops=True)
    recorder._close_recorder()
    assert recorder.recorder is None and recorder.state == "idle"
    assert writer.closed_with is None and not archive.closed  # nothing waited here
    later.pop()()
    assert writer.closed_with and archive.closed


def test_a_writer_that_does_not_stop_keeps_its_archive_open(till: Till) -> None:
    recorder, later, writer, archive = _recorder(till, stops=False)
    recorder._close_recorder()
    later.pop()()
    assert writer.closed_with and not archive.closed


def test_the_app_closing_waits_for_the_seal(till: Till) -> None:
    recorder, later, _writer, archive = _recorder(till, stops=True)
    recorder.close()
    assert later == [] and archive.closed
