"""The PDF reports: one builder per kind, one rendering path (``regiekamer.pdf``).

A builder takes the samenwerkingsverband and the options of the command or the page
(``gemeente``, ``jaar``, ``periode``) and returns the template and its context. The page's
download button and ``manage.py rapport`` both call ``make_report``, so they print the same.
"""

from convenant.document import convenant_report
from convenant.rapporten import raadsinformatiebrief_report
from formatie.rapporten import bezetting_report
from governance.rapporten import besluitenlijst_report
from kosten.rapporten import kostenverdeling_report, verrekening_report
from programma.rapporten import voortgang_report

from .pdf import RapportFout, render_pdf

REPORTS = {
    "kostenverdeling": kostenverdeling_report,
    "bezetting": bezetting_report,
    "verrekening": verrekening_report,
    "voortgang": voortgang_report,
    "besluitenlijst": besluitenlijst_report,
    "convenant": convenant_report,
    "raadsinformatiebrief": raadsinformatiebrief_report,
}


def make_report(soort: str, sv, **options) -> tuple[bytes, str]:
    """The PDF of a report and its file name."""
    if soort not in REPORTS:
        raise RapportFout(f"Onbekend rapport '{soort}'. Kies uit: {', '.join(REPORTS)}.")
    template, context = REPORTS[soort](sv, **options)
    context.setdefault("samenwerkingsverband", sv)
    return render_pdf(template, context), f"{soort}-{sv.afkorting}.pdf"
