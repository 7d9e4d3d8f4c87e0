<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk">
<context>
    <name>AdminDialog</name>
    <message>
        <source>Settings &amp; staff</source>
        <translation>Баптау және қызметкер</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>Дүкен баптаулары</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Қызметкерлер</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Сақтау мерзімдері</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Сақтық көшірмелер</translation>
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
        <translation>Жабу (Esc)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer to the request</source>
        <translation>Сұрауға жауап</translation>
    </message>
    <message>
        <source>Language of the answer</source>
        <translation>Жауап тілі</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF сақтау…</translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation>JSON сақтау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Save the answer as PDF</source>
        <translation>Жауапты PDF түрінде сақтау</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the answer as JSON</source>
        <translation>Жауапты JSON түрінде сақтау</translation>
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
        <translation>Аудит журналы</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Аудит журналы тексерілуде…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Барлық қызметкерлер</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Барлық әрекеттер</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күндер</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>Newer</source>
        <translation>Жаңарақ</translation>
    </message>
    <message>
        <source>Older</source>
        <translation>Ескірек</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF-ке экспорттау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>The audit trail cannot be read now. Try again.</source>
        <translation>Аудит журналын қазір оқу мүмкін емес. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Chain intact: entries checked with the audit key: {count}.</source>
        <translation>Тізбек бүтін: аудит кілтімен тексерілген жазбалар саны — {count}.</translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq} ({when}): the database was changed outside the till. Keep a copy of it and tell the store owner.</source>
        <translation>Тізбек {seq} жазбасында бұзылған ({when}): дерекқорды кассаны айналып өтіп өзгерткен. Оның көшірмесін сақтап, дүкен иесіне хабарлаңыз.</translation>
    </message>
    <message>
        <source>The chain cannot be checked: the secret store has no audit key for this till. Restore its entry from the backup of the secret store.</source>
        <translation>Тізбекті тексеру мүмкін емес: құпиялар қоймасында осы кассаның аудит кілті жоқ. Оның жазбасын құпиялар қоймасының сақтық көшірмесінен қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>The chain cannot be checked now (secret store).</source>
        <translation>Тізбекті қазір тексеру мүмкін емес (құпиялар қоймасы).</translation>
    </message>
    <message>
        <source>Page {page}, newest first; entries on it: {count}</source>
        <translation>{page}-бет, алдымен жаңалары; ондағы жазбалар: {count}</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Сәйкес жазбалар жоқ.</translation>
    </message>
    <message>
        <source>Export the audit trail as CSV</source>
        <translation>Аудит журналын CSV-ге экспорттау</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <source>Entries exported: {count}, to {path}.</source>
        <translation>Экспортталған жазбалар: {count}, {path} файлына.</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation>Файлды жазу мүмкін емес: {reason}</translation>
    </message>
    <message>
        <source>Export the audit trail as PDF</source>
        <translation>Аудит журналын PDF-ке экспорттау</translation>
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
        <translation>Уақыт (UTC)</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Қызметкер ID</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>The chain could not be checked: the secret store has no audit key for this till.</source>
        <translation>Тізбекті тексеру мүмкін болмады: құпиялар қоймасында осы кассаның аудит кілті жоқ.</translation>
    </message>
    <message>
        <source>The chain could not be checked: the secret store did not answer.</source>
        <translation>Тізбекті тексеру мүмкін болмады: құпиялар қоймасы жауап бермеді.</translation>
    </message>
    <message>
        <source>Chain intact: entries checked with the audit key: {count}.</source>
        <translation>Тізбек бүтін: аудит кілтімен тексерілген жазбалар саны — {count}.</translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq} ({when}): the database was changed outside the till.</source>
        <translation>Тізбек {seq} жазбасында ({when}) бұзылған: дерекқор кассадан тыс өзгертілген.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>барлығы</translation>
    </message>
    <message>
        <source>all actions</source>
        <translation>барлық әрекеттер</translation>
    </message>
    <message>
        <source>all dates</source>
        <translation>барлық күндер</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күндер</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>Экспорттаған</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <source>Entries: {count}.</source>
        <translation>Жазбалар саны: {count}.</translation>
    </message>
    <message>
        <source>The first {shown} are shown; export CSV for all of them.</source>
        <translation>Алғашқы {shown} жазба көрсетілді; барлығы CSV экспортында.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Сәйкес жазбалар жоқ.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Аудит журналы</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Signed in</source>
        <translation>Жүйеге кіру</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Қате PIN</translation>
    </message>
    <message>
        <source>Locked after wrong PINs</source>
        <translation>Қате PIN-дерден кейін бұғатталды</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Аға қызметкердің растауы</translation>
    </message>
    <message>
        <source>Approval refused (wrong PIN)</source>
        <translation>Растау қабылданбады (қате PIN)</translation>
    </message>
    <message>
        <source>Price changed in a sale</source>
        <translation>Чектегі баға өзгертілді</translation>
    </message>
    <message>
        <source>Line removed</source>
        <translation>Позиция жойылды</translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation>Сату болдырылмады</translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation>Чек жойылды</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Receipt copy printed</source>
        <translation>Чектің көшірмесі басылды</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Ауысым ашылды</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Ауысым жабылды</translation>
    </message>
    <message>
        <source>Parked sales voided</source>
        <translation>Қалдырылған чектер жойылды</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>Қолма-қол енгізу/алу</translation>
    </message>
    <message>
        <source>Product added</source>
        <translation>Тауар қосылды</translation>
    </message>
    <message>
        <source>Product or price changed</source>
        <translation>Тауар немесе баға өзгертілді</translation>
    </message>
    <message>
        <source>Catalog imported</source>
        <translation>Каталог импортталды</translation>
    </message>
    <message>
        <source>Recording played</source>
        <translation>Жазба тыңдалды</translation>
    </message>
    <message>
        <source>Transcript viewed</source>
        <translation>Транскрипт қаралды</translation>
    </message>
    <message>
        <source>Recording exported</source>
        <translation>Жазба экспортталды</translation>
    </message>
    <message>
        <source>Recordings destroyed</source>
        <translation>Жазбалар жойылды</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Баптаулар өзгертілді</translation>
    </message>
    <message>
        <source>Sync settings changed</source>
        <translation>Синхрондау баптаулары өзгертілді</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Келісім берілді</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Келісім кері қайтарылды</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>PIN өзгертілді</translation>
    </message>
    <message>
        <source>PINs reset</source>
        <translation>PIN-кодтар қайта орнатылды</translation>
    </message>
    <message>
        <source>Employee added</source>
        <translation>Қызметкер қосылды</translation>
    </message>
    <message>
        <source>Dashboard exported</source>
        <translation>Жиынтық экспортталды</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Аудит журналы экспортталды</translation>
    </message>
    <message>
        <source>Audit trail exported as PDF</source>
        <translation>Аудит журналы PDF-ке экспортталды</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>Сақтық көшірмеден қалпына келтірілді</translation>
    </message>
    <message>
        <source>Audit trail checkpoint</source>
        <translation>Аудит журналының бақылау нүктесі</translation>
    </message>
    <message>
        <source>Old data removed (retention)</source>
        <translation>Ескі деректер жойылды (сақтау мерзімі)</translation>
    </message>
    <message>
        <source>Retention periods changed</source>
        <translation>Сақтау мерзімдері өзгертілді</translation>
    </message>
    <message>
        <source>Data-subject request registered</source>
        <translation>Дерек субъектісінің сұрауы тіркелді</translation>
    </message>
    <message>
        <source>Data-subject data exported</source>
        <translation>Субъект деректері экспортталды</translation>
    </message>
    <message>
        <source>Data subject blocked</source>
        <translation>Субъект деректері бұғатталды</translation>
    </message>
    <message>
        <source>Cash drawer opened without a sale</source>
        <translation>Ақша жәшігі сатусыз ашылды</translation>
    </message>
    <message>
        <source>Receipt printer settings changed</source>
        <translation>Чек принтерінің баптаулары өзгертілді</translation>
    </message>
</context>
<context>
    <name>BackupAdminPage</name>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation>Қалпына келтіру құпия сөз тіркесі</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Қайталап енгізіңіз</translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation>Құпия сөз тіркесін орнату</translation>
    </message>
    <message>
        <source>Create backup now</source>
        <translation>Көшірмені қазір жасау</translation>
    </message>
    <message>
        <source>Verify a backup…</source>
        <translation>Көшірмені тексеру…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Көшірмеден қалпына келтіру…</translation>
    </message>
    <message>
        <source>Restoring replaces the till&apos;s data with the backup&apos;s: the till closes and finishes it at its next start. The recovery passphrase is never stored: write it down and keep it away from the till; a new computer opens the backups with it.</source>
        <translation>Қалпына келтіру кассаның деректерін көшірменің деректерімен ауыстырады: касса жабылып, оны келесі іске қосылғанда аяқтайды. Қалпына келтіру құпия сөз тіркесі ешқайда сақталмайды: оны жазып алып, кассадан бөлек сақтаңыз; жаңа компьютер көшірмелерді сол арқылы ашады.</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Әзірге көшірме жоқ.</translation>
    </message>
    <message>
        <source>Newest backup: {name} ({when})</source>
        <translation>Ең соңғы көшірме: {name} ({when})</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Көшірмелер қалтасы</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Екі құпия сөз тіркесі сәйкес келмейді.</translation>
    </message>
    <message>
        <source>Recovery passphrase set.</source>
        <translation>Қалпына келтіру құпия сөз тіркесі орнатылды.</translation>
    </message>
    <message>
        <source>Creating the backup…</source>
        <translation>Көшірме жасалып жатыр…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Көшірме жазылды: {path}</translation>
    </message>
    <message>
        <source>Verify a backup</source>
        <translation>Көшірмені тексеру</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Көшірме тексеріліп жатыр…</translation>
    </message>
    <message>
        <source>The backup {name} is good.</source>
        <translation>{name} көшірмесі жарамды.</translation>
    </message>
    <message>
        <source>This backup was made on another computer: its passphrase opens it.</source>
        <translation>Бұл көшірме басқа компьютерде жасалған: оны қалпына келтіру құпия сөз тіркесі ашады.</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Item</source>
        <translation>Тауар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Жеңілдік</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation>Барлығы {amount}</translation>
    </message>
    <message>
        <source>Subtotal {sub} · discount {off}</source>
        <translation>Аралық сома {sub} · жеңілдік {off}</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n жол</numerusform>
            <numerusform>%n жол</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan an item to start a sale</source>
        <translation>Сатуды бастау үшін тауарды сканерлеңіз</translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Cash in / cash out</source>
        <translation>Ақша енгізу / алу</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Енгізу</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Алу</translation>
    </message>
    <message>
        <source>e.g. change from the bank, cash to the safe</source>
        <translation>мысалы, банктен ұсақ ақша, сейфке тапсыру</translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation>Сома, ₸</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Record (Enter)</source>
        <translation>Жазу (Enter)</translation>
    </message>
    <message>
        <source>The drawer should hold {amount} now.</source>
        <translation>Қазір кассада {amount} болуы керек.</translation>
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
        <translation>Атауы (ru)</translation>
    </message>
    <message>
        <source>Name (kk)</source>
        <translation>Атауы (kk)</translation>
    </message>
    <message>
        <source>Name (en)</source>
        <translation>Атауы (en)</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ҚҚС</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Өлшем</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Search by name, SKU or barcode</source>
        <translation>Атауы, артикулы не штрихкоды бойынша іздеу</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>Тауар қосу</translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation>Тауарды өзгерту</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV импорттау…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV экспорттау…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>дана</translation>
    </message>
    <message>
        <source>Choose a product in the list first.</source>
        <translation>Алдымен тізімнен тауарды таңдаңыз.</translation>
    </message>
    <message>
        <source>Saved {sku}.</source>
        <translation>Сақталды: {sku}.</translation>
    </message>
    <message>
        <source>Import the catalog</source>
        <translation>Каталогты импорттау</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлдары (*.csv)</translation>
    </message>
    <message>
        <source>Export the catalog</source>
        <translation>Каталогты экспорттау</translation>
    </message>
    <message>
        <source>Importing the catalog…</source>
        <translation>Каталог импортталуда…</translation>
    </message>
    <message>
        <source>Exporting the catalog…</source>
        <translation>Каталог экспортталуда…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Импорт тоқтатылды: ештеңе өзгерген жоқ.</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>Экспорт тоқтатылды: файл жазылған жоқ.</translation>
    </message>
    <message>
        <source>Imported: {added} new, {updated} updated.</source>
        <translation>Импортталды: жаңа {added}, жаңартылды {updated}.</translation>
    </message>
    <message>
        <source>Exported {count} products to {path}.</source>
        <translation>Экспортталған тауарлар: {count}, файл {path}.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Ауысымды жабу</translation>
    </message>
    <message>
        <source>Close shift: count the drawer</source>
        <translation>Ауысымды жабу: кассаны санау</translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer. Tab moves on.</source>
        <translation>Кассадағы әр купюра мен тиынның санын енгізіңіз. Tab — келесісіне.</translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation>Ауысымды жабу (Enter)</translation>
    </message>
    <message>
        <source>Void parked sales</source>
        <translation>Қалдырылған чектерді жою</translation>
    </message>
    <message>
        <source>Parked sales waiting: {count}. They are unpaid and not in this shift&apos;s report. Recall them on the till (Esc, then F4) to finish them, void them here, or leave them for the next shift.</source>
        <translation>Қалдырылған чектер: {count}. Олар төленбеген және осы ауысымның есебіне кірмейді. Аяқтау үшін оларды кассада ашыңыз (Esc, содан кейін F4), осы жерде жойыңыз немесе келесі ауысымға қалдырыңыз.</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Саналды</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Күтілген</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Айырма</translation>
    </message>
    <message>
        <source>after the count is confirmed</source>
        <translation>санақ расталғаннан кейін</translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation>Жетіспейді {amount}</translation>
    </message>
    <message>
        <source>{amount} over</source>
        <translation>Артық {amount}</translation>
    </message>
    <message>
        <source>{amount} — exact</source>
        <translation>{amount} — дәл</translation>
    </message>
    <message>
        <source>Closing the shift…</source>
        <translation>Ауысым жабылуда…</translation>
    </message>
    <message>
        <source>The shift is still open: a supervisor did not approve the difference. Count again or ask a supervisor.</source>
        <translation>Ауысым әлі ашық: аға кассир айырманы растамады. Қайта санаңыз немесе аға кассирді шақырыңыз.</translation>
    </message>
</context>
<context>
    <name>ConsentTexts</name>
    <message>
        <source>Sending the audio to a speech service abroad (ElevenLabs, USA)</source>
        <translation>Аудионы шетелдегі сөзді тану қызметіне беру (ElevenLabs, АҚШ)</translation>
    </message>
    <message>
        <source>Recording of conversations at the counter</source>
        <translation>Касса алдындағы әңгімелерді жазу</translation>
    </message>
    <message>
        <source>No consent on file.</source>
        <translation>Келісім жоқ.</translation>
    </message>
    <message>
        <source>Given on {when} (consent text version {version}), recorded by {admin}.</source>
        <translation>{when} берілді (келісім мәтінінің нұсқасы {version}), тіркеген: {admin}.</translation>
    </message>
    <message>
        <source>Withdrawn by you on {when}.</source>
        <translation>Сіз {when} кері қайтарып алдыңыз.</translation>
    </message>
    <message>
        <source>Withdrawn on {when} by {admin} on your behalf: {reason}</source>
        <translation>{when} сіздің атыңыздан {admin} әкімшісі кері қайтарып алды: {reason}</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Not scored: no speech was heard.</source>
        <translation>Бағаланбады: сөйлеу естілмеді.</translation>
    </message>
    <message>
        <source>Not scored: the audio is too poor to judge.</source>
        <translation>Бағаланбады: дыбыс сапасы тым нашар.</translation>
    </message>
    <message>
        <source>Not scored: the customer is not heard, so nobody is judged on it.</source>
        <translation>Бағаланбады: сатып алушы естілмейді, сондықтан ешкімге есептелмейді.</translation>
    </message>
    <message>
        <source>Speakers uncertain — listen and confirm or swap</source>
        <translation>Сөйлеушілердің рөлі анық емес — тыңдап, растаңыз немесе ауыстырыңыз</translation>
    </message>
    <message>
        <source>Not scored yet: the transcript is not here yet.</source>
        <translation>Әлі бағаланбады: транскрипция әлі жоқ.</translation>
    </message>
    <message>
        <source>← List (Esc)</source>
        <translation>← Тізім (Esc)</translation>
    </message>
    <message>
        <source>Previous conversation (Page Up)</source>
        <translation>Алдыңғы әңгіме (Page Up)</translation>
    </message>
    <message>
        <source>Next conversation (Page Down)</source>
        <translation>Келесі әңгіме (Page Down)</translation>
    </message>
    <message>
        <source>Flip speakers</source>
        <translation>Сөйлеушілерді ауыстыру</translation>
    </message>
    <message>
        <source>Roles are right</source>
        <translation>Рөлдер дұрыс</translation>
    </message>
    <message>
        <source>You listened: the cashier and the customer are right as shown. Scores again.</source>
        <translation>Сіз тыңдадыңыз: кассир мен сатып алушы дұрыс көрсетілген. Әңгіме қайта бағаланады.</translation>
    </message>
    <message>
        <source>Flag for coaching</source>
        <translation>Талдауға белгілеу</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Тексерілді</translation>
    </message>
    <message>
        <source>Ctrl+Enter: mark reviewed and open the next one</source>
        <translation>Ctrl+Enter: тексерілді деп белгілеп, келесісін ашу</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ашылуда…</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Жазба жүктелуде…</translation>
    </message>
    <message>
        <source>receipt {number}</source>
        <translation>чек {number}</translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation>баға {score}</translation>
    </message>
    <message>
        <source>upsell +{money}</source>
        <translation>қосымша сату +{money}</translation>
    </message>
    <message>
        <source>A forbidden phrase was heard from the voice most like the cashier&apos;s, at {time}: «{text}»</source>
        <translation>Тыйым салынған сөз кассирге ең ұқсас дауыспен {time} кезінде айтылды: «{text}»</translation>
    </message>
    <message>
        <source>No transcript yet: it comes after the next sync.</source>
        <translation>Транскрипция әлі жоқ: ол келесі синхрондаудан кейін келеді.</translation>
    </message>
    <message>
        <source>From the audio alone: talk {talk} s of {total} s, silence {silence}.</source>
        <translation>Тек дыбыс бойынша: сөйлеу {total} с ішінен {talk} с, үнсіздік {silence}.</translation>
    </message>
    <message>
        <source>Loudness {db} dBFS.</source>
        <translation>Дауыс қаттылығы {db} dBFS.</translation>
    </message>
    <message>
        <source>The recording cannot be played.</source>
        <translation>Жазбаны ойнату мүмкін емес.</translation>
    </message>
    <message>
        <source>This conversation cannot be opened.</source>
        <translation>Бұл әңгімені ашу мүмкін емес.</translation>
    </message>
    <message>
        <source>Scoring again failed; the details are in the log.</source>
        <translation>Қайта бағалау сәтсіз аяқталды; толығырақ журналда.</translation>
    </message>
    <message>
        <source>Marked reviewed.</source>
        <translation>Қаралды деп белгіленді.</translation>
    </message>
    <message>
        <source>Marked as not reviewed yet.</source>
        <translation>Белгі алынды: әлі қаралмаған.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By cashier</source>
        <translation>Кассирлер бойынша</translation>
    </message>
    <message>
        <source>By shift</source>
        <translation>Ауысымдар бойынша</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Күндер бойынша</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Апталар бойынша</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV экспорты…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>PDF есеп…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Кезең</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Есептелуде…</translation>
    </message>
    <message>
        <source>The dashboard cannot be computed. Try again.</source>
        <translation>Көрсеткіштерді есептеу мүмкін болмады. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Топ</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Әңгімелер</translation>
    </message>
    <message>
        <source>Sales recorded</source>
        <translation>Жазбасы бар сатылымдар</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Орташа баға</translation>
    </message>
    <message>
        <source>Offer rate</source>
        <translation>Ұсыныс үлесі</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <source>Upsell revenue</source>
        <translation>Қосымша сату түсімі</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Сатылымдар</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>Орташа чек</translation>
    </message>
    <message>
        <source>Items per ticket</source>
        <translation>Чектегі позициялар</translation>
    </message>
    <message>
        <source>Talk / silence</source>
        <translation>Сөйлеу / үнсіздік</translation>
    </message>
    <message>
        <source>{talk} s / {silence}</source>
        <translation>{talk} с / {silence}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>Average score, %</source>
        <translation>Орташа баға, %</translation>
    </message>
    <message>
        <source>Upsell revenue, ₸</source>
        <translation>Қосымша сату түсімі, ₸</translation>
    </message>
    <message>
        <source>Sales by hour, ₸</source>
        <translation>Сағат бойынша сатылым, ₸</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Рейтинг</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>Conv.</source>
        <translation>Конв.</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Қосымша сату</translation>
    </message>
    <message>
        <source>Export the dashboard as CSV</source>
        <translation>Көрсеткіштерді CSV-ге экспорттау</translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation>Топтастыру</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Коды</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Бағаланды</translation>
    </message>
    <message>
        <source>Share recorded</source>
        <translation>Жазылғандар үлесі</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ұсыныстар</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>Ұсыныстан кейінгі сатып алулар</translation>
    </message>
    <message>
        <source>Sales total, ₸</source>
        <translation>Сату сомасы, ₸</translation>
    </message>
    <message>
        <source>Average ticket, ₸</source>
        <translation>Орташа чек, ₸</translation>
    </message>
    <message>
        <source>Talk, s</source>
        <translation>Сөйлесу, с</translation>
    </message>
    <message>
        <source>Share of silence</source>
        <translation>Үнсіздік үлесі</translation>
    </message>
    <message>
        <source>Passed: {item}</source>
        <translation>Орындалды: {item}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Есепті PDF ретінде сақтау</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Conversation quality {start} – {end}</source>
        <translation>Қызмет көрсету сапасы {start} – {end}</translation>
    </message>
    <message>
        <source>Could not write {path}. Choose another folder.</source>
        <translation>{path} жазу мүмкін болмады. Басқа қалтаны таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount on {item} ({base}):</source>
        <translation>«{item}» үшін жеңілдік ({base}):</translation>
    </message>
    <message>
        <source>Discount on {base}:</source>
        <translation>{base} сомасына жеңілдік:</translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation>Пайыз %</translation>
    </message>
    <message>
        <source>Amount ₸</source>
        <translation>Сома ₸</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Something went wrong ({kind}). What you were doing may not have been finished: check it before going on. The till keeps working; the details are in the log folder {folder}. If it happens again, call support.</source>
        <translation>Күтпеген қате болды ({kind}). Соңғы әрекет аяқталмауы мүмкін: жалғастырмас бұрын оны тексеріңіз. Касса жұмысын жалғастырады; толығырақ журнал қалтасында: {folder}. Қате қайталанса, қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>A report without personal data was saved for support: {file}</source>
        <translation>Қолдау қызметіне арналған есеп сақталды (дербес деректерсіз): {file}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Күтпеген қате</translation>
    </message>
    <message>
        <source>Open logs folder</source>
        <translation>Журналдар қалтасын ашу</translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>Search what was said…</source>
        <translation>Айтылған сөздер бойынша іздеу…</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Барлық күндер</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Соңғы 7 күн</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Соңғы 30 күн</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Күндер…</translation>
    </message>
    <message>
        <source>All cashiers</source>
        <translation>Барлық кассирлер</translation>
    </message>
    <message>
        <source>All shifts</source>
        <translation>Барлық ауысымдар</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Ағымдағы ауысым</translation>
    </message>
    <message>
        <source>Any checklist result</source>
        <translation>Чек-парақтың кез келген нәтижесі</translation>
    </message>
    <message>
        <source>Any upsell</source>
        <translation>Кез келген қосымша сату</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ұсынылды</translation>
    </message>
    <message>
        <source>Converted</source>
        <translation>Сатып алынды</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>Ұсынылмады</translation>
    </message>
    <message>
        <source>Flagged: any</source>
        <translation>Белгі: кез келген</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Белгіленген</translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation>Белгіленбеген</translation>
    </message>
    <message>
        <source>Reviewed: any</source>
        <translation>Тексеру: кез келген</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Тексерілген</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Тексерілмеген</translation>
    </message>
    <message>
        <source>Transcript: any</source>
        <translation>Транскрипция: кез келген</translation>
    </message>
    <message>
        <source>With transcript</source>
        <translation>Транскрипциясы бар</translation>
    </message>
    <message>
        <source>No transcript</source>
        <translation>Транскрипциясыз</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Алдымен жаңалары</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Алдымен ескілері</translation>
    </message>
    <message>
        <source>Lowest score first</source>
        <translation>Алдымен төмен баға</translation>
    </message>
    <message>
        <source>Highest score first</source>
        <translation>Алдымен жоғары баға</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>Failed: {item}</source>
        <translation>Орындалмады: {item}</translation>
    </message>
    <message>
        <source>Current shift · since {time} · {name}</source>
        <translation>Ағымдағы ауысым · {time} бастап · {name}</translation>
    </message>
    <message>
        <source>Z {number} · {time} · {name}</source>
        <translation>Z-есеп {number} · {time} · {name}</translation>
    </message>
    <message>
        <source>Shift of {time} · {name}</source>
        <translation>{time} ауысымы · {name}</translation>
    </message>
</context>
<context>
    <name>FiscalAdmin</name>
    <message>
        <source>Connected: receipts are registered at once.</source>
        <extracomment>The lane&apos;s state (``sync/fiscal_sync.py``) in words.</extracomment>
        <translation>Байланыс бар: чектер бірден тіркеледі.</translation>
    </message>
    <message>
        <source>The service does not answer: receipts wait and are registered later.</source>
        <translation>Сервис жауап бермейді: чектер күтіп тұрады және кейін тіркеледі.</translation>
    </message>
    <message>
        <source>The service refused the token: enter a valid one.</source>
        <translation>Сервис токенді қабылдамады: жарамды токенді енгізіңіз.</translation>
    </message>
    <message>
        <source>A refused operation holds up the line: retry it or set it aside.</source>
        <translation>Қабылданбаған операция кезекті тоқтатып тұр: оны қайталаңыз немесе кезектен алып тастаңыз.</translation>
    </message>
    <message>
        <source>Off: no cash register chosen.</source>
        <translation>Өшірулі: касса таңдалмаған.</translation>
    </message>
    <message>
        <source>This service&apos;s client waits for a contract: receipts wait.</source>
        <translation>Бұл сервиске қосылу шартты күтуде: чектер күтіп тұр.</translation>
    </message>
    <message>
        <source>Registration is not running in this window.</source>
        <translation>Бұл терезеде тіркеу іске қосылмаған.</translation>
    </message>
    <message>
        <source>Sale</source>
        <extracomment>What each kind of fiscal operation is called.</extracomment>
        <translation>Сату</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Енгізу</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Алу</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Ауысым ашылды</translation>
    </message>
    <message>
        <source>Shift closed (Z)</source>
        <translation>Ауысым жабылды (Z)</translation>
    </message>
    <message>
        <source>The service refused this token. Check it in your Kassa24 account and enter it again.</source>
        <translation>Сервис бұл токенді қабылдамады. Оны Kassa24 жеке кабинетінде тексеріп, қайта енгізіңіз.</translation>
    </message>
    <message>
        <source>The cash register service cannot be reached: check the internet connection. Receipts wait and are registered later.</source>
        <translation>Онлайн-касса сервисіне қосылу мүмкін емес: интернет байланысын тексеріңіз. Чектер күтіп тұрады және кейін тіркеледі.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} сағ {minutes} мин</translation>
    </message>
</context>
<context>
    <name>FiscalAdminPage</name>
    <message>
        <source>Every sale and refund is registered with the tax office through an online cash register (Kassa24). Selling never waits for it: a receipt that cannot be registered yet is registered later, within 72 hours.</source>
        <translation>Әрбір сату мен қайтару онлайн-касса (Kassa24) арқылы салық органында тіркеледі. Сауда оны күтпейді: әзірге тіркеу мүмкін болмаған чек кейін, 72 сағат ішінде тіркеледі.</translation>
    </message>
    <message>
        <source>API token from your Kassa24 account</source>
        <translation>Kassa24 жеке кабинетіндегі API токені</translation>
    </message>
    <message>
        <source>Save token</source>
        <translation>Токенді сақтау</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API токені</translation>
    </message>
    <message>
        <source>Fetch the list</source>
        <translation>Тізімді жүктеу</translation>
    </message>
    <message>
        <source>Use this one</source>
        <translation>Осыны таңдау</translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Кезектен алу</translation>
    </message>
    <message>
        <source>For an operation registered by hand at the service, or not to be registered</source>
        <translation>Сервисте қолмен тіркелген немесе тіркеудің қажеті жоқ операция үшін</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Қазір қайталау</translation>
    </message>
    <message>
        <source>The cash register&apos;s state cannot be read.</source>
        <translation>Кассаның күйін оқу мүмкін болмады.</translation>
    </message>
    <message>
        <source>A token is stored; type a new one to replace it</source>
        <translation>Токен сақталған; ауыстыру үшін жаңасын енгізіңіз</translation>
    </message>
    <message>
        <source>Registered: {registered}. Waiting: {waiting}. Refused: {refused}.</source>
        <translation>Тіркелді: {registered}. Күтуде: {waiting}. Қабылданбады: {refused}.</translation>
    </message>
    <message>
        <source>The oldest has waited {age}.</source>
        <translation>Ең ескісі {age} бойы күтіп тұр.</translation>
    </message>
    <message>
        <source>Type the token first.</source>
        <translation>Алдымен токенді енгізіңіз.</translation>
    </message>
    <message>
        <source>The token could not be saved: the system&apos;s secret store is not available. Unlock it (or install one) and save the token again.</source>
        <translation>Токен сақталмады: жүйенің құпия қоймасы қолжетімсіз. Оның құлпын ашып (немесе орнатып), токенді қайта сақтаңыз.</translation>
    </message>
    <message>
        <source>Token saved in the system&apos;s secret store. Fetch the list.</source>
        <translation>Токен жүйенің құпия қоймасында сақталды. Тізімді жүктеңіз.</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Сервистен сұрап жатырмыз…</translation>
    </message>
    <message>
        <source>not allowed for this token</source>
        <translation>бұл токенге рұқсат жоқ</translation>
    </message>
    <message>
        <source>Choose the cash register and press &quot;Use this one&quot;.</source>
        <translation>Кассаны таңдап, «Осыны таңдау» түймесін басыңыз.</translation>
    </message>
    <message>
        <source>This token may use no cash register.</source>
        <translation>Бұл токенге бірде-бір касса қолжетімді емес.</translation>
    </message>
    <message>
        <source>Fetch the list and choose a cash register first.</source>
        <translation>Алдымен тізімді жүктеп, кассаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Receipts are now registered on cash register {id}.</source>
        <translation>Енді чектер {id} кассасында тіркеледі.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Тіркеп жатырмыз…</translation>
    </message>
    <message>
        <source>Sent again: {n} refused. This is in the audit log.</source>
        <translation>Қабылданбағандардан қайта жіберілді: {n}. Бұл аудит журналына жазылды.</translation>
    </message>
    <message>
        <source>Select the refused operation first.</source>
        <translation>Алдымен қабылданбаған операцияны таңдаңыз.</translation>
    </message>
    <message>
        <source>Set aside: the line moves on. This is in the audit log.</source>
        <translation>Кезектен алынды: кезек әрі қарай жүреді. Бұл аудит журналына жазылды.</translation>
    </message>
    <message>
        <source>This operation is no longer refused.</source>
        <translation>Бұл операция енді қабылданбаған күйде емес.</translation>
    </message>
    <message>
        <source>The cash register service cannot be reached.</source>
        <translation>Онлайн-касса сервисіне қосылу мүмкін емес.</translation>
    </message>
</context>
<context>
    <name>FiscalBand</name>
    <message>
        <source>Receipts have not reached the tax office for {hours} h. Connect the till to the internet: after 72 h selling stops until they are registered.</source>
        <translation>Чектер салық органына {hours} сағаттан бері жетпей жатыр. Кассаны интернетке қосыңыз: 72 сағаттан кейін чектер тіркелгенше сауда тоқтайды.</translation>
    </message>
    <message>
        <source>Receipts have not reached the tax office for {hours} h: selling is stopped until they are registered. Connect the till to the internet and call the administrator.</source>
        <translation>Чектер салық органына {hours} сағаттан бері жетпей жатыр: олар тіркелгенше сауда тоқтатылды. Кассаны интернетке қосып, әкімшіні шақырыңыз.</translation>
    </message>
    <message>
        <source>Only {left} h left before selling stops: receipts have not reached the tax office for {hours} h. Connect the till to the internet now or call the administrator.</source>
        <translation>Сауда тоқтағанға дейін {left} сағат қалды: чектер салық органына {hours} сағаттан бері жетпей жатыр. Кассаны қазір интернетке қосыңыз немесе әкімшіні шақырыңыз.</translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Hear it</source>
        <translation>Тыңдау</translation>
    </message>
    <message>
        <source>Changed by {who}: {comment}</source>
        <translation>{who} өзгертті: {comment}</translation>
    </message>
    <message>
        <source>Disputed by {who} ({state}): {comment}</source>
        <translation>{who} дау айтты ({state}): {comment}</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Өзгерту…</translation>
    </message>
    <message>
        <source>Resolve dispute…</source>
        <translation>Дауды шешу…</translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation>Дау айту…</translation>
    </message>
</context>
<context>
    <name>ItemDecisionDialog</name>
    <message>
        <source>Change the outcome</source>
        <translation>Нәтижені өзгерту</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Дау айту</translation>
    </message>
    <message>
        <source>Resolve the dispute</source>
        <translation>Дауды шешу</translation>
    </message>
    <message>
        <source>As scored (remove the change)</source>
        <translation>Бағаланғандай (өзгерісті алып тастау)</translation>
    </message>
    <message>
        <source>Accept: the cashier is right</source>
        <translation>Қабылдау: кассир дұрыс</translation>
    </message>
    <message>
        <source>Reject: the score stands</source>
        <translation>Қабылдамау: баға өзгермейді</translation>
    </message>
    <message>
        <source>The cashier wrote: {comment}</source>
        <translation>Кассир жазды: {comment}</translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation>Түсініктеме (міндетті)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Choose: accept the dispute or let the score stand.</source>
        <translation>Таңдаңыз: дауды қабылдау немесе бағаны өзгеріссіз қалдыру.</translation>
    </message>
    <message>
        <source>Write a short comment: it is what the other side reads.</source>
        <translation>Қысқа түсініктеме жазыңыз: оны екінші тарап оқиды.</translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Required</source>
        <translation>Міндетті</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Бонустық</translation>
    </message>
    <message>
        <source>Forbidden (penalty)</source>
        <translation>Тыйым салынған (айыппұл)</translation>
    </message>
    <message>
        <source>Fatal (score 0)</source>
        <translation>Шешуші (баға 0)</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Ұпай</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Сатып алушы</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Кез келген</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Кез келген уақытта</translation>
    </message>
    <message>
        <source>In the first…</source>
        <translation>Алғашқы…</translation>
    </message>
    <message>
        <source>In the last…</source>
        <translation>Соңғы…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Passes when the upsell detector finds an offer</source>
        <translation>Қосымша сату детекторы ұсынысты тапса, орындалды</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title (ru / kk / en)</source>
        <translation>Атауы (ru / kk / en)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Who, when</source>
        <translation>Кім, қашан</translation>
    </message>
    <message>
        <source>Phrases, {language} (one per line)</source>
        <translation>Фразалар, {language} (әр жолда біреу)</translation>
    </message>
    <message>
        <source>Not applicable if anyone says (one per line)</source>
        <translation>Біреу айтса, есепке алынбайды (әр жолда біреу)</translation>
    </message>
    <message>
        <source>A * ends a stem: бонусн* matches бонусная, бонусной.</source>
        <translation>* түбірді білдіреді: бонусн* «бонусная», «бонусной» сөздерін табады.</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>Айыппұл</translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>Receipt journal</source>
        <extracomment>The counter&apos;s ESC/POS printer when one is set up (faults show on the till&apos;s bar).</extracomment>
        <translation>Чектер журналы</translation>
    </message>
    <message>
        <source>Older receipts</source>
        <translation>Ертеректегі чектер</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>Осы ауысым</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Күндер</translation>
    </message>
    <message>
        <source>Receipt number, amount, time (14:05) or cashier</source>
        <translation>Чек нөмірі, сома, уақыт (14:05) немесе кассир</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
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
        <translation>Төлем</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Fiscal</source>
        <translation>ФДО</translation>
    </message>
    <message>
        <source>Print a copy (Ctrl+P)</source>
        <translation>Көшірмесін басу (Ctrl+P)</translation>
    </message>
    <message>
        <source>Refund… (F7)</source>
        <translation>Қайтару… (F7)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
    <message>
        <source>You see the receipts of the open shift.</source>
        <translation>Сіз ашық ауысымның чектерін көріп тұрсыз.</translation>
    </message>
    <message>
        <source>The journal cannot be read now. Try again.</source>
        <translation>Журналды қазір оқу мүмкін емес. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>No shift is open: open a shift or choose another day.</source>
        <translation>Ауысым ашылмаған: ауысымды ашыңыз немесе басқа күнді таңдаңыз.</translation>
    </message>
    <message>
        <source>No receipts match.</source>
        <translation>Сәйкес чектер жоқ.</translation>
    </message>
    <message>
        <source>Refund of receipt No. {no}</source>
        <translation>№ {no} чекті қайтару</translation>
    </message>
    <message>
        <source>Sale (voided)</source>
        <translation>Сату (күшін жойған)</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>№ {number}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Күтуде</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Кезектен алынды</translation>
    </message>
    <message>
        <source>void: refund No. {number}</source>
        <translation>күші жойылды: қайтару № {number}</translation>
    </message>
    <message>
        <source>void: refund waiting</source>
        <translation>күші жойылды: қайтару күтуде</translation>
    </message>
    <message>
        <source>void: refund refused</source>
        <translation>күші жойылды: қайтару қабылданбады</translation>
    </message>
    <message>
        <source>void: refund set aside</source>
        <translation>күші жойылды: қайтару кезектен алынды</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Қолма-қол</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Cash + card</source>
        <translation>Қолма-қол + карта</translation>
    </message>
    <message>
        <source>Refund sale No. {no}… (F7)</source>
        <translation>№ {no} чек бойынша қайтару… (F7)</translation>
    </message>
    <message>
        <source>This is a refund receipt. The refund is made from the sale it returned: receipt No. {no}.</source>
        <translation>Бұл — қайтару чегі. Қайтару ол қайтарған сату чегі бойынша рәсімделеді: № {no} чек.</translation>
    </message>
    <message>
        <source>A voided sale has nothing left to refund.</source>
        <translation>Чек жойылған: ол бойынша қайтаратын ештеңе жоқ.</translation>
    </message>
    <message>
        <source>A copy of receipt No. {no} was sent to the receipt printer.</source>
        <translation>№ {no} чектің көшірмесі чек принтеріне жіберілді.</translation>
    </message>
    <message>
        <source>A copy of receipt No. {no} was printed.</source>
        <translation>№ {no} чектің көшірмесі басып шығарылды.</translation>
    </message>
</context>
<context>
    <name>LeaveKioskDialog</name>
    <message>
        <source>Close the till</source>
        <extracomment>The purpose written in the audit trail when an admin&apos;s PIN opens the way out.</extracomment>
        <translation>Кассаны жабу</translation>
    </message>
    <message>
        <source>The till runs in kiosk mode: an admin&apos;s PIN closes it.</source>
        <translation>Касса киоск режимінде жұмыс істейді: оны тек әкімшінің PIN-кодымен жабуға болады.</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Әкімшінің PIN-коды</translation>
    </message>
    <message>
        <source>Close the till (Enter)</source>
        <translation>Кассаны жабу (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Артқа</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Келесі ▶</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Ашу (Enter)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Ұзақтығы</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Қосымша сату</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Орындалмады</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Іздеу…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>The list cannot be loaded. Try again.</source>
        <translation>Тізімді жүктеу мүмкін болмады. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>{total} ішінен {first}–{last}</translation>
    </message>
    <message>
        <source>No conversations match.</source>
        <translation>Сәйкес әңгімелер жоқ.</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>белгіленген</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>дау айтылған</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>тексерілген</translation>
    </message>
    <message>
        <source>no transcript</source>
        <translation>транскрипциясыз</translation>
    </message>
    <message>
        <source>Speakers uncertain — listen and confirm or swap</source>
        <translation>Сөйлеушілердің рөлі анық емес — тыңдап, растаңыз немесе ауыстырыңыз</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>бағаланбаған</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>әлі бағаланбаған</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Who is at the till?</source>
        <translation>Кассада кім?</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>Кіру (Enter)</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Аға кассир</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Әкімші</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Атыңызды таңдаңыз</translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation>PIN: {name}</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Алдымен атыңызды таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The start-up check of the database could not run: {error}</source>
        <translation>Іске қосу кезіндегі дерекқор тексерісі орындалмады: {error}</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Ауысым жабық</translation>
    </message>
    <message>
        <source>Admin</source>
        <extracomment>Button name → (module, dialog class) of the supervisor/back-office dialogs, imported when first used so that the till starts fast and does not depend on them at import time. the admin saved new sync settings: ui/app.py restarts the engine with them The sync service (ui/app.py starts it) and its status bridge; None: no sync here. the app&apos;s running FiscalService (ui/app.py), so the admin&apos;s &quot;Retry now&quot; wakes its lane Kiosk mode (ui/kiosk.py): full screen, and only an admin&apos;s PIN closes the till. The counter-conversation recorder (ui/app.py makes it; None: this till records nothing).</extracomment>
        <translation>Әкімшілік</translation>
    </message>
    <message>
        <source>Data-subject requests…</source>
        <translation>Деректер субъектілерінің сұраулары…</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Қызметтік</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation>Аудит журналы…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Анықтама</translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation>Құпиялылық…</translation>
    </message>
    <message>
        <source>Version {version} is available — ask your administrator to install it</source>
        <translation>{version} нұсқасы қолжетімді — әкімшіден оны орнатуды сұраңыз</translation>
    </message>
    <message>
        <source>Shift open since {time} ({name})</source>
        <translation>Ауысым ашық ({time}, {name})</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>Кассир: {name}</translation>
    </message>
    <message>
        <source>This function is not installed.</source>
        <translation>Бұл функция орнатылмаған.</translation>
    </message>
    <message>
        <source>Preparing the X report…</source>
        <translation>X есебі дайындалуда…</translation>
    </message>
    <message>
        <source>The X report cannot be prepared. Try again.</source>
        <translation>X есебін дайындау мүмкін болмады. Қайталап көріңіз.</translation>
    </message>
</context>
<context>
    <name>MyConsentDialog</name>
    <message>
        <source>My consent to recording</source>
        <translation>Жазуға менің келісімім</translation>
    </message>
    <message>
        <source>What is on file for you, {name}:</source>
        <translation>{name}, сіздің келісіміңіз туралы мәліметтер:</translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation>Сіздің PIN-кодыңыз</translation>
    </message>
    <message>
        <source>Withdraw my consent</source>
        <translation>Келісімімді кері қайтару</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
    <message>
        <source>Your consent is withdrawn. Nothing more is recorded of you; {held} of your recordings are held: they are not sent, transcribed or scored, and the administrator may destroy them.</source>
        <translation>Келісіміңіз кері қайтарылды. Сіз енді жазылмайсыз; ұсталған жазбаларыңыз: {held}. Олар жіберілмейді, мәтінге айналдырылмайды және бағаланбайды, ал әкімші оларды жоя алады.</translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Choose your PIN</source>
        <translation>Өз PIN-кодыңызды таңдаңыз</translation>
    </message>
    <message>
        <source>{name}, you signed in with a one-time PIN. Choose your own PIN (4 to 8 digits) and keep it to yourself.</source>
        <translation>{name}, сіз бір реттік PIN-кодпен кірдіңіз. Өз PIN-кодыңызды таңдаңыз (4-тен 8-ге дейін сан) және оны ешкімге айтпаңыз.</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Жаңа PIN-код</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Сол PIN-кодты тағы бір рет</translation>
    </message>
    <message>
        <source>Lock (Esc)</source>
        <translation>Құлыптау (Esc)</translation>
    </message>
    <message>
        <source>Save PIN (Enter)</source>
        <translation>PIN-кодты сақтау (Enter)</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>PIN-кодтар сәйкес келмейді. Бір PIN-кодты екі рет теріңіз.</translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New data-subject request</source>
        <translation>Деректер субъектісінің жаңа сұрауы</translation>
    </message>
    <message>
        <source>Name as signed in the request</source>
        <translation>Сұраудағы қолтаңбадағыдай аты-жөні</translation>
    </message>
    <message>
        <source>Who asked</source>
        <translation>Кім жүгінді</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Не сұрайды</translation>
    </message>
    <message>
        <source>An employee</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <source>A customer by receipt number</source>
        <translation>Чек нөмірі бойынша сатып алушы</translation>
    </message>
    <message>
        <source>A customer by time at this till</source>
        <translation>Осы кассадағы уақыты бойынша сатып алушы</translation>
    </message>
    <message>
        <source>A customer by words in conversations</source>
        <translation>Әңгімелердегі сөздері бойынша сатып алушы</translation>
    </message>
    <message>
        <source>About whom</source>
        <translation>Кім туралы</translation>
    </message>
    <message>
        <source>Words the customer said</source>
        <translation>Сатып алушы айтқан сөздер</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Түскен күні</translation>
    </message>
    <message>
        <source>The answer is due 30 days after the request arrived.</source>
        <translation>Сұрау түскен күннен бастап 30 күн ішінде жауап беру керек.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Тіркеу</translation>
    </message>
    <message>
        <source>Say who made the request.</source>
        <translation>Сұраумен кім жүгінгенін көрсетіңіз.</translation>
    </message>
    <message>
        <source>There is no employee to choose.</source>
        <translation>Таңдайтын қызметкер жоқ.</translation>
    </message>
    <message>
        <source>Type the words to look for.</source>
        <translation>Іздейтін сөздерді енгізіңіз.</translation>
    </message>
    <message>
        <source>The time window ends before it starts.</source>
        <translation>Уақыт аралығы басталмай тұрып аяқталады.</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Ауысымды ашу</translation>
    </message>
    <message>
        <source>Count the cash you put in the drawer and type the amount.</source>
        <translation>Кассаға салған ақшаны санап, соманы енгізіңіз.</translation>
    </message>
    <message>
        <source>Opening float, ₸</source>
        <translation>Бастапқы қалдық, ₸</translation>
    </message>
    <message>
        <source>Open shift (Enter)</source>
        <translation>Ауысымды ашу (Enter)</translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <source>None</source>
        <translation>Жоқ</translation>
    </message>
    <message>
        <source>Options: {name}</source>
        <translation>Нұсқалар: {name}</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сақтау (Enter)</translation>
    </message>
    <message>
        <source>Add (Enter)</source>
        <translation>Қосу (Enter)</translation>
    </message>
    <message>
        <source>At most {count} in “{group}”.</source>
        <translation>«{group}» ішінен ең көбі {count} таңдауға болады.</translation>
    </message>
    <message>
        <source>choose {min} to {max}</source>
        <translation>{min}-ден {max}-ге дейін таңдаңыз</translation>
    </message>
    <message>
        <source>required</source>
        <translation>міндетті</translation>
    </message>
    <message>
        <source>up to {max}</source>
        <translation>{max}-ге дейін</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>қалауы бойынша</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation>әлі таңдалмаған</translation>
    </message>
    <message>
        <source>Price {amount}</source>
        <translation>Бағасы {amount}</translation>
    </message>
    <message>
        <source>Choose: {groups}</source>
        <translation>Таңдаңыз: {groups}</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Discount above the cashier&apos;s limit</source>
        <translation>Кассир лимитінен асатын жеңілдік</translation>
    </message>
    <message>
        <source>Change a price</source>
        <translation>Бағаны өзгерту</translation>
    </message>
    <message>
        <source>Close the shift with a cash difference</source>
        <translation>Кассада айырма бар ауысымды жабу</translation>
    </message>
    <message>
        <source>Void a completed sale</source>
        <translation>Өткізілген чектің күшін жою</translation>
    </message>
    <message>
        <source>Edit the catalog</source>
        <translation>Каталогты өзгерту</translation>
    </message>
    <message>
        <source>Quit the till (recording and sync stop until it starts again)</source>
        <translation>Кассаны жабу (жазу мен синхрондау ол қайта іске қосылғанша тоқтайды)</translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation>Аға кассирдің рұқсаты</translation>
    </message>
    <message>
        <source>A supervisor must approve: &lt;b&gt;{action}&lt;/b&gt;</source>
        <translation>Аға кассирдің рұқсаты керек: &lt;b&gt;{action}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A cashier may give up to {limit} without approval.</source>
        <translation>Кассир растаусыз {limit} дейін жеңілдік бере алады.</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>Аға кассирдің PIN-і</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>Рұқсат беру (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Жазуды тоқтата тұру</translation>
    </message>
    <message>
        <source>Recording stops for this shift until a supervisor resumes it. Why?</source>
        <translation>Жазу аға кассир қайта қоспайынша осы ауысымда тоқтайды. Неге?</translation>
    </message>
    <message>
        <source>Reason, e.g. a customer asked not to be recorded</source>
        <translation>Себебі, мысалы: сатып алушы жазбауды сұрады</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Жазуды жалғастыру</translation>
    </message>
    <message>
        <source>Paused by {name} at {time}: {reason}</source>
        <translation>{name} {time} уақытта тоқтатты: {reason}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Төлем</translation>
    </message>
    <message>
        <source>To pay {amount}</source>
        <translation>Төлеуге {amount}</translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation>Алынған қолма-қол</translation>
    </message>
    <message>
        <source>By card</source>
        <translation>Картамен</translation>
    </message>
    <message>
        <source>optional, from the terminal slip</source>
        <translation>міндетті емес</translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation>Авторизация коды</translation>
    </message>
    <message>
        <source>Confirm payment (Enter)</source>
        <translation>Төлемді растау (Enter)</translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation>Чекке оралу (Esc)</translation>
    </message>
    <message>
        <source>Cash
F5</source>
        <translation>Қолма-қол
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
        <translation>Қайтарымсыз</translation>
    </message>
    <message>
        <source>Terminal approved
Confirm (Enter)</source>
        <translation>Терминал мақұлдады
Растау (Enter)</translation>
    </message>
    <message>
        <source>Card {amount}: confirm when the terminal approves</source>
        <translation>Карта {amount}: терминал төлемді мақұлдағанда растаңыз</translation>
    </message>
    <message>
        <source>Cash due {amount}</source>
        <translation>Қолма-қол {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>Қайтарым {amount}</translation>
    </message>
    <message>
        <source>Still due {amount}</source>
        <translation>Төленбеген {amount}</translation>
    </message>
    <message>
        <source>The sale was NOT recorded: do not hand over the goods yet.</source>
        <translation>Сату ЖАЗЫЛҒАН ЖОҚ: тауарды әзірге бермеңіз.</translation>
    </message>
    <message>
        <source>The sale was NOT recorded because of an unexpected error (it is written in the log). Do not hand over the goods yet: try again, and call support if it repeats.</source>
        <translation>Күтпеген қатеге байланысты сату ЖАЗЫЛҒАН ЖОҚ (қате журналға жазылды). Тауарды әзірге бермеңіз: қайта көріңіз, қате қайталанса, қолдау қызметіне хабарласыңыз.</translation>
    </message>
</context>
<context>
    <name>PinConfirmDialog</name>
    <message>
        <source>Admin PIN</source>
        <translation>Әкімшінің PIN-коды</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Type your PIN to confirm.</source>
        <translation>Растау үшін PIN-кодыңызды енгізіңіз.</translation>
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
        <translation>5 секунд артқа (←)</translation>
    </message>
    <message>
        <source>Forward 5 seconds (→)</source>
        <translation>5 секунд алға (→)</translation>
    </message>
    <message>
        <source>Speed: 1×, 1.5×, 2× (keys 1, 2, 3)</source>
        <translation>Жылдамдық: 1×, 1.5×, 2× (1, 2, 3 пернелері)</translation>
    </message>
    <message>
        <source>No sound output: the transcript follows in silence.</source>
        <translation>Дыбыс шығысы жоқ: транскрипция дыбыссыз жүреді.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Үзіліс</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Тыңдау</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Үзіліс (бос орын)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Тыңдау (бос орын)</translation>
    </message>
</context>
<context>
    <name>PolicyAcceptanceDialog</name>
    <message>
        <source>Privacy policy, version {version}</source>
        <translation>Құпиялылық саясаты, {version} редакциясы</translation>
    </message>
    <message>
        <source>Version {version} of the privacy policy, published {date}, is in force. As the store&apos;s administrator, read it and accept it. “Later” asks again at your next login.</source>
        <translation>Құпиялылық саясатының {date} жарияланған {version} редакциясы күшінде. Дүкен әкімшісі ретінде оны оқып, қабылдаңыз. «Кейінірек» — келесі кіргеніңізде қайта сұраймыз.</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Қабылдау</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Price</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>New price of {name}:</source>
        <translation>Жаңа баға: {name}</translation>
    </message>
</context>
<context>
    <name>PrinterAdminPage</name>
    <message>
        <source>Receipts print on an ESC/POS printer after each payment. When it fails the sale is complete anyway and the till offers to print again.</source>
        <translation>Чектер әр төлемнен кейін ESC/POS принтерінде басылады. Басып шығару сәтсіз болса да, сату аяқталған болып саналады, ал касса қайта басып шығаруды ұсынады.</translation>
    </message>
    <message>
        <source>58 mm (32 characters)</source>
        <translation>58 мм (32 таңба)</translation>
    </message>
    <message>
        <source>80 mm (48 characters)</source>
        <translation>80 мм (48 таңба)</translation>
    </message>
    <message>
        <source>CP866 (Russian; Kazakh as an image)</source>
        <translation>CP866 (орысша; қазақша — сурет ретінде)</translation>
    </message>
    <message>
        <source>Windows-1251 (Russian; Kazakh as an image)</source>
        <translation>Windows-1251 (орысша; қазақша — сурет ретінде)</translation>
    </message>
    <message>
        <source>KZ-1048 (Russian and Kazakh as text)</source>
        <translation>KZ-1048 (орысша және қазақша мәтінмен)</translation>
    </message>
    <message>
        <source>usual</source>
        <translation>әдеттегі</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Сынақ бетін басып шығару</translation>
    </message>
    <message>
        <source>Save printer settings</source>
        <translation>Принтер баптауларын сақтау</translation>
    </message>
    <message>
        <source>Printer settings saved.</source>
        <translation>Принтер баптаулары сақталды.</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>Сынақ беті басылып жатыр…</translation>
    </message>
    <message>
        <source>Printer test page</source>
        <translation>Принтердің сынақ беті</translation>
    </message>
    <message>
        <source>Printer: {address}</source>
        <translation>Принтер: {address}</translation>
    </message>
    <message>
        <source>Paper: {mm} mm, {chars} characters a line</source>
        <translation>Қағаз: {mm} мм, жолында {chars} таңба</translation>
    </message>
    <message>
        <source>Code page: {code_page}</source>
        <translation>Код беті: {code_page}</translation>
    </message>
    <message>
        <source>The test page printed: check both alphabets, the codes and the cut.</source>
        <translation>Сынақ беті басылды: екі әліпбиді, кодтарды және кесуді тексеріңіз.</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>Принтермен байланысу мүмкін болмады.</translation>
    </message>
</context>
<context>
    <name>PrinterBar</name>
    <message>
        <source>Retry</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <source>Printing again…</source>
        <translation>Қайта басып жатырмыз…</translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation>Принтермен байланысу мүмкін болмады.</translation>
    </message>
    <message>
        <source>Receipt No. {no} did not print: {why}. The sale is complete.</source>
        <translation>№ {no} чек басылмады: {why}. Сату аяқталды.</translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation>Құпиялылық</translation>
    </message>
    <message>
        <source>Privacy policy in force</source>
        <translation>Күшіндегі құпиялылық саясаты</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Қабылданды</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>{name}, BIN {bin}</source>
        <translation>{name}, БСН {bin}</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. пошта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Questions about your personal data, or a request to see, correct, block or destroy it: write or call the operator.</source>
        <translation>Дербес деректеріңіз туралы сұрақтар немесе оларды көрсету, түзету, бұғаттау не жою туралы өтініш болса, операторға жазыңыз немесе қоңырау шалыңыз.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>{version}, published {date}</source>
        <translation>{version}, {date} жарияланды</translation>
    </message>
    <message>
        <source>{version}, published {date}, in force here since {since}</source>
        <translation>{version}, {date} жарияланды, мұнда {since} бастап күшінде</translation>
    </message>
    <message>
        <source>Not accepted yet: an administrator is asked at login</source>
        <translation>Әлі қабылданбаған: әкімші кірген кезде сұралады</translation>
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
        <translation>Өңдеу туралы мәлімет</translation>
    </message>
    <message>
        <source>Copy of the data</source>
        <translation>Деректердің көшірмесі</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Түзету</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ашық</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>жауап берілді</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>жабық</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты-жөні</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. пошта</translation>
    </message>
    <message>
        <source>Correct the employee&apos;s data</source>
        <translation>Қызметкердің деректерін түзету</translation>
    </message>
    <message>
        <source>The correction is kept in the audit trail without the old or the new value. Correct the staff list on the backend as well, or its next update brings the old value back.</source>
        <translation>Түзету әрекеттер журналына ескі және жаңа мәнсіз жазылады. Сервердегі қызметкерлер тізімін де түзетіңіз, әйтпесе келесі жаңарту ескі мәнді қайтарады.</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Түзету</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Түзетілген мән</translation>
    </message>
    <message>
        <source>Export the subject&apos;s data</source>
        <translation>Субъектінің деректерін экспорттау</translation>
    </message>
    <message>
        <source>The data is written, readable by you only, into the new folder {path}.</source>
        <translation>Деректер жаңа {path} қалтасына жазылады; оларды тек сіз оқи аласыз.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>Include the recordings as audio files (decrypted)</source>
        <translation>Әңгіме жазбаларын аудиофайл ретінде қосу (шифрсыз)</translation>
    </message>
    <message>
        <source>Block the subject</source>
        <translation>Субъектіні бұғаттау</translation>
    </message>
    <message>
        <source>Their recordings will not be uploaded, transcribed or scored, and only an admin can play them back. An employee&apos;s later recordings are blocked too.</source>
        <translation>Бұл адамның жазбалары жіберілмейді, мәтінге айналдырылмайды және бағаланбайды; оларды тек әкімші тыңдай алады. Қызметкердің келешектегі жазбалары да бұғатталады.</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>Destroy the subject&apos;s data</source>
        <translation>Субъектінің деректерін жою</translation>
    </message>
    <message>
        <source>The subject&apos;s data is destroyed at this till and on the backend; recordings become unreadable everywhere. This cannot be undone.</source>
        <translation>Адамның деректері осы кассада және серверде жойылады; әңгіме жазбалары барлық жерде оқылмайтын болады. Мұны қайтару мүмкін емес.</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>The file could not be written ({error}). Choose another folder.</source>
        <translation>Файлды жазу мүмкін болмады ({error}). Басқа қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was done. Try again.</source>
        <translation>Бірдеңе дұрыс болмады, ештеңе жасалмады. Қайталап көріңіз.</translation>
    </message>
</context>
<context>
    <name>PrivacyRequestsDialog</name>
    <message>
        <source>Data-subject requests</source>
        <translation>Деректер субъектілерінің сұраулары</translation>
    </message>
    <message>
        <source>Requests of staff and customers about their personal data. The answer is due 30 days after a request arrives.</source>
        <translation>Қызметкерлер мен сатып алушылардың өз дербес деректері туралы сұраулары. Сұрау түскен күннен бастап 30 күн ішінде жауап беру керек.</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>Жаңа сұрау…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Жауап…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорттау…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Түзету…</translation>
    </message>
    <message>
        <source>Block…</source>
        <translation>Бұғаттау…</translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Кімнен</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Түсті</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>мерзімі өтті</translation>
    </message>
    <message>
        <source>The answer is overdue.</source>
        <translation>Жауап беру мерзімі өтіп кетті.</translation>
    </message>
    <message>
        <source>Destroyed: {count} recordings shredded. The certificate: forsell-cashier privacy certificate {id}</source>
        <translation>Жойылды: кілті жойылған жазбалар — {count}. Жою актісі: forsell-cashier privacy certificate {id}</translation>
    </message>
    <message>
        <source>Request registered; the answer is due {due}.</source>
        <translation>Сұрау тіркелді; {due} дейін жауап беру керек.</translation>
    </message>
    <message>
        <source>No data about this person is held at this till.</source>
        <translation>Бұл кассада осы адам туралы деректер жоқ.</translation>
    </message>
    <message>
        <source>{table} — records: {count}</source>
        <translation>{table} — жазбалар саны: {count}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
    <message>
        <source>Choose where to put the export</source>
        <translation>Деректерді қайда экспорттау керектігін таңдаңыз</translation>
    </message>
    <message>
        <source>{count} files written to {path}.</source>
        <translation>Жазылған файлдар саны: {count}, қалта {path}.</translation>
    </message>
    <message>
        <source>Corrected. The correction is audited.</source>
        <translation>Түзетілді. Түзету журналға жазылды.</translation>
    </message>
    <message>
        <source>Blocked: {count} recordings.</source>
        <translation>Бұғатталған жазбалар саны: {count}.</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Edit product</source>
        <translation>Тауарды өзгерту</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Жаңа тауар</translation>
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
        <translation>Атауы (орысша)</translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation>Атауы (қазақша)</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Атауы (ағылшынша)</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>Санатсыз</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Санат</translation>
    </message>
    <message>
        <source>Price, ₸</source>
        <translation>Баға, ₸</translation>
    </message>
    <message>
        <source>VAT, %</source>
        <translation>ҚҚС, %</translation>
    </message>
    <message>
        <source>Sold by weight (kg)</source>
        <translation>Салмақпен сатылады (кг)</translation>
    </message>
    <message>
        <source>Favourite (on the quick grid)</source>
        <translation>Таңдаулы (жылдам батырмалар)</translation>
    </message>
    <message>
        <source>One per line or comma-separated, e.g. латтешка, кофе с молоком</source>
        <translation>Әр жолда біреу немесе үтір арқылы, мысалы: латтешка, сүтті кофе</translation>
    </message>
    <message>
        <source>Synonyms (for upsell detection)</source>
        <translation>Синонимдер (қосымша сатуды анықтау үшін)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Нұсқалар</translation>
    </message>
    <message>
        <source>e.g. Молоко [1]: обычное*, овсяное +200; Сироп [0-1]: ваниль +250</source>
        <translation>мысалы: Сүт [1]: кәдімгі*, сұлы +200; Шәрбат [0-1]: ваниль +250</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Сақтау (Enter)</translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <source>★ Favourites</source>
        <translation>★ Таңдаулы</translation>
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
        <translation>Растауды кері қайтару</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Растау…</translation>
    </message>
    <message>
        <source>{name}: named by the privacy policy, but it has no public API yet, so it cannot be chosen and receives no audio.</source>
        <translation>{name}: құпиялылық саясатында аталған, бірақ оның әзірге ашық API-і жоқ, сондықтан оны таңдауға болмайды және ол аудио алмайды.</translation>
    </message>
    <message>
        <source>{name}: named by the privacy policy as a recipient of audio.</source>
        <translation>{name}: құпиялылық саясатында аудио алушы ретінде аталған.</translation>
    </message>
    <message>
        <source>{name} is NOT named by the privacy policy in force. An admin acknowledged it as a recipient of audio (in the audit log), so it may be chosen.</source>
        <translation>{name} қолданыстағы құпиялылық саясатында АТАЛМАҒАН. Әкімші оны аудио алушы ретінде растады (бұл аудит журналына жазылған), сондықтан оны таңдауға болады.</translation>
    </message>
    <message>
        <source>Warning: {name} is NOT named by the privacy policy in force. It receives no audio and cannot be chosen until an admin acknowledges it.</source>
        <translation>Назар аударыңыз: {name} қолданыстағы құпиялылық саясатында АТАЛМАҒАН. Әкімші оны растамайынша, ол аудио алмайды және оны таңдауға болмайды.</translation>
    </message>
    <message>
        <source>Withdraw the acknowledgement of {name}? It will receive no more audio, and it must not stay chosen as first choice or fallback.</source>
        <translation>{name} үшін растауды кері қайтарасыз ба? Ол енді аудио алмайды, және оны негізгі немесе қосалқы қызмет ретінде қалдыруға болмайды.</translation>
    </message>
    <message>
        <source>{name} is not named by the privacy policy in force. Acknowledge it as a recipient of the staff&apos;s voice recordings only if their written consent names it, and the transfer abroad where it applies. This is recorded in the audit log with your name and the time. Acknowledge?</source>
        <translation>{name} қолданыстағы құпиялылық саясатында аталмаған. Қызметкерлердің жазбаша келісімінде осы қызмет және қажет болса, шетелге беру аталған жағдайда ғана оны қызметкерлердің дауыс жазбаларын алушы ретінде растаңыз. Бұл аудит журналына сіздің атыңызбен және уақытпен жазылады. Растайсыз ба?</translation>
    </message>
    <message>
        <source>Recipient of audio</source>
        <translation>Аудио алушы</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Language code → its own name (shown untranslated, so everyone finds their language).</extracomment>
        <translation>Қайда қ&amp;арау:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Файлдар &amp;түрі:</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Weight</source>
        <translation>Салмақ</translation>
    </message>
    <message>
        <source>Weight of {name}, kg:</source>
        <translation>Салмағы, кг: {name}</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>How many: {name}?</source>
        <translation>Қанша: {name}?</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <source>Parked sales</source>
        <translation>Қалдырылған чектер</translation>
    </message>
    <message>
        <source>Which sale comes back?</source>
        <translation>Қай чекті ашамыз?</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>{time}  {label}  ·  {items} lines  ·  {total}</source>
        <translation>{time}  {label}  ·  {items} жол  ·  {total}</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Recall (Enter)</source>
        <translation>Ашу (Enter)</translation>
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
        <translation>БСН {bin}</translation>
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
        <translation>Жеңілдік</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Аралық сома</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Қош келдіңіз!</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>БАРЛЫҒЫ</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Төленді</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Сатып алғаныңызға рахмет!</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… және тағы {count}</translation>
    </message>
    <message>
        <source>Conversations at this counter may be recorded to check the quality of service.</source>
        <translation>Кассадағы әңгімелер қызмет сапасын бақылау үшін жазылуы мүмкін.</translation>
    </message>
    <message>
        <source>incl. VAT {rate}</source>
        <translation>оның ішінде ҚҚС {rate}</translation>
    </message>
    <message>
        <source>Without VAT</source>
        <translation>ҚҚС-сыз</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Қолма-қол</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Қайтарым</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Auth code {code}</source>
        <translation>Авторизация коды {code}</translation>
    </message>
    <message>
        <source>kg</source>
        <translation>кг</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>КҮШІ ЖОЙЫЛДЫ</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>КӨШІРМЕ</translation>
    </message>
    <message>
        <source>REFUND No. {no}</source>
        <translation>ҚАЙТАРУ № {no}</translation>
    </message>
    <message>
        <source>Refund of receipt No. {no} of {date}</source>
        <translation>{date} күнгі № {no} чек бойынша қайтару</translation>
    </message>
    <message>
        <source>REFUND TOTAL</source>
        <translation>ҚАЙТАРУ ЖИЫНЫ</translation>
    </message>
    <message>
        <source>Returned in cash</source>
        <translation>Қолма-қол қайтарылды</translation>
    </message>
    <message>
        <source>Returned to card</source>
        <translation>Картаға қайтарылды</translation>
    </message>
    <message>
        <source>FISCAL RECEIPT</source>
        <translation>ФИСКАЛДЫҚ ЧЕК</translation>
    </message>
    <message>
        <source>Fiscal sign {sign}</source>
        <translation>Фискалдық белгі {sign}</translation>
    </message>
    <message>
        <source>Receipt at the fiscal operator No. {number}</source>
        <translation>ФДО-дағы чек № {number}</translation>
    </message>
    <message>
        <source>Cash register RNM {rnm}</source>
        <translation>Кассаның тіркеу нөмірі {rnm}</translation>
    </message>
    <message>
        <source>Scan the QR code to check the receipt</source>
        <translation>Чекті тексеру үшін QR-кодты сканерлеңіз</translation>
    </message>
    <message>
        <source>Not yet registered with the tax office: it will be registered automatically (autonomous No. {number})</source>
        <translation>Салық органында әлі тіркелмеген: автоматты түрде тіркеледі (автономды № {number})</translation>
    </message>
    <message>
        <source>The cash register refused this receipt: the administrator will resolve it</source>
        <translation>Касса бұл чекті қабылдамады: мәселені әкімші шешеді</translation>
    </message>
    <message>
        <source>Fiscal registration handled by the administrator</source>
        <translation>Фискалдық тіркеуді әкімші жүргізді</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Refund receipt No. {no}</source>
        <translation>№ {no} қайтару чегі</translation>
    </message>
    <message>
        <source>Receipt No. {no}</source>
        <translation>Чек № {no}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Басып шығару</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF сақтау</translation>
    </message>
    <message>
        <source>New sale (Enter / F2)</source>
        <translation>Жаңа чек (Enter / F2)</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>Жабу (Enter)</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>Чекті PDF-ке сақтау</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлдары (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Item</source>
        <translation>Тауар</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Upsell offers</source>
        <translation>Қосымша сату ұсыныстары</translation>
    </message>
    <message>
        <source>No sale is linked to this conversation.</source>
        <translation>Бұл әңгімеге сатылым байланыстырылмаған.</translation>
    </message>
    <message>
        <source>Receipt No. {number} · {time}</source>
        <translation>Чек № {number} · {time}</translation>
    </message>
    <message>
        <source>upsell</source>
        <translation>қосымша сату</translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation>Барлығы: {total}</translation>
    </message>
    <message>
        <source>bought, +{revenue}</source>
        <translation>сатып алынды, +{revenue}</translation>
    </message>
    <message>
        <source>not bought</source>
        <translation>сатып алынбады</translation>
    </message>
    <message>
        <source>No offers were heard.</source>
        <translation>Ұсыныстар болмады.</translation>
    </message>
</context>
<context>
    <name>RecordingAdminPage</name>
    <message>
        <source>Record counter conversations at this till</source>
        <translation>Осы кассадағы әңгімелерді жазу</translation>
    </message>
    <message>
        <source>Consent to recording (keep the signed paper):</source>
        <translation>Жазуға келісім (қол қойылған қағазды сақтаңыз):</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Қызметкер</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Келісім берілді</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Келісімді тіркеу</translation>
    </message>
    <message>
        <source>Record consent to audio abroad</source>
        <translation>Аудионы шетелге беруге келісімді тіркеу</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Келісімді кері қайтару…</translation>
    </message>
    <message>
        <source>Destroy held recordings…</source>
        <translation>Ұсталған жазбаларды жою…</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Жүйенің әдепкісі</translation>
    </message>
    <message>
        <source>Test microphone</source>
        <translation>Микрофонды тексеру</translation>
    </message>
    <message>
        <source>The receipt footer now tells customers about recording: {footer}</source>
        <translation>Енді чектің соңында сатып алушыларға жазу туралы ескертіледі: {footer}</translation>
    </message>
    <message>
        <source>Receipt footer: {footer}</source>
        <translation>Чектің соңындағы мәтін: {footer}</translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation>Шетелге</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Ұсталған</translation>
    </message>
    <message>
        <source>withdrawn {when}</source>
        <translation>{when} кері қайтарылды</translation>
    </message>
    <message>
        <source>no consent</source>
        <translation>келісім жоқ</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Consent text version {version}</source>
        <translation>Келісім мәтінінің нұсқасы {version}</translation>
    </message>
    <message>
        <source>Choose an employee in the list first.</source>
        <translation>Алдымен тізімнен қызметкерді таңдаңыз.</translation>
    </message>
    <message>
        <source>Opening the microphone…</source>
        <translation>Микрофон ашылуда…</translation>
    </message>
    <message>
        <source>The microphone cannot be opened: it is unplugged, used by another program or not allowed. Plug it in or choose another microphone, then test again.</source>
        <translation>Микрофон ашылмайды: ол ажыратылған, оны басқа бағдарлама қолданып тұр немесе рұқсат жоқ. Оны қосыңыз немесе басқа микрофонды таңдап, қайта тексеріңіз.</translation>
    </message>
    <message>
        <source>The microphone opened but sends no sound. Reconnect it or choose another microphone, then test again.</source>
        <translation>Микрофон ашылды, бірақ дыбыс бермейді. Оны қайта қосыңыз немесе басқа микрофонды таңдап, қайта тексеріңіз.</translation>
    </message>
    <message>
        <source>The microphone test failed. Choose another microphone or restart the till; the details are in the tooltip.</source>
        <translation>Микрофонды тексеру сәтсіз аяқталды. Басқа микрофонды таңдаңыз немесе кассаны қайта іске қосыңыз; толығырақ — қалқымалы кеңесте.</translation>
    </message>
    <message>
        <source>Listening for 3 seconds: say something…</source>
        <translation>3 секунд тыңдаймыз: бірдеңе айтыңыз…</translation>
    </message>
    <message>
        <source>Playing the 3 seconds back…</source>
        <translation>Сол 3 секунд ойнатылуда…</translation>
    </message>
    <message>
        <source>Speech heard ({seconds} s of voice). The microphone works.</source>
        <translation>Сөз естілді ({seconds} с дауыс). Микрофон жұмыс істейді.</translation>
    </message>
    <message>
        <source>Only silence: the microphone is muted or not connected.</source>
        <translation>Тек тыныштық: микрофон өшірулі немесе қосылмаған.</translation>
    </message>
    <message>
        <source>Sound but no speech heard: speak during the test, closer to the microphone.</source>
        <translation>Дыбыс бар, бірақ сөз естілмеді: тексеру кезінде микрофонға жақынырақ сөйлеңіз.</translation>
    </message>
    <message>
        <source>(Playback failed: no speakers?)</source>
        <translation>(Ойнату мүмкін болмады: динамик жоқ па?)</translation>
    </message>
</context>
<context>
    <name>RecordingBar</name>
    <message>
        <source>■ Stop recording (Ctrl+Shift+R)</source>
        <translation>■ Жазуды тоқтату (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>● Record (Ctrl+Shift+R)</source>
        <translation>● Жазу (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>My consent</source>
        <translation>Менің келісімім</translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation>Жазуды жалғастыру</translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation>Жазуды тоқтата тұру</translation>
    </message>
    <message>
        <source>Recording is off: this computer has no safe place for the recording keys. Selling works as usual. Fix: {hint}</source>
        <translation>Жазу өшірулі: бұл компьютерде жазба кілттеріне қорғалған қойма жоқ. Сату әдеттегідей жұмыс істейді. Түзету жолы: {hint}</translation>
    </message>
    <message>
        <source>Microphone not working — check the cable; retrying.</source>
        <translation>Микрофон жұмыс істемейді — кабельді тексеріңіз; қайта байқап жатырмыз.</translation>
    </message>
    <message>
        <source>The microphone gives only silence — check that it is plugged in and not muted.</source>
        <translation>Микрофоннан тек тыныштық келеді — оның қосылғанын және өшірілмегенін тексеріңіз.</translation>
    </message>
    <message>
        <source>No sound arrives from the microphone — check the cable.</source>
        <translation>Микрофоннан дыбыс келмейді — кабельді тексеріңіз.</translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <source>Recording</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Recording (finishing)</source>
        <translation>Жазу (аяқталуда)</translation>
    </message>
    <message>
        <source>Microphone ready</source>
        <translation>Микрофон дайын</translation>
    </message>
    <message>
        <source>Microphone problem</source>
        <translation>Микрофон ақаулы</translation>
    </message>
    <message>
        <source>Recording off</source>
        <translation>Жазу өшірулі</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Келісім жоқ</translation>
    </message>
    <message>
        <source>Recording starts with the shift</source>
        <translation>Жазу ауысым ашылғанда басталады</translation>
    </message>
    <message>
        <source>Paused by supervisor: {reason}</source>
        <translation>Аға кассир тоқтатты: {reason}</translation>
    </message>
    <message>
        <source>Recording off: no secure key store</source>
        <translation>Жазу өшірулі: кілттердің қорғалған қоймасы жоқ</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund or void</source>
        <extracomment>The counter&apos;s ESC/POS printer when one is set up: the refund receipt comes out of it at once, as a sale&apos;s does after payment.</extracomment>
        <translation>Қайтару немесе күшін жою</translation>
    </message>
    <message>
        <source>Scan the code on the receipt or type its number.</source>
        <translation>Чектегі кодты сканерлеңіз немесе нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>Receipt number or scanned code</source>
        <translation>Чек нөмірі немесе коды</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Табу</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Тауар</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Сатылды</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <source>To refund</source>
        <translation>Қайтаруға</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сома</translation>
    </message>
    <message>
        <source>Refund all</source>
        <translation>Бәрін қайтару</translation>
    </message>
    <message>
        <source>Cash back</source>
        <translation>Қолма-қол</translation>
    </message>
    <message>
        <source>Back to card</source>
        <translation>Картаға</translation>
    </message>
    <message>
        <source>Reason (e.g. damaged, wrong item)</source>
        <translation>Себебі (мысалы, ақау, басқа тауар)</translation>
    </message>
    <message>
        <source>Void sale…</source>
        <translation>Чектің күшін жою…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>Қайтару (Enter)</translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation>Алдымен чекті табыңыз.</translation>
    </message>
    <message>
        <source>Nothing was refunded: a supervisor did not approve.</source>
        <translation>Қайтару жасалмады: аға кассир рұқсат бермеді.</translation>
    </message>
    <message>
        <source>Refunded {amount} in cash. Approved by {name}.</source>
        <translation>Қолма-қол {amount} қайтарылды. Рұқсат берген: {name}.</translation>
    </message>
    <message>
        <source>Refunded {amount} to the card. Approved by {name}.</source>
        <translation>Картаға {amount} қайтарылды. Рұқсат берген: {name}.</translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation>Чектің күшін жою</translation>
    </message>
    <message>
        <source>Void sale No. {number} of {total}? The whole sale is cancelled.</source>
        <translation>Чек № {number} ({total}) күшін жою керек пе? Сату толығымен жойылады.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Қалдыру</translation>
    </message>
    <message>
        <source>The sale was not voided: a supervisor did not approve.</source>
        <translation>Чектің күші жойылмады: аға кассир рұқсат бермеді.</translation>
    </message>
    <message>
        <source>Sale No. {number} is voided.</source>
        <translation>Чек № {number} күші жойылды.</translation>
    </message>
    <message>
        <source>cash {amount}</source>
        <translation>қолма-қол {amount}</translation>
    </message>
    <message>
        <source>card {amount}</source>
        <translation>карта {amount}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Receipt No. {number}&lt;/b&gt; · {when} · {cashier}&lt;br&gt;Total {total} ({paid}) · refunded so far {refunded}</source>
        <translation>&lt;b&gt;Чек № {number}&lt;/b&gt; · {when} · {cashier}&lt;br&gt;Барлығы {total} ({paid}) · қайтарылғаны {refunded}</translation>
    </message>
    <message>
        <source>This sale is voided.</source>
        <translation>Бұл чектің күші жойылған.</translation>
    </message>
    <message>
        <source> kg</source>
        <translation> кг</translation>
    </message>
    <message>
        <source> pcs</source>
        <translation> дана</translation>
    </message>
    <message>
        <source>To refund: {amount}</source>
        <translation>Қайтаруға: {amount}</translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Enter the BIN or IIN: 12 digits.</source>
        <translation>БСН немесе ЖСН енгізіңіз: 12 цифр.</translation>
    </message>
    <message>
        <source>A BIN/IIN has digits only (spaces are allowed).</source>
        <translation>БСН/ЖСН тек цифрлардан тұрады (бос орын қоюға болады).</translation>
    </message>
    <message>
        <source>A BIN/IIN has exactly 12 digits.</source>
        <translation>БСН/ЖСН-да дәл 12 цифр болады.</translation>
    </message>
    <message>
        <source>This BIN/IIN does not exist: its check digit is wrong.</source>
        <translation>Мұндай БСН/ЖСН жоқ: бақылау цифры қате.</translation>
    </message>
    <message>
        <source>Check it for a typo.</source>
        <translation>Қате терілмегенін тексеріңіз.</translation>
    </message>
    <message>
        <source>No BIN/IIN starts with these 11 digits.</source>
        <translation>БСН/ЖСН бұл 11 цифрдан басталмайды.</translation>
    </message>
    <message>
        <source>Enter the contact phone: +7 and 10 digits.</source>
        <translation>Байланыс телефонын енгізіңіз: +7 және 10 цифр.</translation>
    </message>
    <message>
        <source>Write the phone as +7 and 10 digits,</source>
        <translation>Телефонды +7 және 10 цифр түрінде жазыңыз,</translation>
    </message>
    <message>
        <source>e.g. +7 701 234 56 78 or 8 (701) 234-56-78.</source>
        <translation>мысалы, +7 701 234 56 78 немесе 8 (701) 234-56-78.</translation>
    </message>
    <message>
        <source>Enter the contact e-mail.</source>
        <translation>Байланыс e-mail мекенжайын енгізіңіз.</translation>
    </message>
    <message>
        <source>This is not an e-mail address, e.g. owner@cafe.kz.</source>
        <translation>Бұл электрондық пошта мекенжайы емес; мысалы: owner@cafe.kz.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Міндетті өріс.</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>Тым ұзын.</translation>
    </message>
    <message>
        <source>Add at least one scan of the registration documents.</source>
        <translation>Тіркеу құжаттарының кемінде бір сканын қосыңыз.</translation>
    </message>
    <message>
        <source>This file is {size} MB; a scan may be at most {limit} MB.</source>
        <translation>Файл көлемі {size} МБ; скан {limit} МБ-тан аспауы керек.</translation>
    </message>
    <message>
        <source>Scan at a lower resolution or split it into several files.</source>
        <translation>Төменірек ажыратымдылықпен сканерлеңіз немесе бірнеше файлға бөліңіз.</translation>
    </message>
    <message>
        <source>Only PDF, JPEG or PNG scans can be added.</source>
        <translation>Тек PDF, JPEG немесе PNG сканын қосуға болады.</translation>
    </message>
    <message>
        <source>This file is not what its name says, or it is damaged.</source>
        <translation>Файлдың мазмұны атауына сәйкес келмейді немесе файл зақымдалған.</translation>
    </message>
    <message>
        <source>Save the scan again as PDF, JPEG or PNG.</source>
        <translation>Сканды PDF, JPEG немесе PNG пішімінде қайта сақтаңыз.</translation>
    </message>
    <message>
        <source>This file cannot be read. Is it still there?</source>
        <translation>Файл оқылмайды. Ол әлі орнында ма?</translation>
    </message>
    <message>
        <source>At most {limit} scans can be added.</source>
        <translation>Ең көбі {limit} скан қосуға болады.</translation>
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
        <translation>Бұл касса тек осы компьютердегі демо серверлермен жұмыс істейді.</translation>
    </message>
    <message>
        <source>No registration is needed: no recording leaves this computer.</source>
        <translation>Тіркеу қажет емес: жазбалар бұл компьютерден шықпайды.</translation>
    </message>
    <message>
        <source>Not submitted yet.</source>
        <translation>Әлі жіберілген жоқ.</translation>
    </message>
    <message>
        <source>Until the registration is accepted, selling works as usual,</source>
        <translation>Тіркеу қабылданғанға дейін сауда әдеттегідей жүреді,</translation>
    </message>
    <message>
        <source>but no recording is sent for speech recognition.</source>
        <translation>бірақ жазбалар сөйлеуді тануға жіберілмейді.</translation>
    </message>
    <message>
        <source>Submitted: it is sent to the operator when the till is online.</source>
        <translation>Жіберілді: касса желіге қосылғанда операторға кетеді.</translation>
    </message>
    <message>
        <source>The operator received it and is checking it.</source>
        <translation>Оператор тіркеуді алып, тексеріп жатыр.</translation>
    </message>
    <message>
        <source>Recordings wait until then.</source>
        <translation>Оған дейін жазбалар күтеді.</translation>
    </message>
    <message>
        <source>Accepted: the store is registered.</source>
        <translation>Қабылданды: дүкен тіркелді.</translation>
    </message>
    <message>
        <source>Recordings are sent for speech recognition as set up.</source>
        <translation>Жазбалар баптауларға сәйкес сөйлеуді тануға жіберіледі.</translation>
    </message>
    <message>
        <source>Rejected by the operator: {reason}</source>
        <translation>Оператор тіркеуді қабылдамады: {reason}</translation>
    </message>
    <message>
        <source>Correct the form and submit it again.</source>
        <translation>Сауалнаманы түзетіп, қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>Company or entrepreneur</source>
        <translation>Компания немесе ЖК</translation>
    </message>
    <message>
        <source>BIN / IIN</source>
        <translation>БСН / ЖСН</translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation>Заңды мекенжай</translation>
    </message>
    <message>
        <source>The store&apos;s owner</source>
        <translation>Дүкен иесі</translation>
    </message>
    <message>
        <source>As in the state registration: a company&apos;s BIN, or an entrepreneur&apos;s IIN.</source>
        <translation>Мемлекеттік тіркеудегідей: компанияның БСН-ы немесе жеке кәсіпкердің ЖСН-ы.</translation>
    </message>
    <message>
        <source>Contact person (full name)</source>
        <translation>Байланыс тұлғасы (аты-жөні толық)</translation>
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
        <translation>Байланыс тұлғасы</translation>
    </message>
    <message>
        <source>The operator writes or calls this person about the registration.</source>
        <translation>Оператор тіркеу жөнінде осы адамға жазады немесе қоңырау шалады.</translation>
    </message>
    <message>
        <source>Scanned documents</source>
        <translation>Құжаттардың сканы</translation>
    </message>
    <message>
        <source>The certificate of state registration and the like:</source>
        <translation>Мемлекеттік тіркеу туралы куәлік (анықтама) және сол сияқты құжаттар:</translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, up to {limit} MB each.</source>
        <translation>PDF, JPEG немесе PNG, әрқайсысы {limit} МБ-қа дейін.</translation>
    </message>
    <message>
        <source>Add a scan…</source>
        <translation>Скан қосу…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Add a scan</source>
        <translation>Скан қосу</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>Скандар (*.pdf *.jpg *.jpeg *.png);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Жіберу</translation>
    </message>
    <message>
        <source>Submit sends the form and the scans to the operator when the till is online.</source>
        <translation>«Жіберу» касса желіге қосылғанда сауалнама мен скандарды операторға жібереді.</translation>
    </message>
    <message>
        <source>Store registration</source>
        <translation>Дүкенді тіркеу</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Әрі қарай</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
    <message>
        <source>Open the registration wizard…</source>
        <translation>Тіркеу шеберін ашу…</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>X report</source>
        <translation>X-есеп</translation>
    </message>
    <message>
        <source>Z report No. {number}</source>
        <translation>Z-есеп № {number}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF сақтау…</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Есепті PDF-ке сақтау</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}. Choose another folder.</source>
        <translation>{path} жазылмады. Басқа қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Сақталды: {path}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Difference (short)</source>
        <translation>Айырма (жетіспейді)</translation>
    </message>
    <message>
        <source>Difference (over)</source>
        <translation>Айырма (артық)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Айырма</translation>
    </message>
    <message>
        <source>Sales registered</source>
        <translation>Тіркелген сатулар</translation>
    </message>
    <message>
        <source>Refunds registered</source>
        <translation>Тіркелген қайтарулар</translation>
    </message>
    <message>
        <source>Cash in registered</source>
        <translation>Тіркелген салымдар</translation>
    </message>
    <message>
        <source>Cash out registered</source>
        <translation>Тіркелген алулар</translation>
    </message>
    <message>
        <source>Not registered yet: waiting {n}, refused {m}</source>
        <translation>Әлі тіркелмеген: {n} күтуде, {m} қабылданбады</translation>
    </message>
    <message>
        <source>Differs from the cash register</source>
        <translation>Онлайн-кассамен сәйкес келмейді</translation>
    </message>
    <message>
        <source>Matches the cash register</source>
        <translation>Онлайн-кассамен сәйкес келеді</translation>
    </message>
    <message>
        <source>Fiscal registration (cash register / till)</source>
        <translation>Фискалдық тіркеу (онлайн-касса / касса)</translation>
    </message>
    <message>
        <source>X report — shift still open</source>
        <translation>X-есеп — ауысым әлі ашық</translation>
    </message>
    <message>
        <source>Z report No. {number}</source>
        <translation>Z-есеп № {number}</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Ауысым</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ашылды</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Жабылды</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>әлі ашық</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Басылды</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Сатулар</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чектер</translation>
    </message>
    <message>
        <source>Before discounts</source>
        <translation>Жеңілдікке дейін</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Жеңілдіктер</translation>
    </message>
    <message>
        <source>Sales total</source>
        <translation>Сату сомасы</translation>
    </message>
    <message>
        <source>paid in cash</source>
        <translation>қолма-қол</translation>
    </message>
    <message>
        <source>paid by card</source>
        <translation>картамен</translation>
    </message>
    <message>
        <source>Voided sales</source>
        <translation>Күші жойылған чектер</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Қайтарулар</translation>
    </message>
    <message>
        <source>Refunds total</source>
        <translation>Қайтару сомасы</translation>
    </message>
    <message>
        <source>in cash</source>
        <translation>қолма-қол</translation>
    </message>
    <message>
        <source>to card</source>
        <translation>картаға</translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation>Таза түсім</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>Бастапқы қалдық</translation>
    </message>
    <message>
        <source>+ Cash sales</source>
        <translation>+ Қолма-қол сатулар</translation>
    </message>
    <message>
        <source>− Cash refunds</source>
        <translation>− Қолма-қол қайтарулар</translation>
    </message>
    <message>
        <source>+ Cash in</source>
        <translation>+ Енгізулер</translation>
    </message>
    <message>
        <source>− Cash out</source>
        <translation>− Алулар</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Кассада болуы керек</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Саналды</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Кассадағы қолма-қол</translation>
    </message>
    <message>
        <source>of it handed back by refunds</source>
        <translation>оның ішінде қайтарулар бойынша қайтарылғаны</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ҚҚС</translation>
    </message>
    <message>
        <source>VAT {rate}</source>
        <translation>ҚҚС {rate}</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Сату жоқ</translation>
    </message>
    <message>
        <source>Cash count</source>
        <translation>Кассаны санау</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Recovery passphrase or code</source>
        <translation>Қалпына келтіру құпия сөз тіркесі немесе коды</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Көшірме файлы</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Әкімшінің PIN-коды</translation>
    </message>
    <message>
        <source>The till&apos;s data is replaced by the backup&apos;s: sales, shifts and recordings made after the backup was taken are lost. Recordings destroyed since then stay destroyed. The till closes when the backup is ready and finishes the restore when it is started again.</source>
        <translation>Кассаның деректері көшірменің деректерімен ауыстырылады: көшірме жасалғаннан кейінгі сатылымдар, ауысымдар мен жазбалар жоғалады. Содан бері жойылған жазбалар жойылған күйінде қалады. Көшірме дайын болғанда касса жабылады және келесі іске қосылғанда қалпына келтіруді аяқтайды.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Қалпына келтіру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation>Кассаны жабу</translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation>Алдымен көшірме файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>Type an admin&apos;s PIN.</source>
        <translation>Әкімшінің PIN-кодын енгізіңіз.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Көшірме тексеріліп жатыр…</translation>
    </message>
    <message>
        <source>The backup of {when} is verified and ready. The till closes now; start it again to finish the restore.</source>
        <translation>{when} көшірмесі тексерілді және дайын. Касса қазір жабылады; қалпына келтіруді аяқтау үшін оны қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>The analytics backend could not be reached: recordings destroyed on another computer may come back. Restore again when online before the till is used.</source>
        <translation>Аналитика серверіне қосылу мүмкін болмады: басқа компьютерде жойылған жазбалар қайта пайда болуы мүмкін. Кассамен жұмыс істемес бұрын, байланыс болғанда қалпына келтіруді қайталаңыз.</translation>
    </message>
    <message>
        <source>This computer&apos;s secret store does not hold this backup&apos;s key: type the recovery passphrase or the printed recovery code.</source>
        <translation>Бұл компьютердің құпиялар қоймасында осы көшірменің кілті жоқ: қалпына келтіру құпия сөз тіркесін немесе басып шығарылған қалпына келтіру кодын енгізіңіз.</translation>
    </message>
    <message>
        <source>The backup could not be read or the data folder could not be written ({error}). Nothing was changed.</source>
        <translation>Көшірмені оқу немесе деректер қалтасына жазу мүмкін болмады ({error}). Ештеңе өзгертілмеді.</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>The till removes old data by itself at start-up and every day. Audio is destroyed so that no copy can be played again.</source>
        <extracomment>(policy field, setting, True for years) in the order the page shows them.</extracomment>
        <translation>Касса ескі деректерді іске қосылғанда және күн сайын өзі жояды. Аудио ешбір көшірмесін қайта тыңдау мүмкін болмайтындай жойылады.</translation>
    </message>
    <message>
        <source> years</source>
        <translation> жыл</translation>
    </message>
    <message>
        <source> days</source>
        <translation> күн</translation>
    </message>
    <message>
        <source>Save periods</source>
        <translation>Мерзімдерді сақтау</translation>
    </message>
    <message>
        <source>Retention periods saved.</source>
        <translation>Сақтау мерзімдері сақталды.</translation>
    </message>
    <message>
        <source>No purge has removed anything yet.</source>
        <translation>Тазалау әзірге ештеңе жоймады.</translation>
    </message>
    <message>
        <source>Recordings were skipped: the key file could not be opened.</source>
        <translation>Жазбалар өткізіп жіберілді: кілттер файлы ашылмады.</translation>
    </message>
    <message>
        <source>The audit trail was skipped: the audit key is missing.</source>
        <translation>Аудит журналы өткізіп жіберілді: аудит кілті жоқ.</translation>
    </message>
    <message>
        <source>Last purge {when}: audio {audio}, transcripts {transcripts}, sales {sales}, audit entries {audit}.</source>
        <translation>Соңғы тазалау {when}: аудио — {audio}, транскрипттер — {transcripts}, сатулар — {sales}, аудит жазбалары — {audit}.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Conversations</source>
        <translation>Әңгімелер</translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation>Менің әңгімелерім</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Көрсеткіштер</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Чек-парақ</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Жабу (Esc)</translation>
    </message>
</context>
<context>
    <name>ReviewItems</name>
    <message>
        <source>Passed</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Орындалмады</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Қолданылмайды</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ашық</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>қабылданды</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>қабылданбады</translation>
    </message>
    <message>
        <source>Counted: the words «{phrase}».</source>
        <translation>Есептелді: «{phrase}» сөздері.</translation>
    </message>
    <message>
        <source>Counted: a choice asked about the order.</source>
        <translation>Есептелді: тапсырыс туралы таңдау сұрағы.</translation>
    </message>
    <message>
        <source>Counted: a question about the order («{phrase}»).</source>
        <translation>Есептелді: тапсырыс туралы сұрақ («{phrase}»).</translation>
    </message>
    <message>
        <source>Counted: an open question about what the customer wants.</source>
        <translation>Есептелді: сатып алушыға не керегі туралы ашық сұрақ.</translation>
    </message>
    <message>
        <source>Counted: a question about how much or how many.</source>
        <translation>Есептелді: мөлшер туралы сұрақ.</translation>
    </message>
    <message>
        <source>Counted: «{phrase}» asked as a question about the order.</source>
        <translation>Есептелді: «{phrase}» — тапсырысты нақтылайтын сұрақ.</translation>
    </message>
    <message>
        <source>Counted: a question about what the customer ordered.</source>
        <translation>Есептелді: тапсырыс берілгенді нақтылау.</translation>
    </message>
    <message>
        <source>Counted: «{phrase}» offered before the customer asked for it.</source>
        <translation>Есептелді: «{phrase}» сатып алушы сұрамай тұрып ұсынылды.</translation>
    </message>
    <message>
        <source>Counted: a bigger size or pack offered.</source>
        <translation>Есептелді: үлкенірек өлшем немесе орам ұсынылды.</translation>
    </message>
    <message>
        <source>a greeting by the cashier at the start</source>
        <translation>басында кассирдің сәлемдесуі</translation>
    </message>
    <message>
        <source>a question about what the customer wants</source>
        <translation>сатып алушыға не керегі туралы сұрақ</translation>
    </message>
    <message>
        <source>an offer of something the customer had not asked for</source>
        <translation>сатып алушы сұрамаған нәрсені ұсыну</translation>
    </message>
    <message>
        <source>a question about the loyalty card or app</source>
        <translation>бонус картасы немесе қосымша туралы сұрақ</translation>
    </message>
    <message>
        <source>thanks or a goodbye by the cashier at the end</source>
        <translation>соңында кассирдің алғысы не қоштасуы</translation>
    </message>
    <message>
        <source>Listened for {what}, such as {examples}.</source>
        <translation>Ізделгені: {what}, мысалы {examples}.</translation>
    </message>
    <message>
        <source>Listened for {what}.</source>
        <translation>Ізделгені: {what}.</translation>
    </message>
    <message>
        <source>Listened for {examples}.</source>
        <translation>Ізделгені: {examples}.</translation>
    </message>
    <message>
        <source>Not heard in the conversation.</source>
        <translation>Әңгімеде айтылмады.</translation>
    </message>
    <message>
        <source>Said by the customer, not the cashier.</source>
        <translation>Кассир емес, сатып алушы айтты.</translation>
    </message>
    <message>
        <source>Said, but not at the right moment.</source>
        <translation>Айтылды, бірақ дұрыс сәтте емес.</translation>
    </message>
    <message>
        <source>No offer was heard.</source>
        <translation>Ұсыныс болмады.</translation>
    </message>
    <message>
        <source>Does not apply to this conversation.</source>
        <translation>Бұл әңгімеге қатысы жоқ.</translation>
    </message>
</context>
<context>
    <name>ScorecardEditor</name>
    <message>
        <source>Café preset</source>
        <translation>«Кафе» үлгісі</translation>
    </message>
    <message>
        <source>Shop preset</source>
        <translation>«Дүкен» үлгісі</translation>
    </message>
    <message>
        <source>Our own card</source>
        <translation>Өз чек-парағымыз</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Чек-парақ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Only an admin can change the scorecard; you see it as it is.</source>
        <translation>Чек-парақты тек әкімші өзгерте алады; мұнда ол қалай бар, солай көрсетілген.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Тармақтар</translation>
    </message>
    <message>
        <source>Upsell offers</source>
        <translation>Қосымша сату</translation>
    </message>
    <message>
        <source>Advanced: JSON</source>
        <translation>Тәжірибелілерге: JSON</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Тармақ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Ұпай</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кім</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>Фразалар</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Өзгерістерді болдырмау</translation>
    </message>
    <message>
        <source>Save scorecard</source>
        <translation>Чек-парақты сақтау</translation>
    </message>
    <message>
        <source>From the backend, version {version}: a change made here is replaced at the next pull.</source>
        <translation>Серверден, {version} нұсқа: мұнда жасалған өзгеріс серверден келесі жүктеуде ауыстырылады.</translation>
    </message>
    <message>
        <source>Problems to fix before saving: {n}. Your draft is kept.</source>
        <translation>Сақтау алдында түзетілетін қателер: {n}. Жоба экранда қалады.</translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation>Сақталмаған өзгерістер бар.</translation>
    </message>
    <message>
        <source>Replace the draft?</source>
        <translation>Жобаны ауыстыру керек пе?</translation>
    </message>
    <message>
        <source>The preset replaces the changes you have not saved. Go on?</source>
        <translation>Үлгі сақталмаған өзгерістерді ауыстырады. Жалғастырасыз ба?</translation>
    </message>
    <message>
        <source>Saved. New conversations are scored with this card; scores already given stay as they are.</source>
        <translation>Сақталды. Жаңа әңгімелер осы чек-парақпен бағаланады; қойылған бағалар өзгермейді.</translation>
    </message>
</context>
<context>
    <name>ScorecardProblems</name>
    <message>
        <source>phrase {n}</source>
        <translation>{n}-фраза</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>түрі</translation>
    </message>
    <message>
        <source>points</source>
        <translation>ұпай</translation>
    </message>
    <message>
        <source>penalty</source>
        <translation>айыппұл</translation>
    </message>
    <message>
        <source>who says it</source>
        <translation>кім айтады</translation>
    </message>
    <message>
        <source>time window</source>
        <translation>уақыт аралығы</translation>
    </message>
    <message>
        <source>title</source>
        <translation>атауы</translation>
    </message>
    <message>
        <source>detector</source>
        <translation>детектор</translation>
    </message>
    <message>
        <source>not applicable if</source>
        <translation>есепке алынбайды, егер</translation>
    </message>
    <message>
        <source>name</source>
        <translation>атауы</translation>
    </message>
    <message>
        <source>checklist</source>
        <translation>тармақтар</translation>
    </message>
    <message>
        <source>format</source>
        <translation>пішім</translation>
    </message>
    <message>
        <source>version</source>
        <translation>нұсқа</translation>
    </message>
    <message>
        <source>phrases ({language})</source>
        <translation>фразалар ({language})</translation>
    </message>
    <message>
        <source>offer cues ({language})</source>
        <translation>ұсыныс сөздері ({language})</translation>
    </message>
    <message>
        <source>synonyms “{key}”</source>
        <translation>басқа атаулар «{key}»</translation>
    </message>
    <message>
        <source>upsell offers</source>
        <translation>қосымша сату</translation>
    </message>
    <message>
        <source>Item {n} “{title}”</source>
        <translation>{n}-тармақ «{title}»</translation>
    </message>
    <message>
        <source>Item {n}</source>
        <translation>{n}-тармақ</translation>
    </message>
</context>
<context>
    <name>ScorecardTable</name>
    <message>
        <source>Required</source>
        <translation>Міндетті</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Бонустық</translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation>Тыйым салынған</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>Шешуші</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Сатып алушы</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Кез келген</translation>
    </message>
    <message>
        <source>(new item)</source>
        <translation>(жаңа тармақ)</translation>
    </message>
    <message>
        <source>score 0</source>
        <translation>баға 0</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>кез келген уақытта</translation>
    </message>
    <message>
        <source>last {s} s</source>
        <translation>соңғы {s} с</translation>
    </message>
    <message>
        <source>first {s} s</source>
        <translation>алғашқы {s} с</translation>
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
        <translation>Штрихкодты сканерлеңіз не атауын, артикулын жазыңыз…</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>«{query}» бойынша ештеңе табылмады.</translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation>Қызметкерлер</translation>
    </message>
    <message>
        <source>Find an employee</source>
        <translation>Қызметкерді табу</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Аға кассир</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Әкімші</translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 сан)</translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation>Қызметкер қосу</translation>
    </message>
    <message>
        <source>Set new PIN for selected</source>
        <translation>Таңдалғанға жаңа PIN</translation>
    </message>
    <message>
        <source>Deactivate / activate selected</source>
        <translation>Таңдалғанды өшіру / қосу</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>аға кассир</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>әкімші</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>(өшірулі)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The disk that holds {path} is full. Free some space on it (the database itself is fine) and start again.</source>
        <translation>{path} орналасқан диск толып қалды. Онда орын босатыңыз (дерекқордың өзі бүтін) және бағдарламаны қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close the other program (or another copy of 4Sell Cashier) and start again.</source>
        <translation>{path} дерекқорын басқа бағдарлама пайдаланып тұр. Оны (немесе 4Sell Cashier-дің басқа көшірмесін) жауып, қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>The database {path} is damaged. Restore the latest copy from the folder {backups} (close the app, replace the file, start again) or call support.</source>
        <translation>{path} дерекқоры бүлінген. {backups} қалтасынан соңғы көшірмені қалпына келтіріңіз (бағдарламаны жауып, файлды ауыстырып, қайта іске қосыңыз) немесе қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The database {path} is empty or missing, although this till has been used. Nothing was created in its place. Restore the latest copy from the folder {backups} (close the app, copy it to {path}, start again) or call support.</source>
        <translation>{path} дерекқоры бос немесе жоқ, бірақ бұл кассада жұмыс істелген. Оның орнына жаңа дерекқор жасалмады. {backups} қалтасынан соңғы көшірмені қалпына келтіріңіз (бағдарламаны жабыңыз, көшірмені {path} ретінде көшіріңіз, қайта іске қосыңыз) немесе қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written. Check the folder&apos;s permissions and that the disk is not full or write-protected.</source>
        <translation>{path} дерекқорына жазу мүмкін емес. Қалтаның рұқсаттарын, дискінің толмағанын және жазудан қорғалмағанын тексеріңіз.</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of 4Sell Cashier. Install the newer version to open it.</source>
        <translation>{path} дерекқорын 4Sell Cashier-дің жаңарақ нұсқасы жазған. Оны ашу үшін жаңа нұсқаны орнатыңыз.</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened ({kind}).</source>
        <translation>{path} дерекқоры ашылмады ({kind}).</translation>
    </message>
    <message>
        <source>The newest copy that passes its check is {backup}.</source>
        <translation>Тексеруден өткен ең жаңа көшірме: {backup}.</translation>
    </message>
    <message>
        <source>4Sell Cashier cannot start</source>
        <translation>4Sell Cashier іске қосылмайды</translation>
    </message>
</context>
<context>
    <name>StoreSettingsDialog</name>
    <message>
        <source>Store settings</source>
        <translation>Дүкен баптаулары</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Баптауларды сақтау</translation>
    </message>
</context>
<context>
    <name>SyncAdminPage</name>
    <message>
        <source>Save sync settings</source>
        <translation>Синхрондау баптауларын сақтау</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Қосылым</translation>
    </message>
    <message>
        <source>DEMO MODE: this till talks to FAKE servers on this computer. Transcripts are made up by them, they are not real speech recognition.</source>
        <translation>ДЕМО РЕЖИМІ: касса осы компьютердегі ЖАЛҒАН серверлермен жұмыс істейді. Транскрипттерді солар ойдан шығарады, бұл нақты сөйлеуді тану емес.</translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation>Сөйлеуді тану</translation>
    </message>
    <message>
        <source>No fallback</source>
        <translation>Қосалқысыз</translation>
    </message>
    <message>
        <source>Detect (Russian or Kazakh)</source>
        <translation>Анықтау (орысша немесе қазақша)</translation>
    </message>
    <message>
        <source>Keys (kept in the system&apos;s secret store, never shown again)</source>
        <translation>Кілттер (жүйелік құпия қоймада сақталады, қайта көрсетілмейді)</translation>
    </message>
    <message>
        <source>Analytics server token</source>
        <translation>Аналитика серверінің токені</translation>
    </message>
    <message>
        <source>ElevenLabs API key</source>
        <translation>ElevenLabs API кілті</translation>
    </message>
    <message>
        <source>Yandex API key</source>
        <translation>Yandex API кілті</translation>
    </message>
    <message>
        <source>type a new one to replace it</source>
        <translation>ауыстыру үшін жаңасын енгізіңіз</translation>
    </message>
    <message>
        <source>Waiting and refused</source>
        <translation>Кезекте және қабылданбағандар</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Құрылды</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Не</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себеп</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Толығырақ</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>Таңдалғандарды қайталау</translation>
    </message>
    <message>
        <source>Drop selected for good</source>
        <translation>Таңдалғандарды біржола жою</translation>
    </message>
    <message>
        <source>Store data from the server</source>
        <translation>Сервердегі дүкен деректері</translation>
    </message>
    <message>
        <source>Products and prices</source>
        <translation>Тауарлар мен бағалар</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Қызметкерлер</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>Дүкен баптаулары</translation>
    </message>
    <message>
        <source>Quality checklist</source>
        <translation>Сапа чек-парағы</translation>
    </message>
    <message>
        <source>Privacy policy</source>
        <translation>Құпиялылық саясаты</translation>
    </message>
    <message>
        <source>{what}: nothing received yet</source>
        <translation>{what}: әлі ештеңе алынған жоқ</translation>
    </message>
    <message>
        <source>{what}: updated {when}</source>
        <translation>{what}: {when} жаңартылды</translation>
    </message>
    <message>
        <source>Not applied (the rest was): {resource} — {problem}</source>
        <translation>Қолданылмады (қалғаны қолданылды): {resource} — {problem}</translation>
    </message>
    <message>
        <source>The system&apos;s secret store is unavailable, so keys cannot be saved or used: {hint}</source>
        <translation>Жүйелік құпия қойма қолжетімсіз, кілттерді сақтау не пайдалану мүмкін емес: {hint}</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>қолжетімсіз</translation>
    </message>
    <message>
        <source>set</source>
        <translation>орнатылған</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>орнатылмаған</translation>
    </message>
    <message>
        <source>Sales and shifts</source>
        <translation>Сатылымдар мен ауысымдар</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>{lane}: {pending} waiting ({failed} after an error), {sending} sending, {dead} refused</source>
        <translation>{lane}: кезекте {pending} (қатеден кейін {failed}), жіберілуде {sending}, қабылданбады {dead}</translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation>ең ескісі {age}</translation>
    </message>
    <message>
        <source>Select the items first.</source>
        <translation>Алдымен жолдарды таңдаңыз.</translation>
    </message>
    <message>
        <source>Sent again: {n}.</source>
        <translation>Қайта жіберіледі: {n}.</translation>
    </message>
    <message>
        <source>Dropped: {n}. This is in the audit log.</source>
        <translation>Жойылды: {n}. Бұл аудит журналына жазылды.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>less than a minute</source>
        <extracomment>Icon/dot colour per overall state.</extracomment>
        <translation>бір минуттан аз</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} сағ</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} күн</translation>
    </message>
    <message>
        <source>events {n}</source>
        <translation>оқиғалар {n}</translation>
    </message>
    <message>
        <source>recordings {n}</source>
        <translation>жазбалар {n}</translation>
    </message>
    <message>
        <source>Sync: not set up, data stays on this till</source>
        <translation>Синхрондау: бапталмаған, деректер осы кассада қалады</translation>
    </message>
    <message>
        <source>Sync paused, waiting: {what}</source>
        <translation>Синхрондау тоқтатылды, кезекте: {what}</translation>
    </message>
    <message>
        <source>Sync, waiting: {what}</source>
        <translation>Синхрондау, кезекте: {what}</translation>
    </message>
    <message>
        <source>refused {n}, see Settings → Sync</source>
        <translation>қабылданбады {n}, Баптаулар → Синхрондау қараңыз</translation>
    </message>
    <message>
        <source>Sync, sending: {what}</source>
        <translation>Синхрондау, жіберілуде: {what}</translation>
    </message>
    <message>
        <source>Items refused by the server: {n}. An admin can retry or drop them in Settings → Sync.</source>
        <translation>Сервер қабылдамаған жолдар: {n}. Әкімші оларды Баптаулар → Синхрондау бөлімінде қайталай не жоя алады.</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Синхрондау тоқтатылды</translation>
    </message>
    <message>
        <source>a key was refused: an admin must check Settings → Sync</source>
        <translation>кілт қабылданбады: әкімші Баптаулар → Синхрондау бөлімін тексеруі керек</translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation>{time} бастап байланыс жоқ</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>байланыс жоқ</translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation>ең ескісі {age}</translation>
    </message>
    <message>
        <source>Sync: all sent, last at {time}</source>
        <translation>Синхрондау: бәрі жіберілді, соңғысы {time}</translation>
    </message>
    <message>
        <source>Sync: nothing to send</source>
        <translation>Синхрондау: жіберетін ештеңе жоқ</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <source>Sales data has been waiting for {age}.</source>
        <translation>Сатылым деректері {age} бойы жіберілуді күтуде.</translation>
    </message>
    <message>
        <source>Recordings have been waiting for {age}.</source>
        <translation>Жазбалар {age} бойы жіберілуді күтуде.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>DEMO: transcripts come from FAKE servers, not real speech recognition</source>
        <translation>ДЕМО: транскрипттер ЖАЛҒАН серверлерден, бұл нақты сөйлеуді тану емес</translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>4Sell sync needs attention</source>
        <extracomment>The fiscal lane&apos;s overview (set by the app when fiscal registration runs).</extracomment>
        <translation>4Sell синхрондауы назар аударуды қажет етеді</translation>
    </message>
    <message>
        <source>Sales and shifts</source>
        <translation>Сатылымдар мен ауысымдар</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>DEMO: transcripts come from FAKE servers, not real speech recognition</source>
        <translation>ДЕМО: транскрипттер ЖАЛҒАН серверлерден, бұл нақты сөйлеуді тану емес</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Қазір синхрондау</translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation>Синхрондауды жалғастыру</translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation>Синхрондауды тоқтата тұру</translation>
    </message>
    <message>
        <source>Open till</source>
        <translation>Кассаны ашу</translation>
    </message>
    <message>
        <source>Quit 4Sell</source>
        <translation>4Sell-ден шығу</translation>
    </message>
    <message>
        <source>{lane}: {n} waiting, oldest {age}</source>
        <translation>{lane}: кезекте {n}, ең ескісі {age}</translation>
    </message>
    <message>
        <source>{lane}: all sent</source>
        <translation>{lane}: бәрі жіберілді</translation>
    </message>
    <message>
        <source>last sent {time}</source>
        <translation>соңғы жіберу {time}</translation>
    </message>
    <message>
        <source>{n} refused, waiting for an admin</source>
        <translation>қабылданбады {n}, әкімшіні күтуде</translation>
    </message>
    <message>
        <source>last error: {error}</source>
        <translation>соңғы қате: {error}</translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation>Фискалдық чектер</translation>
    </message>
    <message>
        <source>{lane}: {n} waiting, {m} refused</source>
        <translation>{lane}: {n} күтуде, {m} қабылданбады</translation>
    </message>
    <message>
        <source>{lane}: all registered</source>
        <translation>{lane}: барлығы тіркелді</translation>
    </message>
    <message>
        <source>Receipts wait for the tax office: selling stops at 72 h</source>
        <translation>Чектер салық органында тіркелуді күтуде: 72 сағатта сауда тоқтайды</translation>
    </message>
    <message>
        <source>72 h without the tax office: selling stopped</source>
        <translation>Салық органымен 72 сағат байланыс жоқ: сауда тоқтатылды</translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <source>Quantity</source>
        <extracomment>Actions the main window carries out (dialogs that belong to shifts, refunds, the catalog).</extracomment>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation>Жол жеңілдігі</translation>
    </message>
    <message>
        <source>Receipt discount</source>
        <translation>Чек жеңілдігі</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Баға</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Нұсқалар</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Қолма-қол</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Төлеу</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>Жаңа чек</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>Кейінге қалдыру</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Қалдырылған чектер</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Чектер</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Қайтару</translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation>Енгізу/алу</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>Ауысымды ашу</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>Ауысымды жабу</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-есеп</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Settings &amp; staff</source>
        <translation>Баптау және қызметкер</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Бұғаттау</translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation>Жәшікті ашу</translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation>Менің әңгімелерім</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Әңгімелер</translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first (F9).</source>
        <translation>Ауысым ашылмаған. Алдымен ауысымды ашыңыз (F9).</translation>
    </message>
    <message>
        <source>This item has no options.</source>
        <translation>Бұл тауардың нұсқалары жоқ.</translation>
    </message>
    <message>
        <source>Choose a line in the cart first.</source>
        <translation>Алдымен чектегі жолды таңдаңыз.</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item first.</source>
        <translation>Чек бос: алдымен тауарды сканерлеңіз.</translation>
    </message>
    <message>
        <source>Cancel the sale?</source>
        <translation>Чекті болдырмау керек пе?</translation>
    </message>
    <message>
        <source>Remove all items and start a new sale?</source>
        <translation>Барлық тауарды жойып, жаңа чек бастау керек пе?</translation>
    </message>
    <message>
        <source>Cancel the sale</source>
        <translation>Чекті болдырмау</translation>
    </message>
    <message>
        <source>Keep selling</source>
        <translation>Сатуды жалғастыру</translation>
    </message>
    <message>
        <source>The sale is parked. Recall it with F4.</source>
        <translation>Чек кейінге қалдырылды. Қайта ашу — F4.</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>Қалдырылған чек жоқ.</translation>
    </message>
    <message>
        <source>The cart is not empty. Park this sale first, then choose the one to recall?</source>
        <translation>Чекте тауарлар бар. Алдымен осы чекті қалдырып, содан кейін ашатын чекті таңдайсыз ба?</translation>
    </message>
    <message>
        <source>Park and recall</source>
        <translation>Қалдырып, ашу</translation>
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
        <translation>Сатып алушы</translation>
    </message>
</context>
<context>
    <name>TrialBar</name>
    <message>
        <source>Try on saved conversations</source>
        <translation>Жазылған әңгімелерде тексеру</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Соңғы</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>Бағалап жатырмыз…</translation>
    </message>
    <message>
        <source>{n} conversations: {changed} would score differently; average {before} → {after}. Nothing was saved.</source>
        <translation>Әңгімелер: {n}, бағасы өзгеретіні: {changed}; орташа {before} → {after}. Ештеңе сақталмады.</translation>
    </message>
    <message>
        <source>Trying the card failed; nothing was changed.</source>
        <translation>Чек-парақты тексеру сәтсіз аяқталды; ештеңе өзгертілмеді.</translation>
    </message>
</context>
<context>
    <name>UpsellForm</name>
    <message>
        <source>Offer cues, {language} (one per line)</source>
        <translation>Ұсыныс сөздері, {language} (әр жолда біреу)</translation>
    </message>
    <message>
        <source>A cashier&apos;s sentence with an offer cue and a product or category in it counts as an upsell offer.</source>
        <translation>Кассирдің ұсыныс сөзі және тауар не санат бар сөйлемі қосымша сату ұсынысы болып саналады.</translation>
    </message>
    <message>
        <source>More names for products and categories: one per line, sku:&lt;SKU&gt; or category:&lt;name&gt; = name | name</source>
        <translation>Тауарлар мен санаттардың басқа атаулары: әр жолда біреу, sku:&lt;SKU&gt; немесе category:&lt;name&gt; = атау | атау</translation>
    </message>
</context>
<context>
    <name>ValueDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
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
        <translation>Жазба жүктелуде…</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Келісімді кері қайтару</translation>
    </message>
    <message>
        <source>Reason, e.g. the employee&apos;s written request of today</source>
        <translation>Себебі, мысалы қызметкердің бүгінгі жазбаша өтініші</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Болдырмау (Esc)</translation>
    </message>
    <message>
        <source>Withdraw the consent of {name} on their behalf: recording and sending their audio abroad stop at once, and their recordings not yet processed are held (not sent, not transcribed, not scored). The reason is kept and audited.</source>
        <translation>{name} қызметкерінің келісімін оның атынан кері қайтару: жазу және оның аудиосын шетелге беру бірден тоқтайды, ал әлі өңделмеген жазбалары ұсталады (жіберілмейді, мәтінге айналдырылмайды, бағаланбайды). Себебі аудит журналында сақталады.</translation>
    </message>
    <message>
        <source>{count} recordings of {name} are held. Destroy them now? Their keys are destroyed and nobody can listen to them again; this cannot be undone. Or keep them held: they are never sent or scored.</source>
        <translation>{name} қызметкерінің ұсталған жазбалары: {count}. Оларды қазір жою керек пе? Олардың кілттері жойылады және оларды енді ешкім тыңдай алмайды; мұны кері қайтару мүмкін емес. Немесе оларды ұстаулы қалдырыңыз: олар ешқашан жіберілмейді және бағаланбайды.</translation>
    </message>
    <message>
        <source>Keep them held</source>
        <translation>Ұстаулы қалдыру</translation>
    </message>
    <message>
        <source>Destroy {count} recordings</source>
        <translation>Жазбаларды жою: {count}</translation>
    </message>
</context>
<context>
    <name>backoffice</name>
    <message>
        <source>Something went wrong and nothing was saved. Try again; if it keeps happening, restart the till.</source>
        <translation>Бірдеңе дұрыс болмады, ештеңе сақталмады. Қайталап көріңіз; қате қайталана берсе, кассаны қайта іске қосыңыз.</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>The backup folder does not exist. Plug in the drive or choose another folder.</source>
        <translation>Көшірмелер қалтасы жоқ. Дискіні қосыңыз немесе басқа қалта таңдаңыз.</translation>
    </message>
    <message>
        <source>The backup folder cannot be written to.</source>
        <translation>Көшірмелер қалтасына жазу мүмкін емес.</translation>
    </message>
    <message>
        <source>The backup folder&apos;s disk is full. Nothing was left behind.</source>
        <translation>Көшірмелер қалтасының дискісі толы. Аяқталмаған файл қалған жоқ.</translation>
    </message>
    <message>
        <source>The backup could not be written. Nothing was left behind.</source>
        <translation>Көшірмені жазу мүмкін болмады. Аяқталмаған файл қалған жоқ.</translation>
    </message>
    <message>
        <source>Set the recovery passphrase first.</source>
        <translation>Алдымен қалпына келтіру құпия сөз тіркесін орнатыңыз.</translation>
    </message>
    <message>
        <source>The passphrase must have at least 12 characters.</source>
        <translation>Құпия сөз тіркесі кемінде 12 таңбадан тұруы керек.</translation>
    </message>
    <message>
        <source>Wrong recovery passphrase.</source>
        <translation>Қалпына келтіру құпия сөз тіркесі қате.</translation>
    </message>
    <message>
        <source>The backup is incomplete (cut off). Use another one.</source>
        <translation>Көшірме толық емес (үзіліп қалған). Басқасын пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The backup was altered or damaged. Use another one.</source>
        <translation>Көшірме өзгертілген немесе бүлінген. Басқасын пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The database inside the backup is damaged.</source>
        <translation>Көшірменің ішіндегі дерекқор бүлінген.</translation>
    </message>
    <message>
        <source>The backup was made by a newer version of the app. Update the app first.</source>
        <translation>Көшірмені бағдарламаның жаңарақ нұсқасы жасаған. Алдымен бағдарламаны жаңартыңыз.</translation>
    </message>
    <message>
        <source>This file is not a 4Sell backup.</source>
        <translation>Бұл файл 4Sell көшірмесі емес.</translation>
    </message>
    <message>
        <source>The backup file is gone. Was the drive unplugged? Plug it in and try again.</source>
        <translation>Көшірме файлы табылмады. Жинақтауыш ажыратылды ма? Оны қосып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The secret store cannot keep the till&apos;s keys. Nothing was changed.</source>
        <translation>Құпиялар қоймасы кассаның кілттерін сақтай алмайды. Ештеңе өзгертілмеді.</translation>
    </message>
    <message>
        <source>This backup carries no passphrase: only the computer that made it can open it.</source>
        <translation>Бұл көшірмеде құпия сөз тіркесі жоқ: оны тек жасаған компьютер ғана аша алады.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>“{text}” is not an amount. Type digits, e.g. 1250 or 1250,50.</source>
        <translation>«{text}» сома емес. Сандарды енгізіңіз, мысалы 1250 немесе 1250,50.</translation>
    </message>
    <message>
        <source>That amount is too large.</source>
        <translation>Сома тым үлкен.</translation>
    </message>
    <message>
        <source>A discount cannot be negative.</source>
        <translation>Жеңілдік теріс бола алмайды.</translation>
    </message>
    <message>
        <source>A discount cannot be more than 100 %.</source>
        <translation>Жеңілдік 100 %-дан аспайды.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Саны нөлден көп болуы керек.</translation>
    </message>
    <message>
        <source>Pieces are sold in whole numbers.</source>
        <translation>Даналық тауар тек бүтін санмен сатылады.</translation>
    </message>
    <message>
        <source>More than {max} pieces on one line: check the quantity.</source>
        <translation>Бір жолда {max} данадан көп: санын тексеріңіз.</translation>
    </message>
    <message>
        <source>More than {max} kg: check the weight.</source>
        <translation>{max} кг-нан көп: салмағын тексеріңіз.</translation>
    </message>
    <message>
        <source>The receipt total would be too large.</source>
        <translation>Чек сомасы тым үлкен болады.</translation>
    </message>
    <message>
        <source>Tendered {tendered} is less than {due} due.</source>
        <translation>Алынған сома {tendered} төленетін сомадан {due} аз.</translation>
    </message>
    <message>
        <source>The card amount is more than the total.</source>
        <translation>Карта сомасы чек сомасынан көп.</translation>
    </message>
    <message>
        <source>The card already covers the total; no cash is needed.</source>
        <translation>Карта бүкіл соманы жабады; қолма-қол керек емес.</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item first.</source>
        <translation>Чек бос: алдымен тауарды сканерлеңіз.</translation>
    </message>
    <message>
        <source>The disk of this till is full, so nothing was saved. Free some space or call support, then try again.</source>
        <translation>Кассаның дискі толып қалды, сондықтан ештеңе сақталмады. Орын босатыңыз немесе қолдау қызметіне хабарласыңыз, содан кейін қайта көріңіз.</translation>
    </message>
    <message>
        <source>The database is busy (another program is using it), so nothing was saved. Try again in a moment; if it repeats, close the other program.</source>
        <translation>Дерекқорды басқа бағдарлама пайдаланып жатыр, сондықтан ештеңе сақталмады. Біраздан кейін қайта көріңіз; қайталанса, басқа бағдарламаны жабыңыз.</translation>
    </message>
    <message>
        <source>The database cannot be written (the file or its folder is read-only), so nothing was saved. Call support.</source>
        <translation>Дерекқорға жазу мүмкін емес (файл немесе қалта тек оқуға арналған), сондықтан ештеңе сақталмады. Қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The database is damaged, so nothing was saved. Stop selling on this till and call support: it must be restored from a backup copy.</source>
        <translation>Дерекқор зақымдалған, сондықтан ештеңе сақталмады. Бұл кассада сатуды тоқтатып, қолдау қызметіне хабарласыңыз: дерекқорды сақтық көшірмеден қалпына келтіру керек.</translation>
    </message>
    <message>
        <source>The disk reported an error, so nothing was saved. Try again; if it repeats, call support.</source>
        <translation>Диск қате туралы хабарлады, сондықтан ештеңе сақталмады. Қайта көріңіз; қате қайталанса, қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation>PIN 4–8 саннан тұрады.</translation>
    </message>
    <message>
        <source>This employee is not active any more.</source>
        <translation>Бұл қызметкер енді белсенді емес.</translation>
    </message>
    <message>
        <source>Wrong PIN. {left} attempts left.</source>
        <translation>PIN қате. Қалған әрекет: {left}.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until {until}; ask a supervisor.</source>
        <translation>Қате PIN тым көп. Кіру {until} дейін бұғатталды; аға кассирге жүгініңіз.</translation>
    </message>
    <message>
        <source>That is not a supervisor&apos;s PIN.</source>
        <translation>Бұл аға кассирдің PIN-і емес.</translation>
    </message>
    <message>
        <source>Too many wrong PINs in a row: approvals are locked until {until}.</source>
        <translation>Қатарынан тым көп қате PIN-код енгізілді: растау {until} дейін бұғатталды.</translation>
    </message>
    <message>
        <source>That is not an admin&apos;s PIN.</source>
        <translation>Бұл әкімшінің PIN-коды емес.</translation>
    </message>
    <message>
        <source>Too many wrong admin PINs in a row: locked until {until}.</source>
        <translation>Әкімшінің қате PIN-коды қатарынан тым көп енгізілді: {until} дейін бұғатталды.</translation>
    </message>
    <message>
        <source>Unknown barcode {code}. Find the item by name below.</source>
        <translation>Белгісіз штрихкод {code}. Тауарды төменде атауы бойынша табыңыз.</translation>
    </message>
    <message>
        <source>{name} is sold by weight: pick it and enter the weight.</source>
        <translation>{name} салмақпен сатылады: оны таңдап, салмағын енгізіңіз.</translation>
    </message>
    <message>
        <source>Choose the options of {name}.</source>
        <translation>«{name}» үшін нұсқаларды таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose “{group}” first.</source>
        <translation>Алдымен «{group}» таңдаңыз.</translation>
    </message>
    <message>
        <source>At most {max} can be chosen in “{group}”.</source>
        <translation>«{group}» ішінен ең көбі {max} таңдауға болады.</translation>
    </message>
    <message>
        <source>That option is no longer in the catalog: choose again.</source>
        <translation>Бұл нұсқа каталогта енді жоқ: қайта таңдаңыз.</translation>
    </message>
    <message>
        <source>With these options nothing is left to pay: choose others.</source>
        <translation>Бұл нұсқалармен төлейтін ештеңе қалмайды: басқаларын таңдаңыз.</translation>
    </message>
    <message>
        <source>An option group asks for {min} to {max} of its {count} options.</source>
        <translation>Нұсқалар тобы {count} нұсқаның ішінен {min}-ден {max}-ге дейін таңдауды талап етеді.</translation>
    </message>
    <message>
        <source>More than {max} options in one group.</source>
        <translation>Бір топта {max}-ден көп нұсқа бар.</translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first (F9).</source>
        <translation>Ауысым ашылмаған. Алдымен ауысымды ашыңыз (F9).</translation>
    </message>
    <message>
        <source>A shift is already open on this till.</source>
        <translation>Бұл кассада ауысым ашық тұр.</translation>
    </message>
    <message>
        <source>That shift does not exist.</source>
        <translation>Мұндай ауысым жоқ.</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>Соманы енгізіңіз.</translation>
    </message>
    <message>
        <source>Write down the reason.</source>
        <translation>Себебін жазыңыз.</translation>
    </message>
    <message>
        <source>The drawer should hold only {expected}.</source>
        <translation>Кассада тек {expected} болуы керек.</translation>
    </message>
    <message>
        <source>Nothing to park: the cart is empty.</source>
        <translation>Қалдыратын ештеңе жоқ: чек бос.</translation>
    </message>
    <message>
        <source>Finish or park the current sale first.</source>
        <translation>Алдымен ағымдағы чекті аяқтаңыз не кейінге қалдырыңыз.</translation>
    </message>
    <message>
        <source>That parked sale was already recalled.</source>
        <translation>Бұл қалдырылған чек бұрын ашылған.</translation>
    </message>
    <message>
        <source>“{q}” is not a receipt number. Scan the receipt or type its number.</source>
        <translation>«{q}» чек нөмірі емес. Чекті сканерлеңіз немесе нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>No receipt {q} on this till.</source>
        <translation>Бұл кассада {q} чегі жоқ.</translation>
    </message>
    <message>
        <source>That receipt is not on this till. Search the journal again.</source>
        <translation>Бұл чек осы кассада жоқ. Журналдан қайта іздеңіз.</translation>
    </message>
    <message>
        <source>Choose how the money goes back: cash or card.</source>
        <translation>Ақшаны қалай қайтаратыныңызды таңдаңыз: қолма-қол не картаға.</translation>
    </message>
    <message>
        <source>Choose what to refund.</source>
        <translation>Нені қайтаратыныңызды таңдаңыз.</translation>
    </message>
    <message>
        <source>The refund quantity must be more than zero.</source>
        <translation>Қайтарылатын сан нөлден көп болуы керек.</translation>
    </message>
    <message>
        <source>That is more than is left to refund on this line.</source>
        <translation>Бұл жол бойынша қайтаруға қалғаннан көп.</translation>
    </message>
    <message>
        <source>That line is not on this receipt.</source>
        <translation>Бұл чекте мұндай жол жоқ.</translation>
    </message>
    <message>
        <source>More than was paid by card: refund the rest in cash.</source>
        <translation>Картамен төленгеннен көп: қалғанын қолма-қол қайтарыңыз.</translation>
    </message>
    <message>
        <source>This sale does not exist or is already voided.</source>
        <translation>Мұндай чек жоқ немесе оның күші жойылған.</translation>
    </message>
    <message>
        <source>Only sales of the open shift can be voided; make a refund instead.</source>
        <translation>Тек ашық ауысымның чектерінің күшін жоюға болады; оның орнына қайтару жасаңыз.</translation>
    </message>
    <message>
        <source>This sale has refunds; refund the rest instead of voiding.</source>
        <translation>Бұл чек бойынша қайтарулар болған; күшін жоюдың орнына қалғанын қайтарыңыз.</translation>
    </message>
    <message>
        <source>SKU and Russian name are required.</source>
        <translation>Артикул мен орысша атауы міндетті.</translation>
    </message>
    <message>
        <source>VAT must be between 0 and 100 %.</source>
        <translation>ҚҚС 0 мен 100 % аралығында болуы керек.</translation>
    </message>
    <message>
        <source>The price must be more than zero.</source>
        <translation>Баға нөлден көп болуы керек.</translation>
    </message>
    <message>
        <source>This SKU or barcode is already used by {sku}.</source>
        <translation>Бұл артикул не штрихкод {sku} тауарында бар.</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>Бұл тауар енді жоқ.</translation>
    </message>
    <message>
        <source>At most {count} synonyms per product.</source>
        <translation>Бір тауарға ең көбі {count} синоним.</translation>
    </message>
    <message>
        <source>A synonym is longer than {count} letters: shorten it.</source>
        <translation>Синоним {count} әріптен ұзын: қысқартыңыз.</translation>
    </message>
    <message>
        <source>A barcode has digits 0–9 only: no letters, spaces or dashes.</source>
        <translation>Штрихкодта тек 0–9 цифрлары болады: әріпсіз, бос орынсыз, сызықшасыз.</translation>
    </message>
    <message>
        <source>“{text}…” is too long: at most {limit} characters.</source>
        <translation>«{text}…» тым ұзын: ең көбі {limit} таңба.</translation>
    </message>
    <message>
        <source>A name, code or synonym contains an invisible control character ({char}): type it again.</source>
        <translation>Атауда, кодта не синонимде көрінбейтін басқару таңбасы ({char}) бар: оны қайта теріңіз.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>{path} оқылмады: {error}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text. Save it as “CSV UTF-8” and import it again.</source>
        <translation>{path} UTF-8 мәтіні емес. Оны «CSV UTF-8» ретінде сақтап, қайта импорттаңыз.</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>{path} файлы жоқ.</translation>
    </message>
    <message>
        <source>This user may not read {path}. Copy the file to your home folder and import it from there.</source>
        <translation>Бұл пайдаланушының {path} файлын оқуға құқығы жоқ. Файлды үй қалтасына көшіріп, сол жерден импорттаңыз.</translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation>Мұны тек әкімші жасай алады.</translation>
    </message>
    <message>
        <source>Only a supervisor or an admin can do this.</source>
        <translation>Мұны тек аға кассир немесе әкімші жасай алады.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Алдымен жүйеге кіріңіз.</translation>
    </message>
    <message>
        <source>This conversation is blocked at the request of the person recorded; only an admin can play it.</source>
        <translation>Бұл әңгіме жазылған адамның өтініші бойынша бұғатталған; оны тек әкімші ойната алады.</translation>
    </message>
    <message>
        <source>A newer version of the privacy policy ({in_force}) has arrived. Read it and accept that one.</source>
        <translation>Құпиялылық саясатының жаңарақ редакциясы ({in_force}) келді. Соны оқып, қабылдаңыз.</translation>
    </message>
    <message>
        <source>Say who made the request.</source>
        <translation>Сұраумен кім жүгінгенін көрсетіңіз.</translation>
    </message>
    <message>
        <source>Say whom the request is about: an employee, a receipt, a time window or words.</source>
        <translation>Сұрау кім туралы екенін көрсетіңіз: қызметкер, чек, уақыт аралығы немесе сөздер.</translation>
    </message>
    <message>
        <source>“{value}” is not a date.</source>
        <translation>«{value}» — күн емес.</translation>
    </message>
    <message>
        <source>There is no such request. Reopen the list and choose it again.</source>
        <translation>Мұндай сұрау жоқ. Тізімді қайта ашып, сұрауды қайта таңдаңыз.</translation>
    </message>
    <message>
        <source>No employee is called {name}.</source>
        <translation>{name} есімді қызметкер жоқ.</translation>
    </message>
    <message>
        <source>{count} employees are called {name}: choose the employee from the list.</source>
        <translation>{name} есімді қызметкерлер саны: {count}. Қызметкерді тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>The recordings&apos; keys are not available, so transcripts cannot be searched and audio cannot be exported. Check the secret store (Settings → Recording).</source>
        <translation>Жазбалардың кілттері қолжетімсіз: мәтіндерден іздеу және аудионы экспорттау мүмкін емес. Құпиялар қоймасын тексеріңіз (Баптаулар → Жазу).</translation>
    </message>
    <message>
        <source>{path} exists already: choose another folder. Nothing was written.</source>
        <translation>{path} бұрыннан бар: басқа қалтаны таңдаңыз. Ештеңе жазылмады.</translation>
    </message>
    <message>
        <source>{path} exists already: choose a new file name. Nothing was written.</source>
        <translation>{path} бұрыннан бар: файлға басқа ат беріңіз. Ештеңе жазылмады.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist. Choose another one.</source>
        <translation>{path} қалтасы жоқ. Басқасын таңдаңыз.</translation>
    </message>
    <message>
        <source>This request does not ask for a correction. Register a correction request first.</source>
        <translation>Бұл сұрау түзету туралы емес. Алдымен түзетуге сұрау тіркеңіз.</translation>
    </message>
    <message>
        <source>Only an employee&apos;s data can be corrected: receipts and recordings are records of what happened.</source>
        <translation>Тек қызметкердің деректерін түзетуге болады: чектер мен жазбалар болған жайтты тіркейді.</translation>
    </message>
    <message>
        <source>Only these can be corrected: {fields}.</source>
        <translation>Тек мыналарды түзетуге болады: {fields}.</translation>
    </message>
    <message>
        <source>Type the corrected value.</source>
        <translation>Түзетілген мәнді енгізіңіз.</translation>
    </message>
    <message>
        <source>The corrected value is too long: at most {limit} characters.</source>
        <translation>Түзетілген мән тым ұзын: {limit} таңбадан аспауы керек.</translation>
    </message>
    <message>
        <source>The corrected value holds an invisible control character: type it again.</source>
        <translation>Түзетілген мәнде көрінбейтін басқару таңбасы бар: оны қайта енгізіңіз.</translation>
    </message>
    <message>
        <source>This request does not ask for destruction. Register a destruction request first.</source>
        <translation>Бұл сұрау жою туралы емес. Алдымен жою сұрауын тіркеңіз.</translation>
    </message>
    <message>
        <source>This request was already carried out on {date}. Nothing more was destroyed.</source>
        <translation>Бұл сұрау {date} күні орындалған. Басқа ештеңе жойылған жоқ.</translation>
    </message>
    <message>
        <source>The only active admin cannot be destroyed: add another admin first.</source>
        <translation>Жалғыз белсенді әкімшінің деректерін жоюға болмайды: алдымен басқа әкімші қосыңыз.</translation>
    </message>
    <message>
        <source>This request has not been carried out yet.</source>
        <translation>Бұл сұрау әлі орындалмаған.</translation>
    </message>
    <message>
        <source>A BIN has 12 digits with a valid check digit.</source>
        <translation>БСН — дұрыс бақылау цифры бар 12 сан.</translation>
    </message>
    <message>
        <source>The store needs a name.</source>
        <translation>Дүкен атауын көрсетіңіз.</translation>
    </message>
    <message>
        <source>Choose a receipt language.</source>
        <translation>Чек тілін таңдаңыз.</translation>
    </message>
    <message>
        <source>Auto-lock must be between 30 seconds and 1 hour.</source>
        <translation>Автобұғаттау 30 секундтан 1 сағатқа дейін болуы керек.</translation>
    </message>
    <message>
        <source>Enter the employee&apos;s name.</source>
        <translation>Қызметкердің атын енгізіңіз.</translation>
    </message>
    <message>
        <source>The last admin cannot be deactivated.</source>
        <translation>Соңғы әкімшіні өшіруге болмайды.</translation>
    </message>
    <message>
        <source>{count} rows are wrong; nothing was imported. Fix them and import again.</source>
        <translation>Қате жолдар: {count}; ештеңе импортталмады. Оларды түзетіп, қайта импорттаңыз.</translation>
    </message>
    <message>
        <source>Write down why recording is paused.</source>
        <translation>Жазудың неге тоқтатылғанын жазыңыз.</translation>
    </message>
    <message>
        <source>Recording {rid} cannot be read ({reason}): it was altered, cut short or its key was destroyed.</source>
        <translation>{rid} жазбасы оқылмайды ({reason}): ол өзгертілген, қысқартылған немесе кілті жойылған.</translation>
    </message>
    <message>
        <source>There is no recording {rid}.</source>
        <translation>{rid} жазбасы жоқ.</translation>
    </message>
    <message>
        <source>Write down why the consent is withdrawn (e.g. the employee&apos;s request).</source>
        <translation>Келісімнің неге кері қайтарылатынын жазыңыз (мысалы, қызметкердің өтініші).</translation>
    </message>
    <message>
        <source>There is no consent text of version {version} in this program.</source>
        <translation>Бұл бағдарламада {version} нұсқасындағы келісім мәтіні жоқ.</translation>
    </message>
    <message>
        <source>No connection to the server. Everything waits safely on this till and is sent when the connection is back.</source>
        <translation>Сервермен байланыс жоқ. Бәрі осы кассада сенімді сақталып, байланыс қалпына келгенде жіберіледі.</translation>
    </message>
    <message>
        <source>The connection broke during sending. It will be tried again; nothing is lost.</source>
        <translation>Жіберу кезінде байланыс үзілді. Қайталанады; ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <source>The server asked to slow down. Sending goes on in a moment.</source>
        <translation>Сервер қарқынды азайтуды сұрады. Жіберу жақында жалғасады.</translation>
    </message>
    <message>
        <source>The server refused this till&apos;s key or token. An admin must enter a valid one in Settings → Sync.</source>
        <translation>Сервер осы кассаның кілтін немесе токенін қабылдамады. Әкімші Баптаулар → Синхрондау бөлімінде жарамдысын енгізуі керек.</translation>
    </message>
    <message>
        <source>The server refused an item for good. An admin can retry or drop it in Settings → Sync.</source>
        <translation>Сервер жолды біржола қабылдамады. Әкімші оны Баптаулар → Синхрондау бөлімінде қайталай не жоя алады.</translation>
    </message>
    <message>
        <source>The server waits for earlier audit entries first. They are sent again in order.</source>
        <translation>Сервер алдымен ертерек аудит жазбаларын күтуде. Олар ретімен қайта жіберіледі.</translation>
    </message>
    <message>
        <source>The server refused the audit trail: it does not continue the copy the server holds (an older backup restored, or the database changed). Keep the database and tell the store owner.</source>
        <translation>Сервер аудит журналын қабылдамады: ол сервердегі көшірменің жалғасы емес (ескі көшірме қалпына келтірілген немесе дерекқор өзгертілген). Дерекқорды сақтап, дүкен иесіне хабарлаңыз.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. It will be tried again.</source>
        <translation>Сервер жауабын оқу мүмкін болмады. Қайталанады.</translation>
    </message>
    <message>
        <source>The server had an error. It will be tried again.</source>
        <translation>Серверде қате болды. Қайталанады.</translation>
    </message>
    <message>
        <source>The server did not answer in time. It will be tried again.</source>
        <translation>Сервер уақытында жауап бермеді. Қайталанады.</translation>
    </message>
    <message>
        <source>The disk of this till is full. Free some space; nothing is lost.</source>
        <translation>Осы кассаның дискісі толы. Орын босатыңыз; ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <source>Secure connections fail because this till&apos;s date or time looks wrong. Set the correct date and time; nothing is lost.</source>
        <translation>Қорғалған байланыс орнамайды: кассадағы күн не уақыт қате сияқты. Дұрыс күн мен уақытты орнатыңыз; ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <source>No speech recognition service may be used: enter a key, allow sending audio abroad, or acknowledge a service the privacy policy does not name, in Settings → Sync.</source>
        <translation>Бірде-бір тану қызметін пайдалануға болмайды: Баптаулар → Синхрондау бөлімінде кілт енгізіңіз, аудионы шетелге жіберуге рұқсат етіңіз немесе құпиялылық саясатында аталмаған қызметті растаңыз.</translation>
    </message>
    <message>
        <source>The cash register refused an operation dated before the previous one (the till&apos;s clock went back?). Check the clock, then retry it or set it aside.</source>
        <translation>Касса алдыңғысынан ерте күнмен жасалған операцияны қабылдамады (касса сағаты артқа кетті ме?). Сағатты тексеріп, оны қайталаңыз немесе шетке қойыңыз.</translation>
    </message>
    <message>
        <source>The cash register is blocked at the service or by the tax office. Selling goes on; receipts wait. Call Kassa24, then retry.</source>
        <translation>Касса сервисте немесе салық органында бұғатталған. Сауда жалғасады, чектер күтеді. Kassa24-ке қоңырау шалып, кейін қайталаңыз.</translation>
    </message>
    <message>
        <source>The cash register&apos;s shift ran over 24 hours. The till closes it (Z) and registers the receipt in a new shift; close the till&apos;s shift every day.</source>
        <translation>Кассаның ауысымы 24 сағаттан асты. Касса оны жабады (Z) және чекті жаңа ауысымда тіркейді; ауысымды күн сайын жабыңыз.</translation>
    </message>
    <message>
        <source>The cash register refused the receipt&apos;s data. An admin looks at it, then retries it or sets it aside.</source>
        <translation>Касса чек деректерін қабылдамады. Әкімші оны тексеріп, қайталайды немесе шетке қояды.</translation>
    </message>
    <message>
        <source>The cash register has not reached the tax office for {hours} hours: selling stops until the waiting receipts are registered. Connect the till to the internet.</source>
        <translation>Касса салық органымен {hours} сағат байланыспады: күтіп тұрған чектер тіркелгенше сауда тоқтатылды. Кассаны интернетке қосыңыз.</translation>
    </message>
    <message>
        <source>Enter the cash register service&apos;s API token first.</source>
        <translation>Алдымен онлайн-касса сервисінің API-токенін енгізіңіз.</translation>
    </message>
    <message>
        <source>Recordings wait: nothing is sent for speech recognition until the operator accepts the store&apos;s registration (Settings &amp; staff → Registration). Selling goes on as usual.</source>
        <translation>Жазбалар күтуде: оператор дүкеннің тіркеуін қабылдамайынша сөйлеуді тануға ештеңе жіберілмейді (Баптаулар және қызметкерлер → Тіркеу). Сауда әдеттегідей жүреді.</translation>
    </message>
    <message>
        <source>The registration was submitted and cannot be changed until the operator answers.</source>
        <translation>Тіркеу жіберілді; оператор жауап бергенше оны өзгертуге болмайды.</translation>
    </message>
    <message>
        <source>The registration form is not complete: see the fields marked in red.</source>
        <translation>Тіркеу сауалнамасы толық толтырылмаған: қызылмен белгіленген өрістерді қараңыз.</translation>
    </message>
    <message>
        <source>A scanned document of the registration cannot be read (damaged). Remove it and add it again.</source>
        <translation>Тіркеу құжатының сканы оқылмайды (зақымдалған). Оны жойып, қайта қосыңыз.</translation>
    </message>
    <message>
        <source>Sync is not set up: data stays on this till. An admin can set it up in Settings → Sync.</source>
        <translation>Синхрондау бапталмаған: деректер осы кассада қалады. Әкімші оны Баптаулар → Синхрондау бөлімінде баптай алады.</translation>
    </message>
    <message>
        <source>Sending failed. It will be tried again.</source>
        <translation>Жіберу сәтсіз аяқталды. Қайталанады.</translation>
    </message>
    <message>
        <source>Sending failed. See Settings → Sync.</source>
        <translation>Жіберу сәтсіз аяқталды. Баптаулар → Синхрондау қараңыз.</translation>
    </message>
    <message>
        <source>The secret store is unavailable, so keys cannot be saved: {hint}</source>
        <translation>Құпия қойма қолжетімсіз, кілттерді сақтау мүмкін емес: {hint}</translation>
    </message>
    <message>
        <source>The recordings&apos; keys are not available: {hint}</source>
        <translation>Жазбалардың кілттері қолжетімсіз: {hint}</translation>
    </message>
    <message>
        <source>“{url}” is not a secure web address: it must start with https:// (http:// only for a test server on this computer, e.g. http://127.0.0.1:8702).</source>
        <translation>«{url}» — қорғалған веб-мекенжай емес: ол https:// деп басталуы керек (http:// тек осы компьютердегі сынақ серверіне ғана, мысалы http://127.0.0.1:8702).</translation>
    </message>
    <message>
        <source>Choose a speech recognition service.</source>
        <translation>Сөйлеуді тану қызметін таңдаңыз.</translation>
    </message>
    <message>
        <source>{provider} is not named by the privacy policy in force. Acknowledge it under the provider choice first, or choose another service.</source>
        <translation>{provider} қолданыстағы құпиялылық саясатында аталмаған. Алдымен оны қызметті таңдау астында растаңыз немесе басқа қызметті таңдаңыз.</translation>
    </message>
    <message>
        <source>“{setting}” cannot take this value.</source>
        <translation>«{setting}» мұндай мән қабылдай алмайды.</translation>
    </message>
    <message>
        <source>PINs cannot be checked: the secret store of this computer was reset and the PIN key is gone. Nobody can sign in until the owner of the data folder runs `{command}` on this computer (it gives everyone a new PIN).</source>
        <translation>PIN-кодтарды тексеру мүмкін емес: осы компьютердің құпия қоймасы тазартылып, PIN-кодтар кілті жоғалды. Деректер қалтасының иесі осы компьютерде `{command}` іске қоспайынша ешкім кіре алмайды (әр қызметкер жаңа PIN-код алады).</translation>
    </message>
    <message>
        <source>PINs cannot be checked: the secret store holds the PIN key of another till. Restore this till&apos;s secret store, or the owner of the data folder runs `{command}` on this computer (it gives everyone a new PIN).</source>
        <translation>PIN-кодтарды тексеру мүмкін емес: құпия қоймада басқа кассаның PIN-кодтар кілті тұр. Осы кассаның құпия қоймасын қалпына келтіріңіз немесе деректер қалтасының иесі осы компьютерде `{command}` іске қоссын (әр қызметкер жаңа PIN-код алады).</translation>
    </message>
    <message>
        <source>PINs cannot be checked without the secret store: {hint}</source>
        <translation>Құпия қоймасыз PIN-кодтарды тексеру мүмкін емес: {hint}</translation>
    </message>
    <message>
        <source>Selling is stopped: the database {path} is damaged (table {tables}). Close the app, copy the newest good copy {backup} over {path} and start again; sales made after that copy must be entered again. `forsell-cashier doctor` shows the details.</source>
        <translation>Сату тоқтатылды: {path} дерекқоры бүлінген ({tables} кестесі). Бағдарламаны жабыңыз, соңғы жарамды {backup} көшірмесін {path} орнына көшіріп, қайта іске қосыңыз; сол көшірмеден кейінгі сатуларды қайта енгізу керек. Толығырақ: `forsell-cashier doctor`.</translation>
    </message>
    <message>
        <source>“{setting}” must be between {low} and {high}.</source>
        <translation>«{setting}»: мәні {low} мен {high} аралығында болуы керек.</translation>
    </message>
    <message>
        <source>Audio without a transcript must be kept at least as long as audio with one ({days} days).</source>
        <translation>Транскриптсіз аудио транскрипті бар аудиодан кем сақталмауы керек (күн саны: {days}).</translation>
    </message>
    <message>
        <source>Selling is stopped: the database {path} is damaged (table {tables}) and no copy in {backups} passes its check. Close the app and call support.</source>
        <translation>Сату тоқтатылды: {path} дерекқоры бүлінген ({tables} кестесі), ал {backups} ішіндегі бірде-бір көшірме тексерістен өтпейді. Бағдарламаны жабыңыз да, қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Орындау мүмкін емес</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>the file is not there</source>
        <translation>файл табылмады</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>файл UTF-8 мәтіні емес</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}</source>
        <translation>JSON қатесі: {line}-жол, {column}-баған</translation>
    </message>
    <message>
        <source>must be “{expected}”</source>
        <translation>«{expected}» болуы керек</translation>
    </message>
    <message>
        <source>version {version} is not supported: only version 1 is</source>
        <translation>{version} нұсқасына қолдау жоқ: тек 1-нұсқа қолдау табады</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>объект болуы керек</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>тізім болуы керек</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>мәтін болуы керек</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>бос болмауы керек</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>сан болуы керек</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>бүтін сан болуы керек</translation>
    </message>
    <message>
        <source>{value} is less than {low}</source>
        <translation>{value} мәні {low} мәнінен аз</translation>
    </message>
    <message>
        <source>{value} is more than {high}</source>
        <translation>{value} мәні {high} мәнінен көп</translation>
    </message>
    <message>
        <source>must be a date and time, e.g. 2025-03-01T10:00:00+05:00</source>
        <translation>күні мен уақыты болуы керек, мысалы 2025-03-01T10:00:00+05:00</translation>
    </message>
    <message>
        <source>choose one of: {choices}</source>
        <translation>мыналардың бірін таңдаңыз: {choices}</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>белгісіз өріс</translation>
    </message>
    <message>
        <source>“{phrase}” has no words to match</source>
        <translation>«{phrase}» ішінде іздейтін сөз жоқ</translation>
    </message>
    <message>
        <source>this is not a file (a folder?)</source>
        <translation>бұл файл емес (қалта ма?)</translation>
    </message>
    <message>
        <source>the file cannot be read (check its permissions)</source>
        <translation>файлды оқу мүмкін емес (рұқсаттарын тексеріңіз)</translation>
    </message>
    <message>
        <source>the file is {size} bytes, more than the {limit} bytes allowed</source>
        <translation>файл көлемі {size} байт, рұқсат етілген {limit} байттан көп</translation>
    </message>
    <message>
        <source>nested deeper than {limit} levels</source>
        <translation>кірістіру {limit} деңгейден терең</translation>
    </message>
    <message>
        <source>must be a finite number (not NaN, Infinity or a number this large)</source>
        <translation>шекті сан болуы керек (NaN, Infinity не тым үлкен сан емес)</translation>
    </message>
    <message>
        <source>{count} entries, at most {limit} are allowed</source>
        <translation>{count} жазба, ең көбі {limit} болуы мүмкін</translation>
    </message>
    <message>
        <source>not a valid CSV file</source>
        <translation>файл дұрыс CSV емес</translation>
    </message>
    <message>
        <source>the transcript needs “utterances” (or a recogniser&apos;s “words” list)</source>
        <translation>транскрипцияда «utterances» (не танушының «words» тізімі) болуы керек</translation>
    </message>
    <message>
        <source>ends at {end} s, before it starts at {start} s</source>
        <translation>{end} с-та аяқталады, ал {start} с-та басталады</translation>
    </message>
    <message>
        <source>must be “ok” or “bad”</source>
        <translation>«ok» немесе «bad» болуы керек</translation>
    </message>
    <message>
        <source>{count} words, at most {limit} are allowed</source>
        <translation>{count} сөз, ең көбі {limit} болуы мүмкін</translation>
    </message>
    <message>
        <source>the receipt needs “lines”</source>
        <translation>чекте «lines» болуы керек</translation>
    </message>
    <message>
        <source>a time of day needs “recording_started_at”</source>
        <translation>тәулік уақыты үшін «recording_started_at» керек</translation>
    </message>
    <message>
        <source>a time with a zone and one without cannot be compared: add a zone, e.g. +05:00</source>
        <translation>белдеуі бар уақытты белдеуі жоқ уақытпен салыстыруға болмайды: белдеу қосыңыз, мысалы +05:00</translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation>кемінде бір тармақ қосыңыз</translation>
    </message>
    <message>
        <source>“{id}” is already the ID of another item</source>
        <translation>«{id}» басқа тармақтың ID-і</translation>
    </message>
    <message>
        <source>add at least one phrase (or let the upsell detector decide)</source>
        <translation>кемінде бір фраза қосыңыз (немесе қосымша сату детекторын қосыңыз)</translation>
    </message>
    <message>
        <source>a required item needs more than 0 points</source>
        <translation>міндетті тармаққа 0-ден көп ұпай керек</translation>
    </message>
    <message>
        <source>a bonus item needs more than 0 points</source>
        <translation>бонустық тармаққа 0-ден көп ұпай керек</translation>
    </message>
    <message>
        <source>a forbidden item needs a penalty above 0</source>
        <translation>тыйым салынған тармаққа 0-ден көп айыппұл керек</translation>
    </message>
    <message>
        <source>a forbidden item cannot use the upsell detector</source>
        <translation>тыйым салынған тармақ қосымша сату детекторын пайдалана алмайды</translation>
    </message>
    <message>
        <source>a fatal item cannot use the upsell detector</source>
        <translation>шешуші тармақ қосымша сату детекторын пайдалана алмайды</translation>
    </message>
    <message>
        <source>choose the start or the end</source>
        <translation>басын не соңын таңдаңыз</translation>
    </message>
    <message>
        <source>write sku:&lt;SKU&gt; or category:&lt;category name&gt;</source>
        <translation>sku:&lt;SKU&gt; немесе category:&lt;category name&gt; деп жазыңыз</translation>
    </message>
    <message>
        <source>the upsell offer item needs offer cues (tab “Upsell offers”)</source>
        <translation>қосымша сату тармағына ұсыныс сөздері керек («Қосымша сату» қойындысы)</translation>
    </message>
    <message>
        <source>{count} phrases, at most {limit} are allowed</source>
        <translation>{count} фраза, ең көбі {limit} болуы мүмкін</translation>
    </message>
    <message>
        <source>a product needs at least one name</source>
        <translation>тауардың кемінде бір атауы болуы керек</translation>
    </message>
    <message>
        <source>the file needs the columns sku and name_ru</source>
        <translation>файлда sku және name_ru бағандары болуы керек</translation>
    </message>
    <message>
        <source>columns are missing: {columns}</source>
        <translation>бағандар жетіспейді: {columns}</translation>
    </message>
    <message>
        <source>is empty: fill it in</source>
        <translation>бос: толтырыңыз</translation>
    </message>
    <message>
        <source>“{barcode}” is not a barcode: digits only</source>
        <translation>«{barcode}» штрихкод емес: тек цифрлар болуы керек</translation>
    </message>
    <message>
        <source>SKU {sku} is already on line {first}</source>
        <translation>{sku} артикулы {first}-жолда бар</translation>
    </message>
    <message>
        <source>barcode {barcode} is already on line {first}</source>
        <translation>{barcode} штрихкоды {first}-жолда бар</translation>
    </message>
    <message>
        <source>“{text}” is not an amount: type digits, e.g. 1250 or 1250,50</source>
        <translation>«{text}» сома емес: цифрмен жазыңыз, мысалы 1250 не 1250,50</translation>
    </message>
    <message>
        <source>the price must be more than zero</source>
        <translation>баға нөлден көп болуы керек</translation>
    </message>
    <message>
        <source>“{text}” is more than a till can take ({max})</source>
        <translation>«{text}» касса қабылдай алатын сомадан көп ({max})</translation>
    </message>
    <message>
        <source>“{text}” is not a VAT rate from 0 to 100 %</source>
        <translation>«{text}» 0-ден 100 %-ға дейінгі ҚҚС мөлшерлемесі емес</translation>
    </message>
    <message>
        <source>“{text}” is not a unit: write pcs or kg</source>
        <translation>«{text}» өлшем бірлігі емес: pcs не kg деп жазыңыз</translation>
    </message>
    <message>
        <source>“{text}” is not 1 or 0</source>
        <translation>«{text}» 1 де, 0 де емес</translation>
    </message>
    <message>
        <source>at most {count} synonyms, each up to {length} letters</source>
        <translation>{count} синонимнен аспауы керек, әрқайсысы {length} әріпке дейін</translation>
    </message>
    <message>
        <source>barcode {barcode} already belongs to {sku}</source>
        <translation>{barcode} штрихкоды {sku} тауарына тиесілі</translation>
    </message>
    <message>
        <source>“{name}” is not a catalog column: remove it or correct its name</source>
        <translation>«{name}» каталог бағаны емес: оны өшіріңіз не атауын түзетіңіз</translation>
    </message>
    <message>
        <source>the column {name} appears twice</source>
        <translation>{name} бағаны екі рет кездеседі</translation>
    </message>
    <message>
        <source>{count} fields, but the header has only {columns} columns</source>
        <translation>өрістер саны {count}, ал тақырыпта тек {columns} баған бар</translation>
    </message>
    <message>
        <source>contains the control character {char}: remove it</source>
        <translation>ішінде {char} басқару таңбасы бар: оны өшіріңіз</translation>
    </message>
    <message>
        <source>{length} characters, at most {limit} are allowed</source>
        <translation>таңба саны {length}, ең көбі {limit} болуы мүмкін</translation>
    </message>
    <message>
        <source>a field is longer than {limit} characters, so the row cannot be read</source>
        <translation>өріс {limit} таңбадан ұзын, сондықтан жолды оқу мүмкін емес</translation>
    </message>
    <message>
        <source>“{part}” is neither a group “Name [1]: option +200, option” nor an option “name +200 #SKU”</source>
        <translation>«{part}» топ та емес («Атауы [1]: нұсқа +200, нұсқа»), нұсқа да емес («атауы +200 #АРТИКУЛ»)</translation>
    </message>
    <message>
        <source>“{part}”: names are Russian/Kazakh/English, without ; , : [ ] # *</source>
        <translation>«{part}»: атаулар орысша/қазақша/ағылшынша жазылады, ; , : [ ] # * таңбаларынсыз</translation>
    </message>
    <message>
        <source>“{text}” is not a price change: write +200, -150 or +2.50</source>
        <translation>«{text}» баға өзгерісі емес: +200, -150 немесе +2.50 деп жазыңыз</translation>
    </message>
    <message>
        <source>{group}: cannot choose from {min} to {max} of {count} options</source>
        <translation>{group}: {count} нұсқаның ішінен {min}-ден {max}-ге дейін таңдау мүмкін емес</translation>
    </message>
    <message>
        <source>more than {max} option groups</source>
        <translation>нұсқа топтары {max}-ден көп</translation>
    </message>
    <message>
        <source>no secret store was found. Run the till in a desktop session with GNOME Keyring or KWallet, or install gnome-keyring.</source>
        <translation>құпия қойма табылмады. Кассаны GNOME Keyring не KWallet бар жұмыс үстелі сеансында іске қосыңыз немесе gnome-keyring орнатыңыз.</translation>
    </message>
    <message>
        <source>the keyring keeps secrets in a plain file. Uninstall keyrings.alt and use the system secret store.</source>
        <translation>кілттер бауы құпияларды қарапайым файлда сақтайды. keyrings.alt бумасын жойып, жүйелік құпия қойманы пайдаланыңыз.</translation>
    </message>
    <message>
        <source>the secret store is locked. Log in to the desktop session to unlock it.</source>
        <translation>құпия қойма құлыптаулы. Оны ашу үшін жұмыс үстелі сеансына кіріңіз.</translation>
    </message>
    <message>
        <source>the secret store failed. Run “forsell-cashier doctor” to find out why.</source>
        <translation>құпия қоймада қате болды. Себебін білу үшін «forsell-cashier doctor» іске қосыңыз.</translation>
    </message>
    <message>
        <source>no receipt printer is set up: give its address in Settings &amp; staff → Printer</source>
        <translation>чек принтері бапталмаған: оның мекенжайын «Баптау және қызметкер» → «Принтер» бөлімінде көрсетіңіз</translation>
    </message>
    <message>
        <source>“{text}” is not a printer address: use host:9100, usb:VID:PID, serial:DEVICE:BAUD or file:PATH</source>
        <translation>«{text}» — принтер мекенжайы емес: мекенжай үлгілері «Чек принтері» баптауының сипаттамасында</translation>
    </message>
    <message>
        <source>the printer at {where} does not answer: is it switched on and connected?</source>
        <translation>{where} принтері жауап бермейді: ол қосулы және жалғанған ба?</translation>
    </message>
    <message>
        <source>the printer at {where} stopped answering for {seconds} s</source>
        <translation>{where} принтері {seconds} с бойы жауап бермейді</translation>
    </message>
    <message>
        <source>the printer at {where} dropped the connection before the receipt was complete</source>
        <translation>{where} принтері чекті басып бітірмей байланысты үзді</translation>
    </message>
    <message>
        <source>the printer at {where} is out of paper: load a new roll</source>
        <translation>{where} принтерінде қағаз бітті: жаңа орам салыңыз</translation>
    </message>
    <message>
        <source>the printer {where} cannot be opened: is it plugged in?</source>
        <translation>{where} принтерін ашу мүмкін емес: ол жалғанған ба?</translation>
    </message>
    <message>
        <source>line {line}, column “{column}”</source>
        <translation>{line}-жол, «{column}» бағаны</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>{line}-жол</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Store name</source>
        <extracomment>Hosts that name this computer: plain http:// is allowed only to them (the FAKE servers of the tests and the demo). Anywhere else the device token, sales and transcripts would travel in clear, so the address must be https://.</extracomment>
        <translation>Дүкен атауы</translation>
    </message>
    <message>
        <source>Printed at the top of every receipt.</source>
        <translation>Әр чектің басында басылады.</translation>
    </message>
    <message>
        <source>BIN</source>
        <translation>БСН</translation>
    </message>
    <message>
        <source>The store&apos;s 12-digit business identification number, printed on receipts and sent with fiscal data.</source>
        <translation>Дүкеннің 12 таңбалы бизнес-сәйкестендіру нөмірі; чектерде басылып, фискалдық деректермен бірге жіберіледі.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Мекенжай</translation>
    </message>
    <message>
        <source>Printed under the store name on receipts.</source>
        <translation>Чектерде дүкен атауының астында басылады.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Уақыт белдеуі</translation>
    </message>
    <message>
        <source>Times on screens and receipts are shown in this zone.</source>
        <translation>Экрандар мен чектердегі уақыт осы белдеу бойынша көрсетіледі.</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>Чектің соңғы мәтіні</translation>
    </message>
    <message>
        <source>Printed at the bottom of every receipt: the place for the notice that conversations at the counter may be recorded for quality control.</source>
        <translation>Әр чектің соңында басылады: кассадағы әңгімелер сапаны бақылау үшін жазылуы мүмкін деген ескертуге арналған орын.</translation>
    </message>
    <message>
        <source>Receipt language</source>
        <translation>Чек тілі</translation>
    </message>
    <message>
        <source>The language receipts and reports are printed in.</source>
        <translation>Чектер мен есептер басылатын тіл.</translation>
    </message>
    <message>
        <source>Cashier&apos;s discount limit</source>
        <translation>Кассир жеңілдігінің шегі</translation>
    </message>
    <message>
        <source>The largest discount a cashier gives without a supervisor&apos;s PIN.</source>
        <translation>Кассир аға кассирдің PIN-інсіз бере алатын ең үлкен жеңілдік.</translation>
    </message>
    <message>
        <source>Lock the till after</source>
        <translation>Кассаны бұғаттау уақыты</translation>
    </message>
    <message>
        <source>Without a touch or a key for this long, the till locks and asks for a PIN.</source>
        <translation>Осы уақыт бойы экранға не пернеге ешкім тимесе, касса бұғатталып, PIN сұрайды.</translation>
    </message>
    <message>
        <source>Wrong PINs before a lock</source>
        <translation>Бұғатталғанға дейінгі қате PIN саны</translation>
    </message>
    <message>
        <source>After this many wrong PINs in a row the employee is locked out for a while.</source>
        <translation>Қатарынан осынша қате PIN енгізілсе, қызметкердің кіруі біраз уақытқа бұғатталады.</translation>
    </message>
    <message>
        <source>Lock after wrong PINs</source>
        <translation>Қате PIN-нен кейінгі бұғаттау</translation>
    </message>
    <message>
        <source>How long an employee stays locked out after too many wrong PINs.</source>
        <translation>Қате PIN тым көп болғанда қызметкердің кіруі қанша уақытқа бұғатталады.</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Касса идентификаторы</translation>
    </message>
    <message>
        <source>This till&apos;s own identifier towards the server; set once at first start.</source>
        <translation>Осы кассаның сервер үшін өз идентификаторы; алғаш іске қосқанда бір рет беріледі.</translation>
    </message>
    <message>
        <source>Till name</source>
        <translation>Касса атауы</translation>
    </message>
    <message>
        <source>Tells the tills of one store apart on receipts and reports.</source>
        <translation>Бір дүкеннің кассаларын чектер мен есептерде ажыратады.</translation>
    </message>
    <message>
        <source>Record counter conversations</source>
        <translation>Кассадағы әңгімелерді жазу</translation>
    </message>
    <message>
        <source>Records the conversation at the counter during each sale, for cashiers who have given their consent.</source>
        <translation>Келісім берген кассирлердің әр сату кезіндегі кассадағы әңгімесін жазады.</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Микрофон</translation>
    </message>
    <message>
        <source>The microphone that records; empty means the system&apos;s default.</source>
        <translation>Жазатын микрофон; бос болса — жүйенің әдепкі микрофоны.</translation>
    </message>
    <message>
        <source>Keep before the sale starts</source>
        <translation>Сату басталғанға дейін сақтау</translation>
    </message>
    <message>
        <source>Seconds kept from before the first scan, so the greeting is in the recording.</source>
        <translation>Сәлемдесу жазбаға түсуі үшін алғашқы сканерлеуге дейінгі қанша секунд сақталады.</translation>
    </message>
    <message>
        <source>Keep after payment</source>
        <translation>Төлемнен кейін сақтау</translation>
    </message>
    <message>
        <source>Seconds recorded after payment, for the goodbye.</source>
        <translation>Қоштасу түсуі үшін төлемнен кейін қанша секунд жазылады.</translation>
    </message>
    <message>
        <source>Split recordings longer than</source>
        <translation>Жазбаларды бөлу, егер ұзақтығы асса</translation>
    </message>
    <message>
        <source>A longer conversation is saved as several recordings.</source>
        <translation>Одан ұзақ әңгіме бірнеше жазба болып сақталады.</translation>
    </message>
    <message>
        <source>Quality scorecard</source>
        <translation>Сапа тексеру парағы</translation>
    </message>
    <message>
        <source>The checklist conversations are scored against.</source>
        <translation>Әңгімелер бағаланатын тексеру парағы.</translation>
    </message>
    <message>
        <source>Custom scorecard</source>
        <translation>Өз тексеру парағы</translation>
    </message>
    <message>
        <source>The store&apos;s own checklist, edited by an admin or sent by the head office.</source>
        <translation>Дүкеннің өз тексеру парағы: оны әкімші құрастырады немесе бас кеңсе жібереді.</translation>
    </message>
    <message>
        <source>Demo conversations added</source>
        <translation>Демо әңгімелер қосылды</translation>
    </message>
    <message>
        <source>The demo&apos;s sample conversations are already on this till.</source>
        <translation>Көрсетілімге арналған үлгі әңгімелер бұл кассада бар.</translation>
    </message>
    <message>
        <source>Send sales and recordings when online</source>
        <translation>Байланыс болғанда сатылымдар мен жазбаларды жіберу</translation>
    </message>
    <message>
        <source>Off: everything stays on this till.</source>
        <translation>Өшірулі: бәрі осы кассада қалады.</translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation>Синхрондау тоқтатылды</translation>
    </message>
    <message>
        <source>Sending waits until it is resumed from the tray.</source>
        <translation>Жіберу науадағы белгішеден қайта қосылғанша күтеді.</translation>
    </message>
    <message>
        <source>Analytics server</source>
        <translation>Аналитика сервері</translation>
    </message>
    <message>
        <source>The address of the store&apos;s analytics server; sales, transcripts and scores go there, never audio.</source>
        <translation>Дүкеннің аналитика серверінің мекенжайы; оған сатулар, транскрипциялар мен бағалар жіберіледі, аудио ешқашан жіберілмейді.</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>Негізгі</translation>
    </message>
    <message>
        <source>The speech recognition service tried first.</source>
        <translation>Алдымен қолданылатын сөйлеуді тану қызметі.</translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation>Қосалқы</translation>
    </message>
    <message>
        <source>Takes over when the first choice is refused or unreachable before it received the audio.</source>
        <translation>Негізгі қызмет аудионы алмай тұрып бас тартса не қолжетімсіз болса, осы қызмет іске қосылады.</translation>
    </message>
    <message>
        <source>Language of conversations</source>
        <translation>Әңгімелер тілі</translation>
    </message>
    <message>
        <source>Telling the service the language makes transcripts better when every conversation is in it.</source>
        <translation>Барлық әңгіме бір тілде болса, оны көрсету транскрипцияны жақсартады.</translation>
    </message>
    <message>
        <source>Send audio to recognition services outside Kazakhstan</source>
        <translation>Аудионы Қазақстаннан тыс тану қызметтеріне жіберу</translation>
    </message>
    <message>
        <source>Voice recordings are personal data under Kazakhstan&apos;s law No. 94-V. Sending them abroad (ElevenLabs; Yandex outside its Kazakhstan region) is a cross-border transfer: turn this on only if the staff&apos;s written consent names the store and its BIN, the service that receives the audio, the transfer abroad, the purpose and the term. Off: only services in Kazakhstan get audio.</source>
        <translation>Дауыс жазбалары Қазақстанның № 94-V заңы бойынша дербес деректер. Оларды шетелге жіберу (ElevenLabs; Yandex қазақстандық өңірден тыс) — трансшекаралық беру: қызметкерлердің жазбаша келісімінде дүкен мен оның БСН-і, аудионы алатын қызмет, шетелге беру, мақсаты мен мерзімі аталса ғана қосыңыз. Өшірулі: аудионы тек Қазақстандағы қызметтер алады.</translation>
    </message>
    <message>
        <source>Services acknowledged although the policy does not name them</source>
        <translation>Саясатта аталмаса да, расталған қызметтер</translation>
    </message>
    <message>
        <source>Speech recognition services the privacy policy in force does not name, which an admin has knowingly accepted as recipients of audio (comma-separated; audited).</source>
        <translation>Қолданыстағы құпиялылық саясатында аталмаған, әкімші аудио алушы ретінде саналы түрде қабылдаған сөйлеуді тану қызметтері (үтір арқылы; аудитке жазылады).</translation>
    </message>
    <message>
        <source>Also transcribe recordings without speech</source>
        <translation>Сөйлеусіз жазбаларды да транскрипциялау</translation>
    </message>
    <message>
        <source>Off: recordings in which nobody spoke are not sent, which saves money.</source>
        <translation>Өшірулі: ешкім сөйлемеген жазбалар жіберілмейді, бұл ақша үнемдейді.</translation>
    </message>
    <message>
        <source>ElevenLabs address</source>
        <translation>ElevenLabs мекенжайы</translation>
    </message>
    <message>
        <source>Change only for a test server.</source>
        <translation>Тек сынақ сервері үшін өзгертіңіз.</translation>
    </message>
    <message>
        <source>ElevenLabs model</source>
        <translation>ElevenLabs моделі</translation>
    </message>
    <message>
        <source>The speech-to-text model ElevenLabs is asked for.</source>
        <translation>ElevenLabs-тен сұралатын сөйлеуді тану моделі.</translation>
    </message>
    <message>
        <source>ElevenLabs: zero retention (enterprise plans)</source>
        <translation>ElevenLabs: деректерді сақтамау (корпоративтік тарифтер)</translation>
    </message>
    <message>
        <source>ElevenLabs keeps neither the audio nor the transcript; other plans refuse such requests.</source>
        <translation>ElevenLabs аудионы да, транскрипцияны да сақтамайды; басқа тарифтерде мұндай сұраулар қабылданбайды.</translation>
    </message>
    <message>
        <source>ElevenLabs: send product names as key terms</source>
        <translation>ElevenLabs: тауар атауларын кілт сөздер ретінде жіберу</translation>
    </message>
    <message>
        <source>Product names are recognised better; ElevenLabs charges extra for it.</source>
        <translation>Тауар атаулары жақсырақ танылады; ElevenLabs бұл үшін қосымша ақы алады.</translation>
    </message>
    <message>
        <source>Yandex SpeechKit address</source>
        <translation>Yandex SpeechKit мекенжайы</translation>
    </message>
    <message>
        <source>Yandex operations address</source>
        <translation>Yandex операцияларының мекенжайы</translation>
    </message>
    <message>
        <source>Where finished Yandex transcripts are fetched from.</source>
        <translation>Дайын Yandex транскрипциялары алынатын мекенжай.</translation>
    </message>
    <message>
        <source>Yandex Cloud folder</source>
        <translation>Yandex Cloud каталогы</translation>
    </message>
    <message>
        <source>The Yandex Cloud folder the API key belongs to.</source>
        <translation>API кілті тиесілі Yandex Cloud каталогы.</translation>
    </message>
    <message>
        <source>Yandex SpeechKit runs in the Kazakhstan region</source>
        <translation>Yandex SpeechKit Қазақстан өңірінде жұмыс істейді</translation>
    </message>
    <message>
        <source>On: audio sent to Yandex stays in Kazakhstan.</source>
        <translation>Қосулы: Yandex-ке жіберілген аудио Қазақстанда қалады.</translation>
    </message>
    <message>
        <source>Demo: fake servers, not real recognition</source>
        <translation>Демо: нағыз тану емес, жалған серверлер</translation>
    </message>
    <message>
        <source>The till talks to made-up servers on this computer; transcripts are not real.</source>
        <translation>Касса осы компьютердегі жалған серверлермен жұмыс істейді; транскрипциялар шынайы емес.</translation>
    </message>
    <message>
        <source>Keep audio after its transcript (days)</source>
        <translation>Транскрипттен кейін аудионы сақтау (күн)</translation>
    </message>
    <message>
        <source>A conversation&apos;s audio is destroyed this many days after its transcription succeeded; the transcript and the score stay.</source>
        <translation>Сөйлесудің аудиосы сәтті транскрипциядан кейін осынша күннен соң жойылады; транскрипт пен баға сақталады.</translation>
    </message>
    <message>
        <source>Keep audio without a transcript (days)</source>
        <translation>Транскриптсіз аудионы сақтау (күн)</translation>
    </message>
    <message>
        <source>Audio whose transcription never succeeded is destroyed only when it is this old; never less than the days audio is kept after a transcript.</source>
        <translation>Транскрипциясы сәтсіз болған аудио тек осы жасқа жеткенде жойылады; бұл мерзім транскрипттен кейінгі сақтау мерзімінен кем болмайды.</translation>
    </message>
    <message>
        <source>Keep transcripts and scores (days)</source>
        <translation>Транскрипттер мен бағаларды сақтау (күн)</translation>
    </message>
    <message>
        <source>Transcripts, scores and review notes of a conversation are deleted when the conversation is this old.</source>
        <translation>Сөйлесу осы жасқа жеткенде оның транскрипті, бағасы және тексеру жазбалары жойылады.</translation>
    </message>
    <message>
        <source>Keep the audit trail (years)</source>
        <translation>Аудит журналын сақтау (жыл)</translation>
    </message>
    <message>
        <source>Audit entries older than this are removed; the chain stays verifiable.</source>
        <translation>Осыдан ескі аудит жазбалары жойылады; тізбекті бұрынғыдай тексеруге болады.</translation>
    </message>
    <message>
        <source>Keep sales, refunds and shifts (years)</source>
        <translation>Сатуларды, қайтаруларды және ауысымдарды сақтау (жыл)</translation>
    </message>
    <message>
        <source>Shifts closed longer ago than this are removed with their sales and refunds; the tax code asks for five years.</source>
        <translation>Осыдан бұрын жабылған ауысымдар сатулары мен қайтаруларымен бірге жойылады; Салық кодексі бес жыл талап етеді.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Көшірмелер қалтасы</translation>
    </message>
    <message>
        <source>Encrypted backups are written here daily and at each shift&apos;s close; best on another disk or a USB drive. Empty: no scheduled backups.</source>
        <translation>Шифрланған көшірмелер осында күн сайын және әр ауысым жабылғанда жазылады; басқа дискіде немесе USB-жинақтағышта болғаны жақсы. Бос болса, кесте бойынша көшірме жасалмайды.</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Сақталатын көшірмелер саны</translation>
    </message>
    <message>
        <source>The newest backups kept; older ones are deleted. A destroyed recording can live on in older backups until they are rotated out.</source>
        <translation>Ең жаңа көшірмелер сақталады, ескілері жойылады. Жойылған жазба ескі көшірмелерде олар жойылғанша қала береді.</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Чек принтері</translation>
    </message>
    <message>
        <source>Where the ESC/POS receipt printer is: 192.168.1.50:9100 (network), usb:04b8:0202 (USB vendor:product), serial:/dev/ttyUSB0:9600 or serial:COM3:9600, file:/dev/usb/lp0. Empty: no printer, receipts are shown on screen only.</source>
        <translation>ESC/POS чек принтері қайда: 192.168.1.50:9100 (желі), usb:04b8:0202 (USB өндіруші:үлгі), serial:/dev/ttyUSB0:9600 немесе serial:COM3:9600, file:/dev/usb/lp0. Бос болса: принтер жоқ, чектер тек экранда көрсетіледі.</translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation>Қағаз ені</translation>
    </message>
    <message>
        <source>58 mm paper holds 32 characters a line, 80 mm paper holds 48.</source>
        <translation>58 мм қағаздың бір жолына 32 таңба сыяды, 80 мм қағазға — 48.</translation>
    </message>
    <message>
        <source>Code page</source>
        <translation>Код беті</translation>
    </message>
    <message>
        <source>The printer&apos;s code page for Cyrillic. CP866 has no Kazakh letters: lines with them are printed as an image. KZ-1048 prints Kazakh as text on printers that have it.</source>
        <translation>Принтердің кириллицаға арналған код беті. CP866-да қазақ әріптері жоқ: оларды қамтитын жолдар сурет ретінде басылады. KZ-1048 бар принтерлерде қазақ мәтіні мәтін күйінде басылады.</translation>
    </message>
    <message>
        <source>Code page number</source>
        <translation>Код бетінің нөмірі</translation>
    </message>
    <message>
        <source>The number the printer&apos;s manual gives the code page (ESC t n). -1: the usual one (CP866 17, Windows-1251 46; KZ-1048 keeps the printer&apos;s own default).</source>
        <translation>Принтер нұсқаулығындағы код бетінің нөмірі (ESC t n). -1: әдеттегісі (CP866 — 17, Windows-1251 — 46; KZ-1048 үшін принтердің өз әдепкі беті қалады).</translation>
    </message>
    <message>
        <source>Open the cash drawer on cash payments</source>
        <translation>Қолма-қол төлегенде ақша жәшігін ашу</translation>
    </message>
    <message>
        <source>The drawer wired to the receipt printer opens when a cash receipt is printed.</source>
        <translation>Чек принтеріне жалғанған жәшік қолма-қол төлем чегі басылғанда ашылады.</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Сатып алушы экраны</translation>
    </message>
    <message>
        <source>A second window for the customer: the cart, the total, the change and the notice that conversations may be recorded; on the second screen when there is one.</source>
        <translation>Сатып алушыға арналған екінші терезе: себет, жиынтық, қайтарым және әңгімелер жазылуы мүмкін екені туралы хабарлама; екінші экран болса, сонда ашылады.</translation>
    </message>
    <message>
        <source>Newest version</source>
        <extracomment>The newest version the 4Sell service announces (through the settings pull). The till only shows a notice when it is newer than the running one: an update is installed by a person, never by the till (a half-installed till at opening time is worse than an old one).</extracomment>
        <translation>Ең жаңа нұсқа</translation>
    </message>
    <message>
        <source>Announced by the 4Sell service; a notice shows when it is newer than this till&apos;s.</source>
        <translation>4Sell қызметі хабарлайды; ол осы кассаның нұсқасынан жаңа болса, хабарлама шығады.</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Киоск режимі</translation>
    </message>
    <message>
        <source>The till fills the screen without a window frame; closing it or quitting from the tray asks for an admin&apos;s PIN. Takes effect at the next start.</source>
        <translation>Касса терезе жиегінсіз бүкіл экранды алады; оны жабу немесе трейден шығу үшін әкімшінің PIN-коды керек. Келесі іске қосудан бастап күшіне енеді.</translation>
    </message>
    <message>
        <source>Online cash register</source>
        <extracomment>The online cash register service: &quot;off&quot;, &quot;kassa24&quot; (Kassa24 Business) or &quot;webkassa&quot; (its client waits for a contract; choosing it registers nothing yet). The API token is in the OS secret store (&quot;fiscal-token&quot;), never here.</extracomment>
        <translation>Онлайн-касса</translation>
    </message>
    <message>
        <source>The service that registers every sale and refund with the fiscal data operator.</source>
        <translation>Әр сатуды және қайтаруды фискалдық деректер операторында тіркейтін сервис.</translation>
    </message>
    <message>
        <source>Cash register</source>
        <extracomment>The cash register&apos;s id at the service (Kassa24: the id from its list of cash registers).</extracomment>
        <translation>Касса</translation>
    </message>
    <message>
        <source>The cash register this till registers its receipts on.</source>
        <translation>Осы жұмыс орнының чектері тіркелетін сервистегі касса.</translation>
    </message>
    <message>
        <source>Cash register service address</source>
        <extracomment>Where the Kassa24 Business API answers (a test server or the FAKE in the demo).</extracomment>
        <translation>Онлайн-касса сервисінің мекенжайы</translation>
    </message>
    <message>
        <source>The address of the online cash register&apos;s API.</source>
        <translation>Онлайн-кассаның API мекенжайы.</translation>
    </message>
</context>
</TS>
