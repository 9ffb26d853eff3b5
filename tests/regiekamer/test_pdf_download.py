"""Every page with a PDF button answers a report that cannot be made the same way: back to the
page (its other choices kept) with the Dutch reason, never a server error."""

from datetime import date

import pytest
from django.urls import reverse

from brieven.opstellen import draft_letter
from convenant.models import Convenant
from partijen.models import Gemeente, Samenwerkingsverband
from programma.models import Programmaplan
from programma.voortgang import draft_report
from regiekamer import pdf
from regiekamer.pdf import RapportFout

REDEN = "Het rapport kan nu niet worden gemaakt: de proef zegt nee."


def brief_url():
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    brief = draft_letter(sv, Gemeente.objects.get(naam="Nederweert"))
    brief.save()
    return brief.get_absolute_url()


def pages():
    """Each page with a PDF button: its address and its other query parameters."""
    mlw = ["MLW"]
    plan = Programmaplan.objects.get()
    rapportage = draft_report(plan, date(2021, 10, 31), "september–oktober 2021")
    convenant = Convenant.objects.filter(samenwerkingsverband__afkorting="MLW").huidig()
    return {
        "bezetting": (reverse("formatie:bezetting", args=mlw), {}),
        "convenant": (convenant.get_absolute_url(), {}),
        "besluitenlijst": (reverse("governance:besluit-list", args=mlw), {"vanaf": "2026-01-01"}),
        "voortgang": (rapportage.get_absolute_url(), {}),
        "kostenverdeling": (reverse("kosten:kostenverdeling", args=mlw), {}),
        "verrekening": (reverse("kosten:verrekening", args=mlw), {}),
        "raadsinformatiebrief": (brief_url(), {}),
    }


def refuse(template_name, context):
    raise RapportFout(REDEN)


@pytest.mark.django_db
def test_every_pdf_button_answers_a_report_error_the_same_way(demo, regie_client, monkeypatch):
    monkeypatch.setattr(pdf, "render_pdf", refuse)
    for soort, (url, chosen) in pages().items():
        response = regie_client.get(url, {**chosen, "download": "pdf"})
        back = f"{url}?{'&'.join(f'{k}={v}' for k, v in chosen.items())}" if chosen else url
        assert (response.status_code, response["Location"]) == (302, back), soort
        page = regie_client.get(back)
        assert page.status_code == 200, soort
        assert REDEN in page.content.decode(), soort
