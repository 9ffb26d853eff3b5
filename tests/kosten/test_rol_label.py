"""A rol's label in the cost table is computed from its data, as Bijlage 1 writes it: the name
the table uses, then its parameters (scale, hours per fase and rate, amounts per fase)."""

import dataclasses
from datetime import date
from decimal import Decimal as D

import pytest

from formatie.models import Bezetting, Rol
from kosten.gegevens import load_kostenverdeling
from kosten.tabel import cost_table, in_zin, kostenbasis, rol_label
from kosten.verdeling import FaseData, RolData
from partijen.models import Samenwerkingsverband
from tests.kosten.mlw import mlw_formatie
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

from .test_kostenverdeling import LABELS

BIJLAGE_1_LABELS = list(LABELS.values())


def test_the_engine_data_of_bijlage_1_gives_the_documents_labels():
    formatie = mlw_formatie()  # names as the cost table has them, no naam_in_kostentabel
    assert [rol_label(r, formatie.fasen) for r in formatie.rollen] == BIJLAGE_1_LABELS


@pytest.mark.django_db
def test_the_demo_labels_follow_a_change_of_the_data(demo):
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    rows = cost_table(load_kostenverdeling(sv))["rijen"]
    assert [r["label"] for r in rows] == BIJLAGE_1_LABELS
    # One more month's worth of FTE in fase 2: the hours in the label follow, nothing stored.
    cell = Bezetting.objects.get(rol__naam="Informatie analyse", fase__naam="Fase 2")
    cell.fte = D("1")
    cell.save()
    Rol.objects.filter(naam="Contractmanagement").update(schaal=12)
    labels = [r["label"] for r in cost_table(load_kostenverdeling(sv))["rijen"]]
    assert labels[0] == "contractmanagement (schaal 12)"
    assert labels[1] == "informatieanalyse (fase 1: 1.092 u, fase 2: 780 u, € 95/u)"


def test_without_a_name_for_the_table_the_name_is_used():
    fase = FaseData(1, "Fase 1", date(2020, 1, 1), date(2020, 12, 31))
    rol = RolData(1, "Contractmanager", "schaal", None, 11, naam_in_kostentabel="")
    assert rol_label(rol, [fase]) == "Contractmanager (schaal 11)"
    named = dataclasses.replace(rol, naam_in_kostentabel="contractmanagement")
    assert rol_label(named, [fase]) == "contractmanagement (schaal 11)"


def test_rates_that_differ_per_year_are_named_per_year():
    f1 = FaseData(1, "Fase 1", date(2026, 9, 1), date(2027, 8, 31))
    rol = RolData(
        1, "Inhuur", "uur", None, None, D(95),
        uurtarieven={2026: D(95), 2027: D("98.50")}, bezetting={1: D("0.5")},
    )  # fmt: skip
    assert kostenbasis(rol, [f1]) == "fase 1: 936 u, € 95/u (2026), € 98,5/u (2027)"
    same = dataclasses.replace(rol, uurtarieven={2026: D(95), 2027: D(95)})
    assert kostenbasis(same, [f1]) == "fase 1: 936 u, € 95/u"


def test_missing_data_is_said_not_hidden():
    fase = FaseData(1, "Opbouw", date(2020, 1, 1), date(2020, 6, 30))
    assert kostenbasis(RolData(1, "A", "schaal"), [fase]) == "schaal onbekend"
    assert kostenbasis(RolData(2, "B", "uur"), [fase]) == "uurtarief onbekend"
    assert kostenbasis(RolData(3, "C", "vast"), [fase]) == "vast bedrag"
    vast = RolData(4, "D", "vast", bezetting={1: D("1234.5")})
    assert kostenbasis(vast, [fase]) == "opbouw: € 1.235"


@pytest.mark.parametrize(
    "naam, zin", [("Fase 1", "fase 1"), ("ICT-fase", "ICT-fase"), ("fase 2", "fase 2"), ("X", "X")]
)
def test_a_fase_name_inside_the_label(naam, zin):
    assert in_zin(naam) == zin


@pytest.mark.django_db
def test_the_table_names_survive_a_reimport_of_the_workbook(demo):
    """The formatie workbook holds no column for the table's name: a re-import keeps it for a
    rol of the same name (werkboek.opslaan.ROL_BEWAARD), so the labels stay the document's."""
    sv = Samenwerkingsverband.objects.get(afkorting="MLW")
    import_workbook(export_workbook(sv), sv)
    rows = cost_table(load_kostenverdeling(sv))["rijen"]
    assert [r["label"] for r in rows] == BIJLAGE_1_LABELS
