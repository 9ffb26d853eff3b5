"""Query budgets of the governance pages: as many queries at 30 rows as at 10 (issue 8)."""

import datetime
from functools import partial
from types import SimpleNamespace

import pytest
from django.utils import timezone

from governance.models import (
    Actiepunt,
    Agendapunt,
    Besluit,
    Gremium,
    GremiumRelatie,
    Knelpunt,
    Lidmaatschap,
    Persoon,
    Stuk,
    Vergadering,
)
from tests.convenant.factories import GemeenteFactory, SamenwerkingsverbandFactory
from tests.querycount import Page, assert_flat, changelist, fast_hasher, of, sv_page, total

pytestmark = pytest.mark.django_db

SOORTEN = ["stuurgroep", "regiegroep", "rst", "werkgroep_thematisch", "beleidsteam"]
UITKOMSTEN = ["aangenomen", "aangehouden", "verworpen"]


def day(i: int) -> datetime.date:
    return datetime.date(2020, 1, 1) + datetime.timedelta(days=i)


def moment(i: int, future: bool = False) -> datetime.datetime:
    """A meeting time: in the past, or (future) after now; distinct per ``i``."""
    base = timezone.now() + datetime.timedelta(days=1) if future else timezone.now()
    sign = 1 if future else -1
    return base + sign * datetime.timedelta(hours=i + 1)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    sv = SamenwerkingsverbandFactory(afkorting="Q")
    gemeenten = [GemeenteFactory() for _ in range(3)]
    sv.gemeenten.add(*gemeenten)
    gremia = [
        Gremium.objects.create(samenwerkingsverband=sv, naam=f"Basis {soort}", soort=soort)
        for soort in SOORTEN
    ]
    personen = [
        Persoon.objects.create(naam=f"Basispersoon {i}", gemeente=gemeenten[i % 3])
        for i in range(4)
    ]
    vergaderingen = [
        Vergadering.objects.create(
            gremium=g,
            begin=moment(5000 + i),
            voorzitter=of(personen, i),
            locatie_gemeente=of(gemeenten, i),
        )
        for i, g in enumerate(gremia)
    ]
    agendapunten = [
        Agendapunt.objects.create(
            vergadering=v, volgorde=1, titel=f"Punt {i}", soort="besluitvorming"
        )
        for i, v in enumerate(vergaderingen)
    ]
    return SimpleNamespace(
        sv=sv,
        gemeenten=gemeenten,
        gremia=gremia,
        gremium=gremia[0],
        personen=personen,
        vergaderingen=vergaderingen,
        vergadering=vergaderingen[0],
        agendapunten=agendapunten,
    )


# --- builders: add rows start..stop -------------------------------------------------------


def add_gremia(w, start, stop):
    gremia = Gremium.objects.bulk_create(
        Gremium(
            samenwerkingsverband=w.sv,
            naam=f"Gremium {i:04d}",
            soort=of(SOORTEN, i),
            gemeente=of(w.gemeenten, i) if i % 2 else None,
            periode="2016",
        )
        for i in range(start, stop)
    )
    Lidmaatschap.objects.bulk_create(
        Lidmaatschap(persoon=of(w.personen, i), gremium=g) for i, g in enumerate(gremia, start)
    )
    return gremia


def add_organogram(w, start, stop):
    gremia = add_gremia(w, start, stop)
    GremiumRelatie.objects.bulk_create(
        GremiumRelatie(van=a, naar=b, soort="opdrachtgever_van")
        for a, b in zip(gremia, gremia[1:], strict=False)
    )


def add_gremium_rows(w, start, stop):
    """What a gremium's page lists: members, relations, meetings, decisions, open actions."""
    g = w.gremium
    personen = Persoon.objects.bulk_create(
        Persoon(
            naam=f"Lid {i:04d}",
            gemeente=of(w.gemeenten, i) if i % 3 else None,
            organisatie="Extern",
        )
        for i in range(start, stop)
    )
    Lidmaatschap.objects.bulk_create(
        Lidmaatschap(persoon=p, gremium=g, rol="lid" if i % 2 else "adviseur", vanaf=day(i))
        for i, p in enumerate(personen, start)
    )
    others = add_gremia(w, start, stop)
    GremiumRelatie.objects.bulk_create(
        GremiumRelatie(van=g, naar=o, soort="opdrachtgever_van") for o in others[::2]
    )
    GremiumRelatie.objects.bulk_create(
        GremiumRelatie(van=o, naar=g, soort="escaleert_naar") for o in others[1::2]
    )
    vergaderingen = Vergadering.objects.bulk_create(
        Vergadering(
            gremium=g,
            begin=moment(i, future=i % 2),
            voorzitter=of(w.personen, i),
            locatie_gemeente=of(w.gemeenten, i),
        )
        for i in range(start, stop)
    )
    agendapunten = Agendapunt.objects.bulk_create(
        Agendapunt(vergadering=v, volgorde=1, titel="Besluit", soort="besluitvorming")
        for v in vergaderingen
    )
    Besluit.objects.bulk_create(
        Besluit(
            gremium=g,
            agendapunt=a if i % 2 else None,
            route="vergadering" if i % 2 else "schriftelijk",
            datum=day(i),
            tekst=f"Besluit {i:04d}",
            uitkomst=of(UITKOMSTEN, i),
        )
        for i, a in enumerate(agendapunten, start)
    )
    add_actiepunten(w, start, stop, gremia=[g])


def add_vergadering_rows(w, start, stop):
    """What a meeting's page lists: agenda items with stukken and decisions, and actions."""
    v = w.vergadering
    punten = Agendapunt.objects.bulk_create(
        Agendapunt(vergadering=v, volgorde=i + 2, titel=f"Agendapunt {i:04d}", soort="bespreking")
        for i in range(start, stop)
    )
    Stuk.objects.bulk_create(
        Stuk(
            agendapunt=p,
            titel=f"Stuk {i}",
            bestand=f"stukken/2026/01/stuk-{i}.pdf" if i % 2 else "",
            bestandsnaam=f"stuk-{i}.pdf" if i % 2 else "",
            verwijzing="" if i % 2 else "/samenwerkingsverbanden/Q/",
        )
        for i, p in enumerate(punten, start)
    )
    Besluit.objects.bulk_create(
        Besluit(
            gremium=v.gremium,
            agendapunt=p,
            datum=day(i),
            tekst=f"Besluit {i}",
            uitkomst=of(UITKOMSTEN, i),
        )
        for i, p in enumerate(punten, start)
    )
    Actiepunt.objects.bulk_create(
        Actiepunt(
            gremium=v.gremium,
            vergadering=v,
            omschrijving=f"Actie {i:04d}",
            eigenaar=of(w.personen, i) if i % 3 else None,
            deadline=day(i) if i % 2 else None,
            status="open" if i % 4 else "gereed",
        )
        for i in range(start, stop)
    )


def add_besluiten(w, start, stop):
    """Decisions spread over the gremia, in meetings (several) and by written round."""
    Besluit.objects.bulk_create(
        Besluit(
            gremium=of(w.gremia, i),
            agendapunt=of(w.agendapunten, i) if i % 2 else None,
            route="vergadering" if i % 2 else "schriftelijk",
            datum=day(i),
            tekst=f"Besluit {i:04d}",
            uitkomst=of(UITKOMSTEN, i),
        )
        for i in range(start, stop)
    )


def add_besluiten_of_stuurgroep(w, start, stop):
    """As add_besluiten, all in the gremium the filter chooses; a few others beside."""
    add_besluiten(SimpleNamespace(**{**vars(w), "gremia": [w.gremium]}), start, stop)
    add_besluiten(SimpleNamespace(**{**vars(w), "gremia": w.gremia[1:]}), start, start + 5)


def add_actiepunten(w, start, stop, gremia=None):
    Actiepunt.objects.bulk_create(
        Actiepunt(
            gremium=of(gremia or w.gremia, i),
            vergadering=of(w.vergaderingen, i) if i % 2 else None,
            omschrijving=f"Actie {i:04d}",
            eigenaar=of(w.personen, i) if i % 3 else None,
            deadline=day(i) if i % 2 else datetime.date(2099, 1, 1),
        )
        for i in range(start, stop)
    )


def add_knelpunten(w, start, stop):
    knelpunten = Knelpunt.objects.bulk_create(
        Knelpunt(
            samenwerkingsverband=w.sv,
            omschrijving=f"Knelpunt {i:04d}",
            ingebracht_door="Weert",
            datum=day(i),
            geescaleerd_op=day(i + 5) if i % 2 else None,
            opgelost_op=day(i + 9) if i % 3 == 0 else None,
        )
        for i in range(start, stop)
    )
    through = Knelpunt.doorlopen_gremia.through
    through.objects.bulk_create(
        through(knelpunt=k, gremium=of(w.gremia, i)) for i, k in enumerate(knelpunten)
    )


def add_personen(w, start, stop):
    Persoon.objects.bulk_create(
        Persoon(naam=f"Persoon {i:04d}", gemeente=of(w.gemeenten, i) if i % 2 else None)
        for i in range(start, stop)
    )


def add_vergaderingen(w, start, stop):
    Vergadering.objects.bulk_create(
        Vergadering(
            gremium=of(w.gremia, i),
            begin=moment(i, future=i % 2),
            voorzitter=of(w.personen, i) if i % 3 else None,
            locatie_gemeente=of(w.gemeenten, i),
        )
        for i in range(start, stop)
    )


def add_stukken(w, start, stop):
    Stuk.objects.bulk_create(
        Stuk(agendapunt=of(w.agendapunten, i), titel=f"Stuk {i:04d}", verwijzing="/x/")
        for i in range(start, stop)
    )


url = partial(sv_page, "governance")


admin = partial(changelist, "governance")


PAGES = [
    Page("gremium-list", url("gremium-list"), add_gremia, lambda w, n: total(n + 5)),
    Page(
        "gremium-detail",
        url("gremium-detail", lambda w: w.gremium.pk),
        add_gremium_rows,
        lambda w, n: f"Lid {n - 1:04d}",
    ),
    Page("organogram", url("organogram"), add_organogram, lambda w, n: f"Gremium {n - 1:04d}"),
    Page(
        "vergadering-detail",
        url("vergadering-detail", lambda w: w.vergadering.pk),
        add_vergadering_rows,
        lambda w, n: f"Agendapunt {n - 1:04d}",
    ),
    Page("vergadering-list", url("vergadering-list"), add_vergaderingen, lambda w, n: total(n + 5)),
    Page("besluit-list", url("besluit-list"), add_besluiten, lambda w, n: total(n)),
    Page(
        "besluit-list filtered",
        lambda w: url("besluit-list")(w) + f"?gremium={w.gremium.pk}&vanaf=2019-01-01",
        add_besluiten_of_stuurgroep,
        lambda w, n: total(n),
    ),
    Page("actiepunt-list", url("actiepunt-list"), add_actiepunten, lambda w, n: total(n)),
    Page("knelpunt-list", url("knelpunt-list"), add_knelpunten, lambda w, n: total(n)),
    Page("admin gremium", admin("gremium"), add_gremia, lambda w, n: f"{n + 5} gremia"),
    Page("admin persoon", admin("persoon"), add_personen, lambda w, n: f"{n + 4} personen"),
    Page(
        "admin vergadering",
        admin("vergadering"),
        add_vergaderingen,
        lambda w, n: f"{n + 5} vergaderingen",
    ),
    Page("admin besluit", admin("besluit"), add_besluiten, lambda w, n: f"{n} besluiten"),
    Page("admin actiepunt", admin("actiepunt"), add_actiepunten, lambda w, n: f"{n} actiepunten"),
    Page("admin knelpunt", admin("knelpunt"), add_knelpunten, lambda w, n: f"{n} knelpunten"),
    Page("admin stuk", admin("stuk"), add_stukken, lambda w, n: f"{n} stukken"),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)
