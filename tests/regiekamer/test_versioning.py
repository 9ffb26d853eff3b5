"""No lost edits: a save over a newer version is refused, says what changed, keeps the input."""

import pytest
from django.db import connection, transaction
from django.urls import reverse

from convenant.models import Convenant
from formatie.models import Fase
from partijen.forms import GemeenteForm
from partijen.models import Gemeente
from regiekamer.roles import REGIEGROEP
from regiekamer.versioning import versioned_form
from tests.conftest import logged_in, make_user
from tests.convenant.factories import GemeenteFactory
from tests.programma.helpers import form_data, page_data
from tests.threads import simultaneously

CONFLICT = "Iemand anders heeft dit intussen gewijzigd"
KEEP = "Uw invoer staat nog in het formulier"


@pytest.fixture
def other_client(db, django_user_model):
    """A second official of the regiegroep, who saves in between."""
    return logged_in(make_user(django_user_model, "regie-twee", REGIEGROEP))


def admin_data(response) -> dict:
    """The admin change form and its inlines, as the browser would send them back."""
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data |= {bf.html_name: str(bf.value()) for bf in formset.management_form}
        for form in formset.forms:
            data |= form_data(form)
    return data


# -- the model ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_versie_goes_up_on_every_update_and_history_records_it():
    gemeente = GemeenteFactory(adres="Markt 1")
    assert gemeente.versie == 1
    gemeente.adres = "Markt 2"
    gemeente.save()
    gemeente.plaats = "Heythuysen"
    gemeente.save(update_fields=["plaats"])
    gemeente.refresh_from_db()
    assert (gemeente.versie, gemeente.plaats, gemeente.adres) == (3, "Heythuysen", "Markt 2")
    assert [h.versie for h in gemeente.history.order_by("history_id")] == [1, 2, 3]


@pytest.mark.django_db
def test_a_convenant_counts_edits_apart_from_its_document_versie():
    from tests.convenant.factories import ConvenantFactory

    convenant = ConvenantFactory()
    convenant.toelichting = "Gewijzigd."
    convenant.save()
    convenant = Convenant.objects.get(pk=convenant.pk)
    assert (convenant.versie, convenant.revisie) == (1, 2)


# -- the browser -------------------------------------------------------------------------------


def test_a_save_over_a_newer_version_is_refused_and_keeps_the_input(
    demo, regie_client, other_client
):
    leudal = Gemeente.objects.get(naam="Leudal")
    url = reverse("gemeenten:gemeente-update", args=[leudal.pk])
    opened = regie_client.get(url)
    assert 'name="versie"' in opened.content.decode()
    mine = page_data(opened) | {"plaats": "Haelen"}

    theirs = page_data(other_client.get(url)) | {"adres": "Markt 99"}
    assert other_client.post(url, theirs).status_code == 302

    response = regie_client.post(url, mine)
    page = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT in page and "regie-twee op" in page
    old_adres = leudal.adres or "—"
    assert f"adres (straat en huisnummer): {old_adres} → Markt 99" in page
    assert KEEP in page
    assert 'value="Haelen"' in page  # the first official's input is still in the form
    leudal.refresh_from_db()
    assert leudal.adres == "Markt 99" and leudal.plaats != "Haelen"

    # After review, saving again keeps this official's version.
    again = page_data(response)
    assert again["plaats"] == "Haelen"
    assert regie_client.post(url, again).status_code == 302
    leudal.refresh_from_db()
    assert leudal.plaats == "Haelen"


def test_a_missing_or_broken_versie_is_refused_in_dutch(demo, regie_client):
    leudal = Gemeente.objects.get(naam="Leudal")
    url = reverse("gemeenten:gemeente-update", args=[leudal.pk])
    data = page_data(regie_client.get(url)) | {"plaats": "Haelen"}
    for versie in (None, "twee"):
        posted = {k: v for k, v in data.items() if k != "versie"}
        if versie is not None:
            posted["versie"] = versie
        response = regie_client.post(url, posted)
        assert response.status_code == 200
        assert "mist de versie waarop het is geopend" in response.content.decode()
    leudal.refresh_from_db()
    assert leudal.plaats != "Haelen"


def fasen_page(client):
    """The fasen page as ``client`` opened it: its POST data and its rows (forms)."""
    opened = client.get(reverse("formatie:fasen", args=["MLW"]))
    assert '-versie"' in opened.content.decode()
    return page_data(opened), opened.context["formsets"]["fasen"].forms


def test_two_officials_who_change_different_rows_both_save(demo, regie_client, other_client):
    """A row the user did not touch is neither checked nor saved: no conflict, nothing undone."""
    url = reverse("formatie:fasen", args=["MLW"])
    data_a, rows = fasen_page(regie_client)
    data_b, _ = fasen_page(other_client)
    first, third = rows[0], rows[2]

    data_b[first.add_prefix("naam")] = "Fase een"
    assert other_client.post(url, data_b).status_code == 302
    data_a[third.add_prefix("naam")] = "Fase drie"
    response = regie_client.post(url, data_a)

    assert response.status_code == 302, response.content.decode()
    assert Fase.objects.get(pk=first.instance.pk).naam == "Fase een"
    assert Fase.objects.get(pk=third.instance.pk).naam == "Fase drie"


def test_a_conflict_on_a_row_shows_the_others_rows_as_they_are_now(
    demo, regie_client, other_client, regie_user
):
    """Refused on the row both changed; the untouched rows show the current values, so saving
    the returned page again keeps the other's edits there."""
    url = reverse("formatie:fasen", args=["MLW"])
    data_a, rows = fasen_page(regie_client)
    data_b, _ = fasen_page(other_client)
    first, second, third = rows[:3]
    old_naam = second.instance.naam

    data_b[first.add_prefix("naam")] = "Fase een"
    data_b[second.add_prefix("naam")] = "Andermans naam"
    assert other_client.post(url, data_b).status_code == 302
    data_a[second.add_prefix("naam")] = "Mijn naam"
    response = regie_client.post(url, data_a)

    page = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT in page and "regie-twee op" in page and KEEP in page
    assert f"naam: {old_naam} → Andermans naam" in page
    assert 'value="Mijn naam"' in page  # the user's input in the row they changed
    assert 'value="Fase een"' in page  # the other's edit in the row they did not touch
    assert Fase.objects.get(pk=second.instance.pk).naam == "Andermans naam"

    assert regie_client.post(url, page_data(response)).status_code == 302
    assert Fase.objects.get(pk=first.instance.pk).naam == "Fase een"
    assert Fase.objects.get(pk=second.instance.pk).naam == "Mijn naam"
    assert Fase.objects.get(pk=third.instance.pk).naam == third.instance.naam


@pytest.mark.django_db
def test_a_formset_saves_only_the_rows_that_changed(demo, regie_client):
    """An untouched row keeps its versie and gets no history record of a change it had not."""
    url = reverse("formatie:fasen", args=["MLW"])
    opened = regie_client.get(url)
    data = page_data(opened)
    first, second = opened.context["formsets"]["fasen"].forms[:2]
    data[second.add_prefix("naam")] = "Mijn naam"
    before = {f.pk: (f.versie, f.history.count()) for f in Fase.objects.all()}

    assert regie_client.post(url, data).status_code == 302
    untouched = Fase.objects.get(pk=first.instance.pk)
    assert (untouched.versie, untouched.history.count()) == before[untouched.pk]
    changed = Fase.objects.get(pk=second.instance.pk)
    assert changed.naam == "Mijn naam"
    assert changed.versie == before[changed.pk][0] + 1


def make_user_named(like, username):
    return type(like).objects.create_user(username=username, password="geheim-123!")


def test_the_admin_change_form_refuses_a_newer_version(demo, beheer_user, regie_user):
    client = logged_in(beheer_user)
    leudal = Gemeente.objects.get(naam="Leudal")
    url = reverse("admin:partijen_gemeente_change", args=[leudal.pk])
    opened = client.get(url)
    assert opened.status_code == 200
    page = opened.content.decode()
    assert 'name="versie"' in page and 'name="inwonertallen-__prefix__-versie"' in page
    data = admin_data(opened) | {"postcode": "6093 ZZ"}

    leudal.refresh_from_db()
    old_adres = leudal.adres or "—"
    leudal.adres = "Markt 99"
    leudal._history_user = regie_user
    leudal.save()

    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert CONFLICT in page and "regie-test op" in page
    assert f"adres (straat en huisnummer): {old_adres} → Markt 99" in page
    assert 'value="6093 ZZ"' in page
    leudal.refresh_from_db()
    assert leudal.adres == "Markt 99" and leudal.postcode != "6093 ZZ"

    assert client.post(url, admin_data(response)).status_code == 302
    leudal.refresh_from_db()
    assert leudal.postcode == "6093 ZZ"


def test_an_admin_inline_row_changed_by_another_is_left_alone(demo, beheer_user, regie_user):
    from datetime import date

    from partijen.models import Inwonertal

    leudal = Gemeente.objects.get(naam="Leudal")
    oud = Inwonertal.objects.create(gemeente=leudal, peildatum=date(2023, 1, 1), aantal=35_000)
    nieuw = Inwonertal.objects.create(gemeente=leudal, peildatum=date(2024, 1, 1), aantal=36_000)
    client = logged_in(beheer_user)
    url = reverse("admin:partijen_gemeente_change", args=[leudal.pk])
    opened = client.get(url)
    rows = {form.instance.pk: form for form in opened.context["inline_admin_formsets"][0].formset}
    data = admin_data(opened) | {rows[nieuw.pk].add_prefix("aantal"): "36100"}

    oud.aantal = 35_500
    oud._history_user = regie_user
    oud.save()

    assert client.post(url, data).status_code == 302
    oud.refresh_from_db()
    nieuw.refresh_from_db()
    assert (oud.aantal, nieuw.aantal) == (35_500, 36_100)


def test_admin_inline_rows_carry_their_versie(demo, beheer_user):
    from formatie.models import Rol

    rol = Rol.objects.filter(bezettingen__isnull=False).distinct().first()
    page = logged_in(beheer_user).get(reverse("admin:formatie_rol_change", args=[rol.pk]))
    first = rol.bezettingen.order_by("fase__begin", "pk").first()
    html = page.content.decode()
    assert 'name="versie"' in html and 'name="bezettingen-0-versie"' in html
    assert f'value="{first.versie}"' in html


def test_the_admin_convenant_form_shows_the_document_versie_and_locks_on_revisie(demo, beheer_user):
    client = logged_in(beheer_user)
    convenant = Convenant.objects.filter(versie=1).first()
    url = reverse("admin:convenant_convenant_change", args=[convenant.pk])
    opened = client.get(url)
    page = opened.content.decode()
    assert f'name="versie" value="{convenant.revisie}"' in page
    data = admin_data(opened) | {"toelichting": "Door de beheerder."}
    assert client.post(url, data).status_code == 302
    convenant.refresh_from_db()
    assert (convenant.versie, convenant.revisie) == (1, 2)
    assert convenant.toelichting == "Door de beheerder."


# -- PostgreSQL: two officials at the same moment ----------------------------------------------


PAIRS = 200


@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_saves_exactly_one_wins():
    if connection.vendor != "postgresql":
        pytest.skip("draait in CI op PostgreSQL (threads en rijvergrendeling)")
    gemeente = GemeenteFactory(adres="Start")
    form_class = versioned_form(GemeenteForm)
    results: dict[str, list[bool]] = {"A": [], "B": []}
    opened_on: list[int] = []

    def official(name: str, barrier) -> None:
        for pair in range(PAIRS):
            instance = Gemeente.objects.get(pk=gemeente.pk)
            data = {
                "naam": instance.naam,
                "adres": f"{name}{pair}",
                "postcode": instance.postcode,
                "plaats": instance.plaats,
                "versie": str(opened_on[pair]),
            }
            barrier.wait()  # both have the form in hand: save at the same moment
            with transaction.atomic():
                form = form_class(data, instance=instance)
                saved = form.is_valid()
                if saved:
                    form.save()
            results[name].append(saved)
            barrier.wait()  # both done: the next pair opens on the new versie

    # Pair n opens on the versie after n saves: a pair with two winners shifts every next one.
    start = Gemeente.objects.get(pk=gemeente.pk).versie
    opened_on.extend(start + pair for pair in range(PAIRS))
    simultaneously(official)

    wins = [a + b for a, b in zip(results["A"], results["B"], strict=True)]
    assert len(wins) == PAIRS and set(wins) == {1}  # exactly one success per pair
    gemeente.refresh_from_db()
    assert gemeente.versie == start + PAIRS  # every pair advanced it by exactly one
    last_winner = "A" if results["A"][-1] else "B"
    assert gemeente.adres == f"{last_winner}{PAIRS - 1}"  # the winner's value, not lost
    history = list(gemeente.history.filter(versie__gt=start).order_by("versie"))
    assert [h.versie for h in history] == list(range(start + 1, start + PAIRS + 1))
    for pair, record in enumerate(history):
        winner = "A" if results["A"][pair] else "B"
        assert record.adres == f"{winner}{pair}"
