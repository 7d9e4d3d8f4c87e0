<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AdminDialog</name>
    <message>
        <source>Settings &amp; staff</source>
        <translation>Настройки и персонал</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>Настройки магазина</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Персонал</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Сроки хранения</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation>Онлайн-касса</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer to the request</source>
        <translation>Ответ на запрос</translation>
    </message>
    <message>
        <source>Language of the answer</source>
        <translation>Язык ответа</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>Сохранить JSON…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Save the answer as PDF</source>
        <translation>Сохранить ответ в PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the answer as JSON</source>
        <translation>Сохранить ответ в JSON</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Проверка журнала аудита…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все сотрудники</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Все действия</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Новее</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Старше</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Экспорт в PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The audit trail cannot be read now. Try again.</source>
        <translation>Журнал аудита сейчас не читается. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Chain intact: entries checked with the audit key: {count}.</source>
        <translation>Цепочка цела: записей проверено ключом аудита — {count}.</translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq} ({when}): the database was changed outside the till. Keep a copy of it and tell the store owner.</source>
        <translation>Цепочка нарушена на записи {seq} ({when}): базу данных изменили в обход кассы. Сохраните её копию и сообщите владельцу магазина.</translation>
    </message>
    <message>
        <source>The chain cannot be checked: the secret store has no audit key for this till. Restore its entry from the backup of the secret store.</source>
        <translation>Цепочку нельзя проверить: в хранилище секретов нет ключа аудита этой кассы. Восстановите его запись из резервной копии хранилища секретов.</translation>
    </message>
    <message>
        <source>The chain cannot be checked now (secret store).</source>
        <translation>Цепочку сейчас нельзя проверить (хранилище секретов).</translation>
    </message>
    <message>
        <source>Page {page}, newest first; entries on it: {count}</source>
        <translation>Страница {page}, сначала новые; записей на ней: {count}</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Подходящих записей нет.</translation>
    </message>
    <message>
        <source>Export the audit trail as CSV</source>
        <translation>Экспорт журнала аудита в CSV</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Entries exported: {count}, to {path}.</source>
        <translation>Записей выгружено: {count}, в файл {path}.</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>Файл не записать: {reason}</translation>
    </message>
    <message>
        <source>Export the audit trail as PDF</source>
        <translation>Экспорт журнала аудита в PDF</translation>
    </message>
</context>
<context>
    <name>AuditDocument</name>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Время (UTC)</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>ID сотрудника</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>The chain could not be checked: the secret store has no audit key for this till.</source>
        <translation>Цепочку не удалось проверить: в хранилище секретов нет ключа аудита этой кассы.</translation>
    </message>
    <message>
        <source>The chain could not be checked: the secret store did not answer.</source>
        <translation>Цепочку не удалось проверить: хранилище секретов не ответило.</translation>
    </message>
    <message>
        <source>Chain intact: entries checked with the audit key: {count}.</source>
        <translation>Цепочка цела: записей проверено ключом аудита — {count}.</translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq} ({when}): the database was changed outside the till.</source>
        <translation>Цепочка нарушена на записи {seq} ({when}): базу данных изменили вне кассы.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>все</translation>
    </message>
    <message>
        <source>all actions</source>
        <translation>все действия</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>все даты</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>Экспортировал(а)</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Entries: {count}.</source>
        <translation>Записей: {count}.</translation>
    </message>
    <message>
        <source>The first {shown} are shown; export CSV for all of them.</source>
        <translation>Показаны первые {shown}; все записи — в экспорте CSV.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Подходящих записей нет.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Журнал аудита</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Signed in</source>
        <translation>Вход в систему</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Неверный PIN</translation>
    </message>
    <message>
        <source>Locked after wrong PINs</source>
        <translation>Блокировка после неверных PIN</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Подтверждение старшего</translation>
    </message>
    <message>
        <source>Approval refused (wrong PIN)</source>
        <translation>Подтверждение отклонено (неверный PIN)</translation>
    </message>
    <message>
        <source>Price changed in a sale</source>
        <translation>Цена изменена в чеке</translation>
    </message>
    <message>
        <source>Line removed</source>
        <translation>Позиция удалена</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Продажа отменена</translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation>Чек аннулирован</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Receipt copy printed</source>
        <translation>Напечатана копия чека</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Смена открыта</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Смена закрыта</translation>
    </message>
    <message>
        <source>Parked sales voided</source>
        <translation>Отложенные чеки аннулированы</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>Внесение / изъятие</translation>
    </message>
    <message>
        <source>Product added</source>
        <translation>Товар добавлен</translation>
    </message>
    <message>
        <source>Product or price changed</source>
        <translation>Товар или цена изменены</translation>
    </message>
    <message>
        <source>Catalog imported</source>
        <translation>Каталог импортирован</translation>
    </message>
    <message>
        <source>Recording played</source>
        <translation>Запись прослушана</translation>
    </message>
    <message>
        <source>Transcript viewed</source>
        <translation>Расшифровка просмотрена</translation>
    </message>
    <message>
        <source>Recording exported</source>
        <translation>Запись выгружена</translation>
    </message>
    <message>
        <source>Recordings destroyed</source>
        <translation>Записи уничтожены</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Настройки изменены</translation>
    </message>
    <message>
        <source>Sync settings changed</source>
        <translation>Настройки синхронизации изменены</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN изменён</translation>
    </message>
    <message>
        <source>PINs reset</source>
        <translation>PIN-коды сброшены</translation>
    </message>
    <message>
        <source>Employee added</source>
        <translation>Сотрудник добавлен</translation>
    </message>
    <message>
        <source>Dashboard exported</source>
        <translation>Сводка выгружена</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Журнал аудита выгружен</translation>
    </message>
    <message>
        <source>Audit trail exported as PDF</source>
        <translation>Журнал аудита выгружен в PDF</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>Восстановлено из резервной копии</translation>
    </message>
    <message>
        <source>Audit trail checkpoint</source>
        <translation>Контрольная точка журнала аудита</translation>
    </message>
    <message>
        <source>Old data removed (retention)</source>
        <translation>Старые данные удалены (сроки хранения)</translation>
    </message>
    <message>
        <source>Retention periods changed</source>
        <translation>Сроки хранения изменены</translation>
    </message>
    <message>
        <source>Data-subject request registered</source>
        <translation>Зарегистрирован запрос субъекта данных</translation>
    </message>
    <message>
        <source>Data-subject data exported</source>
        <translation>Данные субъекта выгружены</translation>
    </message>
    <message>
        <source>Data subject blocked</source>
        <translation>Данные субъекта заблокированы</translation>
    </message>
    <message>
        <source>Cash drawer opened without a sale</source>
        <translation>Денежный ящик открыт без продажи</translation>
    </message>
    <message>
        <source>Receipt printer settings changed</source>
        <translation>Изменены настройки принтера чеков</translation>
    </message>
</context>
<context>
    <name>BackupAdminPage</name>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>Фраза восстановления</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Задать фразу</translation>
    </message>
    <message>
        <source>Create backup now</source>
        <translation>Создать копию сейчас</translation>
    </message>
    <message>
        <source>Verify a backup…</source>
        <translation>Проверить копию…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Восстановить из копии…</translation>
    </message>
    <message>
        <source>Restoring replaces the till&apos;s data with the backup&apos;s: the till closes and finishes it at its next start. The recovery passphrase is never stored: write it down and keep it away from the till; a new computer opens the backups with it.</source>
        <translation>Восстановление заменяет данные кассы данными копии: касса закроется и завершит его при следующем запуске. Фраза восстановления нигде не хранится: запишите её и держите отдельно от кассы; по ней новый компьютер откроет копии.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Копий пока нет.</translation>
    </message>
    <message>
        <source>Newest backup: {name} ({when})</source>
        <translation>Последняя копия: {name} ({when})</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка для копий</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <source>Recovery passphrase set.</source>
        <translation>Фраза восстановления задана.</translation>
    </message>
    <message>
        <source>Creating the backup…</source>
        <translation>Создаём копию…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Копия записана: {path}</translation>
    </message>
    <message>
        <source>Verify a backup</source>
        <translation>Проверка копии</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Проверяем копию…</translation>
    </message>
    <message>
        <source>The backup {name} is good.</source>
        <translation>Копия {name} в порядке.</translation>
    </message>
    <message>
        <source>This backup was made on another computer: its passphrase opens it.</source>
        <translation>Эта копия сделана на другом компьютере: её открывает фраза восстановления.</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Итого {amount}</translation>
    </message>
    <message>
        <source>Subtotal {sub} · discount {off}</source>
        <translation>Подытог {sub} · скидка {off}</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan an item to start a sale</source>
        <translation>Отсканируйте товар, чтобы начать продажу</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Cash in / cash out</source>
        <translation>Внесение / изъятие</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Изъятие</translation>
    </message>
    <message>
        <source>e.g. change from the bank, cash to the safe</source>
        <translation>напр. размен из банка, сдача денег в сейф</translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation>Сумма, ₸</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Record (Enter)</source>
        <translation>Записать (Enter)</translation>
    </message>
    <message>
        <source>The drawer should hold {amount} now.</source>
        <translation>Сейчас в кассе должно быть {amount}.</translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Name (ru)</source>
        <translation>Название (ru)</translation>
    </message>
    <message>
        <source>Name (kk)</source>
        <translation>Название (kk)</translation>
    </message>
    <message>
        <source>Name (en)</source>
        <translation>Название (en)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Ед.</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Search by name, SKU or barcode</source>
        <translation>Поиск по названию, артикулу или штрихкоду</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>Добавить товар</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Изменить товар</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Импорт CSV…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>шт</translation>
    </message>
    <message>
        <source>Choose a product in the list first.</source>
        <translation>Сначала выберите товар в списке.</translation>
    </message>
    <message>
        <source>Saved {sku}.</source>
        <translation>Сохранено: {sku}.</translation>
    </message>
    <message>
        <source>Import the catalog</source>
        <translation>Импорт каталога</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the catalog</source>
        <translation>Экспорт каталога</translation>
    </message>
    <message>
        <source>Importing the catalog…</source>
        <translation>Импорт каталога…</translation>
    </message>
    <message>
        <source>Exporting the catalog…</source>
        <translation>Экспорт каталога…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена операции…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Импорт отменён: ничего не изменено.</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Экспорт отменён: файл не записан.</translation>
    </message>
    <message>
        <source>Imported: {added} new, {updated} updated.</source>
        <translation>Импортировано: новых {added}, обновлено {updated}.</translation>
    </message>
    <message>
        <source>Exported {count} products to {path}.</source>
        <translation>Выгружено товаров: {count}, файл {path}.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <source>Close shift: count the drawer</source>
        <translation>Закрытие смены: пересчёт кассы</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer. Tab moves on.</source>
        <translation>Введите, сколько в кассе купюр и монет каждого номинала. Tab — к следующему.</translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation>Закрыть смену (Enter)</translation>
    </message>
    <message>
        <source>Void parked sales</source>
        <translation>Аннулировать отложенные чеки</translation>
    </message>
    <message>
        <source>Parked sales waiting: {count}. They are unpaid and not in this shift&apos;s report. Recall them on the till (Esc, then F4) to finish them, void them here, or leave them for the next shift.</source>
        <translation>Отложенных чеков: {count}. Они не оплачены и не входят в отчёт этой смены. Верните их на кассе (Esc, затем F4), чтобы завершить, аннулируйте здесь или оставьте следующей смене.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Пересчитано</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидается</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Расхождение</translation>
    </message>
    <message>
        <source>after the count is confirmed</source>
        <translation>после подтверждения пересчёта</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>Недостача {amount}</translation>
    </message>
    <message>
        <source>{amount} over</source>
        <translation>Излишек {amount}</translation>
    </message>
    <message>
        <source>{amount} — exact</source>
        <translation>{amount} — без расхождений</translation>
    </message>
    <message>
        <source>Closing the shift…</source>
        <translation>Закрываем смену…</translation>
    </message>
    <message>
        <source>The shift is still open: a supervisor did not approve the difference. Count again or ask a supervisor.</source>
        <translation>Смена не закрыта: старший кассир не подтвердил расхождение. Пересчитайте кассу или позовите старшего кассира.</translation>
    </message>
</context>
<context>
    <name>ConsentTexts</name>
    <message>
        <source>Sending the audio to a speech service abroad (ElevenLabs, USA)</source>
        <translation>Передача аудио в сервис распознавания речи за рубежом (ElevenLabs, США)</translation>
    </message>
    <message>
        <source>Recording of conversations at the counter</source>
        <translation>Запись разговоров у кассы</translation>
    </message>
    <message>
        <source>No consent on file.</source>
        <translation>Согласия нет.</translation>
    </message>
    <message>
        <source>Given on {when} (consent text version {version}), recorded by {admin}.</source>
        <translation>Дано {when} (версия текста согласия {version}), записал(а) {admin}.</translation>
    </message>
    <message>
        <source>Withdrawn by you on {when}.</source>
        <translation>Отозвано вами {when}.</translation>
    </message>
    <message>
        <source>Withdrawn on {when} by {admin} on your behalf: {reason}</source>
        <translation>Отозвано {when} администратором {admin} от вашего имени: {reason}</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Not scored: no speech was heard.</source>
        <translation>Без оценки: речь не слышна.</translation>
    </message>
    <message>
        <source>Not scored: the audio is too poor to judge.</source>
        <translation>Без оценки: звук слишком плохой для оценки.</translation>
    </message>
    <message>
        <source>Not scored: the customer is not heard, so nobody is judged on it.</source>
        <translation>Без оценки: покупателя не слышно, поэтому разговор никому не засчитывается.</translation>
    </message>
    <message>
        <source>Speakers uncertain — listen and confirm or swap</source>
        <translation>Роли говорящих не ясны — прослушайте и подтвердите или поменяйте</translation>
    </message>
    <message>
        <source>Not scored yet: the transcript is not here yet.</source>
        <translation>Ещё не оценено: расшифровки пока нет.</translation>
    </message>
    <message>
        <source>← List (Esc)</source>
        <translation>← Список (Esc)</translation>
    </message>
    <message>
        <source>Previous conversation (Page Up)</source>
        <translation>Предыдущий разговор (Page Up)</translation>
    </message>
    <message>
        <source>Next conversation (Page Down)</source>
        <translation>Следующий разговор (Page Down)</translation>
    </message>
    <message>
        <source>Flip speakers</source>
        <translation>Поменять говорящих</translation>
    </message>
    <message>
        <source>Roles are right</source>
        <translation>Роли верны</translation>
    </message>
    <message>
        <source>You listened: the cashier and the customer are right as shown. Scores again.</source>
        <translation>Вы прослушали: кассир и покупатель указаны верно. Разговор будет оценён заново.</translation>
    </message>
    <message>
        <source>Flag for coaching</source>
        <translation>Отметить для разбора</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Ctrl+Enter: mark reviewed and open the next one</source>
        <translation>Ctrl+Enter: отметить проверенным и открыть следующий</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открываем…</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Загружаем запись…</translation>
    </message>
    <message>
        <source>receipt {number}</source>
        <translation>чек {number}</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>оценка {score}</translation>
    </message>
    <message>
        <source>upsell +{money}</source>
        <translation>допродажа +{money}</translation>
    </message>
    <message>
        <source>A forbidden phrase was heard from the voice most like the cashier&apos;s, at {time}: «{text}»</source>
        <translation>Запрещённая фраза прозвучала голосом, больше всего похожим на кассира, в {time}: «{text}»</translation>
    </message>
    <message>
        <source>No transcript yet: it comes after the next sync.</source>
        <translation>Расшифровки пока нет: она появится после следующей синхронизации.</translation>
    </message>
    <message>
        <source>From the audio alone: talk {talk} s of {total} s, silence {silence}.</source>
        <translation>Только по звуку: речь {talk} с из {total} с, тишина {silence}.</translation>
    </message>
    <message>
        <source>Loudness {db} dBFS.</source>
        <translation>Громкость {db} dBFS.</translation>
    </message>
    <message>
        <source>The recording cannot be played.</source>
        <translation>Запись невозможно воспроизвести.</translation>
    </message>
    <message>
        <source>This conversation cannot be opened.</source>
        <translation>Этот разговор невозможно открыть.</translation>
    </message>
    <message>
        <source>Scoring again failed; the details are in the log.</source>
        <translation>Повторная оценка не удалась; подробности — в журнале.</translation>
    </message>
    <message>
        <source>Marked reviewed.</source>
        <translation>Отмечено как просмотренное.</translation>
    </message>
    <message>
        <source>Marked as not reviewed yet.</source>
        <translation>Отметка снята: ещё не просмотрено.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By cashier</source>
        <translation>По кассирам</translation>
    </message>
    <message>
        <source>By shift</source>
        <translation>По сменам</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>По дням</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Отчёт PDF…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Период</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Считаем…</translation>
    </message>
    <message>
        <source>The dashboard cannot be computed. Try again.</source>
        <translation>Не удалось рассчитать показатели. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Разговоры</translation>
    </message>
    <message>
        <source>Sales recorded</source>
        <translation>Продажи с записью</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Средняя оценка</translation>
    </message>
    <message>
        <source>Offer rate</source>
        <translation>Доля предложений</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Upsell revenue</source>
        <translation>Выручка допродаж</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Средний чек</translation>
    </message>
    <message>
        <source>Items per ticket</source>
        <translation>Позиций в чеке</translation>
    </message>
    <message>
        <source>Talk / silence</source>
        <translation>Речь / тишина</translation>
    </message>
    <message>
        <source>{talk} s / {silence}</source>
        <translation>{talk} с / {silence}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Average score, %</source>
        <translation>Средняя оценка, %</translation>
    </message>
    <message>
        <source>Upsell revenue, ₸</source>
        <translation>Выручка допродаж, ₸</translation>
    </message>
    <message>
        <source>Sales by hour, ₸</source>
        <translation>Продажи по часам, ₸</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Conv.</source>
        <translation>Конв.</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Допродажа</translation>
    </message>
    <message>
        <source>Export the dashboard as CSV</source>
        <translation>Экспорт показателей в CSV</translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation>Группировка</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Оценено</translation>
    </message>
    <message>
        <source>Share recorded</source>
        <translation>Доля записанных</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Предложения</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Покупки после предложения</translation>
    </message>
    <message>
        <source>Sales total, ₸</source>
        <translation>Сумма продаж, ₸</translation>
    </message>
    <message>
        <source>Average ticket, ₸</source>
        <translation>Средний чек, ₸</translation>
    </message>
    <message>
        <source>Talk, s</source>
        <translation>Разговор, с</translation>
    </message>
    <message>
        <source>Share of silence</source>
        <translation>Доля тишины</translation>
    </message>
    <message>
        <source>Passed: {item}</source>
        <translation>Выполнено: {item}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Conversation quality {start} – {end}</source>
        <translation>Качество обслуживания {start} – {end}</translation>
    </message>
    <message>
        <source>Could not write {path}. Choose another folder.</source>
        <translation>Не удалось записать {path}. Выберите другую папку.</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount on {item} ({base}):</source>
        <translation>Скидка на «{item}» ({base}):</translation>
    </message>
    <message>
        <source>Discount on {base}:</source>
        <translation>Скидка с суммы {base}:</translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation>Процент %</translation>
    </message>
    <message>
        <source>Amount ₸</source>
        <translation>Сумма ₸</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Something went wrong ({kind}). What you were doing may not have been finished: check it before going on. The till keeps working; the details are in the log folder {folder}. If it happens again, call support.</source>
        <translation>Произошла непредвиденная ошибка ({kind}). Последнее действие могло не завершиться: проверьте его, прежде чем продолжать. Касса продолжает работать; подробности — в папке журнала {folder}. Если ошибка повторится, обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>A report without personal data was saved for support: {file}</source>
        <translation>Отчёт для поддержки сохранён (без персональных данных): {file}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Open logs folder</source>
        <translation>Открыть папку журналов</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>Search what was said…</source>
        <translation>Поиск по сказанному…</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Все даты</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Последние 30 дней</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Даты…</translation>
    </message>
    <message>
        <source>All cashiers</source>
        <translation>Все кассиры</translation>
    </message>
    <message>
        <source>All shifts</source>
        <translation>Все смены</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Текущая смена</translation>
    </message>
    <message>
        <source>Any checklist result</source>
        <translation>Любой результат чек-листа</translation>
    </message>
    <message>
        <source>Any upsell</source>
        <translation>Любая допродажа</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Предложено</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Куплено</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>Не предложено</translation>
    </message>
    <message>
        <source>Flagged: any</source>
        <translation>Отметка: любая</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Отмечено</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>Не отмечено</translation>
    </message>
    <message>
        <source>Reviewed: any</source>
        <translation>Проверка: любая</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Проверено</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Не проверено</translation>
    </message>
    <message>
        <source>Transcript: any</source>
        <translation>Расшифровка: любая</translation>
    </message>
    <message>
        <source>With transcript</source>
        <translation>С расшифровкой</translation>
    </message>
    <message>
        <source>No transcript</source>
        <translation>Без расшифровки</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Сначала старые</translation>
    </message>
    <message>
        <source>Lowest score first</source>
        <translation>Сначала низкая оценка</translation>
    </message>
    <message>
        <source>Highest score first</source>
        <translation>Сначала высокая оценка</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Failed: {item}</source>
        <translation>Не выполнено: {item}</translation>
    </message>
    <message>
        <source>Current shift · since {time} · {name}</source>
        <translation>Текущая смена · с {time} · {name}</translation>
    </message>
    <message>
        <source>Z {number} · {time} · {name}</source>
        <translation>Z-отчёт {number} · {time} · {name}</translation>
    </message>
    <message>
        <source>Shift of {time} · {name}</source>
        <translation>Смена от {time} · {name}</translation>
    </message>
</context>
<context>
    <name>FiscalAdmin</name>
    <message>
        <source>Connected: receipts are registered at once.</source>
        <extracomment>The lane&apos;s state (``sync/fiscal_sync.py``) in words.</extracomment>
        <translation>Связь есть: чеки регистрируются сразу.</translation>
    </message>
    <message>
        <source>The service does not answer: receipts wait and are registered later.</source>
        <translation>Сервис не отвечает: чеки ждут и будут зарегистрированы позже.</translation>
    </message>
    <message>
        <source>The service refused the token: enter a valid one.</source>
        <translation>Сервис отклонил токен: введите действующий.</translation>
    </message>
    <message>
        <source>A refused operation holds up the line: retry it or set it aside.</source>
        <translation>Отклонённая операция держит очередь: повторите её или уберите из очереди.</translation>
    </message>
    <message>
        <source>Off: no cash register chosen.</source>
        <translation>Выключено: касса не выбрана.</translation>
    </message>
    <message>
        <source>This service&apos;s client waits for a contract: receipts wait.</source>
        <translation>Подключение к этому сервису ждёт договора: чеки ждут.</translation>
    </message>
    <message>
        <source>Registration is not running in this window.</source>
        <translation>Регистрация в этом окне не запущена.</translation>
    </message>
    <message>
        <source>Sale</source>
        <extracomment>What each kind of fiscal operation is called.</extracomment>
        <translation>Продажа</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Изъятие</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Смена открыта</translation>
    </message>
    <message>
        <source>Shift closed (Z)</source>
        <translation>Смена закрыта (Z)</translation>
    </message>
    <message>
        <source>The service refused this token. Check it in your Kassa24 account and enter it again.</source>
        <translation>Сервис отклонил этот токен. Проверьте его в личном кабинете Kassa24 и введите снова.</translation>
    </message>
    <message>
        <source>The cash register service cannot be reached: check the internet connection. Receipts wait and are registered later.</source>
        <translation>Сервис онлайн-кассы недоступен: проверьте подключение к интернету. Чеки ждут и будут зарегистрированы позже.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} ч {minutes} мин</translation>
    </message>
</context>
<context>
    <name>FiscalAdminPage</name>
    <message>
        <source>Every sale and refund is registered with the tax office through an online cash register (Kassa24). Selling never waits for it: a receipt that cannot be registered yet is registered later, within 72 hours.</source>
        <translation>Каждая продажа и каждый возврат регистрируются в налоговой через онлайн-кассу (Kassa24). Продажа её не ждёт: чек, который пока нельзя зарегистрировать, регистрируется позже, в течение 72 часов.</translation>
    </message>
    <message>
        <source>API token from your Kassa24 account</source>
        <translation>API-токен из личного кабинета Kassa24</translation>
    </message>
    <message>
        <source>Save token</source>
        <translation>Сохранить токен</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-токен</translation>
    </message>
    <message>
        <source>Fetch the list</source>
        <translation>Загрузить список</translation>
    </message>
    <message>
        <source>Use this one</source>
        <translation>Выбрать эту</translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Убрать из очереди</translation>
    </message>
    <message>
        <source>For an operation registered by hand at the service, or not to be registered</source>
        <translation>Для операции, зарегистрированной вручную в сервисе, или той, что не нужно регистрировать</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <source>The cash register&apos;s state cannot be read.</source>
        <translation>Не удалось прочитать состояние кассы.</translation>
    </message>
    <message>
        <source>A token is stored; type a new one to replace it</source>
        <translation>Токен сохранён; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>Registered: {registered}. Waiting: {waiting}. Refused: {refused}.</source>
        <translation>Зарегистрировано: {registered}. Ждут: {waiting}. Отклонено: {refused}.</translation>
    </message>
    <message>
        <source>The oldest has waited {age}.</source>
        <translation>Самая старая ждёт {age}.</translation>
    </message>
    <message>
        <source>Type the token first.</source>
        <translation>Сначала введите токен.</translation>
    </message>
    <message>
        <source>The token could not be saved: the system&apos;s secret store is not available. Unlock it (or install one) and save the token again.</source>
        <translation>Токен не сохранён: хранилище секретов системы недоступно. Разблокируйте его (или установите) и сохраните токен снова.</translation>
    </message>
    <message>
        <source>Token saved in the system&apos;s secret store. Fetch the list.</source>
        <translation>Токен сохранён в хранилище секретов системы. Загрузите список.</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Запрашиваем сервис…</translation>
    </message>
    <message>
        <source>not allowed for this token</source>
        <translation>недоступна для этого токена</translation>
    </message>
    <message>
        <source>Choose the cash register and press &quot;Use this one&quot;.</source>
        <translation>Выберите кассу и нажмите «Выбрать эту».</translation>
    </message>
    <message>
        <source>This token may use no cash register.</source>
        <translation>Этому токену не доступна ни одна касса.</translation>
    </message>
    <message>
        <source>Fetch the list and choose a cash register first.</source>
        <translation>Сначала загрузите список и выберите кассу.</translation>
    </message>
    <message>
        <source>Receipts are now registered on cash register {id}.</source>
        <translation>Теперь чеки регистрируются на кассе {id}.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Регистрируем…</translation>
    </message>
    <message>
        <source>Sent again: {n} refused. This is in the audit log.</source>
        <translation>Отправлено повторно отклонённых: {n}. Это записано в журнал аудита.</translation>
    </message>
    <message>
        <source>Select the refused operation first.</source>
        <translation>Сначала выберите отклонённую операцию.</translation>
    </message>
    <message>
        <source>Set aside: the line moves on. This is in the audit log.</source>
        <translation>Убрано из очереди: очередь идёт дальше. Это записано в журнал аудита.</translation>
    </message>
    <message>
        <source>This operation is no longer refused.</source>
        <translation>Эта операция уже не отклонена.</translation>
    </message>
    <message>
        <source>The cash register service cannot be reached.</source>
        <translation>Сервис онлайн-кассы недоступен.</translation>
    </message>
</context>
<context>
    <name>FiscalBand</name>
    <message>
        <source>Receipts have not reached the tax office for {hours} h. Connect the till to the internet: after 72 h selling stops until they are registered.</source>
        <translation>Чеки не доходят до налоговой уже {hours} ч. Подключите кассу к интернету: через 72 ч продажи остановятся, пока чеки не будут зарегистрированы.</translation>
    </message>
    <message>
        <source>Receipts have not reached the tax office for {hours} h: selling is stopped until they are registered. Connect the till to the internet and call the administrator.</source>
        <translation>Чеки не доходят до налоговой уже {hours} ч: продажи остановлены, пока чеки не будут зарегистрированы. Подключите кассу к интернету и позовите администратора.</translation>
    </message>
    <message>
        <source>Only {left} h left before selling stops: receipts have not reached the tax office for {hours} h. Connect the till to the internet now or call the administrator.</source>
        <translation>До остановки продаж осталось {left} ч: чеки не доходят до налоговой уже {hours} ч. Подключите кассу к интернету сейчас или позовите администратора.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Hear it</source>
        <translation>Прослушать</translation>
    </message>
    <message>
        <source>Changed by {who}: {comment}</source>
        <translation>Изменил(а) {who}: {comment}</translation>
    </message>
    <message>
        <source>Disputed by {who} ({state}): {comment}</source>
        <translation>Оспорил(а) {who} ({state}): {comment}</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Resolve dispute…</source>
        <translation>Решить спор…</translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation>Оспорить…</translation>
    </message>
</context>
<context>
    <name>ItemDecisionDialog</name>
    <message>
        <source>Change the outcome</source>
        <translation>Изменить результат</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Оспорить</translation>
    </message>
    <message>
        <source>Resolve the dispute</source>
        <translation>Решить спор</translation>
    </message>
    <message>
        <source>As scored (remove the change)</source>
        <translation>Как оценено (убрать изменение)</translation>
    </message>
    <message>
        <source>Accept: the cashier is right</source>
        <translation>Принять: кассир прав</translation>
    </message>
    <message>
        <source>Reject: the score stands</source>
        <translation>Отклонить: оценка остаётся</translation>
    </message>
    <message>
        <source>The cashier wrote: {comment}</source>
        <translation>Кассир написал: {comment}</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>Комментарий (обязательно)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose: accept the dispute or let the score stand.</source>
        <translation>Выберите: принять спор или оставить оценку.</translation>
    </message>
    <message>
        <source>Write a short comment: it is what the other side reads.</source>
        <translation>Напишите короткий комментарий: его прочитает другая сторона.</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Required</source>
        <translation>Обязательный</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Бонусный</translation>
    </message>
    <message>
        <source>Forbidden (penalty)</source>
        <translation>Запрещённый (штраф)</translation>
    </message>
    <message>
        <source>Fatal (score 0)</source>
        <translation>Критический (оценка 0)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>В любой момент</translation>
    </message>
    <message>
        <source>In the first…</source>
        <translation>В первые…</translation>
    </message>
    <message>
        <source>In the last…</source>
        <translation>В последние…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Passes when the upsell detector finds an offer</source>
        <translation>Выполнен, если детектор допродаж находит предложение</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title (ru / kk / en)</source>
        <translation>Название (ru / kk / en)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Who, when</source>
        <translation>Кто, когда</translation>
    </message>
    <message>
        <source>Phrases, {language} (one per line)</source>
        <translation>Фразы, {language} (по одной в строке)</translation>
    </message>
    <message>
        <source>Not applicable if anyone says (one per line)</source>
        <translation>Не учитывать, если кто-то скажет (по одной в строке)</translation>
    </message>
    <message>
        <source>A * ends a stem: бонусн* matches бонусная, бонусной.</source>
        <translation>* обозначает основу: бонусн* находит «бонусная», «бонусной».</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Штраф</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>Receipt journal</source>
        <extracomment>The counter&apos;s ESC/POS printer when one is set up (faults show on the till&apos;s bar).</extracomment>
        <translation>Журнал чеков</translation>
    </message>
    <message>
        <source>Older receipts</source>
        <translation>Более ранние чеки</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>Эта смена</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Receipt number, amount, time (14:05) or cashier</source>
        <translation>Номер чека, сумма, время (14:05) или кассир</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Fiscal</source>
        <translation>ОФД</translation>
    </message>
    <message>
        <source>Print a copy (Ctrl+P)</source>
        <translation>Печать копии (Ctrl+P)</translation>
    </message>
    <message>
        <source>Refund… (F7)</source>
        <translation>Возврат… (F7)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>You see the receipts of the open shift.</source>
        <translation>Вы видите чеки открытой смены.</translation>
    </message>
    <message>
        <source>The journal cannot be read now. Try again.</source>
        <translation>Журнал сейчас не читается. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>No shift is open: open a shift or choose another day.</source>
        <translation>Смена не открыта: откройте смену или выберите другой день.</translation>
    </message>
    <message>
        <source>No receipts match.</source>
        <translation>Подходящих чеков нет.</translation>
    </message>
    <message>
        <source>Refund of receipt No. {no}</source>
        <translation>Возврат по чеку № {no}</translation>
    </message>
    <message>
        <source>Sale (voided)</source>
        <translation>Продажа (аннулирована)</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>№ {number}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ждёт</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Вне очереди</translation>
    </message>
    <message>
        <source>void: refund No. {number}</source>
        <translation>аннулирована: возврат № {number}</translation>
    </message>
    <message>
        <source>void: refund waiting</source>
        <translation>аннулирована: возврат ждёт</translation>
    </message>
    <message>
        <source>void: refund refused</source>
        <translation>аннулирована: возврат отклонён</translation>
    </message>
    <message>
        <source>void: refund set aside</source>
        <translation>аннулирована: возврат вне очереди</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Cash + card</source>
        <translation>Наличные + карта</translation>
    </message>
    <message>
        <source>Refund sale No. {no}… (F7)</source>
        <translation>Возврат по чеку № {no}… (F7)</translation>
    </message>
    <message>
        <source>This is a refund receipt. The refund is made from the sale it returned: receipt No. {no}.</source>
        <translation>Это чек возврата. Возврат оформляется по чеку продажи, который он вернул: чек № {no}.</translation>
    </message>
    <message>
        <source>A voided sale has nothing left to refund.</source>
        <translation>Чек аннулирован: возвращать по нему нечего.</translation>
    </message>
    <message>
        <source>A copy of receipt No. {no} was sent to the receipt printer.</source>
        <translation>Копия чека № {no} отправлена на принтер чеков.</translation>
    </message>
    <message>
        <source>A copy of receipt No. {no} was printed.</source>
        <translation>Копия чека № {no} напечатана.</translation>
    </message>
</context>
<context>
    <name>LeaveKioskDialog</name>
    <message>
        <source>Close the till</source>
        <extracomment>The purpose written in the audit trail when an admin&apos;s PIN opens the way out.</extracomment>
        <translation>Закрыть кассу</translation>
    </message>
    <message>
        <source>The till runs in kiosk mode: an admin&apos;s PIN closes it.</source>
        <translation>Касса работает в режиме киоска: закрыть её можно только с PIN-кодом администратора.</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>PIN-код администратора</translation>
    </message>
    <message>
        <source>Close the till (Enter)</source>
        <translation>Закрыть кассу (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Открыть (Enter)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Допродажа</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ищем…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>The list cannot be loaded. Try again.</source>
        <translation>Не удалось загрузить список. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} из {total}</translation>
    </message>
    <message>
        <source>No conversations match.</source>
        <translation>Подходящих разговоров нет.</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>отмечен</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>оспорен</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>проверен</translation>
    </message>
    <message>
        <source>no transcript</source>
        <translation>без расшифровки</translation>
    </message>
    <message>
        <source>Speakers uncertain — listen and confirm or swap</source>
        <translation>Роли говорящих не ясны — прослушайте и подтвердите или поменяйте</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>без оценки</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>ещё не оценён</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Who is at the till?</source>
        <translation>Кто за кассой?</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>Войти (Enter)</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Старший кассир</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Выберите своё имя</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>PIN: {name}</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Сначала выберите своё имя.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The start-up check of the database could not run: {error}</source>
        <translation>Проверка базы данных при запуске не выполнилась: {error}</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Смена закрыта</translation>
    </message>
    <message>
        <source>Admin</source>
        <extracomment>Button name → (module, dialog class) of the supervisor/back-office dialogs, imported when first used so that the till starts fast and does not depend on them at import time. the admin saved new sync settings: ui/app.py restarts the engine with them The sync service (ui/app.py starts it) and its status bridge; None: no sync here. the app&apos;s running FiscalService (ui/app.py), so the admin&apos;s &quot;Retry now&quot; wakes its lane Kiosk mode (ui/kiosk.py): full screen, and only an admin&apos;s PIN closes the till. The counter-conversation recorder (ui/app.py makes it; None: this till records nothing).</extracomment>
        <translation>Администрирование</translation>
    </message>
    <message>
        <source>Data-subject requests…</source>
        <translation>Запросы субъектов данных…</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Служебное</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Журнал аудита…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation>Конфиденциальность…</translation>
    </message>
    <message>
        <source>Version {version} is available — ask your administrator to install it</source>
        <translation>Доступна версия {version} — попросите администратора установить её</translation>
    </message>
    <message>
        <source>Shift open since {time} ({name})</source>
        <translation>Смена открыта с {time} ({name})</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Кассир: {name}</translation>
    </message>
    <message>
        <source>This function is not installed.</source>
        <translation>Эта функция не установлена.</translation>
    </message>
    <message>
        <source>Preparing the X report…</source>
        <translation>Готовим X-отчёт…</translation>
    </message>
    <message>
        <source>The X report cannot be prepared. Try again.</source>
        <translation>Не удалось подготовить X-отчёт. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>MyConsentDialog</name>
    <message>
        <source>My consent to recording</source>
        <translation>Моё согласие на запись</translation>
    </message>
    <message>
        <source>What is on file for you, {name}:</source>
        <translation>{name}, вот что записано о вашем согласии:</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Ваш PIN-код</translation>
    </message>
    <message>
        <source>Withdraw my consent</source>
        <translation>Отозвать моё согласие</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Your consent is withdrawn. Nothing more is recorded of you; {held} of your recordings are held: they are not sent, transcribed or scored, and the administrator may destroy them.</source>
        <translation>Ваше согласие отозвано. Вас больше не записывают; задержано ваших записей: {held}. Они не отправляются, не расшифровываются и не оцениваются, и администратор может их уничтожить.</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Choose your PIN</source>
        <translation>Выберите свой PIN-код</translation>
    </message>
    <message>
        <source>{name}, you signed in with a one-time PIN. Choose your own PIN (4 to 8 digits) and keep it to yourself.</source>
        <translation>{name}, вы вошли по одноразовому PIN-коду. Выберите свой PIN-код (от 4 до 8 цифр) и никому его не сообщайте.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Новый PIN-код</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Тот же PIN-код ещё раз</translation>
    </message>
    <message>
        <source>Lock (Esc)</source>
        <translation>Заблокировать (Esc)</translation>
    </message>
    <message>
        <source>Save PIN (Enter)</source>
        <translation>Сохранить PIN-код (Enter)</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>PIN-коды не совпадают. Введите один и тот же PIN-код дважды.</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New data-subject request</source>
        <translation>Новый запрос субъекта данных</translation>
    </message>
    <message>
        <source>Name as signed in the request</source>
        <translation>Имя, как подписан запрос</translation>
    </message>
    <message>
        <source>Who asked</source>
        <translation>Кто обратился</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>О чём просит</translation>
    </message>
    <message>
        <source>An employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>A customer by receipt number</source>
        <translation>Покупатель по номеру чека</translation>
    </message>
    <message>
        <source>A customer by time at this till</source>
        <translation>Покупатель по времени на этой кассе</translation>
    </message>
    <message>
        <source>A customer by words in conversations</source>
        <translation>Покупатель по словам в разговорах</translation>
    </message>
    <message>
        <source>About whom</source>
        <translation>О ком</translation>
    </message>
    <message>
        <source>Words the customer said</source>
        <translation>Слова, которые сказал покупатель</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Дата получения</translation>
    </message>
    <message>
        <source>The answer is due 30 days after the request arrived.</source>
        <translation>Ответить нужно в течение 30 дней со дня получения запроса.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <source>Say who made the request.</source>
        <translation>Укажите, кто обратился с запросом.</translation>
    </message>
    <message>
        <source>There is no employee to choose.</source>
        <translation>Нет сотрудников для выбора.</translation>
    </message>
    <message>
        <source>Type the words to look for.</source>
        <translation>Введите слова для поиска.</translation>
    </message>
    <message>
        <source>The time window ends before it starts.</source>
        <translation>Конец промежутка раньше его начала.</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <source>Count the cash you put in the drawer and type the amount.</source>
        <translation>Пересчитайте размен, положенный в кассу, и введите сумму.</translation>
    </message>
    <message>
        <source>Opening float, ₸</source>
        <translation>Размен на начало, ₸</translation>
    </message>
    <message>
        <source>Open shift (Enter)</source>
        <translation>Открыть смену (Enter)</translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <source>None</source>
        <translation>Без</translation>
    </message>
    <message>
        <source>Options: {name}</source>
        <translation>Варианты: {name}</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сохранить (Enter)</translation>
    </message>
    <message>
        <source>Add (Enter)</source>
        <translation>Добавить (Enter)</translation>
    </message>
    <message>
        <source>At most {count} in “{group}”.</source>
        <translation>В «{group}» можно выбрать не больше {count}.</translation>
    </message>
    <message>
        <source>choose {min} to {max}</source>
        <translation>выберите от {min} до {max}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>обязательно</translation>
    </message>
    <message>
        <source>up to {max}</source>
        <translation>до {max}</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>по желанию</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation>ещё не выбрано</translation>
    </message>
    <message>
        <source>Price {amount}</source>
        <translation>Цена {amount}</translation>
    </message>
    <message>
        <source>Choose: {groups}</source>
        <translation>Выберите: {groups}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Discount above the cashier&apos;s limit</source>
        <translation>Скидка сверх лимита кассира</translation>
    </message>
    <message>
        <source>Change a price</source>
        <translation>Изменение цены</translation>
    </message>
    <message>
        <source>Close the shift with a cash difference</source>
        <translation>Закрытие смены с расхождением по кассе</translation>
    </message>
    <message>
        <source>Void a completed sale</source>
        <translation>Аннулирование проведённого чека</translation>
    </message>
    <message>
        <source>Edit the catalog</source>
        <translation>Изменение каталога</translation>
    </message>
    <message>
        <source>Quit the till (recording and sync stop until it starts again)</source>
        <translation>Закрыть кассу (запись и синхронизация остановятся до её запуска)</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Подтверждение старшего кассира</translation>
    </message>
    <message>
        <source>A supervisor must approve: &lt;b&gt;{action}&lt;/b&gt;</source>
        <translation>Нужно подтверждение старшего кассира: &lt;b&gt;{action}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A cashier may give up to {limit} without approval.</source>
        <translation>Кассир может дать скидку до {limit} без подтверждения.</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>PIN старшего кассира</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>Подтвердить (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Приостановить запись</translation>
    </message>
    <message>
        <source>Recording stops for this shift until a supervisor resumes it. Why?</source>
        <translation>Запись остановится на эту смену, пока старший кассир её не возобновит. Почему?</translation>
    </message>
    <message>
        <source>Reason, e.g. a customer asked not to be recorded</source>
        <translation>Причина, например: покупатель попросил не записывать</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Возобновить запись</translation>
    </message>
    <message>
        <source>Paused by {name} at {time}: {reason}</source>
        <translation>Приостановил(а) {name} в {time}: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>To pay {amount}</source>
        <translation>К оплате {amount}</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Получено наличными</translation>
    </message>
    <message>
        <source>By card</source>
        <translation>Картой</translation>
    </message>
    <message>
        <source>optional, from the terminal slip</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation>Код авторизации</translation>
    </message>
    <message>
        <source>Confirm payment (Enter)</source>
        <translation>Подтвердить (Enter)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Назад к чеку (Esc)</translation>
    </message>
    <message>
        <source>Cash
F5</source>
        <translation>Наличные
F5</translation>
    </message>
    <message>
        <source>Card
F6</source>
        <translation>Карта
F6</translation>
    </message>
    <message>
        <source>Exact</source>
        <translation>Без сдачи</translation>
    </message>
    <message>
        <source>Terminal approved
Confirm (Enter)</source>
        <translation>Терминал одобрил
Подтвердить (Enter)</translation>
    </message>
    <message>
        <source>Card {amount}: confirm when the terminal approves</source>
        <translation>Карта {amount}: подтвердите, когда терминал одобрит оплату</translation>
    </message>
    <message>
        <source>Cash due {amount}</source>
        <translation>Наличными {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Сдача {amount}</translation>
    </message>
    <message>
        <source>Still due {amount}</source>
        <translation>Осталось оплатить {amount}</translation>
    </message>
    <message>
        <source>The sale was NOT recorded: do not hand over the goods yet.</source>
        <translation>Продажа НЕ записана: пока не отдавайте товар.</translation>
    </message>
    <message>
        <source>The sale was NOT recorded because of an unexpected error (it is written in the log). Do not hand over the goods yet: try again, and call support if it repeats.</source>
        <translation>Продажа НЕ записана из-за непредвиденной ошибки (она записана в журнал). Пока не отдавайте товар: попробуйте ещё раз, а если ошибка повторится, обратитесь в поддержку.</translation>
    </message>
</context>
<context>
    <name>PinConfirmDialog</name>
    <message>
        <source>Admin PIN</source>
        <translation>PIN администратора</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Type your PIN to confirm.</source>
        <translation>Введите свой PIN для подтверждения.</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>−{n} s</source>
        <translation>−{n} с</translation>
    </message>
    <message>
        <source>+{n} s</source>
        <translation>+{n} с</translation>
    </message>
    <message>
        <source>Back 5 seconds (←)</source>
        <translation>Назад на 5 секунд (←)</translation>
    </message>
    <message>
        <source>Forward 5 seconds (→)</source>
        <translation>Вперёд на 5 секунд (→)</translation>
    </message>
    <message>
        <source>Speed: 1×, 1.5×, 2× (keys 1, 2, 3)</source>
        <translation>Скорость: 1×, 1.5×, 2× (клавиши 1, 2, 3)</translation>
    </message>
    <message>
        <source>No sound output: the transcript follows in silence.</source>
        <translation>Нет звукового выхода: расшифровка идёт без звука.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Слушать</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Пауза (пробел)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Слушать (пробел)</translation>
    </message>
</context>
<context>
    <name>PolicyAcceptanceDialog</name>
    <message>
        <source>Privacy policy, version {version}</source>
        <translation>Политика конфиденциальности, редакция {version}</translation>
    </message>
    <message>
        <source>Version {version} of the privacy policy, published {date}, is in force. As the store&apos;s administrator, read it and accept it. “Later” asks again at your next login.</source>
        <translation>Действует редакция {version} политики конфиденциальности, опубликованная {date}. Как администратор магазина, прочитайте и примите её. «Позже» — спросим снова при следующем входе.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Принять</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>New price of {name}:</source>
        <translation>Новая цена: {name}</translation>
    </message>
</context>
<context>
    <name>PrinterAdminPage</name>
    <message>
        <source>Receipts print on an ESC/POS printer after each payment. When it fails the sale is complete anyway and the till offers to print again.</source>
        <translation>Чеки печатаются на принтере ESC/POS после каждой оплаты. Если печать не удалась, продажа всё равно завершена, и касса предложит напечатать снова.</translation>
    </message>
    <message>
        <source>58 mm (32 characters)</source>
        <translation>58 мм (32 символа)</translation>
    </message>
    <message>
        <source>80 mm (48 characters)</source>
        <translation>80 мм (48 символов)</translation>
    </message>
    <message>
        <source>CP866 (Russian; Kazakh as an image)</source>
        <translation>CP866 (русский; казахский — изображением)</translation>
    </message>
    <message>
        <source>Windows-1251 (Russian; Kazakh as an image)</source>
        <translation>Windows-1251 (русский; казахский — изображением)</translation>
    </message>
    <message>
        <source>KZ-1048 (Russian and Kazakh as text)</source>
        <translation>KZ-1048 (русский и казахский текстом)</translation>
    </message>
    <message>
        <source>usual</source>
        <translation>обычный</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Напечатать пробную страницу</translation>
    </message>
    <message>
        <source>Save printer settings</source>
        <translation>Сохранить настройки принтера</translation>
    </message>
    <message>
        <source>Printer settings saved.</source>
        <translation>Настройки принтера сохранены.</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>Печатается пробная страница…</translation>
    </message>
    <message>
        <source>Printer test page</source>
        <translation>Пробная страница принтера</translation>
    </message>
    <message>
        <source>Printer: {address}</source>
        <translation>Принтер: {address}</translation>
    </message>
    <message>
        <source>Paper: {mm} mm, {chars} characters a line</source>
        <translation>Бумага: {mm} мм, {chars} символов в строке</translation>
    </message>
    <message>
        <source>Code page: {code_page}</source>
        <translation>Кодовая страница: {code_page}</translation>
    </message>
    <message>
        <source>The test page printed: check both alphabets, the codes and the cut.</source>
        <translation>Пробная страница напечатана: проверьте оба алфавита, коды и отрез.</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>Не удалось связаться с принтером.</translation>
    </message>
</context>
<context>
    <name>PrinterBar</name>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Printing again…</source>
        <translation>Печатаем снова…</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>Не удалось связаться с принтером.</translation>
    </message>
    <message>
        <source>Receipt No. {no} did not print: {why}. The sale is complete.</source>
        <translation>Чек № {no} не напечатан: {why}. Продажа завершена.</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <source>Privacy policy in force</source>
        <translation>Действующая политика конфиденциальности</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Принята</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>{name}, BIN {bin}</source>
        <translation>{name}, БИН {bin}</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Questions about your personal data, or a request to see, correct, block or destroy it: write or call the operator.</source>
        <translation>Вопросы о ваших персональных данных или просьба показать, исправить, заблокировать или уничтожить их — напишите или позвоните оператору.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>{version}, published {date}</source>
        <translation>{version}, опубликована {date}</translation>
    </message>
    <message>
        <source>{version}, published {date}, in force here since {since}</source>
        <translation>{version}, опубликована {date}, действует здесь с {since}</translation>
    </message>
    <message>
        <source>Not accepted yet: an administrator is asked at login</source>
        <translation>Ещё не принята: администратора спросят при входе</translation>
    </message>
    <message>
        <source>by {name}, {when}</source>
        <translation>{name}, {when}</translation>
    </message>
</context>
<context>
    <name>PrivacyRequests</name>
    <message>
        <source>Information about processing</source>
        <translation>Сведения об обработке</translation>
    </message>
    <message>
        <source>Copy of the data</source>
        <translation>Копия данных</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Исправление</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Блокирование</translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation>Уничтожение</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>дан ответ</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>закрыт</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Correct the employee&apos;s data</source>
        <translation>Исправить данные сотрудника</translation>
    </message>
    <message>
        <source>The correction is kept in the audit trail without the old or the new value. Correct the staff list on the backend as well, or its next update brings the old value back.</source>
        <translation>Исправление записывается в журнал действий без старого и нового значения. Исправьте и список сотрудников на сервере, иначе следующее обновление вернёт старое значение.</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Исправить</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Исправленное значение</translation>
    </message>
    <message>
        <source>Export the subject&apos;s data</source>
        <translation>Выгрузить данные субъекта</translation>
    </message>
    <message>
        <source>The data is written, readable by you only, into the new folder {path}.</source>
        <translation>Данные будут записаны в новую папку {path}; читать их сможете только вы.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>Include the recordings as audio files (decrypted)</source>
        <translation>Добавить записи разговоров как аудиофайлы (расшифрованные)</translation>
    </message>
    <message>
        <source>Block the subject</source>
        <translation>Заблокировать субъекта</translation>
    </message>
    <message>
        <source>Their recordings will not be uploaded, transcribed or scored, and only an admin can play them back. An employee&apos;s later recordings are blocked too.</source>
        <translation>Записи с этим человеком не будут отправляться, расшифровываться и оцениваться; прослушать их сможет только администратор. У сотрудника блокируются и будущие записи.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Destroy the subject&apos;s data</source>
        <translation>Уничтожить данные субъекта</translation>
    </message>
    <message>
        <source>The subject&apos;s data is destroyed at this till and on the backend; recordings become unreadable everywhere. This cannot be undone.</source>
        <translation>Данные человека уничтожаются на этой кассе и на сервере; записи разговоров становятся нечитаемыми везде. Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Уничтожить</translation>
    </message>
    <message>
        <source>The file could not be written ({error}). Choose another folder.</source>
        <translation>Не удалось записать файл ({error}). Выберите другую папку.</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was done. Try again.</source>
        <translation>Что-то пошло не так, ничего не сделано. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>PrivacyRequestsDialog</name>
    <message>
        <source>Data-subject requests</source>
        <translation>Запросы субъектов данных</translation>
    </message>
    <message>
        <source>Requests of staff and customers about their personal data. The answer is due 30 days after a request arrives.</source>
        <translation>Запросы сотрудников и покупателей об их персональных данных. Ответить нужно в течение 30 дней со дня получения запроса.</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>Новый запрос…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Ответ…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Выгрузить…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Исправить…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Заблокировать…</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Уничтожить…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От кого</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получен</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>просрочен</translation>
    </message>
    <message>
        <source>The answer is overdue.</source>
        <translation>Срок ответа истёк.</translation>
    </message>
    <message>
        <source>Destroyed: {count} recordings shredded. The certificate: forsell-cashier privacy certificate {id}</source>
        <translation>Уничтожено: записей без ключа — {count}. Акт об уничтожении: forsell-cashier privacy certificate {id}</translation>
    </message>
    <message>
        <source>Request registered; the answer is due {due}.</source>
        <translation>Запрос зарегистрирован; ответить нужно до {due}.</translation>
    </message>
    <message>
        <source>No data about this person is held at this till.</source>
        <translation>На этой кассе нет данных об этом человеке.</translation>
    </message>
    <message>
        <source>{table} — records: {count}</source>
        <translation>{table} — записей: {count}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Choose where to put the export</source>
        <translation>Выберите, куда выгрузить данные</translation>
    </message>
    <message>
        <source>{count} files written to {path}.</source>
        <translation>Записано файлов: {count}, папка {path}.</translation>
    </message>
    <message>
        <source>Corrected. The correction is audited.</source>
        <translation>Исправлено. Исправление записано в журнал.</translation>
    </message>
    <message>
        <source>Blocked: {count} recordings.</source>
        <translation>Заблокировано записей: {count}.</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Edit product</source>
        <translation>Изменить товар</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Новый товар</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Штрихкод</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (рус.)</translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation>Название (каз.)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Название (англ.)</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Без категории</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Price, ₸</source>
        <translation>Цена, ₸</translation>
    </message>
    <message>
        <source>VAT, %</source>
        <translation>НДС, %</translation>
    </message>
    <message>
        <source>Sold by weight (kg)</source>
        <translation>Весовой товар (кг)</translation>
    </message>
    <message>
        <source>Favourite (on the quick grid)</source>
        <translation>Избранное (быстрые кнопки)</translation>
    </message>
    <message>
        <source>One per line or comma-separated, e.g. латтешка, кофе с молоком</source>
        <translation>По одному в строке или через запятую, например: латтешка, кофе с молоком</translation>
    </message>
    <message>
        <source>Synonyms (for upsell detection)</source>
        <translation>Синонимы (для распознавания допродаж)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>e.g. Молоко [1]: обычное*, овсяное +200; Сироп [0-1]: ваниль +250</source>
        <translation>например: Молоко [1]: обычное*, овсяное +200; Сироп [0-1]: ваниль +250</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сохранить (Enter)</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <source>★ Favourites</source>
        <translation>★ Избранное</translation>
    </message>
    <message>
        <source> /kg</source>
        <translation> /кг</translation>
    </message>
</context>
<context>
    <name>ProviderRecipientsPanel</name>
    <message>
        <source>Withdraw acknowledgement</source>
        <translation>Отозвать подтверждение</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Подтвердить…</translation>
    </message>
    <message>
        <source>{name}: named by the privacy policy, but it has no public API yet, so it cannot be chosen and receives no audio.</source>
        <translation>{name}: указан в политике конфиденциальности, но открытого API у него пока нет, поэтому его нельзя выбрать и он не получает аудио.</translation>
    </message>
    <message>
        <source>{name}: named by the privacy policy as a recipient of audio.</source>
        <translation>{name}: указан в политике конфиденциальности как получатель аудио.</translation>
    </message>
    <message>
        <source>{name} is NOT named by the privacy policy in force. An admin acknowledged it as a recipient of audio (in the audit log), so it may be chosen.</source>
        <translation>{name} НЕ указан в действующей политике конфиденциальности. Администратор подтвердил его как получателя аудио (это записано в журнал аудита), поэтому его можно выбрать.</translation>
    </message>
    <message>
        <source>Warning: {name} is NOT named by the privacy policy in force. It receives no audio and cannot be chosen until an admin acknowledges it.</source>
        <translation>Внимание: {name} НЕ указан в действующей политике конфиденциальности. Он не получает аудио, и его нельзя выбрать, пока администратор его не подтвердит.</translation>
    </message>
    <message>
        <source>Withdraw the acknowledgement of {name}? It will receive no more audio, and it must not stay chosen as first choice or fallback.</source>
        <translation>Отозвать подтверждение для {name}? Он больше не будет получать аудио, и его нельзя оставлять основным или резервным сервисом.</translation>
    </message>
    <message>
        <source>{name} is not named by the privacy policy in force. Acknowledge it as a recipient of the staff&apos;s voice recordings only if their written consent names it, and the transfer abroad where it applies. This is recorded in the audit log with your name and the time. Acknowledge?</source>
        <translation>{name} не указан в действующей политике конфиденциальности. Подтверждайте его как получателя голосовых записей сотрудников, только если их письменное согласие называет этот сервис и, где это применимо, передачу за рубеж. Это будет записано в журнал аудита с вашим именем и временем. Подтвердить?</translation>
    </message>
    <message>
        <source>Recipient of audio</source>
        <translation>Получатель аудио</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Language code → its own name (shown untranslated, so everyone finds their language).</extracomment>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Тип файлов:</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <source>Weight of {name}, kg:</source>
        <translation>Вес, кг: {name}</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>How many: {name}?</source>
        <translation>Сколько: {name}?</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <source>Parked sales</source>
        <translation>Отложенные чеки</translation>
    </message>
    <message>
        <source>Which sale comes back?</source>
        <translation>Какой чек вернуть?</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>{time}  {label}  ·  {items} lines  ·  {total}</source>
        <translation>{time}  {label}  ·  строк: {items}  ·  {total}</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Recall (Enter)</source>
        <translation>Вернуть (Enter)</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt No. {no}</source>
        <translation>Чек № {no}</translation>
    </message>
    <message>
        <source>BIN {bin}</source>
        <translation>БИН {bin}</translation>
    </message>
    <message>
        <source>Till: {device}</source>
        <translation>Касса: {device}</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Кассир: {name}</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Скидка</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Подытог</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Добро пожаловать!</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>ИТОГО</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Спасибо за покупку!</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… и ещё {count}</translation>
    </message>
    <message>
        <source>Conversations at this counter may be recorded to check the quality of service.</source>
        <translation>Разговоры на кассе могут записываться для контроля качества обслуживания.</translation>
    </message>
    <message>
        <source>incl. VAT {rate}</source>
        <translation>в т. ч. НДС {rate}</translation>
    </message>
    <message>
        <source>Without VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Auth code {code}</source>
        <translation>Код авторизации {code}</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>АННУЛИРОВАН</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>КОПИЯ</translation>
    </message>
    <message>
        <source>REFUND No. {no}</source>
        <translation>ВОЗВРАТ № {no}</translation>
    </message>
    <message>
        <source>Refund of receipt No. {no} of {date}</source>
        <translation>Возврат по чеку № {no} от {date}</translation>
    </message>
    <message>
        <source>REFUND TOTAL</source>
        <translation>ИТОГО ВОЗВРАТ</translation>
    </message>
    <message>
        <source>Returned in cash</source>
        <translation>Возвращено наличными</translation>
    </message>
    <message>
        <source>Returned to card</source>
        <translation>Возвращено на карту</translation>
    </message>
    <message>
        <source>FISCAL RECEIPT</source>
        <translation>ФИСКАЛЬНЫЙ ЧЕК</translation>
    </message>
    <message>
        <source>Fiscal sign {sign}</source>
        <translation>ФП {sign}</translation>
    </message>
    <message>
        <source>Receipt at the fiscal operator No. {number}</source>
        <translation>Чек в ОФД № {number}</translation>
    </message>
    <message>
        <source>Cash register RNM {rnm}</source>
        <translation>РНМ кассы {rnm}</translation>
    </message>
    <message>
        <source>Scan the QR code to check the receipt</source>
        <translation>Отсканируйте QR-код, чтобы проверить чек</translation>
    </message>
    <message>
        <source>Not yet registered with the tax office: it will be registered automatically (autonomous No. {number})</source>
        <translation>Ещё не зарегистрирован в налоговой: будет зарегистрирован автоматически (автономный № {number})</translation>
    </message>
    <message>
        <source>The cash register refused this receipt: the administrator will resolve it</source>
        <translation>Касса отклонила этот чек: администратор решит вопрос</translation>
    </message>
    <message>
        <source>Fiscal registration handled by the administrator</source>
        <translation>Фискальную регистрацию провёл администратор</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Refund receipt No. {no}</source>
        <translation>Чек возврата № {no}</translation>
    </message>
    <message>
        <source>Receipt No. {no}</source>
        <translation>Чек № {no}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Печать</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Сохранить PDF</translation>
    </message>
    <message>
        <source>New sale (Enter / F2)</source>
        <translation>Новый чек (Enter / F2)</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>Закрыть (Enter)</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Сохранить чек в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Upsell offers</source>
        <translation>Предложения допродажи</translation>
    </message>
    <message>
        <source>No sale is linked to this conversation.</source>
        <translation>С этим разговором не связана продажа.</translation>
    </message>
    <message>
        <source>Receipt No. {number} · {time}</source>
        <translation>Чек № {number} · {time}</translation>
    </message>
    <message>
        <source>upsell</source>
        <translation>допродажа</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Итого: {total}</translation>
    </message>
    <message>
        <source>bought, +{revenue}</source>
        <translation>куплено, +{revenue}</translation>
    </message>
    <message>
        <source>not bought</source>
        <translation>не куплено</translation>
    </message>
    <message>
        <source>No offers were heard.</source>
        <translation>Предложений не было.</translation>
    </message>
</context>
<context>
    <name>RecordingAdminPage</name>
    <message>
        <source>Record counter conversations at this till</source>
        <translation>Записывать разговоры у этой кассы</translation>
    </message>
    <message>
        <source>Consent to recording (keep the signed paper):</source>
        <translation>Согласие на запись (храните подписанный бланк):</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Согласие дано</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Записать согласие</translation>
    </message>
    <message>
        <source>Record consent to audio abroad</source>
        <translation>Записать согласие на аудио за рубеж</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Отозвать согласие…</translation>
    </message>
    <message>
        <source>Destroy held recordings…</source>
        <translation>Уничтожить задержанные записи…</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Системный по умолчанию</translation>
    </message>
    <message>
        <source>Test microphone</source>
        <translation>Проверить микрофон</translation>
    </message>
    <message>
        <source>The receipt footer now tells customers about recording: {footer}</source>
        <translation>Теперь в конце чека покупателей предупреждают о записи: {footer}</translation>
    </message>
    <message>
        <source>Receipt footer: {footer}</source>
        <translation>Текст в конце чека: {footer}</translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation>За рубеж</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Задержано</translation>
    </message>
    <message>
        <source>withdrawn {when}</source>
        <translation>отозвано {when}</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>нет согласия</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Consent text version {version}</source>
        <translation>Версия текста согласия {version}</translation>
    </message>
    <message>
        <source>Choose an employee in the list first.</source>
        <translation>Сначала выберите сотрудника в списке.</translation>
    </message>
    <message>
        <source>Opening the microphone…</source>
        <translation>Открываем микрофон…</translation>
    </message>
    <message>
        <source>The microphone cannot be opened: it is unplugged, used by another program or not allowed. Plug it in or choose another microphone, then test again.</source>
        <translation>Микрофон не открывается: он отключён, занят другой программой или доступ к нему запрещён. Подключите его или выберите другой микрофон и проверьте снова.</translation>
    </message>
    <message>
        <source>The microphone opened but sends no sound. Reconnect it or choose another microphone, then test again.</source>
        <translation>Микрофон открылся, но не передаёт звук. Переподключите его или выберите другой микрофон и проверьте снова.</translation>
    </message>
    <message>
        <source>The microphone test failed. Choose another microphone or restart the till; the details are in the tooltip.</source>
        <translation>Проверка микрофона не удалась. Выберите другой микрофон или перезапустите кассу; подробности — во всплывающей подсказке.</translation>
    </message>
    <message>
        <source>Listening for 3 seconds: say something…</source>
        <translation>Слушаем 3 секунды: скажите что-нибудь…</translation>
    </message>
    <message>
        <source>Playing the 3 seconds back…</source>
        <translation>Воспроизводим эти 3 секунды…</translation>
    </message>
    <message>
        <source>Speech heard ({seconds} s of voice). The microphone works.</source>
        <translation>Речь слышна ({seconds} с голоса). Микрофон работает.</translation>
    </message>
    <message>
        <source>Only silence: the microphone is muted or not connected.</source>
        <translation>Только тишина: микрофон выключен или не подключён.</translation>
    </message>
    <message>
        <source>Sound but no speech heard: speak during the test, closer to the microphone.</source>
        <translation>Звук есть, но речи не слышно: говорите во время проверки ближе к микрофону.</translation>
    </message>
    <message>
        <source>(Playback failed: no speakers?)</source>
        <translation>(Воспроизвести не удалось: нет динамиков?)</translation>
    </message>
</context>
<context>
    <name>RecordingBar</name>
    <message>
        <source>■ Stop recording (Ctrl+Shift+R)</source>
        <translation>■ Остановить запись (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>● Record (Ctrl+Shift+R)</source>
        <translation>● Записать (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>My consent</source>
        <translation>Моё согласие</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Возобновить запись</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Приостановить запись</translation>
    </message>
    <message>
        <source>Recording is off: this computer has no safe place for the recording keys. Selling works as usual. Fix: {hint}</source>
        <translation>Запись выключена: на этом компьютере нет защищённого хранилища для ключей записи. Продажи работают как обычно. Как исправить: {hint}</translation>
    </message>
    <message>
        <source>Microphone not working — check the cable; retrying.</source>
        <translation>Микрофон не работает — проверьте кабель; пробуем снова.</translation>
    </message>
    <message>
        <source>The microphone gives only silence — check that it is plugged in and not muted.</source>
        <translation>Микрофон передаёт только тишину — проверьте, что он подключён и не выключен.</translation>
    </message>
    <message>
        <source>No sound arrives from the microphone — check the cable.</source>
        <translation>От микрофона не приходит звук — проверьте кабель.</translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <source>Recording</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Recording (finishing)</source>
        <translation>Запись (завершается)</translation>
    </message>
    <message>
        <source>Microphone ready</source>
        <translation>Микрофон готов</translation>
    </message>
    <message>
        <source>Microphone problem</source>
        <translation>Проблема с микрофоном</translation>
    </message>
    <message>
        <source>Recording off</source>
        <translation>Запись выключена</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Нет согласия</translation>
    </message>
    <message>
        <source>Recording starts with the shift</source>
        <translation>Запись начнётся с открытием смены</translation>
    </message>
    <message>
        <source>Paused by supervisor: {reason}</source>
        <translation>Приостановлено старшим кассиром: {reason}</translation>
    </message>
    <message>
        <source>Recording off: no secure key store</source>
        <translation>Запись выключена: нет защищённого хранилища ключей</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund or void</source>
        <extracomment>The counter&apos;s ESC/POS printer when one is set up: the refund receipt comes out of it at once, as a sale&apos;s does after payment.</extracomment>
        <translation>Возврат или аннулирование</translation>
    </message>
    <message>
        <source>Scan the code on the receipt or type its number.</source>
        <translation>Отсканируйте код на чеке или введите его номер.</translation>
    </message>
    <message>
        <source>Receipt number or scanned code</source>
        <translation>Номер чека или код с чека</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Товар</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Продано</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>To refund</source>
        <translation>К возврату</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Refund all</source>
        <translation>Вернуть всё</translation>
    </message>
    <message>
        <source>Cash back</source>
        <translation>Наличными</translation>
    </message>
    <message>
        <source>Back to card</source>
        <translation>На карту</translation>
    </message>
    <message>
        <source>Reason (e.g. damaged, wrong item)</source>
        <translation>Причина (напр. брак, не тот товар)</translation>
    </message>
    <message>
        <source>Void sale…</source>
        <translation>Аннулировать чек…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>Вернуть (Enter)</translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation>Сначала найдите чек.</translation>
    </message>
    <message>
        <source>Nothing was refunded: a supervisor did not approve.</source>
        <translation>Возврат не выполнен: старший кассир не подтвердил.</translation>
    </message>
    <message>
        <source>Refunded {amount} in cash. Approved by {name}.</source>
        <translation>Возвращено наличными {amount}. Подтвердил(а): {name}.</translation>
    </message>
    <message>
        <source>Refunded {amount} to the card. Approved by {name}.</source>
        <translation>Возвращено на карту {amount}. Подтвердил(а): {name}.</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Аннулировать чек</translation>
    </message>
    <message>
        <source>Void sale No. {number} of {total}? The whole sale is cancelled.</source>
        <translation>Аннулировать чек № {number} на {total}? Продажа отменяется целиком.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>The sale was not voided: a supervisor did not approve.</source>
        <translation>Чек не аннулирован: старший кассир не подтвердил.</translation>
    </message>
    <message>
        <source>Sale No. {number} is voided.</source>
        <translation>Чек № {number} аннулирован.</translation>
    </message>
    <message>
        <source>cash {amount}</source>
        <translation>наличные {amount}</translation>
    </message>
    <message>
        <source>card {amount}</source>
        <translation>карта {amount}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Receipt No. {number}&lt;/b&gt; · {when} · {cashier}&lt;br&gt;Total {total} ({paid}) · refunded so far {refunded}</source>
        <translation>&lt;b&gt;Чек № {number}&lt;/b&gt; · {when} · {cashier}&lt;br&gt;Итого {total} ({paid}) · уже возвращено {refunded}</translation>
    </message>
    <message>
        <source>This sale is voided.</source>
        <translation>Этот чек аннулирован.</translation>
    </message>
    <message>
        <source> kg</source>
        <translation> кг</translation>
    </message>
    <message>
        <source> pcs</source>
        <translation> шт</translation>
    </message>
    <message>
        <source>To refund: {amount}</source>
        <translation>К возврату: {amount}</translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Enter the BIN or IIN: 12 digits.</source>
        <translation>Введите БИН или ИИН: 12 цифр.</translation>
    </message>
    <message>
        <source>A BIN/IIN has digits only (spaces are allowed).</source>
        <translation>БИН/ИИН состоит только из цифр (пробелы допустимы).</translation>
    </message>
    <message>
        <source>A BIN/IIN has exactly 12 digits.</source>
        <translation>В БИН/ИИН ровно 12 цифр.</translation>
    </message>
    <message>
        <source>This BIN/IIN does not exist: its check digit is wrong.</source>
        <translation>Такого БИН/ИИН не существует: неверна контрольная цифра.</translation>
    </message>
    <message>
        <source>Check it for a typo.</source>
        <translation>Проверьте, нет ли опечатки.</translation>
    </message>
    <message>
        <source>No BIN/IIN starts with these 11 digits.</source>
        <translation>БИН/ИИН не может начинаться с этих 11 цифр.</translation>
    </message>
    <message>
        <source>Enter the contact phone: +7 and 10 digits.</source>
        <translation>Введите контактный телефон: +7 и 10 цифр.</translation>
    </message>
    <message>
        <source>Write the phone as +7 and 10 digits,</source>
        <translation>Запишите телефон как +7 и 10 цифр,</translation>
    </message>
    <message>
        <source>e.g. +7 701 234 56 78 or 8 (701) 234-56-78.</source>
        <translation>например +7 701 234 56 78 или 8 (701) 234-56-78.</translation>
    </message>
    <message>
        <source>Enter the contact e-mail.</source>
        <translation>Введите контактный e-mail.</translation>
    </message>
    <message>
        <source>This is not an e-mail address, e.g. owner@cafe.kz.</source>
        <translation>Это не адрес электронной почты; пример: owner@cafe.kz.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Обязательное поле.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Слишком длинно.</translation>
    </message>
    <message>
        <source>Add at least one scan of the registration documents.</source>
        <translation>Добавьте хотя бы один скан регистрационных документов.</translation>
    </message>
    <message>
        <source>This file is {size} MB; a scan may be at most {limit} MB.</source>
        <translation>Файл весит {size} МБ; скан может быть не больше {limit} МБ.</translation>
    </message>
    <message>
        <source>Scan at a lower resolution or split it into several files.</source>
        <translation>Отсканируйте с меньшим разрешением или разделите на несколько файлов.</translation>
    </message>
    <message>
        <source>Only PDF, JPEG or PNG scans can be added.</source>
        <translation>Можно добавить только сканы в PDF, JPEG или PNG.</translation>
    </message>
    <message>
        <source>This file is not what its name says, or it is damaged.</source>
        <translation>Содержимое файла не соответствует его названию, или файл повреждён.</translation>
    </message>
    <message>
        <source>Save the scan again as PDF, JPEG or PNG.</source>
        <translation>Сохраните скан заново в PDF, JPEG или PNG.</translation>
    </message>
    <message>
        <source>This file cannot be read. Is it still there?</source>
        <translation>Файл не читается. Он всё ещё на месте?</translation>
    </message>
    <message>
        <source>At most {limit} scans can be added.</source>
        <translation>Можно добавить не больше {limit} сканов.</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>This till talks only to the demo&apos;s servers on this computer.</source>
        <translation>Эта касса работает только с демо-серверами на этом компьютере.</translation>
    </message>
    <message>
        <source>No registration is needed: no recording leaves this computer.</source>
        <translation>Регистрация не нужна: записи не покидают этот компьютер.</translation>
    </message>
    <message>
        <source>Not submitted yet.</source>
        <translation>Ещё не отправлена.</translation>
    </message>
    <message>
        <source>Until the registration is accepted, selling works as usual,</source>
        <translation>Пока регистрация не принята, продажи идут как обычно,</translation>
    </message>
    <message>
        <source>but no recording is sent for speech recognition.</source>
        <translation>но записи не отправляются на распознавание речи.</translation>
    </message>
    <message>
        <source>Submitted: it is sent to the operator when the till is online.</source>
        <translation>Отправлена: уйдёт оператору, когда касса будет в сети.</translation>
    </message>
    <message>
        <source>The operator received it and is checking it.</source>
        <translation>Оператор получил регистрацию и проверяет её.</translation>
    </message>
    <message>
        <source>Recordings wait until then.</source>
        <translation>До тех пор записи ждут.</translation>
    </message>
    <message>
        <source>Accepted: the store is registered.</source>
        <translation>Принята: магазин зарегистрирован.</translation>
    </message>
    <message>
        <source>Recordings are sent for speech recognition as set up.</source>
        <translation>Записи отправляются на распознавание речи согласно настройкам.</translation>
    </message>
    <message>
        <source>Rejected by the operator: {reason}</source>
        <translation>Оператор отклонил регистрацию: {reason}</translation>
    </message>
    <message>
        <source>Correct the form and submit it again.</source>
        <translation>Исправьте анкету и отправьте её снова.</translation>
    </message>
    <message>
        <source>Company or entrepreneur</source>
        <translation>Компания или ИП</translation>
    </message>
    <message>
        <source>BIN / IIN</source>
        <translation>БИН / ИИН</translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation>Юридический адрес</translation>
    </message>
    <message>
        <source>The store&apos;s owner</source>
        <translation>Владелец магазина</translation>
    </message>
    <message>
        <source>As in the state registration: a company&apos;s BIN, or an entrepreneur&apos;s IIN.</source>
        <translation>Как в государственной регистрации: БИН компании или ИИН индивидуального предпринимателя.</translation>
    </message>
    <message>
        <source>Contact person (full name)</source>
        <translation>Контактное лицо (ФИО)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактное лицо</translation>
    </message>
    <message>
        <source>The operator writes or calls this person about the registration.</source>
        <translation>Оператор пишет или звонит этому человеку по поводу регистрации.</translation>
    </message>
    <message>
        <source>Scanned documents</source>
        <translation>Сканы документов</translation>
    </message>
    <message>
        <source>The certificate of state registration and the like:</source>
        <translation>Свидетельство (справка) о государственной регистрации и подобные документы:</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, up to {limit} MB each.</source>
        <translation>PDF, JPEG или PNG, до {limit} МБ каждый.</translation>
    </message>
    <message>
        <source>Add a scan…</source>
        <translation>Добавить скан…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Add a scan</source>
        <translation>Добавить скан</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Сканы (*.pdf *.jpg *.jpeg *.png);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Submit sends the form and the scans to the operator when the till is online.</source>
        <translation>«Отправить» передаст анкету и сканы оператору, когда касса будет в сети.</translation>
    </message>
    <message>
        <source>Store registration</source>
        <translation>Регистрация магазина</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Open the registration wizard…</source>
        <translation>Открыть мастер регистрации…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <source>Z report No. {number}</source>
        <translation>Z-отчёт № {number}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Сохранить PDF…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Сохранить отчёт в PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}. Choose another folder.</source>
        <translation>Не удалось записать {path}. Выберите другую папку.</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Difference (short)</source>
        <translation>Расхождение (недостача)</translation>
    </message>
    <message>
        <source>Difference (over)</source>
        <translation>Расхождение (излишек)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Расхождение</translation>
    </message>
    <message>
        <source>Sales registered</source>
        <translation>Продажи зарегистрированы</translation>
    </message>
    <message>
        <source>Refunds registered</source>
        <translation>Возвраты зарегистрированы</translation>
    </message>
    <message>
        <source>Cash in registered</source>
        <translation>Внесения зарегистрированы</translation>
    </message>
    <message>
        <source>Cash out registered</source>
        <translation>Изъятия зарегистрированы</translation>
    </message>
    <message>
        <source>Not registered yet: waiting {n}, refused {m}</source>
        <translation>Ещё не зарегистрировано: ждут {n}, отклонено {m}</translation>
    </message>
    <message>
        <source>Differs from the cash register</source>
        <translation>Расходится с онлайн-кассой</translation>
    </message>
    <message>
        <source>Matches the cash register</source>
        <translation>Совпадает с онлайн-кассой</translation>
    </message>
    <message>
        <source>Fiscal registration (cash register / till)</source>
        <translation>Фискальная регистрация (онлайн-касса / касса)</translation>
    </message>
    <message>
        <source>X report — shift still open</source>
        <translation>X-отчёт — смена ещё открыта</translation>
    </message>
    <message>
        <source>Z report No. {number}</source>
        <translation>Z-отчёт № {number}</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>ещё открыта</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Напечатан</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Продажи</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеков</translation>
    </message>
    <message>
        <source>Before discounts</source>
        <translation>До скидок</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Скидки</translation>
    </message>
    <message>
        <source>Sales total</source>
        <translation>Сумма продаж</translation>
    </message>
    <message>
        <source>paid in cash</source>
        <translation>наличными</translation>
    </message>
    <message>
        <source>paid by card</source>
        <translation>картой</translation>
    </message>
    <message>
        <source>Voided sales</source>
        <translation>Аннулировано чеков</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Возвраты</translation>
    </message>
    <message>
        <source>Refunds total</source>
        <translation>Сумма возвратов</translation>
    </message>
    <message>
        <source>in cash</source>
        <translation>наличными</translation>
    </message>
    <message>
        <source>to card</source>
        <translation>на карту</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>Чистая выручка</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Размен на начало</translation>
    </message>
    <message>
        <source>+ Cash sales</source>
        <translation>+ Продажи наличными</translation>
    </message>
    <message>
        <source>− Cash refunds</source>
        <translation>− Возвраты наличными</translation>
    </message>
    <message>
        <source>+ Cash in</source>
        <translation>+ Внесения</translation>
    </message>
    <message>
        <source>− Cash out</source>
        <translation>− Изъятия</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Должно быть в кассе</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Пересчитано</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Наличные в кассе</translation>
    </message>
    <message>
        <source>of it handed back by refunds</source>
        <translation>в т. ч. возвращено по возвратам</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>VAT {rate}</source>
        <translation>НДС {rate}</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Нет продаж</translation>
    </message>
    <message>
        <source>Cash count</source>
        <translation>Пересчёт кассы</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление из копии</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Recovery passphrase or code</source>
        <translation>Фраза или код восстановления</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Файл копии</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>PIN администратора</translation>
    </message>
    <message>
        <source>The till&apos;s data is replaced by the backup&apos;s: sales, shifts and recordings made after the backup was taken are lost. Recordings destroyed since then stay destroyed. The till closes when the backup is ready and finishes the restore when it is started again.</source>
        <translation>Данные кассы заменяются данными копии: продажи, смены и записи, сделанные после создания копии, пропадут. Записи, уничтоженные с тех пор, останутся уничтоженными. Когда копия будет готова, касса закроется и завершит восстановление при следующем запуске.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation>Закрыть кассу</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>Сначала выберите файл копии.</translation>
    </message>
    <message>
        <source>Type an admin&apos;s PIN.</source>
        <translation>Введите PIN администратора.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Проверяем копию…</translation>
    </message>
    <message>
        <source>The backup of {when} is verified and ready. The till closes now; start it again to finish the restore.</source>
        <translation>Копия от {when} проверена и готова. Сейчас касса закроется; запустите её снова, чтобы завершить восстановление.</translation>
    </message>
    <message>
        <source>The analytics backend could not be reached: recordings destroyed on another computer may come back. Restore again when online before the till is used.</source>
        <translation>Сервер аналитики недоступен: записи, уничтоженные на другом компьютере, могут вернуться. Повторите восстановление при наличии связи, прежде чем работать на кассе.</translation>
    </message>
    <message>
        <source>This computer&apos;s secret store does not hold this backup&apos;s key: type the recovery passphrase or the printed recovery code.</source>
        <translation>В хранилище секретов этого компьютера нет ключа этой копии: введите фразу восстановления или напечатанный код восстановления.</translation>
    </message>
    <message>
        <source>The backup could not be read or the data folder could not be written ({error}). Nothing was changed.</source>
        <translation>Не удалось прочитать копию или записать в папку данных ({error}). Ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>The till removes old data by itself at start-up and every day. Audio is destroyed so that no copy can be played again.</source>
        <extracomment>(policy field, setting, True for years) in the order the page shows them.</extracomment>
        <translation>Касса сама удаляет старые данные при запуске и каждый день. Аудио уничтожается так, что ни одну копию уже нельзя прослушать.</translation>
    </message>
    <message>
        <source> years</source>
        <translation> г.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Save periods</source>
        <translation>Сохранить сроки</translation>
    </message>
    <message>
        <source>Retention periods saved.</source>
        <translation>Сроки хранения сохранены.</translation>
    </message>
    <message>
        <source>No purge has removed anything yet.</source>
        <translation>Очистка пока ничего не удаляла.</translation>
    </message>
    <message>
        <source>Recordings were skipped: the key file could not be opened.</source>
        <translation>Записи пропущены: файл ключей не открылся.</translation>
    </message>
    <message>
        <source>The audit trail was skipped: the audit key is missing.</source>
        <translation>Журнал аудита пропущен: нет ключа аудита.</translation>
    </message>
    <message>
        <source>Last purge {when}: audio {audio}, transcripts {transcripts}, sales {sales}, audit entries {audit}.</source>
        <translation>Последняя очистка {when}: аудио — {audio}, расшифровок — {transcripts}, продаж — {sales}, записей аудита — {audit}.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Conversations</source>
        <translation>Разговоры</translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation>Мои разговоры</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
</context>
<context>
    <name>ReviewItems</name>
    <message>
        <source>Passed</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Не применимо</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыт</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принят</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонён</translation>
    </message>
    <message>
        <source>Counted: the words «{phrase}».</source>
        <translation>Засчитано: слова «{phrase}».</translation>
    </message>
    <message>
        <source>Counted: a choice asked about the order.</source>
        <translation>Засчитано: вопрос с выбором о заказе.</translation>
    </message>
    <message>
        <source>Counted: a question about the order («{phrase}»).</source>
        <translation>Засчитано: вопрос о заказе («{phrase}»).</translation>
    </message>
    <message>
        <source>Counted: an open question about what the customer wants.</source>
        <translation>Засчитано: открытый вопрос о том, что нужно покупателю.</translation>
    </message>
    <message>
        <source>Counted: a question about how much or how many.</source>
        <translation>Засчитано: вопрос о количестве.</translation>
    </message>
    <message>
        <source>Counted: «{phrase}» asked as a question about the order.</source>
        <translation>Засчитано: «{phrase}» — уточняющий вопрос о заказе.</translation>
    </message>
    <message>
        <source>Counted: a question about what the customer ordered.</source>
        <translation>Засчитано: уточнение заказанного.</translation>
    </message>
    <message>
        <source>Counted: «{phrase}» offered before the customer asked for it.</source>
        <translation>Засчитано: «{phrase}» предложено до того, как покупатель попросил.</translation>
    </message>
    <message>
        <source>Counted: a bigger size or pack offered.</source>
        <translation>Засчитано: предложен больший размер или упаковка.</translation>
    </message>
    <message>
        <source>a greeting by the cashier at the start</source>
        <translation>приветствие кассира в начале</translation>
    </message>
    <message>
        <source>a question about what the customer wants</source>
        <translation>вопрос о том, что нужно покупателю</translation>
    </message>
    <message>
        <source>an offer of something the customer had not asked for</source>
        <translation>предложение того, о чём покупатель не просил</translation>
    </message>
    <message>
        <source>a question about the loyalty card or app</source>
        <translation>вопрос о бонусной карте или приложении</translation>
    </message>
    <message>
        <source>thanks or a goodbye by the cashier at the end</source>
        <translation>благодарность или прощание кассира в конце</translation>
    </message>
    <message>
        <source>Listened for {what}, such as {examples}.</source>
        <translation>Искали {what}, например {examples}.</translation>
    </message>
    <message>
        <source>Listened for {what}.</source>
        <translation>Искали {what}.</translation>
    </message>
    <message>
        <source>Listened for {examples}.</source>
        <translation>Искали {examples}.</translation>
    </message>
    <message>
        <source>Not heard in the conversation.</source>
        <translation>В разговоре не прозвучало.</translation>
    </message>
    <message>
        <source>Said by the customer, not the cashier.</source>
        <translation>Сказал покупатель, а не кассир.</translation>
    </message>
    <message>
        <source>Said, but not at the right moment.</source>
        <translation>Прозвучало, но не в нужный момент.</translation>
    </message>
    <message>
        <source>No offer was heard.</source>
        <translation>Предложения не было.</translation>
    </message>
    <message>
        <source>Does not apply to this conversation.</source>
        <translation>К этому разговору не относится.</translation>
    </message>
</context>
<context>
    <name>ScorecardEditor</name>
    <message>
        <source>Café preset</source>
        <translation>Шаблон «Кафе»</translation>
    </message>
    <message>
        <source>Shop preset</source>
        <translation>Шаблон «Магазин»</translation>
    </message>
    <message>
        <source>Our own card</source>
        <translation>Свой чек-лист</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Only an admin can change the scorecard; you see it as it is.</source>
        <translation>Менять чек-лист может только администратор; здесь он показан как есть.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Пункты</translation>
    </message>
    <message>
        <source>Upsell offers</source>
        <translation>Допродажи</translation>
    </message>
    <message>
        <source>Advanced: JSON</source>
        <translation>Для опытных: JSON</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Баллы</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>Фразы</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Save scorecard</source>
        <translation>Сохранить чек-лист</translation>
    </message>
    <message>
        <source>From the backend, version {version}: a change made here is replaced at the next pull.</source>
        <translation>С сервера, версия {version}: изменение, сделанное здесь, будет заменено при следующей загрузке с сервера.</translation>
    </message>
    <message>
        <source>Problems to fix before saving: {n}. Your draft is kept.</source>
        <translation>Перед сохранением исправьте ошибки: {n}. Черновик сохранён на экране.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Есть несохранённые изменения.</translation>
    </message>
    <message>
        <source>Replace the draft?</source>
        <translation>Заменить черновик?</translation>
    </message>
    <message>
        <source>The preset replaces the changes you have not saved. Go on?</source>
        <translation>Шаблон заменит несохранённые изменения. Продолжить?</translation>
    </message>
    <message>
        <source>Saved. New conversations are scored with this card; scores already given stay as they are.</source>
        <translation>Сохранено. Новые разговоры оцениваются по этому чек-листу; уже выставленные оценки не меняются.</translation>
    </message>
</context>
<context>
    <name>ScorecardProblems</name>
    <message>
        <source>phrase {n}</source>
        <translation>фраза {n}</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>points</source>
        <translation>баллы</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>штраф</translation>
    </message>
    <message>
        <source>who says it</source>
        <translation>кто говорит</translation>
    </message>
    <message>
        <source>time window</source>
        <translation>время</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>детектор</translation>
    </message>
    <message>
        <source>not applicable if</source>
        <translation>не учитывать, если</translation>
    </message>
    <message>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <source>checklist</source>
        <translation>пункты</translation>
    </message>
    <message>
        <source>format</source>
        <translation>формат</translation>
    </message>
    <message>
        <source>version</source>
        <translation>версия</translation>
    </message>
    <message>
        <source>phrases ({language})</source>
        <translation>фразы ({language})</translation>
    </message>
    <message>
        <source>offer cues ({language})</source>
        <translation>слова предложения ({language})</translation>
    </message>
    <message>
        <source>synonyms “{key}”</source>
        <translation>другие названия «{key}»</translation>
    </message>
    <message>
        <source>upsell offers</source>
        <translation>допродажи</translation>
    </message>
    <message>
        <source>Item {n} “{title}”</source>
        <translation>Пункт {n} «{title}»</translation>
    </message>
    <message>
        <source>Item {n}</source>
        <translation>Пункт {n}</translation>
    </message>
</context>
<context>
    <name>ScorecardTable</name>
    <message>
        <source>Required</source>
        <translation>Обязательный</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Бонусный</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Запрещённый</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Критический</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Любой</translation>
    </message>
    <message>
        <source>(new item)</source>
        <translation>(новый пункт)</translation>
    </message>
    <message>
        <source>score 0</source>
        <translation>оценка 0</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>всегда</translation>
    </message>
    <message>
        <source>last {s} s</source>
        <translation>последние {s} с</translation>
    </message>
    <message>
        <source>first {s} s</source>
        <translation>первые {s} с</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>детектор</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Scan a barcode or type a name, SKU…</source>
        <translation>Сканируйте штрихкод или введите название, артикул…</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>По запросу «{query}» ничего не найдено.</translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>Персонал</translation>
    </message>
    <message>
        <source>Find an employee</source>
        <translation>Найти сотрудника</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Старший кассир</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 цифр)</translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation>Добавить сотрудника</translation>
    </message>
    <message>
        <source>Set new PIN for selected</source>
        <translation>Сменить PIN выбранному</translation>
    </message>
    <message>
        <source>Deactivate / activate selected</source>
        <translation>Отключить / включить выбранного</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>старший кассир</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(отключён)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The disk that holds {path} is full. Free some space on it (the database itself is fine) and start again.</source>
        <translation>Диск, на котором лежит {path}, заполнен. Освободите на нём место (сама база данных в порядке) и запустите программу снова.</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close the other program (or another copy of 4Sell Cashier) and start again.</source>
        <translation>База данных {path} занята другой программой. Закройте её (или другую копию 4Sell Cashier) и запустите снова.</translation>
    </message>
    <message>
        <source>The database {path} is damaged. Restore the latest copy from the folder {backups} (close the app, replace the file, start again) or call support.</source>
        <translation>База данных {path} повреждена. Восстановите последнюю копию из папки {backups} (закройте программу, замените файл, запустите снова) или позвоните в поддержку.</translation>
    </message>
    <message>
        <source>The database {path} is empty or missing, although this till has been used. Nothing was created in its place. Restore the latest copy from the folder {backups} (close the app, copy it to {path}, start again) or call support.</source>
        <translation>База данных {path} пуста или отсутствует, хотя на этой кассе уже работали. Новая база на её месте не создавалась. Восстановите последнюю копию из папки {backups} (закройте программу, скопируйте её в {path}, запустите снова) или обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written. Check the folder&apos;s permissions and that the disk is not full or write-protected.</source>
        <translation>Не удаётся записать в базу данных {path}. Проверьте права на папку, что диск не заполнен и не защищён от записи.</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of 4Sell Cashier. Install the newer version to open it.</source>
        <translation>База данных {path} записана более новой версией 4Sell Cashier. Установите новую версию, чтобы открыть её.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened ({kind}).</source>
        <translation>Не удаётся открыть базу данных {path} ({kind}).</translation>
    </message>
    <message>
        <source>The newest copy that passes its check is {backup}.</source>
        <translation>Самая новая копия, прошедшая проверку: {backup}.</translation>
    </message>
    <message>
        <source>4Sell Cashier cannot start</source>
        <translation>4Sell Cashier не может запуститься</translation>
    </message>
</context>
<context>
    <name>StoreSettingsDialog</name>
    <message>
        <source>Store settings</source>
        <translation>Настройки магазина</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Сохранить настройки</translation>
    </message>
</context>
<context>
    <name>SyncAdminPage</name>
    <message>
        <source>Save sync settings</source>
        <translation>Сохранить настройки синхронизации</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <source>DEMO MODE: this till talks to FAKE servers on this computer. Transcripts are made up by them, they are not real speech recognition.</source>
        <translation>ДЕМО-РЕЖИМ: касса работает с ПОДДЕЛЬНЫМИ серверами на этом компьютере. Расшифровки придуманы ими, это не настоящее распознавание речи.</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>Распознавание речи</translation>
    </message>
    <message>
        <source>No fallback</source>
        <translation>Без запасного</translation>
    </message>
    <message>
        <source>Detect (Russian or Kazakh)</source>
        <translation>Определять (русский или казахский)</translation>
    </message>
    <message>
        <source>Keys (kept in the system&apos;s secret store, never shown again)</source>
        <translation>Ключи (хранятся в системном хранилище секретов, больше не показываются)</translation>
    </message>
    <message>
        <source>Analytics server token</source>
        <translation>Токен сервера аналитики</translation>
    </message>
    <message>
        <source>ElevenLabs API key</source>
        <translation>API-ключ ElevenLabs</translation>
    </message>
    <message>
        <source>Yandex API key</source>
        <translation>API-ключ Yandex</translation>
    </message>
    <message>
        <source>type a new one to replace it</source>
        <translation>введите новый, чтобы заменить</translation>
    </message>
    <message>
        <source>Waiting and refused</source>
        <translation>В очереди и отклонённые</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Повторить выбранные</translation>
    </message>
    <message>
        <source>Drop selected for good</source>
        <translation>Удалить выбранные навсегда</translation>
    </message>
    <message>
        <source>Store data from the server</source>
        <translation>Данные магазина с сервера</translation>
    </message>
    <message>
        <source>Products and prices</source>
        <translation>Товары и цены</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Персонал</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>Настройки магазина</translation>
    </message>
    <message>
        <source>Quality checklist</source>
        <translation>Чек-лист качества</translation>
    </message>
    <message>
        <source>Privacy policy</source>
        <translation>Политика конфиденциальности</translation>
    </message>
    <message>
        <source>{what}: nothing received yet</source>
        <translation>{what}: пока ничего не получено</translation>
    </message>
    <message>
        <source>{what}: updated {when}</source>
        <translation>{what}: обновлено {when}</translation>
    </message>
    <message>
        <source>Not applied (the rest was): {resource} — {problem}</source>
        <translation>Не применено (остальное применено): {resource} — {problem}</translation>
    </message>
    <message>
        <source>The system&apos;s secret store is unavailable, so keys cannot be saved or used: {hint}</source>
        <translation>Системное хранилище секретов недоступно, ключи нельзя сохранить или использовать: {hint}</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>недоступно</translation>
    </message>
    <message>
        <source>set</source>
        <translation>задан</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>не задан</translation>
    </message>
    <message>
        <source>Sales and shifts</source>
        <translation>Продажи и смены</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>{lane}: {pending} waiting ({failed} after an error), {sending} sending, {dead} refused</source>
        <translation>{lane}: в очереди {pending} (после ошибки {failed}), отправляется {sending}, отклонено {dead}</translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation>старейшему {age}</translation>
    </message>
    <message>
        <source>Select the items first.</source>
        <translation>Сначала выберите записи.</translation>
    </message>
    <message>
        <source>Sent again: {n}.</source>
        <translation>Отправятся снова: {n}.</translation>
    </message>
    <message>
        <source>Dropped: {n}. This is in the audit log.</source>
        <translation>Удалено: {n}. Это записано в журнал аудита.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>less than a minute</source>
        <extracomment>Icon/dot colour per overall state.</extracomment>
        <translation>меньше минуты</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} ч</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} дн</translation>
    </message>
    <message>
        <source>events {n}</source>
        <translation>событий {n}</translation>
    </message>
    <message>
        <source>recordings {n}</source>
        <translation>записей {n}</translation>
    </message>
    <message>
        <source>Sync: not set up, data stays on this till</source>
        <translation>Синхронизация: не настроена, данные остаются на этой кассе</translation>
    </message>
    <message>
        <source>Sync paused, waiting: {what}</source>
        <translation>Синхронизация приостановлена, в очереди: {what}</translation>
    </message>
    <message>
        <source>Sync, waiting: {what}</source>
        <translation>Синхронизация, в очереди: {what}</translation>
    </message>
    <message>
        <source>refused {n}, see Settings → Sync</source>
        <translation>отклонено {n}, см. Настройки → Синхронизация</translation>
    </message>
    <message>
        <source>Sync, sending: {what}</source>
        <translation>Синхронизация, отправка: {what}</translation>
    </message>
    <message>
        <source>Items refused by the server: {n}. An admin can retry or drop them in Settings → Sync.</source>
        <translation>Сервер отклонил записей: {n}. Администратор может повторить или удалить их в Настройки → Синхронизация.</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Синхронизация приостановлена</translation>
    </message>
    <message>
        <source>a key was refused: an admin must check Settings → Sync</source>
        <translation>ключ отклонён: администратору нужно проверить Настройки → Синхронизация</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>нет связи с {time}</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>нет связи</translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation>старейшему {age}</translation>
    </message>
    <message>
        <source>Sync: all sent, last at {time}</source>
        <translation>Синхронизация: всё отправлено, последний раз в {time}</translation>
    </message>
    <message>
        <source>Sync: nothing to send</source>
        <translation>Синхронизация: отправлять нечего</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Sales data has been waiting for {age}.</source>
        <translation>Данные продаж ждут отправки уже {age}.</translation>
    </message>
    <message>
        <source>Recordings have been waiting for {age}.</source>
        <translation>Записи ждут отправки уже {age}.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>DEMO: transcripts come from FAKE servers, not real speech recognition</source>
        <translation>ДЕМО: расшифровки от ПОДДЕЛЬНЫХ серверов, это не настоящее распознавание речи</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>4Sell sync needs attention</source>
        <extracomment>The fiscal lane&apos;s overview (set by the app when fiscal registration runs).</extracomment>
        <translation>Синхронизация 4Sell требует внимания</translation>
    </message>
    <message>
        <source>Sales and shifts</source>
        <translation>Продажи и смены</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>DEMO: transcripts come from FAKE servers, not real speech recognition</source>
        <translation>ДЕМО: расшифровки от ПОДДЕЛЬНЫХ серверов, это не настоящее распознавание речи</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Возобновить синхронизацию</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>Приостановить синхронизацию</translation>
    </message>
    <message>
        <source>Open till</source>
        <translation>Открыть кассу</translation>
    </message>
    <message>
        <source>Quit 4Sell</source>
        <translation>Выйти из 4Sell</translation>
    </message>
    <message>
        <source>{lane}: {n} waiting, oldest {age}</source>
        <translation>{lane}: в очереди {n}, старейшему {age}</translation>
    </message>
    <message>
        <source>{lane}: all sent</source>
        <translation>{lane}: всё отправлено</translation>
    </message>
    <message>
        <source>last sent {time}</source>
        <translation>последняя отправка {time}</translation>
    </message>
    <message>
        <source>{n} refused, waiting for an admin</source>
        <translation>отклонено {n}, ждут администратора</translation>
    </message>
    <message>
        <source>last error: {error}</source>
        <translation>последняя ошибка: {error}</translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation>Фискальные чеки</translation>
    </message>
    <message>
        <source>{lane}: {n} waiting, {m} refused</source>
        <translation>{lane}: ждут {n}, отклонено {m}</translation>
    </message>
    <message>
        <source>{lane}: all registered</source>
        <translation>{lane}: все зарегистрированы</translation>
    </message>
    <message>
        <source>Receipts wait for the tax office: selling stops at 72 h</source>
        <translation>Чеки ждут регистрации в налоговой: через 72 ч продажи остановятся</translation>
    </message>
    <message>
        <source>72 h without the tax office: selling stopped</source>
        <translation>72 ч без связи с налоговой: продажи остановлены</translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <source>Quantity</source>
        <extracomment>Actions the main window carries out (dialogs that belong to shifts, refunds, the catalog).</extracomment>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Скидка на строку</translation>
    </message>
    <message>
        <source>Receipt discount</source>
        <translation>Скидка на чек</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Наличные</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Новый чек</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Отложить</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Вернуть отложенный</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чеки</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>Внесение / изъятие</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Открыть смену</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Закрыть смену</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Settings &amp; staff</source>
        <translation>Настройки и персонал</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Блокировать</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Открыть ящик</translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation>Мои разговоры</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Разговоры</translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first (F9).</source>
        <translation>Смена не открыта. Сначала откройте смену (F9).</translation>
    </message>
    <message>
        <source>This item has no options.</source>
        <translation>У этого товара нет вариантов.</translation>
    </message>
    <message>
        <source>Choose a line in the cart first.</source>
        <translation>Сначала выберите строку чека.</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item first.</source>
        <translation>Чек пуст: сначала отсканируйте товар.</translation>
    </message>
    <message>
        <source>Cancel the sale?</source>
        <translation>Отменить чек?</translation>
    </message>
    <message>
        <source>Remove all items and start a new sale?</source>
        <translation>Удалить все товары и начать новый чек?</translation>
    </message>
    <message>
        <source>Cancel the sale</source>
        <translation>Отменить чек</translation>
    </message>
    <message>
        <source>Keep selling</source>
        <translation>Продолжить продажу</translation>
    </message>
    <message>
        <source>The sale is parked. Recall it with F4.</source>
        <translation>Чек отложен. Вернуть его — F4.</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>Нет отложенных чеков.</translation>
    </message>
    <message>
        <source>The cart is not empty. Park this sale first, then choose the one to recall?</source>
        <translation>В чеке есть товары. Отложить этот чек и затем выбрать тот, который вернуть?</translation>
    </message>
    <message>
        <source>Park and recall</source>
        <translation>Отложить и вернуть</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Покупатель</translation>
    </message>
</context>
<context>
    <name>TrialBar</name>
    <message>
        <source>Try on saved conversations</source>
        <translation>Проверить на записанных разговорах</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Последние</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>Оцениваем…</translation>
    </message>
    <message>
        <source>{n} conversations: {changed} would score differently; average {before} → {after}. Nothing was saved.</source>
        <translation>Разговоров: {n}, оценка изменится у {changed}; в среднем {before} → {after}. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>Trying the card failed; nothing was changed.</source>
        <translation>Не удалось проверить чек-лист; ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>UpsellForm</name>
    <message>
        <source>Offer cues, {language} (one per line)</source>
        <translation>Слова предложения, {language} (по одному в строке)</translation>
    </message>
    <message>
        <source>A cashier&apos;s sentence with an offer cue and a product or category in it counts as an upsell offer.</source>
        <translation>Фраза кассира, где есть слово предложения и товар или категория, считается предложением допродажи.</translation>
    </message>
    <message>
        <source>More names for products and categories: one per line, sku:&lt;SKU&gt; or category:&lt;name&gt; = name | name</source>
        <translation>Другие названия товаров и категорий: по одному в строке, sku:&lt;SKU&gt; или category:&lt;name&gt; = название | название</translation>
    </message>
</context>
<context>
    <name>ValueDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>OK (Enter)</source>
        <translation>ОК (Enter)</translation>
    </message>
</context>
<context>
    <name>Waveform</name>
    <message>
        <source>Loading the recording…</source>
        <translation>Загружаем запись…</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Отозвать согласие</translation>
    </message>
    <message>
        <source>Reason, e.g. the employee&apos;s written request of today</source>
        <translation>Причина, например письменное заявление сотрудника от сегодняшнего дня</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Отмена (Esc)</translation>
    </message>
    <message>
        <source>Withdraw the consent of {name} on their behalf: recording and sending their audio abroad stop at once, and their recordings not yet processed are held (not sent, not transcribed, not scored). The reason is kept and audited.</source>
        <translation>Отозвать согласие сотрудника {name} от его имени: запись и передача его аудио за рубеж сразу прекращаются, а ещё не обработанные записи задерживаются (не отправляются, не расшифровываются, не оцениваются). Причина сохраняется в журнале аудита.</translation>
    </message>
    <message>
        <source>{count} recordings of {name} are held. Destroy them now? Their keys are destroyed and nobody can listen to them again; this cannot be undone. Or keep them held: they are never sent or scored.</source>
        <translation>Задержано записей сотрудника {name}: {count}. Уничтожить их сейчас? Их ключи будут уничтожены, и никто больше не сможет их прослушать; это необратимо. Или оставьте их задержанными: они никогда не будут отправлены или оценены.</translation>
    </message>
    <message>
        <source>Keep them held</source>
        <translation>Оставить задержанными</translation>
    </message>
    <message>
        <source>Destroy {count} recordings</source>
        <translation>Уничтожить записи: {count}</translation>
    </message>
</context>
<context>
    <name>backoffice</name>
    <message>
        <source>Something went wrong and nothing was saved. Try again; if it keeps happening, restart the till.</source>
        <translation>Что-то пошло не так, ничего не сохранено. Попробуйте ещё раз; если ошибка повторяется, перезапустите кассу.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>The backup folder does not exist. Plug in the drive or choose another folder.</source>
        <translation>Папки для копий нет. Подключите диск или выберите другую папку.</translation>
    </message>
    <message>
        <source>The backup folder cannot be written to.</source>
        <translation>В папку для копий нельзя записать.</translation>
    </message>
    <message>
        <source>The backup folder&apos;s disk is full. Nothing was left behind.</source>
        <translation>Диск папки для копий заполнен. Незаконченных файлов не осталось.</translation>
    </message>
    <message>
        <source>The backup could not be written. Nothing was left behind.</source>
        <translation>Не удалось записать копию. Незаконченных файлов не осталось.</translation>
    </message>
    <message>
        <source>Set the recovery passphrase first.</source>
        <translation>Сначала задайте фразу восстановления.</translation>
    </message>
    <message>
        <source>The passphrase must have at least 12 characters.</source>
        <translation>Фраза должна быть не короче 12 символов.</translation>
    </message>
    <message>
        <source>Wrong recovery passphrase.</source>
        <translation>Неверная фраза восстановления.</translation>
    </message>
    <message>
        <source>The backup is incomplete (cut off). Use another one.</source>
        <translation>Копия неполная (обрезана). Возьмите другую.</translation>
    </message>
    <message>
        <source>The backup was altered or damaged. Use another one.</source>
        <translation>Копия изменена или повреждена. Возьмите другую.</translation>
    </message>
    <message>
        <source>The database inside the backup is damaged.</source>
        <translation>База данных внутри копии повреждена.</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of the app. Update the app first.</source>
        <translation>Копия сделана более новой версией программы. Сначала обновите программу.</translation>
    </message>
    <message>
        <source>This file is not a 4Sell backup.</source>
        <translation>Этот файл не является копией 4Sell.</translation>
    </message>
    <message>
        <source>The backup file is gone. Was the drive unplugged? Plug it in and try again.</source>
        <translation>Файл копии пропал. Накопитель отключили? Подключите его и повторите.</translation>
    </message>
    <message>
        <source>The secret store cannot keep the till&apos;s keys. Nothing was changed.</source>
        <translation>Хранилище секретов не может сохранить ключи кассы. Ничего не изменено.</translation>
    </message>
    <message>
        <source>This backup carries no passphrase: only the computer that made it can open it.</source>
        <translation>В этой копии нет фразы восстановления: открыть её может только компьютер, который её создал.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>“{text}” is not an amount. Type digits, e.g. 1250 or 1250,50.</source>
        <translation>«{text}» — не сумма. Введите цифры, например 1250 или 1250,50.</translation>
    </message>
    <message>
        <source>That amount is too large.</source>
        <translation>Слишком большая сумма.</translation>
    </message>
    <message>
        <source>A discount cannot be negative.</source>
        <translation>Скидка не может быть отрицательной.</translation>
    </message>
    <message>
        <source>A discount cannot be more than 100 %.</source>
        <translation>Скидка не может быть больше 100 %.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Количество должно быть больше нуля.</translation>
    </message>
    <message>
        <source>Pieces are sold in whole numbers.</source>
        <translation>Штучный товар продаётся только целыми.</translation>
    </message>
    <message>
        <source>More than {max} pieces on one line: check the quantity.</source>
        <translation>Больше {max} шт. в одной строке: проверьте количество.</translation>
    </message>
    <message>
        <source>More than {max} kg: check the weight.</source>
        <translation>Больше {max} кг: проверьте вес.</translation>
    </message>
    <message>
        <source>The receipt total would be too large.</source>
        <translation>Сумма чека получится слишком большой.</translation>
    </message>
    <message>
        <source>Tendered {tendered} is less than {due} due.</source>
        <translation>Получено {tendered} — меньше суммы к оплате {due}.</translation>
    </message>
    <message>
        <source>The card amount is more than the total.</source>
        <translation>Сумма по карте больше суммы чека.</translation>
    </message>
    <message>
        <source>The card already covers the total; no cash is needed.</source>
        <translation>Карта покрывает всю сумму; наличные не нужны.</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item first.</source>
        <translation>Чек пуст: сначала отсканируйте товар.</translation>
    </message>
    <message>
        <source>The disk of this till is full, so nothing was saved. Free some space or call support, then try again.</source>
        <translation>Диск кассы заполнен, поэтому ничего не сохранено. Освободите место или обратитесь в поддержку, затем попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The database is busy (another program is using it), so nothing was saved. Try again in a moment; if it repeats, close the other program.</source>
        <translation>База данных занята другой программой, поэтому ничего не сохранено. Попробуйте ещё раз через минуту; если не поможет, закройте другую программу.</translation>
    </message>
    <message>
        <source>The database cannot be written (the file or its folder is read-only), so nothing was saved. Call support.</source>
        <translation>В базу данных нельзя записать (файл или папка только для чтения), поэтому ничего не сохранено. Обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>The database is damaged, so nothing was saved. Stop selling on this till and call support: it must be restored from a backup copy.</source>
        <translation>База данных повреждена, поэтому ничего не сохранено. Прекратите продажи на этой кассе и обратитесь в поддержку: базу нужно восстановить из резервной копии.</translation>
    </message>
    <message>
        <source>The disk reported an error, so nothing was saved. Try again; if it repeats, call support.</source>
        <translation>Диск сообщил об ошибке, поэтому ничего не сохранено. Попробуйте ещё раз; если ошибка повторится, обратитесь в поддержку.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>PIN состоит из 4–8 цифр.</translation>
    </message>
    <message>
        <source>This employee is not active any more.</source>
        <translation>Этот сотрудник больше не активен.</translation>
    </message>
    <message>
        <source>Wrong PIN. {left} attempts left.</source>
        <translation>Неверный PIN. Осталось попыток: {left}.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until {until}; ask a supervisor.</source>
        <translation>Слишком много неверных PIN. Вход заблокирован до {until}; обратитесь к старшему кассиру.</translation>
    </message>
    <message>
        <source>That is not a supervisor&apos;s PIN.</source>
        <translation>Это не PIN старшего кассира.</translation>
    </message>
    <message>
        <source>Too many wrong PINs in a row: approvals are locked until {until}.</source>
        <translation>Слишком много неверных PIN-кодов подряд: подтверждения заблокированы до {until}.</translation>
    </message>
    <message>
        <source>That is not an admin&apos;s PIN.</source>
        <translation>Это не PIN-код администратора.</translation>
    </message>
    <message>
        <source>Too many wrong admin PINs in a row: locked until {until}.</source>
        <translation>Слишком много неверных PIN-кодов администратора подряд: заблокировано до {until}.</translation>
    </message>
    <message>
        <source>Unknown barcode {code}. Find the item by name below.</source>
        <translation>Неизвестный штрихкод {code}. Найдите товар по названию ниже.</translation>
    </message>
    <message>
        <source>{name} is sold by weight: pick it and enter the weight.</source>
        <translation>{name} — весовой товар: выберите его и введите вес.</translation>
    </message>
    <message>
        <source>Choose the options of {name}.</source>
        <translation>Выберите варианты для «{name}».</translation>
    </message>
    <message>
        <source>Choose “{group}” first.</source>
        <translation>Сначала выберите «{group}».</translation>
    </message>
    <message>
        <source>At most {max} can be chosen in “{group}”.</source>
        <translation>В «{group}» можно выбрать не больше {max}.</translation>
    </message>
    <message>
        <source>That option is no longer in the catalog: choose again.</source>
        <translation>Этого варианта уже нет в каталоге: выберите заново.</translation>
    </message>
    <message>
        <source>With these options nothing is left to pay: choose others.</source>
        <translation>С такими вариантами платить нечего: выберите другие.</translation>
    </message>
    <message>
        <source>An option group asks for {min} to {max} of its {count} options.</source>
        <translation>Группа вариантов требует выбрать от {min} до {max} из {count}.</translation>
    </message>
    <message>
        <source>More than {max} options in one group.</source>
        <translation>В одной группе больше {max} вариантов.</translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first (F9).</source>
        <translation>Смена не открыта. Сначала откройте смену (F9).</translation>
    </message>
    <message>
        <source>A shift is already open on this till.</source>
        <translation>На этой кассе смена уже открыта.</translation>
    </message>
    <message>
        <source>That shift does not exist.</source>
        <translation>Такой смены нет.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Введите сумму.</translation>
    </message>
    <message>
        <source>Write down the reason.</source>
        <translation>Укажите причину.</translation>
    </message>
    <message>
        <source>The drawer should hold only {expected}.</source>
        <translation>В кассе должно быть только {expected}.</translation>
    </message>
    <message>
        <source>Nothing to park: the cart is empty.</source>
        <translation>Нечего откладывать: чек пуст.</translation>
    </message>
    <message>
        <source>Finish or park the current sale first.</source>
        <translation>Сначала завершите или отложите текущий чек.</translation>
    </message>
    <message>
        <source>That parked sale was already recalled.</source>
        <translation>Этот отложенный чек уже возвращён.</translation>
    </message>
    <message>
        <source>“{q}” is not a receipt number. Scan the receipt or type its number.</source>
        <translation>«{q}» — не номер чека. Отсканируйте чек или введите его номер.</translation>
    </message>
    <message>
        <source>No receipt {q} on this till.</source>
        <translation>На этой кассе нет чека {q}.</translation>
    </message>
    <message>
        <source>That receipt is not on this till. Search the journal again.</source>
        <translation>Этого чека нет на этой кассе. Поищите в журнале ещё раз.</translation>
    </message>
    <message>
        <source>Choose how the money goes back: cash or card.</source>
        <translation>Выберите, как вернуть деньги: наличными или на карту.</translation>
    </message>
    <message>
        <source>Choose what to refund.</source>
        <translation>Выберите, что вернуть.</translation>
    </message>
    <message>
        <source>The refund quantity must be more than zero.</source>
        <translation>Количество к возврату должно быть больше нуля.</translation>
    </message>
    <message>
        <source>That is more than is left to refund on this line.</source>
        <translation>Это больше, чем осталось к возврату по строке.</translation>
    </message>
    <message>
        <source>That line is not on this receipt.</source>
        <translation>Такой строки нет в этом чеке.</translation>
    </message>
    <message>
        <source>More than was paid by card: refund the rest in cash.</source>
        <translation>Больше, чем оплачено картой: остаток верните наличными.</translation>
    </message>
    <message>
        <source>This sale does not exist or is already voided.</source>
        <translation>Такого чека нет или он уже аннулирован.</translation>
    </message>
    <message>
        <source>Only sales of the open shift can be voided; make a refund instead.</source>
        <translation>Аннулировать можно только чеки открытой смены; оформите возврат.</translation>
    </message>
    <message>
        <source>This sale has refunds; refund the rest instead of voiding.</source>
        <translation>По этому чеку уже были возвраты; верните остаток вместо аннулирования.</translation>
    </message>
    <message>
        <source>SKU and Russian name are required.</source>
        <translation>Нужны артикул и название на русском.</translation>
    </message>
    <message>
        <source>VAT must be between 0 and 100 %.</source>
        <translation>НДС должен быть от 0 до 100 %.</translation>
    </message>
    <message>
        <source>The price must be more than zero.</source>
        <translation>Цена должна быть больше нуля.</translation>
    </message>
    <message>
        <source>This SKU or barcode is already used by {sku}.</source>
        <translation>Этот артикул или штрихкод уже занят товаром {sku}.</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>Этого товара больше нет.</translation>
    </message>
    <message>
        <source>At most {count} synonyms per product.</source>
        <translation>Не больше {count} синонимов у одного товара.</translation>
    </message>
    <message>
        <source>A synonym is longer than {count} letters: shorten it.</source>
        <translation>Синоним длиннее {count} букв: сократите его.</translation>
    </message>
    <message>
        <source>A barcode has digits 0–9 only: no letters, spaces or dashes.</source>
        <translation>В штрихкоде только цифры 0–9: без букв, пробелов и дефисов.</translation>
    </message>
    <message>
        <source>“{text}…” is too long: at most {limit} characters.</source>
        <translation>«{text}…» — слишком длинно: не больше {limit} символов.</translation>
    </message>
    <message>
        <source>A name, code or synonym contains an invisible control character ({char}): type it again.</source>
        <translation>В названии, коде или синониме есть невидимый управляющий символ ({char}): наберите его заново.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>Не удаётся прочитать {path}: {error}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text. Save it as “CSV UTF-8” and import it again.</source>
        <translation>{path} — не текст в кодировке UTF-8. Сохраните его как «CSV UTF-8» и импортируйте снова.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>Файла {path} нет.</translation>
    </message>
    <message>
        <source>This user may not read {path}. Copy the file to your home folder and import it from there.</source>
        <translation>У этого пользователя нет права читать {path}. Скопируйте файл в домашнюю папку и импортируйте оттуда.</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Это может сделать только администратор.</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin can do this.</source>
        <translation>Это может сделать только старший кассир или администратор.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Сначала войдите в систему.</translation>
    </message>
    <message>
        <source>This conversation is blocked at the request of the person recorded; only an admin can play it.</source>
        <translation>Этот разговор заблокирован по просьбе записанного человека; воспроизвести его может только администратор.</translation>
    </message>
    <message>
        <source>A newer version of the privacy policy ({in_force}) has arrived. Read it and accept that one.</source>
        <translation>Пришла более новая редакция политики конфиденциальности ({in_force}). Прочитайте и примите её.</translation>
    </message>
    <message>
        <source>Say who made the request.</source>
        <translation>Укажите, кто обратился с запросом.</translation>
    </message>
    <message>
        <source>Say whom the request is about: an employee, a receipt, a time window or words.</source>
        <translation>Укажите, о ком запрос: сотрудник, чек, промежуток времени или слова.</translation>
    </message>
    <message>
        <source>“{value}” is not a date.</source>
        <translation>«{value}» — не дата.</translation>
    </message>
    <message>
        <source>There is no such request. Reopen the list and choose it again.</source>
        <translation>Такого запроса нет. Откройте список заново и выберите запрос ещё раз.</translation>
    </message>
    <message>
        <source>No employee is called {name}.</source>
        <translation>Нет сотрудника по имени {name}.</translation>
    </message>
    <message>
        <source>{count} employees are called {name}: choose the employee from the list.</source>
        <translation>Сотрудников с именем {name}: {count}. Выберите сотрудника из списка.</translation>
    </message>
    <message>
        <source>The recordings&apos; keys are not available, so transcripts cannot be searched and audio cannot be exported. Check the secret store (Settings → Recording).</source>
        <translation>Ключи записей недоступны: искать по расшифровкам и выгружать аудио нельзя. Проверьте хранилище секретов (Настройки → Запись).</translation>
    </message>
    <message>
        <source>{path} exists already: choose another folder. Nothing was written.</source>
        <translation>{path} уже существует: выберите другую папку. Ничего не записано.</translation>
    </message>
    <message>
        <source>{path} exists already: choose a new file name. Nothing was written.</source>
        <translation>{path} уже существует: выберите другое имя файла. Ничего не записано.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist. Choose another one.</source>
        <translation>Папки {path} нет. Выберите другую.</translation>
    </message>
    <message>
        <source>This request does not ask for a correction. Register a correction request first.</source>
        <translation>Этот запрос не об исправлении. Сначала зарегистрируйте запрос на исправление.</translation>
    </message>
    <message>
        <source>Only an employee&apos;s data can be corrected: receipts and recordings are records of what happened.</source>
        <translation>Исправить можно только данные сотрудника: чеки и записи фиксируют то, что было.</translation>
    </message>
    <message>
        <source>Only these can be corrected: {fields}.</source>
        <translation>Исправить можно только: {fields}.</translation>
    </message>
    <message>
        <source>Type the corrected value.</source>
        <translation>Введите исправленное значение.</translation>
    </message>
    <message>
        <source>The corrected value is too long: at most {limit} characters.</source>
        <translation>Исправленное значение слишком длинное: не больше {limit} символов.</translation>
    </message>
    <message>
        <source>The corrected value holds an invisible control character: type it again.</source>
        <translation>В исправленном значении есть невидимый управляющий символ: введите его заново.</translation>
    </message>
    <message>
        <source>This request does not ask for destruction. Register a destruction request first.</source>
        <translation>Этот запрос не об уничтожении. Сначала зарегистрируйте запрос на уничтожение.</translation>
    </message>
    <message>
        <source>This request was already carried out on {date}. Nothing more was destroyed.</source>
        <translation>Этот запрос уже выполнен {date}. Больше ничего не уничтожено.</translation>
    </message>
    <message>
        <source>The only active admin cannot be destroyed: add another admin first.</source>
        <translation>Данные единственного активного администратора нельзя уничтожить: сначала добавьте другого администратора.</translation>
    </message>
    <message>
        <source>This request has not been carried out yet.</source>
        <translation>Этот запрос ещё не выполнен.</translation>
    </message>
    <message>
        <source>A BIN has 12 digits with a valid check digit.</source>
        <translation>БИН — 12 цифр с верной контрольной цифрой.</translation>
    </message>
    <message>
        <source>The store needs a name.</source>
        <translation>Укажите название магазина.</translation>
    </message>
    <message>
        <source>Choose a receipt language.</source>
        <translation>Выберите язык чека.</translation>
    </message>
    <message>
        <source>Auto-lock must be between 30 seconds and 1 hour.</source>
        <translation>Автоблокировка — от 30 секунд до 1 часа.</translation>
    </message>
    <message>
        <source>Enter the employee&apos;s name.</source>
        <translation>Введите имя сотрудника.</translation>
    </message>
    <message>
        <source>The last admin cannot be deactivated.</source>
        <translation>Нельзя отключить последнего администратора.</translation>
    </message>
    <message>
        <source>{count} rows are wrong; nothing was imported. Fix them and import again.</source>
        <translation>Строк с ошибками: {count}; ничего не импортировано. Исправьте их и повторите импорт.</translation>
    </message>
    <message>
        <source>Write down why recording is paused.</source>
        <translation>Напишите, почему запись приостановлена.</translation>
    </message>
    <message>
        <source>Recording {rid} cannot be read ({reason}): it was altered, cut short or its key was destroyed.</source>
        <translation>Запись {rid} не читается ({reason}): она изменена, обрезана или её ключ уничтожен.</translation>
    </message>
    <message>
        <source>There is no recording {rid}.</source>
        <translation>Записи {rid} нет.</translation>
    </message>
    <message>
        <source>Write down why the consent is withdrawn (e.g. the employee&apos;s request).</source>
        <translation>Укажите, почему согласие отзывается (например, заявление сотрудника).</translation>
    </message>
    <message>
        <source>There is no consent text of version {version} in this program.</source>
        <translation>В этой программе нет текста согласия версии {version}.</translation>
    </message>
    <message>
        <source>No connection to the server. Everything waits safely on this till and is sent when the connection is back.</source>
        <translation>Нет связи с сервером. Всё надёжно ждёт на этой кассе и будет отправлено, когда связь появится.</translation>
    </message>
    <message>
        <source>The connection broke during sending. It will be tried again; nothing is lost.</source>
        <translation>Связь оборвалась во время отправки. Будет повторено; ничего не потеряно.</translation>
    </message>
    <message>
        <source>The server asked to slow down. Sending goes on in a moment.</source>
        <translation>Сервер попросил снизить темп. Отправка скоро продолжится.</translation>
    </message>
    <message>
        <source>The server refused this till&apos;s key or token. An admin must enter a valid one in Settings → Sync.</source>
        <translation>Сервер отклонил ключ или токен этой кассы. Администратору нужно ввести действующий в Настройки → Синхронизация.</translation>
    </message>
    <message>
        <source>The server refused an item for good. An admin can retry or drop it in Settings → Sync.</source>
        <translation>Сервер окончательно отклонил запись. Администратор может повторить или удалить её в Настройки → Синхронизация.</translation>
    </message>
    <message>
        <source>The server waits for earlier audit entries first. They are sent again in order.</source>
        <translation>Сервер ждёт сначала более ранние записи аудита. Они будут отправлены повторно по порядку.</translation>
    </message>
    <message>
        <source>The server refused the audit trail: it does not continue the copy the server holds (an older backup restored, or the database changed). Keep the database and tell the store owner.</source>
        <translation>Сервер отклонил журнал аудита: он не продолжает копию, которая есть на сервере (восстановлена старая копия или изменена база данных). Сохраните базу данных и сообщите владельцу магазина.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. It will be tried again.</source>
        <translation>Не удалось прочитать ответ сервера. Будет повторено.</translation>
    </message>
    <message>
        <source>The server had an error. It will be tried again.</source>
        <translation>На сервере произошла ошибка. Будет повторено.</translation>
    </message>
    <message>
        <source>The server did not answer in time. It will be tried again.</source>
        <translation>Сервер не ответил вовремя. Будет повторено.</translation>
    </message>
    <message>
        <source>The disk of this till is full. Free some space; nothing is lost.</source>
        <translation>Диск этой кассы заполнен. Освободите место; ничего не потеряно.</translation>
    </message>
    <message>
        <source>Secure connections fail because this till&apos;s date or time looks wrong. Set the correct date and time; nothing is lost.</source>
        <translation>Защищённое соединение не устанавливается: похоже, на кассе неверные дата или время. Установите правильные дату и время; ничего не потеряно.</translation>
    </message>
    <message>
        <source>No speech recognition service may be used: enter a key, allow sending audio abroad, or acknowledge a service the privacy policy does not name, in Settings → Sync.</source>
        <translation>Нельзя использовать ни один сервис распознавания: введите ключ, разрешите отправку аудио за рубеж или подтвердите сервис, не указанный в политике конфиденциальности, в Настройки → Синхронизация.</translation>
    </message>
    <message>
        <source>The cash register refused an operation dated before the previous one (the till&apos;s clock went back?). Check the clock, then retry it or set it aside.</source>
        <translation>Касса отклонила операцию с датой раньше предыдущей (часы кассы ушли назад?). Проверьте часы, затем повторите её или отложите.</translation>
    </message>
    <message>
        <source>The cash register is blocked at the service or by the tax office. Selling goes on; receipts wait. Call Kassa24, then retry.</source>
        <translation>Касса заблокирована сервисом или налоговой. Продажи продолжаются, чеки ждут. Позвоните в Kassa24, затем повторите.</translation>
    </message>
    <message>
        <source>The cash register&apos;s shift ran over 24 hours. The till closes it (Z) and registers the receipt in a new shift; close the till&apos;s shift every day.</source>
        <translation>Смена кассы длится больше 24 часов. Касса закрывает её (Z) и регистрирует чек в новой смене; закрывайте смену каждый день.</translation>
    </message>
    <message>
        <source>The cash register refused the receipt&apos;s data. An admin looks at it, then retries it or sets it aside.</source>
        <translation>Касса отклонила данные чека. Администратор проверяет его, затем повторяет или откладывает.</translation>
    </message>
    <message>
        <source>The cash register has not reached the tax office for {hours} hours: selling stops until the waiting receipts are registered. Connect the till to the internet.</source>
        <translation>Касса не связывалась с налоговой {hours} ч: продажи остановлены, пока ждущие чеки не зарегистрированы. Подключите кассу к интернету.</translation>
    </message>
    <message>
        <source>Enter the cash register service&apos;s API token first.</source>
        <translation>Сначала введите API-токен сервиса онлайн-кассы.</translation>
    </message>
    <message>
        <source>Recordings wait: nothing is sent for speech recognition until the operator accepts the store&apos;s registration (Settings &amp; staff → Registration). Selling goes on as usual.</source>
        <translation>Записи ждут: ничего не отправляется на распознавание речи, пока оператор не примет регистрацию магазина (Настройки и персонал → Регистрация). Продажи идут как обычно.</translation>
    </message>
    <message>
        <source>The registration was submitted and cannot be changed until the operator answers.</source>
        <translation>Регистрация отправлена; её нельзя изменить, пока оператор не ответит.</translation>
    </message>
    <message>
        <source>The registration form is not complete: see the fields marked in red.</source>
        <translation>Анкета регистрации заполнена не полностью: см. поля, отмеченные красным.</translation>
    </message>
    <message>
        <source>A scanned document of the registration cannot be read (damaged). Remove it and add it again.</source>
        <translation>Скан регистрационного документа не читается (повреждён). Удалите его и добавьте снова.</translation>
    </message>
    <message>
        <source>Sync is not set up: data stays on this till. An admin can set it up in Settings → Sync.</source>
        <translation>Синхронизация не настроена: данные остаются на этой кассе. Администратор может настроить её в Настройки → Синхронизация.</translation>
    </message>
    <message>
        <source>Sending failed. It will be tried again.</source>
        <translation>Отправка не удалась. Будет повторено.</translation>
    </message>
    <message>
        <source>Sending failed. See Settings → Sync.</source>
        <translation>Отправка не удалась. См. Настройки → Синхронизация.</translation>
    </message>
    <message>
        <source>The secret store is unavailable, so keys cannot be saved: {hint}</source>
        <translation>Хранилище секретов недоступно, ключи нельзя сохранить: {hint}</translation>
    </message>
    <message>
        <source>The recordings&apos; keys are not available: {hint}</source>
        <translation>Ключи записей недоступны: {hint}</translation>
    </message>
    <message>
        <source>“{url}” is not a secure web address: it must start with https:// (http:// only for a test server on this computer, e.g. http://127.0.0.1:8702).</source>
        <translation>«{url}» — не защищённый веб-адрес: он должен начинаться с https:// (http:// — только для тестового сервера на этом компьютере, например http://127.0.0.1:8702).</translation>
    </message>
    <message>
        <source>Choose a speech recognition service.</source>
        <translation>Выберите сервис распознавания речи.</translation>
    </message>
    <message>
        <source>{provider} is not named by the privacy policy in force. Acknowledge it under the provider choice first, or choose another service.</source>
        <translation>{provider} не указан в действующей политике конфиденциальности. Сначала подтвердите его под выбором сервиса или выберите другой сервис.</translation>
    </message>
    <message>
        <source>“{setting}” cannot take this value.</source>
        <translation>«{setting}» не может принять такое значение.</translation>
    </message>
    <message>
        <source>PINs cannot be checked: the secret store of this computer was reset and the PIN key is gone. Nobody can sign in until the owner of the data folder runs `{command}` on this computer (it gives everyone a new PIN).</source>
        <translation>PIN-коды нельзя проверить: хранилище секретов этого компьютера было сброшено, и ключ PIN-кодов утерян. Никто не сможет войти, пока владелец папки данных не выполнит на этом компьютере `{command}` (каждый сотрудник получит новый PIN-код).</translation>
    </message>
    <message>
        <source>PINs cannot be checked: the secret store holds the PIN key of another till. Restore this till&apos;s secret store, or the owner of the data folder runs `{command}` on this computer (it gives everyone a new PIN).</source>
        <translation>PIN-коды нельзя проверить: в хранилище секретов лежит ключ PIN-кодов другой кассы. Восстановите хранилище секретов этой кассы или попросите владельца папки данных выполнить на этом компьютере `{command}` (каждый сотрудник получит новый PIN-код).</translation>
    </message>
    <message>
        <source>PINs cannot be checked without the secret store: {hint}</source>
        <translation>PIN-коды нельзя проверить без хранилища секретов: {hint}</translation>
    </message>
    <message>
        <source>Selling is stopped: the database {path} is damaged (table {tables}). Close the app, copy the newest good copy {backup} over {path} and start again; sales made after that copy must be entered again. `forsell-cashier doctor` shows the details.</source>
        <translation>Продажи остановлены: база данных {path} повреждена (таблица {tables}). Закройте программу, скопируйте последнюю исправную копию {backup} поверх {path} и запустите снова; продажи, сделанные после этой копии, нужно ввести заново. Подробности покажет `forsell-cashier doctor`.</translation>
    </message>
    <message>
        <source>“{setting}” must be between {low} and {high}.</source>
        <translation>«{setting}»: значение должно быть от {low} до {high}.</translation>
    </message>
    <message>
        <source>Audio without a transcript must be kept at least as long as audio with one ({days} days).</source>
        <translation>Аудио без расшифровки нужно хранить не меньше, чем аудио с расшифровкой (дней: {days}).</translation>
    </message>
    <message>
        <source>Selling is stopped: the database {path} is damaged (table {tables}) and no copy in {backups} passes its check. Close the app and call support.</source>
        <translation>Продажи остановлены: база данных {path} повреждена (таблица {tables}), и ни одна копия в {backups} не проходит проверку. Закройте программу и позвоните в поддержку.</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Невозможно выполнить</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>the file is not there</source>
        <translation>файл не найден</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>файл не в кодировке UTF-8</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}</source>
        <translation>ошибка JSON в строке {line}, столбце {column}</translation>
    </message>
    <message>
        <source>must be “{expected}”</source>
        <translation>должно быть «{expected}»</translation>
    </message>
    <message>
        <source>version {version} is not supported: only version 1 is</source>
        <translation>версия {version} не поддерживается: поддерживается только версия 1</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>должно быть объектом</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>должно быть списком</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>должно быть текстом</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>не может быть пустым</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>должно быть числом</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>должно быть целым числом</translation>
    </message>
    <message>
        <source>{value} is less than {low}</source>
        <translation>{value} меньше {low}</translation>
    </message>
    <message>
        <source>{value} is more than {high}</source>
        <translation>{value} больше {high}</translation>
    </message>
    <message>
        <source>must be a date and time, e.g. 2025-03-01T10:00:00+05:00</source>
        <translation>должно быть датой и временем, например 2025-03-01T10:00:00+05:00</translation>
    </message>
    <message>
        <source>choose one of: {choices}</source>
        <translation>выберите одно из: {choices}</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>неизвестное поле</translation>
    </message>
    <message>
        <source>“{phrase}” has no words to match</source>
        <translation>в «{phrase}» нет слов для поиска</translation>
    </message>
    <message>
        <source>this is not a file (a folder?)</source>
        <translation>это не файл (папка?)</translation>
    </message>
    <message>
        <source>the file cannot be read (check its permissions)</source>
        <translation>файл не читается (проверьте права доступа)</translation>
    </message>
    <message>
        <source>the file is {size} bytes, more than the {limit} bytes allowed</source>
        <translation>файл занимает {size} байт, больше допустимых {limit} байт</translation>
    </message>
    <message>
        <source>nested deeper than {limit} levels</source>
        <translation>вложенность глубже {limit} уровней</translation>
    </message>
    <message>
        <source>must be a finite number (not NaN, Infinity or a number this large)</source>
        <translation>должно быть конечным числом (не NaN, не Infinity и не такое большое)</translation>
    </message>
    <message>
        <source>{count} entries, at most {limit} are allowed</source>
        <translation>{count} записей, допускается не больше {limit}</translation>
    </message>
    <message>
        <source>not a valid CSV file</source>
        <translation>файл не в формате CSV</translation>
    </message>
    <message>
        <source>the transcript needs “utterances” (or a recogniser&apos;s “words” list)</source>
        <translation>в расшифровке нужны «utterances» (или список «words» от распознавателя)</translation>
    </message>
    <message>
        <source>ends at {end} s, before it starts at {start} s</source>
        <translation>заканчивается на {end} с, раньше начала на {start} с</translation>
    </message>
    <message>
        <source>must be “ok” or “bad”</source>
        <translation>должно быть «ok» или «bad»</translation>
    </message>
    <message>
        <source>{count} words, at most {limit} are allowed</source>
        <translation>{count} слов, допускается не больше {limit}</translation>
    </message>
    <message>
        <source>the receipt needs “lines”</source>
        <translation>в чеке нужны «lines»</translation>
    </message>
    <message>
        <source>a time of day needs “recording_started_at”</source>
        <translation>для времени суток нужно «recording_started_at»</translation>
    </message>
    <message>
        <source>a time with a zone and one without cannot be compared: add a zone, e.g. +05:00</source>
        <translation>время с поясом нельзя сравнить со временем без пояса: добавьте пояс, например +05:00</translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation>добавьте хотя бы один пункт</translation>
    </message>
    <message>
        <source>“{id}” is already the ID of another item</source>
        <translation>«{id}» уже ID другого пункта</translation>
    </message>
    <message>
        <source>add at least one phrase (or let the upsell detector decide)</source>
        <translation>добавьте хотя бы одну фразу (или включите детектор допродаж)</translation>
    </message>
    <message>
        <source>a required item needs more than 0 points</source>
        <translation>обязательному пункту нужно больше 0 баллов</translation>
    </message>
    <message>
        <source>a bonus item needs more than 0 points</source>
        <translation>бонусному пункту нужно больше 0 баллов</translation>
    </message>
    <message>
        <source>a forbidden item needs a penalty above 0</source>
        <translation>запрещённому пункту нужен штраф больше 0</translation>
    </message>
    <message>
        <source>a forbidden item cannot use the upsell detector</source>
        <translation>запрещённый пункт не может использовать детектор допродаж</translation>
    </message>
    <message>
        <source>a fatal item cannot use the upsell detector</source>
        <translation>критический пункт не может использовать детектор допродаж</translation>
    </message>
    <message>
        <source>choose the start or the end</source>
        <translation>выберите начало или конец</translation>
    </message>
    <message>
        <source>write sku:&lt;SKU&gt; or category:&lt;category name&gt;</source>
        <translation>пишите sku:&lt;SKU&gt; или category:&lt;category name&gt;</translation>
    </message>
    <message>
        <source>the upsell offer item needs offer cues (tab “Upsell offers”)</source>
        <translation>для пункта о допродаже нужны слова предложения (вкладка «Допродажи»)</translation>
    </message>
    <message>
        <source>{count} phrases, at most {limit} are allowed</source>
        <translation>{count} фраз, допускается не больше {limit}</translation>
    </message>
    <message>
        <source>a product needs at least one name</source>
        <translation>у товара должно быть хотя бы одно название</translation>
    </message>
    <message>
        <source>the file needs the columns sku and name_ru</source>
        <translation>в файле нужны столбцы sku и name_ru</translation>
    </message>
    <message>
        <source>columns are missing: {columns}</source>
        <translation>не хватает столбцов: {columns}</translation>
    </message>
    <message>
        <source>is empty: fill it in</source>
        <translation>пусто: заполните</translation>
    </message>
    <message>
        <source>“{barcode}” is not a barcode: digits only</source>
        <translation>«{barcode}» — не штрихкод: только цифры</translation>
    </message>
    <message>
        <source>SKU {sku} is already on line {first}</source>
        <translation>артикул {sku} уже есть в строке {first}</translation>
    </message>
    <message>
        <source>barcode {barcode} is already on line {first}</source>
        <translation>штрихкод {barcode} уже есть в строке {first}</translation>
    </message>
    <message>
        <source>“{text}” is not an amount: type digits, e.g. 1250 or 1250,50</source>
        <translation>«{text}» — не сумма: введите цифры, например 1250 или 1250,50</translation>
    </message>
    <message>
        <source>the price must be more than zero</source>
        <translation>цена должна быть больше нуля</translation>
    </message>
    <message>
        <source>“{text}” is more than a till can take ({max})</source>
        <translation>«{text}» — больше, чем может принять касса ({max})</translation>
    </message>
    <message>
        <source>“{text}” is not a VAT rate from 0 to 100 %</source>
        <translation>«{text}» — не ставка НДС от 0 до 100 %</translation>
    </message>
    <message>
        <source>“{text}” is not a unit: write pcs or kg</source>
        <translation>«{text}» — не единица: пишите pcs или kg</translation>
    </message>
    <message>
        <source>“{text}” is not 1 or 0</source>
        <translation>«{text}» — не 1 и не 0</translation>
    </message>
    <message>
        <source>at most {count} synonyms, each up to {length} letters</source>
        <translation>не больше {count} синонимов, каждый до {length} букв</translation>
    </message>
    <message>
        <source>barcode {barcode} already belongs to {sku}</source>
        <translation>штрихкод {barcode} уже принадлежит товару {sku}</translation>
    </message>
    <message>
        <source>“{name}” is not a catalog column: remove it or correct its name</source>
        <translation>«{name}» — не столбец каталога: удалите его или исправьте название</translation>
    </message>
    <message>
        <source>the column {name} appears twice</source>
        <translation>столбец {name} встречается дважды</translation>
    </message>
    <message>
        <source>{count} fields, but the header has only {columns} columns</source>
        <translation>полей: {count}, а столбцов в заголовке только {columns}</translation>
    </message>
    <message>
        <source>contains the control character {char}: remove it</source>
        <translation>содержит управляющий символ {char}: удалите его</translation>
    </message>
    <message>
        <source>{length} characters, at most {limit} are allowed</source>
        <translation>символов: {length}, допускается не больше {limit}</translation>
    </message>
    <message>
        <source>a field is longer than {limit} characters, so the row cannot be read</source>
        <translation>поле длиннее {limit} символов, поэтому строку не прочитать</translation>
    </message>
    <message>
        <source>“{part}” is neither a group “Name [1]: option +200, option” nor an option “name +200 #SKU”</source>
        <translation>«{part}» — не группа «Название [1]: вариант +200, вариант» и не вариант «название +200 #АРТИКУЛ»</translation>
    </message>
    <message>
        <source>“{part}”: names are Russian/Kazakh/English, without ; , : [ ] # *</source>
        <translation>«{part}»: названия пишутся русское/казахское/английское, без ; , : [ ] # *</translation>
    </message>
    <message>
        <source>“{text}” is not a price change: write +200, -150 or +2.50</source>
        <translation>«{text}» — не изменение цены: пишите +200, -150 или +2.50</translation>
    </message>
    <message>
        <source>{group}: cannot choose from {min} to {max} of {count} options</source>
        <translation>{group}: нельзя выбрать от {min} до {max} из {count} вариантов</translation>
    </message>
    <message>
        <source>more than {max} option groups</source>
        <translation>групп вариантов больше {max}</translation>
    </message>
    <message>
        <source>no secret store was found. Run the till in a desktop session with GNOME Keyring or KWallet, or install gnome-keyring.</source>
        <translation>хранилище секретов не найдено. Запустите кассу в сеансе рабочего стола с GNOME Keyring или KWallet либо установите gnome-keyring.</translation>
    </message>
    <message>
        <source>the keyring keeps secrets in a plain file. Uninstall keyrings.alt and use the system secret store.</source>
        <translation>связка ключей хранит секреты в обычном файле. Удалите keyrings.alt и используйте системное хранилище секретов.</translation>
    </message>
    <message>
        <source>the secret store is locked. Log in to the desktop session to unlock it.</source>
        <translation>хранилище секретов заблокировано. Войдите в сеанс рабочего стола, чтобы разблокировать его.</translation>
    </message>
    <message>
        <source>the secret store failed. Run “forsell-cashier doctor” to find out why.</source>
        <translation>хранилище секретов дало сбой. Запустите «forsell-cashier doctor», чтобы узнать причину.</translation>
    </message>
    <message>
        <source>no receipt printer is set up: give its address in Settings &amp; staff → Printer</source>
        <translation>принтер чеков не настроен: укажите его адрес в «Настройки и персонал» → «Принтер»</translation>
    </message>
    <message>
        <source>“{text}” is not a printer address: use host:9100, usb:VID:PID, serial:DEVICE:BAUD or file:PATH</source>
        <translation>«{text}» — не адрес принтера: примеры адресов — в описании настройки «Принтер чеков»</translation>
    </message>
    <message>
        <source>the printer at {where} does not answer: is it switched on and connected?</source>
        <translation>принтер {where} не отвечает: он включён и подключён?</translation>
    </message>
    <message>
        <source>the printer at {where} stopped answering for {seconds} s</source>
        <translation>принтер {where} не отвечает уже {seconds} с</translation>
    </message>
    <message>
        <source>the printer at {where} dropped the connection before the receipt was complete</source>
        <translation>принтер {where} оборвал связь, не допечатав чек</translation>
    </message>
    <message>
        <source>the printer at {where} is out of paper: load a new roll</source>
        <translation>в принтере {where} закончилась бумага: вставьте новый рулон</translation>
    </message>
    <message>
        <source>the printer {where} cannot be opened: is it plugged in?</source>
        <translation>принтер {where} не открывается: он подключён?</translation>
    </message>
    <message>
        <source>line {line}, column “{column}”</source>
        <translation>строка {line}, столбец «{column}»</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>строка {line}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Store name</source>
        <extracomment>Hosts that name this computer: plain http:// is allowed only to them (the FAKE servers of the tests and the demo). Anywhere else the device token, sales and transcripts would travel in clear, so the address must be https://.</extracomment>
        <translation>Название магазина</translation>
    </message>
    <message>
        <source>Printed at the top of every receipt.</source>
        <translation>Печатается в начале каждого чека.</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БИН</translation>
    </message>
    <message>
        <source>The store&apos;s 12-digit business identification number, printed on receipts and sent with fiscal data.</source>
        <translation>12-значный бизнес-идентификационный номер магазина; печатается на чеках и передаётся с фискальными данными.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Printed under the store name on receipts.</source>
        <translation>Печатается на чеках под названием магазина.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Times on screens and receipts are shown in this zone.</source>
        <translation>Время на экранах и в чеках показывается в этом поясе.</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>Текст внизу чека</translation>
    </message>
    <message>
        <source>Printed at the bottom of every receipt: the place for the notice that conversations at the counter may be recorded for quality control.</source>
        <translation>Печатается в конце каждого чека: здесь место для уведомления о том, что разговоры у кассы могут записываться для контроля качества.</translation>
    </message>
    <message>
        <source>Receipt language</source>
        <translation>Язык чека</translation>
    </message>
    <message>
        <source>The language receipts and reports are printed in.</source>
        <translation>Язык, на котором печатаются чеки и отчёты.</translation>
    </message>
    <message>
        <source>Cashier&apos;s discount limit</source>
        <translation>Лимит скидки кассира</translation>
    </message>
    <message>
        <source>The largest discount a cashier gives without a supervisor&apos;s PIN.</source>
        <translation>Наибольшая скидка, которую кассир даёт без PIN-кода старшего кассира.</translation>
    </message>
    <message>
        <source>Lock the till after</source>
        <translation>Блокировать кассу через</translation>
    </message>
    <message>
        <source>Without a touch or a key for this long, the till locks and asks for a PIN.</source>
        <translation>Если столько времени никто не касается экрана и клавиш, касса блокируется и просит PIN.</translation>
    </message>
    <message>
        <source>Wrong PINs before a lock</source>
        <translation>Неверных PIN до блокировки</translation>
    </message>
    <message>
        <source>After this many wrong PINs in a row the employee is locked out for a while.</source>
        <translation>После стольких неверных PIN подряд вход сотрудника блокируется на время.</translation>
    </message>
    <message>
        <source>Lock after wrong PINs</source>
        <translation>Блокировка после неверных PIN</translation>
    </message>
    <message>
        <source>How long an employee stays locked out after too many wrong PINs.</source>
        <translation>Сколько длится блокировка сотрудника после слишком многих неверных PIN.</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Идентификатор кассы</translation>
    </message>
    <message>
        <source>This till&apos;s own identifier towards the server; set once at first start.</source>
        <translation>Собственный идентификатор этой кассы для сервера; задаётся один раз при первом запуске.</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Название кассы</translation>
    </message>
    <message>
        <source>Tells the tills of one store apart on receipts and reports.</source>
        <translation>Различает кассы одного магазина в чеках и отчётах.</translation>
    </message>
    <message>
        <source>Record counter conversations</source>
        <translation>Записывать разговоры у кассы</translation>
    </message>
    <message>
        <source>Records the conversation at the counter during each sale, for cashiers who have given their consent.</source>
        <translation>Записывает разговор у кассы во время каждой продажи — у кассиров, давших согласие.</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>The microphone that records; empty means the system&apos;s default.</source>
        <translation>Микрофон для записи; пусто — микрофон системы по умолчанию.</translation>
    </message>
    <message>
        <source>Keep before the sale starts</source>
        <translation>Сохранять до начала продажи</translation>
    </message>
    <message>
        <source>Seconds kept from before the first scan, so the greeting is in the recording.</source>
        <translation>Сколько секунд до первого сканирования сохраняется, чтобы приветствие попало в запись.</translation>
    </message>
    <message>
        <source>Keep after payment</source>
        <translation>Сохранять после оплаты</translation>
    </message>
    <message>
        <source>Seconds recorded after payment, for the goodbye.</source>
        <translation>Сколько секунд пишется после оплаты, чтобы попало прощание.</translation>
    </message>
    <message>
        <source>Split recordings longer than</source>
        <translation>Делить записи длиннее</translation>
    </message>
    <message>
        <source>A longer conversation is saved as several recordings.</source>
        <translation>Более длинный разговор сохраняется несколькими записями.</translation>
    </message>
    <message>
        <source>Quality scorecard</source>
        <translation>Чек-лист качества</translation>
    </message>
    <message>
        <source>The checklist conversations are scored against.</source>
        <translation>Чек-лист, по которому оцениваются разговоры.</translation>
    </message>
    <message>
        <source>Custom scorecard</source>
        <translation>Свой чек-лист</translation>
    </message>
    <message>
        <source>The store&apos;s own checklist, edited by an admin or sent by the head office.</source>
        <translation>Собственный чек-лист магазина, составленный администратором или присланный головным офисом.</translation>
    </message>
    <message>
        <source>Demo conversations added</source>
        <translation>Демо-разговоры добавлены</translation>
    </message>
    <message>
        <source>The demo&apos;s sample conversations are already on this till.</source>
        <translation>Примеры разговоров для демонстрации уже есть на этой кассе.</translation>
    </message>
    <message>
        <source>Send sales and recordings when online</source>
        <translation>Отправлять продажи и записи, когда есть связь</translation>
    </message>
    <message>
        <source>Off: everything stays on this till.</source>
        <translation>Выключено: всё остаётся на этой кассе.</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Синхронизация приостановлена</translation>
    </message>
    <message>
        <source>Sending waits until it is resumed from the tray.</source>
        <translation>Отправка ждёт, пока её не возобновят из значка в трее.</translation>
    </message>
    <message>
        <source>Analytics server</source>
        <translation>Сервер аналитики</translation>
    </message>
    <message>
        <source>The address of the store&apos;s analytics server; sales, transcripts and scores go there, never audio.</source>
        <translation>Адрес сервера аналитики магазина; туда уходят продажи, расшифровки и оценки, но не аудио.</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>Основной</translation>
    </message>
    <message>
        <source>The speech recognition service tried first.</source>
        <translation>Сервис распознавания речи, который пробуется первым.</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>Запасной</translation>
    </message>
    <message>
        <source>Takes over when the first choice is refused or unreachable before it received the audio.</source>
        <translation>Подключается, если основной сервис отказал или недоступен до того, как получил аудио.</translation>
    </message>
    <message>
        <source>Language of conversations</source>
        <translation>Язык разговоров</translation>
    </message>
    <message>
        <source>Telling the service the language makes transcripts better when every conversation is in it.</source>
        <translation>Если все разговоры на одном языке, его указание улучшает расшифровки.</translation>
    </message>
    <message>
        <source>Send audio to recognition services outside Kazakhstan</source>
        <translation>Отправлять аудио в сервисы распознавания за пределами Казахстана</translation>
    </message>
    <message>
        <source>Voice recordings are personal data under Kazakhstan&apos;s law No. 94-V. Sending them abroad (ElevenLabs; Yandex outside its Kazakhstan region) is a cross-border transfer: turn this on only if the staff&apos;s written consent names the store and its BIN, the service that receives the audio, the transfer abroad, the purpose and the term. Off: only services in Kazakhstan get audio.</source>
        <translation>Записи голоса — персональные данные по закону Казахстана № 94-V. Их отправка за рубеж (ElevenLabs; Yandex вне казахстанского региона) — трансграничная передача: включайте, только если письменное согласие сотрудников называет магазин и его БИН, сервис, получающий аудио, передачу за рубеж, цель и срок. Выключено: аудио получают только сервисы в Казахстане.</translation>
    </message>
    <message>
        <source>Services acknowledged although the policy does not name them</source>
        <translation>Сервисы, подтверждённые, хотя политика их не называет</translation>
    </message>
    <message>
        <source>Speech recognition services the privacy policy in force does not name, which an admin has knowingly accepted as recipients of audio (comma-separated; audited).</source>
        <translation>Сервисы распознавания речи, не указанные в действующей политике конфиденциальности, которые администратор осознанно принял как получателей аудио (через запятую; записывается в аудит).</translation>
    </message>
    <message>
        <source>Also transcribe recordings without speech</source>
        <translation>Расшифровывать и записи без речи</translation>
    </message>
    <message>
        <source>Off: recordings in which nobody spoke are not sent, which saves money.</source>
        <translation>Выключено: записи, в которых никто не говорил, не отправляются — это экономит деньги.</translation>
    </message>
    <message>
        <source>ElevenLabs address</source>
        <translation>Адрес ElevenLabs</translation>
    </message>
    <message>
        <source>Change only for a test server.</source>
        <translation>Меняйте только для тестового сервера.</translation>
    </message>
    <message>
        <source>ElevenLabs model</source>
        <translation>Модель ElevenLabs</translation>
    </message>
    <message>
        <source>The speech-to-text model ElevenLabs is asked for.</source>
        <translation>Модель распознавания речи, которую запрашивают у ElevenLabs.</translation>
    </message>
    <message>
        <source>ElevenLabs: zero retention (enterprise plans)</source>
        <translation>ElevenLabs: без хранения данных (корпоративные тарифы)</translation>
    </message>
    <message>
        <source>ElevenLabs keeps neither the audio nor the transcript; other plans refuse such requests.</source>
        <translation>ElevenLabs не хранит ни аудио, ни расшифровку; на других тарифах такие запросы отклоняются.</translation>
    </message>
    <message>
        <source>ElevenLabs: send product names as key terms</source>
        <translation>ElevenLabs: передавать названия товаров как ключевые слова</translation>
    </message>
    <message>
        <source>Product names are recognised better; ElevenLabs charges extra for it.</source>
        <translation>Названия товаров распознаются лучше; ElevenLabs берёт за это доплату.</translation>
    </message>
    <message>
        <source>Yandex SpeechKit address</source>
        <translation>Адрес Yandex SpeechKit</translation>
    </message>
    <message>
        <source>Yandex operations address</source>
        <translation>Адрес операций Yandex</translation>
    </message>
    <message>
        <source>Where finished Yandex transcripts are fetched from.</source>
        <translation>Откуда забираются готовые расшифровки Yandex.</translation>
    </message>
    <message>
        <source>Yandex Cloud folder</source>
        <translation>Каталог Yandex Cloud</translation>
    </message>
    <message>
        <source>The Yandex Cloud folder the API key belongs to.</source>
        <translation>Каталог Yandex Cloud, к которому относится API-ключ.</translation>
    </message>
    <message>
        <source>Yandex SpeechKit runs in the Kazakhstan region</source>
        <translation>Yandex SpeechKit работает в регионе Казахстан</translation>
    </message>
    <message>
        <source>On: audio sent to Yandex stays in Kazakhstan.</source>
        <translation>Включено: аудио, отправленное в Yandex, остаётся в Казахстане.</translation>
    </message>
    <message>
        <source>Demo: fake servers, not real recognition</source>
        <translation>Демо: поддельные серверы, а не настоящее распознавание</translation>
    </message>
    <message>
        <source>The till talks to made-up servers on this computer; transcripts are not real.</source>
        <translation>Касса работает с имитацией серверов на этом компьютере; расшифровки ненастоящие.</translation>
    </message>
    <message>
        <source>Keep audio after its transcript (days)</source>
        <translation>Хранить аудио после расшифровки (дней)</translation>
    </message>
    <message>
        <source>A conversation&apos;s audio is destroyed this many days after its transcription succeeded; the transcript and the score stay.</source>
        <translation>Аудио разговора уничтожается через столько дней после успешной расшифровки; расшифровка и оценка остаются.</translation>
    </message>
    <message>
        <source>Keep audio without a transcript (days)</source>
        <translation>Хранить аудио без расшифровки (дней)</translation>
    </message>
    <message>
        <source>Audio whose transcription never succeeded is destroyed only when it is this old; never less than the days audio is kept after a transcript.</source>
        <translation>Аудио, которое так и не удалось расшифровать, уничтожается только в этом возрасте; не меньше срока хранения аудио после расшифровки.</translation>
    </message>
    <message>
        <source>Keep transcripts and scores (days)</source>
        <translation>Хранить расшифровки и оценки (дней)</translation>
    </message>
    <message>
        <source>Transcripts, scores and review notes of a conversation are deleted when the conversation is this old.</source>
        <translation>Расшифровки, оценки и заметки проверки разговора удаляются, когда разговору исполняется столько дней.</translation>
    </message>
    <message>
        <source>Keep the audit trail (years)</source>
        <translation>Хранить журнал аудита (лет)</translation>
    </message>
    <message>
        <source>Audit entries older than this are removed; the chain stays verifiable.</source>
        <translation>Записи аудита старше этого срока удаляются; цепочку по-прежнему можно проверить.</translation>
    </message>
    <message>
        <source>Keep sales, refunds and shifts (years)</source>
        <translation>Хранить продажи, возвраты и смены (лет)</translation>
    </message>
    <message>
        <source>Shifts closed longer ago than this are removed with their sales and refunds; the tax code asks for five years.</source>
        <translation>Смены, закрытые раньше этого срока, удаляются вместе с продажами и возвратами; Налоговый кодекс требует пять лет.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка для копий</translation>
    </message>
    <message>
        <source>Encrypted backups are written here daily and at each shift&apos;s close; best on another disk or a USB drive. Empty: no scheduled backups.</source>
        <translation>Сюда ежедневно и при каждом закрытии смены записываются зашифрованные копии; лучше на другом диске или USB-накопителе. Пусто — копий по расписанию нет.</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Хранить копий</translation>
    </message>
    <message>
        <source>The newest backups kept; older ones are deleted. A destroyed recording can live on in older backups until they are rotated out.</source>
        <translation>Хранятся самые новые копии, более старые удаляются. Уничтоженная запись остаётся в старых копиях, пока они не удалены.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Принтер чеков</translation>
    </message>
    <message>
        <source>Where the ESC/POS receipt printer is: 192.168.1.50:9100 (network), usb:04b8:0202 (USB vendor:product), serial:/dev/ttyUSB0:9600 or serial:COM3:9600, file:/dev/usb/lp0. Empty: no printer, receipts are shown on screen only.</source>
        <translation>Где находится принтер чеков ESC/POS: 192.168.1.50:9100 (сеть), usb:04b8:0202 (USB производитель:модель), serial:/dev/ttyUSB0:9600 или serial:COM3:9600, file:/dev/usb/lp0. Пусто: принтера нет, чеки только на экране.</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Ширина бумаги</translation>
    </message>
    <message>
        <source>58 mm paper holds 32 characters a line, 80 mm paper holds 48.</source>
        <translation>На бумагу 58 мм помещается 32 символа в строке, на 80 мм — 48.</translation>
    </message>
    <message>
        <source>Code page</source>
        <translation>Кодовая страница</translation>
    </message>
    <message>
        <source>The printer&apos;s code page for Cyrillic. CP866 has no Kazakh letters: lines with them are printed as an image. KZ-1048 prints Kazakh as text on printers that have it.</source>
        <translation>Кодовая страница принтера для кириллицы. В CP866 нет казахских букв: строки с ними печатаются изображением. KZ-1048 печатает казахский текстом на принтерах, где она есть.</translation>
    </message>
    <message>
        <source>Code page number</source>
        <translation>Номер кодовой страницы</translation>
    </message>
    <message>
        <source>The number the printer&apos;s manual gives the code page (ESC t n). -1: the usual one (CP866 17, Windows-1251 46; KZ-1048 keeps the printer&apos;s own default).</source>
        <translation>Номер кодовой страницы из руководства принтера (ESC t n). -1: обычный (CP866 — 17, Windows-1251 — 46; для KZ-1048 остаётся страница принтера по умолчанию).</translation>
    </message>
    <message>
        <source>Open the cash drawer on cash payments</source>
        <translation>Открывать денежный ящик при оплате наличными</translation>
    </message>
    <message>
        <source>The drawer wired to the receipt printer opens when a cash receipt is printed.</source>
        <translation>Ящик, подключённый к принтеру чеков, открывается при печати чека за наличные.</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Экран покупателя</translation>
    </message>
    <message>
        <source>A second window for the customer: the cart, the total, the change and the notice that conversations may be recorded; on the second screen when there is one.</source>
        <translation>Второе окно для покупателя: корзина, итог, сдача и уведомление о возможной записи разговоров; на втором экране, если он есть.</translation>
    </message>
    <message>
        <source>Newest version</source>
        <extracomment>The newest version the 4Sell service announces (through the settings pull). The till only shows a notice when it is newer than the running one: an update is installed by a person, never by the till (a half-installed till at opening time is worse than an old one).</extracomment>
        <translation>Новейшая версия</translation>
    </message>
    <message>
        <source>Announced by the 4Sell service; a notice shows when it is newer than this till&apos;s.</source>
        <translation>Сообщается сервисом 4Sell; если она новее версии этой кассы, показывается уведомление.</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Режим киоска</translation>
    </message>
    <message>
        <source>The till fills the screen without a window frame; closing it or quitting from the tray asks for an admin&apos;s PIN. Takes effect at the next start.</source>
        <translation>Касса занимает весь экран без рамки окна; чтобы закрыть её или выйти из трея, нужен PIN-код администратора. Действует со следующего запуска.</translation>
    </message>
    <message>
        <source>Online cash register</source>
        <extracomment>The online cash register service: &quot;off&quot;, &quot;kassa24&quot; (Kassa24 Business) or &quot;webkassa&quot; (its client waits for a contract; choosing it registers nothing yet). The API token is in the OS secret store (&quot;fiscal-token&quot;), never here.</extracomment>
        <translation>Онлайн-касса</translation>
    </message>
    <message>
        <source>The service that registers every sale and refund with the fiscal data operator.</source>
        <translation>Сервис, который регистрирует каждую продажу и возврат у оператора фискальных данных.</translation>
    </message>
    <message>
        <source>Cash register</source>
        <extracomment>The cash register&apos;s id at the service (Kassa24: the id from its list of cash registers).</extracomment>
        <translation>Касса</translation>
    </message>
    <message>
        <source>The cash register this till registers its receipts on.</source>
        <translation>Касса сервиса, на которой регистрируются чеки этого рабочего места.</translation>
    </message>
    <message>
        <source>Cash register service address</source>
        <extracomment>Where the Kassa24 Business API answers (a test server or the FAKE in the demo).</extracomment>
        <translation>Адрес сервиса онлайн-кассы</translation>
    </message>
    <message>
        <source>The address of the online cash register&apos;s API.</source>
        <translation>Адрес API онлайн-кассы.</translation>
    </message>
</context>
</TS>
