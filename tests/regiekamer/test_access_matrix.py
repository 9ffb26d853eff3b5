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
- whoever may not change something gets 403/404 on a POST, and nothing changes.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.views.generic import UpdateView

from convenant.models import (
    Convenant,
    Gemeente,
    Inwonertal,
    Raadsinformatiebrief,
    Samenwerkingsverband,
    Toegang,
)
from programma.voortgang import draft_report
from regiekamer.access import SV_LOOKUPS
from regiekamer.roles import BEHEERDER, GEMEENTE, REGIEGROEP, STUURGROEP
from tests.world import add_meeting_and_answer

MLW = "MLW"
OTHER = "ANDR"
# URL names whose model is not the name before "-…" (gremium-detail -> Gremium).
MODEL_ALIASES = {
    "plan": "programma.programmaplan",
    "rapportage": "programma.voortgangsrapportage",
    "brief": "convenant.raadsinformatiebrief",
}
# What the stuurgroep may change besides reading: it records decisions.
STUURGROEP_WRITES = {"governance:besluit-create", "governance.besluit"}
# What an official of a gemeente may change of that gemeente: page, or model with its gemeente.
GEMEENTE_PAGES = {"convenant:gemeente-update"}
GEMEENTE_MODELS = {"convenant.gemeente": "pk", "convenant.inwonertal": "gemeente_id"}
GEMEENTE_MODELS["kosten.budget"] = "gemeente_id"
NOT_A_PAGE = {"login", "logout"}

ALLOW, DENY = "toegestaan", "geweigerd"


# --- the pages ------------------------------------------------------------------------------


def url_patterns():
    """(name, kwarg names, view class) of every named page outside the admin."""

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
                view = getattr(pattern.callback, "view_class", None)
                yield name, names, view

    return sorted(walk(get_resolver().url_patterns, "", set()), key=lambda row: row[0])


def model_for(name: str, kwarg: str, view):
    from django.apps import apps

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


def writes(view) -> bool:
    """A page that only a user who may change something may open (a form, a confirmation)."""
    if view is None or not issubclass(view, PermissionRequiredMixin):
        return False
    required = view().get_permission_required()
    return not all(perm.split(".")[1].startswith("view_") for perm in required)


# --- the world ------------------------------------------------------------------------------


@pytest.fixture
def world(demo, django_user_model, media):
    """MLW with at least one row of every model, another samenwerkingsverband, and users."""
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
    Raadsinformatiebrief.objects.create(
        samenwerkingsverband=mlw, gemeente=weert, onderwerp="Kosten", tekst="Geachte raad,"
    )
    for label in SV_LOOKUPS:
        if label == "convenant.toegang":
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
    return {"mlw": mlw, "other": other, "weert": weert, "nederweert": nederweert, "users": users}


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
        if name in NOT_A_PAGE:
            continue
        variants = [{}]
        for kwarg in sorted(kwargs):
            if kwarg == "afkorting":
                values = [MLW]
            else:
                model = model_for(name, kwarg, view)
                if model is Gemeente:
                    values = [world["weert"].pk, world["nederweert"].pk]
                else:
                    row = rows_of(model, mlw).first()
                    assert row is not None, f"{name}: geen {model.__name__} in MLW"
                    values = [row.pk]
            variants = [dict(v, **{kwarg: value}) for v in variants for value in values]
        for values in variants:
            gemeente = None
            for kwarg, value in values.items():
                if kwarg != "afkorting" and model_for(name, kwarg, view) is Gemeente:
                    gemeente = Gemeente.objects.get(pk=value)
            yield name, reverse(name, kwargs=values), values, gemeente, view


@pytest.mark.django_db
def test_every_page_for_every_role(world):
    leaks = []
    checked = 0
    clients = {role: client_for(user) for role, user in world["users"].items()}
    for name, url, values, gemeente, view in page_cases(world):
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
    for _name, url, *_ in page_cases(world):
        response = anonymous.get(url)
        if response.status_code != 302 or "/inloggen/" not in response["Location"]:
            leaks.append(f"GET {url} zonder inloggen: {response.status_code}")
    assert checked > 500
    assert not leaks, "\n".join(leaks)


# --- the admin ------------------------------------------------------------------------------


def admin_cases(world):
    mlw = world["mlw"]
    for model, _model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if label not in SV_LOOKUPS or label == "convenant.toegang":
            continue
        if model is Gemeente:
            rows = [world["weert"], world["nederweert"]]
        else:
            rows = [rows_of(model, mlw).first()]
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
def test_every_admin_page_for_every_role(world):
    leaks = []
    clients = {role: client_for(user) for role, user in world["users"].items()}
    cases = list(admin_cases(world))
    assert len({label for _, label, _, _ in cases}) >= 20
    for model, label, row, gemeente in cases:
        change = admin_url(model, "change", row.pk)
        for role, client in clients.items():
            write = may_write(role, label, gemeente, world["weert"])
            response = client.get(change)
            body = response.content.decode() if response.status_code == 200 else ""
            if role in OUTSIDERS:
                if outcome(response.status_code) != DENY:
                    leaks.append(f"GET {change} als {role}: {response.status_code}")
                listing = client.get(admin_url(model, "changelist"))
                if change in listing.content.decode():
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
def test_official_cannot_move_a_budget_to_another_gemeente_in_the_admin(world):
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
