"""The counter's ESC/POS printer: receipts on paper, the test page, and the cash drawer.

A receipt becomes a :class:`~forsell.hardware.ticket.Ticket` section by section (one function per
section, in the order they print), from the same frozen ``ReceiptView`` the screen and the PDF
show. Labels come in the receipt's language from the caller (``ui/`` translates them with the
"Receipt" catalog; English otherwise). Printing blocks on the printer, so ``ui/`` calls it on a
background task; a fault raises :class:`~forsell.hardware.connection.PrinterFault` and changes
nothing: the sale was committed before printing began.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from forsell.domain.money import format_kzt
from forsell.domain.numbers import format_basis_points, format_quantity
from forsell.domain.problems import Problem
from forsell.domain.roles import Role
from forsell.domain.settings import SettingDef
from forsell.hardware import connection
from forsell.hardware.connection import PrinterFault, fault, parse_address
from forsell.hardware.encoder import PrinterProfile, encode
from forsell.hardware.ticket import Barcode, Block, Cut, DrawerPulse, Qr, Row, Rule, Text, Ticket
from forsell.store import audit

from . import settings as s
from .access import public, requires
from .auth import EmployeeView
from .context import TillContext
from .receipts import ReceiptView

#: The receipt's labels in English (the source text); ``ui/`` hands the translated ones, keyed
#: the same way as the HTML receipt's.
RECEIPT_LABELS: Mapping[str, str] = {
    "receipt": "Receipt No. {no}",
    "bin": "BIN {bin}",
    "device": "Till: {device}",
    "cashier": "Cashier: {name}",
    "discount": "Discount",
    "subtotal": "Subtotal",
    "total": "TOTAL",
    "vat": "incl. VAT {rate}",
    "no_vat": "Without VAT",
    "cash": "Cash",
    "change": "Change",
    "card": "Card",
    "auth": "Auth code {code}",
    "kg": "kg",
    "voided": "VOIDED",
    "refunded": "Refunded",
    "copy": "COPY",
    "refund": "REFUND No. {no}",
    "refund_of": "Refund of receipt No. {no} of {date}",
    "refund_total": "REFUND TOTAL",
    "returned_cash": "Returned in cash",
    "returned_card": "Returned to card",
    "fiscal": "FISCAL RECEIPT",
    "fiscal_sign": "Fiscal sign {sign}",
    "fiscal_number": "Receipt at the fiscal operator No. {number}",
    "fiscal_rnm": "Cash register RNM {rnm}",
    "fiscal_check": "Scan the QR code to check the receipt",
    "fiscal_waiting": "Not yet registered with the tax office: it will be registered "
    "automatically (autonomous No. {number})",
    "fiscal_refused": "The cash register refused this receipt: the administrator will resolve it",
    "fiscal_set_aside": "Fiscal registration handled by the administrator",
}
#: The test page's labels in English; the admin screen and the CLI hand translated ones.
TEST_PAGE_LABELS: Mapping[str, str] = {
    "title": "Printer test page",
    "address": "Printer: {address}",
    "paper": "Paper: {mm} mm, {chars} characters a line",
    "code_page": "Code page: {code_page}",
}
#: Printed on the test page: every Russian letter and every Kazakh one.
RUSSIAN_SAMPLE = "Съешь же ещё этих мягких французских булок, да выпей чаю. № 1 250 ₸"
KAZAKH_SAMPLE = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі — қазақ әріптері"
TEST_CODE = "2000000012342"  # an in-store EAN-13 (prefix 20), valid check digit
TEST_QR = "https://4sell.kz"


@dataclass(frozen=True)
class PrinterSetup:
    """The printer settings as one value (what the admin's Printer tab edits)."""

    address: str = ""
    paper_mm: int = 80
    code_page: str = "cp866"
    code_page_number: int = -1
    drawer: bool = True
    #: The customer display window: the other counter device the same admin tab sets up.
    customer_display: bool = False

    @property
    def profile(self) -> PrinterProfile:
        """What the ESC/POS encoder needs from these settings."""
        return PrinterProfile(self.paper_mm, self.code_page, self.code_page_number)


# --- a receipt, section by section --------------------------------------------------------------


def receipt_ticket(
    receipt: ReceiptView,
    labels: Mapping[str, str] = RECEIPT_LABELS,
    paper_mm: int = 80,
    *,
    drawer: bool = False,
) -> Ticket:
    """What the printer puts on paper for ``receipt``; ``drawer`` opens the cash drawer first
    (it opens while the receipt prints)."""
    t = {**RECEIPT_LABELS, **labels}
    blocks: list[Block] = [DrawerPulse()] if drawer else []
    for section in (_header, _lines, _totals, _vat, _payment, _fiscal, _footer, _codes):
        blocks += section(receipt, t)
    if receipt.copy:  # above and below: a torn-off half still says it
        blocks.append(Text(f"*** {t['copy']} ***", "center", bold=True, large=True))
    blocks.append(Cut())
    return Ticket(tuple(blocks), paper_mm)


def _header(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    blocks: list[Block] = []
    if r.copy:  # a reprint from the journal: never taken for a second sale
        blocks.append(Text(f"*** {t['copy']} ***", "center", bold=True, large=True))
    blocks.append(Text(r.store_name, "center", bold=True, large=True))
    if r.store_bin:
        blocks.append(Text(t["bin"].format(bin=r.store_bin), "center"))
    if r.store_address:
        blocks.append(Text(r.store_address, "center"))
    title = t["refund" if r.is_refund else "receipt"].format(no=r.receipt_no)
    blocks.append(Row(title, r.created_at.strftime("%d.%m.%Y %H:%M")))
    if r.is_refund:
        sold_at = r.refund_of_at.strftime("%d.%m.%Y %H:%M") if r.refund_of_at else ""
        blocks.append(Text(t["refund_of"].format(no=r.refund_of_no, date=sold_at)))
    blocks += [
        Text(t["device"].format(device=r.device_name)),
        Text(t["cashier"].format(name=r.cashier_name)),
    ]
    if r.voided:
        blocks.append(Text(t["voided"], "center", bold=True, large=True))
    return [*blocks, Rule()]


def quantity_text(qty_milli: int, weighted: bool, language: str | None = None) -> str:
    """``2`` pieces, ``0,35`` kg: as the screen's receipt shows a quantity."""
    return format_quantity(qty_milli, weighted, language)


def _money(r: ReceiptView, tiyn: int) -> str:
    """An amount as the receipt's language writes it, whatever language the screen speaks."""
    return format_kzt(tiyn, language=r.language)


def _lines(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    blocks: list[Block] = []
    for line in r.lines:
        qty = quantity_text(line.qty_milli, line.weighted, r.language) + (
            f" {t['kg']}" if line.weighted else ""
        )
        blocks.append(Text(line.name(r.language)))
        for option in line.options:  # per unit: the unit price below already includes them
            delta = option.price_delta
            sign = "+" if delta > 0 else "-"
            blocks.append(
                Row(
                    f"  + {option.name(r.language)}",
                    f"{sign}{_money(r, abs(delta))}" if delta else "",
                )
            )
        blocks.append(Row(f"  {qty} × {_money(r, line.unit_price)}", _money(r, line.gross)))
        if line.discount:
            blocks.append(Row(f"  {t['discount']}", _money(r, -line.discount)))
    return [*blocks, Rule()]


def _totals(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    blocks: list[Block] = []
    if r.discount:
        blocks.append(Row(t["subtotal"], _money(r, r.subtotal)))
        blocks.append(Row(t["discount"], _money(r, -r.discount)))
    blocks.append(Row(t["refund_total" if r.is_refund else "total"], _money(r, r.total), bold=True))
    return blocks


def _vat(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    blocks: list[Block] = []
    for bp, vat in sorted(r.vat_by_rate.items(), reverse=True):
        if bp:
            rate = format_basis_points(bp, r.language)
            blocks.append(Row(t["vat"].format(rate=rate), _money(r, vat)))
        else:
            blocks.append(Text(t["no_vat"]))
    return [*blocks, Rule()]


def _payment(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    blocks: list[Block] = []
    if r.is_refund:  # how the money went back, not how it was paid
        if r.cash:
            blocks.append(Row(t["returned_cash"], _money(r, r.cash)))
        if r.card:
            blocks.append(Row(t["returned_card"], _money(r, r.card)))
        return blocks
    if r.tendered or r.cash:
        blocks.append(Row(t["cash"], _money(r, r.tendered)))
        blocks.append(Row(t["change"], _money(r, r.change)))
    if r.card:
        blocks.append(Row(t["card"], _money(r, r.card)))
        if r.card_reference:
            blocks.append(Text(t["auth"].format(code=r.card_reference)))
    if r.refunded_total:
        blocks.append(Row(t["refunded"], _money(r, -r.refunded_total)))
    return blocks


def _footer(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    return [Text(r.footer, "center")] if r.footer.strip() else []


def _fiscal(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    """The fiscal attributes once the cash register registered the receipt, or what happens to
    it until then (as the screen's receipt says it); nothing while fiscal registration is off."""
    state = r.fiscal_state
    if state is None:
        return []
    blocks: list[Block] = [Rule()]
    if state == "registered":
        blocks += [
            Text(t["fiscal"], "center", bold=True),
            Text(t["fiscal_sign"].format(sign=r.fiscal_sign or "")),
            Text(t["fiscal_number"].format(number=r.fiscal_number or "")),
            Text(t["fiscal_rnm"].format(rnm=r.fiscal_register_number or "")),
        ]
        if r.fiscal_qr_url:
            blocks.append(Text(t["fiscal_check"]))
    elif state == "waiting":
        blocks.append(Text(t["fiscal_waiting"].format(number=r.fiscal_autonomous_number or "")))
    elif state == "refused":
        blocks.append(Text(t["fiscal_refused"], bold=True))
    else:
        blocks.append(Text(t["fiscal_set_aside"]))
    return blocks


def _codes(r: ReceiptView, t: Mapping[str, str]) -> list[Block]:
    # A refund receipt has no code: a refund is not refunded again.
    blocks: list[Block] = [Barcode(r.code)] if r.code else []
    if r.fiscal_state == "registered" and r.fiscal_qr_url:
        blocks.append(Qr(r.fiscal_qr_url))  # the tax service's page that checks this receipt
    elif r.qr:
        blocks.append(Qr(r.qr))
    return blocks


def test_page_ticket(setup: PrinterSetup, store_name: str, labels: Mapping[str, str]) -> Ticket:
    """A page that shows whether the settings are right: Russian and Kazakh letters, a barcode,
    a QR code and the cut."""
    t = {**TEST_PAGE_LABELS, **labels}
    chars = Ticket((), setup.paper_mm).chars
    blocks: list[Block] = [
        Text(store_name, "center", bold=True, large=True),
        Text(t["title"], "center", bold=True),
        Rule(),
        Text(t["address"].format(address=setup.address)),
        Text(t["paper"].format(mm=setup.paper_mm, chars=chars)),
        Text(t["code_page"].format(code_page=setup.code_page)),
        Rule(),
        Text(RUSSIAN_SAMPLE),
        Text(KAZAKH_SAMPLE),
        Rule(),
        Barcode(TEST_CODE),
        Qr(TEST_QR),
        Cut(),
    ]
    return Ticket(tuple(blocks), setup.paper_mm)


# --- the service --------------------------------------------------------------------------------


class CounterPrinter:
    """The till's receipt printer and the drawer behind it. Every call that prints blocks until
    the printer took the job (seconds at worst): call it off the GUI thread."""

    def __init__(self, ctx: TillContext, timeout_s: float = 5.0) -> None:
        self.ctx = ctx
        self.timeout_s = timeout_s

    @public
    def setup(self) -> PrinterSetup:
        """The printer settings as stored."""
        st = self.ctx.settings
        return PrinterSetup(
            st.get(s.PRINTER_ADDRESS),
            st.get(s.PRINTER_PAPER_MM),
            st.get(s.PRINTER_CODE_PAGE),
            st.get(s.PRINTER_CODE_PAGE_NUMBER),
            st.get(s.PRINTER_DRAWER),
            st.get(s.CUSTOMER_DISPLAY),
        )

    @public
    def configured(self) -> bool:
        """True when a printer address is set (receipts then print after payment)."""
        return bool(self.ctx.settings.get(s.PRINTER_ADDRESS).strip())

    @public
    def address_problem(self, text: str) -> Problem | None:
        """Why ``text`` names no printer (``printer.address``), or None when it does or is
        empty (no printer)."""
        if not text.strip():
            return None
        try:
            parse_address(text)
        except PrinterFault as failed:
            return failed.problem
        return None

    @requires(Role.ADMIN)
    def save_setup(self, who: EmployeeView, setup: PrinterSetup) -> None:
        """Stores the printer settings after checking them (CashierError from the registry,
        PrinterFault ``printer.address`` for an address that names no printer); audited."""
        values: tuple[tuple[SettingDef[Any], Any], ...] = (
            (s.PRINTER_ADDRESS, setup.address.strip()),
            (s.PRINTER_PAPER_MM, setup.paper_mm),
            (s.PRINTER_CODE_PAGE, setup.code_page),
            (s.PRINTER_CODE_PAGE_NUMBER, setup.code_page_number),
            (s.PRINTER_DRAWER, setup.drawer),
            (s.CUSTOMER_DISPLAY, setup.customer_display),
        )
        for setting, value in values:
            setting.check(value)
        if setup.address.strip():
            parse_address(setup.address)
        for setting, value in values:
            self.ctx.settings.set(setting, value)
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "printer_settings_changed", who.id)

    @public
    def print_receipt(
        self, receipt: ReceiptView, labels: Mapping[str, str] = RECEIPT_LABELS
    ) -> None:
        """Prints ``receipt`` (a reprint too); a cash receipt opens the drawer when the store
        set it so. PrinterFault when it did not print (``printer.not_set`` without a printer)."""
        setup = self.setup()
        # Cash taken or handed back opens the drawer; a copy from the journal never does.
        drawer = setup.drawer and receipt.cash > 0 and not receipt.voided and not receipt.copy
        self._send(setup, receipt_ticket(receipt, labels, setup.paper_mm, drawer=drawer))

    @public
    def print_test_page(
        self, labels: Mapping[str, str] = TEST_PAGE_LABELS, setup: PrinterSetup | None = None
    ) -> None:
        """Prints the test page with ``setup`` (the admin's unsaved settings) or the stored
        settings; PrinterFault when it did not print."""
        setup = setup or self.setup()
        self._send(setup, test_page_ticket(setup, self.ctx.settings.get(s.STORE_NAME), labels))

    @requires(Role.SUPERVISOR)
    def open_drawer(self, who: EmployeeView) -> None:
        """Opens the cash drawer without a sale (change for a note, a count), audited as
        ``drawer_opened`` once the printer took the pulse; PrinterFault when it did not."""
        setup = self.setup()
        self._send(setup, Ticket((DrawerPulse(),), setup.paper_mm))
        with self.ctx.db.write() as session:
            audit.record(session, self.ctx.device_id, "drawer_opened", who.id)

    def _send(self, setup: PrinterSetup, ticket: Ticket) -> None:
        if not setup.address.strip():
            raise fault("printer.not_set")
        address = parse_address(setup.address)
        connection.send(address, encode(ticket, setup.profile), self.timeout_s)


__all__ = ["CounterPrinter", "PrinterFault", "PrinterSetup", "receipt_ticket", "test_page_ticket"]
