"""A minimal ctypes binding to libopusenc, Xiph's Ogg Opus encoding library.

Why: libsndfile's Opus encoder cannot be told its complexity and costs about twice what
``opusenc`` does; libopusenc is the library ``opusenc`` itself is built on, so
encoding through it costs what ``opusenc`` costs, at a complexity we choose. On Debian/Ubuntu it
is the package ``libopusenc0`` (installer/linux/setup.sh installs it); elsewhere (Windows, macOS,
a machine without the package) ``load()`` returns None and the encoder falls back to soundfile.

Only what the encoder needs is bound: the pull API (``ope_encoder_create_pull`` +
``ope_encoder_get_page``), which hands out pages when *we* ask, so a chunk can end exactly at a
2-second boundary. Request numbers are those of the public headers opusenc.h (libopusenc 0.2)
and opus_defines.h (libopus 1.3).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

# opusenc.h
OPE_OK = 0
OPE_SET_DECISION_DELAY_REQUEST = 14000
OPE_SET_MUXING_DELAY_REQUEST = 14002
OPE_SET_COMMENT_PADDING_REQUEST = 14004
# opus_defines.h
OPUS_SET_BITRATE_REQUEST = 4002
OPUS_SET_MAX_BANDWIDTH_REQUEST = 4004
OPUS_SET_VBR_REQUEST = 4006
OPUS_SET_COMPLEXITY_REQUEST = 4010
OPUS_SET_SIGNAL_REQUEST = 4024
OPUS_SIGNAL_VOICE = 3001
OPUS_BANDWIDTH_WIDEBAND = 1103

LIBRARY_NAMES = ("libopusenc.so.0",)


class OpusEncError(RuntimeError):
    """A libopusenc call failed; the message is libopusenc's own (``ope_strerror``)."""


def _bind(lib: ctypes.CDLL) -> ctypes.CDLL:
    p, i, vp = ctypes.POINTER, ctypes.c_int, ctypes.c_void_p
    lib.ope_comments_create.restype = vp
    lib.ope_comments_create.argtypes = []
    lib.ope_comments_destroy.restype = None
    lib.ope_comments_destroy.argtypes = [vp]
    lib.ope_encoder_create_pull.restype = vp
    lib.ope_encoder_create_pull.argtypes = [vp, ctypes.c_int32, i, i, p(i)]
    # ope_encoder_ctl(enc, request, ...) is variadic. ctypes passes the arguments beyond
    # argtypes with the variadic calling convention, which differs from the fixed one on Apple
    # arm64 (there variadic arguments go on the stack): declaring the value as a third fixed
    # argument put it in a register the library never reads. So only the fixed parameters are
    # declared, and every call passes its value as an explicit ctypes object (see ``ctl``).
    lib.ope_encoder_ctl.restype = i
    lib.ope_encoder_ctl.argtypes = [vp, i]
    lib.ope_encoder_flush_header.restype = i
    lib.ope_encoder_flush_header.argtypes = [vp]
    lib.ope_encoder_write_float.restype = i
    lib.ope_encoder_write_float.argtypes = [vp, p(ctypes.c_float), i]
    lib.ope_encoder_get_page.restype = i
    lib.ope_encoder_get_page.argtypes = [vp, p(p(ctypes.c_ubyte)), p(ctypes.c_int32), i]
    lib.ope_encoder_drain.restype = i
    lib.ope_encoder_drain.argtypes = [vp]
    lib.ope_encoder_destroy.restype = None
    lib.ope_encoder_destroy.argtypes = [vp]
    lib.ope_strerror.restype = ctypes.c_char_p
    lib.ope_strerror.argtypes = [i]
    lib.ope_get_version_string.restype = ctypes.c_char_p
    lib.ope_get_version_string.argtypes = []
    return lib


@cache
def load(names: tuple[str, ...] = LIBRARY_NAMES) -> ctypes.CDLL | None:
    """The bound library, or None when none of ``names`` loads (or lacks the pull API)."""
    for name in (*names, ctypes.util.find_library("opusenc") if names == LIBRARY_NAMES else None):
        if not name:
            continue
        try:
            return _bind(ctypes.CDLL(name))
        except (OSError, AttributeError):  # not installed / too old for the pull API
            continue
    return None


def ctl(lib: ctypes.CDLL, enc: int, request: int, value: int) -> int:
    """``ope_encoder_ctl`` for the setters we use: each takes one ``opus_int32`` after the
    request, passed as a ``c_int32`` so that ctypes gives it the variadic convention."""
    return lib.ope_encoder_ctl(enc, request, ctypes.c_int32(value))


def version() -> str | None:
    lib = load()
    return lib.ope_get_version_string().decode() if lib is not None else None


class PullEncoder:
    """One Ogg Opus stream: ``write`` float PCM, ``pages(flush)`` the Ogg pages produced so far.

    Owns the C encoder; ``close()`` (drain + destroy) is idempotent and also runs on GC.
    """

    def __init__(
        self,
        rate: int,
        *,
        bitrate: int,
        complexity: int,
        decision_delay: int = 0,
        lib: ctypes.CDLL | None = None,
    ) -> None:
        self._enc: int | None = None
        lib = lib or load()
        if lib is None:
            raise OpusEncError("libopusenc is not available")
        self._lib = lib
        err = ctypes.c_int(OPE_OK)
        comments = lib.ope_comments_create()
        if not comments:
            raise OpusEncError("ope_comments_create failed")
        try:  # the encoder keeps its own copy of the comments
            enc = lib.ope_encoder_create_pull(comments, rate, 1, 0, ctypes.byref(err))
        finally:
            lib.ope_comments_destroy(comments)
        if not enc or err.value != OPE_OK:
            raise OpusEncError(self._message("ope_encoder_create_pull", err.value))
        self._enc = enc
        # 0 decision delay: libopusenc otherwise holds 2 s of audio back before encoding,
        # which a crash would lose. The comment padding (512 bytes by default) is for
        # rewriting tags in place, which we never do.
        for request, value in (
            (OPE_SET_DECISION_DELAY_REQUEST, decision_delay),
            (OPE_SET_COMMENT_PADDING_REQUEST, 0),
            (OPUS_SET_BITRATE_REQUEST, bitrate),
            (OPUS_SET_COMPLEXITY_REQUEST, complexity),
            (OPUS_SET_SIGNAL_REQUEST, OPUS_SIGNAL_VOICE),
            (OPUS_SET_MAX_BANDWIDTH_REQUEST, OPUS_BANDWIDTH_WIDEBAND),
        ):
            self._check("ope_encoder_ctl", ctl(lib, enc, request, value))
        self._check("ope_encoder_flush_header", lib.ope_encoder_flush_header(enc))
        # A zero-sample write sets the stream's end granule, which libopusenc 0.2.1 leaves
        # uninitialized until the first write: draining a never-written encoder then failed an
        # assert (abort) depending on heap contents (tests/audio/test_encoder.py).
        self._check(
            "ope_encoder_write_float", lib.ope_encoder_write_float(enc, (ctypes.c_float * 1)(), 0)
        )
        self._page = ctypes.POINTER(ctypes.c_ubyte)()
        self._len = ctypes.c_int32()

    def _message(self, what: str, code: int) -> str:
        text = self._lib.ope_strerror(code)
        return f"{what}: {text.decode() if text else code}"

    def _check(self, what: str, code: int) -> None:
        if code != OPE_OK:
            raise OpusEncError(self._message(what, code))

    def write(self, pcm) -> None:
        """``pcm``: a C-contiguous float32 numpy array of mono samples."""
        if self._enc is None:
            raise OpusEncError("the encoder is closed")
        ptr = pcm.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
        self._check(
            "ope_encoder_write_float", self._lib.ope_encoder_write_float(self._enc, ptr, len(pcm))
        )

    def pages(self, flush: bool) -> bytes:
        """The finished pages; with ``flush`` the packets not yet in a page end one now."""
        if self._enc is None:
            return b""
        out = bytearray()
        get = self._lib.ope_encoder_get_page
        while get(self._enc, ctypes.byref(self._page), ctypes.byref(self._len), int(flush)):
            out += ctypes.string_at(self._page, self._len.value)  # valid until the next call
        return bytes(out)

    def drain(self) -> bytes:
        """Encodes what is buffered, ends the stream; returns the last pages."""
        if self._enc is None:
            return b""
        self._check("ope_encoder_drain", self._lib.ope_encoder_drain(self._enc))
        tail = self.pages(flush=True)
        self.close()
        return tail

    def close(self) -> None:
        enc, self._enc = self._enc, None
        if enc is not None:
            self._lib.ope_encoder_destroy(enc)

    def __del__(self) -> None:
        self.close()
