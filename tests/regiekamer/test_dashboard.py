"""The stuurgroep dashboard: one page with costs, formation, programme, governance, convenant."""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from brieven.velden import next_moment
from convenant.constants import ConvenantStatus
from convenant.models import Herijkingsmoment
from dashboard.views import convenant_block, governance_block, programma_block
from formatie.models import Bezetting
from governance.models import Actiepunt, Agendapunt, Gremium, Knelpunt, Persoon, Vergadering
from kosten.models import Verdeelsleutel
from partijen.models import Samenwerkingsverband
from programma.constants import Uitvoering
from programma.models import Opdracht
from programma.voortgang import draft_report, freeze_report
from regiekamer.charts import Series, bar_chart, formatie_chart
from regiekamer.dataversie import changed

from ..programma.helpers import opdracht, plan, set_row

pytestmark = pytest.mark.django_db

URL = reverse("dashboard", args=["MLW"])


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def block(page: str, name: str) -> str:
    """The HTML of one dashboard block, by its heading id (blok-kosten, blok-formatie, ...)."""
    start = page.index(f'aria-labelledby="blok-{name}"')
    end = page.find("<section", start)
    return page[start : end if end != -1 else len(page)]


def mlw():
    return Samenwerkingsverband.objects.get(afkorting="MLW")


def stuurgroep() -> Gremium:
    return Gremium.objects.get(naam="Stuurgroep Sociaal Domein Midden-Limburg West")


def two_frozen_reports():
    """Two reports to the stuurgroep: 1.4 risico and slipping, 5 probleem in the second."""
    first = draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")
    set_row(first, "1.4", uitvoering=Uitvoering.LOPEND, kleurstatus="goed")
    freeze_report(first, None)
    second = draft_report(plan(), date(2021, 12, 31), "november–december 2021")
    set_row(
        second,
        "1.4",
        kleurstatus="risico",
        bijgestelde_datum=date(2022, 9, 1),
        toelichting="Advies loopt uit.",
    )
    set_row(second, "5", uitvoering=Uitvoering.LOPEND, kleurstatus="probleem")
    set_row(second, "1.5", uitvoering=Uitvoering.AFGEROND)
    return first, freeze_report(second, None)


# --- access ---------------------------------------------------------------------------------


def test_stuurgroep_and_regiegroep_may_read_it_anonymous_must_log_in(demo, stuur_client, client):
    assert stuur_client.get(URL).status_code == 200
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/inloggen/")


def test_regiegroep_reads_it_too_and_an_unknown_afkorting_is_404(demo, regie_client):
    assert regie_client.get(URL).status_code == 200
    assert regie_client.get(reverse("dashboard", args=["XYZ"])).status_code == 404


def test_the_samenwerkingsverband_page_links_to_it_first(demo, stuur_client):
    page = text(stuur_client.get(reverse("convenant:samenwerkingsverband-detail", args=["MLW"])))
    actions = page.split('<p class="actions no-print">')[1].split("</p>")[0]
    assert actions.index(f'href="{URL}"') < actions.index("Formatie")
    assert ">Dashboard</a>" in actions


# --- kosten and formatie ----------------------------------------------------------------------


def test_mlw_shows_the_costs_per_gemeente_and_the_budget_share(demo, stuur_client):
    kosten = block(text(stuur_client.get(URL)), "kosten")
    assert "Kosten 2016–2018" in kosten
    for naam, totaal in [("Leudal", "421.468"), ("Nederweert", "187.320"), ("Weert", "561.956")]:
        assert re.search(rf"<th scope=\"row\">{naam}</th><td class=\"num\">€ {totaal}</td>", kosten)
    assert "€ 1.170.744" in kosten
    # The chart: a bar per gemeente per year, labelled in Dutch format, with a legend.
    svg = kosten.split("<svg")[1].split("</svg>")[0]
    for label in ("81.173", "287.189", "166.536", "2016", "2018", "Leudal", "Weert"):
        assert f">{label}</text>" in svg
    # Weert's budget of 900.000 a year: 108.231 is 12%, 287.189 is 32%, 166.536 is 19%.
    assert "2016: 12%" in kosten and "2017: 32%" in kosten and "2018: 19%" in kosten
    assert "geen budget vastgelegd" in kosten  # Leudal and Nederweert
    assert reverse("kosten:kostenverdeling", args=["MLW"]) in kosten


def test_a_cost_error_shows_the_message_instead_of_the_chart(demo, stuur_client):
    Verdeelsleutel.objects.filter(samenwerkingsverband=mlw()).delete()
    page = text(stuur_client.get(URL))
    kosten = block(page, "kosten")
    assert "De kostenverdeling kan niet worden berekend." in kosten
    assert "Voor 2016 ontbreekt een verdeelsleutel." in kosten
    assert "<svg" not in kosten
    assert "<svg" in block(page, "formatie")  # the rest of the page still works


def test_mlw_shows_fte_per_fase_and_the_basisformatie_as_the_structural_formation(
    demo, stuur_client
):
    formatie = block(text(stuur_client.get(URL)), "formatie")
    labels = re.findall(r">([\d,]+)</text>", formatie)
    # Basisformatie, fase 1, 2, 3: the totals of the bezettingsoverzicht. The structural
    # formation is the basisformatie (4,1), not the document's Subtotaal (3,5).
    assert labels == ["4,1", "6,1", "6,1", "4,1"]
    assert "3,5" not in formatie and "waarvan structureel" not in formatie
    assert "De structurele formatie is de basisformatie: 4,1 fte." in formatie
    for label in ("Basisformatie", "structureel", "Fase 1", "Fase 3", "Fte"):
        assert f">{label}</text>" in formatie
    assert reverse("formatie:bezetting", args=["MLW"]) in formatie


# --- programma --------------------------------------------------------------------------------


def test_without_a_report_it_says_so_and_links_to_the_plan(demo, stuur_client):
    programma = block(text(stuur_client.get(URL)), "programma")
    assert "Nog geen voortgangsrapportage" in programma
    assert plan().get_absolute_url() in programma


def test_a_frozen_report_shows_counts_red_and_amber_and_slipped_dates(demo, stuur_client):
    first, second = two_frozen_reports()
    programma = block(text(stuur_client.get(URL)), "programma")
    assert "Laatste rapportage aan de stuurgroep: <strong>november–december 2021</strong>" in (
        programma
    )
    for count in ("Goed 0", "Risico 1", "Probleem 1", "Nog niet gestart 14", "Afgerond 1"):
        assert count in programma
    o14, o5 = opdracht("1.4"), opdracht("5")
    red = f'<span class="kleur kleur-probleem">Probleem</span> <a href="{o5.get_absolute_url()}">5 '
    amber = (
        f'<span class="kleur kleur-risico">Risico</span> <a href="{o14.get_absolute_url()}">1.4 '
    )
    assert red in programma and amber in programma
    assert programma.index(red) < programma.index(amber)  # problems first
    # 1.4 was expected on 01-04-2022 (its planning) and now on 01-09-2022.
    assert "01-04-2022 &rarr; 01-09-2022" in programma
    assert second.get_absolute_url() in programma


def test_the_frozen_report_wins_over_a_newer_concept(demo):
    first, second = two_frozen_reports()
    concept = draft_report(plan(), date(2022, 2, 28), "januari–februari 2022")
    set_row(concept, "5", kleurstatus="goed")
    blok = programma_block(mlw())
    assert blok.rapportage == second and blok.vastgesteld
    assert blok.nieuwer_concept == concept
    assert [r.code for r in blok.problemen] == ["5"]


def test_a_concept_is_shown_when_nothing_was_sent_yet(demo, stuur_client):
    concept = draft_report(plan(), date(2021, 10, 31), "september–oktober 2021")
    set_row(concept, "1.4", uitvoering=Uitvoering.LOPEND, kleurstatus="risico")
    programma = block(text(stuur_client.get(URL)), "programma")
    assert "dit is het <strong>concept</strong> september–oktober 2021" in programma
    assert "Risico 1" in programma and "1.4 " in programma


# --- governance -------------------------------------------------------------------------------


def test_meetings_decisions_overdue_actions_and_open_knelpunten_show(demo, stuur_client):
    now = timezone.now()
    meeting = Vergadering.objects.create(gremium=stuurgroep(), begin=now + timedelta(days=10))
    Agendapunt.objects.create(
        vergadering=meeting, volgorde=1, titel="Go/no-go continuering", soort="besluitvorming"
    )
    Agendapunt.objects.create(
        vergadering=meeting, volgorde=2, titel="Stand van zaken", soort="informatie"
    )
    Vergadering.objects.create(gremium=stuurgroep(), begin=now - timedelta(days=10))
    eigenaar = Persoon.objects.create(naam="J. Jansen")
    Actiepunt.objects.create(
        gremium=stuurgroep(),
        omschrijving="Notitie <b>inwonertallen</b> opstellen",
        eigenaar=eigenaar,
        deadline=timezone.localdate() - timedelta(days=3),
    )
    Actiepunt.objects.create(
        gremium=stuurgroep(),
        omschrijving="Nog op tijd",
        deadline=timezone.localdate() + timedelta(days=3),
    )
    Actiepunt.objects.create(
        gremium=stuurgroep(),
        omschrijving="Al gereed",
        status="gereed",
        deadline=timezone.localdate() - timedelta(days=3),
    )
    Knelpunt.objects.create(
        samenwerkingsverband=mlw(),
        omschrijving="Onenigheid over de verdeelsleutel",
        ingebracht_door="Leudal",
        datum=date(2024, 3, 1),
    )
    Knelpunt.objects.create(
        samenwerkingsverband=mlw(),
        omschrijving="Opgelost punt",
        ingebracht_door="Weert",
        datum=date(2024, 3, 1),
        opgelost_op=date(2024, 4, 1),
    )
    governance = block(text(stuur_client.get(URL)), "governance")
    local = timezone.localtime(meeting.begin)
    assert meeting.get_absolute_url() in governance
    assert "Stuurgroep Sociaal Domein Midden-Limburg West" in governance
    assert f"{local.day} " in governance and str(local.year) in governance
    komend = governance.split("Komende vergaderingen")[1].split("Wacht op")[0]
    assert komend.count("<li>") == 1  # the past meeting is not listed
    assert "Wacht op een besluit van de stuurgroep: 1" in governance
    assert "Go/no-go continuering" in governance and "Stand van zaken" not in governance
    acties = reverse("governance:actiepunt-list", args=["MLW"]) + "?te_laat=true"
    assert f'Acties te laat: <a href="{acties}">1</a>' in governance
    assert "Notitie &lt;b&gt;inwonertallen&lt;/b&gt; opstellen" in governance  # escaped
    assert "J. Jansen" in governance
    assert "Nog op tijd" not in governance and "Al gereed" not in governance
    assert "Open knelpunten: <a" in governance and ">1</a>" in governance
    assert "Onenigheid over de verdeelsleutel" in governance
    assert "Opgelost punt" not in governance
    assert reverse("governance:gremium-list", args=["MLW"]) in governance
    assert reverse("governance:knelpunt-list", args=["MLW"]) in governance


def test_a_decided_item_and_a_regiegroep_item_do_not_wait_for_the_stuurgroep(demo):
    from governance.models import Besluit

    now = timezone.now()
    meeting = Vergadering.objects.create(gremium=stuurgroep(), begin=now + timedelta(days=3))
    besloten = Agendapunt.objects.create(
        vergadering=meeting, volgorde=1, titel="Al besloten", soort="besluitvorming"
    )
    Besluit.objects.create(
        gremium=stuurgroep(),
        agendapunt=besloten,
        datum=now.date(),
        tekst="Ja",
        uitkomst="aangenomen",
    )
    regiegroep = Gremium.objects.filter(soort="regiegroep", historisch=False).get()
    andere = Vergadering.objects.create(gremium=regiegroep, begin=now + timedelta(days=4))
    Agendapunt.objects.create(
        vergadering=andere, volgorde=1, titel="Voor de regiegroep", soort="besluitvorming"
    )
    blok = governance_block(mlw(), now)
    assert blok.aantal_te_besluiten == 0 and blok.te_besluiten == []
    assert [v.pk for v in blok.vergaderingen] == [meeting.pk, andere.pk]


def test_only_the_next_five_meetings_and_five_overdue_actions_are_listed(demo):
    now = timezone.now()
    for i in range(7):
        Vergadering.objects.create(gremium=stuurgroep(), begin=now + timedelta(days=7 - i))
        Actiepunt.objects.create(
            gremium=stuurgroep(),
            omschrijving=f"Actie {i}",
            deadline=timezone.localdate() - timedelta(days=i + 1),
        )
    blok = governance_block(mlw(), now)
    begins = [v.begin for v in blok.vergaderingen]
    assert len(begins) == 5 and begins == sorted(begins) and begins[0] == now + timedelta(days=1)
    assert blok.aantal_te_laat == 7 and len(blok.te_laat) == 5
    assert all(a.is_overdue() for a in blok.te_laat)
    assert blok.te_laat[0].omschrijving == "Actie 6"  # the longest overdue first


# --- convenant --------------------------------------------------------------------------------


def test_the_demo_has_no_next_herijkingsmoment_and_shows_the_last(demo, stuur_client):
    convenant = block(text(stuur_client.get(URL)), "convenant")
    assert "Geen komend herijkingsmoment." in convenant
    assert "Het laatste: 1 januari 2019, herijking (go/no-go)" in convenant


def test_the_next_herijkingsmoment_and_the_days_until_it_show(demo, stuur_client):
    moment = Herijkingsmoment.objects.order_by("datum").last()
    nieuw = Herijkingsmoment.objects.create(
        convenant=moment.convenant,
        datum=timezone.localdate() + timedelta(days=40),
        omschrijving="Tweede herijking",
    )
    Herijkingsmoment.objects.create(
        convenant=moment.convenant,
        datum=timezone.localdate() + timedelta(days=400),
        omschrijving="Derde herijking",
    )
    expected = (nieuw.datum - timezone.localdate()).days
    convenant = block(text(stuur_client.get(URL)), "convenant")
    assert f"over {expected} dagen" in convenant
    assert "Tweede herijking" in convenant and "Derde herijking" not in convenant
    assert moment.convenant.get_absolute_url() in convenant


def test_convenant_block_counts_days_from_the_given_day(demo):
    blok = convenant_block(mlw(), today=date(2018, 10, 2))
    assert blok.volgende.datum == date(2019, 1, 1) and blok.dagen == 91
    assert blok.dagen_text == "over 91 dagen"
    assert convenant_block(mlw(), today=date(2019, 1, 1)).dagen_text == "vandaag"
    assert convenant_block(mlw(), today=date(2018, 12, 31)).dagen_text == "over 1 dag"
    later = convenant_block(mlw(), today=date(2019, 1, 2))
    assert later.volgende is None and later.laatste.datum == date(2019, 1, 1)


def test_a_new_version_in_concept_is_not_what_the_stuurgroep_is_sent_to(demo, stuur_client):
    """The regiegroep drafts version 2 (its moments copied, one added): the dashboard, the
    samenwerkingsverband's page and the letters keep to the signed version until version 2 is
    agreed."""
    moment = Herijkingsmoment.objects.order_by("datum").last()
    signed = moment.convenant
    concept = signed.create_new_version()
    Herijkingsmoment.objects.create(
        convenant=concept,
        datum=timezone.localdate() + timedelta(days=40),
        omschrijving="Herijking uit het concept",
    )
    page = text(stuur_client.get(URL))
    convenant = block(page, "convenant")
    assert signed.get_absolute_url() in convenant
    assert concept.get_absolute_url() not in convenant
    assert "Herijking uit het concept" not in convenant
    assert "Het laatste: 1 januari 2019, herijking (go/no-go)" in convenant
    assert next_moment(mlw(), moment.soort, date(2016, 6, 1)).convenant == signed
    detail = text(stuur_client.get(reverse("convenant:samenwerkingsverband-detail", args=["MLW"])))
    assert "Herijking uit het concept" not in detail

    concept.status = ConvenantStatus.VASTGESTELD
    concept.save()
    convenant = block(text(stuur_client.get(URL)), "convenant")
    assert concept.get_absolute_url() in convenant
    assert "Herijking uit het concept" in convenant


def test_an_evaluation_medio_2018_has_no_countdown(demo, stuur_client, monkeypatch):
    """'medio 2018' is the convenant's word: the block says it so, and counts no days to a
    1 July the document never named."""
    blok = convenant_block(mlw(), today=date(2018, 6, 1))
    assert blok.volgende.datum_tekst_lang == "medio 2018" and blok.dagen is None
    assert blok.dagen_text == ""
    monkeypatch.setattr(timezone, "localdate", lambda *a: date(2018, 6, 1))
    convenant = re.sub(r"<[^>]+>", "", block(text(stuur_client.get(URL)), "convenant"))
    assert "Volgend herijkingsmoment: medio 2018, evaluatie." in convenant
    assert "1 juli 2018" not in convenant and "dagen" not in convenant


# --- queries ----------------------------------------------------------------------------------


def add_governance(n: int, offset: int = 0):
    now, today = timezone.now(), timezone.localdate()
    eigenaar = Persoon.objects.create(naam=f"Eigenaar {offset}")
    for i in range(offset, offset + n):
        meeting = Vergadering.objects.create(
            gremium=stuurgroep(), begin=now + timedelta(days=i + 1)
        )
        for volgorde in (1, 2):
            Agendapunt.objects.create(
                vergadering=meeting, volgorde=volgorde, titel=f"Punt {i}", soort="besluitvorming"
            )
        Actiepunt.objects.create(
            gremium=stuurgroep(),
            omschrijving=f"Actie {i}",
            eigenaar=eigenaar,
            deadline=today - timedelta(days=i + 1),
        )
        Knelpunt.objects.create(
            samenwerkingsverband=mlw(),
            omschrijving=f"Knelpunt {i}",
            ingebracht_door="Weert",
            datum=today,
        )


def test_the_query_count_does_not_grow_with_the_data(
    demo, stuur_client, django_assert_max_num_queries
):
    two_frozen_reports()
    add_governance(1)
    stuur_client.get(URL)  # warm up caches (content types, the session)
    # Computed afresh (changed: the cache misses) both times: the version, and a read and a
    # write of the cache (6 queries) for the cost model, the blocks, the governance block and
    # the page's two cached parts, besides the computation itself. A change of the
    # samenwerkingsverband's data leaves the reader's access in the memo (access.load).
    changed([mlw().pk])
    with django_assert_max_num_queries(68) as few:
        stuur_client.get(URL)

    add_governance(6, offset=1)
    thema = opdracht("5").thema
    extra = [
        Opdracht.objects.create(thema=thema, nummer=10 + i, titel=f"Extra opdracht {i}")
        for i in range(6)
    ]
    third = draft_report(plan(), date(2022, 2, 28), "januari–februari 2022")
    for i, o in enumerate(extra):
        row = third.regels.get(opdracht=o)
        row.uitvoering, row.kleurstatus = Uitvoering.LOPEND, ["probleem", "risico"][i % 2]
        row.realisatiedatum = date(2022, 6, 1)
        row.save()
    set_row(third, "5", bijgestelde_datum=date(2023, 1, 1))
    freeze_report(third, None)

    changed([mlw().pk])
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = text(stuur_client.get(URL))
    assert "Extra opdracht 5" in page and "Acties te laat: <a" in page
    assert ">7</a>" in page  # 7 overdue actions and 7 open knelpunten (5 listed), counted


# --- charts -----------------------------------------------------------------------------------


def test_bar_chart_labels_escapes_and_stays_self_contained():
    svg = bar_chart(
        ["2016", "<2017>"],
        [
            Series("Roermond & Weert", [Decimal("1234567"), Decimal("0")]),
            Series('"Leudal"', [Decimal("81173"), None]),
        ],
        titel="Kosten <per> jaar",
        chart_id="test",
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert 'role="img"' in svg and '<title id="test-titel">Kosten &lt;per&gt; jaar</title>' in svg
    assert 'aria-labelledby="test-titel test-desc"' in svg
    assert ">1.234.567</text>" in svg and ">81.173</text>" in svg and ">0</text>" in svg
    assert ">&lt;2017&gt;</text>" in svg and ">Roermond &amp; Weert</text>" in svg
    assert "&quot;Leudal&quot;" in svg and '"Leudal"' not in svg
    assert "<2017>" not in svg and "Kosten <per>" not in svg
    assert "style=" not in svg and "<script" not in svg and "href" not in svg
    assert 'font-family="DejaVu Sans, sans-serif"' in svg
    # None draws no bar: three bars, each with a tooltip.
    assert svg.count("<rect") - svg.count('width="10" height="10"') == 3
    assert '<desc id="test-desc">2016: Roermond &amp; Weert 1.234.567' in svg


def test_formatie_chart_shows_fte_with_a_decimal_comma():
    svg = formatie_chart(
        ["Basisformatie", "Fase 1"],
        [Decimal("4.10"), Decimal("6.10")],
        notes=["structureel", "01-2016 t/m 12-2016"],
    )
    assert re.findall(r">([\d,]+)</text>", svg) == ["4,1", "6,1"]
    assert ">Fte</text>" in svg and ">structureel</text>" in svg
    assert ">01-2016 t/m 12-2016</text>" in svg
    assert "<title" in svg and "style=" not in svg


def test_an_empty_chart_says_there_is_no_data():
    svg = bar_chart([], [], titel="Leeg", chart_id="leeg")
    assert "Geen gegevens" in svg and '<title id="leeg-titel">Leeg</title>' in svg


def test_the_dashboard_prints_on_one_a4(demo, stuur_client):
    """Printed with the app's own print stylesheet (WeasyPrint as a stand-in for a browser)."""
    from weasyprint import HTML

    from regiekamer.pdf import BASE_URL
    from regiekamer.pdf_fetcher import StaticFilesOnly
    from tests.pdfs import pdf_info

    two_frozen_reports()
    html = text(stuur_client.get(URL))
    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf()
    assert pdf_info(pdf)["pages"] == 1


def test_the_blocks_come_from_the_cache_and_a_write_shows_at_once(
    demo, stuur_client, django_assert_max_num_queries
):
    first = text(stuur_client.get(URL))
    # The session, the user and their access, the version, the page's two cached parts and
    # the governance block; computing the blocks takes 28 or more.
    with django_assert_max_num_queries(12):
        again = text(stuur_client.get(URL))
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert csrf.sub("", again) == csrf.sub("", first)
    bezetting = Bezetting.objects.filter(rol__samenwerkingsverband__afkorting="MLW", fte__gt=0)
    bezetting = bezetting.order_by("pk").first()
    bezetting.fte += 1
    bezetting.save()
    after = text(stuur_client.get(URL))
    assert csrf.sub("", after) != csrf.sub("", first)  # costs and FTE moved at once


def test_a_meeting_that_began_leaves_the_cached_list_of_meetings_to_come(demo):
    from dashboard.views import cached_governance_block

    ochtend = timezone.make_aware(datetime(2030, 3, 4, 8, 0))
    Vergadering.objects.create(gremium=stuurgroep(), begin=ochtend + timedelta(hours=2))
    Vergadering.objects.create(gremium=stuurgroep(), begin=ochtend + timedelta(days=1))
    first = cached_governance_block(mlw(), ochtend)
    assert "4 mrt 2030 10:00" in first and "5 mrt 2030 08:00" in first
    # The same day, after the first meeting began: no longer "to come", though nothing changed.
    middag = ochtend + timedelta(hours=4)
    later = cached_governance_block(mlw(), middag)
    assert "4 mrt 2030 10:00" not in later and "5 mrt 2030 08:00" in later
    # And before the next one begins, the stored block is the one read (no governance query).
    with CaptureQueriesContext(connection) as queries:
        assert cached_governance_block(mlw(), middag) == later
    assert not [q for q in queries if "governance_" in q["sql"]]
