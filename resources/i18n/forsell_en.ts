<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminDialog</name>
    <message>
        <source>Settings &amp; staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Answer to the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the answer as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the answer as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail cannot be read now. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain intact: entries checked with the audit key: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq} ({when}): the database was changed outside the till. Keep a copy of it and tell the store owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain cannot be checked: the secret store has no audit key for this till. Restore its entry from the backup of the secret store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain cannot be checked now (secret store).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page}, newest first; entries on it: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit trail as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries exported: {count}, to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the audit trail as PDF</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDocument</name>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain could not be checked: the secret store has no audit key for this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain could not be checked: the secret store did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain intact: entries checked with the audit key: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq} ({when}): the database was changed outside the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first {shown} are shown; export CSV for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approval refused (wrong PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price changed in a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt copy printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked sales voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product or price changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording played</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PINs reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail exported as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old data removed (retention)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention periods changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-subject request registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-subject data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data subject blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawer opened without a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer settings changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupAdminPage</name>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create backup now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring replaces the till&apos;s data with the backup&apos;s: the till closes and finishes it at its next start. The recovery passphrase is never stored: write it down and keep it away from the till; a new computer opens the backups with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest backup: {name} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery passphrase set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup {name} is good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup was made on another computer: its passphrase opens it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal {sub} · discount {off}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Scan an item to start a sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <source>Cash in / cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. change from the bank, cash to the safe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer should hold {amount} now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogDialog</name>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (ru)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (kk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, SKU or barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a product in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {sku}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {added} new, {updated} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} products to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift: count the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type how many of each note and coin are in the drawer. Tab moves on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parked sales waiting: {count}. They are unpaid and not in this shift&apos;s report. Recall them on the till (Esc, then F4) to finish them, void them here, or leave them for the next shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after the count is confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} — exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the shift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shift is still open: a supervisor did not approve the difference. Count again or ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentTexts</name>
    <message>
        <source>Sending the audio to a speech service abroad (ElevenLabs, USA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording of conversations at the counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given on {when} (consent text version {version}), recorded by {admin}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn by you on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn on {when} by {admin} on your behalf: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Not scored: no speech was heard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored: the audio is too poor to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored: the customer is not heard, so nobody is judged on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers uncertain — listen and confirm or swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored yet: the transcript is not here yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← List (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous conversation (Page Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next conversation (Page Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flip speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles are right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You listened: the cashier and the customer are right as shown. Scores again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag for coaching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter: mark reviewed and open the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receipt {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upsell +{money}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A forbidden phrase was heard from the voice most like the cashier&apos;s, at {time}: «{text}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript yet: it comes after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the audio alone: talk {talk} s of {total} s, silence {silence}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loudness {db} dBFS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording cannot be played.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring again failed; the details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked reviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as not reviewed yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>By cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard cannot be computed. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items per ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk / silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{talk} s / {silence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average score, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell revenue, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales by hour, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the dashboard as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales total, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average ticket, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation quality {start} – {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Discount on {item} ({base}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount on {base}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount ₸</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>Something went wrong ({kind}). What you were doing may not have been finished: check it before going on. The till keeps working; the details are in the log folder {folder}. If it happens again, call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report without personal data was saved for support: {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open logs folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiltersPanel</name>
    <message>
        <source>Search what was said…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cashiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any checklist result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest score first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest score first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current shift · since {time} · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z {number} · {time} · {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift of {time} · {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiscalAdmin</name>
    <message>
        <source>Connected: receipts are registered at once.</source>
        <extracomment>The lane&apos;s state (``sync/fiscal_sync.py``) in words.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service does not answer: receipts wait and are registered later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused the token: enter a valid one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A refused operation holds up the line: retry it or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: no cash register chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This service&apos;s client waits for a contract: receipts wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration is not running in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <extracomment>What each kind of fiscal operation is called.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift closed (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service refused this token. Check it in your Kassa24 account and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register service cannot be reached: check the internet connection. Receipts wait and are registered later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiscalAdminPage</name>
    <message>
        <source>Every sale and refund is registered with the tax office through an online cash register (Kassa24). Selling never waits for it: a receipt that cannot be registered yet is registered later, within 72 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token from your Kassa24 account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an operation registered by hand at the service, or not to be registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register&apos;s state cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token is stored; type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered: {registered}. Waiting: {waiting}. Refused: {refused}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest has waited {age}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be saved: the system&apos;s secret store is not available. Unlock it (or install one) and save the token again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token saved in the system&apos;s secret store. Fetch the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not allowed for this token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the cash register and press &quot;Use this one&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token may use no cash register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the list and choose a cash register first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts are now registered on cash register {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent again: {n} refused. This is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the refused operation first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside: the line moves on. This is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This operation is no longer refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register service cannot be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiscalBand</name>
    <message>
        <source>Receipts have not reached the tax office for {hours} h. Connect the till to the internet: after 72 h selling stops until they are registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts have not reached the tax office for {hours} h: selling is stopped until they are registered. Connect the till to the internet and call the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {left} h left before selling stops: receipts have not reached the tax office for {hours} h. Connect the till to the internet now or call the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemCard</name>
    <message>
        <source>Hear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by {who}: {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disputed by {who} ({state}): {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve dispute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDecisionDialog</name>
    <message>
        <source>Change the outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve the dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As scored (remove the change)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept: the cashier is right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject: the score stands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cashier wrote: {comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose: accept the dispute or let the score stand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a short comment: it is what the other side reads.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden (penalty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatal (score 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the first…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the last…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes when the upsell detector finds an offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title (ru / kk / en)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who, when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrases, {language} (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable if anyone says (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A * ends a stem: бонусн* matches бонусная, бонусной.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message>
        <source>Receipt journal</source>
        <extracomment>The counter&apos;s ESC/POS printer when one is set up (faults show on the till&apos;s bar).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Older receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number, amount, time (14:05) or cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiscal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a copy (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund… (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You see the receipts of the open shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal cannot be read now. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open: open a shift or choose another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipts match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund of receipt No. {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale (voided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void: refund No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void: refund waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void: refund refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void: refund set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash + card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund sale No. {no}… (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a refund receipt. The refund is made from the sale it returned: receipt No. {no}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A voided sale has nothing left to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of receipt No. {no} was sent to the receipt printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of receipt No. {no} was printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaveKioskDialog</name>
    <message>
        <source>Close the till</source>
        <extracomment>The purpose written in the audit trail when an admin&apos;s PIN opens the way out.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till runs in kiosk mode: an admin&apos;s PIN closes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the till (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list cannot be loaded. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conversations match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers uncertain — listen and confirm or swap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Who is at the till?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The start-up check of the database could not run: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <extracomment>Button name → (module, dialog class) of the supervisor/back-office dialogs, imported when first used so that the till starts fast and does not depend on them at import time. the admin saved new sync settings: ui/app.py restarts the engine with them The sync service (ui/app.py starts it) and its status bridge; None: no sync here. the app&apos;s running FiscalService (ui/app.py), so the admin&apos;s &quot;Retry now&quot; wakes its lane Kiosk mode (ui/kiosk.py): full screen, and only an admin&apos;s PIN closes the till. The counter-conversation recorder (ui/app.py makes it; None: this till records nothing).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data-subject requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version} is available — ask your administrator to install it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift open since {time} ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This function is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the X report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X report cannot be prepared. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyConsentDialog</name>
    <message>
        <source>My consent to recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is on file for you, {name}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw my consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your consent is withdrawn. Nothing more is recorded of you; {held} of your recordings are held: they are not sent, transcribed or scored, and the administrator may destroy them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPinDialog</name>
    <message>
        <source>Choose your PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, you signed in with a one-time PIN. Choose your own PIN (4 to 8 digits) and keep it to yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PIN (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <source>New data-subject request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name as signed in the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer by receipt number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer by time at this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A customer by words in conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words the customer said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is due 30 days after the request arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who made the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no employee to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the words to look for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time window ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the cash you put in the drawer and type the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening float, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shift (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {count} in “{group}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose {min} to {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to {max}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose: {groups}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount above the cashier&apos;s limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the shift with a cash difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void a completed sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit the till (recording and sync stop until it starts again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor must approve: &lt;b&gt;{action}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cashier may give up to {limit} without approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stops for this shift until a supervisor resumes it. Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason, e.g. a customer asked not to be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by {name} at {time}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To pay {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash tendered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, from the terminal slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm payment (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the sale (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash
F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card
F6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminal approved
Confirm (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {amount}: confirm when the terminal approves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash due {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still due {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale was NOT recorded: do not hand over the goods yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale was NOT recorded because of an unexpected error (it is written in the log). Do not hand over the goods yet: try again, and call support if it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinConfirmDialog</name>
    <message>
        <source>Admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your PIN to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <source>−{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back 5 seconds (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward 5 seconds (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed: 1×, 1.5×, 2× (keys 1, 2, 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound output: the transcript follows in silence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyAcceptanceDialog</name>
    <message>
        <source>Privacy policy, version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version} of the privacy policy, published {date}, is in force. As the store&apos;s administrator, read it and accept it. “Later” asks again at your next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New price of {name}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterAdminPage</name>
    <message>
        <source>Receipts print on an ESC/POS printer after each payment. When it fails the sale is complete anyway and the till offers to print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm (32 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>80 mm (48 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CP866 (Russian; Kazakh as an image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows-1251 (Russian; Kazakh as an image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KZ-1048 (Russian and Kazakh as text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save printer settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printer: {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper: {mm} mm, {chars} characters a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code page: {code_page}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test page printed: check both alphabets, the codes and the cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterBar</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt No. {no} did not print: {why}. The sale is complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyDialog</name>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, BIN {bin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions about your personal data, or a request to see, correct, block or destroy it: write or call the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version}, published {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version}, published {date}, in force here since {since}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted yet: an administrator is asked at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {name}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyRequests</name>
    <message>
        <source>Information about processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy of the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the employee&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The correction is kept in the audit trail without the old or the new value. Correct the staff list on the backend as well, or its next update brings the old value back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the subject&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data is written, readable by you only, into the new folder {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the recordings as audio files (decrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block the subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their recordings will not be uploaded, transcribed or scored, and only an admin can play them back. An employee&apos;s later recordings are blocked too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy the subject&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject&apos;s data is destroyed at this till and on the backend; recordings become unreadable everywhere. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written ({error}). Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was done. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrivacyRequestsDialog</name>
    <message>
        <source>Data-subject requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests of staff and customers about their personal data. The answer is due 30 days after a request arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroyed: {count} recordings shredded. The certificate: forsell-cashier privacy certificate {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request registered; the answer is due {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data about this person is held at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} — records: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where to put the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} files written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected. The correction is audited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: {count} recordings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>Edit product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (Kazakh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price, ₸</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold by weight (kg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Favourite (on the quick grid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line or comma-separated, e.g. латтешка, кофе с молоком</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonyms (for upsell detection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Молоко [1]: обычное*, овсяное +200; Сироп [0-1]: ваниль +250</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductGrid</name>
    <message>
        <source>★ Favourites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /kg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderRecipientsPanel</name>
    <message>
        <source>Withdraw acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: named by the privacy policy, but it has no public API yet, so it cannot be chosen and receives no audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: named by the privacy policy as a recipient of audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is NOT named by the privacy policy in force. An admin acknowledged it as a recipient of audio (in the audit log), so it may be chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {name} is NOT named by the privacy policy in force. It receives no audio and cannot be chosen until an admin acknowledges it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the acknowledgement of {name}? It will receive no more audio, and it must not stay chosen as first choice or fallback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not named by the privacy policy in force. Acknowledge it as a recipient of the staff&apos;s voice recordings only if their written consent names it, and the transfer abroad where it applies. This is recorded in the audit log with your name and the time. Acknowledge?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient of audio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <extracomment>Language code → its own name (shown untranslated, so everyone finds their language).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight of {name}, kg:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many: {name}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which sale comes back?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time}  {label}  ·  {items} lines  ·  {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt No. {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIN {bin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till: {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations at this counter may be recorded to check the quality of service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incl. VAT {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth code {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUND No. {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund of receipt No. {no} of {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REFUND TOTAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FISCAL RECEIPT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiscal sign {sign}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt at the fiscal operator No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash register RNM {rnm}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the QR code to check the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet registered with the tax office: it will be registered automatically (autonomous No. {number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register refused this receipt: the administrator will resolve it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiscal registration handled by the administrator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Refund receipt No. {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt No. {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sale (Enter / F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPanel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sale is linked to this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt No. {number} · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bought, +{revenue}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No offers were heard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingAdminPage</name>
    <message>
        <source>Record counter conversations at this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to recording (keep the signed paper):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record consent to audio abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy held recordings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt footer now tells customers about recording: {footer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt footer: {footer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent text version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an employee in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the microphone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone cannot be opened: it is unplugged, used by another program or not allowed. Plug it in or choose another microphone, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone opened but sends no sound. Reconnect it or choose another microphone, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone test failed. Choose another microphone or restart the till; the details are in the tooltip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening for 3 seconds: say something…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playing the 3 seconds back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech heard ({seconds} s of voice). The microphone works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only silence: the microphone is muted or not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sound but no speech heard: speak during the test, closer to the microphone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Playback failed: no speakers?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingBar</name>
    <message>
        <source>■ Stop recording (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Record (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording is off: this computer has no safe place for the recording keys. Selling works as usual. Fix: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone not working — check the cable; retrying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone gives only silence — check that it is plugged in and not muted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound arrives from the microphone — check the cable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <source>Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording (finishing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording starts with the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by supervisor: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording off: no secure key store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund or void</source>
        <extracomment>The counter&apos;s ESC/POS printer when one is set up: the refund receipt comes out of it at once, as a sale&apos;s does after payment.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the code on the receipt or type its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt number or scanned code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (e.g. damaged, wrong item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the receipt first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was refunded: a supervisor did not approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded {amount} in cash. Approved by {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunded {amount} to the card. Approved by {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void sale No. {number} of {total}? The whole sale is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale was not voided: a supervisor did not approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sale No. {number} is voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Receipt No. {number}&lt;/b&gt; · {when} · {cashier}&lt;br&gt;Total {total} ({paid}) · refunded so far {refunded}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sale is voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pcs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To refund: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationWizard</name>
    <message>
        <source>Enter the BIN or IIN: 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A BIN/IIN has digits only (spaces are allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A BIN/IIN has exactly 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This BIN/IIN does not exist: its check digit is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check it for a typo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No BIN/IIN starts with these 11 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the contact phone: +7 and 10 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the phone as +7 and 10 digits,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. +7 701 234 56 78 or 8 (701) 234-56-78.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the contact e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an e-mail address, e.g. owner@cafe.kz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one scan of the registration documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is {size} MB; a scan may be at most {limit} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan at a lower resolution or split it into several files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only PDF, JPEG or PNG scans can be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not what its name says, or it is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the scan again as PDF, JPEG or PNG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be read. Is it still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {limit} scans can be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till talks only to the demo&apos;s servers on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration is needed: no recording leaves this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until the registration is accepted, selling works as usual,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>but no recording is sent for speech recognition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted: it is sent to the operator when the till is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator received it and is checking it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings wait until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: the store is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings are sent for speech recognition as set up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the operator: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the form and submit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company or entrepreneur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIN / IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the state registration: a company&apos;s BIN, or an entrepreneur&apos;s IIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person (full name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operator writes or calls this person about the registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of state registration and the like:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF, JPEG or PNG, up to {limit} MB each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit sends the form and the scans to the operator when the till is online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the registration wizard…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write {path}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Difference (short)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference (over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash out registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered yet: waiting {n}, refused {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs from the cash register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the cash register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiscal registration (cash register / till)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report — shift still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Z report No. {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refunds total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Net revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Cash sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− Cash refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Cash in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− Cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of it handed back by refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT {rate}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery passphrase or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till&apos;s data is replaced by the backup&apos;s: sales, shifts and recordings made after the backup was taken are lost. Recordings destroyed since then stay destroyed. The till closes when the backup is ready and finishes the restore when it is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an admin&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup of {when} is verified and ready. The till closes now; start it again to finish the restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analytics backend could not be reached: recordings destroyed on another computer may come back. Restore again when online before the till is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s secret store does not hold this backup&apos;s key: type the recovery passphrase or the printed recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be read or the data folder could not be written ({error}). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>The till removes old data by itself at start-up and every day. Audio is destroyed so that no copy can be played again.</source>
        <extracomment>(policy field, setting, True for years) in the order the page shows them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention periods saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purge has removed anything yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings were skipped: the key file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail was skipped: the audit key is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last purge {when}: audio {audio}, transcripts {transcripts}, sales {sales}, audit entries {audit}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewItems</name>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: the words «{phrase}».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: a choice asked about the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: a question about the order («{phrase}»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: an open question about what the customer wants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: a question about how much or how many.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: «{phrase}» asked as a question about the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: a question about what the customer ordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: «{phrase}» offered before the customer asked for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: a bigger size or pack offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a greeting by the cashier at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a question about what the customer wants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an offer of something the customer had not asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a question about the loyalty card or app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>thanks or a goodbye by the cashier at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listened for {what}, such as {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listened for {what}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listened for {examples}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not heard in the conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said by the customer, not the cashier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Said, but not at the right moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No offer was heard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not apply to this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorecardEditor</name>
    <message>
        <source>Café preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our own card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can change the scorecard; you see it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upsell offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced: JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the backend, version {version}: a change made here is replaced at the next pull.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems to fix before saving: {n}. Your draft is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the draft?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preset replaces the changes you have not saved. Go on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. New conversations are scored with this card; scores already given stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorecardProblems</name>
    <message>
        <source>phrase {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who says it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applicable if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phrases ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offer cues ({language})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>synonyms “{key}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upsell offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {n} “{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScorecardTable</name>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(new item)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Scan a barcode or type a name, SKU…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find an employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN (4–8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set new PIN for selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate / activate selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The disk that holds {path} is full. Free some space on it (the database itself is fine) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is in use by another program. Close the other program (or another copy of 4Sell Cashier) and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged. Restore the latest copy from the folder {backups} (close the app, replace the file, start again) or call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is empty or missing, although this till has been used. Nothing was created in its place. Restore the latest copy from the folder {backups} (close the app, copy it to {path}, start again) or call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be written. Check the folder&apos;s permissions and that the disk is not full or write-protected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of 4Sell Cashier. Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} cannot be opened ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest copy that passes its check is {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4Sell Cashier cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreSettingsDialog</name>
    <message>
        <source>Store settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncAdminPage</name>
    <message>
        <source>Save sync settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO MODE: this till talks to FAKE servers on this computer. Transcripts are made up by them, they are not real speech recognition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect (Russian or Kazakh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (kept in the system&apos;s secret store, never shown again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics server token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yandex API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type a new one to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting and refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop selected for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store data from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products and prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: nothing received yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what}: updated {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied (the rest was): {resource} — {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s secret store is unavailable, so keys cannot be saved or used: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales and shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lane}: {pending} waiting ({failed} after an error), {sending} sending, {dead} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the items first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent again: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped: {n}. This is in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>less than a minute</source>
        <extracomment>Icon/dot colour per overall state.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>events {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recordings {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not set up, data stays on this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync paused, waiting: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync, waiting: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused {n}, see Settings → Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync, sending: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items refused by the server: {n}. An admin can retry or drop them in Settings → Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key was refused: an admin must check Settings → Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oldest {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: all sent, last at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: nothing to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales data has been waiting for {age}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings have been waiting for {age}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>DEMO: transcripts come from FAKE servers, not real speech recognition</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncTray</name>
    <message>
        <source>4Sell sync needs attention</source>
        <extracomment>The fiscal lane&apos;s overview (set by the app when fiscal registration runs).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sales and shifts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO: transcripts come from FAKE servers, not real speech recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit 4Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lane}: {n} waiting, oldest {age}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lane}: all sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sent {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} refused, waiting for an admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fiscal receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lane}: {n} waiting, {m} refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{lane}: all registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts wait for the tax office: selling stops at 72 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>72 h without the tax office: selling stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <source>Quantity</source>
        <extracomment>Actions the main window carries out (dialogs that belong to shifts, refunds, the catalog).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash in/out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings &amp; staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item has no options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a line in the cart first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is empty: scan an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sale?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all items and start a new sale?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep selling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sale is parked. Recall it with F4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is not empty. Park this sale first, then choose the one to recall?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Park and recall</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrialBar</name>
    <message>
        <source>Try on saved conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} conversations: {changed} would score differently; average {before} → {after}. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying the card failed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpsellForm</name>
    <message>
        <source>Offer cues, {language} (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cashier&apos;s sentence with an offer cue and a product or category in it counts as an upsell offer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More names for products and categories: one per line, sku:&lt;SKU&gt; or category:&lt;name&gt; = name | name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Waveform</name>
    <message>
        <source>Loading the recording…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason, e.g. the employee&apos;s written request of today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the consent of {name} on their behalf: recording and sending their audio abroad stop at once, and their recordings not yet processed are held (not sent, not transcribed, not scored). The reason is kept and audited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} recordings of {name} are held. Destroy them now? Their keys are destroyed and nobody can listen to them again; this cannot be undone. Or keep them held: they are never sent or scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destroy {count} recordings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>backoffice</name>
    <message>
        <source>Something went wrong and nothing was saved. Try again; if it keeps happening, restart the till.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>The backup folder does not exist. Plug in the drive or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder cannot be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup folder&apos;s disk is full. Nothing was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be written. Nothing was left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the recovery passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase must have at least 12 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong recovery passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is incomplete (cut off). Use another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was altered or damaged. Use another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database inside the backup is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was made by a newer version of the app. Update the app first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a 4Sell backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup file is gone. Was the drive unplugged? Plug it in and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret store cannot keep the till&apos;s keys. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup carries no passphrase: only the computer that made it can open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>“{text}” is not an amount. Type digits, e.g. 1250 or 1250,50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount cannot be more than 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pieces are sold in whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {max} pieces on one line: check the quantity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {max} kg: check the weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receipt total would be too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tendered {tendered} is less than {due} due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card amount is more than the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card already covers the total; no cash is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cart is empty: scan an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk of this till is full, so nothing was saved. Free some space or call support, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy (another program is using it), so nothing was saved. Try again in a moment; if it repeats, close the other program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written (the file or its folder is read-only), so nothing was saved. Call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged, so nothing was saved. Stop selling on this till and call support: it must be restored from a backup copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error, so nothing was saved. Try again; if it repeats, call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This employee is not active any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. {left} attempts left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs. Locked until {until}; ask a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a supervisor&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong PINs in a row: approvals are locked until {until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an admin&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong admin PINs in a row: locked until {until}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown barcode {code}. Find the item by name below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is sold by weight: pick it and enter the weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the options of {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose “{group}” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {max} can be chosen in “{group}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That option is no longer in the catalog: choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With these options nothing is left to pay: choose others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An option group asks for {min} to {max} of its {count} options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than {max} options in one group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No shift is open. Open a shift first (F9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A shift is already open on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That shift does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer should hold only {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to park: the cart is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish or park the current sale first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That parked sale was already recalled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{q}” is not a receipt number. Scan the receipt or type its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No receipt {q} on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That receipt is not on this till. Search the journal again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the money goes back: cash or card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what to refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refund quantity must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than is left to refund on this line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That line is not on this receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than was paid by card: refund the rest in cash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sale does not exist or is already voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only sales of the open shift can be voided; make a refund instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sale has refunds; refund the rest instead of voiding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU and Russian name are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VAT must be between 0 and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This SKU or barcode is already used by {sku}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {count} synonyms per product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A synonym is longer than {count} letters: shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A barcode has digits 0–9 only: no letters, spaces or dashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}…” is too long: at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name, code or synonym contains an invisible control character ({char}): type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text. Save it as “CSV UTF-8” and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user may not read {path}. Copy the file to your home folder and import it from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a supervisor or an admin can do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conversation is blocked at the request of the person recorded; only an admin can play it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A newer version of the privacy policy ({in_force}) has arrived. Read it and accept that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who made the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say whom the request is about: an employee, a receipt, a time window or words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such request. Reopen the list and choose it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employee is called {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} employees are called {name}: choose the employee from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recordings&apos; keys are not available, so transcripts cannot be searched and audio cannot be exported. Check the secret store (Settings → Recording).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already: choose another folder. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} exists already: choose a new file name. Nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {path} does not exist. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request does not ask for a correction. Register a correction request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an employee&apos;s data can be corrected: receipts and recordings are records of what happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only these can be corrected: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the corrected value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corrected value is too long: at most {limit} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corrected value holds an invisible control character: type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request does not ask for destruction. Register a destruction request first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request was already carried out on {date}. Nothing more was destroyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The only active admin cannot be destroyed: add another admin first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request has not been carried out yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A BIN has 12 digits with a valid check digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a receipt language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-lock must be between 30 seconds and 1 hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the employee&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last admin cannot be deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} rows are wrong; nothing was imported. Fix them and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down why recording is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording {rid} cannot be read ({reason}): it was altered, cut short or its key was destroyed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no recording {rid}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down why the consent is withdrawn (e.g. the employee&apos;s request).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no consent text of version {version} in this program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to the server. Everything waits safely on this till and is sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection broke during sending. It will be tried again; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asked to slow down. Sending goes on in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this till&apos;s key or token. An admin must enter a valid one in Settings → Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused an item for good. An admin can retry or drop it in Settings → Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server waits for earlier audit entries first. They are sent again in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the audit trail: it does not continue the copy the server holds (an older backup restored, or the database changed). Keep the database and tell the store owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read. It will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had an error. It will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. It will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk of this till is full. Free some space; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connections fail because this till&apos;s date or time looks wrong. Set the correct date and time; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speech recognition service may be used: enter a key, allow sending audio abroad, or acknowledge a service the privacy policy does not name, in Settings → Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register refused an operation dated before the previous one (the till&apos;s clock went back?). Check the clock, then retry it or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register is blocked at the service or by the tax office. Selling goes on; receipts wait. Call Kassa24, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register&apos;s shift ran over 24 hours. The till closes it (Z) and registers the receipt in a new shift; close the till&apos;s shift every day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register refused the receipt&apos;s data. An admin looks at it, then retries it or sets it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register has not reached the tax office for {hours} hours: selling stops until the waiting receipts are registered. Connect the till to the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the cash register service&apos;s API token first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recordings wait: nothing is sent for speech recognition until the operator accepts the store&apos;s registration (Settings &amp; staff → Registration). Selling goes on as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration was submitted and cannot be changed until the operator answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration form is not complete: see the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scanned document of the registration cannot be read (damaged). Remove it and add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync is not set up: data stays on this till. An admin can set it up in Settings → Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending failed. It will be tried again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending failed. See Settings → Sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret store is unavailable, so keys cannot be saved: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recordings&apos; keys are not available: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{url}” is not a secure web address: it must start with https:// (http:// only for a test server on this computer, e.g. http://127.0.0.1:8702).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a speech recognition service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider} is not named by the privacy policy in force. Acknowledge it under the provider choice first, or choose another service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{setting}” cannot take this value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PINs cannot be checked: the secret store of this computer was reset and the PIN key is gone. Nobody can sign in until the owner of the data folder runs `{command}` on this computer (it gives everyone a new PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PINs cannot be checked: the secret store holds the PIN key of another till. Restore this till&apos;s secret store, or the owner of the data folder runs `{command}` on this computer (it gives everyone a new PIN).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PINs cannot be checked without the secret store: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selling is stopped: the database {path} is damaged (table {tables}). Close the app, copy the newest good copy {backup} over {path} and start again; sales made after that copy must be entered again. `forsell-cashier doctor` shows the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{setting}” must be between {low} and {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio without a transcript must be kept at least as long as audio with one ({days} days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selling is stopped: the database {path} is damaged (table {tables}) and no copy in {backups} passes its check. Close the app and call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>the file is not there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be “{expected}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version {version} is not supported: only version 1 is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is less than {low}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is more than {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date and time, e.g. 2025-03-01T10:00:00+05:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of: {choices}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{phrase}” has no words to match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a file (a folder?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read (check its permissions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is {size} bytes, more than the {limit} bytes allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nested deeper than {limit} levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a finite number (not NaN, Infinity or a number this large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} entries, at most {limit} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the transcript needs “utterances” (or a recogniser&apos;s “words” list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends at {end} s, before it starts at {start} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be “ok” or “bad”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} words, at most {limit} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receipt needs “lines”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time of day needs “recording_started_at”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time with a zone and one without cannot be compared: add a zone, e.g. +05:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add at least one item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{id}” is already the ID of another item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add at least one phrase (or let the upsell detector decide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a required item needs more than 0 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bonus item needs more than 0 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a forbidden item needs a penalty above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a forbidden item cannot use the upsell detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a fatal item cannot use the upsell detector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose the start or the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write sku:&lt;SKU&gt; or category:&lt;category name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the upsell offer item needs offer cues (tab “Upsell offers”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} phrases, at most {limit} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a product needs at least one name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file needs the columns sku and name_ru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>columns are missing: {columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty: fill it in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{barcode}” is not a barcode: digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SKU {sku} is already on line {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode {barcode} is already on line {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not an amount: type digits, e.g. 1250 or 1250,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the price must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is more than a till can take ({max})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a VAT rate from 0 to 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a unit: write pcs or kg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not 1 or 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most {count} synonyms, each up to {length} letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>barcode {barcode} already belongs to {sku}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is not a catalog column: remove it or correct its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column {name} appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} fields, but the header has only {columns} columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains the control character {char}: remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{length} characters, at most {limit} are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field is longer than {limit} characters, so the row cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{part}” is neither a group “Name [1]: option +200, option” nor an option “name +200 #SKU”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{part}”: names are Russian/Kazakh/English, without ; , : [ ] # *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a price change: write +200, -150 or +2.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}: cannot choose from {min} to {max} of {count} options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {max} option groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no secret store was found. Run the till in a desktop session with GNOME Keyring or KWallet, or install gnome-keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keyring keeps secrets in a plain file. Uninstall keyrings.alt and use the system secret store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret store is locked. Log in to the desktop session to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secret store failed. Run “forsell-cashier doctor” to find out why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no receipt printer is set up: give its address in Settings &amp; staff → Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{text}” is not a printer address: use host:9100, usb:VID:PID, serial:DEVICE:BAUD or file:PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer at {where} does not answer: is it switched on and connected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer at {where} stopped answering for {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer at {where} dropped the connection before the receipt was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer at {where} is out of paper: load a new roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the printer {where} cannot be opened: is it plugged in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}, column “{column}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Store name</source>
        <extracomment>Hosts that name this computer: plain http:// is allowed only to them (the FAKE servers of the tests and the demo). Anywhere else the device token, sales and transcripts would travel in clear, so the address must be https://.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the top of every receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s 12-digit business identification number, printed on receipts and sent with fiscal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed under the store name on receipts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times on screens and receipts are shown in this zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the bottom of every receipt: the place for the notice that conversations at the counter may be recorded for quality control.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language receipts and reports are printed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cashier&apos;s discount limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest discount a cashier gives without a supervisor&apos;s PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the till after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a touch or a key for this long, the till locks and asks for a PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PINs before a lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After this many wrong PINs in a row the employee is locked out for a while.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after wrong PINs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long an employee stays locked out after too many wrong PINs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This till&apos;s own identifier towards the server; set once at first start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Till name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tells the tills of one store apart on receipts and reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record counter conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records the conversation at the counter during each sale, for cashiers who have given their consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The microphone that records; empty means the system&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep before the sale starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds kept from before the first scan, so the greeting is in the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep after payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds recorded after payment, for the goodbye.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split recordings longer than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A longer conversation is saved as several recordings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checklist conversations are scored against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom scorecard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s own checklist, edited by an admin or sent by the head office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo conversations added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo&apos;s sample conversations are already on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send sales and recordings when online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: everything stays on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending waits until it is resumed from the tray.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analytics server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the store&apos;s analytics server; sales, transcripts and scores go there, never audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech recognition service tried first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes over when the first choice is refused or unreachable before it received the audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telling the service the language makes transcripts better when every conversation is in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send audio to recognition services outside Kazakhstan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice recordings are personal data under Kazakhstan&apos;s law No. 94-V. Sending them abroad (ElevenLabs; Yandex outside its Kazakhstan region) is a cross-border transfer: turn this on only if the staff&apos;s written consent names the store and its BIN, the service that receives the audio, the transfer abroad, the purpose and the term. Off: only services in Kazakhstan get audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services acknowledged although the policy does not name them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech recognition services the privacy policy in force does not name, which an admin has knowingly accepted as recipients of audio (comma-separated; audited).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also transcribe recordings without speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: recordings in which nobody spoke are not sent, which saves money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change only for a test server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speech-to-text model ElevenLabs is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs: zero retention (enterprise plans)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs keeps neither the audio nor the transcript; other plans refuse such requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ElevenLabs: send product names as key terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product names are recognised better; ElevenLabs charges extra for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yandex SpeechKit address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yandex operations address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where finished Yandex transcripts are fetched from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yandex Cloud folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Yandex Cloud folder the API key belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yandex SpeechKit runs in the Kazakhstan region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: audio sent to Yandex stays in Kazakhstan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: fake servers, not real recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till talks to made-up servers on this computer; transcripts are not real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep audio after its transcript (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A conversation&apos;s audio is destroyed this many days after its transcription succeeded; the transcript and the score stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep audio without a transcript (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio whose transcription never succeeded is destroyed only when it is this old; never less than the days audio is kept after a transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep transcripts and scores (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcripts, scores and review notes of a conversation are deleted when the conversation is this old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the audit trail (years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries older than this are removed; the chain stays verifiable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep sales, refunds and shifts (years)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shifts closed longer ago than this are removed with their sales and refunds; the tax code asks for five years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted backups are written here daily and at each shift&apos;s close; best on another disk or a USB drive. Empty: no scheduled backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest backups kept; older ones are deleted. A destroyed recording can live on in older backups until they are rotated out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the ESC/POS receipt printer is: 192.168.1.50:9100 (network), usb:04b8:0202 (USB vendor:product), serial:/dev/ttyUSB0:9600 or serial:COM3:9600, file:/dev/usb/lp0. Empty: no printer, receipts are shown on screen only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>58 mm paper holds 32 characters a line, 80 mm paper holds 48.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer&apos;s code page for Cyrillic. CP866 has no Kazakh letters: lines with them are printed as an image. KZ-1048 prints Kazakh as text on printers that have it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code page number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number the printer&apos;s manual gives the code page (ESC t n). -1: the usual one (CP866 17, Windows-1251 46; KZ-1048 keeps the printer&apos;s own default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the cash drawer on cash payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drawer wired to the receipt printer opens when a cash receipt is printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second window for the customer: the cart, the total, the change and the notice that conversations may be recorded; on the second screen when there is one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest version</source>
        <extracomment>The newest version the 4Sell service announces (through the settings pull). The till only shows a notice when it is newer than the running one: an update is installed by a person, never by the till (a half-installed till at opening time is worse than an old one).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announced by the 4Sell service; a notice shows when it is newer than this till&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The till fills the screen without a window frame; closing it or quitting from the tray asks for an admin&apos;s PIN. Takes effect at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online cash register</source>
        <extracomment>The online cash register service: &quot;off&quot;, &quot;kassa24&quot; (Kassa24 Business) or &quot;webkassa&quot; (its client waits for a contract; choosing it registers nothing yet). The API token is in the OS secret store (&quot;fiscal-token&quot;), never here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service that registers every sale and refund with the fiscal data operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash register</source>
        <extracomment>The cash register&apos;s id at the service (Kassa24: the id from its list of cash registers).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cash register this till registers its receipts on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash register service address</source>
        <extracomment>Where the Kassa24 Business API answers (a test server or the FAKE in the demo).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address of the online cash register&apos;s API.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
