"""Shared gemeenten in the workbook import (issue 14, point 2).

Weert takes part in MLW and NML, Venlo only in NML. A workbook imported by the regiegroep of
MLW may not bring Venlo into MLW nor change Weert's inwonertal: the import is refused, with
sheet, row, column and why, and nothing is written. The beheerder may; so may the operator
on the command line, and a new gemeente is created as before.
"""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partijen.models import Gemeente, Inwonertal
from tests.conftest import logged_in
from tests.werkboek.test_werkboek import dump, make_workbook, mlw_gemeenten
from tests.werkboek.test_werkboek_pagina import upload
from tests.world import mlw_with_nml
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook

pytestmark = pytest.mark.django_db

NOT_YOURS = "neemt deel aan een samenwerkingsverband waarvan u geen lid bent"


@pytest.fixture
def world(django_user_model):
    return mlw_with_nml(django_user_model)


def with_venlo():
    """MLW's gemeenten and Venlo, with percentages adding up to 100."""
    gemeenten = mlw_gemeenten()
    gemeenten[2][2] = 40
    return [*gemeenten, ["Venlo", None, 8, "nee"]]


def by_inwonertal(weert: int):
    """A key by inwonertal; Weert's as given (known: 49.100 on 1-1-2016)."""
    return [["Leudal", 36_000, None, "nee"], ["Nederweert", 17_000, None, "nee"]] + [
        ["Weert", weert, None, "ja"]
    ]


def inwonertallen(gemeente) -> list[tuple[date, int]]:
    return list(
        Inwonertal.objects.filter(gemeente=gemeente)
        .order_by("peildatum")
        .values_list("peildatum", "aantal")
    )


def test_the_import_brings_no_gemeente_of_another_samenwerkingsverband_in(world):
    mlw, venlo = world["mlw"], world["venlo"]
    before = dump(mlw)
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(with_venlo()), mlw, user=world["regie"])
    assert caught.value.problems == [
        f'Gemeenten, rij 5, kolom "gemeente": Venlo {NOT_YOURS}; vraag de beheerder of een '
        "ambtenaar van Venlo om de gemeente aan MLW toe te voegen."
    ]
    assert dump(mlw) == before
    assert not mlw.gemeenten.filter(pk=venlo.pk).exists()

    # The same workbook with a new gemeente instead: it is created.
    gemeenten = with_venlo()
    gemeenten[3][0] = "Roermond"
    result = import_workbook(make_workbook(gemeenten), mlw, user=world["regie"])
    assert result.nieuwe_gemeenten == ["Roermond"]
    assert mlw.gemeenten.filter(naam="Roermond").exists()

    # The beheerder brings Venlo in.
    import_workbook(make_workbook(with_venlo()), mlw, user=world["beheer"])
    assert mlw.gemeenten.filter(pk=venlo.pk).exists()


def test_the_import_changes_no_inwonertal_of_a_shared_gemeente(world):
    mlw, weert = world["mlw"], world["weert"]
    before = dump(mlw)
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(by_inwonertal(60_000)), mlw, user=world["regie"])
    assert caught.value.problems == [
        f'Gemeenten, rij 4, kolom "inwonertal": Weert {NOT_YOURS}; vraag de beheerder of een '
        "ambtenaar van Weert om het inwonertal te wijzigen. Op 1-9-2016 telt Weert 49.100 "
        "inwoners: neem dat getal over."
    ]
    assert dump(mlw) == before

    # Weert's known number is no change: imported, Weert untouched, the others updated.
    import_workbook(make_workbook(by_inwonertal(49_100)), mlw, user=world["regie"])
    assert inwonertallen(weert) == [(date(2016, 1, 1), 49_100)]
    assert inwonertallen(world["leudal"])[-1] == (date(2016, 9, 1), 36_000)
    assert mlw.verdeelsleutels.get().peildatum == date(2016, 9, 1)

    # The beheerder changes it.
    import_workbook(make_workbook(by_inwonertal(60_000)), mlw, user=world["beheer"])
    assert inwonertallen(weert)[-1] == (date(2016, 9, 1), 60_000)


def test_the_upload_page_imports_as_the_user(world):
    page = upload(logged_in(world["regie"]), make_workbook(with_venlo())).content.decode()
    assert "Niets ingelezen" in page
    assert f"Venlo {NOT_YOURS}" in page
    assert not world["mlw"].gemeenten.filter(naam="Venlo").exists()


def test_the_command_imports_as_the_operator_or_as_a_user(world, tmp_path):
    path = tmp_path / "formatie.xlsx"
    path.write_bytes(make_workbook(with_venlo()))

    def command(afkorting, **options):
        call_command(
            "importeer_formatie",
            str(path),
            samenwerkingsverband=afkorting,
            stdout=StringIO(),
            **options,
        )

    with pytest.raises(CommandError, match=f"Venlo {NOT_YOURS}"):
        command("MLW", gebruiker="regie-mlw")
    with pytest.raises(CommandError, match="regie-mlw mag de formatie van NML niet wijzigen"):
        command("NML", gebruiker="regie-mlw")
    assert not world["mlw"].gemeenten.filter(naam="Venlo").exists()
    # The operator on the server is trusted as the beheerder is.
    command("MLW")
    assert world["mlw"].gemeenten.filter(naam="Venlo").exists()
    assert Gemeente.objects.filter(naam="Venlo").count() == 1
