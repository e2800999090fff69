"""The closing question (R8): how did today's walk feel, compared with the runner's own
past — their last walk, their last four weeks — and never with anyone else.

The only numbers it says are the runner's own: today's length and what
:class:`~footfall.guide.model.PastWalks` holds. Without a past it asks without numbers.
"""

from __future__ import annotations

from footfall.guide.model import PastWalks
from footfall.guide.styles import Style
from footfall.guide.words import say_minutes

ASK = "How did today's walk feel: legs stronger, more energy? Tell footfall in a check-in."
ASK_FIRST = "How did that feel: legs, energy, breathing? Tell footfall in a check-in."


def closing_question(style: Style, minutes: float, past: PastWalks | None) -> str:
    """At most two facts from the runner's own past, then the question."""
    facts = _facts(style, minutes, past) if past is not None else []
    if not facts:
        return ASK_FIRST
    return " ".join([*facts[:2], ASK])


def _facts(style: Style, minutes: float, past: PastWalks) -> list[str]:
    facts: list[str] = []
    if past.last_minutes is not None:
        which = style.title if past.last_style == style.name else "walk"
        facts.append(
            f"Your last {which} was {say_minutes(past.last_minutes)}; "
            f"today was {say_minutes(minutes)}."
        )
    if past.last_brisk_share is not None and style.pace == "brisk":
        percent = round(past.last_brisk_share * 100)
        facts.append(f"Last time, {percent} percent of your walk was brisk.")
    if past.walks_last_4_weeks is not None:
        facts.append(_walks_in_four_weeks(past.walks_last_4_weeks))
    return facts


def _walks_in_four_weeks(count: int) -> str:
    if count == 0:
        return "This is your first walk in four weeks."
    times = "once" if count == 1 else f"{count} times"
    return f"You walked {times} in the last four weeks."
