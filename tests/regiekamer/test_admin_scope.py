"""The admin shows nothing of another samenwerkingsverband (issue 14, point 4).

A second samenwerkingsverband NML (gemeente Venlo, rows in every model, Weert shared with MLW)
stands next to the MLW demo; the regiegroep of MLW (the demo user "regie") works in the admin,
opened to every role for these tests (fixture ``admin_for_every_role``): the admin's second
wall. The changelists, filters and autocomplete fields come from the admin registry and the
models, so a new model or filter is checked without anyone adding it here.
"""

import html
import io
import json
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory, override_settings
from django.urls import resolve, reverse

from begroting.models import Begrotingscyclus, Zienswijze
from brieven.models import Raadsinformatiebrief
from convenant.models import Convenant, Ondertekenaar
from demo.management.commands.laad_demo import Command
from formatie.models import Pakket, Pakketdeelname, Rol, Uurtarief
from governance.constants import Orgaan
from governance.models import Behandeling, Besluit, Procesplanning, Processtap, Voorstel
from kosten.models import Realisatie, Voorschotregeling
from ontwikkeling.schaal import Schaalgenerator
from partijen.models import Domein, Gemeente, Samenwerkingsverband, Toegang
from programma.models import Opdracht
from regiekamer import access
from regiekamer import admin as base
from regiekamer.declarations import SV_LOOKUPS
from regiekamer.roles import REGIEGROEP
from tests.regiekamer.test_access_matrix import rows_of
from tests.shared_transaction import shared_transaction
from tests.world import add_meeting_and_answer

# The admin's own row checks, for the roles that see only part of the rows (the admin itself
# answers only the beheerder by default: test_only_the_beheerder_enters_the_admin).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("admin_for_every_role")]

NML = "Noord- en Midden-Limburg"


def build_world() -> dict[str, int]:
    """The MLW demo with its users, and NML: the scale generator's whole samenwerkingsverband,
    renamed, with the rows it lacks; Weert takes part in both. Returns the rows' primary keys."""
    Command(stdout=io.StringIO()).create_demo_users()
    mlw = Samenwerkingsverband.objects.get(afkorting="MLW")
    add_meeting_and_answer(mlw)
    Schaalgenerator(0.001).generate()
    nml = Samenwerkingsverband.objects.echt().exclude(pk=mlw.pk).get()
    Samenwerkingsverband.objects.filter(pk=nml.pk).update(naam=NML, afkorting="NML")
    venlo = nml.gemeenten.order_by("pk").first()
    Gemeente.objects.filter(pk=venlo.pk).update(naam="Venlo")
    nml.refresh_from_db()
    weert = Gemeente.objects.get(naam="Weert")
    nml.gemeenten.add(weert)
    add_meeting_and_answer(nml)
    Raadsinformatiebrief.objects.create(
        samenwerkingsverband=nml, gemeente=venlo, onderwerp="Kosten NML", tekst="Geachte raad,"
    )
    pakket = Pakket.objects.create(samenwerkingsverband=nml, naam="Module NML", verdeling="gelijk")
    Pakketdeelname.objects.create(pakket=pakket, gemeente=venlo)
    if not Uurtarief.objects.filter(rol__samenwerkingsverband=nml).exists():
        rol = Rol.objects.filter(samenwerkingsverband=nml).first()
        Uurtarief.objects.create(rol=rol, jaar=2099, uurtarief=Decimal("95"))
    rol = Rol.objects.filter(samenwerkingsverband=nml).first()
    Realisatie.objects.create(samenwerkingsverband=nml, rol=rol, jaar=2099, bedrag=Decimal("1"))
    Voorschotregeling.objects.create(samenwerkingsverband=nml, vanaf_jaar=2099)
    cyclus = Begrotingscyclus.objects.create(samenwerkingsverband=nml, jaar=2099)
    Zienswijze.objects.create(cyclus=cyclus, gemeente=venlo)
    voorstel = Voorstel.objects.create(samenwerkingsverband=nml, titel="Voorstel NML")
    Behandeling.objects.create(voorstel=voorstel, gemeente=venlo, orgaan=Orgaan.COLLEGE)
    planning = Procesplanning.objects.create(
        samenwerkingsverband=nml, naam="Planning NML", jaar=2099
    )
    Processtap.objects.create(planning=planning, fase="Besluit", stap="Collegebesluit")
    for label in SV_LOOKUPS:
        if label != "partijen.toegang":
            assert rows_of(apps.get_model(label), nml).exists(), f"geen {label} in NML: maak er een"
    nml_regie = get_user_model().objects.create_user(username="nml-regie")
    nml_regie.groups.add(Group.objects.get(name=REGIEGROEP))
    Toegang.objects.create(gebruiker=nml_regie).samenwerkingsverbanden.set([nml])
    regie = get_user_model().objects.get(username="regie")
    assert not regie.is_staff and access.member_sv_ids(regie) == {mlw.pk}
    return {"mlw": mlw.pk, "nml": nml.pk, "weert": weert.pk, "regie": regie.pk}


@pytest.fixture(scope="module")
def built_world(_demo_transaction, django_db_blocker, tmp_path_factory):
    """The world, built once for this file on the demo of the test process, in a savepoint that
    is rolled back after the file's last test (each test rolls back its own changes, as every
    database test does). Also what NML has that the MLW regiegroep may not see (``hidden``),
    read once from the world as built."""
    _demo_transaction.open()
    with (
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        shared_transaction(django_db_blocker),
    ):
        pks = build_world()
        regie = get_user_model().objects.get(pk=pks["regie"])
        nml = Samenwerkingsverband.objects.get(pk=pks["nml"])
        pks["hidden"] = hidden(regie, nml)
        pks["all_hidden"] = all_hidden(pks["hidden"])
        yield pks


@pytest.fixture
def world(built_world, demo):
    """The world's rows, read afresh for each test (a test may change them; its changes are
    rolled back)."""
    users = get_user_model().objects
    return {
        "mlw": Samenwerkingsverband.objects.get(pk=built_world["mlw"]),
        "nml": Samenwerkingsverband.objects.get(pk=built_world["nml"]),
        "weert": Gemeente.objects.get(pk=built_world["weert"]),
        "regie": users.get(pk=built_world["regie"]),
        "nml_regie": users.get(username="nml-regie"),
        "hidden": built_world["hidden"],
        "all_hidden": built_world["all_hidden"],
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def hidden(user, nml) -> dict[type, set[str]]:
    """Per model, the names of NML's rows that the user may not see (a name that a visible row
    also has, such as an agendapunt "1. Begroting", is not NML's alone)."""
    names = {}
    for label in SV_LOOKUPS:
        model = apps.get_model(label)
        seen = {str(row) for row in access.scope(user, model._default_manager.all())}
        names[model] = {str(row) for row in rows_of(model, nml)} - seen
    return names


def all_hidden(names: dict[type, set[str]]) -> set[str]:
    """NML's names (``hidden``), less the labels of fixed choices (a gremium named
    "Stuurgroep")."""
    labels = {
        str(label)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        for _value, label in getattr(field, "flatchoices", ())
    }
    return set().union(*names.values()) - labels


def registered(user):
    """(model, its admin) of every admin page the user may open."""
    request = type("Request", (), {"user": user})()
    for model, model_admin in admin.site._registry.items():
        if model_admin.has_view_permission(request):
            yield model, model_admin


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def sidebar(page: str) -> list[str]:
    """The choices in a changelist's filter sidebar, as the user reads them."""
    match = re.search(r'id="changelist-filter".*?</nav>', page, re.S)
    if not match:
        return []
    return [html.unescape(text).strip() for text in re.findall(r"<a [^>]*>(.*?)</a>", match[0])]


def sidebar_leaks(world) -> tuple[list[str], int]:
    """What the filter sidebars and date hierarchies show of NML to the MLW regiegroep."""
    regie, forbidden = world["regie"], world["all_hidden"]
    client = client_for(regie)
    leaks, choices = [], 0
    for model, model_admin in registered(regie):
        response = client.get(changelist(model))
        assert response.status_code == 200, f"{model._meta.label}: {response.status_code}"
        page = response.content.decode()
        shown = sidebar(page)
        choices += len(shown)
        leaks += [f"{model._meta.label}: filter toont {name!r}" for name in forbidden & set(shown)]
        if model_admin.date_hierarchy:
            field = model_admin.date_hierarchy
            years = {
                getattr(row, field).year
                for row in model_admin.get_queryset(response.wsgi_request)
                if getattr(row, field)
            }
            for year in re.findall(rf"{field}__year=(\d+)", page):
                if int(year) not in years:
                    leaks.append(f"{model._meta.label}: datumhiërarchie toont {year}")
    return leaks, choices


def test_the_filter_sidebars_show_nothing_of_another_samenwerkingsverband(world):
    leaks, choices = sidebar_leaks(world)
    assert choices > 50  # the sidebars were read: MLW's own choices are there
    assert not leaks, "\n".join(leaks)


def test_the_sidebar_check_catches_a_filter_that_is_not_scoped(world, monkeypatch):
    """The check above is not blind: with Django's own filters back, it finds NML."""
    monkeypatch.setattr(base.ModelAdmin, "get_list_filter", admin.ModelAdmin.get_list_filter)
    leaks, _ = sidebar_leaks(world)
    assert any(NML in leak for leak in leaks)
    assert any("'Venlo'" in leak for leak in leaks)


def relation_filters(model_admin):
    """(path, related model) of every filter on a relation in the admin's list_filter."""
    for item in model_admin.list_filter:
        path = item[0] if isinstance(item, (list, tuple)) else item
        if not isinstance(path, str):
            continue
        field = get_fields_from_path(model_admin.model, path)[-1]
        if field.is_relation and field.related_model._meta.label_lower in SV_LOOKUPS:
            yield path, field.related_model


def test_a_filter_on_a_row_of_another_samenwerkingsverband_gives_an_empty_list(world):
    regie, nml, forbidden = world["regie"], world["nml"], world["all_hidden"]
    client = client_for(regie)
    leaks, checked = [], 0
    for model, model_admin in registered(regie):
        for path, related in relation_filters(model_admin):
            visible = access.scope(regie, related._default_manager.all())
            foreign = rows_of(related, nml).exclude(pk__in=visible.values("pk")).first()
            if foreign is None:
                continue
            url = f"{changelist(model)}?{path}__{related._meta.pk.name}__exact={foreign.pk}"
            response = client.get(url)
            checked += 1
            if response.status_code != 200:
                leaks.append(f"{url}: {response.status_code}")
                continue
            if response.context["cl"].result_count:
                leaks.append(f"{url}: {response.context['cl'].result_count} rijen")
            shown = set(sidebar(response.content.decode()))
            leaks += [f"{url}: filter toont {name!r}" for name in forbidden & shown]
    assert checked >= 10
    assert not leaks, "\n".join(leaks)


def test_a_shared_row_cannot_be_used_to_ask_about_another_samenwerkingsverband(world):
    """Weert takes part in NML too: the gemeente list must not answer questions about the
    samenwerkingsverbanden of Weert that the user may not see."""
    client = client_for(world["regie"])
    url = changelist(Gemeente)
    for query in [
        f"samenwerkingsverbanden__id__exact={world['nml'].pk}",
        "samenwerkingsverbanden__naam__startswith=Noord",
        "samenwerkingsverbanden__afkorting=NML",
    ]:
        response = client.get(f"{url}?{query}")
        assert response.status_code in (200, 400), query
        assert "Weert" not in response.content.decode(), query


def autocomplete_fields():
    """(source model, field name, target model) of every relation the admin's autocomplete
    answers for: any relation to a registered model with search fields."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.auto_created:
                continue  # reverse relations: Django's autocomplete does not take them
            target = field.related_model
            model_admin = admin.site._registry.get(target)
            if model_admin is not None and model_admin.search_fields:
                yield model, field.name, target


def autocomplete_as(user):
    """The admin's autocomplete view, as the URL configuration routes ``/admin/autocomplete/``,
    asked as ``user`` without the test client: one user object for every question, so its
    permissions and places are read once (as within one request), not once per question.
    Returns the answer, or None when the view refuses (403)."""
    url = reverse("admin:autocomplete")
    view = resolve(url).func
    factory = RequestFactory()

    def ask(params: dict):
        request = factory.get(url, params)
        request.user = user
        try:
            return view(request)
        except PermissionDenied:
            return None

    return ask


def test_autocomplete_shows_nothing_of_another_samenwerkingsverband(world):
    regie, names = world["regie"], world["hidden"]
    ask = autocomplete_as(get_user_model().objects.get(pk=regie.pk))
    leaks, answered, visible = [], 0, {}
    for model, field_name, target in autocomplete_fields():
        if target not in visible:
            rows = access.scope(regie, target.objects.all())
            visible[target] = {str(pk) for pk in rows.values_list("pk", flat=True)}
        for term in ["", "Venlo", "Noord", "Test"]:
            response = ask(
                {
                    "app_label": model._meta.app_label,
                    "model_name": model._meta.model_name,
                    "field_name": field_name,
                    "term": term,
                },
            )
            if response is None or response.status_code != 200:
                continue
            answered += 1
            for result in json.loads(response.content)["results"]:
                if result["id"] not in visible[target] or result["text"] in names.get(target, ()):
                    leaks.append(f"{model._meta.label}.{field_name} ?term={term}: {result}")
    assert answered >= 20
    assert not leaks, "\n".join(leaks)


def test_autocomplete_on_a_reverse_relation_is_refused_not_a_server_error(world):
    client = client_for(world["regie"])
    client.raise_request_exception = False
    reverse_names = [
        (model, field.name)
        for model in admin.site._registry
        for field in model._meta.get_fields()
        if field.is_relation and not field.concrete
    ]
    assert reverse_names
    for model, name in reverse_names:
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": model._meta.app_label,
                "model_name": model._meta.model_name,
                "field_name": name,
                "term": "",
            },
        )
        assert response.status_code == 403, (model, name, response.status_code)


def test_a_raw_id_field_does_not_name_a_row_of_another_samenwerkingsverband(world):
    foreign = rows_of(Opdracht, world["nml"]).first()
    mlw_opdracht = rows_of(Opdracht, world["mlw"]).first()
    client = client_for(world["regie"])
    add = reverse("admin:programma_opdracht_add")
    page = client.get(f"{add}?hoofdopdracht={foreign.pk}").content.decode()
    assert str(foreign) not in page
    assert reverse("admin:programma_opdracht_change", args=[foreign.pk]) not in page
    # The label of a row the user may see is still shown.
    page = client.get(f"{add}?hoofdopdracht={mlw_opdracht.pk}").content.decode()
    assert html.escape(str(mlw_opdracht)) in page


def test_view_on_site_answers_404_for_a_row_of_another_samenwerkingsverband(world):
    client = client_for(world["regie"])
    checked = 0
    for model, _model_admin in registered(world["regie"]):
        if model._meta.label_lower not in SV_LOOKUPS:
            continue
        if not hasattr(model, "get_absolute_url"):
            continue
        content_type = ContentType.objects.get_for_model(model)
        foreign = rows_of(model, world["nml"]).exclude(
            pk__in=access.scope(world["regie"], model.objects.all()).values("pk")
        )
        for row in [foreign.first()]:
            if row is None:
                continue
            url = reverse("admin:view_on_site", args=[content_type.pk, row.pk])
            response = client.get(url)
            checked += 1
            assert response.status_code == 404, f"{url} ({model._meta.label}): {response}"
        own = rows_of(model, world["mlw"]).first()
        if own is not None:
            response = client.get(reverse("admin:view_on_site", args=[content_type.pk, own.pk]))
            assert response.status_code == 302, model._meta.label
    assert checked >= 8
    assert client.get("/admin/r/abc/1/").status_code == 404
    assert client.get("/admin/r/99999999999999999999/1/").status_code == 404


def test_the_history_of_a_row_of_another_samenwerkingsverband_is_not_found(world):
    client = client_for(world["regie"])
    besluit = rows_of(Besluit, world["nml"]).last()  # made with history, not in bulk
    tekst = besluit.tekst
    history = reverse("admin:governance_besluit_history", args=[besluit.pk])
    assert client.get(history).status_code == 404
    version = besluit.history.first()
    form = reverse("admin:governance_besluit_simple_history", args=[besluit.pk, version.pk])
    assert client.get(form).status_code == 404
    # Deleted, the row no longer says where it belonged: its history is the beheerder's.
    besluit.delete()
    for url in (history, form):
        response = client.get(url)
        assert response.status_code == 404, url
        assert tekst[:30] not in response.content.decode()
        response = client.post(url, {})
        assert response.status_code == 404, url
    assert not Besluit.objects.filter(pk=besluit.pk).exists()
    beheer = client_for(get_user_model().objects.get(username="beheer"))
    assert beheer.get(history).status_code == 200
    # The regiegroep still reads the history of its own rows.
    own = rows_of(Besluit, world["mlw"]).first()
    own_history = reverse("admin:governance_besluit_history", args=[own.pk])
    assert client.get(own_history).status_code == 200


def test_the_recent_actions_show_only_the_users_own(world):
    """The admin index lists the user's own actions: what the regiegroep of NML did in the
    admin does not appear for the regiegroep of MLW."""
    rol = rows_of(apps.get_model("formatie.rol"), world["nml"]).first()
    LogEntry.objects.log_actions(world["nml_regie"].pk, [rol], CHANGE, change_message="")
    assert str(rol) in client_for(world["nml_regie"]).get(reverse("admin:index")).content.decode()
    page = client_for(world["regie"]).get(reverse("admin:index")).content.decode()
    assert str(rol) not in page
    assert not world["all_hidden"] & set(re.findall(r">([^<>]+)<", page))


def test_only_the_beheerder_changes_a_domein(world):
    domein = Domein.objects.create(naam="Testdomein")
    add = reverse("admin:partijen_domein_add")
    change = reverse("admin:partijen_domein_change", args=[domein.pk])
    delete = reverse("admin:partijen_domein_delete", args=[domein.pk])
    for username in ["regie", "stuur", "weert"]:
        client = client_for(get_user_model().objects.get(username=username))
        assert client.get(changelist(Domein)).status_code == 200, username  # reading: yes
        page = client.get(change).content.decode()
        assert 'name="_save"' not in page, username
        assert client.get(add).status_code == 403, username
        assert client.post(add, {"naam": "Schuldhulp"}).status_code == 403, username
        response = client.post(change, {"naam": "Gehackt", "versie": domein.versie})
        assert response.status_code == 403, username
        assert client.post(delete, {"post": "yes"}).status_code == 403, username
        domein.refresh_from_db()
        assert domein.naam == "Testdomein", username
        assert not Domein.objects.filter(naam="Schuldhulp").exists()
        user = get_user_model().objects.get(username=username)
        assert not access.can(user, "change", domein)
        assert not access.can(user, "add", None, Domein)
    beheer = client_for(get_user_model().objects.get(username="beheer"))
    response = beheer.post(change, {"naam": "Participatie", "versie": domein.versie})
    assert response.status_code == 302
    domein.refresh_from_db()
    assert domein.naam == "Participatie"


def test_a_delete_does_not_name_nor_take_rows_of_another_samenwerkingsverband(world):
    """Weert takes part in NML too, and signed NML's convenant: the regiegroep of MLW may not
    see what deleting Weert would touch, nor delete it."""
    convenant = rows_of(Convenant, world["nml"]).first()
    ondertekenaar = Ondertekenaar.objects.create(
        convenant=convenant, gemeente=world["weert"], naam="Burgemeester Geheim-NML"
    )
    client = client_for(world["regie"])
    delete = reverse("admin:partijen_gemeente_delete", args=[world["weert"].pk])
    page = client.get(delete).content.decode()
    assert str(ondertekenaar) not in page
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Gemeente.objects.filter(pk=world["weert"].pk).exists()
    # A delete that stays within MLW is still offered with what it takes along.
    rol = rows_of(apps.get_model("formatie.rol"), world["mlw"]).first()
    page = client.get(reverse("admin:formatie_rol_delete", args=[rol.pk])).content.decode()
    assert 'name="post"' in page


def test_a_row_saved_meanwhile_by_someone_else_is_a_dutch_message_in_the_admin(world, monkeypatch):
    """Two beheerders add the same domein at once: the second form was valid when checked,
    the other's row is stored before its save. No server error: the form comes back with the
    clash named, and only the other's row exists."""
    beheerder = get_user_model().objects.get(username="beheer")
    client = client_for(beheerder)
    client.raise_request_exception = False
    save_model = base.ModelAdmin.save_model

    def someone_else_first(model_admin, request, obj, form, change):
        type(obj)._base_manager.bulk_create([type(obj)(naam=obj.naam)])
        save_model(model_admin, request, obj, form, change)

    monkeypatch.setattr(base.ModelAdmin, "save_model", someone_else_first)
    response = client.post(reverse("admin:partijen_domein_add"), {"naam": "Schuldhulp"})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "iemand anders heeft tegelijk hetzelfde opgeslagen" in page
    assert "Er bestaat al een Domein met eenzelfde Naam." in page
    assert Domein.objects.filter(naam="Schuldhulp").count() == 1
