"""A private X11 desktop for tests and benchmarks that run the app as a process: Xvfb at the
counter's 1366×768, and, when asked, ``trayer`` as a real XEmbed system tray along the top edge.

Why the waits: ``Xvfb -displayfd`` writes its display number before the server reliably takes
clients on a loaded machine (CI runs two halves of the suite side by side), so a client started
at once can meet "cannot open display" and exit. Each step therefore waits until the display
answers, and a tray that dies on the way is started again; a failure says what each process
printed instead of a bare timeout.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

TRAY_PANEL = "^panel$"  # trayer's window name
_TRAYER = [
    "trayer",
    *("--edge", "top", "--align", "right"),
    *("--widthtype", "pixel", "--width", "120", "--height", "28"),
]


def wait_for(check: Callable[[], T], timeout: float = 20.0, what: str = "", step: float = 0.1) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(step)  # another process's windows: there is no signal to wait on
    raise AssertionError(f"timed out waiting for {what}")


def windows(env: dict[str, str], name: str, visible: bool = False) -> list[str]:
    args = ["xdotool", "search", *(["--onlyvisible"] if visible else []), "--name", name]
    return subprocess.run(args, env=env, capture_output=True, text=True, check=False).stdout.split()


def _display_answers(env: dict[str, str]) -> bool:
    done = subprocess.run(
        ["xdotool", "getdisplaygeometry"], env=env, capture_output=True, check=False
    )
    return done.returncode == 0


def start_display() -> tuple[subprocess.Popen, dict[str, str]]:
    """Xvfb on a free display number; returns it and an environment whose Qt draws on it."""
    # Its warnings go to a file (a pipe nobody reads would fill and stall the server); the
    # server keeps its own descriptor once ours is closed.
    with tempfile.TemporaryFile(mode="w+") as said:
        read, write = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stderr=said,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        env = {**os.environ, "DISPLAY": ":" + number}
        env.pop("QT_QPA_PLATFORM", None)  # the app under test draws on the real (X11) display
        try:
            if not number:
                raise AssertionError("Xvfb gave no display number")
            wait_for(lambda: _display_answers(env), 30, f"Xvfb {env['DISPLAY']} to answer", 0.2)
        except AssertionError as failure:
            stop(xvfb)
            said.seek(0)
            raise AssertionError(f"{failure}; Xvfb said: {said.read()[-2000:]}") from None
    return xvfb, env


def start_tray(env: dict[str, str], attempts: int = 3) -> subprocess.Popen:
    """trayer on ``env``'s display, up once its panel window exists."""
    said = []
    for _attempt in range(attempts):
        with tempfile.TemporaryFile(mode="w+") as output:
            tray = subprocess.Popen(_TRAYER, env=env, stdout=subprocess.DEVNULL, stderr=output)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and tray.poll() is None:
                if windows(env, TRAY_PANEL):
                    return tray
                time.sleep(0.2)
            stop(tray)
            output.seek(0)
            said.append(f"exit {tray.returncode}: {output.read()[-500:]}")
    raise AssertionError("the tray panel did not start: " + " | ".join(said))


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def desktop(tray: bool = True) -> Iterator[dict[str, str]]:
    """A private display (with a tray panel unless ``tray`` is False) for the ``with`` block."""
    xvfb, env = start_display()
    panel = None
    try:
        if tray:
            panel = start_tray(env)
        yield env
    finally:
        if panel is not None:
            stop(panel)
        stop(xvfb)
