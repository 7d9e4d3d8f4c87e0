"""The registration wizard in a real Qt window (offscreen), filled as an admin would: messages as
they type in their language, refused scans named, thumbnails, a draft that reopens where it was,
submit; the admin screen's tab; the wizard offered on a real store's first admin login.

With ``FORSELL_SCREENSHOT_DIR`` set, each page is saved with its error shown, in ru, kk and en.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWizard

from forsell.domain.roles import Role
from forsell.services import settings as s
from forsell.services.privacy import registration as reg
from forsell.ui.i18n import Languages
from forsell.ui.privacy_dialogs import PolicyAcceptanceDialog
from forsell.ui.registration_wizard import RegistrationTab, RegistrationWizard
from sync.memory_keyring import MemoryKeyring

from .conftest import ADMIN_PIN, employee, find, log_in

#: What each language says for a wrong check digit, a foreign phone, a 200 MB and a fake PDF.
SAYS = {
    "ru": ("контрольная цифра", "+7 и 10 цифр", "не больше 10", "не соответствует"),
    "kk": ("бақылау цифры", "+7 және 10 цифр", "10 МБ-тан аспауы", "сәйкес келмейді"),
    "en": ("check digit", "+7 and 10 digits", "at most 10", "not what its name says"),
}


@pytest.fixture
def keys() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def languages():
    chosen = Languages()
    yield chosen
    chosen.uninstall()


def open_wizard(qtbot, till, admin, keys) -> RegistrationWizard:
    wizard = RegistrationWizard(till, admin, service=reg.RegistrationService(till.ctx, keys))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def picture(path: Path) -> Path:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.write_bytes(bytes(data.data()))
    return path


def shoot(wizard: RegistrationWizard, name: str) -> None:
    folder = os.environ.get("FORSELL_SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()
        assert wizard.grab().save(str(Path(folder) / f"{name}.png"))


def type_text(qtbot, wizard: RegistrationWizard, name: str, text: str) -> str:
    edit = find(wizard, f"registration {name}")
    edit.clear()
    if text.isascii():
        qtbot.keyClicks(edit, text)  # key by key, as typed
    else:
        edit.insert(text)  # QTest types ASCII keys only (Cyrillic comes from an input method)
    return find(wizard, f"registration {name} problem").text()


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_the_admin_fills_the_wizard_and_each_mistake_is_named(
    qtbot, till, admin, keys, languages, tmp_path, language
):
    languages.switch(language)
    bin_says, phone_says, size_says, fake_says = SAYS[language]
    wizard = open_wizard(qtbot, till, admin, keys)

    # page 1: the owner; a BIN with a wrong check digit is named while typing
    type_text(qtbot, wizard, "legal_name", "ТОО «Кофейня на Абая»")
    type_text(qtbot, wizard, "legal_address", "Алматы, пр. Абая 10")
    assert bin_says in type_text(qtbot, wizard, "bin", "061211600013")
    shoot(wizard, f"1-owner-bad-bin-{language}")
    wizard.next()
    assert wizard.currentPage() is wizard.company  # Next refuses while the BIN is wrong
    assert type_text(qtbot, wizard, "bin", "061211600012") == ""
    wizard.next()
    assert wizard.currentPage() is wizard.contact

    # page 2: a phone in another format
    type_text(qtbot, wizard, "contact_name", "Сапарова Айгерим Маратовна")
    type_text(qtbot, wizard, "email", "owner@cafe.kz")
    assert phone_says in type_text(qtbot, wizard, "phone", "+1 212 555 0100")
    shoot(wizard, f"2-contact-bad-phone-{language}")
    assert type_text(qtbot, wizard, "phone", "8 (701) 234-56-78") == ""
    wizard.next()
    assert wizard.currentPage() is wizard.documents

    # page 3: a 200 MB scan and a fake PDF are refused, a picture gets a thumbnail
    page = wizard.documents
    huge = tmp_path / "scan-200mb.pdf"
    with huge.open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(200 * 1024 * 1024)
    assert not page.add_file(huge)
    assert size_says in find(wizard, "registration documents problem").text()
    assert "200" in find(wizard, "registration documents problem").text()
    shoot(wizard, f"3-documents-200mb-{language}")
    assert page.add_file(picture(tmp_path / "certificate.png"))
    fake = tmp_path / "licence.pdf"
    fake.write_text("this is not a PDF")
    assert not page.add_file(fake)
    assert fake_says in find(wizard, "registration documents problem").text()
    assert page.list.count() == 1
    icon = page.list.item(0).icon()
    assert not icon.isNull() and icon.pixmap(96, 96).toImage().pixelColor(48, 48) == QColor(
        "#3a7bd5"
    )  # the thumbnail shows the scan itself
    shoot(wizard, f"3-documents-fake-pdf-{language}")
    wizard.next()
    assert wizard.currentPage() is wizard.submit_page
    shoot(wizard, f"4-submit-{language}")

    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.submitted
    view = reg.RegistrationService(till.ctx, keys).view()
    assert (view.status, view.phone, view.bin) == (reg.SUBMITTED, "+77012345678", "061211600012")


def test_the_wizard_reopens_where_the_admin_left_it(qtbot, till, admin, keys):
    wizard = open_wizard(qtbot, till, admin, keys)
    type_text(qtbot, wizard, "legal_name", "ИП Ахметов")
    type_text(qtbot, wizard, "bin", "061211600012")
    type_text(qtbot, wizard, "legal_address", "Астана")
    wizard.next()
    type_text(qtbot, wizard, "phone", "+7 701")
    wizard.close()

    again = open_wizard(qtbot, till, admin, keys)
    assert again.currentPage() is again.contact
    assert find(again, "registration phone").text() == "+7 701"
    assert find(again, "registration phone problem").text() != ""
    again.back()
    assert find(again, "registration legal_name").text() == "ИП Ахметов"


@pytest.mark.parametrize("language", ["ru", "kk", "en"])
def test_a_rejection_and_its_reason_are_on_the_admin_screen(
    qtbot, till, admin, keys, tmp_path, languages, language
):
    languages.switch(language)
    service = reg.RegistrationService(till.ctx, keys)
    service.save_draft(
        admin,
        {
            "legal_name": "ИП Ахметов",
            "bin": "061211600012",
            "legal_address": "Астана",
            "contact_name": "Ахметов Данияр",
            "phone": "+77012345678",
            "email": "d@shop.kz",
        },
    )
    scan = tmp_path / "a.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj\n%%EOF\n")
    service.add_document(admin, scan)
    service.submit(admin)
    service.apply_status(reg.REJECTED, "Скан свидетельства не читается")
    tab = RegistrationTab(till, admin)
    qtbot.addWidget(tab)
    tab.show()
    assert "Скан свидетельства не читается" in find(tab, "registration status").text()
    wizard = open_wizard(qtbot, till, admin, keys)  # a rejected form is editable again
    assert find(wizard, "registration bin").isEnabled()
    wizard.setStartId(wizard.pageIds()[3])
    wizard.restart()
    assert "Скан свидетельства не читается" in find(wizard, "registration status").text()
    shoot(wizard, f"4-submit-rejected-{language}")


def test_the_wizard_opens_on_a_real_stores_first_admin_login(qtbot, till, window):
    till.ctx.settings.set(s.SYNC_ENABLED, True)
    till.ctx.settings.set(s.SYNC_BACKEND_URL, "https://api.4sell.kz")
    log_in(qtbot, window, employee(till, Role.ADMIN), ADMIN_PIN)
    # The privacy policy in force is asked first; the wizard opens once that dialog is closed
    # (never two dialogs at once).
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PolicyAcceptanceDialog))
    assert not any(
        isinstance(w, RegistrationWizard) for w in QApplication.topLevelWidgets() if w.isVisible()
    )
    QApplication.activeModalWidget().reject()  # "Later"
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RegistrationWizard))
    QApplication.activeModalWidget().reject()


def test_the_demo_store_is_not_asked_to_register(qtbot, till, window):
    log_in(qtbot, window, employee(till, Role.ADMIN), ADMIN_PIN)
    qtbot.wait(100)
    assert not any(
        isinstance(w, RegistrationWizard) for w in QApplication.topLevelWidgets() if w.isVisible()
    )


@pytest.mark.parametrize(
    ("language", "says"),
    [("ru", "пока оператор не примет регистрацию"), ("kk", "тіркеуін қабылдамайынша")],
)
def test_the_sync_screen_says_why_recordings_wait(qtbot, till, admin, languages, language, says):
    from forsell.services.sync import SyncService
    from forsell.store.outbox import enqueue
    from forsell.ui.sync_admin import SyncAdminPage

    languages.switch(language)
    till.ctx.settings.set(s.SYNC_ENABLED, True)
    till.ctx.settings.set(s.SYNC_BACKEND_URL, "https://api.4sell.kz")
    with till.ctx.db.write() as session:
        enqueue(session, "recording", "rec-1", {"id": "rec-1"}, lane="audio")
    page = SyncAdminPage(till, admin, SyncService(till, MemoryKeyring()))
    qtbot.addWidget(page)
    page.show()
    page.load_queue()
    assert says in page.counts.text()
