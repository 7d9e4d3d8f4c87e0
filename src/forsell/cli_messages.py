"""The command line's words for the core's problems (``domain.problems``), in Russian, Kazakh
and English.

The core reports a code, its parameters and the place; ``cli.py`` prints them through this
catalog in the language of the terminal (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as
gettext reads them; English for anything else). The Qt screens have their own catalog in
``ui/problems.py``; a test checks that both know every code with the same placeholders.

Standard library only: the CLI starts without Qt and without opening the till's database.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol

LANGUAGES = ("ru", "kk", "en")


class ReportedProblem(Protocol):
    """What the catalog reads of a ``domain.problems.Problem`` (the CLI imports services only)."""

    code: str
    params: Mapping[str, object]
    line: int | None
    column: str | None

    @property
    def message(self) -> str: ...

    @property
    def where(self) -> str: ...


#: code → language → sentence; ``{param}`` placeholders as in ``domain.problems.PROBLEMS``.
CATALOG: dict[str, dict[str, str]] = {
    "format.file_not_found": {
        "en": "the file is not there",
        "ru": "файл не найден",
        "kk": "файл табылмады",
    },
    "format.not_utf8": {
        "en": "the file is not UTF-8 text",
        "ru": "файл не в кодировке UTF-8",
        "kk": "файл UTF-8 мәтіні емес",
    },
    "format.not_json": {
        "en": "not valid JSON at line {line}, column {column}",
        "ru": "ошибка JSON в строке {line}, столбце {column}",
        "kk": "JSON қатесі: {line}-жол, {column}-баған",
    },
    "format.wrong_format": {
        "en": "must be “{expected}”",
        "ru": "должно быть «{expected}»",
        "kk": "«{expected}» болуы керек",
    },
    "format.version": {
        "en": "version {version} is not supported: only version 1 is",
        "ru": "версия {version} не поддерживается: поддерживается только версия 1",
        "kk": "{version} нұсқасына қолдау жоқ: тек 1-нұсқа қолдау табады",
    },
    "format.not_object": {
        "en": "must be an object",
        "ru": "должно быть объектом",
        "kk": "объект болуы керек",
    },
    "format.not_list": {
        "en": "must be a list",
        "ru": "должно быть списком",
        "kk": "тізім болуы керек",
    },
    "format.not_text": {
        "en": "must be text",
        "ru": "должно быть текстом",
        "kk": "мәтін болуы керек",
    },
    "format.empty_text": {
        "en": "must not be empty",
        "ru": "не может быть пустым",
        "kk": "бос болмауы керек",
    },
    "format.not_number": {
        "en": "must be a number",
        "ru": "должно быть числом",
        "kk": "сан болуы керек",
    },
    "format.not_whole": {
        "en": "must be a whole number",
        "ru": "должно быть целым числом",
        "kk": "бүтін сан болуы керек",
    },
    "format.below": {
        "en": "{value} is less than {low}",
        "ru": "{value} меньше {low}",
        "kk": "{value} мәні {low} мәнінен аз",
    },
    "format.above": {
        "en": "{value} is more than {high}",
        "ru": "{value} больше {high}",
        "kk": "{value} мәні {high} мәнінен көп",
    },
    "format.not_time": {
        "en": "must be a date and time, e.g. 2025-03-01T10:00:00+05:00",
        "ru": "должно быть датой и временем, например 2025-03-01T10:00:00+05:00",
        "kk": "күні мен уақыты болуы керек, мысалы 2025-03-01T10:00:00+05:00",
    },
    "format.one_of": {
        "en": "choose one of: {choices}",
        "ru": "выберите одно из: {choices}",
        "kk": "мыналардың бірін таңдаңыз: {choices}",
    },
    "format.unknown_field": {
        "en": "unknown field",
        "ru": "неизвестное поле",
        "kk": "белгісіз өріс",
    },
    "format.no_words": {
        "en": "“{phrase}” has no words to match",
        "ru": "в «{phrase}» нет слов для поиска",
        "kk": "«{phrase}» ішінде іздейтін сөз жоқ",
    },
    "format.not_a_file": {
        "en": "this is not a file (a folder?)",
        "ru": "это не файл (папка?)",
        "kk": "бұл файл емес (қалта ма?)",
    },
    "format.unreadable": {
        "en": "the file cannot be read (check its permissions)",
        "ru": "файл не читается (проверьте права доступа)",
        "kk": "файлды оқу мүмкін емес (рұқсаттарын тексеріңіз)",
    },
    "format.too_large": {
        "en": "the file is {size} bytes, more than the {limit} bytes allowed",
        "ru": "файл занимает {size} байт, больше допустимых {limit} байт",
        "kk": "файл көлемі {size} байт, рұқсат етілген {limit} байттан көп",
    },
    "format.too_deep": {
        "en": "nested deeper than {limit} levels",
        "ru": "вложенность глубже {limit} уровней",
        "kk": "кірістіру {limit} деңгейден терең",
    },
    "format.not_finite": {
        "en": "must be a finite number (not NaN, Infinity or a number this large)",
        "ru": "должно быть конечным числом (не NaN, не Infinity и не такое большое)",
        "kk": "шекті сан болуы керек (NaN, Infinity не тым үлкен сан емес)",
    },
    "format.too_many": {
        "en": "{count} entries, at most {limit} are allowed",
        "ru": "{count} записей, допускается не больше {limit}",
        "kk": "{count} жазба, ең көбі {limit} болуы мүмкін",
    },
    "format.not_csv": {
        "en": "not a valid CSV file",
        "ru": "файл не в формате CSV",
        "kk": "файл дұрыс CSV емес",
    },
    "transcript.no_utterances": {
        "en": "the transcript needs “utterances” (or a recogniser's “words” list)",
        "ru": "в расшифровке нужны «utterances» (или список «words» от распознавателя)",
        "kk": "транскрипцияда «utterances» (не танушының «words» тізімі) болуы керек",
    },
    "transcript.end_before_start": {
        "en": "ends at {end} s, before it starts at {start} s",
        "ru": "заканчивается на {end} с, раньше начала на {start} с",
        "kk": "{end} с-та аяқталады, ал {start} с-та басталады",
    },
    "transcript.audio_quality": {
        "en": "must be “ok” or “bad”",
        "ru": "должно быть «ok» или «bad»",
        "kk": "«ok» немесе «bad» болуы керек",
    },
    "transcript.too_many_words": {
        "en": "{count} words, at most {limit} are allowed",
        "ru": "{count} слов, допускается не больше {limit}",
        "kk": "{count} сөз, ең көбі {limit} болуы мүмкін",
    },
    "receipt.no_lines": {
        "en": "the receipt needs “lines”",
        "ru": "в чеке нужны «lines»",
        "kk": "чекте «lines» болуы керек",
    },
    "receipt.time_needs_start": {
        "en": "a time of day needs “recording_started_at”",
        "ru": "для времени суток нужно «recording_started_at»",
        "kk": "тәулік уақыты үшін «recording_started_at» керек",
    },
    "receipt.time_zone_mixed": {
        "en": "a time with a zone and one without cannot be compared: add a zone, e.g. +05:00",
        "ru": (
            "время с поясом нельзя сравнить со временем без пояса: добавьте пояс, например +05:00"
        ),
        "kk": (
            "белдеуі бар уақытты белдеуі жоқ уақытпен салыстыруға болмайды: "
            "белдеу қосыңыз, мысалы +05:00"
        ),
    },
    "scorecard.no_items": {
        "en": "add at least one item",
        "ru": "добавьте хотя бы один пункт",
        "kk": "кемінде бір тармақ қосыңыз",
    },
    "scorecard.id_twice": {
        "en": "“{id}” is already the ID of another item",
        "ru": "«{id}» уже ID другого пункта",
        "kk": "«{id}» басқа тармақтың ID-і",
    },
    "scorecard.phrases_needed": {
        "en": "add at least one phrase (or let the upsell detector decide)",
        "ru": "добавьте хотя бы одну фразу (или включите детектор допродаж)",
        "kk": "кемінде бір фраза қосыңыз (немесе қосымша сату детекторын қосыңыз)",
    },
    "scorecard.required_weight": {
        "en": "a required item needs more than 0 points",
        "ru": "обязательному пункту нужно больше 0 баллов",
        "kk": "міндетті тармаққа 0-ден көп ұпай керек",
    },
    "scorecard.bonus_weight": {
        "en": "a bonus item needs more than 0 points",
        "ru": "бонусному пункту нужно больше 0 баллов",
        "kk": "бонустық тармаққа 0-ден көп ұпай керек",
    },
    "scorecard.forbidden_penalty": {
        "en": "a forbidden item needs a penalty above 0",
        "ru": "запрещённому пункту нужен штраф больше 0",
        "kk": "тыйым салынған тармаққа 0-ден көп айыппұл керек",
    },
    "scorecard.forbidden_detector": {
        "en": "a forbidden item cannot use the upsell detector",
        "ru": "запрещённый пункт не может использовать детектор допродаж",
        "kk": "тыйым салынған тармақ қосымша сату детекторын пайдалана алмайды",
    },
    "scorecard.fatal_detector": {
        "en": "a fatal item cannot use the upsell detector",
        "ru": "критический пункт не может использовать детектор допродаж",
        "kk": "шешуші тармақ қосымша сату детекторын пайдалана алмайды",
    },
    "scorecard.window_from": {
        "en": "choose the start or the end",
        "ru": "выберите начало или конец",
        "kk": "басын не соңын таңдаңыз",
    },
    "scorecard.synonym_key": {
        "en": "write sku:<SKU> or category:<category name>",
        "ru": "пишите sku:<SKU> или category:<category name>",
        "kk": "sku:<SKU> немесе category:<category name> деп жазыңыз",
    },
    "scorecard.offer_cues_needed": {
        "en": "the upsell offer item needs offer cues (tab “Upsell offers”)",
        "ru": "для пункта о допродаже нужны слова предложения (вкладка «Допродажи»)",
        "kk": "қосымша сату тармағына ұсыныс сөздері керек («Қосымша сату» қойындысы)",
    },
    "scorecard.too_many_phrases": {
        "en": "{count} phrases, at most {limit} are allowed",
        "ru": "{count} фраз, допускается не больше {limit}",
        "kk": "{count} фраза, ең көбі {limit} болуы мүмкін",
    },
    "catalog.no_name": {
        "en": "a product needs at least one name",
        "ru": "у товара должно быть хотя бы одно название",
        "kk": "тауардың кемінде бір атауы болуы керек",
    },
    "catalog.columns": {
        "en": "the file needs the columns sku and name_ru",
        "ru": "в файле нужны столбцы sku и name_ru",
        "kk": "файлда sku және name_ru бағандары болуы керек",
    },
    "csv.missing_columns": {
        "en": "columns are missing: {columns}",
        "ru": "не хватает столбцов: {columns}",
        "kk": "бағандар жетіспейді: {columns}",
    },
    "csv.empty": {
        "en": "is empty: fill it in",
        "ru": "пусто: заполните",
        "kk": "бос: толтырыңыз",
    },
    "csv.barcode_digits": {
        "en": "“{barcode}” is not a barcode: digits only",
        "ru": "«{barcode}» — не штрихкод: только цифры",
        "kk": "«{barcode}» штрихкод емес: тек цифрлар болуы керек",
    },
    "csv.sku_repeats": {
        "en": "SKU {sku} is already on line {first}",
        "ru": "артикул {sku} уже есть в строке {first}",
        "kk": "{sku} артикулы {first}-жолда бар",
    },
    "csv.barcode_repeats": {
        "en": "barcode {barcode} is already on line {first}",
        "ru": "штрихкод {barcode} уже есть в строке {first}",
        "kk": "{barcode} штрихкоды {first}-жолда бар",
    },
    "csv.not_amount": {
        "en": "“{text}” is not an amount: type digits, e.g. 1250 or 1250,50",
        "ru": "«{text}» — не сумма: введите цифры, например 1250 или 1250,50",
        "kk": "«{text}» сома емес: цифрмен жазыңыз, мысалы 1250 не 1250,50",
    },
    "csv.price_not_positive": {
        "en": "the price must be more than zero",
        "ru": "цена должна быть больше нуля",
        "kk": "баға нөлден көп болуы керек",
    },
    "csv.price_too_large": {
        "en": "“{text}” is more than a till can take ({max})",
        "ru": "«{text}» — больше, чем может принять касса ({max})",
        "kk": "«{text}» касса қабылдай алатын сомадан көп ({max})",
    },
    "csv.vat": {
        "en": "“{text}” is not a VAT rate from 0 to 100 %",
        "ru": "«{text}» — не ставка НДС от 0 до 100 %",
        "kk": "«{text}» 0-ден 100 %-ға дейінгі ҚҚС мөлшерлемесі емес",
    },
    "csv.unit": {
        "en": "“{text}” is not a unit: write pcs or kg",
        "ru": "«{text}» — не единица: пишите pcs или kg",
        "kk": "«{text}» өлшем бірлігі емес: pcs не kg деп жазыңыз",
    },
    "csv.favourite": {
        "en": "“{text}” is not 1 or 0",
        "ru": "«{text}» — не 1 и не 0",
        "kk": "«{text}» 1 де, 0 де емес",
    },
    "csv.synonyms": {
        "en": "at most {count} synonyms, each up to {length} letters",
        "ru": "не больше {count} синонимов, каждый до {length} букв",
        "kk": "{count} синонимнен аспауы керек, әрқайсысы {length} әріпке дейін",
    },
    "csv.barcode_taken": {
        "en": "barcode {barcode} already belongs to {sku}",
        "ru": "штрихкод {barcode} уже принадлежит товару {sku}",
        "kk": "{barcode} штрихкоды {sku} тауарына тиесілі",
    },
    "csv.unknown_column": {
        "en": "“{name}” is not a catalog column: remove it or correct its name",
        "ru": "«{name}» — не столбец каталога: удалите его или исправьте название",
        "kk": "«{name}» каталог бағаны емес: оны өшіріңіз не атауын түзетіңіз",
    },
    "csv.column_repeats": {
        "en": "the column {name} appears twice",
        "ru": "столбец {name} встречается дважды",
        "kk": "{name} бағаны екі рет кездеседі",
    },
    "csv.extra_fields": {
        "en": "{count} fields, but the header has only {columns} columns",
        "ru": "полей: {count}, а столбцов в заголовке только {columns}",
        "kk": "өрістер саны {count}, ал тақырыпта тек {columns} баған бар",
    },
    "csv.control_char": {
        "en": "contains the control character {char}: remove it",
        "ru": "содержит управляющий символ {char}: удалите его",
        "kk": "ішінде {char} басқару таңбасы бар: оны өшіріңіз",
    },
    "csv.too_long": {
        "en": "{length} characters, at most {limit} are allowed",
        "ru": "символов: {length}, допускается не больше {limit}",
        "kk": "таңба саны {length}, ең көбі {limit} болуы мүмкін",
    },
    "csv.field_over_limit": {
        "en": "a field is longer than {limit} characters, so the row cannot be read",
        "ru": "поле длиннее {limit} символов, поэтому строку не прочитать",
        "kk": "өріс {limit} таңбадан ұзын, сондықтан жолды оқу мүмкін емес",
    },
    "csv.options_syntax": {
        "en": "“{part}” is neither a group “Name [1]: option +200, option” "
        "nor an option “name +200 #SKU”",
        "ru": "«{part}» — не группа «Название [1]: вариант +200, вариант» "
        "и не вариант «название +200 #АРТИКУЛ»",
        "kk": "«{part}» топ та емес («Атауы [1]: нұсқа +200, нұсқа»), "
        "нұсқа да емес («атауы +200 #АРТИКУЛ»)",
    },
    "csv.options_names": {
        "en": "“{part}”: names are Russian/Kazakh/English, without ; , : [ ] # *",
        "ru": "«{part}»: названия пишутся русское/казахское/английское, без ; , : [ ] # *",
        "kk": "«{part}»: атаулар орысша/қазақша/ағылшынша жазылады, ; , : [ ] # * таңбаларынсыз",
    },
    "csv.options_amount": {
        "en": "“{text}” is not a price change: write +200, -150 or +2.50",
        "ru": "«{text}» — не изменение цены: пишите +200, -150 или +2.50",
        "kk": "«{text}» баға өзгерісі емес: +200, -150 немесе +2.50 деп жазыңыз",
    },
    "csv.options_limits": {
        "en": "{group}: cannot choose from {min} to {max} of {count} options",
        "ru": "{group}: нельзя выбрать от {min} до {max} из {count} вариантов",
        "kk": "{group}: {count} нұсқаның ішінен {min}-ден {max}-ге дейін таңдау мүмкін емес",
    },
    "csv.options_too_many_groups": {
        "en": "more than {max} option groups",
        "ru": "групп вариантов больше {max}",
        "kk": "нұсқа топтары {max}-ден көп",
    },
    "secret_store.no_backend": {
        "en": (
            "no secret store was found. Run the till in a desktop session with GNOME Keyring "
            "or KWallet, or install gnome-keyring."
        ),
        "ru": (
            "хранилище секретов не найдено. Запустите кассу в сеансе рабочего стола с GNOME "
            "Keyring или KWallet либо установите gnome-keyring."
        ),
        "kk": (
            "құпия қойма табылмады. Кассаны GNOME Keyring не KWallet бар жұмыс үстелі "
            "сеансында іске қосыңыз немесе gnome-keyring орнатыңыз."
        ),
    },
    "secret_store.insecure_backend": {
        "en": (
            "the keyring keeps secrets in a plain file. Uninstall keyrings.alt and use the "
            "system secret store."
        ),
        "ru": (
            "связка ключей хранит секреты в обычном файле. Удалите keyrings.alt и используйте"
            " системное хранилище секретов."
        ),
        "kk": (
            "кілттер бауы құпияларды қарапайым файлда сақтайды. keyrings.alt бумасын жойып, "
            "жүйелік құпия қойманы пайдаланыңыз."
        ),
    },
    "secret_store.locked": {
        "en": "the secret store is locked. Log in to the desktop session to unlock it.",
        "ru": (
            "хранилище секретов заблокировано. Войдите в сеанс рабочего стола, чтобы "
            "разблокировать его."
        ),
        "kk": "құпия қойма құлыптаулы. Оны ашу үшін жұмыс үстелі сеансына кіріңіз.",
    },
    "secret_store.error": {
        "en": "the secret store failed. Run “forsell-cashier doctor” to find out why.",
        "ru": (
            "хранилище секретов дало сбой. Запустите «forsell-cashier doctor», чтобы узнать "
            "причину."
        ),
        "kk": "құпия қоймада қате болды. Себебін білу үшін «forsell-cashier doctor» іске қосыңыз.",
    },
    # the receipt printer (the sale is complete whatever the printer says)
    "printer.not_set": {
        "en": "no receipt printer is set up: give its address in Settings & staff → Printer",
        "ru": "принтер чеков не настроен: укажите его адрес в «Настройки и персонал» → «Принтер»",
        "kk": "чек принтері бапталмаған: оның мекенжайын «Баптау және қызметкер» → "
        "«Принтер» бөлімінде көрсетіңіз",
    },
    "printer.address": {
        "en": "“{text}” is not a printer address: use host:9100, usb:VID:PID, "
        "serial:DEVICE:BAUD or file:PATH",
        "ru": "«{text}» — не адрес принтера: примеры адресов — в «forsell-cashier printer test "
        "--help»",
        "kk": "«{text}» — принтер мекенжайы емес: мекенжай үлгілері «forsell-cashier printer "
        "test --help» ішінде",
    },
    "printer.offline": {
        "en": "the printer at {where} does not answer: is it switched on and connected?",
        "ru": "принтер {where} не отвечает: он включён и подключён?",
        "kk": "{where} принтері жауап бермейді: ол қосулы және жалғанған ба?",
    },
    "printer.timeout": {
        "en": "the printer at {where} stopped answering for {seconds} s",
        "ru": "принтер {where} не отвечает уже {seconds} с",
        "kk": "{where} принтері {seconds} с бойы жауап бермейді",
    },
    "printer.closed": {
        "en": "the printer at {where} dropped the connection before the receipt was complete",
        "ru": "принтер {where} оборвал связь, не допечатав чек",
        "kk": "{where} принтері чекті басып бітірмей байланысты үзді",
    },
    "printer.paper_out": {
        "en": "the printer at {where} is out of paper: load a new roll",
        "ru": "в принтере {where} закончилась бумага: вставьте новый рулон",
        "kk": "{where} принтерінде қағаз бітті: жаңа орам салыңыз",
    },
    "printer.unplugged": {
        "en": "the printer {where} cannot be opened: is it plugged in?",
        "ru": "принтер {where} не открывается: он подключён?",
        "kk": "{where} принтерін ашу мүмкін емес: ол жалғанған ба?",
    },
}

#: The command line's own sentences (not the core's problems): key → language → sentence.
#: Keys that are also a service's ``CashierError`` key word that refusal; see :func:`message`.
MESSAGES: dict[str, dict[str, str]] = {
    # ``printer test``: the test page's own lines and the command's answer
    "printer.page_title": {
        "en": "Printer test page",
        "ru": "Пробная страница принтера",
        "kk": "Принтердің сынақ беті",
    },
    "printer.page_address": {
        "en": "Printer: {address}",
        "ru": "Принтер: {address}",
        "kk": "Принтер: {address}",
    },
    "printer.page_paper": {
        "en": "Paper: {mm} mm, {chars} characters a line",
        "ru": "Бумага: {mm} мм, {chars} символов в строке",
        "kk": "Қағаз: {mm} мм, жолында {chars} таңба",
    },
    "printer.page_code_page": {
        "en": "Code page: {code_page}",
        "ru": "Кодовая страница: {code_page}",
        "kk": "Код беті: {code_page}",
    },
    "printer.printed": {
        "en": "the test page went to {address}: check the Russian and Kazakh letters, the "
        "barcode, the QR code and the cut",
        "ru": "пробная страница отправлена на {address}: проверьте русские и казахские буквы, "
        "штрихкод, QR-код и отрез",
        "kk": "сынақ беті {address} принтеріне жіберілді: орыс және қазақ әріптерін, штрихкодты, "
        "QR-кодты және кесуді тексеріңіз",
    },
    # The privacy services' refusals (the same words as the screens').
    "privacy.bad_date": {
        "en": "“{value}” is not a date.",
        "ru": "«{value}» — не дата.",
        "kk": "«{value}» — күн емес.",
    },
    "privacy.correct_employee_only": {
        "en": (
            "Only an employee's data can be corrected: receipts and recordings are "
            "records of what happened."
        ),
        "ru": "Исправить можно только данные сотрудника: чеки и записи фиксируют то, что было.",
        "kk": (
            "Тек қызметкердің деректерін түзетуге болады: чектер мен жазбалар "
            "болған жайтты тіркейді."
        ),
    },
    "privacy.employee_ambiguous": {
        "en": "{count} employees are called {name}: choose the employee from the list.",
        "ru": "Сотрудников с именем {name}: {count}. Выберите сотрудника из списка.",
        "kk": "{name} есімді қызметкерлер саны: {count}. Қызметкерді тізімнен таңдаңыз.",
    },
    "privacy.employee_unknown": {
        "en": "No employee is called {name}.",
        "ru": "Нет сотрудника по имени {name}.",
        "kk": "{name} есімді қызметкер жоқ.",
    },
    "privacy.export_exists": {
        "en": "{path} exists already: choose another folder. Nothing was written.",
        "ru": "{path} уже существует: выберите другую папку. Ничего не записано.",
        "kk": "{path} бұрыннан бар: басқа қалтаны таңдаңыз. Ештеңе жазылмады.",
    },
    "privacy.field_unknown": {
        "en": "Only these can be corrected: {fields}.",
        "ru": "Исправить можно только: {fields}.",
        "kk": "Тек мыналарды түзетуге болады: {fields}.",
    },
    "privacy.file_exists": {
        "en": "{path} exists already: choose a new file name. Nothing was written.",
        "ru": "{path} уже существует: выберите другое имя файла. Ничего не записано.",
        "kk": "{path} бұрыннан бар: файлға басқа ат беріңіз. Ештеңе жазылмады.",
    },
    "privacy.folder_missing": {
        "en": "The folder {path} does not exist. Choose another one.",
        "ru": "Папки {path} нет. Выберите другую.",
        "kk": "{path} қалтасы жоқ. Басқасын таңдаңыз.",
    },
    "privacy.not_correction": {
        "en": "This request does not ask for a correction. Register a correction request first.",
        "ru": "Этот запрос не об исправлении. Сначала зарегистрируйте запрос на исправление.",
        "kk": "Бұл сұрау түзету туралы емес. Алдымен түзетуге сұрау тіркеңіз.",
    },
    "privacy.policy_not_in_force": {
        "en": (
            "A newer version of the privacy policy ({in_force}) has arrived. Read "
            "it and accept that one."
        ),
        "ru": (
            "Пришла более новая редакция политики конфиденциальности ({in_force}). "
            "Прочитайте и примите её."
        ),
        "kk": "Құпиялылық саясатының жаңарақ редакциясы ({in_force}) келді. Соны оқып, қабылдаңыз.",
    },
    "privacy.requester_missing": {
        "en": "Say who made the request.",
        "ru": "Укажите, кто обратился с запросом.",
        "kk": "Сұраумен кім жүгінгенін көрсетіңіз.",
    },
    "privacy.subject_blocked": {
        "en": (
            "This conversation is blocked at the request of the person recorded; "
            "only an admin can play it."
        ),
        "ru": (
            "Этот разговор заблокирован по просьбе записанного человека; "
            "воспроизвести его может только администратор."
        ),
        "kk": (
            "Бұл әңгіме жазылған адамның өтініші бойынша бұғатталған; оны тек әкімші ойната алады."
        ),
    },
    "privacy.subject_unknown": {
        "en": "Say whom the request is about: an employee, a receipt, a time window or words.",
        "ru": "Укажите, о ком запрос: сотрудник, чек, промежуток времени или слова.",
        "kk": "Сұрау кім туралы екенін көрсетіңіз: қызметкер, чек, уақыт аралығы немесе сөздер.",
    },
    "privacy.value_control": {
        "en": "The corrected value holds an invisible control character: type it again.",
        "ru": "В исправленном значении есть невидимый управляющий символ: введите его заново.",
        "kk": "Түзетілген мәнде көрінбейтін басқару таңбасы бар: оны қайта енгізіңіз.",
    },
    "privacy.value_missing": {
        "en": "Type the corrected value.",
        "ru": "Введите исправленное значение.",
        "kk": "Түзетілген мәнді енгізіңіз.",
    },
    "privacy.value_too_long": {
        "en": "The corrected value is too long: at most {limit} characters.",
        "ru": "Исправленное значение слишком длинное: не больше {limit} символов.",
        "kk": "Түзетілген мән тым ұзын: {limit} таңбадан аспауы керек.",
    },
    "privacy.vault_needed": {
        "en": (
            "The recordings' keys are not available, so transcripts cannot be "
            "searched and audio cannot be exported. Check the secret store "
            "(Settings → Recording)."
        ),
        "ru": (
            "Ключи записей недоступны: искать по расшифровкам и выгружать аудио "
            "нельзя. Проверьте хранилище секретов (Настройки → Запись)."
        ),
        "kk": (
            "Жазбалардың кілттері қолжетімсіз: мәтіндерден іздеу және аудионы "
            "экспорттау мүмкін емес. Құпиялар қоймасын тексеріңіз (Баптаулар → "
            "Жазу)."
        ),
    },
    # privacy destroy / certificate (policy 6.3)
    "privacy.destroy_confirm": {
        "en": "Destroying the data of request {rid} cannot be undone. "
        "Type the request id to go on: ",
        "ru": "Уничтожение данных по запросу {rid} нельзя отменить. "
        "Введите номер запроса, чтобы продолжить: ",
        "kk": "{rid} сұрауы бойынша деректерді жоюды болдырмау мүмкін емес. "
        "Жалғастыру үшін сұрау нөмірін енгізіңіз: ",
    },
    "privacy.destroy_not_confirmed": {
        "en": "the request id was not typed: nothing was destroyed",
        "ru": "номер запроса не введён: ничего не уничтожено",
        "kk": "сұрау нөмірі енгізілмеді: ештеңе жойылған жоқ",
    },
    "privacy.destroyed": {
        "en": "request {rid}: {recordings} recording(s) shredded, {rows} row(s) deleted, "
        "{kept} row(s) kept as the law requires",
        "ru": "запрос {rid}: уничтожено записей: {recordings}, удалено строк: {rows}, "
        "сохранено по закону строк: {kept}",
        "kk": "{rid} сұрауы: жойылған жазбалар: {recordings}, өшірілген жолдар: {rows}, "
        "заң бойынша сақталған жолдар: {kept}",
    },
    "privacy.pseudonymised": {
        "en": "the employee is now called {pseudonym}; their sales, refunds and shifts stay "
        "(tax law)",
        "ru": "сотрудник теперь называется {pseudonym}; его продажи, возвраты и смены "
        "сохранены (налоговое законодательство)",
        "kk": "қызметкер енді {pseudonym} деп аталады; оның сатулары, қайтарулары мен "
        "ауысымдары сақталды (салық заңнамасы)",
    },
    "privacy.backend_pending": {
        "en": "the deletion event waits to be sent to the analytics backend; the sync retries it",
        "ru": "событие об удалении ждёт отправки на сервер аналитики; синхронизация повторит "
        "попытку",
        "kk": "жою туралы оқиға талдау серверіне жіберілуін күтуде; синхрондау қайта әрекет етеді",
    },
    "privacy.backend_sent": {
        "en": "the analytics backend has the deletion event",
        "ru": "сервер аналитики получил событие об удалении",
        "kk": "талдау сервері жою туралы оқиғаны алды",
    },
    "privacy.certificate_written": {
        "en": "certificate: {json} and {pdf}",
        "ru": "акт: {json} и {pdf}",
        "kk": "акт: {json} және {pdf}",
    },
    "privacy.certificate_no_pdf": {
        "en": "certificate: {json} (no PDF: {reason})",
        "ru": "акт: {json} (без PDF: {reason})",
        "kk": "акт: {json} (PDF жоқ: {reason})",
    },
    "privacy.already_destroyed": {
        "en": "request {rid} was already carried out on {date}: nothing more was destroyed",
        "ru": "запрос {rid} уже выполнен {date}: больше ничего не уничтожено",
        "kk": "{rid} сұрауы {date} күні орындалған: басқа ештеңе жойылған жоқ",
    },
    "privacy.not_destruction": {
        "en": "request {rid} asks for {kind}, not destruction: nothing was destroyed",
        "ru": "запрос {rid} — это «{kind}», а не уничтожение: ничего не уничтожено",
        "kk": "{rid} сұрауы — «{kind}», жою емес: ештеңе жойылған жоқ",
    },
    "privacy.destroy_last_admin": {
        "en": "the only active admin cannot be destroyed: add another admin first",
        "ru": "единственного активного администратора нельзя уничтожить: сначала добавьте "
        "другого администратора",
        "kk": "жалғыз белсенді әкімшіні жоюға болмайды: алдымен басқа әкімші қосыңыз",
    },
    "privacy.request_unknown": {
        "en": "no request {rid}",
        "ru": "запроса {rid} нет",
        "kk": "{rid} сұрауы жоқ",
    },
    "privacy.not_destroyed": {
        "en": "request {rid} has not been carried out yet",
        "ru": "запрос {rid} ещё не выполнен",
        "kk": "{rid} сұрауы әлі орындалмаған",
    },
    # Fiscal registration (the online cash register's refusals and the autonomous-work limit).
    "fiscal.order_violated": {
        "en": (
            "The cash register refused an operation dated before the previous one (the till's "
            "clock went back?). Check the clock, then retry it or set it aside."
        ),
        "ru": (
            "Касса отклонила операцию с датой раньше предыдущей (часы кассы ушли назад?). "
            "Проверьте часы, затем повторите её или отложите."
        ),
        "kk": (
            "Касса алдыңғысынан ерте күнмен жасалған операцияны қабылдамады (касса сағаты "
            "артқа кетті ме?). Сағатты тексеріп, оны қайталаңыз немесе шетке қойыңыз."
        ),
    },
    "fiscal.register_blocked": {
        "en": (
            "The cash register is blocked at the service or by the tax office. Selling goes on; "
            "receipts wait. Call Kassa24, then retry."
        ),
        "ru": (
            "Касса заблокирована сервисом или налоговой. Продажи продолжаются, чеки ждут. "
            "Позвоните в Kassa24, затем повторите."
        ),
        "kk": (
            "Касса сервисте немесе салық органында бұғатталған. Сауда жалғасады, чектер күтеді. "
            "Kassa24-ке қоңырау шалып, кейін қайталаңыз."
        ),
    },
    "fiscal.shift_over_24h": {
        "en": (
            "The cash register's shift ran over 24 hours. The till closes it (Z) and registers "
            "the receipt in a new shift; close the till's shift every day."
        ),
        "ru": (
            "Смена кассы длится больше 24 часов. Касса закрывает её (Z) и регистрирует чек "
            "в новой смене; закрывайте смену каждый день."
        ),
        "kk": (
            "Кассаның ауысымы 24 сағаттан асты. Касса оны жабады (Z) және чекті жаңа ауысымда "
            "тіркейді; ауысымды күн сайын жабыңыз."
        ),
    },
    "fiscal.invalid": {
        "en": (
            "The cash register refused the receipt's data. An admin looks at it, then retries "
            "it or sets it aside."
        ),
        "ru": (
            "Касса отклонила данные чека. Администратор проверяет его, затем повторяет "
            "или откладывает."
        ),
        "kk": (
            "Касса чек деректерін қабылдамады. Әкімші оны тексеріп, қайталайды немесе шетке қояды."
        ),
    },
    "fiscal.autonomous_limit": {
        "en": (
            "The cash register has not reached the tax office for {hours} hours: selling stops "
            "until the waiting receipts are registered. Connect the till to the internet."
        ),
        "ru": (
            "Касса не связывалась с налоговой {hours} ч: продажи остановлены, пока ждущие чеки "
            "не зарегистрированы. Подключите кассу к интернету."
        ),
        "kk": (
            "Касса салық органымен {hours} сағат байланыспады: күтіп тұрған чектер тіркелгенше "
            "сауда тоқтатылды. Кассаны интернетке қосыңыз."
        ),
    },
    "fiscal.no_token": {
        "en": "Enter the cash register service's API token first.",
        "ru": "Сначала введите API-токен сервиса онлайн-кассы.",
        "kk": "Алдымен онлайн-касса сервисінің API-токенін енгізіңіз.",
    },
    "fiscal.level.fine": {
        "en": "Autonomous work: within the limit.",
        "ru": "Автономная работа: в пределах нормы.",
        "kk": "Автономды жұмыс: шектен аспайды.",
    },
    "fiscal.level.warn": {
        "en": "Receipts have waited over 48 hours: after 72 hours selling stops.",
        "ru": "Чеки ждут больше 48 часов: через 72 часа продажи остановятся.",
        "kk": "Чектер 48 сағаттан артық күтуде: 72 сағаттан кейін сауда тоқтайды.",
    },
    "fiscal.level.soon": {
        "en": "Receipts have waited over 66 hours: selling stops at 72 hours.",
        "ru": "Чеки ждут больше 66 часов: в 72 часа продажи остановятся.",
        "kk": "Чектер 66 сағаттан артық күтуде: 72 сағатта сауда тоқтайды.",
    },
    "fiscal.level.limit": {
        "en": "The 72-hour limit is reached: selling is stopped until receipts are registered.",
        "ru": "Достигнут предел 72 часа: продажи остановлены до регистрации чеков.",
        "kk": "72 сағат шегіне жетті: чектер тіркелгенше сауда тоқтатылды.",
    },
}

_LINE = {"en": "line {line}", "ru": "строка {line}", "kk": "{line}-жол"}
_LINE_COLUMN = {
    "en": "line {line}, column {column}",
    "ru": "строка {line}, столбец {column}",
    "kk": "{line}-жол, {column} бағаны",
}


def language(environ: Mapping[str, str] | None = None) -> str:
    """``ru``, ``kk`` or ``en`` from the locale variables, in gettext's order of precedence."""
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if not value:
            continue
        first = value.split(":")[0].split("_")[0].split(".")[0].lower()
        return first if first in LANGUAGES else "en"
    return "en"


def problem_text(problem: ReportedProblem, lang: str) -> str:
    """What is wrong, in ``lang``, without the place; the English fallback for an unknown code."""
    template = CATALOG.get(problem.code, {}).get(lang)
    if template is None:
        return problem.message
    try:
        return template.format(**problem.params)
    except (KeyError, IndexError, ValueError):
        return problem.message


def describe(problem: ReportedProblem, lang: str) -> str:
    """Place and problem in one line (``строка 4, столбец price: …``)."""
    if problem.line is not None:
        table = _LINE_COLUMN if problem.column else _LINE
        where = table.get(lang, table["en"]).format(line=problem.line, column=problem.column)
    else:
        where = problem.where  # a JSON path names fields, which stay as written
    text = problem_text(problem, lang)
    return f"{where}: {text}" if where else text


def message(key: str, lang: str, **params: object) -> str | None:
    """The command line's sentence ``key`` in ``lang`` (English for a language it lacks), or
    None for a key it does not know (the caller then shows the service's English text)."""
    texts = MESSAGES.get(key)
    if texts is None:
        return None
    try:
        return texts.get(lang, texts["en"]).format(**params)
    except (KeyError, IndexError, ValueError):
        return texts["en"].format_map(_Blank(params))


class _Blank(dict[str, object]):
    """Format parameters where a missing one shows as its name: words, never a traceback."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
