"""Calendar dates a question spells out ("23 April 2015") and the ways a document prints them
("23.04.2015", "2015-04-23", "April 23, 2015"): a date the question pins is found in any of them.
"""

from __future__ import annotations

import re

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = r"(?P<month>" + "|".join(m[:3] + r"(?:" + m[3:] + r")?\.?" for m in MONTHS) + r")"
# "23 April 2015", "April 23, 2015", "the 3rd of March 2015": a calendar date spelled out.
SPELLED_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}|"
    rf"{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+"
    r"(?P<year>\d{4})\b",
    re.IGNORECASE,
)


# A pinned date is told from the other pinned things (numbers, versions) by this prefix.
DATE_PIN = "date:"


def is_date_pin(thing: str) -> bool:
    return thing.startswith(DATE_PIN)


def spelled_dates(text: str) -> list[str]:
    """The calendar dates ``text`` spells out, as "date:YYYY-MM-DD" pins: a document may print
    them any way ("23.04.2015", "2015-04-23")."""
    dates = []
    for match in SPELLED_DATE.finditer(text):
        month = (match.group("month") or match.group("month2")).lower()[:3]
        number = [m[:3] for m in MONTHS].index(month) + 1
        day = int(match.group("day") or match.group("day2"))
        if 1 <= day <= 31:
            dates.append(f"{DATE_PIN}{match.group('year')}-{number:02d}-{day:02d}")
    return dates


def states_date(text: str, pin: str) -> bool:
    """``text`` gives the date of ``pin`` ("date:2015-04-23"), in figures or in words."""
    year, month, day = (int(part) for part in pin.removeprefix(DATE_PIN).split("-"))
    d, m, y = rf"0?{day}", rf"0?{month}", rf"(?:{year}|{year % 100:02d})"
    name = _MONTH_NAMES[month - 1]
    forms = [
        rf"{d}([./-]){m}\1{y}",  # 23.04.2015, 23/4/15
        rf"{m}/{d}/{y}",  # 4/23/2015
        rf"{year}-{m}-{d}",  # 2015-04-23
        rf"{d}(?:st|nd|rd|th)?(?:\s+of)?\s+{name}\.?,?\s+{year}",
        rf"{name}\.?\s+{d}(?:st|nd|rd|th)?,?\s+{year}",
    ]
    pattern = r"(?<![\w.])(?:" + "|".join(forms) + r")(?![\w]|\.\d)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def renders_date(span: str, pin: str) -> bool:
    """``span`` is the pinned date in figures, its year left out or not ("23.04")."""
    year, month, day = (int(part) for part in pin.removeprefix(DATE_PIN).split("-"))
    return bool(
        re.fullmatch(rf"0?{day}([./-])0?{month}(?:\1(?:{year}|{year % 100:02d}))?\.?", span)
    )


_MONTH_NAMES = [rf"{m[:3]}(?:{m[3:]})?" for m in MONTHS]
