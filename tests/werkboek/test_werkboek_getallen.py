"""The workbook import reads text cells the Dutch way (the app's one parser) and refuses a
mistyped gemeente instead of creating it."""

from decimal import Decimal

import pytest

from formatie.models import Bezetting, Rol, Salarisschaal
from partijen.models import Gemeente, Samenwerkingsverband
from tests.werkboek.test_werkboek import make_workbook, mlw_gemeenten, mlw_rollen
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def sv():
    return Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )


def _rollen_with(**cells):
    """The MLW rollen with the first row's cells replaced (column index -> value)."""
    rollen = mlw_rollen()
    for index, value in cells.items():
        rollen[0][int(index.removeprefix("c"))] = value
    return rollen


def test_text_cells_in_dutch_notation_are_read(sv):
    # jaarkosten (column 3), basisformatie (8) and fase 1 (9) typed as text.
    rollen = _rollen_with(c3="€ 83.100,-", c8="0,5", c9="1,50")
    import_workbook(make_workbook(rollen=rollen), sv)

    rol = Rol.objects.get(samenwerkingsverband=sv, naam="contractmanagement")
    assert rol.basisformatie == Decimal("0.5")
    assert Salarisschaal.objects.get(samenwerkingsverband=sv, schaal=11).jaarkosten_per_fte == (
        Decimal("83100")
    )
    assert Bezetting.objects.get(rol=rol, fase__naam="Fase 1").fte == Decimal("1.5")


def test_an_english_text_cell_is_refused_with_sheet_row_column_and_hint(sv):
    rollen = _rollen_with(c8="0.5")
    with pytest.raises(WerkboekFout) as error:
        import_workbook(make_workbook(rollen=rollen), sv)

    assert (
        'Rollen, rij 2, kolom "basisformatie": "0.5" is niet eenduidig. Schrijf 0,5 '
        "(komma voor decimalen) of 1.500 (punt voor duizendtallen)."
    ) in error.value.problems
    assert not Rol.objects.exists()


def test_text_inwonertal_with_thousands_dots_is_read(sv):
    gemeenten = [[naam, "50.250", None, penvoerder] for naam, _, _, penvoerder in mlw_gemeenten()]
    import_workbook(make_workbook(gemeenten=gemeenten), sv)

    assert {g.get_latest_inwonertal().aantal for g in sv.gemeenten.all()} == {50250}


def test_a_mistyped_gemeente_is_refused_with_a_suggestion_and_nothing_is_saved(sv):
    Gemeente.objects.create(naam="Weert")
    gemeenten = [["Weerd" if r[0] == "Weert" else r[0], *r[1:]] for r in mlw_gemeenten()]
    rollen = [[*r[:6], "Weerd" if r[6] == "Weert" else r[6], *r[7:]] for r in mlw_rollen()]

    with pytest.raises(WerkboekFout) as error:
        import_workbook(make_workbook(gemeenten=gemeenten, rollen=rollen), sv)

    assert error.value.problems == [
        'Gemeenten, rij 4, kolom "gemeente": "Weerd" is geen bekende gemeente. Bedoelt u Weert?'
    ]
    assert not Gemeente.objects.filter(naam="Weerd").exists()
    assert not Gemeente.objects.exclude(naam="Weert").exists()
    assert not Rol.objects.exists()


def test_a_leverende_gemeente_not_on_the_gemeenten_sheet_gets_a_suggestion(sv):
    rollen = [[*r[:6], "Weerd" if r[6] == "Weert" else r[6], *r[7:]] for r in mlw_rollen()]

    with pytest.raises(WerkboekFout) as error:
        import_workbook(make_workbook(rollen=rollen), sv)

    assert (
        'Rollen, rij 2, kolom "leverende_gemeente": "Weerd" staat niet in het werkblad '
        "Gemeenten. Bedoelt u Weert?"
    ) in error.value.problems
    assert not Gemeente.objects.exists()


def test_a_new_gemeente_unlike_any_known_one_is_still_created(sv):
    Gemeente.objects.create(naam="Weert")
    import_workbook(make_workbook(), sv)

    assert set(sv.gemeenten.values_list("naam", flat=True)) == {"Leudal", "Nederweert", "Weert"}


@pytest.mark.parametrize(
    ("cell", "quoted"),
    [
        ("9" * 10000, '"999999999999999999999999999999… (10000 tekens)" is te groot'),
        ("1" * 9999 + "x", '"111111111111111111111111111111… (10000 tekens)" is geen getal'),
    ],
)
def test_a_ten_thousand_character_cell_is_quoted_short(sv, cell, quoted):
    rollen = _rollen_with(c8=cell)
    with pytest.raises(WerkboekFout) as error:
        import_workbook(make_workbook(rollen=rollen), sv)

    (problem,) = error.value.problems
    assert problem.startswith('Rollen, rij 2, kolom "basisformatie": ' + quoted)
    assert len(problem) < 300
    assert not Rol.objects.exists()
