"""Microphone capture, processing and the recorder state machine (no Qt here).

The PortAudio callback only queues frames (capture.py); one writer thread (recorder.py)
resamples, measures (dsp.py), encodes Ogg/Opus (encoder.py) and hands chunks to a
RecordingSink (sink.py). Plain audio lives only in memory.
"""
