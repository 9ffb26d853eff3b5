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


def with_pakket(export: bytes, deelnemers: str) -> bytes:
    """The exported workbook with a pluspakket on a sheet Pakketten, Contractmanagement in it."""
    wb = load_workbook(io.BytesIO(export))
    sheet = wb.create_sheet("Pakketten")
    sheet.append(["Pakket", "Soort", "Verdeling", "Deelnemers"])
    sheet.append(["Contracten", "plus", "gelijk", deelnemers])
    rollen = wb["Rollen"]
    header = [c.value for c in rollen[1]]
    for row in rollen.iter_rows(min_row=2):
        if row[0].value == "Contractmanagement":
            row[header.index("Pakket")].value = "contracten"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_pakket_through_the_browser(demo, regie_client):
    export = regie_client.get(reverse("werkboek:export", args=["MLW"])).content

    bad = upload(regie_client, with_pakket(export, "Leudal; Roermond"))
    page = html.unescape(bad.content.decode())
    assert "Niets ingelezen" in page
    assert (
        'Pakketten, rij 2, kolom "deelnemers": "Roermond" staat niet in het werkblad Gemeenten.'
        in page
    )
    assert Rol.objects.get(naam="Contractmanagement").pakket is None

    response = upload(regie_client, with_pakket(export, "Leudal; Weert"))
    assert "ingelezen" in response.content.decode()
    assert Rol.objects.get(naam="Contractmanagement").pakket.naam == "Contracten"
    again = load_workbook(
        io.BytesIO(regie_client.get(reverse("werkboek:export", args=["MLW"])).content)
    )
    assert [c.value for c in again["Pakketten"][2]][:4] == [
        "Contracten",
        "plus",
        "gelijk",
        "Leudal; Weert",
    ]
