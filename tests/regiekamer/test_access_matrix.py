"""The access matrix: every page of the URL configuration and every admin page of every model,
for every role, for an official of a gemeente and for users of another gemeente and another
samenwerkingsverband. The pages come from the URL configuration and the admin registry, so a new
page or model is in the matrix without anyone adding it here; a page whose URL needs a value
this test cannot find fails the test.

What should happen is written down here, independently of ``regiekamer/access.py``:
- members (regiegroep, stuurgroep, the official of a participating gemeente) read every page of
  Midden-Limburg West; the regiegroep and the beheerder change everything;
- the stuurgroep changes only decisions; the official of Weert only Weert's own data;
- a user of another samenwerkingsverband or of a gemeente outside it gets 403/404 on every
  page and every admin page of MLW, and sees none of it in any list;
- whoever may not change something gets 403/404 on a POST, and nothing changes;
- a user with two places gets exactly the union of the two rights: the regiegroep of another
  samenwerkingsverband who is also the official of Weert changes of MLW only Weert's own data;
  the stuurgroep member of MLW who is regiegroep elsewhere changes of MLW only decisions. Every
  page that accepts a POST is sent, for each of them, the data that the page's own form would
  send (valid: the regiegroep of MLW gets it saved), so a view that forgets to ask about the
  row it writes fails here;
- a scenario of MLW (issue 20) is read and changed by exactly who reads and changes MLW: a user
  of another samenwerkingsverband, or the official of a gemeente taken into the scenario only,
  gets 404 on every page of it, and a forged POST (the regiegroep's own valid form) changes
  nothing.
"""

from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.db.models import Q
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.views.generic import RedirectView, UpdateView

from begroting.models import Begrotingscyclus, Zienswijze
from brieven.models import Raadsinformatiebrief
from convenant.models import Convenant
from formatie.models import Pakket, Pakketdeelname
from governance.models import Procesplanning, Processtap
from kosten.models import Realisatie, Voorschotregeling
from partijen.models import Gemeente, Inwonertal, Samenwerkingsverband, Toegang
from programma.voortgang import draft_report
from regiekamer.declarations import SV_LOOKUPS
from regiekamer.freeze import FrozenGuard
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from scenarios.maak import maak_scenario
from tests.world import add_meeting_and_answer
from werkboek.schrijven import export_workbook

MLW = "MLW"
CYCLUSJAAR = 2027  # the begrotingsjaar of MLW's Begrotingscyclus in the world
OTHER = "ANDR"
# URL names whose model is not the name before "-…" (gremium-detail -> Gremium).
MODEL_ALIASES = {
    "plan": "programma.programmaplan",
    "rapportage": "programma.voortgangsrapportage",
    "brief": "brieven.raadsinformatiebrief",
}
# Pages whose <pk> is not a row of the view's model (a series adds meetings to a gremium).
PK_MODELS = {
    "governance:gremium-series": "governance.gremium",
    # The route adds behandelingen to a voorstel (issue 21).
    "governance:voorstel-route": "governance.voorstel",
    # A gemeente of the scenario (the view's own model is the scenario).
    "scenarios:scenario-gemeente-verwijderen": "partijen.gemeente",
}
# What the stuurgroep may change besides reading: it records decisions.
STUURGROEP_WRITES = {"governance:besluit-create", "governance.besluit"}
# What an official of a gemeente may change of that gemeente: page, or model with its gemeente.
GEMEENTE_PAGES = {"gemeenten:gemeente-update"}
GEMEENTE_MODELS = {"partijen.gemeente": "pk", "partijen.inwonertal": "gemeente_id"}
GEMEENTE_MODELS["kosten.budget"] = "gemeente_id"
GEMEENTE_MODELS["partijen.functionaris"] = "gemeente_id"  # the letterhead's signatories
NOT_A_PAGE = {"login", "logout"}
# The pages that open without signing in (login_not_required), all of them; each is tested
# where it is made. Single sign-on's start and callback answer 404 while it is off (as in the
# tests' settings; tests/gebruikers/test_oidc.py switches it on).
LOGIN_EXEMPT = {
    "login",
    "gebruikers:oidc-start",
    "gebruikers:oidc-callback",
    "gebruikers:uitnodiging",
    "gebruikers:wachtwoord-vergeten",
    "gebruikers:wachtwoord-vergeten-verstuurd",
    "gebruikers:wachtwoord-herstellen",
}
NOT_A_PAGE |= LOGIN_EXEMPT
# Gebruikersbeheer's pages are of a user, not of a samenwerkingsverband, and the links of the
# account mails are for anonymous users: test_gebruikersbeheer_for_every_role below.
WHERE_ONE_LANDS = {"gebruikers:start", "gebruikers:geen-toegang"}
# The pages of a scenario itself (issue 20): behind a real afkorting they only point the way to
# its scenario's; test_a_scenario_for_every_role checks them behind a scenario's afkorting.
SCENARIO_PAGES = {
    "scenarios:scenario-detail",
    "scenarios:scenario-update",
    "scenarios:scenario-delete",
    "scenarios:scenario-gemeente-toevoegen",
    "scenarios:scenario-gemeente-verwijderen",
}


# The user's own sign-in steps (single sign-on, two-factor): tested in tests/gebruikers/.
OWN_SIGN_IN = ("gebruikers:oidc-", "gebruikers:tweestaps")


def of_gebruikersbeheer(name: str) -> bool:
    return (
        name.startswith("gebruikers:")
        and name not in WHERE_ONE_LANDS
        and not name.startswith(OWN_SIGN_IN)
    )


# Pages that write nothing of a samenwerkingsverband: the user's own password.
NOT_A_WRITE = {"password_change"}
# The user's own second factor (tests/gebruikers/test_tweestaps.py).
TWO_FACTOR_PAGES = {"gebruikers:tweestaps-instellen", "gebruikers:tweestaps-code"}
NOT_A_WRITE |= TWO_FACTOR_PAGES | {
    "gebruikers:tweestaps-herstelcodes",
    "gebruikers:tweestaps-uitschakelen",
}
# Users with two places: regiegroep of the other samenwerkingsverband and official of Weert;
# stuurgroep of MLW and regiegroep of the other.
REGIE_ANDER_AMBTENAAR_WEERT = "regiegroep ander verband + ambtenaar Weert"
STUUR_MLW_REGIE_ANDER = "stuurgroep MLW + regiegroep ander verband"
# What a regiegroep creates wherever it is: a new samenwerkingsverband, a new gemeente.
NEW_ANYWHERE = {"convenant:samenwerkingsverband-create", "gemeenten:gemeente-create"}

ALLOW, DENY = "toegestaan", "geweigerd"


# --- the pages ------------------------------------------------------------------------------


def url_patterns():
    """(name, kwarg names, view class) of every named page outside the admin."""
    rows = url_views()
    return [(name, kwargs, getattr(view, "view_class", None)) for name, kwargs, view in rows]


def url_views():
    """(name, kwarg names, view function) of every named page outside the admin."""

    def walk(patterns, namespace, kwargs):
        for pattern in patterns:
            names = kwargs | set(getattr(pattern.pattern, "converters", {}))
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, inner, names)
            elif pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield name, names, pattern.callback

    return sorted(walk(get_resolver().url_patterns, "", set()), key=lambda row: row[0])


def model_for(name: str, kwarg: str, view):
    from django.apps import apps

    if kwarg == "pk" and name in PK_MODELS:
        return apps.get_model(PK_MODELS[name])
    if kwarg == "pk" and getattr(view, "model", None) is not None:
        return view.model
    key = kwarg[: -len("_pk")] if kwarg.endswith("_pk") else name.split(":")[-1].rsplit("-", 1)[0]
    if key in MODEL_ALIASES:
        return apps.get_model(MODEL_ALIASES[key])
    for label in SV_LOOKUPS:
        if label.split(".")[1] == key:
            return apps.get_model(label)
    raise AssertionError(f"{name}: geen model gevonden voor <{kwarg}>; vul MODEL_ALIASES aan")


def rows_of(model, sv):
    lookups = SV_LOOKUPS[model._meta.label_lower]
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{lookup: sv.pk})
    return model._base_manager.filter(condition).distinct().order_by("pk")


def first_row(model, sv):
    """The row of ``sv`` the matrix tries: the first one, and of a record that freezes the first
    still open (the demo holds a sent letter; a frozen record's edit page sends everyone back,
    tests/regiekamer/test_frozen_records.py)."""
    rows = rows_of(model, sv)
    if issubclass(model, FrozenGuard):
        return next((row for row in rows if not row.is_frozen), None)
    return rows.first()


def writes(view) -> bool:
    """A page that only a user who may change something may open (a form, a confirmation)."""
    if view is None or not issubclass(view, PermissionRequiredMixin):
        return False
    required = view().get_permission_required()
    return not all(perm.split(".")[1].startswith("view_") for perm in required)


def test_only_the_declared_pages_open_without_signing_in():
    exempt = {name for name, _, view in url_views() if not getattr(view, "login_required", True)}
    assert exempt == LOGIN_EXEMPT


# --- the world ------------------------------------------------------------------------------


@pytest.fixture
def world(demo, django_user_model, media, settings):
    """MLW with at least one row of every model, another samenwerkingsverband, and users."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    mlw = Samenwerkingsverband.objects.get(afkorting=MLW)
    weert = Gemeente.objects.get(naam="Weert")
    nederweert = Gemeente.objects.get(naam="Nederweert")
    roermond = Gemeente.objects.create(naam="Roermond (test)")
    other = Samenwerkingsverband.objects.create(
        naam="Ander verband", afkorting=OTHER, juridische_vorm=mlw.juridische_vorm
    )
    other.gemeenten.add(roermond)

    Inwonertal.objects.create(gemeente=weert, peildatum=date(2020, 1, 1), aantal=49_900)
    Inwonertal.objects.create(gemeente=nederweert, peildatum=date(2020, 1, 1), aantal=17_000)
    plan = add_meeting_and_answer(mlw)
    draft_report(plan, date(2026, 11, 1), "september-oktober 2026")
    convenant = rows_of(Convenant, mlw).first()
    convenant.scan = SimpleUploadedFile("getekend.pdf", b"%PDF-1.4\n%%EOF\n")
    convenant.save()
    for gemeente in (weert, nederweert):  # the letterhead's logo (gemeenten:gemeente-logo)
        gemeente.logo = SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>')
        gemeente.save()
    Raadsinformatiebrief.objects.create(
        samenwerkingsverband=mlw, gemeente=weert, onderwerp="Kosten", tekst="Geachte raad,"
    )
    pakket = Pakket.objects.create(samenwerkingsverband=mlw, naam="Module", verdeling="gelijk")
    Pakketdeelname.objects.create(pakket=pakket, gemeente=weert)
    # Issue 21: a year's actual cost and a voorschotregeling of MLW (kosten), and the
    # begrotingscyclus: MLW keeps a begroting of its own in this world.
    rol = mlw.rollen.order_by("pk").last()  # not the first: the matrix deletes that one
    Realisatie.objects.get_or_create(
        rol=rol, jaar=2016, defaults={"samenwerkingsverband": mlw, "bedrag": Decimal("1000")}
    )
    Voorschotregeling.objects.get_or_create(
        samenwerkingsverband=mlw, vanaf_jaar=2016, tot_en_met_jaar=2016
    )
    Samenwerkingsverband.objects.filter(pk=mlw.pk).update(eigen_begroting=True)
    mlw.refresh_from_db()
    cyclus, _ = Begrotingscyclus.objects.get_or_create(samenwerkingsverband=mlw, jaar=CYCLUSJAAR)
    Zienswijze.objects.get_or_create(cyclus=cyclus, gemeente=weert)
    planning = Procesplanning.objects.create(samenwerkingsverband=mlw, naam="Planning", jaar=2026)
    Processtap.objects.create(planning=planning, fase="Besluit", stap="Besluit", gepland="mei 2026")
    for label in SV_LOOKUPS:
        if label == "partijen.toegang":
            continue
        from django.apps import apps

        assert rows_of(apps.get_model(label), mlw).exists(), f"geen {label} in MLW: maak er een"

    def user(username, group, svs=(), gemeente=None):
        account = django_user_model.objects.create_user(username=username, is_staff=True)
        account.groups.add(Group.objects.get(name=group))
        toegang = Toegang.objects.create(gebruiker=account, gemeente=gemeente)
        toegang.samenwerkingsverbanden.set(svs)
        return account

    users = {
        "beheerder": user("m-beheer", BEHEERDER),
        "regiegroep": user("m-regie", REGIEGROEP, [mlw]),
        "stuurgroep": user("m-stuur", STUURGROEP, [mlw]),
        "ambtenaar Weert": user("m-weert", GEMEENTE, gemeente=weert),
        "regiegroep ander verband": user("m-regie-ander", REGIEGROEP, [other]),
        "ambtenaar andere gemeente": user("m-roermond", GEMEENTE, gemeente=roermond),
    }
    # Two places each (see test_every_write_for_users_with_two_places).
    official = user("m-regie-ander-weert", REGIEGROEP, [other], gemeente=weert)
    official.groups.add(Group.objects.get(name=GEMEENTE))
    wethouder = user("m-stuur-mlw-regie-ander", REGIEGROEP, [other])
    wethouder.groups.add(Group.objects.get(name=STUURGROEP))
    wethouder.toegang.stuurgroep_samenwerkingsverbanden.set([mlw])
    two_places = {REGIE_ANDER_AMBTENAAR_WEERT: official, STUUR_MLW_REGIE_ANDER: wethouder}
    return {
        "mlw": mlw,
        "other": other,
        "weert": weert,
        "nederweert": nederweert,
        "users": users,
        "two_places": two_places,
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


MEMBERS = {"beheerder", "regiegroep", "stuurgroep", "ambtenaar Weert"}
OUTSIDERS = {"regiegroep ander verband", "ambtenaar andere gemeente"}


def may_write(role: str, key: str, gemeente=None, weert=None) -> bool:
    """key: a page name or a model label; gemeente: the gemeente the row or page is of."""
    if role in {"beheerder", "regiegroep"}:
        return True
    if role == "stuurgroep":
        return key in STUURGROEP_WRITES
    if role == "ambtenaar Weert":
        return (key in GEMEENTE_PAGES or key in GEMEENTE_MODELS) and gemeente == weert
    return False


def outcome(status: int) -> str:
    return DENY if status in (403, 404) else ALLOW


# --- the browser pages ----------------------------------------------------------------------


def page_cases(world):
    """(name, url, gemeente, view, owner) for every page with its MLW values filled in."""
    mlw = world["mlw"]
    for name, kwargs, view in url_patterns():
        if name in NOT_A_PAGE or name in SCENARIO_PAGES or of_gebruikersbeheer(name):
            continue
        variants = [{}]
        for kwarg in sorted(kwargs):
            if kwarg == "afkorting":
                values = [MLW]
            elif kwarg == "jaar" and name.startswith("kosten:"):
                values = [2016]  # a year of MLW's plan (kosten:jaarrekening)
            elif kwarg == "jaar":
                values = [CYCLUSJAAR]
            else:
                model = model_for(name, kwarg, view)
                if model is Gemeente:
                    values = [world["weert"].pk, world["nederweert"].pk]
                else:
                    row = first_row(model, mlw)
                    assert row is not None, f"{name}: geen {model.__name__} in MLW"
                    values = [row.pk]
            variants = [dict(v, **{kwarg: value}) for v in variants for value in values]
        for values in variants:
            gemeente = None
            for kwarg, value in values.items():
                if kwarg not in ("afkorting", "jaar") and model_for(name, kwarg, view) is Gemeente:
                    gemeente = Gemeente.objects.get(pk=value)
            yield name, reverse(name, kwargs=values), values, gemeente, view


@pytest.mark.django_db
def test_every_page_for_every_role(world):
    leaks = []
    checked = 0
    clients = {role: client_for(user) for role, user in world["users"].items()}
    cases = list(page_cases(world))
    for name, url, values, gemeente, view in cases:
        of_mlw = bool(values)
        for role, client in clients.items():
            may_read = role in MEMBERS if of_mlw else True
            write = may_write(role, name, gemeente, world["weert"])
            if not of_mlw and role == "regiegroep ander verband":
                write = True  # a regiegroep may create in its own samenwerkingsverbanden
            expected = ALLOW if (may_read and (write or not writes(view))) else DENY
            if not hasattr(view, "get"):
                expected = None  # POST only: a GET gets 405 from everyone
            response = client.get(url)
            checked += 1
            if expected and outcome(response.status_code) != expected:
                leaks.append(f"GET {url} als {role}: {response.status_code}, verwacht {expected}")
            if role == "regiegroep" and view is not None and issubclass(view, UpdateView):
                # No lost edits: every edit form carries the version it was opened on.
                body = response.content.decode()
                if 'name="versie"' not in body and '-versie"' not in body:
                    leaks.append(f"GET {url}: formulier zonder versie")
            if not of_mlw and role in OUTSIDERS and response.status_code == 200:
                body = response.content.decode()
                if "Midden-Limburg West" in body:
                    leaks.append(f"GET {url} als {role}: toont Midden-Limburg West")
            if view is not None and hasattr(view, "post") and not write and of_mlw:
                response = client.post(url, {})
                checked += 1
                if outcome(response.status_code) != DENY:
                    leaks.append(f"POST {url} als {role}: {response.status_code}, verwacht 403/404")
        # A row of MLW behind the other samenwerkingsverband's address: never.
        if "afkorting" in values and len(values) > 1:
            mixed = reverse(name, kwargs=dict(values, afkorting=OTHER))
            outsider = clients["regiegroep ander verband"]
            response = outsider.get(mixed) if hasattr(view, "get") else outsider.post(mixed)
            checked += 1
            if outcome(response.status_code) != DENY:
                leaks.append(f"GET {mixed} als regiegroep ander verband: {response.status_code}")
    anonymous = Client()
    for _name, url, *_ in cases:
        response = anonymous.get(url)
        if response.status_code != 302 or "/inloggen/" not in response["Location"]:
            leaks.append(f"GET {url} zonder inloggen: {response.status_code}")
    assert checked > 500
    assert not leaks, "\n".join(leaks)


@pytest.mark.django_db
def test_a_half_session_reaches_no_page(world, settings):
    """Two-factor sign-in required: a regiegroep member who gave the password but not yet the
    code (force_login verifies nothing) is sent from every page (and the admin) to the set-up,
    with the way back; a form sent gets 403. Open are only the set-up and code pages, the
    health check and single sign-on (names starting with "oidc")."""
    settings.TWO_FACTOR_REQUIRED = True
    client = client_for(world["users"]["regiegroep"])
    setup = reverse("gebruikers:tweestaps-instellen")
    mlw = world["mlw"]
    admin_pages = [reverse("admin:index"), admin_url(type(mlw), "change", mlw.pk)]
    cases = [(name, url) for name, url, *_ in page_cases(world)] + [
        ("admin", u) for u in admin_pages
    ]
    leaks = []
    for name, url in cases:
        if name in TWO_FACTOR_PAGES | {"ping"} or name.split(":")[-1].startswith("oidc"):
            continue
        response = client.get(url)
        if response.status_code != 302 or not response["Location"].startswith(setup):
            leaks.append(f"GET {url}: {response.status_code} {response.get('Location', '')}")
        response = client.post(url, {})
        if response.status_code != 403:
            leaks.append(f"POST {url}: {response.status_code}, verwacht 403")
    assert len(cases) > 50
    assert not leaks, "\n".join(leaks)


# --- the admin ------------------------------------------------------------------------------


def admin_cases(world):
    mlw = world["mlw"]
    for model, _model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if label not in SV_LOOKUPS or label == "partijen.toegang":
            continue
        if model is Gemeente:
            rows = [world["weert"], world["nederweert"]]
        else:
            rows = [first_row(model, mlw)]
        for row in rows:
            gemeente = None
            if label in GEMEENTE_MODELS:
                gemeente_id = getattr(row, GEMEENTE_MODELS[label])
                gemeente = Gemeente.objects.get(pk=gemeente_id)
            yield model, label, row, gemeente


def admin_url(model, action, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{action}", args=args)


@pytest.mark.django_db
def test_every_admin_page_for_every_role(admin_for_every_role, world):
    leaks = []
    clients = {role: client_for(user) for role, user in world["users"].items()}
    cases = list(admin_cases(world))
    assert len({label for _, label, _, _ in cases}) >= 20
    listings = {}
    for model, label, row, gemeente in cases:
        change = admin_url(model, "change", row.pk)
        for role, client in clients.items():
            write = may_write(role, label, gemeente, world["weert"])
            response = client.get(change)
            body = response.content.decode() if response.status_code == 200 else ""
            if role in OUTSIDERS:
                if outcome(response.status_code) != DENY:
                    leaks.append(f"GET {change} als {role}: {response.status_code}")
                # One list per role and model serves each of its rows (two gemeenten).
                if (role, model) not in listings:
                    listing = client.get(admin_url(model, "changelist"))
                    listings[role, model] = listing.content.decode()
                if change in listings[role, model]:
                    leaks.append(f"{label}: lijst toont MLW-rij aan {role}")
                history = client.get(admin_url(model, "history", row.pk))
                if outcome(history.status_code) != DENY:
                    leaks.append(f"geschiedenis {label} als {role}: {history.status_code}")
            elif response.status_code != 200:
                leaks.append(f"GET {change} als {role}: {response.status_code}, verwacht 200")
            elif write != ('name="_save"' in body):
                leaks.append(f"GET {change} als {role}: opslaan={not write}, verwacht {write}")
            if not write:
                response = client.post(change, {})
                if outcome(response.status_code) != DENY:
                    leaks.append(f"POST {change} als {role}: {response.status_code}")
                delete = client.post(admin_url(model, "delete", row.pk), {"post": "yes"})
                if outcome(delete.status_code) != DENY:
                    leaks.append(f"verwijderen {label} als {role}: {delete.status_code}")
                if not model._base_manager.filter(pk=row.pk).exists():
                    leaks.append(f"{label} verwijderd door {role}")
    assert not leaks, "\n".join(leaks)


@pytest.mark.django_db
def test_official_cannot_move_a_budget_to_another_gemeente_in_the_admin(
    admin_for_every_role, world
):
    """The admin obeys the rules on save too: the Weert official's form cannot make a budget
    of Nederweert, even though both gemeenten are on the form's list."""
    from kosten.models import Budget

    client = client_for(world["users"]["ambtenaar Weert"])

    def add_budget(gemeente, bedrag):
        data = {"samenwerkingsverband": world["mlw"].pk, "gemeente": gemeente.pk}
        data.update(jaar=2030, bedrag=bedrag, omschrijving="")
        return client.post(admin_url(Budget, "add"), data)

    assert add_budget(world["nederweert"], "1").status_code == 403
    assert not Budget.objects.filter(jaar=2030).exists()
    assert add_budget(world["weert"], "900000").status_code == 302
    assert Budget.objects.get(jaar=2030).bedrag == Decimal("900000")


# --- two places, and every write ------------------------------------------------------------


def two_places_may_write(role: str, name: str, gemeente, world) -> bool:
    """What a user with two places may write through page ``name`` (of MLW, or of no
    samenwerkingsverband with the data below, which puts a new convenant in MLW)."""
    if name in NEW_ANYWHERE:
        return True
    if role == REGIE_ANDER_AMBTENAAR_WEERT:
        return name in GEMEENTE_PAGES and gemeente == world["weert"]
    return name in STUURGROEP_WRITES


class PostedForm(HTMLParser):
    """What a browser sends back for the page's own form (``method="post"`` to the page
    itself) as it is shown, with every required field that is empty filled in."""

    BLANK = {
        "date": "2027-01-15",
        "datetime-local": "2027-01-15T10:00",
        "number": "1",
        "email": "test@example.nl",
    }

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self.select = None
        self.textarea = None
        self.radios: dict[str, str] = {}

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("method", "").lower() == "post" and a.get("action", "") in (
                "",
                self.url,
            )
        if not self.inside or not a.get("name") and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "reset", "file", "image"):
                return
            if kind == "radio" and "required" in a:
                self.radios.setdefault(a["name"], a.get("value", "on"))
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.add(a["name"], a.get("value", "on"))
                return
            value = a.get("value") or ""
            if not value and "required" in a:
                value = self.BLANK.get(kind, "Test")
            self.add(a["name"], value)
        elif tag == "textarea":
            self.textarea = [a["name"], "", "required" in a]
        elif tag == "select":
            self.select = {"name": a["name"], "options": [], "chosen": [], "attrs": a}
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            self.select["options"].append(value)
            if "selected" in a:
                self.select["chosen"].append(value)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            name, text, required = self.textarea
            self.add(name, text.removeprefix("\n") or ("Test" if required else ""))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            select, self.select = self.select, None
            chosen = [value for value in select["chosen"] if value]
            if not chosen and "multiple" not in select["attrs"]:
                # Django marks the empty choice; a required select gets the first real one.
                real = [value for value in select["options"] if value]
                chosen = real[:1] if "required" in select["attrs"] else [""]
            for value in chosen:
                self.add(select["name"], value)
        elif tag == "form" and self.inside:
            self.inside = False
            for name, first in self.radios.items():
                self.data.setdefault(name, [first])  # a required choice: the first


def extra_data(name: str, world) -> dict:
    """What a user types or uploads on top of the form as shown, for the pages that need it."""
    mlw, weert = world["mlw"], world["weert"]
    data = {
        "convenant:convenant-create": {"samenwerkingsverband": str(mlw.pk), "status": "concept"},
        "convenant:samenwerkingsverband-create": {"afkorting": "NIEUW", "naam": "Nieuw verband"},
        "governance:gremium-series": {"jaar": "2027"},
        "governance:stuk-create": {"titel": "Notitie", "verwijzing": f"/{mlw.afkorting}/"},
        "governance:voorstel-create": {"titel": "Nieuw voorstel", "route_college": "on"},
        "governance:voorstel-route": {"orgaan": "raad", "gepland": "april/mei 2027"},
        "governance:procesplanning-create": {"naam": "Nieuwe planning", "jaar": "2027"},
        "programma:rapportage-create": {"peildatum": "2027-01-01", "periode": "nov-dec 2026"},
        "programma:budgetpost-create": {"bedrag": "1000"},
        "formatie:rol-create": {"schaal": "11", "leverende_gemeente": str(weert.pk)},
        "formatie:begrotingsjaar": {"percentage": "2", "bron": "CAO Gemeenten"},
        "formatie:pakket-create": {"naam": "Module 2", "verdeling": "gelijk"},
        "kosten:verdeelsleutel-create": {
            "vanaf_jaar": "2031",
            "methode": "vastgesteld",
            "aandelen-0-gemeente": str(weert.pk),
            "aandelen-0-percentage": "100",
        },
        "brieven:brief-create": {"gemeente": str(weert.pk)},
        "kosten:voorschotregeling-create": {"vanaf_jaar": "2031"},
    }.get(name, {})
    if name == "kosten:realisatie-import":
        data = {"bestand": ("kosten.csv", b"jaar;rol;bedrag\n2017;Contractmanagement;1\n")}
    if name == "werkboek:import":
        data = {"werkboek": ("formatie.xlsx", export_workbook(mlw)), "bevestiging": "on"}
    return data


# Where the world's data stops the regiegroep itself (a rule of the domain, not of access), so
# the page is refused before any form is valid: what it shows instead.
# (A new article goes into the first convenant, MLW's of 2014: signed, but known only by name,
# so its text may still be entered; tests/convenant refuses it for a signed convenant's text.)
REFUSED_BY_THE_DOMAIN = {
    "convenant:artikel-update": "Dit convenant is ondertekend",
    "programma:rapportage-create": "Er is al een concept-rapportage",
}
# The page that shows a create form needs a choice first (the letter: which gemeente).
FORM_QUERY = {"brieven:brief-create": "gemeente"}


def form_data(client, name: str, url: str, view, world) -> dict:
    data: dict = {}
    if hasattr(view, "get"):
        query = f"?{FORM_QUERY[name]}={world['weert'].pk}" if name in FORM_QUERY else ""
        response = client.get(url + query)
        assert response.status_code == 200, f"GET {url}: {response.status_code}"
        parser = PostedForm(url)
        parser.feed(response.content.decode())
        data = {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return data | extra_data(name, world)


def database_state() -> tuple:
    """Rows per table of every model and its history (every save of a row is recorded)."""
    from django.apps import apps

    tables = sorted(
        {
            model._meta.db_table
            for app in ("convenant", "formatie", "kosten", "governance", "programma", "auth")
            for model in apps.get_app_config(app).get_models(include_auto_created=True)
        }
    )
    quote = connection.ops.quote_name
    counts = ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        return cursor.fetchone()


def form_errors(response) -> str:
    """The errors a refused form shows (to say why valid-looking test data was not)."""
    context = response.context or {}
    forms = [context.get("form"), *context.get("formsets", {}).values()]
    errors = []
    for form in filter(None, forms):
        errors += [form.errors, *getattr(form, "non_form_errors", list)()]
    return "; ".join(str(e) for e in errors if e)


def post_and_undo(client, url: str, data: dict) -> tuple[int, bool, str]:
    """POST, then undo whatever it did: the status, whether anything changed, form errors."""
    payload = {
        key: SimpleUploadedFile(*value) if isinstance(value, tuple) else value
        for key, value in data.items()
    }
    with transaction.atomic():
        before = database_state()
        response = client.post(url, payload)
        changed = database_state() != before
        transaction.set_rollback(True)
    return response.status_code, changed, form_errors(response)


def write_cases(world):
    for name, url, values, gemeente, view in page_cases(world):
        if name in NOT_A_WRITE or view is None or issubclass(view, RedirectView):
            continue  # a redirect answers a POST too, and writes nothing
        if hasattr(view, "post"):
            yield name, url, values, gemeente, view


@pytest.mark.django_db
def test_every_write_for_users_with_two_places(world):
    problems = []
    regiegroep = client_for(world["users"]["regiegroep"])
    clients = {role: client_for(user) for role, user in world["two_places"].items()}
    names = set()
    for name, url, _values, gemeente, view in write_cases(world):
        names.add(name)
        data = form_data(regiegroep, name, url, view, world)
        # The data is valid: the regiegroep of MLW gets it saved (a redirect, nothing refused).
        status, _changed, errors = post_and_undo(regiegroep, url, data)
        if name in REFUSED_BY_THE_DOMAIN:
            if status != 200 or REFUSED_BY_THE_DOMAIN[name] not in errors:
                problems.append(f"POST {url} als regiegroep: {status}: {errors}")
        elif status != 302:
            problems.append(f"POST {url} als regiegroep: {status}, verwacht 302: {errors}")
        for role, client in clients.items():
            may = two_places_may_write(role, name, gemeente, world)
            if writes(view) and name not in NEW_ANYWHERE | {"convenant:convenant-create"}:
                shown = outcome(client.get(url).status_code)
                if shown != (ALLOW if may else DENY):
                    problems.append(
                        f"GET {url} als {role}: {shown}, verwacht {ALLOW if may else DENY}"
                    )
            status, changed, errors = post_and_undo(client, url, data)
            if may and status != 302:
                problems.append(f"POST {url} als {role}: {status}, verwacht 302: {errors}")
            if not may and (outcome(status) != DENY or changed):
                what = "en er veranderde iets" if changed else ""
                problems.append(f"POST {url} als {role}: {status} {what}, verwacht 403/404")
    assert len(names) >= 40, sorted(names)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_a_list_offers_new_only_to_who_may_add_there(world):
    """The "Nieuw" button of a list of MLW: only for who may add to MLW."""
    problems = []
    lists = [
        (name, view.create_url_name)
        for name, kwargs, view in url_patterns()
        if kwargs == {"afkorting"} and getattr(view, "create_url_name", "")
    ]
    assert len(lists) >= 4
    for role, user in world["two_places"].items():
        client = client_for(user)
        for name, create in lists:
            response = client.get(reverse(name, kwargs={"afkorting": MLW}))
            offered = 'class="button" href="' + reverse(create, kwargs={"afkorting": MLW})
            may = two_places_may_write(role, create, None, world)
            if (offered in response.content.decode()) != may:
                problems.append(f"{name} als {role}: knop Nieuw {'niet ' if may else ''}getoond")
    assert not problems, "\n".join(problems)


# --- gebruikersbeheer -----------------------------------------------------------------------

# Whom each manages (independently of gebruikers/rules.py): the beheerder everyone; a
# regiegroep the regiegroep and stuurgroep users of its own samenwerkingsverband only.
MANAGES = {
    "beheerder": None,  # everyone
    "regiegroep": {"m-regie", "m-stuur"},
    "regiegroep ander verband": {"m-regie-ander"},
    # A regiegroep of the other samenwerkingsverband who is also the official of Weert, or
    # also in MLW's stuurgroep: manages the other's regiegroep, not themselves (a place
    # outside it).
    REGIE_ANDER_AMBTENAAR_WEERT: {"m-regie-ander"},
    STUUR_MLW_REGIE_ANDER: {"m-regie-ander"},
}
# The pages every visitor opens without logging in (the links of the account mails).
ANONYMOUS_PAGES = {
    "gebruikers:uitnodiging",
    "gebruikers:wachtwoord-vergeten",
    "gebruikers:wachtwoord-vergeten-verstuurd",
    "gebruikers:wachtwoord-herstellen",
}


def gebruikersbeheer_pages():
    """(name, kwarg names, view) of gebruikersbeheer's pages."""
    return [row for row in url_patterns() if of_gebruikersbeheer(row[0])]


def user_state(user) -> tuple:
    user.refresh_from_db()
    toegang = Toegang.objects.get(gebruiker=user)
    return (
        user.is_active,
        user.first_name,
        user.email,
        sorted(user.groups.values_list("name", flat=True)),
        sorted(toegang.samenwerkingsverbanden.values_list("pk", flat=True)),
    )


@pytest.mark.django_db
def test_gebruikersbeheer_for_every_role(world):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    users = {**world["users"], **world["two_places"]}
    targets = {u.username: u for u in User.objects.filter(username__startswith="m-")}
    managed = {**MANAGES, "beheerder": set(targets)}
    pages = gebruikersbeheer_pages()
    assert len(pages) >= 10, pages
    leaks = []
    for name, kwargs, view in pages:
        if name in ANONYMOUS_PAGES:
            values = {"uidb64": "MQ", "token": "vals-token"} if kwargs else {}
            response = Client().get(reverse(name, kwargs=values))
            if response.status_code != 200:
                leaks.append(f"GET {name} zonder inloggen: {response.status_code}")
            continue
        for role, user in users.items():
            client = client_for(user)
            manages = managed.get(role, set())
            for target in sorted(targets) if kwargs else [None]:
                url = reverse(name, kwargs={"pk": targets[target].pk} if target else {})
                may = bool(manages) if target is None else target in manages
                if name == "gebruikers:gebruiker-deactiveren" and target == user.username:
                    may = False  # never oneself
                if name == "gebruikers:gebruiker-tweestaps-resetten" and role != "beheerder":
                    may = False  # the beheerder's alone
                if hasattr(view, "get"):
                    got = outcome(client.get(url).status_code)
                    if got != (ALLOW if may else DENY):
                        leaks.append(f"GET {url} als {role}: {got}")
                if target is not None and not may and hasattr(view, "post"):
                    before = user_state(targets[target])
                    forged = {"voornaam": "Gekaapt", "achternaam": "X", "email": "x@example.nl"}
                    forged |= {"rollen": REGIEGROEP, "samenwerkingsverbanden": world["other"].pk}
                    response = client.post(url, forged)
                    if outcome(response.status_code) != DENY:
                        leaks.append(f"POST {url} als {role}: {response.status_code}")
                    if user_state(targets[target]) != before:
                        leaks.append(f"POST {url} als {role} veranderde {target}")
        response = Client().get(reverse(name, kwargs={"pk": 1} if kwargs else {}))
        if response.status_code != 302 or "/inloggen/" not in response["Location"]:
            leaks.append(f"GET {name} zonder inloggen: {response.status_code}")
    # Each list shows exactly whom its reader manages.
    for role, user in users.items():
        manages = managed.get(role, set())
        response = client_for(user).get(reverse("gebruikers:gebruiker-list"))
        page = response.content.decode() if response.status_code == 200 else ""
        shown = {t for t, u in targets.items() if f"/gebruikers/{u.pk}/" in page}
        if shown != manages:
            leaks.append(f"lijst als {role}: {sorted(shown)}, verwacht {sorted(manages)}")
    assert not leaks, "\n".join(leaks)


# --- a scenario of MLW ------------------------------------------------------------------------

SCENARIO = "MATRIXSCN"


def scenario_cases(world, scenario):
    """(name, url, gemeente, view) of every page of the scenario: by its afkorting, with its
    first row of each kind (a page whose row the scenario has not, such as a meeting, is left
    out: the scenario has none)."""
    for name, kwargs, view in url_patterns():
        if "afkorting" not in kwargs or name in NOT_A_PAGE:
            continue
        values, gemeente = {"afkorting": scenario.afkorting}, None
        for kwarg in sorted(kwargs - {"afkorting"}):
            if kwarg == "jaar" and name.startswith("kosten:"):
                values[kwarg] = 2016  # kosten:jaarrekening: a scenario's page says it has none
                continue
            if kwarg == "jaar":
                break  # a scenario has no begrotingscyclus
            model = model_for(name, kwarg, view)
            row = world["weert"] if model is Gemeente else first_row(model, scenario)
            if row is None:
                break
            values[kwarg] = row.pk
            gemeente = row if model is Gemeente else gemeente
        else:
            yield name, reverse(name, kwargs=values), values, gemeente, view


@pytest.mark.django_db
def test_a_scenario_for_every_role(world):
    """Who reads and changes MLW reads and changes its scenario; nobody else reaches it, not
    even the official of a gemeente that only the scenario counts in; forged POSTs change
    nothing."""
    scenario = maak_scenario(world["mlw"], SCENARIO, "Matrixscenario")
    scenario.gemeenten.add(world["other"].gemeenten.get())  # "Roermond (test)"
    problems = []
    # The beheerder sees everything (test_every_page_for_every_role): not asked again here.
    users = world["users"]
    clients = {role: client_for(user) for role, user in users.items() if role != "beheerder"}
    regiegroep = clients["regiegroep"]
    cases = list(scenario_cases(world, scenario))
    assert len(cases) > 30
    for name, url, values, gemeente, view in cases:
        for role, client in clients.items():
            if role in OUTSIDERS:
                # 404: it does not exist for them (a form page may say 403 first: their role
                # changes no such rows anywhere).
                status = client.get(url).status_code if hasattr(view, "get") else 404
                if status != 404 and (not writes(view) or status != 403):
                    problems.append(f"GET {url} als {role}: {status}, verwacht 404")
                continue
            write = may_write(role, name, gemeente, world["weert"])
            expected = ALLOW if (write or not writes(view)) else DENY
            if hasattr(view, "get") and outcome(client.get(url).status_code) != expected:
                problems.append(f"GET {url} als {role}: verwacht {expected}")
        if view is None or not hasattr(view, "post") or name in NOT_A_WRITE:
            continue
        if issubclass(view, RedirectView):
            continue
        shown = regiegroep.get(url).status_code if hasattr(view, "get") else 405
        # A page a scenario has not (its letters) sends even the regiegroep away: its own data.
        data = form_data(regiegroep, name, url, view, world) if shown == 200 else {}
        data = data or extra_data(name, world)
        for role, client in clients.items():
            if role == "ambtenaar Weert" or may_write(role, name, gemeente, world["weert"]):
                continue  # the official forges as the stuurgroep does: asked once
            status, changed, _errors = post_and_undo(client, url, data)
            if outcome(status) != DENY or changed:
                problems.append(f"POST {url} als {role}: {status}, gewijzigd: {changed}")
            if role in OUTSIDERS and status != 404 and (not writes(view) or status != 403):
                problems.append(f"POST {url} als {role}: {status}, verwacht 404")
        # A row of the scenario behind the other samenwerkingsverband's address: never.
        if len(values) > 1:
            mixed = reverse(name, kwargs=dict(values, afkorting=OTHER))
            outsider = clients["regiegroep ander verband"]
            response = outsider.get(mixed) if hasattr(view, "get") else outsider.post(mixed)
            if outcome(response.status_code) != DENY:
                problems.append(f"{mixed} als regiegroep ander verband: {response.status_code}")
    assert not problems, "\n".join(problems)
