"""Numbers in the text that are not figures: years, dates, phone numbers, list markers.

Shared by the key-figure extractor (which skips them) and the coverage report (which
counts them as deliberately ignored, with the reason).
"""

from __future__ import annotations

import re

MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre"
)
_DATE_AFTER = re.compile(rf"^\s*(?:er\s+|\^\{{?er\}}?\s*)?(?:{MONTHS})\b", re.IGNORECASE)
_DAY_MONTH_NUMERIC = re.compile(r"^/\d{1,2}\b")
_BEFORE_NUMERIC_DATE = re.compile(r"\d{1,2}/$")
_PHONE = re.compile(r"\b0\d(?:[ .]\d{2}){4}\b")
_ORDINAL_AFTER = re.compile(r"^\s?(?:\^\{[^}]*\}|\^\w+|er\b|re\b|ère\b|ème\b|e\b|è\b)")
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
_LIST_MARKER = re.compile(r"^\s*(?:[-•]\s*)?$")
_NUMBERED_AFTER = re.compile(r"^\s*(?::|\))\s")
_AGE = re.compile(r"^\s*ans\b")
_NAME_BEFORE = re.compile(r"\b(?:des|de|du)\s$|[A-ZÉÈ][A-ZÉÈ\-]+\s$")
_NAME_AFTER = re.compile(r"^\s[A-ZÉÈ][a-zéèêàç]+")


def ignorable_reason(text: str, start: int, end: int) -> str | None:
    """Why the number at text[start:end] is not a figure, or None if it may be one."""
    token = text[start:end]
    before, after = text[:start], text[end:]
    if any(m.start() <= start < m.end() for m in _PHONE.finditer(text)):
        return "phone number"
    if _ORDINAL_AFTER.match(after):
        return "ordinal"
    if (
        _DATE_AFTER.match(after)
        or _DAY_MONTH_NUMERIC.match(after)
        or _BEFORE_NUMERIC_DATE.search(before)
    ):
        return "date"
    if _YEAR.match(token):
        return "year"
    if _AGE.match(after):
        return "age or duration in a label"
    if _NAME_BEFORE.search(before) and _NAME_AFTER.match(after):
        return "inside a name"
    if _LIST_MARKER.match(before) and _NUMBERED_AFTER.match(after):
        return "list or map marker"
    return None
