"""Secret numbers (PINs): which ones are too easy to guess, and what happens when
a phone keeps getting its PIN wrong.

A 4-digit PIN has only 10,000 choices, and people pick the same few: the same
digit, digits in order, a keypad line, a year or a birthday. Refusing those, and
pausing longer after each run of wrong tries, keeps whoever holds the phone from
guessing a child's PIN."""

from __future__ import annotations

from calendar import monthrange
from itertools import pairwise

from server.audit.service import record
from server.auth.errors import PIN_TOO_EASY
from server.auth.models import Device, Lockout
from server.circles.models import FamilyMember
from server.errors import Invalid
from server.notifications import triggers

#: Keypad lines and shapes, and favourites that no rule below catches.
WELL_KNOWN = frozenset(
    {
        "2580",
        "0852",
        "1470",
        "0741",
        "3690",
        "0963",
        "1379",
        "1397",
        "1004",
        "5683",
        "147258",
        "258369",
        "369258",
        "852456",
        "159753",
        "951753",
        "147852",
        "123654",
    }
)
#: The lead practitioner hears of the third pause in a run: often enough to help a
#: child who is stuck, late enough that one bad evening does not raise an alarm.
TELL_LEAD_AT_STEP = 3


def too_easy(pin: str) -> bool:
    digits = [int(digit) for digit in pin]
    return (
        pin in WELL_KNOWN
        or _repeats_a_block(pin)
        or _in_order(digits)
        or _doubled(pin)
        or _year(pin)
        or _date(pin)
    )


def refuse_too_easy(pin: str) -> None:
    """Wherever someone chooses a PIN: an easy one is refused, with the reason."""
    if too_easy(pin):
        raise Invalid.on("pin", PIN_TOO_EASY)


def _repeats_a_block(pin: str) -> bool:
    """0000, 1212, 123123, 99999."""
    return any(
        len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size)
        for size in range(1, len(pin) // 2 + 1)
    )


def _in_order(digits: list[int]) -> bool:
    """Up or down by one, round the keypad too: 1234, 4321, 7890, 210987."""
    steps = {(after - before) % 10 for before, after in pairwise(digits)}
    return steps in ({1}, {9})


def _doubled(pin: str) -> bool:
    """1122, 112233."""
    return len(pin) % 2 == 0 and all(pin[i] == pin[i + 1] for i in range(0, len(pin), 2))


def _year(pin: str) -> bool:
    """1990, 2012; and a year with a month: 199005, 051990."""
    if len(pin) == 4:
        return 1900 <= int(pin) <= 2099
    if len(pin) == 6:
        return (_year(pin[:4]) and _month(pin[4:])) or (_month(pin[:2]) and _year(pin[2:]))
    return False


def _date(pin: str) -> bool:
    """A day and month either way round (0101, 3112, 1225), with a year when six long."""
    pairs = [pin[i : i + 2] for i in range(0, len(pin), 2)]
    if len(pin) == 4:
        day_months = [(pairs[0], pairs[1]), (pairs[1], pairs[0])]
    elif len(pin) == 6:  # DDMMYY, MMDDYY, YYMMDD
        day_months = [(pairs[0], pairs[1]), (pairs[1], pairs[0]), (pairs[2], pairs[1])]
    else:
        return False
    return any(_month(month) and _day(day, int(month)) for day, month in day_months)


def _month(text: str) -> bool:
    return 1 <= int(text) <= 12


def _day(text: str, month: int) -> bool:
    return 1 <= int(text) <= monthrange(2000, month)[1]  # 2000: 29 February counts


async def paused(member: FamilyMember, device: Device, pause: Lockout) -> None:
    """A phone was paused after wrong PINs: recorded, and on the third pause in a
    run the lead practitioner is told that someone is having trouble — not who,
    and never anything they wrote."""
    await record("pin_paused", member=member, circle_id=member.circle_id, subject=device)
    if pause.step != TELL_LEAD_AT_STEP:
        return
    lead = await triggers.sign_in_trouble(member.circle_id, pause.id)
    if lead is not None:
        await record(
            "lead_told_sign_in_trouble",
            practitioner=lead,
            member=member,
            circle_id=member.circle_id,
            subject=device,
        )
