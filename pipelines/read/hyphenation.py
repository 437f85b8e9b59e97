"""Line-end hyphens: undone for a word the typesetter broke, kept for a real compound.

The reader joins a line that ends with a hyphen to the next with `MARK` in between, and
decides once the whole document is read, from the document's own vocabulary: if the
hyphenated form appears elsewhere in the text ("Pas-de-Calais", "Lens-Hénin") the hyphen is
kept, and so it is between a lower-case letter and a capital ("Achiet-le-" + "Grand",
though "Legrand" is a name of the report); if the joined form appears ("déplacements"), it
is removed. A form seen nowhere keeps its hyphen before a capital or a digit (a name,
"2019-2022") and loses it otherwise (also within a word set in capitals throughout: "PAIE-"
+ "MENT").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from pipelines.read.document import Span

MARK = "\ue000"  # a private-use character: never in a report's text
_WORD = r"[\w'’]+"
_MARKED = re.compile(rf"({_WORD})-{MARK}({_WORD})")
# a compound starts where a word does: a match cannot start inside a word where one starting
# at the word's start failed, and trying there would be quadratic in the word's length
_HYPHENATED = re.compile(rf"(?<![\w'’]){_WORD}(?:-{_WORD})+")
_PLAIN = re.compile(_WORD)


def join_lines(first: str, second: str) -> str:
    """Two lines of one paragraph: a trailing hyphen after a letter is marked for later."""
    if len(first) > 1 and first.endswith("-") and first[-2].isalpha() and second[:1].isalnum():
        return f"{first}{MARK}{second}"
    if len(first) > 1 and first.endswith("-") and first[-2].isdigit() and second[:1].isdigit():
        return f"{first}{second}"  # "2019-" + "2022"
    return f"{first} {second}"


class Vocabulary:
    def __init__(self, texts: Iterable[str]):
        self.pairs: set[str] = set()  # "pas-de", "de-calais": adjacent parts of compounds
        self.plain: set[str] = set()
        for text in texts:
            clean = text.replace(f"-{MARK}", " ")  # broken words are not evidence
            for word in _HYPHENATED.findall(clean) if "-" in clean else ():
                parts = word.lower().split("-")
                self.pairs.update(f"{a}-{b}" for a, b in itertools.pairwise(parts))
            self.plain.update(map(str.lower, _PLAIN.findall(clean)))

    def resolve(self, text: str) -> str:
        return self.resolve_spans(text, ())[0]

    def resolve_spans(self, text: str, spans: tuple[Span, ...]) -> tuple[str, tuple[Span, ...]]:
        """The text with its marks decided, and the character ranges `spans` of `text`
        moved to where they land in it."""
        if MARK not in text:
            return text, spans
        pieces: list[str] = []
        lands: list[int] = []  # where each position of `text` lands in the result
        length = position = 0
        for match in _MARKED.finditer(text):
            hyphen = match.end(1)  # the hyphen, then the mark
            pieces.append(text[position:hyphen])
            lands += range(length, length + hyphen - position)
            length += hyphen - position
            kept = self._keeps_hyphen(match.group(1), match.group(2))
            lands += [length, length + kept]
            pieces.append("-" if kept else "")
            length += kept
            position = hyphen + 2
        pieces.append(text[position:])
        lands += range(length, length + len(text) - position + 1)  # and the end of the text
        resolved = "".join(pieces).replace(MARK, " ")
        return resolved, tuple((lands[start], lands[end]) for start, end in spans)

    def _keeps_hyphen(self, before: str, after: str) -> bool:
        if f"{before}-{after}".lower() in self.pairs:
            return True
        if before[-1:].islower() and after[:1].isupper():
            return True  # "Achiet-le-" + "Grand": no word has a capital inside ("Legrand")
        if f"{before}{after}".lower() in self.plain:
            return False
        # a capital after the hyphen is a name's ("Lens-Hénin"), unless the word is set in
        # capitals throughout ("PAIE-" + "MENT", "DE-" + "CI")
        capital = after[:1].isupper() and not (before.isupper() and after.isupper())
        return capital or after[:1].isdigit() or before[-1:].isdigit()
