import shutil

import numpy as np
import pytest

from .fakes import espeak

RU = "Здравствуйте, хотите добавить десерт к заказу? Спасибо за покупку."
KK = "Сәлеметсіз бе, тапсырысқа десерт қосқыңыз келе ме? Рақмет, тағы келіңіз."


@pytest.fixture(scope="session")
def speech_ru() -> tuple[np.ndarray, int]:
    if not shutil.which("espeak-ng"):
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return espeak(RU, "ru")


@pytest.fixture(scope="session")
def speech_kk() -> tuple[np.ndarray, int]:
    if not shutil.which("espeak-ng"):
        pytest.skip("espeak-ng is not installed (apt-get install espeak-ng)")
    return espeak(KK, "kk")
