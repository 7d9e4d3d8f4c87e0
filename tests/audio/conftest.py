import numpy as np
import pytest

from platform_services import espeak as espeak_ng
from platform_services import require

from .fakes import espeak

RU = "Здравствуйте, хотите добавить десерт к заказу? Спасибо за покупку."
KK = "Сәлеметсіз бе, тапсырысқа десерт қосқыңыз келе ме? Рақмет, тағы келіңіз."


@pytest.fixture(scope="session")
def speech_ru() -> tuple[np.ndarray, int]:
    require(espeak_ng)
    return espeak(RU, "ru")


@pytest.fixture(scope="session")
def speech_kk() -> tuple[np.ndarray, int]:
    require(espeak_ng)
    return espeak(KK, "kk")
