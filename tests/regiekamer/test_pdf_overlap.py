"""No text printed over other text, in any report the product prints.

Every report is rendered once, on the MLW demo with long texts added (a long gremium name,
long role names, a long letter subject), and its layout is read from the boxes WeasyPrint
painted the PDF from (``tests.pdfs.layouts`` / ``text_overlaps``). The same rendering is
checked as a tagged PDF/UA-1 document.
"""

import datetime

import pytest
from django.conf import settings
from django.test.signals import template_rendered
from django.utils import timezone
from weasyprint import HTML

from brieven.opstellen import draft_letter
from formatie.models import Pakket
from governance.models import Gremium
from governance.rapporten import besluiten_vergadering_pdf, uitnodiging_pdf
from partijen.models import Samenwerkingsverband
from programma.models import Programmaplan
from programma.voortgang import draft_report
from rapporten.register import GEMEENTE_REPORTS, REPORTS, make_gemeente_report, make_report
from regiekamer.demo import read_fixture
from scenarios.demo import load_scenarios_record
from tests.governance import factories
from tests.kosten.test_rapport import nine_gemeenten_over_four_years
from tests.pdfs import assert_tagged_pdf_ua, layouts, pdf_text, text_overlaps

LANGE_GREMIUMNAAM = "Stuurgroep (programmaorganisatie 2021)"  # a gremium of the demo
LANGE_ROL = "Informatieanalyse en informatievoorziening (fase 1: 1.092 u, fase 2: 390 u, € 95/u)"
LANG_ONDERWERP = (
    "Voortzetting van de samenwerkingsafspraken sociaal domein Midden-Limburg West: "
    "uitvoeringsconvenant, kostenverdeling en herijkingsmoment (ingangsdatum 1 september 2016)"
)
LANGE_SV = "Samenwerkingsverband Jeugdhulp en Veilig Thuis Limburg-Noord en Midden-Limburg"
LANG_PAKKET = "Crisisdienst jeugd en Spoedeisende Zorg (24/7, inclusief coördinatie Veilig Thuis)"
LANG_BESLUIT = (
    "De stuurgroep stelt het programmaplan sociaal domein 2021-2024 en de opdrachtenbundel "
    "vast conform voorstel."
)


# -- the checker itself ------------------------------------------------------------------------


def overlaps_in(body: str, css: str = "") -> list[str]:
    style = "@page { size: A5; margin: 15mm } body { font: 10pt 'DejaVu Sans' } " + css
    html = f"<html lang='nl'><head><style>{style}</style></head><body>{body}</body></html>"
    return text_overlaps(HTML(string=html).render())


def test_a_word_too_long_for_its_cell_is_text_over_the_next_cell():
    table = (
        "<table style='table-layout: fixed; width: 100mm'><colgroup><col style='width: 20mm'>"
        "<col></colgroup><tr><td>Stuurgroep (programmaorganisatie 2021)</td>"
        "<td>vast conform voorstel</td></tr></table>"
    )
    assert overlaps_in(table) == ["pagina 1: '(programmaorganisatie' over 'vast conform voorstel'"]
    assert overlaps_in(table, "td { overflow-wrap: break-word }") == []


def test_text_placed_over_other_text_is_an_overlap():
    body = "<p style='margin: 0'>Eerste regel</p><p style='margin-top: -6pt'>Tweede regel</p>"
    assert overlaps_in(body) == ["pagina 1: 'Eerste regel' over 'Tweede regel'"]


def test_lines_set_tightly_only_touch():
    body = (
        "<p style='line-height: 0.9; width: 40mm; margin: 0'>Een alinea met <b>vette</b> en "
        "<i>schuine</i> woorden, krap gezet, over een aantal regels verdeeld.</p>"
        "<p style='margin: 0; line-height: 0.9'>En meteen een volgende alinea.</p>"
    )
    assert overlaps_in(body) == []


# -- every report, with long texts -------------------------------------------------------------


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


@pytest.fixture
def lange_teksten(demo):
    """The demo with what makes columns too narrow: decisions and a meeting of the gremium with
    the longest name, a role with a long name, a letter with a long subject."""
    sv = mlw()
    gremium = Gremium.objects.get(samenwerkingsverband=sv, naam=LANGE_GREMIUMNAAM)
    vergadering = factories.VergaderingFactory(
        gremium=gremium,
        begin=timezone.make_aware(datetime.datetime(2021, 7, 5, 14)),
        locatie="Raadszaal van het stadhuis, Wilhelminasingel 101",
    )
    punt = factories.AgendapuntFactory(
        vergadering=vergadering,
        volgorde=1,
        titel="Programmaplan sociaal domein Midden-Limburg West 2021-2024 en opdrachtenbundel",
    )
    factories.StukFactory(
        agendapunt=punt, titel="Opdrachtenbundel_programmaorganisatie_sociaal_domein_2021.pdf"
    )
    factories.BesluitFactory(gremium=gremium, agendapunt=punt, tekst=LANG_BESLUIT)
    factories.BesluitFactory(
        gremium=factories.GremiumFactory(samenwerkingsverband=sv, naam="Gemeentesecretarissen"),
        agendapunt=None,
        datum=datetime.date(2021, 7, 6),
        tekst="Aangehouden tot de colleges hebben besloten.",
        uitkomst="aangehouden",
        route="schriftelijk",
    )
    factories.LidmaatschapFactory(
        gremium=gremium,
        persoon=factories.PersoonFactory(
            naam="Drs. P.P.H. (Paul) Sterk-van den Heuvel-Wiersma",
            functie="Ambtelijk opdrachtgever programmaorganisatie sociaal domein",
        ),
        vanaf=datetime.date(2021, 1, 1),
    )
    rol = sv.rollen.order_by("volgorde", "pk").first()
    rol.naam = LANGE_ROL
    rol.naam_in_kostentabel = ""  # the cost table prints the name itself (kosten.tabel.rol_label)
    rol.save()
    brief = draft_letter(sv, sv.gemeenten.get(naam="Nederweert"))
    brief.onderwerp = LANG_ONDERWERP
    brief.kenmerk = "RIB/2016/0830-sociaal-domein-midden-limburg-west"
    brief.save()
    return {"vergadering": vergadering, "brief": brief}


def rekening_met_pluspakket(sv, data):
    """Weert's bill: MLW (with its long role name) and a second samenwerkingsverband with a
    long name and a pluspakket with a long name that only Weert takes."""
    from tests.gemeenten.test_rekening import tweede_verband

    tweede_verband(LANGE_SV, "LSV")
    Pakket.objects.filter(naam="Crisisdienst").update(naam=LANG_PAKKET)
    return make_gemeente_report("rekening", sv.gemeenten.get(naam="Weert"))


def voortgang_met_rapportage(sv, data):
    """The voortgangsrapportage with a report (colours, a long toelichting), not the planning."""
    plan = Programmaplan.objects.get(samenwerkingsverband=sv)
    rapportage = draft_report(plan, datetime.date(2021, 10, 31), "september–oktober 2021")
    regel = rapportage.regels.order_by("pk").first()
    regel.kleurstatus = "probleem"
    regel.toelichting = "Het advies over het juridisch construct loopt uit. " * 8
    regel.save()
    return make_report("voortgang", sv)


def scenariovergelijking(sv):
    """The comparison of MLW with the demo's two scenario's (``laad_demo`` adds them; the
    shared ``demo`` fixture leaves them out)."""
    load_scenarios_record(read_fixture("scenarios_mlw.json"))
    return make_report("scenariovergelijking", sv)


def met_realisatie(soort):
    """Issue 21: the nacalculatie or jaarrekening with actual costs (one of them explained at
    length, 2017 left incomplete) and a voorschotregeling."""

    def report(sv, data):
        from decimal import Decimal

        from kosten.models import Realisatie, Voorschotregeling
        from tests.kosten.test_nacalculatie_command import realisatie_gelijk_aan_plan

        realisatie_gelijk_aan_plan(sv, zonder={("Ondersteuning inkoop 2017", 2017)})
        Realisatie.objects.filter(jaar=2016, rol__naam=LANGE_ROL).update(
            bedrag=Decimal("61234.50"), toelichting=LANG_ONDERWERP
        )
        Voorschotregeling.objects.create(samenwerkingsverband=sv, vanaf_jaar=2016)
        return (
            make_report(soort, sv, jaar=2016) if soort == "jaarrekening" else make_report(soort, sv)
        )

    return report


# The reports the product prints: the registry of ``manage.py rapport`` and the two documents
# of one meeting; per case its template, how it is made, and a long text it must print.
CASES = {
    "kostenverdeling": (
        "kostenverdeling",
        lambda sv, data: make_report("kostenverdeling", sv),
        LANGE_ROL,
    ),
    "kostenverdeling-per-jaar": (  # too wide for one table: one table per year
        "kostenverdeling",
        lambda sv, data: make_report("kostenverdeling", nine_gemeenten_over_four_years()),
        "Kosten per rol en aandeel per gemeente 2023",
    ),
    "bezetting": ("bezetting", lambda sv, data: make_report("bezetting", sv), LANGE_ROL),
    "verrekening": ("verrekening", lambda sv, data: make_report("verrekening", sv), "Leudal"),
    "voortgang-planning": (
        "voortgang",
        lambda sv, data: make_report("voortgang", sv),
        "Nog geen voortgangsrapportage",
    ),
    "voortgang-rapportage": ("voortgang", voortgang_met_rapportage, "juridisch construct"),
    "besluitenlijst": (
        "besluitenlijst",
        lambda sv, data: make_report("besluitenlijst", sv),
        LANG_BESLUIT,
    ),
    "besluitenlijst-gremium": (
        "besluitenlijst",
        lambda sv, data: make_report("besluitenlijst", sv, gremium=LANGE_GREMIUMNAAM),
        LANG_BESLUIT,
    ),
    "convenant": ("convenant", lambda sv, data: make_report("convenant", sv), "Weert"),
    "raadsinformatiebrief": (
        "raadsinformatiebrief",
        lambda sv, data: make_report("raadsinformatiebrief", sv, gemeente="Weert"),
        "Weert",
    ),
    "raadsinformatiebrief-lang-onderwerp": (
        "raadsinformatiebrief",
        lambda sv, data: make_report("raadsinformatiebrief", sv, brief=data["brief"].pk),
        "herijkingsmoment (ingangsdatum 1 september 2016)",  # the end of the long subject
    ),
    "rekening": ("rekening", rekening_met_pluspakket, LANG_PAKKET),
    "scenariovergelijking": (  # MLW and the demo's two scenario's (issue 20)
        "scenariovergelijking",
        lambda sv, data: scenariovergelijking(sv),
        "Scenario Midden-Limburg en Noord-Limburg (MLNL)",
    ),
    "nacalculatie": ("nacalculatie", met_realisatie("nacalculatie"), LANGE_ROL),
    "jaarrekening": ("jaarrekening", met_realisatie("jaarrekening"), LANG_ONDERWERP),
    "uitnodiging": (
        "uitnodiging",
        lambda sv, data: uitnodiging_pdf(data["vergadering"]),
        "Paul) Sterk-van",
    ),
    "besluiten-vergadering": (
        "besluiten_vergadering",
        lambda sv, data: besluiten_vergadering_pdf(data["vergadering"]),
        LANG_BESLUIT,
    ),
}
# Overlaps in templates of other helpers of issue 19, fixed when their work is merged.
KNOWN = {}


def test_every_report_is_a_case():
    """Every kind of ``manage.py rapport`` and every report template (but the bases) is printed
    by a case."""
    templates = {path.stem for path in (settings.BASE_DIR / "templates/rapporten").glob("*.html")}
    printed = {template for template, *_ in CASES.values()}
    assert printed == {name for name in templates if "base" not in name}
    assert set(REPORTS) | set(GEMEENTE_REPORTS) <= {name.split("-")[0] for name in CASES}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "naam",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=KNOWN[name]))
        if name in KNOWN
        else name
        for name in CASES
    ],
)
def test_every_report_is_tagged_and_prints_no_text_over_text(lange_teksten, naam):
    """One rendering per report for both: PDF/UA-1 and the layout."""
    template, report, long_text = CASES[naam]
    rendered = []

    def keep(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(keep)
    try:
        with layouts() as documents:
            pdf, _ = report(mlw(), lange_teksten)
    finally:
        template_rendered.disconnect(keep)
    [document] = documents
    assert f"rapporten/{template}.html" in rendered
    assert_tagged_pdf_ua(pdf)
    assert long_text in pdf_text(pdf)
    assert text_overlaps(document) == []
