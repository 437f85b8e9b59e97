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
_URL = re.compile(r"(?:https?://|www\.)[^\s>»)]+", re.IGNORECASE)
_PHONE = re.compile(r"\b0\d(?:[ .]\d{2}){4}\b")
_ORDINAL_AFTER = re.compile(
    r"^\s?(?:\^\{[^}]*\}|\^\w+|ers?\b|res?\b|ères?\b|èmes?\b|e\b|è\b|nde?s?\b)"
)
_YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")
_LIST_MARKER = re.compile(r"^\s*(?:[-•]\s*)?$")
_NUMBERED_AFTER = re.compile(r"^\s*(?::|\))\s")
_AGE = re.compile(r"^\s*ans\b")
_DURATION = re.compile(r"^\s*(?:jours?|semaines?|mois|minutes?|années)\b", re.IGNORECASE)
_TIME = re.compile(r"^\s?h(?:\d{2}|\b)|^\s?heures?\s+(?:et\s+)?\d|^:\d{2}\b")
# "communes de moins de 2 000 habitants", "de - 2 000 habitants": a condition, not a figure
_THRESHOLD_BEFORE = re.compile(
    r"(?:\bde|\bdes|\baux|\bles|\bà)\s+(?:moins|plus|-|\+)\s*(?:de\s+|d['’])?$|"
    r"\b(?:à\s+partir|au-delà|en\s+dessous|au-dessus)\s+de\s+$|\b(?:inférieure?s?|supérieure?s?)\s+à\s+$",
    re.IGNORECASE,
)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:habitants|ans|salariés|élèves)\b", re.IGNORECASE)
_LAW_BEFORE = re.compile(
    r"\b(?:article|articles|loi|décret|arrêté|n°|no|nº|alinéa|L\.?|R\.?)\s*$", re.IGNORECASE
)
# an acronym or code right before the number: "RD 917", "M 57", "BDR 62", "ESCAPA 62"
_CODE_BEFORE = re.compile(r"(?<![\w'’])(?:[A-Z]{1,8}|[A-Z][a-z]+[A-Z]\w*)\s?$")
# a table of contents or menu: a number opening a short line, then a title
_PAGE_LINE = re.compile(r"^\s*(?:[-•]\s*)?$")
_DIGITS = re.compile(r"\d+")
_PAGE_AFTER = re.compile(r"^\s+(?:[A-ZÉÈÀÂÎ«]|L['’])")
_DEPARTMENT_NUMBER_AFTER = re.compile(r"^\s*(?:$|[)»,.;:!?\-–—]|\s[A-Z])")
_POSTCODE = re.compile(r"^(?:59|62)\d{3}$")
# "17 et 18 septembre", "du 2 au 6 mai", "Du 25 au 27 février": the first day of a range
_DATE_RANGE_AFTER = re.compile(
    rf"^\s*(?:et|au|à|-)\s+\d{{1,2}}(?:er)?\s+(?:{MONTHS})\b", re.IGNORECASE
)
_AGE_RANGE_AFTER = re.compile(r"^\s*(?:-|à)\s*\d{1,3}\s+ans\b")
# a scale bar of a map: "0 2,75 5,5 km"
_SCALE_LINE = re.compile(r"^\s*0(?:\s+\d+(?:[,.]\d+)?){1,3}(?:\s*km)?\b")
# glued to a capital ("3D", "119E1"), but not a unit ("24M€", "3km")
_CODE_AFTER = re.compile(r"^(?!M€|Md|M\s?€|K€|k€)[A-Z]")
# a name with a number: "Le 6263," (a help desk), "« 6.2 Cœur numérique »", "les 4 vents"
_NAME_NUMBER_BEFORE = re.compile(r"(?:^|[.!?]\s)(?:Le|La)\s$|«\s?$")
_NAME_NUMBER_AFTER = re.compile(r"^(?:\s*[,)]|\s+est\b|\s+[A-ZÉ]|$)")
_LOWER_NAME = re.compile(r"\bles\s$")
_LOWER_NAME_AFTER = re.compile(r"^\s+vents\b")
# a programme named by a percentage in a list: "(mobilité, ISIP, 100% insertion...)"
_NAMED_PCT = re.compile(r"^\s?%?\s+[a-zé]+(?:\.\.\.|…|\)|,)")
_RANGE_END_BEFORE = re.compile(r"\b(?:de|entre)\s+\d[\d \u00a0\u202f,.]*\s+(?:à|et)\s+$")
_NAME_BEFORE = re.compile(r"\b(?:des|de|du)\s$|[A-ZÉÈ][A-ZÉÈ\-]+\s$")
_NAME_AFTER = re.compile(r"^\s[A-ZÉÈ][a-zéèêàç]+")


def ignorable_reason(text: str, start: int, end: int, *, running_text: bool = False) -> str | None:
    """Why the number at text[start:end] is not a figure, or None if it may be one.

    `running_text`: the line is prose or a menu, not a key-figure block, where a short line
    "6 Le Département du Pas-de-Calais" is a page number of a contents list, not a count."""
    token = text[start:end]
    before, after = text[:start], text[end:]
    if any(m.start() <= start < m.end() for m in _URL.finditer(text)):
        return "web address"
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
    if _DATE_RANGE_AFTER.match(after):
        return "date"
    if _SCALE_LINE.match(text) and start < _SCALE_LINE.match(text).end():
        return "map or chart scale"
    if _AGE.match(after) or _DURATION.match(after) or _AGE_RANGE_AFTER.match(after):
        return "age or duration in a label"
    if _TIME.match(after):
        return "time of day"
    if re.search(r"\b(?:km|PR)\s$", before):
        return "kilometre marker"
    if _LAW_BEFORE.search(before):
        return "law, article or reference number"
    if _THRESHOLD_BEFORE.search(before) and _THRESHOLD_AFTER.match(after):
        return "threshold or condition"
    if _POSTCODE.match(token) and _NAME_AFTER.match(after):
        return "postcode"
    # a contents line, or two of them run together by a PDF ("... de vie 80 Favoriser ...")
    lone = len(_DIGITS.findall(text)) == 1 and re.search(r"[a-zé]\s$", before)
    if (
        running_text
        and (_PAGE_LINE.match(before) or lone)
        and _PAGE_AFTER.match(after)
        and len(text) < 110
    ):
        return "page or menu number"
    is_pct = token.rstrip().endswith("%") or after.lstrip().startswith("%")
    if _CODE_AFTER.match(after) or (is_pct and before.endswith(", ") and _NAMED_PCT.match(after)):
        return "name or code containing digits"
    if re.fullmatch(r"\d+\.\d+", token.strip()) and re.match(r"^\s[A-ZÉ]\w", after):
        return "name or code containing digits"  # "du 6.2 Cœur numérique" (a newsletter)
    if (_NAME_NUMBER_BEFORE.search(before) and _NAME_NUMBER_AFTER.match(after)) or (
        _LOWER_NAME.search(before) and _LOWER_NAME_AFTER.match(after)
    ):
        return "name or code containing digits"
    if _CODE_BEFORE.search(before) and not before.rstrip().endswith(("(", ":")):
        return "name or code containing digits"
    if token == "62" and (
        _DEPARTMENT_NUMBER_AFTER.match(after) or re.search(r"['’«]\w+\s$", before)
    ):
        return "name or code containing digits"
    if _RANGE_END_BEFORE.search(before):
        return "other end of a range already kept"
    if _NAME_BEFORE.search(before) and _NAME_AFTER.match(after):
        return "inside a name"
    if _LIST_MARKER.match(before) and _NUMBERED_AFTER.match(after):
        return "list or map marker"
    return None
