"""One column specification (werkboek.kolommen) drives the export's header row and cell
kinds, the import's header check, its parsing and validation, and what is stored."""

from io import BytesIO

import openpyxl
import pytest

from formatie.models import Rol
from partijen.models import Samenwerkingsverband
from regiekamer.spreadsheet import Kind
from tests.werkboek.test_werkboek import ROLLEN_HEADER, make_workbook, mlw_rollen
from werkboek import kolommen
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db

FASEN = ["Fase 1", "Fase 2", "Fase 3"]


@pytest.fixture
def sv():
    return Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )


@pytest.fixture
def opmerking_kolom(monkeypatch):
    """A new Rol column, added in one place: the specification."""
    kolom = kolommen.Kolom("opmerking", Kind.TEXT, kolommen.tekst(500, leeg=""))
    blad = kolommen.ROLLEN_BLAD
    monkeypatch.setattr(blad, "kolommen", (*blad.kolommen, kolom))
    return kolom


def rollen_sheet(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(BytesIO(data))["Rollen"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_export_headers_are_the_specifications(sv):
    import_workbook(make_workbook(), sv)
    header = rollen_sheet(export_workbook(sv))[0]
    spec = [kolommen.header_label(k.naam) for k in kolommen.ROLLEN_BLAD.kolommen]
    assert header == [*spec, *FASEN]
    # The workbook of these tests has no column pakket (optional: every rol in the basispakket).
    assert [k.naam for k in kolommen.ROLLEN_BLAD.kolommen] == [
        *ROLLEN_HEADER[: -len(FASEN)],
        "pakket",
    ]


def test_a_column_added_to_the_specification_is_exported_checked_read_and_stored(
    sv, opmerking_kolom
):
    rollen = mlw_rollen()
    opmerkingen = [f"opmerking bij {rij[0]}" for rij in rollen]
    opmerkingen[-1] = ""  # an empty cell
    workbook = make_workbook(
        rollen=[[*rij, tekst] for rij, tekst in zip(rollen, opmerkingen, strict=True)],
        headers={"Rollen": [*ROLLEN_HEADER, "Opmerking"]},
    )
    import_workbook(workbook, sv)
    stored = list(Rol.objects.filter(samenwerkingsverband=sv).order_by("volgorde"))
    assert [r.opmerking for r in stored] == opmerkingen

    rows = rollen_sheet(export_workbook(sv))
    # After the specification's other columns (pakket the last), before the fasen.
    assert rows[0][10] == "Opmerking"
    assert rows[0][11:] == FASEN
    assert [row[10] for row in rows[1:]] == [*opmerkingen[:-1], None]

    # The import's header check asks for it too, and it is parsed and validated as specified.
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(), sv)
    assert caught.value.problems == ['Rollen, kolom "opmerking": de kolom ontbreekt.']
    too_long = [[*rij, "x" * 501] for rij in mlw_rollen()]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(
            make_workbook(rollen=too_long, headers={"Rollen": [*ROLLEN_HEADER, "opmerking"]}), sv
        )
    assert 'Rollen, rij 2, kolom "opmerking": "' in caught.value.problems[0]
    assert "is te lang (hoogstens 500 tekens)." in caught.value.problems[0]
    assert [r.opmerking for r in Rol.objects.filter(samenwerkingsverband=sv)] == opmerkingen
