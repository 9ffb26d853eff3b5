"""The PDF reports: one builder per kind, one rendering path (``regiekamer.pdf``).

A builder takes the samenwerkingsverband and the options of the command or the page
(``gemeente``, ``jaar``, ``periode``) and returns the template and its context. The page's
download button (``regiekamer.pdf.make_pdf``) and ``manage.py rapport`` (``make_report``)
make them the same way, so they print the same.
"""

from brieven.rapporten import raadsinformatiebrief_report
from convenant.document import convenant_report
from formatie.rapporten import bezetting_report
from governance.rapporten import besluitenlijst_report
from kosten.jaarrekening import jaarrekening_report, nacalculatie_report
from kosten.rapporten import kostenverdeling_report, verrekening_report
from kosten.rekening import rekening_pdf
from programma.rapporten import voortgang_report
from regiekamer.pdf import RapportFout, make_pdf
from scenarios.rapporten import scenariovergelijking_report

REPORTS = {
    "kostenverdeling": kostenverdeling_report,
    "bezetting": bezetting_report,
    "verrekening": verrekening_report,
    "voortgang": voortgang_report,
    "besluitenlijst": besluitenlijst_report,
    "convenant": convenant_report,
    "raadsinformatiebrief": raadsinformatiebrief_report,
    "scenariovergelijking": scenariovergelijking_report,
    "nacalculatie": nacalculatie_report,
    "jaarrekening": jaarrekening_report,
}


def make_report(soort: str, sv, **options) -> tuple[bytes, str]:
    """The PDF of a report and its file name."""
    if soort not in REPORTS:
        raise RapportFout(f"Onbekend rapport '{soort}'. Kies uit: {', '.join(REPORTS)}.")
    return make_pdf(soort, REPORTS[soort], sv, **options)


# Reports of one gemeente over all its (real) samenwerkingsverbanden: its bill for its own
# begroting (the gemeente's page and ``manage.py rekening GEMEENTE --format pdf``).
GEMEENTE_REPORTS = {
    "rekening": rekening_pdf,
}


def make_gemeente_report(soort: str, gemeente, **options) -> tuple[bytes, str]:
    """The PDF of a gemeente's report and its file name."""
    if soort not in GEMEENTE_REPORTS:
        kinds = ", ".join(GEMEENTE_REPORTS)
        raise RapportFout(f"Onbekend rapport '{soort}' van een gemeente. Kies uit: {kinds}.")
    return GEMEENTE_REPORTS[soort](gemeente, **options)
