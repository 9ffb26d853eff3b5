"""Governance in the browser: meetings, agenda, decisions, actions, lists, organogram."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from governance.models import Actiepunt, Besluit, Gremium, Knelpunt, Persoon, Vergadering
from tests.governance.factories import LidmaatschapFactory, PersoonFactory
from tests.programma.helpers import page_data

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"governance:{name}", args=["MLW", *args])


def stuurgroep_2016():
    return Gremium.objects.get(naam__startswith="Stuurgroep Sociaal Domein", periode="2016")


def stuurgroep():
    """The current stuurgroep (2021), where meetings are planned."""
    return Gremium.objects.get(naam="Stuurgroep (programmaorganisatie 2021)")


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-{k}": v for k, v in row.items()}
    return data


def create_meeting(client, gremium, begin="2026-12-08T10:00", eind="2026-12-08T12:00"):
    data = {"gremium": gremium.pk, "begin": begin, "eind": eind, "status": "gepland"}
    data |= formset(
        "agendapunten",
        [
            {"volgorde": "1", "titel": "Communicatie", "soort": "bespreking"},
            {"volgorde": "2", "titel": "Evaluatie medio 2018", "soort": "besluitvorming"},
        ],
    )
    return client.post(url("vergadering-create"), data)


def test_demo_holds_the_2016_structure(demo):
    assert Gremium.objects.filter(periode="2016", soort="lst").count() == 3
    assert (
        Gremium.objects.filter(soort="werkgroep_structureel", uren_per_week_per_gemeente=8).count()
        == 3
    )
    stuur = stuurgroep_2016()
    assert stuur.relaties_van.filter(soort="opdrachtgever_van", naar__soort="regiegroep").exists()
    assert Gremium.objects.filter(historisch=True, periode="2013").exists()
    assert not Vergadering.objects.exists()  # no invented meetings


def test_regiegroep_creates_a_meeting_records_a_decision_and_an_action(demo, regie_client):
    gremium = stuurgroep()
    dag = (timezone.localdate() - timedelta(days=7)).isoformat()  # held: decisions are recorded
    response = create_meeting(regie_client, gremium, begin=f"{dag}T10:00", eind=f"{dag}T12:00")
    vergadering = Vergadering.objects.get()
    assert response.url == vergadering.get_absolute_url()
    assert [a.titel for a in vergadering.agendapunten.all()] == [
        "Communicatie",
        "Evaluatie medio 2018",
    ]

    agendapunt = vergadering.agendapunten.get(volgorde=2)
    data = {
        "gremium": gremium.pk,
        "agendapunt": agendapunt.pk,
        "route": "vergadering",
        "datum": dag,
        "tekst": "De stuurgroep stelt de opzet van de evaluatie vast.",
        "uitkomst": "aangenomen",
    }
    assert (
        regie_client.post(
            url("besluit-create") + f"?vergadering={vergadering.pk}", data
        ).status_code
        == 302
    )

    wethouder = Persoon.objects.get(naam="Carla Dieteren")
    data = {
        "gremium": gremium.pk,
        "vergadering": vergadering.pk,
        "omschrijving": "Planning evaluatie uitwerken",
        "eigenaar": wethouder.pk,
        "deadline": "2027-01-15",
        "status": "open",
    }
    assert regie_client.post(url("actiepunt-create"), data).status_code == 302

    page = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert "De stuurgroep stelt de opzet van de evaluatie vast." in page
    assert "Planning evaluatie uitwerken" in page
    gremium_page = regie_client.get(gremium.get_absolute_url()).content.decode()
    assert "De stuurgroep stelt de opzet van de evaluatie vast." in gremium_page
    besluiten = regie_client.get(url("besluit-list"), {"q": "evaluatie"}).content.decode()
    assert "1 resultaat" in besluiten

    actiepunt = Actiepunt.objects.get()
    regie_client.post(url("actiepunt-done", actiepunt.pk))
    actiepunt.refresh_from_db()
    assert actiepunt.status == "gereed"


def test_stuurgroep_reads_but_cannot_write(demo, regie_client, stuur_client):
    gremium = stuurgroep()
    create_meeting(regie_client, gremium)
    vergadering = Vergadering.objects.get()
    for page in [
        url("gremium-list"),
        url("organogram"),
        gremium.get_absolute_url(),
        vergadering.get_absolute_url(),
        url("besluit-list"),
        url("actiepunt-list"),
        url("knelpunt-list"),
    ]:
        assert stuur_client.get(page).status_code == 200, page
    assert (
        create_meeting(stuur_client, gremium, begin="2027-01-12T10:00", eind="").status_code == 403
    )
    # The stuurgroep records its decisions: that page is open to it.
    assert stuur_client.get(url("besluit-create")).status_code == 200
    assert stuur_client.post(url("gremium-series", gremium.pk), {"jaar": "2027"}).status_code == 403
    assert Vergadering.objects.count() == 1


def test_meeting_validation_is_dutch_and_saves_nothing(demo, regie_client):
    response = create_meeting(
        regie_client, stuurgroep(), begin="2026-12-08T12:00", eind="2026-12-08T10:00"
    )
    assert "De vergadering eindigt vóór of op het begin." in response.content.decode()
    assert not Vergadering.objects.exists()


def test_series_from_the_gremium_page_is_idempotent(demo, regie_client):
    gremium = stuurgroep()
    gremium.vergaderingen_per_jaar = 10
    gremium.save()
    regie_client.post(url("gremium-series", gremium.pk), {"jaar": "2027"})
    regie_client.post(url("gremium-series", gremium.pk), {"jaar": "2027"})
    assert Vergadering.objects.filter(gremium=gremium).count() == 10


def test_schriftelijke_ronde_needs_no_agendapunt(demo, regie_client):
    data = {
        "gremium": stuurgroep().pk,
        "route": "schriftelijk",
        "datum": "2026-11-20",
        "tekst": "Per e-mail ingestemd met de conceptbrief.",
        "uitkomst": "aangenomen",
    }
    eerder = Besluit.objects.count()
    assert regie_client.post(url("besluit-create"), data).status_code == 302
    data["route"] = "vergadering"
    response = regie_client.post(url("besluit-create"), data)
    assert "Een besluit in de vergadering hoort bij een agendapunt." in response.content.decode()
    assert Besluit.objects.count() == eerder + 1


def test_overdue_actions_stand_out_and_my_actions_filter(demo, regie_client, regie_user):
    gremium = stuurgroep()
    mij = Persoon.objects.create(naam="Regie Test", gebruiker=regie_user)
    ander = Persoon.objects.get(naam="Mart Jansen")
    gisteren = timezone.localdate() - timezone.timedelta(days=1)
    Actiepunt.objects.create(
        gremium=gremium, omschrijving="Mijn te late actie", eigenaar=mij, deadline=gisteren
    )
    Actiepunt.objects.create(gremium=gremium, omschrijving="Actie van een ander", eigenaar=ander)
    page = regie_client.get(url("actiepunt-list"), {"mijn": "true"}).content.decode()
    assert "Mijn te late actie" in page and "Actie van een ander" not in page
    assert "(te laat)" in page and 'class="overdue' in page


def test_open_knelpunt_shows_on_the_home_page(demo, regie_client):
    data = {
        "omschrijving": "Geen overeenstemming over de inkoopstrategie",
        "ingebracht_door": "Regiegroep",
        "datum": "2026-10-01",
        "geescaleerd_op": "2026-10-15",
    }
    assert regie_client.post(url("knelpunt-create"), data).status_code == 302
    home = regie_client.get(
        reverse("convenant:samenwerkingsverband-detail", args=["MLW"])
    ).content.decode()
    assert "Geen overeenstemming over de inkoopstrategie" in home
    knelpunt = Knelpunt.objects.get()
    data |= {"oplossing": "Opgelost door de gemeentesecretarissen.", "opgelost_op": "2026-09-01"}
    data["versie"] = knelpunt.versie
    response = regie_client.post(url("knelpunt-update", knelpunt.pk), data)
    assert "Een knelpunt wordt pas na het inbrengen opgelost." in response.content.decode()


def test_no_decision_is_recorded_before_the_meeting_or_in_a_cancelled_one(demo, regie_client):
    """A decision is taken in the meeting: at one not yet begun (or cancelled) the page offers
    no "Besluit vastleggen" and a forged POST is refused in Dutch, with nothing saved."""
    gremium = stuurgroep()
    create_meeting(regie_client, gremium, begin="2027-01-14T10:00", eind="2027-01-14T12:00")
    vergadering = Vergadering.objects.get()
    agendapunt = vergadering.agendapunten.get(volgorde=2)
    page = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert "Besluit vastleggen" not in page
    data = {
        "gremium": gremium.pk,
        "agendapunt": agendapunt.pk,
        "route": "vergadering",
        "datum": "2027-01-14",
        "tekst": "Vooruitgelopen besluit",
        "uitkomst": "aangenomen",
    }
    page = regie_client.post(url("besluit-create"), data).content.decode()
    assert "De vergadering van 14-01-2027 10:00 is nog niet begonnen" in page
    Vergadering.objects.filter(pk=vergadering.pk).update(
        begin=timezone.now() - timedelta(days=1), status="geannuleerd"
    )
    page = regie_client.post(url("besluit-create"), data).content.decode()
    assert "Deze vergadering is geannuleerd: daarin is geen besluit genomen." in page
    assert not Besluit.objects.filter(tekst="Vooruitgelopen besluit").exists()
    Vergadering.objects.filter(pk=vergadering.pk).update(status="gehouden")
    page = regie_client.get(vergadering.get_absolute_url()).content.decode()
    assert f"?agendapunt={agendapunt.pk}" in page
    assert regie_client.post(url("besluit-create"), data).status_code == 302


def test_a_meeting_with_decisions_is_not_moved_ahead_nor_cancelled(demo, regie_client):
    """An attack review recorded a besluit at a held meeting, then moved the meeting four years
    ahead and cancelled it: both are refused now, and a besluit cannot be moved to a meeting
    that has not begun either (the admin edits besluiten)."""
    gremium = stuurgroep()
    dag = (timezone.localdate() - timedelta(days=7)).isoformat()
    create_meeting(regie_client, gremium, begin=f"{dag}T10:00", eind=f"{dag}T12:00")
    vergadering = Vergadering.objects.get()
    besluit = Besluit.objects.create(
        gremium=gremium,
        agendapunt=vergadering.agendapunten.get(volgorde=2),
        route="vergadering",
        datum=timezone.localdate() - timedelta(days=7),
        tekst="Vastgesteld.",
        uitkomst="aangenomen",
    )
    edit = url("vergadering-update", vergadering.pk)
    data = page_data(regie_client.get(edit)) | {
        "begin": "2030-01-14T10:00",
        "eind": "2030-01-14T12:00",
    }
    page = regie_client.post(edit, data).content.decode()
    assert "In deze vergadering zijn besluiten vastgelegd: ze is gehouden." in page
    response = regie_client.post(url("vergadering-annuleren", vergadering.pk), follow=True)
    assert "Ze kan niet worden geannuleerd." in response.content.decode()
    vergadering.refresh_from_db()
    assert vergadering.status != "geannuleerd" and vergadering.begin < timezone.now()

    create_meeting(regie_client, gremium, begin="2030-01-14T10:00", eind="2030-01-14T12:00")
    later = Vergadering.objects.exclude(pk=vergadering.pk).get()
    besluit.agendapunt = later.agendapunten.get(volgorde=2)
    with pytest.raises(ValidationError) as refused:
        besluit.full_clean()
    assert "is nog niet begonnen" in str(refused.value)


def test_a_knelpunt_form_goes_back_to_the_register_and_saving_lands_there(demo, regie_client):
    """A knelpunt has no page of its own: its form's Terug and Annuleren lead to the register
    (never to the form itself), and so does saving, where the user sees what was saved."""
    data = {"omschrijving": "Wachtlijst Jeugd-GGZ", "ingebracht_door": "Regiegroep"}
    data["datum"] = "2026-10-01"
    response = regie_client.post(url("knelpunt-create"), data, follow=True)
    assert response.redirect_chain[-1][0] == url("knelpunt-list")
    assert "Wachtlijst Jeugd-GGZ" in response.content.decode()
    knelpunt = Knelpunt.objects.get()
    page = regie_client.get(url("knelpunt-update", knelpunt.pk)).content.decode()
    register = f'href="{url("knelpunt-list")}"'
    assert page.count(register) >= 2  # Terug and Annuleren
    assert f'href="{url("knelpunt-update", knelpunt.pk)}"' not in page
    data |= {"versie": knelpunt.versie, "oplossing": "Extra capaciteit ingekocht."}
    response = regie_client.post(url("knelpunt-update", knelpunt.pk), data)
    assert response.status_code == 302 and response["Location"] == url("knelpunt-list")


def test_organogram_shows_the_2016_lines(demo, stuur_client):
    page = stuur_client.get(url("organogram")).content.decode()
    assert "<svg" in page and "opdrachtgever" in page and "escalatie" in page
    assert "Regiegroep" in page and "Lokaal Sturings Team (LST) Weert" in page


@pytest.mark.parametrize(
    "name", ["besluit-list", "actiepunt-list", "gremium-list", "knelpunt-list"]
)
def test_list_query_counts_are_flat(demo, regie_client, django_assert_max_num_queries, name):
    gremium = stuurgroep()

    def add(n):
        for i in range(n):
            Besluit.objects.create(
                gremium=gremium,
                datum="2026-01-01",
                tekst=f"Besluit {i}",
                uitkomst="aangenomen",
                route="schriftelijk",
            )
            Actiepunt.objects.create(gremium=gremium, omschrijving=f"Actie {i}")
            Knelpunt.objects.create(
                samenwerkingsverband=gremium.samenwerkingsverband,
                omschrijving=f"K {i}",
                ingebracht_door="x",
                datum="2026-01-01",
            )

    add(2)
    with django_assert_max_num_queries(40) as few:
        regie_client.get(url(name))
    add(4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(url(name)).status_code == 200


@pytest.fixture
def vergadering(demo, regie_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    create_meeting(regie_client, stuurgroep())
    return Vergadering.objects.get()


def test_stukken_upload_link_and_protected_download(
    vergadering, regie_client, stuur_client, client
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    agendapunt = vergadering.agendapunten.get(volgorde=2)
    create = url("stuk-create", vergadering.pk)
    pdf = SimpleUploadedFile("evaluatie.pdf", b"%PDF-1.7\n% opzet evaluatie\n", "application/pdf")
    data = {
        "agendapunt": agendapunt.pk,
        "titel": "Opzet evaluatie",
        "bestand": pdf,
        "verwijzing": "",
    }
    assert regie_client.post(create, data).status_code == 302
    link = {
        "agendapunt": agendapunt.pk,
        "titel": "Kostenverdeling",
        "verwijzing": "/samenwerkingsverbanden/MLW/kosten/",
    }
    assert regie_client.post(create, link).status_code == 302

    page = stuur_client.get(vergadering.get_absolute_url()).content.decode()
    assert "Opzet evaluatie" in page and 'href="/samenwerkingsverbanden/MLW/kosten/"' in page
    stuk = agendapunt.stukken.get(titel="Opzet evaluatie")
    download = stuur_client.get(stuk.get_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get(stuk.get_url()).status_code == 302  # anonymous: to the login page

    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = regie_client.post(create, data | {"bestand": fake, "titel": "Nep"})
    assert "Dit type bestand is niet toegestaan" in response.content.decode()
    outside = link | {"verwijzing": "https://example.org/", "titel": "Buiten"}
    response = regie_client.post(create, outside)
    assert "Verwijs naar een pagina binnen Regiekamer" in response.content.decode()
    assert agendapunt.stukken.count() == 2


def test_contactpersoon_shows_on_the_gemeente(demo, regie_client):
    from partijen.models import Gemeente

    weert = Gemeente.objects.get(naam="Weert")
    page = regie_client.get(weert.get_absolute_url()).content.decode()
    assert "Geen contactpersoon vastgelegd" in page
    persoon = PersoonFactory(naam="J. Contact", functie="Beleidsadviseur", gemeente=weert)
    regiegroep = Gremium.objects.get(soort="regiegroep", periode="2016")
    LidmaatschapFactory(persoon=persoon, gremium=regiegroep, rol="lid")
    page = regie_client.get(weert.get_absolute_url()).content.decode()
    assert "J. Contact, Beleidsadviseur" in page


def test_membership_edit_is_validated(demo, regie_client, stuur_client):
    gremium = stuurgroep()
    edit = url("gremium-update", gremium.pk)
    assert stuur_client.get(edit).status_code == 403
    response = regie_client.get(edit)
    formset = response.context["formsets"]["lidmaatschappen"]
    data = {
        "naam": gremium.naam,
        "soort": gremium.soort,
        "periode": gremium.periode,
        "doel": gremium.doel,
        "voorzitter": "roulerend",
        "communicatie_vast_agendapunt": "on",
        "versie": gremium.versie,
        "lidmaatschappen-TOTAL_FORMS": str(formset.total_form_count()),
        "lidmaatschappen-INITIAL_FORMS": str(formset.initial_form_count()),
        "lidmaatschappen-MIN_NUM_FORMS": "0",
        "lidmaatschappen-MAX_NUM_FORMS": "1000",
    }
    for i, form in enumerate(formset.forms):
        for name in ["id", "persoon", "rol", "vanaf", "tot", "versie"]:
            value = form[name].value()
            data[f"lidmaatschappen-{i}-{name}"] = "" if value is None else value
        data[f"lidmaatschappen-{i}-gremium"] = gremium.pk
    data["lidmaatschappen-0-vanaf"] = "2019-01-01"
    data["lidmaatschappen-0-tot"] = "2018-12-31"
    response = regie_client.post(edit, data)
    assert "Het lidmaatschap eindigt vóór het begint." in response.content.decode()
    data["lidmaatschappen-0-tot"] = ""
    assert regie_client.post(edit, data).status_code == 302
    gremium.refresh_from_db()
    assert gremium.voorzitter == "roulerend"


def test_yes_no_filters_read_dutch(demo, regie_client):
    page = regie_client.get(url("actiepunt-list")).content.decode()
    assert '<option value="" selected>(alle)</option>' in page and "Onbekend" not in page
