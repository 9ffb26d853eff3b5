"""The formation workbook (.xlsx): import, export, the round trip and the command.

The figures are the real MLW ones of Bijlage 1 (seeds/000_63260cb5e827aaae.txt: the
Bezettingsoverzicht vanaf 1 september 2016 and the cost table "Rollen m.i.v. 1-9-2016").
"""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO, StringIO

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from formatie.models import Bezetting, Fase, Rol, Salarisschaal
from kosten.gegevens import load_kostenverdeling
from kosten.models import Verdeelsleutel
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from regiekamer.getallen import Getalfout, parse_number
from werkboek.bestand import NOT_READABLE
from werkboek.cellen import WerkboekFout, parse_date_text
from werkboek.opslaan import import_workbook
from werkboek.schrijven import export_workbook

pytestmark = pytest.mark.django_db

GEMEENTEN_HEADER = ["gemeente", "inwonertal", "percentage", "penvoerder"]
FASEN_HEADER = ["fase", "begin", "eind"]
ROLLEN_HEADER = [
    "rol",
    "kostensoort",
    "schaal",
    "jaarkosten_per_fte",
    "uurtarief",
    "uren_per_fte_per_maand",
    "leverende_gemeente",
    "structureel",
    "basisformatie",
    "Fase 1",
    "Fase 2",
    "Fase 3",
]


def mlw_gemeenten():
    return [
        ["Leudal", None, 36, "nee"],
        ["Nederweert", None, 16, None],
        ["Weert", None, 48, "nee"],
    ]


def mlw_fasen():
    # A real Excel date, an ISO text and a Dutch text: all three are accepted.
    return [
        ["Fase 1", datetime(2016, 9, 1), datetime(2017, 3, 31)],
        ["Fase 2", "2017-04-01", "2017-08-31"],
        ["Fase 3", "1-9-2017", "31-12-2018"],
    ]


def mlw_rollen():
    # Bezettingsoverzicht: basisformatie, fase 1, fase 2, fase 3; numbers as numbers or Dutch text.
    return [
        ["contractmanagement", "schaal", 11, 83100, None, None, "Weert", "ja", 1, "1,5", 2, 1],
        ["informatieanalyse", "uur", None, None, 95, None, None, "ja", None, 1, "0,5", None],
        [
            "business control jeugd",
            "schaal",
            11,
            "83.100",
            None,
            None,
            "Leudal",
            "ja",
            0.5,
            0.5,
            1,
            0.5,
        ],
        ["beleid jeugd", "schaal", 12, 93600, None, None, "Weert", "ja", 1, 1, 1, 1],
        ["beleid wmo", "schaal", 12, 93600, None, None, "Weert", "ja", 1, 1, 1, 1],
        [
            "ondersteuning algemeen",
            "schaal",
            8,
            58500,
            None,
            156,
            "Leudal",
            "nee",
            0.6,
            0.6,
            0.6,
            0.6,
        ],
        [
            "ondersteuning inkoop 2017",
            "uur",
            None,
            None,
            81,
            None,
            None,
            "nee",
            "-",
            "0,5",
            "-",
            "-",
        ],
        [
            "inkoop 2018 projectbasis",
            "vast",
            None,
            None,
            None,
            None,
            None,
            "nee",
            None,
            "20.000",
            80000,
            None,
        ],
    ]


def make_workbook(gemeenten=None, fasen=None, rollen=None, *, headers=None, skip=(), extra=None):
    """An .xlsx file (bytes) in the workbook layout; ``headers`` overrides a sheet's header row,
    ``extra`` adds sheets ({title: (header, rows)})."""
    headers = headers or {}
    sheets = {
        "Gemeenten": (GEMEENTEN_HEADER, mlw_gemeenten() if gemeenten is None else gemeenten),
        "Fasen": (FASEN_HEADER, mlw_fasen() if fasen is None else fasen),
        "Rollen": (ROLLEN_HEADER, mlw_rollen() if rollen is None else rollen),
        **(extra or {}),
    }
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, (header, rows) in sheets.items():
        if title in skip:
            continue
        sheet = workbook.create_sheet(title)
        sheet.append(headers.get(title, header))
        for row in rows:
            sheet.append(row)
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()


def read_workbook(data: bytes) -> dict[str, list[list]]:
    workbook = openpyxl.load_workbook(BytesIO(data))
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in workbook}


def dump(sv):
    """A normalised picture of the formation and its key, without database ids."""
    return {
        "fasen": [(f.naam, f.begin, f.eind) for f in Fase.objects.filter(samenwerkingsverband=sv)],
        "rollen": [
            (
                r.naam,
                r.volgorde,
                r.kostensoort,
                r.schaal,
                r.uurtarief,
                r.uren_per_fte_per_maand,
                r.leverende_gemeente.naam if r.leverende_gemeente else None,
                r.structureel,
                r.basisformatie,
            )
            for r in Rol.objects.filter(samenwerkingsverband=sv).select_related(
                "leverende_gemeente"
            )
        ],
        "bezetting": sorted(
            (b.rol.naam, b.fase.naam, b.fte, b.bedrag)
            for b in Bezetting.objects.filter(rol__samenwerkingsverband=sv).select_related(
                "rol", "fase"
            )
        ),
        "schalen": [
            (s.schaal, s.jaar, s.jaarkosten_per_fte)
            for s in Salarisschaal.objects.filter(samenwerkingsverband=sv)
        ],
        "sleutels": [
            (
                k.vanaf_jaar,
                k.tot_en_met_jaar,
                k.methode,
                k.peildatum,
                k.bron,
                sorted((a.gemeente.naam, a.percentage) for a in k.aandelen.all()),
            )
            for k in Verdeelsleutel.objects.filter(samenwerkingsverband=sv)
        ],
        "gemeenten": sorted(g.naam for g in sv.gemeenten.all()),
        "penvoerder": Samenwerkingsverband.objects.get(pk=sv.pk).penvoerder_id,
        "inwonertallen": sorted(
            (i.gemeente.naam, i.peildatum, i.aantal)
            for i in Inwonertal.objects.select_related("gemeente")
        ),
    }


@pytest.fixture
def sv():
    return Samenwerkingsverband.objects.create(
        naam="Testverband", afkorting="TST", juridische_vorm="regeling_zonder_meer"
    )


def test_good_import_creates_the_formation(sv, regie_user):
    result = import_workbook(make_workbook(), sv, user=regie_user)

    assert (result.gemeenten, result.fasen, result.rollen, result.bezettingen) == (3, 3, 8, 20)
    assert result.nieuwe_gemeenten == ["Leudal", "Nederweert", "Weert"]
    assert "3 gemeenten, 3 fasen, 8 rollen" in result.summary()
    assert sorted(g.naam for g in sv.gemeenten.all()) == ["Leudal", "Nederweert", "Weert"]

    fasen = list(Fase.objects.filter(samenwerkingsverband=sv))
    assert [(f.naam, f.begin, f.eind) for f in fasen] == [
        ("Fase 1", date(2016, 9, 1), date(2017, 3, 31)),
        ("Fase 2", date(2017, 4, 1), date(2017, 8, 31)),
        ("Fase 3", date(2017, 9, 1), date(2018, 12, 31)),
    ]
    rollen = list(Rol.objects.filter(samenwerkingsverband=sv))
    assert [r.naam for r in rollen] == [row[0] for row in mlw_rollen()]
    assert [r.volgorde for r in rollen] == list(range(1, 9))

    contract = Rol.objects.get(samenwerkingsverband=sv, naam="contractmanagement")
    assert contract.kostensoort == "schaal" and contract.schaal == 11
    assert contract.leverende_gemeente.naam == "Weert" and contract.structureel
    assert contract.basisformatie == Decimal("1")
    assert [b.fte for b in contract.bezettingen.all()] == [
        Decimal("1.5"),
        Decimal("2"),
        Decimal("1"),
    ]

    info = Rol.objects.get(samenwerkingsverband=sv, naam="informatieanalyse")
    assert info.uurtarief == Decimal("95") and info.leverende_gemeente is None
    assert info.uren_per_fte_per_maand == Decimal("156") and info.basisformatie is None
    assert {b.fase.naam: b.fte for b in info.bezettingen.all()} == {
        "Fase 1": Decimal("1"),
        "Fase 2": Decimal("0.5"),
    }
    inkoop = Rol.objects.get(samenwerkingsverband=sv, naam="inkoop 2018 projectbasis")
    assert {b.fase.naam: (b.fte, b.bedrag) for b in inkoop.bezettingen.all()} == {
        "Fase 1": (None, Decimal("20000")),
        "Fase 2": (None, Decimal("80000")),
    }

    assert [
        (s.schaal, s.jaar, s.jaarkosten_per_fte)
        for s in Salarisschaal.objects.filter(samenwerkingsverband=sv)
    ] == [(8, 2016, Decimal("58500")), (11, 2016, Decimal("83100")), (12, 2016, Decimal("93600"))]

    sleutel = Verdeelsleutel.objects.get(samenwerkingsverband=sv)
    assert (sleutel.methode, sleutel.vanaf_jaar, sleutel.tot_en_met_jaar) == (
        "vastgesteld",
        2016,
        None,
    )
    assert {a.gemeente.naam: a.percentage for a in sleutel.aandelen.all()} == {
        "Leudal": Decimal("36"),
        "Nederweert": Decimal("16"),
        "Weert": Decimal("48"),
    }
    sv.refresh_from_db()
    assert sv.penvoerder is None
    assert contract.history.first().history_user == regie_user


def test_imported_formation_reproduces_the_cost_table_of_bijlage_1(sv):
    import_workbook(make_workbook(), sv)
    verdeling = load_kostenverdeling(sv)
    assert [verdeling.totaal_kosten(j) for j in (2016, 2017, 2018)] == [225481, 598311, 346950]
    assert verdeling.totaal_gemeente("Leudal") == 421468
    assert verdeling.totaal_gemeente("Nederweert") == 187320
    assert verdeling.totaal_gemeente("Weert") == 561956


def test_bad_workbook_changes_nothing_and_reports_every_problem(sv):
    import_workbook(make_workbook(), sv)
    before = dump(sv)

    gemeenten = mlw_gemeenten()
    gemeenten[2][2] = 47  # 36 + 16 + 47 = 99
    fasen = mlw_fasen()
    fasen[0][1] = "2-9-2016"  # not the first day of a month
    rollen = mlw_rollen()
    rollen[1][4] = "abc"  # informatieanalyse, uurtarief: Excel row 3
    rollen[2][1] = "salaris"  # business control jeugd: row 4
    rollen[3][6] = "Roermond"  # beleid jeugd: row 5
    rollen[5][10] = "0,125"  # ondersteuning algemeen, Fase 2: row 7

    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(gemeenten, fasen, rollen), sv)

    assert caught.value.problems == [
        'Gemeenten, kolom "percentage": de percentages tellen op tot 99; '
        "dat moet precies 100 zijn.",
        'Fasen, rij 2, kolom "begin": 2-9-2016 is niet de eerste dag van een maand.',
        'Rollen, rij 3, kolom "uurtarief": "abc" is geen getal. '
        "Schrijf bijvoorbeeld 1.234,56 of 0,5.",
        'Rollen, rij 4, kolom "kostensoort": "salaris" is geen kostensoort; '
        "kies schaal, uur of vast.",
        'Rollen, rij 5, kolom "leverende_gemeente": "Roermond" staat niet in het werkblad '
        "Gemeenten.",
        'Rollen, rij 7, kolom "Fase 2": "0,125" heeft meer dan twee decimalen.',
    ]
    assert dump(sv) == before


def test_more_problems_are_reported_by_sheet_row_and_column(sv):
    gemeenten = mlw_gemeenten() + [["Weert", None, 0, "ja"], ["Roermond", None, 0, "ja"]]
    fasen = mlw_fasen()
    fasen[1][2] = "30-8-2017"  # not the last day of a month
    fasen.append(["Fase 4", "1-12-2018", "31-1-2019"])  # overlaps Fase 3
    rollen = mlw_rollen()
    rollen[0][3] = 80000  # contractmanagement: schaal 11 at another amount than on row 4
    rollen[0], rollen[2] = rollen[2], rollen[0]
    rollen[1][1] = "uur"
    rollen[1][4] = None  # uur without uurtarief
    rollen[4][2] = None  # schaal without schaal
    rollen[5][7] = "misschien"
    rollen[6][9] = -1
    rollen.append(["beleid wmo", "vast", None, None, None, None, None, "nee", None, 1, 1, 1])
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(gemeenten, fasen, rollen), sv)
    problems = caught.value.problems
    assert 'Gemeenten, rij 5, kolom "gemeente": "Weert" staat al op rij 4.' in problems
    assert (
        'Gemeenten, kolom "penvoerder": op rij 5 en 6 staat ja; hoogstens één gemeente is '
        "penvoerder." in problems
    )
    assert 'Fasen, rij 3, kolom "eind": 30-8-2017 is niet de laatste dag van een maand.' in problems
    assert 'Fasen, rij 5: fase "Fase 4" overlapt met fase "Fase 3" (rij 4).' in problems
    assert (
        'Rollen, rij 4, kolom "jaarkosten_per_fte": schaal 11 kost hier 80.000 per fte, maar op '
        "rij 2 83.100; één schaal heeft één bedrag." in problems
    )
    assert (
        'Rollen, rij 3, kolom "uurtarief": is leeg; een ingehuurde rol (uur) heeft een '
        "uurtarief nodig." in problems
    )
    assert (
        'Rollen, rij 6, kolom "schaal": is leeg; een rol op salarisschaal heeft een schaal nodig.'
        in problems
    )
    assert 'Rollen, rij 7, kolom "structureel": "misschien" is geen ja of nee.' in problems
    assert 'Rollen, rij 8, kolom "Fase 1": "-1" is negatief; vul 0 of meer in.' in problems
    assert 'Rollen, rij 10, kolom "rol": "beleid wmo" staat al op rij 6.' in problems
    assert not Fase.objects.exists() and not Gemeente.objects.exists()


def test_missing_sheets_and_columns_are_named(sv):
    headers = {"Rollen": [h for h in ROLLEN_HEADER if h not in ("uurtarief", "Fase 3")]}
    rollen = [row[:4] + row[5:11] for row in mlw_rollen()]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(rollen=rollen, headers=headers, skip={"Gemeenten"}), sv)
    assert caught.value.problems == [
        'Het werkblad "Gemeenten" ontbreekt.',
        'Rollen, kolom "uurtarief": de kolom ontbreekt.',
    ]
    headers = {"Rollen": [h for h in ROLLEN_HEADER if h != "Fase 3"]}
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(headers=headers), sv)
    assert caught.value.problems == [
        'Rollen, kolom "Fase 3": de kolom ontbreekt; elke fase uit het werkblad Fasen heeft '
        "een kolom."
    ]


def test_headers_ignore_case_spaces_order_and_unknown_columns(sv):
    order = [11, 0, 8, 1, 2, 3, 4, 5, 6, 7, 9, 10]
    header = [ROLLEN_HEADER[i] for i in order]
    header = [f"  {h.upper()} " if i % 2 else h.title() for i, h in enumerate(header)]
    rollen = [[row[i] for i in order] + ["een opmerking"] for row in mlw_rollen()]
    data = make_workbook(rollen=rollen, headers={"Rollen": header + ["Opmerking"]})
    import_workbook(data, sv)
    reference = Samenwerkingsverband.objects.create(
        naam="Referentie", afkorting="REF", juridische_vorm="regeling_zonder_meer"
    )
    import_workbook(make_workbook(), reference)
    assert dump(sv)["bezetting"] == dump(reference)["bezetting"]
    assert dump(sv)["rollen"] == dump(reference)["rollen"]


def test_basisformatie_column_is_optional(sv):
    header = [h for h in ROLLEN_HEADER if h != "basisformatie"]
    rollen = [row[:8] + row[9:] for row in mlw_rollen()]
    import_workbook(make_workbook(rollen=rollen, headers={"Rollen": header}), sv)
    assert not Rol.objects.filter(basisformatie__isnull=False).exists()
    assert Bezetting.objects.count() == 20


def test_import_over_an_existing_formation_replaces_it(sv):
    import_workbook(make_workbook(), sv)
    Rol.objects.filter(naam="beleid wmo").update(omschrijving="Strategisch beleidsadviseur Wmo.")

    fasen = [["Fase A", "1-1-2019", "31-12-2019"], ["Fase B", "1-1-2020", "31-12-2020"]]
    rollen = [
        ["beleid wmo", "schaal", 12, 95000, None, None, "Weert", "ja", 1, 1, 0.8],
        ["projectleider", "uur", None, None, 110, 140, None, "nee", None, 0.5, None],
    ]
    header = ROLLEN_HEADER[:9] + ["Fase A", "Fase B"]
    # Test figures, not the real inwonertallen.
    gemeenten = [["Weert", 50000, None, "ja"], ["Nederweert", 17000, None, None]]
    result = import_workbook(
        make_workbook(gemeenten, fasen, rollen, headers={"Rollen": header}), sv
    )

    assert (result.fasen, result.rollen, result.bezettingen) == (2, 2, 3)
    assert list(Fase.objects.values_list("naam", flat=True)) == ["Fase A", "Fase B"]
    assert list(Rol.objects.values_list("naam", flat=True)) == ["beleid wmo", "projectleider"]
    assert Bezetting.objects.count() == 3
    assert list(Salarisschaal.objects.values_list("schaal", "jaar", "jaarkosten_per_fte")) == [
        (12, 2019, Decimal("95000"))
    ]
    sleutel = Verdeelsleutel.objects.get(samenwerkingsverband=sv)
    assert (sleutel.methode, sleutel.vanaf_jaar, sleutel.peildatum) == (
        "inwonertal",
        2019,
        date(2019, 1, 1),
    )
    assert not sleutel.aandelen.exists()
    sv.refresh_from_db()
    assert sv.penvoerder.naam == "Weert"
    # What the workbook does not hold survives for a rol of the same name.
    assert Rol.objects.get(naam="beleid wmo").omschrijving == "Strategisch beleidsadviseur Wmo."
    projectleider = Rol.objects.get(naam="projectleider")
    assert projectleider.uren_per_fte_per_maand == Decimal("140")
    # Gemeenten are only ever added; Leudal stays a participant, with a warning.
    assert sv.gemeenten.count() == 3
    assert result.waarschuwingen == [
        "Leudal neemt deel aan TST maar staat niet in het werkboek; de gemeente blijft deelnemer."
    ]


def test_round_trip_import_export_import_changes_nothing(sv):
    gemeenten = mlw_gemeenten()
    gemeenten[2][3] = "ja"
    import_workbook(make_workbook(gemeenten), sv)
    first = dump(sv)

    exported = export_workbook(sv)
    sheets = read_workbook(exported)
    # Headers as a reader writes them; the import reads them as it reads GEMEENTEN_HEADER.
    assert sheets["Gemeenten"][0] == ["Gemeente", "Inwonertal", "Percentage", "Penvoerder"]
    assert sheets["Gemeenten"][1:] == [  # a percentage cell: 0,36 shown as 36%
        ["Leudal", None, 0.36, "nee"],
        ["Nederweert", None, 0.16, "nee"],
        ["Weert", None, 0.48, "ja"],
    ]
    assert sheets["Fasen"][1] == ["Fase 1", datetime(2016, 9, 1), datetime(2017, 3, 31)]
    assert sheets["Rollen"][0] == [
        "Rol", "Kostensoort", "Schaal", "Jaarkosten per fte", "Uurtarief",
        "Uren per fte per maand", "Leverende gemeente", "Structureel", "Basisformatie",
        "Pakket", "Fase 1", "Fase 2", "Fase 3",
    ]  # fmt: skip
    assert sheets["Rollen"][1] == [
        "contractmanagement", "schaal", 11, 83100, None, 156, "Weert", "ja", 1, None, 1.5, 2, 1,
    ]  # fmt: skip
    assert "Pakketten" not in sheets  # only a samenwerkingsverband with pakketten has it

    import_workbook(exported, sv)
    assert dump(sv) == first
    assert read_workbook(export_workbook(sv)) == sheets


def test_round_trip_of_an_inwonertal_key(sv):
    gemeenten = [
        ["Leudal", 36000, 36, None],
        ["Nederweert", 16000, None, None],
        ["Weert", 48000, 48, None],
    ]
    import_workbook(make_workbook(gemeenten), sv)
    first = dump(sv)
    import_workbook(export_workbook(sv), sv)
    assert dump(sv) == first


def test_percentage_missing_on_one_row_gives_an_inwonertal_key(sv):
    # Test figures (not the real inwonertallen), in the proportion 36 : 16 : 48.
    gemeenten = [
        ["Leudal", 36000, 36, None],
        ["Nederweert", "16.000", None, None],
        ["Weert", 48000, 48, None],
    ]
    result = import_workbook(make_workbook(gemeenten), sv)
    assert result.verdeelmethode == "inwonertal"
    assert "naar inwonertal" in result.summary()
    sleutel = Verdeelsleutel.objects.get(samenwerkingsverband=sv)
    assert (sleutel.methode, sleutel.peildatum, sleutel.vanaf_jaar) == (
        "inwonertal",
        date(2016, 9, 1),
        2016,
    )
    assert not sleutel.aandelen.exists()
    assert sorted(
        Inwonertal.objects.values_list("gemeente__naam", "peildatum", "aantal", "bron")
    ) == [
        ("Leudal", date(2016, 9, 1), 36000, "werkboek"),
        ("Nederweert", date(2016, 9, 1), 16000, "werkboek"),
        ("Weert", date(2016, 9, 1), 48000, "werkboek"),
    ]
    verdeling = load_kostenverdeling(sv)
    assert verdeling.totaal_gemeente("Weert") == 561956


def test_inwonertal_key_needs_every_inwonertal(sv):
    gemeenten = [
        ["Leudal", 36000, None, None],
        ["Nederweert", None, None, None],
        ["Weert", 0, None, None],
    ]
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(make_workbook(gemeenten), sv)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        'Gemeenten, rij 3, kolom "inwonertal"',
        'Gemeenten, rij 4, kolom "inwonertal"',
    ]


def test_percentages_in_percent_format_cells(sv):
    data = make_workbook()
    workbook = openpyxl.load_workbook(BytesIO(data))
    sheet = workbook["Gemeenten"]
    for row, value in ((2, 0.36), (3, 0.16), (4, 0.48)):
        sheet.cell(row=row, column=3, value=value).number_format = "0%"
    output = BytesIO()
    workbook.save(output)
    import_workbook(output.getvalue(), sv)
    sleutel = Verdeelsleutel.objects.get(samenwerkingsverband=sv)
    assert sorted(sleutel.aandelen.values_list("percentage", flat=True)) == [16, 36, 48]


def test_existing_gemeenten_are_reused_and_keep_their_address(sv):
    weert = Gemeente.objects.create(naam="Weert", adres="Wilhelminasingel 101", plaats="Weert")
    result = import_workbook(make_workbook(), sv)
    assert result.nieuwe_gemeenten == ["Leudal", "Nederweert"]
    weert.refresh_from_db()
    assert weert.adres == "Wilhelminasingel 101"
    assert Gemeente.objects.count() == 3


@pytest.mark.parametrize(
    "content",
    [b"gemeente;inwonertal\nWeert;48\n", b"PK\x03\x04 no zip at all", b""],
)
def test_a_file_that_is_not_xlsx_gives_a_dutch_message(sv, content):
    with pytest.raises(WerkboekFout) as caught:
        import_workbook(BytesIO(content), sv)
    assert caught.value.problems == [NOT_READABLE]
    assert NOT_READABLE == "Dit is geen leesbaar Excel-bestand (.xlsx)."


def test_export_uses_a_fixed_number_of_queries(sv):
    import_workbook(make_workbook(), sv)
    with CaptureQueriesContext(connection) as small:
        export_workbook(sv)

    bigger = Samenwerkingsverband.objects.create(
        naam="Groter", afkorting="GRT", juridische_vorm="regeling_zonder_meer"
    )
    extra = [
        [f"rol {n}", "schaal", 10, 70000, None, None, "Weert", "nee", 1, 1, 1, 1] for n in range(20)
    ]
    import_workbook(make_workbook(rollen=mlw_rollen() + extra), bigger)
    with CaptureQueriesContext(connection) as large:
        export_workbook(bigger)
    assert len(small) == len(large) <= 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0,5", Decimal("0.5")),
        ("20.000", Decimal("20000")),
        ("1.234,56", Decimal("1234.56")),
        ("€ 83.100", Decimal("83100")),
        ("156", Decimal("156")),
    ],
)
def test_dutch_numbers(text, expected):
    """Text cells are read by the app's one parser (``regiekamer.getallen``)."""
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["0.5", "abc", "1,2,3"])
def test_ambiguous_or_english_text_is_no_number(text):
    with pytest.raises(Getalfout):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-09-01", date(2016, 9, 1)),
        ("1-9-2016", date(2016, 9, 1)),
        ("01-09-2016", date(2016, 9, 1)),
        ("31/12/2018", date(2018, 12, 31)),
        ("31-2-2017", None),
        ("september 2016", None),
    ],
)
def test_dates(text, expected):
    assert parse_date_text(text) == expected


def test_command_imports_end_to_end(sv, tmp_path):
    path = tmp_path / "formatie.xlsx"
    path.write_bytes(make_workbook())
    stdout = StringIO()
    call_command("importeer_formatie", str(path), samenwerkingsverband="tst", stdout=stdout)
    out = stdout.getvalue()
    assert "Formatie van TST ingelezen: 3 gemeenten, 3 fasen, 8 rollen" in out
    assert Rol.objects.filter(samenwerkingsverband=sv).count() == 8


def test_command_fails_on_a_bad_file_with_every_problem(sv, tmp_path):
    rollen = mlw_rollen()
    rollen[1][4] = "abc"
    rollen[2][1] = "salaris"
    path = tmp_path / "fout.xlsx"
    path.write_bytes(make_workbook(rollen=rollen))
    with pytest.raises(CommandError) as caught:
        call_command("importeer_formatie", str(path), "--samenwerkingsverband", "TST")
    message = str(caught.value)
    assert caught.value.returncode != 0
    assert "er is niets veranderd" in message and "2 problemen" in message
    assert (
        'Rollen, rij 3, kolom "uurtarief": "abc" is geen getal. '
        "Schrijf bijvoorbeeld 1.234,56 of 0,5." in message
    )
    assert 'Rollen, rij 4, kolom "kostensoort": "salaris" is geen kostensoort' in message
    assert not Rol.objects.exists()

    text = tmp_path / "geen.xlsx"
    text.write_text("dit is tekst")
    with pytest.raises(CommandError, match=r"geen leesbaar Excel-bestand"):
        call_command("importeer_formatie", str(text), samenwerkingsverband="TST")


def test_command_refuses_an_unknown_samenwerkingsverband(sv, tmp_path):
    path = tmp_path / "formatie.xlsx"
    path.write_bytes(make_workbook())
    with pytest.raises(CommandError, match='geen samenwerkingsverband met de afkorting "XYZ"'):
        call_command("importeer_formatie", str(path), samenwerkingsverband="XYZ")
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command(
            "importeer_formatie", str(tmp_path / "nergens.xlsx"), samenwerkingsverband="TST"
        )
