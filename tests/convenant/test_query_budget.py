"""Query budgets of the convenant pages: as many queries at 30 rows as at 10 (issue 8)."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from brieven.models import Briefstatus, Raadsinformatiebrief
from convenant.models import (
    Artikel,
    Artikelonderdeel,
    Convenant,
    Herijkingsmoment,
    Ondertekenaar,
    Overweging,
)
from governance.models import Gremium, Knelpunt, Lidmaatschap, Persoon
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband
from tests.querycount import Page, assert_flat, fast_hasher, grant, of, total

from .factories import (
    ArtikelonderdeelFactory,
    ConvenantFactory,
    GemeenteFactory,
    HerijkingsmomentFactory,
    OndertekenaarFactory,
    OverwegingFactory,
    SamenwerkingsverbandFactory,
)

pytestmark = pytest.mark.django_db

DAY = datetime.date(2020, 1, 1)
LATER = datetime.date(2099, 1, 1)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    fast_hasher(settings)


@pytest.fixture
def world(regie_user):
    sv = SamenwerkingsverbandFactory(afkorting="Q")
    gemeenten = [GemeenteFactory() for _ in range(4)]
    sv.gemeenten.add(*gemeenten)
    convenant = ConvenantFactory(samenwerkingsverband=sv)
    gremium = Gremium.objects.create(samenwerkingsverband=sv, naam="Regiegroep", soort="regiegroep")
    return SimpleNamespace(
        sv=sv, gemeenten=gemeenten, convenant=convenant, gremium=gremium, user=regie_user
    )


def day(i: int) -> datetime.date:
    return DAY + datetime.timedelta(days=i)


# --- builders: add rows start..stop -------------------------------------------------------


def add_verbanden(w, start, stop):
    svs = Samenwerkingsverband.objects.bulk_create(
        Samenwerkingsverband(
            naam=f"Verband {i:04d}", afkorting=f"V{i}", juridische_vorm="centrumregeling"
        )
        for i in range(start, stop)
    )
    grant(w.user, svs)
    through = Samenwerkingsverband.gemeenten.through
    through.objects.bulk_create(
        through(samenwerkingsverband=sv, gemeente=of(w.gemeenten, i)) for i, sv in enumerate(svs)
    )
    Convenant.objects.bulk_create(
        Convenant(titel=f"Convenant {sv.naam}", samenwerkingsverband=sv) for sv in svs
    )


def add_gemeenten(w, start, stop):
    gemeenten = Gemeente.objects.bulk_create(
        Gemeente(naam=f"Gemeente {i:04d}", plaats=f"Plaats {i}") for i in range(start, stop)
    )
    Inwonertal.objects.bulk_create(
        Inwonertal(gemeente=g, peildatum=day(i), aantal=1000 + i) for i, g in enumerate(gemeenten)
    )
    w.sv.gemeenten.add(*gemeenten)


def add_convenanten(w, start, stop):
    svs = [w.sv, SamenwerkingsverbandFactory(), SamenwerkingsverbandFactory()]
    convenanten = Convenant.objects.bulk_create(
        Convenant(titel=f"Convenant {i:04d}", samenwerkingsverband=of(svs, i), dagtekening=day(i))
        for i in range(start, stop)
    )
    Artikel.objects.bulk_create(
        Artikel(convenant=c, nummer=1, tekst="De gemeenten spreken af.") for c in convenanten
    )


def add_brieven(w, start, stop):
    convenanten = [w.convenant, ConvenantFactory(samenwerkingsverband=w.sv)]
    Raadsinformatiebrief.objects.bulk_create(
        Raadsinformatiebrief(
            samenwerkingsverband=w.sv,
            gemeente=of(w.gemeenten, i),
            convenant=of(convenanten, i) if i % 3 else None,
            onderwerp=f"Brief {i:04d}",
            datum=day(i),
            tekst="Tekst.",
            status=Briefstatus.VERZONDEN if i % 2 else Briefstatus.CONCEPT,
        )
        for i in range(start, stop)
    )


def add_sv_rows(w, start, stop):
    """What a samenwerkingsverband's page lists: gemeenten, convenanten, herijkingen, knelpunten."""
    add_gemeenten(w, start, stop)
    convenanten = Convenant.objects.bulk_create(
        Convenant(titel=f"Convenant {i:04d}", samenwerkingsverband=w.sv) for i in range(start, stop)
    )
    Artikel.objects.bulk_create(Artikel(convenant=c, nummer=1, tekst="Tekst") for c in convenanten)
    Herijkingsmoment.objects.bulk_create(
        Herijkingsmoment(
            convenant=c, datum=LATER + datetime.timedelta(days=i), omschrijving=f"H{i}"
        )
        for i, c in enumerate(convenanten, start)
    )
    Knelpunt.objects.bulk_create(
        Knelpunt(
            samenwerkingsverband=w.sv,
            omschrijving=f"Knelpunt {i:04d}",
            ingebracht_door="x",
            datum=day(i),
        )
        for i in range(start, stop)
    )


def add_gemeente_rows(w, start, stop):
    """What a gemeente's page lists: inwonertallen (with history), verbanden, contactpersonen."""
    gemeente = w.gemeenten[0]
    bulk_create_with_history(
        [
            Inwonertal(gemeente=gemeente, peildatum=day(i), aantal=1000 + i)
            for i in range(start, stop)
        ],
        Inwonertal,
    )
    add_verbanden(SimpleNamespace(user=w.user, gemeenten=[gemeente]), start, stop)
    gremia = Gremium.objects.bulk_create(
        Gremium(samenwerkingsverband=w.sv, naam=f"Regiegroep {i}", soort="regiegroep")
        for i in range(start, stop)
    )
    personen = Persoon.objects.bulk_create(
        Persoon(naam=f"Persoon {i:04d}", gemeente=gemeente) for i in range(start, stop)
    )
    Lidmaatschap.objects.bulk_create(
        Lidmaatschap(persoon=p, gremium=g) for p, g in zip(personen, gremia, strict=True)
    )


def add_convenant_rows(w, start, stop):
    """What a convenant's page lists: overwegingen, artikelen and onderdelen, ondertekenaars
    of several gemeenten, herijkingsmomenten and opvolgers; artikelen and ondertekenaars with
    their history (the page lists it)."""
    c = w.convenant
    Overweging.objects.bulk_create(
        OverwegingFactory.build(convenant=c, letter=f"{i:03d}", tekst=f"Overweging {i}")
        for i in range(start, stop)
    )
    bulk_create_with_history(
        [
            Artikel(convenant=c, nummer=i + 1, tekst=f"Artikel tekst {i:04d}")
            for i in range(start, stop)
        ],
        Artikel,
    )
    Artikelonderdeel.objects.bulk_create(
        ArtikelonderdeelFactory.build(artikel=a, letter="a", tekst=f"Onderdeel {a.nummer}")
        for a in Artikel.objects.filter(convenant=c, nummer__gt=start)
    )
    bulk_create_with_history(
        [
            OndertekenaarFactory.build(
                convenant=c, gemeente=of(w.gemeenten, i), naam=f"Ondertekenaar {i:04d}"
            )
            for i in range(start, stop)
        ],
        Ondertekenaar,
    )
    Herijkingsmoment.objects.bulk_create(
        HerijkingsmomentFactory.build(convenant=c, datum=day(i), omschrijving=f"Herijking {i}")
        for i in range(start, stop)
    )
    Convenant.objects.bulk_create(
        Convenant(titel=f"Opvolger {i:04d}", samenwerkingsverband=w.sv, voorganger=c)
        for i in range(start, stop)
    )


PAGES = [
    Page(
        "samenwerkingsverband-list",
        lambda w: reverse("convenant:samenwerkingsverband-list"),
        add_verbanden,
        lambda w, n: total(n + 1),
    ),
    Page(
        "samenwerkingsverband-detail",
        lambda w: reverse("convenant:samenwerkingsverband-detail", args=["Q"]),
        add_sv_rows,
        lambda w, n: f"Knelpunt {n - 1:04d}",
    ),
    Page(
        "gemeente-list",
        lambda w: reverse("gemeenten:gemeente-list"),
        add_gemeenten,
        lambda w, n: total(n + 4),
    ),
    Page(
        "gemeente-detail",
        lambda w: reverse("gemeenten:gemeente-detail", args=[w.gemeenten[0].pk]),
        add_gemeente_rows,
        lambda w, n: f"Persoon {n - 1:04d}",
    ),
    Page(
        "convenant-list",
        lambda w: reverse("convenant:convenant-list"),
        add_convenanten,
        lambda w, n: total(n + 1),
    ),
    Page(
        "convenant-detail",
        lambda w: reverse("convenant:convenant-detail", args=[w.convenant.pk]),
        add_convenant_rows,
        lambda w, n: f"Ondertekenaar {n - 1:04d}",
    ),
    Page(
        "brief-list",
        lambda w: reverse("brieven:brief-list", args=["Q"]),
        add_brieven,
        lambda w, n: total(n),
    ),
    Page(
        "admin gemeente",
        lambda w: reverse("admin:partijen_gemeente_changelist"),
        add_gemeenten,
        lambda w, n: f"{n + 4} gemeenten",
    ),
    Page(
        "admin samenwerkingsverband",
        lambda w: reverse("admin:partijen_samenwerkingsverband_changelist"),
        add_verbanden,
        lambda w, n: f"{n + 1} samenwerkingsverbanden",
    ),
    Page(
        "admin convenant",
        lambda w: reverse("admin:convenant_convenant_changelist"),
        add_convenanten,
        lambda w, n: f"{n + 1} convenanten",
    ),
    Page(
        "admin artikel",
        lambda w: reverse("admin:convenant_artikel_changelist"),
        add_convenanten,
        lambda w, n: f"{n} artikelen",
    ),
    Page(
        "admin raadsinformatiebrief",
        lambda w: reverse("admin:brieven_raadsinformatiebrief_changelist"),
        add_brieven,
        lambda w, n: f"{n} raadsinformatiebrieven",
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_query_count_does_not_grow_with_rows(admin_for_every_role, regie_client, world, page):
    assert_flat(regie_client, page, world)
