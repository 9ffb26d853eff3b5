"""The store writes in bulk: an import's queries do not grow with its rows, and every row
still gets its history record naming the user, and a changed row its next version."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from formatie.models import Bezetting, Fase, Rol, Salarisschaal, Uurtarief
from kosten.models import Verdeelsleutel
from partijen.models import Inwonertal, Samenwerkingsverband
from tests.werkboek.test_werkboek import make_workbook, mlw_rollen
from werkboek.opslaan import import_workbook

pytestmark = pytest.mark.django_db

BY_INWONERTAL = [["Leudal", 36000, None, "nee"], ["Nederweert", 17000, None, None]]
BY_INWONERTAL += [["Weert", 50000, None, "ja"]]


def new_sv(afkorting: str) -> Samenwerkingsverband:
    return Samenwerkingsverband.objects.create(
        naam=f"Verband {afkorting}", afkorting=afkorting, juridische_vorm="regeling_zonder_meer"
    )


def extra_rollen(n: int) -> list[list]:
    return [
        [f"rol {i}", "schaal", 10, 70000, None, None, "Weert", "nee", 1, 1, "0,5", 1]
        for i in range(n)
    ]


def queries_of_a_reimport(sv, rollen, user) -> int:
    import_workbook(make_workbook(gemeenten=BY_INWONERTAL, rollen=rollen), sv, user=user)
    Uurtarief.objects.create(
        rol=Rol.objects.get(samenwerkingsverband=sv, naam="informatieanalyse"),
        jaar=2019,
        uurtarief=99,
    )
    changed = [[*row[:1], row[1] + 100, *row[2:]] for row in BY_INWONERTAL]
    with CaptureQueriesContext(connection) as queries:
        import_workbook(make_workbook(gemeenten=changed, rollen=rollen), sv, user=user)
    return len(queries)


def test_an_import_takes_as_many_queries_for_many_rows_as_for_few(
    regie_user, django_assert_max_num_queries
):
    few = queries_of_a_reimport(new_sv("KLN"), mlw_rollen(), regie_user)
    # 8 against 28 rollen, 20 against 80 bezettingen: within one batch of the database's
    # parameter limit (SQLite: 999 per query), beyond which bulk writes take a query per batch.
    many = new_sv("GRT")
    import_workbook(make_workbook(gemeenten=BY_INWONERTAL, rollen=mlw_rollen()), many)
    rollen = mlw_rollen() + extra_rollen(20)
    with django_assert_max_num_queries(few):
        import_workbook(
            make_workbook(gemeenten=BY_INWONERTAL, rollen=rollen), many, user=regie_user
        )
    assert Rol.objects.filter(samenwerkingsverband=many).count() == 28
    assert Bezetting.objects.filter(rol__samenwerkingsverband=many).count() == 80


def test_every_row_written_in_bulk_has_its_history_and_version(regie_user):
    sv = new_sv("TST")
    queries_of_a_reimport(sv, mlw_rollen(), regie_user)

    # Every row now stored was created by the re-import, under the user's name.
    for model, rows in [
        (Rol, Rol.objects.filter(samenwerkingsverband=sv)),
        (Fase, Fase.objects.filter(samenwerkingsverband=sv)),
        (Bezetting, Bezetting.objects.filter(rol__samenwerkingsverband=sv)),
        (Salarisschaal, Salarisschaal.objects.filter(samenwerkingsverband=sv)),
        (Uurtarief, Uurtarief.objects.filter(rol__samenwerkingsverband=sv)),
        (Verdeelsleutel, Verdeelsleutel.objects.filter(samenwerkingsverband=sv)),
    ]:
        assert rows.exists(), model
        for row in rows:
            record = row.history.order_by("-history_date", "-history_id").first()
            assert (record.history_type, record.history_user, record.versie) == (
                "+",
                regie_user,
                1,
            ), model

    # What the re-import replaced was deleted under the user's name, one record per row.
    deleted = Rol.history.filter(history_type="-", history_user=regie_user)
    assert sorted(deleted.values_list("naam", flat=True)) == sorted(r[0] for r in mlw_rollen())
    assert Bezetting.history.filter(history_type="-", history_user=regie_user).count() == 20
    assert Uurtarief.history.filter(history_type="-", history_user=regie_user).count() == 1

    # A changed inwonertal is an update: its next version, recorded with the user.
    weert = Inwonertal.objects.get(gemeente__naam="Weert", peildatum=date(2016, 9, 1))
    assert (weert.aantal, weert.versie) == (50100, 2)
    records = weert.history.order_by("history_date", "history_id")
    assert [(h.history_type, h.aantal, h.versie, h.history_user) for h in records] == [
        ("+", 50000, 1, regie_user),
        ("~", 50100, 2, regie_user),
    ]
