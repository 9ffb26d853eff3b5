"""One home per rule: each rule below is written once in the product source.

A second copy (a view that decides again which field of a bezetting holds its value, a page
that compares a deadline with today itself, a report that orders convenanten its own way)
fails here, with the place of every copy. The fix is to call the rule's home, named in the
failure, not to widen the pattern. See README, Layout ("where a new rule goes").
"""

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Not product source: the tests, migrations, installed packages, front-end and build folders.
NOT_SOURCE = {"tests", "migrations", "node_modules", "static", "templates", "media", "htmlcov"}


def product_source() -> dict[str, str]:
    files = {}
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if d not in NOT_SOURCE and not d.startswith((".", "_")))
        for name in sorted(names):
            if name.endswith(".py"):
                path = Path(folder, name)
                files[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    return files


SOURCE = product_source()


def copies(pattern: str, only=lambda path, text: True) -> list[str]:
    """Every line of the product source that matches ``pattern``, as 'path:line: text'."""
    found = []
    for path, text in SOURCE.items():
        if not only(path, text):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(pattern, line):
                found.append(f"{path}:{number}: {line.strip()}")
    return found


def about_herijkingsmomenten(path, text):
    return "herijking" in text.lower()


def a_view(path, text):
    return path.endswith("views.py")


# rule, home (the one file that may hold it), pattern, which files to read
RULES = [
    (
        "the value of a bezetting cell: fte, or bedrag for a rol paid per fase "
        "(Rol.waardeveld, read as Bezetting.waarde)",
        "formatie/models.py",
        r'\bfte\b"? if [\w.]*heeft_fte else',
        None,
    ),
    (
        "an actiepunt is te laat: open, deadline before today (Actiepunt.objects.te_laat(), "
        "Actiepunt.is_overdue())",
        "governance/models.py",
        r"deadline(__lt\b|\s*<\s*(op|today|vandaag)\b|\s*<\s*(timezone\.localdate|date\.today)\()",
        None,
    ),
    (
        "the next herijkingsmoment (Herijkingsmoment.objects.komend())",
        "convenant/models.py",
        r"\bdatum__gte\b",
        about_herijkingsmomenten,
    ),
    (
        "the current convenant, latest signed first (Convenant.objects.huidig())",
        "convenant/models.py",
        r'F\("dagtekening"\)\.desc\(',
        None,
    ),
    (
        "one function that picks the current convenant for a document or a letter",
        "convenant/document.py",
        r"def current_convenant\b",
        None,
    ),
    (
        "the report to show: the latest sent to the stuurgroep, else the latest "
        "(Voortgangsrapportage.objects.te_tonen())",
        "programma/models.py",
        r"filter\((status=)?(Rapportagestatus\.VASTGESTELD|\"vastgesteld\"|\*\*FROZEN)\)"
        r"(\.order_by\([^)]*\))?\.first\(\)",
        None,
    ),
    (
        "one choose_report (the voortgangsrapportage a PDF prints)",
        "programma/rapporten.py",
        r"def choose_report\b",
        None,
    ),
    (
        "the <svg> element of a drawing (regiekamer.svg.document)",
        "regiekamer/svg.py",
        r"<svg xmlns",
        None,
    ),
    (
        "the font of a drawing (regiekamer.svg.FONT)",
        "regiekamer/svg.py",
        r'font-family="DejaVu',
        None,
    ),
    (
        "a coordinate in a drawing (regiekamer.svg.number)",
        "regiekamer/svg.py",
        r'\.1f\}"\.rstrip\("0"\)|round\(\w+, 1\):g\}',
        None,
    ),
    (
        "?download=pdf (regiekamer.views.PdfDownloadMixin)",
        "regiekamer/views.py",
        r'==\s*"pdf"|"pdf"\s*==',
        None,
    ),
    (
        "what a page answers when a report cannot be made (PdfDownloadMixin)",
        "regiekamer/views.py",
        r"except RapportFout\b",
        a_view,
    ),
    (
        "the WeasyPrint import, made when a PDF is made (regiekamer.pdf_fetcher)",
        "regiekamer/pdf_fetcher.py",
        r"^(from|import) weasyprint\b",
        None,
    ),
]


IDS = [
    "bezetting-waarde",
    "te-laat",
    "herijking-komend",
    "convenant-huidig",
    "current-convenant",
    "rapport-te-tonen",
    "choose-report",
    "svg-element",
    "svg-font",
    "svg-number",
    "download-pdf",
    "rapportfout-in-views",
    "weasyprint-import",
]


@pytest.mark.parametrize(("rule", "home", "pattern", "only"), RULES, ids=IDS)
def test_each_rule_has_one_definition(rule, home, pattern, only):
    found = copies(pattern, only or (lambda path, text: True))
    assert len(found) == 1 and found[0].startswith(f"{home}:"), (
        f"{rule} belongs in {home} only; found {len(found)}:\n" + "\n".join(found)
    )


def test_the_source_is_read():
    """The walk finds the product source (a wrong root would make every rule pass)."""
    assert {"formatie/models.py", "regiekamer/views.py", "convenant/models.py"} <= set(SOURCE)
    assert not any(path.startswith("tests/") for path in SOURCE)
