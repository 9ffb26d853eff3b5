"""The workbook as officials use it in the browser: download, change, upload."""

import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from formatie.models import Bezetting, Rol

pytestmark = pytest.mark.django_db


def upload(client, content: bytes, bevestiging=True):
    data = {"werkboek": SimpleUploadedFile("formatie.xlsx", content)}
    if bevestiging:
        data["bevestiging"] = "on"
    return client.post(reverse("werkboek:import", args=["MLW"]), data, follow=True)


def test_round_trip_through_the_browser(demo, regie_client):
    export = regie_client.get(reverse("werkboek:export", args=["MLW"])).content
    before = sorted((b.rol.naam, b.fase.naam, b.fte, b.bedrag) for b in Bezetting.objects.all())
    response = upload(regie_client, export)
    assert "ingelezen" in response.content.decode()
    after = sorted((b.rol.naam, b.fase.naam, b.fte, b.bedrag) for b in Bezetting.objects.all())
    assert after == before
    assert regie_client.get(reverse("werkboek:export", args=["MLW"])).content  # still works


def test_a_changed_workbook_changes_the_costs(demo, regie_client):
    export = regie_client.get(reverse("werkboek:export", args=["MLW"])).content
    wb = load_workbook(io.BytesIO(export))
    rollen = wb["Rollen"]
    header = [c.value for c in rollen[1]]
    for row in rollen.iter_rows(min_row=2):
        if row[0].value == "Contractmanagement":
            row[header.index("Fase 3")].value = 2
    out = io.BytesIO()
    wb.save(out)
    upload(regie_client, out.getvalue())
    kosten = regie_client.get(reverse("kosten:kostenverdeling", args=["MLW"])).content.decode()
    assert "166.200" in kosten


def test_a_bad_upload_lists_the_problems_and_changes_nothing(demo, regie_client):
    export = regie_client.get(reverse("werkboek:export", args=["MLW"])).content
    wb = load_workbook(io.BytesIO(export))
    rollen = wb["Rollen"]
    header = [c.value for c in rollen[1]]
    rollen.cell(row=2, column=header.index("Fase 1") + 1, value="veel")
    out = io.BytesIO()
    wb.save(out)
    response = upload(regie_client, out.getvalue())
    page = html.unescape(response.content.decode())
    assert "Niets ingelezen" in page
    assert 'Rollen, rij 2, kolom "Fase 1"' in page
    assert Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 1").fte == 1.5

    page = upload(regie_client, b"geen excel").content.decode()
    assert "Dit is geen leesbaar Excel-bestand (.xlsx)." in page
    assert Rol.objects.count() == 8


def test_stuurgroep_may_download_but_not_upload(demo, stuur_client):
    assert stuur_client.get(reverse("werkboek:export", args=["MLW"])).status_code == 200
    assert stuur_client.get(reverse("werkboek:import", args=["MLW"])).status_code == 403
