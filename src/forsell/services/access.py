"""Who may call which service entry point, declared once, on the entry point itself.

Every public method of a service class carries one declaration:

    @requires(Role.ADMIN)        # an admin, else refused ("admin.only")
    @requires(Role.SUPERVISOR)   # a supervisor or an admin, else refused ("supervisor.only")
    @requires(Role.CASHIER)      # any signed-in employee; the call names who asks
    @requires(Action.REFUND)     # alone from the action's role (``domain.roles.ALONE_FROM``);
                                 # below it the call's ``approval`` for that action stands in,
                                 # else NeedsApproval (the UI then asks for a supervisor's PIN)
    @public                      # no one need be signed in: login, status, the till's own
                                 # background work, lookups that show no one's private data
    @internal                    # only other services call it, after their own entry point's
                                 # declaration; ui/ and cli.py never do

``public`` and ``internal`` may also mark a whole class. The acting employee is the call's
argument annotated ``EmployeeView`` or, for a service bound to one employee (the sale in
progress at the till), ``self.employee``. The check runs before the method's body, so a refused
call has changed nothing. The UI still hides what a role cannot do; this is the refusal behind
it. ``tests/services/test_access.py`` calls every declared entry point with every role.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from forsell.domain.errors import CashierError, NeedsApproval
from forsell.domain.roles import ALONE_FROM, Action, Role

if TYPE_CHECKING:  # auth.py declares its own entry points with this module
    from .auth import Approval, EmployeeView

F = TypeVar("F", bound=Callable[..., Any])
Marker = Literal["public", "internal"]

#: The refusal for each role: (message key, English fallback). ``ui/messages.py`` translates.
REFUSALS: Mapping[Role, tuple[str, str]] = {
    Role.ADMIN: ("admin.only", "Only an admin can do this"),
    Role.SUPERVISOR: ("supervisor.only", "Only a supervisor or an admin can do this"),
    Role.CASHIER: ("login.required", "Sign in first"),
}
_ACCESS = "__access__"


def refuse_below(who: EmployeeView | None, role: Role) -> None:
    """Raises the role's refusal unless ``who`` is at least ``role``. Entry points declare
    their role with ``requires``; this is for rules that depend on the data as well (someone
    else's consent, say), so that they refuse in the same words."""
    if who is None:
        key, fallback = REFUSALS[Role.CASHIER]
        raise CashierError(key, fallback)
    if not who.role.at_least(role):
        key, fallback = REFUSALS[role]
        raise CashierError(key, fallback, role=role.value)


@dataclass(frozen=True)
class Requirement:
    """What ``requires`` declared on one entry point."""

    role: Role
    #: Below ``role``, an approval of this action stands in (None: no approval helps).
    action: Action | None
    #: The parameter that names who acts; None: the service's own ``employee``.
    actor: str | None
    signature: inspect.Signature
    #: Each parameter's position (``self`` is 0).
    positions: Mapping[str, int]

    def check(self, who: EmployeeView | None, approval: Approval | None = None) -> None:
        """Refuses (CashierError) or asks for approval (NeedsApproval); returns if allowed."""
        if who is not None and self.action is not None and not who.role.at_least(self.role):
            if approval is None or approval.action is not self.action:
                raise NeedsApproval(
                    self.action.value,
                    "A supervisor must approve: {action}",
                    action=self.action.value,
                )
            return
        refuse_below(who, self.role)

    def check_call(self, *args: Any, **kwargs: Any) -> None:
        """The check a call with these arguments (``self`` first) meets, without the body."""
        # Looked up by position rather than Signature.bind, which would cost every scan more.
        who = (
            getattr(args[0], "employee", None)
            if self.actor is None
            else self._argument(self.actor, args, kwargs)
        )
        self.check(who, self._argument("approval", args, kwargs))

    def _argument(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if name in kwargs:
            return kwargs[name]
        index = self.positions.get(name)
        if index is None:
            return None
        if index < len(args):
            return args[index]
        default = self.signature.parameters[name].default
        return None if default is inspect.Parameter.empty else default


def _actor(signature: inspect.Signature) -> str | None:
    for name, parameter in signature.parameters.items():
        annotation = parameter.annotation
        text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
        if text.split(" | ")[0] == "EmployeeView":
            return name
    return None


def requires(need: Role | Action) -> Callable[[F], F]:
    """Declares who may call the decorated entry point (see the module's docstring)."""
    role, action = (ALONE_FROM[need], need) if isinstance(need, Action) else (need, None)

    def declare(method: F) -> F:
        signature = inspect.signature(method)
        if action is not None and "approval" not in signature.parameters:
            raise TypeError(f"{method.__qualname__} needs an ``approval`` parameter for {action}")
        positions = {name: i for i, name in enumerate(signature.parameters)}
        requirement = Requirement(role, action, _actor(signature), signature, positions)

        @functools.wraps(method)
        def checked(*args: Any, **kwargs: Any) -> Any:
            requirement.check_call(*args, **kwargs)
            return method(*args, **kwargs)

        setattr(checked, _ACCESS, requirement)
        return checked  # type: ignore[return-value]

    return declare


def public(target: F) -> F:
    """Declares that no one need be signed in to call ``target`` (a method or a class)."""
    setattr(target, _ACCESS, "public")
    return target


def internal(target: F) -> F:
    """Declares that only other services call ``target`` (a method or a class), after their
    own entry point's check; ui/ and cli.py must not."""
    setattr(target, _ACCESS, "internal")
    return target


def declaration(cls: type, name: str) -> Requirement | Marker | None:
    """What method ``name`` of service class ``cls`` declares (its own, else its class's);
    None when it declares nothing."""
    own = getattr(inspect.getattr_static(cls, name), _ACCESS, None)
    return own if own is not None else cls.__dict__.get(_ACCESS)
