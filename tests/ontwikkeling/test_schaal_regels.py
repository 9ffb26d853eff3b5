"""genereer_schaal makes its rows through the app's own rules: a rule the app enforces that the
generated data breaks fails here, and the rules it used to copy come from their one home."""

import io
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from begroting.models import Begrotingscyclus, Zienswijze
from formatie.begrotingsjaar import GEINDEXEERD, INGEVOERD, jaarbedragen
from formatie.models import Bezetting, Fase, Rol, Salarisschaal
from governance.models import Besluit, Knelpunt
from kosten.constants import Verdeelmethode
from kosten.gegevens import load_kostenverdeling
from kosten.models import Realisatie, Verdeelsleutel
from kosten.verdeling import Sleutel
from ontwikkeling import schaal
from partijen.models import Inwonertal, Samenwerkingsverband
from programma.constants import Rapportagestatus
from programma.models import Budgetpost, Voortgangsrapportage, Voortgangsregel
from regiekamer import access
from regiekamer.afronding import index_amount, round_cent
from regiekamer.getallen import implausible
from regiekamer.roles import REGIEGROEP
from tests.shared_transaction import shared_transaction

DOMAIN_APPS = [
    "partijen",
    "convenant",
    "formatie",
    "kosten",
    "governance",
    "programma",
    "begroting",
]
PER_MODEL = 300  # rows checked per model (all of most; the first of the largest)


class Rollback(Exception):
    pass


@contextmanager
def generated_for_the_tests(django_db_blocker, demo_transaction):
    """genereer_schaal (factor 0.025) run once for several tests that only read its data: in a
    transaction of its own, rolled back after them, each test in a savepoint inside it that is
    rolled back after the test (as the demo's, tests/conftest.py). The demo's transaction is
    closed first: the generator fills only an empty database."""
    demo_transaction.close()
    with shared_transaction(django_db_blocker):
        call_command("genereer_schaal", "--factor", "0.025", stdout=io.StringIO())
        yield


@pytest.fixture(scope="module", autouse=True)
def generated(django_db_blocker, _demo_transaction):
    with generated_for_the_tests(django_db_blocker, _demo_transaction):
        yield


def domain_models():
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models():
            if not model.__name__.startswith("Historical"):
                yield model


@pytest.mark.django_db
def test_every_generated_row_passes_the_checks_of_the_app():

    # Every row passes its model's full check (fields, clean, uniqueness, constraints), as the
    # forms and the admin check it. A sent report refuses every check, so they are checked
    # as freeze_report checked them before sending: as concepts, in a rolled-back transaction.
    checked = set()
    with pytest.raises(Rollback), transaction.atomic():
        Voortgangsrapportage.objects.update(status=Rapportagestatus.CONCEPT)
        for model in domain_models():
            for obj in model.objects.order_by("pk")[:PER_MODEL]:
                obj.full_clean()
                checked.add(model)
        raise Rollback
    assert {Besluit, Voortgangsregel, Bezetting, Verdeelsleutel, Inwonertal} <= checked
    assert {Realisatie, Begrotingscyclus, Zienswijze} <= checked

    # The rules the forms add: no overlapping fasen, a besluit on an agendapunt of its own
    # gremium, a knelpunt solved after it was raised, a budgetpost with an amount or PM.
    assert all(fase.find_overlap() is None for fase in Fase.objects.all())
    for besluit in Besluit.objects.exclude(agendapunt=None).select_related(
        "agendapunt__vergadering"
    ):
        assert besluit.agendapunt.vergadering.gremium_id == besluit.gremium_id
    for knelpunt in Knelpunt.objects.exclude(opgelost_op=None):
        assert knelpunt.opgelost_op >= knelpunt.datum
    for post in Budgetpost.objects.all():
        assert post.pm != (post.bedrag is not None)
    # The cost engine takes every samenwerkingsverband's formation, amounts and keys; no rol
    # lacks an amount; no value would be shown back with "Klopt dit?".
    for sv in Samenwerkingsverband.objects.all():
        assert load_kostenverdeling(sv).totaal > 0
    for rol in Rol.objects.all()[:20]:
        assert rol.ontbrekende_bedragen() == []
    for cel in Bezetting.objects.select_related("rol"):
        waarde = cel.fte if cel.rol.heeft_fte else cel.bedrag
        assert implausible(None, waarde, fte=cel.rol.heeft_fte) is None
    per_gemeente = {}
    for inwonertal in Inwonertal.objects.order_by("peildatum"):
        per_gemeente.setdefault(inwonertal.gemeente_id, []).append(inwonertal.aantal)
    for aantallen in per_gemeente.values():
        assert all(implausible(a, b) is None for a, b in pairwise(aantallen))


@pytest.mark.django_db
def test_later_years_are_indexed_as_nieuw_begrotingsjaar_indexes_them():
    sv = Samenwerkingsverband.objects.echt().get()
    eerste = sv.fasen.order_by("begin").first().begin.year
    laatste = sv.fasen.order_by("-eind").first().eind.year
    assert laatste > eerste

    # The app's own overview of a year's amounts (Nieuw begrotingsjaar) says of every scale and
    # hourly rate after the first year: indexed, from the year before, with its percentage.
    assert {r.status for r in jaarbedragen(sv, eerste)} == {INGEVOERD}
    for jaar in range(eerste + 1, laatste + 1):
        regels = jaarbedragen(sv, jaar)
        assert any(r.key.startswith("rol-") for r in regels)  # hired rollen too
        for regel in regels:
            assert regel.status == GEINDEXEERD, (jaar, regel.naam)
            assert regel.vorig_jaar == jaar - 1
            assert regel.eigen.indexatie == schaal.INDEXATIE and regel.eigen.bron
            assert regel.bedrag == index_amount(regel.vorig, regel.eigen.indexatie)
    assert Salarisschaal.objects.filter(samenwerkingsverband=sv, jaar=eerste, schaal=11).get()
    assert (
        Salarisschaal.objects.get(
            samenwerkingsverband=sv, jaar=eerste, schaal=11
        ).jaarkosten_per_fte
        == schaal.SCHAALBEDRAGEN[11]
    )


@pytest.mark.django_db
def test_a_vastgestelde_key_is_the_engines_key_by_inwonertal_in_cents():
    sleutels = Verdeelsleutel.objects.filter(methode=Verdeelmethode.VASTGESTELD)
    assert sleutels.exists()

    for sleutel in sleutels:
        sv = sleutel.samenwerkingsverband
        aantallen = {
            i.gemeente.naam: i.aantal
            for i in Inwonertal.objects.filter(
                gemeente__samenwerkingsverbanden=sv, peildatum=date(sleutel.vanaf_jaar, 1, 1)
            ).select_related("gemeente")
        }
        engine = Sleutel.from_inwonertallen(aantallen)
        shares = {a.gemeente.naam: a.percentage for a in sleutel.aandelen.all()}
        assert sorted(shares) == sorted(g.naam for g in sv.gemeenten.all())
        Sleutel.from_percentages(shares)  # exactly 100, as the engine takes it
        grootste = max(aantallen, key=aantallen.get)
        for naam, percentage in shares.items():
            if naam != grootste:  # the largest takes the rounding difference
                assert percentage == round_cent(engine.percentage(naam)), naam
        verschil = shares[grootste] - engine.percentage(grootste)
        assert abs(verschil) <= Decimal("0.005") * len(shares)


@pytest.mark.django_db
def test_rows_have_their_history_and_reports_a_sender_with_access():
    sv = Samenwerkingsverband.objects.echt().get()
    gebruiker = sv.programmaplannen.get().rapportages.exclude(vastgesteld_door=None).first()
    gebruiker = gebruiker.vastgesteld_door

    # Every row was recorded as made by the schaaldata user, as a form's save records it.
    for model in (Samenwerkingsverband, Fase, Rol, Bezetting, Besluit, Voortgangsregel):
        made = model.history.filter(history_type="+")
        assert made.count() == model.objects.count() > 0, model
        assert set(made.values_list("history_user", flat=True)) == {gebruiker.pk}
    assert sv.history.exclude(history_type="+").exists()  # the gemeenten joined: recorded
    # The sender of the reports is a regiegroep member of the samenwerkingsverband (who may
    # send them) and cannot log in.
    assert gebruiker.groups.filter(name=REGIEGROEP).exists()
    assert sv.pk in access.regiegroep_sv_ids(gebruiker)
    assert not gebruiker.is_active and not gebruiker.has_usable_password()
    # The afkorting is what the model's own save makes of it.
    assert sv.afkorting == sv.afkorting.upper() == "T01"
