"""Product options (modifiers): milk, syrup, size, an extra shot, each with its price change.

A product may have option groups; each group says how many of its options the customer picks
(``min_choices``..``max_choices``): at least one makes the group required, more than one allowed
makes it a multiple choice. An option changes the unit price by ``price_delta`` tiyn, which may be
negative (a smaller size). A cart line keeps the chosen options as they were at the time of the
sale (names and deltas), so a later catalog edit never changes a sold or parked line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import CashierError
from .money import MAX_TIYN

MAX_GROUPS = 10  # per product: more would not fit the chooser on a till screen
MAX_OPTIONS = 20  # per group


def _pick_name(names: dict[str, str], lang: str) -> str:
    return names.get(lang) or names.get("ru") or next(iter(names.values()), "")


@dataclass(frozen=True)
class ProductOption:
    """One choice in a group, as the catalog has it now."""

    id: str
    names: dict[str, str]  # language code → name
    price_delta: int = 0  # tiyn added to (or, negative, taken from) the unit price
    sku: str = ""  # the option's own code, when the shop counts it in stock or reports
    preselected: bool = False  # chosen already when the chooser opens (regular milk)

    def name(self, lang: str) -> str:
        """The name in ``lang``; Russian when that one is empty."""
        return _pick_name(self.names, lang)


@dataclass(frozen=True)
class OptionGroup:
    """A question asked about a product (which milk?), with its possible answers."""

    id: str
    names: dict[str, str]
    options: tuple[ProductOption, ...]
    min_choices: int = 0
    max_choices: int = 1

    def __post_init__(self) -> None:
        check_group_limits(self.min_choices, self.max_choices, len(self.options))

    def name(self, lang: str) -> str:
        """The name in ``lang``; Russian when that one is empty."""
        return _pick_name(self.names, lang)

    @property
    def required(self) -> bool:
        """The customer must answer it before the line goes into the cart."""
        return self.min_choices > 0

    @property
    def multiple(self) -> bool:
        """More than one option may be chosen (check boxes rather than radio buttons)."""
        return self.max_choices > 1


@dataclass(frozen=True)
class ChosenOption:
    """An option on a cart or sale line, frozen as it was when chosen."""

    group_id: str
    option_id: str
    group_names: dict[str, str]
    names: dict[str, str]
    price_delta: int
    sku: str = ""

    def name(self, lang: str) -> str:
        """The option's name in ``lang``; Russian when that one is empty."""
        return _pick_name(self.names, lang)

    def group_name(self, lang: str) -> str:
        """Its group's name in ``lang``; Russian when that one is empty."""
        return _pick_name(self.group_names, lang)

    def to_json(self) -> dict[str, object]:
        """The form kept in parked sales and sale lines."""
        return {
            "group_id": self.group_id,
            "option_id": self.option_id,
            "group_names": dict(self.group_names),
            "names": dict(self.names),
            "price_delta": self.price_delta,
            "sku": self.sku,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChosenOption:
        """The inverse of :meth:`to_json`."""
        return cls(
            str(data["group_id"]),
            str(data["option_id"]),
            dict(data.get("group_names") or {}),
            dict(data.get("names") or {}),
            int(data["price_delta"]),
            str(data.get("sku") or ""),
        )


def check_group_limits(min_choices: int, max_choices: int, options: int) -> None:
    """Raises ``options.bad_limits`` unless 0 ≤ min ≤ max, 1 ≤ max ≤ options, and
    ``options.too_many`` for a group of more than ``MAX_OPTIONS``."""
    if options > MAX_OPTIONS:
        raise CashierError(
            "options.too_many", "More than {max} options in a group", max=MAX_OPTIONS
        )
    if not (0 <= min_choices <= max_choices and 1 <= max_choices <= max(options, 1)):
        raise CashierError(
            "options.bad_limits",
            "Choose from {min} to {max} of {count} options: impossible",
            min=min_choices,
            max=max_choices,
            count=options,
        )


def check_price_delta(delta: int) -> int:
    """Raises ``money.out_of_range`` for a delta beyond the till's money limit either way."""
    if abs(delta) > MAX_TIYN:
        raise CashierError("money.out_of_range", "Amount out of range: {tiyn} tiyn", tiyn=delta)
    return delta


def choose(
    groups: tuple[OptionGroup, ...], option_ids: list[str] | tuple[str, ...]
) -> tuple[ChosenOption, ...]:
    """The chosen options of a line, in the catalog's group and option order.

    Raises ``CashierError``: ``options.unknown`` (an id not offered for this product),
    ``options.required`` (a group with too few answers: its name in ``group``),
    ``options.too_many_chosen`` (a group with more than it allows)."""
    wanted = list(dict.fromkeys(option_ids))
    offered = {o.id for g in groups for o in g.options}
    for option_id in wanted:
        if option_id not in offered:
            raise CashierError("options.unknown", "No such option: {id}", id=option_id)
    chosen: list[ChosenOption] = []
    for group in groups:
        picked = [o for o in group.options if o.id in wanted]
        if len(picked) < group.min_choices:
            raise CashierError(
                "options.required", "Choose {group}", group=group.name("ru"), min=group.min_choices
            )
        if len(picked) > group.max_choices:
            raise CashierError(
                "options.too_many_chosen",
                "At most {max} in {group}",
                group=group.name("ru"),
                max=group.max_choices,
            )
        chosen.extend(
            ChosenOption(group.id, o.id, dict(group.names), dict(o.names), o.price_delta, o.sku)
            for o in picked
        )
    return tuple(chosen)


def preselected(groups: tuple[OptionGroup, ...]) -> list[str]:
    """The option ids the chooser starts with: each group's preselected options."""
    return [o.id for g in groups for o in g.options if o.preselected][: MAX_GROUPS * MAX_OPTIONS]


def options_delta(options: tuple[ChosenOption, ...]) -> int:
    """What the options add to a unit price (negative when they take more than they add)."""
    return sum(o.price_delta for o in options)


def unit_price_with(base: int, options: tuple[ChosenOption, ...]) -> int:
    """The line's unit price: the product's price plus its options' deltas.

    Raises ``options.price_not_positive`` when negative deltas leave nothing to pay."""
    price = base + options_delta(options)
    if price <= 0:
        raise CashierError(
            "options.price_not_positive", "The options leave a price of {tiyn} tiyn", tiyn=price
        )
    return price
