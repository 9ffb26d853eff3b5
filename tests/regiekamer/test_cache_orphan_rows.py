"""A row of no samenwerkingsverband (yet) counts as shared (``dataversie._target``): a write to
it moves the shared version, so a cached page or admin list that shows it is built anew.

1. An admin list of personen: a persoon of no gemeente and no gremium (a new one) added or
   deleted by the beheerder is shown or gone on the next view of the list, not only on the
   page with the message right after the save.
2. The page of a gemeente in no samenwerkingsverband (a new one): an inwonertal added on its
   edit page (the gemeente's own fields unchanged, so the gemeente itself is not saved) is on
   the page it returns to.
"""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from governance.models import Persoon
from partijen.models import Gemeente
from tests.conftest import logged_in
from tests.fuzz import page_data

pytestmark = pytest.mark.django_db

PERSONEN = "/admin/governance/persoon/"


def text(response) -> str:
    assert response.status_code == 200
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


@pytest.fixture
def beheerder(beheer_user):
    return logged_in(beheer_user)


def test_a_persoon_added_in_the_admin_stays_in_its_list(demo, beheerder):
    assert "Zonder Plek" not in text(beheerder.get(PERSONEN))  # the list, now cached
    add = beheerder.get(f"{PERSONEN}add/")
    data = page_data(add) | {"naam": "Zonder Plek", "functie": "adviseur"}
    saved = beheerder.post(f"{PERSONEN}add/", data, follow=True)
    assert Persoon.objects.filter(naam="Zonder Plek").exists()
    assert "Zonder Plek" in text(saved)  # the list with the message: built afresh
    assert "Zonder Plek" in text(beheerder.get(PERSONEN))  # FAILS: the list from before


def test_a_persoon_deleted_in_the_admin_stays_gone_from_its_list(demo, beheerder):
    persoon = Persoon.objects.create(naam="Zonder Plek", functie="adviseur")
    assert "Zonder Plek" in text(beheerder.get(PERSONEN))  # the list, now cached
    deleted = beheerder.post(
        PERSONEN,
        {"action": "delete_selected", "_selected_action": [persoon.pk], "post": "yes"},
        follow=True,
    )
    assert not Persoon.objects.filter(pk=persoon.pk).exists()
    assert "met succes verwijderd" in text(deleted) and "Zonder Plek" not in text(deleted)
    assert "Zonder Plek" not in text(beheerder.get(PERSONEN))  # FAILS: the list from before


def test_an_inwonertal_added_to_a_gemeente_of_no_samenwerkingsverband_is_on_its_page(
    demo, beheerder
):
    gemeente = Gemeente.objects.create(naam="Nieuwdorp", plaats="Nieuwdorp")
    page = f"/gemeenten/{gemeente.pk}/"
    assert "Geen inwonertal bekend." in text(beheerder.get(page))  # the page, now cached
    edit = reverse("gemeenten:gemeente-update", args=[gemeente.pk])
    response = beheerder.get(edit)
    new = response.context["formsets"]["inwonertallen"].total_form_count() - 1
    data = page_data(response) | {
        f"inwonertallen-{new}-peildatum": "2024-01-01",
        f"inwonertallen-{new}-aantal": "12.345",
        f"inwonertallen-{new}-bron": "CBS",
    }
    shown = beheerder.post(edit, data, follow=True)
    assert shown.redirect_chain and shown.redirect_chain[-1][0] == page
    assert gemeente.inwonertallen.get().peildatum == datetime.date(2024, 1, 1)
    assert "12.345" in text(shown)  # FAILS: "Geen inwonertal bekend."
