"""Compare two versions of a convenant, article by article (and overweging by overweging)."""

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

ONGEWIJZIGD = "ongewijzigd"
GEWIJZIGD = "gewijzigd"
TOEGEVOEGD = "toegevoegd"
VERVALLEN = "vervallen"


@dataclass
class Verschil:
    label: str
    status: str
    oud: str
    nieuw: str

    def diff_html(self):
        """The new text with removed words struck through and added words marked.

        Compares word by word; line breaks (between an article's sub-items) are kept.
        """
        old_words, new_words = _words(self.oud), _words(self.nieuw)

        def join(words):
            return " ".join(escape(w) for w in words).replace(" \n ", "<br>").replace("\n", "<br>")

        parts = []
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                parts.append(join(old_words[a1:a2]))
                continue
            if a2 > a1:
                parts.append(f"<del>{join(old_words[a1:a2])}</del>")
            if b2 > b1:
                parts.append(f"<ins>{join(new_words[b1:b2])}</ins>")
        return mark_safe(" ".join(parts))


def _words(text: str) -> list[str]:
    return re.findall(r"\n|[^\s]+", text)


def count_by_status(verschillen: dict[str, list[Verschil]]) -> dict[str, int]:
    """How many onderdelen are gewijzigd, toegevoegd, vervallen and ongewijzigd."""
    counts = Counter(v.status for rows in verschillen.values() for v in rows)
    return {status: counts[status] for status in (GEWIJZIGD, TOEGEVOEGD, VERVALLEN, ONGEWIJZIGD)}


def _compare(old: dict, new: dict, label) -> list[Verschil]:
    result = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (len(str(k)), str(k))):
        oud, nieuw = old.get(key), new.get(key)
        if oud is None:
            status = TOEGEVOEGD
        elif nieuw is None:
            status = VERVALLEN
        elif oud == nieuw:
            status = ONGEWIJZIGD
        else:
            status = GEWIJZIGD
        result.append(Verschil(label(key), status, oud or "", nieuw or ""))
    return result


def _texts(convenant):
    overwegingen = {o.letter: o.tekst for o in convenant.overwegingen.all()}
    artikelen = {
        a.nummer: a.full_text() for a in convenant.artikelen.prefetch_related("onderdelen")
    }
    return overwegingen, artikelen


def compare_convenanten(oud, nieuw) -> dict[str, list[Verschil]]:
    """The differences between two convenanten: overwegingen by letter, artikelen by number."""
    oud_overwegingen, oud_artikelen = _texts(oud)
    nieuw_overwegingen, nieuw_artikelen = _texts(nieuw)
    return {
        "overwegingen": _compare(oud_overwegingen, nieuw_overwegingen, lambda k: f"Overweging {k}"),
        "artikelen": _compare(oud_artikelen, nieuw_artikelen, lambda k: f"Artikel {k}"),
    }
