"""The words the contracts allow: units, qualifiers, periods, entity types, source kinds.

Declared here, once, beside the schemas that enforce them; the code that reads the report
imports them from here (the contracts never import the code they constrain).
"""

from __future__ import annotations

# Normalised units: money in EUR, percentages as percent numbers, pct_change a signed change
# in percent, m linear metres, fte full-time equivalents, gb gigabytes, day a time taken
# ("un délai moyen de 29 jours").
UNITS = frozenset(
    {
        "count",
        "EUR",
        "km",
        "km2",
        "ha",
        "m2",
        "m",
        "pct",
        "pct_change",
        "per_km2",
        "fte",
        "t",
        "gb",
        "day",
    }
)
NON_NEGATIVE_UNITS = sorted(
    UNITS - {"pct", "pct_change"}
)  # shares and changes may be printed signed
# "près de" / "environ": approx; "plus de": at_least; "moins de": at_most
QUALIFIERS = frozenset({"approx", "at_least", "at_most"})
# year: the report year (the default); as_of: a stock at a date; cumulative: since a start;
# multi_year: several years; forecast: a target or an estimate to come
PERIOD_KINDS = ("year", "as_of", "cumulative", "multi_year", "forecast")
SOURCE_KINDS = ["text", "pdf", "reference"]
ENTITY_TYPES = [
    "department",
    "territory",
    "mds",
    "mdadt",
    "epci",
    "canton",
    "commune",
    "organisation",
]
