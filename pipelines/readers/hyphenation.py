"""Line-end hyphens: undone for a word the typesetter broke, kept for a real compound.

The reader joins a line that ends with a hyphen to the next with `MARK` in between, and
decides once the whole document is read, from the document's own vocabulary: if the
hyphenated form appears elsewhere in the text ("Pas-de-Calais", "Lens-Hénin") the hyphen is
kept; if the joined form does ("déplacements"), it is removed. A form seen nowhere keeps its
hyphen before a capital or a digit (a name, "2019-2022") and loses it otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

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
        if MARK not in text:
            return text
        return _MARKED.sub(self._decide, text).replace(MARK, " ")

    def _decide(self, match: re.Match[str]) -> str:
        before, after = match.group(1), match.group(2)
        kept, joined = f"{before}-{after}", f"{before}{after}"
        if kept.lower() in self.pairs:
            return kept
        if joined.lower() in self.plain:
            return joined
        if after[:1].isupper() or after[:1].isdigit() or before[-1:].isdigit():
            return kept
        return joined
