"""Deleting a user never changes a frozen letter or report: the sender is protected."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from brieven.opstellen import draft_letter, send_letter
from partijen.models import Gemeente, Samenwerkingsverband
from programma.models import Programmaplan
from programma.voortgang import draft_report, freeze_report


def shown(client, obj) -> str:
    """The frozen record's status line: when and by whom it was sent."""
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    return re.search(r"<dt>Status</dt><dd>.*?</dd>", response.content.decode()).group()


def test_deleting_the_sender_of_a_frozen_letter_or_report_is_refused(demo, beheer_user):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    user = get_user_model().objects.create_user("verzender", first_name="Ria", last_name="Smit")
    brief = draft_letter(sv, Gemeente.objects.get(naam="Weert"))
    brief.besluitdatum = date(2026, 3, 3)  # the standard text names the college's decision
    brief.save()
    send_letter(brief, user)
    rapportage = draft_report(
        Programmaplan.objects.get(samenwerkingsverband=sv), date(2024, 6, 30), "Q2 2024"
    )
    freeze_report(rapportage, user)
    rapportage = type(rapportage).objects.get(pk=rapportage.pk)
    admin = Client()
    admin.force_login(beheer_user)
    before = [shown(admin, brief), shown(admin, rapportage)]
    assert all("door Ria Smit" in page for page in before)

    page = admin.post(reverse("admin:auth_user_delete", args=[user.pk]), {"post": "yes"})
    assert "gebruiker kan niet worden verwijderd" in page.content.decode()
    with pytest.raises(ProtectedError):
        user.delete()

    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert [shown(admin, brief), shown(admin, rapportage)] == before
