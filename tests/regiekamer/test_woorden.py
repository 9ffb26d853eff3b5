"""Words a user reads (issue 15): titles that name the object, "Uiterste datum", no internal
words (seed, raw values) on the demo's pages."""

import html
import re
from collections import deque
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from convenant.models import Convenant
from governance.models import Actiepunt, Gremium, Vergadering
from programma.models import Programmaplan
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db


def h1(page: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split()) if found else ""


def title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page, flags=re.S)
    return " ".join(found.group(1).split()) if found else ""


def a_vergadering() -> Vergadering:
    gremium = Gremium.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    return Vergadering.objects.create(gremium=gremium, begin=datetime(2027, 6, 1, 14, tzinfo=UTC))


def create_pages():
    plan = Programmaplan.objects.get(samenwerkingsverband__afkorting="MLW")
    vergadering = a_vergadering()
    convenant = Convenant.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    mlw = {"afkorting": "MLW"}
    return [
        (reverse("governance:vergadering-create", kwargs=mlw), "Nieuwe vergadering"),
        (reverse("governance:besluit-create", kwargs=mlw), "Nieuw besluit"),
        (reverse("governance:actiepunt-create", kwargs=mlw), "Nieuw actiepunt"),
        (reverse("governance:knelpunt-create", kwargs=mlw), "Nieuw knelpunt"),
        (
            reverse("governance:stuk-create", kwargs=mlw | {"vergadering_pk": vergadering.pk}),
            "Nieuw stuk",
        ),
        (reverse("formatie:rol-create", kwargs=mlw), "Nieuwe rol"),
        (reverse("kosten:verdeelsleutel-create", kwargs=mlw), "Nieuwe verdeelsleutel"),
        (reverse("programma:budgetpost-create", args=["MLW", plan.pk]), "Nieuwe budgetpost"),
        (reverse("gemeenten:gemeente-create"), "Nieuwe gemeente"),
        (reverse("convenant:samenwerkingsverband-create"), "Nieuw samenwerkingsverband"),
        (reverse("convenant:convenant-create"), "Nieuw convenant"),
        (reverse("convenant:artikel-create", args=[convenant.pk]), "Nieuw artikel"),
    ]


def test_every_create_page_names_its_object(demo, django_user_model):
    client = logged_in(django_user_model.objects.create_superuser("super-test", password="x-123!"))
    for url, expected in create_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert h1(page) == expected, url
        assert title(page).startswith(expected), url


def test_an_edit_page_names_the_kind_and_the_object(demo, regie_client):
    vergadering = a_vergadering()
    gremium = Gremium.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    for obj, url_name, kind in (
        (vergadering, "governance:vergadering-update", "Vergadering bewerken"),
        (gremium, "governance:gremium-update", "Gremium bewerken"),
    ):
        page = regie_client.get(reverse(url_name, args=["MLW", obj.pk])).content.decode()
        assert h1(page) == kind
        assert f'<p class="subtitle">{obj}</p>' in page


def test_a_list_offers_to_add_by_name(demo, regie_client):
    page = regie_client.get(reverse("governance:actiepunt-list", args=["MLW"])).content.decode()
    assert ">Nieuw actiepunt</a>" in page
    page = regie_client.get(reverse("governance:besluit-list", args=["MLW"])).content.decode()
    assert ">Nieuw besluit</a>" in page and ">Nieuw</a>" not in page


def test_the_action_list_says_uiterste_datum(demo, regie_client):
    gremium = Gremium.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    Actiepunt.objects.create(gremium=gremium, omschrijving="Notitie opstellen")
    pages = [
        reverse("governance:actiepunt-list", args=["MLW"]),
        reverse("governance:actiepunt-create", args=["MLW"]),
    ]
    for url in pages:
        page = regie_client.get(url).content.decode()
        assert "Uiterste datum" in page, url
        assert "deadline" not in re.sub(r"<[^>]*>", " ", page).lower(), url


SKIP = ("download", "export", "uitloggen", "/admin/", "werkboek", ".pdf", ".xlsx", "scan")
INTERNAL = re.compile(r"\b(seed|Deadline|deadline|niet_gestart|None)\b")


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


def test_no_internal_words_on_the_demo_pages(demo, regie_client):
    """Crawl the demo as a regiegroep official (up to 120 pages) and read every page."""
    start = reverse("convenant:samenwerkingsverband-detail", args=["MLW"])
    queue, seen, read = deque([start]), {start}, 0
    while queue and read < 120:
        url = queue.popleft()
        response = regie_client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        read += 1
        page = response.content.decode()
        found = INTERNAL.findall(visible_text(page))
        assert not found, (url, found)
        for href in re.findall(r'href="([^"#]+)"', page):
            href = href.replace("&amp;", "&")
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/") or any(s in href for s in SKIP):
                continue
            if href not in seen:
                seen.add(href)
                queue.append(href)
    assert read > 40


def test_the_admin_history_shows_labels_and_dutch_dates(demo, django_user_model):
    gremium = Gremium.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    actie = Actiepunt.objects.create(gremium=gremium, omschrijving="Notitie opstellen")
    actie.status, actie.deadline = "gereed", date(2027, 6, 1)
    actie.save()
    client = logged_in(django_user_model.objects.create_superuser("super-test", password="x-1!"))
    url = reverse("admin:governance_actiepunt_history", args=[actie.pk])
    page = " ".join(html.unescape(visible_text(client.get(url).content.decode())).split())
    assert "Status: Open → Gereed" in page
    assert "1 juni 2027" in page and "Uiterste datum" in page
    assert "Wijzigingen" in page and "gewijzigd" in page
    for raw in ("gereed →", "2027-06-01", "Changed by", "Date/time"):
        assert raw not in page, raw
