"""Malformed addresses on every page: never a server error (issue 14, point 8).

The pages come from the URL configuration and the admin registry, as in the access matrix, so a
new page, parameter, filter or model is fuzzed without anyone adding it here:
- every page gets, in each parameter it reads (recorded while it renders), values that are not
  numbers, beyond the database's integers, floats with an exponent; and a number beyond the
  database's integers in each number of its path;
- every filter of every list page gets each of those values on its own (one bad filter value
  makes the whole filter form invalid, which would hide the others);
- a NUL byte anywhere in an address is the Dutch 400 page (PostgreSQL refuses NUL in text);
- every admin list gets numbers beyond the database's integers in its relation filters, and
  junk in its dates, ordering and page number;
- a create that runs into a unique constraint (the same row saved meanwhile by someone else)
  returns the form with the Dutch message of the clash, and saves nothing.
"""

import copy
import html
from contextlib import contextmanager

import pytest
from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.db import transaction
from django.db.models import DateField, ForeignKey
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from hypothesis import given
from hypothesis import strategies as st

from formatie.models import Rol
from governance.models import Agendapunt, Gremium, Vergadering
from regiekamer.views import FormsetMixin
from tests.fuzz import FUZZ, HUGE, QUERY_JUNK, ReadParameters, error_messages, server_errors
from tests.regiekamer.test_access_matrix import (
    admin_cases,
    admin_url,
    page_cases,
    url_patterns,
    world,
)

__all__ = ["world"]

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(world):
    client = Client(raise_request_exception=False)
    client.force_login(world["users"]["beheerder"])
    return client


def test_every_page_with_junk_in_what_it_reads(world, beheerder, monkeypatch):
    errors, reading = [], set()
    read = ReadParameters(monkeypatch)
    for name, url, values, _gemeente, _view in page_cases(world):
        names, errors_of_page = read.of(beheerder, url)
        errors += errors_of_page
        reading |= {name} if names else set()
        for junk in QUERY_JUNK if names else []:
            errors += server_errors(beheerder, url, dict.fromkeys(names, junk))
        numbers = {k for k, v in values.items() if isinstance(v, int)}
        if numbers:
            beyond = reverse(name, kwargs=values | dict.fromkeys(numbers, int(HUGE)))
            errors += server_errors(beheerder, beyond)
    assert len(reading) >= 20, "de pagina's lezen hun parameters niet meer via request.GET"
    assert not errors, "\n".join(errors)


def list_pages(world):
    """(url, view) of every page with a FilterSet."""
    for _name, url, _values, _gemeente, view in page_cases(world):
        if getattr(view, "filterset_class", None) is not None:
            yield url, view


def test_every_filter_with_junk_on_its_own(world):
    """Each filter of each list page, straight through the page's FilterSet (nothing to render)."""
    user = world["users"]["beheerder"]
    errors, checked = [], 0
    for url, view in list_pages(world):
        for name in view.filterset_class.base_filters:
            for junk in QUERY_JUNK:
                request = RequestFactory().get(url, {name: junk})
                request.user = user
                page = view(request=request, kwargs=resolve(url).kwargs, args=())
                filterset = page.get_filterset(page.get_filterset_class())
                checked += 1
                try:
                    with transaction.atomic():
                        if filterset.is_valid():
                            list(filterset.qs[:1])
                except Exception as error:  # noqa: BLE001 - any error is the finding
                    errors.append(f"{url}?{name}={junk}: {type(error).__name__}: {error}")
    assert checked > 100
    assert not errors, "\n".join(errors)


# --- NUL bytes -----------------------------------------------------------------------------


def addresses():
    """Every page's address with made-up values (the middleware answers before any view)."""
    values = {"afkorting": "MLW"}
    for name, kwargs, _view in url_patterns():
        yield reverse(name, kwargs={k: values.get(k, 1) for k in kwargs})


@pytest.fixture(scope="module")
def every_address():
    return sorted(set(addresses()))


NUL_PLACES = st.sampled_from(["path", "value", "name"])


@FUZZ
@given(data=st.data())
def test_a_nul_byte_anywhere_in_an_address(regie_client, every_address, data):
    url = data.draw(st.sampled_from(every_address))
    place = data.draw(NUL_PLACES)
    junk = data.draw(st.text(max_size=5)).join(["", "\x00"]) + data.draw(st.text(max_size=5))
    params = {}
    if place == "path":
        cut = data.draw(st.integers(1, len(url)))
        url = url[:cut] + junk.replace("/", "") + url[cut:]
    elif place == "value":
        params = {data.draw(st.sampled_from(["q", "oud", "jaar", "page", "sort"])): junk}
    else:
        params = {junk: "1"}
    regie_client.raise_request_exception = False
    response = regie_client.get(url.replace("\x00", "%00"), params)
    assert response.status_code == 400, (url, params)
    assert "Het adres bevat een ongeldig teken (NUL)." in response.content.decode()


# --- the admin -----------------------------------------------------------------------------


def admin_filters(model) -> tuple[list[str], list[str]]:
    """The changelist's filters that take a number (relations and list filters), and its dates."""
    numbers, dates = [], []
    for field in model._meta.get_fields():
        if isinstance(field, ForeignKey) or field.many_to_many and field.concrete:
            numbers.append(f"{field.name}__exact")
        elif isinstance(field, DateField):
            dates += [f"{field.name}__gte", f"{field.name}__lt"]
    for path in admin.site._registry[model].list_filter:
        if isinstance(path, str):
            relation = get_fields_from_path(model, path)[-1].is_relation
            numbers.append(f"{path}__id__exact" if relation else path)
    return numbers, dates


def test_every_admin_list_with_junk_filters(world, beheerder):
    """Numbers beyond the database's integers reach the database (Django checks a filter value
    only against its field): a wrong filter (``?e=1``), an empty list or a refused lookup (400),
    never a server error."""
    errors = []
    models = sorted({model for model, *_ in admin_cases(world)}, key=str)
    for model in models:
        url = admin_url(model, "changelist")
        numbers, dates = admin_filters(model)
        for params in (
            dict.fromkeys(numbers, HUGE),
            dict.fromkeys(numbers, "-" + HUGE),
            dict.fromkeys(dates, "2024-13-45") | {"o": "abc.-x", "p": HUGE, "q": HUGE},
        ):
            response = beheerder.get(url, params)
            # 400: a lookup the admin does not offer (regiekamer/admin.py lookup_allowed).
            if response.status_code not in (200, 302, 400):
                errors.append(f"GET {url} {params}: {response.status_code}")
    assert len(models) >= 20
    assert not errors, "\n".join(errors)


# --- two people creating the same thing at once -----------------------------------------------


@contextmanager
def created_meanwhile(monkeypatch):
    """The row a form is about to save is saved first by someone else: once the form is found
    valid, before its save, a copy of its row is stored (outside the save's own savepoint, as
    another request's commit would be)."""
    copies = []
    prepare_formsets = FormsetMixin.prepare_formsets

    def someone_else_first(view, form, formsets):
        model = form.instance._meta.model
        copies.extend(model._base_manager.bulk_create([copy.copy(form.instance)]))
        prepare_formsets(view, form, formsets)

    monkeypatch.setattr(FormsetMixin, "prepare_formsets", someone_else_first)
    yield copies


def new_meeting(gremium):
    data = {
        "gremium": gremium.pk,
        "begin": "2026-12-08T10:00",
        "eind": "2026-12-08T12:00",
        "status": "gepland",
        "agendapunten-TOTAL_FORMS": "1",
        "agendapunten-INITIAL_FORMS": "0",
        "agendapunten-0-volgorde": "1",
        "agendapunten-0-titel": "Gelijktijdig opgeslagen",
        "agendapunten-0-soort": "bespreking",
    }
    return "governance:vergadering-create", data


def new_rol(gremium):
    data = {"naam": "Projectleider", "volgorde": 9, "kostensoort": "schaal", "schaal": 11}
    return "formatie:rol-create", data | {"uren_per_fte_per_maand": "156"}


@pytest.mark.parametrize(
    "model, form, message",
    [
        (Rol, new_rol, "Er is al een rol met deze naam."),
        (Vergadering, new_meeting, "Dit gremium vergadert op dit moment al."),
    ],
)
def test_a_unique_row_saved_meanwhile_by_someone_else(
    demo, regie_client, monkeypatch, model, form, message
):
    gremium = Gremium.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    name, data = form(gremium)
    before = model.objects.count()
    regie_client.raise_request_exception = False
    with created_meanwhile(monkeypatch) as copies:
        response = regie_client.post(reverse(name, args=["MLW"]), data)
    assert copies, error_messages(response)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert message in page, error_messages(response)
    assert "iemand anders heeft tegelijk hetzelfde opgeslagen" in page
    assert model.objects.count() == before + 1  # only the other person's row
    assert not Agendapunt.objects.filter(titel="Gelijktijdig opgeslagen").exists()
