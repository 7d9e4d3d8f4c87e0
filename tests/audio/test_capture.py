import numpy as np
import pytest

from forsell.audio.capture import DeviceError, Microphone

from .fakes import FakeDevice


def _mic(dev: FakeDevice, **kw) -> Microphone:
    return Microphone("fake", probe=dev.probe, stream_factory=dev.stream, **kw)


def test_blocks_are_downmixed_20ms_and_overflows_counted():
    dev = FakeDevice(rate=48_000, channels=2, speed=4)
    dev.overflow_every = 5
    dev.noise = 0.01
    mic = _mic(dev)
    mic.start()
    try:
        blocks = [mic.read(timeout=2) for _ in range(20)]
    finally:
        mic.stop()
    assert all(b is not None and b.shape == (960,) and b.dtype == np.float32 for b in blocks)
    assert mic.rate == 48_000 and mic.frames_seen >= 20 * 960
    assert mic.overflows >= 4 and mic.error is None


def test_a_stuck_reader_drops_the_oldest_without_blocking_the_callback():
    dev = FakeDevice(rate=16_000, channels=1, speed=8)
    mic = _mic(dev, queue_s=0.2)  # room for 10 blocks of 20 ms
    mic.start()
    try:
        assert mic.first_frame.wait(2)
        while mic.dropped < 5:
            mic.first_frame.wait(0.05)
        assert mic.read(timeout=1) is not None
    finally:
        mic.stop()


def test_device_death_is_an_error_state_and_absence_raises_on_start():
    dev = FakeDevice(speed=4)
    mic = _mic(dev)
    mic.start()
    assert mic.read(timeout=2) is not None
    dev.unplug()
    while mic.read(timeout=0.5) is not None:
        pass
    assert mic.error is not None
    with pytest.raises(DeviceError):
        mic.start()
    dev.present = True
    mic.start()
    assert mic.error is None and mic.read(timeout=2) is not None
    mic.stop()
    assert mic.error is None  # our own stop is not a device error
