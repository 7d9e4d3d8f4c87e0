"""The tray on a real X11 desktop: ``--tray`` starts hidden with an icon in a real system tray.

Offscreen Qt has no tray (tests/ui/test_tray.py drives the menu there). Here the real app runs
as a process on Xvfb with ``trayer``, a real XEmbed system tray (the protocol every X11 panel
speaks), and is driven the way a user does it — with the mouse and keyboard through xdotool:
right-click the icon, walk the menu, Open till, Quit.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import x11_desktop
from platform_services import needs, tools
from x11_desktop import TRAY_PANEL, wait_for

pytestmark = needs(tools("Xvfb", "trayer", "xdotool"))


@pytest.fixture
def desktop() -> Iterator[dict[str, str]]:
    """A private Xvfb display with a system tray panel (trayer) along its top edge."""
    with x11_desktop.desktop(tray=True) as env:
        yield env


def xdo(env: dict[str, str], *args: str) -> list[str]:
    done = subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, check=False)
    return done.stdout.split()


def geometry(env: dict[str, str], window: str) -> tuple[int, int, int, int]:
    values = dict(
        line.split("=")
        for line in subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", window],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def tray_icon(env: dict[str, str]) -> tuple[int, int] | None:
    """Centre of our icon inside the panel (Qt names the embedded window after the app; xdotool's
    name search misses reparented tray windows, so every window is asked for its name)."""
    for window in xdo(env, "search", "--name", ""):
        name = subprocess.run(
            ["xdotool", "getwindowname", window],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if name != "4Sell Cashier":
            continue
        x, y, width, height = geometry(env, window)
        if 10 < width <= 64 and y < 28:
            return x + width // 2, y + height // 2
    return None


def till_window_visible(env: dict[str, str]) -> bool:
    return bool(xdo(env, "search", "--onlyvisible", "--name", "4Sell Demo"))


def menu_key(env: dict[str, str], icon: tuple[int, int], *keys: str) -> None:
    """Right-click the icon, wait for the menu, press ``keys`` (Up from nothing = the last item)."""
    # Without a window manager the till's window covers the panel; a desktop keeps panels on top.
    for panel in xdo(env, "search", "--name", TRAY_PANEL):
        xdo(env, "windowraise", panel)
    before = set(xdo(env, "search", "--onlyvisible", "--name", ""))
    # The first-run app may still be busy seeding the demo conversations: click again until the
    # menu shows (a click that arrives while it is busy is handled late, not lost, so wait 5 s).
    for _attempt in range(6):
        xdo(env, "mousemove", str(icon[0]), str(icon[1]), "click", "3")
        try:
            wait_for(
                lambda: set(xdo(env, "search", "--onlyvisible", "--name", "")) - before,
                timeout=5,
                what="the tray menu",
            )
            break
        except AssertionError:
            continue
    else:
        raise AssertionError(f"the tray menu never opened (icon at {icon})")
    time.sleep(0.3)  # the menu grabs the keyboard once it is mapped
    xdo(env, "key", "--delay", "120", *keys)


def test_tray_start_hidden_then_open_till_and_quit_from_the_real_tray(desktop, tmp_path: Path):
    app = subprocess.Popen(
        [sys.executable, "-m", "forsell.cli", "--tray", "--data-dir", str(tmp_path / "data")],
        env=desktop,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        icon = wait_for(lambda: tray_icon(desktop), timeout=60, what="the icon in the tray")
        # --tray (autostart at login): only the icon; the till window is not shown.
        time.sleep(1.0)
        assert not till_window_visible(desktop)
        # Menu: … Open till, Quit 4Sell. Up twice from nothing selected = "Open till".
        menu_key(desktop, icon, "Up", "Up", "Return")
        wait_for(lambda: till_window_visible(desktop), what="the till window")
        assert app.poll() is None
        shown = set(xdo(desktop, "search", "--onlyvisible", "--name", ""))
        menu_key(desktop, icon, "Up", "Return")  # the last item: Quit 4Sell
        # Quitting stops recording and sync for everyone: a supervisor's PIN first (the demo
        # store's supervisor, 5000). The PIN field has the focus when the question shows.
        wait_for(
            lambda: set(xdo(desktop, "search", "--onlyvisible", "--name", "")) - shown,
            what="the supervisor's PIN question",
        )
        time.sleep(0.5)  # the dialog takes the keyboard once it is mapped
        xdo(desktop, "type", "--delay", "80", "5000")
        xdo(desktop, "key", "Return")
        assert app.wait(30) == 0
    except AssertionError as problem:
        if app.poll() is None:
            app.kill()
        raise AssertionError(f"{problem}; the app said:\n{app.communicate()[0][-3000:]}") from None
    finally:
        if app.poll() is None:
            app.kill()
    output = app.communicate()[0]
    assert "Traceback" not in output, output


def test_sigterm_ends_the_till_shown_beside_its_tray_icon_even_with_a_question_open(
    desktop, tmp_path: Path
):
    """A shutdown or logout sends SIGTERM. With the icon in the tray, closing the window only
    hides it, and the tray's Quit asks for a PIN: neither may keep the till alive (the system
    would SIGKILL it 90 s later, mid-write)."""
    data = tmp_path / "data"
    app = subprocess.Popen(
        [sys.executable, "-m", "forsell.cli", "--data-dir", str(data)],
        env=desktop,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        icon = wait_for(lambda: tray_icon(desktop), timeout=60, what="the icon in the tray")
        wait_for(lambda: till_window_visible(desktop), timeout=60, what="the till window")
        shown = set(xdo(desktop, "search", "--onlyvisible", "--name", ""))
        menu_key(desktop, icon, "Up", "Return")  # Quit 4Sell: the supervisor's PIN question
        wait_for(
            lambda: set(xdo(desktop, "search", "--onlyvisible", "--name", "")) - shown,
            what="the supervisor's PIN question",
        )
        app.send_signal(signal.SIGTERM)
        assert app.wait(60) == 0
    except (AssertionError, subprocess.TimeoutExpired) as problem:
        if app.poll() is None:
            app.kill()
        raise AssertionError(f"{problem}; the app said:\n{app.communicate()[0][-3000:]}") from None
    output = app.communicate()[0]
    assert "signal SIGTERM" in output and "Traceback" not in output, output[-3000:]
