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

# "March 2015", "in March of 2015": a month of a year, no day given.
MONTH_OF_YEAR = re.compile(
    rf"\b{_MONTH.replace('month', 'month3')}(?:\s+of)?\s+(?P<year3>\d{{4}})\b", re.IGNORECASE
)


# A pinned date is told from the other pinned things (numbers, versions) by this prefix.
DATE_PIN = "date:"


def is_date_pin(thing: str) -> bool:
    return thing.startswith(DATE_PIN)


def spelled_dates(text: str) -> list[str]:
    """The calendar dates ``text`` spells out, as "date:YYYY-MM-DD" pins, and the months of a
    year it names without a day, as "date:YYYY-MM": a document may print them any way
    ("23.04.2015", "2015-04-23", "07.03.2015" for a day of March 2015)."""
    dates = []
    for match in SPELLED_DATE.finditer(text):
        day = int(match.group("day") or match.group("day2"))
        if 1 <= day <= 31:
            month = _month_number(match.group("month") or match.group("month2"))
            dates.append(f"{DATE_PIN}{match.group('year')}-{month:02d}-{day:02d}")
    for match in MONTH_OF_YEAR.finditer(SPELLED_DATE.sub(" ", text)):
        dates.append(f"{DATE_PIN}{match.group('year3')}-{_month_number(match.group('month3')):02d}")
    return dates


def without_dates(text: str) -> str:
    """``text`` with the dates and months of a year it spells out blanked: their numbers are
    pinned as the date, not on their own."""
    return MONTH_OF_YEAR.sub(" ", SPELLED_DATE.sub(" ", text))


def dated_months(text: str) -> list[str]:
    """The names of months ``text`` spells in its dates ("April" of "23 April 2015"): a
    document prints them in figures."""
    months = [m.group("month") or m.group("month2") for m in SPELLED_DATE.finditer(text)]
    return months + [m.group("month3") for m in MONTH_OF_YEAR.finditer(text)]


def _month_number(name: str) -> int:
    return [m[:3] for m in MONTHS].index(name.lower()[:3]) + 1


def _pin_parts(pin: str) -> tuple[int, int, int | None]:
    """Year, month and day of a date pin; no day for a month of a year."""
    parts = [int(part) for part in pin.removeprefix(DATE_PIN).split("-")]
    return parts[0], parts[1], parts[2] if len(parts) > 2 else None


def states_date(text: str, pin: str) -> bool:
    """``text`` gives the date of ``pin`` ("date:2015-04-23"), in figures or in words; for a
    month of a year ("date:2015-03"), any day of it or the month itself."""
    year, month, day = _pin_parts(pin)
    if day is None:
        return _states_month(text, year, month)
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


def _states_month(text: str, year: int, month: int) -> bool:
    d, m, y = r"[0-3]?\d", rf"0?{month}", rf"(?:{year}|{year % 100:02d})"
    name = _MONTH_NAMES[month - 1]
    forms = [
        rf"{d}([./-]){m}\1{y}",  # 07.03.2015
        rf"{m}/{d}/{y}",  # 3/7/2015
        rf"{year}-{m}(?:-{d})?",  # 2015-03-07, 2015-03
        rf"(?:{d}(?:st|nd|rd|th)?(?:\s+of)?\s+)?{name}\.?(?:\s+{d}(?:st|nd|rd|th)?)?,?"
        rf"(?:\s+of)?\s+{year}",  # March 2015, 7 March 2015, March 7, 2015
    ]
    pattern = r"(?<![\w.])(?:" + "|".join(forms) + r")(?![\w]|\.\d)"
    return re.search(pattern, text, re.IGNORECASE) is not None


# "18.02.2015", "2015-02-18", "2/18/2015": a calendar date in figures.
_DATE_IN_FIGURES = re.compile(
    r"(?<![\w.])(?:[0-3]?\d([./-])[01]?\d\1(?:\d{4}|\d{2})|\d{4}-[01]\d-[0-3]\d)(?![\w]|\.\d)"
)


def prints_dates(text: str) -> bool:
    """``text`` gives a calendar date, in figures or spelled out."""
    return bool(_DATE_IN_FIGURES.search(text) or SPELLED_DATE.search(text))


def renders_date(span: str, pin: str) -> bool:
    """``span`` is the pinned date in figures, its year left out or not ("23.04"), or for a
    month of a year, a day of that month ("07.03")."""
    year, month, day = _pin_parts(pin)
    d = r"[0-3]?\d" if day is None else rf"0?{day}"
    return bool(re.fullmatch(rf"{d}([./-])0?{month}(?:\1(?:{year}|{year % 100:02d}))?\.?", span))


_MONTH_NAMES = [rf"{m[:3]}(?:{m[3:]})?" for m in MONTHS]
