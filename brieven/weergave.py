"""How a raadsinformatiebrief is laid out, for its page and its PDF alike (one rendering).

The text (merge fields already filled in) is read as blocks: paragraphs are separated by a
blank line; a paragraph that is a single line starting with "# " is a section heading
("# Samenwerken loont"). The letterhead is the gemeente's (``Briefhoofd``): its name, its logo
if any, and who signs on the letter's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from partijen.models import ONDERTEKENAARS, Functie, Gemeente
from regiekamer.logo import data_uri

BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Block:
    kind: str  # "kop" or "alinea"
    text: str

    @property
    def lines(self) -> list[str]:
        """An alinea's lines (a single line break inside a paragraph is kept)."""
        return self.text.split("\n")


def blocks(text: str) -> list[Block]:
    """The letter's body as headings ("kop") and paragraphs ("alinea"), in order."""
    found = []
    for chunk in BLANK_LINE.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.rstrip() for line in chunk.strip("\n").split("\n")]
        while lines and not lines[0].strip():
            lines.pop(0)
        if not lines:
            continue
        if len(lines) == 1 and lines[0].lstrip().startswith("# "):
            heading = lines[0].lstrip()[2:].strip()
            if heading:
                found.append(Block("kop", heading))
            continue
        found.append(Block("alinea", "\n".join(lines).strip()))
    return found


@dataclass(frozen=True)
class Ondertekenaar:
    naam: str
    functie: str


@dataclass
class Briefhoofd:
    """The letterhead and signatures of one letter of a gemeente's college."""

    gemeente: Gemeente
    logo_src: str = ""
    ondertekenaars: list[Ondertekenaar] = field(default_factory=list)

    @property
    def naam(self) -> str:
        return f"Gemeente {self.gemeente.naam}"


def signatory_names(brief, datum: date) -> dict[str, str]:
    """{functie: naam} of who signs, gemeentesecretaris first: the names on the letter. On a
    concept a name left empty is the gemeente's functionaris on the letter's own date
    (``ondertekenaars_op``); sending stores those names on the letter (``send_letter``), so a
    sent letter prints the names it was sent with, whatever the letterhead records later. An
    empty name: nobody known."""
    known = {} if brief.is_frozen else brief.gemeente.ondertekenaars_op(datum)
    names = {
        Functie.GEMEENTESECRETARIS: brief.gemeentesecretaris,
        Functie.BURGEMEESTER: brief.burgemeester,
    }
    return {functie: names[functie] or known.get(functie, "") for functie in ONDERTEKENAARS}


def signatories(brief, datum: date) -> list[Ondertekenaar]:
    """Who signs, as printed under the letter (``signatory_names``)."""
    return [
        Ondertekenaar(naam=naam, functie=functie.label)
        for functie, naam in signatory_names(brief, datum).items()
    ]


def briefhoofd(brief, datum: date, *, pdf: bool = False) -> Briefhoofd:
    """The letterhead of ``brief`` dated ``datum``. The logo on a page is the gemeente's
    checked logo view; in a PDF the same file is embedded (WeasyPrint reads no URL)."""
    gemeente = brief.gemeente
    if not gemeente.logo:
        logo = ""
    elif pdf:
        logo = data_uri(gemeente.logo)
    else:
        logo = gemeente.logo.url
    return Briefhoofd(gemeente=gemeente, logo_src=logo, ondertekenaars=signatories(brief, datum))
