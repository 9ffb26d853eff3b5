"""Re-importing the workbook the app exported changes nothing: amounts of later years stay."""

from decimal import Decimal

import pytest

from formatie.models import Rol, Salarisschaal, Uurtarief
from partijen.models import Samenwerkingsverband
from tests.werkboek.test_werkboek import make_workbook
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db


def test_reimporting_the_export_keeps_the_salarisschalen_of_later_years():
    sv = Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    import_workbook(make_workbook(), sv)
    Salarisschaal.objects.create(
        samenwerkingsverband=sv, schaal=11, jaar=2017, jaarkosten_per_fte=Decimal("86000")
    )
    before = sorted(
        Salarisschaal.objects.filter(samenwerkingsverband=sv).values_list(
            "schaal", "jaar", "jaarkosten_per_fte"
        )
    )

    import_workbook(export_workbook(sv), sv)

    after = sorted(
        Salarisschaal.objects.filter(samenwerkingsverband=sv).values_list(
            "schaal", "jaar", "jaarkosten_per_fte"
        )
    )
    assert after == before
    assert (11, 2017, Decimal("86000.00")) in after


def test_reimporting_the_export_keeps_the_hourly_rates_of_later_years():
    sv = Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )
    import_workbook(make_workbook(), sv)
    rol = Rol.objects.get(samenwerkingsverband=sv, naam="informatieanalyse")
    Uurtarief.objects.create(
        rol=rol, jaar=2017, uurtarief=Decimal("98.50"), indexatie=Decimal("3.5"), bron="CAO"
    )

    import_workbook(export_workbook(sv), sv)

    (tarief,) = Uurtarief.objects.filter(rol__samenwerkingsverband=sv)
    assert tarief.rol.naam == "informatieanalyse"
    assert (tarief.jaar, tarief.uurtarief, tarief.indexatie, tarief.bron) == (
        2017,
        Decimal("98.50"),
        Decimal("3.5"),
        "CAO",
    )
