"""PyInstaller runtime hook: the bundle's own PortAudio and libopusenc, found before the system's.

On Linux sounddevice asks ``ctypes.util.find_library("portaudio")`` and libopusenc.py asks for
``libopusenc.so.0``; neither looks inside the bundle. Loading the bundled copies first (by full
path, RTLD_GLOBAL) makes every later lookup by name get them, because the dynamic loader matches
an already loaded library by its soname; ``find_library`` is pointed at them too, for code that
asks it first. The libraries live in ``native/`` of the bundle (see the spec).
"""

import ctypes
import ctypes.util
import sys
from pathlib import Path

_NATIVE = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "native"
_BUNDLED: dict[str, str] = {}
if _NATIVE.is_dir():
    for _file in sorted(_NATIVE.iterdir()):
        for _short in ("portaudio", "opusenc"):
            if _file.name.startswith(f"lib{_short}.so"):
                try:
                    ctypes.CDLL(str(_file), mode=ctypes.RTLD_GLOBAL)
                except OSError:
                    continue  # a broken copy: the system's, if any, is used as before
                _BUNDLED[_short] = str(_file)

_system_find_library = ctypes.util.find_library


def _find_library(name: str) -> str | None:
    return _BUNDLED.get(name) or _system_find_library(name)


ctypes.util.find_library = _find_library
