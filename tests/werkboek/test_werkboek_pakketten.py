"""The workbook's sheet Pakketten and the column pakket on Rollen: read as hostile input (a bad
file changes nothing and names sheet, row and column), stored with history, written on export
and read back to the same figures; a scenario's workbook touches only the scenario's figures."""

from decimal import Decimal
from io import BytesIO, StringIO

import openpyxl
import pytest
from django.core.management import call_command

from formatie.models import Pakket, Pakketdeelname, Rol
from kosten.gegevens import load_kostenverdeling
from partijen.models import Inwonertal, Samenwerkingsverband
from scenarios.maak import maak_scenario
from tests.werkboek.test_werkboek import (
    ROLLEN_HEADER,
    dump,
    make_workbook,
    mlw_gemeenten,
    mlw_rollen,
    read_workbook,
)
from werkboek.cellen import WerkboekFout
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db

PAKKETTEN_HEADER = ["pakket", "soort", "verdeling", "deelnemers", "peildatum", "omschrijving"]


def pakketten():
    return [
        ["Regie", "basis", None, None, None, "Wat alle gemeenten samen doen"],
        ["Inkoop", "plus", "gelijk", "Leudal (2016-2018); Weert (vanaf 2016)", None, None],
        ["Analyse", "plus", "een", "Weert", None, None],
    ]


# rol -> pakket (the column pakket on Rollen); a rol not named: the basispakket
ROL_PAKKETTEN = {
    "informatieanalyse": "analyse",  # written otherwise than on the sheet: read alike
    "ondersteuning inkoop 2017": "Inkoop",
    "inkoop 2018 projectbasis": "Inkoop",
    "beleid wmo": "Regie",
}


def workbook(gemeenten=None, rollen=None, pakket_rows=None, rol_pakketten=None, *, skip=()):
    """The test workbook of test_werkboek with a sheet Pakketten and a column pakket."""
    rol_pakketten = ROL_PAKKETTEN if rol_pakketten is None else rol_pakketten
    rollen = mlw_rollen() if rollen is None else rollen
    return make_workbook(
        gemeenten,
        rollen=[[*rij, rol_pakketten.get(rij[0])] for rij in rollen],
        headers={"Rollen": [*ROLLEN_HEADER, "pakket"]},
        extra={
            "Pakketten": (PAKKETTEN_HEADER, pakketten() if pakket_rows is None else pakket_rows)
        },
        skip=skip,
    )


@pytest.fixture
def sv():
    return Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )


def pakket_dump(sv):
    return {
        "pakketten": [
            (p.naam, p.soort, p.verdeling, p.peildatum, p.volgorde, p.omschrijving)
            for p in Pakket.objects.filter(samenwerkingsverband=sv).order_by("volgorde")
        ],
        "deelnames": sorted(
            (d.pakket.naam, d.gemeente.naam, d.vanaf_jaar, d.tot_en_met_jaar)
            for d in Pakketdeelname.objects.filter(pakket__samenwerkingsverband=sv)
        ),
        "rollen": sorted(
            (r.naam, r.pakket.naam if r.pakket else None)
            for r in Rol.objects.filter(samenwerkingsverband=sv).select_related("pakket")
        ),
    }


def figures(sv) -> dict:
    kv = load_kostenverdeling(sv)
    return {
        (g, j, kv.pakket_naam(p)): kv.aandeel_pakket(g, j, p)
        for g in kv.gemeenten
        for j in kv.jaren
        for p in [None, *(p.id for p in kv.pakketten)]
    }


def test_pakketten_and_the_rollen_in_them_are_stored_with_history(sv, regie_user):
    result = import_workbook(workbook(), sv, user=regie_user)

    assert not result.waarschuwingen
    assert pakket_dump(sv) == {
        "pakketten": [
            ("Regie", "basis", "", None, 1, "Wat alle gemeenten samen doen"),
            ("Inkoop", "plus", "gelijk", None, 2, ""),
            ("Analyse", "plus", "een", None, 3, ""),
        ],
        "deelnames": [
            ("Analyse", "Weert", None, None),
            ("Inkoop", "Leudal", 2016, 2018),
            ("Inkoop", "Weert", 2016, None),
        ],
        "rollen": sorted(
            (rij[0], {**ROL_PAKKETTEN, "informatieanalyse": "Analyse"}.get(rij[0]))
            for rij in mlw_rollen()
        ),
    }
    for model in (Pakket, Pakketdeelname, Rol):
        assert {h.history_user for h in model.history.all()} == {regie_user}

    kv = load_kostenverdeling(sv)
    inkoop = next(p.id for p in kv.pakketten if p.naam == "Inkoop")
    analyse = next(p.id for p in kv.pakketten if p.naam == "Analyse")
    assert kv.deelnemers(inkoop, 2017) == ["Leudal", "Weert"]
    # Nederweert takes no pluspakket: it pays nothing of them.
    assert kv.aandeel_pakket("Nederweert", 2017, inkoop) == 0
    assert kv.aandeel_pakket("Leudal", 2017, analyse) == 0
    assert kv.aandeel_pakket("Weert", 2017, analyse) == kv.kosten_pakket(analyse, 2017) > 0
    assert kv.aandeel_pakket("Leudal", 2017, inkoop) == kv.aandeel_pakket("Weert", 2017, inkoop)


def test_the_export_writes_the_pakketten_and_reads_back_to_the_same_figures(sv):
    import_workbook(workbook(), sv)
    Pakket.objects.filter(naam="Regie").update(bron="seed 001")  # not in the workbook: stays
    before, pakket_before, figures_before = dump(sv), pakket_dump(sv), figures(sv)

    exported = export_workbook(sv)
    sheets = read_workbook(exported)
    assert sheets["Pakketten"][0] == [
        "Pakket", "Soort", "Verdeling", "Deelnemers", "Peildatum", "Omschrijving",
    ]  # fmt: skip
    assert sheets["Pakketten"][1:] == [
        ["Regie", "basis", None, None, None, "Wat alle gemeenten samen doen"],
        ["Inkoop", "plus", "gelijk", "Leudal (2016–2018); Weert (vanaf 2016)", None, None],
        ["Analyse", "plus", "een", "Weert", None, None],
    ]
    column = sheets["Rollen"][0].index("Pakket")
    assert [row[column] for row in sheets["Rollen"][1:3]] == [None, "Analyse"]

    import_workbook(exported, sv)
    assert (dump(sv), pakket_dump(sv), figures(sv)) == (before, pakket_before, figures_before)
    assert Pakket.objects.get(naam="Regie").bron == "seed 001"
    assert read_workbook(export_workbook(sv)) == sheets


def test_a_hostile_pakketten_sheet_changes_nothing_and_names_every_cell(sv):
    import_workbook(workbook(), sv)
    before, pakket_before = dump(sv), pakket_dump(sv)
    history = Pakket.history.count(), Pakketdeelname.history.count(), Rol.history.count()

    bad = [
        ["Regie", "basis", "gelijk", "Weert", None, None],  # 2: basis with verdeling, deelnemers
        ["Inkoop", "plus", "gelijk", "Leudal (2019–2017); Weerd; Weert (20188)", None, None],
        ["inkoop", "plus", "gelijk", None, None, None],  # 4: a name twice
        ["Analyse", "plus", "een", "Leudal; Weert (vanaf 2018)", None, None],
        ["Modules", "modulair", "per kop", "Weert (ooit)", "=TODAY()", None],  # 6
        ["Twee", "plus", "een", None, None, None],  # 7: 'een' over all three gemeenten
        ["Formule", "plus", "=A1", "Leudal; Leudal", "1-1-2017", None],  # 8
    ]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(
            workbook(pakket_rows=bad, rol_pakketten={**ROL_PAKKETTEN, "beleid jeugd": "Onbekend"}),
            sv,
        )

    assert caught.value.problems == [
        'Pakketten, rij 6, kolom "peildatum": formule zonder opgeslagen waarde; sla het bestand '
        "op in Excel of typ de waarde.",
        'Pakketten, rij 8, kolom "verdeling": formule zonder opgeslagen waarde; sla het bestand '
        "op in Excel of typ de waarde.",
        'Pakketten, rij 2, kolom "verdeling": het basispakket volgt de verdeelsleutel over alle '
        "gemeenten; laat dit leeg of kies soort plus.",
        'Pakketten, rij 2, kolom "deelnemers": het basispakket volgt de verdeelsleutel over alle '
        "gemeenten; laat dit leeg of kies soort plus.",
        'Pakketten, rij 3, kolom "deelnemers": "Leudal (2019–2017)": het eindjaar 2017 ligt vóór '
        'het beginjaar 2019. "Weerd" staat niet in het werkblad Gemeenten. Bedoelt u Weert? '
        '"Weert (20188)": 20188 is geen begrotingsjaar (tussen 1900 en 2200).',
        'Pakketten, rij 4, kolom "pakket": "inkoop" staat al op rij 3.',
        'Pakketten, rij 5, kolom "deelnemers": Leudal en Weert doen allebei mee in 2018; bij '
        "verdeling een betaalt één gemeente per jaar.",
        'Pakketten, rij 6, kolom "soort": "modulair" kan niet; kies basis of plus.',
        'Pakketten, rij 6, kolom "verdeling": "per kop" kan niet; kies inwoners, gelijk of een.',
        'Pakketten, rij 6, kolom "deelnemers": "Weert (ooit)": "ooit" is geen periode; schrijf '
        'bijvoorbeeld "Leudal (2017–2018)", "Weert (vanaf 2018)" of "Nederweert (tot en met '
        '2017)".',
        'Pakketten, rij 7, kolom "deelnemers": is leeg, dus doen alle 3 gemeenten mee; bij '
        "verdeling een betaalt één gemeente: noem die.",
        'Pakketten, rij 8, kolom "deelnemers": Leudal staat er twee keer in.',
        'Rollen, rij 5, kolom "pakket": "Onbekend" staat niet in het werkblad Pakketten; laat de '
        "cel leeg voor het basispakket.",
    ]
    assert (dump(sv), pakket_dump(sv)) == (before, pakket_before)
    assert (Pakket.history.count(), Pakketdeelname.history.count(), Rol.history.count()) == history


def test_a_year_without_deelnemers_is_stored_and_named(sv):
    rows = pakketten()
    rows[1][3] = "Leudal (2017–2018); Weert (vanaf 2017)"  # fase 1 has costs in 2016
    result = import_workbook(workbook(pakket_rows=rows), sv)
    assert result.waarschuwingen == [
        "De kosten kunnen nog niet worden verdeeld: Pakket Inkoop heeft kosten in 2016 maar "
        "geen deelnemers. Geef het pakket deelnemers voor 2016, of zet de rollen ervan in een "
        "ander pakket."
    ]


def test_a_peildatum_belongs_to_a_pakket_split_by_inwoners(sv):
    rows = [
        ["Inkoop", "plus", "gelijk", "Leudal", "1-1-2017", None],
        ["Analyse", "plus", "inwoners", None, "2017-01-01", None],
    ]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(workbook(pakket_rows=rows, rol_pakketten={}), sv)
    assert caught.value.problems == [
        'Pakketten, rij 2, kolom "peildatum": hoort alleen bij verdeling naar inwoners; laat dit '
        "leeg."
    ]
    assert not Pakket.objects.exists() and not Rol.objects.exists()


def test_without_the_sheet_the_pakketten_stay_and_a_rol_keeps_its_pakket(sv):
    import_workbook(workbook(), sv)
    before = pakket_dump(sv)

    # The workbook of before pakketten: no sheet Pakketten, no column pakket.
    result = import_workbook(make_workbook(), sv)
    assert pakket_dump(sv) == before
    assert not result.waarschuwingen

    # The column names a pakket the samenwerkingsverband has: read; another: refused.
    import_workbook(workbook(rol_pakketten={"beleid jeugd": "Inkoop"}, skip=("Pakketten",)), sv)
    assert Rol.objects.get(naam="beleid jeugd").pakket.naam == "Inkoop"
    assert Rol.objects.get(naam="beleid wmo").pakket is None  # the column says: basispakket
    kept = pakket_dump(sv)
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(workbook(rol_pakketten={"beleid jeugd": "Inkop"}, skip=("Pakketten",)), sv)
    assert caught.value.problems == [
        'Rollen, rij 5, kolom "pakket": "Inkop" is geen pakket van dit samenwerkingsverband en '
        "het werkboek heeft geen werkblad Pakketten; laat de cel leeg voor het basispakket. "
        "Bedoelt u Inkoop?"
    ]
    assert pakket_dump(sv) == kept


def test_a_pakket_the_sheet_leaves_out_is_removed_and_named(sv, regie_user):
    import_workbook(workbook(), sv)
    result = import_workbook(
        workbook(pakket_rows=pakketten()[:2], rol_pakketten={"beleid wmo": "Inkoop"}),
        sv,
        user=regie_user,
    )
    assert result.waarschuwingen == ["Pakket Analyse staat niet in het werkboek en is verwijderd."]
    assert [p.naam for p in Pakket.objects.all()] == ["Regie", "Inkoop"]
    deleted = Pakket.history.get(history_type="-")
    assert (deleted.naam, deleted.history_user) == ("Analyse", regie_user)


def test_a_scenarios_workbook_writes_only_the_scenarios_own_inwonertallen(sv):
    gemeenten = [
        ["Leudal", 36000, None, None],
        ["Nederweert", 16000, None, None],
        ["Weert", 48000, None, None],
    ]
    rows = [["Analyse", "plus", "inwoners", "Leudal; Weert", None, None]]
    import_workbook(workbook(gemeenten, pakket_rows=rows, rol_pakketten={}), sv)
    real_figures = figures(sv)
    real_inwonertallen = sorted(Inwonertal.objects.values_list("gemeente__naam", "aantal"))
    scenario = maak_scenario(sv, "TSC", "Testverband anders geteld")

    gemeenten[2][1] = 96000  # Weert counted twice over, in the scenario only
    import_workbook(
        workbook(gemeenten, pakket_rows=rows, rol_pakketten={"informatieanalyse": "Analyse"}),
        scenario,
    )

    assert sorted(Inwonertal.objects.values_list("gemeente__naam", "aantal")) == real_inwonertallen
    assert figures(sv) == real_figures
    assert sorted(
        Inwonertal.alle.filter(scenario=scenario).values_list("gemeente__naam", "aantal", "bron")
    ) == [
        ("Leudal", 36000, "werkboek"),
        ("Nederweert", 16000, "werkboek"),
        ("Weert", 96000, "werkboek"),
    ]
    kv = load_kostenverdeling(scenario)
    analyse = kv.pakketten[0].id
    # Weert 96.000 against Leudal 36.000: Weert pays 96/132 of the rol in the scenario.
    kosten = kv.kosten_pakket(analyse, 2017)
    assert abs(kv.aandeel_pakket("Weert", 2017, analyse) - kosten * 96 / 132) <= Decimal("0.5")
    assert load_kostenverdeling(sv).aandeel("Weert", 2017) != kv.aandeel("Weert", 2017)

    exported = export_workbook(scenario)
    printed = openpyxl.load_workbook(BytesIO(exported))["Gemeenten"].oddHeader.center.text
    assert "Formatie Scenario Testverband anders geteld: gemeenten" in printed
    gemeente_rows = read_workbook(exported)["Gemeenten"][1:]
    assert [(r[0], r[1]) for r in gemeente_rows] == [
        ("Leudal", 36000),
        ("Nederweert", 16000),
        ("Weert", 96000),
    ]
    assert [(r[0], r[1]) for r in read_workbook(export_workbook(sv))["Gemeenten"][1:]] == [
        ("Leudal", 36000),
        ("Nederweert", 16000),
        ("Weert", 48000),
    ]


def test_the_command_reads_a_workbook_into_a_scenario_by_its_afkorting(sv, tmp_path):
    gemeenten = [["Leudal", 36000, None, None], ["Weert", 48000, None, None]]
    import_workbook(workbook(gemeenten, rol_pakketten={}), sv)
    scenario = maak_scenario(sv, "TSC", "Testverband anders geteld")
    gemeenten[1][1] = 50000
    path = tmp_path / "scenario.xlsx"
    path.write_bytes(workbook(gemeenten))
    out = StringIO()

    call_command("importeer_formatie", str(path), "--samenwerkingsverband", "tsc", stdout=out)

    assert "Formatie van TSC ingelezen" in out.getvalue()
    assert Rol.objects.get(samenwerkingsverband=scenario, naam="beleid wmo").pakket.naam == "Regie"
    assert Rol.objects.get(samenwerkingsverband=sv, naam="beleid wmo").pakket is None
    assert list(Inwonertal.objects.filter(gemeente__naam="Weert").values_list("aantal")) == [
        (48000,)
    ]


def test_absurd_sizes_on_the_pakketten_sheet_are_refused(sv):
    many = [[f"Pakket {n}", "basis"] for n in range(201)]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(workbook(pakket_rows=many, rol_pakketten={}), sv)
    assert caught.value.problems == [
        'Het werkblad "Pakketten" heeft meer dan 200 rijen; een werkboek mag hoogstens 200 '
        "pakketten bevatten."
    ]
    long = [["Lang", "plus", "gelijk", "Weert; " * 1000]]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(workbook(pakket_rows=long, rol_pakketten={}), sv)
    assert caught.value.problems == [
        'Pakketten, rij 2, kolom "deelnemers": is te lang (hoogstens 5.000 tekens).'
    ]
    assert not Samenwerkingsverband.objects.get(pk=sv.pk).gemeenten.exists()


def test_a_gemeente_with_brackets_in_its_name_takes_part_with_its_years(sv):
    gemeenten = [*mlw_gemeenten(), ["Bergen (L.)", None, 0, None]]
    rows = [["Noord", "plus", "gelijk", "Bergen (L.) (vanaf 2017); Weert", None, None]]
    import_workbook(workbook(gemeenten, pakket_rows=rows, rol_pakketten={}), sv)
    assert pakket_dump(sv)["deelnames"] == [
        ("Noord", "Bergen (L.)", 2017, None),
        ("Noord", "Weert", None, None),
    ]
    exported = export_workbook(sv)
    assert read_workbook(exported)["Pakketten"][1][3] == "Bergen (L.) (vanaf 2017); Weert"

    rows[0][3] = "Bergen (L.); Bergen"
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(workbook(gemeenten, pakket_rows=rows, rol_pakketten={}), sv)
    assert caught.value.problems == [
        'Pakketten, rij 2, kolom "deelnemers": "Bergen" staat niet in het werkblad Gemeenten.'
    ]


def test_een_may_pass_from_one_gemeente_to_another_between_years(sv):
    rows = [
        ["Analyse", "plus", "één", "Leudal (t/m 2016); Weert (2017 - 2017); Nederweert (van 2018)"]
    ]
    result = import_workbook(
        workbook(pakket_rows=rows, rol_pakketten={"informatieanalyse": "Analyse"}), sv
    )
    assert not result.waarschuwingen
    assert pakket_dump(sv)["deelnames"] == [
        ("Analyse", "Leudal", None, 2016),
        ("Analyse", "Nederweert", 2018, None),
        ("Analyse", "Weert", 2017, 2017),
    ]
    kv = load_kostenverdeling(sv)
    analyse = kv.pakketten[0].id
    # informatieanalyse has costs in 2016 and 2017 only (fasen 1 and 2)
    assert [kv.deelnemers(analyse, jaar) for jaar in (2016, 2017)] == [["Leudal"], ["Weert"]]
    cell = read_workbook(export_workbook(sv))["Pakketten"][1][3]
    assert cell == "Leudal (tot en met 2016); Nederweert (vanaf 2018); Weert (2017)"
