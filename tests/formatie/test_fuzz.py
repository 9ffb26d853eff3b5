"""Bad input for the formation grid and the workbook upload: never a server error, always a Dutch
message, nothing half-saved."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from formatie.models import Bezetting, Fase, Rol, Salarisschaal, Werkgroep
from kosten.models import Verdeelsleutel, Verdeelsleutelaandeel
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from tests.formatie.grid import bezetting_url, grid_data
from tests.fuzz import FUZZ, JUNK, check_post, mutate

pytestmark = pytest.mark.django_db


def formatie_rows():
    return (
        Bezetting.objects.all(),
        Rol.objects.all(),
        Fase.objects.all(),
        Salarisschaal.objects.all(),
        Werkgroep.objects.all(),
        Gemeente.objects.all(),
        Inwonertal.objects.all(),
        Samenwerkingsverband.objects.all(),
        Verdeelsleutel.objects.all(),
        Verdeelsleutelaandeel.objects.all(),
    )


@pytest.fixture
def grid(demo, regie_client):
    return grid_data(regie_client.get(bezetting_url()))


@FUZZ
@given(data=st.data())
def test_grid_with_bad_cells(grid, regie_client, data):
    posted = data.draw(mutate(grid))
    check_post(regie_client, bezetting_url(), posted, *formatie_rows())


@pytest.fixture
def export(demo, regie_client):
    return regie_client.get(reverse("werkboek:export", args=["MLW"])).content


def upload(client, content: bytes):
    data = {"werkboek": SimpleUploadedFile("formatie.xlsx", content), "bevestiging": "on"}
    url = reverse("werkboek:import", args=["MLW"])
    return check_post(client, url, data, *formatie_rows())


def garbage_zip(entries: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


BAD_FILES = st.one_of(
    st.binary(max_size=2000),
    st.builds(
        garbage_zip,
        st.dictionaries(
            st.sampled_from(
                ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "x.txt"]
            ),
            st.binary(max_size=200),
            max_size=4,
        ),
    ),
)


@FUZZ
@given(data=st.data())
def test_upload_of_random_bytes_and_garbage_zips(export, regie_client, data):
    content = data.draw(
        st.one_of(BAD_FILES, st.integers(0, len(export) - 1).map(lambda n: export[:n]))
    )
    assert not upload(regie_client, content)


CELL_VALUES = st.one_of(
    JUNK,
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 1, 1)),
    st.booleans(),
)


@FUZZ
@given(data=st.data())
def test_upload_of_workbooks_with_wrong_cells(export, regie_client, data):
    workbook = load_workbook(io.BytesIO(export))
    for _ in range(data.draw(st.integers(1, 4))):
        sheet = workbook[data.draw(st.sampled_from(workbook.sheetnames))]
        row = data.draw(st.integers(1, sheet.max_row + 1))
        column = data.draw(st.integers(1, sheet.max_column + 1))
        value = data.draw(CELL_VALUES)
        if isinstance(value, str):
            value = "".join(c for c in value if c.isprintable())  # openpyxl refuses control chars
        sheet.cell(row=row, column=column, value=value)
    if data.draw(st.booleans()):
        del workbook[data.draw(st.sampled_from(workbook.sheetnames))]
    out = io.BytesIO()
    if not workbook.sheetnames:
        return
    workbook.save(out)
    upload(regie_client, out.getvalue())
