"""genereer_schaal: synthetic data at scale (issue 8), counted, repeatable and usable by the app."""

import hashlib
import io
import re
from decimal import Decimal
from itertools import pairwise

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse

from begroting.models import Begrotingscyclus, Zienswijze
from formatie.models import Bezetting, Fase, Rol
from governance.models import Actiepunt, Besluit, Gremium, Persoon, Vergadering
from kosten.gegevens import load_kostenverdeling
from kosten.models import Realisatie
from kosten.nacalculatie import load_nacalculatie
from ontwikkeling import schaal
from ontwikkeling.schaal import Omvang
from partijen.constants import JuridischeVorm
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from programma.constants import Rapportagestatus, Uitvoering
from programma.models import Opdracht, Programmaplan, Voortgangsrapportage, Voortgangsregel
from regiekamer.opmaak import format_euro
from tests.ontwikkeling.test_schaal_regels import generated_for_the_tests


class Rollback(Exception):
    pass


def genereer(factor, *extra) -> str:
    out = io.StringIO()
    call_command("genereer_schaal", "--factor", str(factor), *extra, stdout=out)
    return out.getvalue()


def test_factor_1_is_what_the_issue_asks_for():
    omvang = Omvang.at(1)
    assert omvang.samenwerkingsverbanden == 40
    assert omvang.gemeenten == 350
    assert omvang.inwonertallen == 350 * 20
    assert (omvang.rollen, omvang.fasen) == (1500, 120)
    assert (omvang.opdrachten, omvang.voortgangsregels) == (2000, 2000 * 24)
    assert omvang.vergaderingen == 10000
    assert omvang.besluiten + omvang.actiepunten == 50000


def test_a_factor_of_zero_is_refused():
    with pytest.raises(CommandError, match="De factor moet groter dan 0 zijn"):
        genereer(0)


def counts() -> dict:
    """What was made of the real samenwerkingsverbanden (their scenario's are copies)."""
    echt = Q(samenwerkingsverband__scenario_van=None)
    return {
        "samenwerkingsverbanden": Samenwerkingsverband.objects.echt().count(),
        "gemeenten": Gemeente.objects.count(),
        "inwonertallen": Inwonertal.objects.count(),
        "fasen": Fase.objects.filter(echt).count(),
        "rollen": Rol.objects.filter(echt).count(),
        "bezettingen": Bezetting.objects.filter(
            rol__samenwerkingsverband__scenario_van=None
        ).count(),
        "opdrachten": Opdracht.objects.count(),
        "rapportages": Voortgangsrapportage.objects.count(),
        "voortgangsregels": Voortgangsregel.objects.count(),
        "vergaderingen": Vergadering.objects.count(),
        "besluiten": Besluit.objects.count(),
        "actiepunten": Actiepunt.objects.count(),
    }


@pytest.mark.django_db
def test_the_counts_scale_with_the_factor():
    output = genereer(0.05)

    # 40, 350, 1.500, 2.000, 10.000 and 25.000 + 25.000 at factor 1, times 0.05, half-up.
    assert counts() == {
        "samenwerkingsverbanden": 2,
        "gemeenten": 18,
        "inwonertallen": 18 * 20,
        "fasen": 2 * 3,
        "rollen": 75,
        "bezettingen": 75 * 3,
        "opdrachten": 100,
        "rapportages": 2 * 24,
        "voortgangsregels": 100 * 24,
        "vergaderingen": 500,
        "besluiten": 1250,
        "actiepunten": 1250,
    }
    assert list(Samenwerkingsverband.objects.echt().values_list("naam", "afkorting")) == [
        ("Testregio 01 (schaaldata)", "T01"),
        ("Testregio 02 (schaaldata)", "T02"),
    ]
    assert [sv.gemeenten.count() for sv in Samenwerkingsverband.objects.echt()] == [9, 9]
    # T01 keeps a begroting of its own and has a scenario (every 4th and every 10th, from 1).
    assert list(
        Samenwerkingsverband.objects.scenarios().values_list("afkorting", "scenario_van__afkorting")
    ) == [("T01S", "T01")]
    assert [sv.heeft_eigen_begroting for sv in Samenwerkingsverband.objects.echt()] == [True, False]
    assert Gremium.objects.filter(samenwerkingsverband__afkorting="T01").count() == 5
    # Every opdracht is in all 24 reports; every gemeente has 20 years of inhabitants.
    per_opdracht = Voortgangsregel.objects.values("opdracht").annotate(n=Count("pk"))
    assert {row["n"] for row in per_opdracht} == {24}
    per_gemeente = Inwonertal.objects.values("gemeente").annotate(n=Count("pk"))
    assert {row["n"] for row in per_gemeente} == {20}
    assert "samenwerkingsverbanden: 2\n" in output and "scenario's: 1\n" in output
    assert "begrotingscycli: 3\n" in output
    assert "besluiten: 1.250\n" in output
    assert "voortgangsregels: 2.400\n" in output


@pytest.mark.django_db
def test_a_tiny_factor_still_makes_a_whole_samenwerkingsverband():
    genereer(0.001)

    assert counts() | {"personen": Persoon.objects.count()} == {
        "samenwerkingsverbanden": 1,
        "gemeenten": 3,
        "inwonertallen": 60,
        "fasen": 3,
        "rollen": 2,
        "bezettingen": 6,
        "opdrachten": 2,
        "rapportages": 24,
        "voortgangsregels": 48,
        "vergaderingen": 10,
        "besluiten": 25,
        "actiepunten": 25,
        "personen": 3 * 3 + 1,
    }
    assert load_kostenverdeling(Samenwerkingsverband.objects.echt().get()).totaal > 0


def snapshot() -> dict:
    """What the generator chose, without primary keys (which a database may number anew)."""
    fte = Bezetting.objects.order_by(
        "rol__samenwerkingsverband__afkorting", "rol__volgorde", "fase__begin"
    ).values_list("rol__naam", "fte", "bedrag")
    besluiten = Besluit.objects.order_by(
        "gremium__samenwerkingsverband__afkorting", "datum", "tekst"
    )
    return {
        "inwoners": list(
            Inwonertal.objects.filter(peildatum__year=2026)
            .order_by("gemeente__naam")
            .values_list("gemeente__naam", "aantal")
        ),
        "fte": hashlib.sha256(repr(list(fte)).encode()).hexdigest(),
        "fasen": list(
            Fase.objects.order_by("samenwerkingsverband__afkorting", "begin").values_list(
                "begin", "eind"
            )
        ),
        "vergaderingen": list(
            Vergadering.objects.order_by(
                "gremium__samenwerkingsverband__afkorting", "gremium__naam", "begin"
            ).values_list("begin", "voorzitter__naam", "status")
        ),
        "besluiten": hashlib.sha256(
            repr(list(besluiten.values_list("datum", "tekst", "uitkomst", "route"))).encode()
        ).hexdigest(),
        "opdrachten": list(
            Opdracht.objects.order_by("thema__plan", "thema__nummer", "nummer").values_list(
                "titel", "start", "eind", "bedrag", "pm"
            )
        ),
        "regels": hashlib.sha256(
            repr(
                list(
                    Voortgangsregel.objects.order_by(
                        "rapportage__plan__samenwerkingsverband__afkorting",
                        "rapportage__peildatum",
                        "opdracht__thema__nummer",
                        "opdracht__nummer",
                    ).values_list("uitvoering", "kleurstatus", "bijgestelde_datum", "toelichting")
                )
            ).encode()
        ).hexdigest(),
    }


def generated_and_rolled_back(*extra) -> dict:
    """Generate, take the snapshot and leave the database empty again."""
    with pytest.raises(Rollback), transaction.atomic():
        genereer(0.025, *extra)
        taken = snapshot()
        raise Rollback
    assert not Samenwerkingsverband.objects.exists() and not Gemeente.objects.exists()
    return taken


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data():
    first = generated_and_rolled_back("--seed", "17")
    again = generated_and_rolled_back("--seed", "17")
    other = generated_and_rolled_back("--seed", "18")

    assert len(first["inwoners"]) == 9 and len(first["vergaderingen"]) == 250
    assert again == first
    assert other["inwoners"] != first["inwoners"] and other["fte"] != first["fte"]


@pytest.mark.django_db
def test_a_database_with_a_samenwerkingsverband_is_refused_and_left_alone():
    Samenwerkingsverband.objects.create(
        naam="Bestaand", afkorting="BST", juridische_vorm=JuridischeVorm.REGELING_ZONDER_MEER
    )

    with pytest.raises(CommandError) as refused:
        genereer(0.025)

    assert str(refused.value) == (
        "De database is niet leeg: er is al 1 samenwerkingsverband. "
        "genereer_schaal vult alleen een lege database; er is niets opgeslagen."
    )
    assert Samenwerkingsverband.objects.count() == 1
    assert not Gemeente.objects.exists() and not Persoon.objects.exists()
    assert not get_user_model().objects.filter(username=schaal.GEBRUIKER).exists()


@pytest.mark.django_db
def test_an_error_halfway_leaves_nothing_behind(monkeypatch):
    def broken(self):
        raise RuntimeError("kapot")

    monkeypatch.setattr(schaal.Schaalgenerator, "make_rapportages", broken)

    with pytest.raises(RuntimeError, match="kapot"):
        genereer(0.025)

    assert counts() == dict.fromkeys(counts(), 0)


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture(scope="class")
def generated(django_db_blocker, _demo_transaction):
    with generated_for_the_tests(django_db_blocker, _demo_transaction):
        yield


@pytest.mark.django_db
@pytest.mark.usefixtures("generated")
class TestOnTheGeneratedData:
    """Tests that only read the data of one run at factor 0.025 share it."""

    def test_the_rows_follow_the_rules_of_the_app(self):
        plan = Programmaplan.objects.get()

        # A sample of every kind passes the model's own validation, as a form would check it.
        concept = plan.rapportages.get(status=Rapportagestatus.CONCEPT)
        samples = [
            *Fase.objects.all(),
            *Rol.objects.all()[:20],
            *Besluit.objects.all()[:50],
            *Actiepunt.objects.all()[:20],
            *Opdracht.objects.all()[:20],
            *concept.regels.all(),
        ]
        for obj in samples:
            obj.full_clean()
        # The last report is the concept, the 23 before it were sent, each after its predecessor.
        rapportages = list(plan.rapportages.order_by("peildatum"))
        assert rapportages[-1] == concept and len(rapportages) == 24
        for vorige, rapportage in pairwise(rapportages):
            assert rapportage.vorige == vorige
        assert all(
            r.is_frozen and r.vastgesteld_op and r.vastgesteld_door for r in rapportages[:-1]
        )
        # Sent rows pass the checks of freeze_report (which a frozen row's full_clean cannot run).
        frozen = Voortgangsregel.objects.filter(rapportage__status=Rapportagestatus.VASTGESTELD)
        assert not frozen.filter(uitvoering=Uitvoering.LOPEND, kleurstatus="").exists()
        assert not frozen.filter(
            Q(realisatiedatum__lt=F("startdatum")) | Q(bijgestelde_datum__lt=F("startdatum"))
        ).exists()
        assert frozen.filter(bijgestelde_datum__isnull=False).exists()  # some dates slipped
        row = frozen.first()
        row.toelichting = "gewijzigd"
        with pytest.raises(ValidationError):
            row.save()
        # Besluiten in a vergadering hang on one of its agendapunten.
        assert not Besluit.objects.filter(route="vergadering", agendapunt__isnull=True).exists()
        assert (
            not Besluit.objects.exclude(agendapunt__isnull=True)
            .exclude(agendapunt__vergadering__gremium=F("gremium"))
            .exists()
        )

    def test_the_app_works_on_the_generated_data(self, client, beheer_user):
        client.force_login(beheer_user)
        sv = Samenwerkingsverband.objects.echt().get()
        code = sv.afkorting
        plan = sv.programmaplannen.get()
        rapportages = plan.rapportages.order_by("-peildatum")
        concept, verzonden = rapportages[0], rapportages[1]

        dashboard = text(client.get(reverse("dashboard", args=[code])))
        assert "Testregio 01 (schaaldata)" in dashboard
        assert "kunnen niet worden berekend" not in dashboard
        assert (
            f"Laatste rapportage aan de stuurgroep: <strong>{verzonden.periode}</strong>"
            in dashboard
        )

        bezetting = text(client.get(reverse("formatie:bezetting", args=[code])))
        assert "Contractmanager" in bezetting and "Fase 3" in bezetting

        besluiten = text(client.get(reverse("governance:besluit-list", args=[code])))
        assert "Testbesluit" in besluiten

        planning = text(client.get(reverse("programma:planning", args=[code, plan.pk])))
        opdracht = Opdracht.objects.order_by("thema__nummer", "nummer").first()
        assert opdracht.titel in planning and opdracht.titel.startswith("Testopdracht 1.1:")

        opdrachten = text(client.get(reverse("programma:opdracht-list", args=[code])))
        assert opdracht.titel in opdrachten

        page = text(client.get(reverse("programma:rapportage-detail", args=[code, verzonden.pk])))
        assert verzonden.periode in page and "Verzonden aan de stuurgroep" in page
        assert "Schaaldata (test)" in page  # the sender
        page = text(client.get(reverse("programma:rapportage-detail", args=[code, concept.pk])))
        assert concept.periode in page and "Concept" in page and "Testopdracht" in page

    def test_the_kostenverdeling_total_is_the_sum_of_the_shares_shown(self, client, beheer_user):
        client.force_login(beheer_user)
        sv = Samenwerkingsverband.objects.echt().get()
        kv = load_kostenverdeling(sv)

        page = text(client.get(reverse("kosten:kostenverdeling", args=[sv.afkorting])))

        summary = page[page.index("Samenvatting regionale kostenverdeling") :]
        shown = dict(
            re.findall(
                r'<th scope="row">(Testgemeente \d+)</th>.*?<strong>([\d.]+)</strong>',
                summary,
                re.S,
            )
        )
        assert sorted(shown) == kv.gemeenten == sorted(g.naam for g in sv.gemeenten.all())
        assert shown == {g: format_euro(kv.totaal_gemeente(g)) for g in kv.gemeenten}
        total = re.search(
            r"Totaal \(incl\. afronding\)</th>.*?<strong>([\d.]+)</strong>", summary, re.S
        )
        assert total.group(1) == format_euro(kv.totaal)
        assert sum(int(v.replace(".", "")) for v in shown.values()) == kv.totaal > 0

    def test_the_pages_the_benchmark_adds_work_on_the_generated_data(self, client, beheer_user):
        """Issue 22: werkelijke kosten for every complete year, a begrotingscyclus with
        zienswijzen and a scenario, made through the app's rules, and their pages."""
        client.force_login(beheer_user)
        sv = Samenwerkingsverband.objects.echt().get()
        code = sv.afkorting

        # Every year before the reference date's is complete, so the nacalculatie settles it;
        # each actual amount lies within 8 % of the plan's.
        nacalculatie = load_nacalculatie(sv)
        plan = load_kostenverdeling(sv)
        assert nacalculatie.volledige_jaren == [j for j in plan.jaren if j < 2026] != []
        for realisatie in Realisatie.objects.filter(samenwerkingsverband=sv):
            begroot = plan.regels[(realisatie.rol_id, realisatie.jaar)].kosten
            assert abs(realisatie.bedrag - begroot) <= begroot * Decimal("0.08") + 1
        assert "Nacalculatie" in text(client.get(reverse("kosten:nacalculatie", args=[code])))

        # The cycles pass the calendar's checks; some steps are done, some open; councils
        # have answered, some with a response.
        cycli = list(Begrotingscyclus.objects.filter(samenwerkingsverband=sv).order_by("jaar"))
        assert [c.jaar for c in cycli] == list(schaal.BEGROTINGSJAREN)
        for cyclus in cycli:
            cyclus.full_clean()
        assert cycli[0].jaarrekening_naar_gs is None and cycli[0].begroting_naar_gs is not None
        assert cycli[-1].kaders_verzonden and cycli[-1].begroting_naar_gs is None
        zienswijzen = Zienswijze.objects.filter(cyclus__samenwerkingsverband=sv)
        assert zienswijzen.exclude(reactie_verzonden=None).exists()
        assert zienswijzen.filter(geen_zienswijze=True).exists()
        for zienswijze in zienswijzen:
            zienswijze.full_clean()
        assert "Begrotingscyclus" in text(client.get(reverse("begroting:overzicht", args=[code])))
        assert "Zienswijzen" in text(client.get(reverse("begroting:cyclus", args=[code, 2026])))
        ics = client.get(reverse("begroting:ics", args=[code]))
        assert ics.status_code == 200 and b"BEGIN:VEVENT" in ics.content

        # The scenario is a copy of the formation; the comparison and a gemeente's bill work.
        scenario = Samenwerkingsverband.objects.scenarios().get()
        assert scenario.rollen.count() == sv.rollen.count()
        page = text(client.get(reverse("scenarios:vergelijking", args=[code])))
        assert scenario.naam in page
        gemeente = sv.gemeenten.order_by("naam").first()
        page = text(client.get(reverse("gemeenten:gemeente-detail", args=[gemeente.pk])))
        assert sv.naam in page and scenario.naam not in page
