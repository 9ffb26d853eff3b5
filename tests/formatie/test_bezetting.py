from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from formatie.bezetting import build_bezettingsoverzicht
from formatie.forms import bezetting_grid
from formatie.models import Bezetting, Fase, Rol
from regiekamer.getallen import CONFIRM
from regiekamer.roles import REGIEGROEP
from tests.conftest import logged_in, make_user
from tests.querycount import of
from tests.threads import simultaneously

from .factories import BezettingFactory, RolFactory
from .grid import bezetting_url, cell, grid_data
from .rollen import add_rollen, formatie_world

pytestmark = pytest.mark.django_db


def test_overzicht_shows_the_documents_totals(demo, stuur_client):
    response = stuur_client.get(bezetting_url())
    overzicht = response.context["overzicht"]
    assert [str(v) for v in [overzicht.subtotaal.basisformatie, *overzicht.subtotaal.per_fase]] == [
        "3.50",
        "5.00",
        "5.50",
        "3.50",
    ]
    assert [str(v) for v in [overzicht.totaal.basisformatie, *overzicht.totaal.per_fase]] == [
        "4.10",
        "6.10",
        "6.10",
        "4.10",
    ]
    page = response.content.decode()
    # The document's own label; the structural formation is the basisformatie, not the subtotal.
    assert '<th scope="row" colspan="2">Subtotaal</th>' in page
    assert "Subtotaal structureel" not in page
    assert "De structurele formatie is de basisformatie: 4,1 fte." in page
    for figure in ["3,5", "5,5", "4,1", "6,1"]:
        assert f">{figure}</td>" in page
    assert "(1) Informatie analyse wordt vanaf fase 3 op aanvraag" in page
    assert "Juridische zaken" in page


def test_stuurgroep_sees_the_grid_read_only_and_cannot_post(demo, stuur_client, regie_client):
    page = stuur_client.get(bezetting_url()).content.decode()
    assert 'name="grid-0-fase_' not in page and "Opslaan" not in page
    data = grid_data(regie_client.get(bezetting_url()))
    response = stuur_client.post(bezetting_url(), data)
    assert response.status_code == 403


def test_regiegroep_changes_an_fte_and_sees_the_new_cost(demo, regie_client):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Contractmanagement", "Fase 3")] = "2"
    response = regie_client.post(bezetting_url(), data, follow=True)
    assert "Bezetting opgeslagen" in response.content.decode()
    assert Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 3").fte == 2
    # 2018: 2 fte x 83.100 instead of 1 fte; 2017 gets 4 months of the extra fte.
    kosten = regie_client.get(reverse("kosten:kostenverdeling", args=["MLW"])).content.decode()
    assert "166.200" in kosten
    assert "155.813" in kosten  # 83.100 x (1,5x3 + 2x5 + 2x4) / 12 = 155.812,50
    history = Bezetting.history.filter(rol__naam="Contractmanagement").first()
    assert history.history_user.username == "regie-test"


@pytest.mark.parametrize(
    "value, message",
    [
        ("abc", "&quot;abc&quot; is geen getal. Schrijf bijvoorbeeld 1.234,56 of 0,5."),
        ("-1", "Vul 0 of meer in."),
        ("0,125", "Fte heeft hooguit twee decimalen, zoals 0,75."),
        ("0.5", "Schrijf 0,5 (komma voor decimalen) of 1.500 (punt voor duizendtallen)."),
    ],
)
def test_bad_value_shows_a_dutch_error_and_saves_nothing(demo, regie_client, value, message):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Beleid Wmo", "Fase 1")] = "0,8"  # valid, must not be saved either
    data[cell(response, "Contractmanagement", "Fase 2")] = value
    response = regie_client.post(bezetting_url(), data)
    page = response.content.decode()
    assert message in page and "Niet opgeslagen" in page
    assert Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1").fte == 1
    assert Bezetting.objects.get(rol__naam="Contractmanagement", fase__naam="Fase 2").fte == 2


def test_a_conflicting_edit_is_refused_and_nothing_is_lost(demo, regie_client, client, regie_user):
    opened = regie_client.get(bezetting_url())
    mine = grid_data(opened)
    mine[cell(opened, "Beleid Jeugd", "Fase 3")] = "0,8"

    # Meanwhile a second official saves another value in the same cell.
    other = grid_data(opened)
    other[cell(opened, "Beleid Jeugd", "Fase 3")] = "1,2"
    assert regie_client.post(bezetting_url(), other).status_code == 302

    response = regie_client.post(bezetting_url(), mine)
    page = response.content.decode()
    assert response.status_code == 409
    assert "een andere gebruiker heeft de bezetting gewijzigd" in page
    assert "Beleid Jeugd, Fase 3: toen 1, nu 1,2" in page
    assert 'value="0,8"' in page  # my input is still in the form
    assert Bezetting.objects.get(rol__naam="Beleid Jeugd", fase__naam="Fase 3").fte == Decimal(
        "1.2"
    )

    # Having seen the other change, saving again records my value.
    again = grid_data(response)
    assert regie_client.post(bezetting_url(), again).status_code == 302
    assert Bezetting.objects.get(rol__naam="Beleid Jeugd", fase__naam="Fase 3").fte == Decimal(
        "0.8"
    )


def test_emptying_a_cell_removes_the_bezetting(demo, regie_client):
    response = regie_client.get(bezetting_url())
    data = grid_data(response)
    data[cell(response, "Inkoop 2018 (projectbasis)", "Fase 2")] = ""
    assert regie_client.post(bezetting_url(), data).status_code == 302
    assert not Bezetting.objects.filter(
        rol__naam="Inkoop 2018 (projectbasis)", fase__naam="Fase 2"
    ).exists()


def test_fasen_may_not_overlap(demo, regie_client):
    fasen = list(Fase.objects.order_by("begin"))
    data = {
        "fasen-TOTAL_FORMS": "3",
        "fasen-INITIAL_FORMS": "3",
        "fasen-MIN_NUM_FORMS": "0",
        "fasen-MAX_NUM_FORMS": "1000",
    }
    for i, fase in enumerate(fasen):
        data |= {
            f"fasen-{i}-id": fase.pk,
            f"fasen-{i}-naam": fase.naam,
            f"fasen-{i}-begin": fase.begin.isoformat(),
            f"fasen-{i}-eind": fase.eind.isoformat(),
        }
    data["fasen-1-begin"] = "2017-03-01"  # overlaps fase 1
    response = regie_client.post(reverse("formatie:fasen", args=["MLW"]), data)
    assert "De fasen Fase 1 en Fase 2 overlappen." in response.content.decode()
    data["fasen-1-begin"] = "2017-04-15"
    response = regie_client.post(reverse("formatie:fasen", args=["MLW"]), data)
    assert "Een fase begint op de eerste dag van een maand." in response.content.decode()
    assert Fase.objects.get(naam="Fase 2").begin.isoformat() == "2017-04-01"


def test_rol_needs_its_cost_parameters(demo, regie_client):
    data = {
        "naam": "Inhuur zonder tarief",
        "volgorde": 9,
        "kostensoort": "uur",
        "uren_per_fte_per_maand": "156",
    }
    response = regie_client.post(reverse("formatie:rol-create", args=["MLW"]), data)
    assert "Een ingehuurde rol heeft een uurtarief nodig." in response.content.decode()
    assert not Rol.objects.filter(naam="Inhuur zonder tarief").exists()


def test_bezetting_page_query_count_is_flat(demo, regie_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as few:
        regie_client.get(bezetting_url())
    sv = Rol.objects.first().samenwerkingsverband
    fasen = list(Fase.objects.all())
    for n in range(30):
        rol = RolFactory(samenwerkingsverband=sv, naam=f"Extra rol {n}", schaal=11)
        for fase in fasen:
            BezettingFactory(rol=rol, fase=fase, fte=Decimal("0.5"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert regie_client.get(bezetting_url()).status_code == 200


def test_a_rol_added_meanwhile_refuses_the_grid(demo, regie_client):
    opened = regie_client.get(bezetting_url())
    data = grid_data(opened)
    data[cell(opened, "Beleid Wmo", "Fase 1")] = "0,9"
    sv = Rol.objects.first().samenwerkingsverband
    RolFactory(samenwerkingsverband=sv, naam="Aaa nieuw", volgorde=0, schaal=8)
    response = regie_client.post(bezetting_url(), data)
    assert response.status_code == 409
    assert "er is sinds het openen van deze pagina een rol toegevoegd" in response.content.decode()
    assert Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1").fte == 1
    # The page shows every rol with its own current values, not the row above's.
    for form in response.context["formset"]:
        stored = {
            b.fase_id: b.fte if form.rol.heeft_fte else b.bedrag for b in form.rol.bezettingen.all()
        }
        for fase in form.fasen:
            value = form[f"fase_{fase.pk}"].value()
            assert (None if value in (None, "") else Decimal(str(value))) == stored.get(fase.pk)
    # Typed again on that page, the change is saved.
    data = grid_data(response)
    data[cell(response, "Beleid Wmo", "Fase 1")] = "0,9"
    assert regie_client.post(bezetting_url(), data).status_code == 302
    assert Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1").fte == Decimal("0.9")


@pytest.mark.parametrize("oud", ["1e999999999", "-1e999999999", "NaN", "Infinity", "abc"])
def test_a_tampered_opened_with_value_is_refused_at_once(demo, regie_client, oud):
    """A hidden 'opened with' value no cell can hold is refused before it is compared or
    named in a conflict message (formatting 1e999999999 in full hung the server)."""
    opened = regie_client.get(bezetting_url())
    data = grid_data(opened)
    name = cell(opened, "Beleid Wmo", "Fase 1")
    data[name], data[name.replace("fase_", "oud_fase_")] = "0,9", oud
    response = regie_client.post(bezetting_url(), data)
    assert "De pagina is beschadigd; laad haar opnieuw." in response.content.decode()
    assert Bezetting.objects.get(rol__naam="Beleid Wmo", fase__naam="Fase 1").fte == 1


# -- two officials in one grid: only the cells each changed count (issue 14, point 7) ---------


@pytest.fixture
def other_client(db, django_user_model):
    """A second official of the regiegroep, who saves in between."""
    return logged_in(make_user(django_user_model, "regie-twee", REGIEGROEP))


def fte(rol: str, fase: str) -> Decimal | None:
    b = Bezetting.objects.filter(rol__naam=rol, fase__naam=fase).first()
    return b.fte if b else None


@pytest.mark.parametrize(
    "theirs",
    [("Beleid Jeugd", "Fase 1"), ("Contractmanagement", "Fase 3")],
    ids=["same-rol", "other-rol"],
)
def test_two_officials_who_change_different_cells_both_succeed(
    demo, regie_client, other_client, theirs
):
    opened_a, opened_b = regie_client.get(bezetting_url()), other_client.get(bezetting_url())
    b = grid_data(opened_b)
    b[cell(opened_b, *theirs)] = "0,3"
    assert other_client.post(bezetting_url(), b).status_code == 302
    records = Bezetting.history.count()

    a = grid_data(opened_a)
    a[cell(opened_a, "Beleid Jeugd", "Fase 3")] = "0,8"
    response = regie_client.post(bezetting_url(), a, follow=True)
    assert "Bezetting opgeslagen" in response.content.decode()
    assert fte("Beleid Jeugd", "Fase 3") == Decimal("0.8")
    assert fte(*theirs) == Decimal("0.3")  # the other official's cell is not undone
    assert Bezetting.history.count() == records + 1  # only the changed cell is written


def test_after_a_real_conflict_the_form_shows_the_others_values_and_a_resave_keeps_them(
    demo, regie_client, other_client
):
    opened_a, opened_b = regie_client.get(bezetting_url()), other_client.get(bezetting_url())
    x = ("Beleid Jeugd", "Fase 3")  # both change it
    z = ("Contractmanagement", "Fase 1")  # only B changes it
    y = ("Beleid Wmo", "Fase 2")  # only A changes it
    b = grid_data(opened_b)
    b[cell(opened_b, *x)] = "1,2"
    b[cell(opened_b, *z)] = "0,4"
    assert other_client.post(bezetting_url(), b).status_code == 302

    a = grid_data(opened_a)
    a[cell(opened_a, *x)] = "0,8"
    a[cell(opened_a, *y)] = "0,6"
    response = regie_client.post(bezetting_url(), a)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Niet opgeslagen: een andere gebruiker heeft de bezetting gewijzigd" in page
    assert "Beleid Jeugd, Fase 3: toen 1, nu 1,2 (gewijzigd door regie-twee op " in page
    assert "u voerde 0,8 in." in page
    assert "Contractmanagement" not in page.split("<ul>")[1].split("</ul>")[0]  # z: no conflict
    assert fte(*y) == Decimal("1")  # nothing of A's save was written
    assert (fte(*x), fte(*z)) == (Decimal("1.2"), Decimal("0.4"))

    # A's own input stays; every cell A did not change shows B's value, opened with it too.
    shown = grid_data(response)
    assert (shown[cell(response, *x)], shown[cell(response, *y)]) == ("0,8", "0,6")
    assert shown[cell(response, *z)] == "0,40"
    assert f'name="{cell(response, *z)}" value="0,40"' in page
    assert shown[cell(response, *z).replace("fase_", "oud_fase_")] == "0.40"

    # A saves again: A's value wins in x only now, and B's edit in z survives.
    assert regie_client.post(bezetting_url(), shown).status_code == 302
    assert (fte(*x), fte(*y), fte(*z)) == (Decimal("0.8"), Decimal("0.6"), Decimal("0.4"))


def test_a_conflict_on_an_amount_and_a_basisformatie_names_both(demo, regie_client, other_client):
    vast = Rol.objects.filter(kostensoort="vast").first()
    fase = Fase.objects.order_by("begin").first()
    opened_a, opened_b = regie_client.get(bezetting_url()), other_client.get(bezetting_url())
    b = grid_data(opened_b)
    b[cell(opened_b, vast.naam, fase.naam)] = "12345"
    b[cell(opened_b, "Beleid Jeugd", "basisformatie")] = "0,9"
    assert other_client.post(bezetting_url(), b).status_code == 302
    a = grid_data(opened_a)
    a[cell(opened_a, vast.naam, fase.naam)] = "15.000"
    a[cell(opened_a, "Beleid Jeugd", "basisformatie")] = "0,7"
    page = regie_client.post(bezetting_url(), a).content.decode()
    assert f"{vast.naam}, {fase.naam}: " in page and "nu 12.345 (gewijzigd door regie-twee" in page
    assert "Beleid Jeugd, basisformatie: " in page and "nu 0,9 (gewijzigd door regie-twee" in page


# -- PostgreSQL: two officials save the grid at the same moment -------------------------------

PAIRS = 60  # pairs of simultaneous saves (see _pair_cells)
REFUSED = "Niet opgeslagen: een andere gebruiker heeft de bezetting gewijzigd"


def _pair_cells(pair: int, rollen: list[str], fasen: list[str]) -> dict[str, tuple[str, str]]:
    """Pair ``pair``'s cell for A and for B: even pairs differ (alternately in the same rol and
    in two rollen), odd pairs share one cell."""
    rol = of(rollen, pair)
    if pair % 2:
        b = (rol, fasen[0])  # the same cell as A
    elif pair % 4:
        b = (of(rollen, pair + 1), fasen[0])  # a cell of another rol
    else:
        b = (rol, fasen[1])  # another cell of the same rol
    return {"A": (rol, fasen[0]), "B": b}


# Skipped before its database is made: a transactional test empties the database after it.
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="draait in CI op PostgreSQL (threads en rijvergrendeling)",
)
@pytest.mark.django_db(transaction=True)
def test_simultaneous_grid_saves_lose_no_cell_and_one_wins_a_shared_cell(django_user_model):
    w = formatie_world("PAR")
    add_rollen(w, 0, 6)
    rollen = list(Rol.objects.filter(samenwerkingsverband=w.sv, kostensoort="schaal"))
    rollen = [r.naam for r in rollen]
    fasen = [f.naam for f in w.fasen]
    url = bezetting_url("PAR")
    users = {"A": "regie-test", "B": "regie-twee"}
    clients = {n: logged_in(make_user(django_user_model, u, REGIEGROEP)) for n, u in users.items()}
    outcome: dict[str, list[tuple[int, str]]] = {"A": [], "B": []}

    def official(name: str, barrier) -> None:
        client = clients[name]
        for pair in range(PAIRS):
            mine = _pair_cells(pair, rollen, fasen)[name]
            # What the page shows now (rendering it each time would only cost time).
            opened = bezetting_grid(build_bezettingsoverzicht(w.sv))
            data = grid_data(opened)
            data[cell(opened, *mine)] = f"{pair + 1},{'25' if name == 'A' else '75'}"
            data[CONFIRM] = "1"  # above 5 fte: "Ja, opslaan" is ticked
            barrier.wait()  # both have the grid in hand: save at the same moment
            response = client.post(url, data)
            outcome[name].append((response.status_code, response.content.decode()))
            barrier.wait()  # both done: the next pair opens on what they left

    records = Bezetting.history.count()
    simultaneously(official, timeout=60)

    def value(rol, fase):
        return Bezetting.objects.get(rol__naam=rol, fase__naam=fase).fte

    conflicts, lost, wins, unclear = 0, [], [], []
    for pair in range(PAIRS):
        (status_a, page_a), (status_b, page_b) = outcome["A"][pair], outcome["B"][pair]
        cells = _pair_cells(pair, rollen, fasen)
        if cells["A"] != cells["B"]:
            conflicts += (status_a, status_b).count(409)
            for name in "AB":  # a later pair may overwrite it: look in the cell's history
                rol, fase = cells[name]
                written = Decimal(f"{pair + 1}.{'25' if name == 'A' else '75'}")
                if not Bezetting.history.filter(
                    rol__naam=rol, fase__naam=fase, fte=written, history_user__username=users[name]
                ).exists():
                    lost.append((pair, name))
            continue
        wins.append(sorted((status_a, status_b)))
        if wins[-1] != [302, 409]:
            continue  # reported below
        winner, loser_page = ("A", page_b) if status_a == 302 else ("B", page_a)
        rol, fase = cells["A"]
        shown = f"{pair + 1},{'25' if winner == 'A' else '75'}"
        expected = [
            REFUSED,
            f"{rol}, {fase}: toen ",
            f"nu {shown} (gewijzigd door {users[winner]} op ",
        ]
        if not all(text in loser_page for text in expected):
            unclear.append(pair)
    assert (conflicts, lost) == (0, [])
    saves = sum(status == 302 for name in "AB" for status, _page in outcome[name])
    assert Bezetting.history.count() == records + saves  # each save wrote its one cell only
    assert wins == [[302, 409]] * (PAIRS // 2)
    assert unclear == []  # the loser is told, in Dutch, whose value the cell holds now
    # Every cell holds what its last writer saved.
    last: dict[tuple[str, str], Decimal] = {}
    for pair in range(PAIRS):
        cells = _pair_cells(pair, rollen, fasen)
        for name in "AB":
            if outcome[name][pair][0] == 302:
                last[cells[name]] = Decimal(f"{pair + 1}.{'25' if name == 'A' else '75'}")
    assert {c: value(*c) for c in last} == last
