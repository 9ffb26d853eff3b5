"""The pakketten pages under a query budget (issue 8), and the admin of Pakket: its deelnemers
and a rol's pakket only of the samenwerkingsverband they belong to."""

import pytest
from django.urls import reverse

from formatie.models import Pakket, Pakketdeelname, Rol
from tests.partijen.factories import GemeenteFactory, SamenwerkingsverbandFactory
from tests.querycount import Page, assert_flat, changelist, fast_hasher, of, sv_page

from .factories import PakketdeelnameFactory, PakketFactory, RolFactory
from .rollen import formatie_world

pytestmark = pytest.mark.django_db

VERDELINGEN = ["gelijk", "inwoners", "een"]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user, beheer_user):
    w = formatie_world()
    w.pakket = PakketFactory(samenwerkingsverband=w.sv, naam="Maatschappelijke opvang")
    return w


def add_pakketten(w, start, stop):
    """Pluspakketten and basis parts, each plus with deelnemers over several periods and a rol."""
    pakketten = Pakket.objects.bulk_create(
        Pakket(
            samenwerkingsverband=w.sv,
            naam=f"Pakket {i:04d}",
            soort="basis" if i % 4 == 0 else "plus",
            verdeling="" if i % 4 == 0 else of(VERDELINGEN, i),
            volgorde=i,
        )
        for i in range(start, stop)
    )
    plus = [p for p in pakketten if p.soort == "plus"]
    Pakketdeelname.objects.bulk_create(
        Pakketdeelname(
            pakket=p,
            gemeente=of(w.gemeenten, i + k),
            vanaf_jaar=2020 + 2 * k,
            tot_en_met_jaar=2021 + 2 * k,
        )  # fmt: skip
        for i, p in enumerate(plus)
        for k in range(2)
    )
    Rol.objects.bulk_create(
        Rol(
            samenwerkingsverband=w.sv,
            naam=f"Rol in {p.naam}",
            kostensoort="schaal",
            schaal=10,
            pakket=p,
        )  # fmt: skip
        for p in pakketten
    )


def add_deelnames(w, start, stop):
    """Deelnemers of one pakket, one year each (periods of one gemeente never overlap)."""
    Pakketdeelname.objects.bulk_create(
        Pakketdeelname(
            pakket=w.pakket,
            gemeente=of(w.gemeenten, i),
            vanaf_jaar=2000 + i,
            tot_en_met_jaar=2000 + i,
        )  # fmt: skip
        for i in range(start, stop)
    )


PAGES = [
    Page(
        "pakketten",
        sv_page("formatie", "pakket-list"),
        add_pakketten,
        lambda w, n: f"{n + 1} resultaten",
    ),
    Page(
        "pakket bewerken",
        sv_page("formatie", "pakket-update", lambda w: w.pakket.pk),
        add_deelnames,
        lambda w, n: f'value="{2000 + n - 1}"',
    ),
    Page(
        "admin pakket",
        changelist("formatie", "pakket"),
        add_pakketten,
        lambda w, n: f"{n + 1} pakketten",
    ),
    Page(
        "admin pakket bewerken",
        lambda w: reverse("admin:formatie_pakket_change", args=[w.pakket.pk]),
        add_deelnames,
        lambda w, n: f'value="{2000 + n - 1}"',
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)


def test_the_list_page_stays_within_its_budget(regie_client, world, django_assert_max_num_queries):
    add_pakketten(world, 0, 25)
    url = reverse("formatie:pakket-list", args=["Q"])
    regie_client.get(url)
    with django_assert_max_num_queries(20):
        page = regie_client.get(url).content.decode()
    assert "Pakket 0024" in page and "2020–2021: " in page


def test_the_admin_offers_only_the_samenwerkingsverbands_gemeenten_and_pakketten(
    world, beheer_user, client
):
    client.force_login(beheer_user)
    other = SamenwerkingsverbandFactory(afkorting="ANDR")
    vreemd = GemeenteFactory(naam="Roermond")
    other.gemeenten.add(vreemd)
    pakket = PakketFactory(samenwerkingsverband=world.sv, naam="Veilig Thuis")
    PakketdeelnameFactory(pakket=pakket, gemeente=world.gemeenten[0])
    elders = PakketFactory(samenwerkingsverband=other, naam="Pakket elders")
    page = client.get(reverse("admin:formatie_pakket_change", args=[pakket.pk])).content.decode()
    assert "Aalburg" in page and "Roermond" not in page

    rol = RolFactory(samenwerkingsverband=world.sv, naam="Coördinator")
    page = client.get(reverse("admin:formatie_rol_change", args=[rol.pk])).content.decode()
    assert "Veilig Thuis" in page and "Pakket elders" not in page

    # A new pakket with a deelnemer outside its samenwerkingsverband: refused.
    data = {
        "samenwerkingsverband": str(world.sv.pk),
        "naam": "Beschermd wonen",
        "soort": "plus",
        "verdeling": "gelijk",
        "volgorde": "0",
        "deelnames-TOTAL_FORMS": "1",
        "deelnames-INITIAL_FORMS": "0",
        "deelnames-0-gemeente": str(vreemd.pk),
        "deelnames-0-vanaf_jaar": "2020",
    }
    response = client.post(reverse("admin:formatie_pakket_add"), data)
    assert "Roermond neemt geen deel aan dit samenwerkingsverband." in response.content.decode()
    assert not Pakket.objects.filter(naam="Beschermd wonen").exists()
    data["deelnames-0-gemeente"] = str(world.gemeenten[1].pk)
    response = client.post(reverse("admin:formatie_pakket_add"), data)
    assert response.status_code == 302
    assert Pakket.objects.get(naam="Beschermd wonen").deelnames.get().gemeente.naam == "Bergen"
    assert elders.rollen.count() == 0
