"""What the workbook import refuses before it reads: too large, a zip bomb, absurd row counts,
no real .xlsx; and formula cells, which count only with the value the file stored for them."""

import io
import os
import re
import zipfile
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from formatie.models import Bezetting
from partijen.models import Samenwerkingsverband
from tests.werkboek.test_werkboek import dump, make_workbook, mlw_gemeenten, mlw_rollen
from werkboek.bestand import NOT_READABLE
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook

pytestmark = pytest.mark.django_db

ZONDER_WAARDE = "formule zonder opgeslagen waarde; sla het bestand op in Excel of typ de waarde."


@pytest.fixture
def sv():
    """TST with the MLW formation already in it: a refused workbook must leave it as it is."""
    sv = Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    import_workbook(make_workbook(), sv)
    return sv


def refused(sv, data) -> list[str]:
    """The problems of an import that must fail, after checking that nothing changed."""
    before = dump(sv)
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(data, sv)
    assert dump(sv) == before
    return caught.value.problems


def with_parts(data: bytes, parts: dict[str, bytes], replace=None) -> bytes:
    """The .xlsx ``data`` with extra zip parts, and parts changed by ``replace(name, bytes)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if replace:
                content = replace(info.filename, content)
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
        for name, content in parts.items():
            target.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_workbook_that_unpacks_beyond_20_mb_is_refused_before_reading(sv):
    # 30 MB of shared strings that pack into some 30 kB.
    strings = b'<sst xmlns="x"><si><t>' + b"a" * 30_000_000 + b"</t></si></sst>"
    data = with_parts(make_workbook(), {"xl/sharedStrings2.xml": strings})
    assert len(data) < 100_000
    assert refused(sv, data) == [
        "Het werkboek is uitgepakt groter dan 20 MB; zo'n groot werkboek wordt niet ingelezen."
    ]


def test_a_part_packed_like_a_zip_bomb_is_refused(sv):
    data = with_parts(make_workbook(), {"xl/media/leeg.bin": b"\0" * 5_000_000})
    assert refused(sv, data) == [
        "Het werkboek is verdacht sterk ingepakt (xl/media/leeg.bin pakt uit tot meer dan "
        "100 keer zijn grootte); het wordt niet ingelezen."
    ]


@pytest.mark.parametrize(
    ("sheet", "rows", "message"),
    [
        pytest.param(
            "Rollen",
            lambda: (
                mlw_rollen()
                + [[f"rol {n}", "vast", None, None, None, None, None, "nee"] for n in range(1993)]
            ),
            'Het werkblad "Rollen" heeft meer dan 2.000 rijen; een werkboek mag hoogstens '
            "2.000 rollen bevatten.",
            id="rollen",
        ),
        pytest.param(
            "Gemeenten",
            lambda: mlw_gemeenten() + [[f"Gemeente {n}", None, 0, None] for n in range(398)],
            'Het werkblad "Gemeenten" heeft meer dan 400 rijen; een werkboek mag hoogstens '
            "400 gemeenten bevatten.",
            id="gemeenten",
        ),
    ],
)
def test_too_many_rows_are_refused(sv, sheet, rows, message):
    data = make_workbook(**{sheet.lower(): rows()})
    assert refused(sv, data) == [message]


def fase_1_formula(cached: str | None) -> bytes:
    """The MLW workbook where contractmanagement's Fase 1 is the formula =1+0.5, stored with
    the value ``cached`` (as Excel saves it) or without one (as openpyxl and some tools do)."""
    rollen = mlw_rollen()
    rollen[0][9] = "=1+0.5"
    data = make_workbook(rollen=rollen)
    if cached is None:
        return data

    def store_value(name, content):
        if name != "xl/worksheets/sheet3.xml":
            return content
        changed, count = re.subn(
            rb"(<f>1\+0\.5</f>)<v\s*/>", rb"\1<v>" + cached.encode() + rb"</v>", content
        )
        assert count == 1
        return changed

    return with_parts(data, {}, store_value)


def far_row(row: int):
    """A ``replace`` for ``with_parts``: the first sheet gets one cell in row ``row``, and no
    stated size (a few bytes that name a row millions down)."""

    def replace(name: str, content: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return content
        text = re.sub(r'<dimension ref="[^"]*"/>', "", content.decode())
        cell = f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>x</t></is></c></row>'
        return text.replace("</sheetData>", cell + "</sheetData>").encode()

    return replace


def test_a_sheet_that_names_a_row_millions_down_is_refused_without_reading_to_it(sv):
    """An attack-review finding: openpyxl yields an empty row for every row number skipped, so
    a 5 KB file with a cell in row 10**12 kept the import busy for days (and the database
    locked). Reading stops at row 50.000 and refuses the workbook; nothing changes."""
    data = with_parts(make_workbook(), {}, replace=far_row(3_000_000))
    (problem,) = refused(sv, data)
    assert problem.startswith('Het werkblad "Gemeenten" loopt door tot voorbij rij 50.000')
    assert problem.endswith("er is niets ingelezen.")


def test_the_row_limit_reads_its_last_row_and_refuses_the_next(monkeypatch):
    from openpyxl import load_workbook

    from regiekamer import uploads

    monkeypatch.setattr(uploads, "MAX_RIJNUMMER", 10)
    for row, refused_ in ((10, False), (11, True)):
        data = with_parts(make_workbook(), {}, replace=far_row(row))
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        formulas = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        rows = uploads.sheet_rows(values, formulas, columns=5)
        if refused_:
            with pytest.raises(uploads.RowsBeyondLimit):
                list(rows)
        else:
            assert [number for number, _, _ in rows][-1] == 10


def test_a_cell_in_the_last_column_does_not_make_every_row_16384_cells_long():
    from openpyxl import load_workbook

    from regiekamer import uploads

    def far_column(name: str, content: bytes) -> bytes:
        if name != "xl/worksheets/sheet1.xml":
            return content
        text = re.sub(r'<dimension ref="[^"]*"/>', "", content.decode())
        cell = r'\1<c r="XFD2"><v>1</v></c>\2'  # the row's last cell, as Excel orders them
        return re.sub(r'(<row r="2".*?)(</row>)', cell, text, count=1, flags=re.DOTALL).encode()

    data = with_parts(make_workbook(), {}, replace=far_column)
    values = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    formulas = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    widths = {len(cells) for _, cells, _ in uploads.sheet_rows(values, formulas, columns=7)}
    assert widths == {7}


def test_a_formula_counts_with_its_stored_value_and_without_one_is_reported(sv):
    assert refused(sv, fase_1_formula(None)) == [f'Rollen, rij 2, kolom "Fase 1": {ZONDER_WAARDE}']

    import_workbook(fase_1_formula("1.5"), sv)
    assert Bezetting.objects.get(rol__naam="contractmanagement", fase__naam="Fase 1").fte == 1.5


def test_a_formula_without_value_in_a_name_column_is_reported_once(sv):
    rollen = mlw_rollen()
    rollen[1][0] = '="informatie"&"analyse"'
    assert refused(sv, make_workbook(rollen=rollen)) == [
        f'Rollen, rij 3, kolom "rol": {ZONDER_WAARDE}'
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"dit is tekst, geen zip", id="tekst"),
        pytest.param(b"PK\x03\x04" + bytes(range(256)) * 4, id="kapotte-zip"),
        # A workbook that carries a program (.xlsm content) is no .xlsx.
        pytest.param("macro", id="macro"),
    ],
)
def test_what_is_not_an_xlsx_is_refused(sv, data):
    if data == "macro":
        data = with_parts(make_workbook(), {"xl/vbaProject.bin": b"MZ" + os.urandom(100)})
    assert refused(sv, data) == [NOT_READABLE]


def padded_workbook() -> bytes:
    """A good workbook of about 1,2 MB (a picture that does not pack)."""
    return with_parts(make_workbook(), {"xl/media/foto.png": os.urandom(1_200_000)})


def test_an_oversized_upload_in_the_browser_changes_nothing(sv, regie_client, settings):
    settings.MAX_UPLOAD_MB = 1
    before = dump(sv)
    response = regie_client.post(
        reverse("werkboek:import", args=["TST"]),
        {
            "werkboek": SimpleUploadedFile("formatie.xlsx", padded_workbook()),
            "bevestiging": "on",
        },
    )
    page = response.content.decode()
    assert "Niets ingelezen" in page
    assert "Het bestand is groter dan 1 MB." in page
    assert "Hooguit 1 MB." in page
    assert dump(sv) == before


def test_an_oversized_file_through_the_command_changes_nothing(sv, tmp_path, settings):
    settings.MAX_UPLOAD_MB = 1
    path = tmp_path / "formatie.xlsx"
    path.write_bytes(padded_workbook())
    before = dump(sv)
    with pytest.raises(CommandError) as caught:
        call_command("importeer_formatie", str(path), samenwerkingsverband="TST", stdout=StringIO())
    assert "er is niets veranderd" in str(caught.value)
    assert "- Het bestand is groter dan 1 MB." in str(caught.value)
    assert dump(sv) == before
