"""The answer to a data-subject request as a document (policy 6.2-6.3; Law No. 94-V).

The answer says what this till holds about the person, table by table with the number of
records, what each is for, the categories and ways of processing, the legal bases, who receives
the data, how long it is kept, and who the operator is with its contacts from the policy in
force. It is HTML in the language of the admin who reads it (Russian, Kazakh or English: the
subject reads it on paper or as a PDF) and JSON (the report of ``PrivacyRequests.report``, for a
machine-readable copy).

The HTML carries counts, never values: no transcript text, no receipt lines, no other person's
name (a customer's receipt names its cashier, a cashier's receipts name customers' purchases).
The subject is named as the request named them, except words said in a conversation, which are
not repeated.

English words come from the data map, so they stay in step with it; Russian and Kazakh from the
tables below, one entry per id of the data map (a test holds them complete). An id the tables
do not know yet is shown in the data map's English rather than left out.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forsell.domain.errors import CashierError

from .data_map import DataMap
from .policy import PolicyInForce, PrivacyPolicyService

if TYPE_CHECKING:
    from ..auth import EmployeeView
    from .requests import PrivacyRequests

LANGUAGES = ("ru", "kk", "en")

#: The document's own words: key → (ru, kk, en).
WORDS: Mapping[str, tuple[str, str, str]] = {
    "title": (
        "Ответ на запрос субъекта персональных данных",
        "Дербес деректер субъектісінің сұрауына жауап",
        "Answer to a personal data request",
    ),
    "request": ("Запрос", "Сұрау", "Request"),
    "number": ("Номер", "Нөмірі", "Number"),
    "kind": ("Вид запроса", "Сұрау түрі", "Kind of request"),
    "from": ("От кого", "Кімнен", "From"),
    "about": ("О ком", "Кім туралы", "About"),
    "received": ("Получен", "Түскен күні", "Received"),
    "due": ("Срок ответа", "Жауап беру мерзімі", "Answer due"),
    "operator": ("Оператор", "Оператор", "Operator"),
    "bin": ("БИН", "БСН", "BIN"),
    "email": ("Эл. почта", "Эл. пошта", "Email"),
    "phone": ("Телефон", "Телефон", "Phone"),
    "policy": (
        "Действующая политика конфиденциальности: редакция {version} от {published}",
        "Қолданыстағы құпиялылық саясаты: {published} күнгі {version} редакциясы",
        "Privacy policy in force: version {version} of {published}",
    ),
    "held": ("Какие данные хранятся", "Қандай деректер сақталады", "What is held"),
    "nothing": (
        "На этой кассе нет персональных данных об этом лице.",
        "Бұл кассада осы адам туралы дербес деректер жоқ.",
        "No personal data about this person is held at this till.",
    ),
    "data": ("Данные", "Деректер", "Data"),
    "records": ("Записей", "Жазбалар саны", "Records"),
    "what_for": ("Для чего", "Не үшін", "What for"),
    "methods": (
        "Категории данных и способы обработки",
        "Деректер санаттары және өңдеу тәсілдері",
        "Categories of data and ways of processing",
    ),
    "methods_text": (
        "Обработка автоматизированная: сбор и запись на кассе, хранение (аудио и расшифровки — "
        "в зашифрованном виде), использование в указанных целях, передача получателям, "
        "указанным ниже, уничтожение по истечении срока хранения.",
        "Өңдеу автоматтандырылған: кассада жинау және жазу, сақтау (аудио мен мәтіндер "
        "шифрланған түрде), көрсетілген мақсаттарда пайдалану, төменде көрсетілген алушыларға "
        "беру, сақтау мерзімі біткенде жою.",
        "Processing is automated: collection and recording at the till, storage (audio and "
        "transcripts encrypted), use for the purposes above, transfer to the recipients below, "
        "destruction when the retention period ends.",
    ),
    "bases": ("Правовые основания", "Құқықтық негіздер", "Legal bases"),
    "recipients": ("Получатели", "Алушылар", "Recipients"),
    "no_recipients": (
        "Эти данные никому не передаются.",
        "Бұл деректер ешкімге берілмейді.",
        "These data are not passed to anyone.",
    ),
    "country": ("Страна", "Елі", "Country"),
    "receives": ("Что получает", "Не алады", "Receives"),
    "retention": ("Сроки хранения", "Сақтау мерзімдері", "Retention"),
    "rights": ("Ваши права", "Сіздің құқықтарыңыз", "Your rights"),
    "rights_text": (
        "Вы вправе потребовать уточнения, блокирования или уничтожения своих данных и отозвать "
        "согласие: напишите оператору на {email} или позвоните по номеру {phone}.",
        "Сіз деректеріңізді нақтылауды, бұғаттауды немесе жоюды талап етуге және келісіміңізді "
        "кері қайтарып алуға құқылысыз: операторға {email} мекенжайына жазыңыз немесе {phone} "
        "нөміріне хабарласыңыз.",
        "You may ask for clarification, blocking or destruction of your data and withdraw your "
        "consent: write to the operator at {email} or call {phone}.",
    ),
    "made": ("Составлено {when}", "Жасалған уақыты: {when}", "Prepared {when}"),
    "employee": ("Сотрудник {name}", "Қызметкер {name}", "Employee {name}"),
    "receipt": ("Покупатель, чек № {number}", "Сатып алушы, № {number} чек", "Customer, receipt No. {number}"),
    "window": (
        "Покупатель, обслуженный с {start} до {end}",
        "{start} мен {end} аралығында қызмет көрсетілген сатып алушы",
        "Customer served between {start} and {end}",
    ),
    "words": (
        "Покупатель, найденный по сказанным словам (здесь не повторяются)",
        "Айтқан сөздері бойынша табылған сатып алушы (мұнда қайталанбайды)",
        "Customer, found by the words they said (not repeated here)",
    ),
}

#: Request kinds (``requests.KINDS``) → (ru, kk, en).
KIND_WORDS: Mapping[str, tuple[str, str, str]] = {
    "information": ("сведения об обработке", "өңдеу туралы мәлімет", "information about processing"),
    "export": ("копия данных", "деректердің көшірмесі", "a copy of the data"),
    "correction": ("уточнение или исправление", "нақтылау немесе түзету", "clarification or correction"),
    "blocking": ("блокирование", "бұғаттау", "blocking"),
    "destruction": ("уничтожение", "жою", "destruction"),
}

#: Data-map subject kinds → (ru, kk); English is the map's text.
SUBJECT_WORDS: Mapping[str, tuple[str, str]] = {
    "employee": (
        "Сотрудник: его учётная запись, чеки, смены, операции с наличными и возвраты, которые "
        "он проводил, записанные разговоры и всё, что из них получено, его согласия и оценка "
        "его работы.",
        "Қызметкер: оның есептік жазбасы, ол жүргізген чектер, ауысымдар, қолма-қол ақша "
        "операциялары мен қайтарулар, жазылған әңгімелері және олардан алынған барлық деректер, "
        "оның келісімдері мен жұмысын бағалау.",
    ),
    "customer": (
        "Покупатель у кассы, известный по чеку, времени обслуживания или сказанным словам: "
        "продажа, её строки и возвраты, записанный разговор и всё, что из него получено.",
        "Чек, қызмет көрсетілген уақыт немесе айтқан сөздері бойынша белгілі сатып алушы: "
        "сату, оның жолдары мен қайтарулар, жазылған әңгіме және одан алынған барлық деректер.",
    ),
}

#: Tables that hold a data subject → (en name), (ru name, ru purpose), (kk name, kk purpose).
#: The English purpose is the data map's.
TABLE_WORDS: Mapping[str, tuple[str, tuple[str, str], tuple[str, str]]] = {
    "employees": (
        "Staff account",
        (
            "Учётная запись сотрудника",
            "Вход в кассу, роль и язык; по ней видно, чьи это продажа, смена или разговор. "
            "PIN-код хранится только в виде хэша.",
        ),
        (
            "Қызметкердің есептік жазбасы",
            "Кассаға кіру, рөлі мен тілі; сату, ауысым немесе әңгіменің кімдікі екені осы "
            "арқылы белгіленеді. PIN-код тек хэш түрінде сақталады.",
        ),
    ),
    "shifts": (
        "Cash shifts",
        ("Кассовые смены", "Открытие и закрытие смен: кто отвечал за наличные."),
        ("Кассалық ауысымдар", "Ауысымдарды ашу және жабу: қолма-қол ақшаға кім жауап берді."),
    ),
    "cash_movements": (
        "Cash in and out",
        ("Внесения и изъятия наличных", "Кто и зачем вносил деньги в кассу или изымал их."),
        (
            "Қолма-қол ақшаны енгізу және алу",
            "Кассаға ақшаны кім және не үшін салды немесе алды.",
        ),
    ),
    "sales": (
        "Receipts",
        ("Чеки", "Что продано, на какую сумму, каким кассиром, каким способом оплачено."),
        ("Чектер", "Не сатылды, қанша сомаға, қай кассир сатты, қалай төленді."),
    ),
    "sale_lines": (
        "Receipt lines",
        ("Строки чеков", "Что купил покупатель и у какого кассира."),
        ("Чек жолдары", "Сатып алушы не сатып алды және қай кассирден."),
    ),
    "refunds": (
        "Refunds",
        ("Возвраты", "Кто что вернул, кто одобрил и почему."),
        ("Қайтарулар", "Кім нені қайтарды, кім мақұлдады және неге."),
    ),
    "refund_lines": (
        "Refund lines",
        ("Строки возвратов", "Возвращённые позиции."),
        ("Қайтару жолдары", "Қайтарылған тауарлар."),
    ),
    "parked_sales": (
        "Parked sales",
        (
            "Отложенные чеки",
            "Корзина, отложенная кассиром, чтобы обслужить следующего покупателя.",
        ),
        (
            "Кейінге қалдырылған чектер",
            "Келесі сатып алушыға қызмет көрсету үшін кассир кейінге қалдырған себет.",
        ),
    ),
    "audit": (
        "Audit trail",
        (
            "Журнал действий",
            "Технические данные (п. 2.3 политики): кто и когда что делал на кассе.",
        ),
        (
            "Әрекеттер журналы",
            "Техникалық деректер (саясаттың 2.3-тармағы): кассада кім, қашан, не істеді.",
        ),
    ),
    "recordings": (
        "Recorded conversations",
        (
            "Записи разговоров",
            "Когда был разговор у кассы, к какой продаже и какому кассиру он относится.",
        ),
        (
            "Әңгіме жазбалары",
            "Кассадағы әңгіме қашан болды, қай сатуға және қай кассирге қатысты.",
        ),
    ),
    "recording_chunks": (
        "Conversation audio",
        (
            "Аудио разговоров",
            "Звук разговора, зашифрованный собственным ключом записи; передаётся только "
            "сервису распознавания речи и только в объёме, нужном для расшифровки (п. 2.4).",
        ),
        (
            "Әңгімелердің аудиосы",
            "Жазбаның жеке кілтімен шифрланған әңгіме дыбысы; тек сөйлеуді тану қызметіне және "
            "тек мәтінге айналдыруға қажетті көлемде беріледі (2.4-тармақ).",
        ),
    ),
    "recording_consents": (
        "Consents to recording",
        (
            "Согласия на запись",
            "Подтверждение согласия сотрудника на запись и на передачу аудио за рубеж: версия "
            "текста, когда и кем оформлено, отзыв согласия.",
        ),
        (
            "Жазуға келісімдер",
            "Қызметкердің жазуға және аудионы шетелге беруге келісімінің дәлелі: мәтін "
            "нұсқасы, қашан және кім ресімдеді, келісімді кері қайтарып алу.",
        ),
    ),
    "recording_pauses": (
        "Recording pauses",
        ("Паузы записи", "Старший смены приостановил запись на смену и указал причину."),
        (
            "Жазуды тоқтата тұру",
            "Ауысым аға қызметкері себебін көрсетіп, жазуды ауысымға тоқтата тұрды.",
        ),
    ),
    "transcripts": (
        "Transcripts",
        (
            "Расшифровки разговоров",
            "Текст разговора, зашифрованный ключом записи; аналитический сервер получает его "
            "без явных персональных данных.",
        ),
        (
            "Әңгімелердің мәтіндері",
            "Жазба кілтімен шифрланған әңгіме мәтіні; аналитикалық сервер оны анық дербес "
            "деректерсіз алады.",
        ),
    ),
    "provider_calls": (
        "Speech-service requests",
        (
            "Обращения к сервисам распознавания",
            "Каждый платный запрос к сервису распознавания речи — для проверки его счёта.",
        ),
        (
            "Тану қызметтеріне сұраулар",
            "Сөйлеуді тану қызметіне әрбір ақылы сұрау — оның шотын тексеру үшін.",
        ),
    ),
    "conversation_scores": (
        "Conversation scores",
        (
            "Оценки разговоров",
            "Оценка качества разговора по кассиру; распознанные слова зашифрованы ключом "
            "записи.",
        ),
        (
            "Әңгімелердің бағалары",
            "Кассир бойынша әңгіменің сапа бағасы; танылған сөздер жазба кілтімен шифрланған.",
        ),
    ),
    "conversation_item_results": (
        "Checklist items",
        ("Пункты чек-листа", "Результат каждого пункта чек-листа по разговору."),
        (
            "Тексеру парағының тармақтары",
            "Әр әңгіме бойынша тексеру парағының әр тармағының нәтижесі.",
        ),
    ),
    "conversation_marks": (
        "Conversation marks",
        ("Отметки о разговорах", "Отметки старшего смены: на разбор, просмотрено."),
        (
            "Әңгімелер туралы белгілер",
            "Ауысым аға қызметкерінің белгілері: талдауға, қаралды.",
        ),
    ),
    "review_actions": (
        "Review actions",
        ("Действия при проверке", "Изменения оценок, отметки и споры: кто и когда."),
        ("Тексеру әрекеттері", "Бағаларды өзгерту, белгілер мен даулар: кім және қашан."),
    ),
    "disputes": (
        "Disputes",
        ("Споры", "Возражение кассира по пункту чек-листа и ответ старшего смены."),
        (
            "Даулар",
            "Кассирдің тексеру парағы тармағына қарсылығы және ауысым аға қызметкерінің жауабы.",
        ),
    ),
    "privacy_policies": (
        "Privacy policy acceptance",
        (
            "Принятие политики конфиденциальности",
            "Какие редакции политики есть на кассе и какой администратор и когда принял "
            "действующую.",
        ),
        (
            "Құпиялылық саясатын қабылдау",
            "Кассада саясаттың қандай редакциялары бар және қолданыстағысын қай әкімші, қашан "
            "қабылдады.",
        ),
    ),
    "privacy_requests": (
        "Data-subject requests",
        (
            "Запросы субъектов данных",
            "Кто, о ком и о чём просил, срок и как был дан ответ (п. 6.2–6.3).",
        ),
        (
            "Деректер субъектілерінің сұраулары",
            "Кім, кім туралы және не сұрады, мерзімі және жауап қалай берілді "
            "(6.2–6.3-тармақтар).",
        ),
    ),
    "privacy_blocks": (
        "Blocks",
        (
            "Блокировки",
            "Записи и сотрудники, заблокированные по запросу: не передаются, не расшифровываются "
            "и не оцениваются.",
        ),
        (
            "Бұғаттаулар",
            "Сұрау бойынша бұғатталған жазбалар мен қызметкерлер: жіберілмейді, мәтінге "
            "айналдырылмайды және бағаланбайды.",
        ),
    ),
}

#: Data-map categories (the ways data is processed) → (ru, kk).
CATEGORY_WORDS: Mapping[str, tuple[str, str]] = {
    "employee_identity": (
        "Кто сотрудник: имя, роль, внутренний идентификатор, язык.",
        "Қызметкердің кім екені: аты-жөні, рөлі, ішкі идентификаторы, тілі.",
    ),
    "credentials": (
        "Хэши PIN-кодов, соли и счётчики блокировки входа сотрудников.",
        "Қызметкерлердің кіру PIN-кодтарының хэштері, тұздары және бұғаттау есептегіштері.",
    ),
    "contact_data": (
        "Юридические данные магазина и его контактное лицо (имя, телефон, эл. почта, БИН/ИИН).",
        "Дүкеннің заңды деректері және оның байланыс тұлғасы (аты-жөні, телефоны, эл. поштасы, "
        "БСН/ЖСН).",
    ),
    "transaction_data": (
        "Продажи, возвраты, смены и операции с наличными, привязанные к кассиру смены.",
        "Ауысымдағы кассирге байланысты сатулар, қайтарулар, ауысымдар және қолма-қол ақша "
        "операциялары.",
    ),
    "audio": (
        "Разговоры у кассы, записанные на кассе (голоса сотрудников и покупателей).",
        "Кассада жазылған әңгімелер (қызметкерлер мен сатып алушылардың дауыстары).",
    ),
    "transcript": (
        "Сказанное в разговоре в виде текста и то, что из текста следует (оценки).",
        "Әңгімеде айтылғандар мәтін түрінде және мәтіннен шығатын қорытындылар (бағалар).",
    ),
    "consent": (
        "Кто дал согласие на запись, когда, кем оформлено; отзывы согласия.",
        "Жазуға кім келісім берді, қашан, кім ресімдеді; келісімді кері қайтарып алу.",
    ),
    "review": (
        "Суждения старших смены о разговорах кассира: отметки, комментарии, споры.",
        "Ауысым аға қызметкерлерінің кассир әңгімелері туралы пікірлері: белгілер, "
        "түсініктемелер, даулар.",
    ),
    "technical": (
        "Технические данные и журнал действий (п. 2.3): время доступа, действия, служебные "
        "данные синхронизации.",
        "Техникалық деректер мен әрекеттер журналы (2.3-тармақ): кіру уақыты, әрекеттер, "
        "синхрондаудың қызметтік деректері.",
    ),
}

#: Data-map legal bases → (ru, kk).
BASIS_WORDS: Mapping[str, tuple[str, str]] = {
    "consent": (
        "Согласие субъекта данных (Закон № 94-V, ст. 7–8; п. 6.1 политики): согласие "
        "сотрудников на запись и её расшифровку; согласие контактного лица при регистрации.",
        "Деректер субъектісінің келісімі (№ 94-V Заң, 7–8-баптар; саясаттың 6.1-тармағы): "
        "қызметкерлердің жазуға және оны мәтінге айналдыруға келісімі; тіркеу кезіндегі "
        "байланыс тұлғасының келісімі.",
    ),
    "contract": (
        "Необходимо для исполнения договора об обслуживании магазина и трудовых отношений с "
        "его сотрудниками (Закон № 94-V, ст. 9).",
        "Дүкенге қызмет көрсету шартын және оның қызметкерлерімен еңбек қатынастарын орындау "
        "үшін қажет (№ 94-V Заң, 9-бап).",
    ),
    "legal_obligation": (
        "Требуется законодательством Казахстана о бухгалтерском учёте, налогах и "
        "контрольно-кассовых машинах (Закон № 94-V, ст. 9; Закон о бухгалтерском учёте и "
        "финансовой отчётности; Налоговый кодекс).",
        "Қазақстанның бухгалтерлік есеп, салық және бақылау-касса машиналары туралы заңнамасы "
        "талап етеді (№ 94-V Заң, 9-бап; Бухгалтерлік есеп пен қаржылық есептілік туралы "
        "заң; Салық кодексі).",
    ),
    "security": (
        "Защита кассы, её записей и входа сотрудников (Закон № 94-V, ст. 22; технические "
        "данные, п. 2.3 политики).",
        "Кассаны, оның жазбаларын және қызметкерлердің кіруін қорғау (№ 94-V Заң, 22-бап; "
        "техникалық деректер, саясаттың 2.3-тармағы).",
    ),
}

#: Data-map retention rules → (ru, kk).
RETENTION_WORDS: Mapping[str, tuple[str, str]] = {
    "accounting_period": (
        "Законный срок хранения бухгалтерских документов: 5 лет после года операции (Закон о "
        "бухгалтерском учёте и финансовой отчётности; срок исковой давности по Налоговому "
        "кодексу).",
        "Бухгалтерлік құжаттарды сақтаудың заңды мерзімі: операция жасалған жылдан кейін 5 жыл "
        "(Бухгалтерлік есеп пен қаржылық есептілік туралы заң; Салық кодексі бойынша талап қою "
        "мерзімі).",
    ),
    "employment": (
        "Пока человек работает в магазине; затем законный срок хранения бухгалтерских "
        "документов, так как на него ссылаются чеки и смены.",
        "Адам дүкенде жұмыс істеген кезде; одан кейін бухгалтерлік құжаттарды сақтаудың заңды "
        "мерзімі, өйткені чектер мен ауысымдар оған сілтеме жасайды.",
    ),
    "recording": (
        "Пока запись не уничтожена по сроку хранения магазина или по запросу об удалении (её "
        "ключ уничтожается, и все копии становятся нечитаемыми); отзыв согласия прекращает "
        "дальнейшую запись (п. 6.3). Фиксированного числа дней в этой версии нет.",
        "Жазба дүкеннің сақтау мерзімі бойынша немесе жою туралы сұрау бойынша жойылғанға "
        "дейін (оның кілті жойылады, барлық көшірмелері оқылмайтын болады); келісімді кері "
        "қайтарып алу одан әрі жазуды тоқтатады (6.3-тармақ). Бұл нұсқада күндердің тұрақты "
        "саны жоқ.",
    ),
    "consent_proof": (
        "На время использования, а после отзыва — законный срок хранения бухгалтерских "
        "документов как подтверждение того, на что было дано согласие (п. 6.1).",
        "Пайдалану кезеңінде, ал кері қайтарып алғаннан кейін — не нәрсеге келісім берілгенінің "
        "дәлелі ретінде бухгалтерлік құжаттарды сақтаудың заңды мерзімі (6.1-тармақ).",
    ),
    "audit_period": (
        "Законный срок хранения бухгалтерских документов: журнал подтверждает, кто что сделал.",
        "Бухгалтерлік құжаттарды сақтаудың заңды мерзімі: журнал кім не істегенін дәлелдейді.",
    ),
    "until_sent": (
        "Пока аналитический сервер не подтвердит получение; затем запись остаётся "
        "подтверждением доставки изменения на срок хранения этого изменения.",
        "Аналитикалық сервер алғанын растағанға дейін; содан кейін жазба өзгерістің "
        "жеткізілгенінің дәлелі ретінде сол өзгеріс сақталатын мерзімге қалады.",
    ),
    "until_paid": (
        "Пока отложенный чек не оплачен или не отменён (затем запись удаляется).",
        "Кейінге қалдырылған чек төленгенге немесе болдырылмағанға дейін (содан кейін жазба "
        "жойылады).",
    ),
    "login_protection": (
        "До следующего успешного входа или до конца блокировки.",
        "Келесі сәтті кіруге немесе бұғаттау аяқталғанға дейін.",
    ),
    "while_in_use": (
        "Пока касса используется этим магазином; удаляется вместе с данными кассы.",
        "Касса осы дүкенде пайдаланылып жатқанда; касса деректерімен бірге жойылады.",
    ),
}

#: Data-map recipients → ru (name, country, receives), kk (name, country, receives).
RECIPIENT_WORDS: Mapping[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "backend": (
        (
            "Аналитический сервер 4Sell",
            "Казахстан",
            "Продажи, возвраты, смены, операции с наличными, записи журнала, оценки разговоров "
            "и действия при проверке, расшифровки без явных персональных данных; "
            "идентификаторы сотрудников (список сотрудников приходит от него). Аудио — никогда.",
        ),
        (
            "4Sell аналитикалық сервері",
            "Қазақстан",
            "Сатулар, қайтарулар, ауысымдар, қолма-қол ақша операциялары, журнал жазбалары, "
            "әңгіме бағалары мен тексеру әрекеттері, анық дербес деректері алынып тасталған "
            "мәтіндер; қызметкерлердің идентификаторлары (қызметкерлер тізімін сол береді). "
            "Аудио ешқашан берілмейді.",
        ),
    ),
    "elevenlabs": (
        (
            "ElevenLabs (Eleven Labs Inc.), распознавание речи Scribe",
            "США (обработка за пределами Казахстана: трансграничная передача, Закон № 94-V, "
            "ст. 16)",
            "Аудио разговора (Ogg/Opus), подсказку языка и названия товаров как ключевые слова; "
            "только когда в магазине включена передача аудио за рубеж.",
        ),
        (
            "ElevenLabs (Eleven Labs Inc.), Scribe сөйлеуді тану қызметі",
            "АҚШ (Қазақстаннан тыс өңдеу: трансшекаралық беру, № 94-V Заң, 16-бап)",
            "Әңгіменің аудиосы (Ogg/Opus), тіл туралы нұсқау және тауар атаулары кілт сөздер "
            "ретінде; дүкенде аудионы шетелге жіберу қосулы болғанда ғана.",
        ),
    ),
    "kazdream": (
        (
            "Kazdream Technologies",
            "Казахстан",
            "Пока ничего: у Kazdream нет открытого API, и касса не отправляет ему аудио.",
        ),
        (
            "Kazdream Technologies",
            "Қазақстан",
            "Әзірге ештеңе: Kazdream-нің ашық API-і жоқ, сондықтан касса оған аудио жібермейді.",
        ),
    ),
    "yandex": (
        (
            "Yandex SpeechKit (Yandex Cloud)",
            "Казахстан (его казахстанский регион), иначе Россия",
            "Аудио разговора (Ogg/Opus) и подсказку языка; только после того, как администратор "
            "магазина подтвердил, что действующая политика его не называет.",
        ),
        (
            "Yandex SpeechKit (Yandex Cloud)",
            "Қазақстан (оның қазақстандық өңірі), әйтпесе Ресей",
            "Әңгіменің аудиосы (Ogg/Opus) және тіл туралы нұсқау; дүкен әкімшісі қолданыстағы "
            "саясатта оның аталмағанын растағаннан кейін ғана.",
        ),
    ),
}

_STYLE = (
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }"
    "h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 14px; }"
    "table { border-collapse: collapse; } td, th { padding: 3px 6px; vertical-align: top; }"
    "th { background: #eef1f5; text-align: left; } .muted { color: #5f6670; }"
)


@dataclass(frozen=True)
class AnswerDocument:
    """The answer to one request, ready to show, print or save."""

    request_id: str
    language: str
    html: str
    #: The report of ``PrivacyRequests.report`` (what the JSON copy holds).
    report: Mapping[str, Any]

    def json_bytes(self) -> bytes:
        """The report as UTF-8 JSON, as ``privacy report`` prints it."""
        return json.dumps(self.report, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def language_of(language: str) -> str:
    """One of ``LANGUAGES``: Russian for anything else (the policy's own fallback)."""
    return language if language in LANGUAGES else "ru"


def _word(key: str, language: str) -> str:
    return WORDS[key][LANGUAGES.index(language)]


def _pick(table: Mapping[str, tuple[str, str]], key: str, language: str, english: str) -> str:
    """``english`` in English, else the table's translation (English when it has none)."""
    if language == "en" or key not in table:
        return english
    return table[key][0 if language == "ru" else 1]


def _day(value: date | str) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return day.strftime("%d.%m.%Y")


def _moment(value: str) -> str:
    try:
        return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return value


def _subject(subject: Mapping[str, Any], subject_name: str, language: str) -> str:
    if "employee" in subject:
        return _word("employee", language).format(name=subject_name or subject["employee"])
    if "receipt" in subject:
        return _word("receipt", language).format(number=subject["receipt"])
    if "window" in subject:
        start, end = (_moment(str(v)) for v in subject["window"])
        return _word("window", language).format(start=start, end=end)
    return _word("words", language)


def _table_words(data_map: DataMap, name: str, language: str) -> tuple[str, str]:
    """(name, what for) of a table in ``language``."""
    purposes = Counter(
        c.purpose for c in data_map.tables[name].columns.values() if c.personal and c.purpose
    )
    english = (name, purposes.most_common(1)[0][0] if purposes else "")
    words = TABLE_WORDS.get(name)
    if words is None:
        return english
    if language == "en":
        return words[0], english[1]
    return words[1] if language == "ru" else words[2]


def _rows(cells: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in cells
    )
    return f'<table border="1" cellspacing="0" width="100%"><tr>{head}</tr>{body}</table>'


def _defined(items: list[tuple[str, str]]) -> str:
    return "".join(f"<p><b>{escape(t)}</b><br/>{escape(d)}</p>" for t, d in items)


def answer_html(
    report: Mapping[str, Any],
    data_map: DataMap,
    policy: PolicyInForce,
    language: str,
    made_at: datetime,
    subject_name: str = "",
) -> str:
    """The answer to a request as an HTML page in ``language`` (ru, kk, en).

    ``report`` is ``PrivacyRequests.report``'s; ``made_at`` is shown as is (the store's time);
    ``subject_name`` names an employee subject (their id otherwise). Only counts of records are
    shown, never their values."""
    lang = language_of(language)
    w = lambda key: _word(key, lang)  # noqa: E731 - a short alias keeps the page readable
    request = report["request"]
    operator = policy.operator
    kind = KIND_WORDS.get(request["kind"], (request["kind"],) * 3)[LANGUAGES.index(lang)]
    parts = [
        f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(w('title'))}</h1>",
        _rows(
            [
                (w("number"), request["id"]),
                (w("kind"), kind),
                (w("from"), request["requester"]),
                (w("about"), _subject(request["subject"], subject_name, lang)),
                (w("received"), _day(request["received_on"])),
                (w("due"), _day(request["due_on"])),
            ],
            (w("request"), ""),
        ),
        f"<h2>{escape(w('operator'))}</h2>",
        f"<p>{escape(operator.name)}<br/>{escape(w('bin'))}: {escape(operator.bin)}<br/>"
        f"{escape(w('email'))}: {escape(operator.email)}<br/>"
        f"{escape(w('phone'))}: {escape(operator.phone)}<br/>"
        + escape(
            w("policy").format(version=policy.version, published=_day(policy.published))
        )
        + "</p>",
        f"<h2>{escape(w('held'))}</h2>",
    ]
    kind_text = _pick(
        SUBJECT_WORDS,
        report["subject_kind"],
        lang,
        data_map.subjects[report["subject_kind"]].text,
    )
    parts.append(f"<p class='muted'>{escape(kind_text)}</p>")
    held = [t for t in report["tables"] if t["rows"]]
    if not held:
        parts.append(f"<p><b>{escape(w('nothing'))}</b></p>")
    else:
        cells = []
        for table in held:
            name, purpose = _table_words(data_map, table["table"], lang)
            cells.append((name, str(table["rows"]), purpose))
        parts.append(_rows(cells, (w("data"), w("records"), w("what_for"))))
        parts.append(f"<h2>{escape(w('methods'))}</h2>")
        parts.append(f"<p>{escape(w('methods_text'))}</p>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(_pick(CATEGORY_WORDS, c, lang, text))}</li>"
                for c, text in report["methods"].items()
            )
            + "</ul>"
        )
        parts.append(f"<h2>{escape(w('bases'))}</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(_pick(BASIS_WORDS, b, lang, text))}</li>"
                for b, text in report["legal_bases"].items()
            )
            + "</ul>"
        )
        parts.append(f"<h2>{escape(w('recipients'))}</h2>")
        parts.append(_recipients(report["recipients"], lang))
        parts.append(f"<h2>{escape(w('retention'))}</h2>")
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{escape(_pick(RETENTION_WORDS, r, lang, text))}</li>"
                for r, text in report["retention"].items()
            )
            + "</ul>"
        )
    parts.append(f"<h2>{escape(w('rights'))}</h2>")
    parts.append(
        "<p>"
        + escape(w("rights_text").format(email=operator.email, phone=operator.phone))
        + "</p>"
    )
    when = made_at.strftime("%d.%m.%Y %H:%M")
    parts.append(f"<p class='muted'>{escape(w('made').format(when=when))}</p></body></html>")
    return "".join(parts)


def _recipients(recipients: Mapping[str, Mapping[str, str]], language: str) -> str:
    if not recipients:
        return f"<p>{escape(_word('no_recipients', language))}</p>"
    cells = []
    for rid, about in recipients.items():
        english = (about["name"], about["country"], about["receives"])
        words = RECIPIENT_WORDS.get(rid)
        if language == "en" or words is None:
            cells.append(english)
        else:
            cells.append(words[0] if language == "ru" else words[1])
    return _rows(
        cells,
        (_word("recipients", language), _word("country", language), _word("receives", language)),
    )


def subject_name(report: Mapping[str, Any]) -> str:
    """An employee subject's name as the report holds it ("" for a customer)."""
    if report.get("subject_kind") != "employee":
        return ""
    for table in report.get("tables", ()):
        if table["table"] == "employees" and table["values"]:
            return str(table["values"][0].get("name") or "")
    return ""


def make_answer(
    requests: PrivacyRequests, admin: EmployeeView, request_id: str, language: str
) -> AnswerDocument:
    """The answer to ``request_id`` in ``language``: the report (admin only, audited, the
    request becomes "answered") as HTML with the operator of the policy in force.

    Raises ``CashierError`` as ``PrivacyRequests.report`` does."""
    report = requests.report(admin, request_id)
    ctx = requests.ctx
    policy = PrivacyPolicyService(ctx).in_force()
    lang = language_of(language)
    html = answer_html(
        report,
        requests.data_map,
        policy,
        lang,
        ctx.local(ctx.clock()),
        subject_name(report),
    )
    return AnswerDocument(request_id, lang, html, report)


def write_private(path: Path, data: bytes, *, replace: bool = False) -> Path:
    """Writes ``data`` to ``path`` readable by this user only (0600 on POSIX): into a new file
    beside it, then renamed over ``path``, so a reader never sees half a document. Without
    ``replace`` an existing file is refused (``privacy.file_exists``), nothing written."""
    if path.exists() and not replace:
        raise CashierError(
            "privacy.file_exists", "{path} exists already: choose a new file name", path=path
        )
    if not path.parent.is_dir():
        raise CashierError(
            "privacy.folder_missing", "The folder {path} does not exist", path=path.parent
        )
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        partial.chmod(0o600)  # the umask may have taken bits away; never added any
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
